use std::collections::BTreeMap;

use crate::model::{Distance, DiversificationMove, Side, Twin};

/// Which sectors both companies entered, and which only one did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SectorOverlap {
    /// Sector id -> (West units, East units), for sectors both entered.
    pub shared: BTreeMap<String, (Vec<String>, Vec<String>)>,
    pub west_only: BTreeMap<String, Vec<String>>,
    pub east_only: BTreeMap<String, Vec<String>>,
}

impl SectorOverlap {
    /// Whether the sector id is entered by both sides (highlighted on the map).
    pub fn is_shared(&self, sector: &str) -> bool {
        self.shared.contains_key(sector)
    }
}

fn units_by_sector(moves: &[DiversificationMove]) -> BTreeMap<String, Vec<String>> {
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in moves {
        map.entry(m.sector.clone())
            .or_default()
            .push(m.unit.clone());
    }
    map
}

/// Splits the sectors of both sides into shared, West-only and East-only.
pub fn sector_overlap(twin: &Twin) -> SectorOverlap {
    let west = units_by_sector(&twin.west.moves);
    let mut east = units_by_sector(&twin.east.moves);
    let mut overlap = SectorOverlap::default();
    for (sector, west_units) in west {
        match east.remove(&sector) {
            Some(east_units) => {
                overlap.shared.insert(sector, (west_units, east_units));
            }
            None => {
                overlap.west_only.insert(sector, west_units);
            }
        }
    }
    overlap.east_only = east;
    overlap
}

/// How many moves each side made at each distance from its core.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DistanceProfile {
    /// Indexed like [`Distance::ALL`]: core, adjacent, distant.
    pub west: [usize; 3],
    pub east: [usize; 3],
}

/// Counts moves per distance ring for both sides.
pub fn distance_profile(twin: &Twin) -> DistanceProfile {
    let count = |moves: &[DiversificationMove]| {
        let mut out = [0; 3];
        for m in moves {
            let i = Distance::ALL
                .iter()
                .position(|d| *d == m.distance)
                .unwrap_or(0);
            out[i] += 1;
        }
        out
    };
    DistanceProfile {
        west: count(&twin.west.moves),
        east: count(&twin.east.moves),
    }
}

/// Every move of both sides, oldest first (West before East within a year).
pub fn timeline(twin: &Twin) -> Vec<(Side, &DiversificationMove)> {
    let mut events: Vec<(Side, &DiversificationMove)> = Side::BOTH
        .iter()
        .flat_map(|&side| twin.side(side).moves.iter().map(move |m| (side, m)))
        .collect();
    events.sort_by_key(|(side, m)| (m.year, *side == Side::East));
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn twin() -> Twin {
        crate::fixtures::twin("T")
            .entered_at(Side::West, "cloud", "AWS", 2006, Distance::Adjacent)
            .entered_at(
                Side::West,
                "grocery",
                "Whole Foods",
                2017,
                Distance::Adjacent,
            )
            .entered_at(
                Side::West,
                "healthcare",
                "PillPack",
                2018,
                Distance::Distant,
            )
            .entered_at(Side::East, "cloud", "Aliyun", 2009, Distance::Adjacent)
            .entered_at(Side::East, "logistics", "Cainiao", 2013, Distance::Core)
            .build()
    }

    #[test]
    fn overlap_splits_sectors() {
        let o = sector_overlap(&twin());
        assert_eq!(
            o.shared.get("cloud"),
            Some(&(vec!["AWS".to_string()], vec!["Aliyun".to_string()]))
        );
        assert_eq!(
            o.west_only.keys().collect::<Vec<_>>(),
            ["grocery", "healthcare"]
        );
        assert_eq!(o.east_only.keys().collect::<Vec<_>>(), ["logistics"]);
        assert!(o.is_shared("cloud") && !o.is_shared("grocery"));
    }

    #[test]
    fn distance_counts() {
        let p = distance_profile(&twin());
        assert_eq!(p.west, [0, 2, 1]);
        assert_eq!(p.east, [1, 1, 0]);
    }

    #[test]
    fn timeline_is_sorted_by_year() {
        let t = twin();
        let years: Vec<i32> = timeline(&t).iter().map(|(_, m)| m.year).collect();
        assert_eq!(years, [2006, 2009, 2013, 2017, 2018]);
    }
}
