//! The `twin-studio` binary: parses the command line and hands over to the library crate.

use clap::Parser;

/// mimalloc instead of the system allocator: opening a library allocates millions of small
/// strings on several threads at once, where it loads a 10,000-twin library about 20 % faster.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use twin_studio::cli::{Cli, run_verb};

fn main() {
    let cli = Cli::parse();
    let code = match &cli.verb {
        Some(verb) => run_verb(verb),
        None => twin_studio::ui::run_paths(&cli.paths),
    };
    std::process::exit(code);
}
