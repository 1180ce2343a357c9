//! Twins from spreadsheets: the table `export -f csv` or `-f xlsx` writes comes back as a twin.
//!
//! `table` turns a CSV or XLSX file into text rows, `parse` reads the rows (one per score, move
//! or evidence claim) into typed records, and `build` makes a new twin from them or merges them
//! into an existing one. The model's own validation runs on the result, and its issues are
//! mapped back to the row and column they came from, so a bad cell is reported where the user
//! can fix it. Nothing here writes files: the caller writes only when everything is valid.

mod build;
mod cells;
mod parse;
mod table;

use std::fmt;

pub use build::{ImportSummary, import_into, import_new};
pub use parse::{ImportedTwin, parse_table};
pub use table::{MAX_TABLE_BYTES, Row, Sheet, Table, TableFormat, read_table, read_table_file};

/// One problem with an imported table: the file, where in it, and what is allowed there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// The worksheet, for XLSX; empty for CSV.
    pub sheet: String,
    /// The row number a spreadsheet shows (the header is row 1); 0 when the whole file is meant.
    pub row: usize,
    /// The column name from the header; empty when the whole row or file is meant.
    pub column: String,
    pub message: String,
}

impl ImportError {
    /// A problem with the file as a whole.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        Self::at(file, "", 0, "", message)
    }

    /// A problem at a sheet, row and column.
    pub fn at(
        file: &str,
        sheet: &str,
        row: usize,
        column: &str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_owned(),
            sheet: sheet.to_owned(),
            row,
            column: column.to_owned(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file)?;
        let mut place = Vec::new();
        if !self.sheet.is_empty() {
            place.push(format!("sheet \"{}\"", self.sheet));
        }
        if self.row > 0 {
            place.push(format!("row {}", self.row));
        }
        if !self.column.is_empty() {
            place.push(format!("column {}", self.column));
        }
        if !place.is_empty() {
            write!(f, " {}:", place.join(", "))?;
        }
        write!(f, " {}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_file_sheet_row_and_column() {
        let e = ImportError::at("a.xlsx", "scores", 4, "score", "is 11; it must be 0 to 10");
        assert_eq!(
            e.to_string(),
            "a.xlsx: sheet \"scores\", row 4, column score: is 11; it must be 0 to 10"
        );
        assert_eq!(
            ImportError::file("a.csv", "is empty").to_string(),
            "a.csv: is empty"
        );
    }
}
