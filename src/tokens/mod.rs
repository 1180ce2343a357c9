//! One look: the design tokens every renderer reads (the studio, the presenter, SVG, PDF, PNG,
//! PPTX).
//!
//! As in rerun's `re_ui`, first a colour table (raw colours, named for what they are), then named
//! roles (named for what they do) per [`Look`]: `Light` and `Dark` for the studio,
//! `ProjectorDark` and `ProjectorLight` for slides, `Paper` for every exported file. Renderers ask
//! for a role, never for a raw colour, so a change of look is a change here. Data colours come
//! from the Okabe-Ito palette, which stays distinguishable with every common colour-vision
//! deficiency.

pub mod colour;

/// An sRGB colour; renderers convert it to their own type (egui `Color32`, SVG `#rrggbb`, krilla,
/// DrawingML `srgbClr`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The Western company's colour when its brand colour cannot be used.
    pub const WEST_DEFAULT: Rgb = table::BLUE;
    /// The Chinese company's colour when its brand colour cannot be used.
    pub const EAST_DEFAULT: Rgb = table::VERMILLION;

    /// Parses `#RRGGBB`; validation already guarantees the shape for loaded twins.
    pub fn from_hex(hex: &str) -> Option<Rgb> {
        let h = hex.strip_prefix('#')?;
        if h.len() != 6 || !h.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }

    /// `#rrggbb`, for SVG and CSS.
    pub fn hex(self) -> String {
        String::from_utf8_lossy(&self.hex_bytes()).into_owned()
    }

    /// `#rrggbb` as bytes, worked out at compile time, for renderers that keep a role as a `&str`
    /// constant (the SVG writer's paper colours, which the deck matches on to recolour a chart).
    pub const fn hex_bytes(self) -> [u8; 7] {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let channels = [self.0, self.1, self.2];
        let mut out = [b'#'; 7];
        let mut i = 0;
        while i < 3 {
            out[1 + 2 * i] = DIGITS[(channels[i] >> 4) as usize];
            out[2 + 2 * i] = DIGITS[(channels[i] & 0x0f) as usize];
            i += 1;
        }
        out
    }
}

/// The colour table: every raw colour the product draws with, once.
pub mod table {
    use super::Rgb;

    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
    pub const INK_BLACK: Rgb = Rgb(0x08, 0x08, 0x0a);
    pub const GREY_950: Rgb = Rgb(0x0a, 0x0a, 0x0c);
    pub const GREY_900: Rgb = Rgb(0x1f, 0x23, 0x28);
    pub const GREY_750: Rgb = Rgb(0x3c, 0x3c, 0x44);
    pub const GREY_650: Rgb = Rgb(0x5a, 0x5a, 0x64);
    pub const GREY_600: Rgb = Rgb(0x5f, 0x66, 0x70);
    pub const GREY_550: Rgb = Rgb(0x64, 0x64, 0x64);
    pub const GREY_400: Rgb = Rgb(0xa0, 0xa0, 0xa0);
    pub const GREY_350: Rgb = Rgb(0xaa, 0xaa, 0xb4);
    pub const GREY_300: Rgb = Rgb(0xbe, 0xbe, 0xc4);
    pub const GREY_200: Rgb = Rgb(0xd8, 0xdc, 0xe1);
    pub const GREY_100: Rgb = Rgb(0xf2, 0xf4, 0xf6);
    pub const GREY_50: Rgb = Rgb(0xf5, 0xf5, 0xf5);

    /// Okabe-Ito.
    pub const BLUE: Rgb = Rgb(0x00, 0x72, 0xb2);
    pub const VERMILLION: Rgb = Rgb(0xd5, 0x5e, 0x00);
    pub const BLUISH_GREEN: Rgb = Rgb(0x00, 0x9e, 0x73);
    pub const ORANGE: Rgb = Rgb(0xe6, 0x9f, 0x00);
    pub const SKY_BLUE: Rgb = Rgb(0x56, 0xb4, 0xe9);
    pub const YELLOW: Rgb = Rgb(0xf0, 0xe4, 0x42);

    pub const GREEN_DEEP: Rgb = Rgb(0x00, 0x7a, 0x58);
    pub const GREEN_BRIGHT: Rgb = Rgb(0x2e, 0xc4, 0x9a);
    pub const GREEN_PALE: Rgb = Rgb(0xd9, 0xf0, 0xe8);
    pub const GREEN_NIGHT: Rgb = Rgb(0x10, 0x3a, 0x30);
    pub const RED_DEEP: Rgb = Rgb(0xc0, 0x26, 0x0e);
    pub const RED_BRIGHT: Rgb = Rgb(0xff, 0x7b, 0x6b);
    pub const AMBER_DEEP: Rgb = Rgb(0x8a, 0x57, 0x00);
    pub const AMBER_DARK: Rgb = Rgb(0xa0, 0x5a, 0x00);
    pub const AMBER_BRIGHT: Rgb = Rgb(0xff, 0xc4, 0x00);
    pub const LINK_BLUE: Rgb = Rgb(0x0b, 0x5c, 0xad);
    pub const LINK_SKY: Rgb = Rgb(0x7c, 0xc0, 0xff);
}

/// Where something is drawn; each look has its own roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Look {
    /// The studio in its light theme.
    Light,
    /// The studio in its dark theme.
    Dark,
    /// Slides on a projector, dark (the presenter's default).
    ProjectorDark,
    /// Slides on a projector, light.
    ProjectorLight,
    /// Exported files: SVG, PNG, PDF, HTML charts.
    Paper,
}

/// The named roles of one look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tokens {
    /// Body text, titles, axes.
    pub ink: Rgb,
    /// Secondary text: captions, sources, empty states.
    pub muted: Rgb,
    /// Rings, spokes, grid lines, rules, spectrum tracks.
    pub grid: Rgb,
    /// Faint fills: table header bands.
    pub band: Rgb,
    /// What everything is drawn on.
    pub surface: Rgb,
    /// The Western company when its brand colour cannot be used.
    pub west: Rgb,
    /// The Chinese company when its brand colour cannot be used.
    pub east: Rgb,
    /// Sectors both companies entered.
    pub shared: Rgb,
    /// The background behind a shared sector on a chart.
    pub shared_band: Rgb,
    /// Scores without evidence.
    pub unsupported: Rgb,
    /// Unsaved changes; things to look at.
    pub warning: Rgb,
    /// Invalid values and failed saves.
    pub error: Rgb,
    /// Saved, valid.
    pub ok: Rgb,
    /// Links to sources.
    pub link: Rgb,
}

impl Look {
    /// The roles of this look.
    pub const fn tokens(self) -> Tokens {
        use table::*;
        match self {
            Look::Light => Tokens {
                ink: GREY_900,
                muted: GREY_550,
                grid: GREY_200,
                band: GREY_100,
                surface: WHITE,
                west: BLUE,
                east: VERMILLION,
                shared: BLUISH_GREEN,
                shared_band: GREEN_PALE,
                unsupported: AMBER_DEEP,
                warning: AMBER_DEEP,
                error: RED_DEEP,
                ok: GREEN_DEEP,
                link: LINK_BLUE,
            },
            Look::Dark => Tokens {
                ink: GREY_50,
                muted: GREY_400,
                grid: GREY_650,
                band: GREY_750,
                surface: INK_BLACK,
                west: SKY_BLUE,
                east: ORANGE,
                shared: GREEN_BRIGHT,
                shared_band: GREEN_NIGHT,
                unsupported: YELLOW,
                warning: YELLOW,
                error: RED_BRIGHT,
                ok: GREEN_BRIGHT,
                link: LINK_SKY,
            },
            Look::ProjectorDark => {
                projector(Look::Dark, [GREY_50, GREY_300, GREY_650], AMBER_BRIGHT)
            }
            Look::ProjectorLight => {
                projector(Look::Light, [GREY_950, GREY_750, GREY_350], AMBER_DARK)
            }
            Look::Paper => Tokens {
                muted: GREY_600,
                ..Look::Light.tokens()
            },
        }
    }

    /// Whether text is light on a dark surface.
    pub const fn is_dark(self) -> bool {
        matches!(self, Look::Dark | Look::ProjectorDark)
    }
}

/// A projector look from a studio look: its own ink, secondary text and grid (`[ink, muted,
/// grid]`), the default company colours (brand colours are checked against both projector
/// backgrounds), and one amber for unsupported scores and warnings that reads from the back of a
/// room.
const fn projector(base: Look, [ink, muted, grid]: [Rgb; 3], amber: Rgb) -> Tokens {
    Tokens {
        ink,
        muted,
        grid,
        west: table::BLUE,
        east: table::VERMILLION,
        unsupported: amber,
        warning: amber,
        ..base.tokens()
    }
}

#[cfg(test)]
mod tests {
    use super::colour::{contrast_ratio, luminance};
    use super::*;

    const LOOKS: [Look; 5] = [
        Look::Light,
        Look::Dark,
        Look::ProjectorDark,
        Look::ProjectorLight,
        Look::Paper,
    ];

    #[test]
    fn every_look_keeps_text_readable_and_sides_apart() {
        for look in LOOKS {
            let t = look.tokens();
            assert!(contrast_ratio(t.ink, t.surface) >= 7.0, "{look:?} ink");
            assert!(contrast_ratio(t.muted, t.surface) >= 4.5, "{look:?} muted");
            assert!(contrast_ratio(t.link, t.surface) >= 4.5, "{look:?} link");
            assert!(contrast_ratio(t.error, t.surface) >= 4.5, "{look:?} error");
            assert_ne!(t.west, t.east, "{look:?}");
            assert_ne!(t.error, t.ok, "{look:?}");
            assert_eq!(look.is_dark(), luminance(t.surface) < 0.2, "{look:?}");
        }
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(Rgb::from_hex("#FF9900"), Some(Rgb(255, 153, 0)));
        assert_eq!(Rgb(255, 153, 0).hex(), "#ff9900");
        assert_eq!(Rgb::from_hex("FF9900"), None);
        assert_eq!(Rgb::from_hex("#FF99"), None);
        assert_eq!(Rgb::from_hex("#FF99\u{e9}"), None);
    }
}
