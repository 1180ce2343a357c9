//! Library operations: open a folder or a file, create, duplicate, delete and save twins; every
//! file is read, written and deleted through `store`.

use std::path::{Path, PathBuf};

use super::history::Step;
use super::{AppState, OpenTwin, Tab};
use crate::model::Twin;
use crate::store::{
    FileErrorKind, Library, TWIN_EXTENSION, delete_keeping_bytes, file_hash, is_folder, load_entry,
    name_taken, save_twin_over,
};

impl AppState {
    /// Replaces the library with a folder or a single file; refuses while edits are unsaved.
    pub fn open_path(&mut self, path: &Path) {
        if self.any_unsaved() {
            self.set_error("Save or undo your unsaved changes before opening another library.");
            return;
        }
        self.loading = None;
        self.twins.clear();
        self.broken.clear();
        self.history.clear();
        self.status = None;
        self.snapshot = None;
        if is_folder(path) {
            match Library::open(path) {
                Ok(library) => {
                    for entry in library.entries {
                        match entry.twin {
                            Ok(twin) => self.push_loaded(entry.path, twin, entry.hash),
                            Err(e) => self.broken.push(e),
                        }
                    }
                }
                Err(e) => {
                    self.set_error(format!("{}: cannot open the folder: {e}", path.display()))
                }
            }
            self.folder = Some(path.to_owned());
        } else {
            let entry = load_entry(path);
            match entry.twin {
                Ok(twin) => self.push_loaded(entry.path, twin, entry.hash),
                Err(e) => self.broken.push(e),
            }
            self.folder = path.parent().map(Path::to_owned);
        }
        self.push_recent(path);
        self.select((!self.twins.is_empty()).then_some(0));
        if self.locks_dir.is_some() {
            self.relock();
        }
    }

    pub(super) fn push_loaded(&mut self, path: PathBuf, twin: Twin, disk_hash: Option<u64>) {
        let revision = self.bump();
        self.twins
            .push(OpenTwin::loaded(path, twin, revision, disk_hash));
    }

    /// Takes a twin out of the library and deletes its file, keeping both for undo.
    pub(super) fn remove_twin(&mut self, index: usize) -> Step {
        if index >= self.twins.len() {
            return Step::Remove { index };
        }
        let open = self.twins.remove(index);
        let deleted = delete_keeping_bytes(&open.path);
        if let Some(e) = deleted.error {
            self.set_error(format!(
                "{}: the file could not be deleted ({e})",
                open.path.display()
            ));
        }
        Step::Insert {
            index,
            open: Box::new(open),
            file: deleted.bytes,
        }
    }

    /// A file name in the library folder that no twin or file uses yet.
    pub(super) fn free_path(&self, id: &str) -> (String, PathBuf) {
        let folder = self.folder.clone().unwrap_or_else(|| PathBuf::from("."));
        let taken = |candidate: &str, path: &Path| {
            name_taken(path)
                || self
                    .twins
                    .iter()
                    .any(|t| t.path == path || t.twin.id == candidate)
        };
        let mut n = 1;
        loop {
            let candidate = if n == 1 {
                id.to_owned()
            } else {
                format!("{id}-{n}")
            };
            let path = folder.join(format!("{candidate}{TWIN_EXTENSION}"));
            if !taken(&candidate, &path) {
                return (candidate, path);
            }
            n += 1;
        }
    }

    pub(super) fn insert_new(&mut self, path: PathBuf, twin: Twin) {
        self.history.commit(&self.twins);
        let index = self.selected.map_or(self.twins.len(), |i| i + 1);
        let revision = self.bump();
        self.twins
            .insert(index, OpenTwin::unsaved(path, twin, revision, None));
        self.history.push(Step::Remove { index });
        self.select(Some(index));
    }

    /// A new twin on the OYCR template, unsaved until Ctrl+S.
    pub fn new_twin(&mut self) {
        let (id, path) = self.free_path("new-twin");
        self.insert_new(path, Twin::new_blank(&id, "New twin"));
        self.tab = Tab::Edit;
    }

    /// A copy of the selected twin under a new id and file.
    pub fn duplicate_selected(&mut self) {
        let Some(open) = self.selected_twin() else {
            return;
        };
        let mut twin = open.twin.clone();
        let base = format!("{}-copy", twin.id);
        let (id, path) = self.free_path(&base);
        twin.id = id;
        twin.title = format!("{} (copy)", twin.title);
        self.insert_new(path, twin);
    }

    /// Deletes the selected twin and its file; undo brings both back.
    pub fn delete_selected(&mut self) {
        self.history.commit(&self.twins);
        let Some(index) = self.selected else {
            return;
        };
        let title = self.twins[index].twin.title.clone();
        let inverse = self.remove_twin(index);
        self.history.push(inverse);
        let next = index.min(self.twins.len().saturating_sub(1));
        self.select((!self.twins.is_empty()).then_some(next));
        self.set_info(format!("Deleted \"{title}\" (Ctrl+Z brings it back)"));
    }

    /// Saves the selected twin to its file; invalid or unwritable twins stay unsaved with why.
    pub fn save_selected(&mut self) -> bool {
        match self.selected {
            Some(i) => self.save_index(i),
            None => false,
        }
    }

    /// Saves the selected twin to a new file and keeps editing that file.
    pub fn save_selected_as(&mut self, path: PathBuf) -> bool {
        let Some(i) = self.selected else {
            return false;
        };
        // The user chose this target in a dialog, so replacing what it holds now is intended.
        let target_hash = file_hash(&path);
        let old = std::mem::replace(&mut self.twins[i].path, path);
        let old_hash = std::mem::replace(&mut self.twins[i].disk_hash, target_hash);
        if self.save_index(i) {
            let saved = self.twins[i].path.clone();
            self.push_recent(&saved);
            true
        } else {
            self.twins[i].path = old;
            self.twins[i].disk_hash = old_hash;
            false
        }
    }

    pub(super) fn save_index(&mut self, i: usize) -> bool {
        self.history.commit(&self.twins);
        if let Some(held) = self.held_by_another() {
            self.set_error(format!("Not saved, your edits are kept: {held}"));
            return false;
        }
        let Some(open) = self.twins.get(i) else {
            return false;
        };
        match save_twin_over(&open.path, &open.twin, open.disk_hash) {
            Ok(hash) => {
                let text = format!("Saved {}", open.path.display());
                self.twins[i].saved(hash);
                if self.history.has_baseline_for(i) {
                    self.history.set_baseline(i, &self.twins[i]);
                }
                self.set_info(text);
                self.write_recovery();
                true
            }
            Err(e) => {
                let text = match &e.kind {
                    FileErrorKind::Invalid(issues) => format!(
                        "Not saved: {} to fix first, e.g. {}",
                        crate::wording::count(issues.len(), "problem", "problems"),
                        issues.first().map(ToString::to_string).unwrap_or_default()
                    ),
                    _ => format!("Not saved, your edits are kept: {e}"),
                };
                self.set_error(text);
                false
            }
        }
    }

    /// Saves every unsaved twin; true when all of them made it to disk.
    pub fn save_all(&mut self) -> bool {
        let unsaved: Vec<usize> = (0..self.twins.len())
            .filter(|&i| self.twins[i].is_unsaved())
            .collect();
        // Every twin gets its save attempt, even after one failed.
        let mut all_saved = true;
        for i in unsaved {
            all_saved &= self.save_index(i);
        }
        all_saved
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{edit, state};
    use crate::store::{load_twin, save_twin};

    #[test]
    fn create_duplicate_delete_and_undo_delete_restores_the_file() {
        let (dir, mut state) = state();
        state.duplicate_selected();
        assert_eq!(state.twins.len(), 3);
        assert_eq!(state.twins[1].twin.id, "amazon-alibaba-copy");
        assert!(state.twins[1].is_unsaved());
        state.undo();
        assert_eq!(state.twins.len(), 2);
        state.new_twin();
        assert_eq!(state.twins.len(), 3);
        assert!(state.twins.iter().any(|t| t.twin.id == "new-twin"));
        state.select(Some(0));
        let file = dir.path().join("amazon-alibaba.twin.json");
        state.delete_selected();
        assert!(!file.exists());
        assert_eq!(state.twins.len(), 2);
        state.undo();
        assert!(file.exists());
        assert_eq!(state.twins[0].twin.id, "amazon-alibaba");
        assert_eq!(state.selected, Some(0));
    }

    #[test]
    fn a_save_does_not_overwrite_a_file_changed_outside() {
        let (dir, mut state) = state();
        let file = dir.path().join("amazon-alibaba.twin.json");
        let mut theirs = load_twin(&file).expect("load");
        theirs.title = "Changed in another editor".into();
        save_twin(&file, &theirs).expect("outside edit");
        edit(&mut state, 8.0);
        assert!(!state.save_selected());
        assert!(state.twins[0].is_unsaved(), "the edit is kept");
        let status = state.status.clone().expect("status");
        assert!(
            status.error && status.text.contains("changed on disk"),
            "{status:?}"
        );
        assert_eq!(
            load_twin(&file).expect("load").title,
            "Changed in another editor"
        );
        // Save as over the same file is the user's explicit choice.
        assert!(state.save_selected_as(file.clone()));
        assert_eq!(
            load_twin(&file).expect("load").west.scores["base"].value,
            8.0
        );
    }

    #[test]
    fn invalid_twins_are_not_saved_and_stay_unsaved() {
        let (dir, mut state) = state();
        edit(&mut state, 12.0);
        assert!(!state.save_selected());
        assert!(state.twins[0].is_unsaved());
        assert!(state.status.as_ref().is_some_and(|s| s.error));
        let on_disk = load_twin(&dir.path().join("amazon-alibaba.twin.json")).expect("load");
        assert_eq!(on_disk.west.scores["base"].value, 9.0);
        edit(&mut state, 8.0);
        assert!(state.save_selected());
        assert!(!state.twins[0].is_unsaved());
    }
}
