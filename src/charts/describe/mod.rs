//! Charts described once: plain data with the geometry worked out (angles, polygons, bar slots,
//! map positions, timeline rows), from which `charts::egui` and `charts::svg` draw the same
//! picture. This file holds the kinds, the dispatch and the two colours a twin is drawn in; each
//! chart family is described in its own file.

mod history;
mod map;
mod scores;
mod timeline;

use crate::model::{SectorVocabulary, Twin};

pub use crate::tokens::Rgb;
pub use history::{History, HistoryPanel};
pub use map::{DiversificationMap, MapCluster, MapPoint, MapSector};
pub use scores::{BarSeries, Bars, Deltas, Radar, RadarSeries};
pub use timeline::{Timeline, TimelineEvent, TimelineLane};

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
    History,
}

impl ChartKind {
    pub const ALL: [ChartKind; 6] = [
        Self::Radar,
        Self::Bars,
        Self::Deltas,
        Self::Map,
        Self::Timeline,
        Self::History,
    ];

    /// The CLI and file-name key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Radar => "radar",
            Self::Bars => "bars",
            Self::Deltas => "deltas",
            Self::Map => "map",
            Self::Timeline => "timeline",
            Self::History => "history",
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
            Self::History => "Scores over time",
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
    History(History),
}

/// Describes one chart of a twin; `snapshot` picks a dated score set for the score charts.
pub fn describe(twin: &Twin, kind: ChartKind, snapshot: Option<&str>) -> Chart {
    match kind {
        ChartKind::Radar => Chart::Radar(Radar::new(twin, snapshot)),
        ChartKind::Bars => Chart::Bars(Bars::new(twin, snapshot)),
        ChartKind::Deltas => Chart::Deltas(Deltas::new(twin, snapshot)),
        ChartKind::Map => Chart::Map(DiversificationMap::new(twin, SectorVocabulary::bundled())),
        ChartKind::Timeline => Chart::Timeline(Timeline::new(twin, SectorVocabulary::bundled())),
        ChartKind::History => Chart::History(History::new(twin)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Side;

    pub(super) fn twin() -> Twin {
        crate::fixtures::twin("T")
            .companies("Amazon", "Alibaba")
            .score(Side::West, "base", 9.0)
            .score(Side::East, "base", 7.0)
            .entered(Side::West, "cloud", "AWS", 2006)
            .entered(Side::West, "grocery", "Whole Foods", 2017)
            .entered(Side::East, "cloud", "Aliyun", 2009)
            .entered(Side::East, "Pet care", "Custom", 2019)
            .build()
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
    fn chart_keys_round_trip() {
        for kind in ChartKind::ALL {
            assert_eq!(ChartKind::from_key(kind.key()), Some(kind));
        }
    }
}
