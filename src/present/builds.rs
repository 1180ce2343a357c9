//! Build steps: a slide that tells its story over several clicks. The radar travels through the
//! twin's dated snapshots to today, the timeline reveals moves year by year, the map shows one
//! company, then the other, then the sectors they share. Pure functions of the twin and the step,
//! applied to the chart descriptions, so every renderer shows the same step.

use crate::charts::{DiversificationMap, Timeline};
use crate::model::{Side, Twin};

/// Slide keys that can build, with whether they do when the twin says nothing.
pub const BUILDABLE: [(&str, bool); 3] = [("radar", true), ("timeline", false), ("map", false)];

/// Steps of the map build: West alone, both companies, shared sectors highlighted.
pub const MAP_STEPS: usize = 3;

/// Whether the slide `key` builds for this twin: its `deck.builds` entry, else the default.
pub fn builds_on(twin: &Twin, key: &str) -> bool {
    let default = BUILDABLE
        .iter()
        .find(|(k, _)| *k == key)
        .is_some_and(|(_, on)| *on);
    twin.deck.builds.get(key).copied().unwrap_or(default)
        && BUILDABLE.iter().any(|(k, _)| *k == key)
}

/// How many clicks the slide `key` takes (1 for a slide shown at once).
pub fn step_count(twin: &Twin, key: &str) -> usize {
    if !builds_on(twin, key) {
        return 1;
    }
    match key {
        "radar" => radar_stops(twin).len(),
        "timeline" => timeline_years(twin).len().max(1),
        "map" => MAP_STEPS,
        _ => 1,
    }
}

/// One stop of the radar's time travel: a snapshot label, or `None` for today's scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RadarStop {
    pub snapshot: Option<String>,
    /// What the slide shows large: the snapshot's label, or "Today".
    pub label: String,
}

impl RadarStop {
    /// Today's scores.
    pub fn today() -> Self {
        RadarStop {
            snapshot: None,
            label: "Today".to_owned(),
        }
    }
}

/// The radar's stops in the order the clicker visits them: snapshots in file order, then today.
/// Without snapshots there is only today.
pub fn radar_stops(twin: &Twin) -> Vec<RadarStop> {
    let mut stops: Vec<RadarStop> = if builds_on(twin, "radar") {
        twin.snapshots
            .iter()
            .map(|s| RadarStop {
                snapshot: Some(s.label.clone()),
                label: s.label.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    stops.push(RadarStop::today());
    stops
}

/// The distinct years with a move, oldest first: one timeline step each.
pub fn timeline_years(twin: &Twin) -> Vec<i32> {
    let mut years: Vec<i32> = Side::BOTH
        .iter()
        .flat_map(|&s| twin.side(s).moves.iter().map(|m| m.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The timeline at `step`: moves up to that step's year; the axis keeps its full span so nothing
/// jumps as years appear.
pub fn timeline_at(mut timeline: Timeline, years: &[i32], step: usize) -> Timeline {
    let Some(&until) = years.get(step) else {
        return timeline;
    };
    for lane in &mut timeline.lanes {
        lane.events.retain(|e| e.year <= until);
    }
    timeline
}

/// The map at `step`: West's moves, then East's too, then the shared sectors highlighted.
pub fn map_at(mut map: DiversificationMap, step: usize) -> DiversificationMap {
    if step == 0 {
        map.points.retain(|p| p.side == Side::West);
    }
    if step + 1 < MAP_STEPS {
        for sector in &mut map.sectors {
            sector.shared = false;
        }
        for point in &mut map.points {
            point.shared = false;
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartKind, describe};
    use crate::model::Snapshot;

    fn twin() -> Twin {
        crate::fixtures::twin("T")
            .entered(Side::West, "cloud_computing", "cloud_computing 2006", 2006)
            .entered(
                Side::West,
                "grocery_fresh_food",
                "grocery_fresh_food 2017",
                2017,
            )
            .entered(Side::East, "cloud_computing", "cloud_computing 2009", 2009)
            .entered(
                Side::East,
                "grocery_fresh_food",
                "grocery_fresh_food 2017",
                2017,
            )
            .build()
    }

    #[test]
    fn radar_travels_only_when_there_are_snapshots_and_it_is_on() {
        let mut t = twin();
        assert_eq!(step_count(&t, "radar"), 1);
        for label in ["2018", "2021"] {
            t.snapshots.push(Snapshot {
                label: label.into(),
                ..Snapshot::default()
            });
        }
        let labels: Vec<String> = radar_stops(&t).into_iter().map(|s| s.label).collect();
        assert_eq!(labels, ["2018", "2021", "Today"]);
        assert_eq!(step_count(&t, "radar"), 3);
        t.deck.builds.insert("radar".into(), false);
        assert_eq!(step_count(&t, "radar"), 1);
        assert_eq!(radar_stops(&t).len(), 1);
    }

    #[test]
    fn builds_are_off_unless_the_twin_turns_them_on() {
        let mut t = twin();
        assert_eq!(step_count(&t, "timeline"), 1);
        assert_eq!(step_count(&t, "map"), 1);
        t.deck.builds.insert("timeline".into(), true);
        t.deck.builds.insert("map".into(), true);
        t.deck.builds.insert("lessons".into(), true);
        assert_eq!(step_count(&t, "timeline"), 3, "2006, 2009, 2017");
        assert_eq!(step_count(&t, "map"), MAP_STEPS);
        assert_eq!(step_count(&t, "lessons"), 1, "only buildable slides build");
    }

    #[test]
    fn timeline_reveals_year_by_year_on_a_fixed_axis() {
        let t = twin();
        let years = timeline_years(&t);
        assert_eq!(years, [2006, 2009, 2017]);
        let crate::charts::Chart::Timeline(full) = describe(&t, ChartKind::Timeline, None) else {
            panic!("a timeline");
        };
        let counts = |step| {
            let at = timeline_at(full.clone(), &years, step);
            assert_eq!(
                (at.first_year, at.last_year),
                (full.first_year, full.last_year)
            );
            at.lanes.iter().map(|l| l.events.len()).collect::<Vec<_>>()
        };
        assert_eq!(counts(0), [1, 0]);
        assert_eq!(counts(1), [1, 1]);
        assert_eq!(counts(2), [2, 2]);
    }

    #[test]
    fn map_shows_west_then_east_then_shared_sectors() {
        let t = twin();
        let crate::charts::Chart::Map(full) = describe(&t, ChartKind::Map, None) else {
            panic!("a map");
        };
        assert!(full.sectors.iter().any(|s| s.shared));
        let first = map_at(full.clone(), 0);
        assert!(first.points.iter().all(|p| p.side == Side::West));
        assert!(!first.points.is_empty());
        assert!(first.sectors.iter().all(|s| !s.shared));
        let second = map_at(full.clone(), 1);
        assert_eq!(second.points.len(), full.points.len());
        assert!(second.sectors.iter().all(|s| !s.shared));
        assert!(second.points.iter().all(|p| !p.shared));
        assert_eq!(map_at(full.clone(), 2), full);
    }
}
