//! Internet-shortcut files (`.url`, `.webloc`, `.desktop`) dropped on the studio: what a browser
//! or desktop makes when a link is dragged out. Reads them (small files only) and gives the URL.

use std::path::Path;

use crate::model::url_from_shortcut;

/// Shortcut files larger than this are not links.
const MAX_LINK_BYTES: u64 = 64 * 1024;

/// Whether the file's name says it is an internet shortcut (a dropped link, not a twin).
pub fn is_link_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["url", "webloc", "desktop"].contains(&e.to_ascii_lowercase().as_str()))
}

/// The web address in a dropped shortcut file, or why there is none (naming the file).
pub fn read_link_file(path: &Path) -> Result<String, String> {
    let name = path.display();
    let size = std::fs::metadata(path)
        .map_err(|e| format!("{name}: cannot read the dropped link ({e})"))?
        .len();
    if size > MAX_LINK_BYTES {
        return Err(format!(
            "{name}: {size} bytes is too large for a link file (at most {MAX_LINK_BYTES})"
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("{name}: cannot read the dropped link ({e})"))?;
    let text = String::from_utf8_lossy(&bytes);
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    url_from_shortcut(&file_name, &text)
        .ok_or_else(|| format!("{name}: no http(s) address found in the dropped link"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_dropped_windows_shortcut() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("Ele.me.url");
        std::fs::write(&path, "[InternetShortcut]\r\nURL=https://www.ele.me/\r\n").expect("write");
        assert!(is_link_file(&path));
        assert_eq!(read_link_file(&path).as_deref(), Ok("https://www.ele.me/"));
        let bad = dir.path().join("x.desktop");
        std::fs::write(&bad, "[Desktop Entry]\nType=Application\nExec=sh\n").expect("write");
        assert!(read_link_file(&bad).is_err_and(|e| e.contains("x.desktop")));
        assert!(!is_link_file(Path::new("a.twin.json")));
    }
}
