//! Tests of the evidence-health flags, each on a small twin built for its case.

use super::*;
use crate::model::{Evidence, Score};

fn src(url: Option<&str>, date: Option<&str>) -> Option<Source> {
    Some(Source {
        title: "Acme annual report 2025".into(),
        url: url.map(str::to_owned),
        date: date.map(str::to_owned),
    })
}

/// A twin whose every score has one dated, specific source: no flags at all.
fn healthy() -> Twin {
    let mut t = Twin::new_blank("t", "T");
    t.as_of = Some("2026-11-23".into());
    for side in Side::BOTH {
        for pillar in t.framework.pillars.clone() {
            t.side_mut(side).scores.insert(
                pillar.id.clone(),
                Score {
                    value: 7.0,
                    evidence: vec![Evidence {
                        claim: "A fact.".into(),
                        source: src(
                            Some("https://example.com/report-2025.pdf"),
                            Some("2025-03-01"),
                        ),
                    }],
                },
            );
        }
    }
    t
}

fn base_evidence(t: &mut Twin) -> &mut Vec<Evidence> {
    &mut t.west.scores.get_mut("base").expect("base score").evidence
}

fn kinds(t: &Twin) -> Vec<(FlagKind, String)> {
    evidence_health(t)
        .into_iter()
        .map(|f| (f.kind, f.path))
        .collect()
}

#[test]
fn a_well_sourced_twin_has_no_flags() {
    assert_eq!(kinds(&healthy()), vec![]);
    let t = healthy();
    let summary = health_summary(&t, &evidence_health(&t));
    assert_eq!(summary.flagged_scores, 0);
    assert_eq!(summary.scores, 8);
    assert!(summary.sentence().contains("8 of 8 scores"));
}

#[test]
fn missing_as_of_is_flagged() {
    let mut t = healthy();
    t.as_of = None;
    assert_eq!(kinds(&t), vec![(FlagKind::NoAsOf, "as_of".into())]);
}

#[test]
fn a_score_without_evidence_is_flagged() {
    let mut t = healthy();
    base_evidence(&mut t).clear();
    assert_eq!(
        kinds(&t),
        vec![(FlagKind::NoEvidence, "west.scores.base.value".into())]
    );
    t.east.scores.remove("save_the_world");
    assert!(kinds(&t).contains(&(FlagKind::NoEvidence, "east.scores.save_the_world".into())));
}

#[test]
fn a_claim_without_a_source_is_flagged() {
    let mut t = healthy();
    base_evidence(&mut t)[0].source = None;
    let unsourced: crate::model::DiversificationMove = serde_json::from_str(
        r#"{"sector":"cloud","unit":"X","year":2020,"mode":"built","distance":"core","strength":5.0}"#,
    )
    .expect("move");
    t.east.moves.push(unsourced);
    let k = kinds(&t);
    assert!(k.contains(&(FlagKind::NoSource, "west.scores.base.evidence[0]".into())));
    assert!(k.contains(&(FlagKind::NoSource, "east.moves[0]".into())));
}

#[test]
fn a_bare_homepage_is_flagged_but_a_document_is_not() {
    let mut t = healthy();
    base_evidence(&mut t)[0].source = src(Some("https://www.reuters.com/"), Some("2025-01-02"));
    assert_eq!(
        kinds(&t),
        vec![(
            FlagKind::BareHomepage,
            "west.scores.base.evidence[0].source.url".into()
        )]
    );
    for bare in [
        "https://ir.aboutamazon.com",
        "https://about.netflix.com/en/newsroom",
        "https://www.tencent.com/en-us/investors.html",
        "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0001764757",
    ] {
        assert!(is_bare_homepage(bare), "{bare}");
    }
    for document in [
        "https://www.nexxworks.com/blog/what-we-can-learn-about-e-commerce-twins-amazon-and-alibaba-about-cx",
        "https://patents.google.com/patent/US5960411A/en",
        "mailto:press@example.com",
    ] {
        assert!(!is_bare_homepage(document), "{document}");
    }
}

#[test]
fn an_undated_source_is_flagged_and_an_empty_url_is_not() {
    let mut t = healthy();
    base_evidence(&mut t)[0].source = src(None, None);
    assert_eq!(
        kinds(&t),
        vec![(
            FlagKind::Undated,
            "west.scores.base.evidence[0].source.date".into()
        )]
    );
}

#[test]
fn old_evidence_is_stale_relative_to_as_of_and_the_threshold_is_per_twin() {
    let mut t = healthy();
    base_evidence(&mut t)[0].source = src(Some("https://example.com/a"), Some("2023-11-22"));
    assert_eq!(
        kinds(&t),
        vec![(FlagKind::Stale, "west.scores.base.evidence".into())]
    );
    // The same day three years back is still current; a year-only date counts to its end.
    base_evidence(&mut t)[0].source = src(Some("https://example.com/a"), Some("2023-11-23"));
    assert_eq!(kinds(&t), vec![]);
    base_evidence(&mut t)[0].source = src(Some("https://example.com/a"), Some("2023"));
    assert_eq!(kinds(&t), vec![]);
    // One recent item is enough to keep a score current.
    base_evidence(&mut t)[0].source = src(Some("https://example.com/a"), Some("2015-01-01"));
    assert_eq!(kinds(&t).len(), 1);
    base_evidence(&mut t).push(Evidence {
        claim: "Newer.".into(),
        source: src(None, Some("2026-01")),
    });
    assert_eq!(kinds(&t), vec![]);
    base_evidence(&mut t).pop();
    t.stale_after_years = Some(15);
    assert_eq!(kinds(&t), vec![]);
    // Staleness is measured from as_of, not from today.
    t.stale_after_years = None;
    t.as_of = Some("2017".into());
    assert_eq!(kinds(&t), vec![]);
}

#[test]
fn summary_counts_scores_with_flags_once() {
    let mut t = healthy();
    base_evidence(&mut t)[0].source = src(Some("https://www.reuters.com/"), None);
    let flags = evidence_health(&t);
    let summary = health_summary(&t, &flags);
    assert_eq!(summary.total, 2);
    assert_eq!(summary.flagged_scores, 1);
    assert!(
        summary.sentence().contains("7 of 8 scores"),
        "{}",
        summary.sentence()
    );
    assert!(summary.sentence().contains("1 source is a bare homepage"));
    assert_eq!(summary.short(), "7/8 scores well backed, 2 flags");
}
