use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DiversificationMove, Score, Source, limits, patterns};

/// One side of a twin: everything the studio knows about one company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyProfile {
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub name: String,
    /// The name in its own script, e.g. 阿里巴巴集团.
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub native_name: String,
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub region: String,
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub headquarters: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = limits::FIRST_YEAR, max = limits::SCHEMA_LAST_YEAR))]
    pub founded: Option<i32>,
    #[serde(default)]
    #[schemars(length(max = limits::TEXT_CHARS))]
    pub core_business: String,
    /// `#RRGGBB`; used for this company in every chart, report and slide.
    #[schemars(pattern(patterns::HEX_COLOUR))]
    pub brand_color: String,
    pub orientation: Orientation,
    /// Keyed by pillar id of the twin's framework.
    #[serde(default)]
    #[schemars(extend("propertyNames" = { "pattern": patterns::PILLAR_ID }))]
    pub scores: BTreeMap<String, Score>,
    #[serde(default)]
    #[schemars(length(max = limits::LIST_ITEMS))]
    pub moves: Vec<DiversificationMove>,
    #[serde(default)]
    #[schemars(length(max = limits::LIST_ITEMS))]
    pub partnerships: Vec<Partnership>,
    #[serde(default)]
    #[schemars(length(max = limits::LIST_ITEMS), inner(length(max = limits::TEXT_CHARS), pattern(patterns::REQUIRED)))]
    pub challenges: Vec<String>,
    #[serde(default)]
    #[schemars(length(max = limits::LIST_ITEMS))]
    pub metrics: Vec<Metric>,
    /// Does the company measure its own loyalty to customers (rather than only theirs to it)?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures_own_loyalty: Option<bool>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(length(max = limits::TEXT_CHARS))]
    pub loyalty_note: String,
}

/// Where a company sits on the two axes of the model, each from -1 to +1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Orientation {
    /// -1 fully customer-driven, +1 fully relationship-driven.
    #[schemars(range(min = -1, max = 1))]
    pub customer_vs_relationship: f64,
    /// -1 a single company, +1 an ecosystem of partners.
    #[schemars(range(min = -1, max = 1))]
    pub company_vs_ecosystem: f64,
}

/// A partner that extends what the company can offer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub partner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = limits::FIRST_YEAR, max = limits::SCHEMA_LAST_YEAR))]
    pub since: Option<i32>,
    #[serde(default)]
    #[schemars(length(max = limits::TEXT_CHARS))]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// A checkable figure (revenue, users, trees planted...) with its year and source.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub name: String,
    pub value: f64,
    #[serde(default)]
    #[schemars(length(max = limits::NAME_CHARS))]
    pub unit: String,
    #[schemars(range(min = limits::FIRST_YEAR, max = limits::SCHEMA_LAST_YEAR))]
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

impl CompanyProfile {
    /// An empty but valid profile, for a new twin.
    pub fn blank(name: &str, region: &str, brand_color: &str) -> Self {
        Self {
            name: name.to_owned(),
            native_name: String::new(),
            region: region.to_owned(),
            headquarters: String::new(),
            founded: None,
            core_business: String::new(),
            brand_color: brand_color.to_owned(),
            orientation: Orientation::default(),
            scores: BTreeMap::new(),
            moves: Vec::new(),
            partnerships: Vec::new(),
            challenges: Vec::new(),
            metrics: Vec::new(),
            measures_own_loyalty: None,
            loyalty_note: String::new(),
        }
    }

    /// The name with its native form, e.g. "Alibaba Group (阿里巴巴集团)".
    pub fn display_name(&self) -> String {
        if self.native_name.is_empty() || self.native_name == self.name {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.native_name)
        }
    }
}
