//! Presenter mode: a twin becomes a deck of slides, driven by a clicker.
//!
//! `deck` builds the slide list from the data (so live edits show at once), `builds` and `morph`
//! say what each click reveals (the radar's time travel between snapshots included), and
//! `describe` says once what each slide holds (texts with size, tone and line budget, lists, the
//! score table, the chart, notes). Three renderers draw descriptions: `view` (egui, live, with
//! `canvas`, `lists` and `chart_slides`), `deck_svg` (the deck PDF's pages) and `deck_pptx`
//! (PowerPoint); `figure` lays the timeline out as plain shapes for the last two. `nav` is the
//! pure clicker state machine, `keys` maps keyboard and remote keys onto it, `console` is what
//! only the speaker sees (with `deck_export`, exporting beside the slides), `rehearsal` times a
//! practice run, `screens` decides which monitor shows what and `native` learns the monitors;
//! `app` puts it together, embedded in the studio or full screen alone (`standalone`, which
//! follows the file through `reload`).

mod app;
pub mod builds;
mod canvas;
mod chart_slides;
mod console;
mod deck;
pub mod deck_export;
pub mod deck_pptx;
pub mod deck_svg;
pub mod describe;
mod figure;
mod fit;
mod keys;
mod lists;
pub mod morph;
pub mod native;
mod nav;
pub mod rehearsal;
pub mod reload;
pub mod screens;
mod standalone;
mod text;
mod theme;
mod view;

pub use app::Presenter;
pub use console::{ConsoleAction, ConsoleView, clock_text, pace_text};
pub use deck::{
    Part, Slide, SlideKind, all_slides, continued, deck, deck_shaped, design_width, ordered_slides,
    title_footer,
};
pub use describe::{
    Moment, SlideDescription, Slides, describe_deck, describe_deck_shaped, describe_slide,
};
pub use keys::{PresenterCommand, commands};
pub use nav::{Blank, Navigator, Outcome, PresenterKey};
pub use screens::{Monitor, Stage};
pub use standalone::{PresentOptions, PresenterApp, run};
pub use theme::{ProjectorTheme, SlideStyle, rgb, slide_rect, slide_scale};
pub use view::{show_description, show_slide, show_slide_at};
