//! Saving in the studio: under faults, and whether "unsaved" ever lies, driven through
//! `AppState` as the window does.

use std::path::Path;

use proptest::prelude::*;
use twin_studio::model::{Score, Twin};
use twin_studio::store::{RecoveryStore, TWIN_EXTENSION, save_twin, to_json};
use twin_studio::ui::AppState;

/// A library of one scored twin in a temporary folder, opened in a studio.
fn one_twin_library() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut twin = Twin::new_blank("amazon-alibaba", "Amazon vs Alibaba");
    twin.west
        .scores
        .insert("base".into(), Score::unsupported(9.0));
    let path = dir.path().join(format!("{}{TWIN_EXTENSION}", twin.id));
    save_twin(&path, &twin).expect("save");
    let state = AppState::open(dir.path());
    (dir, state)
}

/// Sets the selected twin's West base score, as the score slider does.
fn edit(state: &mut AppState, value: f64) {
    if let Some(t) = state.selected_mut() {
        t.west
            .scores
            .insert("base".into(), Score::unsupported(value));
    }
    state.after_edit(true, false);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_keeps_the_edit() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, mut state) = one_twin_library();
    edit(&mut state, 8.0);
    let ro = std::fs::Permissions::from_mode(0o555);
    std::fs::set_permissions(dir.path(), ro).expect("chmod");
    let saved = state.save_selected();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod back");
    // Root can write anywhere; only check the promise when the write really failed.
    if !saved {
        assert!(state.twins[0].is_unsaved());
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 8.0);
        assert!(state.status.as_ref().is_some_and(|s| s.error));
    }
}

/// One thing a user does in the studio.
#[derive(Debug, Clone)]
enum Action {
    /// Set the selected twin's West base score (above 10 is invalid, so Save refuses it).
    Edit(f64),
    /// Change the selected twin's title, as the library's Rename does.
    Rename(String),
    Save,
    SaveAll,
    Undo,
    Redo,
    Select(usize),
    New,
    Duplicate,
    Delete,
    /// The studio stops with edits open (its recovery file written), then a new one starts and
    /// restores them.
    CrashAndRestore,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => (0u32..=24).prop_map(|half| Action::Edit(f64::from(half) / 2.0)),
        2 => "[A-Z][a-z]{0,6}".prop_map(Action::Rename),
        3 => Just(Action::Save),
        1 => Just(Action::SaveAll),
        4 => Just(Action::Undo),
        3 => Just(Action::Redo),
        2 => (0usize..4).prop_map(Action::Select),
        1 => Just(Action::New),
        1 => Just(Action::Duplicate),
        1 => Just(Action::Delete),
        1 => Just(Action::CrashAndRestore),
    ]
}

fn apply(state: AppState, action: &Action, library: &Path, recovery: &Path) -> AppState {
    let mut state = state;
    match action {
        Action::Edit(value) => edit(&mut state, *value),
        Action::Rename(title) => {
            if let Some(t) = state.selected_mut() {
                t.title = format!("{title} vs {title}");
            }
            state.after_edit(true, false);
        }
        Action::Save => {
            state.save_selected();
        }
        Action::SaveAll => {
            state.save_all();
        }
        Action::Undo => state.undo(),
        Action::Redo => state.redo(),
        Action::Select(i) => state.select(Some(*i % state.twins.len().max(1))),
        Action::New => state.new_twin(),
        Action::Duplicate => state.duplicate_selected(),
        Action::Delete => state.delete_selected(),
        Action::CrashAndRestore => {
            state.write_recovery();
            drop(state);
            let mut restarted =
                AppState::open(library).with_recovery(Some(RecoveryStore::at(recovery.to_owned())));
            if !restarted.recovery_offer.is_empty() {
                restarted.restore_recovery();
            }
            return restarted;
        }
    }
    state
}

/// The promise of issue #9: a twin is marked unsaved exactly when what the studio would write
/// differs from the bytes its file holds.
fn check_marks(state: &AppState, after: &Action) -> Result<(), TestCaseError> {
    for open in &state.twins {
        let on_disk = std::fs::read(&open.path).ok();
        let differs = on_disk.as_deref() != Some(to_json(&open.twin).as_bytes());
        prop_assert_eq!(
            open.is_unsaved(),
            differs,
            "after {:?}: {} marked unsaved={} but differs from its file={}",
            after,
            open.path.display(),
            open.is_unsaved(),
            differs
        );
    }
    prop_assert_eq!(
        state.any_unsaved(),
        state.twins.iter().any(|t| t.is_unsaved())
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_unsaved_mark_never_lies(actions in proptest::collection::vec(action(), 1..30)) {
        let (dir, state) = one_twin_library();
        let second = Twin::new_blank("google-baidu", "Google vs Baidu");
        save_twin(&dir.path().join(format!("{}{TWIN_EXTENSION}", second.id)), &second)
            .expect("save");
        let recovery = tempfile::tempdir().expect("tempdir");
        drop(state);
        let mut state = AppState::open(dir.path())
            .with_recovery(Some(RecoveryStore::at(recovery.path().to_owned())));
        check_marks(&state, &Action::Select(0))?;
        for action in &actions {
            state = apply(state, action, dir.path(), recovery.path());
            check_marks(&state, action)?;
        }
    }
}
