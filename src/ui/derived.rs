//! Figures derived from the selected twin (chart descriptions, overlap, validation issues) and from
//! the library (portfolio), rebuilt only when a revision changes instead of on every frame.

use crate::analysis::{
    HealthFlag, PillarComparison, PortfolioPillar, PortfolioRow, SectorOverlap, WhatIf,
    evidence_health, pillar_at_snapshot, portfolio_with, sector_overlap, weighted_total_at,
};
use crate::charts::{Bars, Deltas, DiversificationMap, History, Radar, Timeline};
use crate::model::{Issue, SectorVocabulary, Side};

use super::state::{AppState, OpenTwin};

/// Everything the tabs draw from one twin, at one snapshot.
#[derive(Debug, Clone)]
pub struct TwinFigures {
    pub rows: Vec<PillarComparison>,
    pub totals: [Option<f64>; 2],
    pub radar: Radar,
    /// Each pillar across the snapshots and today.
    pub history: History,
    pub bars: Bars,
    pub deltas: Deltas,
    pub map: DiversificationMap,
    pub timeline: Timeline,
    pub overlap: SectorOverlap,
    pub issues: Vec<Issue>,
    /// What weakens the twin's claims, for the health panel.
    pub health: Vec<HealthFlag>,
}

impl TwinFigures {
    pub fn new(open: &OpenTwin, snapshot: Option<&str>) -> Self {
        let twin = &open.twin;
        let vocab = SectorVocabulary::bundled();
        Self {
            rows: pillar_at_snapshot(twin, snapshot),
            totals: [
                weighted_total_at(twin, Side::West, snapshot),
                weighted_total_at(twin, Side::East, snapshot),
            ],
            radar: Radar::new(twin, snapshot),
            history: History::new(twin),
            bars: Bars::new(twin, snapshot),
            deltas: Deltas::new(twin, snapshot),
            map: DiversificationMap::new(twin, vocab),
            timeline: Timeline::new(twin, vocab),
            overlap: sector_overlap(twin),
            issues: twin.validate(),
            health: evidence_health(twin),
        }
    }

    /// The validation messages for exactly this field path.
    pub fn issues_at<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a Issue> + 'a {
        self.issues.iter().filter(move |i| i.path == path)
    }
}

/// The library-wide comparison.
#[derive(Debug, Clone, Default)]
pub struct PortfolioFigures {
    pub pillars: Vec<PortfolioPillar>,
    pub rows: Vec<PortfolioRow>,
}

/// Caches keyed by revision: the selected twin's figures and the portfolio.
#[derive(Debug, Default)]
pub struct Derived {
    twin_key: Option<(usize, u64, Option<String>)>,
    twin: Option<TwinFigures>,
    portfolio_key: Option<(u64, WhatIf)>,
    portfolio: PortfolioFigures,
}

impl Derived {
    /// The selected twin's figures, rebuilt only after an edit, undo or snapshot change.
    pub fn twin(&mut self, state: &AppState) -> Option<&TwinFigures> {
        let index = state.selected?;
        let open = state.twins.get(index)?;
        let key = (index, open.revision, state.snapshot.clone());
        if self.twin_key.as_ref() != Some(&key) || self.twin.is_none() {
            self.twin = Some(TwinFigures::new(open, state.snapshot.as_deref()));
            self.twin_key = Some(key);
        }
        self.twin.as_ref()
    }

    /// The portfolio of the whole library, rebuilt only when any twin changed.
    pub fn portfolio(&mut self, state: &AppState, what_if: &WhatIf) -> &PortfolioFigures {
        let key = (state.revision_sum(), what_if.clone());
        if self.portfolio_key.as_ref() != Some(&key) {
            let (pillars, rows) = portfolio_with(state.twins.iter().map(|t| &t.twin), what_if);
            self.portfolio = PortfolioFigures { pillars, rows };
            self.portfolio_key = Some(key);
        }
        &self.portfolio
    }
}
