//! What serde cannot see once a twin is parsed: a key written twice in one object (serde keeps
//! one copy of a map key and `fmt` would drop the other) and a number the model cannot hold
//! exactly (`fmt` would rewrite `99999999999999999999999999` as `1e26`). One pass over text that
//! already parsed as JSON finds both, with the line and column to fix.

use std::borrow::Cow;

use crate::model::cut;

/// A literal that would not survive a load and save unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralProblem {
    /// Byte offset of the key or number in the file.
    pub offset: usize,
    /// Field path of the object holding the key, or of the number (`west.scores`).
    pub field: String,
    pub message: String,
}

/// Significant digits any decimal number keeps through an f64 and back.
const EXACT_DIGITS: usize = 15;

/// Finds the first duplicate key or number that cannot be kept exactly; `bytes` must already be
/// valid JSON (serde has parsed it), so the scanner does not re-check syntax.
pub fn check_literals(bytes: &[u8]) -> Option<LiteralProblem> {
    let mut scanner = Scanner {
        bytes,
        at: 0,
        path: Vec::new(),
        keys: Vec::new(),
    };
    scanner.value().err()
}

enum Segment<'a> {
    Key(Cow<'a, [u8]>),
    Index(usize),
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    path: Vec<Segment<'a>>,
    /// The keys of every object being scanned, innermost last, with where each was written:
    /// one stack shared by all objects instead of a list allocated per object.
    keys: Vec<(Cow<'a, [u8]>, usize)>,
}

type Scan<T = ()> = Result<T, LiteralProblem>;

impl<'a> Scanner<'a> {
    fn peek(&self) -> u8 {
        self.bytes.get(self.at).copied().unwrap_or(0)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), b' ' | b'\n' | b'\r' | b'\t') {
            self.at += 1;
        }
    }

    /// serde_json limits nesting to 128 levels, so recursion here is bounded too.
    fn value(&mut self) -> Scan {
        self.skip_ws();
        match self.peek() {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' => {
                self.string();
                Ok(())
            }
            b'-' | b'0'..=b'9' => self.number(),
            0 => Ok(()),
            _ => {
                while self.peek().is_ascii_alphabetic() {
                    self.at += 1;
                }
                Ok(())
            }
        }
    }

    /// Skips a string starting at the opening quote; returns its raw content.
    fn string(&mut self) -> &'a [u8] {
        self.at += 1;
        let start = self.at;
        // Jump from one quote or backslash to the next: most of a twin is long prose.
        while let Some(i) = self
            .bytes
            .get(self.at..)
            .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
        {
            self.at += i;
            if self.bytes[self.at] == b'"' {
                break;
            }
            self.at += 2;
        }
        if self.bytes.get(self.at) != Some(&b'"') {
            self.at = self.bytes.len();
        }
        let end = self.at.min(self.bytes.len());
        self.at = end + 1;
        &self.bytes[start..end]
    }

    fn object(&mut self) -> Scan {
        let base = self.keys.len();
        let result = self.object_keys(base);
        self.keys.truncate(base);
        result
    }

    /// The members of an object whose keys go on the stack from `base`.
    fn object_keys(&mut self, base: usize) -> Scan {
        self.at += 1;
        // Objects hold a handful of keys; a linear search beats hashing until they grow.
        let mut index: Option<std::collections::HashMap<Cow<'a, [u8]>, usize>> = None;
        loop {
            self.skip_ws();
            match self.peek() {
                b'}' | 0 => {
                    self.at += 1;
                    return Ok(());
                }
                b',' => {
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            let offset = self.at;
            let raw = self.string();
            let key = unescape(raw);
            let first = match &mut index {
                Some(map) => map.get(&key).copied(),
                None => self.keys[base..]
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|&(_, at)| at),
            };
            if let Some(first) = first {
                let (line, _) = super::file::position_of(self.bytes, first);
                return Err(LiteralProblem {
                    offset,
                    field: self.field(),
                    message: format!(
                        "the key \"{}\" is written twice in this object (first on line {line}): \
                         keep one of them",
                        cut(&String::from_utf8_lossy(&key), 60)
                    ),
                });
            }
            match &mut index {
                Some(map) => {
                    map.insert(key.clone(), offset);
                }
                None if self.keys.len() - base >= 32 => {
                    let mut map: std::collections::HashMap<_, _> =
                        self.keys.drain(base..).collect();
                    map.insert(key.clone(), offset);
                    index = Some(map);
                }
                None => self.keys.push((key.clone(), offset)),
            }
            self.skip_ws();
            self.at += 1; // the colon
            self.path.push(Segment::Key(key));
            let result = self.value();
            self.path.pop();
            result?;
        }
    }

    fn array(&mut self) -> Scan {
        self.at += 1;
        let mut i = 0usize;
        loop {
            self.skip_ws();
            match self.peek() {
                b']' | 0 => {
                    self.at += 1;
                    return Ok(());
                }
                b',' => {
                    self.at += 1;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            self.path.push(Segment::Index(i));
            let result = self.value();
            self.path.pop();
            result?;
        }
    }

    fn number(&mut self) -> Scan {
        let start = self.at;
        while matches!(self.peek(), b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
            self.at += 1;
        }
        let literal = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or("");
        if let Some(kept) = changed_by_f64(literal) {
            return Err(LiteralProblem {
                offset: start,
                field: self.field(),
                message: format!(
                    "the number {} cannot be kept exactly (it would be saved as {kept}): write \
                     it with at most {EXACT_DIGITS} significant digits",
                    cut(literal, 40)
                ),
            });
        }
        Ok(())
    }

    fn field(&self) -> String {
        let mut out = String::new();
        for segment in &self.path {
            match segment {
                Segment::Key(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(&cut(&String::from_utf8_lossy(key), 40));
                }
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

/// A key as text compares: `"b\u0061se"` and `"base"` are the same key.
fn unescape(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'\\') {
        return Cow::Borrowed(raw);
    }
    let mut quoted = Vec::with_capacity(raw.len() + 2);
    quoted.push(b'"');
    quoted.extend_from_slice(raw);
    quoted.push(b'"');
    match serde_json::from_slice::<String>(&quoted) {
        Ok(text) => Cow::Owned(text.into_bytes()),
        Err(_) => Cow::Borrowed(raw),
    }
}

/// When an f64 cannot hold the number this literal means, what it would become instead.
fn changed_by_f64(literal: &str) -> Option<String> {
    // Common case: few digits, no exponent; such decimals always survive an f64 round trip.
    let digits = literal.bytes().filter(u8::is_ascii_digit).count();
    let plain = !literal.bytes().any(|b| matches!(b, b'e' | b'E'));
    if plain && digits <= EXACT_DIGITS {
        return None;
    }
    let value: f64 = literal.parse().ok()?;
    let kept = format!("{value:e}");
    (decimal(literal) != decimal(&kept)).then(|| {
        // Show it as serde would write it.
        serde_json::to_string(&value).unwrap_or(kept)
    })
}

/// A decimal literal as (negative, significant digits, exponent of the last digit), so `7.50`,
/// `7.5` and `75e-1` compare equal.
fn decimal(literal: &str) -> (bool, String, i64) {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: String = format!("{int}{frac}");
    let mut exponent = exponent - frac.len() as i64;
    let trimmed = digits.trim_start_matches('0').len();
    digits.drain(..digits.len() - trimmed);
    while digits.ends_with('0') {
        digits.pop();
        exponent += 1;
    }
    if digits.is_empty() {
        return (false, digits, 0);
    }
    (negative, digits, exponent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_found_with_their_place() {
        let text = br#"{"west": {"scores": {"base": 1, "b\u0061se": 2}}}"#;
        let problem = check_literals(text).expect("duplicate");
        assert_eq!(problem.field, "west.scores");
        assert!(problem.message.contains("\"base\""), "{}", problem.message);
        assert_eq!(&text[problem.offset..problem.offset + 4], b"\"b\\u");
        assert_eq!(check_literals(br#"{"a": {"x": 1}, "b": {"x": 1}}"#), None);
    }

    #[test]
    fn duplicate_keys_in_big_objects_and_arrays() {
        let mut text = String::from("{\"list\": [1, {");
        for i in 0..100 {
            text.push_str(&format!("\"k{i}\": {i},"));
        }
        text.push_str("\"k7\": 0}]}");
        let problem = check_literals(text.as_bytes()).expect("duplicate");
        assert_eq!(problem.field, "list[1]");
        assert!(problem.message.contains("\"k7\""));
    }

    #[test]
    fn numbers_that_an_f64_changes_are_found() {
        for bad in ["99999999999999999999999999", "10.000000000000001", "1e400"] {
            let text = format!("{{\"v\": {bad}}}");
            let problem = check_literals(text.as_bytes());
            if bad != "1e400" {
                let problem = problem.expect(bad);
                assert_eq!(problem.field, "v");
                assert!(problem.message.contains(bad), "{}", problem.message);
            }
        }
        for good in [
            "7.5",
            "7.50",
            "75e-1",
            "0.30000000000000004",
            "-0.0",
            "123456789012345678",
            "1e26",
            "2024",
            "0.1",
        ] {
            let text = format!("{{\"v\": {good}}}");
            let result = check_literals(text.as_bytes());
            if good == "123456789012345678" {
                assert!(result.is_some(), "{good} is not exact in an f64");
            } else {
                assert_eq!(result, None, "{good}");
            }
        }
    }

    #[test]
    fn strings_with_braces_and_escaped_quotes_are_skipped() {
        let text = br#"{"a": "}{\"a\": 1", "b": ["x", "\\"], "c": 1}"#;
        assert_eq!(check_literals(text), None);
    }
}
