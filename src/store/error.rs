//! The one error type of twin files, read or written.

use std::fmt;
use std::path::PathBuf;

use crate::model::{Issue, bounded, escape_controls};

/// Why a twin file could not be read or written; always names the file, and the place where
/// known. Loading and saving share it, so a save failure reads like a load failure: file, what
/// went wrong, the fix.
#[derive(Debug, thiserror::Error)]
pub struct FileError {
    pub path: PathBuf,
    pub kind: FileErrorKind,
}

/// The kinds of failure, each with the detail a user needs to fix the file.
#[derive(Debug)]
pub enum FileErrorKind {
    /// Reading failed.
    Io(std::io::Error),
    /// Writing failed; the error says what was being done and where.
    Write(std::io::Error),
    /// A FIFO, socket, device or folder where a twin file was expected.
    NotAFile {
        what: &'static str,
    },
    /// The file changed on disk since this studio read or wrote it; nothing was written.
    ChangedOnDisk,
    /// Symbolic links that point back to each other.
    SymlinkLoop,
    /// UTF-16 or UTF-32 text, which twin files are not.
    Encoding {
        name: &'static str,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// Bad JSON or a field of the wrong type or name; `field` is the path serde had reached.
    Syntax {
        line: usize,
        column: usize,
        field: String,
        message: String,
    },
    MissingVersion,
    UnsupportedVersion {
        found: u64,
    },
    Invalid(Vec<Issue>),
}

impl FileError {
    pub fn new(path: impl Into<PathBuf>, kind: FileErrorKind) -> Self {
        Self {
            path: path.into(),
            kind,
        }
    }

    /// One line per problem, each starting with `file:line:column` or `file: field`. Text taken
    /// from the file is cut short and control characters are escaped, so a hostile file can
    /// neither flood the output nor forge lines.
    pub fn lines(&self) -> Vec<String> {
        self.raw_lines().iter().map(|line| bounded(line)).collect()
    }

    fn raw_lines(&self) -> Vec<String> {
        let shown = self.path.display().to_string();
        let file = escape_controls(&shown);
        match &self.kind {
            FileErrorKind::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                vec![format!("{file}: no such file: check the path")]
            }
            FileErrorKind::Io(e) => vec![format!("{file}: cannot read the file: {e}")],
            FileErrorKind::Write(e) => vec![format!("{file}: not saved: {e}")],
            FileErrorKind::NotAFile { what } => vec![format!(
                "{file}: is {what}, not a regular file: a twin must be a plain .twin.json file"
            )],
            FileErrorKind::ChangedOnDisk => vec![format!(
                "{file}: not saved: the file changed on disk since it was opened here (another \
                 program or studio wrote it): keep yours, take theirs, or save yours as a copy"
            )],
            FileErrorKind::SymlinkLoop => vec![format!(
                "{file}: is a symbolic link loop (links that point back to each other): fix or \
                 delete the link"
            )],
            FileErrorKind::Encoding { name } => vec![format!(
                "{file}: the text is {name}; twin files are UTF-8: save it again as UTF-8 (most \
                 editors offer an encoding choice when saving; or run \
                 iconv -f {} -t UTF-8)",
                iconv_name(name)
            )],
            FileErrorKind::TooLarge { bytes, limit } => vec![format!(
                "{file}: the file is {bytes} bytes; twin files may be at most {limit} bytes: \
                 is this really a twin? Split it or remove embedded data"
            )],
            FileErrorKind::Syntax {
                line,
                column,
                field,
                message,
            } => {
                if field.is_empty() || field == "." {
                    vec![format!("{file}:{line}:{column}: {message}")]
                } else {
                    vec![format!("{file}:{line}:{column}: {field}: {message}")]
                }
            }
            FileErrorKind::MissingVersion => vec![format!(
                "{file}: no \"schema_version\" at the top level: add \"schema_version\": {} \
                 (is this a twin file?)",
                crate::model::SCHEMA_VERSION
            )],
            FileErrorKind::UnsupportedVersion { found } => vec![format!(
                "{file}: schema_version {found} is not one this build reads (it reads up to {}): \
                 open it with a newer Twin Studio",
                crate::model::SCHEMA_VERSION
            )],
            FileErrorKind::Invalid(issues) => issues
                .iter()
                .map(|issue| format!("{file}: {issue}"))
                .collect(),
        }
    }
}

/// The `iconv` name of an encoding described as "UTF-16 (little-endian)".
fn iconv_name(name: &str) -> String {
    let base = name.split(' ').next().unwrap_or(name);
    let endian = if name.contains("little") { "LE" } else { "BE" };
    format!("{base}{endian}")
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.lines().join("\n"))
    }
}
