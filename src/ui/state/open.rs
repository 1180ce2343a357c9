//! One twin open in the studio: the twin, its file, and what the studio knows of that file.
//!
//! "Unsaved" is derived, never stored: the twin on screen differs from what its file held when it
//! was last loaded or saved. So no sequence of edits, saves, undos, redos or restores can make the
//! ● mark, the status line, Save or the close guard disagree with the file.

use std::path::PathBuf;

use crate::model::Twin;
use crate::store::twin_hash;

/// What the twin's file held when it was last loaded or saved, compared with the twin on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Baseline {
    /// The twin on screen is still exactly what was loaded or saved (no fingerprint needed yet,
    /// so opening a big library costs nothing extra).
    Same,
    /// The fingerprint of the twin as the file held it ([`twin_hash`]).
    Hash(u64),
    /// No file holds this twin (new, or its file could not be written back).
    Nothing,
}

/// One twin open in the studio, with where it lives on disk.
#[derive(Debug, Clone)]
pub struct OpenTwin {
    pub path: PathBuf,
    pub twin: Twin,
    /// Changes on every edit, undo and redo; caches of derived figures key on it.
    pub revision: u64,
    /// Fingerprint of the file's bytes when this studio last read or wrote it (`None`: no file
    /// yet). A save compares it with the file right before writing, so a change made outside
    /// the studio is never overwritten silently.
    pub disk_hash: Option<u64>,
    baseline: Baseline,
    /// The fingerprint of `twin` as of the last [`Self::changed`].
    shown: Option<u64>,
}

impl OpenTwin {
    /// A twin as its file holds it.
    pub fn loaded(path: PathBuf, twin: Twin, revision: u64, disk_hash: Option<u64>) -> Self {
        Self {
            path,
            twin,
            revision,
            disk_hash,
            baseline: Baseline::Same,
            shown: None,
        }
    }

    /// A twin no file holds yet (new, duplicated, or recovered without its file).
    pub fn unsaved(path: PathBuf, twin: Twin, revision: u64, disk_hash: Option<u64>) -> Self {
        let shown = Some(twin_hash(&twin));
        Self {
            path,
            twin,
            revision,
            disk_hash,
            baseline: Baseline::Nothing,
            shown,
        }
    }

    /// Whether the twin on screen differs from what its file held when last loaded or saved.
    pub fn is_unsaved(&self) -> bool {
        match self.baseline {
            Baseline::Same => false,
            Baseline::Hash(saved) => self.shown != Some(saved),
            Baseline::Nothing => true,
        }
    }

    /// Call before changing `twin` in place: remembers what the file holds while the twin still
    /// equals it.
    pub fn before_change(&mut self) {
        if self.baseline == Baseline::Same {
            let hash = twin_hash(&self.twin);
            self.baseline = Baseline::Hash(hash);
            self.shown = Some(hash);
        }
    }

    /// Call after changing `twin`: a new revision, and the fingerprint the mark compares.
    pub fn changed(&mut self, revision: u64) {
        self.revision = revision;
        if self.baseline != Baseline::Same {
            self.shown = Some(twin_hash(&self.twin));
        }
    }

    /// Replaces the twin on screen (undo, redo, restore) and returns the one it replaced.
    pub fn replace(&mut self, twin: Twin, revision: u64) -> Twin {
        self.before_change();
        let before = std::mem::replace(&mut self.twin, twin);
        self.changed(revision);
        before
    }

    /// The twin on screen is now what the file holds, written with fingerprint `hash`.
    pub fn saved(&mut self, hash: u64) {
        self.disk_hash = Some(hash);
        self.baseline = Baseline::Same;
        self.shown = None;
    }

    /// The file no longer holds what it did (it could not be written back): unsaved until saved.
    pub fn lost_file(&mut self) {
        self.baseline = Baseline::Nothing;
        self.shown = Some(twin_hash(&self.twin));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsaved_is_whether_the_twin_differs_from_its_file() {
        let twin = Twin::new_blank("t", "T");
        let mut open = OpenTwin::loaded("t.twin.json".into(), twin, 1, None);
        assert!(!open.is_unsaved());
        open.before_change();
        open.twin.title = "Changed".into();
        open.changed(2);
        assert!(open.is_unsaved());
        open.before_change();
        open.twin.title = "T".into();
        open.changed(3);
        assert!(!open.is_unsaved(), "typed back to what the file holds");
        let old = open.replace(Twin::new_blank("t", "Other"), 4);
        assert_eq!(old.title, "T");
        assert!(open.is_unsaved());
        open.saved(twin_hash(&open.twin));
        assert!(!open.is_unsaved());
        open.replace(old, 5);
        assert!(open.is_unsaved(), "undo after a save differs from the file");
        open.lost_file();
        assert!(open.is_unsaved());
        let new = OpenTwin::unsaved("n.twin.json".into(), Twin::new_blank("n", "N"), 6, None);
        assert!(new.is_unsaved());
    }
}
