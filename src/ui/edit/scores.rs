//! The scores of both companies on every pillar in one compact grid: a row per pillar, a score
//! field per company with its evidence count, and small buttons to score or unscore. The
//! evidence behind the scores is edited in the evidence tables below it.

use egui::RichText;

use super::form::{Issues, number_widget};
use crate::model::{Score, Side, Twin};
use crate::ui::style;
use crate::wording;

/// Draws the grid; returns whether a score changed.
pub(super) fn show(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    let mut changed = false;
    let pillars = super::pillar_names(twin);
    let names = [twin.west.name.clone(), twin.east.name.clone()];
    let colours = style::colours(ui);
    egui::Grid::new("score_grid")
        .striped(true)
        .num_columns(4)
        .spacing([style::space::MD, 6.0])
        .show(ui, |ui| {
            ui.strong("Pillar");
            ui.strong(&names[0]);
            ui.strong(&names[1]);
            ui.strong("Gap");
            ui.end_row();
            for (id, name) in &pillars {
                ui.label(name);
                for (side, company) in Side::BOTH.into_iter().zip(&names) {
                    ui.push_id((id, side.key()), |ui| {
                        ui.horizontal(|ui| {
                            changed |= score_cell(ui, twin, side, id, company, issues);
                        });
                    });
                }
                let gap = match (twin.score(Side::West, id), twin.score(Side::East, id)) {
                    (Some(w), Some(e)) => Some(w.value - e.value),
                    _ => None,
                };
                let gap = wording::gap_text(gap);
                ui.label(RichText::new(gap).color(colours.muted));
                ui.end_row();
            }
        });
    changed
}

/// One company's score on one pillar: the value, its evidence count (or "no evidence"), and a
/// small button to remove the score; "Score it" when not scored.
fn score_cell(
    ui: &mut egui::Ui,
    twin: &mut Twin,
    side: Side,
    pillar: &str,
    company: &str,
    issues: &Issues<'_>,
) -> bool {
    let path = format!("{}.scores.{pillar}", side.key());
    let scores = &mut twin.side_mut(side).scores;
    let Some(score) = scores.get_mut(pillar) else {
        let score_it = ui
            .small_button("Score it")
            .on_hover_text(format!("Give {company} a score on this pillar"));
        // A health flag "no score" jumps here.
        issues.jump_here(&score_it, &path);
        if score_it.clicked() {
            scores.insert(pillar.to_owned(), Score::unsupported(5.0));
            return true;
        }
        return false;
    };
    let value_path = format!("{path}.value");
    let response = number_widget(ui, &mut score.value, 0.0..=10.0, 0.1);
    let response = response.accessible_name(format!("{company} score"));
    let mut changed = issues.mark_field(ui, response, &value_path).changed();
    // The reason sits on the score's own line: the grid row widens, nothing moves down.
    issues.show(ui, &value_path);
    let colours = style::colours(ui);
    let evidence = score.evidence.len();
    if evidence == 0 {
        ui.label(
            RichText::new(wording::NO_EVIDENCE)
                .size(style::size::SMALL)
                .color(colours.unsupported),
        )
        .on_hover_text("No evidence backs this score yet: add some in the evidence table");
    } else {
        ui.label(
            RichText::new(wording::count(evidence, "evidence item", "evidence items"))
                .size(style::size::SMALL)
                .color(colours.muted),
        );
    }
    if ui
        .small_button("×")
        .on_hover_text(format!(
            "Remove {company}'s score on this pillar (and its evidence)"
        ))
        .clicked()
    {
        scores.remove(pillar);
        changed = true;
    }
    changed
}
