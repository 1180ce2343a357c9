//! The diversification map: sectors grouped by cluster around a circle, moves placed on the ring
//! of their distance from the core business, shared sectors marked.

use std::f64::consts::TAU;

use super::{Rgb, side_colours};
use crate::analysis::sector_overlap;
use crate::model::{Distance, EntryMode, SectorVocabulary, Side, Twin};

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
    pub colours: [Rgb; 2],
    pub points: Vec<MapPoint>,
}

impl MapPoint {
    /// What a move is, in the words every renderer's hover shows: the sector, how it was
    /// entered, how far from the core business, its strength today.
    pub fn facts(&self) -> [String; 4] {
        [
            self.sector_name.clone(),
            self.mode.label().to_owned(),
            self.distance.label().to_owned(),
            format!("strength {:.1}", self.strength),
        ]
    }
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
            colours: side_colours(twin),
            points,
        }
    }

    /// The outermost ring radius, for framing the plot.
    pub fn outer_radius(&self) -> f64 {
        Distance::Distant.ring()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::describe::tests::twin;

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
}
