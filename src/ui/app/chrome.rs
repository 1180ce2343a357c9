//! The studio window's chrome: the menu bar, the status bar and the window title.

use super::*;

impl TwinStudioApp {
    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui, pending: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                let has = self.state.selected.is_some();
                let item = |ui: &mut egui::Ui, command: Command, enabled: bool| {
                    let shortcut = commands::shortcut_text(&ctx, &command);
                    let label = command.label();
                    ui.add_enabled(enabled, egui::Button::new(label).shortcut_text(shortcut))
                        .clicked()
                        .then_some(command)
                };
                pending.extend(item(ui, Command::New, true));
                pending.extend(item(ui, Command::OpenFolder, true));
                pending.extend(item(ui, Command::OpenFile, true));
                pending.extend(item(ui, Command::OpenTyped, true));
                ui.menu_button("Open recent", |ui| {
                    if self.state.recent.is_empty() {
                        ui.weak("Nothing yet");
                    }
                    for path in &self.state.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            pending.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
                ui.separator();
                pending.extend(item(ui, Command::Save, has));
                pending.extend(item(ui, Command::SaveAs, has));
                ui.separator();
                pending.extend(item(ui, Command::Duplicate, has));
                pending.extend(item(ui, Command::Delete, has));
                ui.separator();
                pending.extend(item(ui, Command::Palette, true));
            });
            ui.menu_button("View", |ui| {
                let mut theme = ctx.options(|o| o.theme_preference);
                let before = theme;
                ui.radio_value(&mut theme, ThemePreference::System, "Follow the system");
                ui.radio_value(&mut theme, ThemePreference::Light, "Light");
                ui.radio_value(&mut theme, ThemePreference::Dark, "Dark");
                if theme != before {
                    ctx.set_theme(theme);
                }
            });
            ui.separator();
            let undo = ui
                .add_enabled(self.state.history.can_undo(), egui::Button::new("Undo"))
                .on_hover_text(commands::shortcut_text(&ctx, &Command::Undo));
            if undo.clicked() {
                pending.push(Command::Undo);
            }
            let redo = ui
                .add_enabled(self.state.history.can_redo(), egui::Button::new("Redo"))
                .on_hover_text(commands::shortcut_text(&ctx, &Command::Redo));
            if redo.clicked() {
                pending.push(Command::Redo);
            }
            if ui
                .add_enabled(self.state.selected.is_some(), egui::Button::new("Present"))
                .on_hover_text(commands::shortcut_text(&ctx, &Command::Present))
                .clicked()
            {
                pending.push(Command::Present);
            }
            let unsaved = self.state.selected_twin().is_some_and(|t| t.is_unsaved());
            if ui
                .add_enabled(unsaved, egui::Button::new("Save"))
                .on_hover_text(commands::shortcut_text(&ctx, &Command::Save))
                .clicked()
            {
                pending.push(Command::Save);
            }
        });
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        let colours = style::colours(ui);
        ui.horizontal(|ui| {
            let unsaved = self.state.twins.iter().filter(|t| t.is_unsaved()).count();
            if unsaved > 0 {
                ui.label(RichText::new(format!("● {unsaved} unsaved")).color(colours.warning));
            } else {
                ui.label(RichText::new("All saved").color(colours.ok));
            }
            if let Some(status) = &self.state.status {
                ui.separator();
                let colour = if status.error {
                    colours.error
                } else {
                    colours.muted
                };
                ui.label(RichText::new(&status.text).color(colour));
            }
        });
    }

    /// Keeps the window title in step with the selected twin and its unsaved mark.
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = match self.state.selected_twin() {
            Some(open) => format!(
                "{}{} — Twin Studio",
                if open.is_unsaved() { "● " } else { "" },
                open.twin.title
            ),
            None => "Twin Studio".to_owned(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}
