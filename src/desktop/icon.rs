//! The app icon as a window icon, so the task bar and window switcher show the same two linked
//! rings as the desktop menu (the installed hicolor icons come from the same master SVG).

use std::io::Cursor;
use std::sync::Arc;

use egui::IconData;

/// The 128 px rendering of `assets/icons/twin-studio.svg`: big enough for window switchers, small
/// enough to decode in well under a millisecond at start-up.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/128x128/apps/twin-studio.png");

/// The window icon, or `None` if the bundled PNG cannot be decoded (the window then opens with
/// the platform's default icon rather than not at all).
pub fn window_icon() -> Option<Arc<IconData>> {
    decode_rgba(ICON_PNG).map(Arc::new)
}

/// Decodes an 8-bit RGBA PNG (the format the icon generator writes) into straight-alpha pixels.
fn decode_rgba(bytes: &[u8]) -> Option<IconData> {
    let mut reader = png::Decoder::new(Cursor::new(bytes)).read_info().ok()?;
    let mut rgba = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut rgba).ok()?;
    if info.color_type != png::ColorType::Rgba || info.bit_depth != png::BitDepth::Eight {
        return None;
    }
    rgba.truncate(info.buffer_size());
    Some(IconData {
        rgba,
        width: info.width,
        height: info.height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_icon_decodes_to_square_rgba() {
        let icon = window_icon().expect("the bundled icon decodes");
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        // Transparent corners, opaque centre of the tile.
        assert_eq!(icon.rgba[3], 0, "top-left corner is transparent");
        let centre = (64 * 128 + 64) * 4;
        assert_eq!(icon.rgba[centre + 3], 255);
    }

    #[test]
    fn a_broken_png_gives_none() {
        assert!(decode_rgba(b"not a png").is_none());
        assert!(decode_rgba(&ICON_PNG[..ICON_PNG.len() / 2]).is_none());
    }
}
