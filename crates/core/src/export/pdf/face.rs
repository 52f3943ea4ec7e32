//! The report's two typefaces, shipped inside the program (`assets/fonts/`, SIL Open Font
//! License) so a PDF comes out the same on a machine with no fonts installed, and what a line
//! of text measures in them, so tables can wrap and cut text to their columns.
//!
//! Text is laid out a letter at a time (each character its glyph, each glyph its advance): the
//! languages a plan is written in need no shaping, and the width measured is then exactly the
//! width drawn. A character the face lacks is drawn as its empty box, and stays in the text
//! the PDF carries, so copying or searching still finds it.

use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

/// Liberation Sans, as Debian's `fonts-liberation2` 2.1.5 ships it.
const REGULAR: &[u8] = include_bytes!("../../../../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../../../assets/fonts/LiberationSans-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One glyph of a laid-out line: which glyph, how far it advances (in ems) and which bytes of
/// the text it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub glyph: u32,
    pub advance: f32,
    pub bytes: std::ops::Range<usize>,
}

/// A typeface's bytes, character map and advances.
pub struct Face {
    bytes: &'static [u8],
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
}

impl Face {
    fn of(bytes: &'static [u8]) -> Face {
        // The shipped faces are tested to parse; a failure here is a broken build, not input.
        let font = FontRef::new(bytes).expect("the shipped font parses");
        let metrics = font.glyph_metrics(Size::new(1.0), LocationRef::default());
        Face {
            bytes,
            charmap: font.charmap(),
            metrics,
        }
    }

    /// The face's file, as the PDF embeds it (subset).
    pub fn bytes(&self) -> &'static [u8] {
        self.bytes
    }

    /// The glyph of `ch` (the empty box where the face lacks it) and its advance in ems.
    fn glyph(&self, ch: char) -> (u32, f32) {
        let glyph = self.charmap.map(ch).unwrap_or_default();
        (
            glyph.to_u32(),
            self.metrics.advance_width(glyph).unwrap_or(0.0),
        )
    }

    /// `text` as glyphs, in order.
    pub fn lay_out(&self, text: &str) -> Vec<Placed> {
        text.char_indices()
            .map(|(at, ch)| {
                let (glyph, advance) = self.glyph(ch);
                Placed {
                    glyph,
                    advance,
                    bytes: at..at + ch.len_utf8(),
                }
            })
            .collect()
    }

    /// How wide `text` is at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|ch| self.glyph(ch).1).sum::<f32>() * size
    }

    /// `text` cut to `width` points at `size`, ending in `…` where it was cut.
    pub fn fit(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_owned();
        }
        let room = width - self.width("…", size);
        let mut used = 0.0;
        let mut kept = String::new();
        for ch in text.chars() {
            used += self.glyph(ch).1 * size;
            if used > room {
                break;
            }
            kept.push(ch);
        }
        kept.truncate(kept.trim_end().len());
        kept + "…"
    }

    /// `text` broken into lines no wider than `width` points at `size`: between words where it
    /// can, inside a word longer than a line. Never loses a character.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split(' ').filter(|word| !word.is_empty()) {
            let joined = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&joined, size) <= width {
                line = joined;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            for ch in word.chars() {
                let mut longer = line.clone();
                longer.push(ch);
                if !line.is_empty() && self.width(&longer, size) > width {
                    lines.push(std::mem::take(&mut line));
                    longer = ch.to_string();
                }
                line = longer;
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// The regular and bold faces.
pub struct Faces {
    pub regular: Face,
    pub bold: Face,
}

impl Faces {
    pub fn shipped() -> Faces {
        Faces {
            regular: Face::of(REGULAR),
            bold: Face::of(BOLD),
        }
    }

    pub fn get(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_faces_cover_spanish_and_portuguese() {
        let faces = Faces::shipped();
        for face in [&faces.regular, &faces.bold] {
            for placed in face.lay_out("Año Situação çãõéíóúñü ¿¡ → … · ─ €")
            {
                assert_ne!(placed.glyph, 0, "{:?}", placed.bytes);
            }
        }
    }

    #[test]
    fn a_word_longer_than_a_line_is_broken_and_nothing_is_lost() {
        let face = Faces::shipped().regular;
        let lines = face.wrap(
            "Diseño de la arquitectura supercalifragilisticoespialidoso",
            10.0,
            60.0,
        );
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(face.width(line, 10.0) <= 60.0, "{line:?}");
        }
        assert_eq!(
            lines.concat().replace(' ', ""),
            "Diseñodelaarquitecturasupercalifragilisticoespialidoso"
        );
        assert_eq!(face.wrap("", 10.0, 60.0), vec![String::new()]);
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis_only_what_does_not_fit() {
        let face = Faces::shipped().regular;
        assert_eq!(face.fit("A1", 10.0, 100.0), "A1");
        let cut = face.fit("Implementación del pipeline de datos", 10.0, 60.0);
        assert!(
            cut.ends_with('…') && face.width(&cut, 10.0) <= 60.0,
            "{cut}"
        );
    }
}
