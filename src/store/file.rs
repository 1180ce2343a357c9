//! One twin file: parse + migrate + validate on the way in, atomic write on the way out.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{LoadError, LoadErrorKind};
use crate::model::{SCHEMA_VERSION, Twin};

/// Twin files end in `.twin.json`.
pub const TWIN_EXTENSION: &str = ".twin.json";

/// Larger files are refused before they are read: a real twin is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// Reads, migrates and validates one twin file.
pub fn load_twin(path: &Path) -> Result<Twin, LoadError> {
    let bytes = read_twin_bytes(path)?;
    parse_twin(path, &bytes)
}

/// The bytes of a twin file, refusing at once (without blocking) anything that is not a regular
/// file or a symlink to one, and files too large to be a twin.
pub fn read_twin_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bytes_at_most(path, MAX_FILE_BYTES)
}

/// The bytes of any file the studio reads whole (a twin, a spreadsheet to import), with the
/// same refusals as [`read_twin_bytes`] and `limit` as the largest size accepted.
pub fn read_bytes_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let file = open_regular(path)?;
    let io_err = |e| LoadError::new(path, LoadErrorKind::Io(e));
    let bytes_on_disk = file.metadata().map_err(io_err)?.len();
    if bytes_on_disk > limit {
        return Err(LoadError::new(
            path,
            LoadErrorKind::TooLarge {
                bytes: bytes_on_disk,
                limit,
            },
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(bytes_on_disk).unwrap_or(0));
    // `take` guards against a file that grows between the size check and the read.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_err)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::new(
            path,
            LoadErrorKind::TooLarge {
                bytes: bytes.len() as u64,
                limit,
            },
        ));
    }
    Ok(bytes)
}

/// Opens `path` for reading only if it is a regular file. The type is checked before opening
/// (a FIFO would block `open` until a writer comes) and again on the open file, and the open
/// itself does not block, so nothing can swap a pipe in between.
fn open_regular(path: &Path) -> Result<File, LoadError> {
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
        .map_err(|e| LoadError::new(path, LoadErrorKind::Io(e)))?;
    refuse_special(path, &meta)?;
    Ok(file)
}

fn refuse_special(path: &Path, meta: &std::fs::Metadata) -> Result<(), LoadError> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(LoadError::new(
            path,
            LoadErrorKind::NotAFile {
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
fn open_error(path: &Path, e: io::Error) -> LoadError {
    if is_link_loop(&e) {
        LoadError::new(path, LoadErrorKind::SymlinkLoop)
    } else {
        LoadError::new(path, LoadErrorKind::Io(e))
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
pub fn parse_twin(path: &Path, bytes: &[u8]) -> Result<Twin, LoadError> {
    // A UTF-8 byte order mark is accepted, as most JSON tools do; other encodings are named.
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Some(name) = foreign_encoding(bytes) {
        return Err(LoadError::new(path, LoadErrorKind::Encoding { name }));
    }
    // Fast path for the common case, a current and well-formed file: one plain parse. Only when
    // it fails do we pay for the version probe and the path-tracking parse that explain why.
    if let Ok(twin) = serde_json::from_slice::<Twin>(bytes)
        && twin.schema_version == SCHEMA_VERSION
    {
        return validated(path, bytes, twin);
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

fn validated(path: &Path, bytes: &[u8], twin: Twin) -> Result<Twin, LoadError> {
    if let Some(problem) = super::scan::check_literals(bytes) {
        let (line, column) = position_of(bytes, problem.offset);
        return Err(LoadError::new(
            path,
            LoadErrorKind::Syntax {
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
        Err(LoadError::new(path, LoadErrorKind::Invalid(issues)))
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
        .map_err(|e| LoadError::new(path, LoadErrorKind::Write(e)))
}

/// Saves like [`save_twin`], but only over the version of the file this studio knows: when the
/// file's content no longer has the fingerprint `known` (it was changed from outside since it was
/// read or written here), nothing is written and the error is [`LoadErrorKind::ChangedOnDisk`].
/// `known` is `None` for a twin that has no file yet; a file that appeared meanwhile is a change
/// too. A file deleted from outside is written again. Returns the fingerprint of what was written.
pub fn save_twin_over(path: &Path, twin: &Twin, known: Option<u64>) -> Result<u64, LoadError> {
    let issues = twin.validate();
    if !issues.is_empty() {
        return Err(LoadError::new(path, LoadErrorKind::Invalid(issues)));
    }
    let on_disk = match read_twin_bytes(path) {
        Ok(bytes) => Some(super::content_hash(&bytes)),
        Err(LoadError {
            kind: LoadErrorKind::Io(e),
            ..
        }) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if on_disk.is_some() && on_disk != known {
        return Err(LoadError::new(path, LoadErrorKind::ChangedOnDisk));
    }
    let text = to_json(twin);
    atomic_write(path, text.as_bytes())
        .map_err(|e| LoadError::new(path, LoadErrorKind::Write(e)))?;
    Ok(super::content_hash(text.as_bytes()))
}

/// Writes `contents` to `path` so that a crash or error at any point leaves the old file whole:
/// temp file in the same folder, fsync, rename over the old one.
///
/// A symlink is kept and its target written; a file with several hard links is rewritten in
/// place (once the full new contents are safely in a temp file beside it) so every name still
/// shows the same file; a read-only file or anything but a regular file is refused. Errors say
/// what failed and where.
pub fn atomic_write(path: &Path, contents: &[u8]) -> io::Result<()> {
    atomic_write_with(path, |file| file.write_all(contents))
}

pub(crate) fn atomic_write_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<()> {
    let target = link_target(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(context(e, format!("cannot look at {}", target.display()))),
    };
    if let Some(meta) = &existing {
        refuse_to_overwrite(&target, meta)?;
    }
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".twin-studio-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|e| {
            context(
                e,
                format!("cannot create a file in the folder {}", dir.display()),
            )
        })?;
    let written = write(temp.as_file_mut()).and_then(|()| {
        // The temp file is private (0600); give the result the old file's permissions, or the
        // usual 0644 for a new file, so saving never makes a shared twin unreadable to others.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let permissions = existing
                .as_ref()
                .map(|m| m.permissions())
                .unwrap_or_else(|| std::fs::Permissions::from_mode(0o644));
            temp.as_file().set_permissions(permissions)?;
        }
        temp.as_file().sync_all()
    });
    written.map_err(|e| context(e, format!("cannot write in the folder {}", dir.display())))?;
    if existing.as_ref().is_some_and(|m| link_count(m) > 1) {
        return rewrite_in_place(temp, &target);
    }
    temp.persist(&target).map_err(|e| {
        context(
            e.error,
            format!("cannot replace {} in its folder", target.display()),
        )
    })?;
    // Make the rename itself durable; not every platform lets a folder be opened, so best effort.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The file a path finally names, following symlinks (relative ones from their own folder), so
/// a save updates the real file and keeps the link.
fn link_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{} is a symbolic link loop (links that point back to each other): fix or delete the \
             link",
            path.display()
        ),
    ))
}

/// Refuses to replace anything but a regular file the user may write.
fn refuse_to_overwrite(target: &Path, meta: &std::fs::Metadata) -> io::Result<()> {
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} is {}, not a regular file: choose another name",
                target.display(),
                special_kind(meta)
            ),
        ));
    }
    // Mode bits first: even an administrator's save must respect a file marked read-only.
    let read_only = meta.permissions().readonly()
        || std::fs::OpenOptions::new()
            .write(true)
            .open(target)
            .is_err_and(|e| e.kind() == io::ErrorKind::PermissionDenied);
    if read_only {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "{} is read-only{}: make it writable (e.g. chmod u+w) or save under another name",
                target.display(),
                mode_text(meta)
            ),
        ));
    }
    Ok(())
}

#[cfg(unix)]
fn mode_text(meta: &std::fs::Metadata) -> String {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode();
    let bits: String = [
        (0o400, 'r'),
        (0o200, 'w'),
        (0o100, 'x'),
        (0o040, 'r'),
        (0o020, 'w'),
        (0o010, 'x'),
        (0o004, 'r'),
        (0o002, 'w'),
        (0o001, 'x'),
    ]
    .iter()
    .map(|&(bit, c)| if mode & bit != 0 { c } else { '-' })
    .collect();
    format!(" (permissions {bits})")
}

#[cfg(not(unix))]
fn mode_text(_: &std::fs::Metadata) -> String {
    String::new()
}

#[cfg(unix)]
fn link_count(meta: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn link_count(_: &std::fs::Metadata) -> u64 {
    1
}

/// Copies the complete temp file into the existing file, keeping its hard links. If the copy
/// fails half way, the temp file is kept and named so the new contents are never lost.
fn rewrite_in_place(temp: tempfile::NamedTempFile, target: &Path) -> io::Result<()> {
    let copied = (|| {
        let mut source = temp.reopen()?;
        let mut dest = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(target)?;
        io::copy(&mut source, &mut dest)?;
        dest.sync_all()
    })();
    match copied {
        Ok(()) => Ok(()),
        Err(e) => {
            let kept = temp
                .keep()
                .map(|(_, p)| p.display().to_string())
                .unwrap_or_default();
            Err(context(
                e,
                format!(
                    "cannot rewrite {} (it has several hard links, so it is written in place); \
                     the new contents are kept in {kept}",
                    target.display()
                ),
            ))
        }
    }
}

/// An I/O error with what was being done and where, and a hint for the common causes; the kind
/// is kept so callers can still tell them apart.
fn context(e: io::Error, doing: String) -> io::Error {
    let hint = match e.kind() {
        io::ErrorKind::StorageFull => ": the disk is full; free some space and try again",
        io::ErrorKind::ReadOnlyFilesystem => ": the disk is mounted read-only; save somewhere else",
        io::ErrorKind::PermissionDenied => {
            ": permission denied; save somewhere else or fix the folder's permissions"
        }
        io::ErrorKind::QuotaExceeded => ": your disk quota is used up; free some space",
        _ => "",
    };
    io::Error::new(e.kind(), format!("{doing} ({e}){hint}"))
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
    fn a_save_never_overwrites_an_outside_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.twin.json");
        let mut twin = Twin::new_blank("t", "T");
        let known = save_twin_over(&path, &twin, None).expect("first save");
        assert_eq!(
            known,
            super::super::content_hash(&std::fs::read(&path).expect("read"))
        );
        // Someone else edits the file.
        let mut theirs = twin.clone();
        theirs.title = "Theirs".into();
        save_twin(&path, &theirs).expect("outside edit");
        twin.title = "Mine".into();
        let err = save_twin_over(&path, &twin, Some(known)).expect_err("conflict");
        assert!(matches!(err.kind, LoadErrorKind::ChangedOnDisk), "{err}");
        assert!(err.to_string().contains("changed on disk"), "{err}");
        assert_eq!(load_twin(&path).expect("load").title, "Theirs");
        // A twin without a file refuses to replace one that appeared meanwhile.
        assert!(save_twin_over(&path, &twin, None).is_err());
        // Deleted from outside: written again.
        std::fs::remove_file(&path).expect("rm");
        save_twin_over(&path, &twin, Some(known)).expect("recreated");
        assert_eq!(load_twin(&path).expect("load").title, "Mine");
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
