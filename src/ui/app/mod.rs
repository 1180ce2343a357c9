//! The studio window: lays out the panels around [`AppState`], routes commands and shortcuts,
//! guards closing, autosaves, and remembers preferences. Drawing goes through
//! [`TwinStudioApp::draw`], so tests and the benchmark run the real UI without eframe.

mod chrome;
mod paths;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use egui::{RichText, ThemePreference, ViewportCommand};
use serde::{Deserialize, Serialize};

use super::commands::{self, Command};
use super::derived::Derived;
use super::dialogs::{self, CloseAnswer};
use super::file_dialogs::{FileDialogs, PathChooser, PathRequest, Purpose};
use super::library_panel::LibraryPanel;
use super::palette::CommandPalette;
use super::portfolio_panel::{self, PortfolioSort};
use super::report_panel::ReportPanel;
use super::side_by_side::SideBySide;
use super::state::{AUTOSAVE_SECONDS, AppState, Tab};
use super::style::{self, space};
use super::window::{WindowKeeper, WindowPlace};
use super::{compare_panel, diversification_panel, edit, health_panel};
use crate::analysis::WhatIf;
use crate::present::{Outcome, Presenter, ProjectorTheme};

/// What is remembered between sessions (eframe persistence).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// "system", "dark" or "light".
    pub theme: String,
    pub last_library: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    /// Where the window was on each monitor, keyed by monitor size ("1366x768").
    pub windows: BTreeMap<String, WindowPlace>,
}

/// The storage key of [`Prefs`].
pub const PREFS_KEY: &str = "twin_studio_prefs";

impl Prefs {
    pub fn theme_preference(&self) -> ThemePreference {
        match self.theme.as_str() {
            "dark" => ThemePreference::Dark,
            "light" => ThemePreference::Light,
            _ => ThemePreference::System,
        }
    }
}

fn theme_key(theme: ThemePreference) -> &'static str {
    match theme {
        ThemePreference::Dark => "dark",
        ThemePreference::Light => "light",
        ThemePreference::System => "system",
    }
}

/// Where the app leaves the URLs of dropped link files for the evidence table with a selected
/// row to take (in the Edit tab); what is left at the end of the frame is reported.
pub(super) fn dropped_links_id() -> egui::Id {
    egui::Id::unique("dropped_links")
}

/// The studio.
pub struct TwinStudioApp {
    pub state: AppState,
    derived: Derived,
    library: LibraryPanel,
    portfolio_sort: PortfolioSort,
    report: ReportPanel,
    /// The window title last sent, so it is only sent when it changes.
    title: String,
    /// The theme choice as of the last frame, for [`Prefs`].
    theme: ThemePreference,
    /// Presenter mode (F5) on the selected twin; the studio is hidden while it runs.
    presenter: Option<Presenter>,
    palette: CommandPalette,
    /// The field the Edit tab scrolls to and focuses next (a validation path), from search or
    /// the palette.
    pub jump: Option<String>,
    window: WindowKeeper,
    /// Window places remembered from earlier sessions, per monitor.
    windows: BTreeMap<String, WindowPlace>,
    /// Open, Save as and Export paths: the system chooser, or the studio's own field.
    paths: PathChooser,
    /// The Portfolio tab's "what if" pillar multipliers (never saved into a twin).
    pub what_if: WhatIf,
    /// The Compare tab's second twin, when two twins are compared side by side.
    pub side_by_side: SideBySide,
}

impl TwinStudioApp {
    pub fn new(state: AppState) -> Self {
        Self {
            state,
            derived: Derived::default(),
            library: LibraryPanel::default(),
            portfolio_sort: PortfolioSort::default(),
            report: ReportPanel::default(),
            title: String::new(),
            theme: ThemePreference::System,
            presenter: None,
            palette: CommandPalette::default(),
            jump: None,
            window: WindowKeeper::default(),
            windows: BTreeMap::new(),
            paths: PathChooser::default(),
            what_if: WhatIf::default(),
            side_by_side: SideBySide::default(),
        }
    }

    /// Asks for paths through `dialogs` instead of the system chooser (tests pass one that fails).
    pub fn with_file_dialogs(mut self, dialogs: Box<dyn FileDialogs>) -> Self {
        self.paths = PathChooser::new(dialogs);
        self
    }

    /// Uses the window places remembered in `prefs` (the window then opens where it was left).
    pub fn with_prefs(mut self, prefs: &Prefs) -> Self {
        self.windows = prefs.windows.clone();
        self
    }

    /// Whether the command palette is open.
    pub fn palette_open(&self) -> bool {
        self.palette.is_open()
    }

    /// Whether presenter mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presenter.is_some()
    }

    /// Shows the selected twin as a deck, full screen; returns false when presenting ended.
    fn present(&mut self, ui: &mut egui::Ui) -> bool {
        let (Some(presenter), Some(open)) = (&mut self.presenter, self.state.selected_twin())
        else {
            self.presenter = None;
            return false;
        };
        let outcome = presenter.show(ui, &open.twin);
        // A rehearsal that ended is saved in the twin, as an edit the user can undo.
        if let Some(times) = presenter.take_rehearsal(&open.twin)
            && let Some(twin) = self.state.selected_mut()
        {
            twin.deck.rehearsal = times;
            self.state.after_edit(true, false);
        }
        if outcome == Outcome::Leave {
            self.presenter = None;
            ui.ctx()
                .send_viewport_cmd(ViewportCommand::Fullscreen(false));
            return false;
        }
        true
    }

    /// The Portfolio tab's figures with the current "what if" weights (for tests and benches).
    pub fn portfolio_figures(&mut self) -> &super::PortfolioFigures {
        self.derived.portfolio(&self.state, &self.what_if)
    }

    /// The selected twin's derived figures as the tabs draw them (cached per revision).
    pub fn figures(&mut self) -> Option<&super::TwinFigures> {
        self.derived.twin(&self.state)
    }

    /// The preferences to persist now.
    pub fn prefs(&self) -> Prefs {
        let mut windows = self.windows.clone();
        if let Some((monitor, place)) = &self.window.current {
            windows.insert(monitor.clone(), *place);
        }
        Prefs {
            theme: theme_key(self.theme).to_owned(),
            last_library: self.state.folder.clone(),
            recent: self.state.recent.clone(),
            windows,
        }
    }

    /// Draws the whole studio into `ui` and handles this frame's input.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // While presenting, every key belongs to the clicker; the live twin is what it shows.
        if self.presenter.is_some() && self.present(ui) {
            return;
        }
        self.theme = ctx.options(|o| o.theme_preference);
        self.window.frame(&ctx, &self.windows);
        let mut pending: Vec<Command> = commands::from_shortcuts(&ctx);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        let (links, files): (Vec<PathBuf>, Vec<PathBuf>) = dropped
            .into_iter()
            .partition(|p| crate::store::is_link_file(p));
        pending.extend(files.into_iter().map(Command::OpenPath));
        self.take_dropped_links(&ctx, &links);
        self.guard_close(&ctx);
        // The palette goes first: while open, it owns the arrow keys and Enter.
        if let Some(command) = self.palette.show(ui) {
            pending.push(command);
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut pending));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("library")
            .default_size(space::LIBRARY_WIDTH)
            .min_size(220.0)
            .show(ui, |ui| {
                if let Some(command) = self.library.show(ui, &mut self.state) {
                    pending.push(command);
                }
            });
        let mut edited = false;
        egui::CentralPanel::default_margins().show(ui, |ui| {
            edited = self.centre(ui, &mut pending);
        });
        let still_editing = ctx.input(|i| i.pointer.any_down()) || ctx.egui_wants_keyboard_input();
        self.state.after_edit(edited, still_editing);
        if edited {
            ctx.request_repaint();
        }
        for command in pending {
            self.run(&ctx, command);
        }
        self.choose_paths(&ctx);

        if let Some(links) = ctx.data_mut(|d| d.remove_temp::<Vec<String>>(dropped_links_id())) {
            self.state.set_error(format!(
                "{} not added: open the Edit tab, select an evidence row, then drop",
                crate::wording::count(links.len(), "dropped link", "dropped links")
            ));
        }
        if self.state.poll_loading() {
            ctx.request_repaint();
        }
        if self.state.is_loading() {
            ctx.request_repaint_after(Duration::from_millis(30));
        } else if !self.state.recovery_offer.is_empty() {
            // Offered once the library is whole, so restored edits find their twins.
            dialogs::recovery_offer(ui, &mut self.state);
        }
        let repaint = ctx.clone();
        self.state.keep_watching(move || repaint.request_repaint());
        self.state.follow_outside_changes();
        if !self.state.conflicts.is_empty() {
            dialogs::outside_conflict(ui, &mut self.state);
        }
        if self.state.close_guard {
            self.close_dialog(ui);
        }
        self.autosave(&ctx);
    }

    /// Runs one command; the ones that need the egui context or the app are handled here.
    fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Present => {
                if self.state.selected.is_some() {
                    self.presenter = Some(Presenter::new(0, ProjectorTheme::default()));
                    ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
                    ctx.request_repaint();
                }
            }
            Command::Theme(theme) => ctx.set_theme(theme),
            Command::SaveAs => {
                let Some(start) = self.state.selected_twin().map(|o| o.path.clone()) else {
                    return;
                };
                if let Some(path) = self
                    .paths
                    .ask(PathRequest::SaveAs, Purpose::SaveTwin, &start)
                {
                    self.state.save_selected_as(path);
                }
            }
            Command::OpenFolder => {
                let start = self.state.folder.clone().unwrap_or_default();
                if let Some(path) =
                    self.paths
                        .ask(PathRequest::OpenFolder, Purpose::OpenFolder, &start)
                {
                    self.state.open_path(&path);
                }
            }
            Command::OpenFile => {
                let start = self.state.folder.clone().unwrap_or_default();
                if let Some(path) = self
                    .paths
                    .ask(PathRequest::OpenFile, Purpose::OpenFile, &start)
                {
                    self.state.open_path(&path);
                }
            }
            Command::OpenTyped => {
                let start = self.state.folder.clone().unwrap_or_default();
                self.paths
                    .type_path(PathRequest::OpenFile, Purpose::OpenAny, &start);
            }
            Command::Palette => self.palette.toggle(ctx, &self.state),
            Command::JumpTo { ref path, .. } => {
                self.jump = Some(path.clone());
                commands::run(&mut self.state, command);
                ctx.request_repaint();
            }
            command => commands::run(&mut self.state, command),
        }
    }

    /// Reads dropped internet-shortcut files; their URLs wait for the evidence table with a
    /// selected row to take them (see `edit::evidence`).
    fn take_dropped_links(&mut self, ctx: &egui::Context, links: &[PathBuf]) {
        if links.is_empty() {
            return;
        }
        let mut urls = Vec::new();
        for path in links {
            match crate::store::read_link_file(path) {
                Ok(url) => urls.push(url),
                Err(e) => self.state.set_error(e),
            }
        }
        if !urls.is_empty() {
            ctx.data_mut(|d| d.insert_temp(dropped_links_id(), urls));
            ctx.request_repaint();
        }
    }

    /// Intercepts a close request while edits are unsaved and opens the guard instead.
    fn guard_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && self.state.any_unsaved()
            && !self.state.allow_close
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.state.close_guard = true;
        }
    }

    fn close_dialog(&mut self, ui: &mut egui::Ui) {
        match dialogs::close_guard(ui, &self.state) {
            Some(CloseAnswer::Save) => {
                self.state.close_guard = false;
                if self.state.save_all() {
                    self.state.allow_close = true;
                    ui.ctx().send_viewport_cmd(ViewportCommand::Close);
                }
            }
            Some(CloseAnswer::Discard) => {
                self.state.close_guard = false;
                self.state.discard_unsaved();
                self.state.allow_close = true;
                ui.ctx().send_viewport_cmd(ViewportCommand::Close);
            }
            Some(CloseAnswer::Cancel) => self.state.close_guard = false,
            None => {}
        }
    }

    /// Writes unsaved edits to the recovery file every few seconds, waking up only when needed.
    fn autosave(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.state.autosave(now);
        if self.state.recovery.is_some()
            && self.state.any_unsaved()
            && self
                .state
                .autosaved
                .is_none_or(|(sum, _)| sum != self.state.revision_sum())
        {
            ctx.request_repaint_after(Duration::from_secs_f64(AUTOSAVE_SECONDS));
        }
    }

    /// The tab bar and the selected tab; true when the selected twin was edited. Commands the
    /// tab asks for (a jump from the health panel) join `pending`.
    fn centre(&mut self, ui: &mut egui::Ui, pending: &mut Vec<Command>) -> bool {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                ui.selectable_value(&mut self.state.tab, tab, tab.label());
            }
            if let Some(open) = self.state.selected_twin() {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let mark = if open.is_unsaved() { "● " } else { "" };
                    ui.weak(format!("{mark}{}", open.path.display()));
                });
            }
        });
        ui.separator();
        if self.state.tab == Tab::Portfolio {
            self.portfolio(ui);
            return false;
        }
        let Some(index) = self.state.selected else {
            ui.heading("No twin open");
            ui.label("Open a folder of .twin.json files (Ctrl+O) or create a twin (Ctrl+N).");
            return false;
        };
        let Some(figures) = self.derived.twin(&self.state) else {
            return false;
        };
        match self.state.tab {
            Tab::Compare => {
                self.side_by_side.picker(ui, &self.state.twins, index);
                if let Some(path) = health_panel::show(ui, &figures.health) {
                    pending.push(Command::JumpTo { twin: index, path });
                }
                if !self
                    .side_by_side
                    .show(ui, &self.state.twins, index, figures)
                {
                    let twin = &self.state.twins[index].twin;
                    compare_panel::show(ui, twin, figures, &mut self.state.snapshot);
                }
                false
            }
            Tab::Edit => {
                let (issues, health) = (&figures.issues, &figures.health);
                match self.state.selected_mut() {
                    Some(twin) => edit::show(ui, twin, issues, health, &mut self.jump),
                    None => false,
                }
            }
            Tab::Diversification => {
                diversification_panel::show(ui, &self.state.twins[index].twin, figures);
                false
            }
            Tab::Report => {
                self.report.show(ui, &self.state.twins[index].twin);
                false
            }
            Tab::Portfolio => false,
        }
    }

    fn portfolio(&mut self, ui: &mut egui::Ui) {
        let figures = self.derived.portfolio(&self.state, &self.what_if);
        let averages = portfolio_panel::average_bars(figures);
        let opened = portfolio_panel::show(
            ui,
            figures,
            &averages,
            &mut self.portfolio_sort,
            &mut self.what_if,
        );
        if let Some(id) = opened {
            let index = self.state.twins.iter().position(|t| t.twin.id == id);
            if index.is_some() {
                self.state.select(index);
                self.state.tab = Tab::Compare;
            }
        }
    }
}

impl eframe::App for TwinStudioApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        let ctx = ui.ctx().clone();
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.prefs());
    }
}
