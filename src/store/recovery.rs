//! Crash recovery: unsaved edits are written every few seconds to a file of this studio's own in
//! the platform data folder, so a crash or a kill loses at most a few seconds of work.
//!
//! Each running studio is an *instance* with its own recovery file and an OS lock on a companion
//! lock file. Two studios never touch each other's recovery; a file whose lock is free belongs to
//! a session that ended (crashed or killed) and is offered to the next studio. The studio only
//! calls this.

use std::fs::{File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use super::atomic_write;
use crate::model::Twin;

/// The recovery file older builds shared between all studios; still offered when found.
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

/// This instance's lock, taken on its first write and held until the studio exits.
#[derive(Debug, Default)]
struct InstanceLock {
    file: Option<File>,
}

/// Where recovery data lives and which instance this is; tests point it at a temporary folder.
/// Clones share the instance (and its lock).
#[derive(Debug, Clone)]
pub struct RecoveryStore {
    folder: PathBuf,
    instance: String,
    lock: Arc<Mutex<InstanceLock>>,
}

impl PartialEq for RecoveryStore {
    fn eq(&self, other: &Self) -> bool {
        self.folder == other.folder && self.instance == other.instance
    }
}

impl RecoveryStore {
    /// The platform data folder (e.g. `~/.local/share/twinstudio/recovery`), if the OS has one.
    pub fn platform() -> Option<Self> {
        data_dir().map(|dir| Self::at(dir.join("recovery")))
    }

    /// A new instance's store in a chosen folder.
    pub fn at(folder: impl Into<PathBuf>) -> Self {
        static COUNT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self {
            folder: folder.into(),
            instance: format!("{}-{nanos:x}-{n}", std::process::id()),
            lock: Arc::default(),
        }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// This instance's recovery file.
    pub fn file(&self) -> PathBuf {
        self.folder.join(format!("recovery-{}.json", self.instance))
    }

    fn lock_file(&self) -> PathBuf {
        self.folder.join(format!("recovery-{}.lock", self.instance))
    }

    /// Holds this instance's lock, so other studios know its recovery file is alive.
    fn claim(&self) -> io::Result<()> {
        let mut guard = self
            .lock
            .lock()
            .map_err(|_| io::Error::other("recovery lock poisoned"))?;
        if guard.file.is_some() {
            return Ok(());
        }
        std::fs::create_dir_all(&self.folder)?;
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.lock_file())?;
        file.try_lock().map_err(|e| match e {
            TryLockError::WouldBlock => io::Error::other(format!(
                "{} is locked by another studio",
                self.lock_file().display()
            )),
            TryLockError::Error(e) => e,
        })?;
        guard.file = Some(file);
        Ok(())
    }

    /// Replaces this instance's recovery file with these twins (atomically); no twins removes it.
    pub fn write(&self, twins: &[RecoveredTwin]) -> io::Result<()> {
        if twins.is_empty() {
            return self.clear();
        }
        self.claim()?;
        let file = RecoveryFile {
            version: VERSION,
            twins: twins.to_vec(),
        };
        let text = serde_json::to_string(&file).map_err(io::Error::other)?;
        atomic_write(&self.file(), text.as_bytes())
    }

    /// The twins left by sessions that ended without saving (their lock is free), oldest file
    /// first; none when there are none. Running studios' files are never read.
    pub fn read(&self) -> io::Result<Vec<RecoveredTwin>> {
        let mut twins = Vec::new();
        for file in self.left_behind()? {
            let bytes = match std::fs::read(&file) {
                Ok(bytes) => bytes,
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(e) => return Err(e),
            };
            let parsed: RecoveryFile = serde_json::from_slice(&bytes).map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{}: {e}", file.display()),
                )
            })?;
            if parsed.version != VERSION {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "{}: recovery file version {} is not {VERSION}",
                        file.display(),
                        parsed.version
                    ),
                ));
            }
            twins.extend(parsed.twins);
        }
        Ok(twins)
    }

    /// Recovery files of ended sessions: the shared file of older builds, and instance files
    /// whose lock nobody holds.
    fn left_behind(&self) -> io::Result<Vec<PathBuf>> {
        let entries = match std::fs::read_dir(&self.folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let own = self.file();
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let ended = if name == RECOVERY_FILE {
                true
            } else if let Some(id) = name
                .strip_prefix("recovery-")
                .and_then(|n| n.strip_suffix(".json"))
            {
                path != own && !is_alive(&self.folder.join(format!("recovery-{id}.lock")))
            } else {
                false
            };
            if ended {
                let modified = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                files.push((modified, path));
            }
        }
        files.sort();
        Ok(files.into_iter().map(|(_, p)| p).collect())
    }

    /// Forgets this instance's recovery data once everything is saved or discarded.
    pub fn clear(&self) -> io::Result<()> {
        remove_if_present(&self.file())
    }

    /// Removes what ended sessions left (after the user restored or discarded it).
    pub fn discard_left_behind(&self) -> io::Result<()> {
        for file in self.left_behind()? {
            remove_if_present(&file)?;
            if let Some(id) = file
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_prefix("recovery-"))
                .and_then(|n| n.strip_suffix(".json"))
            {
                remove_if_present(&self.folder.join(format!("recovery-{id}.lock")))?;
            }
        }
        Ok(())
    }
}

impl Drop for InstanceLock {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            let _ = file.unlock();
        }
    }
}

/// Whether a running studio holds this lock file.
fn is_alive(lock: &Path) -> bool {
    match File::open(lock) {
        Ok(file) => match file.try_lock() {
            Ok(()) => {
                let _ = file.unlock();
                false
            }
            Err(TryLockError::WouldBlock) => true,
            Err(TryLockError::Error(_)) => false,
        },
        Err(_) => false,
    }
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// The platform folder for the studio's own data (recovery, library locks).
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "Twin Studio", "twin-studio")
        .map(|dirs| dirs.data_dir().to_owned())
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
        drop(store);
        let next = RecoveryStore::at(dir.path().join("nested"));
        assert_eq!(next.read().expect("read"), vec![edited()]);
    }

    #[test]
    fn writing_nothing_or_clearing_removes_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = RecoveryStore::at(dir.path());
        store.write(&[edited()]).expect("write");
        assert!(store.file().exists());
        store.write(&[]).expect("write none");
        assert!(!store.file().exists());
        store.clear().expect("clearing twice is fine");
    }

    #[test]
    fn two_studios_in_one_data_folder_keep_their_own_recovery() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = RecoveryStore::at(dir.path());
        let b = RecoveryStore::at(dir.path());
        assert_ne!(a, b);
        a.write(&[edited()]).expect("a writes");
        let mut other = edited();
        other.path = PathBuf::from("/library/other.twin.json");
        b.write(std::slice::from_ref(&other)).expect("b writes");
        // Saving everything in b removes only b's recovery.
        b.clear().expect("b clears");
        assert!(a.file().exists(), "a's recovery survives b's save");
        // Neither studio is offered the other's live edits.
        assert_eq!(a.read().expect("read"), Vec::new());
        assert_eq!(b.read().expect("read"), Vec::new());
        // a crashes: its lock goes with it, and the next studio is offered its edits.
        drop(a);
        let c = RecoveryStore::at(dir.path());
        assert_eq!(c.read().expect("read"), vec![edited()]);
        c.discard_left_behind().expect("discard");
        assert_eq!(c.read().expect("read"), Vec::new());
    }

    #[test]
    fn the_shared_file_of_older_builds_is_still_offered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = RecoveryFile {
            version: VERSION,
            twins: vec![edited()],
        };
        std::fs::write(
            dir.path().join(RECOVERY_FILE),
            serde_json::to_vec(&old).expect("json"),
        )
        .expect("write");
        let store = RecoveryStore::at(dir.path());
        assert_eq!(store.read().expect("read"), vec![edited()]);
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
