//! The diversification map in egui: angle = sector by cluster, radius = distance ring, size =
//! strength, colour and shape = company; labels placed by [`layout_map`] at the plot's own size.

use std::f64::consts::TAU;

use egui::{Align2, Color32, RichText, Stroke};
use egui_plot::{HoverPosition, MarkerShape, Plot, PlotPoint, Points, Polygon};

use super::{
    ChartStyle, EGUI_ASCENT, arc, chart_font_family, circle, color32, decoration_line, faint,
    label_text, scaled, weak_text,
};
use crate::charts::map_layout::{MapFrame, MapLabelRole, MapLayout, layout_map};
use crate::charts::{DiversificationMap, MapPoint};
use crate::tokens::Look;

/// The move nearest to a hovered position among one company's markers.
pub fn nearest_map_point<'m>(
    map: &'m DiversificationMap,
    company: &str,
    at: PlotPoint,
) -> Option<&'m MapPoint> {
    let side_index = map.labels.iter().position(|l| l == company)?;
    map.points
        .iter()
        .filter(|p| crate::model::Side::BOTH.get(side_index) == Some(&p.side))
        .min_by(|a, b| {
            let da = (a.x - at.x).powi(2) + (a.y - at.y).powi(2);
            let db = (b.x - at.x).powi(2) + (b.y - at.y).powi(2);
            da.total_cmp(&db)
        })
}

/// "AWS (2006)\nCloud computing · built · adjacent · in super-app".
pub fn map_point_hover(company: &str, p: &MapPoint) -> String {
    let super_app = if p.in_super_app {
        "inside the super-app"
    } else {
        "outside the super-app"
    };
    let shared = if p.shared {
        "\nshared sector: both companies are here"
    } else {
        ""
    };
    format!(
        "{company}: {} ({})\n{}\n{super_app}{shared}",
        p.unit,
        p.year,
        p.facts().join(" · ")
    )
}

/// Angle = sector grouped by cluster, radius = distance ring, size = strength, colour and shape =
/// company. Labels come from [`layout_map`] at the plot's own size, so none overlaps or is cut.
pub fn diversification_map(
    ui: &mut egui::Ui,
    map: &DiversificationMap,
    style: &ChartStyle,
) -> egui::Response {
    let faint = faint(ui);
    let weak = weak_text(ui);
    let text_color = ui.visuals().text_color();
    let dark = ui.visuals().dark_mode;
    let highlight = shared_band(dark);
    let outer = map.outer_radius();
    let legend_h = style.px(22.0);
    let width = ui.available_width().max(120.0);
    let frame = MapFrame {
        width: f64::from(width),
        height: f64::from((style.height - legend_h).max(120.0)),
        text_scale: f64::from(style.text_scale),
        top: 0.0,
        bottom: 0.0,
    };
    let layout = cached_map_layout(ui, style, map, frame);
    let [cx, cy] = layout.centre;
    let k = layout.scale.max(1e-6);
    let to_plot = |p: [f64; 2]| [(p[0] - cx) / k, (cy - p[1]) / k];
    let family = chart_font_family(ui);
    let response = scaled(ui, style.text_scale, |ui| {
        let mut plot = Plot::new(style.id("map"))
            .width(width)
            .height(frame.height as f32)
            .data_aspect(1.0)
            .show_axes(false)
            .show_grid(false)
            .show_crosshair(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .set_margin_fraction(egui::Vec2::ZERO)
            .default_x_bounds(-cx / k, (frame.width - cx) / k)
            .default_y_bounds((cy - frame.height) / k, cy / k);
        plot = if style.interactive {
            plot.allow_zoom(true)
                .allow_drag(true)
                .allow_double_click_reset(true)
                .label_formatter(|pos| match pos {
                    HoverPosition::NearDataPoint {
                        plot_name,
                        position,
                        ..
                    } if !plot_name.is_empty() => nearest_map_point(map, plot_name, *position)
                        .map(|p| map_point_hover(plot_name, p)),
                    _ => None,
                })
        } else {
            plot.allow_zoom(false)
                .allow_drag(false)
                .allow_double_click_reset(false)
        };
        plot.show(ui, |plot| {
            let slot = map
                .sectors
                .first()
                .and_then(|s| map.clusters.first().map(|c| (s.angle - c.start) * 2.0))
                .unwrap_or(TAU);
            for (k, sector) in map.sectors.iter().enumerate().filter(|(_, s)| s.shared) {
                let mut wedge = vec![[0.0, 0.0]];
                wedge.extend(arc(
                    outer,
                    sector.angle - slot / 2.0,
                    sector.angle + slot / 2.0,
                ));
                plot.polygon(
                    Polygon::new("", wedge)
                        .id(style.id(("shared_wedge", k)))
                        .fill_color(highlight)
                        .stroke(Stroke::NONE)
                        .allow_hover(false),
                );
            }
            for (k, (radius, _)) in map.rings.iter().enumerate() {
                plot.line(decoration_line(
                    style,
                    ("map_ring", k),
                    circle(*radius),
                    faint,
                    1.0,
                ));
            }
            let arc_r = outer + 4.0 / k;
            for (k, cluster) in map.clusters.iter().enumerate() {
                plot.line(decoration_line(
                    style,
                    ("cluster_arc", k),
                    arc(arc_r, cluster.start + 0.03, cluster.end - 0.03),
                    weak,
                    2.5,
                ));
            }
            for (k, sector) in map.sectors.iter().enumerate() {
                let (s, c) = sector.angle.sin_cos();
                let (color, width) = if sector.shared {
                    (weak, 1.5)
                } else {
                    (faint, 1.0)
                };
                plot.line(decoration_line(
                    style,
                    ("sector_spoke", k),
                    vec![[0.0, 0.0], [outer * s, outer * c]],
                    color,
                    width,
                ));
            }
            // Markers that look alike share one plot item: far fewer items to lay out each frame,
            // and hover still finds the move by position.
            for (key, positions) in map_marker_groups(map, &layout) {
                let color = map.colours.get(key.side).copied().map_or(weak, color32);
                let label = map.labels.get(key.side).cloned().unwrap_or_default();
                let radius = f32::from(key.radius_tenths) / 10.0;
                let dots = key.in_super_app.then(|| positions.clone());
                plot.points(
                    Points::new(crate::font_chain::for_egui(&label), positions)
                        .id(style.id(("map_points", &key)))
                        .color(color)
                        .filled(true)
                        .shape(if key.side == 0 {
                            MarkerShape::Circle
                        } else {
                            MarkerShape::Square
                        })
                        .radius(radius),
                );
                if let Some(dots) = dots {
                    plot.points(
                        Points::new("", dots)
                            .id(style.id(("map_super_app", &key)))
                            .color(Color32::WHITE)
                            .filled(true)
                            .radius((radius * 0.38).max(1.8))
                            .allow_hover(false),
                    );
                }
            }
            for (i, label) in layout.labels.iter().enumerate() {
                if let Some((a, b)) = label.leader {
                    plot.line(decoration_line(
                        style,
                        ("leader", i),
                        vec![to_plot(a), to_plot(b)],
                        weak,
                        0.8 / style.text_scale.max(0.1),
                    ));
                }
                let color = match label.role {
                    MapLabelRole::Sector { .. } => text_color,
                    MapLabelRole::Cluster | MapLabelRole::Ring => weak,
                };
                // egui hangs text from the font's ascent; the layout's box puts the baseline at
                // `baseline()`, so shift the galley up by the difference.
                let top = label.baseline() - EGUI_ASCENT * label.size;
                let mut text = RichText::new(crate::font_chain::for_egui(&label.text))
                    .size(label.size as f32)
                    .family(family.clone())
                    .color(color);
                if label.bold {
                    text = text.strong();
                }
                plot.text(
                    label_text(style, ("map_label", i), to_plot([label.rect.x0, top]), text)
                        .anchor(Align2::LEFT_TOP),
                );
            }
        })
        .response
    });
    map_legend(ui, map, &layout, style, highlight);
    response
}

/// The tint behind sectors both companies entered: the tokens' `shared_band`, the same role as
/// the overlap table and every export.
fn shared_band(dark: bool) -> Color32 {
    let look = if dark { Look::Dark } else { Look::Light };
    color32(look.tokens().shared_band)
}

/// The layout for this map at this size, computed once and kept in egui's memory.
fn cached_map_layout(
    ui: &egui::Ui,
    style: &ChartStyle,
    map: &DiversificationMap,
    frame: MapFrame,
) -> std::sync::Arc<MapLayout> {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for v in [frame.width, frame.height, frame.text_scale] {
        h.write_u64(v.to_bits());
    }
    for s in &map.sectors {
        h.write(s.name.as_bytes());
        h.write_u64(s.angle.to_bits());
    }
    for c in &map.clusters {
        h.write(c.name.as_bytes());
    }
    for p in &map.points {
        h.write_u64(p.x.to_bits());
        h.write_u64(p.y.to_bits());
        h.write_u64(p.strength.to_bits());
    }
    let key = h.finish();
    let id = style.id("map_layout");
    let cached: Option<(u64, std::sync::Arc<MapLayout>)> = ui.data(|d| d.get_temp(id));
    match cached {
        Some((k, layout)) if k == key => layout,
        _ => {
            let layout = std::sync::Arc::new(layout_map(map, frame));
            ui.data_mut(|d| d.insert_temp(id, (key, layout.clone())));
            layout
        }
    }
}

/// One row under the map saying what each mark means (shape besides colour, for colour-blind
/// readers), and naming any label left out for lack of room.
fn map_legend(
    ui: &mut egui::Ui,
    map: &DiversificationMap,
    layout: &MapLayout,
    style: &ChartStyle,
    highlight: Color32,
) {
    let size = style.px(11.0);
    let weak = weak_text(ui);
    ui.horizontal_wrapped(|ui| {
        for (side, (name, colour)) in map.labels.iter().zip(map.colours).enumerate() {
            let mark = if side == 0 { "●" } else { "■" };
            ui.label(RichText::new(mark).size(size).color(color32(colour)));
            ui.label(RichText::new(crate::font_chain::for_egui(name)).size(size));
        }
        ui.label(
            RichText::new("◉ inside the super-app")
                .size(size)
                .color(weak),
        );
        ui.label(RichText::new("■").size(size).color(highlight));
        ui.label(
            RichText::new("bold, shaded: sector entered by both")
                .size(size)
                .color(weak),
        );
        if !layout.dropped.is_empty() {
            ui.label(
                RichText::new(format!(
                    "not labelled for lack of room: {}",
                    layout.dropped.join(", ")
                ))
                .size(size)
                .color(weak),
            );
        }
    });
}

/// What makes two map markers look the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct MarkerKey {
    side: usize,
    radius_tenths: u16,
    in_super_app: bool,
}

/// The map's moves grouped by look, in a stable order.
fn map_marker_groups(
    map: &DiversificationMap,
    layout: &MapLayout,
) -> Vec<(MarkerKey, Vec<[f64; 2]>)> {
    let mut groups: std::collections::BTreeMap<MarkerKey, Vec<[f64; 2]>> = Default::default();
    for (p, m) in map.points.iter().zip(&layout.markers) {
        let key = MarkerKey {
            side: usize::from(p.side == crate::model::Side::East),
            radius_tenths: (m.radius * 10.0).round().clamp(0.0, 9999.0) as u16,
            in_super_app: p.in_super_app,
        };
        groups.entry(key).or_default().push([p.x, p.y]);
    }
    groups.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_sectors_wear_the_tokens_shared_role_as_in_the_exports() {
        assert_eq!(shared_band(false), color32(crate::charts::svg::SHARED_BAND));
        assert_eq!(shared_band(true), color32(Look::Dark.tokens().shared_band));
        assert_ne!(shared_band(true), shared_band(false));
    }
    use crate::charts::egui::tests::twin;
    use crate::model::SectorVocabulary;

    #[test]
    fn map_hover_finds_the_move_under_the_pointer() {
        let map = DiversificationMap::new(&twin(), SectorVocabulary::bundled());
        let cainiao = map
            .points
            .iter()
            .find(|p| p.unit == "Cainiao")
            .expect("placed");
        let found = nearest_map_point(&map, "Alibaba", PlotPoint::new(cainiao.x, cainiao.y))
            .expect("found");
        assert_eq!(found.unit, "Cainiao");
        let text = map_point_hover("Alibaba", found);
        assert!(text.contains("Cainiao (2013)"), "{text}");
        assert!(text.contains("built"), "{text}");
        let cloud = nearest_map_point(&map, "Amazon", PlotPoint::new(0.0, 0.0)).expect("found");
        assert!(map_point_hover("Amazon", cloud).contains("shared sector"));
    }

    #[test]
    fn map_markers_are_grouped_by_look_without_losing_any() {
        let map = DiversificationMap::new(&twin(), SectorVocabulary::bundled());
        let layout = layout_map(&map, MapFrame::EXPORT);
        let groups = map_marker_groups(&map, &layout);
        let total: usize = groups.iter().map(|(_, p)| p.len()).sum();
        assert_eq!(total, map.points.len());
        // Both sides give distinct groups (drawn as circles and squares).
        assert!(groups.iter().any(|(k, _)| k.side == 0));
        assert!(groups.iter().any(|(k, _)| k.side == 1));
    }
}
