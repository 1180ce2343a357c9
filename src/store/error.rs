use std::fmt;
use std::path::PathBuf;

use crate::model::Issue;

/// Why a twin file could not be opened; always names the file, and the place where known.
#[derive(Debug, thiserror::Error)]
pub struct LoadError {
    pub path: PathBuf,
    pub kind: LoadErrorKind,
}

/// The kinds of failure, each with the detail a user needs to fix the file.
#[derive(Debug)]
pub enum LoadErrorKind {
    Io(std::io::Error),
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

impl LoadError {
    pub fn new(path: impl Into<PathBuf>, kind: LoadErrorKind) -> Self {
        Self {
            path: path.into(),
            kind,
        }
    }

    /// One line per problem, each starting with `file:line:column` or `file: field`.
    pub fn lines(&self) -> Vec<String> {
        let file = self.path.display();
        match &self.kind {
            LoadErrorKind::Io(e) => vec![format!("{file}: cannot read the file: {e}")],
            LoadErrorKind::TooLarge { bytes, limit } => vec![format!(
                "{file}: the file is {bytes} bytes; twin files may be at most {limit} bytes: \
                 is this really a twin? Split it or remove embedded data"
            )],
            LoadErrorKind::Syntax {
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
            LoadErrorKind::MissingVersion => vec![format!(
                "{file}: no \"schema_version\" at the top level: add \"schema_version\": {} \
                 (is this a twin file?)",
                crate::model::SCHEMA_VERSION
            )],
            LoadErrorKind::UnsupportedVersion { found } => vec![format!(
                "{file}: schema_version {found} is not one this build reads (it reads up to {}): \
                 open it with a newer Twin Studio",
                crate::model::SCHEMA_VERSION
            )],
            LoadErrorKind::Invalid(issues) => issues
                .iter()
                .map(|issue| format!("{file}: {issue}"))
                .collect(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.lines().join("\n"))
    }
}
