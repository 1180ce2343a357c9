//! `AppState`: the data the studio holds and every operation on it, independent of how it is drawn,
//! so tests and the benchmark can drive it without a window.

use std::path::{Path, PathBuf};

use super::history::{History, Step};
use crate::model::{Side, Twin};
use crate::store::{
    HeldElsewhere, Library, LibraryLock, LoadError, LoadErrorKind, LockOutcome, RecoveredTwin,
    RecoveryStore, TWIN_EXTENSION, atomic_write, content_hash, load_entry, lock_library,
    save_twin_over,
};

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

/// Which twins the library panel lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LibraryFilter {
    /// Matched against titles, ids and both companies' Latin and native names.
    pub search: String,
    /// A sector id one of the companies entered.
    pub sector: Option<String>,
    /// A pillar id and the smallest gap (absolute West minus East) to list.
    pub gap: Option<(String, f64)>,
    /// Only twins with at least one evidence-health flag, so a team can work through them.
    pub problems: bool,
}

impl LibraryFilter {
    /// Whether a twin passes every active filter.
    pub fn matches(&self, twin: &Twin) -> bool {
        let search = self.search.trim();
        if !search.is_empty() {
            let needle = search.to_lowercase();
            let hit = [
                twin.title.as_str(),
                twin.id.as_str(),
                twin.west.name.as_str(),
                twin.west.native_name.as_str(),
                twin.east.name.as_str(),
                twin.east.native_name.as_str(),
            ]
            .iter()
            .any(|s| s.to_lowercase().contains(&needle));
            if !hit {
                return false;
            }
        }
        if let Some(sector) = &self.sector {
            let entered = Side::BOTH
                .iter()
                .any(|&s| twin.side(s).moves.iter().any(|m| &m.sector == sector));
            if !entered {
                return false;
            }
        }
        if let Some((pillar, min_gap)) = &self.gap {
            let gap = match (
                twin.score(Side::West, pillar),
                twin.score(Side::East, pillar),
            ) {
                (Some(w), Some(e)) => (w.value - e.value).abs(),
                _ => return false,
            };
            if gap + 1e-9 < *min_gap {
                return false;
            }
        }
        if self.problems && crate::analysis::evidence_health(twin).is_empty() {
            return false;
        }
        true
    }

    pub fn is_active(&self) -> bool {
        !self.search.trim().is_empty()
            || self.sector.is_some()
            || self.gap.is_some()
            || self.problems
    }
}

/// Everything the studio shows and edits.
#[derive(Debug, Default)]
pub struct AppState {
    pub folder: Option<PathBuf>,
    pub twins: Vec<OpenTwin>,
    /// Files that could not be opened, shown in the library with their errors.
    pub broken: Vec<LoadError>,
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

    /// Locks libraries in `locks_dir` (and the one open now), so a second studio on the same
    /// library is told instead of both writing.
    pub fn with_locks(mut self, locks_dir: Option<PathBuf>) -> Self {
        self.locks_dir = locks_dir;
        self.relock();
        self
    }

    /// Takes the lock on the open library's folder, or notes who holds it.
    fn relock(&mut self) {
        self.lock = None;
        self.held_elsewhere = None;
        let (Some(dir), Some(folder)) = (self.locks_dir.clone(), self.folder.clone()) else {
            return;
        };
        match lock_library(&dir, &folder) {
            Ok(LockOutcome::Acquired(lock)) => self.lock = Some(lock),
            Ok(LockOutcome::Held(held)) => {
                self.set_error(held.to_string());
                self.held_elsewhere = Some(held);
            }
            // Locking is a courtesy between studios; without it, saves still check the files.
            Err(e) => self.set_error(format!("The library could not be locked ({e})")),
        }
    }

    /// Who else holds the library, after trying once more to take it.
    fn held_by_another(&mut self) -> Option<HeldElsewhere> {
        self.held_elsewhere.as_ref()?;
        self.relock();
        self.held_elsewhere.clone()
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
            let disk_hash = std::fs::read(&path).ok().map(|b| content_hash(&b));
            state.twins.push(OpenTwin {
                path,
                twin,
                dirty: false,
                revision,
                disk_hash,
            });
        }
        state.select((!state.twins.is_empty()).then_some(0));
        state
    }

    fn bump(&mut self) -> u64 {
        self.next_revision += 1;
        self.next_revision
    }

    /// Replaces the library with a folder or a single file; refuses while edits are unsaved.
    pub fn open_path(&mut self, path: &Path) {
        if self.any_dirty() {
            self.set_error("Save or undo your unsaved changes before opening another library.");
            return;
        }
        self.twins.clear();
        self.broken.clear();
        self.history.clear();
        self.status = None;
        self.snapshot = None;
        if path.is_dir() {
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

    fn push_loaded(&mut self, path: PathBuf, twin: Twin, disk_hash: Option<u64>) {
        let revision = self.bump();
        self.twins.push(OpenTwin {
            path,
            twin,
            dirty: false,
            revision,
            disk_hash,
        });
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
        self.twins.get_mut(i).map(|o| &mut o.twin)
    }

    /// Records what the frame's widgets did: a change marks the twin unsaved; the step is cut
    /// once the pointer is released, so a whole drag becomes one undo step.
    pub fn after_edit(&mut self, changed: bool, still_editing: bool) {
        if changed && let Some(i) = self.selected {
            let revision = self.bump();
            if let Some(open) = self.twins.get_mut(i) {
                open.dirty = true;
                open.revision = revision;
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

    pub fn any_dirty(&self) -> bool {
        self.twins.iter().any(|t| t.dirty)
    }

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
    fn apply(&mut self, step: Step) -> Step {
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

    /// Takes a twin out of the library and deletes its file, keeping both for undo.
    fn remove_twin(&mut self, index: usize) -> Step {
        if index >= self.twins.len() {
            return Step::Remove { index };
        }
        let open = self.twins.remove(index);
        let file = std::fs::read(&open.path).ok();
        if file.is_some()
            && let Err(e) = std::fs::remove_file(&open.path)
        {
            self.set_error(format!(
                "{}: the file could not be deleted ({e})",
                open.path.display()
            ));
        }
        Step::Insert {
            index,
            open: Box::new(open),
            file,
        }
    }

    /// A file name in the library folder that no twin or file uses yet.
    fn free_path(&self, id: &str) -> (String, PathBuf) {
        let folder = self.folder.clone().unwrap_or_else(|| PathBuf::from("."));
        let taken = |candidate: &str, path: &Path| {
            path.exists()
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

    fn insert_new(&mut self, path: PathBuf, twin: Twin) {
        self.history.commit(&self.twins);
        let index = self.selected.map_or(self.twins.len(), |i| i + 1);
        let revision = self.bump();
        self.twins.insert(
            index,
            OpenTwin {
                path,
                twin,
                dirty: true,
                revision,
                disk_hash: None,
            },
        );
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
        let target_hash = std::fs::read(&path).ok().map(|b| content_hash(&b));
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

    fn save_index(&mut self, i: usize) -> bool {
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
                self.twins[i].dirty = false;
                self.twins[i].disk_hash = Some(hash);
                if self.history.has_baseline_for(i) {
                    self.history.set_baseline(i, &self.twins[i]);
                }
                self.set_info(text);
                self.write_recovery();
                true
            }
            Err(e) => {
                let text = match &e.kind {
                    LoadErrorKind::Invalid(issues) => format!(
                        "Not saved: {} problem(s) to fix first, e.g. {}",
                        issues.len(),
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
        let dirty: Vec<usize> = (0..self.twins.len())
            .filter(|&i| self.twins[i].dirty)
            .collect();
        // Every twin gets its save attempt, even after one failed.
        let mut all_saved = true;
        for i in dirty {
            all_saved &= self.save_index(i);
        }
        all_saved
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
        if self.recovery.is_none() || !self.any_dirty() || !self.recovery_offer.is_empty() {
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
            .filter(|t| t.dirty)
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
                    open.twin = recovered.twin;
                    open.dirty = true;
                    open.revision = revision;
                }
                None => {
                    let disk_hash = std::fs::read(&recovered.path)
                        .ok()
                        .map(|b| content_hash(&b));
                    self.twins.push(OpenTwin {
                        path: recovered.path,
                        twin: recovered.twin,
                        dirty: true,
                        revision,
                        disk_hash,
                    });
                }
            }
        }
        self.history.clear();
        let selected = self.selected.or((!self.twins.is_empty()).then_some(0));
        self.select(selected);
        self.set_info(format!(
            "Restored {count} unsaved twin(s); save them to keep the changes"
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

    /// Forgets unsaved work on purpose (the user chose Discard when closing).
    pub fn discard_unsaved(&mut self) {
        if let Some(store) = &self.recovery {
            let _ = store.clear();
        }
        for open in &mut self.twins {
            open.dirty = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Score;
    use crate::store::{load_twin, save_twin};

    fn state() -> (tempfile::TempDir, AppState) {
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

    fn edit(state: &mut AppState, value: f64) {
        if let Some(t) = state.selected_mut() {
            t.west
                .scores
                .insert("base".into(), Score::unsupported(value));
        }
        state.after_edit(true, false);
    }

    #[test]
    fn filter_matches_chinese_names_sectors_and_gaps() {
        let (_dir, state) = state();
        let twin = &state.twins[0].twin;
        let mut f = LibraryFilter {
            search: "阿里".into(),
            ..LibraryFilter::default()
        };
        assert!(f.matches(twin));
        f.search = "baidu".into();
        assert!(!f.matches(twin));
        f.search.clear();
        f.gap = Some(("base".into(), 3.0));
        assert!(f.matches(twin));
        f.gap = Some(("base".into(), 3.5));
        assert!(!f.matches(twin));
        f.gap = None;
        f.sector = Some("cloud".into());
        assert!(!f.matches(twin));
    }

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

    #[test]
    fn create_duplicate_delete_and_undo_delete_restores_the_file() {
        let (dir, mut state) = state();
        state.duplicate_selected();
        assert_eq!(state.twins.len(), 3);
        assert_eq!(state.twins[1].twin.id, "amazon-alibaba-copy");
        assert!(state.twins[1].dirty);
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
        assert!(state.twins[0].dirty, "the edit is kept");
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
    fn a_second_studio_on_the_library_is_told_and_cannot_write_until_the_first_closes() {
        let (dir, first) = state();
        let locks = dir.path().join("locks");
        let first = first.with_locks(Some(locks.clone()));
        assert!(first.lock.is_some());
        let mut second = AppState::open(dir.path()).with_locks(Some(locks));
        let held = second.held_elsewhere.clone().expect("held by the first");
        assert_eq!(held.pid, std::process::id());
        assert!(
            second
                .status
                .as_ref()
                .is_some_and(|s| s.text.contains("another Twin Studio"))
        );
        edit(&mut second, 8.0);
        assert!(!second.save_selected());
        assert!(second.twins[0].dirty);
        let file = dir.path().join("amazon-alibaba.twin.json");
        assert_eq!(
            load_twin(&file).expect("load").west.scores["base"].value,
            9.0
        );
        drop(first);
        assert!(second.save_selected(), "{:?}", second.status);
        assert_eq!(
            load_twin(&file).expect("load").west.scores["base"].value,
            8.0
        );
    }

    #[test]
    fn invalid_twins_are_not_saved_and_stay_dirty() {
        let (dir, mut state) = state();
        edit(&mut state, 12.0);
        assert!(!state.save_selected());
        assert!(state.twins[0].dirty);
        assert!(state.status.as_ref().is_some_and(|s| s.error));
        let on_disk = load_twin(&dir.path().join("amazon-alibaba.twin.json")).expect("load");
        assert_eq!(on_disk.west.scores["base"].value, 9.0);
        edit(&mut state, 8.0);
        assert!(state.save_selected());
        assert!(!state.twins[0].dirty);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_keeps_the_edit() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, mut state) = state();
        edit(&mut state, 8.0);
        let ro = std::fs::Permissions::from_mode(0o555);
        std::fs::set_permissions(dir.path(), ro).expect("chmod");
        let saved = state.save_selected();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod back");
        // Root can write anywhere; only check the promise when the write really failed.
        if !saved {
            assert!(state.twins[0].dirty);
            assert_eq!(state.twins[0].twin.west.scores["base"].value, 8.0);
            assert!(state.status.as_ref().is_some_and(|s| s.error));
        }
    }

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
        assert!(restarted.twins[0].dirty);
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
