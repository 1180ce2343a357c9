//! Presenter mode: a twin becomes a deck of slides, driven by a clicker.
//!
//! `deck` builds the slide list from the data (so live edits show at once), `nav` is the pure
//! clicker state machine; the views draw slides with the same chart descriptions as the studio.

mod deck;
pub mod deck_svg;
mod nav;

pub use deck::{Slide, SlideKind, all_slides, deck};
pub use nav::{Blank, Navigator, Outcome, PresenterKey};
