use super::*;
use crate::fixtures;
use crate::present::deck;

fn charted() -> Twin {
    fixtures::twin("T")
        .backed(Side::West, "base", 9.0, "Prime")
        .score(Side::East, "base", 7.0)
        .build()
}

#[test]
fn the_radar_slide_holds_the_chart_and_the_score_table() {
    let slides = describe_deck(&charted(), Slides::Shown);
    let radar = slides
        .iter()
        .find(|s| s.kind == SlideKind::Radar)
        .expect("radar slide");
    let Body::Chart {
        chart,
        table: Some(table),
    } = &radar.body
    else {
        panic!("radar is a chart with a table");
    };
    assert!(matches!(**chart, Chart::Radar(_)));
    assert_eq!(table.rows[0].cells[0].text, "9.0");
    assert_eq!(table.rows[0].cells[0].tone, Tone::Side(Side::West));
    assert_eq!(table.rows[0].cells[1].text, "7.0*");
    assert_eq!(table.rows[0].cells[1].tone, Tone::Warning);
    assert_eq!(
        table.rows.last().map(|r| r.label.text.as_str()),
        Some("Weighted total")
    );
    assert_eq!(
        table.note.as_ref().map(|n| n.text.as_str()),
        Some("* no evidence")
    );
    assert!(table.year.is_none(), "no snapshots, no year");
}

#[test]
fn slides_follow_the_deck_and_carry_their_notes() {
    let mut twin = charted();
    twin.deck.order = vec!["lessons".into()];
    twin.deck.hidden = vec!["timeline".into()];
    twin.speaker_notes
        .insert("radar".into(), "Start with the gap".into());
    let shown = describe_deck(&twin, Slides::Shown);
    let keys: Vec<&str> = shown.iter().map(|s| s.key.as_str()).collect();
    let deck_keys: Vec<String> = deck(&twin).into_iter().map(|s| s.key).collect();
    assert_eq!(keys, deck_keys);
    assert_eq!(keys[0], "lessons");
    assert!(!keys.contains(&"timeline"));
    let radar = shown.iter().find(|s| s.key == "radar").expect("radar");
    assert_eq!(radar.notes, "Start with the gap");
    let all = describe_deck(&twin, Slides::All);
    assert_eq!(all.len(), shown.len() + 1);
    let hidden: Vec<&str> = all
        .iter()
        .filter(|s| s.hidden)
        .map(|s| s.key.as_str())
        .collect();
    assert_eq!(hidden, ["timeline"]);
}

#[test]
fn a_pillar_without_evidence_is_flagged_and_lists_nothing() {
    let twin = charted();
    let slide = deck(&twin)
        .into_iter()
        .find(|s| s.key == "pillar.base")
        .expect("base pillar");
    let d = describe_slide(&twin, &slide, &Moment::built(&slide));
    let Body::Pillar { columns, .. } = &d.body else {
        panic!("pillar body");
    };
    assert_eq!(columns[0].figure.text, "9.0 / 10");
    assert_eq!(columns[0].evidence.len(), 1);
    assert!(columns[0].flag.is_none());
    assert_eq!(
        columns[1].flag.as_ref().map(|f| f.text.as_str()),
        Some("Unsupported: no evidence")
    );
    assert!(columns[1].evidence.is_empty());
    assert!(d.texts().contains(&"Prime"));
    assert_eq!(d.texts()[0], d.title.text);
}

#[test]
fn a_building_map_shows_west_first_then_both() {
    let mut twin = fixtures::twin("T")
        .score(Side::West, "base", 5.0)
        .entered(Side::West, "cloud", "AWS", 2006)
        .entered(Side::East, "cloud", "Aliyun", 2009)
        .build();
    twin.deck.builds.insert("map".into(), true);
    let slide = deck(&twin)
        .into_iter()
        .find(|s| s.key == "map")
        .expect("map");
    let first = describe_slide(&twin, &slide, &Moment::default());
    let built = describe_slide(&twin, &slide, &Moment::built(&slide));
    let points = |d: &SlideDescription| match &d.body {
        Body::Chart { chart, .. } => match &**chart {
            Chart::Map(m) => m.points.len(),
            _ => 0,
        },
        _ => 0,
    };
    assert_eq!(points(&first), 1);
    assert_eq!(points(&built), 2);
}

#[test]
fn empty_lessons_say_so_and_the_cover_has_no_heading_text() {
    let twin = fixtures::twin("Cover title").build();
    let slides = describe_deck(&twin, Slides::Shown);
    let lessons = slides.iter().find(|s| s.key == "lessons").expect("lessons");
    assert_eq!(lessons.texts(), ["Lessons", "No lessons written yet"]);
    let cover = &slides[0];
    assert_eq!(cover.texts()[0], "Cover title");
    assert!(
        cover
            .texts()
            .iter()
            .any(|t| t.contains("as-of date not set"))
    );
}

/// A twin whose lessons need more than one slide even at the floor size.
fn long_lessons() -> Twin {
    let mut twin = fixtures::twin("T").build();
    let detail =
        "A lesson explained in a sentence long enough to wrap over a line or two. ".repeat(3);
    for i in 0..12 {
        twin.lessons.push(crate::model::Lesson {
            title: format!("Lesson {i}"),
            text: detail.clone(),
            source: None,
        });
    }
    twin.speaker_notes.insert("lessons".into(), "Close".into());
    twin
}

#[test]
fn long_lessons_continue_on_follow_on_slides_with_every_lesson_once() {
    let twin = long_lessons();
    let slides = describe_deck(&twin, Slides::Shown);
    let parts: Vec<&SlideDescription> = slides
        .iter()
        .filter(|s| s.kind == SlideKind::Lessons)
        .collect();
    assert!(parts.len() >= 2);
    let count = parts.len();
    assert_eq!(parts[0].title.text, format!("Lessons (1/{count})"));
    assert_eq!(parts[1].title.text, format!("Lessons (2/{count})"));
    assert_eq!(parts[0].notes, "Close");
    assert!(parts[1].notes.is_empty(), "notes stay on the first part");
    let shown: Vec<&str> = parts
        .iter()
        .flat_map(|p| match &p.body {
            Body::List { items, .. } => items.iter().map(|b| b.primary.as_str()).collect(),
            _ => Vec::new(),
        })
        .collect();
    let all: Vec<String> = twin.lessons.iter().map(|l| l.title.clone()).collect();
    assert_eq!(shown, all);
}

#[test]
fn follow_on_slides_are_hidden_with_the_slide_they_continue() {
    let mut twin = long_lessons();
    twin.deck.hidden = vec!["lessons".into()];
    assert!(
        !describe_deck(&twin, Slides::Shown)
            .iter()
            .any(|s| s.kind == SlideKind::Lessons)
    );
    let all = describe_deck(&twin, Slides::All);
    let lessons: Vec<&SlideDescription> = all
        .iter()
        .filter(|s| s.kind == SlideKind::Lessons)
        .collect();
    assert!(lessons.len() >= 2 && lessons.iter().all(|s| s.hidden));
}
