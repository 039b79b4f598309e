//! Abbreviated venue names: "J. Appl. Phys." is "Journal of Applied Physics", "Proc. Natl.
//! Acad. Sci." is "Proceedings of the National Academy of Sciences".
//!
//! Reference lists print journal titles both in full and abbreviated the ISO 4 way (each word
//! cut to a prefix, or shortened keeping its first letter and some later ones in order:
//! "Natl." for "National"; small words such as "of" and "the" dropped). Vancouver lists drop
//! the full stops too ("J Appl Phys"). The rule here reads an abbreviation as a shortening of
//! a full title word by word; it has no list of abbreviations, so it works for any title, and
//! it is strict (every word accounted for, in order, first letters equal) because a wrong
//! merge of two journals is worse than a missed one.

use crate::resolve::source_key;

/// Words a full title may have that its abbreviation drops.
const DROPPED: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "des", "du", "la", "le", "der", "die",
    "das", "und", "fur", "et", "y", "e", "di", "del",
];

/// One word of a printed name: folded, and whether it was printed with a full stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    folded: String,
    dotted: bool,
}

pub(super) fn words(printed: &str) -> Vec<Word> {
    let mut out = Vec::new();
    for token in printed.split(|c: char| c.is_whitespace() || c == ',' || c == ':') {
        // "Proc.Natl.Acad." has its words glued by the full stops
        let parts: Vec<&str> = token.split_inclusive('.').collect();
        for part in parts {
            // the key drops articles, but a series letter ("Physical Review A") is a word here
            let mut folded = source_key(part).replace(' ', "");
            if folded.is_empty() {
                folded = part
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect();
            }
            if folded.is_empty() {
                continue;
            }
            out.push(Word {
                folded,
                dotted: part.ends_with('.'),
            });
        }
    }
    out
}

/// Whether `short` shortens `full`: the same first letter, its letters in order within
/// `full`, and shorter.
fn shortens(short: &str, full: &str) -> bool {
    let mut rest = full.chars();
    let (Some(a), Some(b)) = (short.chars().next(), full.chars().next()) else {
        return false;
    };
    if a != b || short.chars().count() >= full.chars().count() {
        return false;
    }
    short.chars().all(|c| rest.any(|f| f == c))
}

/// Whether the venue printed `short` is an abbreviation of the one printed `full`.
///
/// Word by word and in order, each word of `short` is either equal to the next word of
/// `full` or a shortening of it (same first letter, letters in order: "Natl." in
/// "National", "Phys" in "Physics"); words `full` has and `short` lacks may only be small
/// ones ("of", "the", "and", …). At least one word must be shortened, and at least half of
/// them, so two full titles that differ in one word ("Nature Physics", "Nature Photonics")
/// never pass for each other; the full title needs two words or more.
///
/// ```
/// use citegraph::source_abbreviates;
///
/// assert!(source_abbreviates("J. Appl. Phys.", "Journal of Applied Physics"));
/// assert!(source_abbreviates("Proc. Natl. Acad. Sci. USA", "Proceedings of the National Academy of Sciences USA"));
/// assert!(source_abbreviates("J Appl Phys", "Journal of Applied Physics"));
/// assert!(source_abbreviates("Phys. Rev. B", "Physical Review B"));
/// assert!(!source_abbreviates("Phys. Rev. B", "Physical Review D"));
/// assert!(!source_abbreviates("Nature Physics", "Nature Photonics"));
/// assert!(!source_abbreviates("J. Appl. Phys.", "Journal of Applied Physiology and Medicine"));
/// ```
pub fn source_abbreviates(short: &str, full: &str) -> bool {
    abbreviates(&words(short), &words(full))
}

/// [`source_abbreviates`] on names already cut into [`words`], so that comparing many pairs
/// reads each name once.
pub(super) fn abbreviates(s: &[Word], f: &[Word]) -> bool {
    if s.is_empty() || f.iter().filter(|w| !is_dropped(&w.folded)).count() < 2 {
        return false;
    }
    let mut shortened = 0usize;
    let mut j = 0usize;
    for word in s {
        loop {
            let Some(next) = f.get(j) else {
                return false;
            };
            j += 1;
            if next.folded == word.folded {
                break;
            }
            // A dotted word shortens any word it fits ("Natl." in "National"). Without the
            // full stop ("J Appl Phys") a short word must start the full one, or be a
            // contraction of four letters or more ("Natl"): "Pi" is no abbreviation of "Polity".
            let n = word.folded.chars().count();
            let undotted_ok = n <= 5 && (next.folded.starts_with(&word.folded) || n >= 4);
            if shortens(&word.folded, &next.folded) && (word.dotted || undotted_ok) {
                shortened += 1;
                break;
            }
            if !is_dropped(&next.folded) {
                return false;
            }
        }
    }
    let rest_dropped = f[j..].iter().all(|w| is_dropped(&w.folded));
    rest_dropped && shortened >= 1 && shortened * 2 >= s.len()
}

/// Whether a printed name could be an abbreviation at all: a word with a full stop, or
/// nothing but short words ("J Appl Phys"). A cheap filter before pairwise comparison.
pub(super) fn may_abbreviate(ws: &[Word]) -> bool {
    ws.iter().any(|w| w.dotted) || (!ws.is_empty() && ws.iter().all(|w| w.folded.len() <= 5))
}

pub(super) fn is_dropped(word: &str) -> bool {
    DROPPED.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_journal_abbreviations() {
        for (short, full) in [
            ("Phys. Rev. Lett.", "Physical Review Letters"),
            ("Soc Sci Med", "Social Science and Medicine"),
            ("Soc. Sci. Med.", "Social Science & Medicine"),
            ("Am. J. Sociol.", "American Journal of Sociology"),
            (
                "Proc.Natl.Acad.Sci.",
                "Proceedings of the National Academy of Sciences",
            ),
            ("Ann. Math.", "Annals of Mathematics"),
            ("Vopr. Ekon.", "Voprosy ekonomiki"),
            ("Вопр. экономики", "Вопросы экономики"),
        ] {
            assert!(source_abbreviates(short, full), "{short} / {full}");
        }
    }

    #[test]
    fn different_journals_stay_apart() {
        for (short, full) in [
            ("J. Appl. Phys.", "Journal of Physics"),
            ("Phys. Rev.", "Physics Reports Review"),
            ("Am. J. Sociol.", "American Sociological Review"),
            ("Nature", "Nature Physics"),
            ("Science", "Science Advances"),
            ("J. Chem. Phys.", "Journal of Physical Chemistry"),
            ("Polis", "Polis. Political Studies"),
            ("", "Journal of Physics"),
            ("J. Phys.", "J."),
            ("Phys. Rev.", "Physical Review A"),
            ("Pi Press", "Polity Press"),
        ] {
            assert!(!source_abbreviates(short, full), "{short} / {full}");
        }
    }

    #[test]
    fn shortening_keeps_first_letter_and_order() {
        assert!(shortens("natl", "national"));
        assert!(shortens("phys", "physics"));
        assert!(!shortens("phys", "phys"));
        assert!(!shortens("lant", "national"));
        assert!(!shortens("", "national"));
    }
}
