use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CompanyProfile, Framework, SCHEMA_VERSION, Score, Source};

/// The unit a user opens, edits, saves, exports and presents: a Western company, its Chinese twin,
/// the framework they are scored on, and the story the strategist tells about the pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Twin {
    /// Always [`SCHEMA_VERSION`] once loaded; older files are migrated on load.
    pub schema_version: u32,
    /// A slug, unique in a library, e.g. `amazon-alibaba`.
    pub id: String,
    pub title: String,
    /// The date the content describes (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): reports print it so a
    /// reader knows how current the facts are, and evidence health measures staleness from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Evidence older than this many years before `as_of` counts as stale (default
    /// [`DEFAULT_STALE_AFTER_YEARS`]); fast-moving sectors may want less, history pieces more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_after_years: Option<u32>,
    pub framework: Framework,
    pub west: CompanyProfile,
    pub east: CompanyProfile,
    #[serde(default)]
    pub biggest_difference: String,
    #[serde(default)]
    pub biggest_similarity: String,
    #[serde(default)]
    pub lessons: Vec<Lesson>,
    /// Notes for the presenter, keyed by slide key (`title`, `radar`, `pillar.base`...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub speaker_notes: BTreeMap<String, String>,
    /// Dated score sets ("2018", "2021") that show how the pair moved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
    #[serde(default, skip_serializing_if = "DeckSettings::is_default")]
    pub deck: DeckSettings,
}

/// Evidence older than this many years before a twin's `as_of` is stale unless the twin says otherwise.
pub const DEFAULT_STALE_AFTER_YEARS: u32 = 3;

/// Which company of the pair; lets code treat both sides alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    West,
    East,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::West, Side::East];

    /// The key used in files and field paths.
    pub fn key(self) -> &'static str {
        match self {
            Side::West => "west",
            Side::East => "east",
        }
    }
}

/// A takeaway the pair teaches, optionally with where it was learned.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// Scores as they stood at one moment, to show movement over time.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Shown in the selector, e.g. "2018".
    pub label: String,
    /// The date these scores describe, so the history chart can place snapshots in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    #[serde(default)]
    pub west: BTreeMap<String, f64>,
    #[serde(default)]
    pub east: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How the presenter deck departs from the generated default.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeckSettings {
    /// Slide keys left out of the deck.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<String>,
    /// Slide keys in the order to show them; slides not listed follow in their default order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
}

impl DeckSettings {
    fn is_default(&self) -> bool {
        self == &Self::default()
    }
}

impl Twin {
    /// A new twin on the OYCR template: both sides empty but valid, ready to be filled in.
    pub fn new_blank(id: &str, title: &str) -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            id: id.to_owned(),
            title: title.to_owned(),
            as_of: None,
            stale_after_years: None,
            framework: Framework::offer_you_cant_refuse(),
            west: CompanyProfile::blank("Western company", "United States", "#0072B2"),
            east: CompanyProfile::blank("Chinese company", "China", "#D55E00"),
            biggest_difference: String::new(),
            biggest_similarity: String::new(),
            lessons: Vec::new(),
            speaker_notes: BTreeMap::new(),
            snapshots: Vec::new(),
            deck: DeckSettings::default(),
        }
    }

    pub fn side(&self, side: Side) -> &CompanyProfile {
        match side {
            Side::West => &self.west,
            Side::East => &self.east,
        }
    }

    pub fn side_mut(&mut self, side: Side) -> &mut CompanyProfile {
        match side {
            Side::West => &mut self.west,
            Side::East => &mut self.east,
        }
    }

    /// The staleness threshold in years that applies to this twin.
    pub fn stale_after_years(&self) -> u32 {
        self.stale_after_years.unwrap_or(DEFAULT_STALE_AFTER_YEARS)
    }

    /// The score of one side on one pillar, if it has been scored.
    pub fn score(&self, side: Side, pillar_id: &str) -> Option<&Score> {
        self.side(side).scores.get(pillar_id)
    }

    /// Renames a pillar id everywhere it is referenced, so the framework and scores stay consistent.
    pub fn rename_pillar(&mut self, old: &str, new: &str) {
        if old == new {
            return;
        }
        for pillar in &mut self.framework.pillars {
            if pillar.id == old {
                pillar.id = new.to_owned();
            }
        }
        for side in Side::BOTH {
            let profile = self.side_mut(side);
            if let Some(score) = profile.scores.remove(old) {
                profile.scores.insert(new.to_owned(), score);
            }
        }
        for snapshot in &mut self.snapshots {
            for map in [&mut snapshot.west, &mut snapshot.east] {
                if let Some(v) = map.remove(old) {
                    map.insert(new.to_owned(), v);
                }
            }
        }
    }

    /// Removes a pillar and every score that refers to it.
    pub fn remove_pillar(&mut self, id: &str) {
        self.framework.pillars.retain(|p| p.id != id);
        for side in Side::BOTH {
            self.side_mut(side).scores.remove(id);
        }
        for snapshot in &mut self.snapshots {
            snapshot.west.remove(id);
            snapshot.east.remove(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_twin_is_valid() {
        let twin = Twin::new_blank("new-twin", "New twin");
        assert_eq!(twin.validate(), Vec::new());
    }

    #[test]
    fn renaming_a_pillar_moves_its_scores() {
        let mut twin = Twin::new_blank("t", "T");
        twin.west
            .scores
            .insert("base".into(), Score::unsupported(7.0));
        twin.rename_pillar("base", "core_offer");
        assert!(twin.framework.pillar("core_offer").is_some());
        assert_eq!(
            twin.west.scores.get("core_offer").map(|s| s.value),
            Some(7.0)
        );
        assert!(!twin.west.scores.contains_key("base"));
    }

    #[test]
    fn removing_a_pillar_removes_its_scores() {
        let mut twin = Twin::new_blank("t", "T");
        twin.east
            .scores
            .insert("base".into(), Score::unsupported(4.0));
        twin.remove_pillar("base");
        assert!(twin.framework.pillar("base").is_none());
        assert!(twin.east.scores.is_empty());
        assert_eq!(twin.validate(), Vec::new());
    }
}
