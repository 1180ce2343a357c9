//! Charts on a deck page, in the slide's theme: the timeline as the slide figure, the map laid
//! out for the slide's body, the radar fitted with readable labels.

use std::fmt::Write;

use super::{Area, Colours, MIN_CHART_TEXT, Page};
use crate::charts::Chart;
use crate::charts::map_layout::MapFrame;
use crate::charts::svg::{self, RadarText, SvgLabel, chart_svg_split};
use crate::charts::text;
use crate::present::figure::{self, Figure, Paint};
use crate::present::theme::{ProjectorTheme, projector_safe};

/// The radar's SVG canvas.
const RADAR_SIZE: (f64, f64) = (680.0, 600.0);

/// Chart text relative to the export's: what the live deck's chart scale gives on a slide.
const CHART_TEXT_SCALE: f64 = 1.35;

/// A chart in `area`, in the slide's theme, without the chart's own title (the slide has its
/// heading): the timeline as the slide's figure, the map laid out for the area with big type,
/// the radar fitted and centred with its labels no smaller than [`MIN_CHART_TEXT`].
pub(super) fn chart_in(page: &mut Page, chart: &Chart, area: Area) {
    let chart = projector_safe(chart, page.theme);
    if let Chart::Timeline(t) = &chart {
        return draw_figure(page, &figure::timeline(t, (area.x, area.y, area.w, area.h)));
    }
    let title = svg::chart_kind(&chart).title();
    let drawn = |(shapes, labels): (String, Vec<SvgLabel>)| {
        let size = view_box_size(&shapes)?;
        let labels: Vec<SvgLabel> = labels
            .into_iter()
            .filter(|l| !(l.text == title && l.y <= 40.0))
            .collect();
        Some((shapes, labels, size))
    };
    let laid = match &chart {
        Chart::Map(map) => {
            let k = CHART_TEXT_SCALE;
            let frame = MapFrame {
                width: area.w / k,
                height: area.h / k,
                text_scale: 1.0,
                top: 0.0,
                bottom: 64.0,
            };
            drawn(svg::map_svg_split(map, frame)).map(|(s, l, size)| {
                let scale = shrink_until(area, size, |scale| {
                    labels_inside(&l, centred(size, area, scale), area)
                });
                (s, l, centred(size, area, scale))
            })
        }
        // The radar's type is set for the scale it is drawn at, so its labels come out at the
        // least that reads from the back with their own line spacing; the table beside it gives
        // the figures and the key. Where the labels would leave the area, the radar is drawn
        // smaller (and its type set again) until they do not.
        Chart::Radar(radar) => {
            let at = |scale: f64| {
                drawn(svg::radar_svg_split(
                    radar,
                    RadarText::slide(MIN_CHART_TEXT / scale),
                ))
            };
            let scale = shrink_until(area, RADAR_SIZE, |scale| {
                at(scale)
                    .is_some_and(|(_, l, size)| labels_inside(&l, centred(size, area, scale), area))
            });
            at(scale).map(|(s, l, size)| (s, l, centred(size, area, scale)))
        }
        other => drawn(chart_svg_split(other)).map(|(s, l, size)| {
            let scale = shrink_until(area, size, |scale| {
                labels_inside(&l, centred(size, area, scale), area)
            });
            (s, l, centred(size, area, scale))
        }),
    };
    let Some((shapes, labels, (scale, dx, dy))) = laid else {
        return;
    };
    let shapes = recolour(&shapes, &chart, &page.colours, page.theme);
    let body = shapes
        .split_once("</title>")
        .map_or(shapes.as_str(), |(_, rest)| rest);
    let body = body.strip_suffix("</svg>").unwrap_or(body);
    let _ = write!(
        page.out,
        "<g transform=\"translate({dx:.1} {dy:.1}) scale({scale:.4})\">{body}</g>"
    );
    for label in &labels {
        chart_label(page, label, (dx, dy, scale));
    }
}

/// The scale for a chart of `size` in `area`: the largest that fills it, shrunk in 5% steps
/// (to 40% at most) until `fits` holds. Labels never shrink below [`MIN_CHART_TEXT`], so on a
/// small area the drawing shrinks instead, until they no longer run out of it (into a score
/// table beside it).
fn shrink_until(area: Area, size: (f64, f64), fits: impl Fn(f64) -> bool) -> f64 {
    let full = (area.w / size.0).min(area.h / size.1);
    let mut scale = full;
    while scale > full * 0.4 && !fits(scale) {
        scale *= 0.95;
    }
    scale
}

/// The scale and the offset that centre a chart of `(w, h)` drawn at `scale` in `area`.
fn centred((w, h): (f64, f64), area: Area, scale: f64) -> (f64, f64, f64) {
    (
        scale,
        area.x + (area.w - w * scale) / 2.0,
        area.y + (area.h - h * scale) / 2.0,
    )
}

/// Whether every label, drawn at `placed`, lies inside `area`.
fn labels_inside(labels: &[SvgLabel], placed: (f64, f64, f64), area: Area) -> bool {
    let (scale, dx, dy) = placed;
    labels.iter().all(|l| {
        let (left, right, top, bottom) = label_box(l, (dx, dy, scale));
        left >= area.x - 0.5
            && right <= area.x + area.w + 0.5
            && top >= area.y - 0.5
            && bottom <= area.y + area.h + 0.5
    })
}

/// Where a chart label is drawn on the page, as the project measures label boxes: left, right,
/// top, bottom.
fn label_box(label: &SvgLabel, (dx, dy, scale): (f64, f64, f64)) -> (f64, f64, f64, f64) {
    let size = (label.size * scale).max(MIN_CHART_TEXT);
    let [width, height] = text::label_box(&label.text, size);
    let x = dx + label.x * scale;
    let left = match label.anchor {
        svg::Anchor::Start => x,
        svg::Anchor::Middle => x - width / 2.0,
        svg::Anchor::End => x - width,
    };
    let top = dy + label.y * scale - text::baseline_offset(size);
    (left, left + width, top, top + height)
}

/// Shapes of a slide figure, in the theme.
fn draw_figure(page: &mut Page, fig: &Figure) {
    let paint = |page: &Page, p: Paint| match p {
        Paint::Tone(t) => page.colours.tone(t).to_owned(),
        Paint::Rule => page.colours.line.clone(),
    };
    for l in &fig.lines {
        let colour = paint(page, l.paint);
        let dash = if l.dashed {
            " stroke-dasharray=\"4 4\""
        } else {
            ""
        };
        let _ = write!(
            page.out,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" \
             stroke-width=\"{:.1}\"{dash}/>",
            l.from.0, l.from.1, l.to.0, l.to.1, l.width
        );
    }
    for d in &fig.dots {
        let colour = paint(page, d.paint);
        page.disc(d.centre.0, d.centre.1, d.radius, &colour, None);
    }
    for l in &fig.labels {
        let fill = page.colours.tone(l.tone).to_owned();
        let anchor = if l.centred { "middle" } else { "start" };
        page.line(l.x, l.top + l.size * 0.95, l.size, &fill, anchor, &l.text);
    }
}

fn chart_label(page: &mut Page, label: &SvgLabel, (dx, dy, scale): (f64, f64, f64)) {
    let size = (label.size * scale).max(MIN_CHART_TEXT);
    let anchor = match label.anchor {
        svg::Anchor::Start => "start",
        svg::Anchor::Middle => "middle",
        svg::Anchor::End => "end",
    };
    let fill = swap(&label.fill, &page.colours).to_owned();
    page.line(
        dx + label.x * scale,
        dy + label.y * scale,
        size,
        &fill,
        anchor,
        &label.text,
    );
}

/// A paper colour of the chart writer as the theme's role; other colours (brands) unchanged.
fn swap<'a>(paper: &'a str, colours: &'a Colours) -> &'a str {
    match paper {
        svg::INK => &colours.ink,
        svg::MUTED => &colours.muted,
        svg::GRID | svg::FAINT => &colours.line,
        svg::PAPER => &colours.background,
        other => other,
    }
}

/// The chart's shapes with the paper palette swapped for the theme's; on a dark slide the map's
/// shared-sector band is a dark tint instead of a pale one, so labels over it stay readable.
fn recolour(shapes: &str, chart: &Chart, colours: &Colours, theme: ProjectorTheme) -> String {
    let mut out = shapes.to_owned();
    for paper in [svg::INK, svg::MUTED, svg::GRID, svg::FAINT, svg::PAPER] {
        out = out.replace(
            &format!("\"{paper}\""),
            &format!("\"{}\"", swap(paper, colours)),
        );
    }
    // Paper became the slide's background; the super-app dot stays the light mark in a dark
    // marker it is on paper, so it takes the theme's ink there.
    if theme == ProjectorTheme::Dark {
        out = recolour_super_app_dots(&out, &colours.background, &colours.ink);
    }
    if let (Chart::Map(_), ProjectorTheme::Dark) = (chart, theme) {
        let pale = svg::SHARED_BAND.hex();
        let dark = crate::tokens::Look::ProjectorDark
            .tokens()
            .shared_band
            .hex();
        out = out.replace(&format!("\"{pale}\""), &format!("\"{dark}\""));
    }
    out
}

/// `shapes` with every super-app dot filled `to` instead of `from`.
fn recolour_super_app_dots(shapes: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(shapes.len());
    let mut rest = shapes;
    let (old, new) = (format!("fill=\"{from}\""), format!("fill=\"{to}\""));
    while let Some(i) = rest.find(svg::SUPER_APP_DOT) {
        let (before, after) = rest.split_at(i);
        out.push_str(before);
        let end = after.find("/>").map_or(after.len(), |e| e + 2);
        out.push_str(&after[..end].replacen(&old, &new, 1));
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Width and height from a `viewBox="0 0 W H"` attribute.
pub(super) fn view_box_size(svg: &str) -> Option<(f64, f64)> {
    let start = svg.find("viewBox=\"")? + "viewBox=\"".len();
    let rest = &svg[start..];
    let end = rest.find('"')?;
    let nums: Vec<f64> = rest[..end]
        .split_whitespace()
        .filter_map(|n| n.parse().ok())
        .collect();
    match nums.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((*w, *h)),
        _ => None,
    }
}
