//! The library: every twin of the open folder, and the files that failed with why.

use super::AppState;

/// Lists the twins; clicking one selects it.
pub fn show(ui: &mut egui::Ui, state: &mut AppState) {
    ui.heading("Library");
    if let Some(folder) = &state.folder {
        ui.weak(folder.display().to_string());
    }
    if let Some(status) = &state.status {
        ui.colored_label(ui.visuals().error_fg_color, status);
    }
    ui.separator();
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, open) in state.twins.iter().enumerate() {
            let twin = &open.twin;
            let label = format!(
                "{}\n{} · {}",
                twin.title,
                twin.west.display_name(),
                twin.east.display_name()
            );
            if ui
                .selectable_label(state.selected == Some(i), label)
                .clicked()
            {
                state.selected = Some(i);
            }
        }
        for error in &state.broken {
            ui.colored_label(ui.visuals().error_fg_color, error.to_string());
        }
    });
}
