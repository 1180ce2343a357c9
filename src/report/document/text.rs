//! The words and numbers every report format shares: a score with its evidence flag, a
//! company's orientation and loyalty stance, a metric value grouped for reading.

use crate::model::{CompanyProfile, Orientation, Side, Twin};
use crate::wording;

/// A score with its evidence flag, as the tables show it: `8.5`, `7.0 (no evidence)`, `not scored`.
pub(crate) fn score_cell(twin: &Twin, side: Side, pillar: &str) -> String {
    match twin.score(side, pillar) {
        Some(s) => wording::score_cell(Some(s.value), s.is_supported()),
        None => wording::score_cell(None, true),
    }
}

/// Orientation in words, e.g. "customer-driven (−0.8), single company (−0.4)".
pub fn orientation_text(o: &Orientation) -> String {
    let axis = |v: f64, neg: &str, pos: &str| {
        let word = if v <= -0.2 {
            neg
        } else if v >= 0.2 {
            pos
        } else {
            "balanced"
        };
        format!("{word} ({v:+.1})")
    };
    format!(
        "{}; {}",
        axis(
            o.customer_vs_relationship,
            "customer-driven",
            "relationship-driven"
        ),
        axis(
            o.company_vs_ecosystem,
            "single company",
            "ecosystem of partners"
        )
    )
}

/// Whether the company measures its loyalty to customers, with the strategist's note.
pub fn loyalty_text(c: &CompanyProfile) -> String {
    let stance = match c.measures_own_loyalty {
        Some(true) => "Measures its own loyalty to customers",
        Some(false) => "Does not measure its own loyalty to customers",
        None => "Not known whether it measures its own loyalty to customers",
    };
    if c.loyalty_note.trim().is_empty() {
        format!("{stance}.")
    } else {
        format!("{stance}. {}", c.loyalty_note)
    }
}

/// A metric value without a trailing `.0`, grouped for reading: 1234567 -> 1,234,567. Four-digit
/// numbers stay ungrouped, so years read as years ("2040", not "2,040").
pub(crate) fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 10_000.0 {
        format!("{v:.0}")
    } else if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{:.0}", v.abs());
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_orientation_and_numbers() {
        let o = Orientation {
            customer_vs_relationship: -0.8,
            company_vs_ecosystem: 0.1,
        };
        assert_eq!(
            orientation_text(&o),
            "customer-driven (-0.8); balanced (+0.1)"
        );
        assert_eq!(format_number(1_234_567.0), "1,234,567");
        assert_eq!(format_number(2040.0), "2040");
        assert_eq!(format_number(-1500.0), "-1500");
        assert_eq!(format_number(12_000.0), "12,000");
        assert_eq!(format_number(2.5), "2.5");
    }
}
