//! Native PowerPoint charts: the chart part (DrawingML chart XML with cached values, so it draws
//! without Excel) and the embedded workbook holding the same data ("Edit Data" opens it).

use std::fmt::Write as _;

use rust_xlsxwriter::Workbook;

use super::ooxml::{DECL, NS_A, NS_R, hex};
use super::{Chart, ChartType, font_size};
use crate::charts::svg::xml_escape;

const NS_C: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";

/// Excel column letters for series `i` (B, C, ...; the categories are in A).
fn column(i: usize) -> String {
    let mut n = i + 2;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A sheet name in a formula, quoted.
const SHEET: &str = "Sheet1";

fn categories_ref(chart: &Chart) -> String {
    let n = chart.categories.len();
    let mut out = format!(
        "<c:cat><c:strRef><c:f>{SHEET}!$A$2:$A${}</c:f><c:strCache><c:ptCount val=\"{n}\"/>",
        n + 1
    );
    for (i, c) in chart.categories.iter().enumerate() {
        let _ = write!(out, "<c:pt idx=\"{i}\"><c:v>{}</c:v></c:pt>", xml_escape(c));
    }
    out.push_str("</c:strCache></c:strRef></c:cat>");
    out
}

fn text_props(size: f64, colour: &str) -> String {
    format!(
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"{}\">\
         <a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill></a:defRPr></a:pPr>\
         <a:endParaRPr lang=\"en-US\"/></a:p></c:txPr>",
        font_size(size)
    )
}

/// The chart part.
pub(super) fn chart_xml(chart: &Chart) -> String {
    let n = chart.categories.len();
    let ink = hex(chart.ink);
    let mut series = String::new();
    for (i, s) in chart.series.iter().enumerate() {
        let col = column(i);
        let colour = hex(s.colour);
        let look = match chart.kind {
            ChartType::Radar => format!(
                "<c:spPr><a:ln w=\"34925\"><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill>\
                 </a:ln></c:spPr><c:marker><c:symbol val=\"circle\"/><c:size val=\"8\"/><c:spPr>\
                 <a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill></c:spPr></c:marker>"
            ),
            ChartType::Bars => format!(
                "<c:spPr><a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill></c:spPr>\
                 <c:invertIfNegative val=\"0\"/>"
            ),
        };
        let labels = match chart.kind {
            ChartType::Radar => String::new(),
            ChartType::Bars => format!(
                "<c:dLbls><c:numFmt formatCode=\"0.0\" sourceLinked=\"0\"/><c:spPr><a:noFill/>\
                 <a:ln><a:noFill/></a:ln></c:spPr>{}<c:dLblPos val=\"outEnd\"/>\
                 <c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>\
                 <c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>\
                 </c:dLbls>",
                text_props(chart.text_size * 0.85, &ink)
            ),
        };
        let _ = write!(
            series,
            "<c:ser><c:idx val=\"{i}\"/><c:order val=\"{i}\"/><c:tx><c:strRef>\
             <c:f>{SHEET}!${col}$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\">\
             <c:v>{}</c:v></c:pt></c:strCache></c:strRef></c:tx>{look}{labels}{}\
             <c:val><c:numRef><c:f>{SHEET}!${col}$2:${col}${}</c:f><c:numCache>\
             <c:formatCode>General</c:formatCode><c:ptCount val=\"{n}\"/>",
            xml_escape(&s.name),
            categories_ref(chart),
            n + 1
        );
        for (k, v) in s.values.iter().enumerate() {
            if let Some(v) = v.filter(|v| v.is_finite()) {
                let _ = write!(series, "<c:pt idx=\"{k}\"><c:v>{v}</c:v></c:pt>");
            }
        }
        series.push_str("</c:numCache></c:numRef></c:val>");
        series.push_str("</c:ser>");
    }
    let plot = match chart.kind {
        ChartType::Radar => format!(
            "<c:radarChart><c:radarStyle val=\"marker\"/><c:varyColors val=\"0\"/>{series}\
             <c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:radarChart>"
        ),
        ChartType::Bars => format!(
            "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/>\
             <c:varyColors val=\"0\"/>{series}<c:gapWidth val=\"60\"/>\
             <c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>"
        ),
    };
    let grid = "<c:majorGridlines><c:spPr><a:ln w=\"9525\"><a:solidFill>\
                <a:srgbClr val=\"D0D0D0\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>";
    let (cat_pos, val_pos, orientation) = match chart.kind {
        ChartType::Radar => ("b", "l", "minMax"),
        // Horizontal bars list the first category on top (the value axis then sits above).
        ChartType::Bars => ("l", "b", "maxMin"),
    };
    let text = text_props(chart.text_size, &ink);
    let small = text_props(chart.text_size * 0.8, &ink);
    format!(
        "{DECL}<c:chartSpace xmlns:c=\"{NS_C}\" xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\">\
         <c:roundedCorners val=\"0\"/><c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea>\
         <c:layout/>{plot}\
         <c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"{orientation}\"/></c:scaling>\
         <c:delete val=\"0\"/><c:axPos val=\"{cat_pos}\"/>{cat_grid}\
         <c:numFmt formatCode=\"General\" sourceLinked=\"1\"/><c:majorTickMark val=\"none\"/>\
         <c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>{text}\
         <c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/>\
         <c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>\
         <c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/>\
         <c:max val=\"{max}\"/><c:min val=\"0\"/></c:scaling><c:delete val=\"0\"/>\
         <c:axPos val=\"{val_pos}\"/>{grid}<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>\
         <c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>\
         {small}<c:crossAx val=\"1001\"/><c:crosses val=\"autoZero\"/>\
         <c:crossBetween val=\"between\"/><c:majorUnit val=\"2\"/></c:valAx>\
         </c:plotArea><c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/>{text}</c:legend>\
         <c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>\
         <c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>\
         <c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData></c:chartSpace>",
        max = chart.max,
        cat_grid = if chart.kind == ChartType::Radar {
            grid
        } else {
            ""
        },
    )
}

/// The embedded workbook: categories in column A, one column per series, names in row 1.
pub(super) fn chart_workbook(chart: &Chart) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
    sheet.set_name(SHEET).map_err(e)?;
    for (r, c) in chart.categories.iter().enumerate() {
        sheet.write_string(r as u32 + 1, 0, c).map_err(e)?;
    }
    for (i, s) in chart.series.iter().enumerate() {
        let col = i as u16 + 1;
        sheet.write_string(0, col, &s.name).map_err(e)?;
        for (r, v) in s.values.iter().enumerate() {
            if let Some(v) = v.filter(|v| v.is_finite()) {
                sheet.write_number(r as u32 + 1, col, v).map_err(e)?;
            }
        }
    }
    workbook.save_to_buffer().map_err(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_columns_follow_excel_lettering() {
        assert_eq!(column(0), "B");
        assert_eq!(column(24), "Z");
        assert_eq!(column(25), "AA");
    }
}
