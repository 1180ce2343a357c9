//! Watching the open library's folder, so files changed, added, deleted or renamed by another
//! program (an editor, `git pull`, a synced folder) show up in the studio without a restart.
//! The watcher only reports *which* twin files changed; the studio decides what that means by
//! comparing their contents with what it knows.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use super::is_twin_name;

/// A watch on one folder; dropping it stops watching.
pub struct FolderWatch {
    folder: PathBuf,
    changed: Arc<Mutex<BTreeSet<PathBuf>>>,
    _watcher: RecommendedWatcher,
}

impl std::fmt::Debug for FolderWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FolderWatch")
            .field("folder", &self.folder)
            .finish_non_exhaustive()
    }
}

impl FolderWatch {
    /// Watches `folder` (not its sub-folders); `wake` runs on the watcher's thread after each
    /// change, e.g. to ask the UI for a repaint.
    pub fn new(folder: &Path, wake: impl Fn() + Send + 'static) -> notify::Result<Self> {
        let changed: Arc<Mutex<BTreeSet<PathBuf>>> = Arc::default();
        let sink = Arc::clone(&changed);
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else {
                    return;
                };
                if event.kind.is_access() {
                    return;
                }
                let twins: Vec<PathBuf> = event
                    .paths
                    .into_iter()
                    .filter(|p| is_twin_name(p))
                    .collect();
                if twins.is_empty() {
                    return;
                }
                if let Ok(mut set) = sink.lock() {
                    set.extend(twins);
                }
                wake();
            })?;
        watcher.watch(folder, RecursiveMode::NonRecursive)?;
        Ok(Self {
            folder: folder.to_owned(),
            changed,
            _watcher: watcher,
        })
    }

    /// The watched folder.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The twin files that changed since the last call, each once, sorted.
    pub fn take_changed(&self) -> Vec<PathBuf> {
        self.changed
            .lock()
            .map(|mut set| std::mem::take(&mut *set).into_iter().collect())
            .unwrap_or_default()
    }
}

/// What identifies a version of a file without reading it (its modification time and length):
/// cheap enough to look at a few times a second, as the presenter's live reload of one file does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
}

/// The file's stamp now; `None` while it cannot be read (an editor replacing it).
pub fn file_stamp(path: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(FileStamp {
        modified: meta.modified().ok(),
        len: meta.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait_for(watch: &FolderWatch, path: &Path) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if watch
                .take_changed()
                .iter()
                .any(|p| p.ends_with(path.file_name().unwrap_or_default()))
            {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    #[test]
    fn new_changed_and_deleted_twin_files_are_reported_others_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let watch = FolderWatch::new(dir.path(), || {}).expect("watch");
        let twin = dir.path().join("a.twin.json");
        std::fs::write(&twin, b"{}").expect("create");
        assert!(wait_for(&watch, &twin), "creation seen");
        std::fs::write(&twin, b"{ }").expect("change");
        assert!(wait_for(&watch, &twin), "change seen");
        std::fs::write(dir.path().join("notes.txt"), b"x").expect("other file");
        std::fs::remove_file(&twin).expect("delete");
        assert!(wait_for(&watch, &twin), "deletion seen");
        std::thread::sleep(Duration::from_millis(100));
        assert!(
            watch
                .take_changed()
                .iter()
                .all(|p| p.to_string_lossy().ends_with(".twin.json")),
            "only twin files are reported"
        );
    }
}
