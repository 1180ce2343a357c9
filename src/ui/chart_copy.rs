//! "Copy as SVG / PNG" on every chart of the studio: a right-click puts the same picture the
//! reports use on the clipboard, ready for a slide or an email.

use crate::charts::Chart;
use crate::charts::svg::chart_svg;
use crate::report::png;

/// Pixels per SVG unit for copied images: sharp on HiDPI slides, still small to paste.
const COPY_SCALE: f32 = 2.0;

/// An egui image from a rendered chart, for the clipboard or a texture.
pub fn color_image(pixmap: &resvg::tiny_skia::Pixmap) -> egui::ColorImage {
    egui::ColorImage::from_rgba_premultiplied(
        [pixmap.width() as usize, pixmap.height() as usize],
        pixmap.data(),
    )
}

/// Adds the copy menu to a chart's response; `chart` builds the description only when used.
pub fn copy_menu(response: &egui::Response, chart: impl Fn() -> Chart) {
    response.context_menu(|ui| {
        if ui.button("Copy chart as SVG").clicked() {
            ui.ctx().copy_text(chart_svg(&chart()));
            ui.close();
        }
        if ui.button("Copy chart as PNG").clicked() {
            match png::svg_pixmap(&chart_svg(&chart()), COPY_SCALE) {
                Ok(pixmap) => ui.ctx().copy_image(color_image(&pixmap)),
                // Rendering our own SVG only fails on a defect; say so rather than copy nothing.
                Err(e) => ui
                    .ctx()
                    .copy_text(format!("Could not render the chart: {e}")),
            }
            ui.close();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{ChartKind, describe};
    use crate::model::Twin;

    #[test]
    fn copied_png_has_the_chart_size_at_copy_scale() {
        let chart = describe(&Twin::new_blank("t", "T"), ChartKind::Radar, None);
        let svg = chart_svg(&chart);
        let tree = crate::report::parse_svg(&svg).expect("svg");
        let pixmap = png::svg_pixmap(&svg, COPY_SCALE).expect("png");
        let image = color_image(&pixmap);
        assert_eq!(
            image.size[0],
            (tree.size().width() * COPY_SCALE).round() as usize
        );
        assert_eq!(
            image.size[1],
            (tree.size().height() * COPY_SCALE).round() as usize
        );
    }
}
