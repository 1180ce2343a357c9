//! Form fields shared by the editors: a label, the widget, and the validation message for the
//! field's path right under it. Each returns whether the user changed the value this frame.

use std::ops::RangeInclusive;

use egui::{DragValue, Response, RichText, TextEdit};

use super::style::{self, space};
use crate::model::{Issue, Source};

/// The messages for one field, looked up by its validation path, and the field to jump to (from
/// search or the palette), which the editor of that path scrolls into view and focuses.
pub struct Issues<'a> {
    pub all: &'a [Issue],
    jump: Option<&'a str>,
    jumped: std::cell::Cell<bool>,
}

impl<'a> Issues<'a> {
    pub fn new(all: &'a [Issue]) -> Self {
        Self {
            all,
            jump: None,
            jumped: std::cell::Cell::new(false),
        }
    }

    /// Also jumps to the field at this validation path.
    pub fn with_jump(mut self, path: Option<&'a str>) -> Self {
        self.jump = path;
        self
    }

    /// The field to jump to, until an editor took the jump.
    pub fn jump_target(&self) -> Option<&'a str> {
        self.jump.filter(|_| !self.jumped.get())
    }

    /// The messages for exactly `path`.
    pub fn messages(&self, path: &str) -> Vec<&'a str> {
        self.all
            .iter()
            .filter(|i| i.path == path)
            .map(|i| i.message.as_str())
            .collect()
    }

    /// Whether an editor took the jump this frame.
    pub fn jumped(&self) -> bool {
        self.jumped.get()
    }

    /// Scrolls to and focuses `response` when it edits the field being jumped to.
    pub fn jump_here(&self, response: &Response, path: &str) {
        if self.jump_target() == Some(path) {
            response.request_focus();
            response.scroll_to_me(Some(egui::Align::Center));
            self.jumped.set(true);
        }
    }

    /// Shows every message for exactly `path`, in the error colour.
    pub fn show(&self, ui: &mut egui::Ui, path: &str) {
        for issue in self.all.iter().filter(|i| i.path == path) {
            ui.label(
                RichText::new(format!("▲ {}", issue.message))
                    .size(style::size::SMALL)
                    .color(style::colors(ui).error),
            );
        }
    }

    /// Whether anything is wrong at or below `path` (for marking collapsed sections).
    pub fn any_under(&self, path: &str) -> bool {
        self.all.iter().any(|i| {
            i.path == path
                || i.path
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    }
}

/// The fixed-width label at the start of a form row, so the widgets of a form line up.
pub fn form_label(ui: &mut egui::Ui, text: &str) -> Response {
    ui.add_sized(
        [space::LABEL_WIDTH, ui.spacing().interact_size.y],
        egui::Label::new(text).truncate(),
    )
}

/// A row with a fixed-width label, then `add`; the widget is labelled for screen readers and tests.
fn row(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui) -> Response) -> Response {
    ui.horizontal(|ui| {
        let label = form_label(ui, label);
        add(ui).labelled_by(label.id)
    })
    .inner
}

/// A form row whose widget edits the field at `path`: labelled, jumped to when asked, and with
/// its problems on the same line (the widget narrows), so a message never pushes the form down
/// under the pointer.
fn field_row(
    ui: &mut egui::Ui,
    label: &str,
    issues: &Issues<'_>,
    path: &str,
    add: impl FnOnce(&mut egui::Ui) -> Response,
) -> Response {
    let messages = issues.messages(path);
    let response = if messages.is_empty() {
        row(ui, label, add)
    } else {
        let error = style::colors(ui).error;
        let text = format!("▲ {}", messages.join("; "));
        ui.horizontal(|ui| {
            let label = form_label(ui, label);
            let width = (ui.available_width() * 0.45).max(120.0);
            let height = ui.spacing().interact_size.y;
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                ui.allocate_ui(egui::vec2(width, height), |ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(&text).size(style::size::SMALL).color(error),
                        )
                        .truncate(),
                    )
                    .on_hover_text(&text);
                });
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), add)
                    .inner
                    .labelled_by(label.id)
            })
            .inner
        })
        .inner
    };
    issues.jump_here(&response, path);
    response
}

/// One line of text.
pub fn text(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    issues: &Issues<'_>,
    path: &str,
) -> bool {
    field_row(ui, label, issues, path, |ui| {
        ui.add(TextEdit::singleline(value).desired_width(f32::INFINITY))
    })
    .changed()
}

/// Several lines of text (claims, descriptions, notes).
pub fn multiline(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    issues: &Issues<'_>,
    path: &str,
) -> bool {
    field_row(ui, label, issues, path, |ui| {
        ui.add(
            TextEdit::multiline(value)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
    })
    .changed()
}

/// A drag value whose dragging stays inside `range`; a typed value outside it is kept and shown
/// with the validator's reason, so the user sees why instead of having it silently clamped.
pub fn number(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut f64,
    range: RangeInclusive<f64>,
    speed: f64,
    issues: &Issues<'_>,
    path: &str,
) -> bool {
    let response = field_row(ui, label, issues, path, |ui| {
        number_widget(ui, value, range, speed)
    });

    response.changed()
}

/// The bare range-checked drag value, for grids.
pub fn number_widget(
    ui: &mut egui::Ui,
    value: &mut f64,
    range: RangeInclusive<f64>,
    speed: f64,
) -> Response {
    let decimals = if speed < 0.05 { 2 } else { 1 };
    let response = ui.add(
        DragValue::new(value)
            .speed(speed)
            .max_decimals(decimals)
            .min_decimals(decimals),
    );
    if response.dragged() {
        *value = value.clamp(*range.start(), *range.end());
    }
    if response.changed() && speed >= 0.1 {
        *value = crate::model::Score::round_value(*value);
    }
    response
}

/// A year that may be unknown: a checkbox switches it on.
pub fn optional_year(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut Option<i32>,
    default: i32,
    issues: &Issues<'_>,
    path: &str,
) -> bool {
    let mut changed = false;
    ui.horizontal(|ui| {
        let mut known = value.is_some();
        let label = form_label(ui, label);
        if ui.checkbox(&mut known, "").labelled_by(label.id).changed() {
            *value = known.then_some(value.unwrap_or(default));
            changed = true;
        }
        if let Some(year) = value {
            let r = ui
                .add(DragValue::new(year).speed(0.2))
                .labelled_by(label.id);
            changed |= r.changed();
        }
    });
    issues.show(ui, path);
    changed
}

/// An optional source (title, URL, date) with a button to add or remove it.
pub fn source(
    ui: &mut egui::Ui,
    value: &mut Option<Source>,
    issues: &Issues<'_>,
    path: &str,
) -> bool {
    let mut changed = false;
    match value {
        None => {
            if ui.small_button("+ Add source").clicked() {
                *value = Some(Source::default());
                changed = true;
            }
        }
        Some(source) => {
            ui.indent("source", |ui| {
                changed |= text(
                    ui,
                    "Source title",
                    &mut source.title,
                    issues,
                    &format!("{path}.title"),
                );
                let mut url = source.url.clone().unwrap_or_default();
                if text(ui, "URL", &mut url, issues, &format!("{path}.url")) {
                    source.url = (!url.trim().is_empty()).then_some(url);
                    changed = true;
                }
                let mut date = source.date.clone().unwrap_or_default();
                if text(
                    ui,
                    "Date (YYYY-MM-DD)",
                    &mut date,
                    issues,
                    &format!("{path}.date"),
                ) {
                    source.date = (!date.trim().is_empty()).then_some(date);
                    changed = true;
                }
            });
            if ui.small_button("Remove source").clicked() {
                *value = None;
                changed = true;
            }
        }
    }
    changed
}

/// What the user asked to do with one item of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemAction {
    None,
    Remove,
    Up,
    Down,
}

/// Remove / move buttons for list item `i` of `len`.
pub fn item_buttons(ui: &mut egui::Ui, i: usize, len: usize) -> ItemAction {
    let mut action = ItemAction::None;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(i > 0, egui::Button::new("↑").small())
            .on_hover_text("Move up")
            .clicked()
        {
            action = ItemAction::Up;
        }
        if ui
            .add_enabled(i + 1 < len, egui::Button::new("↓").small())
            .on_hover_text("Move down")
            .clicked()
        {
            action = ItemAction::Down;
        }
        if ui.small_button("Remove").clicked() {
            action = ItemAction::Remove;
        }
    });
    action
}

/// Applies an item action to a list; true if the list changed.
pub fn apply_action<T>(list: &mut Vec<T>, i: usize, action: ItemAction) -> bool {
    match action {
        ItemAction::None => false,
        ItemAction::Remove if i < list.len() => {
            list.remove(i);
            true
        }
        ItemAction::Up if i > 0 && i < list.len() => {
            list.swap(i, i - 1);
            true
        }
        ItemAction::Down if i + 1 < list.len() => {
            list.swap(i, i + 1);
            true
        }
        _ => false,
    }
}

/// Draws every item of a list in its own frame with move/remove buttons, then an add button.
pub fn list<T>(
    ui: &mut egui::Ui,
    items: &mut Vec<T>,
    add_label: &str,
    new_item: impl FnOnce() -> T,
    mut item: impl FnMut(&mut egui::Ui, usize, &mut T) -> bool,
) -> bool {
    let mut changed = false;
    let mut action = None;
    let len = items.len();
    for (i, value) in items.iter_mut().enumerate() {
        ui.push_id(i, |ui| {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                changed |= item(ui, i, value);
                let a = item_buttons(ui, i, len);
                if a != ItemAction::None {
                    action = Some((i, a));
                }
            });
        });
    }
    if let Some((i, a)) = action {
        changed |= apply_action(items, i, a);
    }
    if ui.button(add_label).clicked() {
        items.push(new_item());
        changed = true;
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_actions_move_and_remove() {
        let mut v = vec![1, 2, 3];
        assert!(apply_action(&mut v, 1, ItemAction::Up));
        assert_eq!(v, [2, 1, 3]);
        assert!(apply_action(&mut v, 1, ItemAction::Down));
        assert_eq!(v, [2, 3, 1]);
        assert!(!apply_action(&mut v, 2, ItemAction::Down));
        assert!(apply_action(&mut v, 0, ItemAction::Remove));
        assert_eq!(v, [3, 1]);
        assert!(!apply_action(&mut v, 5, ItemAction::Remove));
    }

    #[test]
    fn issues_under_a_path_include_children_only() {
        let all = vec![Issue {
            path: "west.scores.base.value".into(),
            message: "x".into(),
        }];
        let issues = Issues::new(&all);
        assert!(issues.any_under("west.scores"));
        assert!(issues.any_under("west"));
        assert!(!issues.any_under("west.score"));
        assert!(!issues.any_under("east"));
    }
}
