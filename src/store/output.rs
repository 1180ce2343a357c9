//! Writing the files of an export: all or nothing about overwriting, each file atomically.

use std::path::PathBuf;

use super::atomic_write;

/// Refuses before writing anything if a file exists and `force` is off; then writes each file
/// atomically, so a failed export never leaves half a file.
pub fn write_files(files: &[(PathBuf, Vec<u8>)], force: bool) -> Result<(), String> {
    if !force {
        let existing: Vec<String> = files
            .iter()
            .filter(|(p, _)| p.exists())
            .map(|(p, _)| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(format!(
                "{}: already exists; pass --force to overwrite",
                existing.join(", ")
            ));
        }
    }
    for (path, bytes) in files {
        atomic_write(path, bytes).map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(())
}
