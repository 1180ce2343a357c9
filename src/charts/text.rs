//! Text measured with the bundled fonts, in the units charts are laid out in: label boxes, the
//! baseline inside a box, and shortening to a width. Every renderer sets text in the same fonts,
//! so a box measured here is the box drawn there.

use crate::assets::text_width;

/// Box height as a multiple of the font size: from accent height (0.9 em above the baseline) to
/// the descenders (0.25 em below), the ink of Noto Sans in every bundled script.
const LINE_BOX: f64 = 1.15;
/// Baseline below the top of the box, as a multiple of the font size.
const BASELINE: f64 = 0.9;

/// Width of `text` at `size`.
pub fn width(text: &str, size: f64) -> f64 {
    f64::from(text_width(text, size as f32))
}

/// Width and height of a one-line label.
pub fn label_box(text: &str, size: f64) -> [f64; 2] {
    [width(text, size), size * LINE_BOX]
}

/// Where the baseline sits below the top of a label's box.
pub fn baseline_offset(size: f64) -> f64 {
    size * BASELINE
}

/// Cuts text to fit `max_width` at `size`, ending with an ellipsis when cut.
pub fn fit(text: &str, size: f64, max_width: f64) -> String {
    if width(text, size) <= max_width {
        return text.to_owned();
    }
    let budget = max_width - width("…", size);
    let mut out = String::new();
    let mut used = 0.0;
    for c in text.chars() {
        used += width(c.encode_utf8(&mut [0; 4]), size);
        if used > budget {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_shortens_only_what_is_too_wide() {
        assert_eq!(fit("short", 12.0, 200.0), "short");
        let cut = fit("Media & entertainment, games and reading", 12.0, 80.0);
        assert!(cut.ends_with('…'));
        assert!(width(&cut, 12.0) <= 80.5, "{cut}");
        let [w, h] = label_box("Amazon", 10.0);
        assert!(w > 20.0 && (h - 11.5).abs() < 1e-9);
    }
}
