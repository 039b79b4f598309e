//! Folding a printed name to plain lower-case Latin letters.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::translit::{cyrillic_to_latin, is_cyrillic};
use crate::text::normalize;

/// Particles that precede a family name and that reference lists print, drop or move at will
/// ("van Eck N.J.", "Eck N.J. van"); the key ignores them so the forms meet.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "ter", "ten", "zu", "bin", "ibn", "al", "el", "af", "av",
];

/// Whether a word is a family-name particle ("van", "de", "von", ...), in any case.
pub(crate) fn is_particle(word: &str) -> bool {
    PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// Folds a family name to its matching spelling: Unicode NFKC, typographic punctuation,
/// lower case, Cyrillic transliterated by a hand-written table, Latin diacritics removed
/// (with the letters that Slavic romanisations write with a háček spelt out: `š` → `sh`),
/// leading particles dropped, and everything but letters dropped (apostrophes that stand
/// for soft signs, hyphens, spaces).
///
/// Folding is idempotent. It keeps the spelling readable; the coarser
/// [`skeleton`](super::skeleton) is what matching compares.
///
/// ```
/// use citegraph::names::fold_family;
///
/// assert_eq!(fold_family("Strel'tsov"), "streltsov");
/// assert_eq!(fold_family("Стрельцов"), "streltsov");
/// assert_eq!(fold_family("Glänzel"), "glanzel");
/// assert_eq!(fold_family("van Eck"), "eck");
/// assert_eq!(fold_family("Hruŝëv"), "hrushchev");
/// assert_eq!(fold_family(&fold_family("SSmith-Jones")), fold_family("SSmith-Jones"));
/// ```
pub fn fold_family(family: &str) -> String {
    let text = normalize(family);
    let mut out = String::with_capacity(text.len());
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    // Drop leading particles, but never the last word: "De" alone is a family name.
    let first = words
        .iter()
        .take(words.len().saturating_sub(1))
        .take_while(|w| is_particle(w.trim_matches(|c: char| !c.is_alphabetic())))
        .count();
    for word in &words[first..] {
        for c in word.chars() {
            fold_char(c, &mut out);
        }
    }
    out
}

/// Appends the folded form of one character (nothing for punctuation and marks).
pub(crate) fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    for lower in c.to_lowercase() {
        if is_cyrillic(lower) {
            if let Some(latin) = cyrillic_to_latin(lower) {
                out.push_str(latin);
            } else if lower.is_alphabetic() {
                out.push(lower);
            }
            continue;
        }
        if let Some(special) = latin_special(lower) {
            out.push_str(special);
            continue;
        }
        if !decomposes_to_latin(lower) {
            if lower.is_alphabetic() {
                out.push(lower);
            }
            continue;
        }
        let mut pushed_base = false;
        decompose_canonical(lower, |d| {
            if pushed_base || is_combining_mark(d) {
                return;
            }
            if d.is_ascii() {
                if d.is_ascii_alphabetic() {
                    out.push(d.to_ascii_lowercase());
                }
            } else if d.is_alphabetic() {
                out.push(d);
            }
            pushed_base = true;
        });
    }
}

/// Latin and Greek letters lose their diacritics by canonical decomposition; other scripts
/// (Hangul syllables decompose into jamo, for one) are kept whole.
fn decomposes_to_latin(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0370}'..='\u{03FF}' | '\u{1E00}'..='\u{1FFF}')
}

/// Latin letters whose folding is not "drop the diacritic": háček letters of the Slavic
/// romanisations (ISO 9, GOST 7.79 A, LC, Czech and Croatian spellings) are spelt out as the
/// ASCII systems spell them, and ligatures and special letters get their usual ASCII form.
fn latin_special(c: char) -> Option<&'static str> {
    Some(match c {
        'š' => "sh",
        'ž' => "zh",
        'č' => "ch",
        'ŝ' => "shch",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ʹ' | 'ʺ' | 'ʼ' | '\u{2019}' | '\u{2018}' => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diacritics_and_case() {
        assert_eq!(fold_family("GLÄNZEL"), "glanzel");
        assert_eq!(fold_family("Nguyễn"), "nguyen");
        assert_eq!(fold_family("Øster"), "oster");
        assert_eq!(fold_family("Łukasz"), "lukasz");
    }

    #[test]
    fn iso9_hacek_letters_are_spelt_out() {
        assert_eq!(fold_family("Čechov"), "chechov");
        assert_eq!(fold_family("Žukov"), "zhukov");
        assert_eq!(fold_family("Šestakov"), "shestakov");
    }

    #[test]
    fn soft_signs_and_punctuation_go() {
        assert_eq!(fold_family("Strel’tsov"), "streltsov");
        assert_eq!(fold_family("Strelʹcov"), "strelcov");
        assert_eq!(fold_family("Smith-Jones"), "smithjones");
        assert_eq!(fold_family("O'Brien"), "obrien");
    }

    #[test]
    fn particles() {
        assert_eq!(fold_family("de Solla Price"), "sollaprice");
        assert_eq!(fold_family("Van Eck"), "eck");
        assert_eq!(fold_family("De"), "de");
    }

    #[test]
    fn cyrillic_keeps_short_i() {
        assert_eq!(fold_family("Федоровский"), "fedorovskiy");
        assert_eq!(fold_family("Молодяков"), "molodyakov");
    }

    #[test]
    fn idempotent_on_examples() {
        for s in [
            "Стрельцов",
            "Glänzel",
            "van Eck",
            "Hruŝëv",
            "ŒUVRE",
            "İnan",
            "Ǆ",
        ] {
            let once = fold_family(s);
            assert_eq!(fold_family(&once), once, "{s}");
        }
    }
}
