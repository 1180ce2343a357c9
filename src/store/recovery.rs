//! Crash recovery: unsaved edits are written every few seconds to one file in the platform data
//! folder, so a crash or a kill loses at most a few seconds of work. The studio only calls this.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic_write;
use crate::model::Twin;

/// The recovery file's name inside the recovery folder.
pub const RECOVERY_FILE: &str = "recovery.json";

/// One unsaved twin: where it belongs and what it held, even if not yet valid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecoveredTwin {
    /// The file the twin would be saved to.
    pub path: PathBuf,
    pub twin: Twin,
}

/// The whole recovery file; versioned so a later build can tell an older layout.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryFile {
    version: u32,
    twins: Vec<RecoveredTwin>,
}

const VERSION: u32 = 1;

/// Where recovery data lives; tests point it at a temporary folder.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryStore {
    folder: PathBuf,
}

impl RecoveryStore {
    /// The platform data folder (e.g. `~/.local/share/twinstudio/recovery`), if the OS has one.
    pub fn platform() -> Option<Self> {
        directories::ProjectDirs::from("org", "Twin Studio", "twin-studio")
            .map(|dirs| Self::at(dirs.data_dir().join("recovery")))
    }

    /// A store in a chosen folder.
    pub fn at(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: folder.into(),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn file(&self) -> PathBuf {
        self.folder.join(RECOVERY_FILE)
    }

    /// Replaces the recovery file with these twins (atomically); no twins removes the file.
    pub fn write(&self, twins: &[RecoveredTwin]) -> io::Result<()> {
        if twins.is_empty() {
            return self.clear();
        }
        std::fs::create_dir_all(&self.folder)?;
        let file = RecoveryFile {
            version: VERSION,
            twins: twins.to_vec(),
        };
        let text = serde_json::to_string(&file).map_err(io::Error::other)?;
        atomic_write(&self.file(), text.as_bytes())
    }

    /// The twins left by the last session; none when there is no file.
    pub fn read(&self) -> io::Result<Vec<RecoveredTwin>> {
        let bytes = match std::fs::read(self.file()) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let file: RecoveryFile = serde_json::from_slice(&bytes)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        if file.version != VERSION {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("recovery file version {} is not {VERSION}", file.version),
            ));
        }
        Ok(file.twins)
    }

    /// Forgets recovery data once everything is saved or discarded.
    pub fn clear(&self) -> io::Result<()> {
        match std::fs::remove_file(self.file()) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;

    fn edited() -> RecoveredTwin {
        let mut twin = Twin::new_blank("amazon-alibaba", "Amazon 与 阿里巴巴");
        // An edit that is not valid yet must survive too: recovery keeps work, validation is later.
        twin.west
            .scores
            .insert("base".into(), Score::unsupported(12.0));
        RecoveredTwin {
            path: PathBuf::from("/library/amazon-alibaba.twin.json"),
            twin,
        }
    }

    #[test]
    fn round_trips_unsaved_twins_even_invalid_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::at(dir.path().join("nested"));
        assert_eq!(store.read().expect("empty"), Vec::new());
        store.write(&[edited()]).expect("write");
        assert_eq!(store.read().expect("read"), vec![edited()]);
    }

    #[test]
    fn writing_nothing_or_clearing_removes_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::at(dir.path());
        store.write(&[edited()]).expect("write");
        assert!(dir.path().join(RECOVERY_FILE).exists());
        store.write(&[]).expect("write none");
        assert!(!dir.path().join(RECOVERY_FILE).exists());
        store.clear().expect("clearing twice is fine");
    }

    #[test]
    fn a_damaged_file_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::at(dir.path());
        std::fs::write(dir.path().join(RECOVERY_FILE), b"{not json").expect("write");
        assert_eq!(
            store.read().map_err(|e| e.kind()),
            Err(io::ErrorKind::InvalidData)
        );
    }

    #[test]
    fn platform_folder_is_under_the_data_dir() {
        if let Some(store) = RecoveryStore::platform() {
            assert!(store.folder().ends_with("recovery"));
        }
    }
}
