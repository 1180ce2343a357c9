//! The studio: the egui front end. It edits the model in place and never parses or formats files;
//! `store` reads and writes, `analysis` and `charts` derive what is drawn.

mod app;
mod chart_copy;
mod commands;
mod compare_panel;
mod deck_editor;
mod derived;
mod dialogs;
mod diversification_panel;
mod edit_panel;
mod fields;
pub mod fonts;
mod framework_editor;
mod history;
mod library_panel;
mod portfolio_panel;
pub mod report_panel;
mod state;
pub mod style;

pub use app::{PREFS_KEY, Prefs, TwinStudioApp};
pub use commands::Command;
pub use derived::{Derived, PortfolioFigures, TwinFigures};
pub use state::{AUTOSAVE_SECONDS, AppState, LibraryFilter, OpenTwin, Status, Tab};

use std::path::PathBuf;

use crate::store::RecoveryStore;

/// Opens the studio window on `path` (a twin file or a folder), else on the last library, else on
/// the bundled samples. Returns the process exit code.
pub fn run(path: Option<PathBuf>) -> i32 {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Twin Studio")
            .with_app_id("twin-studio")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = crate::present::native::run(
        "Twin Studio",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            style::apply(&cc.egui_ctx);
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, PREFS_KEY))
                .unwrap_or_default();
            cc.egui_ctx.set_theme(prefs.theme_preference());
            let path = path
                .or_else(|| prefs.last_library.clone().filter(|p| p.exists()))
                .unwrap_or_else(crate::cli::default_library_folder);
            let mut state = AppState::open(&path).with_recovery(RecoveryStore::platform());
            for recent in prefs.recent.iter().rev() {
                if recent != &path {
                    state.push_recent(recent);
                }
            }
            state.push_recent(&path);
            Ok(Box::new(TwinStudioApp::new(state)))
        }),
    );
    match result {
        Ok(()) => crate::cli::EXIT_OK,
        Err(e) => {
            eprintln!("twin-studio: cannot open a window: {e}");
            crate::cli::EXIT_BAD_INPUT
        }
    }
}
