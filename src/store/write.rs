//! One twin file on the way out: validated, then written atomically, over only the version this
//! studio knows, keeping symlinks, hard links and read-only protection.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::file::{read_twin_bytes, special_kind};
use super::{FileError, FileErrorKind};
use crate::model::Twin;

/// The exact bytes a twin is saved as: pretty JSON with a final newline.
pub fn to_json(twin: &Twin) -> String {
    // Serializing plain data structs with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(twin).unwrap_or_default();
    text.push('\n');
    text
}

/// Validates, then writes atomically; an invalid twin never reaches the disk.
pub fn save_twin(path: &Path, twin: &Twin) -> Result<(), FileError> {
    let issues = twin.validate();
    if !issues.is_empty() {
        return Err(FileError::new(path, FileErrorKind::Invalid(issues)));
    }
    atomic_write(path, to_json(twin).as_bytes())
        .map_err(|e| FileError::new(path, FileErrorKind::Write(e)))
}

/// Saves like [`save_twin`], but only over the version of the file this studio knows: when the
/// file's content no longer has the fingerprint `known` (it was changed from outside since it was
/// read or written here), nothing is written and the error is [`FileErrorKind::ChangedOnDisk`].
/// `known` is `None` for a twin that has no file yet; a file that appeared meanwhile is a change
/// too. A file deleted from outside is written again. Returns the fingerprint of what was written.
pub fn save_twin_over(path: &Path, twin: &Twin, known: Option<u64>) -> Result<u64, FileError> {
    let issues = twin.validate();
    if !issues.is_empty() {
        return Err(FileError::new(path, FileErrorKind::Invalid(issues)));
    }
    let on_disk = match read_twin_bytes(path) {
        Ok(bytes) => Some(super::content_hash(&bytes)),
        Err(FileError {
            kind: FileErrorKind::Io(e),
            ..
        }) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if on_disk.is_some() && on_disk != known {
        return Err(FileError::new(path, FileErrorKind::ChangedOnDisk));
    }
    let text = to_json(twin);
    atomic_write(path, text.as_bytes())
        .map_err(|e| FileError::new(path, FileErrorKind::Write(e)))?;
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
    use crate::store::load_twin;

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
        assert!(matches!(err.kind, FileErrorKind::ChangedOnDisk), "{err}");
        assert!(err.to_string().contains("changed on disk"), "{err}");
        assert_eq!(load_twin(&path).expect("load").title, "Theirs");
        // A twin without a file refuses to replace one that appeared meanwhile.
        assert!(save_twin_over(&path, &twin, None).is_err());
        // Deleted from outside: written again.
        std::fs::remove_file(&path).expect("rm");
        save_twin_over(&path, &twin, Some(known)).expect("recreated");
        assert_eq!(load_twin(&path).expect("load").title, "Mine");
    }
}
