//! The presenter on a real stage, through egui_kittest: where the console goes with one and two
//! monitors, builds and the radar's time travel on the clicker, a rehearsal run, and a file
//! edited while it is presented.

use crate::support;

use std::sync::{Arc, RwLock};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use support::sample;
use support::shapes::{cut_texts, text_boxes};
use twin_studio::model::Twin;
use twin_studio::present::screens::{self, Monitor};
use twin_studio::present::{
    Outcome, Presenter, PresenterApp, ProjectorTheme, Stage, deck, deck_shaped, design_width,
};

struct Show {
    presenter: Presenter,
    twin: Twin,
    left: bool,
}

fn monitor(name: &str, x: i32, w: u32, h: u32) -> Monitor {
    Monitor {
        name: name.into(),
        position: [x, 0],
        size: [w, h],
        primary: x == 0,
    }
}

/// A presenter in a harness where the window system reports `monitors` and, as on a desktop,
/// a second window would be a real one (viewports are not embedded).
fn show(twin: Twin, start: usize, monitors: Vec<Monitor>) -> Harness<'static, Show> {
    let list = Arc::new(RwLock::new(monitors));
    let mut harness = Harness::builder()
        .with_size([1366.0, 768.0])
        .with_context_setup(move |ctx| {
            twin_studio::desktop::install_fonts(ctx);
            ctx.set_embed_viewports(false);
            screens::install(ctx, list.clone());
        })
        .build_ui_state(
            |ui, show: &mut Show| {
                if show.presenter.show(ui, &show.twin) == Outcome::Leave {
                    show.left = true;
                }
            },
            Show {
                presenter: Presenter::new(start, ProjectorTheme::Dark),
                twin,
                left: false,
            },
        );
    harness.step();
    harness
}

fn press(h: &mut Harness<'_, Show>, key: Key) {
    h.key_press(key);
    h.step();
}

fn position(h: &Harness<'_, Show>) -> (usize, usize) {
    let nav = h.state().presenter.navigator();
    (nav.current(), nav.step())
}

fn index_of(twin: &Twin, key: &str) -> usize {
    deck(twin)
        .iter()
        .position(|s| s.key == key)
        .unwrap_or_else(|| panic!("a {key} slide"))
}

/// Lets egui's clock run past a morph.
fn settle(h: &mut Harness<'_, Show>) {
    for _ in 0..120 {
        h.step();
        if !h.state().presenter.is_morphing() {
            return;
        }
    }
    panic!("the morph never ended");
}

#[test]
fn one_monitor_opens_no_console_window_over_the_slide() {
    let twin = sample("amazon-alibaba");
    let title = deck(&twin)[1].title.clone();
    let mut h = show(twin, 1, vec![monitor("eDP-1", 0, 1366, 768)]);
    assert_eq!(h.state().presenter.stage(), Stage::Single);
    for _ in 0..3 {
        h.step();
    }
    assert!(
        h.query_by_label_contains("Speaker notes").is_none()
            && h.query_by_label_contains("Now:").is_none(),
        "no console anywhere on the only screen"
    );
    let slide_title = h.get_by_label(&title);
    assert!(
        slide_title.rect().left() < 200.0,
        "the slide fills the screen"
    );

    press(&mut h, Key::P);
    assert!(
        h.query_by_label("Speaker notes").is_some(),
        "P shows it inline"
    );
    let notes = h.get_by_label("Speaker notes").rect();
    assert!(
        notes.left() > 1366.0 * 0.55,
        "inline, beside the slide, not over it"
    );
    let slide_title = h
        .query_all_by_label(&title)
        .map(|n| n.rect())
        .min_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("the slide's title");
    assert!(slide_title.right() < notes.left());
}

#[test]
fn two_monitors_put_slides_on_the_projector_and_the_console_on_the_laptop() {
    let twin = sample("amazon-alibaba");
    let title = deck(&twin)[1].title.clone();
    let mut h = show(
        twin,
        1,
        vec![
            monitor("eDP-1", 0, 1366, 768),
            monitor("HDMI-1", 1366, 1024, 768),
        ],
    );
    h.step();
    assert_eq!(
        h.state().presenter.stage(),
        Stage::Dual {
            slides: 1,
            console: 0
        }
    );
    assert!(
        h.query_by_label("Speaker notes").is_some(),
        "the laptop's window is the console"
    );
    assert!(
        h.query_by_label_contains("slides").is_some(),
        "the slides open in their own window"
    );
    assert!(
        h.query_all_by_label(&title).count() >= 2,
        "the slide in its window, and in the console's Now thumbnail"
    );
    // On a desktop the slides are another window; in the harness they are drawn over the
    // console's surface, so the button is pressed through accessibility instead of the pointer.
    h.get_by_label("Swap screens").click_accesskit();
    h.step();
    assert_eq!(
        h.state().presenter.stage(),
        Stage::Dual {
            slides: 0,
            console: 1
        }
    );
}

#[test]
fn the_radar_travels_through_the_snapshots_on_the_clicker() {
    let twin = sample("amazon-alibaba");
    let labels: Vec<String> = twin.snapshots.iter().map(|s| s.label.clone()).collect();
    assert!(labels.len() >= 2, "the sample has dated snapshots");
    let radar = index_of(&twin, "radar");
    let mut h = show(twin, radar, Vec::new());
    assert!(
        h.query_by_label(&labels[0]).is_some(),
        "starts at the first year"
    );
    press(&mut h, Key::ArrowRight);
    assert_eq!(position(&h), (radar, 1), "the click stays on the radar");
    assert!(h.state().presenter.is_morphing(), "and morphs");
    settle(&mut h);
    assert!(h.query_by_label(&labels[1]).is_some());
    for _ in 1..labels.len() {
        press(&mut h, Key::ArrowRight);
        settle(&mut h);
    }
    assert!(
        h.query_by_label("Today").is_some(),
        "ends on today's scores"
    );
    press(&mut h, Key::ArrowRight);
    assert_eq!(position(&h), (radar + 1, 0), "then the next slide");
    assert!(!h.state().presenter.is_morphing());
    press(&mut h, Key::ArrowLeft);
    assert_eq!(
        position(&h),
        (radar, labels.len()),
        "back lands on today, not on the first year"
    );
    assert!(
        !h.state().presenter.is_morphing(),
        "arriving does not morph"
    );
}

#[test]
fn timeline_and_map_build_step_by_step_when_turned_on() {
    let mut twin = sample("amazon-alibaba");
    twin.deck.builds.insert("timeline".into(), true);
    twin.deck.builds.insert("map".into(), true);
    // The console opens beside the slide, which makes it 4:3: the deck is paged for that.
    let slides = deck_shaped(&twin, design_width(egui::vec2(4.0, 3.0)));
    let at = |key: &str| slides.iter().position(|s| s.key == key).expect(key);
    let (map, timeline) = (at("map"), at("timeline"));
    assert_eq!(slides[map].steps, 3);
    let years = twin_studio::present::builds::timeline_years(&twin).len();
    assert!(years > 3);
    assert_eq!(slides[timeline].steps, years);

    let mut h = show(twin.clone(), index_of(&twin, "map"), Vec::new());
    press(&mut h, Key::P);
    assert!(h.query_by_label("build 1 of 3").is_some());
    press(&mut h, Key::Space);
    assert!(h.query_by_label("build 2 of 3").is_some());
    press(&mut h, Key::Space);
    press(&mut h, Key::Space);
    assert_eq!(
        position(&h),
        (timeline, 0),
        "the map is done after three clicks"
    );
    for step in 1..years {
        press(&mut h, Key::PageDown);
        assert_eq!(position(&h), (timeline, step), "one year per click");
    }
    press(&mut h, Key::PageDown);
    assert_eq!(position(&h).1, 0);
    assert_ne!(position(&h).0, timeline);
}

#[test]
fn a_rehearsal_records_each_slide_and_the_talk_is_paced_against_it() {
    let mut twin = sample("google-baidu");
    let slides = deck(&twin);
    let mut h = show(twin.clone(), 0, Vec::new());
    h.state_mut().presenter.start_rehearsal();
    for slide in slides.iter().take(3) {
        for _ in 0..slide.steps {
            for _ in 0..5 {
                h.step();
            }
            press(&mut h, Key::ArrowRight);
        }
    }
    press(&mut h, Key::Escape);
    assert!(h.state().left);
    let times = h
        .state_mut()
        .presenter
        .take_rehearsal(&twin)
        .expect("leaving ends the rehearsal");
    for slide in slides.iter().take(3) {
        assert!(
            times.get(&slide.key).is_some_and(|t| *t > 0.0),
            "{} was timed",
            slide.key
        );
    }
    assert!(
        !times.contains_key(&slides[5].key),
        "unvisited slides are not"
    );

    twin.deck.rehearsal = times;
    let mut h = show(twin, 0, Vec::new());
    press(&mut h, Key::P);
    assert!(h.query_by_label_contains("rehearsed").is_some());
    assert!(
        h.query_by_label("on time").is_some() || h.query_by_label_contains("ahead").is_some(),
        "fresh on the first slide the talk is not behind"
    );
    for _ in 0..200 {
        h.step();
    }
    assert!(
        h.query_by_label_contains("behind").is_some(),
        "lingering on the first slide falls behind"
    );
}

#[test]
fn an_edit_saved_to_the_file_shows_without_leaving_the_show() -> std::io::Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("amazon-alibaba.twin.json");
    let mut twin = sample("amazon-alibaba");
    twin_studio::store::save_twin(&path, &twin).map_err(std::io::Error::other)?;
    let ctx_setup = |ctx: &egui::Context| twin_studio::desktop::install_fonts(ctx);
    let mut h = Harness::builder()
        .with_size([1280.0, 720.0])
        .with_context_setup(ctx_setup)
        .build_ui_state(
            |ui, app: &mut PresenterApp| {
                app.frame(ui);
            },
            PresenterApp::new(twin.clone(), Presenter::new(0, ProjectorTheme::Dark)),
        );
    h.step();
    let ctx = h.ctx.clone();
    let app = std::mem::replace(
        h.state_mut(),
        PresenterApp::new(twin.clone(), Presenter::new(0, ProjectorTheme::Dark)),
    );
    *h.state_mut() = app.following(path.clone(), &ctx);
    h.step();
    assert!(h.query_by_label(&twin.title).is_some());

    twin.title = "Retitled while presenting".into();
    twin_studio::store::save_twin(&path, &twin).map_err(std::io::Error::other)?;
    let mut seen = false;
    for _ in 0..40 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
        if h.query_by_label("Retitled while presenting").is_some() {
            seen = true;
            break;
        }
    }
    assert!(seen, "the saved edit shows on the slide");

    std::fs::write(&path, "{ broken")?;
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
    assert!(
        h.query_by_label("Retitled while presenting").is_some(),
        "a broken save leaves the deck as it was"
    );
    assert!(
        h.state()
            .presenter()
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("Not reloaded")),
        "and tells the speaker"
    );
    Ok(())
}

/// Every text colour drawn in `shapes`, with its alpha blended over `background`.
fn text_colours(
    shapes: &[egui::epaint::ClippedShape],
    background: egui::Color32,
) -> Vec<(String, egui::Color32)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, egui::Color32)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(t) => {
                for section in &t.galley.job.sections {
                    let colour = t.override_text_color.unwrap_or(
                        if section.format.color == egui::Color32::PLACEHOLDER {
                            t.fallback_color
                        } else {
                            section.format.color
                        },
                    );
                    let text = t
                        .galley
                        .job
                        .text
                        .get(section.byte_range.start.0..section.byte_range.end.0)
                        .unwrap_or("");
                    // Text is what has letters or digits; a lone symbol (a legend swatch "■")
                    // is a graphic, judged by the chart's own tests.
                    if text.chars().any(char::is_alphanumeric) {
                        out.push((text.to_owned(), colour.gamma_multiply(t.opacity_factor)));
                    }
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in shapes {
        walk(&clipped.shape, &mut out);
    }
    out.into_iter()
        .map(|(text, c)| {
            let a = f32::from(c.a()) / 255.0;
            let blend = |fg: u8, bg: u8| {
                (f32::from(fg) + f32::from(bg) * (1.0 - a))
                    .round()
                    .min(255.0) as u8
            };
            (
                text,
                egui::Color32::from_rgb(
                    blend(c.r(), background.r()),
                    blend(c.g(), background.g()),
                    blend(c.b(), background.b()),
                ),
            )
        })
        .collect()
}

#[test]
fn every_text_on_every_slide_of_every_sample_reaches_4_5_to_1() {
    use twin_studio::present::rgb;
    use twin_studio::tokens::colour::{MIN_TEXT_CONTRAST, contrast_ratio};
    for theme in [ProjectorTheme::Dark, ProjectorTheme::Light] {
        for twin in support::samples() {
            let slides = deck(&twin);
            let mut h = show(twin.clone(), 0, Vec::new());
            h.state_mut().presenter.theme = theme;
            h.step();
            for (i, slide) in slides.iter().enumerate() {
                for step in 0..slide.steps {
                    for _ in 0..3 {
                        h.step();
                    }
                    let texts = text_colours(&h.output().shapes, theme.background());
                    assert!(texts.len() > 2, "{} slide {i} draws text", twin.id);
                    for (text, colour) in texts {
                        let ratio = contrast_ratio(rgb(colour), rgb(theme.background()));
                        assert!(
                            ratio >= MIN_TEXT_CONTRAST,
                            "{} {theme:?} slide {} step {step}: {text:?} in {colour:?} is {ratio:.2}:1",
                            twin.id,
                            i + 1
                        );
                    }
                    press(&mut h, Key::ArrowRight);
                }
            }
        }
    }
}

/// The smallest type drawn in `shapes`, in pixels.
fn smallest_type(shapes: &[egui::epaint::ClippedShape]) -> f32 {
    fn walk(shape: &egui::Shape, min: &mut f32) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, min)),
            egui::Shape::Text(t) => {
                for section in &t.galley.job.sections {
                    let text = t
                        .galley
                        .job
                        .text
                        .get(section.byte_range.start.0..section.byte_range.end.0)
                        .unwrap_or("");
                    if !text.trim().is_empty() {
                        *min = min.min(section.format.font_id.size);
                    }
                }
            }
            _ => {}
        }
    }
    let mut min = f32::INFINITY;
    for clipped in shapes {
        walk(&clipped.shape, &mut min);
    }
    min
}

#[test]
fn type_stays_readable_from_the_back_at_every_projector_size() {
    const MIN_PX: f32 = 14.0;
    for twin in [sample("amazon-alibaba"), sample("meta-tencent")] {
        for size in [
            [1024.0, 768.0],
            [1366.0, 768.0],
            [1920.0, 1080.0],
            [3840.0, 2160.0],
        ] {
            let slides = deck_shaped(&twin, design_width(size.into()));
            let mut h = show(twin.clone(), 0, Vec::new());
            h.set_size(size.into());
            h.step();
            for (i, slide) in slides.iter().enumerate() {
                for _ in 0..slide.steps {
                    h.step();
                    let smallest = smallest_type(&h.output().shapes);
                    assert!(
                        smallest >= MIN_PX,
                        "{} slide {} at {size:?}: {smallest} px type",
                        twin.id,
                        i + 1
                    );
                    press(&mut h, Key::ArrowRight);
                }
            }
        }
    }
}

/// Every text of every slide of every sample, at the four projector sizes: none is cut (an
/// ellipsis, or a "+N more" line), none runs off the screen, and no two overlap. What does not
/// fit one slide continues on the next ("Lessons (1/2)"), so this holds with the samples' full
/// texts.
#[test]
fn every_text_of_every_slide_fits_at_projector_sizes() {
    let mut failures = Vec::new();
    for twin in support::samples() {
        for size in [
            [1024.0, 768.0],
            [1366.0, 768.0],
            [1920.0, 1080.0],
            [3840.0, 2160.0],
        ] {
            let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size.into()).expand(1.0);
            let mut h = show(twin.clone(), 0, Vec::new());
            h.set_size(size.into());
            h.step();
            h.step();
            // The presenter's own deck, paged for the area it draws the slides in.
            let count = h.state().presenter.navigator().slide_count();
            assert!(
                count >= deck(&twin).len().min(11),
                "{}: {count} slides",
                twin.id
            );
            for i in 0..count {
                for _ in 0..h.state().presenter.navigator().steps_of(i) {
                    h.step();
                    let at = format!("{} slide {} at {size:?}", twin.id, i + 1);
                    let shapes = &h.output().shapes;
                    for cut in cut_texts(shapes) {
                        failures.push(format!("{at}: cut {cut:?}"));
                    }
                    if h.query_all_by_label_contains(" more").any(|n| {
                        n.accesskit_node()
                            .label()
                            .is_some_and(|l| l.starts_with('+'))
                    }) {
                        failures.push(format!("{at}: a +N more line"));
                    }
                    let boxes = text_boxes(shapes);
                    for (i, (a, ra)) in boxes.iter().enumerate() {
                        if !screen.contains_rect(*ra) {
                            failures.push(format!("{at}: {a:?} leaves the screen"));
                        }
                        for (b, rb) in &boxes[i + 1..] {
                            let overlap = ra.intersect(*rb);
                            if overlap.width() > 2.0 && overlap.height() > 2.0 {
                                failures.push(format!("{at}: {a:?} overlaps {b:?}"));
                            }
                        }
                    }
                    press(&mut h, Key::ArrowRight);
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The in-window console's header on a narrow laptop: its rows wrap, so no control or figure
/// is drawn over another (the slide number, the clock, the pace, the buttons).
#[test]
fn the_inline_console_header_never_overlaps_itself() {
    let twin = sample("amazon-alibaba");
    let radar = index_of(&twin, "radar");
    for size in [[1024.0, 768.0], [1366.0, 768.0], [1920.0, 1080.0]] {
        let mut h = show(twin.clone(), radar, vec![monitor("eDP-1", 0, 1366, 768)]);
        h.set_size(size.into());
        press(&mut h, Key::P);
        h.step();
        let header: Vec<(String, egui::Rect)> = [
            "Slide ",
            "build ",
            "00:0",
            "Rehearse",
            "Reset",
            "Export",
            "PowerPoint…",
            "Deck PDF…",
        ]
        .iter()
        .map(|label| {
            let node = h.get_by_label_contains(label);
            (label.to_string(), node.rect())
        })
        .collect();
        for (i, (a, ra)) in header.iter().enumerate() {
            assert!(
                ra.left() >= size[0] * 0.5,
                "{a} sits in the console at {size:?}"
            );
            assert!(
                ra.right() <= size[0] + 1.0,
                "{a} stays on screen at {size:?}"
            );
            for (b, rb) in &header[i + 1..] {
                assert!(
                    !ra.intersects(*rb),
                    "{a} {ra:?} overlaps {b} {rb:?} at {size:?}"
                );
            }
        }
    }
}
