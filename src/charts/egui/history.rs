//! Scores over time in egui: one small plot per pillar in two columns, a line per company from
//! the oldest snapshot to now, and one key for both companies above the panels.

use egui::RichText;
use egui_plot::{GridMark, Line, MarkerShape, PlotPoints, Points};

use super::{ChartStyle, base_plot, color32, scaled};
use crate::charts::History;

/// Draws every pillar's panel; the response covers the whole chart.
pub fn history(ui: &mut egui::Ui, history: &History, style: &ChartStyle) -> egui::Response {
    let rows = history.panels.len().div_ceil(2).max(1);
    let panel_height = (style.height / rows as f32 - 28.0).max(110.0);
    scaled(ui, style.text_scale, |ui| {
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                for side in 0..2 {
                    let colour = color32(history.colours[side]);
                    ui.label(RichText::new("●").color(colour));
                    ui.label(crate::font_chain::for_egui(&history.names[side]));
                    ui.add_space(12.0);
                }
            });
            let width = ((ui.available_width() - 16.0) / 2.0).max(160.0);
            for (r, pair) in history.panels.chunks(2).enumerate() {
                ui.horizontal(|ui| {
                    for (c, panel) in pair.iter().enumerate() {
                        let i = r * 2 + c;
                        ui.vertical(|ui| {
                            ui.set_width(width);
                            ui.strong(crate::font_chain::for_egui(&panel.title));
                            panel_plot(ui, history, i, width, panel_height, style);
                        });
                    }
                });
            }
        })
        .response
    })
}

/// One pillar: both companies' lines on the 0-10 scale, a mark per point in time.
fn panel_plot(
    ui: &mut egui::Ui,
    history: &History,
    i: usize,
    width: f32,
    height: f32,
    style: &ChartStyle,
) {
    let n = history.points.len();
    let labels = history.points.clone();
    let panel = ChartStyle {
        height,
        ..style.clone()
    };
    base_plot(&panel, ("history", i), None)
        .width(width)
        .include_y(0.0)
        .include_y(history.max)
        .include_x(-0.3)
        .include_x(n.saturating_sub(1) as f64 + 0.3)
        .x_grid_spacer(move |_| {
            (0..n)
                .map(|j| GridMark {
                    value: j as f64,
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            let j = mark.value.round();
            if (mark.value - j).abs() < 1e-6 && j >= 0.0 {
                labels.get(j as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            let Some(panel) = history.panels.get(i) else {
                return;
            };
            for (side, values) in panel.values.iter().enumerate() {
                let colour = color32(history.colours[side]);
                let name = crate::font_chain::for_egui(&history.names[side]).into_owned();
                let xy: Vec<[f64; 2]> = values
                    .iter()
                    .enumerate()
                    .filter_map(|(j, v)| v.map(|v| [j as f64, v]))
                    .collect();
                plot.line(
                    Line::new(name.clone(), PlotPoints::from(xy.clone()))
                        .id(style.id(("history_line", i, side)))
                        .color(colour)
                        .width(style.px(2.5)),
                );
                plot.points(
                    Points::new(name, PlotPoints::from(xy))
                        .id(style.id(("history_points", i, side)))
                        .shape(MarkerShape::Circle)
                        .radius(style.px(4.0))
                        .filled(true)
                        .color(colour),
                );
            }
        });
}
