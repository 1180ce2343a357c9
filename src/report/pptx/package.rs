//! The OOXML package around the slides: content types, relationships, the presentation part,
//! one slide master and layout, the theme, the notes master, document properties; then the zip.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::ZipWriter;
use zip::write::SimpleFileOptions;

use super::chart::{chart_workbook, chart_xml};
use super::ooxml::{DECL, NS_A, NS_P, NS_R, TREE_HEAD, hex};
use super::slide::{SlideParts, notes_xml, slide_xml};
use super::{Aspect, Deck, SLIDE_HEIGHT, Theme, emu};
use crate::charts::svg::xml_escape;

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument";

/// Why writing failed.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("zip: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("chart data workbook: {0}")]
    Workbook(String),
}

/// `<Relationships>` from (id, type, target) triples.
pub(super) fn relationships(rels: &[(String, &str, String)]) -> String {
    let mut out = format!(
        "{DECL}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in rels {
        let kind = if kind.starts_with("http") {
            (*kind).to_owned()
        } else {
            format!("{REL}/{kind}")
        };
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{}\"/>",
            xml_escape(target)
        );
    }
    out.push_str("</Relationships>");
    out
}

/// Writes the whole package.
pub(super) fn write(deck: &Deck) -> Result<Vec<u8>, PackageError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut put = |name: &str, bytes: &[u8]| -> Result<(), PackageError> {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
        Ok(())
    };

    let mut charts = 0usize;
    let mut notes = 0usize;
    let mut overrides = Vec::new();
    let mut slide_rels = Vec::new();
    for (i, slide) in deck.slides.iter().enumerate() {
        let n = i + 1;
        let SlideParts {
            xml,
            charts: slide_charts,
        } = slide_xml(slide, &deck.theme);
        let mut rels = vec![(
            "rId1".to_owned(),
            "slideLayout",
            "../slideLayouts/slideLayout1.xml".to_owned(),
        )];
        for (k, chart) in slide_charts.iter().enumerate() {
            charts += 1;
            let c = charts;
            rels.push((
                format!("rId{}", k + 2),
                "chart",
                format!("../charts/chart{c}.xml"),
            ));
            put(
                &format!("ppt/charts/chart{c}.xml"),
                chart_xml(chart).as_bytes(),
            )?;
            put(
                &format!("ppt/charts/_rels/chart{c}.xml.rels"),
                relationships(&[(
                    "rId1".to_owned(),
                    "package",
                    format!("../embeddings/Microsoft_Excel_Worksheet{c}.xlsx"),
                )])
                .as_bytes(),
            )?;
            let workbook = chart_workbook(chart).map_err(PackageError::Workbook)?;
            put(
                &format!("ppt/embeddings/Microsoft_Excel_Worksheet{c}.xlsx"),
                &workbook,
            )?;
            overrides.push((
                format!("/ppt/charts/chart{c}.xml"),
                format!("{CT}.drawingml.chart+xml"),
            ));
        }
        if !slide.notes.trim().is_empty() {
            notes += 1;
            rels.push((
                format!("rId{}", slide_charts.len() + 2),
                "notesSlide",
                format!("../notesSlides/notesSlide{notes}.xml"),
            ));
            put(
                &format!("ppt/notesSlides/notesSlide{notes}.xml"),
                notes_xml(&slide.notes).as_bytes(),
            )?;
            put(
                &format!("ppt/notesSlides/_rels/notesSlide{notes}.xml.rels"),
                relationships(&[
                    (
                        "rId1".to_owned(),
                        "notesMaster",
                        "../notesMasters/notesMaster1.xml".to_owned(),
                    ),
                    (
                        "rId2".to_owned(),
                        "slide",
                        format!("../slides/slide{n}.xml"),
                    ),
                ])
                .as_bytes(),
            )?;
            overrides.push((
                format!("/ppt/notesSlides/notesSlide{notes}.xml"),
                format!("{CT}.presentationml.notesSlide+xml"),
            ));
        }
        put(&format!("ppt/slides/slide{n}.xml"), xml.as_bytes())?;
        put(
            &format!("ppt/slides/_rels/slide{n}.xml.rels"),
            relationships(&rels).as_bytes(),
        )?;
        overrides.push((
            format!("/ppt/slides/slide{n}.xml"),
            format!("{CT}.presentationml.slide+xml"),
        ));
        slide_rels.push(n);
    }

    put("[Content_Types].xml", content_types(&overrides).as_bytes())?;
    put(
        "_rels/.rels",
        relationships(&[
            (
                "rId1".to_owned(),
                "officeDocument",
                "ppt/presentation.xml".to_owned(),
            ),
            (
                "rId2".to_owned(),
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml".to_owned(),
            ),
            (
                "rId3".to_owned(),
                "extended-properties",
                "docProps/app.xml".to_owned(),
            ),
        ])
        .as_bytes(),
    )?;
    put("docProps/core.xml", core_xml(&deck.title).as_bytes())?;
    put(
        "docProps/app.xml",
        app_xml(
            deck.slides.len(),
            notes,
            deck.slides.iter().filter(|s| s.hidden).count(),
        )
        .as_bytes(),
    )?;
    put(
        "ppt/presentation.xml",
        presentation_xml(deck.aspect, slide_rels.len()).as_bytes(),
    )?;
    let mut rels = vec![
        (
            "rId1".to_owned(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".to_owned(),
        ),
        (
            "rId2".to_owned(),
            "notesMaster",
            "notesMasters/notesMaster1.xml".to_owned(),
        ),
        ("rId3".to_owned(), "theme", "theme/theme1.xml".to_owned()),
        ("rId4".to_owned(), "presProps", "presProps.xml".to_owned()),
        ("rId5".to_owned(), "viewProps", "viewProps.xml".to_owned()),
        (
            "rId6".to_owned(),
            "tableStyles",
            "tableStyles.xml".to_owned(),
        ),
    ];
    for n in &slide_rels {
        rels.push((
            format!("rId{}", n + 100),
            "slide",
            format!("slides/slide{n}.xml"),
        ));
    }
    put(
        "ppt/_rels/presentation.xml.rels",
        relationships(&rels).as_bytes(),
    )?;
    put(
        "ppt/presProps.xml",
        format!(
            "{DECL}<p:presentationPr xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"/>"
        )
        .as_bytes(),
    )?;
    put(
        "ppt/viewProps.xml",
        format!(
            "{DECL}<p:viewPr xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\">\
             <p:normalViewPr><p:restoredLeft sz=\"15620\"/><p:restoredTop sz=\"94660\"/>\
             </p:normalViewPr><p:gridSpacing cx=\"76200\" cy=\"76200\"/></p:viewPr>"
        )
        .as_bytes(),
    )?;
    put(
        "ppt/tableStyles.xml",
        format!(
            "{DECL}<a:tblStyleLst xmlns:a=\"{NS_A}\" \
             def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>"
        )
        .as_bytes(),
    )?;
    put(
        "ppt/slideMasters/slideMaster1.xml",
        master_xml(deck.aspect).as_bytes(),
    )?;
    put(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        relationships(&[
            (
                "rId1".to_owned(),
                "slideLayout",
                "../slideLayouts/slideLayout1.xml".to_owned(),
            ),
            ("rId2".to_owned(), "theme", "../theme/theme1.xml".to_owned()),
        ])
        .as_bytes(),
    )?;
    put("ppt/slideLayouts/slideLayout1.xml", layout_xml().as_bytes())?;
    put(
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        relationships(&[(
            "rId1".to_owned(),
            "slideMaster",
            "../slideMasters/slideMaster1.xml".to_owned(),
        )])
        .as_bytes(),
    )?;
    put("ppt/theme/theme1.xml", theme_xml(&deck.theme).as_bytes())?;
    put("ppt/theme/theme2.xml", theme_xml(&deck.theme).as_bytes())?;
    put(
        "ppt/notesMasters/notesMaster1.xml",
        notes_master_xml().as_bytes(),
    )?;
    put(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        relationships(&[("rId1".to_owned(), "theme", "../theme/theme2.xml".to_owned())]).as_bytes(),
    )?;
    Ok(zip.finish()?.into_inner())
}

fn content_types(overrides: &[(String, String)]) -> String {
    let mut out = format!(
        "{DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"xlsx\" ContentType=\"{CT}.spreadsheetml.sheet\"/>"
    );
    let fixed = [
        (
            "/ppt/presentation.xml",
            "presentationml.presentation.main+xml",
        ),
        (
            "/ppt/slideMasters/slideMaster1.xml",
            "presentationml.slideMaster+xml",
        ),
        (
            "/ppt/slideLayouts/slideLayout1.xml",
            "presentationml.slideLayout+xml",
        ),
        (
            "/ppt/notesMasters/notesMaster1.xml",
            "presentationml.notesMaster+xml",
        ),
        ("/ppt/theme/theme1.xml", "theme+xml"),
        ("/ppt/theme/theme2.xml", "theme+xml"),
        ("/ppt/presProps.xml", "presentationml.presProps+xml"),
        ("/ppt/viewProps.xml", "presentationml.viewProps+xml"),
        ("/ppt/tableStyles.xml", "presentationml.tableStyles+xml"),
        ("/docProps/app.xml", "extended-properties+xml"),
    ];
    for (part, kind) in fixed {
        let _ = write!(
            out,
            "<Override PartName=\"{part}\" ContentType=\"{CT}.{kind}\"/>"
        );
    }
    out.push_str(
        "<Override PartName=\"/docProps/core.xml\" \
         ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>",
    );
    for (part, kind) in overrides {
        let _ = write!(
            out,
            "<Override PartName=\"{part}\" ContentType=\"{kind}\"/>"
        );
    }
    out.push_str("</Types>");
    out
}

fn core_xml(title: &str) -> String {
    format!(
        "{DECL}<cp:coreProperties \
         xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>Twin Studio</dc:creator></cp:coreProperties>",
        xml_escape(title)
    )
}

fn app_xml(slides: usize, notes: usize, hidden: usize) -> String {
    format!(
        "{DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>Twin Studio</Application><PresentationFormat>On-screen Show</PresentationFormat>\
         <Slides>{slides}</Slides><Notes>{notes}</Notes><HiddenSlides>{hidden}</HiddenSlides>\
         </Properties>"
    )
}

fn presentation_xml(aspect: Aspect, slides: usize) -> String {
    let mut ids = String::new();
    for n in 1..=slides {
        let _ = write!(ids, "<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 255 + n, n + 100);
    }
    let size_type = match aspect {
        Aspect::Wide => "",
        Aspect::Standard => " type=\"screen4x3\"",
    };
    format!(
        "{DECL}<p:presentation xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\" \
         saveSubsetFonts=\"1\">\
         <p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:notesMasterIdLst><p:notesMasterId r:id=\"rId2\"/></p:notesMasterIdLst>\
         <p:sldIdLst>{ids}</p:sldIdLst>\
         <p:sldSz cx=\"{}\" cy=\"{}\"{size_type}/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>\
         </p:presentation>",
        emu(aspect.width()),
        emu(SLIDE_HEIGHT)
    )
}

fn master_xml(aspect: Aspect) -> String {
    let width = aspect.width();
    format!(
        "{DECL}<p:sldMaster xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\">\
         <p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val=\"bg1\"/></a:solidFill>\
         <a:effectLst/></p:bgPr></p:bg><p:spTree>{TREE_HEAD}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title Placeholder 1\"/><p:cNvSpPr>\
         <a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr>\
         <p:spPr><a:xfrm><a:off x=\"{}\" y=\"{}\"/><a:ext cx=\"{}\" cy=\"{}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>\
         <p:txBody><a:bodyPr anchor=\"b\"/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p>\
         </p:txBody></p:sp></p:spTree></p:cSld>\
         <p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" \
         accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" \
         accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>\
         <p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>\
         <p:txStyles><p:titleStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"3200\" b=\"1\">\
         <a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mj-lt\"/>\
         <a:ea typeface=\"+mj-ea\"/></a:defRPr></a:lvl1pPr></p:titleStyle>\
         <p:bodyStyle><a:lvl1pPr><a:defRPr sz=\"1800\"><a:solidFill><a:schemeClr val=\"tx1\"/>\
         </a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/></a:defRPr>\
         </a:lvl1pPr></p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz=\"1800\">\
         <a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/>\
         <a:ea typeface=\"+mn-ea\"/></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles>\
         </p:sldMaster>",
        emu(80.0),
        emu(50.0),
        emu(width - 160.0),
        emu(100.0)
    )
}

fn layout_xml() -> String {
    format!(
        "{DECL}<p:sldLayout xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\" \
         type=\"titleOnly\" preserve=\"1\"><p:cSld name=\"Title Only\"><p:spTree>{TREE_HEAD}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/>\
         </p:cNvSpPr><p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/>\
         <p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody>\
         </p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>\
         </p:sldLayout>"
    )
}

fn notes_master_xml() -> String {
    format!(
        "{DECL}<p:notesMaster xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\">\
         <p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg>\
         <p:spTree>{TREE_HEAD}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr>\
         <a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr><p:nvPr>\
         <p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm>\
         <a:off x=\"381000\" y=\"685800\"/><a:ext cx=\"6096000\" cy=\"3429000\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/><a:ln w=\"12700\">\
         <a:solidFill><a:prstClr val=\"black\"/></a:solidFill></a:ln></p:spPr></p:sp>\
         <p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr>\
         <a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/>\
         </p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\"685800\" y=\"4343400\"/>\
         <a:ext cx=\"5486400\" cy=\"4114800\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/>\
         </a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p>\
         <a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp></p:spTree></p:cSld>\
         <p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" \
         accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\" accent5=\"accent5\" \
         accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>\
         <p:notesStyle><a:lvl1pPr><a:defRPr sz=\"1400\"><a:solidFill><a:schemeClr val=\"tx1\"/>\
         </a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/></a:defRPr>\
         </a:lvl1pPr></p:notesStyle></p:notesMaster>"
    )
}

fn theme_xml(theme: &Theme) -> String {
    let [a1, a2, a3, a4, a5, a6] = theme.accents.map(hex);
    let fonts = |kind: &str| {
        format!(
            "<a:{kind}><a:latin typeface=\"{}\"/><a:ea typeface=\"{}\"/><a:cs typeface=\"\"/></a:{kind}>",
            xml_escape(&theme.latin_font),
            xml_escape(&theme.east_asian_font)
        )
    };
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = |w: u32| {
        format!(
            "<a:ln w=\"{w}\" cap=\"flat\" cmpd=\"sng\" algn=\"ctr\">{fill}\
             <a:prstDash val=\"solid\"/><a:miter lim=\"800000\"/></a:ln>"
        )
    };
    format!(
        "{DECL}<a:theme xmlns:a=\"{NS_A}\" name=\"{name}\"><a:themeElements>\
         <a:clrScheme name=\"{name}\">\
         <a:dk1><a:srgbClr val=\"{ink}\"/></a:dk1><a:lt1><a:srgbClr val=\"{bg}\"/></a:lt1>\
         <a:dk2><a:srgbClr val=\"{muted}\"/></a:dk2><a:lt2><a:srgbClr val=\"F2F2F2\"/></a:lt2>\
         <a:accent1><a:srgbClr val=\"{a1}\"/></a:accent1><a:accent2><a:srgbClr val=\"{a2}\"/></a:accent2>\
         <a:accent3><a:srgbClr val=\"{a3}\"/></a:accent3><a:accent4><a:srgbClr val=\"{a4}\"/></a:accent4>\
         <a:accent5><a:srgbClr val=\"{a5}\"/></a:accent5><a:accent6><a:srgbClr val=\"{a6}\"/></a:accent6>\
         <a:hlink><a:srgbClr val=\"{a1}\"/></a:hlink><a:folHlink><a:srgbClr val=\"{muted}\"/></a:folHlink>\
         </a:clrScheme><a:fontScheme name=\"{name}\">{major}{minor}</a:fontScheme>\
         <a:fmtScheme name=\"{name}\"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>\
         <a:lnStyleLst>{l1}{l2}{l3}</a:lnStyleLst>\
         <a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle>\
         <a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>\
         </a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>\
         </a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>",
        name = xml_escape(&theme.name),
        ink = hex(theme.ink),
        bg = hex(theme.background),
        muted = hex(theme.muted),
        major = fonts("majorFont"),
        minor = fonts("minorFont"),
        l1 = line(6350),
        l2 = line(12700),
        l3 = line(19050),
    )
}
