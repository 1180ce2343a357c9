//! The library: every twin file in one folder, loaded together so the studio and the CLI agree.

use std::io;
use std::path::{Path, PathBuf};

use super::{LoadError, TWIN_EXTENSION, load_twin};
use crate::model::Twin;

/// One file of the library; a broken file stays listed with its error instead of vanishing.
#[derive(Debug)]
pub struct LibraryEntry {
    pub path: PathBuf,
    pub twin: Result<Twin, LoadError>,
}

/// The twins of one folder, sorted by file name.
#[derive(Debug, Default)]
pub struct Library {
    pub folder: PathBuf,
    pub entries: Vec<LibraryEntry>,
}

/// The `*.twin.json` files directly inside `folder`, sorted by name.
pub fn twin_files_in(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.ends_with(TWIN_EXTENSION))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn load_entry(path: &Path) -> LibraryEntry {
    LibraryEntry {
        twin: load_twin(path),
        path: path.to_owned(),
    }
}

impl Library {
    /// Loads every twin file in `folder`; only an unreadable folder is an error.
    /// Files are parsed on all cores: a library of hundreds of twins opens in a blink.
    pub fn open(folder: &Path) -> io::Result<Library> {
        let files = twin_files_in(folder)?;
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = files.len().div_ceil(workers).max(1);
        let entries = std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|paths| {
                    scope.spawn(move || paths.iter().map(|p| load_entry(p)).collect::<Vec<_>>())
                })
                .collect();
            handles
                .into_iter()
                .zip(files.chunks(chunk))
                .flat_map(|(handle, paths)| {
                    // A worker can only fail by panicking; load its files again here rather than lose them.
                    handle
                        .join()
                        .unwrap_or_else(|_| paths.iter().map(|p| load_entry(p)).collect())
                })
                .collect()
        });
        Ok(Library {
            folder: folder.to_owned(),
            entries,
        })
    }

    /// The twins that loaded, with their paths.
    pub fn twins(&self) -> impl Iterator<Item = (&Path, &Twin)> {
        self.entries
            .iter()
            .filter_map(|e| e.twin.as_ref().ok().map(|t| (e.path.as_path(), t)))
    }

    /// The files that failed, with why.
    pub fn errors(&self) -> impl Iterator<Item = &LoadError> {
        self.entries.iter().filter_map(|e| e.twin.as_ref().err())
    }
}
