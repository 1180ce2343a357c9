//! Content fingerprints: how the studio knows, without keeping a copy, whether a twin differs from
//! what its file held (the unsaved mark) and whether the file changed behind its back (before a
//! save overwrites someone else's work).

use std::hash::BuildHasher;
use std::path::Path;

use super::to_json;
use crate::model::Twin;

/// A fixed seed, so fingerprints agree across threads and runs of this build.
const HASHER: foldhash::quality::FixedState = foldhash::quality::FixedState::with_seed(0x7715_2024);

/// A 64-bit fingerprint of a file's bytes.
pub fn content_hash(bytes: &[u8]) -> u64 {
    HASHER.hash_one(bytes)
}

/// The fingerprint of the bytes this twin is saved as; equal to [`content_hash`] of a file the
/// studio wrote, and equal for two twins exactly when they would be saved the same.
pub fn twin_hash(twin: &Twin) -> u64 {
    content_hash(to_json(twin).as_bytes())
}

/// The fingerprint of a twin file as it is now (`None`: no readable twin file there), read the
/// safe way (a pipe or an oversized file is refused at once, not read).
pub fn file_hash(path: &Path) -> Option<u64> {
    super::read_twin_bytes(path).ok().map(|b| content_hash(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_twin_and_its_file_agree_and_any_change_shows() {
        let mut twin = Twin::new_blank("t", "T");
        let saved = twin_hash(&twin);
        assert_eq!(saved, content_hash(to_json(&twin).as_bytes()));
        twin.title.push('!');
        assert_ne!(twin_hash(&twin), saved);
        twin.title.pop();
        assert_eq!(twin_hash(&twin), saved);
    }

    #[test]
    fn a_file_hash_is_the_hash_of_its_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("t.twin.json");
        assert_eq!(file_hash(&path), None);
        std::fs::write(&path, b"{}").expect("write");
        assert_eq!(file_hash(&path), Some(content_hash(b"{}")));
    }
}
