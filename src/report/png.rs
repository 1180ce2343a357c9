//! Charts as PNG via resvg, with the bundled font only: no system fonts are needed or used.

use resvg::tiny_skia;
use resvg::usvg;

use super::{ReportError, parse_svg};
use crate::charts::Chart;
use crate::charts::svg::chart_svg;
use crate::tokens::Look;

/// Largest scale accepted: keeps a mistyped `--scale` from allocating gigabytes.
pub const MAX_SCALE: f32 = 8.0;

/// Rasterises SVG text at `scale` (1 = one pixel per SVG unit) and encodes it as PNG.
pub fn svg_png(svg: &str, scale: f32) -> Result<Vec<u8>, ReportError> {
    let pixmap = svg_pixmap(svg, scale)?;
    // The background is opaque white, so premultiplied pixels equal straight ones: RGB suffices.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let err = |e: ::png::EncodingError| ReportError::Png(e.to_string());
    let mut encoder = ::png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(::png::ColorType::Rgb);
    encoder.set_depth(::png::BitDepth::Eight);
    // Fast deflate: charts are flat colour, so it costs little size and most of the time.
    encoder.set_compression(::png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(&rgb).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(out)
}

/// Rasterises SVG text at `scale` on the paper surface (white): premultiplied RGBA pixels, for previews and PNG.
pub fn svg_pixmap(svg: &str, scale: f32) -> Result<tiny_skia::Pixmap, ReportError> {
    if !(scale.is_finite() && scale > 0.0 && scale <= MAX_SCALE) {
        return Err(ReportError::Png(format!(
            "scale {scale} is out of range: use a number above 0 and at most {MAX_SCALE}"
        )));
    }
    let tree = parse_svg(svg)?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or_else(|| ReportError::Png(format!("scale {scale} gives an empty image")))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| ReportError::Png("the image is too large".to_owned()))?;
    let paper = Look::Paper.tokens().surface;
    pixmap.fill(tiny_skia::Color::from_rgba8(paper.0, paper.1, paper.2, 255));
    resvg::render(
        &tree,
        usvg::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// One chart as PNG bytes, for `--format png` and "copy chart as PNG" in the studio.
pub fn chart_png(chart: &Chart, scale: f32) -> Result<Vec<u8>, ReportError> {
    svg_png(&chart_svg(chart), scale)
}
