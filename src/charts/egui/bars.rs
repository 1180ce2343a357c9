//! Grouped bars in egui: one bar per company per pillar; pale bars have no evidence.

use egui::Stroke;
use egui_plot::{Bar, BarChart};

use super::{
    ChartStyle, base_plot, category_labels, chart_font_family, color32, scaled, score_line,
    unsupported_note,
};
use crate::charts::Bars;

/// Pillars as groups of bars, one per company; pale bars have no evidence.
pub fn bars(ui: &mut egui::Ui, bars: &Bars, style: &ChartStyle) -> egui::Response {
    let text_color = ui.visuals().text_color();
    let family = chart_font_family(ui);
    let n = bars.categories.len().max(1) as f64;
    let response = scaled(ui, style.text_scale, |ui| {
        base_plot(style, "bars", Some(egui_plot::Corner::RightTop))
            .show_axes([false, true])
            .show_grid([false, true])
            .include_x(-0.6)
            .include_x(n - 0.4)
            .include_y(-bars.max * 0.22)
            .include_y(bars.max * 1.3)
            .y_axis_formatter(|mark, _| {
                if mark.value >= 0.0 {
                    format!("{:.0}", mark.value)
                } else {
                    String::new()
                }
            })
            .show(ui, |plot| {
                for (si, series) in bars.series.iter().enumerate() {
                    let color = color32(series.colour);
                    let items: Vec<Bar> = series
                        .values
                        .iter()
                        .enumerate()
                        .filter_map(|(ci, v)| {
                            let v = (*v)?;
                            let supported = series.supported.get(ci).copied().unwrap_or(false);
                            let category = bars.categories.get(ci).map_or("", String::as_str);
                            let fill = if supported {
                                color
                            } else {
                                color.gamma_multiply(0.3)
                            };
                            Some(
                                Bar::new(bars.bar_x(ci, si), v)
                                    .width(bars.bar_width())
                                    .fill(fill)
                                    .stroke(Stroke::new(style.px(1.5), color))
                                    .name(score_line(series, ci, category)),
                            )
                        })
                        .collect();
                    let mut chart =
                        BarChart::new(crate::font_chain::for_egui(&series.label), items)
                            .id(style.id(("bars", si)))
                            .color(color);
                    chart = if style.interactive {
                        chart.element_formatter(Box::new(|bar, _| bar.name.clone()))
                    } else {
                        chart.allow_hover(false)
                    };
                    plot.bar_chart(chart);
                }
                let (names, family) = (&bars.categories, &family);
                category_labels(plot, style, "bars", names, 0.0, text_color, family);
            })
            .response
    });
    unsupported_note(ui, &bars.series, style);
    response
}
