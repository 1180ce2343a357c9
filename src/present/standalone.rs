//! `twin-studio present FILE`: the presenter alone, full screen, following the file as it is
//! edited and saving what a rehearsal recorded back into it.

use std::path::{Path, PathBuf};

use egui::ViewportBuilder;

use super::app::Presenter;
use super::deck::deck;
use super::nav::Outcome;
use super::reload::FileWatch;
use super::theme::ProjectorTheme;
use crate::model::Twin;

/// The standalone presenter window.
pub struct PresenterApp {
    twin: Twin,
    presenter: Presenter,
    /// The file presented, when there is one to follow.
    source: Option<(PathBuf, FileWatch)>,
}

impl PresenterApp {
    pub fn new(twin: Twin, presenter: Presenter) -> Self {
        Self {
            twin,
            presenter,
            source: None,
        }
    }

    /// Follows `path`: edits saved to it show on the next frame; a rehearsal is saved into it.
    pub fn following(mut self, path: PathBuf, ctx: &egui::Context) -> Self {
        let ctx = ctx.clone();
        let watch = FileWatch::spawn(path.clone(), move || ctx.request_repaint());
        self.source = Some((path, watch));
        self
    }

    /// Reloads the file if it changed. A file that does not load (half written, or broken by an
    /// edit) leaves the deck as it was and tells the speaker why, on the console only.
    fn reload(&mut self) {
        let Some((path, watch)) = &self.source else {
            return;
        };
        if !watch.take_change() {
            return;
        }
        match crate::store::load_twin(path) {
            Ok(twin) => {
                self.twin = twin;
                self.presenter.notice = None;
            }
            Err(e) => {
                eprintln!("{e}");
                self.presenter.notice = Some(format!("Not reloaded: {e}"));
            }
        }
    }

    /// Writes a finished rehearsal into the file, changing nothing else in it.
    fn save_rehearsal(&mut self) {
        let Some(times) = self.presenter.take_rehearsal(&self.twin) else {
            return;
        };
        self.twin.deck.rehearsal = times;
        let Some((path, _)) = &self.source else {
            return;
        };
        let saved = crate::store::load_twin(path).and_then(|mut on_disk| {
            on_disk.deck.rehearsal = self.twin.deck.rehearsal.clone();
            crate::store::save_twin(path, &on_disk)
        });
        if let Err(e) = saved {
            eprintln!("twin-studio: the rehearsal was not saved: {e}");
            self.presenter.notice = Some(format!("Rehearsal not saved: {e}"));
        }
    }

    /// One frame: the file's latest version, the presenter, a finished rehearsal saved.
    pub fn frame(&mut self, ui: &mut egui::Ui) -> Outcome {
        self.reload();
        let outcome = self.presenter.show(ui, &self.twin);
        self.save_rehearsal();
        outcome
    }

    pub fn twin(&self) -> &Twin {
        &self.twin
    }

    pub fn presenter(&self) -> &Presenter {
        &self.presenter
    }
}

impl eframe::App for PresenterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.frame(ui) == Outcome::Leave {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// How `present` starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PresentOptions {
    /// The slide to start on, counting from 1.
    pub slide: Option<usize>,
    pub theme: ProjectorTheme,
    /// Start a rehearsal run at once.
    pub rehearse: bool,
}

/// `twin-studio present FILE`: loads the twin and presents it full screen. Returns the process
/// exit code.
pub fn run(path: &Path, options: PresentOptions) -> i32 {
    let twin = match crate::store::load_twin(path) {
        Ok(twin) => twin,
        Err(e) => {
            eprintln!("{e}");
            return crate::desktop::EXIT_BAD_INPUT;
        }
    };
    let count = deck(&twin).len();
    let requested = options.slide.unwrap_or(1);
    if requested > count {
        eprintln!("twin-studio: the deck has {count} slides; starting on the last one");
    }
    let mut presenter = Presenter::new(requested.saturating_sub(1), options.theme);
    if options.rehearse {
        presenter.start_rehearsal();
    }
    let mut native = eframe::NativeOptions {
        viewport: ViewportBuilder::default()
            .with_title(format!("{}: presenter", twin.title))
            .with_app_id("twin-studio")
            .with_fullscreen(true)
            .with_decorations(false),
        ..Default::default()
    };
    if let Some(icon) = crate::desktop::window_icon() {
        native.viewport = native.viewport.with_icon(icon);
    }
    let path = path.to_owned();
    let theme = options.theme;
    let result = super::native::run(
        "Twin Studio presenter",
        native,
        Box::new(move |cc| {
            crate::desktop::install_fonts(&cc.egui_ctx);
            cc.egui_ctx.set_visuals(theme.visuals());
            let app = PresenterApp::new(twin, presenter).following(path, &cc.egui_ctx);
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => crate::desktop::EXIT_OK,
        Err(e) => {
            eprintln!("twin-studio: cannot open a window: {e}");
            crate::desktop::EXIT_BAD_INPUT
        }
    }
}
