//! The egui_plot drawing of every chart description, shared by the studio and the presenter.
//!
//! Only drawing happens here: the geometry (angles, polygons, bar positions, map placement) comes
//! ready from [`super::describe`], so the app and the SVG reports show the same picture. This
//! file holds the style and the pieces every chart shares; each chart is drawn in its own file.

mod bars;
mod deltas;
mod history;
mod map;
mod radar;
mod timeline;

use std::f64::consts::TAU;
use std::fmt::Debug;
use std::hash::Hash;

use egui::{Align2, Color32, RichText};
use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoint, PlotUi, Points, Text};

use super::placement;
use super::score_layout::{BlockLabel, layout_categories};
use super::{Chart, RadarSeries, Rgb};
use crate::wording::{NOT_SCORED, SCORE_WITHOUT_EVIDENCE, UNSUPPORTED};

pub use bars::bars;
pub use deltas::deltas;
pub use history::history;
pub use map::{diversification_map, map_point_hover, nearest_map_point};
pub use radar::{radar, radar_hover};
pub use timeline::{nearest_timeline_event, timeline, timeline_position};

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

    pub(super) fn id(&self, part: impl Hash + Debug) -> egui::Id {
        self.id_salt.with(part)
    }

    /// A size in points scaled like the type.
    pub(super) fn px(&self, points: f32) -> f32 {
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
        Chart::History(c) => history(ui, c, style),
    }
}

/// Runs `add` with every text style scaled, so axis labels, legend and hover text grow together.
pub(super) fn scaled<R>(ui: &mut egui::Ui, scale: f32, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
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
pub(super) fn base_plot<'a>(
    style: &ChartStyle,
    part: impl Hash + Debug,
    legend: Option<egui_plot::Corner>,
) -> Plot<'a> {
    let plot = Plot::new(style.id(part))
        .height(style.height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_crosshair(false);
    match legend {
        Some(corner) => plot.legend(
            Legend::default()
                .position(corner)
                .follow_insertion_order(true),
        ),
        None => plot,
    }
}

/// The colour for decorations (rings, spokes, grid) in the current theme.
pub(super) fn faint(ui: &egui::Ui) -> Color32 {
    ui.visuals().widgets.noninteractive.bg_stroke.color
}

pub(super) fn weak_text(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}

/// A closed circle of `radius` as line points.
pub(super) fn circle(radius: f64) -> Vec<[f64; 2]> {
    (0..=72)
        .map(|i| {
            let a = TAU * f64::from(i) / 72.0;
            [radius * a.sin(), radius * a.cos()]
        })
        .collect()
}

/// An arc between two angles (clockwise from up) at `radius`.
pub(super) fn arc(radius: f64, start: f64, end: f64) -> Vec<[f64; 2]> {
    let steps = (((end - start) / TAU) * 72.0).ceil().max(2.0) as usize;
    (0..=steps)
        .map(|i| {
            let a = start + (end - start) * i as f64 / steps as f64;
            [radius * a.sin(), radius * a.cos()]
        })
        .collect()
}

pub(super) fn decoration_line<'a>(
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

pub(super) fn label_text(
    style: &ChartStyle,
    part: impl Hash + Debug,
    at: [f64; 2],
    text: RichText,
) -> Text {
    Text::new("", PlotPoint::new(at[0], at[1]), text)
        .id(style.id(part))
        .allow_hover(false)
}

/// "Amazon\nDigital convenience: 9.0 (unsupported)".
pub(super) fn score_line(series: &RadarSeries, i: usize, axis: &str) -> String {
    let value = match series.values.get(i).copied().flatten() {
        Some(v) => format!("{v:.1}"),
        None => NOT_SCORED.to_owned(),
    };
    let support = if series.values.get(i).copied().flatten().is_some()
        && !series.supported.get(i).copied().unwrap_or(false)
    {
        format!(" ({UNSUPPORTED})")
    } else {
        String::new()
    };
    format!("{}\n{axis}: {value}{support}", series.label)
}

/// Score markers: filled where backed by evidence, hollow where not.
pub(super) fn score_markers(
    plot: &mut PlotUi<'_>,
    style: &ChartStyle,
    part: &str,
    series: &RadarSeries,
    position: impl Fn(usize, f64) -> [f64; 2],
) {
    let color = color32(series.colour);
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
        Points::new(crate::font_chain::for_egui(&series.label), supported)
            .id(style.id((part, &series.label, "supported")))
            .color(color)
            .filled(true)
            .radius(style.px(4.0)),
    );
    plot.points(
        Points::new(crate::font_chain::for_egui(&series.label), unsupported)
            .id(style.id((part, &series.label, "unsupported")))
            .color(color)
            .filled(false)
            .shape(MarkerShape::Circle)
            .radius(style.px(6.0)),
    );
}

/// A one-line key under score charts when some markers are hollow.
pub(super) fn unsupported_note(ui: &mut egui::Ui, series: &[RadarSeries], style: &ChartStyle) {
    let any = series.iter().any(|s| {
        s.values
            .iter()
            .zip(&s.supported)
            .any(|(v, ok)| v.is_some() && !ok)
    });
    if any {
        ui.label(
            RichText::new(format!(
                "○ hollow marker / pale bar: {SCORE_WITHOUT_EVIDENCE} (unsupported)"
            ))
            .small()
            .color(weak_text(ui))
            .size(style.px(11.0)),
        );
    }
}

/// Pillar names under category slots 0, 1, 2... at plot height `y`, wrapped to their slot and
/// placed by [`layout_categories`] for the plot's current size, so no two touch.
pub(super) fn category_labels(
    plot: &mut PlotUi<'_>,
    style: &ChartStyle,
    part: &str,
    categories: &[String],
    y: f64,
    color: Color32,
    family: &egui::FontFamily,
) {
    let t = *plot.transform();
    let anchors: Vec<[f64; 2]> = (0..categories.len())
        .map(|i| {
            let p = t.position_from_point(&PlotPoint::new(i as f64, y));
            [f64::from(p.x), f64::from(p.y)]
        })
        .collect();
    let f = t.frame();
    let canvas = placement::Rect::new(
        f64::from(f.min.x),
        f64::from(f.min.y),
        f64::from(f.max.x),
        f64::from(f.max.y),
    );
    let slot = t.dpos_dvalue_x().abs();
    let labels = layout_categories(
        categories,
        &anchors,
        slot,
        f64::from(style.text_scale),
        canvas,
    );
    let to_plot = |p: [f64; 2]| {
        let v = t.value_from_position(egui::pos2(p[0] as f32, p[1] as f32));
        [v.x, v.y]
    };
    for (i, label) in labels.iter().enumerate() {
        if let Some(label) = label {
            let part = (part, "category", i);
            block_label(plot, style, part, label, to_plot, family, color, color);
        }
    }
}

/// The ascent egui sets the bundled font's first line at, in ems (Noto Sans CJK's hhea ascender).
pub(super) const EGUI_ASCENT: f64 = 1.16;

/// The named egui family holding only the bundled chain, so labels are drawn in the font they
/// were measured with; egui's default family when the chain is not installed (some tests).
pub(super) fn chart_font_family(ui: &egui::Ui) -> egui::FontFamily {
    let named = egui::FontFamily::Name(crate::font_chain::EGUI_CHART_FAMILY.into());
    if ui.fonts(|f| f.families().contains(&named)) {
        named
    } else {
        egui::FontFamily::Proportional
    }
}

/// Draws a placed label line by line (each at its own baseline, in the font it was measured
/// with) and its leader line, mapping canvas points to plot coordinates with `to_plot`.
#[allow(clippy::too_many_arguments)]
pub(super) fn block_label(
    plot: &mut PlotUi<'_>,
    style: &ChartStyle,
    part: impl Hash + Debug + Copy,
    label: &BlockLabel,
    to_plot: impl Fn([f64; 2]) -> [f64; 2],
    family: &egui::FontFamily,
    color: Color32,
    leader_colour: Color32,
) {
    if let Some((a, b)) = label.leader {
        plot.line(decoration_line(
            style,
            (part, "leader"),
            vec![to_plot(a), to_plot(b)],
            leader_colour,
            0.8,
        ));
    }
    for (j, (line, [x, baseline])) in label.lines.iter().enumerate() {
        // egui hangs text from the font's ascent; shift the galley up to put the baseline there.
        let top = baseline - EGUI_ASCENT * label.size;
        plot.text(
            label_text(
                style,
                (part, j),
                to_plot([*x, top]),
                RichText::new(crate::font_chain::for_egui(line))
                    .size(label.size as f32)
                    .family(family.clone())
                    .color(color),
            )
            .anchor(Align2::LEFT_TOP),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartKind, describe};
    use crate::model::{Side, Twin};

    pub(super) fn twin() -> Twin {
        let mut t = crate::fixtures::twin("T")
            .companies("Amazon", "Alibaba")
            .backed(Side::West, "base", 9.0, "Prime")
            .score(Side::East, "base", 7.0)
            .score(Side::East, "save_the_world", 6.5)
            .entered(Side::West, "cloud", "AWS", 2006)
            .entered(Side::East, "cloud", "阿里云", 2009)
            .entered(Side::East, "logistics", "Cainiao", 2013)
            .build();
        t.east.native_name = "阿里巴巴".into();
        t
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
