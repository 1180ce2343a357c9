//! Cargo build script (named by `package.build` in Cargo.toml; it lives under `src/` because the
//! repository's top level is fixed). It is not a module of the crate.
//!
//! It records the git commit the binary is built from as `TWIN_STUDIO_COMMIT`, which
//! `twin-studio --version` prints, so a user's bug report names the exact source. In order:
//! 1. the `TWIN_STUDIO_COMMIT` environment variable, for packagers building from a tarball;
//! 2. `git rev-parse --short=12 HEAD`, only when this package is the top of its git checkout (a
//!    source tarball unpacked inside some other repository must not report that repository's commit);
//! 3. `unknown`.
//!
//! It reruns only when HEAD or the branch it points to moves, so editing sources or tests never
//! reruns it (and never rebuilds the crate because of it).

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=src/build.rs");
    println!("cargo::rerun-if-env-changed=TWIN_STUDIO_COMMIT");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let from_env = std::env::var("TWIN_STUDIO_COMMIT")
        .ok()
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    let commit = from_env.or_else(|| git_commit(&manifest_dir));
    println!(
        "cargo::rustc-env=TWIN_STUDIO_COMMIT={}",
        commit.as_deref().unwrap_or("unknown")
    );
}

/// The short HEAD commit, watching the files that change when HEAD moves; `None` without git or
/// outside this package's own checkout.
fn git_commit(manifest_dir: &Path) -> Option<String> {
    let top = git(manifest_dir, &["rev-parse", "--show-toplevel"])?;
    if !same_dir(Path::new(&top), manifest_dir) {
        return None;
    }
    let mut watched = vec![git(manifest_dir, &["rev-parse", "--git-path", "HEAD"])?];
    if let Some(branch) = git(manifest_dir, &["symbolic-ref", "-q", "HEAD"]) {
        watched.extend(git(manifest_dir, &["rev-parse", "--git-path", &branch]));
    }
    // A branch ref may live only in packed-refs, so a commit creates a file nobody watched: the
    // reflog of HEAD is appended on every commit, checkout and reset of this worktree.
    for path in ["packed-refs", "logs/HEAD"] {
        watched.extend(git(manifest_dir, &["rev-parse", "--git-path", path]));
    }
    for file in watched {
        let path = manifest_dir.join(file);
        // Cargo reruns on every build for a watched file that does not exist: skip those.
        if path.exists() {
            println!("cargo::rerun-if-changed={}", path.display());
        }
    }
    let commit = git(manifest_dir, &["rev-parse", "--short=12", "HEAD"])?;
    commit
        .chars()
        .all(|c| c.is_ascii_hexdigit())
        .then_some(commit)
}

/// One line of git's output, or `None` if git is missing or fails.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let line = text.trim();
    (!line.is_empty()).then(|| line.to_owned())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
