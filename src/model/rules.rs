//! The small rules validation applies field by field: size limits, the shapes of ids, URLs,
//! dates and colours (also published as JSON Schema patterns), the calendar year, and which
//! control characters a text may hold.

use std::time::{SystemTime, UNIX_EPOCH};

/// Size limits that keep hostile files from freezing the studio or bloating reports.
pub mod limits {
    /// Names, titles, units, regions.
    pub const NAME_CHARS: usize = 200;
    /// Claims, descriptions, lessons, notes.
    pub const TEXT_CHARS: usize = 20_000;
    /// Any list (evidence, moves, metrics...).
    pub const LIST_ITEMS: usize = 1_000;
    /// Pillars in a framework.
    pub const PILLARS: usize = 24;
    /// Earliest year a founding, move or source may carry.
    pub const FIRST_YEAR: i32 = 1800;
    /// The latest year the published schema admits; the studio itself refuses years after next
    /// year, which a fixed schema cannot express.
    pub const SCHEMA_LAST_YEAR: i32 = 2100;
    /// Largest metric value: beyond it, figures are better written in a larger unit, and every
    /// whole number up to it is kept exactly.
    pub const METRIC_ABS: f64 = 1e15;
    /// Longest time a rehearsal may record on one slide: a day.
    pub const REHEARSAL_SECS: f64 = 86_400.0;
}

/// The shapes validation enforces, as ECMA-262 regular expressions for the published JSON
/// Schema, so third-party validators refuse what the studio refuses.
pub mod patterns {
    /// A required name or claim: at least one character that is not white space.
    pub const REQUIRED: &str = r"\S";
    /// `#RRGGBB`.
    pub const HEX_COLOUR: &str = "^#[0-9A-Fa-f]{6}$";
    /// A twin id: 1 to 80 lowercase letters, digits, `-` or `_`.
    pub const TWIN_ID: &str = "^[a-z0-9_-]{1,80}$";
    /// A pillar id: 1 to 40 lowercase letters, digits or `_`.
    pub const PILLAR_ID: &str = "^[a-z0-9_]{1,40}$";
    /// http, https or mailto, after optional spaces, with no control character anywhere.
    pub const SAFE_URL: &str = "^[^\\S\\u0000-\\u001F\\u007F-\\u009F]*(?:[Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)[^\\u0000-\\u001F\\u007F-\\u009F]*$";
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, from the year 1800 on.
    pub const DATE: &str =
        "^(?:1[89][0-9]{2}|[2-9][0-9]{3})(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$";
}

/// The current calendar year (UTC), for the upper bound on years.
pub fn current_year() -> i32 {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_year_from_days((secs / 86_400) as i64)
}

/// Howard Hinnant's days-to-civil algorithm, year part only.
pub(super) fn civil_year_from_days(days: i64) -> i32 {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    i32::try_from(year).unwrap_or(i32::MAX)
}

/// Only these schemes become links in reports; everything else could run code or leak data.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        && !url.chars().any(char::is_control)
}

pub(super) fn is_twin_id(id: &str) -> bool {
    (1..=80).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

pub(super) fn is_pillar_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

pub(super) fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// A date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as sources and `as_of` carry them.
/// Missing parts stay `None` so callers choose whether "2021" means its first or its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses a well-formed date; `None` for anything [`Twin::validate`] would reject.
    pub fn parse(s: &str) -> Option<Self> {
        if !is_valid_date(s, i32::MAX) {
            return None;
        }
        let mut parts = s.split('-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next().and_then(|p| p.parse().ok());
        let day = parts.next().and_then(|p| p.parse().ok());
        Some(Self { year, month, day })
    }

    /// The last day the date could mean, as (year, month, day): "2021" is still current on
    /// 2021-12-31, so staleness is measured from there.
    pub fn latest(self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
}

pub(super) fn is_valid_date(s: &str, max_year: i32) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let ok_shape = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    if !ok_shape {
        return false;
    }
    let num = |i: usize| parts.get(i).and_then(|p| p.parse::<i32>().ok());
    let year_ok = num(0).is_some_and(|y| (limits::FIRST_YEAR..=max_year).contains(&y));
    let month_ok = num(1).is_none_or(|m| (1..=12).contains(&m));
    let day_ok = num(2).is_none_or(|d| (1..=31).contains(&d));
    year_ok && month_ok && day_ok
}

/// Cuts hostile text down for quoting in a message, control characters escaped.
pub(super) fn truncate(s: &str, max_chars: usize) -> String {
    super::cut(s, max_chars)
}

/// The first control character a field may not hold, with its position (in characters), so the
/// message can say which and where. Multi-line fields may hold tabs and line feeds.
pub(super) fn forbidden_control(value: &str, multi_line: bool) -> Option<(usize, char)> {
    // Every control character is below 0x20, 0x7F, or U+0080-U+009F (encoded 0xC2 0x80-0x9F):
    // text without those bytes is checked in one pass over bytes, as nearly all text is.
    if !value.bytes().any(|b| b < 0x20 || b == 0x7F || b == 0xC2) {
        return None;
    }
    value
        .chars()
        .enumerate()
        .find(|&(_, c)| c.is_control() && !(multi_line && matches!(c, '\t' | '\n')))
}

/// A control character's common name, for the message.
pub(super) fn control_name(c: char) -> &'static str {
    match c {
        '\u{1b}' => "an escape character (ESC)",
        '\r' => "a carriage return (CR)",
        '\u{7}' => "a bell character (BEL)",
        '\n' => "a line break",
        '\t' => "a tab",
        '\0' => "a NUL character",
        '\u{8}' => "a backspace",
        _ => "a control character",
    }
}
