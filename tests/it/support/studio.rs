//! Driving the studio window in kittest tests the way a person does: a library to break, a window
//! of a given size, clicks where a person aims.

use std::path::PathBuf;

use egui::Modifiers;
use egui_kittest::Harness;
use twin_studio::store::twin_files_in;
use twin_studio::ui::{AppState, TwinStudioApp, style};

/// A copy of the sample library in a temporary folder, so deleting and saving touch no real file.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    for file in twin_files_in(&super::samples_folder()).expect("samples") {
        let name = file.file_name().expect("name");
        std::fs::copy(&file, dir.path().join(name)).expect("copy");
    }
    let path = dir.path().to_owned();
    (dir, path)
}

/// The studio window on `state`, at `size`, with the product's fonts and style.
pub fn window(state: AppState, size: egui::Vec2) -> Harness<'static, TwinStudioApp> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(|ctx| {
            twin_studio::desktop::install_fonts(ctx);
            style::apply(ctx);
        })
        .build_ui_state(
            |ui, app: &mut TwinStudioApp| app.draw(ui),
            TwinStudioApp::new(state),
        )
}

/// A laptop-sized studio window on `state`.
pub fn laptop_window(state: AppState) -> Harness<'static, TwinStudioApp> {
    window(state, egui::vec2(1280.0, 800.0))
}

/// A primary click at a point, as a person's click lands (on a word, not a node's centre).
pub fn click_at<State>(harness: &mut Harness<'_, State>, at: egui::Pos2) {
    harness.hover_at(at);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(2);
}

/// Whether the studio marks its selected twin unsaved.
pub fn selected_unsaved(harness: &Harness<'_, TwinStudioApp>) -> bool {
    harness
        .state()
        .state
        .selected_twin()
        .expect("a twin is selected")
        .is_unsaved()
}
