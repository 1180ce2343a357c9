//! The export planner: from twins and options to the path and bytes of every file an export
//! writes (reports, tables, single charts, the deck PDF, the PowerPoint deck). Shared by
//! `twin-studio export` and the studio's Export button, so both produce the same files;
//! `store::write_files` then writes them safely.
//!
//! It sits above `report` and `present` because a deck is the presenter's slides on paper.

use std::path::{Path, PathBuf};

use crate::charts::svg::chart_svg;
use crate::charts::{ChartKind, describe};
use crate::model::Twin;
use crate::present::ProjectorTheme;
use crate::present::{deck_pptx::deck_pptx_in, deck_svg::deck_svgs_in};
use crate::report::{
    Format, PageSize, Report, ReportError, csv, html, markdown, pdf, png, pptx, xlsx,
};
use crate::store::TWIN_EXTENSION;

/// What to export; the twins come separately.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExportOptions {
    pub format: Format,
    /// The chart of single-chart formats (SVG, PNG).
    pub chart: ChartKind,
    pub page: PageSize,
    /// PNG pixels per SVG unit.
    pub scale: f32,
    /// Slide shape of a PowerPoint deck.
    pub aspect: pptx::Aspect,
    /// Projector theme of the deck formats; `None`: the deck PDF dark, as the live deck
    /// starts, and PowerPoint light, as offices edit and print.
    pub theme: Option<ProjectorTheme>,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            format: Format::Html,
            chart: ChartKind::Radar,
            page: PageSize::A4,
            scale: 2.0,
            aspect: pptx::Aspect::Wide,
            theme: None,
        }
    }
}

/// The files of one export: the main file first, then any companions (Markdown's chart SVGs).
pub fn export_files(
    twins: &[&Twin],
    portfolio_title: &str,
    options: &ExportOptions,
    out: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, ReportError> {
    let report = || match twins {
        [one] => Report::for_twin(one),
        many => Report::for_portfolio(portfolio_title, many),
    };
    let single_chart = || -> Result<_, ReportError> {
        match twins {
            [one] => Ok(describe(one, options.chart, None)),
            _ => Err(ReportError::Io(std::io::Error::other(
                "SVG and PNG export one chart of one twin: give a single twin file",
            ))),
        }
    };
    let main: Vec<u8> = match options.format {
        Format::Html => html::render(&report()).into_bytes(),
        Format::Pdf => pdf::render(&report(), options.page)?,
        Format::Csv => csv::render(twins)?,
        Format::Xlsx => xlsx::render(twins)?,
        Format::Svg => chart_svg(&single_chart()?).into_bytes(),
        Format::Png => png::chart_png(&single_chart()?, options.scale)?,
        Format::DeckPdf => match twins {
            [one] => pdf::svg_pages_pdf(
                &deck_svgs_in(
                    one,
                    options.theme.unwrap_or(ProjectorTheme::Dark),
                    options.aspect,
                ),
                options.aspect.page(),
                &one.title,
            )?,
            _ => {
                return Err(ReportError::Io(std::io::Error::other(
                    "a deck PDF is made from one twin: give a single twin file",
                )));
            }
        },
        Format::Pptx => match twins {
            [one] => pptx::render(&deck_pptx_in(
                one,
                options.aspect,
                options.theme.unwrap_or(ProjectorTheme::Light),
            ))?,
            _ => {
                return Err(ReportError::Io(std::io::Error::other(
                    "a PowerPoint deck is made from one twin: give a single twin file",
                )));
            }
        },
        Format::Markdown => {
            let stem = file_stem(out);
            let md = markdown::render(&report(), &stem);
            let dir = out.parent().unwrap_or(Path::new(""));
            let mut files = vec![(out.to_owned(), md.text.into_bytes())];
            files.extend(
                md.charts
                    .into_iter()
                    .map(|(name, svg)| (dir.join(name), svg.into_bytes())),
            );
            return Ok(files);
        }
    };
    Ok(vec![(out.to_owned(), main)])
}

/// A file name without its extension(s): `amazon-alibaba.twin.json` -> `amazon-alibaba`.
fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(TWIN_EXTENSION).unwrap_or(&name);
    match name.rfind('.') {
        Some(i) if i > 0 => name[..i].to_owned(),
        _ => name.to_owned(),
    }
}

/// Where an export goes when no `--out` is given: beside the input, named after it
/// (`x.twin.json` -> `x.html`, `x-radar.png`); a folder gives `FOLDER.html` beside the folder;
/// several files give `portfolio.html` beside the first.
pub fn default_output(inputs: &[PathBuf], options: &ExportOptions) -> PathBuf {
    let ext = options.format.extension();
    let suffix = if options.format.is_single_chart() {
        format!("-{}", options.chart.key())
    } else if options.format == Format::DeckPdf {
        "-deck".to_owned()
    } else {
        String::new()
    };
    match inputs {
        [one] if crate::store::is_folder(one) => {
            let name = one
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "portfolio".to_owned());
            let parent = one
                .canonicalize()
                .ok()
                .and_then(|p| p.parent().map(Path::to_owned));
            parent
                .unwrap_or_default()
                .join(format!("{name}{suffix}.{ext}"))
        }
        [one] => {
            let name = file_stem(one);
            one.with_file_name(format!("{name}{suffix}.{ext}"))
        }
        _ => {
            let dir = inputs
                .first()
                .and_then(|p| p.parent())
                .map(Path::to_owned)
                .unwrap_or_default();
            dir.join(format!("portfolio{suffix}.{ext}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_follow_the_input() {
        let opts = ExportOptions::default();
        let p = default_output(&[PathBuf::from("dir/a-b.twin.json")], &opts);
        assert_eq!(p, PathBuf::from("dir/a-b.html"));
        let png = ExportOptions {
            format: Format::Png,
            chart: ChartKind::Map,
            ..opts
        };
        let p = default_output(&[PathBuf::from("dir/a.twin.json")], &png);
        assert_eq!(p, PathBuf::from("dir/a-map.png"));
        let p = default_output(
            &[
                PathBuf::from("d/a.twin.json"),
                PathBuf::from("d/b.twin.json"),
            ],
            &opts,
        );
        assert_eq!(p, PathBuf::from("d/portfolio.html"));
    }

    #[test]
    fn markdown_writes_charts_beside_it() {
        let twin = Twin::new_blank("t", "T");
        let opts = ExportOptions {
            format: Format::Markdown,
            ..ExportOptions::default()
        };
        let files = export_files(&[&twin], "P", &opts, Path::new("out/r.md")).expect("export");
        assert_eq!(files.len(), 6);
        assert_eq!(files[1].0, PathBuf::from("out/r-chart-radar.svg"));
    }

    #[test]
    fn single_chart_formats_need_one_twin() {
        let twin = Twin::new_blank("t", "T");
        let opts = ExportOptions {
            format: Format::Svg,
            ..ExportOptions::default()
        };
        assert!(export_files(&[&twin, &twin], "P", &opts, Path::new("x.svg")).is_err());
    }
}
