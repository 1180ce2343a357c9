//! Spreadsheet round trips: every sample exported to CSV and to XLSX imports back to the same
//! scores (with evidence) and moves; `--into` updates a twin and says what changed; bad tables
//! name the file, row and column and write nothing.

use crate::support;

use std::path::{Path, PathBuf};

use twin_studio::cli::{ImportArgs, import};
use twin_studio::interop::{TableFormat, import_into, import_new, read_table};
use twin_studio::model::{Side, Twin};
use twin_studio::report::{csv, xlsx};
use twin_studio::store::{load_twin, to_json};

fn assert_same_scores_and_moves(name: &str, back: &Twin, sample: &Twin) {
    for side in Side::BOTH {
        assert_eq!(
            back.side(side).scores,
            sample.side(side).scores,
            "{name} {} scores",
            side.key()
        );
        assert_eq!(
            back.side(side).moves,
            sample.side(side).moves,
            "{name} {} moves",
            side.key()
        );
        assert_eq!(back.side(side).name, sample.side(side).name);
    }
    assert_eq!(back.id, sample.id);
    let ids = |t: &Twin| -> Vec<(String, String, f64)> {
        t.framework
            .pillars
            .iter()
            .map(|p| (p.id.clone(), p.name.clone(), p.weight))
            .collect()
    };
    assert_eq!(ids(back), ids(sample), "{name} pillars");
}

#[test]
fn every_sample_round_trips_through_csv() {
    for name in &support::sample_ids() {
        let sample = support::sample(name);
        let bytes = csv::render(&[&sample]).expect("csv");
        let table = read_table("t.csv", TableFormat::Csv, &bytes).expect("reads");
        let back = import_new("t.csv", &table, None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_same_scores_and_moves(name, &back, &sample);
    }
}

#[test]
fn every_sample_round_trips_through_xlsx() {
    for name in &support::sample_ids() {
        let sample = support::sample(name);
        let bytes = xlsx::render(&[&sample]).expect("xlsx");
        let table = read_table("t.xlsx", TableFormat::Xlsx, &bytes).expect("reads");
        let back = import_new("t.xlsx", &table, None).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_same_scores_and_moves(name, &back, &sample);
    }
}

#[test]
fn xlsx_has_three_sheets_with_typed_cells() {
    let sample = support::sample("amazon-alibaba");
    let bytes = xlsx::render(&[&sample]).expect("xlsx");
    let table = read_table("t.xlsx", TableFormat::Xlsx, &bytes).expect("reads");
    let names: Vec<&str> = table.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["scores", "moves", "evidence"]);
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
    let scores = wb.worksheet_range("scores").expect("scores");
    assert!(
        matches!(scores.get((1, 6)), Some(Data::Float(_))),
        "score is a number"
    );
    let moves = wb.worksheet_range("moves").expect("moves");
    assert!(
        matches!(moves.get((1, 3)), Some(Data::Float(_))),
        "year is a number"
    );
    assert!(
        matches!(moves.get((1, 10)), Some(Data::Bool(_))),
        "flag is a boolean"
    );
}

#[test]
fn a_portfolio_table_needs_a_twin_choice() {
    let a = support::sample("amazon-alibaba");
    let b = support::sample("uber-didi");
    let bytes = csv::render(&[&a, &b]).expect("csv");
    let table = read_table("p.csv", TableFormat::Csv, &bytes).expect("reads");
    let err = import_new("p.csv", &table, None).expect_err("two twins");
    assert!(err[0].to_string().contains("--twin"), "{}", err[0]);
    let back = import_new("p.csv", &table, Some("uber-didi")).expect("picked");
    assert_same_scores_and_moves("uber-didi", &back, &b);
}

/// The CSV of the flagship sample with one cell replaced: the first row of `record` kind whose
/// `column` is set to `value`.
fn edited_csv(record: &str, column: &str, value: &str) -> String {
    let sample = support::sample("amazon-alibaba");
    let bytes = csv::render(&[&sample]).expect("csv");
    let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().expect("headers").clone();
    let at = headers.iter().position(|h| h == column).expect("column");
    let mut w = ::csv::Writer::from_writer(Vec::new());
    w.write_record(&headers).expect("write");
    let mut done = false;
    for row in reader.records() {
        let mut cells: Vec<String> = row.expect("row").iter().map(String::from).collect();
        if !done && cells[0] == record {
            cells[at] = value.to_owned();
            done = true;
        }
        w.write_record(&cells).expect("write");
    }
    String::from_utf8(w.into_inner().expect("bytes")).expect("utf8")
}

fn errors_of(text: &str) -> Vec<String> {
    let table = read_table("bad.csv", TableFormat::Csv, text.as_bytes()).expect("reads");
    import_new("bad.csv", &table, None)
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_bad_cell_names_row_column_and_what_is_allowed() {
    let errors = errors_of(&edited_csv("score", "score", "11"));
    assert_eq!(
        errors,
        ["bad.csv: row 2, column score: is 11; it must be from 0 to 10"]
    );
    let errors = errors_of(&edited_csv("score", "score", "seven"));
    assert_eq!(
        errors,
        [
            "bad.csv: row 2, column score: is \"seven\"; enter a number such as 7.5 (a point, no unit)"
        ]
    );
    let errors = errors_of(&edited_csv("move", "mode", "stolen"));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0]
            .contains("column mode: is \"stolen\"; use built, acquired, partnered or invested"),
        "{errors:?}"
    );
    let errors = errors_of(&edited_csv("evidence", "source_url", "javascript:alert(1)"));
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].contains("column source_url: must start with http://, https:// or mailto:"),
        "{errors:?}"
    );
}

#[test]
fn a_missing_column_is_named_with_the_columns_needed() {
    let text = edited_csv("score", "score", "7");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[0] = lines[0].replace(",score,", ",points,");
    let errors = errors_of(&lines.join("\n"));
    assert_eq!(
        errors,
        [
            "bad.csv: row 1, column score: is missing from the header; score rows need the \
             columns twin_id, side, company, pillar_id, score"
        ]
    );
}

#[test]
fn an_unknown_pillar_is_refused_with_the_pillars_allowed() {
    let sample = support::sample("amazon-alibaba");
    let text = edited_csv("score", "pillar_id", "loyalty");
    let table = read_table("bad.csv", TableFormat::Csv, text.as_bytes()).expect("reads");
    let errors = import_into("bad.csv", &table, &sample, None).expect_err("refused");
    assert_eq!(
        errors[0].to_string(),
        "bad.csv: row 2, column pillar_id: is \"loyalty\", a pillar twin \"amazon-alibaba\" does \
         not have; use one of base, digital_convenience, partner_in_life, save_the_world"
    );
    // In a new twin an evidence row must back a score the table gives.
    let errors = errors_of(&edited_csv("evidence", "pillar_id", "loyalty"));
    assert!(
        errors[0].contains("column pillar_id: names pillar \"loyalty\", which has no west score"),
        "{errors:?}"
    );
}

#[test]
fn a_duplicate_row_points_at_the_first() {
    let text = edited_csv("score", "score", "7");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let score_row = lines[1].clone();
    lines.push(score_row);
    let n = lines.len();
    let errors = errors_of(&lines.join("\n"));
    assert_eq!(
        errors,
        [format!(
            "bad.csv: row {n}, column pillar_id: duplicates row 2: the west score on base is \
             given twice; delete one of the rows"
        )]
    );
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn run(args: &ImportArgs) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = import(args, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

fn args(table: &Path, out: Option<PathBuf>, into: Option<PathBuf>) -> ImportArgs {
    ImportArgs {
        table: table.to_owned(),
        out,
        into,
        twin: None,
        force: false,
    }
}

#[test]
fn cli_writes_nothing_when_any_row_is_bad() {
    let dir = temp_dir();
    for (name, text) in [
        ("cell.csv", edited_csv("score", "score", "11")),
        ("pillar.csv", edited_csv("score", "side", "north")),
        (
            "column.csv",
            edited_csv("move", "year", "").replace("year,", "yr,"),
        ),
    ] {
        let table = dir.path().join(name);
        std::fs::write(&table, text).expect("write");
        let out = dir.path().join("new.twin.json");
        let (code, _, err) = run(&args(&table, Some(out.clone()), None));
        assert_eq!(code, 1, "{name}: {err}");
        assert!(
            err.contains(name) && err.contains("nothing written"),
            "{err}"
        );
        assert!(!out.exists(), "{name}: nothing written");
    }
    // --into leaves the twin's bytes alone.
    let twin_path = dir.path().join("amazon-alibaba.twin.json");
    let original = to_json(&support::sample("amazon-alibaba"));
    std::fs::write(&twin_path, &original).expect("write");
    let table = dir.path().join("pillar.csv");
    std::fs::write(&table, edited_csv("score", "pillar_id", "loyalty")).expect("write");
    let (code, _, err) = run(&args(&table, None, Some(twin_path.clone())));
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read_to_string(&twin_path).expect("read"), original);
}

#[test]
fn cli_into_updates_scores_and_moves_keeps_evidence_and_says_what_changed() {
    let dir = temp_dir();
    let twin_path = dir.path().join("amazon-alibaba.twin.json");
    let sample = support::sample("amazon-alibaba");
    std::fs::write(&twin_path, to_json(&sample)).expect("write");
    let before = sample.west.scores["base"].value;
    let mut text = edited_csv("score", "score", "6.5");
    // Drop the note and source columns' content of nothing: strength of the first move changes.
    let sample_strength = sample.west.moves[0].strength;
    let new_strength = if sample_strength == 3.0 { 4.0 } else { 3.0 };
    text = {
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().expect("h").clone();
        let at = headers.iter().position(|h| h == "strength").expect("col");
        let mut w = ::csv::Writer::from_writer(Vec::new());
        w.write_record(&headers).expect("w");
        let mut done = false;
        for row in reader.records() {
            let mut cells: Vec<String> = row.expect("row").iter().map(String::from).collect();
            if !done && cells[0] == "move" {
                cells[at] = new_strength.to_string();
                done = true;
            }
            w.write_record(&cells).expect("w");
        }
        String::from_utf8(w.into_inner().expect("b")).expect("utf8")
    };
    let table = dir.path().join("edited.csv");
    std::fs::write(&table, text).expect("write");
    let (code, out, err) = run(&args(&table, None, Some(twin_path.clone())));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!("west base: {before} -> 6.5")),
        "{out}"
    );
    assert!(
        out.contains(&format!("strength {sample_strength} -> {new_strength}")),
        "{out}"
    );
    assert!(out.contains("2 changes"), "{out}");
    let updated = load_twin(&twin_path).expect("valid");
    assert_eq!(updated.west.scores["base"].value, 6.5);
    assert_eq!(
        updated.west.scores["base"].evidence, sample.west.scores["base"].evidence,
        "evidence kept"
    );
    assert_eq!(updated.west.moves[0].strength, new_strength);
    assert_eq!(updated.west.moves[0].note, sample.west.moves[0].note);
    assert_eq!(updated.lessons, sample.lessons, "the rest untouched");
}

#[test]
fn cli_out_writes_a_valid_twin_and_refuses_to_overwrite() {
    let dir = temp_dir();
    let sample = support::sample("uber-didi");
    let table = dir.path().join("uber.xlsx");
    std::fs::write(&table, xlsx::render(&[&sample]).expect("xlsx")).expect("write");
    let out = dir.path().join("new.twin.json");
    let (code, stdout, err) = run(&args(&table, Some(out.clone()), None));
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("wrote"), "{stdout}");
    let back = load_twin(&out).expect("the new file loads and validates");
    assert_same_scores_and_moves("uber-didi", &back, &sample);
    let (code, _, err) = run(&args(&table, Some(out.clone()), None));
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
}
