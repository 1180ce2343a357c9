//! Export from the presenter: the deck as PowerPoint or as the deck PDF, in the presenter's
//! theme, from the same slide descriptions as the screen. The save dialog, the rendering and the
//! writing run on a thread of their own, so the slides never stop while the speaker picks a
//! file; the console shows how it went.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::deck_pptx::deck_pptx_in;
use super::deck_svg::deck_svgs_in;
use super::theme::ProjectorTheme;
use crate::model::Twin;
use crate::report::pptx::{Aspect, render};
use crate::report::{PageSize, ReportError, pdf};

/// What the presenter exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckFormat {
    /// Editable PowerPoint slides with speaker notes.
    Pptx,
    /// One 16:9 page per slide, for a backup machine or a handout.
    Pdf,
}

impl DeckFormat {
    /// The console button.
    pub fn button(self) -> &'static str {
        match self {
            Self::Pptx => "PowerPoint…",
            Self::Pdf => "Deck PDF…",
        }
    }

    /// The save dialog's filter name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pptx => "PowerPoint deck",
            Self::Pdf => "Slide deck PDF",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Pptx => "pptx",
            Self::Pdf => "pdf",
        }
    }

    /// The file name the dialog suggests: `amazon-alibaba-deck.pdf`, `amazon-alibaba.pptx`.
    pub fn suggested_name(self, twin: &Twin) -> String {
        match self {
            Self::Pptx => format!("{}.pptx", twin.id),
            Self::Pdf => format!("{}-deck.pdf", twin.id),
        }
    }
}

/// The deck's bytes in `format`; the PDF in `theme` (PowerPoint is white, for editing).
pub fn deck_bytes(
    twin: &Twin,
    format: DeckFormat,
    theme: ProjectorTheme,
) -> Result<Vec<u8>, ReportError> {
    match format {
        DeckFormat::Pptx => render(&deck_pptx_in(twin, Aspect::Wide, ProjectorTheme::Light)),
        DeckFormat::Pdf => pdf::svg_pages_pdf(
            &deck_svgs_in(twin, theme, Aspect::Wide),
            PageSize::Slide16x9,
            &twin.title,
        ),
    }
}

/// Writes the deck to `path` (atomically: a failed write leaves any old file whole); returns
/// what the console says.
pub fn export_deck(twin: &Twin, format: DeckFormat, theme: ProjectorTheme, path: &Path) -> String {
    let written = deck_bytes(twin, format, theme)
        .map_err(|e| e.to_string())
        .and_then(|bytes| crate::store::atomic_write(path, &bytes).map_err(|e| e.to_string()));
    match written {
        Ok(()) => format!("Exported {}", path.display()),
        Err(e) => format!("Could not export {}: {e}", path.display()),
    }
}

/// Where an export stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum State {
    #[default]
    Idle,
    Running,
    Done(String),
}

/// An export under way or finished, shared with its thread.
#[derive(Debug, Clone, Default)]
pub struct DeckExport {
    state: Arc<Mutex<State>>,
}

impl DeckExport {
    /// Starts exporting `twin` on a thread: asks where with a save dialog unless `path` is given
    /// (scripts and tests), renders and writes. `wake` asks the window for a frame when done.
    /// Ignored while an export runs.
    pub fn start(
        &self,
        twin: Twin,
        format: DeckFormat,
        theme: ProjectorTheme,
        path: Option<PathBuf>,
        wake: impl Fn() + Send + 'static,
    ) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        if *state == State::Running {
            return;
        }
        *state = State::Running;
        drop(state);
        let shared = Arc::clone(&self.state);
        std::thread::spawn(move || {
            let path = path.or_else(|| {
                let dialog = rfd::AsyncFileDialog::new()
                    .set_file_name(format.suggested_name(&twin))
                    .add_filter(format.label(), &[format.extension()])
                    .save_file();
                pollster::block_on(dialog).map(|handle| handle.path().to_owned())
            });
            let done = match path {
                Some(path) => State::Done(export_deck(&twin, format, theme, &path)),
                None => State::Idle,
            };
            if let Ok(mut state) = shared.lock() {
                *state = done;
            }
            wake();
        });
    }

    /// Whether an export is under way.
    pub fn is_running(&self) -> bool {
        self.state.lock().is_ok_and(|s| *s == State::Running)
    }

    /// What the last finished export said.
    pub fn message(&self) -> Option<String> {
        match &*self.state.lock().ok()? {
            State::Done(message) => Some(message.clone()),
            State::Running => Some("Exporting…".to_owned()),
            State::Idle => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_formats_are_written_and_a_bad_path_is_said() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let twin = crate::fixtures::twin("T").build();
        for format in [DeckFormat::Pptx, DeckFormat::Pdf] {
            let path = dir.path().join(format.suggested_name(&twin));
            let said = export_deck(&twin, format, ProjectorTheme::Dark, &path);
            assert!(said.starts_with("Exported"), "{said}");
            assert!(std::fs::metadata(&path)?.len() > 1000);
        }
        let bad = dir.path().join("no-such-folder").join("x.pdf");
        let said = export_deck(&twin, DeckFormat::Pdf, ProjectorTheme::Dark, &bad);
        assert!(said.starts_with("Could not export"), "{said}");
        Ok(())
    }
}
