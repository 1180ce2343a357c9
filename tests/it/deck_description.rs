//! One description, three renderers: the live deck (egui, read through kittest), the deck PDF's
//! SVG pages (parsed with roxmltree) and the PowerPoint deck (unzipped, slide XML read with
//! quick-xml) hold the same slides in the same order, with every text of the description.

use crate::pptx_export::{parse, slide_parts, unzip};
use crate::support;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use twin_studio::present::deck_pptx::slides_pptx;
use twin_studio::present::deck_svg::slides_svgs;
use twin_studio::present::describe::Body;
use twin_studio::present::{
    ProjectorTheme, SlideDescription, Slides, describe_deck, describe_deck_shaped, show_description,
};
use twin_studio::report::pptx::{Aspect, render};

/// Text with every whitespace run removed: renderers wrap lines at spaces.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether `text` is shown in `page` (squeezed): in full, or cut with an ellipsis after a
/// shown beginning (`cut_ok`: the live deck and the PDF cut a text past its line budget).
fn shows(page: &str, text: &str, cut_ok: bool) -> bool {
    let t = squeezed(text);
    if page.contains(&t) {
        return true;
    }
    cut_ok
        && page.split('…').any(|before| {
            let tail: String = before
                .chars()
                .rev()
                .take(12)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            tail.chars().count() >= 6 && t.contains(&tail)
        })
}

/// The list items a slide may show as "+N more" instead (the live deck and the PDF cut lists
/// below their readable floor).
fn list_texts(slide: &SlideDescription) -> Vec<&str> {
    let bullets = match &slide.body {
        Body::List { items, .. } => items.iter().collect::<Vec<_>>(),
        Body::Pillar { columns, .. } => columns.iter().flat_map(|c| &c.evidence).collect(),
        _ => Vec::new(),
    };
    bullets
        .into_iter()
        .flat_map(|b| [b.primary.as_str(), b.secondary.as_str()])
        .collect()
}

/// Checks one rendered page against its description; `more`: the page has a "+N more" line.
fn check(name: &str, renderer: &str, slide: &SlideDescription, page: &str, cut_ok: bool) {
    let squeezed_page = squeezed(page);
    let listed = list_texts(slide);
    let more = page.contains(" more");
    for text in slide.texts() {
        let may_be_left = cut_ok && more && listed.contains(&text);
        assert!(
            shows(&squeezed_page, text, cut_ok) || may_be_left,
            "{name} {renderer} slide {}: {text:?} missing",
            slide.key
        );
    }
}

fn theme_cases() -> [ProjectorTheme; 2] {
    [ProjectorTheme::Dark, ProjectorTheme::Light]
}

#[test]
fn the_live_deck_the_pdf_pages_and_powerpoint_show_one_description() {
    for name in ["amazon-alibaba", "meta-tencent"] {
        let mut twin = support::sample(name);
        twin.deck.order = vec!["lessons".into(), "radar".into()];
        twin.deck.hidden = vec!["companies".into()];
        twin.speaker_notes
            .insert("radar".into(), "Open with the widest gap".into());
        let slides = describe_deck(&twin, Slides::Shown);
        let keys: Vec<&str> = slides.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(&keys[..2], ["lessons", "radar"]);
        assert!(!keys.contains(&"companies"));

        // egui: every slide drawn from its description, its texts read back as labels.
        for theme in theme_cases() {
            for slide in &slides {
                let mut harness = Harness::builder()
                    .with_size([1280.0, 720.0])
                    .with_context_setup(twin_studio::desktop::install_fonts)
                    .build_ui(|ui| {
                        let screen = ui.max_rect();
                        show_description(ui, screen, slide, theme);
                    });
                harness.run();
                let labels: Vec<String> = harness
                    .query_all_by(|_| true)
                    .filter_map(|n| {
                        // AccessKit keeps a label widget's text as its value.
                        let node = n.accesskit_node();
                        node.value().or_else(|| node.label())
                    })
                    .collect();
                check(name, "egui", slide, &labels.join("\n"), true);
                assert!(
                    harness.query_by_label(&slide.title.text).is_some()
                        || matches!(slide.body, Body::Cover(_)),
                    "{name} egui: heading of {}",
                    slide.key
                );
            }
        }

        // SVG pages of the deck PDF: one per slide, in order, every text.
        for theme in theme_cases() {
            let pages = slides_svgs(&slides, theme, Aspect::Wide);
            assert_eq!(pages.len(), slides.len());
            for (i, (page, slide)) in pages.iter().zip(&slides).enumerate() {
                let doc = roxmltree::Document::parse(page).expect("SVG parses");
                let texts: Vec<&str> = doc
                    .descendants()
                    .filter(|n| n.has_tag_name("text"))
                    .filter_map(|n| n.text())
                    .collect();
                check(name, "svg", slide, &texts.join("\n"), true);
                assert!(
                    texts.contains(&format!("{} / {}", i + 1, slides.len()).as_str()),
                    "{name} svg: page number"
                );
            }
        }

        // PowerPoint: one slide per description, in order, every text in full, notes as notes.
        let bytes = render(&slides_pptx(
            &slides,
            &twin.title,
            Aspect::Wide,
            ProjectorTheme::Light,
        ))
        .expect("pptx");
        let parts = unzip(&bytes);
        let pptx_slides = slide_parts(&parts);
        assert_eq!(pptx_slides.len(), slides.len(), "{name}: slide count");
        for ((n, xml), slide) in pptx_slides.iter().zip(&slides) {
            let text = parse(xml).paragraphs.join("\n");
            check(name, "pptx", slide, &text, false);
            let rels = &parts[&format!("ppt/slides/_rels/slide{n}.xml.rels")];
            assert_eq!(
                rels.contains("notesSlide"),
                !slide.notes.is_empty(),
                "{name} pptx slide {n}: notes part"
            );
        }
        let radar = slides.iter().position(|s| s.key == "radar").expect("radar");
        let rels = &parts[&format!("ppt/slides/_rels/slide{}.xml.rels", radar + 1)];
        let target = rels
            .split("Target=\"../notesSlides/")
            .nth(1)
            .and_then(|t| t.split('"').next())
            .expect("notes target");
        let notes = parse(&parts[&format!("ppt/notesSlides/{target}")]);
        assert!(
            notes
                .paragraphs
                .join("\n")
                .contains("Open with the widest gap"),
            "{name}: radar notes"
        );
    }
}

#[test]
fn lessons_too_long_for_one_slide_continue_in_every_renderer_without_a_cut() {
    let mut twin = support::sample("amazon-alibaba");
    let model = twin.lessons[0].clone();
    for i in 0..10 {
        let mut lesson = model.clone();
        lesson.title = format!("Added lesson number {i}");
        twin.lessons.push(lesson);
    }
    let slides = describe_deck(&twin, Slides::Shown);
    let parts: Vec<&SlideDescription> = slides
        .iter()
        .filter(|s| s.title.text.starts_with("Lessons ("))
        .collect();
    assert!(parts.len() >= 2, "the lessons continue");
    assert_eq!(parts[1].title.text, format!("Lessons (2/{})", parts.len()));
    let every_lesson = |page: &str, renderer: &str| {
        let page = squeezed(page);
        for lesson in &twin.lessons {
            assert!(
                page.contains(&squeezed(&lesson.title)) && page.contains(&squeezed(&lesson.text)),
                "{renderer}: lesson {:?} in full",
                lesson.title
            );
        }
        for n in 1..=twin.lessons.len() {
            let more = squeezed(&twin_studio::wording::more_text(n));
            assert!(!page.contains(&more), "{renderer}: nothing left for {more}");
        }
    };

    for size in [[1024.0, 768.0], [1920.0, 1080.0]] {
        // The live deck is paged for its screen's shape, as the presenter pages it.
        let shaped = describe_deck_shaped(
            &twin,
            Slides::Shown,
            twin_studio::present::design_width(size.into()),
        );
        let mut texts = String::new();
        for part in shaped
            .iter()
            .filter(|s| s.title.text.starts_with("Lessons"))
        {
            let mut harness = Harness::builder()
                .with_size(size)
                .with_context_setup(twin_studio::desktop::install_fonts)
                .build_ui(|ui| {
                    let screen = ui.max_rect();
                    show_description(ui, screen, part, ProjectorTheme::Dark);
                });
            harness.run();
            for node in harness.query_all_by(|_| true) {
                let node = node.accesskit_node();
                if let Some(t) = node.value().or_else(|| node.label()) {
                    texts.push_str(&t);
                    texts.push('\n');
                }
            }
        }
        every_lesson(&texts, &format!("egui {size:?}"));
    }
    let owned: Vec<SlideDescription> = parts.iter().map(|p| (*p).clone()).collect();
    let svg_text: Vec<String> = slides_svgs(&owned, ProjectorTheme::Light, Aspect::Wide)
        .iter()
        .map(|page| {
            let doc = roxmltree::Document::parse(page).expect("SVG parses");
            doc.descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    every_lesson(&svg_text.join("\n"), "svg");
    let parts_xml = unzip(
        &render(&slides_pptx(
            &owned,
            "t",
            Aspect::Standard,
            ProjectorTheme::Light,
        ))
        .expect("pptx"),
    );
    let text: Vec<String> = slide_parts(&parts_xml)
        .iter()
        .map(|(_, xml)| parse(xml).paragraphs.join("\n"))
        .collect();
    every_lesson(&text.join("\n"), "pptx");
}
