//! The layer table of ARCHITECTURE.md, kept true: every `use crate::…` line (and every inline
//! `crate::…` path) in `src/` must name a module its own layer may use, and no two files may use
//! each other. Test code (`#[cfg(test)]` and below) is free to reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module of `src/` and the modules it may use. Keep in step with ARCHITECTURE.md.
const LAYERS: &[(&str, &[&str])] = &[
    ("font_chain", &[]),
    ("assets", &["font_chain"]),
    ("tokens", &[]),
    ("model", &[]),
    ("wording", &["model"]),
    ("schema", &["model"]),
    ("store", &["model"]),
    ("analysis", &["model"]),
    ("interop", &["model", "store", "wording"]),
    (
        "charts",
        &[
            "model",
            "analysis",
            "assets",
            "font_chain",
            "tokens",
            "wording",
        ],
    ),
    (
        "report",
        &[
            "model",
            "analysis",
            "charts",
            "assets",
            "font_chain",
            "tokens",
            "wording",
        ],
    ),
    ("desktop", &["assets", "font_chain", "store"]),
    (
        "present",
        &[
            "model",
            "analysis",
            "charts",
            "assets",
            "font_chain",
            "tokens",
            "wording",
            "store",
            "desktop",
            "report",
        ],
    ),
    (
        "export",
        &[
            "model", "analysis", "charts", "report", "present", "store", "tokens", "wording",
        ],
    ),
    (
        "ui",
        &[
            "model",
            "analysis",
            "charts",
            "assets",
            "font_chain",
            "tokens",
            "wording",
            "store",
            "report",
            "present",
            "export",
            "interop",
            "desktop",
        ],
    ),
    (
        "cli",
        &[
            "model",
            "analysis",
            "charts",
            "assets",
            "font_chain",
            "tokens",
            "wording",
            "store",
            "report",
            "present",
            "export",
            "interop",
            "desktop",
            "schema",
            "ui",
        ],
    ),
];

/// The only modules that touch the file system themselves; everything else asks `store`.
const FILE_SYSTEM: &[&str] = &["store"];

/// Edges and file accesses being moved out by work in progress, as the messages the tests
/// print (paths relative to `src/`). Empty when the tree follows the table.
const PENDING: &[&str] = &[];

/// The messages of `found` that [`PENDING`] does not excuse.
fn not_pending(src: &Path, found: Vec<String>) -> Vec<String> {
    let prefix = format!("{}/", src.display());
    found
        .into_iter()
        .filter(|m| !PENDING.contains(&m.replace(&prefix, "").as_str()))
        .collect()
}

/// Every production `.rs` file under `dir`: files declared as `#[cfg(test)] mod name;` are test
/// code and left out.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut test_only = BTreeSet::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read src")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in &entries {
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(path).expect("read source");
            let mut lines = text.lines().map(str::trim);
            while let Some(line) = lines.next() {
                if line == "#[cfg(test)]"
                    && let Some(next) = lines.next()
                    && let Some(name) = next.strip_prefix("mod ").and_then(|n| n.strip_suffix(';'))
                {
                    test_only.insert(format!("{name}.rs"));
                }
            }
        }
    }
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !name.is_some_and(|n| test_only.contains(&n))
        {
            out.push(path);
        }
    }
}

/// The code of a file above its tests, without comments.
fn production_code(text: &str) -> String {
    let mut code = String::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }
    code
}

/// Every top-level module a piece of code names through `crate::`, including inside
/// `use crate::{a::X, b::Y}` groups.
fn crate_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            // A group: the first identifier after `{` and after every top-level comma.
            let mut depth = 0usize;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && !c.is_whitespace() => {
                        let name = ident(&group[j..]);
                        if !name.is_empty() {
                            found.insert(name);
                        }
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(after);
            if !name.is_empty() {
                found.insert(name);
            }
        }
        rest = after;
    }
    found
}

/// The top-level module a file belongs to (`src/charts/egui/mod.rs` -> `charts`); `None` for the
/// crate roots, the build script and the unit-test fixtures.
fn layer_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
    (!matches!(name.as_str(), "lib" | "main" | "build" | "fixtures")).then_some(name)
}

fn forbidden_edges(src: &Path) -> Vec<String> {
    let table: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let Some(layer) = layer_of(src, &file) else {
            continue;
        };
        let Some(allowed) = table.get(layer.as_str()) else {
            wrong.push(format!(
                "{}: module `{layer}` is missing from LAYERS",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("read source");
        for used in crate_modules(&production_code(&text)) {
            if used != layer && !allowed.contains(&used.as_str()) {
                wrong.push(format!(
                    "{}: `{layer}` may not use `{used}`",
                    file.display()
                ));
            }
        }
    }
    wrong
}

#[test]
fn every_use_follows_the_layer_table() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let wrong = not_pending(&src, forbidden_edges(&src));
    assert!(
        wrong.is_empty(),
        "edges the layer table forbids:\n{}",
        wrong.join("\n")
    );
}

/// Files outside [`FILE_SYSTEM`] whose production code names `std::fs` or `File::`.
fn file_system_users(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let Some(layer) = layer_of(src, &file) else {
            continue;
        };
        if FILE_SYSTEM.contains(&layer.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read source");
        let code = production_code(&text);
        if code.contains("std::fs") || code.contains("fs::File") {
            wrong.push(format!(
                "{}: `{layer}` touches files itself",
                file.display()
            ));
        }
    }
    wrong
}

#[test]
fn only_store_touches_the_file_system() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let wrong = not_pending(&src, file_system_users(&src));
    assert!(
        wrong.is_empty(),
        "file access outside `store` (add a function to `store` and call it):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_forbidden_use_is_caught() {
    let dir = tempfile::tempdir().expect("tempdir");
    let model = dir.path().join("model");
    std::fs::create_dir_all(&model).expect("mkdir");
    std::fs::write(
        model.join("twin.rs"),
        "use crate::ui::AppState;\n#[cfg(test)]\nmod tests { use crate::cli::Cli; }\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("charts.rs"),
        "use crate::{\n    model::Twin,\n    store::load_twin,\n};\nfn f() { crate::tokens::x(); }\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("report.rs"),
        "fn f() { let _ = std::fs::read(\"x\"); }\n",
    )
    .expect("write");
    assert_eq!(file_system_users(dir.path()).len(), 1);
    let wrong = forbidden_edges(dir.path());
    assert_eq!(wrong.len(), 2, "{wrong:?}");
    assert!(wrong.iter().any(|w| w.contains("`model` may not use `ui`")));
    assert!(
        wrong
            .iter()
            .any(|w| w.contains("`charts` may not use `store`"))
    );
}

/// `use super::x` edges between sibling files, which must never run both ways.
#[test]
fn no_two_files_use_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges: BTreeSet<(PathBuf, PathBuf)> = BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read source");
        let code = production_code(&text);
        let dir = match file.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs") => file.parent().and_then(Path::parent),
            _ => file.parent(),
        };
        let Some(dir) = dir else { continue };
        for line in code.lines() {
            let Some(rest) = line.trim().strip_prefix("use super::") else {
                continue;
            };
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            for target in [
                dir.join(format!("{name}.rs")),
                dir.join(&name).join("mod.rs"),
            ] {
                if target.exists() && &target != file {
                    edges.insert((file.clone(), target));
                }
            }
        }
    }
    let loops: Vec<String> = edges
        .iter()
        .filter(|(a, b)| a < b && edges.contains(&(b.clone(), a.clone())))
        .map(|(a, b)| format!("{} <-> {}", a.display(), b.display()))
        .collect();
    let loops = not_pending(&src, loops);
    assert!(
        loops.is_empty(),
        "files that use each other:\n{}",
        loops.join("\n")
    );
}

/// [`PENDING`] only shrinks: an entry whose edge or file access is gone must be deleted.
#[test]
fn every_pending_entry_still_exists() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let prefix = format!("{}/", src.display());
    let mut found: Vec<String> = forbidden_edges(&src);
    found.extend(file_system_users(&src));
    let found: BTreeSet<String> = found.iter().map(|m| m.replace(&prefix, "")).collect();
    let gone: Vec<&str> = PENDING
        .iter()
        .copied()
        .filter(|p| !p.contains(" <-> ") && !found.contains(*p))
        .collect();
    assert!(gone.is_empty(), "fixed, so delete from PENDING: {gone:?}");
}
