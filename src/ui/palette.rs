//! The command palette (Ctrl+K or Ctrl+P): type a few letters to run any menu command, open any
//! twin of the library, jump to any field of the open twin, or reopen a recent library. Entries
//! are the menu's own [`Command`]s, ranked by nucleo's fuzzy matcher.

use egui::{Key, Modifiers, RichText, TextEdit};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::commands::{self, Command};
use super::state::AppState;
use super::style;
use crate::analysis::TwinIndex;
use crate::model::Side;

/// Results shown at once; more narrow as one types.
const SHOWN: usize = 12;

/// One thing the palette can do.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// What kind of entry ("Command", "Twin", "Field", "Recent").
    pub kind: &'static str,
    pub label: String,
    /// Secondary text: a shortcut, the companies, the field's current text.
    pub detail: String,
    pub command: Command,
}

/// Everything the palette offers for this state: commands first, then twins, then the fields of
/// the selected twin, then recent libraries.
pub fn entries(state: &AppState, shortcut: impl Fn(&Command) -> String) -> Vec<Entry> {
    let has_twin = state.selected.is_some();
    let mut out: Vec<Entry> = commands::MENU
        .iter()
        .filter(|c| has_twin || !c.needs_twin())
        .map(|c| Entry {
            kind: "Command",
            label: c.label(),
            detail: shortcut(c),
            command: c.clone(),
        })
        .collect();
    for (i, open) in state.twins.iter().enumerate() {
        let t = &open.twin;
        out.push(Entry {
            kind: "Twin",
            label: t.title.clone(),
            detail: format!("{} · {}", t.west.display_name(), t.east.display_name()),
            command: Command::OpenTwin(i),
        });
    }
    if let Some(i) = state.selected
        && let Some(open) = state.twins.get(i)
    {
        let twin = &open.twin;
        for side in Side::BOTH {
            let company = &twin.side(side).name;
            for pillar in &twin.framework.pillars {
                if twin.score(side, &pillar.id).is_some() {
                    out.push(Entry {
                        kind: "Field",
                        label: format!("{company} › {} › Score", pillar.name),
                        detail: String::new(),
                        command: Command::JumpTo {
                            twin: i,
                            path: format!("{}.scores.{}.value", side.key(), pillar.id),
                        },
                    });
                }
            }
        }
        for (path, label, text) in TwinIndex::new(twin).field_texts() {
            out.push(Entry {
                kind: "Field",
                label: label.to_owned(),
                detail: text.chars().take(80).collect(),
                command: Command::JumpTo {
                    twin: i,
                    path: path.to_owned(),
                },
            });
        }
    }
    for path in &state.recent {
        out.push(Entry {
            kind: "Recent",
            label: format!("Open recent {}", path.display()),
            detail: String::new(),
            command: Command::OpenPath(path.clone()),
        });
    }
    out
}

/// The entries matching `query`, best first (all of them, in order, for an empty query).
pub fn rank(entries: &[Entry], query: &str) -> Vec<usize> {
    let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut scored: Vec<(usize, u32)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            // The label counts most: match it alone first, then with its detail.
            let label = pattern.score(Utf32Str::new(&e.label, &mut buf), &mut matcher);
            let both = format!("{} {} {}", e.kind, e.label, e.detail);
            let all = pattern.score(Utf32Str::new(&both, &mut buf), &mut matcher);
            label.map(|s| s + 1000).or(all).map(|s| (i, s))
        })
        .collect();
    // Stable: equal scores keep the entries' order (commands, twins, fields).
    scored.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
    scored.into_iter().map(|(i, _)| i).collect()
}

/// The palette's state between frames.
#[derive(Debug, Default)]
pub struct CommandPalette {
    /// The entries as of when it opened, or `None` when closed.
    entries: Option<Vec<Entry>>,
    query: String,
    cursor: usize,
    focus: bool,
}

impl CommandPalette {
    pub fn is_open(&self) -> bool {
        self.entries.is_some()
    }

    /// Opens the palette on the current state (or closes it when open: the shortcut toggles).
    pub fn toggle(&mut self, ctx: &egui::Context, state: &AppState) {
        if self.is_open() {
            self.entries = None;
            return;
        }
        self.entries = Some(entries(state, |c| commands::shortcut_text(ctx, c)));
        self.query.clear();
        self.cursor = 0;
        self.focus = true;
    }

    /// Draws the palette when open; returns the command chosen this frame.
    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let entries = self.entries.as_ref()?;
        let ranked = rank(entries, &self.query);
        let (down, up, enter, escape) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        let shown = ranked.len().min(SHOWN);
        if down {
            self.cursor = (self.cursor + 1).min(shown.saturating_sub(1));
        }
        if up {
            self.cursor = self.cursor.saturating_sub(1);
        }
        let mut chosen = None;
        if enter {
            chosen = ranked.get(self.cursor).map(|&i| entries[i].command.clone());
        }
        let muted = style::colours(ui).muted;
        let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ui.ctx(), |ui| {
            ui.set_width(560.0);
            let before = self.query.clone();
            let edit = ui
                .add(
                    TextEdit::singleline(&mut self.query)
                        .id(egui::Id::unique("command_palette_query"))
                        .hint_text("Type a command, a twin or a field…")
                        .desired_width(f32::INFINITY),
                )
                .accessible_name("Command palette");
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
            if self.query != before {
                self.cursor = 0;
            }
            ui.separator();
            if ranked.is_empty() {
                ui.weak("Nothing matches");
            }
            for (row, &i) in ranked.iter().take(SHOWN).enumerate() {
                let entry = &entries[i];
                let text = format!("{}  {}", entry.kind, entry.label);
                let response = ui.add(
                    egui::Button::selectable(row == self.cursor, text)
                        .right_text(RichText::new(&entry.detail).color(muted))
                        .truncate(),
                );
                if response.clicked() {
                    chosen = Some(entry.command.clone());
                }
            }
            if ranked.len() > SHOWN {
                style::hint(ui, &format!("{} more: keep typing", ranked.len() - SHOWN));
            }
        });
        if chosen.is_some() || escape || modal.should_close() {
            self.entries = None;
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Twin;
    use egui::ThemePreference;

    fn state() -> AppState {
        let mut a = Twin::new_blank("amazon-alibaba", "Amazon vs Alibaba");
        a.east.name = "Alibaba".into();
        let mut m = crate::model::DiversificationMove::new(2004);
        m.unit = "Alipay".into();
        a.east.moves.push(m);
        let b = Twin::new_blank("meta-tencent", "Meta vs Tencent");
        AppState::from_twins(std::path::Path::new("/nowhere"), vec![a, b])
    }

    fn first(state: &AppState, query: &str) -> Command {
        let e = entries(state, |_| String::new());
        let ranked = rank(&e, query);
        e[ranked[0]].command.clone()
    }

    #[test]
    fn finds_twins_commands_and_fields_by_a_few_letters() {
        let s = state();
        assert_eq!(first(&s, "tencent"), Command::OpenTwin(1));
        assert_eq!(first(&s, "save as"), Command::SaveAs);
        assert_eq!(first(&s, "dark"), Command::Theme(ThemePreference::Dark));
        assert_eq!(
            first(&s, "alipay"),
            Command::JumpTo {
                twin: 0,
                path: "east.moves[0].unit".into()
            }
        );
    }

    #[test]
    fn twin_commands_are_hidden_without_a_twin() {
        let s = AppState::default();
        let e = entries(&s, |_| String::new());
        assert!(e.iter().all(|e| e.command != Command::Save));
        assert!(e.iter().any(|e| e.command == Command::New));
        assert_eq!(rank(&e, "").len(), e.len());
    }
}
