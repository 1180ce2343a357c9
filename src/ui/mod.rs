//! The studio: the egui front end. It edits the model in place and never parses or formats files;
//! `store` reads and writes, `analysis` and `charts` derive what is drawn.

mod app;
mod chart_copy;
mod commands;
mod compare_panel;
mod derived;
mod dialogs;
mod diversification_panel;
mod edit;
pub mod file_dialogs;
mod health_panel;
mod library_filters;
mod library_panel;
mod library_search;
mod palette;
mod picker;
mod portfolio_panel;
pub mod report_panel;
mod side_by_side;
mod state;
pub mod style;
mod weights_panel;
pub mod window;

pub use app::{PREFS_KEY, Prefs, TwinStudioApp};
pub use commands::Command;
pub use derived::{Derived, PortfolioFigures, TwinFigures};
pub use state::{
    AUTOSAVE_SECONDS, AppState, ConflictChoice, LibraryFilter, OpenTwin, OutsideConflict, Status,
    Tab,
};

use std::path::PathBuf;

/// Opens every section and table of the Edit tab (remembered like a user's clicks): for the
/// frame benchmark and tests.
pub fn open_all_edit_sections(ctx: &egui::Context) {
    edit::open_all(ctx, &crate::model::Twin::new_blank("all", "all"));
}

use crate::store::RecoveryStore;

/// Opens the studio on the first of `paths` and a studio window of its own for each other one
/// (a desktop launcher's `%F` passes every file selected in the file manager). No paths opens the
/// last library or the samples. Returns the exit code of the first window.
pub fn run_paths(paths: &[PathBuf]) -> i32 {
    let Some((first, others)) = paths.split_first() else {
        return run(None);
    };
    for other in others {
        let spawned = std::env::current_exe()
            .and_then(|exe| std::process::Command::new(exe).arg(other).spawn());
        if let Err(e) = spawned {
            eprintln!(
                "twin-studio: cannot open {} in a new window: {e}",
                other.display()
            );
        }
    }
    run(Some(first.clone()))
}

/// Opens the studio window on `path` (a twin file or a folder), else on the last library, else on
/// the bundled samples. Returns the process exit code.
pub fn run(path: Option<PathBuf>) -> i32 {
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Twin Studio")
            .with_app_id("twin-studio")
            .with_inner_size(window::FIRST_SIZE)
            .with_min_inner_size(window::MIN_SIZE)
            .with_drag_and_drop(true),
        // Size and place are remembered per monitor by `window::WindowKeeper` instead.
        persist_window: false,
        ..Default::default()
    };
    if let Some(icon) = crate::desktop::window_icon() {
        options.viewport = options.viewport.with_icon(icon);
    }
    let result = crate::present::native::run(
        "Twin Studio",
        options,
        Box::new(move |cc| {
            crate::desktop::install_fonts(&cc.egui_ctx);
            style::apply(&cc.egui_ctx);
            let prefs: Prefs = cc
                .storage
                .and_then(|s| eframe::get_value(s, PREFS_KEY))
                .unwrap_or_default();
            cc.egui_ctx.set_theme(prefs.theme_preference());
            let path = path
                .or_else(|| {
                    prefs
                        .last_library
                        .clone()
                        .filter(|p| crate::store::path_kind(p) != crate::store::PathKind::Nothing)
                })
                .unwrap_or_else(crate::desktop::default_library_folder);
            let mut state = AppState::open_in_background(&path)
                .with_recovery(RecoveryStore::platform())
                .with_locks(crate::store::data_dir().map(|d| d.join("locks")));
            for recent in prefs.recent.iter().rev() {
                if recent != &path {
                    state.push_recent(recent);
                }
            }
            state.push_recent(&path);
            Ok(Box::new(TwinStudioApp::new(state).with_prefs(&prefs)))
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
