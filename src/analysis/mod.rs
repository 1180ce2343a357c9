//! Figures derived from a twin (or a library of twins): pure functions of the model, shared by the
//! studio, the reports and the presenter so they always agree.

mod pillars;
mod portfolio;
mod search;
mod sectors;

pub use pillars::{
    PillarComparison, compare_pillars, extremes, pillar_at_snapshot, weighted_total,
    weighted_total_at,
};
pub use portfolio::{PortfolioPillar, PortfolioRow, portfolio};
pub use search::{Hit, MAX_HITS_PER_TWIN, Query, Snippet, TwinHits, TwinIndex, search_twin};
pub use sectors::{DistanceProfile, SectorOverlap, distance_profile, sector_overlap, timeline};
