//! The radar in egui: pillar spokes, 0-10 rings, both companies as filled polygons with hover
//! values, hollow markers where a score has no evidence.

use egui::{RichText, Stroke};
use egui_plot::{HoverPosition, PlotPoint, Polygon};

use super::{
    ChartStyle, base_plot, block_label, chart_font_family, circle, color32, decoration_line, faint,
    scaled, score_line, score_markers, unsupported_note, weak_text,
};
use crate::charts::Radar;
use crate::charts::score_layout::{ScoreFrame, layout_radar};

/// The hover text for a radar point: which company, which pillar, the value and its support.
pub fn radar_hover(radar: &Radar, series_label: &str, at: PlotPoint) -> Option<String> {
    let series = radar.series.iter().find(|s| s.label == series_label)?;
    let polygon = radar.polygon(series);
    let (i, _) = polygon.iter().enumerate().min_by(|(_, a), (_, b)| {
        let da = (a[0] - at.x).powi(2) + (a[1] - at.y).powi(2);
        let db = (b[0] - at.x).powi(2) + (b[1] - at.y).powi(2);
        da.total_cmp(&db)
    })?;
    let axis = radar.axes.get(i)?;
    Some(score_line(series, i, axis))
}

/// All pillars as spokes with 0-10 rings; both companies as filled polygons with hover values.
/// Names and ring values sit where [`layout_radar`] places them for this plot's size, so none
/// overlaps another or a marker.
pub fn radar(ui: &mut egui::Ui, radar: &Radar, style: &ChartStyle) -> egui::Response {
    let faint = faint(ui);
    let weak = weak_text(ui);
    let text_color = ui.visuals().text_color();
    let max = radar.max;
    let width = ui.available_width().max(120.0);
    let frame = ScoreFrame {
        width: f64::from(width),
        height: f64::from(style.height),
        text_scale: f64::from(style.text_scale),
    };
    let layout = layout_radar(radar, frame);
    let [cx, cy] = layout.centre;
    let k = layout.scale.max(1e-6);
    let to_plot = |p: [f64; 2]| [(p[0] - cx) / k, (cy - p[1]) / k];
    let family = chart_font_family(ui);
    let response = scaled(ui, style.text_scale, |ui| {
        let mut plot = base_plot(style, "radar", Some(egui_plot::Corner::RightBottom))
            .width(width)
            .data_aspect(1.0)
            .show_axes(false)
            .show_grid(false)
            .set_margin_fraction(egui::Vec2::ZERO)
            .default_x_bounds(-cx / k, (frame.width - cx) / k)
            .default_y_bounds((cy - frame.height) / k, cy / k);
        if style.interactive {
            plot = plot.label_formatter(|pos| match pos {
                HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } if !plot_name.is_empty() => radar_hover(radar, plot_name, *position),
                _ => None,
            });
        }
        plot.show(ui, |plot| {
            for (k, ring) in radar.rings.iter().enumerate() {
                plot.line(decoration_line(
                    style,
                    ("ring", k),
                    circle(*ring),
                    faint,
                    1.0,
                ));
            }
            for (k, label) in layout.rings.iter().enumerate() {
                if let Some(label) = label {
                    let part = ("ring_label", k);
                    block_label(plot, style, part, label, to_plot, &family, weak, weak);
                }
            }
            for i in 0..radar.axes.len() {
                plot.line(decoration_line(
                    style,
                    ("spoke", i),
                    vec![[0.0, 0.0], radar.point(i, max)],
                    faint,
                    1.0,
                ));
            }
            for (i, label) in layout.axes.iter().enumerate() {
                if let Some(label) = label {
                    let part = ("axis", i);
                    block_label(plot, style, part, label, to_plot, &family, text_color, weak);
                }
            }
            for series in &radar.series {
                let color = color32(series.colour);
                plot.polygon(
                    Polygon::new(
                        crate::font_chain::for_egui(&series.label),
                        radar.polygon(series),
                    )
                    .id(style.id(("radar_poly", &series.label)))
                    .fill_color(color.gamma_multiply(0.18))
                    .stroke(Stroke::new(style.px(2.0), color)),
                );
                score_markers(plot, style, "radar", series, |i, v| radar.point(i, v));
            }
        })
        .response
    });
    if !layout.dropped.is_empty() {
        ui.label(
            RichText::new(format!(
                "not labelled for lack of room: {}",
                layout.dropped.join(", ")
            ))
            .size(style.px(11.0))
            .color(weak),
        );
    }
    unsupported_note(ui, &radar.series, style);
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::egui::tests::twin;

    #[test]
    fn radar_hover_names_the_nearest_pillar_and_flags_unsupported() {
        let t = twin();
        let radar = Radar::new(&t, None);
        let at = radar.point(0, 7.0);
        let text = radar_hover(&radar, "Alibaba", PlotPoint::new(at[0], at[1]));
        assert_eq!(
            text.as_deref(),
            Some("Alibaba\nGreat products, fair price: 7.0 (unsupported: no evidence)")
        );
        let at = radar.point(0, 9.0);
        let text = radar_hover(&radar, "Amazon", PlotPoint::new(at[0], at[1]));
        assert_eq!(
            text.as_deref(),
            Some("Amazon\nGreat products, fair price: 9.0")
        );
        assert_eq!(
            radar_hover(&radar, "Nobody", PlotPoint::new(0.0, 0.0)),
            None
        );
    }
}
