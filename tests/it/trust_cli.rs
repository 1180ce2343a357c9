//! Issue 9 from the command line: the ways a file could be lost, misread or misreported, each
//! reproduced against the real binary (`validate`, `fmt`, `export`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use twin_studio::model::Twin;

use crate::support;

use support::cli::{bin, probe_value as twin_value, stderr, stdout, write};

fn run(args: &[&str], paths: &[&Path]) -> Output {
    bin()
        .args(args)
        .args(paths)
        .output()
        .expect("run twin-studio")
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("json")
}

/// A canonical twin file (what the studio saves), so `fmt` has nothing to change but a value.
fn canonical(dir: &Path, name: &str) -> PathBuf {
    let twin: Twin = serde_json::from_value(twin_value()).expect("twin");
    write(dir, name, twin_studio::store::to_json(&twin).as_bytes())
}

/// Replaces the first occurrence of `from` in pretty JSON text, asserting it was there.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from:?} not in the test file");
    text.replacen(from, to, 1)
}

/// [`edit`], also returning the inserted text, to find the copies again.
fn inserted(text: &str, from: &str, to: &str) -> (String, String) {
    (edit(text, from, to), to.to_owned())
}

// ---- 4. duplicate keys --------------------------------------------------------------------

#[test]
fn duplicate_keys_in_every_map_are_refused_with_place_and_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let base = pretty(&twin_value());
    let cases = [
        (
            "scores.twin.json",
            inserted(
                &base,
                "\"save_the_world\": {",
                "\"save_the_world\": {\"value\": 1.0, \"evidence\": []},\n      \"save_the_world\": {",
            ),
            "\"save_the_world\"",
            "east.scores",
        ),
        (
            "notes.twin.json",
            inserted(
                &base,
                "\"lessons\": []",
                "\"lessons\": [],\n  \"speaker_notes\": {\"title\": \"a\", \"title\": \"b\"}",
            ),
            "\"title\"",
            "speaker_notes",
        ),
        (
            "snap.twin.json",
            inserted(
                &base,
                "\"lessons\": []",
                "\"lessons\": [],\n  \"snapshots\": [{\"label\": \"2018\", \"west\": {\"base\": 5.0, \"base\": 6.0}}]",
            ),
            "\"base\"",
            "snapshots[0].west",
        ),
    ];
    for (name, (text, inserted_at), key, field) in cases {
        let path = write(dir.path(), name, text.as_bytes());
        let out = run(&["validate"], &[&path]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(&format!("{}:", path.display())), "{err}");
        assert!(err.contains(key) && err.contains(field), "{name}: {err}");
        assert!(err.contains("twice"), "{err}");
        // The line of the second copy: the second `"key":` from where the test inserted them.
        let needle = format!("{key}:");
        let inserted = text.find(&inserted_at).expect("inserted text");
        let first = inserted + text[inserted..].find(&needle).expect("first copy");
        let second = first + 1 + text[first + 1..].find(&needle).expect("second copy");
        let line = text[..second].matches('\n').count() + 1;
        assert!(err.contains(&format!(":{line}:")), "line {line}: {err}");
        // fmt refuses too and leaves the file alone.
        let out = run(&["fmt"], &[&path]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    }
}

// ---- 5. symlinks and hard links -------------------------------------------------------------

#[cfg(unix)]
#[test]
fn fmt_through_a_symlink_updates_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real_dir = dir.path().join("real");
    std::fs::create_dir(&real_dir).expect("mkdir");
    let text = pretty(&twin_value()).replace("  ", "    ");
    let target = write(&real_dir, "t.twin.json", text.as_bytes());
    let link = dir.path().join("link.twin.json");
    std::os::unix::fs::symlink("real/t.twin.json", &link).expect("symlink");
    let out = run(&["fmt"], &[&link]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::symlink_metadata(&link).expect("link");
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    let saved = std::fs::read_to_string(&target).expect("target");
    assert_ne!(saved, text, "the target was rewritten");
    assert!(saved.starts_with("{\n  \"schema_version\""), "{saved}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("ls").collect();
    assert_eq!(left.len(), 2, "no temp file beside the link");
}

#[cfg(unix)]
#[test]
fn fmt_keeps_hard_links_together() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = pretty(&twin_value()).replace("  ", "    ");
    let a = write(dir.path(), "a.twin.json", text.as_bytes());
    let b = dir.path().join("b.twin.json");
    std::fs::hard_link(&a, &b).expect("hard link");
    let out = run(&["fmt"], &[&a]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (ta, tb) = (
        std::fs::read_to_string(&a).expect("a"),
        std::fs::read_to_string(&b).expect("b"),
    );
    assert_ne!(ta, text);
    assert_eq!(ta, tb, "both names show the new contents");
    use std::os::unix::fs::MetadataExt;
    assert_eq!(std::fs::metadata(&a).expect("meta").nlink(), 2);
}

// ---- 6. read-only files ---------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn fmt_refuses_a_read_only_file_and_says_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let text = pretty(&twin_value()).replace("  ", "    ");
    let path = write(dir.path(), "ro.twin.json", text.as_bytes());
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = run(&["fmt"], &[&path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("read-only"), "{err}");
    assert!(err.contains("r--r--r--"), "{err}");
    assert!(
        err.contains("not written"),
        "a write failure is called one: {err}"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

// ---- 7. special files -----------------------------------------------------------------------

/// Runs the binary and fails the test if it has not finished within `limit`.
fn run_within(args: &[&str], paths: &[&Path], limit: Duration) -> Output {
    let mut child = bin()
        .args(args)
        .args(paths)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} still running after {limit:?}: it blocked");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_by_every_verb() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("x.twin.json");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    for args in [
        vec!["validate"],
        vec!["fmt"],
        vec!["export", "--format", "html", "--out", "/dev/null/never"],
    ] {
        for target in [fifo.as_path(), dir.path()] {
            let out = run_within(&args, &[target], Duration::from_secs(1));
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(err.contains("named pipe (FIFO)"), "{args:?}: {err}");
            assert!(err.contains("x.twin.json"), "{err}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_called_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.twin.json");
    let b = dir.path().join("b.twin.json");
    std::os::unix::fs::symlink(&b, &a).expect("a->b");
    std::os::unix::fs::symlink(&a, &b).expect("b->a");
    let out = run(&["validate"], &[&a]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("symbolic link loop"), "{err}");
    assert!(!err.contains("no such file"), "{err}");
}

// ---- 8. bounded and escaped messages --------------------------------------------------------

#[test]
fn a_megabyte_key_gives_a_short_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut value = twin_value();
    let key = "K".repeat(3 * 1024 * 1024);
    value["west"][key.as_str()] = json!(1);
    let path = write(dir.path(), "big.twin.json", pretty(&value).as_bytes());
    let out = run(&["validate"], &[&path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.len() < 2_000, "stderr is {} bytes", err.len());
    assert!(err.contains("more characters)"), "{err}");
    assert!(err.contains("west"), "{err}");
}

#[test]
fn control_characters_from_a_file_are_escaped_and_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    // An unknown key that tries to erase the line and print a fake success.
    let mut value = twin_value();
    value["east"]["x\r\u{1b}[2Kok other.twin.json\u{7}"] = json!(1);
    let path = write(dir.path(), "esc.twin.json", pretty(&value).as_bytes());
    let out = run(&["validate"], &[&path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(!err.contains('\u{1b}') && !err.contains('\r') && !err.contains('\u{7}'));
    assert!(err.contains("\\u{1b}[2K"), "{err}");
    // The same characters in a text field are refused by validation.
    let mut value = twin_value();
    value["title"] = json!("Probe\u{1b}[31m");
    value["biggest_difference"] = json!("two\nlines\tand a tab are fine");
    let path = write(dir.path(), "title.twin.json", pretty(&value).as_bytes());
    let out = run(&["validate"], &[&path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("title: contains an escape character (ESC)"),
        "{err}"
    );
    assert!(!err.contains("biggest_difference"), "{err}");
}

// ---- 9. misleading messages -----------------------------------------------------------------

#[test]
fn a_utf8_bom_is_accepted_and_fmt_drops_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(pretty(&twin_value()).as_bytes());
    let path = write(dir.path(), "bom.twin.json", &bytes);
    let out = run(&["validate"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), format!("ok {}\n", path.display()));
    let out = run(&["fmt"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!std::fs::read(&path).expect("read").starts_with(b"\xEF"));
}

#[test]
fn utf16_and_utf32_files_are_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = pretty(&twin_value());
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let utf32le: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    for (name, bytes, expect) in [
        ("le.twin.json", utf16le, "UTF-16 (little-endian)"),
        ("be.twin.json", utf16be_no_bom, "UTF-16 (big-endian)"),
        ("32.twin.json", utf32le, "UTF-32 (little-endian)"),
    ] {
        let path = write(dir.path(), name, &bytes);
        let out = run(&["validate"], &[&path]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1));
        assert!(err.contains(expect), "{name}: {err}");
        assert!(err.contains("save it again as UTF-8"), "{err}");
        assert!(!err.contains("key must be a string"), "{err}");
    }
}

#[test]
fn export_refuses_to_replace_its_own_input_even_with_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = canonical(dir.path(), "x.twin.json");
    let before = std::fs::read(&path).expect("read");
    let out = run(
        &["export", "--format", "html", "--force", "--out"],
        &[&path, &path],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("is the input"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    // Through another spelling of the same file, and from a folder.
    let other = dir.path().join(".").join("x.twin.json");
    let out = run(
        &["export", "--format", "csv", "--force", "--out"],
        &[&other, dir.path()],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[cfg(unix)]
#[test]
fn a_failed_write_is_called_a_write_failure_with_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = canonical(dir.path(), "x.twin.json");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("  ", "   ")).expect("uncanonical");
    // A folder replaced by a file half way cannot be simulated portably; a folder that cannot
    // hold a new file can: make the twin's folder a read-only bind... as root only mode bits on
    // the file are honoured, so use a file name whose folder vanished under a symlink instead.
    let gone = dir.path().join("gone");
    std::fs::create_dir(&gone).expect("mkdir");
    let link = dir.path().join("y.twin.json");
    std::os::unix::fs::symlink("gone/missing/y.twin.json", &link).expect("link");
    let twin: Twin = serde_json::from_value(twin_value()).expect("twin");
    let err = twin_studio::store::save_twin(&link, &twin)
        .expect_err("the target's folder does not exist")
        .to_string();
    assert!(err.contains("not saved"), "{err}");
    assert!(err.contains("cannot create a file in the folder"), "{err}");
    assert!(err.contains("gone/missing"), "{err}");
    assert!(!err.contains("cannot read"), "{err}");
}

// ---- 10. number fidelity --------------------------------------------------------------------

#[test]
fn numbers_an_f64_would_change_are_refused_and_fmt_keeps_valid_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut value = twin_value();
    value["west"]["metrics"] = json!([
        {"name": "Revenue", "value": 0.0, "unit": "USD", "year": 2020}
    ]);
    let base = pretty(&value);
    for literal in ["99999999999999999999999999", "10.000000000000001"] {
        let text = base.replace("\"value\": 0.0", &format!("\"value\": {literal}"));
        let path = write(dir.path(), "n.twin.json", text.as_bytes());
        for verb in ["validate", "fmt"] {
            let out = run(&[verb], &[&path]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{verb} {literal}: {err}");
            assert!(err.contains(literal), "{err}");
            assert!(err.contains("west.metrics[0].value"), "{err}");
        }
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    }
    // In range and exactly representable: fmt keeps the meaning.
    let text = base.replace("\"value\": 0.0", "\"value\": 0.30000000000000004");
    let path = write(
        dir.path(),
        "ok.twin.json",
        text.replace("  ", "    ").as_bytes(),
    );
    let out = run(&["fmt"], &[&path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let saved = std::fs::read_to_string(&path).expect("read");
    assert!(saved.contains("\"value\": 0.30000000000000004"), "{saved}");
    // Out of range for a metric: refused by validation, not rewritten.
    let text = base.replace("\"value\": 0.0", "\"value\": 1e26");
    let path = write(dir.path(), "big.twin.json", text.as_bytes());
    let out = run(&["fmt"], &[&path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("west.metrics[0].value"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}
