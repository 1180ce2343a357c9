use crate::model::{Side, Twin};

/// One pillar with both sides' scores and the gap between them.
#[derive(Debug, Clone, PartialEq)]
pub struct PillarComparison {
    pub pillar_id: String,
    pub pillar_name: String,
    pub west: Option<f64>,
    pub east: Option<f64>,
    /// Whether each side's score has evidence.
    pub west_supported: bool,
    pub east_supported: bool,
}

impl PillarComparison {
    /// West minus East; `None` unless both sides are scored.
    pub fn delta(&self) -> Option<f64> {
        Some(crate::model::Score::round_value(self.west? - self.east?))
    }
}

/// Every pillar of the framework, in framework order.
pub fn compare_pillars(twin: &Twin) -> Vec<PillarComparison> {
    twin.framework
        .pillars
        .iter()
        .map(|p| {
            let west = twin.score(Side::West, &p.id);
            let east = twin.score(Side::East, &p.id);
            PillarComparison {
                pillar_id: p.id.clone(),
                pillar_name: p.name.clone(),
                west: west.map(|s| s.value),
                east: east.map(|s| s.value),
                west_supported: west.is_some_and(|s| s.is_supported()),
                east_supported: east.is_some_and(|s| s.is_supported()),
            }
        })
        .collect()
}

/// The pillars as they stood at a snapshot (by label); `None` label means today's scores.
pub fn pillar_at_snapshot(twin: &Twin, label: Option<&str>) -> Vec<PillarComparison> {
    let mut rows = compare_pillars(twin);
    if let Some(snapshot) = label.and_then(|l| twin.snapshots.iter().find(|s| s.label == l)) {
        for row in &mut rows {
            row.west = snapshot.west.get(&row.pillar_id).copied();
            row.east = snapshot.east.get(&row.pillar_id).copied();
        }
    }
    rows
}

/// Weighted mean of a side's scored pillars (0-10); `None` if nothing is scored or weights are 0.
pub fn weighted_total(twin: &Twin, side: Side) -> Option<f64> {
    super::weighted_total_with(twin, side, &super::WhatIf::default())
}

/// [`weighted_total`] at a snapshot (by label; `None` is today), so the totals shown next to a
/// snapshot's charts are that snapshot's totals.
pub fn weighted_total_at(twin: &Twin, side: Side, snapshot: Option<&str>) -> Option<f64> {
    if snapshot.is_none() {
        return weighted_total(twin, side);
    }
    let rows = pillar_at_snapshot(twin, snapshot);
    let (sum, weights) = twin
        .framework
        .pillars
        .iter()
        .zip(&rows)
        .filter_map(|(p, row)| {
            let value = if side == Side::West {
                row.west
            } else {
                row.east
            };
            value.map(|v| (v * p.weight, p.weight))
        })
        .fold((0.0, 0.0), |(s, w), (v, pw)| (s + v, w + pw));
    (weights > 0.0).then(|| crate::model::Score::round_value(sum / weights))
}

/// The pillar where the two sides differ most and the one where they are closest.
pub fn extremes(rows: &[PillarComparison]) -> Option<(&PillarComparison, &PillarComparison)> {
    let scored = || rows.iter().filter(|r| r.delta().is_some());
    let key = |r: &&PillarComparison| r.delta().map_or(0.0, f64::abs);
    let widest = scored().max_by(|a, b| key(a).total_cmp(&key(b)))?;
    let closest = scored().min_by(|a, b| key(a).total_cmp(&key(b)))?;
    Some((widest, closest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn twin() -> Twin {
        crate::fixtures::twin("T")
            .score(Side::West, "base", 9.0)
            .backed(Side::East, "base", 7.5, "")
            .score(Side::West, "save_the_world", 6.0)
            .score(Side::East, "save_the_world", 8.0)
            .build()
    }

    #[test]
    fn deltas_follow_framework_order_and_need_both_sides() {
        let rows = compare_pillars(&twin());
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].delta(), Some(1.5));
        assert!(!rows[0].west_supported && rows[0].east_supported);
        assert_eq!(rows[1].delta(), None);
        assert_eq!(rows[3].delta(), Some(-2.0));
    }

    #[test]
    fn snapshot_totals_follow_the_snapshot() {
        let mut t = twin();
        let mut snap = crate::model::Snapshot {
            label: "2018".into(),
            ..Default::default()
        };
        snap.west.insert("base".into(), 4.0);
        snap.west.insert("save_the_world".into(), 2.0);
        t.snapshots.push(snap);
        assert_eq!(
            weighted_total_at(&t, Side::West, None),
            weighted_total(&t, Side::West)
        );
        assert_eq!(weighted_total_at(&t, Side::West, Some("2018")), Some(3.0));
        assert_eq!(weighted_total_at(&t, Side::East, Some("2018")), None);
        assert_eq!(
            weighted_total_at(&t, Side::West, Some("no such snapshot")),
            weighted_total(&t, Side::West)
        );
    }

    #[test]
    fn weighted_total_uses_weights() {
        let mut t = twin();
        assert_eq!(weighted_total(&t, Side::West), Some(7.5));
        t.framework.pillars[0].weight = 3.0;
        assert_eq!(weighted_total(&t, Side::West), Some(8.3)); // (27 + 6) / 4 = 8.25 -> 8.3
        assert_eq!(weighted_total(&Twin::new_blank("x", "X"), Side::East), None);
    }

    #[test]
    fn extremes_pick_widest_and_closest_gap() {
        let t = twin();
        let rows = compare_pillars(&t);
        let (widest, closest) = extremes(&rows).expect("scored pillars");
        assert_eq!(widest.pillar_id, "save_the_world");
        assert_eq!(closest.pillar_id, "base");
    }

    #[test]
    fn snapshot_replaces_values() {
        let mut t = twin();
        t.snapshots.push(crate::model::Snapshot {
            label: "2018".into(),
            as_of: None,
            west: [("base".to_string(), 6.0)].into(),
            east: Default::default(),
            note: String::new(),
        });
        let rows = pillar_at_snapshot(&t, Some("2018"));
        assert_eq!(rows[0].west, Some(6.0));
        assert_eq!(rows[0].east, None);
        assert_eq!(pillar_at_snapshot(&t, None)[0].west, Some(9.0));
    }
}
