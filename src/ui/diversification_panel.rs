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
                 size = strength · ● first company, ■ second · white dot = inside the super-app \
                 · bold name and shaded wedge = sector both entered",
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
    let shared_colour = style::colours(ui).shared;
    // Plain labels: selectable text makes every cell an interactive widget, which doubled the
    // tab's frame time for nothing a reader needs here.
    ui.style_mut().interaction.selectable_labels = false;
    // Columns as wide as their longest entry when that fits; otherwise the free width is shared
    // fairly and long entries wrap onto more lines instead of being cut.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let measure = |ui: &egui::Ui, text: &str| {
        ui.ctx().fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        })
    };
    let pad = 14.0;
    let kind_w = ["shared", "only West", "only China", "Overlap"]
        .iter()
        .map(|t| measure(ui, t))
        .fold(0.0, f32::max)
        + pad;
    let content: [f32; 3] = [
        rows.iter()
            .map(|r| measure(ui, r.sector))
            .fold(measure(ui, "Sector"), f32::max),
        rows.iter()
            .map(|r| measure(ui, &r.west))
            .fold(measure(ui, &twin.west.name), f32::max),
        rows.iter()
            .map(|r| measure(ui, &r.east))
            .fold(measure(ui, &twin.east.name), f32::max),
    ]
    .map(|w| w + pad);
    let spacing = ui.spacing().item_spacing.x * 4.0;
    let widths = share_width(
        content,
        (ui.available_width() - kind_w - spacing).max(120.0),
    );
    let row_height = |ui: &egui::Ui, r: &OverlapRow<'_>| {
        [r.sector, r.west.as_str(), r.east.as_str()]
            .iter()
            .zip(widths)
            .map(|(text, w)| {
                ui.ctx().fonts_mut(|f| {
                    f.layout(
                        (*text).to_owned(),
                        font.clone(),
                        egui::Color32::WHITE,
                        // The cell's inner width, with a point to spare for rounding.
                        (w - pad + 3.0).max(20.0),
                    )
                    .size()
                    .y
                })
            })
            .fold(0.0, f32::max)
            + 6.0
    };
    let heights: Vec<f32> = rows.iter().map(|r| row_height(ui, r)).collect();
    TableBuilder::new(ui)
        .id_salt("overlap")
        .striped(true)
        .cell_layout(egui::Layout::top_down(egui::Align::LEFT))
        .max_scroll_height(height - 30.0)
        .column(Column::exact(kind_w))
        .column(Column::exact(widths[0]))
        .column(Column::exact(widths[1]))
        .column(Column::exact(widths[2]))
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
            body.heterogeneous_rows(heights.into_iter(), |mut row| {
                let Some(r) = rows.get(row.index()) else {
                    return;
                };
                row.col(|ui| {
                    if r.kind == "shared" {
                        ui.label(RichText::new("shared").color(shared_colour).strong());
                    } else {
                        ui.weak(r.kind);
                    }
                });
                for text in [r.sector, r.west.as_str(), r.east.as_str()] {
                    row.col(|ui| {
                        ui.add(egui::Label::new(text).wrap());
                    });
                }
            });
        });
}

/// Column widths: each column's content width when all fit in `available`; otherwise narrow
/// columns keep their width and the rest share what is left equally.
fn share_width(content: [f32; 3], available: f32) -> [f32; 3] {
    if content.iter().sum::<f32>() <= available {
        return content;
    }
    let mut widths = content;
    let mut open: Vec<usize> = (0..3).collect();
    let mut left = available;
    loop {
        let fair = left / open.len().max(1) as f32;
        let (narrow, wide): (Vec<usize>, Vec<usize>) =
            open.iter().partition(|&&i| content[i] <= fair);
        if narrow.is_empty() {
            for &i in &wide {
                widths[i] = fair;
            }
            return widths;
        }
        for &i in &narrow {
            widths[i] = content[i];
            left -= content[i];
        }
        open = wide;
        if open.is_empty() {
            return widths;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::share_width;

    #[test]
    fn columns_fit_their_content_or_share_fairly() {
        assert_eq!(share_width([50.0, 80.0, 90.0], 400.0), [50.0, 80.0, 90.0]);
        let w = share_width([50.0, 300.0, 400.0], 350.0);
        assert_eq!(w[0], 50.0, "the narrow column keeps its width");
        assert!(
            (w[1] - 150.0).abs() < 1e-3 && (w[2] - 150.0).abs() < 1e-3,
            "{w:?}"
        );
        assert!((w.iter().sum::<f32>() - 350.0).abs() < 1e-3);
    }
}
