use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Source, limits, patterns};

/// A step a company took outside its core business: the raw material of the diversification map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiversificationMove {
    /// A sector id from `assets/sectors.json`, or a custom sector name.
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub sector: String,
    /// The brand or business unit, e.g. "Prime Video" or "Cainiao".
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub unit: String,
    /// Year the company entered the sector.
    #[schemars(range(min = limits::FIRST_YEAR, max = limits::SCHEMA_LAST_YEAR))]
    pub year: i32,
    pub mode: EntryMode,
    pub distance: Distance,
    /// How strong the position is today, 0 to 10.
    #[schemars(range(min = 0, max = 10))]
    pub strength: f64,
    /// Whether the service lives inside the company's super-app or main platform.
    #[serde(default)]
    pub in_super_app: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(length(max = limits::TEXT_CHARS))]
    pub note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// How the company got into the sector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EntryMode {
    Built,
    Acquired,
    Partnered,
    Invested,
}

impl EntryMode {
    pub const ALL: [EntryMode; 4] = [Self::Built, Self::Acquired, Self::Partnered, Self::Invested];

    pub fn label(self) -> &'static str {
        match self {
            Self::Built => "built",
            Self::Acquired => "acquired",
            Self::Partnered => "partnered",
            Self::Invested => "invested",
        }
    }
}

/// How far the sector lies from the company's core business; the radius on the map.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Distance {
    Core,
    Adjacent,
    Distant,
}

impl Distance {
    pub const ALL: [Distance; 3] = [Self::Core, Self::Adjacent, Self::Distant];

    pub fn label(self) -> &'static str {
        match self {
            Self::Core => "core",
            Self::Adjacent => "adjacent",
            Self::Distant => "distant",
        }
    }

    /// 1, 2, 3: the ring on the diversification map.
    pub fn ring(self) -> f64 {
        match self {
            Self::Core => 1.0,
            Self::Adjacent => 2.0,
            Self::Distant => 3.0,
        }
    }
}

impl DiversificationMove {
    /// A blank move for "add move" in the editor; valid once the unit is named.
    pub fn new(year: i32) -> Self {
        Self {
            sector: "ecommerce".to_owned(),
            unit: String::new(),
            year,
            mode: EntryMode::Built,
            distance: Distance::Adjacent,
            strength: 5.0,
            in_super_app: false,
            note: String::new(),
            source: None,
        }
    }
}
