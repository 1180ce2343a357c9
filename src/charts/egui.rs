//! The egui_plot drawing of every chart description, shared by the studio and the presenter.
//!
//! Only drawing happens here: the geometry (angles, polygons, bar positions, map placement) comes
//! ready from [`super::describe`], so the app and the SVG reports show the same picture.

use std::f64::consts::TAU;
use std::fmt::Debug;
use std::hash::Hash;

use egui::{Align2, Color32, RichText, Stroke};
use egui_plot::{
    Bar, BarChart, HLine, HoverPosition, Legend, Line, MarkerShape, Plot, PlotPoint, PlotUi,
    Points, Polygon, Text,
};

use super::map_layout::{MapFrame, MapLabelRole, MapLayout, layout_map};
use super::{
    Bars, Chart, Deltas, DiversificationMap, MapPoint, Radar, RadarSeries, Rgb, Timeline,
    TimelineEvent,
};

/// How a chart is drawn: the studio uses a compact interactive style, the presenter a big static one.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStyle {
    /// Keeps plot memory apart when the same chart appears twice on screen.
    pub id_salt: egui::Id,
    /// Multiplies every font size, marker and stroke, so 4K slides get readable type.
    pub text_scale: f32,
    /// Plot height in points; the width is whatever the parent offers.
    pub height: f32,
    /// Hover values and zoom on the map; off for slides, where nothing should move.
    pub interactive: bool,
}

impl ChartStyle {
    /// The studio default: normal type, 280 points high, interactive.
    pub fn new(id_salt: impl Hash + Debug) -> Self {
        Self {
            id_salt: egui::Id::unique(id_salt),
            text_scale: 1.0,
            height: 280.0,
            interactive: true,
        }
    }

    pub fn with_height(mut self, height: f32) -> Self {
        self.height = height;
        self
    }

    pub fn with_text_scale(mut self, text_scale: f32) -> Self {
        self.text_scale = text_scale;
        self
    }

    pub fn with_interactive(mut self, interactive: bool) -> Self {
        self.interactive = interactive;
        self
    }

    fn id(&self, part: impl Hash + Debug) -> egui::Id {
        self.id_salt.with(part)
    }

    /// A size in points scaled like the type.
    fn px(&self, points: f32) -> f32 {
        points * self.text_scale
    }
}

/// The egui colour of a description colour.
pub fn color32(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// Draws any chart description.
pub fn chart(ui: &mut egui::Ui, chart: &Chart, style: &ChartStyle) -> egui::Response {
    match chart {
        Chart::Radar(c) => radar(ui, c, style),
        Chart::Bars(c) => bars(ui, c, style),
        Chart::Deltas(c) => deltas(ui, c, style),
        Chart::Map(c) => diversification_map(ui, c, style),
        Chart::Timeline(c) => timeline(ui, c, style),
    }
}

/// Runs `add` with every text style scaled, so axis labels, legend and hover text grow together.
fn scaled<R>(ui: &mut egui::Ui, scale: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    ui.scope(|ui| {
        if (scale - 1.0).abs() > f32::EPSILON {
            for font in ui.style_mut().text_styles.values_mut() {
                font.size *= scale;
            }
        }
        add(ui)
    })
    .inner
}

/// A plot with the settings every chart shares: fixed framing, no pan, legend when interactive.
fn base_plot<'a>(style: &ChartStyle, part: &str, legend: egui_plot::Corner) -> Plot<'a> {
    Plot::new(style.id(part))
        .height(style.height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false)
        .legend(
            Legend::default()
                .position(legend)
                .follow_insertion_order(true),
        )
}

/// The colour for decorations (rings, spokes, grid) in the current theme.
fn faint(ui: &egui::Ui) -> Color32 {
    ui.visuals().widgets.noninteractive.bg_stroke.color
}

fn weak_text(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}

/// A closed circle of `radius` as line points.
fn circle(radius: f64) -> Vec<[f64; 2]> {
    (0..=72)
        .map(|i| {
            let a = TAU * f64::from(i) / 72.0;
            [radius * a.sin(), radius * a.cos()]
        })
        .collect()
}

/// An arc between two angles (clockwise from up) at `radius`.
fn arc(radius: f64, start: f64, end: f64) -> Vec<[f64; 2]> {
    let steps = (((end - start) / TAU) * 72.0).ceil().max(2.0) as usize;
    (0..=steps)
        .map(|i| {
            let a = start + (end - start) * i as f64 / steps as f64;
            [radius * a.sin(), radius * a.cos()]
        })
        .collect()
}

/// A label anchor that keeps text outside a circle at `angle` (clockwise from up).
fn outward_anchor(angle: f64) -> Align2 {
    let (s, c) = angle.sin_cos();
    match (s > 0.3, s < -0.3, c >= 0.0) {
        (true, _, _) => Align2::LEFT_CENTER,
        (_, true, _) => Align2::RIGHT_CENTER,
        (_, _, true) => Align2::CENTER_BOTTOM,
        _ => Align2::CENTER_TOP,
    }
}

/// Breaks a long label onto two lines at the space nearest its middle, so category labels fit.
pub fn wrap_label(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        return label.to_owned();
    }
    let mid = label.len() / 2;
    let split = label
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(mid));
    match split {
        Some(i) => format!("{}\n{}", &label[..i], &label[i + 1..]),
        None => label.to_owned(),
    }
}

fn decoration_line<'a>(
    style: &ChartStyle,
    part: impl Hash + Debug,
    points: Vec<[f64; 2]>,
    color: Color32,
    width: f32,
) -> Line<'a> {
    Line::new("", points)
        .id(style.id(part))
        .color(color)
        .width(style.px(width))
        .allow_hover(false)
}

fn label_text(style: &ChartStyle, part: impl Hash + Debug, at: [f64; 2], text: RichText) -> Text {
    Text::new("", PlotPoint::new(at[0], at[1]), text)
        .id(style.id(part))
        .allow_hover(false)
}

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

/// "Amazon\nDigital convenience: 9.0 (unsupported)".
fn score_line(series: &RadarSeries, i: usize, axis: &str) -> String {
    let value = match series.values.get(i).copied().flatten() {
        Some(v) => format!("{v:.1}"),
        None => "not scored".to_owned(),
    };
    let support = if series.values.get(i).copied().flatten().is_some()
        && !series.supported.get(i).copied().unwrap_or(false)
    {
        " (unsupported: no evidence)"
    } else {
        ""
    };
    format!("{}\n{axis}: {value}{support}", series.label)
}

/// Score markers: filled where backed by evidence, hollow where not.
fn score_markers(
    plot: &mut PlotUi<'_>,
    style: &ChartStyle,
    part: &str,
    series: &RadarSeries,
    position: impl Fn(usize, f64) -> [f64; 2],
) {
    let color = color32(series.color);
    let (mut supported, mut unsupported) = (Vec::new(), Vec::new());
    for (i, v) in series.values.iter().enumerate() {
        if let Some(v) = v {
            if series.supported.get(i).copied().unwrap_or(false) {
                supported.push(position(i, *v));
            } else {
                unsupported.push(position(i, *v));
            }
        }
    }
    plot.points(
        Points::new(series.label.clone(), supported)
            .id(style.id((part, &series.label, "supported")))
            .color(color)
            .filled(true)
            .radius(style.px(4.0)),
    );
    plot.points(
        Points::new(series.label.clone(), unsupported)
            .id(style.id((part, &series.label, "unsupported")))
            .color(color)
            .filled(false)
            .shape(MarkerShape::Circle)
            .radius(style.px(6.0)),
    );
}

/// A one-line key under score charts when some markers are hollow.
fn unsupported_note(ui: &mut egui::Ui, series: &[RadarSeries], style: &ChartStyle) {
    let any = series.iter().any(|s| {
        s.values
            .iter()
            .zip(&s.supported)
            .any(|(v, ok)| v.is_some() && !ok)
    });
    if any {
        ui.label(
            RichText::new("○ hollow marker / pale bar: score without evidence (unsupported)")
                .small()
                .color(weak_text(ui))
                .size(style.px(11.0)),
        );
    }
}

/// All pillars as spokes with 0-10 rings; both companies as filled polygons with hover values.
pub fn radar(ui: &mut egui::Ui, radar: &Radar, style: &ChartStyle) -> egui::Response {
    let faint = faint(ui);
    let weak = weak_text(ui);
    let text_color = ui.visuals().text_color();
    let max = radar.max;
    let response = scaled(ui, style.text_scale, |ui| {
        let mut plot = base_plot(style, "radar", egui_plot::Corner::RightBottom)
            .data_aspect(1.0)
            .show_axes(false)
            .show_grid(false)
            .include_x(-max * 1.75)
            .include_x(max * 1.75)
            .include_y(-max * 1.3)
            .include_y(max * 1.3);
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
                plot.text(
                    label_text(
                        style,
                        ("ring_label", k),
                        [0.0, *ring],
                        RichText::new(format!("{ring:.0}"))
                            .size(style.px(10.0))
                            .color(weak),
                    )
                    .anchor(Align2::LEFT_BOTTOM),
                );
            }
            for (i, axis) in radar.axes.iter().enumerate() {
                plot.line(decoration_line(
                    style,
                    ("spoke", i),
                    vec![[0.0, 0.0], radar.point(i, max)],
                    faint,
                    1.0,
                ));
                plot.text(
                    label_text(
                        style,
                        ("axis", i),
                        radar.point(i, max * 1.06),
                        RichText::new(wrap_label(axis, 18))
                            .size(style.px(12.0))
                            .color(text_color),
                    )
                    .anchor(outward_anchor(radar.angle(i))),
                );
            }
            for series in &radar.series {
                let color = color32(series.color);
                plot.polygon(
                    Polygon::new(series.label.clone(), radar.polygon(series))
                        .id(style.id(("radar_poly", &series.label)))
                        .fill_color(color.gamma_multiply(0.18))
                        .stroke(Stroke::new(style.px(2.0), color)),
                );
                score_markers(plot, style, "radar", series, |i, v| radar.point(i, v));
            }
        })
        .response
    });
    unsupported_note(ui, &radar.series, style);
    response
}

/// Pillar names under category slots 0, 1, 2... drawn inside the plot so they can wrap.
fn category_labels(
    plot: &mut PlotUi<'_>,
    style: &ChartStyle,
    part: &str,
    categories: &[String],
    y: f64,
    color: Color32,
) {
    for (i, name) in categories.iter().enumerate() {
        plot.text(
            label_text(
                style,
                (part, "category", i),
                [i as f64, y],
                RichText::new(wrap_label(name, 14))
                    .size(style.px(11.0))
                    .color(color),
            )
            .anchor(Align2::CENTER_TOP),
        );
    }
}

/// Pillars as groups of bars, one per company; pale bars have no evidence.
pub fn bars(ui: &mut egui::Ui, bars: &Bars, style: &ChartStyle) -> egui::Response {
    let text_color = ui.visuals().text_color();
    let n = bars.categories.len().max(1) as f64;
    let response = scaled(ui, style.text_scale, |ui| {
        base_plot(style, "bars", egui_plot::Corner::RightTop)
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
                    let color = color32(series.color);
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
                    let mut chart = BarChart::new(series.label.clone(), items)
                        .id(style.id(("bars", si)))
                        .color(color);
                    chart = if style.interactive {
                        chart.element_formatter(Box::new(|bar, _| bar.name.clone()))
                    } else {
                        chart.allow_hover(false)
                    };
                    plot.bar_chart(chart);
                }
                category_labels(plot, style, "bars", &bars.categories, -0.3, text_color);
            })
            .response
    });
    unsupported_note(ui, &bars.series, style);
    response
}

/// West minus East per pillar around a zero line, each bar in the leader's colour.
pub fn deltas(ui: &mut egui::Ui, deltas: &Deltas, style: &ChartStyle) -> egui::Response {
    let text_color = ui.visuals().text_color();
    let faint = faint(ui);
    let n = deltas.categories.len().max(1) as f64;
    let extent = deltas.extent;
    scaled(ui, style.text_scale, |ui| {
        base_plot(style, "deltas", egui_plot::Corner::RightTop)
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
                    (deltas.west_label.as_str(), deltas.west_color),
                    (deltas.east_label.as_str(), deltas.east_color),
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
                                    .fill(color32(deltas.color_of(v)))
                                    .name(format!("{category}\n{label} by {:.1}", v.abs()))
                            })
                        })
                        .collect();
                    let mut chart = BarChart::new(label.to_owned(), items)
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
                                RichText::new("not scored")
                                    .size(style.px(10.0))
                                    .color(faint),
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
                    -extent * 1.08,
                    text_color,
                );
            })
            .response
    })
}

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
        "{company}: {} ({})\n{} · {} · {} · strength {:.1}\n{super_app}{shared}",
        p.unit,
        p.year,
        p.sector_name,
        p.mode.label(),
        p.distance.label(),
        p.strength
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
    let highlight = color32(crate::tokens::colour::shared_highlight(
        map.colors,
        if dark { 0.36 } else { 0.93 },
        0.09,
    ));
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
                let color = map.colors.get(key.side).copied().map_or(weak, color32);
                let label = map.labels.get(key.side).cloned().unwrap_or_default();
                let radius = f32::from(key.radius_tenths) / 10.0;
                let dots = key.in_super_app.then(|| positions.clone());
                plot.points(
                    Points::new(label, positions)
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
                let mut text = RichText::new(&label.text)
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

/// The ascent egui sets the bundled font's first line at, in ems (Noto Sans CJK's hhea ascender).
const EGUI_ASCENT: f64 = 1.16;

/// The named egui family holding only the bundled chain, so labels are drawn in the font they
/// were measured with; egui's default family when the chain is not installed (some tests).
fn chart_font_family(ui: &egui::Ui) -> egui::FontFamily {
    let named = egui::FontFamily::Name(crate::font_chain::EGUI_CHART_FAMILY.into());
    if ui.fonts(|f| f.families().contains(&named)) {
        named
    } else {
        egui::FontFamily::Proportional
    }
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
        for (side, (name, colour)) in map.labels.iter().zip(map.colors).enumerate() {
            let mark = if side == 0 { "●" } else { "■" };
            ui.label(RichText::new(mark).size(size).color(color32(colour)));
            ui.label(RichText::new(name).size(size));
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

/// The event nearest to a hovered position in one lane.
pub fn nearest_timeline_event<'t>(
    timeline: &'t Timeline,
    lane_label: &str,
    at: PlotPoint,
) -> Option<&'t TimelineEvent> {
    let (lane_index, lane) = timeline
        .lanes
        .iter()
        .enumerate()
        .find(|(_, l)| l.label == lane_label)?;
    lane.events.iter().min_by(|a, b| {
        let pa = timeline_position(lane_index, a);
        let pb = timeline_position(lane_index, b);
        let da = (pa[0] - at.x).powi(2) + (pa[1] - at.y).powi(2);
        let db = (pb[0] - at.x).powi(2) + (pb[1] - at.y).powi(2);
        da.total_cmp(&db)
    })
}

/// Where an event sits: x = year, y above the axis for the first lane, below for the second.
pub fn timeline_position(lane_index: usize, event: &TimelineEvent) -> [f64; 2] {
    let sign = if lane_index == 0 { 1.0 } else { -1.0 };
    [f64::from(event.year), sign * (1.0 + event.row as f64)]
}

/// Moves by year in two lanes, first company above the axis, second below.
pub fn timeline(ui: &mut egui::Ui, timeline: &Timeline, style: &ChartStyle) -> egui::Response {
    let text_color = ui.visuals().text_color();
    let depth = timeline.max_row() as f64 + 1.8;
    let first = f64::from(timeline.first_year);
    let last = f64::from(timeline.last_year);
    scaled(ui, style.text_scale, |ui| {
        let mut plot = base_plot(style, "timeline", egui_plot::Corner::RightTop)
            .show_axes([true, false])
            .show_grid([true, false])
            .include_x(first - 1.0)
            .include_x(last + 3.0)
            .include_y(-depth)
            .include_y(depth)
            .x_axis_formatter(|mark, _| {
                if (mark.value - mark.value.round()).abs() < 1e-9 {
                    format!("{:.0}", mark.value)
                } else {
                    String::new()
                }
            });
        if style.interactive {
            plot = plot.label_formatter(|pos| match pos {
                HoverPosition::NearDataPoint {
                    plot_name,
                    position,
                    ..
                } if !plot_name.is_empty() => {
                    nearest_timeline_event(timeline, plot_name, *position).map(|e| {
                        format!(
                            "{plot_name}: {} ({})\n{} · {}",
                            e.unit,
                            e.year,
                            e.sector_name,
                            e.mode.label()
                        )
                    })
                }
                _ => None,
            });
        }
        plot.show(ui, |plot| {
            plot.hline(
                HLine::new("", 0.0)
                    .id(style.id("timeline_axis"))
                    .color(text_color)
                    .width(style.px(1.5))
                    .allow_hover(false),
            );
            for (li, lane) in timeline.lanes.iter().enumerate() {
                let color = color32(lane.color);
                let sign = if li == 0 { 1.0 } else { -1.0 };
                // Lane names sit above the top row (West) and below the bottom row (East), at the
                // left edge, where no event label can be.
                plot.text(
                    label_text(
                        style,
                        ("lane_label", li),
                        [first - 0.8, sign * (timeline.max_row() as f64 + 1.55)],
                        RichText::new(&lane.label)
                            .size(style.px(12.0))
                            .strong()
                            .color(color),
                    )
                    .anchor(Align2::LEFT_CENTER),
                );
                let positions: Vec<[f64; 2]> = lane
                    .events
                    .iter()
                    .map(|e| timeline_position(li, e))
                    .collect();
                for (k, (e, at)) in lane.events.iter().zip(&positions).enumerate() {
                    plot.line(decoration_line(
                        style,
                        ("stem", li, k),
                        vec![[at[0], 0.0], *at],
                        color.gamma_multiply(0.4),
                        1.0,
                    ));
                    plot.text(
                        label_text(
                            style,
                            ("event_label", li, k),
                            [at[0] + 0.25, at[1]],
                            RichText::new(&e.unit)
                                .size(style.px(10.5))
                                .color(text_color),
                        )
                        .anchor(Align2::LEFT_CENTER),
                    );
                }
                plot.points(
                    Points::new(lane.label.clone(), positions)
                        .id(style.id(("lane_points", li)))
                        .color(color)
                        .filled(true)
                        .radius(style.px(5.0)),
                );
            }
        })
        .response
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartKind, describe};
    use crate::model::{DiversificationMove, Evidence, Score, SectorVocabulary, Side, Twin};

    fn twin() -> Twin {
        let mut t = Twin::new_blank("t", "T");
        t.west.name = "Amazon".into();
        t.east.name = "Alibaba".into();
        t.east.native_name = "阿里巴巴".into();
        t.west.scores.insert(
            "base".into(),
            Score {
                value: 9.0,
                evidence: vec![Evidence {
                    claim: "Prime".into(),
                    source: None,
                }],
            },
        );
        t.east.scores.insert("base".into(), Score::unsupported(7.0));
        t.east
            .scores
            .insert("save_the_world".into(), Score::unsupported(6.5));
        for (side, sector, unit, year) in [
            (Side::West, "cloud", "AWS", 2006),
            (Side::East, "cloud", "阿里云", 2009),
            (Side::East, "logistics", "Cainiao", 2013),
        ] {
            let mut m = DiversificationMove::new(year);
            m.sector = sector.into();
            m.unit = unit.into();
            t.side_mut(side).moves.push(m);
        }
        t
    }

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

    #[test]
    fn timeline_lanes_sit_on_both_sides_of_the_axis() {
        let tl = Timeline::new(&twin(), SectorVocabulary::bundled());
        let west = &tl.lanes[0].events[0];
        let east = &tl.lanes[1].events[0];
        assert!(timeline_position(0, west)[1] > 0.0);
        assert!(timeline_position(1, east)[1] < 0.0);
        let at = timeline_position(1, &tl.lanes[1].events[1]);
        let e =
            nearest_timeline_event(&tl, "Alibaba", PlotPoint::new(at[0], at[1])).expect("found");
        assert_eq!(e.unit, "Cainiao");
    }

    #[test]
    fn long_labels_wrap_at_the_middle_space() {
        assert_eq!(
            wrap_label("Great products, fair price", 14),
            "Great products,\nfair price"
        );
        assert_eq!(wrap_label("Short", 14), "Short");
        assert_eq!(
            wrap_label("数字便利性数字便利性数字便利性", 5),
            "数字便利性数字便利性数字便利性"
        );
    }

    #[test]
    fn every_chart_draws_in_both_styles_and_themes() {
        let t = twin();
        let blank = Twin::new_blank("b", "B");
        for twin in [&t, &blank] {
            for kind in ChartKind::ALL {
                let description = describe(twin, kind, None);
                for (style, theme) in [
                    (ChartStyle::new("studio"), egui::Theme::Light),
                    (
                        ChartStyle::new("slide")
                            .with_text_scale(3.0)
                            .with_height(900.0)
                            .with_interactive(false),
                        egui::Theme::Dark,
                    ),
                ] {
                    let mut harness = egui_kittest::Harness::builder()
                        .with_size(egui::vec2(1200.0, 1000.0))
                        .with_theme(theme)
                        .with_context_setup(crate::desktop::install_fonts)
                        .build_ui(|ui| {
                            let response = chart(ui, &description, &style);
                            assert!(
                                response.rect.height() >= style.height * 0.8,
                                "{kind:?} {}",
                                response.rect.height()
                            );
                        });
                    harness.run();
                }
            }
        }
    }
}
