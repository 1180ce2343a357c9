//! An Excel workbook of twins: a sheet of scores, one of moves, one of evidence, with typed cells
//! (numbers, years and flags as such) and frozen headers. Column names are the CSV's, so
//! `twin-studio import` reads either file.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::ReportError;
use super::csv::{HEADERS, source_cells};
use super::records;
use crate::model::{Pillar, SectorVocabulary, Twin};

/// Columns of the scores sheet: the CSV's score columns without its `record` column.
pub const SCORE_HEADERS: &[&str] = HEADERS.split_at(1).1.split_at(8).0;

/// Columns of the moves sheet.
pub const MOVE_HEADERS: [&str; 15] = [
    "twin_id",
    "side",
    "company",
    "year",
    "unit",
    "sector",
    "sector_id",
    "mode",
    "distance",
    "strength",
    "in_super_app",
    "note",
    "source_title",
    "source_url",
    "source_date",
];

/// Columns of the evidence sheet.
pub const EVIDENCE_HEADERS: [&str; 9] = [
    "twin_id",
    "side",
    "company",
    "pillar_id",
    "pillar",
    "claim",
    "source_title",
    "source_url",
    "source_date",
];

/// One typed cell.
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Flag(bool),
}

/// Writes rows under a bold, frozen header row.
struct SheetWriter<'a> {
    sheet: &'a mut Worksheet,
    next_row: u32,
}

impl<'a> SheetWriter<'a> {
    fn new(sheet: &'a mut Worksheet, name: &str, headers: &[&str]) -> Result<Self, XlsxError> {
        sheet.set_name(name)?;
        let bold = Format::new().set_bold();
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Self { sheet, next_row: 1 })
    }

    /// One row: the cells that say whose record it is, then the record's own.
    fn row(&mut self, owner: &[Cell<'_>], cells: &[Cell<'_>]) -> Result<(), XlsxError> {
        let r = self.next_row;
        for (c, cell) in owner.iter().chain(cells).enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text("") => {}
                Cell::Text(t) => {
                    self.sheet.write_string(r, c, *t)?;
                }
                Cell::Number(n) => {
                    self.sheet.write_number(r, c, *n)?;
                }
                Cell::Flag(b) => {
                    self.sheet.write_boolean(r, c, *b)?;
                }
            }
        }
        self.next_row += 1;
        Ok(())
    }

    /// Column widths that fit the text, capped so long claims wrap the view, not the screen.
    fn finish(self) {
        self.sheet.set_autofit_max_width(420);
        self.sheet.autofit();
    }
}

/// The XLSX bytes for one or more twins.
pub fn render(twins: &[&Twin]) -> Result<Vec<u8>, ReportError> {
    build(twins).map_err(|e| ReportError::Xlsx(e.to_string()))
}

fn build(twins: &[&Twin]) -> Result<Vec<u8>, XlsxError> {
    let vocab = SectorVocabulary::bundled();
    let mut workbook = Workbook::new();
    let mut w = SheetWriter::new(workbook.add_worksheet(), "scores", SCORE_HEADERS)?;
    for (o, pillar, score) in records::scores(twins) {
        w.row(
            &pillar_cells(o, pillar),
            &[
                Cell::Number(pillar.weight),
                Cell::Number(score.value),
                Cell::Number(score.evidence.len() as f64),
            ],
        )?;
    }
    w.finish();
    let mut w = SheetWriter::new(workbook.add_worksheet(), "moves", &MOVE_HEADERS)?;
    for (o, m) in records::moves(twins) {
        let [title, url, date] = source_cells(m.source.as_ref());
        w.row(
            &owner_cells(o),
            &[
                Cell::Number(f64::from(m.year)),
                Cell::Text(&m.unit),
                Cell::Text(vocab.display_name(&m.sector)),
                Cell::Text(&m.sector),
                Cell::Text(m.mode.label()),
                Cell::Text(m.distance.label()),
                Cell::Number(m.strength),
                Cell::Flag(m.in_super_app),
                Cell::Text(&m.note),
                Cell::Text(&title),
                Cell::Text(&url),
                Cell::Text(&date),
            ],
        )?;
    }
    w.finish();
    let mut w = SheetWriter::new(workbook.add_worksheet(), "evidence", &EVIDENCE_HEADERS)?;
    for (o, pillar, e) in records::evidence(twins) {
        let [title, url, date] = source_cells(e.source.as_ref());
        w.row(
            &pillar_cells(o, pillar),
            &[
                Cell::Text(&e.claim),
                Cell::Text(&title),
                Cell::Text(&url),
                Cell::Text(&date),
            ],
        )?;
    }
    w.finish();
    workbook.save_to_buffer()
}

/// `twin_id`, `side`, `company`: whose record a row is.
fn owner_cells(o: records::Owner<'_>) -> [Cell<'_>; 3] {
    [
        Cell::Text(&o.twin.id),
        Cell::Text(o.side.key()),
        Cell::Text(&o.company.name),
    ]
}

/// The owner's cells, then `pillar_id` and `pillar`.
fn pillar_cells<'a>(o: records::Owner<'a>, pillar: &'a Pillar) -> [Cell<'a>; 5] {
    let [twin, side, company] = owner_cells(o);
    [
        twin,
        side,
        company,
        Cell::Text(&pillar.id),
        Cell::Text(&pillar.name),
    ]
}
