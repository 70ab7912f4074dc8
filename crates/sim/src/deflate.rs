//! A small zlib (RFC 1950) / deflate (RFC 1951) compressor for the PNG
//! writer: greedy LZ77 matching over hash chains, one block with the fixed
//! Huffman codes. Screens are mostly runs and repeated rows, which this
//! catches well without the code of dynamic Huffman tables.

/// Longest match deflate can code.
const MAX_MATCH: usize = 258;
/// Shortest match worth coding.
const MIN_MATCH: usize = 3;
/// The farthest back a match may start.
const WINDOW: usize = 32 * 1024;
/// Candidates looked at per position.
const MAX_CHAIN: usize = 64;
/// Hash table size (bits).
const HASH_BITS: u32 = 12;

/// Bits packed least significant first, as deflate writes them.
struct Bits {
    out: Vec<u8>,
    acc: u32,
    n: u32,
}

impl Bits {
    /// Writes the low `n` bits of `v` (n <= 16), first bit first.
    fn put(&mut self, v: u32, n: u32) {
        self.acc |= v << self.n;
        self.n += n;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// Writes a Huffman code of `len` bits, most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let rev = code.reverse_bits() >> (32 - len);
        self.put(rev, len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// Writes literal/length symbol `sym` (0-285) with the fixed code.
fn symbol(b: &mut Bits, sym: u32) {
    match sym {
        0..=143 => b.code(0x30 + sym, 8),
        144..=255 => b.code(0x190 + sym - 144, 9),
        256..=279 => b.code(sym - 256, 7),
        _ => b.code(0xc0 + sym - 280, 8),
    }
}

/// Extra bits of length code `i` (symbol 257 + i).
fn length_extra(i: u32) -> u32 {
    if i < 8 || i == 28 {
        0
    } else {
        (i - 4) / 4
    }
}

/// Extra bits of distance code `i`.
fn dist_extra(i: u32) -> u32 {
    if i < 4 {
        0
    } else {
        (i - 2) / 2
    }
}

/// The code of `value` in a table whose first base is `first` and whose
/// codes span `1 << extra(i)` values each: (code, base).
fn find(value: u32, first: u32, codes: u32, extra: fn(u32) -> u32) -> (u32, u32) {
    let mut base = first;
    for i in 0..codes {
        let next = base + (1 << extra(i));
        if value < next || i + 1 == codes {
            return (i, base);
        }
        base = next;
    }
    unreachable!("codes > 0")
}

/// Writes a match of `len` (3-258) at distance `dist` (1-32768).
fn matched(b: &mut Bits, len: usize, dist: usize) {
    let (i, base) = if len == MAX_MATCH {
        (28, MAX_MATCH as u32)
    } else {
        find(len as u32, 3, 28, length_extra)
    };
    symbol(b, 257 + i);
    b.put(len as u32 - base, length_extra(i));
    let (d, base) = find(dist as u32, 1, 30, dist_extra);
    b.code(d, 5);
    b.put(dist as u32 - base, dist_extra(d));
}

/// Earlier positions by the hash of their first three bytes.
struct Chains {
    /// Most recent position per hash (`NONE`: none).
    head: Vec<usize>,
    /// The previous position with the same hash, per position.
    prev: Vec<usize>,
}

const NONE: usize = usize::MAX;

fn hash(data: &[u8], i: usize) -> usize {
    let v = u32::from(data[i]) << 16 | u32::from(data[i + 1]) << 8 | u32::from(data[i + 2]);
    (v.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
}

impl Chains {
    fn new(len: usize) -> Chains {
        Chains {
            head: vec![NONE; 1 << HASH_BITS],
            prev: vec![NONE; len],
        }
    }

    /// Records position `i`.
    fn insert(&mut self, data: &[u8], i: usize) {
        if i + MIN_MATCH <= data.len() {
            let h = hash(data, i);
            self.prev[i] = self.head[h];
            self.head[h] = i;
        }
    }

    /// The longest earlier match of the bytes at `i`: (length, distance).
    fn longest(&self, data: &[u8], i: usize) -> (usize, usize) {
        let (mut best, mut dist) = (0, 0);
        if i + MIN_MATCH > data.len() {
            return (0, 0);
        }
        let limit = (data.len() - i).min(MAX_MATCH);
        let mut cand = self.head[hash(data, i)];
        for _ in 0..MAX_CHAIN {
            if cand == NONE || i - cand > WINDOW {
                break;
            }
            let n = (0..limit)
                .take_while(|&k| data[cand + k] == data[i + k])
                .count();
            if n > best {
                (best, dist) = (n, i - cand);
                if n == limit {
                    break;
                }
            }
            cand = self.prev[cand];
        }
        (best, dist)
    }
}

/// Raw deflate data of `data`: one final block with fixed codes.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut b = Bits {
        out: Vec::with_capacity(data.len() / 8 + 16),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // BFINAL
    b.put(1, 2); // BTYPE 01: fixed Huffman codes
    let mut chains = Chains::new(data.len());
    let mut i = 0;
    while i < data.len() {
        let (len, dist) = chains.longest(data, i);
        if len >= MIN_MATCH {
            matched(&mut b, len, dist);
            for k in i..i + len {
                chains.insert(data, k);
            }
            i += len;
        } else {
            symbol(&mut b, u32::from(data[i]));
            chains.insert(data, i);
            i += 1;
        }
    }
    symbol(&mut b, 256);
    b.finish()
}

/// Adler-32 of `data` (the zlib checksum).
fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    // 5552 bytes keep the sums below 2^32 between reductions.
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += u32::from(x);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    b << 16 | a
}

/// A zlib stream of `data`.
pub fn zlib(data: &[u8]) -> Vec<u8> {
    // CMF: deflate, 32 KB window; FLG: no dictionary, check bits.
    let mut out = vec![0x78, 0x01];
    out.extend_from_slice(&deflate(data));
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    /// `rows` (equal lengths) through an 8-bit grey PNG and back through
    /// an independent decoder.
    fn round_trip(rows: &[Vec<u8>]) -> usize {
        let (w, h) = (rows[0].len() as u32, rows.len() as u32);
        let raw: Vec<u8> = rows
            .iter()
            .flat_map(|r| std::iter::once(0).chain(r.iter().copied()))
            .collect();
        let z = super::zlib(&raw);
        let file = crate::png::encode_raw(w, h, 8, 0, &[], &raw);
        let mut r = png::Decoder::new(std::io::Cursor::new(file))
            .read_info()
            .unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        r.next_frame(&mut buf).unwrap();
        assert_eq!(buf, rows.concat());
        z.len()
    }

    /// Deterministic noise.
    fn noise(n: usize, mut seed: u32) -> Vec<u8> {
        (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                seed as u8
            })
            .collect()
    }

    #[test]
    fn decodes_to_the_input() {
        round_trip(&[vec![7]]);
        // Incompressible, longer than the window.
        let n = noise(300 * 300, 1);
        round_trip(&n.chunks(300).map(<[u8]>::to_vec).collect::<Vec<_>>());
        // Every byte value, lengths 3..258+ and distances up to the window.
        let mut rows = Vec::new();
        for len in [3, 4, 10, 11, 17, 31, 130, 227, 257, 258, 259, 600] {
            let base = noise(len, len as u32);
            rows.push([base.clone(), base.clone(), noise(40, 9), base].concat());
        }
        let width = rows.iter().map(Vec::len).max().unwrap();
        for r in &mut rows {
            r.resize(width, 0xff);
        }
        round_trip(&rows);
        // Rows repeating 32 rows back (within the window), then 33 (just
        // beyond it: no match may reach that far).
        for period in [32, 33] {
            let far: Vec<Vec<u8>> = (0..70).map(|i| noise(1000, 1 + i % period)).collect();
            round_trip(&far);
        }
    }

    #[test]
    fn adler32_known_values() {
        assert_eq!(super::adler32(b""), 1);
        assert_eq!(super::adler32(b"Wikipedia"), 0x11e6_0398);
        // Long enough for the sums to be reduced.
        let big = vec![0xff; 100_000];
        let (mut a, mut b) = (1u64, 0u64);
        for &x in &big {
            a = (a + u64::from(x)) % 65521;
            b = (b + a) % 65521;
        }
        assert_eq!(super::adler32(&big), (b << 16 | a) as u32);
    }

    #[test]
    fn runs_and_repeats_compress() {
        let rows: Vec<Vec<u8>> = (0..256).map(|y| vec![(y / 4) as u8 & 0x81; 64]).collect();
        let z = round_trip(&rows);
        assert!(z < 600, "{z} bytes for 16.6 KB of runs");
    }
}
