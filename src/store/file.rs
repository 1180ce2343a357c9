//! One twin file: parse + migrate + validate on the way in, atomic write on the way out.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;

use serde::Deserialize;

use super::{LoadError, LoadErrorKind};
use crate::model::{SCHEMA_VERSION, Twin};

/// Twin files end in `.twin.json`.
pub const TWIN_EXTENSION: &str = ".twin.json";

/// Larger files are refused before they are read: a real twin is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Reads, migrates and validates one twin file.
pub fn load_twin(path: &Path) -> Result<Twin, LoadError> {
    let io_err = |e| LoadError::new(path, LoadErrorKind::Io(e));
    let file = File::open(path).map_err(io_err)?;
    let bytes_on_disk = file.metadata().map_err(io_err)?.len();
    if bytes_on_disk > MAX_FILE_BYTES {
        return Err(LoadError::new(
            path,
            LoadErrorKind::TooLarge {
                bytes: bytes_on_disk,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(bytes_on_disk).unwrap_or(0));
    // `take` guards against a file that grows between the size check and the read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::new(
            path,
            LoadErrorKind::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    parse_twin(path, &bytes)
}

/// Only the version, so the right reader (or migration) can be picked before the full parse.
#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<serde_json::Value>,
}

/// Parses bytes that claim to be the twin file at `path` (used for messages only).
///
/// ```
/// use std::path::Path;
/// use twin_studio::store::parse_twin;
///
/// let err = parse_twin(Path::new("draft.twin.json"), br#"{"schema_version": 1, "id": "x"}"#)
///     .expect_err("a twin needs a title, a framework and two companies");
/// assert!(err.to_string().starts_with("draft.twin.json:1:"));
/// ```
pub fn parse_twin(path: &Path, bytes: &[u8]) -> Result<Twin, LoadError> {
    // Fast path for the common case, a current and well-formed file: one plain parse. Only when
    // it fails do we pay for the version probe and the path-tracking parse that explain why.
    if let Ok(twin) = serde_json::from_slice::<Twin>(bytes)
        && twin.schema_version == SCHEMA_VERSION
    {
        return validated(path, twin);
    }
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(i) = first.filter(|&i| bytes[i] != b'{') {
        let (line, column) = position_of(bytes, i);
        return Err(LoadError::new(
            path,
            LoadErrorKind::Syntax {
                line,
                column,
                field: String::new(),
                message: "a twin file holds one JSON object ({ ... }) at the top level".to_owned(),
            },
        ));
    }
    let probe: VersionProbe = match serde_json::from_slice(bytes) {
        Ok(probe) => probe,
        // The typed parse knows which field it was in; prefer its message when it fails too.
        Err(e) => {
            return Err(parse_current(path, bytes)
                .err()
                .unwrap_or_else(|| syntax_error(path, &e, String::new())));
        }
    };
    let version = match probe.schema_version {
        None => return Err(LoadError::new(path, LoadErrorKind::MissingVersion)),
        Some(v) => v.as_u64().ok_or_else(|| {
            LoadError::new(
                path,
                LoadErrorKind::Syntax {
                    line: 1,
                    column: 1,
                    field: "schema_version".into(),
                    message: format!("is {v}; it must be a whole number such as {SCHEMA_VERSION}"),
                },
            )
        })?,
    };
    // Each past version gets an arm that reads it and migrates it to the current model.
    // Version 1 is the first published format, so today there is nothing older to migrate.
    let twin = match version {
        1 => parse_current(path, bytes)?,
        found => {
            return Err(LoadError::new(
                path,
                LoadErrorKind::UnsupportedVersion { found },
            ));
        }
    };
    validated(path, twin)
}

fn validated(path: &Path, twin: Twin) -> Result<Twin, LoadError> {
    let issues = twin.validate();
    if issues.is_empty() {
        Ok(twin)
    } else {
        Err(LoadError::new(path, LoadErrorKind::Invalid(issues)))
    }
}

/// 1-based line and column of byte `index`, as serde_json reports them.
fn position_of(bytes: &[u8], index: usize) -> (usize, usize) {
    let before = &bytes[..index];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = index
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
        + 1;
    (line, column)
}

fn parse_current(path: &Path, bytes: &[u8]) -> Result<Twin, LoadError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let twin: Twin = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = e.path().to_string();
        syntax_error(path, e.inner(), field)
    })?;
    de.end()
        .map_err(|e| syntax_error(path, &e, String::new()))?;
    Ok(twin)
}

fn syntax_error(path: &Path, e: &serde_json::Error, field: String) -> LoadError {
    let message = match e.classify() {
        serde_json::error::Category::Eof => {
            "the file ends too early: it is truncated or a bracket is missing".to_owned()
        }
        _ => {
            let message = strip_position(&e.to_string());
            if message.starts_with("invalid unicode code point") {
                "the text is not valid UTF-8: save the file with UTF-8 encoding".to_owned()
            } else {
                message
            }
        }
    };
    LoadError::new(
        path,
        LoadErrorKind::Syntax {
            line: e.line(),
            column: e.column(),
            field,
            message,
        },
    )
}

/// serde_json appends " at line L column C"; the position is already in front of the message.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The exact bytes a twin is saved as: pretty JSON with a final newline.
pub fn to_json(twin: &Twin) -> String {
    // Serializing plain data structs with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(twin).unwrap_or_default();
    text.push('\n');
    text
}

/// Validates, then writes atomically; an invalid twin never reaches the disk.
pub fn save_twin(path: &Path, twin: &Twin) -> Result<(), LoadError> {
    let issues = twin.validate();
    if !issues.is_empty() {
        return Err(LoadError::new(path, LoadErrorKind::Invalid(issues)));
    }
    atomic_write(path, to_json(twin).as_bytes())
        .map_err(|e| LoadError::new(path, LoadErrorKind::Io(e)))
}

/// Writes `contents` to `path` so that a crash or error at any point leaves the old file whole:
/// temp file in the same folder, fsync, rename over the old one.
pub fn atomic_write(path: &Path, contents: &[u8]) -> io::Result<()> {
    atomic_write_with(path, |file| file.write_all(contents))
}

pub(crate) fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".twin-studio-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    // The temp file is private (0600); give the result the old file's permissions, or the usual
    // 0644 for a new file, so saving never makes a shared twin unreadable to others.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        temp.as_file().set_permissions(permissions)?;
    }
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    // Make the rename itself durable; not every platform lets a folder be opened, so best effort.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_whole_and_no_temp_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.twin.json");
        std::fs::write(&path, "old contents").expect("seed file");
        let result = atomic_write_with(&path, |f| {
            f.write_all(b"half of the new")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "old contents"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .collect();
        assert_eq!(left.len(), 1, "the temp file was cleaned up");
    }

    #[cfg(unix)]
    #[test]
    fn saving_keeps_the_old_permissions_and_new_files_are_readable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let fresh = dir.path().join("new.twin.json");
        atomic_write(&fresh, b"x").expect("write");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&fresh), 0o644);
        std::fs::set_permissions(&fresh, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        atomic_write(&fresh, b"y").expect("rewrite");
        assert_eq!(mode(&fresh), 0o640);
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.twin.json");
        let twin = Twin::new_blank("t", "T");
        save_twin(&path, &twin).expect("save");
        assert_eq!(load_twin(&path).expect("load"), twin);
    }

    #[test]
    fn invalid_twin_is_not_saved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.twin.json");
        let mut twin = Twin::new_blank("t", "T");
        twin.title.clear();
        assert!(save_twin(&path, &twin).is_err());
        assert!(!path.exists());
    }

    #[test]
    fn future_version_is_a_clear_error() {
        let err = parse_twin(Path::new("x.twin.json"), br#"{"schema_version": 7}"#)
            .expect_err("future version");
        assert!(matches!(
            err.kind,
            LoadErrorKind::UnsupportedVersion { found: 7 }
        ));
        assert!(err.to_string().contains("newer Twin Studio"));
    }

    #[test]
    fn unknown_field_names_the_path() {
        let mut value = serde_json::to_value(Twin::new_blank("t", "T")).expect("to value");
        value["east"]["colour"] = serde_json::json!("#fff");
        let bytes = serde_json::to_vec_pretty(&value).expect("bytes");
        let err = parse_twin(Path::new("x.twin.json"), &bytes).expect_err("unknown field");
        let text = err.to_string();
        assert!(text.contains("x.twin.json:"), "{text}");
        assert!(text.contains("east"), "{text}");
        assert!(text.contains("unknown field `colour`"), "{text}");
    }
}
