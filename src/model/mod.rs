//! Pure data of a twin: what a `.twin.json` file holds, plus the rules that make it trustworthy.
//!
//! Nothing here knows about files, egui or reports; `store` reads and writes these types, `analysis`
//! derives figures from them, and the UI edits them in place.

mod company;
mod diversification;
mod framework;
mod paste;
mod quote;
mod rules;
mod score;
mod sectors;
mod twin;
mod validate;

pub use company::{CompanyProfile, Metric, Orientation, Partnership};
pub use diversification::{Distance, DiversificationMove, EntryMode};
pub use framework::{Framework, Pillar};
pub use paste::{
    Pasted, classify as classify_paste, evidence_from_line, paste_into_evidence, source_from_url,
    url_from_shortcut,
};
pub use quote::{QUOTE_CHARS, bounded, cut, escape_controls, is_unsafe_to_print};
pub use rules::{PartialDate, current_year, is_safe_url, limits, patterns};
pub use score::{Evidence, Score, Source};
pub use sectors::{Sector, SectorCluster, SectorVocabulary};
pub use twin::{DEFAULT_STALE_AFTER_YEARS, DeckSettings, Lesson, Side, Snapshot, Twin};
pub use validate::Issue;

/// The version written by this build; files carry it so older ones can be migrated on load.
pub const SCHEMA_VERSION: u32 = 1;
