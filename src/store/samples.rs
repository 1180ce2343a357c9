//! Where the bundled sample library is. An installed studio finds it beside its binary (the
//! Debian package and the tarball put it in `share/twin-studio/samples`, a macOS bundle in
//! `Resources/samples`, a Windows install in `samples`); a developer's build uses the source tree.
//! Installed samples are read-only (`/usr/share`), so the studio opens a copy in the user's data
//! folder instead: a strategist's first edit must save.

use std::io;
use std::path::{Path, PathBuf};

use super::TWIN_EXTENSION;

/// The folder, under the user's data directory, holding their own copy of the samples.
pub const USER_SAMPLES_DIR: &str = "samples";

/// The sample library to open when nothing else is asked for: the user's copy of the installed
/// samples (made on first use), else the installed samples themselves, else the source tree's.
pub fn sample_library() -> PathBuf {
    let installed = std::env::current_exe()
        .ok()
        .and_then(|exe| installed_samples(&exe));
    let Some(installed) = installed else {
        return source_tree_samples();
    };
    let user_copy = directories::ProjectDirs::from("org", "Twin Studio", "twin-studio")
        .map(|dirs| dirs.data_dir().join(USER_SAMPLES_DIR));
    match user_copy.map(|dest| writable_copy(&installed, &dest)) {
        Some(Ok(dest)) => dest,
        Some(Err(e)) => {
            eprintln!(
                "twin-studio: cannot copy the samples to your data folder ({e}); opening the \
                 read-only originals in {}",
                installed.display()
            );
            installed
        }
        None => installed,
    }
}

/// The installed sample folder for the binary at `exe`, if there is one.
pub fn installed_samples(exe: &Path) -> Option<PathBuf> {
    let bin_dir = exe.parent()?;
    [
        bin_dir.join("../share/twin-studio/samples"),
        bin_dir.join("../Resources/samples"),
        bin_dir.join("samples"),
    ]
    .into_iter()
    .find(|dir| dir.is_dir())
    .map(|dir| dir.canonicalize().unwrap_or(dir))
}

/// `sample_profiles` of the source tree this binary was built from, else of the working folder.
fn source_tree_samples() -> PathBuf {
    let from_manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles");
    if from_manifest.is_dir() {
        from_manifest
    } else {
        PathBuf::from("sample_profiles")
    }
}

/// Copies the twin files of `installed` into `dest` if `dest` does not exist yet, and returns
/// `dest`. An existing `dest` is left alone: the user's edits and deletions there are theirs.
pub fn writable_copy(installed: &Path, dest: &Path) -> io::Result<PathBuf> {
    if dest.exists() {
        return Ok(dest.to_owned());
    }
    // Copy into a sibling folder and rename it into place, so an interrupted copy is not mistaken
    // for a finished one on the next start.
    let parent = dest.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let staging = tempfile::Builder::new()
        .prefix(".samples-")
        .tempdir_in(parent)?;
    for entry in std::fs::read_dir(installed)? {
        let path = entry?.path();
        let is_twin = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.ends_with(TWIN_EXTENSION));
        if is_twin && let Some(name) = path.file_name() {
            std::fs::copy(&path, staging.path().join(name))?;
        }
    }
    std::fs::rename(staging.keep(), dest)?;
    Ok(dest.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_samples_beside_an_installed_binary() {
        let root = tempfile::tempdir().expect("tempdir");
        let exe = root.path().join("usr/bin/twin-studio");
        std::fs::create_dir_all(exe.parent().expect("bin")).expect("mkdir");
        assert_eq!(installed_samples(&exe), None);
        let share = root.path().join("usr/share/twin-studio/samples");
        std::fs::create_dir_all(&share).expect("mkdir");
        let found = installed_samples(&exe).expect("found");
        assert_eq!(found, share.canonicalize().expect("canonical"));
    }

    #[test]
    fn finds_samples_in_a_macos_bundle_and_a_windows_folder() {
        let root = tempfile::tempdir().expect("tempdir");
        let mac = root.path().join("Twin Studio.app/Contents");
        std::fs::create_dir_all(mac.join("MacOS")).expect("mkdir");
        std::fs::create_dir_all(mac.join("Resources/samples")).expect("mkdir");
        assert!(installed_samples(&mac.join("MacOS/twin-studio")).is_some());
        let win = root.path().join("Twin Studio");
        std::fs::create_dir_all(win.join("samples")).expect("mkdir");
        assert!(installed_samples(&win.join("twin-studio.exe")).is_some());
    }

    #[test]
    fn copies_twin_files_once_and_then_leaves_the_copy_alone() {
        let root = tempfile::tempdir().expect("tempdir");
        let installed = root.path().join("installed");
        std::fs::create_dir(&installed).expect("mkdir");
        std::fs::write(installed.join("a.twin.json"), "{}").expect("write");
        std::fs::write(installed.join("README.txt"), "not a twin").expect("write");
        let dest = root.path().join("data/twin-studio/samples");

        assert_eq!(writable_copy(&installed, &dest).expect("copy"), dest);
        assert_eq!(
            std::fs::read_to_string(dest.join("a.twin.json")).ok(),
            Some("{}".into())
        );
        assert!(!dest.join("README.txt").exists());

        // The user edits one sample and deletes another copy: a new start keeps both choices.
        std::fs::write(dest.join("a.twin.json"), "edited").expect("edit");
        std::fs::write(installed.join("b.twin.json"), "{}").expect("write");
        writable_copy(&installed, &dest).expect("second start");
        assert_eq!(
            std::fs::read_to_string(dest.join("a.twin.json")).ok(),
            Some("edited".into())
        );
        assert!(!dest.join("b.twin.json").exists());
        // No staging folder is left behind.
        let leftovers = std::fs::read_dir(dest.parent().expect("parent"))
            .expect("read")
            .count();
        assert_eq!(leftovers, 1);
    }

    #[test]
    fn an_unreadable_source_is_an_error_not_an_empty_library() {
        let root = tempfile::tempdir().expect("tempdir");
        let dest = root.path().join("samples");
        assert!(writable_copy(&root.path().join("missing"), &dest).is_err());
        assert!(
            !dest.exists(),
            "a failed copy leaves nothing that looks finished"
        );
    }
}
