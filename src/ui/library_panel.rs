//! The library: every twin of the open folder with search and filters, new / duplicate / rename /
//! delete, and the files that failed with why. Long libraries are virtualised (only visible rows).

use egui::RichText;

use super::commands::Command;
use super::library_filters;
use super::library_search::{self, LibrarySearch};
use super::state::{AppState, LibraryFilter};
use super::style::{self, space};
use crate::font_chain::for_egui;

/// Row height of the twin list; fixed so only visible rows are laid out.
const ROW_HEIGHT: f32 = 46.0;

/// Row height while searching: a third line says why the twin matched.
const SEARCH_ROW_HEIGHT: f32 = 64.0;

/// Row height of a search hit: where, then the text around the match.
const HIT_ROW_HEIGHT: f32 = 42.0;

/// The panel's own state between frames.
#[derive(Debug, Default)]
pub struct LibraryPanel {
    /// The rename in progress.
    renaming: Option<String>,
    search: LibrarySearch,
    /// The twin whose row has keyboard focus (as of the last frame).
    focused: Option<usize>,
    /// The twin whose row takes the focus this frame (moved to with the arrows).
    focus_row: Option<usize>,
    /// The twin to open this frame (Enter in the search box).
    open_row: Option<usize>,
    /// Escape in the search box empties it.
    clear_search: bool,
    /// The list's scroll offset and height as of the last frame.
    view: (f32, f32),
}

impl LibraryPanel {
    /// Draws the panel; commands that need the app (dialogs, undo) are returned to it.
    pub fn show(&mut self, ui: &mut egui::Ui, state: &mut AppState) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Library").size(style::size::HEADING).strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Open…")
                    .on_hover_text("Open a folder (Ctrl+O)")
                    .clicked()
                {
                    command = Some(Command::OpenFolder);
                }
            });
        });
        if let Some(folder) = &state.folder {
            style::hint(ui, &folder.display().to_string());
        }
        if let Some((loaded, total)) = state.loading_progress() {
            ui.horizontal(|ui| {
                ui.spinner();
                let text = match total {
                    Some(total) => format!("Loading twins: {loaded} of {total}"),
                    None => "Listing the folder…".to_owned(),
                };
                ui.label(text);
            });
            if let Some(total) = total.filter(|&t| t > 0) {
                ui.add(egui::ProgressBar::new(loaded as f32 / total as f32).desired_height(4.0));
            }
        }
        ui.horizontal(|ui| {
            if ui
                .button("New")
                .on_hover_text("New twin from the OYCR template (Ctrl+N)")
                .clicked()
            {
                command = Some(Command::New);
            }
            let has = state.selected.is_some();
            if ui
                .add_enabled(has, egui::Button::new("Duplicate"))
                .clicked()
            {
                command = Some(Command::Duplicate);
            }
            if ui.add_enabled(has, egui::Button::new("Rename")).clicked() {
                self.renaming = state.selected_twin().map(|t| t.twin.title.clone());
            }
            if ui.add_enabled(has, egui::Button::new("Delete")).clicked() {
                command = Some(Command::Delete);
            }
        });
        if self.rename(ui, state) {
            command = command.or(Some(Command::Edited));
        }
        let framework = state
            .selected
            .and_then(|i| state.twins.get(i))
            .map(|t| &t.twin.framework);
        let search_box = library_filters::show(ui, &mut state.filter, framework);
        ui.separator();

        let visible = self.visible(state);
        let searching = !state.filter.search.trim().is_empty();
        if state.filter.is_active() {
            style::hint(
                ui,
                &format!("{} of {} twins", visible.len(), state.twins.len()),
            );
        }
        self.keyboard(ui, &search_box, &visible, state.selected);

        let selected_hits = match state.selected {
            Some(i) if searching && visible.contains(&i) => Some(i),
            _ => None,
        };
        let broken_height = if state.broken.is_empty() { 0.0 } else { 90.0 };
        let hits_height = if selected_hits.is_some() {
            (ui.available_height() * 0.4).clamp(120.0, 260.0)
        } else {
            0.0
        };
        let list_height =
            (ui.available_height() - broken_height - hits_height).max(ROW_HEIGHT * 2.0);
        if let Some(i) = self.list(ui, state, &visible, searching, list_height) {
            self.renaming = None;
            command = Some(Command::OpenTwin(i));
        }
        if let Some(i) = selected_hits
            && let Some(jump) = self.hits_list(ui, state, i)
        {
            command = Some(jump);
        }
        if !state.broken.is_empty() {
            egui::ScrollArea::vertical()
                .id_salt("broken")
                .max_height(broken_height)
                .show(ui, |ui| {
                    for error in &state.broken {
                        ui.colored_label(ui.visuals().error_fg_color, error.to_string());
                    }
                });
        }
        if state.twins.is_empty() {
            ui.add_space(space::MD);
            ui.weak("No twins here yet. Create one with New or open another folder.");
        }
        command
    }

    /// The twins the list shows: those passing the filters and holding every searched word.
    fn visible(&mut self, state: &AppState) -> Vec<usize> {
        let others = LibraryFilter {
            search: String::new(),
            ..state.filter.clone()
        };
        let passes = |i: &usize| !others.is_active() || others.matches(&state.twins[*i].twin);
        match self.search.update(&state.twins, &state.filter.search) {
            Some(found) => found.iter().copied().filter(passes).collect(),
            None => (0..state.twins.len()).filter(passes).collect(),
        }
    }

    /// Up/Down move the keyboard focus through the rows (from the search box too), Enter on a
    /// focused row opens it (egui clicks the focused widget); Enter in the search box opens the
    /// first result.
    fn keyboard(
        &mut self,
        ui: &egui::Ui,
        search_box: &egui::Response,
        visible: &[usize],
        selected: Option<usize>,
    ) {
        let position = |twin: usize| visible.iter().position(|&i| i == twin);
        if let Some(focused) = self.focused.filter(|_| !visible.is_empty()) {
            let (down, up) = ui.input_mut(|i| {
                (
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                    i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                )
            });
            let at = position(focused).unwrap_or(0);
            if down {
                self.focus_row = visible.get((at + 1).min(visible.len() - 1)).copied();
            } else if up {
                self.focus_row = visible.get(at.saturating_sub(1)).copied();
            }
        }
        if search_box.has_focus()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown))
        {
            let start = selected.and_then(position).unwrap_or(0);
            self.focus_row = visible.get(start).copied();
        }
        if search_box.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            self.open_row = visible.first().copied();
            self.focus_row = self.open_row;
        }
        if search_box.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.clear_search = true;
        }
    }

    /// The rows (only the visible part is laid out); returns the twin clicked or opened.
    fn list(
        &mut self,
        ui: &mut egui::Ui,
        state: &mut AppState,
        visible: &[usize],
        searching: bool,
        height: f32,
    ) -> Option<usize> {
        if std::mem::take(&mut self.clear_search) {
            state.filter.search.clear();
        }
        let row_height = if searching {
            SEARCH_ROW_HEIGHT
        } else {
            ROW_HEIGHT
        };
        let mut area = egui::ScrollArea::vertical()
            .id_salt("twin_list")
            .max_height(height)
            .auto_shrink([false, false]);
        // Keep the row the keyboard moved to in view.
        if let Some(target) = self.focus_row
            && let Some(row) = visible.iter().position(|&i| i == target)
        {
            let step = row_height + ui.spacing().item_spacing.y;
            let top = row as f32 * step;
            let (offset, view) = self.view;
            if top < offset {
                area = area.vertical_scroll_offset(top);
            } else if top + step > offset + view {
                area = area.vertical_scroll_offset(top + step - view);
            }
        }
        let mut opened = self.open_row.take();
        let mut focused = None;
        let output = area.show_rows(ui, row_height, visible.len(), |ui, range| {
            for row in range {
                let Some(&i) = visible.get(row) else {
                    continue;
                };
                let open = &state.twins[i];
                let twin = &open.twin;
                let mark = if open.is_unsaved() { "● " } else { "" };
                let why = if searching {
                    let hits = self.search.hits(i);
                    let more = hits.total.saturating_sub(1);
                    hits.hits.first().map(|hit| {
                        let mut job = library_search::hit_line(ui, hit, style::size::SMALL, true);
                        if more > 0 {
                            job.append(
                                &format!("  +{more}"),
                                0.0,
                                egui::TextFormat::simple(
                                    egui::FontId::proportional(style::size::SMALL),
                                    style::colours(ui).muted,
                                ),
                            );
                        }
                        job
                    })
                } else {
                    None
                };
                let id = egui::Id::unique(("library_row", i));
                let response = twin_row(
                    ui,
                    id,
                    RowLook {
                        selected: state.selected == Some(i),
                        height: row_height,
                    },
                    &format!("{mark}{}", for_egui(&twin.title)),
                    &for_egui(&format!(
                        "{} · {}",
                        twin.west.display_name(),
                        twin.east.display_name()
                    )),
                    why,
                );
                if self.focus_row == Some(i) {
                    response.request_focus();
                    self.focus_row = None;
                }
                if response.has_focus() {
                    focused = Some(i);
                    // Up and Down belong to the list, not to egui's focus-by-direction.
                    ui.memory_mut(|m| {
                        m.set_focus_lock_filter(
                            id,
                            egui::EventFilter {
                                vertical_arrows: true,
                                ..Default::default()
                            },
                        );
                    });
                }
                if response.clicked() {
                    response.request_focus();
                    opened = Some(i);
                }
            }
        });
        self.view = (output.state.clamped_offset().y, output.inner_rect.height());
        self.focused = focused;
        opened
    }

    /// Every field of the selected twin that matched, each a button to jump to it.
    fn hits_list(&mut self, ui: &mut egui::Ui, state: &AppState, index: usize) -> Option<Command> {
        let title = state.twins.get(index).map(|t| t.twin.title.clone())?;
        let hits = self.search.hits(index).clone();
        ui.separator();
        let shown = if hits.total > hits.hits.len() {
            format!(" (first {})", hits.hits.len())
        } else {
            String::new()
        };
        ui.label(
            RichText::new(format!(
                "{} in {title}{shown}",
                crate::wording::count(hits.total, "match", "matches")
            ))
            .strong(),
        );
        let mut jump = None;
        egui::ScrollArea::vertical()
            .id_salt("search_hits")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for hit in &hits.hits {
                    let muted = style::colours(ui).muted;
                    let lines = [
                        RichText::new(&hit.label)
                            .size(style::size::SMALL)
                            .color(muted)
                            .into(),
                        library_search::hit_line(ui, hit, style::size::SMALL, false).into(),
                    ];
                    let response = clickable_row(
                        ui,
                        egui::Id::unique(("search_hit", index, &hit.path)),
                        RowLook {
                            selected: false,
                            height: HIT_ROW_HEIGHT,
                        },
                        &hit.label,
                        lines,
                    )
                    .on_hover_text("Open this field in the Edit tab");
                    if response.clicked() {
                        jump = Some(Command::JumpTo {
                            twin: index,
                            path: hit.path.clone(),
                        });
                    }
                }
            });
        jump
    }

    /// The inline rename of the selected twin's title; true when the title changed.
    fn rename(&mut self, ui: &mut egui::Ui, state: &mut AppState) -> bool {
        let Some(buffer) = &mut self.renaming else {
            return false;
        };
        let mut changed = false;
        let mut done = false;
        ui.horizontal(|ui| {
            let response = ui.add(
                egui::TextEdit::singleline(buffer)
                    .hint_text("Title")
                    .desired_width(170.0),
            );
            let enter = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("OK").clicked() || enter {
                if let Some(twin) = state.selected_mut()
                    && twin.title != *buffer
                {
                    twin.title.clone_from(buffer);
                    changed = true;
                }
                done = true;
            }
            if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                done = true;
            }
        });
        if done {
            self.renaming = None;
        }
        changed
    }
}

/// How a row is drawn.
struct RowLook {
    selected: bool,
    height: f32,
}

/// One library row, all of it the click target: title over both names (and, while searching,
/// why the twin matched), left-aligned and cut with "…" when too long. The texts do not take
/// clicks, so clicking a name opens the twin like clicking anywhere else on the row.
fn twin_row(
    ui: &mut egui::Ui,
    id: egui::Id,
    look: RowLook,
    title: &str,
    names: &str,
    why: Option<egui::text::LayoutJob>,
) -> egui::Response {
    let visuals = if look.selected {
        ui.visuals().selection.stroke.color
    } else {
        ui.visuals().text_color()
    };
    let mut lines: Vec<egui::WidgetText> = vec![
        RichText::new(title).strong().color(visuals).into(),
        RichText::new(names)
            .size(style::size::SMALL)
            .color(visuals)
            .into(),
    ];
    lines.extend(why.map(egui::WidgetText::from));
    clickable_row(ui, id, look, title, lines)
}

/// A fixed-height row whose whole area is one button (hover and focus feedback, Enter clicks it
/// when focused), showing `lines` of text that never take the click themselves.
fn clickable_row(
    ui: &mut egui::Ui,
    id: egui::Id,
    look: RowLook,
    name: &str,
    lines: impl IntoIterator<Item = egui::WidgetText>,
) -> egui::Response {
    let size = egui::vec2(ui.available_width(), look.height - 4.0);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let response = ui
        .interact(rect, id, egui::Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    let visuals = ui.style().interact_selectable(&response, look.selected);
    if look.selected {
        ui.painter()
            .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
    } else if response.hovered() || response.has_focus() {
        ui.painter().rect_filled(
            rect,
            visuals.corner_radius,
            ui.visuals().widgets.hovered.weak_bg_fill,
        );
    }
    if response.has_focus() {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            visuals.corner_radius,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    let inner = rect.shrink2(egui::vec2(space::SM, 3.0));
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
    child.spacing_mut().item_spacing.y = 2.0;
    for line in lines {
        child.add(
            egui::Label::new(line)
                .selectable(false)
                .sense(egui::Sense::empty())
                .truncate(),
        );
    }
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, look.selected, name));
    response
}
