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
pub fn render(plan: &Plan, schedule: &Schedule) -> Result<Vec<u8>, super::RenderError> {
    let faces = Faces::shipped();
    let pages = lay_out(plan, schedule, &faces);
    write(plan, &pages, &faces).map_err(|error| super::RenderError::Pdf(format!("{error:?}")))
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
    tables::holidays(&mut sheets, plan, schedule);
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::plan::load::parse;

    /// A plan of `count` activities of `hours` each, one after another, in `locale`.
    fn plan_of(count: usize, hours: u32, locale: &str) -> Plan {
        let activities: String = (1..=count)
            .map(|at| {
                format!("(code: \"A{at}\", name: \"Actividad número {at}\", hours: {hours}),")
            })
            .collect();
        let text = format!(
            "Plan(title: \"Tesis\", locale: \"{locale}\", start: \"2026-03-02\", \
             hours_per_day: 6, holidays: [(date: \"2026-03-24\")], activities: [{activities}])"
        );
        parse(&text, Path::new("t.ron")).unwrap().plan
    }

    fn pages_of(plan: &Plan) -> Vec<sheet::Page> {
        let schedule = crate::schedule::schedule(plan).unwrap();
        lay_out(plan, &schedule, &Faces::shipped())
    }

    fn texts(page: &sheet::Page) -> Vec<&str> {
        page.items
            .iter()
            .filter_map(|item| match item {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    fn gantt_pages(pages: &[sheet::Page]) -> Vec<&sheet::Page> {
        pages
            .iter()
            .filter(|page| texts(page).iter().any(|text| text.starts_with("Gantt ·")))
            .collect()
    }

    #[test]
    fn every_gantt_page_repeats_the_header_and_the_codes_and_names_of_its_rows() {
        let plan = plan_of(120, 30, "es");
        let pages = pages_of(&plan);
        let gantt = gantt_pages(&pages);
        assert!(gantt.len() > 4, "{} Gantt pages", gantt.len());
        for page in &gantt {
            let texts = texts(page);
            assert!(texts.contains(&"Código") && texts.contains(&"Nombre"));
            assert!(
                texts
                    .iter()
                    .any(|text| text.starts_with("Marzo") || text.contains(" 20"))
            );
            let codes = texts.iter().filter(|text| text.starts_with('A')).count();
            assert!(codes > 0, "a page without its activities' codes");
        }
        // Every activity is on some Gantt page, and every name in the activity table whole.
        let all: Vec<&str> = pages.iter().flat_map(texts).collect();
        for activity in &plan.activities {
            assert!(all.contains(&&*activity.code));
            assert!(all.contains(&&*activity.name), "{}", activity.name);
        }
    }

    #[test]
    fn day_columns_keep_their_width_and_pages_grow_with_the_plan_not_its_square() {
        let page_count = |count| pages_of(&plan_of(count, 30, "es")).len();
        let (small, large) = (page_count(100), page_count(400));
        // Four times the plan, about four times the pages (not sixteen).
        assert!(large <= small * 5, "{small} pages, then {large}");
        for page in gantt_pages(&pages_of(&plan_of(400, 30, "es"))) {
            for item in &page.items {
                if let Item::Rect {
                    width,
                    height,
                    fill: Some(_),
                    ..
                } = item
                    && (*height - 8.0).abs() < 0.01
                {
                    // A bar's day: never narrower than a readable column.
                    assert!(*width >= 13.0 - 0.01, "a day {width} pt wide");
                }
            }
        }
    }

    #[test]
    fn letter_where_the_locale_prints_on_it_and_words_in_its_language() {
        let plan = plan_of(3, 12, "en-US");
        assert_eq!(paper_for(&plan), Paper::LETTER);
        assert_eq!(paper_for(&plan_of(3, 12, "pt-BR")), Paper::A4);
        let pages = pages_of(&plan_of(3, 12, "pt-BR"));
        let all: Vec<&str> = pages.iter().flat_map(texts).collect();
        assert!(all.contains(&"Atividades"), "{all:?}");
        assert!(
            all.iter()
                .any(|text| text.starts_with("Pessoas") || text.starts_with("De "))
        );
    }

    #[test]
    fn nothing_is_drawn_off_the_page() {
        for page in pages_of(&plan_of(60, 45, "es")) {
            for item in &page.items {
                let (x, y) = match item {
                    Item::Text { x, y, .. }
                    | Item::Rect { x, y, .. }
                    | Item::Diamond { x, y, .. } => (*x, *y),
                    Item::Line { to, .. } => *to,
                };
                assert!((0.0..=Paper::A4.width).contains(&x), "{item:?}");
                assert!((0.0..=Paper::A4.height).contains(&y), "{item:?}");
            }
        }
    }

    #[test]
    fn a_name_pages_long_is_cut_at_the_page_not_drawn_past_it() {
        let name = "palabra ".repeat(5_000);
        let text = format!(
            "Plan(title: \"T\", start: \"2026-03-02\", hours_per_day: 6, \
             activities: [(code: \"A1\", name: \"{name}\", hours: 12)])"
        );
        let plan = parse(&text, Path::new("t.ron")).unwrap().plan;
        for page in pages_of(&plan) {
            for item in &page.items {
                if let Item::Text { y, .. } = item {
                    assert!(*y <= Paper::A4.height, "{item:?}");
                }
            }
        }
    }

    #[test]
    fn the_report_is_a_pdf() {
        let plan = plan_of(5, 12, "es");
        let schedule = crate::schedule::schedule(&plan).unwrap();
        let bytes = render(&plan, &schedule).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    }
}
