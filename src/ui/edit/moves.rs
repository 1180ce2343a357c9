//! One company's diversification moves: a table of sector, unit, year, mode, distance,
//! strength, super-app, source and note.

use super::cells::{self, sector_picker};
use egui::Ui;

use super::form::Form;
use super::table::{self, Column, Spec};
use crate::model::{
    CompanyProfile, Distance, DiversificationMove as Move, EntryMode, SectorVocabulary,
    current_year,
};

fn columns() -> [Column<Move>; 9] {
    [
        Column::<Move>::new(
            "Sector",
            "sector",
            150.0,
            |m| {
                SectorVocabulary::bundled()
                    .display_name(&m.sector)
                    .to_owned()
            },
            |ui, m, cell| {
                let (r, changed) =
                    sector_picker(ui, &mut m.sector, cell.path, ui.available_width());
                cell.finish(ui, r);
                changed
            },
        )
        .sorted_by(|a, b| {
            let v = SectorVocabulary::bundled();
            v.display_name(&a.sector).cmp(v.display_name(&b.sector))
        }),
        cells::text(("Unit", "unit", 130.0), |m| &m.unit, |m| &mut m.unit),
        cells::year(("Year", "year", 56.0), |m| &m.year, |m| &mut m.year),
        cells::choice(
            ("Mode", "mode", 86.0),
            &EntryMode::ALL,
            EntryMode::label,
            |m: &Move| &m.mode,
            |m| &mut m.mode,
        )
        .sorted_by(|a, b| a.mode.label().cmp(b.mode.label())),
        cells::choice(
            ("Distance", "distance", 80.0),
            &Distance::ALL,
            Distance::label,
            |m: &Move| &m.distance,
            |m| &mut m.distance,
        )
        .sorted_by(|a, b| a.distance.cmp(&b.distance)),
        Column::<Move>::new(
            "Strength",
            "strength",
            60.0,
            |m| format!("{:.1}", m.strength),
            |ui, m, cell| cells::number_cell(ui, &mut m.strength, 10.0, 0.1, cell),
        )
        .sorted_by(|a, b| a.strength.total_cmp(&b.strength)),
        Column::<Move>::new(
            "Super-app",
            "in_super_app",
            64.0,
            |m| if m.in_super_app { "yes" } else { "no" }.to_owned(),
            |ui, m, cell| {
                let r = ui.checkbox(&mut m.in_super_app, "");
                cell.finish(ui, r).changed()
            },
        )
        .sorted_by(|a, b| a.in_super_app.cmp(&b.in_super_app)),
        cells::source(
            ("Source", "source.url", 130.0),
            |m| &m.source,
            |m| &mut m.source,
        ),
        cells::long_text(("Note", "note", 120.0), |m| &m.note, |m| &mut m.note),
    ]
}

/// The moves of one company.
pub(super) fn show(ui: &mut Ui, c: &mut CompanyProfile, form: &Form<'_>) -> bool {
    let id = form.path("moves");
    let new = || Move::new(current_year());
    table::list(
        ui,
        &Spec::new(&id, "move", &columns()),
        &mut c.moves,
        form.issues,
        new,
        |ui, m, form| {
            let note = form.multiline(ui, "Note", &mut m.note, "note");
            form.source(ui, &mut m.source, "source") || note
        },
    )
}
