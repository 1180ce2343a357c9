//! Presenter mode: a twin becomes a deck of slides, driven by a clicker.
//!
//! `deck` builds the slide list from the data (so live edits show at once), `nav` is the pure
//! clicker state machine, `keys` maps keyboard and remote keys onto it; `view` and
//! `chart_slides` draw slides with the same chart descriptions as the studio, `console` is what
//! only the speaker sees, and `app` puts it together, embedded in the studio or full screen alone;
//! `deck_svg` writes the deck as 16:9 SVG pages for the PDF backup.

mod app;
mod chart_slides;
mod console;
mod deck;
pub mod deck_svg;
mod keys;
mod nav;
mod text;
mod theme;
mod view;

pub use app::{Presenter, PresenterApp, run};
pub use console::{ConsoleAction, ConsoleView, clock_text};
pub use deck::{Slide, SlideKind, all_slides, deck, ordered_slides, title_footer};
pub use keys::{Command, commands};
pub use nav::{Blank, Navigator, Outcome, PresenterKey};
pub use theme::{ProjectorTheme, SlideStyle, slide_rect, slide_scale};
pub use view::show_slide;
