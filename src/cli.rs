//! The command line: no verb opens the studio; `validate`, `fmt`, `schema`, `export` and
//! `import` work headless.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::analysis::evidence_health;
use crate::charts::ChartKind;
use crate::export::{ExportOptions, default_output, export_files};
use crate::model::{Twin, bounded, escape_controls};
use crate::report::{Format, PageSize};
use crate::store::{
    TWIN_EXTENSION, atomic_write, is_same_file, load_twin, parse_twin, read_twin_bytes, to_json,
    twin_files_in, write_files,
};

pub use crate::desktop::{EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE};

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
    pub verb: Option<Verb>,
    /// Twin files or folders of twins to open in the studio (default: the last library, else the
    /// bundled samples). Each path after the first opens in a window of its own.
    pub paths: Vec<PathBuf>,
}

/// The verbs: all headless but `present`, which opens the presenter window.
#[derive(Debug, Subcommand)]
pub enum Verb {
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
    /// Export a report (html, md, pdf), a table (csv, xlsx) or one chart (svg, png) of twins.
    ///
    /// One twin file gives its report; several files or a folder give one portfolio report with a
    /// West-vs-China summary. Without --out the file goes beside the input: `x.twin.json` ->
    /// `x.html` (or `x-radar.png` for charts), a folder `F` -> `F.html` beside it, several files ->
    /// `portfolio.html` beside the first. Markdown writes its chart SVGs beside the .md file.
    /// Existing files are never overwritten unless --force is given.
    Export(ExportArgs),
    /// Make a twin from a spreadsheet, or update a twin's scores and moves from one.
    ///
    /// Reads CSV or XLSX in the layout `export -f csv` / `-f xlsx` writes (a header naming the
    /// columns; one row per score, move or evidence claim). With --out a new twin file is
    /// written; with --into an existing twin's scores and moves are updated (evidence kept,
    /// nothing deleted) and what changed is printed. Any bad row stops the import with its row
    /// and column, and nothing is written.
    Import(ImportArgs),
    /// Present a twin full screen as a deck (opens a window; Esc leaves).
    Present {
        file: PathBuf,
        /// The slide to start on, counting from 1.
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
        slide: Option<u64>,
        /// Projector theme.
        #[arg(long, value_enum, default_value_t = ThemeArg::Dark)]
        theme: ThemeArg,
        /// Time each slide in a practice run; the times are saved into FILE when it ends, and
        /// the console then says on stage whether the talk runs ahead or behind.
        #[arg(long)]
        rehearse: bool,
    },
}

/// Options of `twin-studio import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A .csv or .xlsx file.
    pub table: PathBuf,
    /// Write a new twin file here.
    #[arg(long, conflicts_with = "into", required_unless_present = "into")]
    pub out: Option<PathBuf>,
    /// Update this twin file's scores and moves in place.
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// Which twin's rows to take when the table holds several (its twin_id).
    #[arg(long)]
    pub twin: Option<String>,
    /// Overwrite an existing --out file.
    #[arg(long)]
    pub force: bool,
}

/// `--theme` of `present` and of the deck exports: the projector themes.
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
    /// html, md, pdf, svg, png, csv, xlsx, deck-pdf or pptx.
    #[arg(long, short, value_parser = parse_format)]
    pub format: Format,
    /// The chart for svg and png: radar, bars, deltas, map, timeline or history (scores over time).
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
    /// Slide shape of deck-pdf and pptx: 16:9 or 4:3.
    #[arg(long, value_parser = parse_aspect, default_value = "16:9")]
    pub aspect: crate::report::pptx::Aspect,
    /// Projector theme of deck-pdf (default dark, as the live deck) and pptx (default light).
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,
    /// Overwrite existing files.
    #[arg(long)]
    pub force: bool,
}

fn parse_aspect(s: &str) -> Result<crate::report::pptx::Aspect, String> {
    crate::report::pptx::Aspect::from_key(s)
        .ok_or_else(|| format!("unknown aspect \"{s}\"; use 16:9 or 4:3"))
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
                    shown(path)
                ))),
                Ok(files) => out.extend(files.into_iter().map(Ok)),
                Err(e) => out.push(Err(format!("{}: cannot list the folder: {e}", shown(path)))),
            }
        } else if path.symlink_metadata().is_ok() {
            // Anything that exists goes to the loader, which names FIFOs, devices and symlink
            // loops precisely instead of calling them missing.
            out.push(Ok(path.clone()));
        } else {
            out.push(Err(format!(
                "{}: no such file or folder: check the path",
                shown(path)
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
                let _ = writeln!(out, "ok {}", shown(&path));
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
            let bytes = read_twin_bytes(&path).map_err(|e| e.to_string())?;
            let twin = parse_twin(&path, &bytes).map_err(|e| e.to_string())?;
            let canonical = to_json(&twin);
            if bytes == canonical.as_bytes() {
                return Ok(format!("unchanged {}", shown(&path)));
            }
            atomic_write(&path, canonical.as_bytes())
                .map_err(|e| bounded(&format!("{}: not written: {e}", shown(&path))))?;
            Ok(format!("formatted {}", shown(&path)))
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
    let mut input_files: Vec<PathBuf> = Vec::new();
    let mut bad = 0usize;
    for input in expand_inputs(&args.inputs) {
        let loaded = input.and_then(|path| {
            let twin = load_twin(&path).map_err(|e| e.to_string())?;
            Ok((path, twin))
        });
        match loaded {
            Ok((path, twin)) => {
                input_files.push(path);
                twins.push(twin);
            }
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
        aspect: args.aspect,
        theme: args.theme.map(Into::into),
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
            let _ = writeln!(err, "{}: {e}", shown(&target));
            return EXIT_BAD_INPUT;
        }
    };
    // Even with --force, an export must never replace the twin it was made from.
    for (path, _) in &files {
        if let Some(input) = input_files.iter().find(|input| is_same_file(input, path)) {
            let _ = writeln!(
                err,
                "{}: is the input {}; an export never replaces a twin: choose another --out",
                shown(path),
                shown(input)
            );
            return EXIT_USAGE;
        }
    }
    if let Err(message) = write_files(&files, args.force) {
        let _ = writeln!(err, "{message}");
        return EXIT_BAD_INPUT;
    }
    for (path, _) in &files {
        let _ = writeln!(out, "wrote {}", shown(path));
    }
    EXIT_OK
}

/// At most this many problems are listed; the rest are counted.
const MAX_LISTED_PROBLEMS: usize = 50;

fn report_import_errors(errors: &[crate::interop::ImportError], err: &mut dyn Write) -> i32 {
    for e in errors.iter().take(MAX_LISTED_PROBLEMS) {
        let _ = writeln!(err, "{e}");
    }
    if errors.len() > MAX_LISTED_PROBLEMS {
        let _ = writeln!(err, "... and {} more", errors.len() - MAX_LISTED_PROBLEMS);
    }
    let _ = writeln!(err, "{} problem(s): nothing written", errors.len());
    EXIT_BAD_INPUT
}

/// `twin-studio import`: reads the table, builds or updates the twin, and writes it only when
/// every row is valid.
pub fn import(args: &ImportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    use crate::interop::{import_into, import_new, read_table_file};
    let file = args.table.display().to_string();
    let table = match read_table_file(&args.table) {
        Ok(table) => table,
        Err(e) => return report_import_errors(&[e], err),
    };
    if let Some(target) = &args.into {
        let existing = match load_twin(target) {
            Ok(twin) => twin,
            Err(e) => {
                let _ = writeln!(err, "{e}");
                let _ = writeln!(err, "nothing written");
                return EXIT_BAD_INPUT;
            }
        };
        let (twin, summary) = match import_into(&file, &table, &existing, args.twin.as_deref()) {
            Ok(done) => done,
            Err(errors) => return report_import_errors(&errors, err),
        };
        let _ = writeln!(out, "{}: from {file}", target.display());
        let _ = writeln!(out, "{summary}");
        if twin == existing {
            let _ = writeln!(out, "unchanged {}", target.display());
            return EXIT_OK;
        }
        if let Err(e) = atomic_write(target, to_json(&twin).as_bytes()) {
            let _ = writeln!(err, "{}: cannot write: {e}", target.display());
            return EXIT_BAD_INPUT;
        }
        let _ = writeln!(out, "updated {}", target.display());
        return EXIT_OK;
    }
    let Some(target) = &args.out else {
        let _ = writeln!(err, "give --out NEW.twin.json or --into EXISTING.twin.json");
        return EXIT_USAGE;
    };
    let twin = match import_new(&file, &table, args.twin.as_deref()) {
        Ok(twin) => twin,
        Err(errors) => return report_import_errors(&errors, err),
    };
    if target.exists() && !args.force {
        let _ = writeln!(
            err,
            "{}: already exists; pass --force to overwrite, or --into to update it",
            target.display()
        );
        return EXIT_BAD_INPUT;
    }
    if let Err(e) = atomic_write(target, to_json(&twin).as_bytes()) {
        let _ = writeln!(err, "{}: cannot write: {e}", target.display());
        return EXIT_BAD_INPUT;
    }
    let scores = twin.west.scores.len() + twin.east.scores.len();
    let moves = twin.west.moves.len() + twin.east.moves.len();
    let _ = writeln!(
        out,
        "wrote {} (twin {}: {scores} scores, {moves} moves)",
        target.display(),
        twin.id
    );
    EXIT_OK
}

/// A path as printed: control characters in a file name must not forge output lines.
fn shown(path: &std::path::Path) -> String {
    escape_controls(&path.display().to_string()).into_owned()
}

/// Runs a verb and returns the exit code; no verb means "open the studio" (handled by the binary).
pub fn run_verb(verb: &Verb) -> i32 {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    match verb {
        Verb::Validate { paths, strict } => {
            validate(paths, *strict, &mut stdout.lock(), &mut stderr.lock())
        }
        Verb::Fmt { paths } => fmt(paths, &mut stdout.lock(), &mut stderr.lock()),
        Verb::Export(args) => export(args, &mut stdout.lock(), &mut stderr.lock()),
        Verb::Import(args) => import(args, &mut stdout.lock(), &mut stderr.lock()),
        Verb::Present {
            file,
            slide,
            theme,
            rehearse,
        } => crate::present::run(
            file,
            crate::present::PresentOptions {
                slide: slide.map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
                theme: (*theme).into(),
                rehearse: *rehearse,
            },
        ),
        Verb::Schema => {
            let _ = stdout
                .lock()
                .write_all(crate::schema::twin_schema_json().as_bytes());
            EXIT_OK
        }
    }
}
