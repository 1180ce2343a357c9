//! The score charts: the radar, grouped bars and pillar gaps, from today's scores or a snapshot.

use std::f64::consts::TAU;

use super::{Rgb, side_colours};
use crate::analysis::pillar_at_snapshot;
use crate::model::{Side, Twin};

/// One company on a score chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    pub colour: Rgb,
    /// Per axis; `None` where the pillar is not scored (drawn at the centre).
    pub values: Vec<Option<f64>>,
    /// Per axis: whether the score has evidence (unsupported points are marked).
    pub supported: Vec<bool>,
}

/// All pillars as spokes, 0-10 rings, both companies overlaid as polygons.
#[derive(Debug, Clone, PartialEq)]
pub struct Radar {
    pub axes: Vec<String>,
    pub max: f64,
    pub rings: Vec<f64>,
    pub series: Vec<RadarSeries>,
}

/// Both companies' series in framework order, from today's scores or a snapshot.
fn score_series(twin: &Twin, snapshot: Option<&str>) -> (Vec<String>, Vec<RadarSeries>) {
    let rows = pillar_at_snapshot(twin, snapshot);
    let colours = side_colours(twin);
    let axes = rows.iter().map(|r| r.pillar_name.clone()).collect();
    let series = Side::BOTH
        .iter()
        .zip(colours)
        .map(|(&side, colour)| RadarSeries {
            label: twin.side(side).name.clone(),
            colour,
            values: rows
                .iter()
                .map(|r| if side == Side::West { r.west } else { r.east })
                .collect(),
            supported: rows
                .iter()
                .map(|r| {
                    if side == Side::West {
                        r.west_supported
                    } else {
                        r.east_supported
                    }
                })
                .collect(),
        })
        .collect();
    (axes, series)
}

impl Radar {
    pub fn new(twin: &Twin, snapshot: Option<&str>) -> Self {
        let (axes, series) = score_series(twin, snapshot);
        Self {
            axes,
            max: 10.0,
            rings: vec![2.0, 4.0, 6.0, 8.0, 10.0],
            series,
        }
    }

    /// Angle of spoke `i` in radians: the first spoke points up, then clockwise.
    pub fn angle(&self, i: usize) -> f64 {
        let n = self.axes.len().max(1) as f64;
        TAU * i as f64 / n
    }

    /// Where a value sits on spoke `i`, in plot units (the outer ring has radius `max`).
    pub fn point(&self, i: usize, value: f64) -> [f64; 2] {
        let a = self.angle(i);
        [value * a.sin(), value * a.cos()]
    }

    /// The closed polygon of a series (missing values at the centre), first point not repeated.
    pub fn polygon(&self, series: &RadarSeries) -> Vec<[f64; 2]> {
        series
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| self.point(i, v.unwrap_or(0.0)))
            .collect()
    }
}

/// Pillars as groups of bars, one bar per company.
#[derive(Debug, Clone, PartialEq)]
pub struct Bars {
    pub categories: Vec<String>,
    pub max: f64,
    pub series: Vec<BarSeries>,
}

/// Alias: bar series carry the same data as radar series.
pub type BarSeries = RadarSeries;

impl Bars {
    pub fn new(twin: &Twin, snapshot: Option<&str>) -> Self {
        let (categories, series) = score_series(twin, snapshot);
        Self {
            categories,
            max: 10.0,
            series,
        }
    }

    /// Centre x of the bar of `series` in `category`: groups at 0, 1, 2..., bars side by side.
    pub fn bar_x(&self, category: usize, series: usize) -> f64 {
        let n = self.series.len().max(1) as f64;
        category as f64 + (series as f64 - (n - 1.0) / 2.0) * self.bar_width()
    }

    /// Bar width in category units, leaving a gap between groups.
    pub fn bar_width(&self) -> f64 {
        0.8 / self.series.len().max(1) as f64
    }
}

/// West minus East per pillar: positive means the Western company leads.
#[derive(Debug, Clone, PartialEq)]
pub struct Deltas {
    pub categories: Vec<String>,
    pub values: Vec<Option<f64>>,
    pub west_label: String,
    pub east_label: String,
    pub west_colour: Rgb,
    pub east_colour: Rgb,
    /// Symmetric half-range of the axis (at least 2, so small gaps are not blown up).
    pub extent: f64,
}

impl Deltas {
    pub fn new(twin: &Twin, snapshot: Option<&str>) -> Self {
        let rows = pillar_at_snapshot(twin, snapshot);
        let values: Vec<Option<f64>> = rows.iter().map(|r| r.delta()).collect();
        let extent = values
            .iter()
            .flatten()
            .fold(2.0_f64, |m, v| m.max(v.abs().ceil()));
        let [west_colour, east_colour] = side_colours(twin);
        Self {
            categories: rows.iter().map(|r| r.pillar_name.clone()).collect(),
            values,
            west_label: format!("{} leads", twin.west.name),
            east_label: format!("{} leads", twin.east.name),
            west_colour,
            east_colour,
            extent,
        }
    }

    /// The colour of a delta bar: the leading company's.
    pub fn colour_of(&self, value: f64) -> Rgb {
        if value >= 0.0 {
            self.west_colour
        } else {
            self.east_colour
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::describe::tests::twin;

    #[test]
    fn radar_geometry() {
        let radar = Radar::new(&twin(), None);
        assert_eq!(radar.axes.len(), 4);
        let p = radar.point(0, 10.0);
        assert!(
            (p[0]).abs() < 1e-9 && (p[1] - 10.0).abs() < 1e-9,
            "first spoke up"
        );
        let p = radar.point(1, 5.0);
        assert!(
            (p[0] - 5.0).abs() < 1e-9 && p[1].abs() < 1e-9,
            "second spoke right"
        );
        let poly = radar.polygon(&radar.series[0]);
        assert_eq!(poly.len(), 4);
        assert_eq!(radar.series[0].values[0], Some(9.0));
        assert_eq!(radar.series[0].values[1], None);
    }

    #[test]
    fn bars_are_centred_on_their_category() {
        let bars = Bars::new(&twin(), None);
        let mid = (bars.bar_x(2, 0) + bars.bar_x(2, 1)) / 2.0;
        assert!((mid - 2.0).abs() < 1e-9);
        assert!(bars.bar_x(2, 0) < bars.bar_x(2, 1));
    }

    #[test]
    fn deltas_colour_the_leader() {
        let d = Deltas::new(&twin(), None);
        assert_eq!(d.values[0], Some(2.0));
        assert_eq!(d.colour_of(2.0), d.west_colour);
        assert_eq!(d.colour_of(-1.0), d.east_colour);
        assert_eq!(d.extent, 2.0);
    }
}
