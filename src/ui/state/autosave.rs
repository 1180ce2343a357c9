//! Autosave and recovery: unsaved edits go to this studio's recovery file every few seconds and
//! come back after a crash, when the user says so.

use super::{AUTOSAVE_SECONDS, AppState, OpenTwin};
use crate::store::{RecoveredTwin, RecoveryStore, file_hash, load_twin};

impl AppState {
    /// Uses this recovery store and picks up what a previous session left in it.
    pub fn with_recovery(mut self, store: Option<RecoveryStore>) -> Self {
        if let Some(store) = &store {
            match store.read() {
                Ok(twins) => self.recovery_offer = twins,
                Err(e) => self.set_error(format!("Recovery data could not be read: {e}")),
            }
        }
        self.recovery = store;
        self
    }

    /// The sum of all revisions: changes whenever any twin changes.
    pub fn revision_sum(&self) -> u64 {
        self.twins
            .iter()
            .map(|t| t.revision)
            .fold(self.twins.len() as u64, u64::wrapping_add)
    }

    /// Whether unsaved edits are newer than the recovery file and it is time to write it.
    pub fn autosave_due(&self, now: f64) -> bool {
        if self.recovery.is_none() || !self.any_unsaved() || !self.recovery_offer.is_empty() {
            return false;
        }
        match self.autosaved {
            Some((sum, at)) => sum != self.revision_sum() && now - at >= AUTOSAVE_SECONDS,
            None => true,
        }
    }

    /// Writes every unsaved twin to the recovery file (or removes it when none is left).
    pub fn write_recovery(&mut self) {
        // Do not overwrite what the last session left until the user answered the offer.
        if !self.recovery_offer.is_empty() {
            return;
        }
        let Some(store) = &self.recovery else {
            return;
        };
        let unsaved: Vec<RecoveredTwin> = self
            .twins
            .iter()
            .filter(|t| t.is_unsaved())
            .map(|t| RecoveredTwin {
                path: t.path.clone(),
                twin: t.twin.clone(),
            })
            .collect();
        if let Err(e) = store.write(&unsaved) {
            self.set_error(format!("Autosave failed ({e}); your edits are still open"));
        }
    }

    /// Autosaves when due; `now` is the egui clock.
    pub fn autosave(&mut self, now: f64) {
        if self.autosave_due(now) {
            self.write_recovery();
            self.autosaved = Some((self.revision_sum(), now));
        }
    }

    /// Puts the recovered edits back as unsaved twins, replacing the file versions.
    pub fn restore_recovery(&mut self) {
        let offer = std::mem::take(&mut self.recovery_offer);
        let count = offer.len();
        for recovered in offer {
            let revision = self.bump();
            match self.twins.iter_mut().find(|t| t.path == recovered.path) {
                Some(open) => {
                    open.replace(recovered.twin, revision);
                }
                None => {
                    let disk_hash = file_hash(&recovered.path);
                    // Unsaved exactly when it differs from what its file holds now.
                    let open = match load_twin(&recovered.path) {
                        Ok(on_disk) => {
                            let mut open =
                                OpenTwin::loaded(recovered.path, on_disk, revision, disk_hash);
                            open.replace(recovered.twin, revision);
                            open
                        }
                        Err(_) => {
                            OpenTwin::unsaved(recovered.path, recovered.twin, revision, disk_hash)
                        }
                    };
                    self.twins.push(open);
                }
            }
        }
        self.history.clear();
        let selected = self.selected.or((!self.twins.is_empty()).then_some(0));
        self.select(selected);
        self.set_info(format!(
            "Restored {}; save them to keep the changes",
            crate::wording::count(count, "unsaved twin", "unsaved twins")
        ));
        // The restored edits now live in this studio's own recovery file; only then is what the
        // ended session left removed, so a crash right now still loses nothing.
        self.write_recovery();
        if let Some(store) = &self.recovery
            && let Err(e) = store.discard_left_behind()
        {
            self.set_error(format!("Old recovery data could not be removed: {e}"));
        }
    }

    /// Drops the recovered edits and the recovery file.
    pub fn discard_recovery(&mut self) {
        self.recovery_offer.clear();
        if let Some(store) = &self.recovery
            && let Err(e) = store.discard_left_behind()
        {
            self.set_error(format!("Recovery file could not be removed: {e}"));
        }
    }

    /// Forgets unsaved work on purpose (the user chose Discard when closing): the recovery file
    /// goes, and nothing is autosaved again before the window closes.
    pub fn discard_unsaved(&mut self) {
        if let Some(store) = self.recovery.take() {
            let _ = store.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{edit, state};
    use super::*;

    #[test]
    fn autosave_writes_recovery_and_restore_brings_edits_back() {
        let (dir, mut state) = state();
        let store = RecoveryStore::at(dir.path().join("recovery"));
        state.recovery = Some(store.clone());
        edit(&mut state, 4.5);
        assert!(state.autosave_due(0.0));
        state.autosave(0.0);
        assert!(!state.autosave_due(1.0));
        // The studio crashes: its recovery file stays, its lock goes with it.
        drop(state);
        drop(store);
        let store = RecoveryStore::at(dir.path().join("recovery"));
        let restarted = AppState::open(dir.path()).with_recovery(Some(store.clone()));
        assert_eq!(restarted.recovery_offer.len(), 1);
        let mut restarted = restarted;
        restarted.restore_recovery();
        assert_eq!(restarted.twins[0].twin.west.scores["base"].value, 4.5);
        assert!(restarted.twins[0].is_unsaved());
        assert!(
            store.file().exists(),
            "restored edits are this studio's recovery now"
        );
        assert!(restarted.save_selected());
        assert!(!store.file().exists());
        let next = RecoveryStore::at(dir.path().join("recovery"));
        assert_eq!(next.read().expect("read"), Vec::new());
    }
}
