//! Projector-safe colour: WCAG contrast ratios, and brand colours moved in OKLCH lightness (hue
//! and chroma kept as far as the sRGB gamut allows) until text in them reads on the slide's
//! background. A washed-out projector loses contrast, so slide text is held to 4.5:1, body text
//! in the projector theme to 7:1.
//!
//! Minimal on purpose: the conversions are the published OKLab matrices (Björn Ottosson) and the
//! WCAG 2.x relative luminance formula.

use crate::charts::Rgb;

/// The least contrast any text on a slide may have (WCAG AA for normal text).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// The least contrast body text has in the projector theme (WCAG AAA).
pub const MIN_BODY_CONTRAST: f64 = 7.0;

fn to_linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn from_linear(c: f64) -> u8 {
    let c = c.clamp(0.0, 1.0);
    let s = if c <= 0.003_130_8 {
        c * 12.92
    } else {
        1.055 * c.powf(1.0 / 2.4) - 0.055
    };
    (s * 255.0).round().clamp(0.0, 255.0) as u8
}

/// WCAG relative luminance, 0 (black) to 1 (white).
pub fn luminance(c: Rgb) -> f64 {
    0.2126 * to_linear(c.0) + 0.7152 * to_linear(c.1) + 0.0722 * to_linear(c.2)
}

/// WCAG contrast ratio of two colours, 1 to 21.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// OKLCH: perceptual lightness 0-1, chroma, hue in radians.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Oklch {
    pub l: f64,
    pub c: f64,
    pub h: f64,
}

/// sRGB to OKLCH.
pub fn oklch(c: Rgb) -> Oklch {
    let (r, g, b) = (to_linear(c.0), to_linear(c.1), to_linear(c.2));
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    let ok_l = 0.210_454_255_3 * l + 0.793_617_785 * m - 0.004_072_046_8 * s;
    let ok_a = 1.977_998_495_1 * l - 2.428_592_205 * m + 0.450_593_709_9 * s;
    let ok_b = 0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766 * s;
    Oklch {
        l: ok_l,
        c: ok_a.hypot(ok_b),
        h: ok_b.atan2(ok_a),
    }
}

/// OKLCH to sRGB, and whether the colour was inside the sRGB gamut (else it is clipped).
fn to_rgb(c: Oklch) -> (Rgb, bool) {
    let (a, b) = (c.c * c.h.cos(), c.c * c.h.sin());
    let l = (c.l + 0.396_337_777_4 * a + 0.215_803_757_3 * b).powi(3);
    let m = (c.l - 0.105_561_345_8 * a - 0.063_854_172_8 * b).powi(3);
    let s = (c.l - 0.089_484_177_5 * a - 1.291_485_548 * b).powi(3);
    let r = 4.076_741_662_1 * l - 3.307_711_591_3 * m + 0.230_969_929_2 * s;
    let g = -1.268_438_004_6 * l + 2.609_757_401_1 * m - 0.341_319_396_5 * s;
    let bl = -0.004_196_086_3 * l - 0.703_418_614_7 * m + 1.707_614_701 * s;
    let inside = [r, g, bl].iter().all(|v| (-1e-4..=1.0001).contains(v));
    (Rgb(from_linear(r), from_linear(g), from_linear(bl)), inside)
}

/// The colour at OKLCH lightness `l` with `base`'s hue, its chroma reduced only as far as needed
/// to stay inside sRGB.
fn at_lightness(base: Oklch, l: f64) -> Rgb {
    let mut c = base.c;
    for _ in 0..24 {
        let (rgb, inside) = to_rgb(Oklch { l, c, h: base.h });
        if inside {
            return rgb;
        }
        c *= 0.85;
    }
    to_rgb(Oklch {
        l,
        c: 0.0,
        h: base.h,
    })
    .0
}

/// `colour` made readable on `background` with at least `ratio` contrast: returned unchanged if it
/// already is, else lightened (on a dark background) or darkened (on a light one) in OKLCH, by the
/// least amount that reaches the ratio, so the brand still reads as itself.
pub fn readable_on(colour: Rgb, background: Rgb, ratio: f64) -> Rgb {
    if contrast_ratio(colour, background) >= ratio {
        return colour;
    }
    let base = oklch(colour);
    let lighten = luminance(background) < 0.18;
    let (mut lo, mut hi) = if lighten {
        (base.l, 1.0)
    } else {
        (0.0, base.l)
    };
    // Binary search on lightness for the first value that reaches the ratio.
    for _ in 0..32 {
        let mid = (lo + hi) / 2.0;
        let ok = contrast_ratio(at_lightness(base, mid), background) >= ratio;
        match (lighten, ok) {
            (true, true) | (false, false) => hi = mid,
            (true, false) | (false, true) => lo = mid,
        }
    }
    let l = if lighten { hi } else { lo };
    let out = at_lightness(base, l);
    if contrast_ratio(out, background) >= ratio {
        out
    } else if lighten {
        Rgb(255, 255, 255)
    } else {
        Rgb(0, 0, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        assert!((contrast_ratio(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(Rgb(119, 119, 119), Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
        assert_eq!(contrast_ratio(Rgb(10, 20, 30), Rgb(10, 20, 30)), 1.0);
    }

    #[test]
    fn oklch_round_trips_and_knows_white() {
        let white = oklch(Rgb(255, 255, 255));
        assert!((white.l - 1.0).abs() < 1e-3 && white.c < 1e-3);
        for c in [
            Rgb(0, 114, 178),
            Rgb(213, 94, 0),
            Rgb(7, 193, 96),
            Rgb(18, 18, 18),
        ] {
            assert_eq!(to_rgb(oklch(c)).0, c);
        }
    }

    #[test]
    fn brand_colours_are_moved_just_enough_and_keep_their_hue() {
        let dark = Rgb(8, 8, 10);
        let light = Rgb(255, 255, 255);
        let amazon_blue = Rgb(0, 114, 178);
        assert!(
            contrast_ratio(amazon_blue, dark) < 4.5,
            "raw, it is too dark"
        );
        for (bg, ratio) in [(dark, 4.5), (dark, 7.0), (light, 4.5), (light, 7.0)] {
            for brand in [
                amazon_blue,
                Rgb(213, 94, 0),
                Rgb(255, 230, 0),
                Rgb(30, 30, 30),
            ] {
                let safe = readable_on(brand, bg, ratio);
                assert!(
                    contrast_ratio(safe, bg) >= ratio,
                    "{brand:?} on {bg:?} reaches {ratio}"
                );
            }
        }
        let safe = readable_on(amazon_blue, dark, 4.5);
        assert!(contrast_ratio(safe, dark) < 5.2, "no lighter than needed");
        let (h0, h1) = (oklch(amazon_blue).h, oklch(safe).h);
        assert!((h0 - h1).abs() < 0.1, "still blue");
        assert_eq!(
            readable_on(Rgb(250, 250, 250), dark, 7.0),
            Rgb(250, 250, 250)
        );
    }
}
