//! Evidence from pasted or dropped text: a URL becomes a source, a list of lines becomes one
//! evidence item per line, an internet-shortcut file dropped from a browser becomes its URL.
//! Pure text rules; the studio decides where the result goes.

use super::{Evidence, Source, is_safe_url};

/// What a paste holds, as far as evidence is concerned.
#[derive(Debug, Clone, PartialEq)]
pub enum Pasted {
    /// One web address and nothing else.
    Url(String),
    /// Two or more non-empty lines (bullets and numbering removed).
    Lines(Vec<String>),
    /// Anything else: plain text for the field that has focus.
    Text,
}

/// Longest paste turned into items; longer pastes stay plain text rather than flooding the list.
const MAX_LINES: usize = 200;

/// Sorts pasted text into a URL, a list of lines or plain text.
pub fn classify(text: &str) -> Pasted {
    let trimmed = text.trim();
    if is_web_url(trimmed) {
        return Pasted::Url(trimmed.to_owned());
    }
    let lines: Vec<String> = text
        .lines()
        .map(strip_bullet)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if (2..=MAX_LINES).contains(&lines.len()) {
        Pasted::Lines(lines)
    } else {
        Pasted::Text
    }
}

/// An http(s) address without spaces: what a browser's address bar copies.
fn is_web_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && text.len() > "https://".len()
        && !text.chars().any(char::is_whitespace)
        && is_safe_url(text)
}

/// Removes list markers ("- ", "* ", "• ", "1. ", "2) ") and surrounding space.
fn strip_bullet(line: &str) -> &str {
    let line = line.trim();
    for bullet in ["- ", "* ", "• ", "– "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return rest.trim();
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return rest.trim();
        }
    }
    line
}

/// A source for a URL, titled with its host until the user names it.
pub fn source_from_url(url: &str) -> Source {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .trim_start_matches("www.");
    Source {
        title: if host.is_empty() {
            url.to_owned()
        } else {
            host.to_owned()
        },
        url: Some(url.to_owned()),
        date: None,
    }
}

/// One evidence item from one pasted line: a bare URL becomes the source, "claim URL" becomes
/// both (the URL at the end of the line is split off), anything else is the claim.
pub fn evidence_from_line(line: &str) -> Evidence {
    let line = line.trim();
    if is_web_url(line) {
        return Evidence {
            claim: String::new(),
            source: Some(source_from_url(line)),
        };
    }
    if let Some((claim, last)) = line.rsplit_once(char::is_whitespace)
        && is_web_url(last)
    {
        let claim = claim
            .trim_end_matches([' ', '-', '–', '—', ':', '('])
            .trim();
        return Evidence {
            claim: claim.to_owned(),
            source: Some(source_from_url(last)),
        };
    }
    Evidence {
        claim: line.to_owned(),
        source: None,
    }
}

/// Applies a paste aimed at the claim of item `at` of an evidence list; returns whether the list
/// changed (when not, the paste is ordinary text for the claim field).
///
/// A URL fills the item's source when it has no URL yet. Lines fill an empty item and add the
/// rest right after it, one item per line.
pub fn paste_into_evidence(list: &mut Vec<Evidence>, at: usize, pasted: &Pasted) -> bool {
    let Some(item) = list.get_mut(at) else {
        return false;
    };
    match pasted {
        Pasted::Url(url) => {
            let has_url = item
                .source
                .as_ref()
                .is_some_and(|s| s.url.as_deref().is_some_and(|u| !u.trim().is_empty()));
            if has_url {
                return false;
            }
            match &mut item.source {
                Some(source) => {
                    source.url = Some(url.clone());
                    if source.title.trim().is_empty() {
                        source.title = source_from_url(url).title;
                    }
                }
                None => item.source = Some(source_from_url(url)),
            }
            true
        }
        Pasted::Lines(lines) if item.claim.trim().is_empty() => {
            let mut items = lines.iter().map(|l| evidence_from_line(l));
            if let Some(first) = items.next() {
                let keep_source = first.source.is_none() && item.source.is_some();
                let source = if keep_source {
                    item.source.take()
                } else {
                    first.source
                };
                *item = Evidence {
                    claim: first.claim,
                    source,
                };
            }
            let rest: Vec<Evidence> = items.collect();
            let insert_at = at + 1;
            list.splice(insert_at..insert_at, rest);
            true
        }
        Pasted::Lines(_) | Pasted::Text => false,
    }
}

/// The web address inside an internet-shortcut file a browser or desktop made when a link was
/// dragged out: Windows `.url` (`URL=`), freedesktop `.desktop` (`URL=` of a `Type=Link`) or
/// macOS `.webloc` (a plist `<string>`). `None` for any other file.
pub fn url_from_shortcut(file_name: &str, contents: &str) -> Option<String> {
    let lower = file_name.to_ascii_lowercase();
    let url = if lower.ends_with(".url") || lower.ends_with(".desktop") {
        contents
            .lines()
            .find_map(|l| l.trim().strip_prefix("URL="))
            .map(str::trim)
    } else if lower.ends_with(".webloc") {
        contents
            .split("<string>")
            .nth(1)
            .and_then(|s| s.split("</string>").next())
            .map(str::trim)
    } else {
        None
    }?;
    is_web_url(url).then(|| url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_urls_lines_and_text() {
        assert_eq!(
            classify("  https://www.tencent.com/en-us/about.html \n"),
            Pasted::Url("https://www.tencent.com/en-us/about.html".into())
        );
        assert_eq!(
            classify("- WeChat launched in 2011\n\n2. Mini programs in 2017\n"),
            Pasted::Lines(vec![
                "WeChat launched in 2011".into(),
                "Mini programs in 2017".into()
            ])
        );
        assert_eq!(classify("one claim"), Pasted::Text);
        assert_eq!(classify("javascript:alert(1)"), Pasted::Text);
        assert_eq!(classify("https://a b"), Pasted::Text);
        assert_eq!(classify(&"x\n".repeat(MAX_LINES + 1)), Pasted::Text);
    }

    #[test]
    fn a_url_fills_the_source_of_a_new_item_only() {
        let mut list = vec![Evidence::default()];
        let url = Pasted::Url("https://www.alibabagroup.com/en-US/about".into());
        assert!(paste_into_evidence(&mut list, 0, &url));
        let source = list[0].source.clone().expect("source");
        assert_eq!(source.title, "alibabagroup.com");
        assert_eq!(
            source.url.as_deref(),
            Some("https://www.alibabagroup.com/en-US/about")
        );
        assert!(!paste_into_evidence(&mut list, 0, &url), "URL already set");
        assert!(!paste_into_evidence(&mut list, 3, &url), "no such item");
    }

    #[test]
    fn lines_become_one_item_each_after_the_target() {
        let mut list = vec![
            Evidence {
                claim: "kept".into(),
                source: None,
            },
            Evidence::default(),
            Evidence {
                claim: "last".into(),
                source: None,
            },
        ];
        let lines =
            classify("Taobao opened in 2003 https://example.com/taobao\nAlipay followed in 2004");
        assert!(paste_into_evidence(&mut list, 1, &lines));
        let claims: Vec<&str> = list.iter().map(|e| e.claim.as_str()).collect();
        assert_eq!(
            claims,
            [
                "kept",
                "Taobao opened in 2003",
                "Alipay followed in 2004",
                "last"
            ]
        );
        assert_eq!(
            list[1].source.as_ref().and_then(|s| s.url.as_deref()),
            Some("https://example.com/taobao")
        );
        assert!(
            !paste_into_evidence(&mut list, 0, &lines),
            "claim not empty"
        );
    }

    #[test]
    fn shortcut_files_give_their_url() {
        let url = url_from_shortcut(
            "Tencent.url",
            "[InternetShortcut]\r\nURL=https://www.tencent.com/\r\n",
        );
        assert_eq!(url.as_deref(), Some("https://www.tencent.com/"));
        let desktop = "[Desktop Entry]\nType=Link\nURL=https://example.org/a\n";
        assert!(url_from_shortcut("a.desktop", desktop).is_some());
        let webloc =
            "<plist><dict><key>URL</key><string>https://example.org/b</string></dict></plist>";
        assert_eq!(
            url_from_shortcut("b.webloc", webloc).as_deref(),
            Some("https://example.org/b")
        );
        assert_eq!(url_from_shortcut("x.url", "URL=file:///etc/passwd"), None);
        assert_eq!(url_from_shortcut("x.txt", "URL=https://example.org"), None);
    }
}
