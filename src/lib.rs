//! Twin Studio: compare a Western tech giant with its Chinese twin on the
//! *Offer You Can't Refuse* model, back every score with evidence, and export or present it.
//!
//! Data flows one way: files (`store`) -> `model` -> `analysis` -> `charts` -> the egui studio
//! (`ui`) or the report renderers.

pub mod analysis;
pub mod assets;
pub mod charts;
pub mod cli;
pub mod desktop;
pub mod export;
pub mod font_chain;
pub mod interop;
pub mod model;
pub mod present;
pub mod report;
pub mod schema;
pub mod store;
pub mod tokens;
pub mod ui;
pub mod wording;

#[cfg(test)]
mod fixtures;
