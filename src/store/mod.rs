//! Files: reading and writing twins safely, the library of twins in a folder, and recovery.

mod error;
mod file;
mod library;
mod links;
mod recovery;
mod samples;

pub use error::{LoadError, LoadErrorKind};
pub use file::{
    MAX_FILE_BYTES, TWIN_EXTENSION, atomic_write, load_twin, parse_twin, save_twin, to_json,
};
pub use library::{Library, LibraryEntry, twin_files_in};
pub use links::{is_link_file, read_link_file};
pub use recovery::{RECOVERY_FILE, RecoveredTwin, RecoveryStore};
pub use samples::{USER_SAMPLES_DIR, installed_samples, sample_library, writable_copy};
