//! The presenter console: what only the speaker sees (current and next slide, speaker notes,
//! slide number, elapsed time), in its own window or inside the main one.

use egui::{Align, Layout, RichText, Sense, vec2};

use super::deck::Slide;
use super::theme::ProjectorTheme;
use super::view::show_slide;
use crate::model::Twin;

/// What the console needs to draw one frame.
pub struct ConsoleView<'a> {
    pub twin: &'a Twin,
    pub slides: &'a [Slide],
    pub current: usize,
    pub next: Option<usize>,
    /// Digits typed for a jump, echoed so the speaker sees what they typed.
    pub typed: &'a str,
    pub elapsed_secs: f64,
    pub theme: ProjectorTheme,
}

/// What the speaker asked for in the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleAction {
    None,
    ResetClock,
}

/// "1:05:09" or "05:09": hours only once the talk runs that long.
pub fn clock_text(secs: f64) -> String {
    let total = secs.max(0.0).floor() as u64;
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// Draws the console into `ui`, filling it.
pub fn show(ui: &mut egui::Ui, view: &ConsoleView<'_>) -> ConsoleAction {
    let mut action = ConsoleAction::None;
    let count = view.slides.len();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Slide {} / {count}", view.current + 1))
                .size(28.0)
                .strong(),
        );
        if !view.typed.is_empty() {
            ui.label(RichText::new(format!("go to {}", view.typed)).size(22.0));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.button(RichText::new("Reset").size(20.0)).clicked() {
                action = ConsoleAction::ResetClock;
            }
            ui.label(
                RichText::new(clock_text(view.elapsed_secs))
                    .size(28.0)
                    .monospace(),
            );
        });
    });
    ui.separator();
    let width = ((ui.available_width() - 16.0) / 2.0).max(40.0);
    ui.horizontal_top(|ui| {
        thumbnail(ui, "console_now", "Now", Some(view.current), view, width);
        thumbnail(ui, "console_next", "Next", view.next, view, width);
    });
    ui.separator();
    ui.label(RichText::new("Speaker notes").size(18.0).strong());
    let notes = view
        .slides
        .get(view.current)
        .and_then(|s| view.twin.speaker_notes.get(&s.key))
        .filter(|n| !n.trim().is_empty());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match notes {
            Some(notes) => {
                ui.label(RichText::new(notes).size(22.0));
            }
            None => {
                ui.weak(RichText::new("No notes for this slide").size(18.0));
            }
        });
    action
}

/// A titled miniature of one slide (or "End of deck" after the last one).
fn thumbnail(
    ui: &mut egui::Ui,
    id: &str,
    caption: &str,
    index: Option<usize>,
    view: &ConsoleView<'_>,
    width: f32,
) {
    ui.push_id(id, |ui| {
        ui.vertical(|ui| {
            ui.set_width(width);
            let slide = index.and_then(|i| view.slides.get(i));
            let title = slide.map_or("End of deck", |s| s.title.as_str());
            ui.label(RichText::new(format!("{caption}: {title}")).size(18.0));
            let (rect, _) = ui.allocate_exact_size(vec2(width, width * 9.0 / 16.0), Sense::hover());
            match slide {
                Some(slide) => show_slide(ui, rect, view.twin, slide, view.theme),
                None => {
                    ui.painter().rect_filled(rect, 0.0, view.theme.background());
                }
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::clock_text;

    #[test]
    fn clock_shows_minutes_then_hours() {
        assert_eq!(clock_text(0.0), "00:00");
        assert_eq!(clock_text(309.9), "05:09");
        assert_eq!(clock_text(3909.0), "1:05:09");
        assert_eq!(clock_text(-3.0), "00:00");
    }
}
