//! Snapshots over time: the scores as they stood at a date, each editable, and a button that
//! stores today's scores as a new one.

use super::form::{Form, Issues, number_widget};
use super::list;
use crate::model::{Snapshot, Twin, current_year};
use crate::ui::style;

pub(super) fn show(ui: &mut egui::Ui, twin: &mut Twin, issues: &Issues<'_>) -> bool {
    style::hint(
        ui,
        "A snapshot stores the scores as they stood at a date; the Compare tab can show any of them.",
    );
    let pillars = super::pillar_names(twin);
    let names = [twin.west.name.clone(), twin.east.name.clone()];
    let today = Snapshot {
        label: current_year().to_string(),
        as_of: twin.as_of.clone(),
        west: twin
            .west
            .scores
            .iter()
            .map(|(k, s)| (k.clone(), s.value))
            .collect(),
        east: twin
            .east
            .scores
            .iter()
            .map(|(k, s)| (k.clone(), s.value))
            .collect(),
        note: String::new(),
    };
    let snapshots = Form::new(issues, "snapshots");
    list::list(
        ui,
        &mut twin.snapshots,
        "+ Add snapshot of today's scores",
        || today,
        |ui, i, snap| {
            let form = snapshots.at(&format!("[{i}]"));
            let mut c = form.text(ui, "Label", &mut snap.label, "label");
            c |= form.text(ui, "Note", &mut snap.note, "note");
            egui::Grid::new("snapshot_grid")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Pillar");
                    ui.strong(&names[0]);
                    ui.strong(&names[1]);
                    ui.end_row();
                    for (id, name) in &pillars {
                        let label = ui.label(name).id;
                        for (side, map) in [("west", &mut snap.west), ("east", &mut snap.east)] {
                            ui.push_id((side, id), |ui| {
                                ui.vertical(|ui| {
                                    match map.get_mut(id) {
                                        Some(v) => {
                                            let clear = ui
                                                .horizontal(|ui| {
                                                    c |= number_widget(ui, v, 0.0..=10.0, 0.1)
                                                        .labelled_by(label)
                                                        .changed();
                                                    ui.small_button("×")
                                                        .on_hover_text("Clear")
                                                        .clicked()
                                                })
                                                .inner;
                                            if clear {
                                                map.remove(id);
                                                c = true;
                                            }
                                        }
                                        None => {
                                            if ui.small_button("+ value").clicked() {
                                                map.insert(id.clone(), 5.0);
                                                c = true;
                                            }
                                        }
                                    }
                                    issues.show(ui, &form.path(&format!("{side}.{id}")));
                                });
                            });
                        }
                        ui.end_row();
                    }
                });
            c
        },
    )
}
