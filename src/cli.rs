//! The command line: no verb opens the studio; `validate`, `fmt`, `schema` and `export` work
//! headless.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::analysis::evidence_health;
use crate::charts::ChartKind;
use crate::model::Twin;
use crate::report::export::{ExportOptions, default_output, export_files, write_files};
use crate::report::{Format, PageSize};
use crate::store::{TWIN_EXTENSION, atomic_write, load_twin, to_json, twin_files_in};

/// Exit code when every input was good.
pub const EXIT_OK: i32 = 0;
/// Exit code when any input was bad (unreadable, malformed, invalid).
pub const EXIT_BAD_INPUT: i32 = 1;
/// Exit code for a command line that does not parse (clap uses it too).
pub const EXIT_USAGE: i32 = 2;

/// What `--version` prints after the name: the release and the git commit it was built from
/// (`unknown` when built outside a git checkout without `TWIN_STUDIO_COMMIT`; see `src/build.rs`).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("TWIN_STUDIO_COMMIT"),
    ")"
);

/// Twin Studio: compare a Western tech giant with its Chinese twin.
#[derive(Debug, Parser)]
#[command(name = "twin-studio", version = VERSION, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Twin files or folders of twins to open in the studio (default: the last library, else the
    /// bundled samples). Each path after the first opens in a window of its own.
    pub paths: Vec<PathBuf>,
}

/// The headless verbs.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check twin files (or folders of them): prints `ok PATH` per good file, errors on stderr.
    Validate {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also fail (exit 1) on evidence-health flags: scores without evidence, claims without a
        /// source, bare-homepage or undated sources, stale evidence, a missing `as_of`.
        #[arg(long)]
        strict: bool,
    },
    /// Print the JSON Schema of the twin format.
    Schema,
    /// Rewrite valid twin files in the canonical layout (the exact bytes the studio saves).
    Fmt {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export a report (html, md, pdf, csv) or one chart (svg, png) of twins.
    ///
    /// One twin file gives its report; several files or a folder give one portfolio report with a
    /// West-vs-China summary. Without --out the file goes beside the input: `x.twin.json` ->
    /// `x.html` (or `x-radar.png` for charts), a folder `F` -> `F.html` beside it, several files ->
    /// `portfolio.html` beside the first. Markdown writes its chart SVGs beside the .md file.
    /// Existing files are never overwritten unless --force is given.
    Export(ExportArgs),
    /// Present a twin full screen as a deck (opens a window; Esc leaves).
    Present {
        file: PathBuf,
        /// The slide to start on, counting from 1.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        slide: Option<u64>,
        /// Projector theme.
        #[arg(long, value_enum, default_value_t = ThemeArg::Dark)]
        theme: ThemeArg,
    },
}

/// `--theme` of `present`: the projector themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
}

impl From<ThemeArg> for crate::present::ProjectorTheme {
    fn from(theme: ThemeArg) -> Self {
        match theme {
            ThemeArg::Dark => Self::Dark,
            ThemeArg::Light => Self::Light,
        }
    }
}

/// Options of `twin-studio export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Twin files or folders of twins.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// html, md, pdf, svg, png or csv.
    #[arg(long, short, value_parser = parse_format)]
    pub format: Format,
    /// The chart for svg and png: radar, bars, deltas, map or timeline.
    #[arg(long, value_parser = parse_chart, default_value = "radar")]
    pub chart: ChartKind,
    /// Output file (default: beside the input, see above).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// PDF paper size: a4 or letter.
    #[arg(long, value_parser = parse_page, default_value = "a4")]
    pub page: PageSize,
    /// PNG scale: pixels per chart unit, above 0 and at most 8.
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_key(s).ok_or_else(|| {
        let keys: Vec<&str> = Format::ALL.iter().map(|f| f.key()).collect();
        format!("unknown format \"{s}\"; use one of {}", keys.join(", "))
    })
}

fn parse_chart(s: &str) -> Result<ChartKind, String> {
    ChartKind::from_key(s).ok_or_else(|| {
        let keys: Vec<&str> = ChartKind::ALL.iter().map(|k| k.key()).collect();
        format!("unknown chart \"{s}\"; use one of {}", keys.join(", "))
    })
}

fn parse_page(s: &str) -> Result<PageSize, String> {
    match s.to_ascii_lowercase().as_str() {
        "a4" => Ok(PageSize::A4),
        "letter" => Ok(PageSize::Letter),
        _ => Err(format!("unknown page size \"{s}\"; use a4 or letter")),
    }
}

/// Expands folders into the twin files inside them; a problem with a path becomes a message.
pub fn expand_inputs(paths: &[PathBuf]) -> Vec<Result<PathBuf, String>> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            match twin_files_in(path) {
                Ok(files) if files.is_empty() => out.push(Err(format!(
                    "{}: no *{TWIN_EXTENSION} files in this folder",
                    path.display()
                ))),
                Ok(files) => out.extend(files.into_iter().map(Ok)),
                Err(e) => out.push(Err(format!(
                    "{}: cannot list the folder: {e}",
                    path.display()
                ))),
            }
        } else if path.exists() {
            out.push(Ok(path.clone()));
        } else {
            out.push(Err(format!(
                "{}: no such file or folder: check the path",
                path.display()
            )));
        }
    }
    out
}

/// `twin-studio validate`: returns the exit code. Evidence-health flags are listed as warnings,
/// and with `strict` they make the file bad (for CI in a team's own twin repository).
pub fn validate(paths: &[PathBuf], strict: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut good = 0usize;
    let mut bad = 0usize;
    for input in expand_inputs(paths) {
        let result = input.and_then(|path| match load_twin(&path) {
            Ok(twin) => {
                let flags = evidence_health(&twin);
                let label = if strict { "error" } else { "warning" };
                for flag in &flags {
                    let _ = writeln!(err, "{}: {label}: {flag}", path.display());
                }
                if strict && !flags.is_empty() {
                    Err(format!(
                        "{}: {} evidence-health flags (--strict): fix them or drop --strict",
                        path.display(),
                        flags.len()
                    ))
                } else {
                    Ok(path)
                }
            }
            Err(e) => Err(e.to_string()),
        });
        match result {
            Ok(path) => {
                good += 1;
                let _ = writeln!(out, "ok {}", path.display());
            }
            Err(message) => {
                bad += 1;
                let _ = writeln!(err, "{message}");
            }
        }
    }
    if bad > 0 {
        let _ = writeln!(err, "{bad} bad, {good} ok");
        EXIT_BAD_INPUT
    } else {
        EXIT_OK
    }
}

/// `twin-studio fmt`: rewrites each valid file canonically; invalid files are left untouched.
pub fn fmt(paths: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut code = EXIT_OK;
    for input in expand_inputs(paths) {
        let result = input.and_then(|path| {
            let twin = load_twin(&path).map_err(|e| e.to_string())?;
            let canonical = to_json(&twin);
            if std::fs::read(&path).ok().as_deref() == Some(canonical.as_bytes()) {
                return Ok(format!("unchanged {}", path.display()));
            }
            atomic_write(&path, canonical.as_bytes())
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            Ok(format!("formatted {}", path.display()))
        });
        match result {
            Ok(line) => {
                let _ = writeln!(out, "{line}");
            }
            Err(message) => {
                code = EXIT_BAD_INPUT;
                let _ = writeln!(err, "{message}");
            }
        }
    }
    code
}

/// `twin-studio export`: loads every input (any bad input stops the export with the same errors as
/// `validate`), renders, refuses to overwrite without `--force`, writes atomically.
pub fn export(args: &ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    if !(args.scale.is_finite() && args.scale > 0.0 && args.scale <= crate::report::png::MAX_SCALE)
    {
        let _ = writeln!(
            err,
            "--scale {} is out of range: use a number above 0 and at most {}",
            args.scale,
            crate::report::png::MAX_SCALE
        );
        return EXIT_USAGE;
    }
    let portfolio = args.inputs.len() > 1 || args.inputs.iter().any(|p| p.is_dir());
    if portfolio && !args.format.supports_portfolio() {
        let _ = writeln!(
            err,
            "--format {} exports one chart of one twin: give a single twin file (use html, md, \
             pdf or csv for a folder)",
            args.format.key()
        );
        return EXIT_USAGE;
    }
    let mut twins: Vec<Twin> = Vec::new();
    let mut bad = 0usize;
    for input in expand_inputs(&args.inputs) {
        match input.and_then(|path| load_twin(&path).map_err(|e| e.to_string())) {
            Ok(twin) => twins.push(twin),
            Err(message) => {
                bad += 1;
                let _ = writeln!(err, "{message}");
            }
        }
    }
    if bad > 0 {
        let _ = writeln!(err, "{bad} bad input(s): nothing exported");
        return EXIT_BAD_INPUT;
    }
    let options = ExportOptions {
        format: args.format,
        chart: args.chart,
        page: args.page,
        scale: args.scale,
    };
    let target = args
        .out
        .clone()
        .unwrap_or_else(|| default_output(&args.inputs, &options));
    let title = match args.inputs.as_slice() {
        [folder] if folder.is_dir() => folder
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .map_or_else(|| "Portfolio".to_owned(), |n| format!("Portfolio: {n}")),
        _ => "Portfolio".to_owned(),
    };
    let refs: Vec<&Twin> = twins.iter().collect();
    let files = match export_files(&refs, &title, &options, &target) {
        Ok(files) => files,
        Err(e) => {
            let _ = writeln!(err, "{}: {e}", target.display());
            return EXIT_BAD_INPUT;
        }
    };
    if let Err(message) = write_files(&files, args.force) {
        let _ = writeln!(err, "{message}");
        return EXIT_BAD_INPUT;
    }
    for (path, _) in &files {
        let _ = writeln!(out, "wrote {}", path.display());
    }
    EXIT_OK
}

/// Runs a verb (all headless but `present`); `None` means "open the studio" (handled by the binary).
pub fn run_headless(command: &Command) -> i32 {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    match command {
        Command::Validate { paths, strict } => {
            validate(paths, *strict, &mut stdout.lock(), &mut stderr.lock())
        }
        Command::Fmt { paths } => fmt(paths, &mut stdout.lock(), &mut stderr.lock()),
        Command::Export(args) => export(args, &mut stdout.lock(), &mut stderr.lock()),
        Command::Present { file, slide, theme } => crate::present::run(
            file,
            slide.map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
            (*theme).into(),
        ),
        Command::Schema => {
            let _ = stdout
                .lock()
                .write_all(crate::schema::twin_schema_json().as_bytes());
            EXIT_OK
        }
    }
}

/// The bundled sample library: the user's copy of the installed samples, else the source tree's.
pub fn default_library_folder() -> PathBuf {
    crate::store::sample_library()
}
