//! Chart descriptions written as standalone SVG: the vector form every report format shares
//! (inline in HTML, files beside Markdown, vector pages in PDF, rasterised for PNG).
//!
//! Every text from the twin goes through [`xml_escape`]; numbers are formatted here, never taken
//! from user text, so a hostile name can only ever be character data.

use std::f64::consts::TAU;
use std::fmt::Write;

use super::map_layout::{MapFrame, MapLabelRole, layout_map};
use super::{Bars, Chart, ChartKind, Deltas, DiversificationMap, MapPoint, Radar, Rgb, Timeline};
use crate::assets::{FONT_STACK, text_width};
use crate::model::Side;

/// Ink for titles, axes and labels: dark grey rather than black reads softer on screen and paper.
/// Public, with the other paper colours, so a renderer that sets a chart on another background
/// (the deck PDF in the projector theme) knows what to swap.
pub const INK: &str = "#222222";
/// Secondary text: ticks, ring labels, legends.
pub const MUTED: &str = "#666666";
/// Rings, spokes and grid lines.
pub const GRID: &str = "#d9d9d9";
/// Year lines of the timeline.
pub const FAINT: &str = "#eeeeee";
/// Arcs of the map's clusters.
pub const ARC: &str = "#b0b0b0";
/// The page behind a chart; also the hollow of unsupported markers and the rim of map markers.
pub const PAPER: &str = "#ffffff";

/// Escapes text for XML character data and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 forbids most control characters even when escaped.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The kind of a chart description, for titles and file names.
pub fn chart_kind(chart: &Chart) -> ChartKind {
    match chart {
        Chart::Radar(_) => ChartKind::Radar,
        Chart::Bars(_) => ChartKind::Bars,
        Chart::Deltas(_) => ChartKind::Deltas,
        Chart::Map(_) => ChartKind::Map,
        Chart::Timeline(_) => ChartKind::Timeline,
    }
}

/// Writes any chart as a standalone SVG document with its own viewBox and title.
pub fn chart_svg(chart: &Chart) -> String {
    chart_writer(chart).finish()
}

/// The chart's shapes as SVG without text, plus its text as labels to set natively (PDF).
pub fn chart_svg_split(chart: &Chart) -> (String, Vec<SvgLabel>) {
    chart_writer(chart).finish_split()
}

fn chart_writer(chart: &Chart) -> Svg {
    match chart {
        Chart::Radar(c) => radar_svg(c),
        Chart::Bars(c) => bars_svg(c),
        Chart::Deltas(c) => deltas_svg(c),
        Chart::Map(c) => map_svg(c, MapFrame::EXPORT),
        Chart::Timeline(c) => timeline_svg(c),
    }
}

/// Where text hangs from its x coordinate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn attr(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }

    /// Anchor for a label placed at horizontal offset `dx` from a centre.
    fn away_from(dx: f64) -> Anchor {
        if dx > 1.0 {
            Anchor::Start
        } else if dx < -1.0 {
            Anchor::End
        } else {
            Anchor::Middle
        }
    }
}

/// A small SVG writer: every text passes through [`xml_escape`], every number through `{:.1}`.
struct Svg {
    out: String,
    /// `<text>` elements, kept apart so they can be left out for [`chart_svg_split`].
    texts: String,
    labels: Vec<SvgLabel>,
}

/// One text label of a chart, for renderers that set text themselves (the PDF writer embeds its
/// font once and places glyphs directly, far cheaper than shaping every SVG `<text>` again).
#[derive(Debug, Clone, PartialEq)]
pub struct SvgLabel {
    /// Baseline position in the chart's SVG units.
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub anchor: Anchor,
    /// `#rrggbb`.
    pub fill: String,
    pub bold: bool,
    pub text: String,
}

impl Svg {
    fn new(width: f64, height: f64, title: &str) -> Self {
        let mut out = String::with_capacity(8192);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" \
             width=\"{width:.0}\" height=\"{height:.0}\" font-family=\"{}\" role=\"img\">\
             <title>{}</title>\
             <rect x=\"0\" y=\"0\" width=\"{width:.0}\" height=\"{height:.0}\" fill=\"#ffffff\"/>",
            xml_escape(FONT_STACK),
            xml_escape(title)
        );
        let mut svg = Self {
            out,
            texts: String::new(),
            labels: Vec::new(),
        };
        svg.text(width / 2.0, 30.0, title, 18.0, Anchor::Middle, INK, true);
        svg
    }

    /// The whole SVG document; text is drawn last, above every shape.
    fn finish(mut self) -> String {
        self.out.push_str(&self.texts);
        self.out.push_str("</svg>");
        self.out
    }

    /// The shapes as an SVG document without any text, and the text as labels.
    fn finish_split(mut self) -> (String, Vec<SvgLabel>) {
        self.out.push_str("</svg>");
        (self.out, self.labels)
    }

    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f64,
        y: f64,
        text: &str,
        size: f64,
        anchor: Anchor,
        fill: &str,
        bold: bool,
    ) {
        // One weight is bundled: bold is also drawn with a thin outline so it shows in PNG too.
        let weight = if bold {
            format!(
                " font-weight=\"bold\" stroke=\"{fill}\" stroke-width=\"{:.2}\"",
                size * 0.035
            )
        } else {
            String::new()
        };
        let _ = write!(
            self.texts,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size:.1}\" text-anchor=\"{}\" fill=\"{fill}\"{weight}>{}</text>",
            anchor.attr(),
            xml_escape(text)
        );
        self.labels.push(SvgLabel {
            x,
            y,
            size,
            anchor,
            fill: fill.to_owned(),
            bold,
            text: text.to_owned(),
        });
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64) {
        let _ = write!(
            self.out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{stroke}\" stroke-width=\"{width:.1}\"/>"
        );
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, stroke: Option<(&str, f64)>) {
        let stroke = stroke.map_or(String::new(), |(s, sw)| {
            format!(" stroke=\"{s}\" stroke-width=\"{sw:.1}\"")
        });
        let _ = write!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"{stroke}/>",
            w.max(0.0),
            h.max(0.0)
        );
    }

    /// A marker: filled when the score is backed by evidence, hollow when it is not.
    fn marker(&mut self, x: f64, y: f64, r: f64, color: &str, filled: bool) {
        let fill = if filled { color } else { "#ffffff" };
        let _ = write!(
            self.out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"2\"/>"
        );
    }

    fn polygon(&mut self, points: &[(f64, f64)], fill: &str, fill_opacity: f64, stroke: &str) {
        let pts: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        let _ = write!(
            self.out,
            "<polygon points=\"{}\" fill=\"{fill}\" fill-opacity=\"{fill_opacity:.2}\" stroke=\"{stroke}\" stroke-width=\"2\" stroke-linejoin=\"round\"/>",
            pts.join(" ")
        );
    }

    /// One legend row: swatch + label per entry, centred at `y`.
    fn legend(&mut self, center_x: f64, y: f64, entries: &[(String, LegendMark)]) {
        let widths: Vec<f64> = entries
            .iter()
            .map(|(label, _)| 22.0 + f64::from(text_width(label, 13.0)) + 24.0)
            .collect();
        let mut x = center_x - widths.iter().sum::<f64>() / 2.0;
        for ((label, mark), w) in entries.iter().zip(widths) {
            match mark {
                LegendMark::Swatch(c) => self.rect(x, y - 11.0, 14.0, 14.0, &c.hex(), None),
                LegendMark::Hollow => self.marker(x + 7.0, y - 4.0, 5.0, MUTED, false),
                LegendMark::Band(c) => {
                    self.rect(x, y - 11.0, 14.0, 14.0, &c.hex(), Some((GRID, 1.0)))
                }
                LegendMark::Marker(c, side) => {
                    map_marker(self, x + 7.0, y - 4.0, 6.0, &c.hex(), *side, false)
                }
                LegendMark::SuperApp => map_marker(self, x + 7.0, y - 4.0, 6.0, MUTED, 0, true),
            }
            self.text(x + 20.0, y, label, 13.0, Anchor::Start, INK, false);
            x += w;
        }
    }
}

/// What a legend entry shows next to its label.
enum LegendMark {
    Swatch(Rgb),
    Hollow,
    Band(Rgb),
    /// A map marker of side 0 or 1.
    Marker(Rgb, usize),
    SuperApp,
}

/// Legend entries for the two companies of a score chart, plus the "no evidence" key.
fn series_legend(series: &[super::RadarSeries]) -> Vec<(String, LegendMark)> {
    let mut entries: Vec<(String, LegendMark)> = series
        .iter()
        .map(|s| (s.label.clone(), LegendMark::Swatch(s.color)))
        .collect();
    if series.iter().any(|s| s.supported.iter().any(|b| !b)) {
        entries.push((
            "hollow: score without evidence".to_owned(),
            LegendMark::Hollow,
        ));
    }
    entries
}

/// Cuts text to fit `max_width` at `size`, ending with an ellipsis when cut.
fn fit(text: &str, size: f32, max_width: f32) -> String {
    if text_width(text, size) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - text_width("…", size);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        width += text_width(c.encode_utf8(&mut [0; 4]), size);
        if width > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Breaks text into at most `max_lines` lines of `max_width`, the last one ellipsised if needed.
pub(crate) fn wrap(text: &str, size: f32, max_width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, size) <= max_width || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(rest);
    }
    lines.iter().map(|l| fit(l, size, max_width)).collect()
}

fn radar_svg(radar: &Radar) -> Svg {
    let (w, h) = (680.0, 600.0);
    let (cx, cy, radius) = (w / 2.0, 300.0, 190.0);
    let k = radius / radar.max.max(1.0);
    let mut svg = Svg::new(w, h, ChartKind::Radar.title());
    let n = radar.axes.len();
    let to_px = |p: [f64; 2]| (cx + p[0] * k, cy - p[1] * k);
    for ring in &radar.rings {
        let pts: Vec<(f64, f64)> = (0..n.max(3))
            .map(|i| {
                let a = TAU * i as f64 / n.max(3) as f64;
                (cx + ring * k * a.sin(), cy - ring * k * a.cos())
            })
            .collect();
        let _ = write!(
            svg.out,
            "<polygon points=\"{}\" fill=\"none\" stroke=\"{GRID}\" stroke-width=\"1\"/>",
            pts.iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect::<Vec<_>>()
                .join(" ")
        );
        // Ring values sit between the first two spokes, clear of the markers.
        let a = TAU / n.max(3) as f64 / 2.0;
        let (x, y) = (
            cx + ring * k * a.sin() * 0.72,
            cy - ring * k * a.cos() * 0.72,
        );
        svg.text(
            x,
            y,
            &format!("{ring:.0}"),
            12.0,
            Anchor::Middle,
            MUTED,
            false,
        );
    }
    for (i, axis) in radar.axes.iter().enumerate() {
        let (x, y) = to_px(radar.point(i, radar.max));
        svg.line(cx, cy, x, y, GRID, 1.0);
        let (lx, ly) = to_px(radar.point(i, radar.max * 1.12));
        let anchor = Anchor::away_from(lx - cx);
        let lines = wrap(axis, 13.0, 150.0, 2);
        let top = if ly < cy - 1.0 {
            ly - 15.0 * (lines.len() as f64 - 1.0)
        } else {
            ly + 10.0
        };
        for (j, line) in lines.iter().enumerate() {
            svg.text(lx, top + 15.0 * j as f64, line, 13.0, anchor, INK, false);
        }
    }
    for series in &radar.series {
        let pts: Vec<(f64, f64)> = radar.polygon(series).into_iter().map(to_px).collect();
        let hex = series.color.hex();
        svg.polygon(&pts, &hex, 0.18, &hex);
        for (i, value) in series.values.iter().enumerate() {
            if let Some(v) = value {
                let (x, y) = to_px(radar.point(i, *v));
                let supported = series.supported.get(i).copied().unwrap_or(false);
                svg.marker(x, y, 5.0, &hex, supported);
            }
        }
    }
    svg.legend(w / 2.0, h - 24.0, &series_legend(&radar.series));
    svg
}

fn bars_svg(bars: &Bars) -> Svg {
    let n = bars.categories.len().max(1);
    let w = (140.0 * n as f64 + 120.0).max(640.0);
    let h = 460.0;
    let (left, right, top, bottom) = (56.0, w - 24.0, 60.0, 340.0);
    let y_of = |v: f64| bottom - (v / bars.max.max(1.0)) * (bottom - top);
    let slot = (right - left) / n as f64;
    let x_of = |u: f64| left + (u + 0.5) * slot;
    let mut svg = Svg::new(w, h, ChartKind::Bars.title());
    let mut tick = 0.0;
    while tick <= bars.max + 1e-9 {
        let y = y_of(tick);
        svg.line(left, y, right, y, GRID, 1.0);
        svg.text(
            left - 8.0,
            y + 4.0,
            &format!("{tick:.0}"),
            11.0,
            Anchor::End,
            MUTED,
            false,
        );
        tick += 2.0;
    }
    for (ci, category) in bars.categories.iter().enumerate() {
        for (si, series) in bars.series.iter().enumerate() {
            let Some(v) = series.values.get(ci).copied().flatten() else {
                continue;
            };
            let bw = bars.bar_width() * slot * 0.92;
            let x = x_of(bars.bar_x(ci, si)) - bw / 2.0;
            let hex = series.color.hex();
            let supported = series.supported.get(ci).copied().unwrap_or(false);
            let fill = if supported { hex.as_str() } else { "#ffffff" };
            svg.rect(x, y_of(v), bw, bottom - y_of(v), fill, Some((&hex, 2.0)));
            svg.text(
                x + bw / 2.0,
                y_of(v) - 6.0,
                &format!("{v:.1}"),
                12.0,
                Anchor::Middle,
                INK,
                false,
            );
        }
        for (j, line) in wrap(category, 13.0, (slot - 12.0) as f32, 2)
            .iter()
            .enumerate()
        {
            svg.text(
                x_of(ci as f64),
                bottom + 22.0 + 16.0 * j as f64,
                line,
                13.0,
                Anchor::Middle,
                INK,
                false,
            );
        }
    }
    svg.line(left, bottom, right, bottom, INK, 1.0);
    svg.legend(w / 2.0, h - 24.0, &series_legend(&bars.series));
    svg
}

fn deltas_svg(deltas: &Deltas) -> Svg {
    let n = deltas.categories.len().max(1);
    let w = 760.0;
    let row = 44.0;
    let (label_w, top) = (210.0, 70.0);
    let h = top + row * n as f64 + 90.0;
    let (left, right) = (label_w + 20.0, w - 30.0);
    let mid = (left + right) / 2.0;
    let k = (right - left) / 2.0 / deltas.extent.max(1.0);
    let mut svg = Svg::new(w, h, ChartKind::Deltas.title());
    let bottom = top + row * n as f64;
    let mut tick = -deltas.extent;
    while tick <= deltas.extent + 1e-9 {
        let x = mid + tick * k;
        svg.line(x, top - 6.0, x, bottom, GRID, 1.0);
        let label = if tick.abs() < 1e-9 {
            "0".to_owned()
        } else {
            format!("{tick:+.0}")
        };
        svg.text(x, bottom + 16.0, &label, 11.0, Anchor::Middle, MUTED, false);
        tick += 1.0;
    }
    for (i, (category, value)) in deltas.categories.iter().zip(&deltas.values).enumerate() {
        let y = top + row * i as f64;
        svg.text(
            label_w,
            y + row / 2.0 + 5.0,
            &fit(category, 13.0, label_w as f32 - 10.0),
            13.0,
            Anchor::End,
            INK,
            false,
        );
        match value {
            Some(v) => {
                let color = deltas.color_of(*v).hex();
                let x0 = mid.min(mid + v * k);
                svg.rect(
                    x0,
                    y + 10.0,
                    (v * k).abs().max(1.5),
                    row - 20.0,
                    &color,
                    None,
                );
                let (tx, anchor) = if *v >= 0.0 {
                    (mid + v * k + 6.0, Anchor::Start)
                } else {
                    (mid + v * k - 6.0, Anchor::End)
                };
                svg.text(
                    tx,
                    y + row / 2.0 + 5.0,
                    &format!("{v:+.1}"),
                    12.0,
                    anchor,
                    INK,
                    true,
                );
            }
            None => svg.text(
                mid + 8.0,
                y + row / 2.0 + 5.0,
                "not scored on both sides",
                12.0,
                Anchor::Start,
                MUTED,
                false,
            ),
        }
    }
    svg.line(mid, top - 6.0, mid, bottom, INK, 1.5);
    svg.text(
        left,
        bottom + 40.0,
        &format!("← {}", fit(&deltas.east_label, 13.0, 240.0)),
        13.0,
        Anchor::Start,
        &deltas.east_color.hex(),
        true,
    );
    svg.text(
        right,
        bottom + 40.0,
        &format!("{} →", fit(&deltas.west_label, 13.0, 240.0)),
        13.0,
        Anchor::End,
        &deltas.west_color.hex(),
        true,
    );
    svg
}

/// The map laid out on `frame` (a slide's body rather than the export's canvas), as shapes
/// without text plus its text as labels, so a slide sets the labels at its own type size.
pub fn map_svg_split(map: &DiversificationMap, frame: MapFrame) -> (String, Vec<SvgLabel>) {
    map_svg(map, frame).finish_split()
}

fn map_svg(map: &DiversificationMap, frame: MapFrame) -> Svg {
    let (w, h) = (frame.width, frame.height);
    let layout = layout_map(map, frame);
    let [cx, cy] = layout.centre;
    let k = layout.scale;
    let outer = map.outer_radius();
    let mut svg = Svg::new(w, h, ChartKind::Map.title());
    let at = |r: f64, angle: f64| {
        let p = layout.polar(r, angle);
        (p[0], p[1])
    };
    let highlight = map_highlight(map);
    let slot = map
        .sectors
        .first()
        .and_then(|s| map.clusters.first().map(|c| (s.angle - c.start) * 2.0))
        .unwrap_or(TAU);
    // Shared sectors: a tinted wedge behind everything else.
    for sector in map.sectors.iter().filter(|s| s.shared) {
        let (a0, a1) = (sector.angle - slot / 2.0, sector.angle + slot / 2.0);
        let (x0, y0) = at(outer, a0);
        let (x1, y1) = at(outer, a1);
        let large = i32::from(a1 - a0 > std::f64::consts::PI);
        let _ = write!(
            svg.out,
            "<path d=\"M{cx:.1},{cy:.1} L{x0:.1},{y0:.1} A{r:.1},{r:.1} 0 {large} 1 {x1:.1},{y1:.1} Z\" fill=\"{}\"/>",
            highlight.hex(),
            r = outer * k
        );
    }
    for (r, _) in &map.rings {
        let _ = write!(
            svg.out,
            "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{:.1}\" fill=\"none\" stroke=\"{GRID}\" stroke-dasharray=\"4 4\"/>",
            r * k
        );
    }
    // Cluster arcs just outside the outer ring; their names are placed labels.
    let arc_r = outer * k + 4.0;
    for cluster in &map.clusters {
        let (a0, a1) = (cluster.start + 0.03, cluster.end - 0.03);
        if a1 <= a0 {
            continue;
        }
        let p0 = layout.polar(outer, a0);
        let p1 = layout.polar(outer, a1);
        let grow = |p: [f64; 2]| {
            let (dx, dy) = (p[0] - cx, p[1] - cy);
            let d = (dx * dx + dy * dy).sqrt().max(1e-9);
            (cx + dx / d * arc_r, cy + dy / d * arc_r)
        };
        let ((x0, y0), (x1, y1)) = (grow(p0), grow(p1));
        let large = i32::from(a1 - a0 > std::f64::consts::PI);
        let _ = write!(
            svg.out,
            "<path d=\"M{x0:.1},{y0:.1} A{arc_r:.1},{arc_r:.1} 0 {large} 1 {x1:.1},{y1:.1}\" fill=\"none\" stroke=\"{ARC}\" stroke-width=\"3\"/>"
        );
    }
    for sector in &map.sectors {
        let (x, y) = at(outer, sector.angle);
        let (stroke, width) = if sector.shared {
            (MUTED, 1.5)
        } else {
            (GRID, 1.0)
        };
        svg.line(cx, cy, x, y, stroke, width);
    }
    for (p, m) in map.points.iter().zip(&layout.markers) {
        let side = usize::from(p.side == Side::East);
        let color = map.colors[side].hex();
        let [x, y] = m.centre;
        let _ = write!(
            svg.out,
            "<g><title>{}</title>",
            xml_escape(&map_point_title(p))
        );
        map_marker(&mut svg, x, y, m.radius, &color, side, p.in_super_app);
        svg.out.push_str("</g>");
    }
    for label in &layout.labels {
        if let Some((a, b)) = label.leader {
            svg.line(a[0], a[1], b[0], b[1], MUTED, 0.8);
        }
        let fill = match label.role {
            MapLabelRole::Sector { .. } => INK,
            MapLabelRole::Cluster | MapLabelRole::Ring => MUTED,
        };
        svg.text(
            label.rect.x0,
            label.baseline(),
            &label.text,
            label.size,
            Anchor::Start,
            fill,
            label.bold,
        );
    }
    let mut legend: Vec<(String, LegendMark)> = map
        .labels
        .iter()
        .zip(map.colors)
        .enumerate()
        .map(|(side, (l, c))| (l.clone(), LegendMark::Marker(c, side)))
        .collect();
    legend.push(("inside the super-app".to_owned(), LegendMark::SuperApp));
    legend.push((
        "bold, shaded: sector entered by both".to_owned(),
        LegendMark::Band(highlight),
    ));
    svg.legend(w / 2.0, h - 36.0, &legend);
    let note = if layout.dropped.is_empty() {
        "angle: sector · ring: distance from core · size: strength today".to_owned()
    } else {
        format!(
            "Not labelled for lack of room: {}",
            layout.dropped.join(", ")
        )
    };
    svg.text(
        w / 2.0,
        h - 14.0,
        &fit(&note, 11.0, (w - 40.0) as f32),
        11.0,
        Anchor::Middle,
        MUTED,
        false,
    );
    svg
}

/// The tint behind shared sectors, chosen per twin to stay far from both brand colours.
fn map_highlight(map: &DiversificationMap) -> Rgb {
    crate::tokens::colour::shared_highlight(map.colors, 0.93, 0.09)
}

/// A move's hover text.
fn map_point_title(p: &MapPoint) -> String {
    format!(
        "{}: {} ({}, {}, {}, strength {:.1}{})",
        p.unit,
        p.sector_name,
        p.year,
        p.mode.label(),
        p.distance.label(),
        p.strength,
        if p.in_super_app {
            ", inside the super-app"
        } else {
            ""
        }
    )
}

/// One map marker: the first company a circle, the second a square, so the sides differ by shape
/// as well as hue; a white centre dot marks a move inside the super-app.
fn map_marker(svg: &mut Svg, x: f64, y: f64, r: f64, color: &str, side: usize, super_app: bool) {
    if side == 0 {
        let _ = write!(
            svg.out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{color}\" fill-opacity=\"0.8\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
        );
    } else {
        let s = r * 0.886; // same area as the circle
        let _ = write!(
            svg.out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{color}\" fill-opacity=\"0.8\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
            x - s,
            y - s,
            2.0 * s,
            2.0 * s
        );
    }
    if super_app {
        let _ = write!(
            svg.out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#ffffff\"/>",
            (r * 0.38).max(1.8)
        );
    }
}

/// Packs labels into rows: each goes into the lowest row (at least the description's stacking
/// row) where it does not overlap a label already placed.
fn pack_rows(spans: &[(f64, f64, usize)]) -> Vec<usize> {
    let mut row_ends: Vec<f64> = Vec::new();
    spans
        .iter()
        .map(|&(start, end, min_row)| {
            let row = (min_row..)
                .find(|&r| row_ends.get(r).is_none_or(|&e| e <= start))
                .unwrap_or(min_row);
            if row_ends.len() <= row {
                row_ends.resize(row + 1, f64::NEG_INFINITY);
            }
            row_ends[row] = end;
            row
        })
        .collect()
}

fn timeline_svg(timeline: &Timeline) -> Svg {
    const LABEL_W: f32 = 200.0;
    let w = 720.0;
    let (left, right) = (150.0, w - 20.0 - f64::from(LABEL_W));
    let span = f64::from((timeline.last_year - timeline.first_year).max(1));
    let x_of = |year: i32| left + f64::from(year - timeline.first_year) / span * (right - left);
    let labels: Vec<Vec<(String, String, f64)>> = timeline
        .lanes
        .iter()
        .map(|lane| {
            lane.events
                .iter()
                .map(|e| {
                    let title = fit(&format!("{} {}", e.year, e.unit), 12.0, LABEL_W);
                    let sub = fit(
                        &format!("{} · {}", e.sector_name, e.mode.label()),
                        11.0,
                        LABEL_W,
                    );
                    let width = f64::from(text_width(&title, 12.0).max(text_width(&sub, 11.0)));
                    (title, sub, width)
                })
                .collect()
        })
        .collect();
    let rows: Vec<Vec<usize>> = timeline
        .lanes
        .iter()
        .zip(&labels)
        .map(|(lane, l)| {
            let spans: Vec<(f64, f64, usize)> = lane
                .events
                .iter()
                .zip(l)
                .map(|(e, (_, _, width))| (x_of(e.year) - 6.0, x_of(e.year) + width + 14.0, e.row))
                .collect();
            pack_rows(&spans)
        })
        .collect();
    let row_h = 32.0;
    let depth = |i: usize| {
        rows.get(i)
            .and_then(|r| r.iter().max())
            .map_or(0, |m| m + 1) as f64
    };
    let axis_y = 60.0 + depth(0) * row_h + 10.0;
    let h = axis_y + depth(1) * row_h + 40.0;
    let mut svg = Svg::new(w, h, ChartKind::Timeline.title());
    let step = if span > 30.0 {
        10
    } else if span > 12.0 {
        5
    } else {
        1
    };
    let mut year = timeline.first_year.div_euclid(step) * step;
    while year <= timeline.last_year {
        if year >= timeline.first_year {
            let x = x_of(year);
            svg.line(x, 50.0, x, h - 20.0, FAINT, 1.0);
            svg.text(
                x,
                h - 6.0,
                &year.to_string(),
                11.0,
                Anchor::Middle,
                MUTED,
                false,
            );
        }
        year += step;
    }
    svg.line(left - 20.0, axis_y, right + 20.0, axis_y, INK, 1.5);
    for (li, lane) in timeline.lanes.iter().enumerate() {
        let dir = if li == 0 { -1.0 } else { 1.0 };
        let color = lane.color.hex();
        let name = fit(&lane.label, 14.0, 120.0);
        svg.text(
            16.0,
            axis_y + dir * 14.0 + 5.0,
            &name,
            14.0,
            Anchor::Start,
            &color,
            true,
        );
        let lane_rows = rows.get(li).map_or(&[][..], Vec::as_slice);
        let lane_labels = labels.get(li).map_or(&[][..], Vec::as_slice);
        for ((e, row), (title, sub, _)) in lane.events.iter().zip(lane_rows).zip(lane_labels) {
            let x = x_of(e.year);
            // West rows grow upwards from the axis, East rows downwards.
            let top = if li == 0 {
                axis_y - row_h * (*row as f64 + 1.0)
            } else {
                axis_y + 6.0 + row_h * *row as f64
            };
            let marker_y = top + 9.0;
            let _ = write!(
                svg.out,
                "<line x1=\"{x:.1}\" y1=\"{axis_y:.1}\" x2=\"{x:.1}\" y2=\"{marker_y:.1}\" stroke=\"{color}\" stroke-opacity=\"0.35\"/>"
            );
            let _ = write!(
                svg.out,
                "<g><title>{}</title>",
                xml_escape(&format!(
                    "{} {}: {}, {}",
                    e.year,
                    e.unit,
                    e.sector_name,
                    e.mode.label()
                ))
            );
            svg.marker(x, marker_y, 3.5, &color, true);
            svg.text(
                x + 7.0,
                marker_y + 4.0,
                title,
                12.0,
                Anchor::Start,
                INK,
                false,
            );
            svg.text(
                x + 7.0,
                marker_y + 17.0,
                sub,
                11.0,
                Anchor::Start,
                MUTED,
                false,
            );
            svg.out.push_str("</g>");
        }
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::describe;
    use crate::model::{DiversificationMove, Score, Twin};

    fn twin() -> Twin {
        let mut t = Twin::new_blank("t", "T");
        t.west.name = "A & <B>".into();
        t.east.name = "阿里巴巴".into();
        t.west.scores.insert("base".into(), Score::unsupported(8.0));
        let mut m = DiversificationMove::new(2010);
        m.unit = "\"unit\" <x>".into();
        t.east.moves.push(m);
        t
    }

    /// The box a label's text covers, measured with the bundled fonts.
    fn label_rect(l: &SvgLabel) -> crate::charts::placement::Rect {
        let [w, h] = crate::charts::text::label_box(&l.text, l.size);
        let x0 = match l.anchor {
            Anchor::Start => l.x,
            Anchor::Middle => l.x - w / 2.0,
            Anchor::End => l.x - w,
        };
        let y0 = l.y - crate::charts::text::baseline_offset(l.size);
        crate::charts::placement::Rect::new(x0, y0, x0 + w, y0 + h)
    }

    #[test]
    fn no_label_overlaps_another_or_leaves_the_canvas_in_any_sample_chart() {
        for twin in crate::charts::test_samples() {
            for kind in ChartKind::ALL {
                let chart = describe(&twin, kind, None);
                let (svg, labels) = chart_svg_split(&chart);
                let size = |attr: &str| -> f64 {
                    svg.split(&format!(" {attr}=\""))
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0.0)
                };
                let canvas =
                    crate::charts::placement::Rect::new(0.0, 0.0, size("width"), size("height"));
                let rects: Vec<_> = labels.iter().map(label_rect).collect();
                if let Some((i, j)) = crate::charts::placement::first_overlap(&rects) {
                    panic!(
                        "{} {kind:?}: {:?} overlaps {:?}",
                        twin.id, labels[i].text, labels[j].text
                    );
                }
                for (l, r) in labels.iter().zip(&rects) {
                    assert!(
                        canvas.contains(r),
                        "{} {kind:?}: {:?} leaves the canvas {r:?}",
                        twin.id,
                        l.text
                    );
                }
            }
        }
    }

    #[test]
    fn escape_covers_markup_and_controls() {
        assert_eq!(
            xml_escape("<a href='x'>&\"\u{1}"),
            "&lt;a href=&apos;x&apos;&gt;&amp;&quot; "
        );
    }

    #[test]
    fn every_chart_is_escaped_and_closed() {
        for kind in ChartKind::ALL {
            let svg = chart_svg(&describe(&twin(), kind, None));
            assert!(
                svg.starts_with("<svg ") && svg.ends_with("</svg>"),
                "{kind:?}"
            );
            assert!(!svg.contains("<B>") && !svg.contains("<x>"), "{kind:?}");
            assert!(svg.contains(&xml_escape(kind.title())));
        }
    }

    #[test]
    fn unsupported_scores_are_hollow() {
        let svg = chart_svg(&describe(&twin(), ChartKind::Radar, None));
        assert!(svg.contains("fill=\"#ffffff\" stroke=\"#0072b2\""), "{svg}");
        assert!(svg.contains("without evidence"));
    }

    #[test]
    fn packed_labels_never_share_a_row_span() {
        let rows = pack_rows(&[
            (0.0, 100.0, 0),
            (50.0, 150.0, 0),
            (120.0, 200.0, 0),
            (0.0, 10.0, 2),
        ]);
        assert_eq!(rows, [0, 1, 0, 2]);
    }

    #[test]
    fn wrap_and_fit_respect_width() {
        let lines = wrap(
            "Great products, fair price and a very long tail",
            13.0,
            100.0,
            2,
        );
        assert_eq!(lines.len(), 2);
        assert!(
            lines.iter().all(|l| text_width(l, 13.0) <= 100.5),
            "{lines:?}"
        );
        assert!(lines[1].ends_with('…'));
        assert_eq!(fit("short", 12.0, 200.0), "short");
    }
}
