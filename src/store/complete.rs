//! Path completion for the studio's own path field, the fallback when the system file chooser
//! cannot open: what a typed path could continue with.

use std::path::{MAIN_SEPARATOR, Path, PathBuf};

use super::TWIN_EXTENSION;

/// One way a typed path can continue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathChoice {
    pub path: PathBuf,
    pub is_folder: bool,
}

/// At most this many choices are listed; typing more narrows them.
pub const MAX_CHOICES: usize = 200;

/// The folders (and, with `files`, the twin files) that `typed` could continue with: the
/// entries of the folder it names (when it ends with a separator) or of its parent whose name
/// starts with the last part. Hidden entries only when the last part starts with a dot.
/// Folders first, then by name; unreadable folders give no choices.
pub fn complete_path(typed: &str, files: bool) -> Vec<PathChoice> {
    let typed = expand_home(typed);
    let (folder, prefix) = if typed.as_os_str().is_empty() {
        (PathBuf::from("."), String::new())
    } else if typed.to_string_lossy().ends_with(['/', MAIN_SEPARATOR]) {
        (typed.clone(), String::new())
    } else {
        let prefix = typed
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = match typed.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        (folder, prefix)
    };
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let lower = prefix.to_lowercase();
    let mut choices: Vec<PathChoice> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && !prefix.starts_with('.') {
                return None;
            }
            if !name.to_lowercase().starts_with(&lower) {
                return None;
            }
            let path = entry.path();
            let is_folder = path.is_dir();
            (is_folder || (files && name.ends_with(TWIN_EXTENSION)))
                .then_some(PathChoice { path, is_folder })
        })
        .take(MAX_CHOICES * 4)
        .collect();
    choices.sort_by(|a, b| b.is_folder.cmp(&a.is_folder).then(a.path.cmp(&b.path)));
    choices.truncate(MAX_CHOICES);
    choices
}

/// `~/x` as the home folder's `x`, as shells do.
pub fn expand_home(typed: &str) -> PathBuf {
    if let Some(rest) = typed.strip_prefix('~')
        && (rest.is_empty() || rest.starts_with(['/', MAIN_SEPARATOR]))
        && let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_owned())
    {
        return home.join(rest.trim_start_matches(['/', MAIN_SEPARATOR]));
    }
    PathBuf::from(typed)
}

/// Whether `path` names an existing folder.
pub fn is_folder(path: &Path) -> bool {
    path.is_dir()
}

/// What a path names, for a chooser that checks a typed path before acting on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Nothing,
    File,
    Folder,
}

/// What `path` names now (symlinks followed).
pub fn path_kind(path: &Path) -> PathKind {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => PathKind::Folder,
        Ok(_) => PathKind::File,
        Err(_) => PathKind::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_folders_and_twin_files_by_prefix() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("Library")).expect("mkdir");
        std::fs::create_dir(dir.path().join(".hidden")).expect("mkdir");
        std::fs::write(dir.path().join("lib.twin.json"), b"{}").expect("write");
        std::fs::write(dir.path().join("lib.txt"), b"x").expect("write");
        let base = format!("{}/", dir.path().display());
        let names = |choices: Vec<PathChoice>| -> Vec<String> {
            choices
                .iter()
                .map(|c| {
                    c.path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                })
                .collect()
        };
        assert_eq!(
            names(complete_path(&format!("{base}li"), true)),
            ["Library", "lib.twin.json"]
        );
        assert_eq!(
            names(complete_path(&format!("{base}li"), false)),
            ["Library"]
        );
        assert_eq!(
            names(complete_path(&base, true)),
            ["Library", "lib.twin.json"]
        );
        assert_eq!(
            names(complete_path(&format!("{base}.h"), true)),
            [".hidden"]
        );
        assert!(complete_path(&format!("{base}nothing/"), true).is_empty());
    }
}
