//! Running the real `twin-studio` binary from CLI tests, and the small probe twin they break.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use twin_studio::model::{Score, Twin};

/// The binary under test.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_twin-studio"))
}

/// Standard error as text (lossy: hostile files may print anything).
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A valid twin with one scored pillar, as JSON, to break in one place at a time.
pub fn probe_value() -> Value {
    let mut twin = Twin::new_blank("probe", "Probe");
    twin.east
        .scores
        .insert("save_the_world".into(), Score::unsupported(6.5));
    serde_json::to_value(&twin).expect("to value")
}

/// Writes `bytes` as `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}
