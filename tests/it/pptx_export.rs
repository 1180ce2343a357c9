//! The PowerPoint export read back: unzip it, read every slide's XML with quick-xml, and check
//! that the deck is there as native, editable objects with its notes.

use crate::support;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;
use twin_studio::model::Side;
use twin_studio::present::deck_pptx::deck_pptx;
use twin_studio::present::{SlideKind, continued, deck, ordered_slides};
use twin_studio::report::pptx::{Aspect, render};

/// Every part of the package, by name.
pub(crate) fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        let name = file.name().expect("entry name").into_owned();
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("read");
        parts.insert(name, String::from_utf8_lossy(&data).into_owned());
    }
    parts
}

/// What quick-xml finds in a part: the paragraphs' text (runs joined, line breaks as `\n`) and
/// the local names of all elements. Panics if the XML is not well formed.
pub(crate) struct Parsed {
    pub(crate) paragraphs: Vec<String>,
    pub(crate) elements: Vec<String>,
}

pub(crate) fn parse(xml: &str) -> Parsed {
    let mut reader = Reader::from_str(xml);
    let mut paragraphs = Vec::new();
    let mut elements = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                match name.as_str() {
                    "p" => current = Some(String::new()),
                    "t" => in_text = true,
                    "br" => {
                        if let Some(p) = current.as_mut() {
                            p.push('\n');
                        }
                    }
                    _ => {}
                }
                elements.push(name);
            }
            Event::Empty(e) => {
                let name = e.local_name().as_ref().to_owned();
                if name == "br"
                    && let Some(p) = current.as_mut()
                {
                    p.push('\n');
                }
                elements.push(name);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "p" => paragraphs.extend(current.take()),
                "t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(p) = current.as_mut() {
                    p.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                let entity = format!("&{};", r.into_inner());
                let text = quick_xml::escape::unescape(&entity).expect("known entity");
                if let Some(p) = current.as_mut() {
                    p.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Parsed {
        paragraphs,
        elements,
    }
}

pub(crate) fn slide_parts(parts: &BTreeMap<String, String>) -> Vec<(usize, &String)> {
    let mut slides: Vec<(usize, &String)> = parts
        .iter()
        .filter_map(|(name, xml)| {
            let n = name
                .strip_prefix("ppt/slides/slide")?
                .strip_suffix(".xml")?
                .parse()
                .ok()?;
            Some((n, xml))
        })
        .collect();
    slides.sort_by_key(|(n, _)| *n);
    slides
}

#[test]
fn every_sample_deck_reads_back_slide_for_slide_with_its_full_text() {
    for name in &support::sample_ids() {
        let twin = support::sample(name);
        let bytes = render(&deck_pptx(&twin, Aspect::Wide)).expect("pptx");
        let parts = unzip(&bytes);
        let slides = slide_parts(&parts);
        let expected = continued(&twin, ordered_slides(&twin), 1280.0);
        assert_eq!(
            slides.len(),
            expected.len(),
            "{name}: one slide per deck slide"
        );
        let shown = slides
            .iter()
            .filter(|(_, xml)| !xml.contains("show=\"0\""))
            .count();
        assert_eq!(
            shown,
            deck(&twin).len(),
            "{name}: hidden slides stay hidden"
        );
        for ((n, xml), slide) in slides.iter().zip(&expected) {
            let parsed = parse(xml);
            let text = parsed.paragraphs.join("\n");
            assert!(
                text.contains(&slide.title),
                "{name} slide {n}: title \"{}\" missing",
                slide.title
            );
            assert!(
                !parsed.elements.iter().any(|e| e == "pic"),
                "{name} slide {n}: no pictures, only native objects"
            );
            let native = parsed
                .elements
                .iter()
                .filter(|e| matches!(e.as_str(), "sp" | "graphicFrame" | "cxnSp"))
                .count();
            assert!(native >= 2, "{name} slide {n}: native objects");
            match &slide.kind {
                SlideKind::Lessons => {
                    for lesson in &twin.lessons {
                        assert!(text.contains(&lesson.title), "{name}: lesson title");
                        assert!(text.contains(&lesson.text), "{name}: lesson text in full");
                    }
                }
                SlideKind::Pillar(id) => {
                    for (i, side) in Side::BOTH.into_iter().enumerate() {
                        let all = twin.score(side, id).map(|s| &s.evidence[..]).unwrap_or(&[]);
                        // A pillar that continues shows its page of the evidence on each slide.
                        let page = slide
                            .part
                            .as_ref()
                            .and_then(|p| p.items.get(i).cloned())
                            .unwrap_or(0..all.len());
                        for e in all.get(page).unwrap_or(&[]) {
                            assert!(
                                parsed.paragraphs.iter().any(|p| p.contains(&e.claim)),
                                "{name} {id}: claim in full: {}",
                                e.claim
                            );
                        }
                    }
                }
                SlideKind::Radar => {
                    assert!(parsed.elements.iter().any(|e| e == "chart"), "native chart");
                    assert!(parsed.elements.iter().any(|e| e == "tbl"), "score table");
                }
                SlideKind::Map | SlideKind::Timeline => {
                    assert!(
                        parsed.elements.iter().filter(|e| *e == "prstGeom").count() > 5,
                        "{name}: drawn as vector shapes"
                    );
                }
                _ => {}
            }
            // Notes: a notes page exists exactly for slides with speaker notes, holding them.
            let rels = &parts[&format!("ppt/slides/_rels/slide{n}.xml.rels")];
            let notes = twin
                .speaker_notes
                .get(&slide.key)
                .filter(|t| !t.trim().is_empty());
            assert_eq!(
                rels.contains("notesSlide"),
                notes.is_some(),
                "{name} slide {n} ({}): notes part",
                slide.key
            );
            if let Some(notes) = notes {
                let target = rels
                    .split("Target=\"../notesSlides/")
                    .nth(1)
                    .and_then(|t| t.split('"').next())
                    .expect("notes target");
                let notes_xml = &parts[&format!("ppt/notesSlides/{target}")];
                let notes_text = parse(notes_xml).paragraphs.join("\n");
                assert!(notes_text.contains(notes.trim()), "{name}: notes text");
            }
        }
        for (part, xml) in &parts {
            if part.ends_with(".xml") || part.ends_with(".rels") {
                parse(xml);
            }
        }
    }
}

#[test]
fn radar_is_a_native_chart_with_its_data_embedded() {
    let twin = support::sample("amazon-alibaba");
    let parts = unzip(&render(&deck_pptx(&twin, Aspect::Wide)).expect("pptx"));
    let chart = parts
        .iter()
        .find(|(name, xml)| name.starts_with("ppt/charts/chart") && xml.contains("radarChart"))
        .map(|(_, xml)| xml)
        .expect("a radar chart part");
    let values = parse(chart);
    assert!(chart.contains("externalData"));
    assert!(
        parts
            .keys()
            .any(|k| k.starts_with("ppt/embeddings/") && k.ends_with(".xlsx"))
    );
    assert!(values.elements.iter().filter(|e| *e == "ser").count() == 2);
    let west_base = twin.west.scores["base"].value;
    assert!(chart.contains(&format!("<c:v>{west_base}</c:v>")));
    assert!(chart.contains(&format!("<c:v>{}</c:v>", twin.west.name)));
}

#[test]
fn aspect_and_theme_colours_are_written() {
    let twin = support::sample("amazon-alibaba");
    let wide = unzip(&render(&deck_pptx(&twin, Aspect::Wide)).expect("pptx"));
    assert!(wide["ppt/presentation.xml"].contains("<p:sldSz cx=\"12192000\" cy=\"6858000\"/>"));
    let standard = unzip(&render(&deck_pptx(&twin, Aspect::Standard)).expect("pptx"));
    assert!(
        standard["ppt/presentation.xml"]
            .contains("<p:sldSz cx=\"9144000\" cy=\"6858000\" type=\"screen4x3\"/>")
    );
    let [west, _] = twin_studio::charts::side_colours(&twin);
    let accent = format!(
        "<a:accent1><a:srgbClr val=\"{:02X}{:02X}{:02X}\"/>",
        west.0, west.1, west.2
    );
    assert!(
        wide["ppt/theme/theme1.xml"].contains(&accent),
        "west colour is accent 1"
    );
}

#[test]
fn hostile_text_is_escaped_and_order_honoured() {
    let mut twin = support::sample("amazon-alibaba");
    twin.title = "A <b>&</b> \"B\" \u{1}".into();
    twin.lessons[0].text = "]]> <script>alert(1)</script>".into();
    twin.deck.order = vec!["lessons".into(), "title".into()];
    twin.deck.hidden = vec!["map".into()];
    let parts = unzip(&render(&deck_pptx(&twin, Aspect::Wide)).expect("pptx"));
    let slides = slide_parts(&parts);
    let first = parse(slides[0].1).paragraphs.join("\n");
    assert!(
        first.contains("]]> <script>alert(1)</script>"),
        "kept as text"
    );
    let second = parse(slides[1].1).paragraphs.join("\n");
    assert!(second.contains("A <b>&</b> \"B\""), "{second}");
    let hidden: Vec<usize> = slides
        .iter()
        .filter(|(_, x)| x.contains("show=\"0\""))
        .map(|(n, _)| *n)
        .collect();
    let map_position = continued(&twin, ordered_slides(&twin), 1280.0)
        .iter()
        .position(|s| s.key == "map")
        .expect("map");
    assert_eq!(hidden, [map_position + 1]);
}
