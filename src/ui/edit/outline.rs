//! The sections of the Edit tab: collapsible, remembered open or closed across sessions (egui's
//! persisted memory), listed in an outline that jumps to them, opened by themselves when a search
//! or palette jump points inside them.

use egui::collapsing_header::CollapsingState;
use egui::{Id, RichText};

use super::form::Issues;
use crate::model::{Side, Twin};
use crate::ui::style;

/// One section: a stable key, its title, and the validation paths whose fields it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub key: String,
    pub title: String,
    /// Path prefixes: `west.moves` holds `west.moves[3].unit`.
    pub paths: Vec<String>,
    /// Open the first time the tab is shown.
    pub open_by_default: bool,
}

impl Section {
    pub fn new(key: &str, title: impl Into<String>, paths: &[&str], open_by_default: bool) -> Self {
        Self {
            key: key.to_owned(),
            title: title.into(),
            paths: paths.iter().map(|p| (*p).to_owned()).collect(),
            open_by_default,
        }
    }

    /// Whether the field at `path` is edited in this section.
    pub fn holds(&self, path: &str) -> bool {
        self.paths.iter().any(|p| {
            path == p
                || path
                    .strip_prefix(p.as_str())
                    .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
        })
    }

    fn id(&self) -> Id {
        Id::unique(("edit_section", &self.key))
    }

    /// Whether the section is open (as remembered).
    pub fn is_open(&self, ctx: &egui::Context) -> bool {
        CollapsingState::load_with_default_open(ctx, self.id(), self.open_by_default).is_open()
    }

    /// Opens or closes the section (remembered).
    pub fn set_open(&self, ctx: &egui::Context, open: bool) {
        let mut state =
            CollapsingState::load_with_default_open(ctx, self.id(), self.open_by_default);
        state.set_open(open);
        state.store(ctx);
    }
}

/// The fields of a company's profile section.
const PROFILE_FIELDS: [&str; 11] = [
    "name",
    "native_name",
    "region",
    "headquarters",
    "founded",
    "core_business",
    "brand_color",
    "orientation",
    "measures_own_loyalty",
    "loyalty_note",
    "challenges",
];

/// The sections of the Edit tab for this twin, in order: what the outline lists and jumps to.
pub fn sections(twin: &Twin) -> Vec<Section> {
    let mut out = vec![Section::new(
        "scores",
        "Scores",
        &["west.scores", "east.scores"],
        true,
    )];
    for side in Side::BOTH {
        let title = format!("Evidence: {}", twin.side(side).name);
        out.push(company_section(side, "evidence", title, &["scores"], true));
    }
    out.push(Section::new(
        "twin",
        "Twin",
        &[
            "id",
            "title",
            "as_of",
            "stale_after_years",
            "biggest_difference",
            "biggest_similarity",
        ],
        false,
    ));
    out.push(Section::new("lessons", "Lessons", &["lessons"], false));
    out.push(Section::new(
        "framework",
        "Framework and pillars",
        &["framework"],
        false,
    ));
    for side in Side::BOTH {
        let name = &twin.side(side).name;
        let title = format!("{name} profile");
        out.push(company_section(
            side,
            "profile",
            title,
            &PROFILE_FIELDS,
            false,
        ));
        for list in ["moves", "partnerships", "metrics"] {
            out.push(company_section(
                side,
                list,
                format!("{name} {list}"),
                &[list],
                false,
            ));
        }
    }
    out.push(Section::new(
        "deck",
        "Presenter deck: slides and speaker notes",
        &["deck", "speaker_notes"],
        false,
    ));
    out.push(Section::new(
        "snapshots",
        "Snapshots over time",
        &["snapshots"],
        false,
    ));
    out
}

/// The section of one company's `part` (key `west.moves`), holding its `fields`.
fn company_section(side: Side, part: &str, title: String, fields: &[&str], open: bool) -> Section {
    let k = side.key();
    let paths: Vec<String> = fields.iter().map(|f| format!("{k}.{f}")).collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    Section::new(&format!("{k}.{part}"), title, &paths, open)
}

/// Where the outline asked to go, kept until the section's header is drawn.
fn scroll_id() -> Id {
    Id::unique("edit_section_scroll_to")
}

/// The outline: a link per section (marked when it has problems), plus open/close all.
pub fn outline(ui: &mut egui::Ui, sections: &[Section], issues: &Issues<'_>) {
    let ctx = ui.ctx().clone();
    let colours = style::colours(ui);
    ui.label(RichText::new("Outline").strong());
    ui.horizontal(|ui| {
        if ui.small_button("Open all").clicked() {
            sections.iter().for_each(|s| s.set_open(&ctx, true));
        }
        if ui.small_button("Close all").clicked() {
            sections.iter().for_each(|s| s.set_open(&ctx, false));
        }
    });
    ui.add_space(style::space::XS);
    for section in sections {
        let broken = section.paths.iter().any(|p| issues.any_under(p));
        let mut text = RichText::new(&section.title);
        if broken {
            text = RichText::new(format!("▲ {}", section.title)).color(colours.error);
        }
        let link = ui
            .add(egui::Button::new(text).frame(false).truncate())
            .on_hover_text("Open this section and scroll to it");
        if link.clicked() {
            section.set_open(&ctx, true);
            ctx.data_mut(|d| d.insert_temp(scroll_id(), section.key.clone()));
        }
    }
}

/// Draws one section; a jump into it opens it. Returns whether its body changed the twin.
pub fn show(
    ui: &mut egui::Ui,
    section: &Section,
    issues: &Issues<'_>,
    body: impl FnOnce(&mut egui::Ui) -> bool,
) -> bool {
    let ctx = ui.ctx().clone();
    if issues.jump_target().is_some_and(|p| section.holds(p)) && !section.is_open(&ctx) {
        section.set_open(&ctx, true);
    }
    let broken = section.paths.iter().any(|p| issues.any_under(p));
    let size = style::size::HEADING * 0.85;
    let header = if broken {
        RichText::new(format!("▲ {}", section.title))
            .size(size)
            .strong()
            .color(style::colours(ui).error)
    } else {
        RichText::new(&section.title).size(size).strong()
    };
    let state =
        CollapsingState::load_with_default_open(&ctx, section.id(), section.open_by_default);
    let (_, header_response, body_response) = state
        .show_header(ui, |ui| {
            ui.add(
                egui::Label::new(header)
                    .selectable(false)
                    .sense(egui::Sense::click()),
            )
        })
        .body(|ui| body_or_its_space(ui, section, issues, body));
    // The title toggles the section too, not only the arrow.
    if header_response.inner.clicked() {
        section.set_open(&ctx, !section.is_open(&ctx));
    }
    let wanted = ctx.data(|d| d.get_temp::<String>(scroll_id()));
    if wanted.as_deref() == Some(section.key.as_str()) {
        header_response
            .response
            .scroll_to_me(Some(egui::Align::TOP));
        ctx.data_mut(|d| d.remove::<String>(scroll_id()));
    }
    body_response.is_some_and(|b| b.inner)
}

/// Draws an open section's body, or only reserves the height it had when it was last drawn if it
/// lies more than a quarter screen above or below what the form shows and holds neither the
/// keyboard focus nor a jump target. With every section open the Edit tab then costs what is near
/// the screen, not the whole twin (the 1 ms frame budget of #13). The margin keeps Tab landing on
/// drawn fields: the section after the focused field always starts within it. A section's height
/// is measured again each time it is drawn.
fn body_or_its_space(
    ui: &mut egui::Ui,
    section: &Section,
    issues: &Issues<'_>,
    body: impl FnOnce(&mut egui::Ui) -> bool,
) -> bool {
    let height_id = section.id().with("drawn_height");
    let focus_id = section.id().with("holds_focus");
    let ctx = ui.ctx().clone();
    let focused = ctx.memory(|m| m.focused());
    let (last_height, held_focus) = ui.data(|d| {
        (
            d.get_temp::<f32>(height_id),
            d.get_temp::<egui::Id>(focus_id),
        )
    });
    if let Some(height) = last_height {
        let space =
            egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
        let shown = ui.clip_rect();
        let near = shown.expand2(egui::vec2(0.0, shown.height() / 4.0));
        let jump_here = issues.jump_target().is_some_and(|p| section.holds(p));
        let holds_focus = focused.is_some() && focused == held_focus;
        if !near.intersects(space) && !jump_here && !holds_focus {
            ui.allocate_exact_size(space.size(), egui::Sense::hover());
            return false;
        }
    }
    let changed = body(ui);
    let drawn = ui.min_rect();
    // The focused widget, if this body drew it: positions of this frame, so scrolling between
    // frames does not matter.
    let holder = ctx.memory(|m| m.focused()).and_then(|id| {
        let rect = ctx.read_response(id)?.rect;
        drawn.intersects(rect).then_some((id, rect))
    });
    // egui scrolls a text field to its cursor, but not a button or checkbox that Tab reached:
    // bring it on screen, so the section after it is near enough to be drawn for the next Tab.
    if let Some((id, rect)) = holder
        && held_focus != Some(id)
        && !ctx.input(|i| i.pointer.any_pressed())
    {
        ui.scroll_to_rect(rect, None);
    }
    let holder = holder.map(|(id, _)| id);
    ui.data_mut(|d| {
        d.insert_temp(height_id, drawn.height());
        if let Some(id) = holder {
            d.insert_temp(focus_id, id);
        } else {
            d.remove::<egui::Id>(focus_id);
        }
    });
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_hold_their_paths_and_children_only() {
        let moves = Section::new("west.moves", "Moves", &["west.moves"], false);
        assert!(moves.holds("west.moves"));
        assert!(moves.holds("west.moves[3].unit"));
        assert!(!moves.holds("west.moves_extra"));
        assert!(!moves.holds("east.moves[0]"));
        let scores = Section::new("scores", "Scores", &["west.scores", "east.scores"], true);
        assert!(scores.holds("east.scores.base.value"));
        assert!(!scores.holds("title"));
    }

    #[test]
    fn open_state_is_remembered_in_memory() {
        let ctx = egui::Context::default();
        let s = Section::new("twin", "Twin", &["title"], false);
        assert!(!s.is_open(&ctx));
        s.set_open(&ctx, true);
        assert!(s.is_open(&ctx));
    }
}
