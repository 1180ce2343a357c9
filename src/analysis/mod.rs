//! Figures derived from a twin (or a library of twins): pure functions of the model, shared by the
//! studio, the reports and the presenter so they always agree.

mod health;
mod history;
mod pillars;
mod portfolio;
mod search;
mod sectors;
mod weights;

pub use health::{
    FlagKind, HealthFlag, HealthSummary, as_of_text, evidence_health, health_summary,
    is_bare_homepage,
};
pub use history::{HistoryPoint, PillarHistory, score_history};
pub use pillars::{
    PillarComparison, compare_pillars, extremes, pillar_at_snapshot, weighted_total,
    weighted_total_at,
};
pub use portfolio::{PortfolioPillar, PortfolioRow, portfolio, portfolio_with};
pub use search::{Hit, MAX_HITS_PER_TWIN, Query, Snippet, TwinHits, TwinIndex, search_twin};
pub use sectors::{DistanceProfile, SectorOverlap, distance_profile, sector_overlap, timeline};
pub use weights::{MAX_MULTIPLIER, WhatIf, weighted_total_with};
