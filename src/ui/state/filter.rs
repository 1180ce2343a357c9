//! Which twins the library panel lists: search by any name, a sector entered, a minimum gap,
//! twins with evidence-health problems.

use crate::model::{Side, Twin};

/// Which twins the library panel lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LibraryFilter {
    /// Matched against titles, ids and both companies' Latin and native names.
    pub search: String,
    /// A sector id one of the companies entered.
    pub sector: Option<String>,
    /// A pillar id and the smallest gap (absolute West minus East) to list.
    pub gap: Option<(String, f64)>,
    /// Only twins with at least one evidence-health flag, so a team can work through them.
    pub problems: bool,
}

impl LibraryFilter {
    /// Whether a twin passes every active filter.
    pub fn matches(&self, twin: &Twin) -> bool {
        let search = self.search.trim();
        if !search.is_empty() {
            let needle = search.to_lowercase();
            let hit = [
                twin.title.as_str(),
                twin.id.as_str(),
                twin.west.name.as_str(),
                twin.west.native_name.as_str(),
                twin.east.name.as_str(),
                twin.east.native_name.as_str(),
            ]
            .iter()
            .any(|s| s.to_lowercase().contains(&needle));
            if !hit {
                return false;
            }
        }
        if let Some(sector) = &self.sector {
            let entered = Side::BOTH
                .iter()
                .any(|&s| twin.side(s).moves.iter().any(|m| &m.sector == sector));
            if !entered {
                return false;
            }
        }
        if let Some((pillar, min_gap)) = &self.gap {
            let gap = match (
                twin.score(Side::West, pillar),
                twin.score(Side::East, pillar),
            ) {
                (Some(w), Some(e)) => (w.value - e.value).abs(),
                _ => return false,
            };
            if gap + 1e-9 < *min_gap {
                return false;
            }
        }
        if self.problems && crate::analysis::evidence_health(twin).is_empty() {
            return false;
        }
        true
    }

    pub fn is_active(&self) -> bool {
        !self.search.trim().is_empty()
            || self.sector.is_some()
            || self.gap.is_some()
            || self.problems
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::state;
    use super::*;

    #[test]
    fn filter_matches_chinese_names_sectors_and_gaps() {
        let (_dir, state) = state();
        let twin = &state.twins[0].twin;
        let mut f = LibraryFilter {
            search: "阿里".into(),
            ..LibraryFilter::default()
        };
        assert!(f.matches(twin));
        f.search = "baidu".into();
        assert!(!f.matches(twin));
        f.search.clear();
        f.gap = Some(("base".into(), 3.0));
        assert!(f.matches(twin));
        f.gap = Some(("base".into(), 3.5));
        assert!(!f.matches(twin));
        f.gap = None;
        f.sector = Some("cloud".into());
        assert!(!f.matches(twin));
    }
}
