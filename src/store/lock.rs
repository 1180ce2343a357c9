//! "This library is open in another Twin Studio": one lock file per open library (a folder or a
//! single twin file) in the app's data folder, held with an OS file lock. The OS drops the lock
//! when its owner exits or crashes, so a dead owner never leaves a library stuck; the file only
//! records who owns it (process id) and what, for the message.

use std::fs::{File, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// What a lock file records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Owner {
    pid: u32,
    /// The library, canonical.
    path: PathBuf,
}

/// A library this studio holds; dropping it releases the lock and removes the file.
#[derive(Debug)]
pub struct LibraryLock {
    file: File,
    lock_path: PathBuf,
    /// The locked library, canonical.
    pub path: PathBuf,
}

impl Drop for LibraryLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.lock_path);
        let _ = self.file.unlock();
    }
}

/// Another running studio that has the library (or a twin in it, or its folder) open.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldElsewhere {
    pub pid: u32,
    /// What that studio opened: the same path, the folder of a file, or a file in the folder.
    pub path: PathBuf,
}

impl std::fmt::Display for HeldElsewhere {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is open in another Twin Studio (process {}): save there, or close it first; \
             here your edits are kept but not written",
            crate::model::escape_controls(&self.path.display().to_string()),
            self.pid
        )
    }
}

/// Either this studio now holds the library, or another one does.
#[derive(Debug)]
pub enum LockOutcome {
    Acquired(LibraryLock),
    Held(HeldElsewhere),
}

/// Takes the lock on `library` in `locks_dir`, unless a live studio holds it or something that
/// overlaps it (its folder, or a file inside it). Stale lock files of dead studios are removed.
pub fn lock_library(locks_dir: &Path, library: &Path) -> io::Result<LockOutcome> {
    std::fs::create_dir_all(locks_dir)?;
    let path = library
        .canonicalize()
        .unwrap_or_else(|_| library.to_owned());
    if let Some(held) = held_overlapping(locks_dir, &path)? {
        return Ok(LockOutcome::Held(held));
    }
    let lock_path = locks_dir.join(format!("{:016x}.lock", fnv1a(&path)));
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            // Lost a race with another studio opening the same library.
            let pid = read_owner(&mut file).map_or(0, |o| o.pid);
            return Ok(LockOutcome::Held(HeldElsewhere { pid, path }));
        }
        Err(TryLockError::Error(e)) => return Err(e),
    }
    let owner = Owner {
        pid: std::process::id(),
        path: path.clone(),
    };
    file.set_len(0)?;
    file.write_all(&serde_json::to_vec(&owner).map_err(io::Error::other)?)?;
    file.sync_all()?;
    Ok(LockOutcome::Acquired(LibraryLock {
        file,
        lock_path,
        path,
    }))
}

/// A live lock on the same library, on the folder of a file, or on a file in a folder.
fn held_overlapping(locks_dir: &Path, path: &Path) -> io::Result<Option<HeldElsewhere>> {
    for entry in std::fs::read_dir(locks_dir)?.filter_map(Result::ok) {
        let lock_path = entry.path();
        if lock_path.extension().and_then(|e| e.to_str()) != Some("lock") {
            continue;
        }
        let Ok(mut file) = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&lock_path)
        else {
            continue;
        };
        match file.try_lock() {
            Ok(()) => {
                // Its owner is gone: the lock is stale.
                let _ = std::fs::remove_file(&lock_path);
                let _ = file.unlock();
            }
            Err(TryLockError::WouldBlock) => {
                if let Some(owner) = read_owner(&mut file)
                    && (owner.path == path
                        || owner.path.starts_with(path)
                        || path.starts_with(&owner.path))
                {
                    return Ok(Some(HeldElsewhere {
                        pid: owner.pid,
                        path: owner.path,
                    }));
                }
            }
            Err(TryLockError::Error(_)) => {}
        }
    }
    Ok(None)
}

fn read_owner(file: &mut File) -> Option<Owner> {
    let mut text = Vec::new();
    file.take(64 * 1024).read_to_end(&mut text).ok()?;
    serde_json::from_slice(&text).ok()
}

/// A stable name for a path (the same in every build, unlike the std hasher).
fn fnv1a(path: &Path) -> u64 {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
            (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acquired(outcome: io::Result<LockOutcome>) -> LibraryLock {
        match outcome.expect("lock") {
            LockOutcome::Acquired(lock) => lock,
            LockOutcome::Held(h) => panic!("held by {h:?}"),
        }
    }

    fn held(outcome: io::Result<LockOutcome>) -> HeldElsewhere {
        match outcome.expect("lock") {
            LockOutcome::Held(h) => h,
            LockOutcome::Acquired(lock) => panic!("acquired {:?}", lock.path),
        }
    }

    #[test]
    fn a_second_studio_is_told_and_the_lock_frees_when_the_first_goes() {
        let data = tempfile::tempdir().expect("tempdir");
        let library = tempfile::tempdir().expect("library");
        let locks = data.path().join("locks");
        let first = acquired(lock_library(&locks, library.path()));
        let h = held(lock_library(&locks, library.path()));
        assert_eq!(h.pid, std::process::id());
        assert!(h.to_string().contains("open in another Twin Studio"));
        // A twin file inside the locked folder overlaps it too.
        let file = library.path().join("a.twin.json");
        std::fs::write(&file, b"{}").expect("write");
        held(lock_library(&locks, &file));
        drop(first);
        let second = acquired(lock_library(&locks, library.path()));
        assert_eq!(
            second.path,
            library.path().canonicalize().expect("canonical")
        );
    }

    #[test]
    fn unrelated_libraries_do_not_block_each_other() {
        let data = tempfile::tempdir().expect("tempdir");
        let a = tempfile::tempdir().expect("a");
        let b = tempfile::tempdir().expect("b");
        let locks = data.path().join("locks");
        let _a = acquired(lock_library(&locks, a.path()));
        let _b = acquired(lock_library(&locks, b.path()));
    }
}
