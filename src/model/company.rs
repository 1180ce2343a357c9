use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DiversificationMove, Score, Source};

/// One side of a twin: everything the studio knows about one company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyProfile {
    pub name: String,
    /// The name in its own script, e.g. 阿里巴巴集团.
    #[serde(default)]
    pub native_name: String,
    pub region: String,
    #[serde(default)]
    pub headquarters: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub founded: Option<i32>,
    #[serde(default)]
    pub core_business: String,
    /// `#RRGGBB`; used for this company in every chart, report and slide.
    pub brand_color: String,
    pub orientation: Orientation,
    /// Keyed by pillar id of the twin's framework.
    #[serde(default)]
    pub scores: BTreeMap<String, Score>,
    #[serde(default)]
    pub moves: Vec<DiversificationMove>,
    #[serde(default)]
    pub partnerships: Vec<Partnership>,
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// Does the company measure its own loyalty to customers (rather than only theirs to it)?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures_own_loyalty: Option<bool>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub loyalty_note: String,
}

/// Where a company sits on the two axes of the model, each from -1 to +1.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Orientation {
    /// -1 fully customer-driven, +1 fully relationship-driven.
    pub customer_vs_relationship: f64,
    /// -1 a single company, +1 an ecosystem of partners.
    pub company_vs_ecosystem: f64,
}

/// A partner that extends what the company can offer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    pub partner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<i32>,
    #[serde(default)]
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

/// A checkable figure (revenue, users, trees planted...) with its year and source.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    pub name: String,
    pub value: f64,
    #[serde(default)]
    pub unit: String,
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
