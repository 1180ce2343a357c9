//! The presenter deck of a twin: which slides show, in what order, and the speaker notes of each.
//! All of it is saved in the twin file (`deck.hidden`, `deck.order`, `speaker_notes`).

use crate::model::Twin;
use crate::present::builds::builds_on;
use crate::present::ordered_slides;

/// Draws one row per slide; returns whether anything changed.
pub(super) fn show(ui: &mut egui::Ui, twin: &mut Twin) -> bool {
    let slides = ordered_slides(twin);
    let mut changed = false;
    let mut swap: Option<(usize, usize)> = None;
    for (i, slide) in slides.iter().enumerate() {
        ui.push_id(&slide.key, |ui| {
            ui.horizontal(|ui| {
                let mut shown = !twin.deck.hidden.contains(&slide.key);
                if ui
                    .checkbox(&mut shown, format!("{}. {}", i + 1, slide.title))
                    .changed()
                {
                    if shown {
                        twin.deck.hidden.retain(|k| k != &slide.key);
                    } else {
                        twin.deck.hidden.push(slide.key.clone());
                    }
                    changed = true;
                }
                if ui.add_enabled(i > 0, egui::Button::new("Up")).clicked() {
                    swap = Some((i - 1, i));
                }
                if ui
                    .add_enabled(i + 1 < slides.len(), egui::Button::new("Down"))
                    .clicked()
                {
                    swap = Some((i, i + 1));
                }
                changed |= build_toggle(ui, twin, &slide.key);
            });
            let mut notes = twin
                .speaker_notes
                .get(&slide.key)
                .cloned()
                .unwrap_or_default();
            let label = ui.weak(format!("Speaker notes, slide {}", i + 1));
            let response = ui
                .add(
                    egui::TextEdit::multiline(&mut notes)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if response.changed() {
                if notes.trim().is_empty() {
                    twin.speaker_notes.remove(&slide.key);
                } else {
                    twin.speaker_notes.insert(slide.key.clone(), notes);
                }
                changed = true;
            }
            ui.add_space(4.0);
        });
    }
    if let Some((a, b)) = swap {
        let mut keys: Vec<String> = slides.into_iter().map(|s| s.key).collect();
        keys.swap(a, b);
        twin.deck.order = keys;
        changed = true;
    }
    changed
}

/// What a slide's build does, in the words of its checkbox; `None` for slides without one.
fn build_label(key: &str) -> Option<&'static str> {
    match key {
        "radar" => Some("Travel through the snapshots"),
        "timeline" => Some("Reveal year by year"),
        "map" => Some("Reveal one company, then the other"),
        _ => None,
    }
}

/// The checkbox turning a slide's build on or off; only a choice that differs from the default
/// is written to the file.
fn build_toggle(ui: &mut egui::Ui, twin: &mut Twin, key: &str) -> bool {
    let Some(label) = build_label(key) else {
        return false;
    };
    let mut on = builds_on(twin, key);
    if !ui.checkbox(&mut on, label).changed() {
        return false;
    }
    twin.deck.builds.insert(key.to_owned(), on);
    if builds_on(&Twin::new_blank("", ""), key) == on {
        twin.deck.builds.remove(key);
    }
    true
}

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use crate::present::deck;

    fn harness(twin: Twin) -> Harness<'static, Twin> {
        Harness::builder()
            .with_size(egui::vec2(900.0, 1400.0))
            .build_ui_state(
                |ui, twin: &mut Twin| {
                    show(ui, twin);
                },
                twin,
            )
    }

    #[test]
    fn hiding_moving_and_noting_slides_is_saved_in_the_twin() {
        let mut h = harness(Twin::new_blank("t", "T"));
        h.run();
        h.get_by_label("11. Lessons").click();
        h.run();
        assert_eq!(h.state().deck.hidden, ["lessons"]);
        assert!(deck(h.state()).iter().all(|s| s.key != "lessons"));

        h.get_all_by_label("Up").nth(3).expect("radar's Up").click();
        h.run();
        let keys: Vec<String> = deck(h.state()).into_iter().map(|s| s.key).collect();
        assert_eq!(&keys[..4], ["title", "companies", "radar", "contrast"]);

        let notes = "Speaker notes, slide 1";
        h.get_by_role_and_label(Role::MultilineTextInput, notes)
            .click();
        h.run();
        h.get_by_role_and_label(Role::MultilineTextInput, notes)
            .type_text("Open with the numbers");
        h.run();
        assert_eq!(
            h.state().speaker_notes.get("title").map(String::as_str),
            Some("Open with the numbers")
        );
    }

    #[test]
    fn builds_are_turned_on_and_off_per_slide_and_saved() {
        let mut h = harness(Twin::new_blank("t", "T"));
        h.run();
        h.get_by_label("Reveal year by year").click();
        h.run();
        assert_eq!(h.state().deck.builds.get("timeline"), Some(&true));
        h.get_by_label("Travel through the snapshots").click();
        h.run();
        assert_eq!(h.state().deck.builds.get("radar"), Some(&false));
        h.get_by_label("Travel through the snapshots").click();
        h.run();
        assert_eq!(
            h.state().deck.builds.get("radar"),
            None,
            "back to the default: nothing to save"
        );
    }
}
