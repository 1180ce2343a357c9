//! What the studio window, the presenter window and the command line share about running as a
//! desktop program: the process exit codes, where the library opens by default, the bundled
//! fonts every egui window installs and the window icon. It sits below `ui`, `present` and `cli`
//! so none of them has to reach into another for these.

mod fonts;
mod icon;

use std::path::PathBuf;

pub use fonts::install as install_fonts;
pub use icon::window_icon;

/// Exit code when every input was good.
pub const EXIT_OK: i32 = 0;
/// Exit code when any input was bad (unreadable, malformed, invalid), or a window failed to open.
pub const EXIT_BAD_INPUT: i32 = 1;
/// Exit code for a command line that does not parse (clap uses it too).
pub const EXIT_USAGE: i32 = 2;

/// The folder the studio opens when none is given: the user's writable copy of the bundled
/// sample library.
pub fn default_library_folder() -> PathBuf {
    crate::store::sample_library()
}
