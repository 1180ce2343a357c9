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
            Step::Replace { index, twin, dirty } => match self.twins.get_mut(index) {
                Some(open) => {
                    let before = std::mem::replace(&mut open.twin, *twin);
                    let was_dirty = std::mem::replace(&mut open.dirty, dirty);
                    open.revision = revision;
                    Step::Replace {
                        index,
                        twin: Box::new(before),
                        dirty: was_dirty,
                    }
                }
                None => Step::Remove { index },
            },
            Step::Remove { index } => self.remove_twin(index),
            Step::Insert { index, open, file } => {
                let index = index.min(self.twins.len());
                if let Some(bytes) = &file
                    && let Err(e) = atomic_write(&open.path, bytes)
                {
                    self.set_error(format!(
                        "{}: the file could not be written back ({e}); the twin is kept unsaved",
                        open.path.display()
                    ));
                }
                let mut open = *open;
                open.revision = revision;
                open.dirty = open.dirty || file.is_none();
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
        assert!(state.twins[0].dirty);
        edit(&mut state, 5.0);
        state.undo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 7.0);
        state.undo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 9.0);
        assert!(!state.twins[0].dirty);
        state.redo();
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 7.0);
        assert!(state.twins[0].dirty);
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
