//! The framework part of the Edit tab: add, rename, reorder and remove pillars while keeping every
//! score and snapshot pointing at the right pillar (through `Twin::rename_pillar`/`remove_pillar`).

use egui::RichText;

use super::form::{Form, Issues, form_label};
use super::list::{self, ItemAction};
use crate::model::{Pillar, Twin, limits};
use crate::ui::style;

/// What to do to the pillar list after drawing it (so the list is not changed while iterated).
enum Change {
    Rename { old: String, new: String },
    Remove(String),
    Move(usize, ItemAction),
}

/// Draws the framework editor; returns whether anything changed.
pub(super) fn show(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    let form = Form::new(issues, "framework");
    let mut changed = false;
    changed |= form.text(ui, "Framework id", &mut twin.framework.id, "id");
    changed |= form.text(ui, "Framework name", &mut twin.framework.name, "name");
    issues.show(ui, "framework.pillars");
    let mut change = None;
    let len = twin.framework.pillars.len();
    let ids: Vec<String> = twin
        .framework
        .pillars
        .iter()
        .map(|p| p.id.clone())
        .collect();
    for (i, pillar) in twin.framework.pillars.iter_mut().enumerate() {
        ui.push_id(("pillar", i), |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                let form = form.at(&format!("pillars[{i}]"));
                if let Some(rename) = pillar_id_field(ui, &pillar.id, &ids) {
                    change = Some(rename);
                }
                issues.show(ui, &form.path("id"));
                changed |= form.text(ui, "Name", &mut pillar.name, "name");
                changed |=
                    form.multiline(ui, "Description", &mut pillar.description, "description");
                changed |= form.number(ui, "Weight", &mut pillar.weight, 0.0..=10.0, 0.1, "weight");
                match list::item_buttons(ui, i, len) {
                    ItemAction::None => {}
                    ItemAction::Remove => change = Some(Change::Remove(pillar.id.clone())),
                    action => change = Some(Change::Move(i, action)),
                }
            });
        });
    }
    match change {
        Some(Change::Rename { old, new }) => {
            twin.rename_pillar(&old, &new);
            changed = true;
        }
        Some(Change::Remove(id)) => {
            twin.remove_pillar(&id);
            changed = true;
        }
        Some(Change::Move(i, action)) => {
            changed |= list::apply_action(&mut twin.framework.pillars, i, action);
        }
        None => {}
    }
    let full = twin.framework.pillars.len() >= limits::PILLARS;
    if ui
        .add_enabled(!full, egui::Button::new("+ Add pillar"))
        .clicked()
    {
        let id = twin.framework.unused_pillar_id();
        twin.framework
            .pillars
            .push(Pillar::new(&id, "New pillar", ""));
        changed = true;
    }
    style::hint(
        ui,
        "Renaming a pillar id moves its scores and snapshot values; removing a pillar removes them.",
    );
    changed
}

/// The id field: edits go to a buffer and are applied only when they name no other pillar, so
/// typing an id that is taken can never merge two pillars' scores.
fn pillar_id_field(ui: &mut egui::Ui, id: &str, all: &[String]) -> Option<Change> {
    let buffer_id = ui.scope_id().with("id_buffer");
    let mut text = ui
        .data(|d| d.get_temp::<String>(buffer_id))
        .unwrap_or_else(|| id.to_owned());
    let mut change = None;
    ui.horizontal(|ui| {
        let label = form_label(ui, "Pillar id");
        let response = ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(200.0))
            .labelled_by(label.id);
        let taken = text != id && all.contains(&text);
        if response.changed() && !taken && !text.is_empty() {
            change = Some(Change::Rename {
                old: id.to_owned(),
                new: text.clone(),
            });
        }
        if taken {
            ui.label(
                RichText::new("▲ another pillar has this id")
                    .color(style::colours(ui).error)
                    .size(style::size::SMALL),
            );
            ui.data_mut(|d| d.insert_temp(buffer_id, text.clone()));
        } else if text.is_empty() && response.has_focus() {
            ui.data_mut(|d| d.insert_temp(buffer_id, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(buffer_id));
        }
    });
    change
}
