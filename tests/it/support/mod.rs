//! Helpers shared by integration tests and benchmarks: the only place they find the bundled
//! samples (benchmarks include this file with `#[path]`).

pub mod cli;
pub mod hostile;
pub mod shapes;
pub mod studio;

use std::path::{Path, PathBuf};

use twin_studio::model::Twin;
use twin_studio::store::load_twin;

/// The bundled sample library of the source tree.
pub fn samples_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_profiles")
}

/// The file of a bundled sample twin by id, e.g. `amazon-alibaba`.
pub fn sample_path(name: &str) -> PathBuf {
    samples_folder().join(format!("{name}.twin.json"))
}

/// A bundled sample twin by id, e.g. `amazon-alibaba`.
pub fn sample(name: &str) -> Twin {
    load_twin(&sample_path(name)).expect("sample loads")
}

/// The ids (file stems) of every bundled sample, in file-name order, so a new sample is covered by
/// every test that walks them.
pub fn sample_ids() -> Vec<String> {
    let folder = samples_folder();
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
    let folder = samples_folder();
    twin_studio::store::twin_files_in(&folder)
        .expect("sample folder")
        .iter()
        .map(|p| load_twin(p).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}
