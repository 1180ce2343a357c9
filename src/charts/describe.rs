use std::f64::consts::TAU;

use crate::analysis::{pillar_at_snapshot, sector_overlap};
use crate::model::{Distance, EntryMode, SectorVocabulary, Side, Twin};

pub use crate::tokens::Rgb;

/// Relative luminance (0 black to 1 white), sRGB approximated by a 2.2 gamma: near-black and
/// near-white brands vanish on one of the two themes.
fn readable_on_both_themes(c: Rgb) -> bool {
    let lin = |v: u8| (f64::from(v) / 255.0).powf(2.2);
    (0.02..=0.75).contains(&(0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)))
}

/// Perceived distance, used to keep the two companies apart when brands clash.
fn distance(a: Rgb, b: Rgb) -> f64 {
    let d = |x: u8, y: u8| (f64::from(x) - f64::from(y)).powi(2);
    (d(a.0, b.0) * 0.3 + d(a.1, b.1) * 0.59 + d(a.2, b.2) * 0.11).sqrt()
}

/// The two colours a twin is drawn in: its brand colours, unless they are too close to tell apart.
pub fn side_colours(twin: &Twin) -> [Rgb; 2] {
    let west = Rgb::from_hex(&twin.west.brand_color).unwrap_or(Rgb::WEST_DEFAULT);
    let east = Rgb::from_hex(&twin.east.brand_color).unwrap_or(Rgb::EAST_DEFAULT);
    if distance(west, east) < 60.0
        || !readable_on_both_themes(west)
        || !readable_on_both_themes(east)
    {
        [Rgb::WEST_DEFAULT, Rgb::EAST_DEFAULT]
    } else {
        [west, east]
    }
}

/// Which chart; also the `--chart` value of the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Radar,
    Bars,
    Deltas,
    Map,
    Timeline,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] = [
        Self::Radar,
        Self::Bars,
        Self::Deltas,
        Self::Map,
        Self::Timeline,
    ];

    /// The CLI and file-name key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Radar => "radar",
            Self::Bars => "bars",
            Self::Deltas => "deltas",
            Self::Map => "map",
            Self::Timeline => "timeline",
        }
    }

    pub fn from_key(key: &str) -> Option<ChartKind> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The human title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Radar => "Pillar radar",
            Self::Bars => "Pillar scores",
            Self::Deltas => "Pillar gaps",
            Self::Map => "Diversification map",
            Self::Timeline => "Diversification timeline",
        }
    }
}

/// Any chart description.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    Radar(Radar),
    Bars(Bars),
    Deltas(Deltas),
    Map(DiversificationMap),
    Timeline(Timeline),
}

/// Describes one chart of a twin; `snapshot` picks a dated score set for the score charts.
pub fn describe(twin: &Twin, kind: ChartKind, snapshot: Option<&str>) -> Chart {
    match kind {
        ChartKind::Radar => Chart::Radar(Radar::new(twin, snapshot)),
        ChartKind::Bars => Chart::Bars(Bars::new(twin, snapshot)),
        ChartKind::Deltas => Chart::Deltas(Deltas::new(twin, snapshot)),
        ChartKind::Map => Chart::Map(DiversificationMap::new(twin, SectorVocabulary::bundled())),
        ChartKind::Timeline => Chart::Timeline(Timeline::new(twin, SectorVocabulary::bundled())),
    }
}

/// One company on a score chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RadarSeries {
    pub label: String,
    pub color: Rgb,
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
        .map(|(&side, color)| RadarSeries {
            label: twin.side(side).name.clone(),
            color,
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
    pub west_color: Rgb,
    pub east_color: Rgb,
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
        let [west_color, east_color] = side_colours(twin);
        Self {
            categories: rows.iter().map(|r| r.pillar_name.clone()).collect(),
            values,
            west_label: format!("{} leads", twin.west.name),
            east_label: format!("{} leads", twin.east.name),
            west_color,
            east_color,
            extent,
        }
    }

    /// The colour of a delta bar: the leading company's.
    pub fn color_of(&self, value: f64) -> Rgb {
        if value >= 0.0 {
            self.west_color
        } else {
            self.east_color
        }
    }
}

/// A cluster's arc on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapCluster {
    pub name: String,
    /// Radians, clockwise from up, like the radar.
    pub start: f64,
    pub end: f64,
}

/// A sector spoke on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSector {
    pub id: String,
    pub name: String,
    pub angle: f64,
    /// Entered by both companies: drawn highlighted.
    pub shared: bool,
}

/// One diversification move placed on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    pub side: Side,
    pub x: f64,
    pub y: f64,
    /// Marker size driver, 0-10.
    pub strength: f64,
    pub unit: String,
    pub sector_name: String,
    pub year: i32,
    pub mode: EntryMode,
    pub distance: Distance,
    pub in_super_app: bool,
    pub shared: bool,
}

/// Angle = sector (grouped into clusters), radius = distance from core, size = strength.
#[derive(Debug, Clone, PartialEq)]
pub struct DiversificationMap {
    pub clusters: Vec<MapCluster>,
    pub sectors: Vec<MapSector>,
    /// Ring radii with their labels: core, adjacent, distant.
    pub rings: Vec<(f64, &'static str)>,
    pub labels: [String; 2],
    pub colors: [Rgb; 2],
    pub points: Vec<MapPoint>,
}

impl DiversificationMap {
    pub fn new(twin: &Twin, vocab: &SectorVocabulary) -> Self {
        let overlap = sector_overlap(twin);
        let used = |id: &str| {
            twin.west.moves.iter().any(|m| m.sector == id)
                || twin.east.moves.iter().any(|m| m.sector == id)
        };
        // Sectors in vocabulary order, grouped by cluster; custom sectors form a last cluster.
        let mut groups: Vec<(String, Vec<(String, String)>)> = vocab
            .clusters
            .iter()
            .map(|c| {
                let sectors = c
                    .sectors
                    .iter()
                    .filter(|s| used(&s.id))
                    .map(|s| (s.id.clone(), s.name.clone()))
                    .collect();
                (c.name.clone(), sectors)
            })
            .collect();
        let mut custom: Vec<(String, String)> = Vec::new();
        for m in twin.west.moves.iter().chain(&twin.east.moves) {
            if vocab.find(&m.sector).is_none() && !custom.iter().any(|(id, _)| *id == m.sector) {
                custom.push((m.sector.clone(), m.sector.clone()));
            }
        }
        groups.push(("Other".to_owned(), custom));
        groups.retain(|(_, s)| !s.is_empty());

        // One slot per sector plus one empty slot between clusters.
        let slots = groups.iter().map(|(_, s)| s.len()).sum::<usize>() + groups.len();
        let slot = TAU / slots.max(1) as f64;
        let mut clusters = Vec::new();
        let mut sectors = Vec::new();
        let mut at = 0usize;
        for (name, members) in groups {
            let start = at as f64 * slot;
            for (id, sector_name) in members {
                sectors.push(MapSector {
                    shared: overlap.is_shared(&id),
                    angle: (at as f64 + 0.5) * slot,
                    id,
                    name: sector_name,
                });
                at += 1;
            }
            clusters.push(MapCluster {
                name,
                start,
                end: at as f64 * slot,
            });
            at += 1;
        }

        let mut points = Vec::new();
        for (side_index, side) in Side::BOTH.into_iter().enumerate() {
            // West leans counter-clockwise within a sector's slot, East clockwise.
            let lean = if side_index == 0 { -1.0 } else { 1.0 };
            let moves = &twin.side(side).moves;
            for (i, m) in moves.iter().enumerate() {
                let Some(sector) = sectors.iter().find(|s| s.id == m.sector) else {
                    continue;
                };
                // Several moves of one side in one sector and ring fan out along the ring.
                let same_before = moves[..i]
                    .iter()
                    .filter(|o| o.sector == m.sector && o.distance == m.distance)
                    .count();
                let offset = lean * slot * (0.18 + 0.12 * same_before as f64);
                let angle = sector.angle + offset.clamp(-0.45 * slot, 0.45 * slot);
                let r = m.distance.ring();
                points.push(MapPoint {
                    side,
                    x: r * angle.sin(),
                    y: r * angle.cos(),
                    strength: m.strength,
                    unit: m.unit.clone(),
                    sector_name: sector.name.clone(),
                    year: m.year,
                    mode: m.mode,
                    distance: m.distance,
                    in_super_app: m.in_super_app,
                    shared: sector.shared,
                });
            }
        }
        Self {
            clusters,
            sectors,
            rings: Distance::ALL
                .iter()
                .map(|d| (d.ring(), d.label()))
                .collect(),
            labels: [twin.west.name.clone(), twin.east.name.clone()],
            colors: side_colours(twin),
            points,
        }
    }

    /// The outermost ring radius, for framing the plot.
    pub fn outer_radius(&self) -> f64 {
        Distance::Distant.ring()
    }
}

/// One move on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEvent {
    pub year: i32,
    pub unit: String,
    pub sector_name: String,
    pub mode: EntryMode,
    /// Stacking row within the lane (0 nearest the axis), so same-year moves do not overlap.
    pub row: usize,
}

/// One company's lane.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLane {
    pub label: String,
    pub color: Rgb,
    pub events: Vec<TimelineEvent>,
}

/// Moves by year in two lanes, West above, East below.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub first_year: i32,
    pub last_year: i32,
    pub lanes: Vec<TimelineLane>,
}

impl Timeline {
    /// Years closer than this share a stacking column, so labels do not collide.
    const CROWD_YEARS: i32 = 2;

    pub fn new(twin: &Twin, vocab: &SectorVocabulary) -> Self {
        let colours = side_colours(twin);
        let lanes: Vec<TimelineLane> = Side::BOTH
            .iter()
            .zip(colours)
            .map(|(&side, color)| {
                let mut moves: Vec<_> = twin.side(side).moves.iter().collect();
                moves.sort_by_key(|m| m.year);
                let mut events: Vec<TimelineEvent> = Vec::new();
                for m in moves {
                    let row = events
                        .iter()
                        .filter(|e| (m.year - e.year).abs() < Self::CROWD_YEARS)
                        .map(|e| e.row + 1)
                        .max()
                        .unwrap_or(0);
                    events.push(TimelineEvent {
                        year: m.year,
                        unit: m.unit.clone(),
                        sector_name: vocab.display_name(&m.sector).to_owned(),
                        mode: m.mode,
                        row,
                    });
                }
                TimelineLane {
                    label: twin.side(side).name.clone(),
                    color,
                    events,
                }
            })
            .collect();
        let years = || lanes.iter().flat_map(|l| l.events.iter().map(|e| e.year));
        let first = years().min().unwrap_or(2000);
        let last = years().max().unwrap_or(first).max(first + 1);
        Self {
            first_year: first,
            last_year: last,
            lanes,
        }
    }

    /// The deepest stacking row in any lane, for sizing the chart.
    pub fn max_row(&self) -> usize {
        self.lanes
            .iter()
            .flat_map(|l| l.events.iter().map(|e| e.row))
            .max()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DiversificationMove, Score};

    fn twin() -> Twin {
        let mut t = Twin::new_blank("t", "T");
        t.west.name = "Amazon".into();
        t.east.name = "Alibaba".into();
        t.west.scores.insert("base".into(), Score::unsupported(9.0));
        t.east.scores.insert("base".into(), Score::unsupported(7.0));
        for (side, sector, unit, year) in [
            (Side::West, "cloud", "AWS", 2006),
            (Side::West, "grocery", "Whole Foods", 2017),
            (Side::East, "cloud", "Aliyun", 2009),
            (Side::East, "Pet care", "Custom", 2019),
        ] {
            let mut m = DiversificationMove::new(year);
            m.sector = sector.into();
            m.unit = unit.into();
            t.side_mut(side).moves.push(m);
        }
        t
    }

    #[test]
    fn hex_round_trip_and_clash_fallback() {
        assert_eq!(Rgb::from_hex("#FF9900"), Some(Rgb(255, 153, 0)));
        assert_eq!(Rgb(255, 153, 0).hex(), "#ff9900");
        assert_eq!(Rgb::from_hex("FF9900"), None);
        let mut t = twin();
        t.west.brand_color = "#FF9900".into();
        t.east.brand_color = "#FF6A00".into();
        assert_eq!(side_colours(&t), [Rgb::WEST_DEFAULT, Rgb::EAST_DEFAULT]);
        t.east.brand_color = "#1A73E8".into();
        assert_eq!(side_colours(&t), [Rgb(255, 153, 0), Rgb(0x1a, 0x73, 0xe8)]);
        t.west.brand_color = "#000000".into();
        assert_eq!(side_colours(&t), [Rgb::WEST_DEFAULT, Rgb::EAST_DEFAULT]);
    }

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
        assert_eq!(d.color_of(2.0), d.west_color);
        assert_eq!(d.color_of(-1.0), d.east_color);
        assert_eq!(d.extent, 2.0);
    }

    #[test]
    fn map_places_used_sectors_and_highlights_shared_ones() {
        let map = DiversificationMap::new(&twin(), SectorVocabulary::bundled());
        let ids: Vec<&str> = map.sectors.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["grocery", "cloud", "Pet care"]);
        assert!(
            map.sectors
                .iter()
                .find(|s| s.id == "cloud")
                .is_some_and(|s| s.shared)
        );
        assert_eq!(map.points.len(), 4);
        let cloud: Vec<&MapPoint> = map
            .points
            .iter()
            .filter(|p| p.unit == "AWS" || p.unit == "Aliyun")
            .collect();
        assert!(cloud.iter().all(|p| p.shared));
        for p in &map.points {
            let r = (p.x * p.x + p.y * p.y).sqrt();
            assert!(
                (r - p.distance.ring()).abs() < 1e-9,
                "radius is the distance ring"
            );
        }
        assert_eq!(map.clusters.last().map(|c| c.name.as_str()), Some("Other"));
    }

    #[test]
    fn timeline_lanes_and_stacking() {
        let mut t = twin();
        let mut m = DiversificationMove::new(2006);
        m.unit = "Second".into();
        t.west.moves.push(m);
        let tl = Timeline::new(&t, SectorVocabulary::bundled());
        assert_eq!(tl.first_year, 2006);
        assert_eq!(tl.last_year, 2019);
        let west = &tl.lanes[0];
        assert_eq!(
            west.events.iter().map(|e| e.row).collect::<Vec<_>>(),
            [0, 1, 0]
        );
        assert_eq!(tl.max_row(), 1);
    }

    #[test]
    fn chart_keys_round_trip() {
        for kind in ChartKind::ALL {
            assert_eq!(ChartKind::from_key(kind.key()), Some(kind));
        }
    }
}
