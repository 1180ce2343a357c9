//! Colour science for charts, as pure functions the design tokens and renderers call: perceptual
//! distance (CIEDE2000), WCAG contrast, and the per-twin "shared sector" highlight chosen to stay
//! far from both brand colours. Conversions come from the `palette` crate.

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
            let brands = super::super::side_colours(&twin);
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
}
