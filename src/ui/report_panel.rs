//! The Report tab: a live preview of the report (the same model every export format renders),
//! format and page choice, Export through a save dialog, and copying the chosen chart.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::Path;

use super::chart_copy::color_image;
use crate::charts::svg::chart_svg;
use crate::charts::{ChartKind, describe};
use crate::export::{ExportOptions, export_files};
use crate::model::{Twin, is_safe_url};
use crate::report::pptx::Aspect;
use crate::report::{Block, Format, Item, PageSize, Report, Table, png, source_text};
use crate::store::write_files;

/// Preview charts are rasterised at this scale; crisp enough on HiDPI screens.
const PREVIEW_SCALE: f32 = 1.5;

/// State of the Report tab: the export choices, the last outcome, and preview caches.
#[derive(Default)]
pub struct ReportPanel {
    pub options: ExportOptions,
    /// What the last export or copy did, shown under the buttons.
    pub last_message: Option<String>,
    /// The report of the twin as last seen; rebuilt only when the twin changes.
    cached: Option<(Twin, Report)>,
    /// Chart textures by chart key, with the hash of the SVG they were drawn from.
    textures: HashMap<String, (u64, egui::TextureHandle)>,
    /// Export… was clicked: the suggested file name, waiting for the app to ask for a path.
    export_requested: Option<String>,
}

impl ReportPanel {
    /// Controls on top, the preview below; the report is rebuilt only after the twin changes.
    pub fn show(&mut self, ui: &mut egui::Ui, twin: &Twin) {
        self.controls(ui, twin);
        ui.separator();
        let cached = match self.cached.take() {
            Some((seen, report)) if &seen == twin => (seen, report),
            _ => (twin.clone(), Report::for_twin(twin)),
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| self.preview(ui, &cached.1));
        self.cached = Some(cached);
    }

    fn controls(&mut self, ui: &mut egui::Ui, twin: &Twin) {
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_label("Format")
                .selected_text(self.options.format.label())
                .show_ui(ui, |ui| {
                    for f in Format::ALL {
                        ui.selectable_value(&mut self.options.format, f, f.label());
                    }
                });
            if self.options.format == Format::Pdf {
                egui::ComboBox::from_label("Page")
                    .selected_text(page_label(self.options.page))
                    .show_ui(ui, |ui| {
                        for p in [PageSize::A4, PageSize::Letter] {
                            ui.selectable_value(&mut self.options.page, p, page_label(p));
                        }
                    });
            }
            if self.options.format == Format::Pptx {
                egui::ComboBox::from_label("Slides")
                    .selected_text(self.options.aspect.key())
                    .show_ui(ui, |ui| {
                        for a in [Aspect::Wide, Aspect::Standard] {
                            ui.selectable_value(&mut self.options.aspect, a, a.key());
                        }
                    });
            }
            egui::ComboBox::from_label("Chart")
                .selected_text(self.options.chart.title())
                .show_ui(ui, |ui| {
                    for k in ChartKind::ALL {
                        ui.selectable_value(&mut self.options.chart, k, k.title());
                    }
                });
            ui.add(
                egui::Slider::new(&mut self.options.scale, 0.5..=png::MAX_SCALE).text("PNG scale"),
            );
        });
        ui.horizontal_wrapped(|ui| {
            if ui.button("Export…").clicked() {
                self.export_requested = Some(suggested_name(twin, &self.options));
            }
            if ui.button("Copy chart as SVG").clicked() {
                let svg = chart_svg(&describe(twin, self.options.chart, None));
                ui.ctx().copy_text(svg);
                self.last_message = Some(format!("Copied {} as SVG.", self.options.chart.title()));
            }
            if ui.button("Copy chart as PNG").clicked() {
                let chart = describe(twin, self.options.chart, None);
                self.last_message = Some(
                    match png::svg_pixmap(&chart_svg(&chart), self.options.scale) {
                        Ok(pixmap) => {
                            ui.ctx().copy_image(color_image(&pixmap));
                            format!("Copied {} as an image.", self.options.chart.title())
                        }
                        Err(e) => format!("Could not copy the chart: {e}"),
                    },
                );
            }
        });
        if let Some(message) = &self.last_message {
            ui.label(message);
        }
    }

    /// The file name Export… suggests, once clicked; the app then asks for a path (see
    /// `file_dialogs`) and calls [`Self::export_to`].
    pub fn take_export_request(&mut self) -> Option<(&'static str, String)> {
        let name = self.export_requested.take()?;
        Some((self.options.format.extension(), name))
    }

    /// Writes every file of the export at `path` (the chooser confirmed any overwrite).
    pub fn export_to(&mut self, twin: &Twin, path: &Path) {
        self.last_message = Some(
            match export_files(&[twin], &twin.title, &self.options, path) {
                Ok(files) => match write_files(&files, true) {
                    Ok(()) => format!("Exported {}.", path.display()),
                    Err(e) => e,
                },
                Err(e) => format!("Export failed: {e}"),
            },
        );
    }

    fn preview(&mut self, ui: &mut egui::Ui, report: &Report) {
        ui.heading(&report.title);
        ui.weak(&report.subtitle);
        for section in &report.sections {
            ui.add_space(10.0);
            if section.level <= 1 {
                ui.heading(&section.heading);
            } else {
                ui.strong(&section.heading);
            }
            for (i, block) in section.blocks.iter().enumerate() {
                match block {
                    Block::Paragraph(text) => {
                        ui.label(text);
                    }
                    Block::Subheading(text) => {
                        ui.add_space(4.0);
                        ui.strong(text);
                    }
                    Block::Labelled { label, text } => {
                        ui.horizontal_wrapped(|ui| {
                            ui.strong(format!("{label}:"));
                            ui.label(text);
                        });
                    }
                    Block::Table(t) => table(ui, t, &format!("{}-{i}", section.id)),
                    Block::Items(items) => {
                        for item in items {
                            item_row(ui, item);
                        }
                    }
                    Block::Chart { key, kind, chart } => {
                        let svg = chart_svg(chart);
                        self.chart(ui, key, &svg, kind.title());
                    }
                }
            }
        }
    }

    /// Shows a chart as the exports draw it, re-rasterised only when its SVG changes.
    fn chart(&mut self, ui: &mut egui::Ui, key: &str, svg: &str, title: &str) {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        svg.hash(&mut hasher);
        let hash = hasher.finish();
        let fresh = self.textures.get(key).is_some_and(|(h, _)| *h == hash);
        if !fresh {
            match png::svg_pixmap(svg, PREVIEW_SCALE) {
                Ok(pixmap) => {
                    let texture = ui.ctx().load_texture(
                        format!("report-chart-{key}"),
                        color_image(&pixmap),
                        egui::TextureOptions::LINEAR,
                    );
                    self.textures.insert(key.to_owned(), (hash, texture));
                }
                Err(e) => {
                    ui.colored_label(ui.visuals().error_fg_color, format!("{title}: {e}"));
                    return;
                }
            }
        }
        if let Some((_, texture)) = self.textures.get(key) {
            let size = texture.size_vec2() / PREVIEW_SCALE;
            let width = size.x.min(ui.available_width()).min(720.0);
            ui.add(
                egui::Image::from_texture(egui::load::SizedTexture::from_handle(texture))
                    .fit_to_exact_size(egui::vec2(width, size.y * width / size.x.max(1.0))),
            );
            ui.weak(title);
        }
    }
}

fn page_label(page: PageSize) -> &'static str {
    match page {
        PageSize::A4 => "A4",
        PageSize::Letter => "US Letter",
        PageSize::Slide16x9 => "16:9 slide",
        PageSize::Slide4x3 => "4:3 slide",
    }
}

/// Columns share the width evenly, so a long cell wraps instead of crushing its neighbours.
fn table(ui: &mut egui::Ui, t: &Table, id: &str) {
    let columns = t.headers.len().max(1);
    let spacing = ui.spacing().item_spacing.x;
    let width =
        ((ui.available_width() - spacing * (columns as f32 - 1.0)) / columns as f32).max(60.0);
    egui::Grid::new(id)
        .striped(true)
        .num_columns(columns)
        .min_col_width(width)
        .max_col_width(width)
        .show(ui, |ui| {
            for h in &t.headers {
                ui.strong(h);
            }
            ui.end_row();
            for row in &t.rows {
                for cell in row {
                    ui.add(egui::Label::new(cell).wrap());
                }
                ui.end_row();
            }
        });
}

fn item_row(ui: &mut egui::Ui, item: &Item) {
    ui.horizontal_wrapped(|ui| {
        ui.label("•");
        if let Some(lead) = &item.lead {
            ui.strong(lead);
        }
        ui.label(&item.text);
        if let Some(source) = &item.source {
            let label = format!("Source: {}", source_text(source));
            match source.url.as_deref().filter(|u| is_safe_url(u)) {
                Some(url) => {
                    ui.hyperlink_to(label, url.trim());
                }
                None => {
                    ui.weak(label);
                }
            }
        }
    });
}

/// `amazon-alibaba.pdf`, or `amazon-alibaba-radar.png` for one chart.
fn suggested_name(twin: &Twin, options: &ExportOptions) -> String {
    let format = options.format;
    if format.is_single_chart() {
        format!("{}-{}.{}", twin.id, options.chart.key(), format.extension())
    } else {
        format!("{}.{}", twin.id, format.extension())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn preview_shows_headings_tables_and_charts() {
        let mut twin = Twin::new_blank("t", "Preview twin");
        twin.east.name = "阿里巴巴".into();
        let mut panel = ReportPanel::default();
        let mut fonts_installed = false;
        let mut harness = Harness::new_ui(move |ui| {
            if !fonts_installed {
                crate::desktop::install_fonts(ui.ctx());
                fonts_installed = true;
            }
            panel.show(ui, &twin);
        });
        harness.run();
        harness.get_by_label("Preview twin");
        harness.get_by_label("The two companies");
        harness.get_by_label("Evidence by pillar");
        harness.get_by_label("Pillar radar");
        harness.get_by_label("Diversification map");
        harness.get_by_label("Export…");
    }

    #[test]
    fn copy_svg_reports_what_it_did() {
        let twin = Twin::new_blank("t", "T");
        let mut panel = ReportPanel::default();
        let mut harness = Harness::new_ui(move |ui| panel.show(ui, &twin));
        harness.run();
        harness.get_by_label("Copy chart as SVG").click();
        harness.run();
        harness.get_by_label("Copied Pillar radar as SVG.");
    }
}
