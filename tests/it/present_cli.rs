//! `twin-studio present` refuses bad input before opening any window.

use crate::support;

use std::process::Command;

fn present(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_twin-studio"))
        .arg("present")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_missing_or_broken_file_exits_1_with_the_reason() {
    let (code, err) = present(&["no-such-file.twin.json"]);
    assert_eq!(code, 1);
    assert!(err.contains("no-such-file.twin.json"), "{err}");

    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.twin.json");
    std::fs::write(&broken, "{ \"id\": ").expect("write");
    let (code, err) = present(&[&broken.to_string_lossy()]);
    assert_eq!(code, 1);
    assert!(err.contains("broken.twin.json"), "{err}");
}

#[test]
fn a_bad_command_line_exits_2() {
    let path = support::sample_path("amazon-alibaba");
    let sample = path.to_str().expect("a UTF-8 path");
    assert_eq!(present(&[sample, "--slide", "0"]).0, 2);
    assert_eq!(present(&[sample, "--slide", "two"]).0, 2);
    assert_eq!(present(&[sample, "--theme", "blue"]).0, 2);
    assert_eq!(present(&[]).0, 2);
}
