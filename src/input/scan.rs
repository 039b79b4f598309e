//! Small byte- and char-level scanning helpers shared by the input parsers.
//!
//! Everything here works on `&str` with byte offsets that are always char boundaries, because
//! the only bytes searched for are ASCII: a match on an ASCII byte can never fall inside a
//! multi-byte UTF-8 sequence.

/// How common a char is in reference text, lower is rarer; picks the search anchor.
const fn commonness(c: char) -> u8 {
    match c {
        'z' | 'q' | 'x' | 'j' | 'k' | 'v' | 'b' | 'w' | '/' | ':' | '[' | '(' => 3,
        'p' | 'y' | 'g' | 'f' | 'm' | 'u' | 'c' => 8,
        'l' | 'd' | 'r' | 'h' | 's' => 12,
        'n' | 'i' | 'o' | 'a' | 't' | 'e' => 16,
        '.' | ',' | '-' => 14,
        ' ' => 40,
        c if c.is_ascii_digit() => 10,
        // capitals and other scripts are rare in any one position
        _ => 2,
    }
}

/// The first match of `pat` in `hay` at or after byte `from` (a char boundary). Jumps
/// between occurrences of the needle's rarest char with the standard library's memchr-backed
/// char search, which beats building a substring searcher for the short texts of references.
pub(crate) fn find_from(hay: &str, pat: &str, from: usize) -> Option<usize> {
    let (k, anchor) = rarest_char(pat)?;
    // `from + k` may fall inside a multi-byte char (Cyrillic before the match); `from` is a
    // boundary, and the check below skips anchors found too early.
    let mut at = from;
    // an ASCII anchor is a byte: the memchr crate's vectorised search beats the standard
    // library's word-at-a-time one on texts of a few hundred bytes
    let byte = u8::try_from(anchor).ok().filter(u8::is_ascii);
    loop {
        let j = at
            + match byte {
                Some(b) => memchr::memchr(b, hay.as_bytes().get(at..)?)?,
                None => hay.get(at..)?.find(anchor)?,
            };
        if j >= from + k {
            let start = j - k;
            if hay.is_char_boundary(start) && hay[start..].starts_with(pat) {
                return Some(start);
            }
        }
        at = j + anchor.len_utf8();
    }
}

/// The first match of `pat` in `hay`, as `hay.find(pat)` but without building a substring
/// searcher per call (see [`find_from`]).
pub(crate) fn find_str(hay: &str, pat: &str) -> Option<usize> {
    find_from(hay, pat, 0)
}

/// Whether `pat` occurs in `hay`, as `hay.contains(pat)` (see [`find_from`]).
pub(crate) fn contains_str(hay: &str, pat: &str) -> bool {
    find_from(hay, pat, 0).is_some()
}

/// The last match of `pat` in `hay`, as `hay.rfind(pat)`: jumps backwards between
/// occurrences of the pattern's first byte when that byte is ASCII (every pattern the
/// parsers search for), which for short texts beats building a reverse substring searcher.
pub(crate) fn rfind_str(hay: &str, pat: &str) -> Option<usize> {
    let Some(&first) = pat.as_bytes().first().filter(|b| b.is_ascii()) else {
        return hay.rfind(pat);
    };
    let b = hay.as_bytes();
    let mut end = b.len().checked_sub(pat.len())? + 1;
    while let Some(j) = memchr::memrchr(first, &b[..end]) {
        // an ASCII first byte is a char boundary
        if b[j..].starts_with(pat.as_bytes()) {
            return Some(j);
        }
        end = j;
    }
    None
}

/// `s.trim()`, answered without decoding chars when both ends are ASCII and not
/// whitespace (most items and titles), where there is nothing to trim.
pub(crate) fn trim_ws(s: &str) -> &str {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l))
            if f.is_ascii() && !is_ascii_space(f) && l.is_ascii() && !is_ascii_space(l) =>
        {
            s
        }
        _ => s.trim(),
    }
}

/// `s.trim_end_matches(set)` for a set of ASCII chars, read as bytes: a non-ASCII char
/// ends in a byte no ASCII char has, so the bytes stop where the chars would.
pub(crate) fn trim_end_ascii<'a>(s: &'a str, set: &[u8]) -> &'a str {
    let b = s.as_bytes();
    let mut k = b.len();
    while k > 0 && set.contains(&b[k - 1]) {
        k -= 1;
    }
    &s[..k]
}

/// `s.find(b)` for an ASCII byte, with the memchr crate's vectorised search (the standard
/// library's char search reads a word at a time).
pub(crate) fn find_byte(s: &str, b: u8) -> Option<usize> {
    debug_assert!(b.is_ascii());
    memchr::memchr(b, s.as_bytes())
}

/// `s.rfind(b)` for an ASCII byte, with the memchr crate's vectorised reverse search (the
/// standard library's char search reads a word at a time).
pub(crate) fn rfind_byte(s: &str, b: u8) -> Option<usize> {
    debug_assert!(b.is_ascii());
    memchr::memrchr(b, s.as_bytes())
}

/// `s.rsplit_once(b)` for an ASCII byte, with [`rfind_byte`]; an ASCII byte is a char
/// boundary, and so is the byte after it.
pub(crate) fn rsplit_once_byte(s: &str, b: u8) -> Option<(&str, &str)> {
    let k = rfind_byte(s, b)?;
    Some((&s[..k], &s[k + 1..]))
}

/// The part of `s` after its last `b` (all of `s` without one): `s.rsplit(b).next()` for an
/// ASCII byte, with [`rfind_byte`].
pub(crate) fn after_last_byte(s: &str, b: u8) -> &str {
    rfind_byte(s, b).map_or(s, |k| &s[k + 1..])
}

/// `hay.split_once(pat)`, with [`find_str`].
pub(crate) fn split_once_str<'a>(hay: &'a str, pat: &str) -> Option<(&'a str, &'a str)> {
    let k = find_str(hay, pat)?;
    Some((&hay[..k], &hay[k + pat.len()..]))
}

/// `hay.rsplit_once(pat)`, with [`rfind_str`].
pub(crate) fn rsplit_once_str<'a>(hay: &'a str, pat: &str) -> Option<(&'a str, &'a str)> {
    let k = rfind_str(hay, pat)?;
    Some((&hay[..k], &hay[k + pat.len()..]))
}

/// The first match of the ASCII pattern `pat` in `hay`, ignoring ASCII case, as
/// `hay.to_ascii_lowercase().find(pat)` for a lower-case `pat` but without the copy.
pub(crate) fn find_ascii_ci(hay: &str, pat: &str) -> Option<usize> {
    let p = pat.as_bytes();
    let &first = p.first()?;
    let b = hay.as_bytes();
    let mut at = 0;
    while at + p.len() <= b.len() {
        let j = at
            + memchr::memchr2(
                first.to_ascii_lowercase(),
                first.to_ascii_uppercase(),
                &b[at..],
            )?;
        if j + p.len() <= b.len() && b[j..j + p.len()].eq_ignore_ascii_case(p) {
            return Some(j);
        }
        at = j + 1;
    }
    None
}

/// The byte offset and the char of the rarest char of `pat` (the first of the rarest), by
/// [`commonness`]. An ASCII pattern (almost every one) is read from a table, without
/// decoding chars.
fn rarest_char(pat: &str) -> Option<(usize, char)> {
    if pat.is_ascii() {
        const TABLE: [u8; 128] = {
            let mut t = [0u8; 128];
            let mut i = 0;
            while i < 128 {
                t[i] = commonness(i as u8 as char);
                i += 1;
            }
            t
        };
        let mut best: Option<(usize, u8)> = None;
        for (k, &b) in pat.as_bytes().iter().enumerate() {
            let score = TABLE[usize::from(b)];
            if best.is_none_or(|(_, s)| score < s) {
                best = Some((k, score));
            }
        }
        return best.map(|(k, _)| (k, char::from(pat.as_bytes()[k])));
    }
    let mut best: Option<(usize, char, u8)> = None;
    for (k, c) in pat.char_indices() {
        let score = commonness(c);
        if best.is_none_or(|b| score < b.2) {
            best = Some((k, c, score));
        }
    }
    best.map(|(k, c, _)| (k, c))
}

/// Copies `src` into `dst` (of the same length) with ASCII letters lower-cased, in one loop:
/// for the short words compared with keyword lists this beats a `memcpy` call followed by a
/// second pass.
#[inline]
pub(crate) fn lower_into(dst: &mut [u8], src: &[u8]) {
    for (d, &s) in dst.iter_mut().zip(src) {
        *d = s.to_ascii_lowercase();
    }
}

/// A byte class table: `table[b]` holds when `b` is an ASCII letter (and, with `digits`, an
/// ASCII digit) or one of `extra`. The word splits of every title read one byte of it
/// instead of testing ranges.
pub(crate) const fn byte_class(digits: bool, extra: u8) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = b.is_ascii_alphabetic() || digits && b.is_ascii_digit() || b == extra;
        i += 1;
    }
    table
}

/// Whether `s` starts with the ASCII `prefix`, ignoring ASCII case.
pub(crate) fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether `s` ends with the ASCII `suffix`, ignoring ASCII case.
pub(crate) fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether byte `i` of `s` starts a word (nothing alphanumeric right before it).
pub(crate) fn at_word_start(s: &str, i: usize) -> bool {
    s[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

/// A four-digit year starting at byte `i`, not glued to other digits, in a plausible range.
pub(crate) fn year_at(s: &str, i: usize) -> Option<i32> {
    let b = s.as_bytes();
    if i + 4 > b.len() || !b[i..i + 4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if i > 0 && b[i - 1].is_ascii_digit() {
        return None;
    }
    if b.get(i + 4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let y = b[i..i + 4]
        .iter()
        .fold(0i32, |acc, d| acc * 10 + i32::from(d - b'0'));
    (1400..=2100).contains(&y).then_some(y)
}

/// The first plausible four-digit year in `s` with its byte offset.
pub(crate) fn first_year(s: &str) -> Option<(usize, i32)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        // the bytes before the next digit could start no year
        i = next_digit(b, i)?;
        if i + 4 > b.len() {
            return None;
        }
        if let Some(y) = year_at(s, i) {
            return Some((i, y));
        }
        // skip the whole digit run so long numbers stay linear
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    None
}

/// The byte offsets of the ASCII spaces in `b`, in order. Eight bytes are tested at a time:
/// in `x`, the bytes XOR-ed with a space, a byte is zero exactly where a space was; adding
/// 0x7f to its low seven bits sets the high bit of every non-zero one without a carry into
/// the next byte, so the bytes with no high bit in `sum | x` are the spaces.
pub(crate) fn spaces(b: &[u8]) -> Spaces<'_> {
    Spaces {
        b,
        next: 0,
        base: 0,
        mask: 0,
    }
}

/// The iterator of [`spaces`].
pub(crate) struct Spaces<'a> {
    b: &'a [u8],
    /// The offset of the next eight bytes to test.
    next: usize,
    /// The offset of the eight bytes `mask` marks.
    base: usize,
    /// The high bit of each byte that is a space and not yet returned.
    mask: u64,
}

impl Iterator for Spaces<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        const SPACES: u64 = 0x2020_2020_2020_2020;
        while self.mask == 0 {
            let rest = self.b.get(self.next..).filter(|r| !r.is_empty())?;
            let word = match rest.first_chunk::<8>() {
                Some(w) => *w,
                None => {
                    // the last few bytes, padded with bytes that are no space
                    let mut w = [0u8; 8];
                    w[..rest.len()].copy_from_slice(rest);
                    w
                }
            };
            let x = u64::from_le_bytes(word) ^ SPACES;
            let sum = (x & LOW7).wrapping_add(LOW7);
            self.mask = !(sum | x | LOW7);
            self.base = self.next;
            self.next += 8;
        }
        let k = (self.mask.trailing_zeros() / 8) as usize;
        self.mask &= self.mask - 1;
        Some(self.base + k)
    }
}

/// The offset of the first ASCII digit at or after `from`. Eight bytes are tested at a
/// time: a byte's low seven bits plus 0x50 reach 0x80 from '0' up, plus 0x46 from past '9'
/// up, no sum carries into the next byte, and a byte with its high bit is no digit; so the
/// lowest marked byte is the first digit.
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let low = w & LOW7;
        let digits = low.wrapping_add(ONES * 0x50) & !low.wrapping_add(ONES * 0x46) & !w & HIGH;
        if digits != 0 {
            return Some(i + (digits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|k| i + k)
}

/// Reads an unsigned decimal number at byte `i`: its value (saturating) and its byte length.
pub(crate) fn number_at(s: &str, i: usize) -> Option<(u32, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    let mut v: u32 = 0;
    // At most nine digits: no number in a reference is longer, and the cap keeps repeated
    // calls on a hostile digit run cheap.
    while j < b.len() && j - i < 9 && b[j].is_ascii_digit() {
        v = v * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    (j > i).then_some((v, j - i))
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
/// Whether a journal's name ends on an abbreviation whose full stop it keeps ("Phys. Lett."):
/// a last word of at most five letters starting with a capital, in a name with other
/// abbreviated words.
pub(crate) fn ends_on_abbreviation(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    last.chars().count() <= 5
        && last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().all(char::is_alphabetic)
        && contains_str(name, ". ")
}

pub(crate) fn prefix_at_most(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// `char::is_alphabetic`, answering ASCII, Cyrillic and general punctuation (the bulk of
/// reference text) without the standard library's table search. A test checks it against
/// the standard library for every char.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        '\u{400}'..='\u{481}' | '\u{48A}'..='\u{52F}' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, with the shortcuts of [`is_alphabetic`].
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        '\0'..='\u{7F}' => false,
        '\u{400}'..='\u{481}' | '\u{48A}'..='\u{52F}' => true,
        '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The byte length of the whitespace (`char::is_whitespace`) that `s` starts with. Bytes are
/// read directly and only non-ASCII chars are decoded: tokenising is in every parse.
#[inline]
pub(crate) fn whitespace_run(s: &str) -> usize {
    let b = s.as_bytes();
    // most runs are one space: answered without entering the loop
    if b.len() > 1 && b[0] == b' ' && b[1].is_ascii() && !is_ascii_space(b[1]) {
        return 1;
    }
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii() {
            if !is_ascii_space(b[i]) {
                break;
            }
            i += 1;
        } else {
            match s[i..].chars().next() {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The byte offset of the first whitespace char in `s`, as `s.find(char::is_whitespace)`.
pub(crate) fn first_whitespace(s: &str) -> Option<usize> {
    first_space(s, false)
}

/// The byte offset of the first whitespace char or comma in `s`: [`first_whitespace`] that
/// also stops at a ',', for the author tokens, which part at a comma glued to a capital.
/// Inline: its one caller cuts the author tokens, a call per token.
#[inline]
pub(crate) fn first_whitespace_or_comma(s: &str) -> Option<usize> {
    first_space(s, true)
}

/// [`first_whitespace`], and with `comma` [`first_whitespace_or_comma`]; inlined into both
/// so each is compiled for its own case.
#[inline(always)]
fn first_space(s: &str, comma: bool) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // the bytes of `w` equal to `x`, by the zero-byte test on `w ^ x…x`: exact for the
    // lowest such byte (the one read), and nonzero exactly when there is one
    let equal = |w: u64, x: u8| {
        let v = w ^ (ONES * u64::from(x));
        v.wrapping_sub(ONES) & !v & HIGH
    };
    let b = s.as_bytes();
    let mut i = 0;
    // Eight bytes at a time. A byte's low seven bits plus 0x5F stay below 0x80 exactly for
    // the bytes below 0x21, the ASCII whitespace and control chars (no sum carries), and a
    // byte with its high bit is none of them. Non-ASCII whitespace is led by 0xC2 (U+0085,
    // U+00A0), 0xE1 (U+1680), 0xE2 (U+2000..U+205F) or 0xE3 (U+3000): eight bytes without
    // those (Cyrillic, say) hold only the ASCII kind. A control char or a possible lead
    // hands over to the loop below, at the start of its char.
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        if w & HIGH != 0 && equal(w, 0xC2) | equal(w, 0xE1) | equal(w, 0xE2) | equal(w, 0xE3) != 0 {
            break;
        }
        let low = !(w & LOW7).wrapping_add(ONES * 0x5f) & !w & HIGH;
        let hit = if comma { low | equal(w, b',') } else { low };
        if hit != 0 {
            i += (hit.trailing_zeros() / 8) as usize;
            if is_ascii_space(b[i]) || comma && b[i] == b',' {
                return Some(i);
            }
            break;
        }
        i += 8;
    }
    // the bytes passed over may end inside a char: step back to its start
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    while i < b.len() {
        if b[i].is_ascii() {
            if is_ascii_space(b[i]) || comma && b[i] == b',' {
                return Some(i);
            }
            i += 1;
        } else {
            let c = s[i..].chars().next()?;
            if c.is_whitespace() {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// ASCII whitespace as `char::is_whitespace` has it (with the vertical tab, unlike
/// `u8::is_ascii_whitespace`).
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// `str::split_whitespace`, read with [`whitespace_run`] and [`first_whitespace`]: the
/// standard splitter decodes every char through a predicate, which cost a few hundred
/// instructions a word in the hot scans.
pub(crate) fn words(s: &str) -> Words<'_> {
    Words { rest: s }
}

/// The iterator of [`words`].
#[derive(Debug, Clone)]
pub(crate) struct Words<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let rest = &self.rest[whitespace_run(self.rest)..];
        if rest.is_empty() {
            self.rest = rest;
            return None;
        }
        let (word, after) = rest.split_at(first_whitespace(rest).unwrap_or(rest.len()));
        self.rest = after;
        Some(word)
    }
}

/// Whether the text holds a Cyrillic letter.
pub(crate) fn has_cyrillic(s: &str) -> bool {
    // Read as bytes, without decoding chars: U+0400..=U+052F are the two-byte sequences led
    // by 0xD0..=0xD3, and by 0xD4 with a second byte below 0xB0 (0xD4 0xB0 is U+0530). A
    // lead byte never occurs inside another char's sequence.
    let b = s.as_bytes();
    // ASCII text (most entries) is ruled out by the word-at-a-time check
    if b.is_ascii() {
        return false;
    }
    b.iter().enumerate().any(|(i, &x)| {
        matches!(x, 0xD0..=0xD3) || x == 0xD4 && b.get(i + 1).is_some_and(|&n| n < 0xB0)
    })
}

/// Whether `c` is a Cyrillic letter.
pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_every_space_byte() {
        for s in [
            "",
            " ",
            "a b",
            "Journal of Things, 12(3), pp. 42-65",
            "  two\u{a0}kinds \u{3000} of  space ",
            "Японские исследования. 2016. Т. 5. № 3. С. 42-65",
            "\x01 \x00 \u{80} 0123456 ",
        ] {
            let naive: Vec<usize> = s
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b' ')
                .map(|(i, _)| i)
                .collect();
            assert_eq!(spaces(s.as_bytes()).collect::<Vec<_>>(), naive, "{s:?}");
        }
    }

    #[test]
    fn ascii_trims_as_the_char_trims() {
        let texts = [
            "",
            " ",
            "a",
            " a ",
            "x.",
            "x. ",
            "Д.",
            " Д ",
            "\u{a0}x",
            "x\u{a0}",
            "\tx\n",
            "12, 3.",
            ", .",
            "é.",
            "x\u{3000}",
        ];
        for t in texts {
            assert_eq!(trim_ws(t), t.trim(), "{t:?}");
            assert_eq!(
                trim_end_ascii(t, b". "),
                t.trim_end_matches(['.', ' ']),
                "{t:?}"
            );
            assert_eq!(
                trim_end_ascii(t, b" ,"),
                t.trim_end_matches([' ', ',']),
                "{t:?}"
            );
        }
    }

    #[test]
    fn next_digit_is_the_byte_search() {
        let texts = [
            "",
            "abc",
            "abcdefgh9",
            "Jap 2016",
            "x\u{ff}\u{b9}\u{39}yz0",
            "Японские 1998",
            "/:;@[`{\u{7f}0",
        ];
        for t in texts {
            let b = t.as_bytes();
            for from in 0..=b.len() {
                let want = b[from..]
                    .iter()
                    .position(u8::is_ascii_digit)
                    .map(|k| from + k);
                assert_eq!(next_digit(b, from), want, "{t:?} {from}");
            }
        }
        for x in 0..=255u8 {
            let b = [b'a', b'b', b'c', b'd', b'e', b'f', x, b'g', b'h'];
            assert_eq!(next_digit(&b, 0), x.is_ascii_digit().then_some(6), "{x}");
        }
    }

    #[test]
    fn first_space_as_a_char_search_on_mixed_scripts() {
        // every start in texts mixing ASCII, Cyrillic, accented letters, every kind of
        // whitespace and control chars, at every alignment
        let pieces = [
            "a",
            "Д",
            "é",
            ",",
            " ",
            "\t",
            "\u{85}",
            "\u{a0}",
            "\u{1680}",
            "\u{2003}",
            "\u{2028}",
            "\u{202f}",
            "\u{3000}",
            "\u{1}",
            "\u{1f}",
            "ё",
            "€",
            "😀",
            "ab",
            "Иванов",
            "\u{2010}",
            "\u{e3}",
            "\u{e2}\u{e1}",
            "\u{7f}",
        ];
        let mut seed = 7u64;
        for _ in 0..4000 {
            let mut t = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 59) + (seed >> 61) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            for (k, _) in t.char_indices() {
                let r = &t[k..];
                assert_eq!(first_whitespace(r), r.find(char::is_whitespace), "{r:?}");
                assert_eq!(
                    first_whitespace_or_comma(r),
                    r.find(|c: char| c.is_whitespace() || c == ','),
                    "{r:?}"
                );
            }
        }
    }

    #[test]
    fn first_whitespace_or_comma_as_a_char_search() {
        let cases = [
            "",
            "Stoffler,D.",
            "abcdefgh,ijk",
            "abcdefghijklmnop q,",
            "abc\x01def,gh",
            "Японские,исследования",
            "exactly8,",
            "e\u{2003}m,",
            "a,b c",
            ",",
        ];
        for s in cases {
            let want = s.find(|c: char| c.is_whitespace() || c == ',');
            assert_eq!(first_whitespace_or_comma(s), want, "{s:?}");
        }
    }

    #[test]
    fn words_split_as_the_standard_library_does() {
        let cases = [
            "",
            "   ",
            "Family, I. I., & Other, J. (2016). Title",
            "Longwordwithoutspaces12345 and\ttabs\x0bvertical\u{85}next-line",
            "ctrl\x01char\x1fhere and\u{a0}nbsp\u{2003}em\u{3000}ideographic",
            "Японские исследования\u{2028}Стрельцов  Д.В.",
            "exactly8 exactly8\u{2009}",
        ];
        for s in cases {
            let ours: Vec<&str> = words(s).collect();
            let std: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(ours, std, "{s:?}");
            assert_eq!(first_whitespace(s), s.find(char::is_whitespace), "{s:?}");
        }
    }

    #[test]
    fn find_ignores_case_and_words_start() {
        assert_eq!(find_from("available at: x", "at:", 0), Some(10));
        assert_eq!(find_from("xaccessed accessed", "accessed", 2), Some(10));
        assert_eq!(find_from("Японские исследования", "исслед", 0), Some(17));
        assert_eq!(find_from("ab", "abc", 0), None);
        // the rarest char of "http" is its fourth; Cyrillic before it must not hide the match
        assert_eq!(find_from("Д. URL: http://x", "http", 0), Some(9));
        assert_eq!(find_from("Валдай http", "http", 0), Some(13));
        assert!(at_word_start("Стрельцов at", 19));
        assert!(!at_word_start("format", 4));
    }

    #[test]
    fn str_helpers_agree_with_std() {
        let hays = [
            "",
            "a, b, c",
            ", ",
            "Д, ж, з",
            "x. y. z.",
            "; 2019; 2020",
            "aaa",
        ];
        let pats = [", ", ". ", "; ", "a", "aa", "ж", "z."];
        for h in hays {
            for p in pats {
                assert_eq!(find_str(h, p), h.find(p), "{h:?} {p:?}");
                assert_eq!(rfind_str(h, p), h.rfind(p), "{h:?} {p:?}");
                assert_eq!(split_once_str(h, p), h.split_once(p), "{h:?} {p:?}");
                assert_eq!(rsplit_once_str(h, p), h.rsplit_once(p), "{h:?} {p:?}");
                assert_eq!(
                    find_ascii_ci(h, p),
                    h.to_ascii_lowercase().find(&p.to_ascii_lowercase()),
                    "{h:?} {p:?}"
                );
            }
        }
        assert_eq!(find_ascii_ci("Book, Edited by X", "edited by "), Some(6));
    }

    #[test]
    fn years_are_four_digits_alone() {
        assert_eq!(first_year("no 12345 but 2017a"), Some((13, 2017)));
        assert_eq!(first_year("pp. 61-78"), None);
        assert_eq!(year_at("(2016)", 1), Some(2016));
    }

    #[test]
    fn char_classes_agree_with_std() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn cyrillic_bytes_agree_with_chars() {
        for c in (0x300..=0x600u32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(has_cyrillic(&s), is_cyrillic(c), "{c:?}");
        }
    }

    #[test]
    fn prefix_keeps_char_boundaries() {
        assert_eq!(prefix_at_most("ЯЯЯ", 3), "Я");
        assert_eq!(prefix_at_most("ab", 10), "ab");
    }
}
