//! The Diversification tab: the map of moves into other sectors, the overlap table of shared and
//! one-sided sectors, and the timeline of moves by year.

use egui::RichText;
use egui_extras::{Column, TableBuilder};

use super::chart_copy::copy_menu;
use super::derived::TwinFigures;
use super::style::{self, space};
use crate::charts::Chart;
use crate::charts::egui::{self as chart_ui, ChartStyle};
use crate::model::{SectorVocabulary, Twin};

/// Draws the tab from the cached figures of the twin.
pub fn show(ui: &mut egui::Ui, twin: &Twin, figures: &TwinFigures) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!("Diversification · {}", twin.title))
                    .size(style::size::HEADING)
                    .strong(),
            );
            style::hint(
                ui,
                "Angle = sector (grouped by cluster) · radius = distance from the core business · \
                 size = strength · ◆ = inside the super-app · highlighted spokes = shared sectors",
            );
            let height = (ui.available_width() * 0.58).clamp(340.0, 580.0);
            ui.columns(2, |cols| {
                let map = chart_ui::diversification_map(
                    &mut cols[0],
                    &figures.map,
                    &ChartStyle::new("div_map").with_height(height),
                );
                copy_menu(&map, || Chart::Map(figures.map.clone()));
                overlap_table(&mut cols[1], twin, figures, height);
            });
            ui.add_space(space::MD);
            ui.strong("Timeline of moves");
            let rows = figures.timeline.max_row() as f32 + 1.0;
            let timeline = chart_ui::timeline(
                ui,
                &figures.timeline,
                &ChartStyle::new("div_timeline").with_height((120.0 + rows * 50.0).min(360.0)),
            );
            copy_menu(&timeline, || Chart::Timeline(figures.timeline.clone()));
        });
}

/// One row of the overlap table.
struct OverlapRow<'a> {
    kind: &'static str,
    sector: &'a str,
    west: String,
    east: String,
}

/// Shared sectors first, then the West's own, then China's own; units listed per side.
fn overlap_table(ui: &mut egui::Ui, twin: &Twin, figures: &TwinFigures, height: f32) {
    let vocab = SectorVocabulary::bundled();
    let o = &figures.overlap;
    let mut rows: Vec<OverlapRow<'_>> = Vec::new();
    for (sector, (w, e)) in &o.shared {
        rows.push(OverlapRow {
            kind: "shared",
            sector: vocab.display_name(sector),
            west: w.join(", "),
            east: e.join(", "),
        });
    }
    for (sector, w) in &o.west_only {
        rows.push(OverlapRow {
            kind: "only West",
            sector: vocab.display_name(sector),
            west: w.join(", "),
            east: String::new(),
        });
    }
    for (sector, e) in &o.east_only {
        rows.push(OverlapRow {
            kind: "only China",
            sector: vocab.display_name(sector),
            west: String::new(),
            east: e.join(", "),
        });
    }
    ui.horizontal(|ui| {
        ui.strong("Sector overlap");
        ui.weak(format!(
            "{} shared · {} only {} · {} only {}",
            o.shared.len(),
            o.west_only.len(),
            twin.west.name,
            o.east_only.len(),
            twin.east.name
        ));
    });
    if rows.is_empty() {
        ui.weak("No diversification moves yet: add them in the Edit tab.");
        return;
    }
    let shared_colour = style::colors(ui).shared;
    // Plain labels: selectable text makes every cell an interactive widget, which doubled the
    // tab's frame time for nothing a reader needs here.
    ui.style_mut().interaction.selectable_labels = false;
    TableBuilder::new(ui)
        .id_salt("overlap")
        .striped(true)
        .max_scroll_height(height - 30.0)
        .column(Column::exact(80.0))
        .column(Column::initial(140.0).at_least(90.0).clip(true))
        .column(Column::initial(130.0).at_least(80.0).clip(true))
        .column(Column::remainder().at_least(80.0).clip(true))
        .header(22.0, |mut header| {
            header.col(|ui| {
                ui.strong("Overlap");
            });
            header.col(|ui| {
                ui.strong("Sector");
            });
            header.col(|ui| {
                ui.strong(&twin.west.name);
            });
            header.col(|ui| {
                ui.strong(&twin.east.name);
            });
        })
        .body(|body| {
            body.rows(20.0, rows.len(), |mut row| {
                let Some(r) = rows.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    if r.kind == "shared" {
                        ui.label(RichText::new("◆ shared").color(shared_colour).strong());
                    } else {
                        ui.weak(r.kind);
                    }
                });
                row.col(|ui| {
                    ui.label(r.sector);
                });
                row.col(|ui| {
                    ui.label(&r.west);
                });
                row.col(|ui| {
                    ui.label(&r.east);
                });
            });
        });
}
