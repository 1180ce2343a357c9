//! Saving in the studio under faults, driven through `AppState` as the window does.

use twin_studio::model::{Score, Twin};
use twin_studio::store::{TWIN_EXTENSION, save_twin};
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
        assert!(state.twins[0].dirty);
        assert_eq!(state.twins[0].twin.west.scores["base"].value, 8.0);
        assert!(state.status.as_ref().is_some_and(|s| s.error));
    }
}
