//! The printable report for a tutor: an A4 landscape PDF (Letter where the plan's locale prints
//! on Letter) with the plan's title, span, working time and people, the activity table, the
//! month tables of the plan document, the Gantt tiled over as many pages as it needs (each
//! repeating the time header and the activities' codes and names, never shrunk), and a tracked
//! plan's status.
//!
//! Written with krilla, the PDF library under Typst: it embeds the shipped fonts as subsets
//! with a character map, so every word can be found and copied (`pdftotext`), and the file is
//! the same on any machine. Laying out ([`sheet`], the sections) is pure and kept apart from
//! writing the PDF ([`write`]).

mod face;
mod gantt;
mod months;
mod sheet;
mod tables;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use self::face::{Faces, Weight};
use self::sheet::{Item, Paper, Sheets, Type};
use super::report::{PAPER, text};
use crate::plan::Plan;
use crate::schedule::Schedule;
use crate::status::Status;

/// The type of the report's parts.
const TITLE: Type = Type::new(18.0, Weight::Bold, PAPER.ink);
const SECTION: Type = Type::new(13.0, Weight::Bold, PAPER.ink);
const BODY: Type = Type::new(10.0, Weight::Regular, PAPER.ink);
const FOOTER: Type = Type::new(7.5, Weight::Regular, PAPER.faint);

/// The report as the bytes of a PDF file, or why it cannot be written.
pub fn render(plan: &Plan, schedule: &Schedule) -> Result<Vec<u8>, String> {
    let faces = Faces::shipped();
    let pages = lay_out(plan, schedule, &faces);
    write(plan, &pages, &faces).map_err(|error| format!("the PDF cannot be written: {error:?}"))
}

/// The report's pages, laid out on the plan's paper.
fn lay_out(plan: &Plan, schedule: &Schedule, faces: &Faces) -> Vec<sheet::Page> {
    let paper = paper_for(plan);
    let status = Status::of(plan, schedule);
    let mut sheets = Sheets::new(paper, faces);
    sheets.paragraph(TITLE, &text(plan.title()));
    for line in tables::cover_lines(plan, schedule) {
        sheets.paragraph(BODY, &line);
    }
    tables::activities(&mut sheets, plan, schedule);
    months::month_tables(&mut sheets, plan, schedule);
    gantt::gantt(&mut sheets, plan, schedule, status.as_ref());
    if let Some(status) = &status {
        tables::status(&mut sheets, plan, schedule, status);
    }
    footers(&mut sheets, &text(plan.title()));
    sheets.pages
}

/// Each page's footer: the plan's title, and the page's number of all.
fn footers(sheets: &mut Sheets, title: &str) {
    let paper = sheets.paper;
    let count = sheets.pages.len();
    let y = paper.height - paper.margin;
    let face = sheets.faces.get(FOOTER.weight);
    let title = face.fit(title, FOOTER.size, paper.usable_width() * 0.7);
    for (index, page) in sheets.pages.iter_mut().enumerate() {
        let number = format!("{} / {count}", index + 1);
        let right = paper.width - paper.margin - face.width(&number, FOOTER.size);
        for (x, text) in [(paper.margin, title.clone()), (right, number)] {
            page.items.push(Item::Text {
                x,
                y,
                size: FOOTER.size,
                weight: FOOTER.weight,
                colour: FOOTER.colour,
                text,
            });
        }
    }
}

/// Draws the laid-out pages into a PDF.
fn write(
    plan: &Plan,
    pages: &[sheet::Page],
    faces: &Faces,
) -> krilla::error::KrillaResult<Vec<u8>> {
    let fonts = [Weight::Regular, Weight::Bold].map(|weight| {
        Font::new(faces.get(weight).bytes().into(), 0).expect("the shipped font loads")
    });
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(text(plan.title()))
            .language(plan.locale.tag().to_owned())
            .creator("cronograma".to_owned()),
    );
    let paper = paper_for(plan);
    for page in pages {
        let settings =
            PageSettings::from_wh(paper.width, paper.height).expect("a paper size is positive");
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for item in &page.items {
            draw(&mut surface, item, faces, &fonts);
        }
        surface.finish();
        pdf_page.finish();
    }
    document.finish()
}

/// Letter where the plan's locale prints on it, A4 elsewhere.
fn paper_for(plan: &Plan) -> Paper {
    if plan.locale.uses_letter_paper() {
        Paper::LETTER
    } else {
        Paper::A4
    }
}

fn colour(value: u32) -> rgb::Color {
    let [_, r, g, b] = value.to_be_bytes();
    rgb::Color::new(r, g, b)
}

fn fill(value: u32) -> Fill {
    Fill {
        paint: colour(value).into(),
        ..Fill::default()
    }
}

fn draw(surface: &mut Surface, item: &Item, faces: &Faces, fonts: &[Font; 2]) {
    match item {
        Item::Text {
            x,
            y,
            size,
            weight,
            colour: ink,
            text,
        } => {
            let glyphs: Vec<KrillaGlyph> = faces
                .get(*weight)
                .lay_out(text)
                .into_iter()
                .map(|placed| {
                    KrillaGlyph::new(
                        GlyphId::new(placed.glyph),
                        placed.advance,
                        0.0,
                        0.0,
                        0.0,
                        placed.bytes,
                        None,
                    )
                })
                .collect();
            let font = fonts[usize::from(*weight == Weight::Bold)].clone();
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*ink)));
            surface.draw_glyphs(Point::from_xy(*x, *y), &glyphs, font, text, *size, false);
        }
        Item::Rect {
            x,
            y,
            width,
            height,
            fill: inside,
            stroke,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, *width, *height) else {
                return;
            };
            let mut path = PathBuilder::new();
            path.push_rect(rect);
            surface.set_fill(inside.map(fill));
            surface.set_stroke(stroke.map(|line| Stroke {
                paint: colour(line).into(),
                width: 0.5,
                ..Stroke::default()
            }));
            if let Some(path) = path.finish() {
                surface.draw_path(&path);
            }
        }
        Item::Line {
            from,
            to,
            colour: line,
            width,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(from.0, from.1);
            path.line_to(to.0, to.1);
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: colour(*line).into(),
                width: *width,
                ..Stroke::default()
            }));
            if let Some(path) = path.finish() {
                surface.draw_path(&path);
            }
        }
        Item::Diamond {
            x,
            y,
            radius,
            fill: inside,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(*x, y - radius);
            path.line_to(x + radius, *y);
            path.line_to(*x, y + radius);
            path.line_to(x - radius, *y);
            path.close();
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*inside)));
            if let Some(path) = path.finish() {
                surface.draw_path(&path);
            }
        }
    }
}
