//! Text with the Flipper's fonts, as the firmware uses them: FONT_PRIMARY is
//! U8g2's `helvB08_tr`, FONT_SECONDARY `haxrcorp4089_tr` (from the
//! `u8g2-fonts` crate). Metrics follow the firmware's canvas: string width
//! is U8g2's `GetStrWidth` (advances of all but the last glyph plus the
//! last glyph's right edge), font height is the font's maximal character
//! height (plus one for haxrcorp4089, as the firmware adds), and aligned
//! text is placed with the font's ascent.

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

/// Width of `text` in pixels (U8g2's `GetStrWidth`).
pub fn width(font: Font, text: &str) -> i32 {
    let r = renderer(font);
    let Some(last) = text.chars().last() else {
        return 0;
    };
    let head = &text[..text.len() - last.len_utf8()];
    let adv = r
        .get_rendered_dimensions(head, Point::zero(), VerticalPosition::Baseline)
        .map(|d| d.advance.x)
        .unwrap_or(0);
    let mut buf = [0u8; 4];
    let tail = r
        .get_rendered_dimensions(
            &*last.encode_utf8(&mut buf),
            Point::zero(),
            VerticalPosition::Baseline,
        )
        .ok()
        .and_then(|d| d.bounding_box)
        .map(|b| b.top_left.x + b.size.width as i32)
        .unwrap_or(0);
    adv + tail
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
pub fn draw(font: Font, x: i32, y: i32, text: &str, dot: &mut dyn FnMut(i32, i32)) {
    let _ = renderer(font).render(
        text,
        Point::new(x, y),
        VerticalPosition::Baseline,
        FontColor::Transparent(BinaryColor::On),
        &mut Target(dot),
    );
}
