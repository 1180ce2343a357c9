//! The bundled sample library: loads, validates, round-trips byte for byte, and holds what the
//! studio promises (evidence on every score, enough moves, native names).

use crate::support;

use std::path::PathBuf;

use twin_studio::model::{Side, Twin};
use twin_studio::store::{load_twin, save_twin, to_json, twin_files_in};

fn samples() -> Vec<(PathBuf, Twin)> {
    let folder = support::samples_folder();
    twin_files_in(&folder)
        .expect("sample folder")
        .into_iter()
        .map(|p| {
            let twin = load_twin(&p).unwrap_or_else(|e| panic!("{e}"));
            (p, twin)
        })
        .collect()
}

fn sample(id: &str) -> Twin {
    samples()
        .into_iter()
        .map(|(_, t)| t)
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("sample {id} is bundled"))
}

#[test]
fn the_ten_promised_twins_are_bundled() {
    let ids: Vec<String> = samples().into_iter().map(|(_, t)| t.id).collect();
    for id in [
        "amazon-alibaba",
        "google-baidu",
        "meta-tencent",
        "apple-xiaomi",
        "uber-didi",
        "netflix-iqiyi",
        "tesla-byd",
        "walmart-jd",
        "starbucks-luckin",
        "spotify-tme",
    ] {
        assert!(ids.iter().any(|i| i == id), "{id} missing from {ids:?}");
    }
}

#[test]
fn every_sample_round_trips_byte_for_byte_through_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (path, twin) in samples() {
        let original = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            to_json(&twin),
            original,
            "{} is not canonical",
            path.display()
        );
        let copy = dir.path().join("copy.twin.json");
        save_twin(&copy, &twin).expect("save");
        assert_eq!(std::fs::read_to_string(&copy).expect("read"), original);
        assert_eq!(load_twin(&copy).expect("reload"), twin);
    }
}

#[test]
fn file_names_match_ids() {
    for (path, twin) in samples() {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        assert_eq!(name, format!("{}.twin.json", twin.id));
    }
}

#[test]
fn every_score_of_every_sample_has_evidence_with_a_source() {
    for (path, twin) in samples() {
        for side in Side::BOTH {
            let company = twin.side(side);
            for pillar in &twin.framework.pillars {
                let score = company.scores.get(&pillar.id).unwrap_or_else(|| {
                    panic!(
                        "{}: {} has no {} score",
                        path.display(),
                        company.name,
                        pillar.id
                    )
                });
                assert!(
                    score.is_supported(),
                    "{}: {} {}",
                    path.display(),
                    company.name,
                    pillar.id
                );
                assert!(
                    score.evidence.len() >= 2 && score.evidence.iter().all(|e| e.source.is_some()),
                    "{}: {} {} needs two or more evidence items, each with a source",
                    path.display(),
                    company.name,
                    pillar.id
                );
            }
            assert!(
                company.moves.len() >= 6,
                "{}: {} has {} moves",
                path.display(),
                company.name,
                company.moves.len()
            );
        }
        let east = &twin.east.native_name;
        assert!(
            east.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: the Chinese twin's native name is in Chinese characters",
            path.display()
        );
    }
}

#[test]
fn amazon_alibaba_is_the_full_flagship() {
    let twin = sample("amazon-alibaba");
    assert_eq!(twin.framework.pillars.len(), 4);
    for side in Side::BOTH {
        let company = twin.side(side);
        for pillar in &twin.framework.pillars {
            let score = &company.scores[&pillar.id];
            assert!(score.evidence.len() >= 2, "{} {}", company.name, pillar.id);
        }
        assert!(company.moves.len() >= 8, "{}", company.name);
    }
    let units: Vec<&str> = twin
        .west
        .moves
        .iter()
        .chain(&twin.east.moves)
        .map(|m| m.unit.as_str())
        .collect();
    for unit in [
        "AWS",
        "Whole Foods",
        "PillPack",
        "Cainiao",
        "Hema",
        "Ele.me",
    ] {
        assert!(
            units.iter().any(|u| u.contains(unit)),
            "{unit} among {units:?}"
        );
    }
    assert!(
        twin.west.orientation.customer_vs_relationship < 0.0
            && twin.east.orientation.customer_vs_relationship > 0.0,
        "Amazon customer-driven, Alibaba relationship-driven"
    );
    assert!(!twin.lessons.is_empty() && !twin.east.partnerships.is_empty());
    assert!(twin.snapshots.len() >= 2);
}

/// Every source in the samples points to the document its title names, or cites it without a URL:
/// never a bare homepage such as `https://www.reuters.com/`.
#[test]
fn no_sample_source_is_a_bare_homepage() {
    let mut bare = Vec::new();
    for (path, _) in samples() {
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        collect_urls(&value, &mut |url| {
            if twin_studio::analysis::is_bare_homepage(url) {
                bare.push(format!("{}: {url}", path.display()));
            }
        });
    }
    assert!(
        bare.is_empty(),
        "bare homepage sources:\n{}",
        bare.join("\n")
    );
}

fn collect_urls(value: &serde_json::Value, found: &mut dyn FnMut(&str)) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("url", serde_json::Value::String(url)) => found(url),
                    _ => collect_urls(v, found),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_urls(v, found)),
        _ => {}
    }
}

/// What `validate --strict` enforces, held by every bundled sample: dated, current, sourced.
#[test]
fn every_sample_has_perfect_evidence_health() {
    for (path, twin) in samples() {
        let flags = twin_studio::analysis::evidence_health(&twin);
        let listed: Vec<String> = flags.iter().map(ToString::to_string).collect();
        assert!(
            flags.is_empty(),
            "{}:\n{}",
            path.display(),
            listed.join("\n")
        );
        assert!(
            twin.as_of.as_deref().is_some_and(|d| d.starts_with("2026")),
            "{}: as_of is {:?}",
            path.display(),
            twin.as_of
        );
    }
}
