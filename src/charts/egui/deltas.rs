//! Pillar gaps in egui: West minus East around a zero line, each bar in the leader's colour.

use egui::{Align2, RichText};
use egui_plot::{Bar, BarChart, HLine};

use super::{
    ChartStyle, base_plot, category_labels, chart_font_family, color32, faint, label_text, scaled,
};
use crate::charts::Deltas;
use crate::wording::NOT_SCORED;

/// West minus East per pillar around a zero line, each bar in the leader's colour.
pub fn deltas(ui: &mut egui::Ui, deltas: &Deltas, style: &ChartStyle) -> egui::Response {
    let text_color = ui.visuals().text_color();
    let family = chart_font_family(ui);
    let faint = faint(ui);
    let n = deltas.categories.len().max(1) as f64;
    let extent = deltas.extent;
    scaled(ui, style.text_scale, |ui| {
        base_plot(style, "deltas", Some(egui_plot::Corner::RightTop))
            .show_axes([false, true])
            .show_grid([false, true])
            .include_x(-0.6)
            .include_x(n - 0.4)
            .include_y(-extent * 1.45)
            .include_y(extent * 1.6)
            .y_axis_formatter(move |mark, _| {
                if mark.value.abs() <= extent + 1e-9 {
                    format!("{:+.0}", mark.value)
                } else {
                    String::new()
                }
            })
            .show(ui, |plot| {
                plot.hline(
                    HLine::new("", 0.0)
                        .id(style.id("zero"))
                        .color(text_color)
                        .width(style.px(1.5))
                        .allow_hover(false),
                );
                for (side, (label, color)) in [
                    (deltas.west_label.as_str(), deltas.west_colour),
                    (deltas.east_label.as_str(), deltas.east_colour),
                ]
                .into_iter()
                .enumerate()
                {
                    let items: Vec<Bar> = deltas
                        .values
                        .iter()
                        .enumerate()
                        .filter_map(|(ci, v)| {
                            let v = (*v)?;
                            let leads = if side == 0 { v >= 0.0 } else { v < 0.0 };
                            leads.then(|| {
                                let category = deltas.categories.get(ci).map_or("", String::as_str);
                                Bar::new(ci as f64, v)
                                    .width(0.55)
                                    .fill(color32(deltas.colour_of(v)))
                                    .name(format!("{category}\n{label} by {:.1}", v.abs()))
                            })
                        })
                        .collect();
                    let mut chart = BarChart::new(crate::font_chain::for_egui(label), items)
                        .id(style.id(("delta_bars", side)))
                        .color(color32(color));
                    chart = if style.interactive {
                        chart.element_formatter(Box::new(|bar, _| bar.name.clone()))
                    } else {
                        chart.allow_hover(false)
                    };
                    plot.bar_chart(chart);
                }
                for (ci, v) in deltas.values.iter().enumerate() {
                    if v.is_none() {
                        plot.text(
                            label_text(
                                style,
                                ("delta_missing", ci),
                                [ci as f64, 0.2],
                                RichText::new(NOT_SCORED).size(style.px(10.0)).color(faint),
                            )
                            .anchor(Align2::CENTER_BOTTOM),
                        );
                    }
                }
                category_labels(
                    plot,
                    style,
                    "deltas",
                    &deltas.categories,
                    -extent,
                    text_color,
                    &family,
                );
            })
            .response
    })
}
