//! The Compare tab: both companies side by side, their orientation on the model's two axes, the
//! biggest difference and similarity, and the radar, bars and gaps charts.

use egui::{Color32, RichText, Stroke};

use super::chart_copy::copy_menu;
use super::derived::TwinFigures;
use super::style::{self, space};
use crate::analysis::extremes;
use crate::charts::Chart;
use crate::charts::egui::{self as chart_ui, ChartStyle, color32};
use crate::charts::side_colours;
use crate::font_chain::for_egui;
use crate::model::{CompanyProfile, Side, Twin};

/// Draws the tab; `snapshot` is the dated score set the charts show (`None` = today).
pub fn show(ui: &mut egui::Ui, twin: &Twin, figures: &TwinFigures, snapshot: &mut Option<String>) {
    let colours = side_colours(twin).map(color32);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.label(
                RichText::new(for_egui(&twin.title).as_ref())
                    .size(style::size::TITLE)
                    .strong(),
            );
            ui.add_space(space::SM);
            ui.columns(2, |cols| {
                for ((col, side), colour) in cols.iter_mut().zip(Side::BOTH).zip(colours) {
                    let total = figures.totals[usize::from(side == Side::East)];
                    company_card(col, twin.side(side), colour, total);
                }
            });
            ui.add_space(space::SM);
            snapshot_selector(ui, twin, snapshot);
            let width = ui.available_width();
            let height = (width * 0.4).clamp(260.0, 420.0);
            ui.columns(2, |cols| {
                let radar = chart_ui::radar(
                    &mut cols[0],
                    &figures.radar,
                    &ChartStyle::new("compare_radar").with_height(height),
                );
                copy_menu(&radar, || Chart::Radar(figures.radar.clone()));
                let bars = chart_ui::bars(
                    &mut cols[1],
                    &figures.bars,
                    &ChartStyle::new("compare_bars").with_height(height * 0.5),
                );
                copy_menu(&bars, || Chart::Bars(figures.bars.clone()));
                let deltas = chart_ui::deltas(
                    &mut cols[1],
                    &figures.deltas,
                    &ChartStyle::new("compare_deltas").with_height(height * 0.5),
                );
                copy_menu(&deltas, || Chart::Deltas(figures.deltas.clone()));
            });
            ui.add_space(space::SM);
            orientation(ui, twin, colours);
            if figures.history.has_past() {
                ui.add_space(space::SM);
                style::section(ui, "Scores over time");
                let history = chart_ui::history(
                    ui,
                    &figures.history,
                    &ChartStyle::new("compare_history").with_height(360.0),
                );
                copy_menu(&history, || Chart::History(figures.history.clone()));
            }
            story(ui, twin, figures);
        });
}

/// Name, native name, brand colour and the basic facts of one company.
fn company_card(ui: &mut egui::Ui, c: &CompanyProfile, colour: Color32, total: Option<f64>) {
    egui::Frame::group(ui.style())
        .stroke(Stroke::new(2.0, colour))
        .inner_margin(space::MD)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                ui.painter().rect_filled(rect, 3.0, colour);
                ui.label(
                    RichText::new(for_egui(&c.name).as_ref())
                        .size(style::size::HEADING)
                        .strong(),
                );
                if !c.native_name.is_empty() {
                    ui.label(
                        RichText::new(for_egui(&c.native_name).as_ref()).size(style::size::HEADING),
                    );
                }
            });
            let mut facts = vec![c.region.clone()];
            if !c.headquarters.is_empty() {
                facts.push(c.headquarters.clone());
            }
            if let Some(year) = c.founded {
                facts.push(format!("founded {year}"));
            }
            style::hint(ui, &facts.join(" · "));
            if !c.core_business.is_empty() {
                ui.label(&c.core_business);
            }
            ui.horizontal(|ui| {
                ui.label("Weighted total:");
                match total {
                    Some(t) => ui.strong(format!("{t:.1} / 10")),
                    None => ui.weak(crate::wording::NOT_SCORED),
                };
                ui.weak(format!(
                    "· {} · {}",
                    crate::wording::count(c.moves.len(), "move", "moves"),
                    crate::wording::count(c.partnerships.len(), "partnership", "partnerships")
                ));
            });
        });
}

/// Both axes of the model as spectra from -1 to +1, with both companies placed on each.
fn orientation(ui: &mut egui::Ui, twin: &Twin, colours: [Color32; 2]) {
    let axes = [
        (
            "Customer-driven",
            "Relationship-driven",
            [
                twin.west.orientation.customer_vs_relationship,
                twin.east.orientation.customer_vs_relationship,
            ],
        ),
        (
            "Single company",
            "Ecosystem",
            [
                twin.west.orientation.company_vs_ecosystem,
                twin.east.orientation.company_vs_ecosystem,
            ],
        ),
    ];
    let names = [twin.west.name.as_str(), twin.east.name.as_str()];
    for (left, right, values) in axes {
        ui.horizontal(|ui| {
            ui.add_sized(
                [140.0, 20.0],
                egui::Label::new(RichText::new(left).size(style::size::SMALL)),
            );
            let width = (ui.available_width() - 150.0).max(120.0);
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(width, 24.0), egui::Sense::hover());
            let painter = ui.painter_at(rect.expand(8.0));
            let visuals = ui.visuals();
            let y = rect.center().y;
            painter.line_segment(
                [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
                Stroke::new(3.0, visuals.widgets.noninteractive.bg_stroke.color),
            );
            painter.line_segment(
                [
                    egui::pos2(rect.center().x, y - 6.0),
                    egui::pos2(rect.center().x, y + 6.0),
                ],
                Stroke::new(1.0, visuals.weak_text_color()),
            );
            let mut hover = Vec::new();
            for ((value, colour), name) in values.iter().zip(colours).zip(names) {
                let t = ((value.clamp(-1.0, 1.0) + 1.0) / 2.0) as f32;
                let x = rect.left() + t * rect.width();
                painter.circle(
                    egui::pos2(x, y),
                    7.0,
                    colour,
                    Stroke::new(1.5, visuals.extreme_bg_color),
                );
                hover.push(format!("{name}: {value:+.2}"));
            }
            response.on_hover_text(hover.join("\n"));
            ui.label(RichText::new(right).size(style::size::SMALL));
        });
    }
}

/// The strategist's biggest difference and similarity, plus the widest and closest pillar gaps.
fn story(ui: &mut egui::Ui, twin: &Twin, figures: &TwinFigures) {
    ui.add_space(space::SM);
    egui::Grid::new("story")
        .num_columns(2)
        .spacing([space::MD, space::XS])
        .show(ui, |ui| {
            for (label, text) in [
                ("Biggest difference", &twin.biggest_difference),
                ("Biggest similarity", &twin.biggest_similarity),
            ] {
                ui.strong(label);
                if text.is_empty() {
                    ui.weak("not written yet (Edit tab)");
                } else {
                    ui.add(egui::Label::new(text).wrap());
                }
                ui.end_row();
            }
            if let Some((widest, closest)) = extremes(&figures.rows) {
                ui.strong("Widest gap");
                ui.label(format!(
                    "{}: {:+.1} (West minus China)",
                    widest.pillar_name,
                    widest.delta().unwrap_or(0.0)
                ));
                ui.end_row();
                ui.strong("Closest pillar");
                ui.label(format!(
                    "{}: {:+.1}",
                    closest.pillar_name,
                    closest.delta().unwrap_or(0.0)
                ));
                ui.end_row();
            }
        });
}

/// Today's scores or a dated snapshot, shown only when the twin has snapshots.
fn snapshot_selector(ui: &mut egui::Ui, twin: &Twin, snapshot: &mut Option<String>) {
    if twin.snapshots.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        ui.label("Scores as of:");
        if ui.selectable_label(snapshot.is_none(), "Today").clicked() {
            *snapshot = None;
        }
        for s in &twin.snapshots {
            let selected = snapshot.as_deref() == Some(s.label.as_str());
            let response = ui.selectable_label(selected, &s.label);
            let response = if s.note.is_empty() {
                response
            } else {
                response.on_hover_text(&s.note)
            };
            if response.clicked() {
                *snapshot = Some(s.label.clone());
            }
        }
    });
}
