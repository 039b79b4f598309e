//! A name folded once for matching: the family name's folded spelling and skeleton, its
//! gender marking, and the initials as comparable tokens.

use std::fmt;

use super::fold::fold_char;
use super::gender::{Gender, surname_gender};
use super::{fold_family, skeleton};
use crate::model::PersonName;

/// One initial, folded: either a single letter ("D.") or a digraph that stands for one sound
/// ("Yu.", "Zh.", "Sh.", or a Cyrillic "Ю." that transliterates to two letters).
///
/// Single letters compare by their Latin letter. Digraphs compare by their skeleton, so "Yu.",
/// "Iu." and "Ju." (Юрий under BGN, LC/passport and GOST) are one initial. A single letter is
/// compatible with a digraph that starts with it ("Y." with "Yu."); for the iotated digraphs
/// every one of Y, I, J is accepted, because the systems disagree on the first letter.
///
/// ```
/// use citegraph::names::Initial;
///
/// let yu = Initial::parse("Yu").unwrap();
/// assert_eq!(Initial::parse("Iu"), Some(yu));
/// assert_eq!(Initial::parse("Ю"), Some(yu));
/// assert!(Initial::parse("Y").unwrap().compatible(yu));
/// assert!(!Initial::parse("Y").unwrap().compatible(Initial::parse("I").unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Initial {
    /// The (first) Latin letter; `i` for every iotated digraph.
    letter: char,
    /// The digraph's skeleton, zero-padded; all zero for a single letter.
    sound: [u8; 4],
}

impl Initial {
    /// Folds one printed initial (without its dot): "D", "Yu", "Ю", "Dmitry" (taken as "D").
    /// A full given name gives its first letter only; an abbreviation of two to four letters
    /// whose tail is lower case ("Yu", "Sh", "Zh") or a Cyrillic letter that needs two Latin
    /// letters gives a digraph. `None` when the text has no letter.
    pub fn parse(text: &str) -> Option<Initial> {
        let mut chars = text.chars().filter(|c| c.is_alphabetic());
        let first = chars.next()?;
        let tail: Vec<char> = chars.collect();
        let mut folded = String::new();
        fold_char(first, &mut folded);
        let abbreviation =
            !tail.is_empty() && tail.len() <= 3 && tail.iter().all(|c| c.is_lowercase());
        if abbreviation {
            for &c in &tail {
                fold_char(c, &mut folded);
            }
        }
        let Some(letter) = folded.chars().next() else {
            // A letter that folds to nothing (a lone soft sign): keep it as it is.
            return Some(Initial {
                letter: first,
                sound: [0; 4],
            });
        };
        if folded.chars().count() < 2 || !folded.is_ascii() {
            return Some(Initial {
                letter,
                sound: [0; 4],
            });
        }
        let sk = skeleton(&folded);
        let mut sound = [0u8; 4];
        for (slot, b) in sound.iter_mut().zip(sk.bytes()) {
            *slot = b;
        }
        if sk.len() == 1 && sk.as_bytes()[0] == letter as u8 {
            // "Ii" or similar collapses to one letter: no digraph after all.
            return Some(Initial {
                letter,
                sound: [0; 4],
            });
        }
        let letter = if matches!(letter, 'y' | 'i' | 'j') {
            'i'
        } else {
            letter
        };
        Some(Initial { letter, sound })
    }

    /// Whether this initial is a digraph ("Yu.") rather than a single letter ("Y.").
    pub fn is_digraph(self) -> bool {
        self.sound[0] != 0
    }

    /// Whether two initials can stand for the same given name.
    pub fn compatible(self, other: Initial) -> bool {
        match (self.is_digraph(), other.is_digraph()) {
            (false, false) => self.letter == other.letter,
            (true, true) => self.sound == other.sound,
            (true, false) => other.generalises(self),
            (false, true) => self.generalises(other),
        }
    }

    /// Whether this single letter is a less specific spelling of the digraph `d`.
    fn generalises(self, d: Initial) -> bool {
        self.letter == d.letter || (d.letter == 'i' && matches!(self.letter, 'i' | 'y' | 'j'))
    }

    /// The single-letter initials that this digraph can be abbreviated to (none for a single
    /// letter).
    pub(crate) fn generalisations(self) -> impl Iterator<Item = Initial> {
        let letters: &[char] = if !self.is_digraph() {
            &[]
        } else if self.letter == 'i' {
            &['i', 'j', 'y']
        } else {
            &[]
        };
        let own = (self.is_digraph() && self.letter != 'i').then_some(self.letter);
        letters.iter().copied().chain(own).map(Initial::single)
    }

    /// One letter that every initial compatible with this one shares: the letter, with the
    /// iotated y, j and i together. Lets clustering bucket initials lists before comparing.
    pub(crate) fn coarse_letter(self) -> char {
        if matches!(self.letter, 'y' | 'j') {
            'i'
        } else {
            self.letter
        }
    }

    /// A single-letter initial.
    pub(crate) fn single(letter: char) -> Initial {
        Initial {
            letter,
            sound: [0; 4],
        }
    }
}

impl fmt::Display for Initial {
    /// "d." or "iu." (folded spelling).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_digraph() {
            for &b in self.sound.iter().take_while(|&&b| b != 0) {
                write!(f, "{}", b as char)?;
            }
            f.write_str(".")
        } else {
            write!(f, "{}.", self.letter)
        }
    }
}

/// Splits printed initials ("D.V.", "Yu.", "H.-D.", "D. V.", "Дмитрий В.") into folded tokens.
///
/// A run of two or three capitals without dots ("DV") is read as that many initials.
pub(crate) fn parse_initials(initials: &str) -> Vec<Initial> {
    let mut out = Vec::new();
    for token in initials
        .split(|c: char| c == '.' || c == '-' || c.is_whitespace())
        .filter(|t| !t.is_empty())
    {
        let n = token.chars().count();
        if (2..=3).contains(&n) && token.chars().all(char::is_uppercase) {
            let mut buf = [0u8; 4];
            out.extend(
                token
                    .chars()
                    .filter_map(|c| Initial::parse(c.encode_utf8(&mut buf))),
            );
        } else {
            out.extend(Initial::parse(token));
        }
    }
    out
}

/// A name folded once for matching.
///
/// `family` is the readable folded spelling ([`fold_family`]), `skeleton` the transliteration
/// skeleton that matching compares ([`skeleton`]), `initials` the folded initials, `gender` the
/// gender the surname's ending marks.
///
/// ```
/// use citegraph::{PersonName, names::NameKey};
///
/// let key = NameKey::new(&PersonName::new("Glänzel", "W."));
/// assert_eq!(key.family, "glanzel");
/// assert_eq!(key.initials.len(), 1);
/// assert_eq!(key.to_string(), "glanzel [glanzel] w.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NameKey {
    /// The folded family name.
    pub family: String,
    /// The transliteration skeleton of the family name.
    pub skeleton: String,
    /// The folded initials, in printed order.
    pub initials: Vec<Initial>,
    /// The gender the family name's ending marks, if any.
    pub gender: Option<Gender>,
}

impl NameKey {
    /// Folds a parsed name.
    pub fn new(name: &PersonName) -> NameKey {
        NameKey::from_parts(&name.family, &name.initials)
    }

    /// Folds a family name and printed initials.
    ///
    /// ```
    /// use citegraph::names::NameKey;
    ///
    /// assert_eq!(NameKey::from_parts("Стрельцов", "Д.В."), NameKey::from_parts("Strel'tsov", "D. V."));
    /// ```
    pub fn from_parts(family: &str, initials: &str) -> NameKey {
        let family = fold_family(family);
        let skeleton = skeleton(&family);
        let gender = surname_gender(&skeleton);
        NameKey {
            family,
            skeleton,
            initials: parse_initials(initials),
            gender,
        }
    }
}

impl fmt::Display for NameKey {
    /// "family [skeleton] i.i."
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.family, self.skeleton)?;
        if !self.initials.is_empty() {
            f.write_str(" ")?;
            for i in &self.initials {
                write!(f, "{i}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ini(s: &str) -> Vec<Initial> {
        parse_initials(s)
    }

    #[test]
    fn initials_forms() {
        assert_eq!(ini("D.V."), ini("D. V."));
        assert_eq!(ini("D.V."), ini("Д.В."));
        assert_eq!(ini("H.-D."), ini("H.D."));
        assert_eq!(ini("Yu."), ini("Iu."));
        assert_eq!(ini("Yu."), ini("Ju."));
        assert_eq!(ini("Yu."), ini("Ю."));
        assert_eq!(ini("Zh."), ini("Ж."));
        assert_eq!(ini("Dmitry V."), ini("D.V."));
        assert_eq!(ini("Yu.").len(), 1);
        assert_eq!(ini("DV"), ini("D.V."));
        assert!(ini("Yu.")[0].is_digraph());
        assert!(!ini("Y.")[0].is_digraph());
    }

    #[test]
    fn compatibility() {
        let y = Initial::single('y');
        let i = Initial::single('i');
        let yu = ini("Yu.")[0];
        let ya = ini("Ya.")[0];
        assert!(y.compatible(yu) && yu.compatible(y));
        assert!(i.compatible(yu));
        assert!(!yu.compatible(ya));
        assert!(!y.compatible(i));
        let zh = ini("Zh.")[0];
        assert!(Initial::single('z').compatible(zh));
        assert!(!Initial::single('s').compatible(zh));
    }
}
