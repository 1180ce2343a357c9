//! Helpers shared by integration tests.
#![allow(dead_code)]

pub mod hostile;

use std::path::Path;

use twin_studio::model::Twin;
use twin_studio::store::load_twin;

/// A bundled sample twin by id, e.g. `amazon-alibaba`.
pub fn sample(name: &str) -> Twin {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("sample_profiles/{name}.twin.json"));
    load_twin(&path).expect("sample loads")
}

/// Every bundled sample twin.
pub fn samples() -> Vec<Twin> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles");
    twin_studio::store::twin_files_in(&folder)
        .expect("sample folder")
        .iter()
        .map(|p| load_twin(p).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}
