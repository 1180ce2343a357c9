//! The `twin-studio` binary: parses the command line and hands over to the library crate.

use clap::Parser;
use twin_studio::cli::{Cli, run_verb};

fn main() {
    let cli = Cli::parse();
    let code = match &cli.verb {
        Some(verb) => run_verb(verb),
        None => twin_studio::ui::run_paths(&cli.paths),
    };
    std::process::exit(code);
}
