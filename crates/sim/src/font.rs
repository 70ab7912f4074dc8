//! Text with the Flipper's fonts, as the firmware uses them: FONT_PRIMARY is
//! U8g2's `helvB08_tr`, FONT_SECONDARY `haxrcorp4089_tr` (from the
//! `u8g2-fonts` crate). Metrics follow the firmware's canvas: string width
//! is U8g2's `GetUTF8Width` (see [`width`]), font height is the font's
//! maximal character height (plus one for haxrcorp4089, as the firmware
//! adds), and aligned text is placed with the font's ascent.

use embedded_graphics_core::pixelcolor::BinaryColor;
use embedded_graphics_core::prelude::{DrawTarget, OriginDimensions, Point, Size};
use embedded_graphics_core::Pixel;
use fzpy_flipper::Font;
use u8g2_fonts::types::{FontColor, VerticalPosition};
use u8g2_fonts::{fonts, FontRenderer};

fn renderer(font: Font) -> FontRenderer {
    match font {
        Font::Primary => FontRenderer::new::<fonts::u8g2_font_helvB08_tr>(),
        Font::Secondary => FontRenderer::new::<fonts::u8g2_font_haxrcorp4089_tr>(),
    }
    .with_ignore_unknown_chars(true)
}

/// Advance and ink extent (x offset, width) of one glyph; None when the
/// font has no such glyph.
fn glyph(r: &FontRenderer, ch: char) -> Option<(i32, i32, i32)> {
    let mut buf = [0u8; 4];
    let d = r
        .get_rendered_dimensions(
            &*ch.encode_utf8(&mut buf),
            Point::zero(),
            VerticalPosition::Baseline,
        )
        .ok()?;
    let (x, w) = d
        .bounding_box
        .map_or((0, 0), |b| (b.top_left.x, b.size.width as i32));
    // Unknown characters come back empty (no advance, no ink).
    (d.advance.x != 0 || w != 0).then_some((d.advance.x, x, w))
}

/// Width of `text` in pixels, as U8g2's `GetUTF8Width` (the firmware's
/// `canvas_string_width`) computes it: the sum of the glyphs' advances,
/// except that when the glyph looked up last has ink, the last
/// character's advance is replaced by that glyph's x offset plus ink
/// width. So a trailing space counts its full advance, and characters the
/// font lacks count 0.
pub fn width(font: Font, text: &str) -> i32 {
    let r = renderer(font);
    let (mut w, mut last_dx) = (0, 0);
    // U8g2 keeps the extent of the last glyph found, across missing ones.
    let (mut ink_x, mut ink_w) = (0, 0);
    for ch in text.chars() {
        last_dx = 0;
        if let Some((dx, x, iw)) = glyph(&r, ch) {
            w += dx;
            last_dx = dx;
            (ink_x, ink_w) = (x, iw);
        }
    }
    if ink_w != 0 {
        w += ink_x + ink_w - last_dx;
    }
    w
}

/// Font height (the firmware's `canvas_current_font_height`).
pub fn height(font: Font) -> i32 {
    let h = renderer(font)
        .get_glyph_bounding_box(VerticalPosition::Baseline)
        .size
        .height as i32;
    h + i32::from(font == Font::Secondary)
}

/// The font's ascent (used for vertical alignment).
pub fn ascent(font: Font) -> i32 {
    renderer(font).get_ascent() as i32
}

/// Where glyph pixels go: a callback per lit pixel.
struct Target<'a>(&'a mut dyn FnMut(i32, i32));

impl OriginDimensions for Target<'_> {
    fn size(&self) -> Size {
        Size::new(crate::screen::WIDTH as u32, crate::screen::HEIGHT as u32)
    }
}

impl DrawTarget for Target<'_> {
    type Color = BinaryColor;
    type Error = core::convert::Infallible;

    fn draw_iter<I: IntoIterator<Item = Pixel<BinaryColor>>>(
        &mut self,
        pixels: I,
    ) -> Result<(), Self::Error> {
        for Pixel(p, c) in pixels {
            if c == BinaryColor::On {
                (self.0)(p.x, p.y);
            }
        }
        Ok(())
    }
}

/// Draws `text` with its baseline at `y`, calling `dot` for every pixel.
/// A newline is a character the fonts lack, drawn as nothing (the crate
/// would start a new line).
pub fn draw(font: Font, x: i32, y: i32, text: &str, dot: &mut dyn FnMut(i32, i32)) {
    let flat: String;
    let text = if text.contains('\n') {
        flat = text.replace('\n', "");
        &flat
    } else {
        text
    };
    let _ = renderer(font).render(
        text,
        Point::new(x, y),
        VerticalPosition::Baseline,
        FontColor::Transparent(BinaryColor::On),
        &mut Target(dot),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_count_their_advance() {
        for font in [Font::Primary, Font::Secondary] {
            let space = glyph(&renderer(font), ' ').expect("space").0;
            assert!(space > 0);
            let a = width(font, "A");
            // A trailing space adds its advance after A's advance, not ink.
            let adv_a = glyph(&renderer(font), 'A').unwrap().0;
            assert_eq!(width(font, "A "), adv_a + space);
            assert_eq!(width(font, "A  "), adv_a + 2 * space);
            assert_eq!(width(font, " "), space);
            assert_eq!(width(font, " A"), space + a);
            assert_eq!(width(font, "A A"), adv_a + space + a);
            assert_eq!(width(font, ""), 0);
        }
    }

    #[test]
    fn missing_glyphs_count_nothing() {
        let f = Font::Secondary;
        // A missing last character has no advance to replace, so U8g2 adds
        // the ink of the last glyph found on top of its advance.
        let adv_a = glyph(&renderer(f), 'A').unwrap().0;
        assert_eq!(width(f, "A\n"), adv_a + width(f, "A"));
        assert_eq!(width(f, "A\u{e9}B"), width(f, "AB"));
        assert_eq!(width(f, "\u{e9}"), 0);
    }
}
