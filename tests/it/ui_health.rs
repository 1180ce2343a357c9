//! The evidence-health panel (issue #15) driven through the studio: a click on a flag opens the
//! Edit tab at the field that fixes it, with the keyboard focus there.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twin_studio::store::{TWIN_EXTENSION, save_twin};
use twin_studio::ui::{AppState, Tab, TwinStudioApp};

use crate::support;
use crate::support::studio::{click_at, laptop_window, selected_unsaved};

/// Amazon vs Alibaba without its as-of date and with Amazon's first move unsourced, opened in a
/// studio on the Compare tab.
fn flagged_studio() -> (tempfile::TempDir, Harness<'static, TwinStudioApp>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut twin = support::sample("amazon-alibaba");
    twin.as_of = None;
    twin.west.moves[0].source = None;
    let path = dir.path().join(format!("{}{TWIN_EXTENSION}", twin.id));
    save_twin(&path, &twin).expect("save");
    let mut harness = laptop_window(AppState::open(dir.path()));
    harness.run();
    assert_eq!(harness.state().state.tab, Tab::Compare);
    (dir, harness)
}

/// Opens the panel by its header, then clicks the flag whose text starts with `flag`, on its
/// first words as a person does.
fn click_flag(harness: &mut Harness<'static, TwinStudioApp>, flag: &str) {
    if harness.query_by_label_contains(flag).is_none() {
        harness.get_by_label_contains("Evidence health:").click();
        harness.run();
    }
    let rect = harness
        .get_all_by_label_contains(flag)
        .find(|n| n.accesskit_node().role() == Role::Button)
        .map(|n| n.rect())
        .expect("the flag is listed");
    click_at(harness, egui::pos2(rect.left() + 12.0, rect.center().y));
    // The form scrolls to the field over a few frames before it takes the focus.
    harness.run_steps(12);
}

fn focused(harness: &Harness<'static, TwinStudioApp>, label: &str) -> bool {
    harness.get_all_by_label(label).any(|n| n.is_focused())
}

#[test]
fn the_panel_counts_the_flags_and_lists_each_one() {
    let (_dir, mut harness) = flagged_studio();
    harness.get_by_label_contains("Evidence health: ").click();
    harness.run();
    harness.get_by_label_contains("as_of: is missing");
    harness.get_by_label_contains("west.moves[0]: names no source");
}

#[test]
fn a_missing_as_of_date_jumps_to_the_as_of_field() {
    let (_dir, mut harness) = flagged_studio();
    click_flag(&mut harness, "as_of: is missing");
    assert_eq!(harness.state().state.tab, Tab::Edit);
    assert!(
        focused(&harness, "As of (YYYY-MM-DD)"),
        "the field that fixes the flag has the keyboard focus"
    );
    assert_eq!(harness.state().jump, None, "the jump was taken");
}

#[test]
fn an_unsourced_move_jumps_to_its_source_cell_from_the_edit_tab_too() {
    let (_dir, mut harness) = flagged_studio();
    harness.get_by_label("Edit").click();
    harness.run();
    click_flag(&mut harness, "west.moves[0]: names no source");
    assert_eq!(harness.state().state.tab, Tab::Edit);
    assert!(focused(&harness, "Source of move 1"));
    assert!(!selected_unsaved(&harness), "jumping changes nothing");
}

/// The per-twin threshold of stale evidence has its field next to the as-of date: shown with its
/// default, set by typing, and the health flags follow it.
#[test]
fn the_stale_threshold_is_set_in_the_twin_section() {
    let (_dir, mut harness) = flagged_studio();
    harness.get_by_label("Edit").click();
    harness.run();
    // The outline's entry opens the Twin section and scrolls to it, as a person would.
    let outline = harness
        .get_all_by_label("Twin")
        .next()
        .expect("outline entry")
        .rect();
    click_at(&mut harness, outline.center());
    harness.run_steps(12);
    let field = "Evidence stale after";
    assert!(
        harness
            .get_all_by_label(field)
            .any(|n| n.value().is_some_and(|v| v.contains("(default)"))),
        "the default is shown as such"
    );
    harness
        .get_all_by_label(field)
        .next()
        .expect("field")
        .click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness
        .get_all_by_label(field)
        .next()
        .expect("field in text mode")
        .type_text("7");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let open = harness.state().state.selected_twin().expect("selected");
    assert_eq!(open.twin.stale_after_years, Some(7));
    assert!(selected_unsaved(&harness));
}
