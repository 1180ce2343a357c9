use super::*;
use crate::present::ordered_slides;

#[test]
fn long_text_is_set_smaller_not_cut() {
    let frame = Frame::new(0.0, 0.0, 400.0, 100.0);
    let ink = Rgb(0, 0, 0);
    let long = "word ".repeat(200);
    let fitted = fit(
        vec![Paragraph::plain(long.clone(), 30.0, false, ink)],
        frame,
    );
    assert_eq!(fitted[0].text(), long, "all text kept");
    assert!(fitted[0].runs[0].size < 30.0);
    let short = fit(vec![Paragraph::plain("Hi", 30.0, false, ink)], frame);
    assert_eq!(short[0].runs[0].size, 30.0);
}

#[test]
fn hidden_slides_stay_in_the_file_but_hidden() {
    let mut twin = Twin::new_blank("t", "T");
    twin.deck.hidden = vec!["timeline".into()];
    twin.speaker_notes.insert("radar".into(), "Say this".into());
    let deck = deck_pptx(&twin, Aspect::Wide);
    assert_eq!(deck.slides.len(), ordered_slides(&twin).len());
    assert_eq!(deck.slides.iter().filter(|s| s.hidden).count(), 1);
    assert!(deck.slides.iter().any(|s| s.notes == "Say this"));
}

#[test]
fn a_4_3_deck_keeps_every_shape_on_its_narrower_slide() {
    let twin = crate::fixtures::twin("A long title that has to wrap on a narrow slide")
        .score(Side::West, "base", 6.0)
        .entered(Side::West, "cloud", "Cloud unit", 2006)
        .build();
    let deck = deck_pptx(&twin, Aspect::Standard);
    for slide in &deck.slides {
        for shape in &slide.shapes {
            let f = match shape {
                Shape::Text(t) => t.frame,
                Shape::Table(t) => t.frame,
                Shape::Chart(c) => c.frame,
                Shape::Box { frame, .. } => *frame,
                Shape::Line { .. } => continue,
            };
            assert!(f.x >= -1.0 && f.x + f.w <= 1200.0 + 1.0, "{f:?}");
        }
    }
}
