//! Opening a big library without a blind start: the folder is parsed on background threads
//! (`store::LibraryLoad`) while the window paints at once; each frame takes the twins parsed so
//! far, in file-name order, and the library panel shows how far loading has come.
//!
//! Every parsed twin is kept whole, evidence included, because the library itself needs it: its
//! search looks through claims, sources and notes, the "twins with problems" filter reads every
//! score's evidence, and the Portfolio tab every score.

use std::path::Path;

use super::AppState;
use crate::store::LibraryLoad;

impl AppState {
    /// Opens `path` like [`AppState::open`], but a folder loads in the background: call
    /// [`AppState::poll_loading`] each frame.
    pub fn open_in_background(path: &Path) -> Self {
        let mut state = Self::default();
        if !crate::store::is_folder(path) {
            state.open_path(path);
            return state;
        }
        state.folder = Some(path.to_owned());
        state.push_recent(path);
        state.loading = Some(LibraryLoad::start(path));
        state
    }

    /// Takes the twins parsed since the last call; returns whether any arrived or loading ended.
    pub fn poll_loading(&mut self) -> bool {
        let Some(load) = self.loading.as_mut() else {
            return false;
        };
        let entries = load.poll();
        let finished = load.is_finished();
        let failed = load.error().map(|e| e.to_string());
        let arrived = !entries.is_empty();
        for entry in entries {
            match entry.twin {
                Ok(twin) => self.push_loaded(entry.path, twin, entry.hash),
                Err(e) => self.broken.push(e),
            }
        }
        if self.selected.is_none() && !self.twins.is_empty() {
            self.select(Some(0));
        }
        if finished {
            self.loading = None;
            if let Some(e) = failed {
                let folder = self.folder.as_deref().unwrap_or(Path::new("."));
                self.set_error(format!("{}: cannot open the folder: {e}", folder.display()));
            }
            if self.locks_dir.is_some() {
                self.relock();
            }
        }
        arrived || finished
    }

    /// How many twins are loaded of how many files (the total once the folder is listed), while
    /// loading runs.
    pub fn loading_progress(&self) -> Option<(usize, Option<usize>)> {
        self.loading.as_ref().map(LibraryLoad::progress)
    }

    /// Whether the library is still being read.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::save_twin;

    #[test]
    fn a_folder_fills_in_progressively_and_ends_like_a_blocking_open() {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in 0..30 {
            let mut twin = crate::fixtures::twin("T").build();
            twin.id = format!("t{i:02}");
            save_twin(&dir.path().join(format!("t{i:02}.twin.json")), &twin).expect("save");
        }
        std::fs::write(dir.path().join("broken.twin.json"), b"{").expect("write");
        let mut state = AppState::open_in_background(dir.path());
        assert!(state.is_loading());
        let mut seen = Vec::new();
        while state.is_loading() {
            state.poll_loading();
            seen.push(state.twins.len());
            std::thread::yield_now();
        }
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "twins only arrive");
        let blocking = AppState::open(dir.path());
        let ids = |s: &AppState| {
            s.twins
                .iter()
                .map(|t| t.twin.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&state), ids(&blocking));
        assert_eq!(state.broken.len(), 1);
        assert_eq!(state.selected, Some(0));
    }
}
