//! `AppState`: the data the studio holds and every operation on it, independent of how it is drawn,
//! so tests and the benchmark can drive it without a window.
//!
//! `library` opens, creates, duplicates, deletes and saves twins (through `store`), `undo` applies
//! `history` steps, `autosave` keeps the recovery file, `lock` keeps a second studio from writing
//! the same library, `filter` decides what the library lists, `open` is one open twin.

mod autosave;
mod filter;
mod history;
mod library;
mod loading;
mod lock;
mod open;
mod outside;
mod undo;

use std::path::{Path, PathBuf};

use crate::model::Twin;
use crate::store::{
    FileError, HeldElsewhere, LibraryLock, RecoveredTwin, RecoveryStore, TWIN_EXTENSION, file_hash,
};
use history::History;

pub use filter::LibraryFilter;
pub use open::OpenTwin;
pub use outside::{ConflictChoice, OutsideConflict};

/// The tabs of the centre area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Compare,
    Edit,
    Diversification,
    Portfolio,
    Report,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Compare,
        Tab::Edit,
        Tab::Diversification,
        Tab::Portfolio,
        Tab::Report,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Compare => "Compare",
            Tab::Edit => "Edit",
            Tab::Diversification => "Diversification",
            Tab::Portfolio => "Portfolio",
            Tab::Report => "Report",
        }
    }
}

/// A message in the status bar; errors stay until the next action.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Everything the studio shows and edits.
#[derive(Debug, Default)]
pub struct AppState {
    pub folder: Option<PathBuf>,
    pub twins: Vec<OpenTwin>,
    /// Files that could not be opened, shown in the library with their errors.
    pub broken: Vec<FileError>,
    pub selected: Option<usize>,
    pub tab: Tab,
    pub status: Option<Status>,
    pub history: History,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub filter: LibraryFilter,
    /// The snapshot label the Compare tab shows, or today's scores.
    pub snapshot: Option<String>,
    /// Where unsaved edits are autosaved; `None` disables recovery (e.g. no data folder).
    pub recovery: Option<RecoveryStore>,
    /// Unsaved edits found from the last session, waiting for the user's answer.
    pub recovery_offer: Vec<RecoveredTwin>,
    /// The unsaved-changes dialog is open because the window was asked to close.
    pub close_guard: bool,
    /// The user chose to close (after saving or discarding): stop guarding.
    pub allow_close: bool,
    /// Revision sum at the last autosave, and when it ran (egui time, seconds).
    pub autosaved: Option<(u64, f64)>,
    /// Where library locks live; `None` disables locking (tests, no data folder).
    pub locks_dir: Option<PathBuf>,
    /// This studio's lock on the open library's folder.
    pub lock: Option<LibraryLock>,
    /// Another running studio has this library open: saves are refused until it closes.
    pub held_elsewhere: Option<HeldElsewhere>,
    /// Twins changed on disk while they had unsaved edits, waiting for the user's choice.
    pub conflicts: Vec<OutsideConflict>,
    /// The watch on the library's folder, so outside changes show up (see `outside.rs`).
    watch: Option<crate::store::FolderWatch>,
    /// The folder the watch was last set up for (whether or not that worked).
    watched: Option<PathBuf>,
    /// The library still being read in the background (see `loading.rs`).
    loading: Option<crate::store::LibraryLoad>,
    next_revision: u64,
}

/// Recent files kept in the menu.
const MAX_RECENT: usize = 10;

/// How often unsaved edits are written to the recovery file, in seconds.
pub const AUTOSAVE_SECONDS: f64 = 3.0;

impl AppState {
    /// Opens a folder of twins or a single twin file; problems become visible state, not panics.
    pub fn open(path: &Path) -> Self {
        let mut state = Self::default();
        state.open_path(path);
        state
    }

    /// An empty studio on a library of twins already in memory (tests, benchmark).
    pub fn from_twins(folder: &Path, twins: Vec<Twin>) -> Self {
        let mut state = Self {
            folder: Some(folder.to_owned()),
            ..Self::default()
        };
        for twin in twins {
            let path = folder.join(format!("{}{TWIN_EXTENSION}", twin.id));
            let revision = state.bump();
            let disk_hash = file_hash(&path);
            state
                .twins
                .push(OpenTwin::loaded(path, twin, revision, disk_hash));
        }
        state.select((!state.twins.is_empty()).then_some(0));
        state
    }

    pub(super) fn bump(&mut self) -> u64 {
        self.next_revision += 1;
        self.next_revision
    }

    /// Puts a path at the top of the recent list.
    pub fn push_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_owned());
        self.recent.truncate(MAX_RECENT);
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    pub fn set_info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// The twin shown in the centre.
    pub fn selected_twin(&self) -> Option<&OpenTwin> {
        self.selected.and_then(|i| self.twins.get(i))
    }

    /// Selects a twin, closing the edit in progress on the previous one as an undo step.
    pub fn select(&mut self, index: Option<usize>) {
        self.history.commit(&self.twins);
        self.selected = index.filter(|&i| i < self.twins.len());
        self.snapshot = None;
        match self.selected {
            Some(i) => self.history.set_baseline(i, &self.twins[i]),
            None => self.history.clear_baseline(),
        }
    }

    /// The selected twin for editing; call [`Self::after_edit`] once the frame's widgets ran.
    pub fn selected_mut(&mut self) -> Option<&mut Twin> {
        let i = self.selected?;
        if !self.history.has_baseline_for(i) {
            self.history.set_baseline(i, &self.twins[i]);
        }
        let open = self.twins.get_mut(i)?;
        open.before_change();
        Some(&mut open.twin)
    }

    /// Records what the frame's widgets did (a change gets a new revision, and the twin is unsaved
    /// while it differs from its file); the step is cut once the pointer is released, so a whole
    /// drag becomes one undo step.
    pub fn after_edit(&mut self, changed: bool, still_editing: bool) {
        if changed && let Some(i) = self.selected {
            let revision = self.bump();
            if let Some(open) = self.twins.get_mut(i) {
                open.changed(revision);
            }
            self.history.mark_pending();
            // A snapshot the edit removed must not stay selected.
            if let Some(label) = &self.snapshot
                && !self.twins[i]
                    .twin
                    .snapshots
                    .iter()
                    .any(|s| &s.label == label)
            {
                self.snapshot = None;
            }
        }
        if self.history.is_pending() && !still_editing {
            self.history.commit(&self.twins);
        }
    }

    /// Whether any open twin differs from its file.
    pub fn any_unsaved(&self) -> bool {
        self.twins.iter().any(OpenTwin::is_unsaved)
    }
}

/// A small library on disk for the state's unit tests: two twins, the first with scores.
#[cfg(test)]
pub(crate) mod fixture {
    use super::AppState;
    use crate::model::{Score, Twin};
    use crate::store::{TWIN_EXTENSION, save_twin};

    pub(crate) fn state() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut a = Twin::new_blank("amazon-alibaba", "Amazon vs Alibaba");
        a.west.name = "Amazon".into();
        a.east.name = "Alibaba".into();
        a.east.native_name = "阿里巴巴".into();
        a.west.scores.insert("base".into(), Score::unsupported(9.0));
        a.east.scores.insert("base".into(), Score::unsupported(6.0));
        let b = Twin::new_blank("google-baidu", "Google vs Baidu");
        for t in [&a, &b] {
            save_twin(&dir.path().join(format!("{}{TWIN_EXTENSION}", t.id)), t).expect("save");
        }
        let state = AppState::open(dir.path());
        (dir, state)
    }

    pub(crate) fn edit(state: &mut AppState, value: f64) {
        if let Some(t) = state.selected_mut() {
            t.west
                .scores
                .insert("base".into(), Score::unsupported(value));
        }
        state.after_edit(true, false);
    }
}
