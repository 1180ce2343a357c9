//! One twin open in the studio: the twin, its file, and what the studio knows of that file.

use std::path::PathBuf;

use crate::model::Twin;

/// One twin open in the studio, with where it lives on disk.
#[derive(Debug, Clone)]
pub struct OpenTwin {
    pub path: PathBuf,
    pub twin: Twin,
    /// Edited since it was loaded or saved.
    pub dirty: bool,
    /// Changes on every edit, undo and redo; caches of derived figures key on it.
    pub revision: u64,
    /// Fingerprint of the file's bytes when this studio last read or wrote it (`None`: no file
    /// yet). A save compares it with the file right before writing, so a change made outside
    /// the studio is never overwritten silently.
    pub disk_hash: Option<u64>,
}
