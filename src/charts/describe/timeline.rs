//! The diversification timeline: each company's moves by year in its own lane, stacked into rows
//! where years collide.

use super::{Rgb, side_colours};
use crate::model::{EntryMode, SectorVocabulary, Side, Twin};

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
    pub colour: Rgb,
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
            .map(|(&side, colour)| {
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
                    colour,
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
    use crate::charts::describe::tests::twin;
    use crate::model::DiversificationMove;

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
}
