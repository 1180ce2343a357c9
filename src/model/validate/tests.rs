//! Validation tests: every rule refuses what it should and names the field.

use super::*;
use crate::model::rules::civil_year_from_days;
use crate::model::{DiversificationMove, Evidence, Score};

fn paths(twin: &Twin) -> Vec<String> {
    twin.validate().into_iter().map(|i| i.path).collect()
}

#[test]
fn year_from_days_matches_known_dates() {
    assert_eq!(civil_year_from_days(0), 1970);
    assert_eq!(civil_year_from_days(20_454), 2026); // 2026-01-01
    assert_eq!(civil_year_from_days(20_453), 2025); // 2025-12-31
}

#[test]
fn out_of_range_score_names_the_field() {
    let mut twin = Twin::new_blank("t", "T");
    twin.east
        .scores
        .insert("save_the_world".into(), Score::unsupported(11.0));
    let issues = twin.validate();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].path, "east.scores.save_the_world.value");
    assert!(issues[0].message.contains("from 0 to 10"), "{}", issues[0]);
}

#[test]
fn two_decimals_are_refused() {
    let mut twin = Twin::new_blank("t", "T");
    twin.west
        .scores
        .insert("base".into(), Score::unsupported(7.25));
    assert_eq!(paths(&twin), ["west.scores.base.value"]);
}

#[test]
fn unknown_pillar_and_duplicate_ids_are_reported() {
    let mut twin = Twin::new_blank("t", "T");
    twin.west
        .scores
        .insert("loyalty".into(), Score::unsupported(5.0));
    let first = twin.framework.pillars[0].clone();
    twin.framework.pillars.push(first);
    assert_eq!(
        paths(&twin),
        ["framework.pillars[4].id", "west.scores.loyalty"]
    );
}

#[test]
fn years_orientation_colour_and_urls_are_checked() {
    let mut twin = Twin::new_blank("t", "T");
    twin.west.founded = Some(3000);
    twin.west.orientation.company_vs_ecosystem = 1.5;
    twin.east.brand_color = "orange".into();
    let mut m = DiversificationMove::new(1799);
    m.unit = "X".into();
    twin.east.moves.push(m);
    twin.east.scores.insert(
        "base".into(),
        Score {
            value: 5.0,
            evidence: vec![Evidence {
                claim: "c".into(),
                source: Some(Source {
                    title: "s".into(),
                    url: Some("javascript:alert(1)".into()),
                    date: Some("2021-13".into()),
                }),
            }],
        },
    );
    assert_eq!(
        paths(&twin),
        [
            "west.founded",
            "west.orientation.company_vs_ecosystem",
            "east.brand_color",
            "east.scores.base.evidence[0].source.url",
            "east.scores.base.evidence[0].source.date",
            "east.moves[0].year",
        ]
    );
}

#[test]
fn huge_names_are_refused_with_their_length() {
    let mut twin = Twin::new_blank("t", "T");
    twin.west.name = "A".repeat(1_000_000);
    let issues = twin.validate();
    assert_eq!(issues.len(), 1);
    assert!(issues[0].message.contains("1000000 characters"));
}

#[test]
fn control_characters_are_refused_except_tabs_and_line_breaks_in_text() {
    let mut twin = Twin::new_blank("t", "T");
    twin.title = "ok\u{1b}[31m red".into();
    twin.west.name = "Tab\there".into();
    twin.biggest_difference = "line one\nline two\tindented".into();
    twin.biggest_similarity = "fake\rok other.twin.json\u{7}".into();
    let issues = twin.validate();
    assert_eq!(
        issues.iter().map(|i| i.path.as_str()).collect::<Vec<_>>(),
        ["title", "west.name", "biggest_similarity"]
    );
    assert!(
        issues[0]
            .message
            .contains("an escape character (ESC) (U+001B) at character 3"),
        "{}",
        issues[0]
    );
    assert!(
        issues[2].message.contains("carriage return"),
        "{}",
        issues[2]
    );
}

#[test]
fn huge_metric_values_are_refused() {
    let mut twin = Twin::new_blank("t", "T");
    twin.west.metrics.push(crate::model::Metric {
        name: "Revenue".into(),
        value: 1e26,
        unit: "USD".into(),
        year: 2020,
        source: None,
    });
    assert_eq!(paths(&twin), ["west.metrics[0].value"]);
}

#[test]
fn rehearsal_times_must_be_real_durations() {
    let mut twin = Twin::new_blank("t", "T");
    twin.deck.rehearsal.insert("title".into(), 42.5);
    assert!(twin.validate().is_empty());
    twin.deck.rehearsal.insert("radar".into(), -1.0);
    twin.deck.rehearsal.insert("map".into(), f64::NAN);
    let paths: Vec<String> = twin.validate().into_iter().map(|i| i.path).collect();
    assert_eq!(paths, ["deck.rehearsal.map", "deck.rehearsal.radar"]);
}

#[test]
fn safe_urls() {
    assert!(is_safe_url("https://example.com"));
    assert!(is_safe_url("mailto:a@b.c"));
    assert!(!is_safe_url("javascript:alert(1)"));
    assert!(!is_safe_url("data:text/html,x"));
    assert!(!is_safe_url("https://a\nb"));
}
