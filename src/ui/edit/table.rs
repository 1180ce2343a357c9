//! An editable table over a list of the model (moves, evidence, partnerships, metrics, lessons):
//! egui_extras rows with inline editors, columns sorted by a click on their title, rows selected
//! by click (Ctrl toggles, Shift extends), added, removed (several at once) and reordered, and a
//! detail pane under the table for the long texts of the selected row.
//!
//! Sorting orders the view only; the file keeps the order the user gave with ↑ and ↓.

use std::collections::BTreeSet;

use egui::RichText;
use egui_extras::{Column as Width, TableBuilder};

pub use super::cells::{Cell, Column};
use super::form::{Form, Issues};
use crate::ui::style;

/// Height of a table row: one line of editors.
pub const ROW_HEIGHT: f32 = 26.0;

/// Rows shown before the table scrolls.
const VISIBLE_ROWS: f32 = 12.0;

/// What a table is about, in words and ids.
pub struct Spec<'a, T> {
    /// Unique among the tables of the Edit tab, e.g. "west.moves".
    pub id: &'a str,
    /// The noun for one row ("move", "evidence item").
    pub noun: &'a str,
    pub columns: &'a [Column<T>],
    /// The column whose editor takes the focus when a row is added.
    pub focus_on_add: usize,
}

impl<'a, T> Spec<'a, T> {
    /// `1 move`, `3 moves`: every table's noun takes a plain -s.
    pub fn count(&self, n: usize) -> String {
        crate::wording::count(n, self.noun, &format!("{}s", self.noun))
    }

    /// A table whose first column takes the focus when a row is added.
    pub fn new(id: &'a str, noun: &'a str, columns: &'a [Column<T>]) -> Self {
        Self {
            id,
            noun,
            columns,
            focus_on_add: 0,
        }
    }
}

/// The table's state between frames: sort, selection (model indices) and the Shift anchor.
#[derive(Debug, Clone, Default)]
struct State {
    sort: Option<(usize, bool)>,
    selected: BTreeSet<usize>,
    anchor: Option<usize>,
    scroll_to: Option<usize>,
    /// The column whose editor takes the focus next frame (its cell was clicked).
    focus_col: Option<usize>,
}

/// The view order of `items` under a sort (model order when unsorted).
fn view_order<T>(items: &[T], columns: &[Column<T>], sort: Option<(usize, bool)>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    if let Some((col, ascending)) = sort
        && let Some(compare) = columns.get(col).and_then(|c| c.sort.as_ref())
    {
        order.sort_by(|&a, &b| {
            let o = compare(&items[a], &items[b]);
            if ascending { o } else { o.reverse() }
        });
    }
    order
}

/// Removes the rows in `selected` from `items`; true when any was removed.
pub fn remove_rows<T>(items: &mut Vec<T>, selected: &BTreeSet<usize>) -> bool {
    let before = items.len();
    let mut i = 0;
    items.retain(|_| {
        let keep = !selected.contains(&i);
        i += 1;
        keep
    });
    items.len() != before
}

/// Moves the row at `from` one place up or down; returns its new index.
pub fn move_row<T>(items: &mut [T], from: usize, up: bool) -> Option<usize> {
    let to = if up { from.checked_sub(1)? } else { from + 1 };
    if to >= items.len() || from >= items.len() {
        return None;
    }
    items.swap(from, to);
    Some(to)
}

/// A table of one list of the twin (`west.moves`, `lessons`): row `i` is at `id[i]`.
pub fn list<T>(
    ui: &mut egui::Ui,
    spec: &Spec<'_, T>,
    items: &mut Vec<T>,
    issues: &Issues<'_>,
    new_item: impl FnOnce() -> T,
    detail: impl FnOnce(&mut egui::Ui, &mut T, &Form<'_>) -> bool,
) -> bool {
    let path = |i: usize| format!("{}[{i}]", spec.id);
    show(ui, spec, items, issues, path, new_item, detail)
}

/// The rows selected in the table `id` (model indices) as of the last frame.
pub fn selection(ui: &egui::Ui, id: &str) -> BTreeSet<usize> {
    let id = ui.make_persistent_id(("edit_table", id));
    ui.data(|d| d.get_temp::<State>(id))
        .map(|s| s.selected)
        .unwrap_or_default()
}

/// Draws the table, its toolbar and the detail pane of the selected row; returns whether
/// `items` changed. `new_item` makes the row "+ Add" appends; `path` gives a row's validation
/// path; `detail` draws the long texts of one item, on the form of its path.
pub fn show<T>(
    ui: &mut egui::Ui,
    spec: &Spec<'_, T>,
    items: &mut Vec<T>,
    issues: &Issues<'_>,
    path: impl Fn(usize) -> String,
    new_item: impl FnOnce() -> T,
    detail: impl FnOnce(&mut egui::Ui, &mut T, &Form<'_>) -> bool,
) -> bool {
    let id = ui.make_persistent_id(("edit_table", spec.id));
    let mut state: State = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
    state.selected.retain(|&i| i < items.len());
    if let Some(target) = issues.jump_target()
        && let Some(row) = (0..items.len()).find(|&i| {
            let p = path(i);
            target == p
                || target
                    .strip_prefix(p.as_str())
                    .is_some_and(|r| r.starts_with('.'))
        })
    {
        state.selected = BTreeSet::from([row]);
        state.anchor = Some(row);
        state.scroll_to = Some(row);
    }
    let jumping = issues.jump_target().is_some_and(|t| {
        (0..items.len()).any(|i| {
            let p = path(i);
            t.strip_prefix(p.as_str())
                .is_some_and(|r| r.starts_with('.'))
        })
    });
    let mut changed = false;

    // Toolbar: add, delete the selection, move the selected row, sort state.
    let toolbar = ui.horizontal(|ui| {
        if ui.button(format!("+ Add {}", spec.noun)).clicked() {
            items.push(new_item());
            let row = items.len() - 1;
            state.selected = BTreeSet::from([row]);
            state.anchor = Some(row);
            state.scroll_to = Some(row);
            state.focus_col = Some(spec.focus_on_add);
            changed = true;
        }
        let n = state.selected.len();
        if ui
            .add_enabled(n > 0, egui::Button::new(format!("Delete selected ({n})")))
            .on_hover_text("Delete the selected rows (Ctrl+click or Shift+click to select several)")
            .clicked()
        {
            changed |= remove_rows(items, &state.selected);
            state.selected.clear();
            state.anchor = None;
        }
        let single = (n == 1).then(|| state.selected.first().copied()).flatten();
        let can_move = state.sort.is_none() && single.is_some();
        for (label, up, hint) in [
            ("↑", true, "Move the selected row up"),
            ("↓", false, "Move the selected row down"),
        ] {
            if ui
                .add_enabled(can_move, egui::Button::new(label))
                .on_hover_text(hint)
                .on_disabled_hover_text("Select one row, with no sort, to move it")
                .clicked()
                && let Some(row) = single
                && let Some(to) = move_row(items, row, up)
            {
                state.selected = BTreeSet::from([to]);
                state.anchor = Some(to);
                changed = true;
            }
        }
        if let Some((col, ascending)) = state.sort {
            let title = spec.columns.get(col).map_or("", |c| c.title);
            let arrow = if ascending { "▲" } else { "▼" };
            if ui
                .small_button(format!("Sorted by {title} {arrow} · file order"))
                .on_hover_text("Show the rows in the order they are saved")
                .clicked()
            {
                state.sort = None;
            }
        }
        style::hint(ui, &spec.count(items.len()));
    });
    // Bring the table into view so its rows are laid out and the jumped-to cell can take focus.
    if jumping {
        toolbar.response.scroll_to_me(Some(egui::Align::TOP));
    }
    // Until the table is in view, a cell that took the jump would scroll the table's own rows
    // instead of the form, hiding the very row it is on.
    let in_view = !jumping || ui.clip_rect().contains_rect(toolbar.response.rect);

    let order = view_order(items, spec.columns, state.sort);
    let ctrl = ui.input(|i| i.modifiers.command);
    let shift = ui.input(|i| i.modifiers.shift);
    let mut clicked_row = None;
    // Kept until the row is laid out (a new row may only come into view next frame).
    let focus_col = state.focus_col;
    let mut focus_taken = false;
    let height = (order.len().max(1) as f32).min(VISIBLE_ROWS) * (ROW_HEIGHT + 4.0) + 4.0;
    // A table wider than the form (a narrow window, widened columns) scrolls sideways by itself
    // instead of widening the whole form past the window's edge.
    let sideways = egui::ScrollArea::horizontal()
        .id_salt(("table_sideways", spec.id))
        .auto_shrink([false, true]);
    sideways.show(ui, |ui| {
        ui.push_id(id, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt(spec.id)
                .striped(true)
                .resizable(true)
                .sense(egui::Sense::click())
                .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
                .min_scrolled_height(height)
                .max_scroll_height(height)
                .column(Width::exact(22.0));
            for (i, c) in spec.columns.iter().enumerate() {
                table = table.column(if i + 1 == spec.columns.len() {
                    Width::remainder().at_least(c.width)
                } else {
                    Width::initial(c.width).at_least(40.0).clip(true)
                });
            }
            if let Some(row) = state
                .scroll_to
                .take()
                .and_then(|r| order.iter().position(|&i| i == r))
            {
                table = table.scroll_to_row(row, Some(egui::Align::Center));
            }
            table
                .header(22.0, |mut header| {
                    header.col(|ui| {
                        ui.label("");
                    });
                    for (col, c) in spec.columns.iter().enumerate() {
                        header.col(|ui| {
                            let arrow = match state.sort {
                                Some((s, true)) if s == col => " ▲",
                                Some((s, false)) if s == col => " ▼",
                                _ => "",
                            };
                            let title = ui.add(
                                egui::Label::new(RichText::new(c.title).strong())
                                    .selectable(false)
                                    .sense(if c.sort.is_some() {
                                        egui::Sense::click()
                                    } else {
                                        egui::Sense::hover()
                                    }),
                            );
                            if !arrow.is_empty() {
                                ui.label(arrow);
                            }
                            if c.sort.is_some()
                                && title.on_hover_text("Sort by this column").clicked()
                            {
                                state.sort = match state.sort {
                                    Some((s, true)) if s == col => Some((col, false)),
                                    Some((s, false)) if s == col => None,
                                    _ => Some((col, true)),
                                };
                            }
                        });
                    }
                })
                .body(|body| {
                    body.rows(ROW_HEIGHT, order.len(), |mut row| {
                        let Some(&i) = order.get(row.index()) else {
                            return;
                        };
                        let selected = state.selected.contains(&i);
                        row.set_selected(selected);
                        let item_path = path(i);
                        let Some(item) = items.get_mut(i) else {
                            return;
                        };
                        row.col(|ui| {
                            let mut on = selected;
                            if ui
                                .checkbox(&mut on, "")
                                .on_hover_text(format!("Select this {}", spec.noun))
                                .changed()
                            {
                                if on {
                                    state.selected.insert(i);
                                } else {
                                    state.selected.remove(&i);
                                }
                                state.anchor = Some(i);
                            }
                        });
                        let broken = issues.any_under(&item_path);
                        for (col, c) in spec.columns.iter().enumerate() {
                            let (_, response) = row.col(|ui| {
                                if selected {
                                    let path = format!("{item_path}.{}", c.field);
                                    let label = format!("{} of {} {}", c.title, spec.noun, i + 1);
                                    let cell = Cell {
                                        path: &path,
                                        issues,
                                        label: &label,
                                        focus: focus_col == Some(col),
                                        take_jump: in_view,
                                    };
                                    focus_taken |= cell.focus;
                                    changed |= (c.edit)(ui, item, &cell);
                                } else {
                                    let text = ui.add(
                                        egui::Label::new((c.text)(item))
                                            .selectable(false)
                                            .sense(egui::Sense::empty())
                                            .truncate(),
                                    );
                                    if broken {
                                        let path = format!("{item_path}.{}", c.field);
                                        issues.mark(ui, text, &path);
                                    }
                                }
                            });
                            if response.clicked() {
                                clicked_row = Some((i, Some(col)));
                            }
                        }
                        if clicked_row.is_none() && row.response().clicked() {
                            clicked_row = Some((i, None));
                        }
                    });
                });
        })
    });
    if focus_taken {
        state.focus_col = None;
    }
    if let Some((i, col)) = clicked_row {
        let was_selected = state.selected.contains(&i);
        select_click(&mut state, &order, i, ctrl, shift);
        if !ctrl && !shift && !was_selected {
            state.focus_col = col;
        }
    }
    // One reserved line for the table's problems, so the form never jumps when one appears.
    let problems = (0..items.len())
        .filter(|&i| issues.any_under(&path(i)))
        .count();
    let line = if problems > 0 {
        RichText::new(format!(
            "▲ {} with problems: the red cells say why when hovered",
            spec.count(problems)
        ))
        .color(style::colours(ui).error)
    } else {
        RichText::new(" ")
    };
    ui.label(line.size(style::size::SMALL));

    // The detail pane: the long texts of the one selected row.
    if state.selected.len() == 1
        && let Some(&i) = state.selected.first()
        && let Some(item) = items.get_mut(i)
    {
        let item_path = path(i);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.push_id(("detail", i), |ui| {
                style::hint(ui, &format!("Selected {} {}", spec.noun, i + 1));
                changed |= detail(ui, item, &Form::new(issues, &item_path));
            });
        });
    }
    ui.data_mut(|d| d.insert_temp(id, state));
    changed
}

/// Click selects one row, Ctrl+click toggles it, Shift+click selects the range from the anchor
/// (in view order).
fn select_click(state: &mut State, order: &[usize], row: usize, ctrl: bool, shift: bool) {
    if shift && let Some(anchor) = state.anchor {
        let a = order.iter().position(|&i| i == anchor);
        let b = order.iter().position(|&i| i == row);
        if let (Some(a), Some(b)) = (a, b) {
            let (lo, hi) = (a.min(b), a.max(b));
            if !ctrl {
                state.selected.clear();
            }
            state.selected.extend(order[lo..=hi].iter().copied());
            return;
        }
    }
    if ctrl {
        if !state.selected.remove(&row) {
            state.selected.insert(row);
        }
    } else {
        state.selected = BTreeSet::from([row]);
    }
    state.anchor = Some(row);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Vec<Column<(i32, &'static str)>> {
        vec![
            Column::new(
                "Year",
                "year",
                60.0,
                |a: &(i32, &str)| a.0.to_string(),
                |_, _, _| false,
            )
            .sorted_by(|a, b| a.0.cmp(&b.0)),
            Column::new(
                "Name",
                "name",
                60.0,
                |a: &(i32, &str)| a.1.to_owned(),
                |_, _, _| false,
            ),
        ]
    }

    #[test]
    fn sorting_orders_the_view_not_the_items() {
        let items = vec![(2010, "b"), (1999, "a"), (2020, "c")];
        let c = cols();
        assert_eq!(view_order(&items, &c, None), [0, 1, 2]);
        assert_eq!(view_order(&items, &c, Some((0, true))), [1, 0, 2]);
        assert_eq!(view_order(&items, &c, Some((0, false))), [2, 0, 1]);
        assert_eq!(
            view_order(&items, &c, Some((1, true))),
            [0, 1, 2],
            "not sortable"
        );
    }

    #[test]
    fn removing_and_moving_rows() {
        let mut items = vec![1, 2, 3, 4];
        assert!(remove_rows(&mut items, &BTreeSet::from([0, 2])));
        assert_eq!(items, [2, 4]);
        assert_eq!(move_row(&mut items, 1, true), Some(0));
        assert_eq!(items, [4, 2]);
        assert_eq!(move_row(&mut items, 0, true), None);
        assert_eq!(move_row(&mut items, 1, false), None);
    }

    #[test]
    fn clicks_select_toggle_and_extend_in_view_order() {
        let mut s = State::default();
        let order = [2, 0, 1, 3];
        select_click(&mut s, &order, 0, false, false);
        assert_eq!(s.selected, BTreeSet::from([0]));
        select_click(&mut s, &order, 3, false, true);
        assert_eq!(s.selected, BTreeSet::from([0, 1, 3]));
        select_click(&mut s, &order, 1, true, false);
        assert_eq!(s.selected, BTreeSet::from([0, 3]));
    }
}
