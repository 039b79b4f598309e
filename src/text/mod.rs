//! Text normalisation shared by every stage: Unicode NFKC and typographic punctuation.
//!
//! Reference lists arrive with curly apostrophes, en and em dashes, non-breaking spaces,
//! ligatures ("ﬁ") and soft hyphens. [`normalize`] maps them to one plain form so that the
//! parsers and matchers downstream deal with a single spelling of each character.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// Normalises text for parsing: Unicode NFKC, typographic dashes to `-`, apostrophes and
/// primes to `'`, every kind of space to an ASCII space, soft hyphens and zero-width
/// characters removed. Letters, case and diacritics are kept.
///
/// Borrows when nothing changes, which is the common case for ASCII input.
///
/// ```
/// use citegraph::text::normalize;
///
/// assert_eq!(normalize("Federal’noe agentstvo"), "Federal'noe agentstvo");
/// assert_eq!(normalize("pp. 61–78"), "pp. 61-78");
/// assert_eq!(normalize("\u{FB01}nite"), "finite");
/// ```
pub fn normalize(s: &str) -> Cow<'_, str> {
    let needs_work = !s.is_ascii() || memchr::memchr2(b'\t', b'\r', s.as_bytes()).is_some();
    if !needs_work {
        return Cow::Borrowed(s);
    }
    // Text that is already normalised (Cyrillic, accented Latin, no typographic marks) is
    // common and is handed back as it is; parsers normalise again what they are given.
    let Some(first) = first_change(s, 0) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    // Up to `first` nothing changes; but `first` may be a combining mark that composes
    // with the char before it, so the copy restarts at that char.
    let start = s[..first].char_indices().next_back().map_or(0, |(i, _)| i);
    out.push_str(&s[..start]);
    push_normalized(&mut out, &s[start..]);
    Cow::Owned(out)
}

/// Whether an ASCII byte is kept as it is by [`map_char`].
fn ascii_kept(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\t' | b'\r' | b'`')
}

/// The length of the run of bytes at the start of `b` that [`ascii_kept`] keeps. Eight bytes
/// are tested at a time (no high bit, no tab, CR or backtick in the word); the bytes of the
/// first word that fails are then read one by one, so the answer is the byte loop's.
fn kept_run(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // whether some byte of `w` equals `x` (the classic zero-byte test on `w ^ x…x`)
    let has = |w: u64, x: u8| {
        let v = w ^ (ONES * u64::from(x));
        v.wrapping_sub(ONES) & !v & HIGH != 0
    };
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if w & HIGH != 0 || has(w, b'\t') || has(w, b'\r') || has(w, b'`') {
            break;
        }
        i += 8;
    }
    i + b[i..]
        .iter()
        .position(|&x| !ascii_kept(x))
        .unwrap_or(b.len() - i)
}

/// The byte offset of the first char at or after `from` that normalisation changes.
fn first_change(s: &str, from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        // ASCII runs are skipped a byte at a time, without decoding chars
        let rest = s.as_bytes().get(i..)?;
        let run = kept_run(rest);
        if run == rest.len() {
            return None;
        }
        i += run;
        // so are runs of Cyrillic letters (the bulk of Russian entries)
        let cyr = cyrillic_run(&rest[run..]);
        if cyr > 0 {
            i += cyr;
            continue;
        }
        let c = s[i..].chars().next()?;
        if !is_stable(c) || !matches!(map_char(c), Mapped::Keep) {
            return Some(i);
        }
        i += c.len_utf8();
    }
}

/// Appends NFKC of `s` with [`map_char`] applied. NFKC is worked out per run of unstable
/// chars only (with the stable char before it, which they may compose with): a stable
/// char is a boundary that no composition or reordering crosses, so the rest is copied
/// as it is, which spares the decomposition and recomposition of whole entries for one
/// "№" or ligature.
fn push_normalized(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    // where in `s` and in `out` the last stable char began
    let mut last_stable: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let run = i + kept_run(&bytes[i..]);
        if run > i {
            // an ASCII run is stable and unchanged: copied at once
            last_stable = Some((run - 1, out.len() + (run - 1 - i)));
            out.push_str(&s[i..run]);
            i = run;
            continue;
        }
        let cyr = cyrillic_run(&bytes[i..]);
        if cyr > 0 {
            // Cyrillic letters are stable and kept: copied at once, the last one marked
            last_stable = Some((i + cyr - 2, out.len() + cyr - 2));
            out.push_str(&s[i..i + cyr]);
            i += cyr;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        if is_stable(c) {
            last_stable = Some((i, out.len()));
            push_mapped(out, c);
            i += c.len_utf8();
            continue;
        }
        let (seg_start, out_len) = last_stable.unwrap_or((i, out.len()));
        let mut seg_end = i + c.len_utf8();
        for d in s[seg_end..].chars() {
            if is_stable(d) {
                break;
            }
            seg_end += d.len_utf8();
        }
        out.truncate(out_len);
        for d in s[seg_start..seg_end].nfkc() {
            push_mapped(out, d);
        }
        last_stable = None;
        i = seg_end;
    }
}

fn push_mapped(out: &mut String, c: char) {
    match map_char(c) {
        Mapped::Keep => out.push(c),
        Mapped::To(r) => out.push(r),
        Mapped::Drop => {}
    }
}

/// The byte length of the run of chars at the start of `b` in U+0400..=U+0482 and
/// U+048A..=U+052F (Cyrillic letters, without the combining marks between them): chars
/// [`is_stable`] takes without a table and [`map_char`] keeps, all two bytes long.
fn cyrillic_run(b: &[u8]) -> usize {
    let mut i = 0;
    while let (Some(&lead), Some(&cont)) = (b.get(i), b.get(i + 1)) {
        if !(0xD0..=0xD4).contains(&lead) || cont & 0xC0 != 0x80 {
            break;
        }
        let c = u32::from(lead & 0x1F) << 6 | u32::from(cont & 0x3F);
        if !matches!(c, 0x400..=0x482 | 0x48A..=0x52F) {
            break;
        }
        i += 2;
    }
    i
}

/// Whether `c` is its own NFKC in any context: NFKC quick check "yes" and combining class
/// 0, so nothing before it composes with it or is reordered past it. The ranges read
/// without a table lookup are checked against the tables by a test.
#[inline]
fn is_stable(c: char) -> bool {
    match c {
        '\0'..='\u{7F}'
        | '\u{C0}'..='\u{FF}'
        | '\u{400}'..='\u{482}'
        | '\u{48A}'..='\u{52F}'
        | '\u{2010}'
        | '\u{2012}'..='\u{2016}'
        | '\u{2018}'..='\u{2023}' => true,
        _ => {
            canonical_combining_class(c) == 0
                && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
        }
    }
}

enum Mapped {
    Keep,
    To(char),
    Drop,
}

fn map_char(c: char) -> Mapped {
    match c {
        // hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Mapped::To('-'),
        // apostrophes, primes and modifier letters used as soft signs in transliteration
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
        | '\u{02B9}' | '\u{0060}' | '\u{00B4}' => Mapped::To('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => Mapped::To('"'),
        '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Mapped::To(' ')
        }
        '\r' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
            Mapped::Drop
        }
        _ => Mapped::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_run_is_the_byte_loop() {
        let texts = [
            "",
            "plain ascii text of some length",
            "0123456\t89",
            "01234567`9abcdef",
            "abcdefgh\r",
            "Федеральное",
            "abcdefghijklmnop–q",
            "a\u{1}\u{7F}\u{80}",
        ];
        for t in texts {
            let b = t.as_bytes();
            let want = b.iter().position(|&x| !ascii_kept(x)).unwrap_or(b.len());
            assert_eq!(kept_run(b), want, "{t:?}");
        }
    }

    #[test]
    fn cyrillic_runs_are_stable_kept_chars() {
        // a run takes only chars that the char path would copy unchanged, and takes them whole
        for c in '\u{80}'..='\u{800}' {
            let text = format!("{c}{c}x");
            let run = cyrillic_run(text.as_bytes());
            if run > 0 {
                assert_eq!(run, 2 * c.len_utf8(), "{c:?}");
                assert!(is_stable(c) && matches!(map_char(c), Mapped::Keep), "{c:?}");
            }
            if ('а'..='я').contains(&c) || ('А'..='Я').contains(&c) || c == 'ё' || c == 'Ё' {
                assert_eq!(run, 4, "{c:?}");
            }
        }
        // a lone lead byte or a truncated sequence ends the run
        assert_eq!(cyrillic_run(&[0xD0]), 0);
        assert_eq!(cyrillic_run("яx".as_bytes()), 2);
    }

    #[test]
    fn ascii_is_borrowed() {
        assert!(matches!(normalize("Brown J. (2017)"), Cow::Borrowed(_)));
    }

    #[test]
    fn typographic_forms_are_plain() {
        assert_eq!(
            normalize("China-Russia United Front–And It’s"),
            "China-Russia United Front-And It's"
        );
        assert_eq!(normalize("a\u{00A0}b\u{00AD}c"), "a bc");
        assert_eq!(
            normalize("«Японские исследования»"),
            "\"Японские исследования\""
        );
    }

    /// The implementation before the per-run NFKC: the whole text at once.
    fn whole_text_normalize(s: &str) -> String {
        let needs_work = !s.is_ascii() || memchr::memchr2(b'\t', b'\r', s.as_bytes()).is_some();
        if !needs_work {
            return s.to_string();
        }
        let composed: String = s.nfkc().collect();
        let mut out = String::new();
        for c in composed.chars() {
            push_mapped(&mut out, c);
        }
        out
    }

    #[test]
    fn stable_ranges_agree_with_the_tables() {
        for c in (0..=0x2FFFFu32).filter_map(char::from_u32) {
            let table = canonical_combining_class(c) == 0
                && is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes;
            assert!(!is_stable(c) || table, "{c:?} is not stable");
        }
    }

    #[test]
    fn per_run_nfkc_equals_whole_text_nfkc() {
        let pieces = [
            "a",
            "e",
            "\u{301}",
            "\u{308}",
            "\u{323}",
            "№",
            "ﬁ",
            "\u{2033}",
            "–",
            "’",
            "\t",
            "\r",
            "`",
            " ",
            "\u{A0}",
            "\u{AD}",
            "й",
            "и",
            "\u{306}",
            "\u{1100}",
            "\u{1161}",
            "\u{11A8}",
            "가",
            "\u{0F71}",
            "\u{0F72}",
            "\u{0344}",
            "½",
            "Å",
            "\u{212B}",
            "ё",
            "\u{483}",
            "\u{2024}",
            "…",
            "\u{FB01}\u{301}",
            "x",
        ];
        // every string of up to three pieces
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            let mut next = Vec::new();
            for t in &texts {
                for p in pieces {
                    next.push(format!("{t}{p}"));
                }
            }
            texts.extend(next);
        }
        for t in &texts {
            assert_eq!(normalize(t), whole_text_normalize(t), "{t:?}");
        }
    }

    #[test]
    fn cyrillic_letters_survive() {
        // NFKC must not decompose й or ё (NFKD would).
        assert_eq!(normalize("Йошкар-Ола, ёлка"), "Йошкар-Ола, ёлка");
    }
}
