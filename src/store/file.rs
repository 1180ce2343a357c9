//! One twin file: parse + migrate + validate on the way in, atomic write on the way out.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use serde::Deserialize;

use super::{FileError, FileErrorKind};
use crate::model::{SCHEMA_VERSION, Twin};

/// Twin files end in `.twin.json`.
pub const TWIN_EXTENSION: &str = ".twin.json";

/// Larger files are refused before they are read: a real twin is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Reads, migrates and validates one twin file.
pub fn load_twin(path: &Path) -> Result<Twin, FileError> {
    let bytes = read_twin_bytes(path)?;
    parse_twin(path, &bytes)
}

/// The bytes of a twin file, refusing at once (without blocking) anything that is not a regular
/// file or a symlink to one, and files too large to be a twin.
pub fn read_twin_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    read_bytes_at_most(path, MAX_FILE_BYTES)
}

/// The bytes of any file the studio reads whole (a twin, a spreadsheet to import), with the
/// same refusals as [`read_twin_bytes`] and `limit` as the largest size accepted.
pub fn read_bytes_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let mut bytes = Vec::new();
    read_into(path, limit, &mut bytes)?;
    Ok(bytes)
}

/// Reads a whole file into `bytes` (cleared first), with the refusals of [`read_bytes_at_most`]:
/// a library load reuses one buffer per thread instead of allocating one per file.
pub(super) fn read_into(path: &Path, limit: u64, bytes: &mut Vec<u8>) -> Result<(), FileError> {
    bytes.clear();
    let file = open_regular(path)?;
    let io_err = |e| FileError::new(path, FileErrorKind::Io(e));
    let bytes_on_disk = file.metadata().map_err(io_err)?.len();
    if bytes_on_disk > limit {
        return Err(FileError::new(
            path,
            FileErrorKind::TooLarge {
                bytes: bytes_on_disk,
                limit,
            },
        ));
    }
    bytes.reserve(usize::try_from(bytes_on_disk).unwrap_or(0));
    // `take` guards against a file that grows between the size check and the read.
    file.take(limit + 1).read_to_end(bytes).map_err(io_err)?;
    if bytes.len() as u64 > limit {
        return Err(FileError::new(
            path,
            FileErrorKind::TooLarge {
                bytes: bytes.len() as u64,
                limit,
            },
        ));
    }
    Ok(())
}

/// Opens `path` for reading only if it is a regular file. The type is checked before opening
/// (a FIFO would block `open` until a writer comes) and again on the open file, and the open
/// itself does not block, so nothing can swap a pipe in between.
fn open_regular(path: &Path) -> Result<File, FileError> {
    let meta = std::fs::metadata(path).map_err(|e| open_error(path, e))?;
    refuse_special(path, &meta)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(|e| open_error(path, e))?;
    let meta = file
        .metadata()
        .map_err(|e| FileError::new(path, FileErrorKind::Io(e)))?;
    refuse_special(path, &meta)?;
    Ok(file)
}

fn refuse_special(path: &Path, meta: &std::fs::Metadata) -> Result<(), FileError> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(FileError::new(
            path,
            FileErrorKind::NotAFile {
                what: special_kind(meta),
            },
        ))
    }
}

/// What a non-regular file is, in words.
pub(crate) fn special_kind(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// A symlink loop surfaces as an I/O error; name it rather than "no such file".
fn open_error(path: &Path, e: io::Error) -> FileError {
    if is_link_loop(&e) {
        FileError::new(path, FileErrorKind::SymlinkLoop)
    } else {
        FileError::new(path, FileErrorKind::Io(e))
    }
}

/// Whether an I/O error means "too many levels of symbolic links".
pub(crate) fn is_link_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Whether two paths name the same file (through links too); false when either is missing.
pub fn is_same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        a.canonicalize()
            .ok()
            .is_some_and(|ca| b.canonicalize().ok() == Some(ca))
    }
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
pub fn parse_twin(path: &Path, bytes: &[u8]) -> Result<Twin, FileError> {
    // A UTF-8 byte order mark is accepted, as most JSON tools do; other encodings are named.
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Some(name) = foreign_encoding(bytes) {
        return Err(FileError::new(path, FileErrorKind::Encoding { name }));
    }
    // Fast path for the common case, a current and well-formed file: one plain parse. Only when
    // it fails do we pay for the version probe and the path-tracking parse that explain why.
    // One UTF-8 check of the whole file (std's is fast on ASCII) instead of one per string.
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str::<Twin>(text),
        Err(_) => serde_json::from_slice::<Twin>(bytes),
    };
    if let Ok(twin) = parsed
        && twin.schema_version == SCHEMA_VERSION
    {
        return validated(path, bytes, twin);
    }
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace());
    if let Some(i) = first.filter(|&i| bytes[i] != b'{') {
        let (line, column) = position_of(bytes, i);
        return Err(FileError::new(
            path,
            FileErrorKind::Syntax {
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
        None => return Err(FileError::new(path, FileErrorKind::MissingVersion)),
        Some(v) => v.as_u64().ok_or_else(|| {
            FileError::new(
                path,
                FileErrorKind::Syntax {
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
            return Err(FileError::new(
                path,
                FileErrorKind::UnsupportedVersion { found },
            ));
        }
    };
    validated(path, bytes, twin)
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The encoding of a file that is UTF-16 or UTF-32 rather than UTF-8, told by its byte order
/// mark or, without one, by the zero bytes around the first ASCII character (RFC 4627).
fn foreign_encoding(bytes: &[u8]) -> Option<&'static str> {
    let b = |i: usize| bytes.get(i).copied();
    match (b(0), b(1), b(2), b(3)) {
        (Some(0), Some(0), Some(0xFE), Some(0xFF)) => Some("UTF-32 (big-endian)"),
        (Some(0xFF), Some(0xFE), Some(0), Some(0)) => Some("UTF-32 (little-endian)"),
        (Some(0xFE), Some(0xFF), ..) => Some("UTF-16 (big-endian)"),
        (Some(0xFF), Some(0xFE), ..) => Some("UTF-16 (little-endian)"),
        (Some(0), Some(0), Some(0), Some(x)) if x != 0 => Some("UTF-32 (big-endian)"),
        (Some(x), Some(0), Some(0), Some(0)) if x != 0 => Some("UTF-32 (little-endian)"),
        (Some(0), Some(x), ..) if x != 0 => Some("UTF-16 (big-endian)"),
        (Some(x), Some(0), ..) if x != 0 => Some("UTF-16 (little-endian)"),
        _ => None,
    }
}

fn validated(path: &Path, bytes: &[u8], twin: Twin) -> Result<Twin, FileError> {
    if let Some(problem) = super::scan::check_literals(bytes) {
        let (line, column) = position_of(bytes, problem.offset);
        return Err(FileError::new(
            path,
            FileErrorKind::Syntax {
                line,
                column,
                field: problem.field,
                message: problem.message,
            },
        ));
    }
    let issues = twin.validate();
    if issues.is_empty() {
        Ok(twin)
    } else {
        Err(FileError::new(path, FileErrorKind::Invalid(issues)))
    }
}

/// 1-based line and column of byte `index`, as serde_json reports them.
pub(super) fn position_of(bytes: &[u8], index: usize) -> (usize, usize) {
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

fn parse_current(path: &Path, bytes: &[u8]) -> Result<Twin, FileError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let twin: Twin = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = e.path().to_string();
        syntax_error(path, e.inner(), field)
    })?;
    de.end()
        .map_err(|e| syntax_error(path, &e, String::new()))?;
    Ok(twin)
}

fn syntax_error(path: &Path, e: &serde_json::Error, field: String) -> FileError {
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
    FileError::new(
        path,
        FileErrorKind::Syntax {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::save_twin;

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
            FileErrorKind::UnsupportedVersion { found: 7 }
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
