//! The radar as SVG: pillar spokes, 0-10 rings, one filled polygon per company, hollow markers
//! where a score has no evidence.

use std::f64::consts::TAU;
use std::fmt::Write;

use super::{Anchor, GRID, INK, MUTED, Svg, series_legend, wrap};
use crate::charts::{ChartKind, Radar};

/// How the radar's text is set: the export's, or a slide's, where the type must read from the
/// back of a room and the score table beside the chart gives the figures and the key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RadarText {
    /// Axis (pillar) labels, in the chart's units.
    pub axis: f64,
    /// Ring values (2, 4, 6...); none when `None`.
    pub rings: Option<f64>,
    /// The key of companies under the chart.
    pub legend: bool,
    /// How wide an axis label may run before it wraps, in ems of its size, and onto how many
    /// lines.
    pub wrap_ems: f64,
    pub wrap_lines: usize,
}

impl RadarText {
    /// Reports and exported charts.
    pub const EXPORT: Self = Self {
        axis: 13.0,
        rings: Some(12.0),
        legend: true,
        wrap_ems: 150.0 / 13.0,
        wrap_lines: 2,
    };

    /// A slide: axis labels at `axis`, wrapped narrow so the drawing keeps its room; no ring
    /// values and no key (the table beside has both).
    pub fn slide(axis: f64) -> Self {
        Self {
            axis: axis.max(Self::EXPORT.axis),
            rings: None,
            legend: false,
            wrap_ems: 6.5,
            wrap_lines: 3,
        }
    }
}

pub(super) fn radar_svg(radar: &Radar) -> Svg {
    radar_svg_with(radar, RadarText::EXPORT)
}

pub(super) fn radar_svg_with(radar: &Radar, text: RadarText) -> Svg {
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
        if let Some(size) = text.rings {
            svg.text(
                x,
                y,
                &format!("{ring:.0}"),
                size,
                Anchor::Middle,
                MUTED,
                false,
            );
        }
    }
    for (i, axis) in radar.axes.iter().enumerate() {
        let (x, y) = to_px(radar.point(i, radar.max));
        svg.line(cx, cy, x, y, GRID, 1.0);
        let (lx, ly) = to_px(radar.point(i, radar.max * 1.12));
        let anchor = Anchor::away_from(lx - cx);
        let size = text.axis;
        let step = size * 15.0 / 13.0;
        let lines = wrap(
            axis,
            size as f32,
            (size * text.wrap_ems) as f32,
            text.wrap_lines,
        );
        let top = if ly < cy - 1.0 {
            ly - step * (lines.len() as f64 - 1.0)
        } else {
            ly + size * 10.0 / 13.0
        };
        for (j, line) in lines.iter().enumerate() {
            svg.text(lx, top + step * j as f64, line, size, anchor, INK, false);
        }
    }
    for series in &radar.series {
        let pts: Vec<(f64, f64)> = radar.polygon(series).into_iter().map(to_px).collect();
        let hex = series.colour.hex();
        svg.polygon(&pts, &hex, 0.18, &hex);
        for (i, value) in series.values.iter().enumerate() {
            if let Some(v) = value {
                let (x, y) = to_px(radar.point(i, *v));
                let supported = series.supported.get(i).copied().unwrap_or(false);
                svg.marker(x, y, 5.0, &hex, supported);
            }
        }
    }
    if text.legend {
        svg.legend(w / 2.0, h - 24.0, &series_legend(&radar.series));
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::describe;
    use crate::charts::svg::{chart_svg, tests::twin};

    #[test]
    fn unsupported_scores_are_hollow() {
        let svg = chart_svg(&describe(&twin(), ChartKind::Radar, None));
        assert!(svg.contains("fill=\"#ffffff\" stroke=\"#0072b2\""), "{svg}");
        assert!(svg.contains("without evidence"));
    }
}
