use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{limits, patterns};

/// A pillar score for one company: a value backed (ideally) by evidence the strategist can cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// 0 to 10, one decimal.
    #[schemars(range(min = 0, max = 10))]
    pub value: f64,
    /// Why the value is what it is; an empty list marks the score as unsupported.
    #[serde(default)]
    #[schemars(length(max = limits::LIST_ITEMS))]
    pub evidence: Vec<Evidence>,
}

impl Score {
    /// A score with no evidence yet, as a fresh twin starts.
    pub fn unsupported(value: f64) -> Self {
        Self {
            value,
            evidence: Vec::new(),
        }
    }

    /// Scores without evidence are allowed but flagged everywhere they are shown.
    pub fn is_supported(&self) -> bool {
        !self.evidence.is_empty()
    }

    /// Rounds to the one decimal the format allows, so drag edits never store 7.300000001.
    ///
    /// ```
    /// use twin_studio::model::Score;
    /// assert_eq!(Score::round_value(7.300000001), 7.3);
    /// assert_eq!(Score::round_value(8.25), 8.3);
    /// ```
    pub fn round_value(value: f64) -> f64 {
        (value * 10.0).round() / 10.0
    }
}

/// One claim, in the strategist's words, with where it can be checked.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    #[schemars(length(max = limits::TEXT_CHARS), pattern(patterns::REQUIRED))]
    pub claim: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// Where a fact comes from: enough for a reader to find it again.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub title: String,
    /// http, https or mailto; anything else is refused by validation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 2000), pattern(patterns::SAFE_URL))]
    pub url: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(pattern(patterns::DATE))]
    pub date: Option<String>,
}
