//! Pages of [`Op`]s written with krilla: shaped text in the font chain, rules, bands, vector
//! charts, link and go-to annotations, the running header and the "page n of N" footer, every
//! piece tagged for the structure tree.

use krilla::Document;
use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::Font;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::tags::{Content, Tagger};
use super::text::{draw_text, fonts};
use super::{LANGUAGE, MARGIN, Op, TOKENS};
use crate::assets::text_width;
use crate::charts::Rgb;
use crate::report::{PageSize, ReportError};

pub(super) fn colour(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

pub(super) fn fill(c: Rgb) -> Fill {
    Fill {
        paint: colour(c).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

pub(super) fn draw(surface: &mut Surface, op: &Op, fonts: &[Font]) {
    match op {
        Op::Text {
            x,
            y,
            size,
            text,
            colour: c,
            bold,
        } => {
            surface.set_fill(Some(fill(*c)));
            // One weight is bundled: bold is the same glyphs with a thin outline.
            surface.set_stroke(bold.then(|| Stroke {
                paint: colour(*c).into(),
                width: size * 0.035,
                ..Stroke::default()
            }));
            draw_text(surface, fonts, Point::from_xy(*x, *y), *size, text);
            surface.set_stroke(None);
        }
        Op::Rule {
            x1,
            y1,
            x2,
            y2,
            width,
            colour: c,
        } => {
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: colour(*c).into(),
                    width: *width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
        }
        Op::Rect {
            x,
            y,
            w,
            h,
            colour: c,
        } => {
            let mut pb = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(fill(*c)));
                surface.draw_path(&path);
            }
        }
        Op::Svg { tree, x, y, w, h } => {
            if let Some(size) = Size::from_wh(*w, *h) {
                surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                let _ = surface.draw_svg(tree, size, SvgSettings::default());
                surface.pop();
            }
        }
        Op::Link { .. } | Op::GoTo { .. } | Op::Open(_) | Op::Close => {}
    }
}

pub(super) fn write_pages(
    pages: &[Vec<Op>],
    page: PageSize,
    title: &str,
    numbered: bool,
) -> Result<Vec<u8>, ReportError> {
    let fonts = fonts()?;
    let (pw, ph) = page.points();
    let settings = PageSettings::from_wh(pw, ph)
        .ok_or_else(|| ReportError::Pdf("invalid page size".to_owned()))?;
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language(LANGUAGE.to_owned())
            .creator("Twin Studio".to_owned()),
    );
    let mut tagger = Tagger::new(LANGUAGE);
    let total = pages.len();
    for (n, ops) in pages.iter().enumerate() {
        let mut pdf_page = doc.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for op in ops {
            let (content, y) = match op {
                Op::Open(role) => {
                    tagger.open(role);
                    continue;
                }
                Op::Close => {
                    tagger.close();
                    continue;
                }
                Op::Link { .. } | Op::GoTo { .. } => continue,
                Op::Text { y, .. } => (Content::Text, *y),
                Op::Svg { y, .. } => (Content::Graphic, *y),
                Op::Rule { .. } | Op::Rect { .. } => (Content::Decoration, 0.0),
            };
            tagger.draw(&mut surface, content, n, y, |s| draw(s, op, fonts));
        }
        if numbered {
            let footer = format!("{} · page {} of {total}", short(title, 70), n + 1);
            let w = text_width(&footer, 8.0);
            let mut pagination = vec![Op::Text {
                x: (pw - w) / 2.0,
                y: ph - MARGIN / 2.0,
                size: 8.0,
                text: footer,
                colour: TOKENS.muted,
                bold: false,
            }];
            // A running header from page two on, so a loose page still says what it belongs to.
            if n > 0 {
                pagination.push(Op::Text {
                    x: MARGIN,
                    y: MARGIN / 2.0 + 4.0,
                    size: 8.0,
                    text: short(title, 90),
                    colour: TOKENS.muted,
                    bold: false,
                });
                pagination.push(Op::Rule {
                    x1: MARGIN,
                    y1: MARGIN / 2.0 + 8.0,
                    x2: pw - MARGIN,
                    y2: MARGIN / 2.0 + 8.0,
                    width: 0.4,
                    colour: TOKENS.grid,
                });
            }
            tagger.draw_pagination(&mut surface, |s| {
                for op in &pagination {
                    draw(s, op, fonts);
                }
            });
        }
        surface.finish();
        for op in ops {
            if let Op::Link { x, y, w, h, url } = op
                && let Some(rect) = Rect::from_xywh(*x, *y, w.max(1.0), *h)
            {
                pdf_page.add_annotation(Annotation::new_link(
                    LinkAnnotation::new(
                        rect,
                        Target::Action(Action::Link(LinkAction::new(url.clone()))),
                    ),
                    Some(format!("Open {url}")),
                ));
            }
            if let Op::GoTo {
                x,
                y,
                w,
                h,
                page,
                target_y,
            } = op
                && *page < total
                && let Some(rect) = Rect::from_xywh(*x, *y, w.max(1.0), *h)
            {
                pdf_page.add_annotation(Annotation::new_link(
                    LinkAnnotation::new(
                        rect,
                        Target::Destination(
                            XyzDestination::new(*page, Point::from_xy(0.0, target_y.max(0.0)))
                                .into(),
                        ),
                    ),
                    Some(format!("Go to page {}", page + 1)),
                ));
            }
        }
        pdf_page.finish();
    }
    tagger.finish(&mut doc);
    doc.finish().map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

/// Shortens a title for the footer.
pub(super) fn short(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max_chars).collect();
        s.push('…');
        s
    }
}
