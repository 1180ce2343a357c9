//! The presenter: the clicker, the slide on screen, builds and the radar's time travel, blank
//! screens, the cursor, rehearsal timing and the console, placed on the screens as a keynote tool
//! would. [`Presenter`] is embedded by the studio (F5 in, Esc out) and by `present FILE`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui::{Align2, Color32, CursorIcon, Pos2, Rect, ViewportBuilder, ViewportCommand, ViewportId};
use egui::{pos2, vec2};

use super::builds::radar_stops;
use super::console::{self, ConsoleAction, ConsoleView};
use super::deck::{Slide, SlideKind, deck_shaped, design_width};
use super::deck_export::DeckExport;
use super::describe::Moment;
use super::keys::{PresenterCommand, commands};
use super::morph::{Morph, RadarFrame};
use super::nav::{Blank, Navigator, Outcome};
use super::rehearsal::{Recorder, merge, pace, planned_total};
use super::screens::{self, Monitor, Stage};
use super::theme::{ProjectorTheme, slide_scale};
use super::view::{annotate, show_slide_at};
use crate::model::Twin;

/// How long the pointer may rest before it is hidden from the audience.
const CURSOR_HIDE_SECS: f64 = 2.0;

/// Share of the main window the in-window console takes (P).
const INLINE_CONSOLE_SHARE: f32 = 0.38;

/// A deck paged for one twin at one slide width.
#[derive(Debug, Clone)]
struct PagedDeck {
    width: f64,
    twin: Twin,
    slides: Arc<[Slide]>,
}

/// Presenter state that outlives a frame.
#[derive(Debug, Clone)]
pub struct Presenter {
    nav: Navigator,
    pub theme: ProjectorTheme,
    /// The console inside the main window, toggled with P (one screen only).
    console_inline: bool,
    /// `egui` input time the clock counts from; set on the first frame.
    clock_start: Option<f64>,
    last_pointer: Option<Pos2>,
    /// When the pointer last moved; `None` until the first frame.
    last_pointer_move: Option<f64>,
    /// The stage and the monitors it was decided for; decided again when they change.
    stage: Option<(Vec<Monitor>, Stage)>,
    /// Slides and console the other way round than guessed.
    swapped: bool,
    /// Slide key and build step drawn last, to notice a click on the radar.
    shown: Option<(String, usize)>,
    /// The size of the area the slides were last drawn in: the deck is paged for its shape.
    slides_size: std::cell::Cell<Option<egui::Vec2>>,
    /// The deck as last paged, kept while the twin and the slide's shape stay the same: paging
    /// measures every list's text, which a frame need not do again.
    paged: Option<PagedDeck>,
    morph: Option<Morph>,
    /// Recording slide times while a rehearsal runs.
    recorder: Option<Recorder>,
    /// A finished rehearsal's times for the owner to save (see [`Presenter::take_rehearsal`]).
    rehearsed: Option<BTreeMap<String, f64>>,
    /// Something the speaker should know (a reload that failed); on the console only.
    pub notice: Option<String>,
    /// The deck export started from the console, running beside the slides.
    export: DeckExport,
    /// Where exports go without a save dialog (scripts, tests); `None` asks.
    export_path: Option<PathBuf>,
}

impl Presenter {
    /// A presenter starting on slide `start` (0-based, clamped once the deck is known).
    pub fn new(start: usize, theme: ProjectorTheme) -> Self {
        Self {
            nav: Navigator::new(usize::MAX, start),
            theme,
            console_inline: false,
            clock_start: None,
            last_pointer: None,
            last_pointer_move: None,
            stage: None,
            swapped: false,
            shown: None,
            slides_size: std::cell::Cell::new(None),
            paged: None,
            morph: None,
            recorder: None,
            rehearsed: None,
            notice: None,
            export: DeckExport::default(),
            export_path: None,
        }
    }

    /// Exports from the console go to `path` without a save dialog (scripts, tests).
    pub fn with_export_path(mut self, path: PathBuf) -> Self {
        self.export_path = Some(path);
        self
    }

    /// The deck export started from the console: under way, or what it said when done.
    pub fn export(&self) -> &DeckExport {
        &self.export
    }

    pub fn navigator(&self) -> &Navigator {
        &self.nav
    }

    /// Whether the console is drawn inside the main window.
    pub fn console_inline(&self) -> bool {
        self.console_inline
    }

    /// The stage decided on the last frame (one screen until a frame has run).
    pub fn stage(&self) -> Stage {
        self.stage.as_ref().map_or(Stage::Single, |(_, s)| *s)
    }

    /// Whether a radar morph is under way.
    pub fn is_morphing(&self) -> bool {
        self.morph.is_some()
    }

    /// Starts a rehearsal run: the clock restarts and time per slide is recorded.
    pub fn start_rehearsal(&mut self) {
        self.recorder = Some(Recorder::default());
        self.clock_start = None;
    }

    pub fn is_rehearsing(&self) -> bool {
        self.recorder.is_some()
    }

    /// The times of a rehearsal that ended (by its button, or by leaving), merged into the twin's
    /// saved rehearsal; `None` if none ended since the last call.
    pub fn take_rehearsal(&mut self, twin: &Twin) -> Option<BTreeMap<String, f64>> {
        let run = self.rehearsed.take()?;
        let mut saved = twin.deck.rehearsal.clone();
        merge(&mut saved, run);
        Some(saved)
    }

    /// Draws the presenter into `ui` (all of it) for one frame and handles its keys.
    pub fn show(&mut self, ui: &mut egui::Ui, twin: &Twin) -> Outcome {
        let size = self
            .slides_size
            .get()
            .unwrap_or_else(|| ui.max_rect().size());
        let slides = self.paged_slides(twin, design_width(size));
        let steps: Vec<usize> = slides.iter().map(|s| s.steps).collect();
        self.nav.set_steps(&steps);
        self.keep_slide_across_pages(&slides);
        let ctx = ui.ctx().clone();
        let now = ui.input(|i| i.time);
        self.clock_start.get_or_insert(now);

        let events = ui.input(|i| i.events.clone());
        let mut outcome = self.apply(&commands(&events), now);
        let stage = self.decide_stage(&ctx);
        self.follow_clicks(twin, &slides, now);
        if let (Some(recorder), Some(slide)) = (&mut self.recorder, slides.get(self.nav.current()))
        {
            recorder.observe(&slide.key, now);
        }

        let screen = ui.max_rect();
        match stage {
            Stage::Single => {
                let (slide_area, console_area) = if self.console_inline {
                    let split = screen.right() - screen.width() * INLINE_CONSOLE_SHARE;
                    (
                        Rect::from_min_max(screen.min, pos2(split, screen.bottom())),
                        Some(Rect::from_min_max(pos2(split, screen.top()), screen.max)),
                    )
                } else {
                    (screen, None)
                };
                self.draw_slides(ui, slide_area, twin, &slides, now);
                if let Some(area) = console_area {
                    ui.painter().rect_filled(area, 0.0, ui.visuals().panel_fill);
                    self.draw_console(ui, area.shrink(16.0), twin, &slides, now);
                }
                self.hide_idle_cursor(&ctx, now);
            }
            Stage::Dual {
                slides: screen_index,
                ..
            } => {
                outcome =
                    outcome.max_leave(self.slides_window(&ctx, twin, &slides, screen_index, now));
                ui.painter()
                    .rect_filled(screen, 0.0, ui.visuals().panel_fill);
                self.draw_console(ui, screen.shrink(16.0), twin, &slides, now);
            }
        }
        if self.morph.is_some() {
            ctx.request_repaint();
        }
        outcome
    }

    /// Decides (again, if the monitors changed) where slides and console go; moves the main
    /// window onto the console's monitor when there are two.
    fn decide_stage(&mut self, ctx: &egui::Context) -> Stage {
        let monitors = screens::known(ctx);
        if self.stage.as_ref().is_some_and(|(m, _)| *m == monitors) {
            return self.stage();
        }
        let window_at = ctx.input(|i| {
            let ppp = f64::from(i.viewport().native_pixels_per_point.unwrap_or(1.0));
            i.viewport().outer_rect.map(|r| {
                let c = r.center();
                [(f64::from(c.x) * ppp) as i32, (f64::from(c.y) * ppp) as i32]
            })
        });
        let stage = screens::plan(&monitors, window_at, self.swapped);
        if let Stage::Dual { console, .. } = stage {
            ctx.send_viewport_cmd(ViewportCommand::SetMonitor(console));
        }
        self.stage = Some((monitors, stage));
        stage
    }

    /// Puts slides and console the other way round (two screens only).
    fn swap_screens(&mut self, ctx: &egui::Context) {
        if let Some((_, Stage::Dual { slides, console })) = &mut self.stage {
            std::mem::swap(slides, console);
            self.swapped = !self.swapped;
            ctx.send_viewport_cmd(ViewportCommand::SetMonitor(*console));
        }
    }

    fn apply(&mut self, commands: &[PresenterCommand], now: f64) -> Outcome {
        let mut outcome = Outcome::Stay;
        for c in commands {
            match c {
                PresenterCommand::Navigate(key) => {
                    outcome = outcome.max_leave(self.nav.press(*key))
                }
                PresenterCommand::ToggleConsole => self.console_inline = !self.console_inline,
            }
        }
        if outcome == Outcome::Leave {
            self.stop_rehearsal(now);
        }
        outcome
    }

    fn stop_rehearsal(&mut self, now: f64) {
        if let Some(recorder) = self.recorder.take() {
            self.rehearsed = Some(recorder.times(now));
        }
    }

    /// Starts a radar morph when a click moved the radar from one stop to another.
    fn follow_clicks(&mut self, twin: &Twin, slides: &[Slide], now: f64) {
        if self.morph.as_ref().is_some_and(|m| m.is_done(now)) {
            self.morph = None;
        }
        let Some(slide) = slides.get(self.nav.current()) else {
            return;
        };
        let here = (slide.key.clone(), self.nav.step());
        if self.shown.as_ref() == Some(&here) {
            return;
        }
        let stops = radar_stops(twin);
        let stop = |step: usize| stops.get(step.min(stops.len().saturating_sub(1)));
        self.morph = match (&self.shown, stop(here.1)) {
            (Some((key, step)), Some(to))
                if slide.kind == SlideKind::Radar && *key == slide.key && stops.len() > 1 =>
            {
                let from = match &self.morph {
                    Some(m) => Some(m.frame(now)),
                    None => stop(*step).map(|s| RadarFrame::at(twin, s)),
                };
                from.map(|from| Morph {
                    from,
                    to: RadarFrame::at(twin, to),
                    started: now,
                })
            }
            _ => None,
        };
        self.shown = Some(here);
    }

    /// What the current slide shows this frame: its build step and any radar in motion.
    fn moment(&self, now: f64) -> Moment {
        Moment {
            step: self.nav.step(),
            radar: self.morph.as_ref().map(|m| m.frame(now)),
        }
    }

    /// The deck of `twin` paged for a slide `width` design units wide, paged again only when the
    /// twin or the width changed since the last frame.
    fn paged_slides(&mut self, twin: &Twin, width: f64) -> Arc<[Slide]> {
        match &self.paged {
            Some(p) if p.width == width && p.twin == *twin => p.slides.clone(),
            _ => {
                let slides: Arc<[Slide]> = deck_shaped(twin, width).into();
                self.paged = Some(PagedDeck {
                    width,
                    twin: twin.clone(),
                    slides: slides.clone(),
                });
                slides
            }
        }
    }

    /// When the deck is paged anew (the screen changed shape, the console opened beside the
    /// slides), stays on the slide shown before: the same key, else the first page of its list.
    fn keep_slide_across_pages(&mut self, slides: &[Slide]) {
        let Some((key, _)) = &self.shown else {
            return;
        };
        if slides
            .get(self.nav.current())
            .is_some_and(|s| &s.key == key)
        {
            return;
        }
        let base = key.split('~').next().unwrap_or(key);
        let found = slides
            .iter()
            .position(|s| &s.key == key)
            .or_else(|| slides.iter().position(|s| s.file_key() == base));
        if let Some(index) = found {
            self.nav.show(index);
        }
    }

    /// The slide (or a blank screen) filling `area`, with the slide number in a corner.
    fn draw_slides(&self, ui: &mut egui::Ui, area: Rect, twin: &Twin, slides: &[Slide], now: f64) {
        self.slides_size.set(Some(area.size()));
        match self.nav.blank() {
            Blank::Black => {
                ui.painter().rect_filled(area, 0.0, Color32::BLACK);
            }
            Blank::White => {
                ui.painter().rect_filled(area, 0.0, Color32::WHITE);
            }
            Blank::None => {
                if let Some(slide) = slides.get(self.nav.current()) {
                    show_slide_at(ui, area, twin, slide, self.theme, &self.moment(now));
                }
                self.overlay(ui, area);
            }
        }
    }

    fn draw_console(
        &mut self,
        ui: &mut egui::Ui,
        area: Rect,
        twin: &Twin,
        slides: &[Slide],
        now: f64,
    ) {
        let elapsed = now - self.clock_start.unwrap_or(now);
        let keys: Vec<&str> = slides.iter().map(|s| s.key.as_str()).collect();
        let plan = &twin.deck.rehearsal;
        let view = ConsoleView {
            twin,
            slides,
            current: self.nav.current(),
            step: self.nav.step(),
            next: self.next_moment(slides),
            typed: self.nav.typed(),
            elapsed_secs: elapsed,
            theme: self.theme,
            pace: if self.recorder.is_some() {
                None
            } else {
                pace(plan, &keys, self.nav.current(), elapsed)
            },
            rehearsed_secs: planned_total(plan, &keys),
            rehearsing: self.recorder.is_some(),
            two_screens: matches!(self.stage(), Stage::Dual { .. }),
            notice: self.notice.as_deref(),
            moment: self.moment(now),
            export_status: self.export.message(),
        };
        let mut console_ui = ui.new_child(egui::UiBuilder::new().max_rect(area));
        match console::show(&mut console_ui, &view) {
            ConsoleAction::ResetClock => self.clock_start = Some(now),
            ConsoleAction::ToggleRehearsal => {
                if self.recorder.is_some() {
                    self.stop_rehearsal(now);
                } else {
                    self.start_rehearsal();
                }
            }
            ConsoleAction::SwapScreens => self.swap_screens(ui.ctx()),
            ConsoleAction::Export(format) => {
                let ctx = ui.ctx().clone();
                self.export.start(
                    twin.clone(),
                    format,
                    self.theme,
                    self.export_path.clone(),
                    move || ctx.request_repaint(),
                );
            }
            ConsoleAction::None => {}
        }
        ui.ctx().request_repaint_after(until_next_second(elapsed));
    }

    /// What the next click shows: the next build step, else the next slide from its start.
    fn next_moment(&self, slides: &[Slide]) -> Option<(usize, usize)> {
        let current = self.nav.current();
        if self.nav.step() + 1 < self.nav.steps_of(current) {
            return Some((current, self.nav.step() + 1));
        }
        self.nav
            .next_index()
            .filter(|i| *i < slides.len())
            .map(|i| (i, 0))
    }

    /// The slides in a window of their own, full screen on the projector; keys pressed there
    /// drive the deck too, and closing it ends the show.
    fn slides_window(
        &mut self,
        ctx: &egui::Context,
        twin: &Twin,
        slides: &[Slide],
        monitor: usize,
        now: f64,
    ) -> Outcome {
        let builder = ViewportBuilder::default()
            .with_title(format!("{}: slides", twin.title))
            .with_monitor(monitor)
            .with_decorations(false)
            .with_fullscreen(true);
        let this = &*self;
        let (cmds, closed) = ctx.show_viewport_immediate(
            ViewportId::from_hash_of("twin_studio_presenter_slides"),
            builder,
            |ui, _class| {
                let cmds = commands(&ui.input(|i| i.events.clone()));
                let area = ui.max_rect();
                this.draw_slides(ui, area, twin, slides, now);
                if ui.input(|i| i.pointer.latest_pos().is_some()) {
                    ui.ctx().set_cursor_icon(CursorIcon::None);
                }
                (cmds, ui.input(|i| i.viewport().close_requested()))
            },
        );
        if !cmds.is_empty() {
            ctx.request_repaint();
        }
        let outcome = self.apply(&cmds, now);
        if closed {
            self.stop_rehearsal(now);
            return Outcome::Leave;
        }
        outcome
    }

    /// The slide number, small in a corner, and the digits of a jump being typed.
    fn overlay(&self, ui: &mut egui::Ui, area: Rect) {
        let scale = slide_scale(area);
        let font = egui::FontId::proportional((16.0 * scale).round().max(6.0));
        let corner = area.right_bottom() - vec2(16.0, 12.0) * scale;
        let label = if self.nav.typed().is_empty() {
            format!("{} / {}", self.nav.current() + 1, self.nav.slide_count())
        } else {
            format!("go to {}", self.nav.typed())
        };
        annotate(
            ui,
            corner,
            Align2::RIGHT_BOTTOM,
            &label,
            font,
            self.theme.muted(),
        );
    }

    /// Hides the pointer after it has rested for [`CURSOR_HIDE_SECS`]; wakes up only once to do so.
    fn hide_idle_cursor(&mut self, ctx: &egui::Context, now: f64) {
        let pos = ctx.input(|i| i.pointer.latest_pos());
        if pos != self.last_pointer || self.last_pointer_move.is_none() {
            self.last_pointer = pos;
            self.last_pointer_move = Some(now);
        }
        let still = now - self.last_pointer_move.unwrap_or(now);
        if still >= CURSOR_HIDE_SECS {
            ctx.set_cursor_icon(CursorIcon::None);
        } else {
            ctx.request_repaint_after(Duration::from_secs_f64(CURSOR_HIDE_SECS - still));
        }
    }
}

impl Outcome {
    /// Leave wins: one Esc in any window ends the show.
    fn max_leave(self, other: Outcome) -> Outcome {
        if self == Outcome::Leave || other == Outcome::Leave {
            Outcome::Leave
        } else {
            Outcome::Stay
        }
    }
}

fn until_next_second(elapsed: f64) -> Duration {
    Duration::from_secs_f64((1.0 - elapsed.rem_euclid(1.0)).max(0.01))
}
