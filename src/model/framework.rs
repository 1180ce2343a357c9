use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{limits, patterns};

/// The lens both companies are scored on; embedded in each twin so a file stands alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub id: String,
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub name: String,
    /// Order matters: it is the order of radar axes, table rows and slides.
    #[schemars(length(min = 1, max = limits::PILLARS))]
    pub pillars: Vec<Pillar>,
}

/// One dimension of the framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pillar {
    /// Stable key used by scores and snapshots: lowercase letters, digits and `_`.
    #[schemars(pattern(patterns::PILLAR_ID))]
    pub id: String,
    #[schemars(length(max = limits::NAME_CHARS), pattern(patterns::REQUIRED))]
    pub name: String,
    #[serde(default)]
    #[schemars(length(max = limits::TEXT_CHARS))]
    pub description: String,
    /// Relative weight in the weighted total; 0 to 10.
    #[serde(default = "default_weight")]
    #[schemars(range(min = 0, max = 10))]
    pub weight: f64,
}

fn default_weight() -> f64 {
    1.0
}

impl Pillar {
    /// A pillar with the default weight.
    pub fn new(id: &str, name: &str, description: &str) -> Self {
        Self {
            id: id.to_owned(),
            name: name.to_owned(),
            description: description.to_owned(),
            weight: default_weight(),
        }
    }
}

impl Framework {
    /// The Offer You Can't Refuse: a base of great products at a fair price, then three pillars.
    pub fn offer_you_cant_refuse() -> Self {
        Self {
            id: "oycr".to_owned(),
            name: "Offer You Can't Refuse".to_owned(),
            pillars: vec![
                Pillar::new(
                    "base",
                    "Great products, fair price",
                    "The entry ticket: a strong core offer at a price customers accept as fair.",
                ),
                Pillar::new(
                    "digital_convenience",
                    "Digital convenience",
                    "How much friction technology removes from finding, buying and receiving.",
                ),
                Pillar::new(
                    "partner_in_life",
                    "Partner in life",
                    "Help with the customer's scarcest resources (time, money, energy) beyond the purchase.",
                ),
                Pillar::new(
                    "save_the_world",
                    "Save the world",
                    "A tangible, measurable contribution to society and the planet.",
                ),
            ],
        }
    }

    /// The pillar with this id, if the framework has it.
    pub fn pillar(&self, id: &str) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == id)
    }

    /// A fresh id like `pillar_3` that no pillar uses yet, for "add pillar".
    pub fn unused_pillar_id(&self) -> String {
        (1..)
            .map(|n| format!("pillar_{n}"))
            .find(|id| self.pillar(id).is_none())
            .unwrap_or_default()
    }
}

impl Default for Framework {
    fn default() -> Self {
        Self::offer_you_cant_refuse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oycr_has_the_four_pillars_in_order() {
        let ids: Vec<_> = Framework::offer_you_cant_refuse()
            .pillars
            .into_iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(
            ids,
            [
                "base",
                "digital_convenience",
                "partner_in_life",
                "save_the_world"
            ]
        );
    }

    #[test]
    fn unused_pillar_id_skips_taken_ids() {
        let mut f = Framework::offer_you_cant_refuse();
        f.pillars.push(Pillar::new("pillar_1", "x", ""));
        assert_eq!(f.unused_pillar_id(), "pillar_2");
    }
}
