//! Live reload for `present FILE`: a small thread looks at the file's size and modification time
//! four times a second (a `stat`, no reading) and wakes the window when they change, so an edit
//! saved from the studio or another editor shows on the next frame without leaving full screen.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::store::file_stamp;

/// How often the file is looked at.
pub const POLL: Duration = Duration::from_millis(250);

/// Watches one file until dropped.
#[derive(Debug)]
pub struct FileWatch {
    changed: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl FileWatch {
    /// Starts watching `path`; `wake` runs (on the watching thread) after each change, to ask
    /// the window for a frame.
    pub fn spawn(path: PathBuf, wake: impl Fn() + Send + 'static) -> FileWatch {
        let changed = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let (flag, halt) = (changed.clone(), stop.clone());
        let mut last = file_stamp(&path);
        std::thread::spawn(move || {
            while !halt.load(Ordering::Relaxed) {
                std::thread::sleep(POLL);
                let now = file_stamp(&path);
                if now.is_some() && now != last {
                    last = now;
                    flag.store(true, Ordering::Release);
                    wake();
                }
            }
        });
        FileWatch { changed, stop }
    }

    /// Whether the file changed since the last call.
    pub fn take_change(&self) -> bool {
        self.changed.swap(false, Ordering::Acquire)
    }
}

impl Drop for FileWatch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn a_saved_edit_is_noticed_once() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("t.twin.json");
        std::fs::write(&path, "one")?;
        let (tx, rx) = mpsc::channel();
        let watch = FileWatch::spawn(path.clone(), move || {
            let _ = tx.send(());
        });
        std::thread::sleep(POLL * 2);
        assert!(!watch.take_change(), "nothing changed yet");
        std::fs::write(&path, "two, longer")?;
        assert!(rx.recv_timeout(POLL * 20).is_ok(), "the window is woken");
        assert!(watch.take_change());
        assert!(!watch.take_change(), "one change, one reload");
        Ok(())
    }

    #[test]
    fn stamps_tell_versions_apart() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("t.json");
        assert_eq!(file_stamp(&path), None);
        std::fs::write(&path, "a")?;
        let first = file_stamp(&path);
        std::fs::write(&path, "ab")?;
        assert_ne!(file_stamp(&path), first);
        Ok(())
    }
}
