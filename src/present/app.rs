//! The presenter: the clicker, the slide on screen, blank screens, the cursor and the console.
//! [`Presenter`] is embedded by the studio (F5 in, Esc out); [`run`] opens it full screen alone.

use std::path::Path;
use std::time::Duration;

use egui::{Align2, Color32, CursorIcon, Pos2, Rect, ViewportBuilder, ViewportId, pos2, vec2};

use super::console::{self, ConsoleAction, ConsoleView};
use super::deck::{Slide, deck};
use super::keys::{Command, commands};
use super::nav::{Blank, Navigator, Outcome};
use super::theme::{ProjectorTheme, slide_scale};
use super::view::{annotate, show_slide};
use crate::model::Twin;

/// How long the pointer may rest before it is hidden from the audience.
const CURSOR_HIDE_SECS: f64 = 2.0;

/// Share of the main window the in-window console takes (P).
const INLINE_CONSOLE_SHARE: f32 = 0.38;

/// Presenter state that outlives a frame.
#[derive(Debug, Clone)]
pub struct Presenter {
    nav: Navigator,
    pub theme: ProjectorTheme,
    /// The console inside the main window, toggled with P.
    console_inline: bool,
    /// The console in its own window, where the platform has one; closing it turns this off.
    console_window: bool,
    /// `egui` input time the clock counts from; set on the first frame.
    clock_start: Option<f64>,
    last_pointer: Option<Pos2>,
    /// When the pointer last moved; `None` until the first frame.
    last_pointer_move: Option<f64>,
}

impl Presenter {
    /// A presenter starting on slide `start` (0-based, clamped once the deck is known).
    pub fn new(start: usize, theme: ProjectorTheme) -> Self {
        Self {
            nav: Navigator::new(usize::MAX, start),
            theme,
            console_inline: false,
            console_window: true,
            clock_start: None,
            last_pointer: None,
            last_pointer_move: None,
        }
    }

    pub fn navigator(&self) -> &Navigator {
        &self.nav
    }

    /// Whether the console is drawn inside the main window.
    pub fn console_inline(&self) -> bool {
        self.console_inline
    }

    /// Whether the console should open as a second window (where viewports are supported).
    pub fn set_console_window(&mut self, open: bool) {
        self.console_window = open;
    }

    /// Draws the presenter into `ui` (all of it) for one frame and handles its keys.
    pub fn show(&mut self, ui: &mut egui::Ui, twin: &Twin) -> Outcome {
        let slides = deck(twin);
        self.nav.set_len(slides.len());
        let now = ui.input(|i| i.time);
        let clock_start = *self.clock_start.get_or_insert(now);

        let events = ui.input(|i| i.events.clone());
        let mut outcome = self.apply(&commands(&events));

        let ctx = ui.ctx().clone();
        if self.console_window && !ctx.embed_viewports() {
            outcome = outcome.max_leave(self.console_viewport(
                &ctx,
                twin,
                &slides,
                now - clock_start,
                now,
            ));
        }

        let screen = ui.max_rect();
        let (slide_area, console_area) = if self.console_inline {
            let split = screen.right() - screen.width() * INLINE_CONSOLE_SHARE;
            (
                Rect::from_min_max(screen.min, pos2(split, screen.bottom())),
                Some(Rect::from_min_max(pos2(split, screen.top()), screen.max)),
            )
        } else {
            (screen, None)
        };
        match self.nav.blank() {
            Blank::Black => {
                ui.painter().rect_filled(slide_area, 0.0, Color32::BLACK);
            }
            Blank::White => {
                ui.painter().rect_filled(slide_area, 0.0, Color32::WHITE);
            }
            Blank::None => {
                if let Some(slide) = slides.get(self.nav.current()) {
                    show_slide(ui, slide_area, twin, slide, self.theme);
                }
                self.overlay(ui, slide_area);
            }
        }
        if let Some(area) = console_area {
            let view = self.console_view(twin, &slides, now - clock_start);
            ui.painter().rect_filled(area, 0.0, ui.visuals().panel_fill);
            let mut console_ui = ui.new_child(egui::UiBuilder::new().max_rect(area.shrink(16.0)));
            if console::show(&mut console_ui, &view) == ConsoleAction::ResetClock {
                self.clock_start = Some(now);
            }
            ctx.request_repaint_after(until_next_second(now - clock_start));
        }
        self.hide_idle_cursor(&ctx, now);
        outcome
    }

    fn apply(&mut self, commands: &[Command]) -> Outcome {
        let mut outcome = Outcome::Stay;
        for c in commands {
            match c {
                Command::Navigate(key) => outcome = outcome.max_leave(self.nav.press(*key)),
                Command::ToggleConsole => self.console_inline = !self.console_inline,
            }
        }
        outcome
    }

    fn console_view<'a>(
        &'a self,
        twin: &'a Twin,
        slides: &'a [Slide],
        elapsed: f64,
    ) -> ConsoleView<'a> {
        ConsoleView {
            twin,
            slides,
            current: self.nav.current(),
            next: self.nav.next_index(),
            typed: self.nav.typed(),
            elapsed_secs: elapsed,
            theme: self.theme,
        }
    }

    /// The console in a second native window; keys pressed there drive the deck too.
    fn console_viewport(
        &mut self,
        ctx: &egui::Context,
        twin: &Twin,
        slides: &[Slide],
        elapsed: f64,
        now: f64,
    ) -> Outcome {
        let view = self.console_view(twin, slides, elapsed);
        let builder = ViewportBuilder::default()
            .with_title("Presenter console")
            .with_inner_size([960.0, 640.0]);
        let (cmds, action, closed) = ctx.show_viewport_immediate(
            ViewportId::from_hash_of("twin_studio_presenter_console"),
            builder,
            |ui, _class| {
                let cmds = commands(&ui.input(|i| i.events.clone()));
                let mut action = ConsoleAction::None;
                egui::CentralPanel::default_margins()
                    .show(ui, |ui| action = console::show(ui, &view));
                let closed = ui.input(|i| i.viewport().close_requested());
                (cmds, action, closed)
            },
        );
        ctx.request_repaint_after(until_next_second(elapsed));
        if action == ConsoleAction::ResetClock {
            self.clock_start = Some(now);
        }
        if closed {
            self.console_window = false;
        }
        self.apply(&cmds)
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

/// The standalone presenter window.
pub struct PresenterApp {
    twin: Twin,
    presenter: Presenter,
}

impl PresenterApp {
    pub fn new(twin: Twin, presenter: Presenter) -> Self {
        Self { twin, presenter }
    }
}

impl eframe::App for PresenterApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.presenter.show(ui, &self.twin) == Outcome::Leave {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// `twin-studio present FILE`: loads the twin and presents it full screen from slide `slide`
/// (1-based). Returns the process exit code.
pub fn run(path: &Path, slide: Option<usize>, theme: ProjectorTheme) -> i32 {
    let twin = match crate::store::load_twin(path) {
        Ok(twin) => twin,
        Err(e) => {
            eprintln!("{e}");
            return crate::cli::EXIT_BAD_INPUT;
        }
    };
    let count = deck(&twin).len();
    let requested = slide.unwrap_or(1);
    if requested > count {
        eprintln!("twin-studio: the deck has {count} slides; starting on the last one");
    }
    let presenter = Presenter::new(requested.saturating_sub(1), theme);
    let mut options = eframe::NativeOptions {
        viewport: ViewportBuilder::default()
            .with_title(format!("{}: presenter", twin.title))
            .with_app_id("twin-studio")
            .with_fullscreen(true)
            .with_decorations(false),
        ..Default::default()
    };
    if let Some(icon) = crate::ui::window_icon() {
        options.viewport = options.viewport.with_icon(icon);
    }
    let result = eframe::run_native(
        "Twin Studio presenter",
        options,
        Box::new(move |cc| {
            crate::ui::fonts::install(&cc.egui_ctx);
            cc.egui_ctx.set_visuals(theme.visuals());
            Ok(Box::new(PresenterApp::new(twin, presenter)))
        }),
    );
    match result {
        Ok(()) => crate::cli::EXIT_OK,
        Err(e) => {
            eprintln!("twin-studio: cannot open a window: {e}");
            crate::cli::EXIT_BAD_INPUT
        }
    }
}
