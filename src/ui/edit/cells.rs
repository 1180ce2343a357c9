//! The kinds of column the Edit tab's tables are made of (a line of text, a year, a number, a
//! source URL, a first line of a long text, a choice), so a table lists its columns in a line
//! each instead of repeating how a cell is drawn, sorted and edited.

use std::cmp::Ordering;

use egui::{DragValue, TextEdit};

use super::form::Issues;
use super::form::number_widget;
use crate::model::{SectorVocabulary, Source, current_year, limits, source_from_url};
use crate::ui::picker::{Choice, Picked, SearchPicker};

/// One column: a title, a starting width, an optional sort order, and the cell as text (rows not
/// being edited, cheap to draw) or as an editor (the selected rows). The usual kinds of column
/// are built by the functions of this module.
pub struct Column<T> {
    pub title: &'static str,
    /// The item's field this column edits, as in validation paths (`year`, `source.url`).
    pub field: &'static str,
    /// Starting width in points; the last column takes the rest.
    pub width: f32,
    pub sort: Option<Box<Compare<T>>>,
    /// The cell's text when its row is not being edited.
    pub text: Box<dyn Fn(&T) -> String>,
    /// Draws the editor of this column for one item; returns whether the item changed.
    pub edit: Box<Editor<T>>,
}

/// How a column orders two items.
pub type Compare<T> = dyn Fn(&T, &T) -> Ordering;

/// A cell's editor: draws it for one item, returns whether the item changed.
pub type Editor<T> = dyn Fn(&mut egui::Ui, &mut T, &Cell<'_>) -> bool;

impl<T> Column<T> {
    /// An unsorted column.
    pub fn new(
        title: &'static str,
        field: &'static str,
        width: f32,
        text: impl Fn(&T) -> String + 'static,
        edit: impl Fn(&mut egui::Ui, &mut T, &Cell<'_>) -> bool + 'static,
    ) -> Self {
        Self {
            title,
            field,
            width,
            sort: None,
            text: Box::new(text),
            edit: Box::new(edit),
        }
    }

    /// Sortable by a click on its title, in the order of `key`.
    pub fn sorted_by_key<K: Ord>(self, key: impl Fn(&T) -> K + 'static) -> Self {
        self.sorted_by(move |a, b| key(a).cmp(&key(b)))
    }

    /// Sortable by a click on its title, in this order.
    pub fn sorted_by(mut self, sort: impl Fn(&T, &T) -> Ordering + 'static) -> Self {
        self.sort = Some(Box::new(sort));
        self
    }
}

/// What a cell's editor gets besides its item.
pub struct Cell<'a> {
    /// The field's validation path, e.g. `east.moves[3].year`.
    pub path: &'a str,
    pub issues: &'a Issues<'a>,
    /// The editor's name for screen readers and tests, e.g. "Year of move 4".
    pub label: &'a str,
    /// Whether the editor takes the keyboard focus this frame (its cell was just clicked).
    pub focus: bool,
    /// Whether the editor may take a jump to its field this frame (its table is in view).
    pub take_jump: bool,
}

impl Cell<'_> {
    /// Labels, focuses (when asked or jumped to) and marks an editor's response with the field's
    /// problems: a red outline and the messages on hover, so rows never change height.
    pub fn finish(&self, ui: &egui::Ui, response: egui::Response) -> egui::Response {
        let response = response.accessible_name(self.label);
        if self.focus {
            response.request_focus();
        }
        if self.take_jump {
            self.issues.mark_field(ui, response, self.path)
        } else {
            self.issues.mark(ui, response, self.path)
        }
    }
}

/// A column's title, the row's field it edits (as in validation paths) and its starting width.
pub type At = (&'static str, &'static str, f32);

/// Reads a field of a row.
pub type Get<T, V> = fn(&T) -> &V;
/// Edits a field of a row.
pub type GetMut<T, V> = fn(&mut T) -> &mut V;

/// A column over one field of the row: `shown` is the field as text, `edit` its editor.
fn column<T: 'static, V: 'static>(
    (title, field, width): At,
    get: Get<T, V>,
    get_mut: GetMut<T, V>,
    shown: fn(&V) -> String,
    edit: fn(&mut egui::Ui, &mut V, &Cell<'_>) -> bool,
) -> Column<T> {
    let text = move |t: &T| shown(get(t));
    Column::new(title, field, width, text, move |ui, t, cell| {
        edit(ui, get_mut(t), cell)
    })
}

/// One line of text, sorted ignoring case.
pub fn text<T: 'static>(at: At, get: Get<T, String>, get_mut: GetMut<T, String>) -> Column<T> {
    column(at, get, get_mut, String::clone, text_cell).sorted_by_key(move |t| get(t).to_lowercase())
}

/// A long text (a note, a description) shown by its first line and edited on one line here; the
/// detail pane under the table edits it whole.
pub fn long_text<T: 'static>(at: At, get: Get<T, String>, get_mut: GetMut<T, String>) -> Column<T> {
    let first_line = |s: &String| s.lines().next().unwrap_or_default().to_owned();
    column(at, get, get_mut, first_line, text_cell)
}

/// A year, dragged within the years a twin may name.
pub fn year<T: 'static>(at: At, get: Get<T, i32>, get_mut: GetMut<T, i32>) -> Column<T> {
    column(at, get, get_mut, i32::to_string, year_cell).sorted_by_key(move |t| *get(t))
}

/// A year that may be unknown (a checkbox switches it on).
pub fn optional_year<T: 'static>(
    at: At,
    get: Get<T, Option<i32>>,
    get_mut: GetMut<T, Option<i32>>,
) -> Column<T> {
    let shown = |y: &Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    column(at, get, get_mut, shown, optional_year_cell).sorted_by_key(move |t| *get(t))
}

/// The row's source by its URL; typing one into a row without a source creates it, titled with
/// the host.
pub fn source<T: 'static>(
    at: At,
    get: Get<T, Option<Source>>,
    get_mut: GetMut<T, Option<Source>>,
) -> Column<T> {
    column(at, get, get_mut, source_text, source_url_cell)
}

/// One of a fixed set of choices (entry mode, distance), picked by search; unsorted unless the
/// table says in what order.
pub fn choice<T: 'static, V: Copy + PartialEq + 'static>(
    (title, field, width): At,
    all: &'static [V],
    name: fn(V) -> &'static str,
    get: Get<T, V>,
    get_mut: GetMut<T, V>,
) -> Column<T> {
    Column::new(
        title,
        field,
        width,
        move |t| name(*get(t)).to_owned(),
        move |ui, t, cell| pick_cell(ui, get_mut(t), all, name, cell),
    )
}

pub fn text_cell(ui: &mut egui::Ui, value: &mut String, cell: &Cell<'_>) -> bool {
    let r = ui.add(TextEdit::singleline(value).desired_width(f32::INFINITY));
    cell.finish(ui, r).changed()
}

fn year_cell(ui: &mut egui::Ui, value: &mut i32, cell: &Cell<'_>) -> bool {
    let r = ui.add(DragValue::new(value).speed(0.2));
    if r.dragged() {
        *value = (*value).clamp(limits::FIRST_YEAR, current_year() + 1);
    }
    cell.finish(ui, r).changed()
}

fn optional_year_cell(ui: &mut egui::Ui, value: &mut Option<i32>, cell: &Cell<'_>) -> bool {
    let mut changed = false;
    let mut known = value.is_some();
    if ui.checkbox(&mut known, "").on_hover_text("Known").changed() {
        *value = known.then_some(value.unwrap_or(current_year()));
        changed = true;
    }
    if let Some(year) = value {
        changed |= year_cell(ui, year, cell);
    }
    changed
}

/// A number from 0 to `max` in a cell.
pub fn number_cell(
    ui: &mut egui::Ui,
    value: &mut f64,
    max: f64,
    speed: f64,
    cell: &Cell<'_>,
) -> bool {
    let r = number_widget(ui, value, 0.0..=max, speed);
    cell.finish(ui, r).changed()
}

fn source_url_cell(ui: &mut egui::Ui, source: &mut Option<Source>, cell: &Cell<'_>) -> bool {
    let mut url = source
        .as_ref()
        .and_then(|s| s.url.clone())
        .unwrap_or_default();
    let r = ui.add(
        TextEdit::singleline(&mut url)
            .hint_text("https://…")
            .desired_width(f32::INFINITY),
    );
    let changed = cell.finish(ui, r).changed();
    if changed {
        let trimmed = url.trim();
        match source {
            Some(s) => {
                s.url = (!trimmed.is_empty()).then(|| trimmed.to_owned());
                if s.title.trim().is_empty() && !trimmed.is_empty() {
                    s.title = source_from_url(trimmed).title;
                }
            }
            None if !trimmed.is_empty() => *source = Some(source_from_url(trimmed)),
            None => {}
        }
    }
    changed
}

fn source_text(source: &Option<Source>) -> String {
    match source {
        Some(s) => match &s.url {
            Some(url) => url.clone(),
            None => s.title.clone(),
        },
        None => crate::wording::DASH.to_owned(),
    }
}

/// A searchable picker in a cell, over fixed choices.
fn pick_cell<V: Copy + PartialEq>(
    ui: &mut egui::Ui,
    value: &mut V,
    all: &[V],
    name: fn(V) -> &'static str,
    cell: &Cell<'_>,
) -> bool {
    let choices: Vec<Choice<'_>> = all
        .iter()
        .map(|v| Choice {
            name: name(*v),
            group: None,
        })
        .collect();
    let (r, picked) = SearchPicker::new(cell.path, name(*value))
        .choices(&choices)
        .width(ui.available_width())
        .show(ui);
    cell.finish(ui, r);
    match picked {
        Some(Picked::Choice(i)) if all.get(i).is_some_and(|v| v != value) => {
            *value = all[i];
            true
        }
        _ => false,
    }
}

/// The sector picker: the shared vocabulary by cluster, searchable, or a custom sector typed in
/// the same box.
pub fn sector_picker(
    ui: &mut egui::Ui,
    sector: &mut String,
    id: &str,
    width: f32,
) -> (egui::Response, bool) {
    let vocab = SectorVocabulary::bundled();
    let sectors: Vec<_> = vocab.all().collect();
    let choices: Vec<Choice<'_>> = sectors
        .iter()
        .map(|(c, s)| Choice {
            name: &s.name,
            group: Some(&c.name),
        })
        .collect();
    let (r, picked) = SearchPicker::new(("sector", id), vocab.display_name(sector))
        .choices(&choices)
        .allow_custom("custom sector")
        .width(width)
        .show(ui);
    let changed = match picked {
        Some(Picked::Choice(i)) => match sectors.get(i) {
            Some((_, s)) if s.id != *sector => {
                sector.clone_from(&s.id);
                true
            }
            _ => false,
        },
        Some(Picked::Custom(text)) => {
            *sector = text;
            true
        }
        None => false,
    };
    (r, changed)
}
