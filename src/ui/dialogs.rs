//! The two modal questions the studio asks: what to do with unsaved edits on close, and whether to
//! restore edits a crashed session left behind.

use egui::{Modal, RichText};

use super::state::{AppState, ConflictChoice};
use super::style::{self, space};

/// What the user answered in the close guard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseAnswer {
    Save,
    Discard,
    Cancel,
}

/// The unsaved-changes guard; returns the answer once a button is pressed.
pub fn close_guard(ui: &mut egui::Ui, state: &AppState) -> Option<CloseAnswer> {
    let mut answer = None;
    let unsaved: Vec<&str> = state
        .twins
        .iter()
        .filter(|t| t.is_unsaved())
        .map(|t| t.twin.title.as_str())
        .collect();
    Modal::new(egui::Id::unique("close_guard")).show(ui.ctx(), |ui| {
        ui.set_width(380.0);
        ui.label(
            RichText::new("Unsaved changes")
                .size(style::size::HEADING)
                .strong(),
        );
        ui.add_space(space::SM);
        ui.label(format!(
            "{} changes that are not saved:",
            crate::wording::count(unsaved.len(), "twin has", "twins have")
        ));
        for title in unsaved.iter().take(8) {
            ui.label(format!("• {title}"));
        }
        ui.add_space(space::MD);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                answer = Some(CloseAnswer::Save);
            }
            if ui.button("Discard").clicked() {
                answer = Some(CloseAnswer::Discard);
            }
            if ui.button("Cancel").clicked() {
                answer = Some(CloseAnswer::Cancel);
            }
        });
    });
    answer
}

/// The offer to restore autosaved edits from the last session.
pub fn recovery_offer(ui: &mut egui::Ui, state: &mut AppState) {
    let titles: Vec<String> = state
        .recovery_offer
        .iter()
        .map(|r| format!("• {} ({})", r.twin.title, r.path.display()))
        .collect();
    let mut restore = false;
    let mut discard = false;
    Modal::new(egui::Id::unique("recovery_offer")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.label(
            RichText::new("Restore unsaved edits?")
                .size(style::size::HEADING)
                .strong(),
        );
        ui.add_space(space::SM);
        ui.label("The last session ended with edits that were not saved:");
        for title in titles.iter().take(8) {
            ui.label(title);
        }
        ui.add_space(space::MD);
        ui.horizontal(|ui| {
            restore = ui.button("Restore edits").clicked();
            discard = ui.button("Discard them").clicked();
        });
    });
    if restore {
        state.restore_recovery();
    } else if discard {
        state.discard_recovery();
    }
}

/// A twin changed on disk while it had unsaved edits: keep mine, take theirs, or save mine as a
/// copy. Nothing is written over the file's new version until the user chooses.
pub fn outside_conflict(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(conflict) = state.conflicts.first() else {
        return;
    };
    let name = conflict
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let theirs = conflict.theirs.title.clone();
    let mut choice = None;
    Modal::new(egui::Id::unique("outside_conflict")).show(ui.ctx(), |ui| {
        ui.set_width(480.0);
        ui.label(
            RichText::new(format!("{name} changed outside the studio"))
                .size(style::size::HEADING)
                .strong(),
        );
        ui.add_space(space::SM);
        ui.label(format!(
            "Another program changed this file (its version is titled \"{theirs}\") while you \
             had unsaved edits. Nothing has been written over it."
        ));
        ui.add_space(space::MD);
        ui.horizontal(|ui| {
            if ui
                .button("Keep mine")
                .on_hover_text("Keep your edits; Save then writes them over the file")
                .clicked()
            {
                choice = Some(ConflictChoice::KeepMine);
            }
            if ui
                .button("Take theirs")
                .on_hover_text("Drop your edits and show the file's version")
                .clicked()
            {
                choice = Some(ConflictChoice::TakeTheirs);
            }
            if ui
                .button("Save mine as a copy")
                .on_hover_text(
                    "Write your edits to a new file beside it and show the file's version",
                )
                .clicked()
            {
                choice = Some(ConflictChoice::SaveMineAsCopy);
            }
        });
    });
    if let Some(choice) = choice {
        state.resolve_conflict(choice);
    }
}
