//! Unicode case mappings and case properties, exactly as CPython 3.11 has
//! them (Unicode 14.0.0), from compact generated tables ([`tables`], made
//! by `scripts/gen-unicode-case`, which documents their formats).
//!
//! Full mappings: a character maps to one to three characters (`'ß'`
//! upper-cases to `"SS"`). Context (the final sigma of `str.lower`) is the
//! caller's job; [`is_cased`] and [`is_case_ignorable`] are what it needs.

mod tables;

use tables::*;

/// A full case mapping: the first character, then up to two more; unused
/// slots hold `'\0'`.
pub type Mapped = [char; 3];

/// The characters of a mapping.
pub fn chars(m: Mapped) -> impl Iterator<Item = char> {
    let n = 1 + m[1..].iter().take_while(|&&c| c != '\0').count();
    m.into_iter().take(n)
}

/// `c` mapped to itself.
fn same(c: char) -> Mapped {
    [c, '\0', '\0']
}

/// A BMP character of a table (never a surrogate).
fn bmp(u: u16) -> char {
    char::from_u32(u as u32).unwrap_or('\0')
}

/// Looks `c` up in a multi-character table, then in a run table.
fn lookup(multi: &[[u16; 4]], runs: &[u32], c: char) -> Option<Mapped> {
    let n = c as u32;
    if n <= 0xffff {
        if let Ok(i) = multi.binary_search_by_key(&(n as u16), |r| r[0]) {
            let r = multi[i];
            return Some([bmp(r[1]), bmp(r[2]), bmp(r[3])]);
        }
    }
    let i = runs.partition_point(|&e| e >> 15 <= n);
    let e = *runs.get(i.checked_sub(1)?)?;
    let off = n - (e >> 15);
    let stride_log = e >> 8 & 1;
    if off & stride_log != 0 || off >> stride_log > (e >> 9 & 0x3f) {
        return None;
    }
    let d = *DELTAS.get((e & 0xff) as usize)? as u32;
    char::from_u32(n & !0xffff | (n + d) & 0xffff).map(same)
}

/// The full lower case of `c` (`str.lower` without the final-sigma rule).
pub fn lower(c: char) -> Mapped {
    lookup(&LOWER_MULTI, &LOWER, c).unwrap_or(same(c))
}

/// The full upper case of `c`.
pub fn upper(c: char) -> Mapped {
    lookup(&UPPER_MULTI, &UPPER, c).unwrap_or(same(c))
}

/// The full title case of `c`.
pub fn title(c: char) -> Mapped {
    lookup(&TITLE_MULTI, &TITLE, c).unwrap_or_else(|| upper(c))
}

/// The full case folding of `c` (`str.casefold`).
pub fn fold(c: char) -> Mapped {
    if let Some(m) = lookup(&FOLD_MULTI, &FOLD, c) {
        return m;
    }
    // Everywhere else: the lower case of each character of the upper case
    // (the generator checks that this never takes more than three).
    let mut out = ['\0'; 3];
    let mut k = 0;
    for u in chars(upper(c)) {
        for l in chars(lower(u)) {
            if let Some(slot) = out.get_mut(k) {
                *slot = l;
            }
            k += 1;
        }
    }
    out
}

/// Whether `c` has the Lowercase property (`str.islower` of one character).
pub fn is_lower(c: char) -> bool {
    lookup(&UPPER_MULTI, &UPPER, c).is_some() ^ in_runs(&LOWER_FLIP, &LOWER_FLIP_INDEX, c as u32)
}

/// Whether `c` has the Uppercase property (`str.isupper` of one character).
pub fn is_upper(c: char) -> bool {
    lookup(&LOWER_MULTI, &LOWER, c).is_some() ^ in_runs(&UPPER_FLIP, &UPPER_FLIP_INDEX, c as u32)
}

/// Whether `c` is a titlecase letter (category Lt).
pub fn is_title(c: char) -> bool {
    in_runs(&TITLECASE, &TITLECASE_INDEX, c as u32)
}

/// Whether `c` is cased (Lowercase, Uppercase or Lt).
pub fn is_cased(c: char) -> bool {
    is_lower(c) || is_upper(c) || is_title(c)
}

/// Whether `c` has the Case_Ignorable property.
pub fn is_case_ignorable(c: char) -> bool {
    in_runs(&IGNORABLE, &IGNORABLE_INDEX, c as u32)
}

/// Whether `c` falls in an odd run of a run-length table (alternating
/// out / in runs from U+0000 as LEB128 varints, with an index of
/// `code point << 11 | byte offset` entries every 32 run pairs).
pub(crate) fn in_runs(runs: &[u8], index: &[u32], c: u32) -> bool {
    let k = index.partition_point(|&e| (e >> 11) <= c);
    let e = index[k.saturating_sub(1)];
    let mut cp = e >> 11;
    let mut i = (e & 0x7ff) as usize;
    let mut inside = false;
    while i < runs.len() {
        let mut n: u32 = 0;
        let mut shift = 0;
        loop {
            let b = runs[i];
            i += 1;
            n |= ((b & 0x7f) as u32) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        cp += n;
        if c < cp {
            return inside;
        }
        inside = !inside;
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One FNV-1a step over a 32-bit word (as the generator's digests).
    fn fnv(h: u64, w: u32) -> u64 {
        (h ^ w as u64).wrapping_mul(0x100000001b3)
    }

    fn digest(f: impl Fn(char) -> Mapped) -> u64 {
        let mut h = 0xcbf29ce484222325;
        for c in (0..0x110000).filter_map(char::from_u32) {
            for m in chars(f(c)) {
                h = fnv(h, m as u32);
            }
            h = fnv(h, 0xffff_ffff);
        }
        h
    }

    fn expected(name: &str) -> u64 {
        DIGESTS.iter().find(|d| d.0 == name).unwrap().1
    }

    #[test]
    fn mappings_match_cpython_everywhere() {
        assert_eq!(digest(lower), expected("lower"), "lower");
        assert_eq!(digest(upper), expected("upper"), "upper");
        assert_eq!(digest(title), expected("title"), "title");
        assert_eq!(digest(fold), expected("fold"), "fold");
    }

    #[test]
    fn properties_match_cpython_everywhere() {
        let bits = |c: char| {
            let b = is_lower(c) as u32
                | (is_upper(c) as u32) << 1
                | (is_title(c) as u32) << 2
                | (is_cased(c) as u32) << 3
                | (is_case_ignorable(c) as u32) << 4;
            same(char::from_u32(b).unwrap())
        };
        assert_eq!(digest(bits), expected("properties"));
    }

    #[test]
    fn special_cases() {
        let s = |m: Mapped| chars(m).collect::<alloc::string::String>();
        assert_eq!(s(upper('ß')), "SS");
        assert_eq!(s(title('ß')), "Ss");
        assert_eq!(s(fold('ß')), "ss");
        assert_eq!(s(fold('ẞ')), "ss");
        assert_eq!(s(lower('ẞ')), "ß");
        assert_eq!(s(lower('İ')), "i\u{307}");
        assert_eq!(s(title('ǆ')), "ǅ");
        assert_eq!(s(upper('ǅ')), "Ǆ");
        assert_eq!(s(lower('ǅ')), "ǆ");
        assert_eq!(s(upper('ﬃ')), "FFI");
        assert_eq!(s(title('ﬃ')), "Ffi");
        assert_eq!(s(upper('ᾳ')), "ΑΙ");
        assert_eq!(s(title('ᾳ')), "ᾼ");
        assert_eq!(s(fold('Ꭰ')), "Ꭰ");
        assert_eq!(s(fold('ꭰ')), "Ꭰ");
        assert_eq!(s(title('ა')), "ა");
        assert_eq!(s(upper('\0')), "\0");
        // Unicode 15 and later additions are not cased in Unicode 14.
        assert_eq!(s(lower('\u{10d50}')), "\u{10d50}");
        assert!(is_title('ǅ') && is_cased('ǅ') && !is_lower('ǅ') && !is_upper('ǅ'));
        assert!(is_lower('ª') && is_lower('ʰ') && is_case_ignorable('ʰ'));
        assert!(is_case_ignorable('\'') && is_case_ignorable('\u{301}') && !is_cased('1'));
    }
}
