//! Colour maths, as pure functions the looks and renderers call: perceptual distance
//! (CIEDE2000), WCAG contrast, the per-twin "shared sector" highlight chosen to stay far from both
//! brand colours, and brand colours moved in OKLCH lightness until text in them reads on a
//! projector (a washed-out projector loses contrast: slide text is held to 4.5:1, body text in the
//! projector looks to 7:1). Conversions come from the `palette` crate.

use palette::color_difference::{Ciede2000, Wcag21RelativeContrast};
use palette::{FromColor, IntoColor, Lab, Oklch, Srgb};

use super::Rgb;

/// The least CIEDE2000 distance between the shared highlight and either brand colour; around 20
/// two colours read as different even at a glance and at small sizes.
pub const MIN_HIGHLIGHT_DISTANCE: f64 = 20.0;

fn srgb(c: Rgb) -> Srgb<f32> {
    Srgb::new(c.0, c.1, c.2).into_format()
}

fn lab(c: Rgb) -> Lab {
    Lab::from_color(srgb(c).into_linear())
}

/// The least contrast any text on a slide may have (WCAG AA for normal text).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// The least contrast body text has in the projector looks (WCAG AAA).
pub const MIN_BODY_CONTRAST: f64 = 7.0;

/// CIEDE2000 distance between two colours (0 identical; 1 just noticeable; > 20 clearly apart).
pub fn delta_e(a: Rgb, b: Rgb) -> f64 {
    f64::from(lab(a).difference(lab(b)))
}

/// WCAG 2.1 contrast ratio, 1 to 21; body text needs 4.5, large text and graphics 3.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let la = srgb(a).into_linear::<f32>();
    let lb = srgb(b).into_linear::<f32>();
    f64::from(la.relative_contrast(lb))
}

/// WCAG relative luminance, 0 (black) to 1 (white).
pub fn luminance(c: Rgb) -> f64 {
    f64::from(
        palette::color_difference::Wcag21RelativeContrast::relative_luminance(
            srgb(c).into_linear::<f32>(),
        )
        .luma,
    )
}

/// A colour in OKLCH: perceptual lightness 0-1, chroma, hue in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lch {
    pub lightness: f64,
    pub chroma: f64,
    pub hue_degrees: f64,
}

/// sRGB to OKLCH.
pub fn to_oklch(c: Rgb) -> Lch {
    let o: Oklch = srgb(c).into_linear::<f32>().into_color();
    Lch {
        lightness: f64::from(o.l),
        chroma: f64::from(o.chroma),
        hue_degrees: f64::from(o.hue.into_positive_degrees()),
    }
}

/// `colour` made readable on `background` with at least `ratio` contrast: returned unchanged if it
/// already is, else lightened (on a dark background) or darkened (on a light one) in OKLCH, by the
/// least amount that reaches the ratio, so the brand still reads as itself.
pub fn readable_on(colour: Rgb, background: Rgb, ratio: f64) -> Rgb {
    if contrast_ratio(colour, background) >= ratio {
        return colour;
    }
    let base = to_oklch(colour);
    let at = |l: f64| from_oklch(l, base.chroma, base.hue_degrees);
    let lighten = luminance(background) < 0.18;
    let (mut lo, mut hi) = if lighten {
        (base.lightness, 1.0)
    } else {
        (0.0, base.lightness)
    };
    // Binary search on lightness for the first value that reaches the ratio.
    for _ in 0..32 {
        let mid = (lo + hi) / 2.0;
        let ok = contrast_ratio(at(mid), background) >= ratio;
        match (lighten, ok) {
            (true, true) | (false, false) => hi = mid,
            (true, false) | (false, true) => lo = mid,
        }
    }
    let out = at(if lighten { hi } else { lo });
    if contrast_ratio(out, background) >= ratio {
        out
    } else if lighten {
        Rgb(255, 255, 255)
    } else {
        Rgb(0, 0, 0)
    }
}

/// An OKLCH colour mapped into sRGB (chroma reduced until it fits, so the hue stays true).
pub fn from_oklch(lightness: f64, chroma: f64, hue_degrees: f64) -> Rgb {
    let mut c = chroma as f32;
    loop {
        let lin: palette::LinSrgb =
            Oklch::new(lightness as f32, c, hue_degrees as f32).into_color();
        let inside = [lin.red, lin.green, lin.blue]
            .iter()
            .all(|v| (-0.001..=1.001).contains(v));
        if inside || c <= 0.0 {
            let lin = palette::LinSrgb::new(
                lin.red.clamp(0.0, 1.0),
                lin.green.clamp(0.0, 1.0),
                lin.blue.clamp(0.0, 1.0),
            );
            let s: Srgb<u8> = Srgb::from_linear(lin);
            return Rgb(s.red, s.green, s.blue);
        }
        c = (c - 0.01).max(0.0);
    }
}

/// The colour that marks sectors both companies entered, for a twin drawn in `brands`: at the
/// given OKLCH lightness (light tint for a light page, deeper for a dark one), the hue farthest
/// (CIEDE2000) from both brand colours. Warm yellow is preferred when it is far enough, so most
/// twins share the familiar look.
pub fn shared_highlight(brands: [Rgb; 2], lightness: f64, chroma: f64) -> Rgb {
    let score = |c: Rgb| {
        brands
            .iter()
            .map(|b| delta_e(c, *b))
            .fold(f64::MAX, f64::min)
    };
    let preferred = from_oklch(lightness, chroma, 95.0);
    if score(preferred) > MIN_HIGHLIGHT_DISTANCE + 5.0 {
        return preferred;
    }
    (0..72)
        .map(|i| from_oklch(lightness, chroma, f64::from(i) * 5.0))
        .max_by(|a, b| score(*a).total_cmp(&score(*b)))
        .unwrap_or(preferred)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_e_and_contrast_match_known_values() {
        let white = Rgb(255, 255, 255);
        let black = Rgb(0, 0, 0);
        assert!((contrast_ratio(white, black) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-6);
        // #767676 on white is the classic 4.54:1 grey.
        assert!((contrast_ratio(Rgb(0x76, 0x76, 0x76), white) - 4.54).abs() < 0.02);
        assert!(delta_e(white, white) < 1e-6);
        assert!((delta_e(white, black) - 100.0).abs() < 0.5);
    }

    #[test]
    fn oklch_round_trips_into_gamut() {
        let c = from_oklch(0.9, 0.4, 95.0);
        assert!(c.0 > 200 && c.1 > 180, "{c:?}");
    }

    #[test]
    fn the_highlight_avoids_both_brands_of_every_sample() {
        for twin in crate::charts::test_samples() {
            let brands = crate::charts::side_colours(&twin);
            for lightness in [0.9, 0.45] {
                let h = shared_highlight(brands, lightness, 0.12);
                for b in brands {
                    assert!(
                        delta_e(h, b) > MIN_HIGHLIGHT_DISTANCE,
                        "{}: {h:?} vs {b:?} = {}",
                        twin.id,
                        delta_e(h, b)
                    );
                }
            }
        }
    }

    #[test]
    fn a_yellow_brand_pushes_the_highlight_elsewhere() {
        let yellow = from_oklch(0.9, 0.12, 95.0);
        let h = shared_highlight([yellow, Rgb(0, 0x72, 0xb2)], 0.9, 0.12);
        assert_ne!(h, yellow);
        assert!(delta_e(h, yellow) > MIN_HIGHLIGHT_DISTANCE);
    }

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        assert!((contrast_ratio(Rgb(119, 119, 119), Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
        assert!((contrast_ratio(Rgb(10, 20, 30), Rgb(10, 20, 30)) - 1.0).abs() < 1e-6);
        assert!(luminance(Rgb(255, 255, 255)) > 0.999 && luminance(Rgb(0, 0, 0)) < 1e-6);
    }

    #[test]
    fn oklch_knows_white_and_round_trips() {
        let white = to_oklch(Rgb(255, 255, 255));
        assert!((white.lightness - 1.0).abs() < 1e-3 && white.chroma < 1e-3);
        for c in [
            Rgb(0, 114, 178),
            Rgb(213, 94, 0),
            Rgb(7, 193, 96),
            Rgb(18, 18, 18),
        ] {
            let o = to_oklch(c);
            let back = from_oklch(o.lightness, o.chroma, o.hue_degrees);
            let near = |a: u8, b: u8| a.abs_diff(b) <= 1;
            assert!(
                near(back.0, c.0) && near(back.1, c.1) && near(back.2, c.2),
                "{c:?} -> {back:?}"
            );
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
        let (h0, h1) = (
            to_oklch(amazon_blue).hue_degrees,
            to_oklch(safe).hue_degrees,
        );
        assert!((h0 - h1).abs() < 6.0, "still blue: {h0} vs {h1}");
        assert_eq!(
            readable_on(Rgb(250, 250, 250), dark, 7.0),
            Rgb(250, 250, 250)
        );
    }
}
