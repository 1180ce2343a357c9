//! The presenter console: what only the speaker sees (current and next click, speaker notes,
//! slide number, elapsed time, pace against the rehearsal), on the laptop's screen or inside the
//! main window.

use egui::{Align, Layout, RichText, Sense, vec2};

use super::deck::Slide;
use super::deck_export::DeckFormat;
use super::describe::Moment;
use super::rehearsal::Pace;
use super::theme::ProjectorTheme;
use super::view::show_slide_at;
use crate::model::Twin;

/// What the console needs to draw one frame.
pub struct ConsoleView<'a> {
    pub twin: &'a Twin,
    pub slides: &'a [Slide],
    pub current: usize,
    /// Build step of the current slide.
    pub step: usize,
    /// What the next click shows: slide index and build step.
    pub next: Option<(usize, usize)>,
    /// Digits typed for a jump, echoed so the speaker sees what they typed.
    pub typed: &'a str,
    pub elapsed_secs: f64,
    pub theme: ProjectorTheme,
    /// Ahead or behind the last rehearsal; `None` without one (or while rehearsing).
    pub pace: Option<Pace>,
    /// The rehearsed length of the deck (0 without a rehearsal).
    pub rehearsed_secs: f64,
    pub rehearsing: bool,
    /// Slides on another screen: offers to swap them.
    pub two_screens: bool,
    /// A problem the speaker should know about (a failed reload).
    pub notice: Option<&'a str>,
    /// The current slide as the audience sees it now (build step, radar in motion).
    pub moment: Moment,
    /// How the deck export started here stands ("Exporting…", "Exported …").
    pub export_status: Option<String>,
}

/// What the speaker asked for in the console.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsoleAction {
    None,
    /// Export the deck (a save dialog asks where, beside the slides).
    Export(DeckFormat),
    ResetClock,
    /// Start a rehearsal run, or end the one under way (its times are then saved).
    ToggleRehearsal,
    /// Slides and console the other way round.
    SwapScreens,
}

/// "2:10 ahead", "0:45 behind", "on time".
pub fn pace_text(pace: Pace) -> String {
    match pace {
        Pace::OnTime => "on time".to_owned(),
        Pace::Ahead(s) => format!("{} ahead", clock_text(s)),
        Pace::Behind(s) => format!("{} behind", clock_text(s)),
    }
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
    let steps = view.slides.get(view.current).map_or(1, |s| s.steps);
    // Three short rows rather than one long one: the in-window console beside a slide is narrow.
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Slide {} / {count}", view.current + 1))
                .size(28.0)
                .strong(),
        );
        if steps > 1 {
            ui.label(RichText::new(format!("build {} of {steps}", view.step + 1)).size(20.0));
        }
        if !view.typed.is_empty() {
            ui.label(RichText::new(format!("go to {}", view.typed)).size(22.0));
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(
                RichText::new(clock_text(view.elapsed_secs))
                    .size(28.0)
                    .monospace(),
            );
        });
    });
    ui.horizontal(|ui| {
        let rehearse = if view.rehearsing {
            "Stop rehearsal"
        } else {
            "Rehearse"
        };
        if ui.button(RichText::new(rehearse).size(18.0)).clicked() {
            action = ConsoleAction::ToggleRehearsal;
        }
        if ui.button(RichText::new("Reset").size(18.0)).clicked() {
            action = ConsoleAction::ResetClock;
        }
        if view.two_screens
            && ui
                .button(RichText::new("Swap screens").size(18.0))
                .clicked()
        {
            action = ConsoleAction::SwapScreens;
        }
    });
    ui.horizontal_wrapped(|ui| pace_label(ui, view));
    if let Some(notice) = view.notice {
        ui.colored_label(view.theme.warning(), RichText::new(notice).size(18.0));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Export").size(18.0));
        for format in [DeckFormat::Pptx, DeckFormat::Pdf] {
            if ui
                .button(RichText::new(format.button()).size(18.0))
                .clicked()
            {
                action = ConsoleAction::Export(format);
            }
        }
        if let Some(status) = &view.export_status {
            ui.label(RichText::new(status).size(16.0));
        }
    });
    ui.separator();
    let width = ((ui.available_width() - 16.0) / 2.0).max(40.0);
    let now = Some((view.current, view.step));
    ui.horizontal_top(|ui| {
        thumbnail(ui, "console_now", "Now", now, view, width);
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

/// The pace against the rehearsal (or that one is being recorded), in words and colour.
fn pace_label(ui: &mut egui::Ui, view: &ConsoleView<'_>) {
    let (text, colour) = if view.rehearsing {
        (
            "rehearsing: timing each slide".to_owned(),
            view.theme.warning(),
        )
    } else {
        match view.pace {
            Some(pace @ Pace::Behind(_)) => (pace_text(pace), view.theme.warning()),
            Some(pace) => (pace_text(pace), ui.visuals().text_color()),
            None => return,
        }
    };
    ui.label(RichText::new(text).size(22.0).color(colour));
    if !view.rehearsing && view.rehearsed_secs > 0.0 {
        ui.weak(RichText::new(format!("rehearsed {}", clock_text(view.rehearsed_secs))).size(18.0));
    }
}

/// A titled miniature of one slide at one build step (or "End of deck" after the last one).
fn thumbnail(
    ui: &mut egui::Ui,
    id: &str,
    caption: &str,
    at: Option<(usize, usize)>,
    view: &ConsoleView<'_>,
    width: f32,
) {
    ui.push_id(id, |ui| {
        ui.vertical(|ui| {
            ui.set_width(width);
            let slide = at.and_then(|(i, step)| Some((view.slides.get(i)?, step)));
            let title = slide.map_or("End of deck", |(s, _)| s.title.as_str());
            ui.label(RichText::new(format!("{caption}: {title}")).size(18.0));
            let (rect, _) = ui.allocate_exact_size(vec2(width, width * 9.0 / 16.0), Sense::hover());
            match slide {
                Some((slide, step)) => {
                    let moment = if Some((slide, step))
                        == view.slides.get(view.current).map(|s| (s, view.step))
                    {
                        view.moment.clone()
                    } else {
                        Moment { step, radar: None }
                    };
                    show_slide_at(ui, rect, view.twin, slide, view.theme, &moment);
                }
                None => {
                    ui.painter().rect_filled(rect, 0.0, view.theme.background());
                }
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pace_reads_in_words() {
        assert_eq!(pace_text(Pace::OnTime), "on time");
        assert_eq!(pace_text(Pace::Ahead(130.0)), "02:10 ahead");
        assert_eq!(pace_text(Pace::Behind(45.5)), "00:45 behind");
    }

    #[test]
    fn clock_shows_minutes_then_hours() {
        assert_eq!(clock_text(0.0), "00:00");
        assert_eq!(clock_text(309.9), "05:09");
        assert_eq!(clock_text(3909.0), "1:05:09");
        assert_eq!(clock_text(-3.0), "00:00");
    }
}
