//! Tables on pages: columns sized to their content, header rows banded and repeated after a
//! page break, numbers right-aligned.

use super::layout::{Flow, wrap_segments};
use super::tags::Role;
use super::{MARGIN, Op, TOKENS};
use crate::assets::text_width;
use crate::report::Table;

impl Flow {
    /// The height a table takes, for keeping a figure and the table after it on one page.
    pub(super) fn table_height(&self, table: &Table) -> f32 {
        let size = 8.5;
        let line_h = size * 1.4;
        let pad = 4.0;
        let widths = column_widths(table, size, self.content_width(), pad);
        std::iter::once(&table.headers)
            .chain(&table.rows)
            .map(|row| {
                let lines = row
                    .iter()
                    .zip(&widths)
                    .map(|(cell, w)| wrap_segments(None, cell, size, w - 2.0 * pad).len())
                    .max()
                    .unwrap_or(1);
                lines.max(1) as f32 * line_h + 2.0 * pad
            })
            .sum::<f32>()
            + 12.0
    }

    pub(super) fn table(&mut self, table: &Table) {
        let size = 8.5;
        let line_h = size * 1.4;
        let pad = 4.0;
        let widths = column_widths(table, size, self.content_width(), pad);
        let wrap_row = |row: &[String]| -> Vec<Vec<String>> {
            row.iter()
                .zip(&widths)
                .map(|(cell, w)| {
                    wrap_segments(None, cell, size, w - 2.0 * pad)
                        .into_iter()
                        .map(|l| l.into_iter().map(|(t, _)| t).collect::<Vec<_>>().join(" "))
                        .collect()
                })
                .collect()
        };
        let header = wrap_row(&table.headers);
        let header_h = row_height(&header, line_h, pad);
        self.y += 4.0;
        self.ensure(header_h + line_h + 2.0 * pad);
        self.open(Role::Table);
        self.table_row(&header, &widths, table, true, size, line_h, pad);
        for row in &table.rows {
            let cells = wrap_row(row);
            let h = row_height(&cells, line_h, pad);
            if self.y + h > self.bottom() {
                self.new_page();
                self.table_row(&header, &widths, table, true, size, line_h, pad);
            }
            self.table_row(&cells, &widths, table, false, size, line_h, pad);
        }
        self.close();
        self.y += 8.0;
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn table_row(
        &mut self,
        cells: &[Vec<String>],
        widths: &[f32],
        table: &Table,
        header: bool,
        size: f32,
        line_h: f32,
        pad: f32,
    ) {
        let h = row_height(cells, line_h, pad);
        if header {
            self.push(Op::Rect {
                x: MARGIN,
                y: self.y,
                w: self.content_width(),
                h,
                colour: TOKENS.band,
            });
        }
        let mut x = MARGIN;
        self.open(Role::Row);
        for (i, (lines, w)) in cells.iter().zip(widths).enumerate() {
            self.open(Role::Cell { header });
            let numeric = table.numeric.get(i).copied().unwrap_or(false);
            for (j, line) in lines.iter().enumerate() {
                let tx = if numeric {
                    x + w - pad - text_width(line, size)
                } else {
                    x + pad
                };
                self.push(Op::Text {
                    x: tx,
                    y: self.y + pad + size + line_h * j as f32,
                    size,
                    text: line.clone(),
                    colour: TOKENS.ink,
                    bold: header,
                });
            }
            self.close();
            x += w;
        }
        self.close();
        self.y += h;
        self.push(Op::Rule {
            x1: MARGIN,
            y1: self.y,
            x2: self.width - MARGIN,
            y2: self.y,
            width: 0.5,
            colour: TOKENS.grid,
        });
    }
}

pub(super) fn row_height(cells: &[Vec<String>], line_h: f32, pad: f32) -> f32 {
    cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * line_h + 2.0 * pad
}

/// Column widths that fit `total`: each column gets at least its longest word (capped), the
/// rest is shared in proportion to how much more each column's longest cell wants.
pub(super) fn column_widths(table: &Table, size: f32, total: f32, pad: f32) -> Vec<f32> {
    let n = table.headers.len().max(1);
    let cap = total / n as f32 * 1.6;
    let mut min = vec![0.0_f32; n];
    let mut max = vec![0.0_f32; n];
    for row in std::iter::once(&table.headers).chain(&table.rows) {
        for (i, cell) in row.iter().enumerate().take(n) {
            let word = cell
                .split_whitespace()
                .map(|w| text_width(w, size))
                .fold(0.0, f32::max);
            min[i] = min[i].max((word + 2.0 * pad).min(cap));
            max[i] = max[i].max(text_width(cell, size) + 2.0 * pad);
        }
    }
    let min_sum: f32 = min.iter().sum();
    if min_sum >= total {
        return min.iter().map(|m| m / min_sum * total).collect();
    }
    let want: Vec<f32> = max
        .iter()
        .zip(&min)
        .map(|(a, b)| (a - b).max(0.0))
        .collect();
    let want_sum: f32 = want.iter().sum();
    let spare = total - min_sum;
    if want_sum <= spare {
        // Everything fits on one line: spread the slack evenly.
        let extra = (spare - want_sum) / n as f32;
        return max
            .iter()
            .zip(&min)
            .map(|(a, b)| a.max(*b) + extra)
            .collect();
    }
    min.iter()
        .zip(&want)
        .map(|(m, w)| m + spare * w / want_sum)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width() {
        let t = Table {
            headers: vec!["A".into(), "B".into()],
            rows: vec![vec!["short".into(), "a much longer cell ".repeat(20)]],
            numeric: vec![false, false],
        };
        let w = column_widths(&t, 9.0, 400.0, 4.0);
        assert!((w.iter().sum::<f32>() - 400.0).abs() < 0.5, "{w:?}");
        assert!(w[1] > w[0]);
    }
}
