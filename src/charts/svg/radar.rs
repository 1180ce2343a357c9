//! The radar as SVG: pillar spokes, 0-10 rings, one filled polygon per company, hollow markers
//! where a score has no evidence.

use std::f64::consts::TAU;
use std::fmt::Write;

use super::{Anchor, GRID, INK, MUTED, Svg, series_legend, wrap};
use crate::charts::{ChartKind, Radar};

pub(super) fn radar_svg(radar: &Radar) -> Svg {
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
    svg.legend(w / 2.0, h - 24.0, &series_legend(&radar.series));
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
