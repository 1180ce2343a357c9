//! `AppState`: the data the studio holds, independent of how it is drawn.

use std::path::{Path, PathBuf};

use crate::model::Twin;
use crate::store::{Library, LoadError, load_twin};

/// One twin open in the studio, with where it lives on disk.
#[derive(Debug)]
pub struct OpenTwin {
    pub path: PathBuf,
    pub twin: Twin,
}

/// Everything the studio shows and edits.
#[derive(Debug, Default)]
pub struct AppState {
    pub folder: Option<PathBuf>,
    pub twins: Vec<OpenTwin>,
    /// Files that could not be opened, shown in the library with their errors.
    pub broken: Vec<LoadError>,
    pub selected: Option<usize>,
    /// A problem opening the folder itself.
    pub status: Option<String>,
}

impl AppState {
    /// Opens a folder of twins or a single twin file; problems become visible state, not panics.
    pub fn open(path: &Path) -> Self {
        let mut state = Self::default();
        if path.is_dir() {
            match Library::open(path) {
                Ok(library) => {
                    for entry in library.entries {
                        match entry.twin {
                            Ok(twin) => state.twins.push(OpenTwin {
                                path: entry.path,
                                twin,
                            }),
                            Err(e) => state.broken.push(e),
                        }
                    }
                }
                Err(e) => {
                    state.status = Some(format!("{}: cannot open the folder: {e}", path.display()))
                }
            }
            state.folder = Some(path.to_owned());
        } else {
            match load_twin(path) {
                Ok(twin) => state.twins.push(OpenTwin {
                    path: path.to_owned(),
                    twin,
                }),
                Err(e) => state.broken.push(e),
            }
            state.folder = path.parent().map(Path::to_owned);
        }
        state.selected = (!state.twins.is_empty()).then_some(0);
        state
    }

    /// The twin shown in the centre.
    pub fn selected_twin(&self) -> Option<&OpenTwin> {
        self.selected.and_then(|i| self.twins.get(i))
    }
}
