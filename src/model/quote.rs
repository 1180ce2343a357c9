//! Quoting text that came from a file inside a message: a hostile file must not be able to flood
//! a terminal or the studio with megabytes, nor print fake lines or recolour the terminal with
//! control characters. Every message that echoes file content goes through here.

use std::borrow::Cow;
use std::fmt::Write;

/// Quoted values longer than this are cut in messages.
pub const QUOTE_CHARS: usize = 60;

/// Characters that move the cursor, ring the bell, start an escape sequence or reorder text when
/// printed: the C0 and C1 controls, DEL, and the Unicode bidirectional overrides.
pub fn is_unsafe_to_print(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The text with every unsafe character shown as an escape (`\r`, `\u{1b}`), so it prints as
/// plain visible text.
///
/// ```
/// use twin_studio::model::escape_controls;
/// assert_eq!(escape_controls("a\u{1b}[31mb\r"), "a\\u{1b}[31mb\\r");
/// ```
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_to_print) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_unsafe_to_print(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// At most `max_chars` of `text`, escaped, followed by how much was left out.
///
/// ```
/// use twin_studio::model::cut;
/// assert_eq!(cut("short", 10), "short");
/// assert_eq!(cut(&"x".repeat(100), 4), "xxxx… (96 more characters)");
/// ```
pub fn cut(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    for (kept, c) in chars.by_ref().enumerate() {
        if kept == max_chars {
            let rest = 1 + chars.count();
            let _ = write!(out, "… ({rest} more characters)");
            return out;
        }
        push_escaped(&mut out, c);
    }
    out
}

/// A message made safe to print: every quoted value (between backticks or double quotes) longer
/// than [`QUOTE_CHARS`] is cut with a count, any other run is capped too, and control characters
/// are escaped. Used on every message that may echo a file's content.
///
/// ```
/// use twin_studio::model::bounded;
/// let key = "k".repeat(3_000_000);
/// let message = bounded(&format!("unknown field `{key}`, expected `id`"));
/// assert!(message.len() < 200);
/// assert!(message.contains("(2999940 more characters)"));
/// ```
pub fn bounded(message: &str) -> String {
    /// Unquoted stretches (field paths, lists of expected names) are capped more loosely.
    const PLAIN_CHARS: usize = 400;
    let mut out = String::with_capacity(message.len().min(1024));
    let mut rest = message;
    while !rest.is_empty() {
        let open = rest.find(['`', '"']);
        let (plain, quoted) = match open {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        out.push_str(&cut(plain, PLAIN_CHARS));
        if quoted.is_empty() {
            break;
        }
        let delimiter = quoted.chars().next().unwrap_or('"');
        let inner = &quoted[1..];
        match inner.find(delimiter) {
            Some(end) => {
                out.push(delimiter);
                out.push_str(&cut(&inner[..end], QUOTE_CHARS));
                out.push(delimiter);
                rest = &inner[end + 1..];
            }
            None => {
                out.push(delimiter);
                out.push_str(&cut(inner, QUOTE_CHARS));
                rest = "";
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_tricks() {
        let fake = "x\r\u{1b}[2Kok other.twin.json\u{7}";
        let shown = escape_controls(fake);
        assert!(!shown.chars().any(is_unsafe_to_print), "{shown}");
        assert_eq!(shown, "x\\r\\u{1b}[2Kok other.twin.json\\u{7}");
        assert_eq!(escape_controls("\u{202E}abc"), "\\u{202e}abc");
        assert!(matches!(
            escape_controls("plain 阿里巴巴"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn bounded_cuts_each_quoted_value_and_keeps_the_rest() {
        let long = "a".repeat(500);
        let message = bounded(&format!("field `{long}` and \"{long}\" is bad"));
        assert_eq!(message.matches("(440 more characters)").count(), 2);
        assert!(message.ends_with(" is bad"));
        assert!(message.len() < 250, "{message}");
        // An unclosed quote is cut too.
        assert!(bounded(&format!("x `{long}")).len() < 120);
        // Short messages pass unchanged.
        assert_eq!(bounded("unknown field `x`"), "unknown field `x`");
    }

    #[test]
    fn cut_counts_characters_not_bytes() {
        assert_eq!(cut("阿里巴巴集团", 2), "阿里… (4 more characters)");
        assert_eq!(cut("ab\u{1b}", 3), "ab\\u{1b}");
    }
}
