//! Chart descriptions written as standalone SVG: the vector form every report format shares
//! (inline in HTML, files beside Markdown, vector pages in PDF, rasterised for PNG).
//!
//! This file is the SVG writer every chart shares ([`Svg`]: escaped text, shapes, legends, map
//! markers); each chart is drawn in its own file. Every text from the twin goes through
//! [`xml_escape`]; numbers are formatted here, never taken from user text, so a hostile name can
//! only ever be character data.

mod bars;
mod deltas;
mod history;
mod map;
mod radar;
mod timeline;

use std::fmt::Write;

use super::map_layout::MapFrame;
use super::{Chart, ChartKind, Radar, Rgb};
use crate::assets::{FONT_STACK, text_width};
use crate::tokens::{Look, Tokens};
use crate::wording::SCORE_WITHOUT_EVIDENCE;

pub use map::map_svg_split;
pub use radar::RadarText;

/// The paper look every exported chart is drawn in.
const TOKENS: Tokens = Look::Paper.tokens();

/// A role's `#rrggbb` as a `&'static str`, worked out at compile time.
const fn role_hex(bytes: &'static [u8; 7]) -> &'static str {
    match std::str::from_utf8(bytes) {
        Ok(hex) => hex,
        Err(_) => "#000000",
    }
}

// The paper roles as `&str` constants: public so a renderer that sets a chart on another
// background (the deck PDF in a projector theme) knows what to swap.
const INK_HEX: [u8; 7] = TOKENS.ink.hex_bytes();
const MUTED_HEX: [u8; 7] = TOKENS.muted.hex_bytes();
const GRID_HEX: [u8; 7] = TOKENS.grid.hex_bytes();
const BAND_HEX: [u8; 7] = TOKENS.band.hex_bytes();
const SURFACE_HEX: [u8; 7] = TOKENS.surface.hex_bytes();
/// Titles, axes and labels (`ink`).
pub const INK: &str = role_hex(&INK_HEX);
/// Secondary text: ticks, ring labels, legends, the map's cluster arcs (`muted`).
pub const MUTED: &str = role_hex(&MUTED_HEX);
/// Rings, spokes and grid lines (`grid`).
pub const GRID: &str = role_hex(&GRID_HEX);
/// Year lines of the timeline (`band`).
pub const FAINT: &str = role_hex(&BAND_HEX);
/// The page behind a chart; also the hollow of unsupported markers and the rim of map markers
/// (`surface`).
pub const PAPER: &str = role_hex(&SURFACE_HEX);
/// Behind a sector both companies entered (`shared_band`), the same role as in the studio.
pub const SHARED_BAND: Rgb = TOKENS.shared_band;

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
        Chart::History(_) => ChartKind::History,
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

/// The radar's shapes and labels with its text set as `text` says (a slide's bigger type).
pub fn radar_svg_split(radar: &Radar, text: RadarText) -> (String, Vec<SvgLabel>) {
    radar::radar_svg_with(radar, text).finish_split()
}

fn chart_writer(chart: &Chart) -> Svg {
    match chart {
        Chart::Radar(c) => radar::radar_svg(c),
        Chart::Bars(c) => bars::bars_svg(c),
        Chart::Deltas(c) => deltas::deltas_svg(c),
        Chart::Map(c) => map::map_svg(c, MapFrame::EXPORT),
        Chart::Timeline(c) => timeline::timeline_svg(c),
        Chart::History(c) => history::history_svg(c),
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
    pub(super) fn attr(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }

    /// Anchor for a label placed at horizontal offset `dx` from a centre.
    pub(super) fn away_from(dx: f64) -> Anchor {
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
pub(super) struct Svg {
    pub(super) out: String,
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
    pub(super) fn new(width: f64, height: f64, title: &str) -> Self {
        let mut out = String::with_capacity(8192);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:.0} {height:.0}\" \
             width=\"{width:.0}\" height=\"{height:.0}\" font-family=\"{}\" role=\"img\">\
             <title>{}</title>\
             <rect x=\"0\" y=\"0\" width=\"{width:.0}\" height=\"{height:.0}\" fill=\"{PAPER}\"/>",
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
    pub(super) fn finish(mut self) -> String {
        self.out.push_str(&self.texts);
        self.out.push_str("</svg>");
        self.out
    }

    /// The shapes as an SVG document without any text, and the text as labels.
    pub(super) fn finish_split(mut self) -> (String, Vec<SvgLabel>) {
        self.out.push_str("</svg>");
        (self.out, self.labels)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn text(
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

    /// Horizontal grid lines from `left` to `right` at each tick, its value at the left.
    pub(super) fn y_grid(
        &mut self,
        (left, right): (f64, f64),
        ticks: impl IntoIterator<Item = f64>,
        y_of: impl Fn(f64) -> f64,
    ) {
        for tick in ticks {
            let y = y_of(tick);
            self.line(left, y, right, y, GRID, 1.0);
            let label = format!("{tick:.0}");
            self.text(left - 8.0, y + 4.0, &label, 11.0, Anchor::End, MUTED, false);
        }
    }

    pub(super) fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64) {
        let _ = write!(
            self.out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{stroke}\" stroke-width=\"{width:.1}\"/>"
        );
    }

    pub(super) fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: &str,
        stroke: Option<(&str, f64)>,
    ) {
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
    pub(super) fn marker(&mut self, x: f64, y: f64, r: f64, colour: &str, filled: bool) {
        let fill = if filled { colour } else { PAPER };
        let _ = write!(
            self.out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\" stroke=\"{colour}\" stroke-width=\"2\"/>"
        );
    }

    pub(super) fn polygon(
        &mut self,
        points: &[(f64, f64)],
        fill: &str,
        fill_opacity: f64,
        stroke: &str,
    ) {
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
    pub(super) fn legend(&mut self, center_x: f64, y: f64, entries: &[(String, LegendMark)]) {
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
pub(super) enum LegendMark {
    Swatch(Rgb),
    Hollow,
    Band(Rgb),
    /// A map marker of side 0 or 1.
    Marker(Rgb, usize),
    SuperApp,
}

/// Legend entries for the two companies of a score chart, plus the "no evidence" key.
pub(super) fn series_legend(series: &[super::RadarSeries]) -> Vec<(String, LegendMark)> {
    let mut entries: Vec<(String, LegendMark)> = series
        .iter()
        .map(|s| (s.label.clone(), LegendMark::Swatch(s.colour)))
        .collect();
    if series.iter().any(|s| s.supported.iter().any(|b| !b)) {
        entries.push((
            format!("hollow: {SCORE_WITHOUT_EVIDENCE}"),
            LegendMark::Hollow,
        ));
    }
    entries
}

/// Marks the centre dot of a super-app move, so a slide theme can keep it light where it turns
/// paper into a dark background.
pub const SUPER_APP_DOT: &str = "class=\"super-app\"";

/// One map marker: the first company a circle, the second a square, so the sides differ by shape
/// as well as hue; a white centre dot marks a move inside the super-app.
pub(super) fn map_marker(
    svg: &mut Svg,
    x: f64,
    y: f64,
    r: f64,
    colour: &str,
    side: usize,
    super_app: bool,
) {
    if side == 0 {
        let _ = write!(
            svg.out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{colour}\" fill-opacity=\"0.8\" stroke=\"{PAPER}\" stroke-width=\"1.5\"/>"
        );
    } else {
        let s = r * 0.886; // same area as the circle
        let _ = write!(
            svg.out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\" fill-opacity=\"0.8\" stroke=\"{PAPER}\" stroke-width=\"1.5\"/>",
            x - s,
            y - s,
            2.0 * s,
            2.0 * s
        );
    }
    if super_app {
        let _ = write!(
            svg.out,
            "<circle {SUPER_APP_DOT} cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{PAPER}\"/>",
            (r * 0.38).max(1.8)
        );
    }
}

/// Cuts text to fit `max_width` at `size`, ending with an ellipsis when cut.
pub(super) fn fit(text: &str, size: f32, max_width: f32) -> String {
    super::text::fit(text, f64::from(size), f64::from(max_width))
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

#[cfg(test)]
mod tests;
