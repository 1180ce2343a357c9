//! Spreadsheet files read into plain text tables: a CSV file is one sheet, an XLSX workbook one
//! sheet per worksheet. Cells become the text a person sees, so one parser serves both formats.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::ImportError;
use crate::store::FileErrorKind;

/// Tables larger than this are refused before parsing: a twin has at most a few thousand rows.
pub const MAX_TABLE_BYTES: u64 = 32 * 1024 * 1024;

/// The file formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    /// From the file extension (case-insensitive); `None` for anything else.
    pub fn from_path(path: &Path) -> Option<TableFormat> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }
}

/// One worksheet (or the whole CSV file): a header row naming the columns, then data rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// Empty for CSV; the worksheet name for XLSX (it also tells the record kind).
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// A data row with the number a spreadsheet shows for it (the header is row 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// Every sheet of a table file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub sheets: Vec<Sheet>,
}

/// Reads a table file from disk, refusing unknown extensions and oversized files.
pub fn read_table_file(path: &Path) -> Result<Table, ImportError> {
    let file = path.display().to_string();
    let format = TableFormat::from_path(path).ok_or_else(|| {
        ImportError::file(
            &file,
            "is not a .csv or .xlsx file: export one from your spreadsheet",
        )
    })?;
    let bytes =
        crate::store::read_bytes_at_most(path, MAX_TABLE_BYTES).map_err(|e| match e.kind {
            FileErrorKind::TooLarge { bytes, limit } => ImportError::file(
                &file,
                format!("is {bytes} bytes; at most {limit} are read: split the table by twin"),
            ),
            _ => ImportError::file(&file, format!("cannot be read: {e}")),
        })?;
    read_table(&file, format, &bytes)
}

/// Parses table bytes; `file` names the source in error messages.
pub fn read_table(file: &str, format: TableFormat, bytes: &[u8]) -> Result<Table, ImportError> {
    match format {
        TableFormat::Csv => read_csv(file, bytes),
        TableFormat::Xlsx => read_xlsx(file, bytes),
    }
}

fn read_csv(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    // Spreadsheets on Windows often save UTF-8 with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut sheet = Sheet::default();
    for (i, record) in reader.records().enumerate() {
        let number = i + 1;
        let record = record.map_err(|e| {
            let detail = match e.kind() {
                ::csv::ErrorKind::Utf8 { .. } => {
                    "is not UTF-8 text: save the CSV as UTF-8".to_owned()
                }
                _ => format!("cannot be read as CSV: {e}"),
            };
            ImportError::at(file, "", number, "", detail)
        })?;
        let cells: Vec<String> = record.iter().map(un_neutralise).collect();
        if number == 1 {
            sheet.headers = cells.iter().map(|h| h.trim().to_owned()).collect();
        } else if cells.iter().any(|c| !c.trim().is_empty()) {
            sheet.rows.push(Row { number, cells });
        }
    }
    Ok(Table {
        sheets: vec![sheet],
    })
}

/// Undoes `report::csv::neutralise`: a `'` put before a formula-like first character.
fn un_neutralise(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        ImportError::file(
            file,
            format!("cannot be read as an XLSX workbook ({e}): save it as .xlsx"),
        )
    })?;
    let mut table = Table::default();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(|e| {
            ImportError::file(file, format!("sheet \"{name}\" cannot be read: {e}"))
        })?;
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let first_col = range.start().map_or(0, |(_, col)| col as usize);
        let mut sheet = Sheet {
            name: name.clone(),
            ..Sheet::default()
        };
        for (i, cells) in range.rows().enumerate() {
            // Columns left of the used range are empty; keep positions as the sheet shows them.
            let mut texts = vec![String::new(); first_col];
            texts.extend(cells.iter().map(cell_text));
            let number = first_row + i + 1;
            if sheet.headers.is_empty() {
                if texts.iter().any(|c| !c.trim().is_empty()) {
                    sheet.headers = texts.iter().map(|h| h.trim().to_owned()).collect();
                }
            } else if texts.iter().any(|c| !c.trim().is_empty()) {
                sheet.rows.push(Row {
                    number,
                    cells: texts,
                });
            }
        }
        table.sheets.push(sheet);
    }
    Ok(table)
}

/// The text a person reads in a cell; dates become `YYYY-MM-DD` (how source dates are written).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_are_numbered_as_a_spreadsheet_shows_them() {
        let table = read_table(
            "t.csv",
            TableFormat::Csv,
            b"\xEF\xBB\xBFrecord,side\nscore,west\n,\nmove,'=east\n",
        )
        .expect("reads");
        let sheet = &table.sheets[0];
        assert_eq!(sheet.headers, ["record", "side"]);
        assert_eq!(sheet.rows.len(), 2, "the blank row is skipped");
        assert_eq!(sheet.rows[1].number, 4);
        assert_eq!(sheet.rows[1].cells, ["move", "=east"]);
    }

    #[test]
    fn neutralised_cells_come_back_as_written() {
        assert_eq!(un_neutralise("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(un_neutralise("''quoted"), "'quoted");
        assert_eq!(un_neutralise("'plain"), "'plain");
        assert_eq!(un_neutralise("Amazon"), "Amazon");
    }

    #[test]
    fn non_utf8_csv_names_the_row_and_the_fix() {
        let err = read_table("bad.csv", TableFormat::Csv, b"record\n\xff\xfe\n").expect_err("bad");
        let text = err.to_string();
        assert!(text.contains("bad.csv") && text.contains("row 2"), "{text}");
        assert!(text.contains("UTF-8"), "{text}");
    }

    #[test]
    fn garbage_is_not_a_workbook() {
        let err = read_table("x.xlsx", TableFormat::Xlsx, b"not a zip").expect_err("bad");
        assert!(err.to_string().contains("XLSX"), "{err}");
    }

    #[test]
    fn formats_come_from_the_extension() {
        assert_eq!(
            TableFormat::from_path(Path::new("a.CSV")),
            Some(TableFormat::Csv)
        );
        assert_eq!(
            TableFormat::from_path(Path::new("a.xlsx")),
            Some(TableFormat::Xlsx)
        );
        assert_eq!(TableFormat::from_path(Path::new("a.ods")), None);
    }
}
