//! Files: reading and writing twins safely, the library of twins in a folder, and recovery.

mod complete;
mod error;
mod file;
mod fingerprint;
mod library;
mod links;
mod lock;
mod output;
mod recovery;
mod samples;
mod scan;
mod trash;
mod watch;
mod write;

pub use complete::{
    MAX_CHOICES, PathChoice, PathKind, complete_path, expand_home, is_folder, path_kind,
};
pub use error::{FileError, FileErrorKind};
pub use file::{
    MAX_FILE_BYTES, TWIN_EXTENSION, is_same_file, load_twin, parse_twin, read_bytes_at_most,
    read_twin_bytes,
};
pub use fingerprint::{content_hash, file_hash, twin_hash};
pub use library::{Library, LibraryEntry, LibraryLoad, is_twin_name, load_entry, twin_files_in};
pub use links::{is_link_file, read_link_file};
pub use lock::{HeldElsewhere, LibraryLock, LockOutcome, lock_library};
pub use output::write_files;
pub use recovery::{RECOVERY_FILE, RecoveredTwin, RecoveryStore, data_dir};
pub use samples::{USER_SAMPLES_DIR, installed_samples, sample_library, writable_copy};
pub use trash::{Deleted, delete_keeping_bytes, name_taken};
pub use watch::{FileStamp, FolderWatch, file_stamp};
pub use write::{atomic_write, save_twin, save_twin_over, to_json};
