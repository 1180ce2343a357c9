//! The library: every twin of the open folder with search and filters, new / duplicate / rename /
//! delete, and the files that failed with why. Long libraries are virtualised (only visible rows).

use egui::RichText;

use super::commands::Command;
use super::state::{AppState, LibraryFilter};
use super::style::{self, space};
use crate::model::{Framework, SectorVocabulary};

/// Row height of the twin list; fixed so only visible rows are laid out.
const ROW_HEIGHT: f32 = 46.0;

/// The panel's own state between frames: the rename in progress.
#[derive(Debug, Default)]
pub struct LibraryPanel {
    renaming: Option<String>,
}

impl LibraryPanel {
    /// Draws the panel; commands that need the app (dialogs, undo) are returned to it.
    pub fn show(&mut self, ui: &mut egui::Ui, state: &mut AppState) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Library").size(style::size::HEADING).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Open…")
                    .on_hover_text("Open a folder (Ctrl+O)")
                    .clicked()
                {
                    command = Some(Command::OpenFolder);
                }
            });
        });
        if let Some(folder) = &state.folder {
            style::hint(ui, &folder.display().to_string());
        }
        ui.horizontal(|ui| {
            if ui
                .button("New")
                .on_hover_text("New twin from the OYCR template (Ctrl+N)")
                .clicked()
            {
                command = Some(Command::New);
            }
            let has = state.selected.is_some();
            if ui
                .add_enabled(has, egui::Button::new("Duplicate"))
                .clicked()
            {
                command = Some(Command::Duplicate);
            }
            if ui.add_enabled(has, egui::Button::new("Rename")).clicked() {
                self.renaming = state.selected_twin().map(|t| t.twin.title.clone());
            }
            if ui.add_enabled(has, egui::Button::new("Delete")).clicked() {
                command = Some(Command::Delete);
            }
        });
        if self.rename(ui, state) {
            command = command.or(Some(Command::Edited));
        }
        let framework = state
            .selected
            .and_then(|i| state.twins.get(i))
            .map(|t| &t.twin.framework);
        filters(ui, &mut state.filter, framework);
        ui.separator();

        let visible: Vec<usize> = if state.filter.is_active() {
            (0..state.twins.len())
                .filter(|&i| state.filter.matches(&state.twins[i].twin))
                .collect()
        } else {
            (0..state.twins.len()).collect()
        };
        if state.filter.is_active() {
            style::hint(
                ui,
                &format!("{} of {} twins", visible.len(), state.twins.len()),
            );
        }
        let broken_height = if state.broken.is_empty() { 0.0 } else { 90.0 };
        let list_height = (ui.available_height() - broken_height).max(ROW_HEIGHT * 2.0);
        let mut clicked = None;
        egui::ScrollArea::vertical()
            .id_salt("twin_list")
            .max_height(list_height)
            .auto_shrink([false, false])
            .show_rows(ui, ROW_HEIGHT, visible.len(), |ui, range| {
                for row in range {
                    let Some(&i) = visible.get(row) else {
                        continue;
                    };
                    let open = &state.twins[i];
                    let twin = &open.twin;
                    let mark = if open.dirty { "● " } else { "" };
                    let selected = state.selected == Some(i);
                    if twin_row(
                        ui,
                        selected,
                        &format!("{mark}{}", twin.title),
                        &format!(
                            "{} · {}",
                            twin.west.display_name(),
                            twin.east.display_name()
                        ),
                    )
                    .clicked()
                    {
                        clicked = Some(i);
                    }
                }
            });
        if let Some(i) = clicked {
            self.renaming = None;
            state.select(Some(i));
        }
        if !state.broken.is_empty() {
            egui::ScrollArea::vertical()
                .id_salt("broken")
                .max_height(broken_height)
                .show(ui, |ui| {
                    for error in &state.broken {
                        ui.colored_label(ui.visuals().error_fg_color, error.to_string());
                    }
                });
        }
        if state.twins.is_empty() {
            ui.add_space(space::MD);
            ui.weak("No twins here yet. Create one with New or open another folder.");
        }
        command
    }

    /// The inline rename of the selected twin's title; true when the title changed.
    fn rename(&mut self, ui: &mut egui::Ui, state: &mut AppState) -> bool {
        let Some(buffer) = &mut self.renaming else {
            return false;
        };
        let mut changed = false;
        let mut done = false;
        ui.horizontal(|ui| {
            let response = ui.add(
                egui::TextEdit::singleline(buffer)
                    .hint_text("Title")
                    .desired_width(170.0),
            );
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("OK").clicked() || enter {
                if let Some(twin) = state.selected_mut()
                    && twin.title != *buffer
                {
                    twin.title.clone_from(buffer);
                    changed = true;
                }
                done = true;
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                done = true;
            }
        });
        if done {
            self.renaming = None;
        }
        changed
    }
}

/// Search, sector and pillar-gap filters.
fn filters(ui: &mut egui::Ui, filter: &mut LibraryFilter, framework: Option<&Framework>) {
    ui.add(
        egui::TextEdit::singleline(&mut filter.search)
            .hint_text("Search names, e.g. Alibaba or 阿里巴巴")
            .desired_width(f32::INFINITY),
    );
    let vocab = SectorVocabulary::bundled();
    ui.horizontal(|ui| {
        let label = ui.label("Sector");
        let selected = filter
            .sector
            .as_deref()
            .map_or("any", |s| vocab.display_name(s));
        egui::ComboBox::from_id_salt("sector_filter")
            .selected_text(selected)
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.sector, None, "any");
                for (_, s) in vocab.all() {
                    ui.selectable_value(&mut filter.sector, Some(s.id.clone()), &s.name);
                }
            })
            .response
            .labelled_by(label.id);
    });
    let default_framework = Framework::offer_you_cant_refuse();
    let framework = framework.unwrap_or(&default_framework);
    ui.horizontal(|ui| {
        let label = ui.label("Min gap");
        let mut min = filter.gap.as_ref().map_or(2.0, |(_, g)| *g);
        let pillar = filter.gap.as_ref().map(|(p, _)| p.clone());
        let mut new_pillar = pillar.clone();
        let name = pillar
            .as_deref()
            .and_then(|id| framework.pillar(id).map(|p| p.name.as_str()).or(Some(id)))
            .unwrap_or("any pillar");
        let min_changed = ui
            .add(egui::DragValue::new(&mut min).speed(0.1).range(0.0..=10.0))
            .labelled_by(label.id)
            .changed();
        egui::ComboBox::from_id_salt("gap_filter")
            .selected_text(name)
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut new_pillar, None, "any pillar (no filter)");
                for p in &framework.pillars {
                    ui.selectable_value(&mut new_pillar, Some(p.id.clone()), &p.name);
                }
            })
            .response
            .labelled_by(label.id);
        if new_pillar != pillar || min_changed {
            filter.gap = new_pillar.map(|p| (p, min));
        }
    });
}

/// One library row: title over both names, left-aligned and cut with "…" when too long.
fn twin_row(ui: &mut egui::Ui, selected: bool, title: &str, names: &str) -> egui::Response {
    let size = egui::vec2(ui.available_width(), ROW_HEIGHT - 4.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let visuals = ui.style().interact_selectable(&response, selected);
    if selected || response.hovered() {
        ui.painter()
            .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
    }
    let inner = rect.shrink2(egui::vec2(space::SM, 3.0));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
    child.add(
        egui::Label::new(RichText::new(title).strong().color(visuals.text_color())).truncate(),
    );
    child.add(
        egui::Label::new(
            RichText::new(names)
                .size(style::size::SMALL)
                .color(visuals.text_color()),
        )
        .truncate(),
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, title));
    response
}
