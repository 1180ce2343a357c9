//! Helpers shared by integration tests.

pub mod cli;
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

/// The ids (file stems) of every bundled sample, in file-name order, so a new sample is covered by
/// every test that walks them.
pub fn sample_ids() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles");
    let ids: Vec<String> = twin_studio::store::twin_files_in(&folder)
        .expect("sample folder")
        .iter()
        .filter_map(|p| {
            p.file_name()?
                .to_str()?
                .strip_suffix(".twin.json")
                .map(str::to_owned)
        })
        .collect();
    assert!(!ids.is_empty(), "no sample twin in {}", folder.display());
    ids
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
