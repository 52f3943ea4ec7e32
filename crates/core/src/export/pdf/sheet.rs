//! Pages as lists of what is drawn on them (text, boxes, lines), in points from the page's
//! top-left corner. Laying out is kept apart from writing the PDF: the sections fill a
//! [`Sheets`], which turns a page when the next block does not fit, and the writer only
//! draws; tests can read the layout without a PDF reader.

use super::face::{Faces, Weight};

/// A page size, landscape, and its margin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
}

impl Paper {
    /// A4 landscape (297 × 210 mm).
    pub const A4: Paper = Paper {
        width: 841.89,
        height: 595.28,
        margin: 36.0,
    };
    /// US Letter landscape (11 × 8.5 in).
    pub const LETTER: Paper = Paper {
        width: 792.0,
        height: 612.0,
        margin: 36.0,
    };

    /// The width between the margins.
    pub fn usable_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    /// Where the body ends: the footer lives below.
    pub fn body_bottom(&self) -> f32 {
        self.height - self.margin - FOOTER_ROOM
    }
}

/// Room kept at the foot of each page for the page's footer line.
const FOOTER_ROOM: f32 = 14.0;

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text whose baseline starts at (`x`, `y`).
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: u32,
        text: String,
    },
    /// A box, filled and/or outlined.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Option<u32>,
        stroke: Option<u32>,
    },
    /// A straight line.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        colour: u32,
        width: f32,
    },
    /// A diamond centred on (`x`, `y`): a milestone.
    Diamond {
        x: f32,
        y: f32,
        radius: f32,
        fill: u32,
    },
}

/// One page's drawing, in the order drawn (later items on top).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

/// The report's pages while they are laid out, with the place where the next block goes.
pub struct Sheets<'a> {
    pub paper: Paper,
    pub faces: &'a Faces,
    pub pages: Vec<Page>,
    /// Where the next block starts on the last page.
    pub y: f32,
}

impl<'a> Sheets<'a> {
    pub fn new(paper: Paper, faces: &'a Faces) -> Sheets<'a> {
        Sheets {
            paper,
            faces,
            pages: vec![Page::default()],
            y: paper.margin,
        }
    }

    /// Starts a new page (unless the last one is still empty).
    pub fn turn(&mut self) {
        if self.y > self.paper.margin {
            self.pages.push(Page::default());
            self.y = self.paper.margin;
        }
    }

    /// Makes room for a block `height` points tall: turns the page if it does not fit.
    /// Returns whether the page was turned.
    pub fn room_for(&mut self, height: f32) -> bool {
        if self.y + height > self.paper.body_bottom() && self.y > self.paper.margin {
            self.turn();
            return true;
        }
        false
    }

    /// Puts `item` on the last page.
    pub fn draw(&mut self, item: Item) {
        self.pages
            .last_mut()
            .expect("there is always a page")
            .items
            .push(item);
    }

    /// Text on the last page.
    pub fn text(&mut self, x: f32, y: f32, style: Type, text: impl Into<String>) {
        self.draw(Item::Text {
            x,
            y,
            size: style.size,
            weight: style.weight,
            colour: style.colour,
            text: text.into(),
        });
    }

    /// A filled box on the last page.
    pub fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, colour: u32) {
        self.draw(Item::Rect {
            x,
            y,
            width,
            height,
            fill: Some(colour),
            stroke: None,
        });
    }

    /// A thin rule on the last page.
    pub fn rule(&mut self, from: (f32, f32), to: (f32, f32), colour: u32) {
        self.draw(Item::Line {
            from,
            to,
            colour,
            width: 0.5,
        });
    }

    /// A line of text across the page at the next place, then the place below it.
    pub fn line(&mut self, style: Type, text: impl Into<String>) {
        let height = style.size * 1.4;
        self.room_for(height);
        let (x, y) = (self.paper.margin, self.y + style.size);
        self.text(x, y, style, text);
        self.y += height;
    }

    /// Paragraph text wrapped to the page's width.
    pub fn paragraph(&mut self, style: Type, text: &str) {
        let face = self.faces.get(style.weight);
        for line in face.wrap(text, style.size, self.paper.usable_width()) {
            self.line(style, line);
        }
    }

    /// A section's heading, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, style: Type, text: impl Into<String>, keep: f32) {
        self.room_for(style.size * 2.0 + keep);
        self.y += style.size * 0.6;
        self.line(style, text);
    }
}

/// A size, weight and colour of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Type {
    pub size: f32,
    pub weight: Weight,
    pub colour: u32,
}

impl Type {
    pub const fn new(size: f32, weight: Weight, colour: u32) -> Type {
        Type {
            size,
            weight,
            colour,
        }
    }

    pub const fn bold(self) -> Type {
        Type {
            weight: Weight::Bold,
            ..self
        }
    }

    pub const fn coloured(self, colour: u32) -> Type {
        Type { colour, ..self }
    }
}
