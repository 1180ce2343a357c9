//! `twin-studio validate` against good and hostile files: exit codes and messages that name the
//! file, the place and the fix.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support;
use serde_json::{Value, json};

use support::cli::{bin, probe_value as valid_value, stderr, stdout, write};

fn validate(paths: &[&Path]) -> Output {
    bin()
        .arg("validate")
        .args(paths)
        .output()
        .expect("run twin-studio")
}

fn write_value(dir: &Path, name: &str, value: &Value) -> PathBuf {
    write(dir, name, &serde_json::to_vec_pretty(value).expect("json"))
}

/// Runs validate on one file and checks: exit 1, the file named, and every `needle` present.
fn assert_rejected(path: &Path, needles: &[&str]) -> String {
    let out = validate(&[path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "exit code for {path:?}: {err}");
    assert!(stdout(&out).is_empty(), "no ok line for a bad file");
    assert!(
        err.contains(&path.display().to_string()),
        "message names the file: {err}"
    );
    for needle in needles {
        assert!(err.contains(needle), "message mentions {needle:?}: {err}");
    }
    err
}

#[test]
fn good_files_and_folders_print_ok_and_exit_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write_value(dir.path(), "a.twin.json", &valid_value());
    let out = validate(&[dir.path()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("ok {}\n", a.display()));
}

#[test]
fn bundled_samples_validate() {
    let samples = support::samples_folder();
    let out = validate(&[&samples]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).lines().count() >= 6);
}

#[test]
fn bundled_samples_pass_strict_evidence_health() {
    let samples = support::samples_folder();
    let out = bin()
        .args(["validate", "--strict"])
        .arg(&samples)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn strict_turns_evidence_health_flags_into_exit_1_and_names_each_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Valid, but the score has no evidence and the twin has no as-of date.
    let path = write_value(dir.path(), "weak.twin.json", &valid_value());
    let lenient = validate(&[&path]);
    assert_eq!(lenient.status.code(), Some(0), "{}", stderr(&lenient));
    assert!(stderr(&lenient).contains("warning: east.scores.save_the_world.value"));
    let strict = bin()
        .args(["validate", "--strict"])
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(strict.status.code(), Some(1));
    let err = stderr(&strict);
    for needle in [
        "weak.twin.json",
        "error: as_of: is missing",
        "east.scores.save_the_world.value",
        "--strict",
    ] {
        assert!(err.contains(needle), "{needle} in {err}");
    }
}

#[test]
fn one_bad_file_among_good_ones_exits_1_but_reports_the_good() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write_value(dir.path(), "good.twin.json", &valid_value());
    let bad = write(dir.path(), "bad.twin.json", b"");
    let out = validate(&[&good, &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains(&format!("ok {}", good.display())));
    assert!(stderr(&out).contains("bad.twin.json"));
}

#[test]
fn usage_errors_exit_2() {
    let out = bin().arg("validate").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["validate", "--bogus", "x"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn missing_path_is_bad_input() {
    let out = validate(&[Path::new("/no/such/thing.twin.json")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no such file or folder"));
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(dir.path(), "empty.twin.json", b"");
    assert_rejected(&p, &[":1:0:", "ends too early"]);
}

#[test]
fn truncated_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = serde_json::to_vec_pretty(&valid_value()).expect("json");
    let p = write(dir.path(), "cut.twin.json", &bytes[..bytes.len() / 2]);
    assert_rejected(&p, &["ends too early"]);
}

#[test]
fn wrong_type_names_the_field_and_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut v = valid_value();
    v["east"]["scores"]["save_the_world"]["value"] = json!("high");
    let p = write_value(dir.path(), "type.twin.json", &v);
    assert_rejected(
        &p,
        &[
            "east.scores.save_the_world.value",
            "invalid type: string \"high\"",
        ],
    );
}

#[test]
fn nan_and_infinity_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = serde_json::to_string_pretty(&valid_value()).expect("json");
    let literal = text.replace("\"value\": 6.5", "\"value\": NaN");
    assert_ne!(literal, text);
    let p = write(dir.path(), "nan.twin.json", literal.as_bytes());
    assert_rejected(&p, &["east.scores.save_the_world.value"]);
    let infinite = text.replace("\"value\": 6.5", "\"value\": 1e999");
    let p = write(dir.path(), "inf.twin.json", infinite.as_bytes());
    assert_rejected(&p, &["east.scores.save_the_world.value"]);
    let mut v = valid_value();
    v["west"]["orientation"]["company_vs_ecosystem"] = json!("Infinity");
    let p = write_value(dir.path(), "infstr.twin.json", &v);
    assert_rejected(&p, &["west.orientation.company_vs_ecosystem"]);
}

#[test]
fn scores_out_of_range() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, value) in [("eleven", 11.0), ("minus", -1.0)] {
        let mut v = valid_value();
        v["east"]["scores"]["save_the_world"]["value"] = json!(value);
        let p = write_value(dir.path(), &format!("{name}.twin.json"), &v);
        assert_rejected(
            &p,
            &["east.scores.save_the_world.value", "must be from 0 to 10"],
        );
    }
}

#[test]
fn year_3000() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut v = valid_value();
    v["west"]["founded"] = json!(3000);
    let p = write_value(dir.path(), "year.twin.json", &v);
    assert_rejected(&p, &["west.founded", "is 3000", "a year must be from 1800"]);
}

#[test]
fn non_utf8_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = serde_json::to_string_pretty(&valid_value()).expect("json");
    let mut bytes = text.replace("Probe", "P\u{1}robe").into_bytes();
    // Replace the control marker with an invalid UTF-8 byte.
    if let Some(i) = bytes.iter().position(|&b| b == 1) {
        bytes[i] = 0xFF;
    }
    let p = write(dir.path(), "latin1.twin.json", &bytes);
    assert_rejected(&p, &["title", "UTF-8"]);
}

#[test]
fn hundred_megabyte_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.twin.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(100 * 1024 * 1024).expect("sparse file");
    assert_rejected(&path, &["104857600 bytes", "at most 20971520"]);
}

#[test]
fn ten_thousand_nested_arrays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let nested = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let p = write(dir.path(), "deep.twin.json", nested.as_bytes());
    assert_rejected(&p, &["deep.twin.json:1:1:", "one JSON object"]);

    // Deep nesting inside an otherwise valid twin is refused at the field it sits in.
    let mut v = valid_value();
    v["lessons"] = json!("PLACEHOLDER");
    let text = serde_json::to_string(&v).expect("json");
    let p = write(
        dir.path(),
        "deep-field.twin.json",
        text.replace("\"PLACEHOLDER\"", &nested).as_bytes(),
    );
    assert_rejected(&p, &["lessons[0]"]);
}

#[test]
fn megabyte_company_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut v = valid_value();
    v["west"]["name"] = json!("A".repeat(1024 * 1024));
    let p = write_value(dir.path(), "long.twin.json", &v);
    let err = assert_rejected(&p, &["west.name", "1048576 characters", "at most 200"]);
    assert!(err.len() < 2_000, "the hostile text is not echoed back");
}

#[test]
fn unknown_field_and_missing_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut v = valid_value();
    v["west"]["colour"] = json!("#fff");
    let p = write_value(dir.path(), "typo.twin.json", &v);
    assert_rejected(&p, &["west", "unknown field `colour`"]);

    let mut v = valid_value();
    v.as_object_mut().expect("object").remove("schema_version");
    let p = write_value(dir.path(), "nover.twin.json", &v);
    assert_rejected(&p, &["schema_version"]);

    let mut v = valid_value();
    v["schema_version"] = json!(99);
    let p = write_value(dir.path(), "future.twin.json", &v);
    assert_rejected(&p, &["schema_version 99", "newer Twin Studio"]);
}

#[test]
fn schema_verb_prints_the_checked_in_schema() {
    let out = bin().arg("schema").output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let checked_in = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/twin.schema.json"),
    )
    .expect("schema file");
    assert_eq!(stdout(&out), checked_in);
}

#[test]
fn fmt_rewrites_canonically_and_leaves_bad_files_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(
        dir.path(),
        "g.twin.json",
        serde_json::to_string(&valid_value())
            .expect("json")
            .as_bytes(),
    );
    let bad = write(dir.path(), "b.twin.json", b"{not json");
    let out = bin().arg("fmt").arg(&good).arg(&bad).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("formatted"));
    let twin = twin_studio::store::load_twin(&good).expect("still valid");
    assert_eq!(
        std::fs::read_to_string(&good).expect("read"),
        twin_studio::store::to_json(&twin)
    );
    assert_eq!(std::fs::read(&bad).expect("read"), b"{not json");
}
