//! Undo and redo applied to the studio: each step is applied and yields its inverse.

use super::AppState;
use super::history::Step;
use crate::store::atomic_write;

impl AppState {
    /// Undoes the last step (finishing the edit in progress first).
    pub fn undo(&mut self) {
        self.history.commit(&self.twins);
        if let Some(step) = self.history.pop_undo() {
            let inverse = self.apply(step);
            self.history.push_redo(inverse);
        }
    }

    pub fn redo(&mut self) {
        self.history.commit(&self.twins);
        if let Some(step) = self.history.pop_redo() {
            let inverse = self.apply(step);
            self.history.push_undo_keep_redo(inverse);
        }
    }

    /// Applies a step and returns the step that reverses it.
    pub(super) fn apply(&mut self, step: Step) -> Step {
        let revision = self.bump();
        let target = step.index();
        let inverse = match step {
            Step::Replace { index, twin } => match self.twins.get_mut(index) {
                Some(open) => {
                    let before = open.replace(*twin, revision);
                    Step::Replace {
                        index,
                        twin: Box::new(before),
                    }
                }
                None => Step::Remove { index },
            },
            Step::Remove { index } => self.remove_twin(index),
            Step::Insert { index, open, file } => {
                let index = index.min(self.twins.len());
                let mut open = *open;
                let written = match &file {
                    Some(bytes) => match atomic_write(&open.path, bytes) {
                        Ok(()) => true,
                        Err(e) => {
                            self.set_error(format!(
                                "{}: the file could not be written back ({e}); the twin is kept unsaved",
                                open.path.display()
                            ));
                            false
                        }
                    },
                    None => false,
                };
                if !written {
                    open.lost_file();
                }
                open.revision = revision;
                self.twins.insert(index, open);
                Step::Remove { index }
            }
        };
        let select = (target < self.twins.len())
            .then_some(target)
            .or_else(|| self.twins.len().checked_sub(1));
        self.selected = select;
        match select {
            Some(i) => self.history.set_baseline(i, &self.twins[i]),
            None => self.history.clear_baseline(),
        }
        inverse
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{edit, state};
    use crate::model::Score;

    #[test]
    fn edits_undo_and_redo_with_unsaved_mark() {
        let (_dir, mut state) = state();
        edit(&mut state, 7.0);
        assert!(state.twins[0].is_unsaved());
        edit(&mut state, 5.0);
        state.undo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 7.0);
        state.undo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 9.0);
        assert!(!state.twins[0].is_unsaved());
        state.redo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 7.0);
        assert!(state.twins[0].is_unsaved());
    }

    /// Issue #9, case 1: edit, save, undo used to say "All saved" while the file held the edit.
    #[test]
    fn undo_after_a_save_is_unsaved_and_redo_is_saved_again() {
        let (dir, mut state) = state();
        let file = dir.path().join("amazon-alibaba.twin.json");
        edit(&mut state, 7.0);
        assert!(state.save_selected());
        assert!(!state.any_unsaved());
        state.undo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 9.0);
        assert!(
            state.twins[0].is_unsaved(),
            "the screen shows 9, the file holds 7"
        );
        assert!(state.any_unsaved(), "closing must ask");
        assert_eq!(
            crate::store::load_twin(&file).expect("load").west.scores["base"].value,
            7.0
        );
        state.redo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 7.0);
        assert!(!state.twins[0].is_unsaved(), "the screen is the file again");
        state.undo();
        assert!(state.save_selected());
        state.redo();
        assert!(state.twins[0].is_unsaved(), "the file now holds 9");
    }

    #[test]
    fn a_drag_is_one_undo_step() {
        let (_dir, mut state) = state();
        for v in [8.5, 8.0, 7.5] {
            if let Some(t) = state.selected_mut() {
                t.west.scores.insert("base".into(), Score::unsupported(v));
            }
            state.after_edit(true, true);
        }
        state.after_edit(false, false);
        state.undo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 9.0);
    }
}
