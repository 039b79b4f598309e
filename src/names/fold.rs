//! Folding a printed name to plain lower-case Latin letters.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use super::translit::{cyrillic_to_latin, is_cyrillic};
use crate::text::normalize;

/// Particles that precede a family name ("van Eck N.J.", "Eck N.J. van"); parsing keeps them
/// with the family name wherever the text prints them.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "ter", "ten", "zu", "bin", "ibn", "al", "el", "af", "av",
];

/// Whether a word is a family-name particle ("van", "de", "von", ...), in any case.
pub(crate) fn is_particle(word: &str) -> bool {
    PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// Folds a family name to its matching spelling: Unicode NFKC, typographic punctuation,
/// lower case, Cyrillic transliterated by a hand-written table (Ukrainian spellings by the
/// Ukrainian values of г and и), Latin diacritics removed (with the letters that Slavic
/// romanisations write with a háček or circumflex spelt out: `š` → `sh`, ISO 9 `â` → `ja`),
/// and everything but letters dropped (apostrophes that stand for soft signs, hyphens, spaces).
/// Particles are kept: "van der Bosch" and "van den Bosch" are different names.
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
/// assert_eq!(fold_family("van Eck"), "vaneck");
/// assert_eq!(fold_family("Hruŝëv"), "hrushchev");
/// assert_eq!(fold_family("Грушевський"), "hrushevskyy");
/// assert_eq!(fold_family(&fold_family("SSmith-Jones")), fold_family("SSmith-Jones"));
/// ```
pub fn fold_family(family: &str) -> String {
    fold_with(family, false)
}

/// The folding of a family name that reads š, ž, č as the plain s, z, c of the Latin-script
/// languages that write them (Czech, Slovak, Slovene, Croatian: Šubelj is Subelj without its
/// háček), or `None` when the name has none of these letters. [`fold_family`] reads them the
/// way ISO 9 does (š = ш = sh); a name with them is matched under both readings.
///
/// ```
/// use citegraph::names::{fold_family, fold_family_plain};
///
/// assert_eq!(fold_family("Žižek"), "zhizhek");
/// assert_eq!(fold_family_plain("Žižek").as_deref(), Some("zizek"));
/// assert_eq!(fold_family_plain("Zizek"), None);
/// ```
pub fn fold_family_plain(family: &str) -> Option<String> {
    family
        .chars()
        .any(|c| matches!(c, 'š' | 'ž' | 'č' | 'Š' | 'Ž' | 'Č'))
        .then(|| fold_with(family, true))
}

fn fold_with(family: &str, plain_hacek: bool) -> String {
    let mut out = fold_once(family, plain_hacek);
    // Joining words can put characters side by side that NFKC then reorders or composes
    // (combining marks of other scripts, Hangul jamo); folding again until nothing changes
    // keeps folding idempotent. ASCII output is always final.
    for _ in 0..4 {
        if out.is_ascii() {
            break;
        }
        let again = fold_once(&out, plain_hacek);
        if again == out {
            break;
        }
        out = again;
    }
    out
}

fn fold_once(family: &str, plain_hacek: bool) -> String {
    let text = normalize(family);
    let mut out = String::with_capacity(text.len());
    let ukrainian = is_ukrainian(&text);
    for c in text.chars() {
        fold_char_in(c, ukrainian, plain_hacek, &mut out);
    }
    out
}

/// Whether Cyrillic text is Ukrainian rather than Russian: it has a letter Russian lacks
/// (і, ї, є, ґ) or the Ukrainian adjectival ending -ський / -цький.
fn is_ukrainian(text: &str) -> bool {
    if !text.chars().any(is_cyrillic) {
        return false;
    }
    text.chars()
        .any(|c| matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ'))
        || ["ськ", "цьк", "зьк"]
            .iter()
            .any(|e| text.to_lowercase().contains(e))
}

/// Appends the folded form of one character (nothing for punctuation and marks), reading
/// Cyrillic as Russian.
pub(crate) fn fold_char(c: char, out: &mut String) {
    fold_char_in(c, false, false, out);
}

fn fold_char_in(c: char, ukrainian: bool, plain_hacek: bool, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    for lower in c.to_lowercase() {
        if is_cyrillic(lower) {
            let latin = match lower {
                'г' if ukrainian => Some("h"),
                'и' if ukrainian => Some("y"),
                _ => cyrillic_to_latin(lower),
            };
            if let Some(latin) = latin {
                out.push_str(latin);
            } else if lower.is_alphabetic() {
                out.push(lower);
            }
            continue;
        }
        if plain_hacek && matches!(lower, 'š' | 'ž' | 'č') {
            out.push(match lower {
                'š' => 's',
                'ž' => 'z',
                _ => 'c',
            });
            continue;
        }
        if let Some(special) = latin_special(lower) {
            out.push_str(special);
            continue;
        }
        if !decomposes_to_latin(lower) {
            if lower.is_alphabetic() && !is_combining_mark(lower) {
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
        // ISO 9 я, ю, є; precomposed only, so Vietnamese ầ or ấ keep their plain a.
        'â' => "ja",
        'û' => "ju",
        'ê' => "je",
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
    fn particles_are_kept() {
        assert_eq!(fold_family("de Solla Price"), "desollaprice");
        assert_eq!(fold_family("Van Eck"), "vaneck");
        assert_ne!(fold_family("van der Bosch"), fold_family("van den Bosch"));
    }

    #[test]
    fn iso9_circumflex_letters() {
        assert_eq!(fold_family("Lâpunov"), "ljapunov");
        assert_eq!(fold_family("Ûškevič"), "jushkevich");
    }

    #[test]
    fn ukrainian_h() {
        assert_eq!(fold_family("Грушевський"), "hrushevskyy");
        assert_eq!(fold_family("Шевченко"), "shevchenko");
        assert_eq!(fold_family("Григорьев"), "grigorev");
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
