//! Small twins for unit tests, built one way so each test states only the data it relies on.
//!
//! Integration tests load the bundled samples through `tests/support` instead.

use crate::model::{Distance, DiversificationMove, Evidence, Score, Side, Twin};

/// Builds a test twin step by step on the blank OYCR template.
pub struct TwinBuilder {
    twin: Twin,
}

/// A blank twin with id `t` and `title`, ready to be filled in.
pub fn twin(title: &str) -> TwinBuilder {
    TwinBuilder {
        twin: Twin::new_blank("t", title),
    }
}

impl TwinBuilder {
    /// Names both companies.
    pub fn companies(mut self, west: &str, east: &str) -> Self {
        self.twin.west.name = west.into();
        self.twin.east.name = east.into();
        self
    }

    /// A score without evidence.
    pub fn score(mut self, side: Side, pillar: &str, value: f64) -> Self {
        self.twin
            .side_mut(side)
            .scores
            .insert(pillar.into(), Score::unsupported(value));
        self
    }

    /// A score backed by one claim without a source.
    pub fn backed(mut self, side: Side, pillar: &str, value: f64, claim: &str) -> Self {
        self.twin.side_mut(side).scores.insert(
            pillar.into(),
            Score {
                value,
                evidence: vec![Evidence {
                    claim: claim.into(),
                    source: None,
                }],
            },
        );
        self
    }

    /// A diversification move into `sector` as `DiversificationMove::new` makes it (adjacent).
    pub fn entered(mut self, side: Side, sector: &str, unit: &str, year: i32) -> Self {
        let mut m = DiversificationMove::new(year);
        m.sector = sector.into();
        m.unit = unit.into();
        self.twin.side_mut(side).moves.push(m);
        self
    }

    /// A diversification move into `sector` at a given distance from the core business.
    pub fn entered_at(
        mut self,
        side: Side,
        sector: &str,
        unit: &str,
        year: i32,
        distance: Distance,
    ) -> Self {
        self = self.entered(side, sector, unit, year);
        if let Some(m) = self.twin.side_mut(side).moves.last_mut() {
            m.distance = distance;
        }
        self
    }

    /// The finished twin.
    pub fn build(self) -> Twin {
        self.twin
    }
}
