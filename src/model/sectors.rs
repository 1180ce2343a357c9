use std::sync::OnceLock;

use serde::Deserialize;

/// The shared list of sectors moves are filed under, grouped into clusters for the map's angles.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorVocabulary {
    pub clusters: Vec<SectorCluster>,
}

/// A group of neighbouring sectors; clusters sit next to each other around the map.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorCluster {
    pub id: String,
    pub name: String,
    pub sectors: Vec<Sector>,
}

/// One sector of the vocabulary.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sector {
    pub id: String,
    pub name: String,
}

const BUNDLED: &str = include_str!("../../assets/sectors.json");

impl SectorVocabulary {
    /// The vocabulary shipped in `assets/sectors.json`, parsed once.
    pub fn bundled() -> &'static SectorVocabulary {
        static VOCAB: OnceLock<SectorVocabulary> = OnceLock::new();
        VOCAB.get_or_init(|| {
            // The asset is compiled in and checked by a unit test, so a parse failure here
            // is a build defect; fall back to an empty vocabulary rather than panic.
            serde_json::from_str(BUNDLED).unwrap_or(SectorVocabulary {
                clusters: Vec::new(),
            })
        })
    }

    /// The sector and its cluster for a sector id; `None` for a custom sector.
    pub fn find(&self, id: &str) -> Option<(&SectorCluster, &Sector)> {
        self.clusters
            .iter()
            .find_map(|c| c.sectors.iter().find(|s| s.id == id).map(|s| (c, s)))
    }

    /// A readable name for a sector id, or the custom text itself.
    pub fn display_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.find(id).map_or(id, |(_, s)| s.name.as_str())
    }

    /// Every sector in map order (cluster by cluster).
    pub fn all(&self) -> impl Iterator<Item = (&SectorCluster, &Sector)> {
        self.clusters
            .iter()
            .flat_map(|c| c.sectors.iter().map(move |s| (c, s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_vocabulary_parses_with_enough_sectors() {
        let vocab: SectorVocabulary =
            serde_json::from_str(BUNDLED).expect("assets/sectors.json parses");
        assert!(vocab.all().count() >= 25);
        assert!(vocab.clusters.len() >= 4);
        let mut ids: Vec<_> = vocab.all().map(|(_, s)| s.id.clone()).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "sector ids are unique");
    }

    #[test]
    fn custom_sector_displays_as_itself() {
        let vocab = SectorVocabulary::bundled();
        assert_eq!(vocab.display_name("cloud"), "Cloud computing");
        assert_eq!(vocab.display_name("Pet care"), "Pet care");
    }
}
