//! The files that make Twin Studio a desktop app (icons, desktop entry, MIME type, man pages,
//! shell completions, package metadata) are checked in under `assets/` so `cargo deb` and the
//! tarball need no generator. These tests keep them valid and in step with their sources: the
//! icon SVG and the clap definition. After changing either, regenerate with
//! `TWIN_STUDIO_BLESS=1 cargo test --test it packaging`.

use crate::support;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::{CommandFactory, Parser};
use clap_complete::Generator;
use clap_complete::Shell;
use resvg::{tiny_skia, usvg};
use twin_studio::cli::Cli;

/// Every PNG size the hicolor theme gets; 16 is the smallest a menu or file manager draws.
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];
const MIME_TYPE: &str = "application/x-twin+json";

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn blessing() -> bool {
    std::env::var_os("TWIN_STUDIO_BLESS").is_some_and(|v| v == "1")
}

/// Writes `fresh` to `path` when blessing, else fails if the checked-in file differs.
fn check_generated(path: &Path, fresh: &[u8]) {
    if blessing() {
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, fresh).expect("write");
        return;
    }
    let checked_in = std::fs::read(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `TWIN_STUDIO_BLESS=1 cargo test --test it packaging`",
            path.display()
        )
    });
    assert!(
        checked_in == fresh,
        "{} is stale: run `TWIN_STUDIO_BLESS=1 cargo test --test it packaging`",
        path.display()
    );
}

fn icon_png_path(size: u32) -> PathBuf {
    repo(&format!(
        "assets/icons/hicolor/{size}x{size}/apps/twin-studio.png"
    ))
}

/// Renders the master SVG at `size` px square on a transparent background.
fn render_icon(size: u32) -> tiny_skia::Pixmap {
    let svg = read("assets/icons/twin-studio.svg");
    let tree = usvg::Tree::from_str(&svg, &usvg::Options::default()).expect("the SVG parses");
    assert_eq!(
        tree.size().width(),
        tree.size().height(),
        "the master is square"
    );
    let scale = size as f32 / tree.size().width();
    let mut pixmap = tiny_skia::Pixmap::new(size, size).expect("pixmap");
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
}

/// Straight-alpha RGBA pixels and the size of a PNG file.
fn decode_png(bytes: &[u8]) -> (Vec<u8>, u32, u32) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    assert_eq!(
        info.color_type,
        png::ColorType::Rgba,
        "icons keep their alpha"
    );
    buf.truncate(info.buffer_size());
    (buf, info.width, info.height)
}

#[test]
fn every_icon_size_exists_is_square_and_matches_the_master_svg() {
    for size in ICON_SIZES {
        let fresh = render_icon(size).encode_png().expect("encode");
        let path = icon_png_path(size);
        if blessing() {
            check_generated(&path, &fresh);
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (pixels, width, height) = decode_png(&bytes);
        assert_eq!((width, height), (size, size), "{}", path.display());
        let (expected, ..) = decode_png(&fresh);
        let worst = pixels
            .iter()
            .zip(&expected)
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap_or(0);
        assert!(
            worst <= 2,
            "{} differs from assets/icons/twin-studio.svg by up to {worst}/255: run \
             `TWIN_STUDIO_BLESS=1 cargo test --test it packaging`",
            path.display()
        );
    }
}

#[test]
fn the_16px_icon_shows_both_colours_on_a_transparent_tile() {
    let (pixels, ..) = decode_png(&std::fs::read(icon_png_path(16)).expect("16 px icon"));
    let px = |x: usize, y: usize| &pixels[(y * 16 + x) * 4..(y * 16 + x) * 4 + 4];
    assert_eq!(px(0, 0)[3], 0, "rounded corner is transparent");
    // Mostly blue pixels on the left ring, mostly vermillion on the right one.
    let bluish = |p: &[u8]| p[3] > 200 && p[2] > p[0].saturating_add(60);
    let orangish = |p: &[u8]| p[3] > 200 && p[0] > p[2].saturating_add(60);
    let left = (0..16).flat_map(|y| (0..8).map(move |x| (x, y)));
    let right = (0..16).flat_map(|y| (8..16).map(move |x| (x, y)));
    assert!(left.clone().filter(|&(x, y)| bluish(px(x, y))).count() >= 6);
    assert!(right.clone().filter(|&(x, y)| orangish(px(x, y))).count() >= 6);
}

/// Key/value pairs of one `[group]` of a desktop entry, failing on lines the spec does not allow.
fn desktop_group(text: &str, group: &str) -> BTreeMap<String, String> {
    let mut current = None;
    let mut entries = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = Some(name.to_owned());
            continue;
        }
        let (key, value) = line
            .split_once('=')
            .unwrap_or_else(|| panic!("line {}: not `Key=value`: {line}", n + 1));
        assert!(current.is_some(), "line {}: entry before any group", n + 1);
        assert!(
            key.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || "[]@_.".contains(c)),
            "line {}: bad key {key:?}",
            n + 1
        );
        if current.as_deref() == Some(group) {
            let fresh = entries.insert(key.to_owned(), value.to_owned());
            assert!(fresh.is_none(), "line {}: duplicate key {key}", n + 1);
        }
    }
    entries
}

#[test]
fn desktop_entry_launches_the_studio_on_twin_files() {
    let path = repo("assets/linux/twin-studio.desktop");
    let text = read("assets/linux/twin-studio.desktop");
    assert!(
        text.starts_with("[Desktop Entry]\n"),
        "the main group comes first"
    );
    let entry = desktop_group(&text, "Desktop Entry");
    let get = |key: &str| entry.get(key).map(String::as_str);
    assert_eq!(get("Type"), Some("Application"));
    assert_eq!(get("Name"), Some("Twin Studio"));
    assert_eq!(get("Exec"), Some("twin-studio %F"));
    assert_eq!(get("Icon"), Some("twin-studio"));
    assert_eq!(get("Terminal"), Some("false"));
    assert_eq!(
        get("StartupWMClass"),
        Some("twin-studio"),
        "the app id of the window"
    );
    let list = |key: &str| -> Vec<String> {
        let value = get(key).unwrap_or_else(|| panic!("{key} is missing"));
        assert!(value.ends_with(';'), "{key} lists end with ';'");
        value.split_terminator(';').map(str::to_owned).collect()
    };
    assert!(list("Categories").contains(&"Office".to_owned()));
    assert_eq!(list("MimeType"), [MIME_TYPE]);

    // The reference validator, where the machine has it (Debian: desktop-file-utils).
    match Command::new("desktop-file-validate").arg(&path).output() {
        Ok(out) => assert!(
            out.status.success() && out.stdout.is_empty(),
            "desktop-file-validate: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) => eprintln!("desktop-file-validate not run ({e}); the parser above checked it"),
    }
}

#[test]
fn the_studio_command_line_takes_every_file_a_launcher_passes() {
    // `Exec=twin-studio %F` passes all selected files; verbs still win over paths.
    let cli = Cli::try_parse_from(["twin-studio", "a.twin.json", "b dir/c.twin.json"])
        .expect("several paths parse");
    assert!(cli.verb.is_none());
    assert_eq!(
        cli.paths,
        [
            PathBuf::from("a.twin.json"),
            PathBuf::from("b dir/c.twin.json")
        ]
    );
    let cli = Cli::try_parse_from(["twin-studio"]).expect("no path parses");
    assert!(cli.paths.is_empty());
    let cli = Cli::try_parse_from(["twin-studio", "schema"]).expect("a verb parses");
    assert!(cli.verb.is_some() && cli.paths.is_empty());
}

/// Shell-style `*` matching, the only wildcard the MIME glob uses.
fn glob_matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((prefix, rest)) => {
            name.starts_with(prefix)
                && (0..=name.len() - prefix.len()).any(|skip| {
                    name.is_char_boundary(prefix.len() + skip)
                        && glob_matches(rest, &name[prefix.len() + skip..])
                })
        }
    }
}

#[test]
fn mime_definition_is_well_formed_and_claims_twin_json_files() {
    let xml = read("assets/linux/twin-studio.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the MIME XML is well-formed");
    let ns = "http://www.freedesktop.org/standards/shared-mime-info";
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "mime-info");
    assert_eq!(root.tag_name().namespace(), Some(ns));
    let types: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name((ns, "mime-type")))
        .collect();
    assert_eq!(types.len(), 1);
    let ty = types[0];
    assert_eq!(ty.attribute("type"), Some(MIME_TYPE));
    let child_attr = |tag: &str, attr: &str| -> Vec<&str> {
        ty.children()
            .filter(|n| n.has_tag_name((ns, tag)))
            .filter_map(|n| n.attribute(attr))
            .collect()
    };
    assert_eq!(child_attr("icon", "name"), ["twin-studio"]);
    assert_eq!(child_attr("sub-class-of", "type"), ["application/json"]);
    let globs = child_attr("glob", "pattern");
    assert_eq!(globs, ["*.twin.json"]);
    for sample in std::fs::read_dir(support::samples_folder()).expect("samples") {
        let name = sample.expect("entry").file_name();
        let name = name.to_string_lossy();
        assert!(glob_matches(globs[0], &name), "{name} is not matched");
    }
    for other in ["twin.json.bak", "profile.json", "x.twin.jsonl", "twin.json"] {
        assert!(!glob_matches(globs[0], other), "{other} must not match");
    }

    // shared-mime-info's own compiler, where installed, must accept it and index the glob.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("packages")).expect("mkdir");
    std::fs::copy(
        repo("assets/linux/twin-studio.xml"),
        dir.path().join("packages/twin-studio.xml"),
    )
    .expect("copy");
    match Command::new("update-mime-database")
        .arg(dir.path())
        .output()
    {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let globs2 = std::fs::read_to_string(dir.path().join("globs2")).expect("globs2");
            assert!(
                globs2.contains(&format!("{MIME_TYPE}:*.twin.json")),
                "{globs2}"
            );
        }
        Err(e) => eprintln!("update-mime-database not run ({e}); roxmltree checked it"),
    }
}

#[test]
fn appstream_metadata_names_the_desktop_entry_and_the_mime_type() {
    let xml = read("assets/linux/twin-studio.metainfo.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the metainfo XML is well-formed");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "component");
    assert_eq!(root.attribute("type"), Some("desktop-application"));
    let text = |tag: &str| -> Vec<&str> {
        root.descendants()
            .filter(|n| n.has_tag_name(tag))
            .filter_map(|n| n.text())
            .collect()
    };
    assert_eq!(text("launchable"), ["twin-studio.desktop"]);
    assert_eq!(text("mediatype"), [MIME_TYPE]);
    assert_eq!(text("binary"), ["twin-studio"]);
    assert_eq!(text("project_license"), [env!("CARGO_PKG_LICENSE")]);
}

/// The clap definition with the plain package version, so the generated files do not change with
/// every commit (`--version` itself also names the commit).
fn cli_definition() -> clap::Command {
    Cli::command().version(env!("CARGO_PKG_VERSION"))
}

#[test]
fn man_pages_are_generated_from_the_command_line_definition() {
    let dir = tempfile::tempdir().expect("tempdir");
    clap_mangen::generate_to(cli_definition(), dir.path()).expect("render man pages");
    let mut fresh: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    fresh.sort();
    let verbs: Vec<String> = cli_definition()
        .get_subcommands()
        .map(|s| format!("twin-studio-{}.1", s.get_name()))
        .collect();
    assert!(fresh.contains(&"twin-studio.1".to_owned()));
    for verb in &verbs {
        assert!(fresh.contains(verb), "{verb} missing from {fresh:?}");
    }
    let man_dir = repo("assets/man");
    for name in &fresh {
        let page = std::fs::read(dir.path().join(name)).expect("page");
        assert!(page.starts_with(b".ie \\n(.g .ds Aq"), "{name} is roff");
        check_generated(&man_dir.join(name), &page);
    }
    // No page for a verb that no longer exists.
    for entry in std::fs::read_dir(&man_dir).expect("assets/man") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !fresh.contains(&name) {
            if blessing() {
                std::fs::remove_file(man_dir.join(&name)).expect("remove stale page");
            } else {
                panic!(
                    "assets/man/{name} is stale: run `TWIN_STUDIO_BLESS=1 cargo test --test it packaging`"
                );
            }
        }
    }
    let main_page = read("assets/man/twin-studio.1");
    assert!(main_page.contains(&format!("twin-studio {}", env!("CARGO_PKG_VERSION"))));
    assert!(main_page.contains("twin\\-studio\\-export(1)"));
}

#[test]
fn completions_for_bash_zsh_fish_and_powershell_are_generated() {
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
        let mut fresh = Vec::new();
        clap_complete::generate(shell, &mut cli_definition(), "twin-studio", &mut fresh);
        let text = String::from_utf8(fresh.clone()).expect("UTF-8");
        for verb in cli_definition().get_subcommands() {
            assert!(
                text.contains(verb.get_name()),
                "{shell}: {}",
                verb.get_name()
            );
        }
        assert!(
            text.contains("format"),
            "{shell} completes export's options"
        );
        let path = repo("assets/completions").join(shell.file_name("twin-studio"));
        check_generated(&path, &fresh);
    }
}

#[test]
fn version_names_the_release_and_the_commit() {
    let out = Command::new(env!("CARGO_BIN_EXE_twin-studio"))
        .arg("--version")
        .output()
        .expect("run twin-studio --version");
    assert!(out.status.success());
    let line = String::from_utf8(out.stdout).expect("UTF-8");
    let prefix = format!("twin-studio {} (commit ", env!("CARGO_PKG_VERSION"));
    let commit = line
        .trim_end()
        .strip_prefix(&prefix)
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_else(|| panic!("unexpected --version: {line:?}"));
    let head = Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    match head {
        Some(head) => assert_eq!(commit, head, "the build script saw another HEAD"),
        None => assert!(commit == "unknown" || commit.len() >= 7, "{commit}"),
    }
}

/// Files matching a cargo-deb or cargo-packager source pattern (`*` within one path component).
fn matching_files(pattern: &str) -> Vec<PathBuf> {
    let mut found = vec![repo("")];
    for component in pattern.split('/') {
        found = found
            .into_iter()
            .flat_map(|dir| {
                if !component.contains('*') {
                    return vec![dir.join(component)];
                }
                std::fs::read_dir(&dir)
                    .map(|entries| {
                        entries
                            .filter_map(Result::ok)
                            .filter(|e| glob_matches(component, &e.file_name().to_string_lossy()))
                            .map(|e| e.path())
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .filter(|p| p.exists())
            .collect();
    }
    found
}

#[test]
fn package_metadata_names_files_that_exist() {
    let manifest: toml::Table = read("Cargo.toml").parse().expect("Cargo.toml parses");
    let metadata = &manifest["package"]["metadata"];
    let deb = &metadata["deb"];
    let assets = deb["assets"].as_array().expect("deb assets");
    let mut dests = Vec::new();
    for asset in assets {
        let pair = asset.as_array().expect("[source, dest, mode]");
        let source = pair[0].as_str().expect("source");
        dests.push(pair[1].as_str().expect("dest").to_owned());
        if source.starts_with("target/release/") {
            continue; // built by cargo deb itself
        }
        assert!(
            !matching_files(source).is_empty(),
            "deb asset {source} matches no file"
        );
    }
    for needed in [
        "usr/share/applications/",
        "usr/share/mime/packages/",
        "usr/share/man/man1/",
        "usr/share/twin-studio/samples/",
        "usr/share/bash-completion/completions/twin-studio",
        "usr/share/zsh/vendor-completions/",
        "usr/share/fish/vendor_completions.d/",
    ] {
        assert!(
            dests.iter().any(|d| d == needed),
            "nothing goes to {needed}"
        );
    }
    let depends = deb["depends"].as_str().expect("depends");
    for lib in [
        "$auto",
        "libgl1",
        "libegl1",
        "libxkbcommon0",
        "libwayland-client0",
    ] {
        assert!(depends.contains(lib), "Depends lacks {lib}");
    }
    assert!(
        deb["recommends"]
            .as_str()
            .expect("recommends")
            .contains("zenity")
    );

    let packager = &metadata["packager"];
    for icon in packager["icons"].as_array().expect("packager icons") {
        let icon = icon.as_str().expect("path");
        assert!(repo(icon).is_file(), "packager icon {icon} is missing");
    }
    for resource in packager["resources"].as_array().expect("resources") {
        let src = resource["src"].as_str().expect("src");
        assert!(
            !matching_files(src).is_empty(),
            "resource {src} matches no file"
        );
    }
    let association = &packager["fileAssociations"][0];
    assert_eq!(association["extensions"][0].as_str(), Some("twin.json"));
    assert_eq!(association["mimeType"].as_str(), Some(MIME_TYPE));
}
