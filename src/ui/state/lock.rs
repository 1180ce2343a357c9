//! The library lock: a second studio on the same library is told, and cannot write, instead of
//! both studios overwriting each other's saves.

use std::path::PathBuf;

use super::AppState;
use crate::store::{HeldElsewhere, LockOutcome, lock_library};

impl AppState {
    /// Locks libraries in `locks_dir` (and the one open now), so a second studio on the same
    /// library is told instead of both writing.
    pub fn with_locks(mut self, locks_dir: Option<PathBuf>) -> Self {
        self.locks_dir = locks_dir;
        self.relock();
        self
    }

    /// Takes the lock on the open library's folder, or notes who holds it.
    pub(super) fn relock(&mut self) {
        self.lock = None;
        self.held_elsewhere = None;
        let (Some(dir), Some(folder)) = (self.locks_dir.clone(), self.folder.clone()) else {
            return;
        };
        match lock_library(&dir, &folder) {
            Ok(LockOutcome::Acquired(lock)) => self.lock = Some(lock),
            Ok(LockOutcome::Held(held)) => {
                self.set_error(held.to_string());
                self.held_elsewhere = Some(held);
            }
            // Locking is a courtesy between studios; without it, saves still check the files.
            Err(e) => self.set_error(format!("The library could not be locked ({e})")),
        }
    }

    /// Who else holds the library, after trying once more to take it.
    pub(super) fn held_by_another(&mut self) -> Option<HeldElsewhere> {
        self.held_elsewhere.as_ref()?;
        self.relock();
        self.held_elsewhere.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{edit, state};
    use super::*;
    use crate::store::load_twin;

    #[test]
    fn a_second_studio_on_the_library_is_told_and_cannot_write_until_the_first_closes() {
        let (dir, first) = state();
        let locks = dir.path().join("locks");
        let first = first.with_locks(Some(locks.clone()));
        assert!(first.lock.is_some());
        let mut second = AppState::open(dir.path()).with_locks(Some(locks));
        let held = second.held_elsewhere.clone().expect("held by the first");
        assert_eq!(held.pid, std::process::id());
        assert!(
            second
                .status
                .as_ref()
                .is_some_and(|s| s.text.contains("another Twin Studio"))
        );
        edit(&mut second, 8.0);
        assert!(!second.save_selected());
        assert!(second.twins[0].is_unsaved());
        let file = dir.path().join("amazon-alibaba.twin.json");
        assert_eq!(
            load_twin(&file).expect("load").west.scores["base"].value,
            9.0
        );
        drop(first);
        assert!(second.save_selected(), "{:?}", second.status);
        assert_eq!(
            load_twin(&file).expect("load").west.scores["base"].value,
            8.0
        );
    }
}
