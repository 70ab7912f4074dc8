//! The 128x64 1-bit frame buffer and drawing primitives, following the
//! Flipper firmware's canvas (u8g2) rules: lines by Bresenham with both
//! ends drawn, circles by the midpoint algorithm, rounded boxes built from
//! circle quadrants, text positioned on its baseline.

use crate::font;
use fzpy_flipper::{Align, Color, Font};

/// Screen width.
pub const WIDTH: i32 = 128;
/// Screen height.
pub const HEIGHT: i32 = 64;

/// A frame buffer with the canvas drawing state.
#[derive(Clone)]
pub struct Canvas {
    /// Pixels, row-major, true = black.
    pub pixels: [[bool; WIDTH as usize]; HEIGHT as usize],
    /// Drawing colour.
    pub color: Color,
    /// Text font.
    pub font: Font,
}

/// The state the firmware's `canvas_reset` leaves (what a script gets
/// from `gui_direct_draw_acquire`): blank, black, FONT_SECONDARY.
impl Default for Canvas {
    fn default() -> Self {
        Canvas {
            pixels: [[false; WIDTH as usize]; HEIGHT as usize],
            color: Color::Black,
            font: Font::Secondary,
        }
    }
}

/// Points (x, y), x <= y, of the first octant of a midpoint circle of radius r.
fn octant(r: i32, mut f: impl FnMut(i32, i32)) {
    let (mut x, mut y) = (0, r);
    let mut d = 1 - r;
    let mut ddx = 1;
    let mut ddy = -2 * r;
    f(x, y);
    while x < y {
        if d >= 0 {
            y -= 1;
            ddy += 2;
            d += ddy;
        }
        x += 1;
        ddx += 2;
        d += ddx;
        f(x, y);
    }
}

impl Canvas {
    /// Clears every pixel (colour and font stay).
    pub fn clear(&mut self) {
        self.pixels = [[false; WIDTH as usize]; HEIGHT as usize];
    }

    /// Whether (x, y) is black (false off screen).
    pub fn get(&self, x: i32, y: i32) -> bool {
        (0..WIDTH).contains(&x) && (0..HEIGHT).contains(&y) && self.pixels[y as usize][x as usize]
    }

    /// Sets one pixel in the current colour (clipped).
    pub fn dot(&mut self, x: i32, y: i32) {
        if (0..WIDTH).contains(&x) && (0..HEIGHT).contains(&y) {
            self.pixels[y as usize][x as usize] = self.color == Color::Black;
        }
    }

    fn hline(&mut self, x0: i32, x1: i32, y: i32) {
        if !(0..HEIGHT).contains(&y) {
            return;
        }
        for x in x0.max(0)..=x1.min(WIDTH - 1) {
            self.dot(x, y);
        }
    }

    /// A line, both ends included.
    pub fn line(&mut self, x0: i32, y0: i32, x1: i32, y1: i32) {
        let dx = (x1 - x0).abs();
        let dy = -(y1 - y0).abs();
        let sx = if x0 < x1 { 1 } else { -1 };
        let sy = if y0 < y1 { 1 } else { -1 };
        let (mut x, mut y, mut err) = (x0, y0, dx + dy);
        loop {
            self.dot(x, y);
            if x == x1 && y == y1 {
                break;
            }
            let e2 = 2 * err;
            if e2 >= dy {
                err += dy;
                x += sx;
            }
            if e2 <= dx {
                err += dx;
                y += sy;
            }
        }
    }

    /// The corner radius actually used for a w x h box.
    fn radius(w: i32, h: i32, r: i32) -> i32 {
        r.min((w - 1) / 2).min((h - 1) / 2).max(0)
    }

    /// A filled box with corner radius `r`.
    pub fn fill_box(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32) {
        if w <= 0 || h <= 0 {
            return;
        }
        let r = Self::radius(w, h, r);
        let (cx0, cx1, cy0, cy1) = (x + r, x + w - 1 - r, y + r, y + h - 1 - r);
        for yy in cy0..=cy1 {
            self.hline(x, x + w - 1, yy);
        }
        if r > 0 {
            octant(r, |a, b| {
                self.hline(cx0 - a, cx1 + a, cy0 - b);
                self.hline(cx0 - b, cx1 + b, cy0 - a);
                self.hline(cx0 - a, cx1 + a, cy1 + b);
                self.hline(cx0 - b, cx1 + b, cy1 + a);
            });
        }
    }

    /// A box outline with corner radius `r`.
    pub fn frame(&mut self, x: i32, y: i32, w: i32, h: i32, r: i32) {
        if w <= 0 || h <= 0 {
            return;
        }
        let r = Self::radius(w, h, r);
        let (cx0, cx1, cy0, cy1) = (x + r, x + w - 1 - r, y + r, y + h - 1 - r);
        self.hline(cx0, cx1, y);
        self.hline(cx0, cx1, y + h - 1);
        for yy in cy0..=cy1 {
            self.dot(x, yy);
            self.dot(x + w - 1, yy);
        }
        if r > 0 {
            octant(r, |a, b| {
                for (px, py) in [
                    (cx1 + a, cy0 - b),
                    (cx1 + b, cy0 - a),
                    (cx0 - a, cy0 - b),
                    (cx0 - b, cy0 - a),
                    (cx1 + a, cy1 + b),
                    (cx1 + b, cy1 + a),
                    (cx0 - a, cy1 + b),
                    (cx0 - b, cy1 + a),
                ] {
                    self.dot(px, py);
                }
            });
        }
    }

    /// A circle outline.
    pub fn circle(&mut self, x: i32, y: i32, r: i32) {
        octant(r, |a, b| {
            for (px, py) in [
                (x + a, y + b),
                (x - a, y + b),
                (x + a, y - b),
                (x - a, y - b),
                (x + b, y + a),
                (x - b, y + a),
                (x + b, y - a),
                (x - b, y - a),
            ] {
                self.dot(px, py);
            }
        });
    }

    /// A filled circle.
    pub fn disc(&mut self, x: i32, y: i32, r: i32) {
        octant(r, |a, b| {
            self.hline(x - a, x + a, y + b);
            self.hline(x - a, x + a, y - b);
            self.hline(x - b, x + b, y + a);
            self.hline(x - b, x + b, y - a);
        });
    }

    /// Width of `text` in pixels in the current font.
    pub fn text_width(&self, text: &str) -> i32 {
        font::width(self.font, text)
    }

    /// Height of the current font.
    pub fn text_height(&self) -> i32 {
        font::height(self.font)
    }

    /// Text aligned on (x, y) like the firmware's `canvas_draw_str_aligned`:
    /// horizontally x is the left edge, centre or right edge; vertically y
    /// is the top (baseline at y + ascent), middle (y + ascent / 2) or the
    /// baseline.
    pub fn text(&mut self, x: i32, y: i32, h: Align, v: Align, text: &str) {
        let w = self.text_width(text);
        let x = match h {
            Align::Begin => x,
            Align::Center => x - w / 2,
            Align::End => x - w,
        };
        let ascent = font::ascent(self.font);
        let baseline = match v {
            Align::Begin => y + ascent,
            Align::Center => y + ascent / 2,
            Align::End => y,
        };
        self.draw_str(x, baseline, text);
    }

    /// Text with its baseline at y (`canvas_draw_str`).
    pub fn draw_str(&mut self, x: i32, baseline: i32, text: &str) {
        let f = self.font;
        font::draw(f, x, baseline, text, &mut |px, py| self.dot(px, py));
    }

    /// The screen as text: `#` black, `.` white, one line per row.
    pub fn dump(&self) -> String {
        let mut s = String::with_capacity(((WIDTH + 1) * HEIGHT) as usize);
        for row in &self.pixels {
            for &p in row {
                s.push(if p { '#' } else { '.' });
            }
            s.push('\n');
        }
        s
    }
}
