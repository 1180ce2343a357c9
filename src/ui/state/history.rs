//! Undo and redo: every step stores how to go back, and going back yields the step to go forward.
//! Edits of a twin are snapshots of the whole twin, which keeps every field undoable for free.

use super::open::OpenTwin;
use crate::model::Twin;

/// One undoable change, stored as what restores the state before it.
#[derive(Debug, Clone)]
pub enum Step {
    /// Put this twin back at `index`. No unsaved mark is stored: whether the twin is unsaved is
    /// derived from its file after the step, so undo past a save shows it unsaved.
    Replace { index: usize, twin: Box<Twin> },
    /// Take the twin at `index` out of the library again (undoes a creation).
    Remove { index: usize },
    /// Put a deleted twin back; `file` holds the bytes its file had, to write it again.
    Insert {
        index: usize,
        open: Box<OpenTwin>,
        file: Option<Vec<u8>>,
    },
}

impl Step {
    /// The twin this step touches, so the studio can select it after undo or redo.
    pub fn index(&self) -> usize {
        match self {
            Step::Replace { index, .. } | Step::Remove { index } | Step::Insert { index, .. } => {
                *index
            }
        }
    }
}

/// The undo and redo stacks, plus the edit still in progress (a drag or typing not yet finished).
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The selected twin as it was at the last committed step.
    baseline: Option<(usize, Box<Twin>)>,
    /// The selected twin changed since the baseline.
    pending: bool,
}

/// How many steps are kept; older ones are dropped to bound memory.
const MAX_STEPS: usize = 200;

impl History {
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.pending
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Remembers the selected twin as the state the next edit starts from.
    pub fn set_baseline(&mut self, index: usize, open: &OpenTwin) {
        self.baseline = Some((index, Box::new(open.twin.clone())));
        self.pending = false;
    }

    /// Whether the baseline is for this twin (else it must be taken before editing).
    pub fn has_baseline_for(&self, index: usize) -> bool {
        self.baseline.as_ref().is_some_and(|(i, ..)| *i == index)
    }

    pub fn clear_baseline(&mut self) {
        self.baseline = None;
        self.pending = false;
    }

    /// Notes that the selected twin changed; steps are only cut when [`Self::commit`] runs.
    pub fn mark_pending(&mut self) {
        self.pending = true;
    }

    pub fn is_pending(&self) -> bool {
        self.pending
    }

    /// Closes the edit in progress as one undo step (a whole drag, or a burst of typing).
    pub fn commit(&mut self, twins: &[OpenTwin]) {
        if !self.pending {
            return;
        }
        self.pending = false;
        let Some((index, before)) = self.baseline.take() else {
            return;
        };
        let Some(open) = twins.get(index) else {
            return;
        };
        if open.twin != *before {
            self.push(Step::Replace {
                index,
                twin: before,
            });
        }
        self.baseline = Some((index, Box::new(open.twin.clone())));
    }

    /// Records a finished change (create, delete) and forgets the redo stack.
    pub fn push(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub fn pop_undo(&mut self) -> Option<Step> {
        self.undo.pop()
    }

    pub fn pop_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    /// Files the inverse of an undone step, so redo can replay it.
    pub fn push_redo(&mut self, step: Step) {
        self.redo.push(step);
    }

    /// Files the inverse of a redone step without clearing the redo stack.
    pub fn push_undo_keep_redo(&mut self, step: Step) {
        self.undo.push(step);
    }

    /// Forgets everything (another library was opened).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
