//! A searchable picker: a button showing the current choice that opens a box to type into, a list
//! narrowed as one types (grouped, e.g. sectors by cluster), arrow keys and Enter to choose, and
//! optionally "use what I typed" for custom values (custom sectors). It replaces long combo boxes
//! that had to be scrolled.

use egui::{Id, Key, Modifiers, Popup, PopupCloseBehavior, RichText, TextEdit};

/// One choice offered by a picker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Choice<'a> {
    /// Shown and searched.
    pub name: &'a str,
    /// A heading the choice is listed under (e.g. the sector's cluster); also searched.
    pub group: Option<&'a str>,
}

/// What the user chose this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Picked {
    /// The choice at this index of the list given to the picker.
    Choice(usize),
    /// Text typed in the box that matches no choice, accepted as a custom value.
    Custom(String),
}

/// The choices whose name or group contains every word of `query` (case-insensitive), in the
/// order given; an empty query keeps them all.
pub fn narrow(choices: &[Choice<'_>], query: &str) -> Vec<usize> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    choices
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let name = c.name.to_lowercase();
            let group = c.group.map(str::to_lowercase).unwrap_or_default();
            words
                .iter()
                .all(|w| name.contains(w.as_str()) || group.contains(w.as_str()))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The typed text as a custom value, when custom values are allowed and it names no choice.
fn custom_value(choices: &[Choice<'_>], query: &str, allow: bool) -> Option<String> {
    let typed = query.trim();
    (allow && !typed.is_empty() && !choices.iter().any(|c| c.name.eq_ignore_ascii_case(typed)))
        .then(|| typed.to_owned())
}

/// What the picker remembers while its box is open.
#[derive(Debug, Clone, Default)]
struct Open {
    query: String,
    /// Row under the keyboard cursor among the narrowed rows (the custom row comes last).
    cursor: usize,
}

/// A picker; build one per frame and call [`SearchPicker::show`].
pub struct SearchPicker<'a> {
    id: Id,
    selected_text: String,
    choices: &'a [Choice<'a>],
    custom: Option<&'a str>,
    width: f32,
}

impl<'a> SearchPicker<'a> {
    /// `id_salt` must be unique among the pickers of the surrounding `Ui`.
    pub fn new(
        id_salt: impl std::hash::Hash + std::fmt::Debug,
        selected_text: impl Into<String>,
    ) -> Self {
        Self {
            id: Id::unique(("search_picker", Id::unique(id_salt))),
            selected_text: selected_text.into(),
            choices: &[],
            custom: None,
            width: 200.0,
        }
    }

    pub fn choices(mut self, choices: &'a [Choice<'a>]) -> Self {
        self.choices = choices;
        self
    }

    /// Lets the user keep typed text that matches no choice; `what` names it ("custom sector").
    pub fn allow_custom(mut self, what: &'a str) -> Self {
        self.custom = Some(what);
        self
    }

    pub fn width(mut self, width: f32) -> Self {
        self.width = width;
        self
    }

    /// Draws the button and, when open, the search box and list. Returns the button's response
    /// (label it for screen readers with `labelled_by`) and what was picked this frame.
    pub fn show(self, ui: &mut egui::Ui) -> (egui::Response, Option<Picked>) {
        let id = ui.make_persistent_id(self.id);
        let button = ui.add_sized(
            [self.width, ui.spacing().interact_size.y],
            egui::Button::new(
                RichText::new(format!("{}  ▼", self.selected_text))
                    .text_style(egui::TextStyle::Button),
            )
            .truncate(),
        );
        let popup_id = Popup::default_response_id(&button);
        let was_open = Popup::is_id_open(ui.ctx(), popup_id);
        // Typing on the focused button (a table's new row puts the cursor here) opens the box
        // with what was typed, so the keyboard never has to leave for the mouse.
        if !was_open && button.has_focus() {
            let typed: String = ui.input(|i| {
                i.events
                    .iter()
                    .filter_map(|e| match e {
                        egui::Event::Text(t) => Some(t.as_str()),
                        _ => None,
                    })
                    .collect()
            });
            if !typed.trim().is_empty() {
                ui.data_mut(|d| {
                    d.insert_temp(
                        id,
                        Open {
                            query: typed,
                            cursor: 0,
                        },
                    )
                });
                Popup::open_id(ui.ctx(), popup_id);
            }
        }
        let mut picked = None;
        let inner = Popup::from_toggle_button_response(&button)
            .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
            .width(self.width.max(240.0))
            .show(|ui| self.list(ui, id, !was_open));
        if let Some(inner) = inner {
            picked = inner.inner;
        } else if was_open {
            ui.data_mut(|d| d.remove::<Open>(id));
        }
        if picked.is_some() {
            Popup::close_id(ui.ctx(), popup_id);
            ui.data_mut(|d| d.remove::<Open>(id));
        }
        (button, picked)
    }

    /// The box and the narrowed list inside the popup.
    fn list(&self, ui: &mut egui::Ui, id: Id, just_opened: bool) -> Option<Picked> {
        let mut open: Open = ui.data_mut(|d| d.get_temp(id)).unwrap_or_default();
        let before = open.query.clone();
        let rows = narrow(self.choices, &open.query);
        let custom = custom_value(self.choices, &open.query, self.custom.is_some());
        let count = rows.len() + usize::from(custom.is_some());
        let (down, up, enter) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
            )
        });
        if down {
            open.cursor = (open.cursor + 1).min(count.saturating_sub(1));
        }
        if up {
            open.cursor = open.cursor.saturating_sub(1);
        }
        let hint = match self.custom {
            Some(what) => format!("Type to search or add a {what}"),
            None => "Type to search".to_owned(),
        };
        let edit = ui
            .add(
                TextEdit::singleline(&mut open.query)
                    .id(id.with("query"))
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
            )
            .accessible_name("Search the choices");
        if just_opened {
            edit.request_focus();
        }
        if open.query != before {
            open.cursor = 0;
        }
        let mut picked = None;
        if enter {
            picked = match (rows.get(open.cursor), &custom) {
                (Some(&i), _) => Some(Picked::Choice(i)),
                (None, Some(text)) => Some(Picked::Custom(text.clone())),
                (None, None) => None,
            };
        }
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let mut group = None;
                for (row, &i) in rows.iter().enumerate() {
                    let choice = &self.choices[i];
                    if choice.group.is_some() && choice.group != group {
                        group = choice.group;
                        ui.label(RichText::new(group.unwrap_or_default()).small().strong());
                    }
                    let response = ui.selectable_label(row == open.cursor, choice.name);
                    if row == open.cursor && (down || up) {
                        response.scroll_to_me(None);
                    }
                    if response.clicked() {
                        picked = Some(Picked::Choice(i));
                    }
                }
                if let (Some(text), Some(what)) = (&custom, self.custom) {
                    ui.separator();
                    let label = format!("+ Use “{text}” as a {what}");
                    if ui
                        .selectable_label(open.cursor == rows.len(), label)
                        .clicked()
                    {
                        picked = Some(Picked::Custom(text.clone()));
                    }
                } else if rows.is_empty() {
                    ui.weak("Nothing matches");
                }
            });
        ui.data_mut(|d| d.insert_temp(id, open));
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHOICES: [Choice<'static>; 4] = [
        Choice {
            name: "Cloud computing",
            group: Some("Technology"),
        },
        Choice {
            name: "Food delivery",
            group: Some("Local services"),
        },
        Choice {
            name: "Ride hailing",
            group: Some("Local services"),
        },
        Choice {
            name: "Payments",
            group: Some("Finance"),
        },
    ];

    #[test]
    fn typing_narrows_by_name_or_group_in_any_case() {
        assert_eq!(narrow(&CHOICES, ""), [0, 1, 2, 3]);
        assert_eq!(narrow(&CHOICES, "CLO"), [0]);
        assert_eq!(narrow(&CHOICES, "local"), [1, 2]);
        assert_eq!(narrow(&CHOICES, "local ride"), [2]);
        assert_eq!(narrow(&CHOICES, "foo"), [1]);
        assert!(narrow(&CHOICES, "xyz").is_empty());
    }

    #[test]
    fn custom_values_only_when_allowed_and_new() {
        assert_eq!(
            custom_value(&CHOICES, " Pet care ", true),
            Some("Pet care".into())
        );
        assert_eq!(custom_value(&CHOICES, "payments", true), None);
        assert_eq!(custom_value(&CHOICES, "Pet care", false), None);
        assert_eq!(custom_value(&CHOICES, "  ", true), None);
    }
}
