//! Scores over time in egui: one small plot per pillar in two columns, a line per company from
//! the oldest snapshot to now, hover naming the point and the score.

use egui_plot::{Line, MarkerShape, PlotPoints, Points};

use super::{ChartStyle, base_plot, color32, scaled};
use crate::charts::History;

/// Draws every pillar's panel; the response covers the whole chart.
pub fn history(ui: &mut egui::Ui, history: &History, style: &ChartStyle) -> egui::Response {
    let panel_height = (style.height / history.panels.len().div_ceil(2).max(1) as f32).max(120.0);
    let n = history.points.len();
    ui.scope(|ui| {
        egui::Grid::new(style.id("history_grid"))
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let width = (ui.available_width() / 2.0 - 8.0).max(160.0);
                for (i, panel) in history.panels.iter().enumerate() {
                    ui.vertical(|ui| {
                        ui.set_width(width);
                        ui.strong(&panel.title);
                        let points = history.points.clone();
                        let panel_style = ChartStyle {
                            height: panel_height - 24.0,
                            ..style.clone()
                        };
                        scaled(ui, style.text_scale, |ui| {
                            base_plot(
                                &panel_style,
                                &format!("history_{i}"),
                                egui_plot::Corner::LeftTop,
                            )
                            .width(width)
                            .include_y(0.0)
                            .include_y(history.max)
                            .include_x(-0.3)
                            .include_x(n.saturating_sub(1) as f64 + 0.3)
                            .x_axis_formatter(move |mark, _| {
                                let j = mark.value.round();
                                if (mark.value - j).abs() < 1e-6 && j >= 0.0 {
                                    points.get(j as usize).cloned().unwrap_or_default()
                                } else {
                                    String::new()
                                }
                            })
                            .show(ui, |plot| {
                                for (side, values) in panel.values.iter().enumerate() {
                                    let colour = color32(history.colors[side]);
                                    let name = history.names[side].clone();
                                    let xy: Vec<[f64; 2]> = values
                                        .iter()
                                        .enumerate()
                                        .filter_map(|(j, v)| v.map(|v| [j as f64, v]))
                                        .collect();
                                    plot.line(
                                        Line::new(name.clone(), PlotPoints::from(xy.clone()))
                                            .id(panel_style.id(("history_line", i, side)))
                                            .color(colour)
                                            .width(2.5),
                                    );
                                    plot.points(
                                        Points::new(name, PlotPoints::from(xy))
                                            .id(panel_style.id(("history_points", i, side)))
                                            .shape(MarkerShape::Circle)
                                            .radius(4.0)
                                            .filled(true)
                                            .color(colour),
                                    );
                                }
                            });
                        });
                    });
                    if i % 2 == 1 {
                        ui.end_row();
                    }
                }
            });
    })
    .response
}
