//! The `twin-studio` binary: parses the command line and hands over to the library crate.

use clap::Parser;
use twin_studio::cli::{Cli, run_headless};

fn main() {
    let cli = Cli::parse();
    let code = match &cli.command {
        Some(command) => run_headless(command),
        None => twin_studio::ui::run_paths(&cli.paths),
    };
    std::process::exit(code);
}
