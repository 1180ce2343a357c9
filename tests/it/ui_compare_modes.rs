//! Issue #13's side-by-side compare mode and pillar-weights panel, driven through the studio.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twin_studio::analysis::{WhatIf, weighted_total_with};
use twin_studio::model::Side;
use twin_studio::ui::{AppState, Tab, TwinStudioApp};

use crate::support;

fn studio() -> Harness<'static, TwinStudioApp> {
    let mut state = AppState::open(&support::samples_folder());
    let index = state
        .twins
        .iter()
        .position(|t| t.twin.id == "amazon-alibaba");
    state.select(index);
    state.tab = Tab::Compare;
    let mut harness = support::studio::window(state, egui::vec2(1366.0, 900.0));
    harness.run();
    harness
}

#[test]
fn two_twins_side_by_side_show_both_radars_totals_and_moves() {
    let mut harness = studio();
    let cards =
        |h: &Harness<'_, TwinStudioApp>| h.query_all_by_label_contains("Weighted total:").count();
    assert_eq!(cards(&harness), 2, "one card per company");
    let titles = |h: &Harness<'_, TwinStudioApp>, title: &str| h.query_all_by_label(title).count();
    let xiaomi_title = support::sample("apple-xiaomi").title;
    let before = titles(&harness, &xiaomi_title);
    harness.get_by_label("Side by side with").click();
    harness.run();
    // The library lists the title too; the open list is drawn last, on top.
    harness
        .get_all_by_label_contains("Apple vs Xiaomi")
        .last()
        .expect("listed")
        .click();
    harness.run();
    assert_eq!(
        harness.state().side_by_side.other.as_deref(),
        Some("apple-xiaomi")
    );
    let xiaomi = support::sample("apple-xiaomi");
    let amazon = support::sample("amazon-alibaba");
    for (twin, side) in [
        (&amazon, Side::East),
        (&xiaomi, Side::East),
        (&xiaomi, Side::West),
    ] {
        let company = twin.side(side);
        let heading = format!("{}: {} moves", company.name, company.moves.len());
        assert!(
            harness.query_by_label(&heading).is_some(),
            "{heading} is listed"
        );
    }
    assert!(
        titles(&harness, &xiaomi_title) > before,
        "the other twin's title heads its column"
    );
    assert_eq!(cards(&harness), 0, "the one-twin cards make way");
    harness.get_by_label("Side by side with").click();
    harness.run();
    harness.get_by_label("Nothing: one twin").click();
    harness.run();
    assert_eq!(cards(&harness), 2);
}

#[test]
fn doubling_a_pillar_in_the_weights_panel_moves_the_portfolio_totals() {
    let mut harness = studio();
    harness.get_by_label("Portfolio").click();
    harness.run();
    harness
        .get_by_label("What if the pillars weighed differently?")
        .click();
    harness.run();
    // The slider's number box: click it, replace the value, press Enter.
    let spins = |h: &Harness<'_, TwinStudioApp>| {
        h.query_all_by_role(Role::SpinButton)
            .filter(|n| {
                n.accesskit_node()
                    .value()
                    .is_some_and(|v| v.starts_with('×'))
            })
            .count()
    };
    assert_eq!(spins(&harness), 4, "one multiplier per pillar");
    harness
        .query_all_by_role(Role::SpinButton)
        .find(|n| n.accesskit_node().label().as_deref() == Some("Save the world"))
        .expect("the save-the-world multiplier")
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .query_all_by_label("Save the world")
        .find(|n| n.accesskit_node().role() != Role::Slider)
        .expect("the number box is in text mode")
        .type_text("2");
    harness.key_press(Key::Enter);
    harness.run();
    harness.run();
    assert_eq!(harness.state().what_if.multiplier("save_the_world"), 2.0);
    assert!(
        harness
            .query_by_label_contains("What if: Save the world ×2.00")
            .is_some()
    );
    let mut what_if = WhatIf::default();
    what_if.set("save_the_world", 2.0);
    let twin = support::sample("amazon-alibaba");
    let west = weighted_total_with(&twin, Side::West, &what_if).expect("scored");
    let plain = twin_studio::analysis::weighted_total(&twin, Side::West).expect("scored");
    assert_ne!(west, plain, "the sample's totals depend on that weight");
    let row = harness
        .state_mut()
        .portfolio_figures()
        .rows
        .iter()
        .find(|r| r.twin_id == "amazon-alibaba")
        .cloned()
        .expect("a row");
    assert_eq!(
        row.west_total,
        Some(west),
        "the table's total follows the weights"
    );
    assert!(
        harness
            .query_all_by_label(&format!("{west:.1}"))
            .next()
            .is_some(),
        "the table shows {west:.1}"
    );
    harness.get_by_label("Own weights").click();
    harness.run();
    assert!(harness.state().what_if.is_neutral());
}
