//! One slide's XML (its shape tree) and its notes page.

use std::fmt::Write as _;

use super::ooxml::{DECL, NS_A, NS_P, NS_R, TREE_HEAD, hex};
use super::{
    Align, Anchor, Cell, Chart, Frame, Paragraph, Rgb, Shape, Slide, Table, TextBox, Theme, emu,
    font_size,
};
use crate::charts::svg::xml_escape;

/// A slide's XML and the charts it places, in relationship order (`rId2`, `rId3`...).
pub(super) struct SlideParts<'a> {
    pub xml: String,
    pub charts: Vec<&'a Chart>,
}

/// Shape ids are unique per slide; 1 is the tree itself.
struct Tree {
    out: String,
    next_id: u32,
}

impl Tree {
    fn id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id
    }
}

fn xfrm(f: Frame) -> String {
    format!(
        "<a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm>",
        emu(f.x),
        emu(f.y),
        emu(f.w.max(0.0)),
        emu(f.h.max(0.0))
    )
}

fn solid(c: Rgb) -> String {
    format!("<a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill>", hex(c))
}

fn align_attr(a: Align) -> &'static str {
    match a {
        Align::Left => "l",
        Align::Centre => "ctr",
        Align::Right => "r",
    }
}

/// A run's properties: size, weight, colour; the theme fonts apply.
fn run_props(size: f64, bold: bool, colour: Rgb) -> String {
    format!(
        "<a:rPr lang=\"en-US\" sz=\"{}\" b=\"{}\" dirty=\"0\">{}</a:rPr>",
        font_size(size),
        u8::from(bold),
        solid(colour)
    )
}

fn paragraph_xml(p: &Paragraph) -> String {
    let mut out = String::from("<a:p>");
    let mut ppr = format!("<a:pPr algn=\"{}\"", align_attr(p.align));
    if p.bullet {
        let _ = write!(ppr, " marL=\"{}\" indent=\"-{}\"", emu(28.0), emu(28.0));
    }
    ppr.push('>');
    if p.space_before > 0.0 {
        let _ = write!(
            ppr,
            "<a:spcBef><a:spcPts val=\"{}\"/></a:spcBef>",
            font_size(p.space_before)
        );
    }
    if p.bullet {
        ppr.push_str("<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>");
    } else {
        ppr.push_str("<a:buNone/>");
    }
    ppr.push_str("</a:pPr>");
    out.push_str(&ppr);
    for run in &p.runs {
        // A line break inside a run becomes <a:br/>, as PowerPoint writes it.
        for (i, line) in run.text.split('\n').enumerate() {
            if i > 0 {
                let _ = write!(
                    out,
                    "<a:br>{}</a:br>",
                    run_props(run.size, run.bold, run.colour)
                );
            }
            if !line.is_empty() {
                let _ = write!(
                    out,
                    "<a:r>{}<a:t>{}</a:t></a:r>",
                    run_props(run.size, run.bold, run.colour),
                    xml_escape(line)
                );
            }
        }
    }
    let end_size = p.runs.first().map_or(18.0, |r| r.size);
    let _ = write!(
        out,
        "<a:endParaRPr lang=\"en-US\" sz=\"{}\" dirty=\"0\"/></a:p>",
        font_size(end_size)
    );
    out
}

fn text_box(tree: &mut Tree, t: &TextBox) {
    let id = tree.id();
    let anchor = match t.anchor {
        Anchor::Top => "t",
        Anchor::Middle => "ctr",
        Anchor::Bottom => "b",
    };
    let (name, nv) = if t.title {
        (
            format!("Title {}", id - 1),
            "<p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr>",
        )
    } else {
        (
            format!("TextBox {}", id - 1),
            "<p:cNvSpPr txBox=\"1\"/><p:nvPr/>",
        )
    };
    let fit = if t.autofit { "<a:normAutofit/>" } else { "" };
    let _ = write!(
        tree.out,
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/>{nv}</p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>\
         <p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" \
         anchor=\"{anchor}\">{fit}</a:bodyPr><a:lstStyle/>",
        xfrm(t.frame)
    );
    if t.paragraphs.is_empty() {
        tree.out
            .push_str("<a:p><a:endParaRPr lang=\"en-US\" dirty=\"0\"/></a:p>");
    }
    for p in &t.paragraphs {
        tree.out.push_str(&paragraph_xml(p));
    }
    tree.out.push_str("</p:txBody></p:sp>");
}

fn table(tree: &mut Tree, t: &Table) {
    let id = tree.id();
    let total: f64 = t.columns.iter().sum::<f64>().max(f64::EPSILON);
    let widths: Vec<i64> = t
        .columns
        .iter()
        .map(|c| emu(t.frame.w * c / total))
        .collect();
    let row_h = emu(t.frame.h / t.rows.len().max(1) as f64);
    let _ = write!(
        tree.out,
        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"Table {}\"/>\
         <p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/>\
         </p:nvGraphicFramePr><p:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/>\
         </p:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\">\
         <a:tbl><a:tblPr firstRow=\"{}\" bandRow=\"0\"/><a:tblGrid>",
        id - 1,
        emu(t.frame.x),
        emu(t.frame.y),
        widths.iter().sum::<i64>(),
        row_h * t.rows.len() as i64,
        u8::from(t.header_fill.is_some()),
    );
    for w in &widths {
        let _ = write!(tree.out, "<a:gridCol w=\"{w}\"/>");
    }
    tree.out.push_str("</a:tblGrid>");
    let rule = format!(
        "w=\"{}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{}<a:prstDash val=\"solid\"/>",
        emu(1.0),
        solid(t.rule)
    );
    for (r, row) in t.rows.iter().enumerate() {
        let _ = write!(tree.out, "<a:tr h=\"{row_h}\">");
        for i in 0..widths.len() {
            let cell = row.get(i);
            let fill = match (r, t.header_fill) {
                (0, Some(c)) => solid(c),
                _ => "<a:noFill/>".to_owned(),
            };
            let p = cell.map_or_else(
                || "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>".to_owned(),
                cell_paragraph,
            );
            let _ = write!(
                tree.out,
                "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{p}</a:txBody>\
                 <a:tcPr marL=\"{m}\" marR=\"{m}\" marT=\"{mt}\" marB=\"{mt}\" anchor=\"ctr\">\
                 <a:lnL><a:noFill/></a:lnL><a:lnR><a:noFill/></a:lnR>\
                 <a:lnT {rule}</a:lnT><a:lnB {rule}</a:lnB>{fill}</a:tcPr></a:tc>",
                m = emu(10.0),
                mt = emu(4.0),
            );
        }
        tree.out.push_str("</a:tr>");
    }
    tree.out
        .push_str("</a:tbl></a:graphicData></a:graphic></p:graphicFrame>");
}

fn cell_paragraph(c: &Cell) -> String {
    paragraph_xml(&Paragraph::plain(c.text.clone(), c.size, c.bold, c.colour).aligned(c.align))
}

fn chart_frame(tree: &mut Tree, chart: &Chart, rel: usize) {
    let id = tree.id();
    let f = chart.frame;
    let _ = write!(
        tree.out,
        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"{id}\" name=\"Chart {}\"/>\
         <p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>\
         <p:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></p:xfrm>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">\
         <c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"rId{rel}\"/>\
         </a:graphicData></a:graphic></p:graphicFrame>",
        id - 1,
        emu(f.x),
        emu(f.y),
        emu(f.w),
        emu(f.h)
    );
}

fn shape_box(
    tree: &mut Tree,
    frame: Frame,
    ellipse: bool,
    fill: Option<Rgb>,
    line: Option<(Rgb, f64)>,
) {
    let id = tree.id();
    let (prst, name) = if ellipse {
        ("ellipse", "Oval")
    } else {
        ("rect", "Rectangle")
    };
    let fill = fill.map_or_else(|| "<a:noFill/>".to_owned(), solid);
    let line = line.map_or_else(
        || "<a:ln><a:noFill/></a:ln>".to_owned(),
        |(c, w)| format!("<a:ln w=\"{}\">{}</a:ln>", emu(w), solid(c)),
    );
    let _ = write!(
        tree.out,
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name} {}\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"{prst}\"><a:avLst/></a:prstGeom>{fill}{line}</p:spPr></p:sp>",
        id - 1,
        xfrm(frame)
    );
}

fn line(tree: &mut Tree, from: (f64, f64), to: (f64, f64), colour: Rgb, width: f64, dashed: bool) {
    let id = tree.id();
    let flip_h = to.0 < from.0;
    let flip_v = to.1 < from.1;
    let frame = Frame::new(
        from.0.min(to.0),
        from.1.min(to.1),
        (to.0 - from.0).abs(),
        (to.1 - from.1).abs(),
    );
    let mut flips = String::new();
    if flip_h {
        flips.push_str(" flipH=\"1\"");
    }
    if flip_v {
        flips.push_str(" flipV=\"1\"");
    }
    let dash = if dashed {
        "<a:prstDash val=\"dash\"/>"
    } else {
        ""
    };
    let _ = write!(
        tree.out,
        "<p:cxnSp><p:nvCxnSpPr><p:cNvPr id=\"{id}\" name=\"Line {}\"/><p:cNvCxnSpPr/><p:nvPr/>\
         </p:nvCxnSpPr><p:spPr><a:xfrm{flips}><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/>\
         </a:xfrm><a:prstGeom prst=\"line\"><a:avLst/></a:prstGeom>\
         <a:ln w=\"{}\">{}{dash}</a:ln></p:spPr></p:cxnSp>",
        id - 1,
        emu(frame.x),
        emu(frame.y),
        emu(frame.w),
        emu(frame.h),
        emu(width),
        solid(colour)
    );
}

/// The slide part; the package numbers and writes the charts it lists.
pub(super) fn slide_xml<'a>(slide: &'a Slide, theme: &Theme) -> SlideParts<'a> {
    let mut tree = Tree {
        out: String::with_capacity(8 * 1024),
        next_id: 1,
    };
    let mut charts = Vec::new();
    for shape in &slide.shapes {
        match shape {
            Shape::Text(t) => text_box(&mut tree, t),
            Shape::Table(t) => table(&mut tree, t),
            Shape::Chart(c) => {
                charts.push(c);
                chart_frame(&mut tree, c, charts.len() + 1);
            }
            Shape::Box {
                frame,
                ellipse,
                fill,
                line: l,
            } => shape_box(&mut tree, *frame, *ellipse, *fill, *l),
            Shape::Line {
                from,
                to,
                colour,
                width,
                dashed,
            } => line(&mut tree, *from, *to, *colour, *width, *dashed),
        }
    }
    let show = if slide.hidden { " show=\"0\"" } else { "" };
    let xml = format!(
        "{DECL}<p:sld xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"{show}>\
         <p:cSld><p:bg><p:bgPr>{}<a:effectLst/></p:bgPr></p:bg><p:spTree>{TREE_HEAD}{}</p:spTree></p:cSld>\
         <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>",
        solid(theme.background),
        tree.out
    );
    SlideParts { xml, charts }
}

/// The notes page: the slide image and the notes text, one paragraph per line.
pub(super) fn notes_xml(notes: &str) -> String {
    let mut body = String::new();
    for line in notes.lines() {
        if line.is_empty() {
            body.push_str("<a:p><a:endParaRPr lang=\"en-US\" dirty=\"0\"/></a:p>");
        } else {
            let _ = write!(
                body,
                "<a:p><a:r><a:rPr lang=\"en-US\" dirty=\"0\"/><a:t>{}</a:t></a:r></a:p>",
                xml_escape(line)
            );
        }
    }
    format!(
        "{DECL}<p:notes xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:cSld><p:spTree>\
         {TREE_HEAD}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr>\
         <a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr>\
         <p:ph type=\"sldImg\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>\
         <p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr>\
         <a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" idx=\"1\"/></p:nvPr>\
         </p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>\
         </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    )
}
