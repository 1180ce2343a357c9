//! Grouped bars as SVG: one bar per company per pillar, value on top, hollow without evidence.

use super::{Anchor, INK, PAPER, Svg, series_legend, wrap};
use crate::charts::{Bars, ChartKind};

pub(super) fn bars_svg(bars: &Bars) -> Svg {
    let n = bars.categories.len().max(1);
    let w = (140.0 * n as f64 + 120.0).max(640.0);
    let h = 460.0;
    let (left, right, top, bottom) = (56.0, w - 24.0, 60.0, 340.0);
    let y_of = |v: f64| bottom - (v / bars.max.max(1.0)) * (bottom - top);
    let slot = (right - left) / n as f64;
    let x_of = |u: f64| left + (u + 0.5) * slot;
    let mut svg = Svg::new(w, h, ChartKind::Bars.title());
    let ticks = (0..)
        .map(|i| f64::from(i) * 2.0)
        .take_while(|t| *t <= bars.max + 1e-9);
    svg.y_grid((left, right), ticks, y_of);
    for (ci, category) in bars.categories.iter().enumerate() {
        for (si, series) in bars.series.iter().enumerate() {
            let Some(v) = series.values.get(ci).copied().flatten() else {
                continue;
            };
            let bw = bars.bar_width() * slot * 0.92;
            let x = x_of(bars.bar_x(ci, si)) - bw / 2.0;
            let hex = series.colour.hex();
            let supported = series.supported.get(ci).copied().unwrap_or(false);
            let fill = if supported { hex.as_str() } else { PAPER };
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
