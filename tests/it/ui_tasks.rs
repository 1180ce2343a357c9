//! The four everyday tasks of issue #13, done in the studio as a strategist does them, with every
//! click, shortcut and typed key counted: the counts in the closing note come from here, and a
//! change that makes a task longer fails.

use crate::support::studio::{click_at, sample_copy, window};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twin_studio::store::load_twin;
use twin_studio::ui::{AppState, Tab, TwinStudioApp};

/// What a person did: clicks, shortcuts and other single keys, and characters typed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Actions {
    clicks: usize,
    keys: usize,
    typed: usize,
}

struct Person {
    harness: Harness<'static, TwinStudioApp>,
    did: Actions,
}

impl Person {
    fn new() -> (tempfile::TempDir, std::path::PathBuf, Self) {
        let (dir, folder) = sample_copy();
        let mut harness = window(AppState::open(&folder), egui::vec2(1280.0, 800.0));
        harness.run();
        (
            dir,
            folder,
            Self {
                harness,
                did: Actions::default(),
            },
        )
    }

    /// Clicks the text of the node labelled `label` (of `role`, when several share it).
    fn click(&mut self, label: &str, role: Option<Role>) {
        let rect = self
            .harness
            .get_all_by_label(label)
            .find(|n| role.is_none_or(|r| n.accesskit_node().role() == r))
            .unwrap_or_else(|| panic!("nothing labelled {label}"))
            .rect();
        click_at(&mut self.harness, rect.left_center() + egui::vec2(6.0, 0.0));
        self.harness.run_steps(4);
        self.did.clicks += 1;
    }

    fn key(&mut self, modifiers: Modifiers, key: Key) {
        self.harness.key_press_modifiers(modifiers, key);
        self.harness.run_steps(4);
        self.did.keys += 1;
    }

    fn paste(&mut self, text: &str) {
        self.harness.event(egui::Event::Paste(text.to_owned()));
        self.harness.run_steps(4);
        self.did.keys += 1;
    }

    /// Types into the focused field.
    fn type_text(&mut self, text: &str) {
        self.harness.event(egui::Event::Text(text.to_owned()));
        self.harness.run_steps(4);
        self.did.typed += text.chars().count();
    }

    fn focused_label(&self) -> String {
        self.harness
            .query_all(egui_kittest::kittest::by().predicate(|n| n.is_focused()))
            .next()
            .and_then(|n| n.accesskit_node().label())
            .unwrap_or_default()
    }
}

fn saved(folder: &std::path::Path) -> twin_studio::model::Twin {
    load_twin(&folder.join("amazon-alibaba.twin.json")).expect("saved file loads")
}

#[test]
fn change_one_score_and_save() {
    let (_dir, folder, mut p) = Person::new();
    p.click("Edit", None);
    // The score grid's first Amazon field is the base pillar's.
    let field = p
        .harness
        .get_all_by_label("Amazon score")
        .next()
        .expect("Amazon's scores")
        .rect();
    click_at(&mut p.harness, field.center());
    p.harness.run_steps(4);
    p.did.clicks += 1;
    p.key(Modifiers::COMMAND, Key::A);
    p.type_text("6.5");
    p.key(Modifiers::NONE, Key::Enter);
    p.key(Modifiers::COMMAND, Key::S);
    assert_eq!(saved(&folder).west.scores["base"].value, 6.5);
    assert_eq!(
        p.did,
        Actions {
            clicks: 2,
            keys: 3,
            typed: 3
        }
    );
}

#[test]
fn add_an_evidence_item_with_a_source() {
    let (_dir, folder, mut p) = Person::new();
    let before = saved(&folder)
        .west
        .scores
        .values()
        .map(|s| s.evidence.len())
        .sum::<usize>();
    p.click("Edit", None);
    p.click("+ Add evidence item", Some(Role::Button));
    assert!(
        p.focused_label().starts_with("Claim"),
        "{}",
        p.focused_label()
    );
    let url = "https://www.aboutamazon.com/news/retail/amazon-haul";
    p.paste(url);
    p.type_text("Amazon Haul sells items under $20.");
    p.key(Modifiers::COMMAND, Key::S);
    let twin = saved(&folder);
    let evidence: Vec<_> = twin
        .west
        .scores
        .values()
        .flat_map(|s| &s.evidence)
        .collect();
    assert_eq!(evidence.len(), before + 1);
    assert!(evidence.iter().any(|e| {
        e.claim == "Amazon Haul sells items under $20."
            && e.source.as_ref().and_then(|s| s.url.as_deref()) == Some(url)
    }));
    assert_eq!((p.did.clicks, p.did.keys), (2, 2), "{:?}", p.did);
}

#[test]
fn add_a_move() {
    let (_dir, folder, mut p) = Person::new();
    let before = saved(&folder).west.moves.len();
    p.click("Edit", None);
    // The outline jumps to the section; its table adds a row and puts the cursor in it.
    p.click("Amazon moves", Some(Role::Button));
    p.click("+ Add move", Some(Role::Button));
    let first = p.focused_label();
    assert!(first.contains("of move"), "{first}");
    assert!(first.starts_with("Sector of move"), "{first}");
    // Typing on the focused sector picker opens it narrowed to what was typed; Enter takes the
    // first match.
    p.type_text("health");
    p.key(Modifiers::NONE, Key::Enter);
    let unit = format!("Unit of move {}", before + 1);
    p.click(&unit, None);
    p.type_text("Amazon Pharmacy");
    p.key(Modifiers::NONE, Key::Enter);
    p.key(Modifiers::COMMAND, Key::S);
    let twin = saved(&folder);
    assert_eq!(twin.west.moves.len(), before + 1);
    let added = twin.west.moves.last().expect("a move");
    assert_eq!(added.unit, "Amazon Pharmacy");
    assert_eq!(added.sector, "healthcare");
    assert_eq!((p.did.clicks, p.did.keys), (4, 3), "{:?}", p.did);
}

#[test]
fn find_where_ele_me_is_mentioned() {
    let (_dir, _folder, mut p) = Person::new();
    p.click("Search the library", None);
    p.type_text("Ele.me");
    let hit = p
        .harness
        .query_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.contains("› Move") && l.ends_with("› Unit"))
        })
        .map(|n| n.rect())
        .expect("a move's unit matched");
    click_at(&mut p.harness, hit.left_center() + egui::vec2(20.0, 0.0));
    p.harness.run_steps(10);
    p.did.clicks += 1;
    assert_eq!(p.harness.state().state.tab, Tab::Edit);
    let value = p
        .harness
        .query_all(egui_kittest::kittest::by().predicate(|n| n.is_focused()))
        .next()
        .and_then(|n| n.value())
        .unwrap_or_default();
    assert!(
        value.contains("Ele.me"),
        "the field that mentions it has the focus: {value}"
    );
    assert_eq!(
        (p.did.clicks, p.did.keys, p.did.typed),
        (2, 0, 6),
        "{:?}",
        p.did
    );
}
