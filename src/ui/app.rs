//! The eframe application: lays out the panels around [`AppState`].

use super::{AppState, library_panel, overview_panel};

/// The studio window.
pub struct TwinStudioApp {
    pub state: AppState,
}

impl TwinStudioApp {
    pub fn new(state: AppState) -> Self {
        Self { state }
    }
}

impl eframe::App for TwinStudioApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::left("library")
            .default_size(260.0)
            .show(ui, |ui| library_panel::show(ui, &mut self.state));
        egui::CentralPanel::default_margins().show(ui, |ui| match self.state.selected_twin() {
            Some(open) => overview_panel::show(ui, &open.twin),
            None => {
                ui.heading("No twin open");
                ui.label("Open a folder of .twin.json files to start.");
            }
        });
    }
}
