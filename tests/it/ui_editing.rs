//! Editing at speed, driven through the real studio with egui_kittest: the library's rows and
//! keyboard, full-text search with jump to the field, the command palette, the searchable pickers,
//! pasting evidence, and a first window that fits a 1366x768 laptop.

use crate::support::studio::{click_at, sample_copy, window as studio_window};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twin_studio::ui::{AppState, Tab, TwinStudioApp, window};

fn studio(size: egui::Vec2) -> (tempfile::TempDir, Harness<'static, TwinStudioApp>) {
    let (dir, folder) = sample_copy();
    let mut harness = studio_window(AppState::open(&folder), size);
    harness.run();
    (dir, harness)
}

fn laptop() -> (tempfile::TempDir, Harness<'static, TwinStudioApp>) {
    studio(egui::vec2(1280.0, 800.0))
}

/// The one node with this label and role (a row's button and its title label share a label).
fn node<'h>(
    harness: &'h Harness<'_, TwinStudioApp>,
    label: &'h str,
    role: Role,
) -> egui_kittest::Node<'h> {
    harness
        .get_all_by_label(label)
        .find(|n| n.accesskit_node().role() == role)
        .unwrap_or_else(|| panic!("no {role:?} labelled {label}"))
}

fn selected_id(harness: &Harness<'_, TwinStudioApp>) -> String {
    let state = &harness.state().state;
    state
        .selected_twin()
        .expect("a twin is open")
        .twin
        .id
        .clone()
}

#[test]
fn clicking_the_text_of_a_library_row_opens_that_twin() {
    let (_dir, mut harness) = laptop();
    assert_eq!(selected_id(&harness), "amazon-alibaba");
    // The companies' line of the row, exactly where a person clicks: on the words.
    harness.get_by_label("Apple · Xiaomi (小米集团)").click();
    harness.run();
    assert_eq!(selected_id(&harness), "apple-xiaomi");
    // And the title's first letters, at the left edge of the text.
    let title = node(
        &harness,
        "Uber vs DiDi: the ride-hailing rivals",
        Role::Label,
    );
    let rect = title.rect();
    click_at(&mut harness, egui::pos2(rect.left() + 4.0, rect.center().y));
    assert_eq!(selected_id(&harness), "uber-didi");
}

#[test]
fn arrow_keys_and_enter_move_through_the_library() {
    let (_dir, mut harness) = laptop();
    harness
        .get_by_label("Amazon · Alibaba Group (阿里巴巴集团)")
        .click();
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(
        selected_id(&harness),
        "amazon-alibaba",
        "arrows move, only Enter opens"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(selected_id(&harness), "google-baidu");
    harness.key_press(Key::ArrowUp);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(selected_id(&harness), "apple-xiaomi");
}

#[test]
fn typing_in_the_search_box_then_down_and_enter_opens_a_result() {
    let (_dir, mut harness) = laptop();
    harness.get_by_label("Search the library").click();
    harness.run();
    // Baidu owns most of iQIYI, so two twins mention it.
    harness
        .get_by_label("Search the library")
        .type_text("iqiyi");
    harness.run();
    harness.get_by_label_contains("2 of 10 twins");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(selected_id(&harness), "netflix-iqiyi");
    // Enter in the search box opens the first result.
    harness.get_by_label("Search the library").click();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(selected_id(&harness), "google-baidu");
}

#[test]
fn search_for_wechat_finds_meta_tencent_and_jumps_to_the_field() {
    let (_dir, mut harness) = laptop();
    harness.get_by_label("Search the library").click();
    harness.run();
    harness
        .get_by_label("Search the library")
        .type_text("WeChat");
    harness.run();
    let listed: Vec<String> = harness
        .state()
        .state
        .twins
        .iter()
        .filter(|t| {
            harness
                .query_all_by_label(&t.twin.title)
                .any(|n| n.accesskit_node().role() == Role::Button)
        })
        .map(|t| t.twin.id.clone())
        .collect();
    // Tencent's own twin, and the five whose evidence or notes mention WeChat; the old search
    // (names only) found none of them.
    assert_eq!(
        listed,
        [
            "google-baidu",
            "meta-tencent",
            "spotify-tme",
            "starbucks-luckin",
            "uber-didi",
            "walmart-jd"
        ]
    );
    harness.get_by_label_contains("6 of 10 twins");
    node(
        &harness,
        "Meta vs Tencent: the social graph as a business",
        Role::Label,
    )
    .click();
    harness.run();
    assert_eq!(selected_id(&harness), "meta-tencent");
    harness.get_by_label_contains("matches in Meta vs Tencent");
    // Why it matched: the field's place in words, then the text around the match. The hit of a
    // move's unit is further down the list: scroll to it with the wheel, then click it.
    let unit_hit = |h: &Harness<'_, TwinStudioApp>| {
        h.query_all_by_role(Role::Button)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.contains("› Move") && l.ends_with("› Unit"))
            })
            .map(|n| n.rect())
            .expect("a move's unit matched")
    };
    let list_top = harness
        .get_by_label_contains("matches in Meta vs Tencent")
        .rect()
        .bottom();
    let list_bottom = harness.get_by_label("All saved").rect().top() - 8.0;
    for _ in 0..40 {
        if unit_hit(&harness).bottom() < list_bottom {
            break;
        }
        harness.hover_at(egui::pos2(100.0, list_top + 30.0));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -60.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(8);
    }
    let hit = unit_hit(&harness);
    assert!(
        hit.top() > list_top && hit.bottom() < list_bottom,
        "{hit:?} in view"
    );
    click_at(&mut harness, hit.left_center() + egui::vec2(20.0, 0.0));
    // The section opens, the table selects the row, the cell takes the focus.
    harness.run_steps(10);
    assert_eq!(harness.state().state.tab, Tab::Edit);
    assert!(harness.state().jump.is_none(), "the Edit tab took the jump");
    let focused = harness
        .query_all(egui_kittest::kittest::by().predicate(|n| n.is_focused()))
        .next()
        .expect("a field has the focus");
    let name = focused.accesskit_node().label().unwrap_or_default();
    assert!(name.starts_with("Unit of move"), "{name}");
    let value = focused.value().unwrap_or_default();
    assert!(value.contains("WeChat"), "the focused field holds {value}");
}

#[test]
fn the_command_palette_opens_a_twin_by_name() {
    let (_dir, mut harness) = laptop();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    assert!(harness.state().palette_open());
    harness.get_by_label("Command palette").type_text("xiaomi");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(!harness.state().palette_open());
    assert_eq!(selected_id(&harness), "apple-xiaomi");
}

#[test]
fn the_command_palette_runs_a_menu_command() {
    let (_dir, mut harness) = laptop();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.run();
    harness
        .get_by_label("Command palette")
        .type_text("diversif");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.tab, Tab::Diversification);
    let twins = harness.state().state.twins.len();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness
        .get_by_label("Command palette")
        .type_text("new twin");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().state.twins.len(), twins + 1);
}

#[test]
fn typing_foo_in_the_sector_filter_narrows_the_list() {
    let (_dir, mut harness) = laptop();
    node(&harness, "Sector", Role::Button).click();
    harness.run();
    assert!(harness.query_by_label("Cloud computing").is_some());
    let before = harness
        .get_all_by_role(egui::accesskit::Role::Button)
        .count();
    harness.get_by_label("Search the choices").type_text("foo");
    harness.run();
    assert!(harness.query_by_label("Cloud computing").is_none());
    assert!(harness.query_by_label("Food delivery").is_some());
    assert!(harness.query_by_label("Grocery & fresh food").is_some());
    let after = harness
        .get_all_by_role(egui::accesskit::Role::Button)
        .count();
    assert!(after < before, "{after} choices left of {before}");
    harness.key_press(Key::ArrowDown);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().state.filter.sector.as_deref(),
        Some("food_delivery")
    );
}

#[test]
fn the_default_window_fits_1366x768_with_the_status_bar_in_view() {
    // The work area of a 1366x768 laptop under a title bar and above a taskbar.
    const WORK_AREA: egui::Vec2 = egui::vec2(1366.0, 768.0 - 48.0 - 30.0);
    const {
        assert!(window::FIRST_SIZE.x <= WORK_AREA.x && window::FIRST_SIZE.y <= WORK_AREA.y);
    };
    let (_dir, harness) = studio(window::FIRST_SIZE);
    let status = harness.get_by_label("All saved").rect();
    assert!(status.bottom() <= window::FIRST_SIZE.y, "{status:?}");
    let tab = harness.get_by_label("Report").rect();
    assert!(tab.right() <= window::FIRST_SIZE.x);
}

/// The sample library, Amazon vs Alibaba open in the Edit tab.
fn amazon_alibaba_editing() -> (tempfile::TempDir, Harness<'static, TwinStudioApp>) {
    let (dir, mut harness) = laptop();
    harness.get_by_label("Edit").click();
    harness.run();
    (dir, harness)
}

fn amazon(harness: &Harness<'_, TwinStudioApp>) -> twin_studio::model::CompanyProfile {
    let open = harness.state().state.selected_twin().expect("open");
    open.twin.west.clone()
}

#[test]
fn a_table_edit_of_a_moves_year_is_one_undo_step() {
    let (_dir, mut harness) = amazon_alibaba_editing();
    node(&harness, "Amazon moves", Role::Button).click();
    harness.run_steps(8);
    // A move whose year is written nowhere else on screen, to click its cell's text.
    let moves = amazon(&harness).moves;
    let (row, year) = moves
        .iter()
        .enumerate()
        .map(|(i, m)| (i, m.year.to_string()))
        .find(|(_, y)| harness.query_all_by_label(y).count() == 1)
        .expect("a move with a year of its own");
    harness.get_by_label(&year).click();
    harness.run_steps(4);
    let cell = format!("Year of move {}", row + 1);
    assert!(
        harness.get_by_label(&cell).is_focused(),
        "the clicked cell takes the keyboard"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.get_by_label(&cell).type_text("2001");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(amazon(&harness).moves[row].year, 2001);
    let before = year.parse::<i32>().expect("year");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(amazon(&harness).moves[row].year, before, "one undo step");
    assert_eq!(amazon(&harness).moves, moves, "everything else as it was");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(amazon(&harness).moves[row].year, 2001);
}

#[test]
fn pasting_a_url_into_a_new_evidence_item_fills_its_source() {
    let (_dir, mut harness) = amazon_alibaba_editing();
    let before = amazon(&harness)
        .scores
        .values()
        .map(|s| s.evidence.len())
        .sum::<usize>();
    harness
        .get_all_by_label("+ Add evidence item")
        .next()
        .expect("Amazon's evidence table")
        .click();
    harness.run_steps(4);
    let url = "https://www.aboutamazon.com/news/company-news/amazon-prime-members";
    harness.event(egui::Event::Paste(url.to_owned()));
    harness.run_steps(4);
    let amazon = amazon(&harness);
    let evidence: Vec<_> = amazon.scores.values().flat_map(|s| &s.evidence).collect();
    assert_eq!(evidence.len(), before + 1);
    let added = evidence
        .iter()
        .find(|e| e.source.as_ref().and_then(|s| s.url.as_deref()) == Some(url))
        .expect("the pasted URL is the new item's source");
    assert_eq!(added.claim, "", "the URL did not land in the claim");
    assert_eq!(
        added.source.as_ref().map(|s| s.title.as_str()),
        Some("aboutamazon.com")
    );
}

/// Amazon vs Alibaba in the Edit tab with every section and table open, in a window of `size`.
fn every_section_open(size: egui::Vec2) -> (tempfile::TempDir, Harness<'static, TwinStudioApp>) {
    let (dir, mut harness) = studio(size);
    harness.get_by_label("Edit").click();
    harness.run();
    twin_studio::ui::open_all_edit_sections(&harness.ctx);
    harness.run();
    (dir, harness)
}

/// One notch-sized turn of the mouse wheel over the form (negative `dy` scrolls down).
fn wheel_over_the_form(harness: &mut Harness<'_, TwinStudioApp>, dy: f32) {
    harness.hover_at(egui::pos2(800.0, 450.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    harness.run_steps(4);
}

/// The first speaker-notes field of the deck, the last section of the form, if it is drawn.
fn first_speaker_notes(harness: &Harness<'_, TwinStudioApp>) -> Option<egui::Rect> {
    harness
        .query_all_by_label("Speaker notes, slide 1")
        .find(|n| n.accesskit_node().role() == Role::MultilineTextInput)
        .map(|n| n.rect())
}

#[test]
fn with_every_section_open_a_far_section_is_laid_out_once_scrolled_to() {
    let (_dir, mut harness) = every_section_open(egui::vec2(1280.0, 800.0));
    // Thousands of points below the screen, the deck's fields cost nothing this frame...
    assert_eq!(first_speaker_notes(&harness), None);
    // ...and are there, on screen, once the wheel brings them.
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let mut turns = 0;
    while !first_speaker_notes(&harness).is_some_and(|r| screen.contains_rect(r)) {
        turns += 1;
        assert!(turns < 400, "the deck section never came on screen");
        wheel_over_the_form(&mut harness, -240.0);
    }
    // The scroll area was sized by the heights the skipped sections had when last drawn: the
    // outline still jumps back to the top section and it draws there.
    node(&harness, "Scores", Role::Button).click();
    harness.run_steps(30);
    assert_eq!(first_speaker_notes(&harness), None, "the deck is far again");
}

#[test]
fn a_field_keeps_the_focus_while_the_form_scrolls_it_far_away() {
    let (_dir, mut harness) = every_section_open(egui::vec2(1280.0, 800.0));
    while first_speaker_notes(&harness).is_none_or(|r| r.bottom() > 780.0) {
        wheel_over_the_form(&mut harness, -240.0);
    }
    let notes = first_speaker_notes(&harness).expect("drawn");
    click_at(&mut harness, notes.left_center() + egui::vec2(12.0, 0.0));
    // Back to the top of the form, the deck far below the screen; the typing still lands.
    for _ in 0..80 {
        wheel_over_the_form(&mut harness, 240.0);
    }
    harness.event(egui::Event::Text("Open on the customer.".to_owned()));
    harness.run_steps(3);
    let open = harness.state().state.selected_twin().expect("open");
    let first_slide = twin_studio::present::ordered_slides(&open.twin)[0]
        .key
        .clone();
    assert!(
        open.twin
            .speaker_notes
            .get(&first_slide)
            .is_some_and(|n| n.contains("Open on the customer.")),
        "{:?}",
        open.twin.speaker_notes.get(&first_slide)
    );
}

/// What one walk with Tab saw: each focused widget's id and accessible label, in order.
type TabWalk = Vec<(egui::Id, Option<String>)>;

/// Presses Tab from the field `from` (a validation path), at most `presses` times, stopping
/// early on the field labelled `until`; and whether `until` was drawn when the walk began.
fn tab_walk(size: egui::Vec2, from: &str, until: &str, presses: usize) -> (TabWalk, bool) {
    let (_dir, mut harness) = every_section_open(size);
    harness.state_mut().jump = Some(from.to_owned());
    harness.run_steps(8);
    let drawn_at_start = harness.query_all_by_label(until).next().is_some();
    let mut walk = Vec::new();
    for _ in 0..presses {
        let id = harness
            .ctx
            .memory(|m| m.focused())
            .expect("a field has the focus");
        let label = harness
            .query_by(|n| n.locate().0 == id.accesskit_id())
            .and_then(|n| n.accesskit_node().label());
        let arrived = label.as_deref() == Some(until);
        walk.push((id, label));
        if arrived {
            break;
        }
        harness.key_press(Key::Tab);
        harness.run_steps(3);
    }
    (walk, drawn_at_start)
}

#[test]
fn tab_walks_into_a_section_that_was_off_screen_in_the_same_order() {
    // A window tall enough to draw every section, and a short one where the profile section
    // below the pillars starts past the screen and its margin when the walk begins.
    let tall = egui::vec2(1280.0, 12_000.0);
    let (everything_drawn, drawn) = tab_walk(tall, "framework.id", "Native name", 120);
    let short = egui::vec2(1280.0, 520.0);
    let (walk, drawn_in_short) = tab_walk(short, "framework.id", "Native name", 120);
    assert!(
        drawn && !drawn_in_short,
        "the short window starts with the profile skipped"
    );
    assert_eq!(
        walk.last().and_then(|(_, l)| l.as_deref()),
        Some("Native name"),
        "{walk:?}"
    );
    assert_eq!(walk, everything_drawn, "Tab skipped or reordered fields");
}

#[test]
fn tab_visits_every_row_of_a_table_that_runs_below_the_screen() {
    // From the twin's id field through the lessons table (its rows run past the bottom of a
    // laptop window) into the pillars: the same 150 stops as when everything is on screen.
    let tall = tab_walk(egui::vec2(1280.0, 12_000.0), "id", "", 150).0;
    let laptop = tab_walk(egui::vec2(1280.0, 800.0), "id", "", 150).0;
    let rows = |walk: &TabWalk| {
        walk.iter()
            .filter(|(_, l)| l.as_deref() == Some("Select this lesson"))
            .count()
    };
    assert!(rows(&tall) >= 4, "the walk crosses the lessons: {tall:?}");
    let first_difference = tall.iter().zip(&laptop).position(|(a, b)| a != b);
    assert_eq!(first_difference, None, "Tab skipped or reordered fields");
}

#[test]
fn wide_tables_scroll_sideways_and_the_form_stays_inside_the_window() {
    // A small laptop: beside the library and the outline, the evidence table's columns need
    // more than the form's width.
    let size = egui::vec2(1024.0, 700.0);
    let (_dir, mut harness) = every_section_open(size);
    let form_fields = [
        "Title",
        "Core business",
        "Description",
        "Speaker notes, slide 1",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..120 {
        for node in harness.query_all_by(|n| {
            matches!(n.role(), Role::TextInput | Role::MultilineTextInput)
                && n.label().is_some_and(|l| form_fields.contains(&l.as_str()))
        }) {
            let rect = node.rect();
            if rect.bottom() < 0.0 || rect.top() > size.y {
                continue;
            }
            let label = node.accesskit_node().label().unwrap_or_default();
            assert!(
                rect.right() <= size.x,
                "{label} runs past the window's right edge: {rect:?}"
            );
            seen.insert(label);
        }
        wheel_over_the_form(&mut harness, -240.0);
    }
    assert_eq!(
        seen.len(),
        form_fields.len(),
        "every field came on screen: {seen:?}"
    );
}
