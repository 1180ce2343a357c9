//! Changes made to the library's files from outside the studio (another editor, `git pull`, a
//! synced folder). The folder is watched; each reported file is read again and compared with
//! what the studio knows of it:
//! - a twin without unsaved edits takes the new version, with a notice;
//! - a twin with unsaved edits is never written over nor replaced: the user chooses to keep
//!   theirs on screen, take the file's version, or save their edits as a copy;
//! - new files join the library, deleted ones leave it (a deleted twin with unsaved edits stays,
//!   unsaved, so Save writes it again).

use std::path::{Path, PathBuf};

use super::AppState;
use super::open::OpenTwin;
use crate::model::Twin;
use crate::store::{FolderWatch, load_entry, name_taken, save_twin_over};

/// A twin changed on disk while it had unsaved edits in the studio.
#[derive(Debug, Clone)]
pub struct OutsideConflict {
    pub path: PathBuf,
    /// The version the file holds now, and its fingerprint.
    pub theirs: Box<Twin>,
    pub theirs_hash: Option<u64>,
}

/// What the user chose for an [`OutsideConflict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Keep the edits on screen; the next Save writes them over the file's new version.
    KeepMine,
    /// Drop the edits and show the file's version.
    TakeTheirs,
    /// Write the edits to a new file beside it, and show the file's version in the original.
    SaveMineAsCopy,
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl AppState {
    /// Starts watching the open library's folder if it is not watched yet (or another folder
    /// is); `wake` runs after each change, e.g. to repaint the window.
    pub fn keep_watching(&mut self, wake: impl Fn() + Send + 'static) {
        if self.watched == self.folder {
            return;
        }
        // Tried once per folder: a folder that cannot be watched (gone, or out of inotify
        // watches) is not tried again every frame; saves still compare fingerprints.
        self.watched.clone_from(&self.folder);
        self.watch = self
            .folder
            .as_deref()
            .and_then(|folder| FolderWatch::new(folder, wake).ok());
    }

    /// Takes what the watcher reported and applies it; returns whether anything changed.
    pub fn follow_outside_changes(&mut self) -> bool {
        if self.is_loading() {
            // The load reads every file as it is now; changes are taken once it is done.
            return false;
        }
        let changed = self
            .watch
            .as_ref()
            .map(FolderWatch::take_changed)
            .unwrap_or_default();
        if changed.is_empty() {
            return false;
        }
        self.apply_outside_changes(&changed);
        true
    }

    /// Reads `paths` again (files of the library folder that changed outside) and brings the
    /// library in step with them.
    pub fn apply_outside_changes(&mut self, paths: &[PathBuf]) {
        let mut notices = Vec::new();
        let mut membership_changed = false;
        for path in paths {
            let open = self.twins.iter().position(|t| &t.path == path);
            if !name_taken(path) {
                self.broken.retain(|e| &e.path != path);
                let Some(i) = open else { continue };
                if self.twins[i].is_unsaved() {
                    self.twins[i].lost_file();
                    self.twins[i].disk_hash = None;
                    notices.push(format!(
                        "{} was deleted outside the studio; your edits are kept: Save writes it again",
                        file_name(path)
                    ));
                } else {
                    self.twins.remove(i);
                    membership_changed = true;
                    notices.push(format!(
                        "{} was deleted outside the studio",
                        file_name(path)
                    ));
                }
                continue;
            }
            let entry = load_entry(path);
            let Some(i) = open else {
                self.broken.retain(|e| &e.path != path);
                match entry.twin {
                    Ok(twin) => {
                        self.push_loaded(entry.path, twin, entry.hash);
                        membership_changed = true;
                        notices.push(format!("{} appeared in the folder", file_name(path)));
                    }
                    Err(e) => self.broken.push(e),
                }
                continue;
            };
            if entry.hash.is_some() && entry.hash == self.twins[i].disk_hash {
                continue; // What this studio wrote or last read.
            }
            match entry.twin {
                Err(e) => {
                    // Saving is refused while the file differs from what was read, so nothing
                    // is lost; say why the new version is not shown.
                    self.twins[i].disk_hash = entry.hash;
                    notices.push(format!(
                        "changed outside the studio and no longer opens: {e}"
                    ));
                }
                Ok(theirs) if !self.twins[i].is_unsaved() => {
                    let revision = self.bump();
                    self.twins[i] = OpenTwin::loaded(entry.path, theirs, revision, entry.hash);
                    notices.push(format!(
                        "{} changed outside the studio and was reloaded",
                        file_name(path)
                    ));
                }
                Ok(theirs) => {
                    self.conflicts.retain(|c| &c.path != path);
                    self.conflicts.push(OutsideConflict {
                        path: path.clone(),
                        theirs: Box::new(theirs),
                        theirs_hash: entry.hash,
                    });
                }
            }
        }
        if membership_changed {
            // Undo steps point at places in the library, which files coming and going move.
            self.history.clear();
            let selected = self.selected.filter(|&i| i < self.twins.len());
            self.select(selected.or((!self.twins.is_empty()).then_some(0)));
        }
        if !notices.is_empty() {
            self.set_info(notices.join("; "));
        }
    }

    /// Settles the first waiting conflict as the user chose.
    pub fn resolve_conflict(&mut self, choice: ConflictChoice) {
        if self.conflicts.is_empty() {
            return;
        }
        let conflict = self.conflicts.remove(0);
        let Some(i) = self.twins.iter().position(|t| t.path == conflict.path) else {
            return;
        };
        let name = file_name(&conflict.path);
        match choice {
            ConflictChoice::KeepMine => {
                // The user saw the other version and chose theirs over it: Save may replace it.
                self.twins[i].disk_hash = conflict.theirs_hash;
                self.twins[i].lost_file();
                self.set_info(format!(
                    "Kept your edits of {name}: Save writes them over the file"
                ));
            }
            ConflictChoice::TakeTheirs => self.take_theirs(i, conflict),
            ConflictChoice::SaveMineAsCopy => {
                let mut mine = self.twins[i].twin.clone();
                let (id, path) = self.free_path(&format!("{}-mine", mine.id));
                mine.id = id;
                match save_twin_over(&path, &mine, None) {
                    Ok(hash) => {
                        self.take_theirs(i, conflict);
                        let revision = self.bump();
                        self.twins
                            .push(OpenTwin::loaded(path.clone(), mine, revision, Some(hash)));
                        self.history.clear();
                        self.set_info(format!(
                            "Your edits are in {}; {name} shows the file's version",
                            file_name(&path)
                        ));
                    }
                    Err(e) => {
                        self.conflicts.insert(0, conflict);
                        self.set_error(format!(
                            "Your copy could not be written, nothing changed: {e}"
                        ));
                    }
                }
            }
        }
    }

    fn take_theirs(&mut self, i: usize, conflict: OutsideConflict) {
        let revision = self.bump();
        let path = self.twins[i].path.clone();
        self.twins[i] = OpenTwin::loaded(path, *conflict.theirs, revision, conflict.theirs_hash);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;
    use crate::store::{delete_keeping_bytes, load_twin, read_twin_bytes, save_twin};

    /// A library of two twins on disk, opened.
    fn library() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("tempdir");
        for id in ["alpha", "beta"] {
            let twin = crate::fixtures::twin(id)
                .score(Side::West, "base", 5.0)
                .build();
            let mut twin = twin;
            twin.id = id.into();
            save_twin(&dir.path().join(format!("{id}.twin.json")), &twin).expect("save");
        }
        let state = AppState::open(dir.path());
        (dir, state)
    }

    fn outside_edit(path: &Path, title: &str) {
        let mut twin = load_twin(path).expect("load");
        twin.title = title.into();
        save_twin(path, &twin).expect("outside save");
    }

    fn edit_selected(state: &mut AppState, title: &str) {
        if let Some(t) = state.selected_mut() {
            t.title = title.into();
        }
        state.after_edit(true, false);
    }

    #[test]
    fn a_clean_twin_takes_the_files_new_version_with_a_notice() {
        let (_dir, mut state) = library();
        let path = state.twins[0].path.clone();
        outside_edit(&path, "Changed in another editor");
        state.apply_outside_changes(std::slice::from_ref(&path));
        assert_eq!(state.twins[0].twin.title, "Changed in another editor");
        assert!(!state.twins[0].is_unsaved());
        assert!(state.conflicts.is_empty());
        let status = state.status.as_ref().expect("a notice");
        assert!(status.text.contains("reloaded"), "{}", status.text);
    }

    #[test]
    fn our_own_save_is_not_an_outside_change() {
        let (_dir, mut state) = library();
        state.select(Some(0));
        edit_selected(&mut state, "Mine");
        assert!(state.save_selected());
        state.status = None;
        let path = state.twins[0].path.clone();
        state.apply_outside_changes(&[path]);
        assert!(state.status.is_none() && state.conflicts.is_empty());
    }

    #[test]
    fn unsaved_edits_raise_the_choice_and_nothing_is_written() {
        let (_dir, mut state) = library();
        state.select(Some(0));
        edit_selected(&mut state, "Mine");
        let path = state.twins[0].path.clone();
        outside_edit(&path, "Theirs");
        let theirs_bytes = read_twin_bytes(&path).expect("read");
        state.apply_outside_changes(std::slice::from_ref(&path));
        assert_eq!(state.conflicts.len(), 1);
        assert_eq!(
            state.twins[0].twin.title, "Mine",
            "the screen keeps the edits"
        );
        assert!(!state.save_selected(), "a save would write over theirs");
        assert_eq!(read_twin_bytes(&path).expect("read"), theirs_bytes);

        state.resolve_conflict(ConflictChoice::KeepMine);
        assert!(state.twins[0].is_unsaved());
        assert!(state.save_selected(), "chosen: mine goes over theirs");
        assert_eq!(load_twin(&path).expect("load").title, "Mine");
    }

    #[test]
    fn take_theirs_and_save_mine_as_copy() {
        let (dir, mut state) = library();
        state.select(Some(0));
        edit_selected(&mut state, "Mine");
        let path = state.twins[0].path.clone();
        outside_edit(&path, "Theirs");
        state.apply_outside_changes(std::slice::from_ref(&path));
        state.resolve_conflict(ConflictChoice::TakeTheirs);
        assert_eq!(state.twins[0].twin.title, "Theirs");
        assert!(!state.twins[0].is_unsaved());

        edit_selected(&mut state, "Mine again");
        outside_edit(&path, "Theirs again");
        state.apply_outside_changes(std::slice::from_ref(&path));
        state.resolve_conflict(ConflictChoice::SaveMineAsCopy);
        assert_eq!(state.twins[0].twin.title, "Theirs again");
        let copy = dir.path().join("alpha-mine.twin.json");
        let saved = load_twin(&copy).expect("the copy is a valid twin");
        assert_eq!(
            (saved.id.as_str(), saved.title.as_str()),
            ("alpha-mine", "Mine again")
        );
        assert!(
            state
                .twins
                .iter()
                .any(|t| t.path == copy && !t.is_unsaved())
        );
    }

    #[test]
    fn files_coming_and_going_join_and_leave_the_library() {
        let (dir, mut state) = library();
        let gamma = dir.path().join("gamma.twin.json");
        let mut twin = crate::fixtures::twin("Gamma").build();
        twin.id = "gamma".into();
        save_twin(&gamma, &twin).expect("save");
        let beta = state.twins[1].path.clone();
        assert!(delete_keeping_bytes(&beta).error.is_none(), "delete");
        state.apply_outside_changes(&[gamma.clone(), beta.clone()]);
        let paths: Vec<&Path> = state.twins.iter().map(|t| t.path.as_path()).collect();
        assert!(paths.contains(&gamma.as_path()));
        assert!(!paths.contains(&beta.as_path()));

        // A deleted twin with unsaved edits stays, unsaved, and Save writes it again.
        state.select(Some(0));
        edit_selected(&mut state, "Keep me");
        let alpha = state.twins[0].path.clone();
        assert!(delete_keeping_bytes(&alpha).error.is_none(), "delete");
        state.apply_outside_changes(std::slice::from_ref(&alpha));
        assert!(state.twins[0].is_unsaved());
        assert!(state.save_selected());
        assert_eq!(load_twin(&alpha).expect("written again").title, "Keep me");
    }
}
