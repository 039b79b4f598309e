//! Text normalisation shared by every stage: Unicode NFKC and typographic punctuation.
//!
//! Reference lists arrive with curly apostrophes, en and em dashes, non-breaking spaces,
//! ligatures ("ﬁ") and soft hyphens. [`normalize`] maps them to one plain form so that the
//! parsers and matchers downstream deal with a single spelling of each character.

use std::borrow::Cow;

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
    let needs_work = !s.is_ascii() || s.bytes().any(|b| b == b'\t' || b == b'\r');
    if !needs_work {
        return Cow::Borrowed(s);
    }
    let composed: Cow<'_, str> = match is_nfkc_quick(s.chars()) {
        IsNormalized::Yes => Cow::Borrowed(s),
        _ => Cow::Owned(s.nfkc().collect()),
    };
    let mut out = String::with_capacity(composed.len());
    for c in composed.chars() {
        match map_char(c) {
            Mapped::Keep => out.push(c),
            Mapped::To(r) => out.push(r),
            Mapped::Drop => {}
        }
    }
    Cow::Owned(out)
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

    #[test]
    fn cyrillic_letters_survive() {
        // NFKC must not decompose й or ё (NFKD would).
        assert_eq!(normalize("Йошкар-Ола, ёлка"), "Йошкар-Ола, ёлка");
    }
}
