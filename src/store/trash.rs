//! Deleting a twin's file so that undo can bring it back: the bytes are read before the file goes.

use std::io;
use std::path::Path;

/// What [`delete_keeping_bytes`] did: the bytes the file held (`None`: there was no readable
/// file, so nothing was deleted) and why the deletion failed, if it did.
#[derive(Debug)]
pub struct Deleted {
    pub bytes: Option<Vec<u8>>,
    pub error: Option<io::Error>,
}

/// Reads the file, then deletes it; the bytes are kept so the studio's undo can write it again.
/// A file that cannot be read as a twin file (a pipe, a folder) is left alone, since it could not
/// be restored.
pub fn delete_keeping_bytes(path: &Path) -> Deleted {
    let bytes = super::read_twin_bytes(path).ok();
    let error = match &bytes {
        Some(_) => std::fs::remove_file(path).err(),
        None => None,
    };
    Deleted { bytes, error }
}

/// Whether anything (a file, a folder, even a broken link) already has this name, so a new twin
/// never takes it.
pub fn name_taken(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_survive_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.twin.json");
        assert!(!name_taken(&path));
        std::fs::write(&path, b"{}").expect("write");
        assert!(name_taken(&path));
        let deleted = delete_keeping_bytes(&path);
        assert_eq!(deleted.bytes.as_deref(), Some(&b"{}"[..]));
        assert!(deleted.error.is_none() && !path.exists());
        let missing = delete_keeping_bytes(&path);
        assert!(missing.bytes.is_none() && missing.error.is_none());
    }

    #[cfg(unix)]
    #[test]
    fn a_broken_link_takes_its_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("gone.twin.json");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &path).expect("symlink");
        assert!(name_taken(&path));
    }
}
