//! A minimal PNG writer for screenshots and frames: two-colour images
//! with a palette, 1 bit per pixel, compressed with [`crate::deflate`].

fn crc32(data: &[u8], mut crc: u32) -> u32 {
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    crc
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = !crc32(data, crc32(kind, 0xffff_ffff));
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A PNG file: header fields (bit depth, colour type), palette (RGB
/// triples, empty for none) and the filtered rows (`raw`).
pub(crate) fn encode_raw(
    width: u32,
    height: u32,
    depth: u8,
    color_type: u8,
    palette: &[u8],
    raw: &[u8],
) -> Vec<u8> {
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    // Compression 0, filter method 0, no interlace.
    ihdr.extend_from_slice(&[depth, color_type, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &ihdr);
    if !palette.is_empty() {
        chunk(&mut out, b"PLTE", palette);
    }
    chunk(&mut out, b"IDAT", &crate::deflate::zlib(raw));
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A `width` x `height` image of two colours: `colors[1]` where `pixel(x,
/// y)` is true, else `colors[0]`.
pub fn encode_two_color(
    width: u32,
    height: u32,
    colors: [[u8; 3]; 2],
    pixel: impl Fn(u32, u32) -> bool,
) -> Vec<u8> {
    let stride = width.div_ceil(8) as usize;
    let mut raw = Vec::with_capacity((stride + 1) * height as usize);
    for y in 0..height {
        raw.push(0); // filter: none (LZ77 catches the repeated rows)
        let row = raw.len();
        raw.resize(row + stride, 0);
        for x in 0..width {
            if pixel(x, y) {
                raw[row + x as usize / 8] |= 0x80 >> (x % 8);
            }
        }
    }
    encode_raw(width, height, 1, 3, colors.as_flattened(), &raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_colors_decode_to_the_pixels() {
        let (w, h) = (13, 5);
        let on = |x: u32, y: u32| ((x * 7) ^ (y * 3)) & 3 == 1;
        let file = encode_two_color(w, h, [[1, 2, 3], [250, 251, 252]], on);
        let mut dec = png::Decoder::new(std::io::Cursor::new(file));
        dec.set_transformations(png::Transformations::EXPAND);
        let mut r = dec.read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        assert_eq!((info.width, info.height), (w, h));
        assert_eq!(info.color_type, png::ColorType::Rgb);
        for y in 0..h {
            for x in 0..w {
                let i = ((y * w + x) * 3) as usize;
                let want: &[u8] = if on(x, y) {
                    &[250, 251, 252]
                } else {
                    &[1, 2, 3]
                };
                assert_eq!(&buf[i..i + 3], want, "({x}, {y})");
            }
        }
    }
}
