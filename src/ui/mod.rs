//! The studio: the egui front end. It edits the model in place and never parses or formats files.

mod app;
pub mod fonts;
mod library_panel;
mod overview_panel;
pub mod report_panel;
mod state;

pub use app::TwinStudioApp;
pub use state::AppState;

use std::path::PathBuf;

/// Opens the studio window on `path` (a twin file or a folder), or on the bundled samples.
/// Returns the process exit code.
pub fn run(path: Option<PathBuf>) -> i32 {
    let path = path.unwrap_or_else(crate::cli::default_library_folder);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Twin Studio")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Twin Studio",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            Ok(Box::new(TwinStudioApp::new(AppState::open(&path))))
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
