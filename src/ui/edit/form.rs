//! The one path every field of the Edit tab goes through: a [`Form`] knows the validation path
//! its fields live under, so a row shows its field's problems, takes a jump from search, the
//! palette or the health panel, and is labelled for screen readers, all in one place.

use std::cell::Cell;
use std::ops::RangeInclusive;

use egui::{DragValue, Response, RichText, TextEdit};

use crate::model::{Issue, Source};
use crate::ui::style::{self, space};

/// The messages for one field, looked up by its validation path, and the field to jump to (from
/// search or the palette), which the editor of that path scrolls into view and focuses.
pub struct Issues<'a> {
    pub all: &'a [Issue],
    jump: Option<&'a str>,
    jumped: Cell<bool>,
}

impl<'a> Issues<'a> {
    pub fn new(all: &'a [Issue]) -> Self {
        Self {
            all,
            jump: None,
            jumped: Cell::new(false),
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
        for message in self.messages(path) {
            ui.label(
                RichText::new(format!("▲ {message}"))
                    .size(style::size::SMALL)
                    .color(style::colours(ui).error),
            );
        }
    }

    /// For an editor without room for a message (a table cell, a grid): takes the jump to
    /// `path`, and marks the editor with its problems as [`Self::mark`] does.
    pub fn mark_field(&self, ui: &egui::Ui, response: Response, path: &str) -> Response {
        self.jump_here(&response, path);
        self.mark(ui, response, path)
    }

    /// A red outline and the messages on hover when the field at `path` has problems, so rows
    /// never change height.
    pub fn mark(&self, ui: &egui::Ui, response: Response, path: &str) -> Response {
        let messages = self.messages(path);
        if messages.is_empty() {
            return response;
        }
        let colour = style::colours(ui).error;
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            2.0,
            egui::Stroke::new(1.5, colour),
            egui::StrokeKind::Outside,
        );
        response.on_hover_text(format!("▲ {}", messages.join("\n▲ ")))
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

/// The rows of one part of the twin: its fields' validation paths are `prefix.field`.
pub struct Form<'a> {
    pub issues: &'a Issues<'a>,
    prefix: String,
}

impl<'a> Form<'a> {
    /// A form over the fields under `prefix` (`""` for the twin's own fields).
    pub fn new(issues: &'a Issues<'a>, prefix: &str) -> Self {
        Self {
            issues,
            prefix: prefix.to_owned(),
        }
    }

    /// The form of a part of this one (`at("moves[2]")`).
    pub fn at(&self, part: &str) -> Form<'a> {
        Form::new(self.issues, &self.path(part))
    }

    /// The validation path of a field of this form.
    pub fn path(&self, field: &str) -> String {
        match (self.prefix.as_str(), field) {
            ("", f) => f.to_owned(),
            (p, "") => p.to_owned(),
            (p, f) if f.starts_with('[') => format!("{p}{f}"),
            (p, f) => format!("{p}.{f}"),
        }
    }

    /// A row: the fixed-width label, then what `add` draws (given the label's id, to label every
    /// widget it adds), with the field's problems on the same line (the widget narrows, so a
    /// message never pushes the form down under the pointer); taking a jump to the field.
    pub fn row_with(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        field: &str,
        add: impl FnOnce(&mut egui::Ui, egui::Id) -> Response,
    ) -> Response {
        let path = self.path(field);
        let messages = self.issues.messages(&path);
        let response = ui
            .horizontal(|ui| {
                let label = form_label(ui, label);
                if messages.is_empty() {
                    return add(ui, label.id);
                }
                let error = style::colours(ui).error;
                let text = format!("▲ {}", messages.join("; "));
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
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                        add(ui, label.id)
                    })
                    .inner
                })
                .inner
            })
            .inner;
        self.issues.jump_here(&response, &path);
        response
    }

    /// A row of one widget, labelled by the row's label.
    pub fn row(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        field: &str,
        add: impl FnOnce(&mut egui::Ui) -> Response,
    ) -> Response {
        self.row_with(ui, label, field, |ui, label| add(ui).labelled_by(label))
    }

    /// One line of text.
    pub fn text(&self, ui: &mut egui::Ui, label: &str, value: &mut String, field: &str) -> bool {
        self.row(ui, label, field, |ui| {
            ui.add(TextEdit::singleline(value).desired_width(f32::INFINITY))
        })
        .changed()
    }

    /// One line of text that is absent when left blank (a URL, a date).
    pub fn optional_text(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut Option<String>,
        field: &str,
    ) -> bool {
        let mut text = value.clone().unwrap_or_default();
        let changed = self.text(ui, label, &mut text, field);
        if changed {
            *value = (!text.trim().is_empty()).then_some(text);
        }
        changed
    }

    /// Several lines of text (claims, descriptions, notes).
    pub fn multiline(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut String,
        field: &str,
    ) -> bool {
        self.row(ui, label, field, |ui| {
            ui.add(
                TextEdit::multiline(value)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
        })
        .changed()
    }

    /// A number whose dragging stays inside `range`; a typed value outside it is kept and shown
    /// with the validator's reason, so the user sees why instead of having it silently clamped.
    pub fn number(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut f64,
        range: RangeInclusive<f64>,
        speed: f64,
        field: &str,
    ) -> bool {
        self.row(ui, label, field, |ui| {
            number_widget(ui, value, range, speed)
        })
        .changed()
    }

    /// A year that may be unknown: a checkbox switches it on.
    pub fn optional_year(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut Option<i32>,
        default: i32,
        field: &str,
    ) -> bool {
        let mut changed = false;
        self.row_with(ui, label, field, |ui, label| {
            let mut known = value.is_some();
            let check = ui.checkbox(&mut known, "").labelled_by(label);
            if check.changed() {
                *value = known.then_some(value.unwrap_or(default));
                changed = true;
            }
            match value {
                Some(year) => {
                    let drag = ui.add(DragValue::new(year).speed(0.2)).labelled_by(label);
                    changed |= drag.changed();
                    drag
                }
                None => check,
            }
        });
        changed
    }

    /// An optional source (title, URL, date) with a button to add or remove it.
    pub fn source(&self, ui: &mut egui::Ui, value: &mut Option<Source>, field: &str) -> bool {
        let mut changed = false;
        match value {
            None => {
                if ui.small_button("+ Add source").clicked() {
                    *value = Some(Source::default());
                    changed = true;
                }
            }
            Some(source) => {
                let form = self.at(field);
                ui.indent("source", |ui| {
                    changed |= form.text(ui, "Source title", &mut source.title, "title");
                    changed |= form.optional_text(ui, "URL", &mut source.url, "url");
                    changed |=
                        form.optional_text(ui, "Date (YYYY-MM-DD)", &mut source.date, "date");
                });
                if ui.small_button("Remove source").clicked() {
                    *value = None;
                    changed = true;
                }
            }
        }
        changed
    }
}

/// The bare range-checked drag value, for grids and cells.
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_form_names_the_paths_of_its_fields() {
        let issues = Issues::new(&[]);
        let twin = Form::new(&issues, "");
        assert_eq!(twin.path("title"), "title");
        let west = Form::new(&issues, "west");
        assert_eq!(west.path("founded"), "west.founded");
        assert_eq!(west.at("challenges").path("[2]"), "west.challenges[2]");
        assert_eq!(west.at("moves[1]").path("source"), "west.moves[1].source");
        assert_eq!(
            west.at("moves[1]").at("source").path("url"),
            "west.moves[1].source.url"
        );
        assert_eq!(west.path(""), "west");
    }
}
