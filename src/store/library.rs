//! The library: every twin file in one folder, loaded together so the studio and the CLI agree.
//! Loading runs on background threads and hands the twins over in file-name order as they are
//! parsed, so the studio paints at once and fills its list progressively.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use super::{FileError, MAX_FILE_BYTES, TWIN_EXTENSION, content_hash, parse_twin};
use crate::model::Twin;

/// One file of the library; a broken file stays listed with its error instead of vanishing.
#[derive(Debug)]
pub struct LibraryEntry {
    pub path: PathBuf,
    pub twin: Result<Twin, FileError>,
    /// Fingerprint of the bytes read, to notice later changes made outside the studio.
    pub hash: Option<u64>,
}

/// The twins of one folder, sorted by file name.
#[derive(Debug, Default)]
pub struct Library {
    pub folder: PathBuf,
    pub entries: Vec<LibraryEntry>,
}

/// The `*.twin.json` entries directly inside `folder` that are not folders, sorted by name. A
/// pipe or a broken link with a twin's name is listed too, so the loader can say what it is
/// rather than the twin silently missing.
pub fn twin_files_in(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_twin_name(p) && !p.is_dir())
        .collect();
    files.sort();
    Ok(files)
}

/// Whether a path is named like a twin file.
pub fn is_twin_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(TWIN_EXTENSION))
}

/// Reads and parses one file, with the fingerprint of what was read.
pub fn load_entry(path: &Path) -> LibraryEntry {
    thread_local! {
        /// One read buffer per loading thread, reused from file to file.
        static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let (twin, hash) =
        BUFFER.with_borrow_mut(
            |bytes| match super::file::read_into(path, MAX_FILE_BYTES, bytes) {
                Ok(()) => (parse_twin(path, bytes), Some(content_hash(bytes))),
                Err(e) => (Err(e), None),
            },
        );
    LibraryEntry {
        path: path.to_owned(),
        twin,
        hash,
    }
}

enum Message {
    Listed(usize),
    ListFailed(io::Error),
    Entry(usize, Box<LibraryEntry>),
}

/// A library loading in the background. Poll it each frame; entries come out in file-name order,
/// so indices of entries already taken never shift. Dropping it stops the workers.
#[derive(Debug)]
pub struct LibraryLoad {
    pub folder: PathBuf,
    receiver: mpsc::Receiver<Message>,
    cancel: Arc<AtomicBool>,
    total: Option<usize>,
    /// Entries that arrived ahead of an earlier file.
    early: BTreeMap<usize, LibraryEntry>,
    next: usize,
    error: Option<io::Error>,
}

impl std::fmt::Debug for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Message")
    }
}

impl Drop for LibraryLoad {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl LibraryLoad {
    /// Lists and parses `folder` on background threads (one per core); returns at once.
    pub fn start(folder: &Path) -> Self {
        let (sender, receiver) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&cancel);
        let dir = folder.to_owned();
        let spawned = std::thread::Builder::new()
            .name("library-list".into())
            .spawn(move || list_and_parse(&dir, &sender, &stop));
        let mut load = Self {
            folder: folder.to_owned(),
            receiver,
            cancel,
            total: None,
            early: BTreeMap::new(),
            next: 0,
            error: None,
        };
        if let Err(e) = spawned {
            load.error = Some(e);
            load.total = Some(0);
        }
        load
    }

    /// The entries parsed since the last call, in order; never blocks.
    pub fn poll(&mut self) -> Vec<LibraryEntry> {
        while let Ok(message) = self.receiver.try_recv() {
            self.take(message);
        }
        self.ready()
    }

    fn take(&mut self, message: Message) {
        match message {
            Message::Listed(n) => self.total = Some(n),
            Message::ListFailed(e) => {
                self.error = Some(e);
                self.total = Some(0);
            }
            Message::Entry(i, entry) => {
                self.early.insert(i, *entry);
            }
        }
    }

    fn ready(&mut self) -> Vec<LibraryEntry> {
        let mut out = Vec::new();
        while let Some(entry) = self.early.remove(&self.next) {
            out.push(entry);
            self.next += 1;
        }
        out
    }

    /// Files handed out so far, and how many there are once the folder is listed.
    pub fn progress(&self) -> (usize, Option<usize>) {
        (self.next, self.total)
    }

    /// Every file was handed out (or the folder could not be listed).
    pub fn is_finished(&self) -> bool {
        self.total.is_some_and(|total| self.next >= total)
    }

    /// Why the folder could not be listed, once known.
    pub fn error(&self) -> Option<&io::Error> {
        self.error.as_ref()
    }

    /// Blocks until every file is parsed (the CLI, tests and benchmarks).
    pub fn wait(mut self) -> io::Result<Library> {
        let mut entries = self.poll();
        while !self.is_finished() {
            match self.receiver.recv() {
                Ok(message) => {
                    self.take(message);
                    entries.extend(self.ready());
                }
                Err(_) => break,
            }
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        Ok(Library {
            folder: self.folder.clone(),
            entries,
        })
    }
}

fn list_and_parse(folder: &Path, sender: &mpsc::Sender<Message>, cancel: &AtomicBool) {
    let files = match twin_files_in(folder) {
        Ok(files) => files,
        Err(e) => {
            let _ = sender.send(Message::ListFailed(e));
            return;
        }
    };
    if sender.send(Message::Listed(files.len())).is_err() {
        return;
    }
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers.min(files.len()).max(1) {
            let sender = sender.clone();
            let (next, files) = (&next, &files);
            scope.spawn(move || {
                loop {
                    if cancel.load(Ordering::Relaxed) {
                        return;
                    }
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else {
                        return;
                    };
                    if sender
                        .send(Message::Entry(i, Box::new(load_entry(path))))
                        .is_err()
                    {
                        return;
                    }
                }
            });
        }
    });
}

impl Library {
    /// Loads every twin file in `folder`; only an unreadable folder is an error.
    /// Files are parsed on all cores: a library of hundreds of twins opens in a blink.
    pub fn open(folder: &Path) -> io::Result<Library> {
        LibraryLoad::start(folder).wait()
    }

    /// The twins that loaded, with their paths.
    pub fn twins(&self) -> impl Iterator<Item = (&Path, &Twin)> {
        self.entries
            .iter()
            .filter_map(|e| e.twin.as_ref().ok().map(|t| (e.path.as_path(), t)))
    }

    /// The files that failed, with why.
    pub fn errors(&self) -> impl Iterator<Item = &FileError> {
        self.entries.iter().filter_map(|e| e.twin.as_ref().err())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::save_twin;

    #[test]
    fn entries_come_in_file_name_order_with_progress() {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in (0..40).rev() {
            let twin = Twin::new_blank(&format!("t{i:02}"), "T");
            save_twin(&dir.path().join(format!("t{i:02}.twin.json")), &twin).expect("save");
        }
        std::fs::write(dir.path().join("broken.twin.json"), b"{").expect("write");
        let mut load = LibraryLoad::start(dir.path());
        let mut names = Vec::new();
        while !load.is_finished() {
            names.extend(load.poll().into_iter().map(|e| e.path));
            std::thread::yield_now();
        }
        assert_eq!(load.progress(), (41, Some(41)));
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        let library = Library::open(dir.path()).expect("open");
        assert_eq!(library.twins().count(), 40);
        assert_eq!(library.errors().count(), 1);
        assert!(library.entries.iter().all(|e| e.hash.is_some()));
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(Library::open(&dir.path().join("nope")).is_err());
    }
}
