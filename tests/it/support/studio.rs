//! Driving the studio window in kittest tests the way a person does.

use egui::Modifiers;
use egui_kittest::Harness;

/// A primary click at a point, as a person's click lands (on a word, not a node's centre).
pub fn click_at<State>(harness: &mut Harness<'_, State>, at: egui::Pos2) {
    harness.hover_at(at);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(2);
}
