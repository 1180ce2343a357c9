//! `twin-studio export`: exit codes, default paths, --force, refusing to overwrite, portfolios.

use crate::support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn export(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twin-studio"))
        .arg("export")
        .args(args)
        .output()
        .expect("run twin-studio")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sample(name: &str) -> PathBuf {
    support::sample_path(name)
}

/// A temp folder with copies of two samples, so default outputs land inside it.
fn folder_with_samples() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["amazon-alibaba", "uber-didi"] {
        std::fs::copy(sample(name), dir.path().join(format!("{name}.twin.json"))).expect("copy");
    }
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn default_output_is_beside_the_input_and_never_overwritten() {
    let dir = folder_with_samples();
    let input = dir.path().join("amazon-alibaba.twin.json");
    let out = export(&[s(&input), "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = dir.path().join("amazon-alibaba.html");
    assert!(html.is_file());
    std::fs::write(&html, "mine").expect("write");
    let again = export(&[s(&input), "--format", "html"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    assert_eq!(
        std::fs::read_to_string(&html).expect("read"),
        "mine",
        "left alone"
    );
    let forced = export(&[s(&input), "--format", "html", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert!(
        std::fs::read_to_string(&html)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn every_format_writes_its_files() {
    let dir = folder_with_samples();
    let input = dir.path().join("amazon-alibaba.twin.json");
    for (format, file) in [
        ("pdf", "amazon-alibaba.pdf"),
        ("csv", "amazon-alibaba.csv"),
        ("svg", "amazon-alibaba-radar.svg"),
        ("png", "amazon-alibaba-radar.png"),
        ("md", "amazon-alibaba.md"),
    ] {
        let out = export(&[s(&input), "-f", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(dir.path().join(file).is_file(), "{file}");
    }
    assert!(
        dir.path()
            .join("amazon-alibaba-chart-timeline.svg")
            .is_file(),
        "md charts beside it"
    );
    let out = export(&[
        s(&input),
        "-f",
        "png",
        "--chart",
        "map",
        "--scale",
        "1",
        "-o",
        s(&dir.path().join("m.png")),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let letter = export(&[
        s(&input),
        "-f",
        "pdf",
        "--page",
        "letter",
        "-o",
        s(&dir.path().join("l.pdf")),
    ]);
    assert_eq!(letter.status.code(), Some(0), "{}", stderr(&letter));
}

#[test]
fn folder_gives_a_portfolio() {
    let dir = folder_with_samples();
    let out_path = dir.path().join("all.html");
    let out = export(&[s(dir.path()), "-f", "html", "-o", s(&out_path)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = std::fs::read_to_string(&out_path).expect("read");
    assert!(html.contains("West vs China"));
    assert!(html.contains("Amazon vs Alibaba") && html.contains("Uber"));
    let pdf = export(&[
        s(dir.path()),
        "-f",
        "pdf",
        "-o",
        s(&dir.path().join("all.pdf")),
    ]);
    assert_eq!(pdf.status.code(), Some(0), "{}", stderr(&pdf));
}

#[test]
fn bad_input_exits_1_with_the_load_error_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("bad.twin.json");
    std::fs::write(&bad, "{\"schema_version\": 1, \"id\": ").expect("write");
    let out = export(&[s(&bad), "-f", "html"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("bad.twin.json:1:"), "{err}");
    assert!(!dir.path().join("bad.html").exists());
    let missing = export(&[s(&dir.path().join("nope.twin.json")), "-f", "pdf"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("no such file"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn usage_errors_exit_2() {
    let input = sample("amazon-alibaba");
    for args in [
        vec![s(&input), "-f", "docx"],
        vec![s(&input), "-f", "png", "--chart", "pie"],
        vec![s(&input), "-f", "pdf", "--page", "a3"],
        vec![s(&input), "-f", "png", "--scale", "0"],
        vec![s(&input)],
    ] {
        let out = export(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
    }
    let two = export(&[s(&input), s(&sample("uber-didi")), "-f", "svg"]);
    assert_eq!(two.status.code(), Some(2));
    assert!(
        stderr(&two).contains("single twin file"),
        "{}",
        stderr(&two)
    );
}
