//! A name folded once for matching: the family name's folded spelling and skeleton, its
//! gender marking, the initials as comparable tokens and the given names printed in full.

use std::fmt;

use super::fold::fold_char;
use super::gender::{Gender, surname_gender};
use super::skeleton::{Mode, skeleton_in, transliteration_cue};
use super::translit::is_cyrillic;
use super::{fold_family, fold_family_plain, skeleton};
use crate::model::PersonName;

/// The sound of Cyrillic Г, which Russian romanises g and Ukrainian h.
const G_OR_H: [u8; 4] = *b"g|h\0";
/// The sound of Cyrillic Х, printed Kh., H. (ISO 9), X. (GOST 7.79 B) or Х.
const KH: [u8; 4] = *b"h\0\0\0";
/// The sound of an iotated e (Ye., Je., Ê., and full names like Yevgeny or Jens).
const IOTATED_E: [u8; 4] = *b"e\0\0\0";

/// One initial, folded: either a single letter ("D.") or a digraph that stands for one sound
/// ("Yu.", "Zh.", "Sh.", or a Cyrillic "Ю." that transliterates to two letters).
///
/// Single letters compare by their Latin letter. Digraphs compare by their skeleton, so "Yu.",
/// "Iu." and "Ju." (Юрий under BGN, LC/passport and GOST) are one initial. A single letter is
/// compatible with a digraph that starts with it ("Y." with "Yu."); for the iotated digraphs
/// every one of Y, I, J is accepted, because the systems disagree on the first letter, and an
/// iotated e ("Ye.") also accepts "E.". Cyrillic "Г." accepts both "G." and "H.".
///
/// ```
/// use citegraph::names::Initial;
///
/// let yu = Initial::parse("Yu").unwrap();
/// assert_eq!(Initial::parse("Iu"), Some(yu));
/// assert_eq!(Initial::parse("Ю"), Some(yu));
/// assert!(Initial::parse("Y").unwrap().compatible(yu));
/// assert!(!Initial::parse("Y").unwrap().compatible(Initial::parse("I").unwrap()));
/// assert!(Initial::parse("Ye").unwrap().compatible(Initial::parse("E").unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Initial {
    /// The (first) Latin letter; `i` for every iotated digraph.
    letter: char,
    /// The digraph's skeleton, zero-padded; all zero for a single letter.
    sound: [u8; 4],
}

impl Initial {
    /// Folds one printed abbreviation (without its dot): "D", "Yu", "Ю", "Zh". An abbreviation
    /// of two to four letters whose tail is lower case, or a Cyrillic letter that needs two
    /// Latin letters, gives a digraph; a longer word is read as a full given name (see
    /// [`Initial::of_given_name`]). `None` when the text has no letter.
    pub fn parse(text: &str) -> Option<Initial> {
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let (&first, tail) = letters.split_first()?;
        let abbreviation = tail.len() <= 3 && tail.iter().all(|c| c.is_lowercase());
        if !abbreviation {
            return Initial::of_given_name(text);
        }
        if matches!(first, 'Г' | 'г') && tail.is_empty() {
            return Some(Initial {
                letter: 'g',
                sound: G_OR_H,
            });
        }
        if matches!(first, 'X' | 'x') && tail.is_empty() {
            // GOST 7.79 B writes Х as X.
            return Some(Initial {
                letter: 'k',
                sound: KH,
            });
        }
        let mut folded = String::new();
        for &c in &letters {
            fold_char(c, &mut folded);
        }
        Some(Initial::from_folded(&folded, first))
    }

    /// The initial of a full given name: its first letter, or the first two or three letters
    /// when they spell one Cyrillic sound (iotated vowels "Yu"/"Ya"/"Ye"/"Jo", and "Zh", "Kh",
    /// "Ch", "Sh", "Ts"), as Russian initials abbreviate them: "Yuri" gives "Yu.", "Zhanna"
    /// "Zh.", "Dmitry" "D.".
    ///
    /// ```
    /// use citegraph::names::Initial;
    ///
    /// assert_eq!(Initial::of_given_name("Yurii"), Initial::parse("Yu"));
    /// assert_eq!(Initial::of_given_name("Dmitry"), Initial::parse("D"));
    /// assert!(Initial::of_given_name("Yevgeny").unwrap().compatible(Initial::parse("E").unwrap()));
    /// ```
    pub fn of_given_name(word: &str) -> Option<Initial> {
        let mut folded = String::new();
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            fold_char(c, &mut folded);
            if folded.len() >= 4 {
                break;
            }
        }
        let first = word.chars().find(|c| c.is_alphabetic())?;
        let b = folded.as_bytes();
        let iotated = b.len() >= 2
            && matches!(b[0], b'y' | b'j' | b'i')
            && matches!(b[1], b'a' | b'e' | b'o' | b'u');
        let take = if folded.starts_with("shch") {
            4
        } else if iotated
            || ["zh", "kh", "ch", "sh", "ts"]
                .iter()
                .any(|d| folded.starts_with(d))
        {
            2
        } else {
            1
        };
        let head: String = folded.chars().take(take).collect();
        if head.is_empty() {
            return Some(Initial::single(first));
        }
        Some(Initial::from_folded(&head, first))
    }

    /// An initial from its folded Latin spelling; `first` is the printed letter, kept when the
    /// spelling folds to nothing.
    fn from_folded(folded: &str, first: char) -> Initial {
        let Some(letter) = folded.chars().next() else {
            return Initial::single(first);
        };
        if folded.chars().count() < 2 || !folded.is_ascii() {
            return Initial::single(letter);
        }
        let sk = skeleton(folded);
        if sk.len() == 1 && sk.as_bytes()[0] == letter as u8 {
            // "Ii" or similar collapses to one letter: no digraph after all.
            return Initial::single(letter);
        }
        let mut sound = [0u8; 4];
        for (slot, b) in sound.iter_mut().zip(sk.bytes()) {
            *slot = b;
        }
        let iotated = matches!(letter, 'y' | 'i' | 'j');
        if sound == IOTATED_E && !iotated {
            // An "ie"-like spelling that is really just e.
            return Initial::single('e');
        }
        let letter = if iotated { 'i' } else { letter };
        Initial { letter, sound }
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
        self.letter == d.letter
            || (d.letter == 'i' && matches!(self.letter, 'i' | 'y' | 'j'))
            || (d.sound == IOTATED_E && self.letter == 'e')
            || (d.sound == G_OR_H && self.letter == 'h')
            || (d.sound == KH && matches!(self.letter, 'h' | 'x'))
    }

    /// The single-letter initials that this digraph can be abbreviated to (none for a single
    /// letter).
    pub(crate) fn generalisations(self) -> impl Iterator<Item = Initial> {
        let letters: &[char] = if !self.is_digraph() {
            &[]
        } else if self.sound == IOTATED_E {
            &['e', 'i', 'j', 'y']
        } else if self.sound == G_OR_H {
            &['g', 'h']
        } else if self.sound == KH {
            &['h', 'k', 'x']
        } else if self.letter == 'i' {
            &['i', 'j', 'y']
        } else {
            &[]
        };
        let own = (self.is_digraph() && letters.is_empty()).then_some(self.letter);
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
        if self.sound == G_OR_H {
            f.write_str("g/h.")
        } else if self.is_digraph() {
            for &b in self.sound.iter().take_while(|&&b| b != 0) {
                write!(f, "{}", b as char)?;
            }
            f.write_str(".")
        } else {
            write!(f, "{}.", self.letter)
        }
    }
}

/// Splits printed initials or given names ("D.V.", "Yu.", "H.-D.", "D. V.", "Дмитрий В.",
/// "Jong-un") into folded initials, and returns the skeletons of the given names printed in
/// full, when any is.
///
/// A token followed by a dot is an abbreviation; a run of two or three capitals without dots
/// ("DV") is that many initials; any other word is a full given name. The given names come one
/// per initial, separated by spaces, with `_` where only the initial was printed and trailing
/// `_` dropped: "Dmitry V." gives "dmitri", "Van Thanh" "van thanh" (skeletons), "D. Viktor"
/// "_ viktor".
pub(crate) fn parse_given(text: &str) -> (Vec<Initial>, Option<String>) {
    let mut out = Vec::new();
    let mut slots: Vec<Option<String>> = Vec::new();
    let mut any_full = false;
    let bytes_len = text.len();
    let is_sep = |c: char| c == '.' || c == '-' || c.is_whitespace() || c == ',';
    let mut chars = text.char_indices().peekable();
    // Whether the previous token ended in a hyphen inside one full given name ("Jong-un").
    let mut in_full_word = false;
    while let Some(&(i, c)) = chars.peek() {
        if is_sep(c) {
            if c != '-' {
                in_full_word = false;
            }
            chars.next();
            continue;
        }
        // Scan one token.
        let mut end = bytes_len;
        while let Some(&(j, d)) = chars.peek() {
            if is_sep(d) {
                end = j;
                break;
            }
            chars.next();
        }
        let token = &text[i..end];
        let dotted = text[end..].starts_with('.');
        let n = token.chars().filter(|c| c.is_alphabetic()).count();
        if n == 0 {
            continue;
        }
        let all_caps = token.chars().all(char::is_uppercase);
        if dotted || n == 1 {
            out.extend(Initial::parse(token));
            in_full_word = false;
        } else if (2..=3).contains(&n) && all_caps {
            let mut buf = [0u8; 4];
            out.extend(
                token
                    .chars()
                    .filter_map(|c| Initial::parse(c.encode_utf8(&mut buf))),
            );
            in_full_word = false;
        } else {
            out.extend(Initial::of_given_name(token));
            if !in_full_word {
                // The whole given name, hyphenated parts included ("Jong-un"), at the
                // position of its first initial.
                let whole: &str = text[i..]
                    .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
                    .next()
                    .unwrap_or(token);
                slots.resize(out.len().saturating_sub(1), None);
                slots.push(Some(skeleton(&fold_family(whole))));
                any_full = true;
            }
            in_full_word = text[end..].starts_with('-');
        }
    }
    if !any_full {
        return (out, None);
    }
    while slots.last().is_some_and(Option::is_none) {
        slots.pop();
    }
    let given = slots
        .iter()
        .map(|s| s.as_deref().unwrap_or("_"))
        .collect::<Vec<_>>()
        .join(" ");
    (out, Some(given))
}

/// A name folded once for matching.
///
/// `family` is the readable folded spelling ([`fold_family`]), `skeleton` the transliteration
/// skeleton that matching compares (the [`skeleton`] table, applied in full only to names that
/// show a Cyrillic origin), `initials` the folded initials (from the given names when they were
/// printed in full), `given` the skeletons of the given names printed in full, `gender` the gender the surname's ending marks, and `swapped`
/// the same name read in the other order when the text could not tell family name from given
/// name (two bare words, "Yamanaka Shinya").
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
    /// The skeletons of the given names printed in full, one per initial and separated by
    /// spaces, `_` standing for a given name printed as an initial only ("dmitri",
    /// "van thanh", "_ viktor"); `None` when no given name is printed in full.
    pub given: Option<String>,
    /// The skeleton under another reading of the name, when it differs: š, ž, č read plain
    /// (Šubelj as Subelj), a Ukrainian h read as г in a Slavic name (Hnatiuk as Gnatyuk), or
    /// a Cyrillic name's transliteration read as a Latin name (Гайдар as Gaydar).
    pub plain_skeleton: Option<String>,
    /// The gender the family name's ending marks, if any.
    pub gender: Option<Gender>,
    /// The name read in the other order, when the order was ambiguous.
    pub swapped: Option<Box<NameKey>>,
    /// The first eight bytes of `skeleton` and of `family`, packed: batch comparisons tell
    /// most unequal names apart on these without reading the strings.
    heads: [u64; 2],
}

/// The first eight bytes of a string as one number (zero-padded).
fn head(s: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let n = s.len().min(8);
    bytes[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_le_bytes(bytes)
}

impl NameKey {
    /// Whether the skeletons or the spellings share their first eight bytes: false means
    /// neither can be equal.
    pub(crate) fn heads_may_match(&self, other: &NameKey) -> bool {
        self.heads[0] == other.heads[0] || self.heads[1] == other.heads[1]
    }

    /// Assembles a key from its folded parts (the packed heads are derived here, so every key
    /// carries them).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        family: String,
        skeleton: String,
        initials: Vec<Initial>,
        given: Option<String>,
        plain_skeleton: Option<String>,
        gender: Option<Gender>,
        swapped: Option<Box<NameKey>>,
    ) -> NameKey {
        let heads = [head(&skeleton), head(&family)];
        NameKey {
            family,
            skeleton,
            initials,
            given,
            plain_skeleton,
            gender,
            swapped,
            heads,
        }
    }

    /// Folds a parsed name. Given names printed in full are preferred to the initials.
    pub fn new(name: &PersonName) -> NameKey {
        let source = name.given.as_deref().unwrap_or(&name.initials);
        let mut key = NameKey::from_parts(&name.family, source);
        key.swapped = swapped_key(name);
        key
    }

    /// Folds a family name and printed initials (or given names).
    ///
    /// ```
    /// use citegraph::names::NameKey;
    ///
    /// assert_eq!(NameKey::from_parts("Стрельцов", "Д.В."), NameKey::from_parts("Strel'tsov", "D. V."));
    /// ```
    pub fn from_parts(family: &str, initials: &str) -> NameKey {
        let printed = family;
        let (family, skeleton) = fold_and_skeleton(printed);
        let plain_skeleton = plain_skeleton(printed, &skeleton);
        let gender = surname_gender(&skeleton);
        let (initials, given) = parse_given(initials);
        NameKey::assemble(
            family,
            skeleton,
            initials,
            given,
            plain_skeleton,
            gender,
            None,
        )
    }
}

/// The folded family name and its skeleton. The skeleton is taken word by word, so that the
/// end of each word of a compound stays an end: Rimsky-Korsakov keeps the final -y of Rimsky
/// (-ий, like Rimskii), which would otherwise sit between consonants and read as ы.
///
/// Each word is read as a transliteration (the Slavic skeleton) only when it is printed in
/// Cyrillic or its Latin spelling ends like a Slavic surname; any other Latin word takes the
/// Latin skeleton, which keeps y/i, cz/c, ie/e apart (Meyer, Meier; Pereyra, Pereira), so that
/// such one-letter differences go through the typo rules instead of merging on sight.
pub(crate) fn fold_and_skeleton(family: &str) -> (String, String) {
    let folded = fold_family(family);
    let sk = skeleton_by_word(family, &folded, fold_family, Reading::Normal);
    (folded, sk)
}

/// Another reading of the family name, when it has one and it changes the skeleton, the first
/// of:
///
/// - háček letters read plain ([`fold_family_plain`]; Šubelj as Subelj);
/// - in a name printed in Cyrillic or with a Slavic ending, a lone h read as the Ukrainian
///   romanisation of г (Hnatiuk as Gnatyuk, Hrushevskyi as Grushevskii). Latin names without
///   the Slavic cue never get the g reading: Hansen and Gansen stay apart;
/// - in a name printed in Cyrillic, the Latin skeleton of its transliteration, so that it
///   meets a Latin spelling that shows no transliteration cue and is read as a Latin name
///   (Гайдар and Gaydar, Мейер and Meyer).
pub(crate) fn plain_skeleton(family: &str, skeleton: &str) -> Option<String> {
    if let Some(plain) = fold_family_plain(family) {
        let sk = skeleton_by_word(
            family,
            &plain,
            |w| fold_family_plain(w).unwrap_or_else(|| fold_family(w)),
            Reading::Normal,
        );
        return (sk != skeleton).then_some(sk);
    }
    let folded = fold_family(family);
    if folded.as_bytes().contains(&b'h') {
        let sk = skeleton_by_word(family, &folded, fold_family, Reading::HAsG);
        if sk != skeleton {
            return Some(sk);
        }
    }
    if family.chars().any(is_cyrillic) {
        let sk = skeleton_by_word(family, &folded, fold_family, Reading::Latin);
        if sk != skeleton {
            return Some(sk);
        }
    }
    None
}

/// How [`skeleton_by_word`] reads the words.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Slavic words by the Slavic skeleton, others by the Latin one.
    Normal,
    /// As `Normal`, with a lone h in Slavic words read as g.
    HAsG,
    /// Every word by the Latin skeleton.
    Latin,
}

fn skeleton_by_word(
    family: &str,
    folded: &str,
    fold: impl Fn(&str) -> String,
    reading: Reading,
) -> String {
    let text = crate::text::normalize(family);
    let parts: Vec<&str> = text
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|p| p.chars().any(char::is_alphabetic))
        .collect();
    let word = |printed: &str, folded: &str| {
        let slavic = reading != Reading::Latin
            && (printed.chars().any(is_cyrillic) || transliteration_cue(printed, folded));
        if !slavic {
            return skeleton_in(folded, Mode::Latin);
        }
        if reading == Reading::HAsG {
            skeleton_in(&lone_h_as_g(folded), Mode::Slavic)
        } else {
            skeleton_in(folded, Mode::Slavic)
        }
    };
    if parts.len() <= 1 {
        word(&text, folded)
    } else {
        parts.iter().map(|p| word(p, &fold(p))).collect()
    }
}

/// A folded spelling with every h that is not part of kh, sh, ch, zh (or th) read as g.
fn lone_h_as_g(folded: &str) -> String {
    let b = folded.as_bytes();
    let mut out = String::with_capacity(folded.len());
    for (i, &c) in b.iter().enumerate() {
        let digraph = i > 0 && matches!(b[i - 1], b'k' | b's' | b'c' | b'z' | b't');
        out.push(if c == b'h' && !digraph {
            'g'
        } else {
            char::from(c)
        });
    }
    out
}

/// The name read in the other order, when its text cannot tell family name from given name:
/// one bare word each ("Yamanaka" and "Shinya").
pub(crate) fn swapped_key(name: &PersonName) -> Option<Box<NameKey>> {
    let given = name.given.as_deref()?;
    if !(is_bare_word(given) && is_bare_word(&name.family)) {
        return None;
    }
    Some(Box::new(NameKey::from_parts(given, &name.family)))
}

/// One word of letters (hyphens and apostrophes allowed), no dots, no spaces.
fn is_bare_word(text: &str) -> bool {
    let t = text.trim();
    t.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && t.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

impl NameKey {
    /// Whether the two keys spell one family name: equal skeletons or folded spellings, under
    /// either reading ([`NameKey::plain_skeleton`]).
    pub fn same_family(&self, other: &NameKey) -> bool {
        (self.heads[0] == other.heads[0] && self.skeleton == other.skeleton)
            || (self.heads[1] == other.heads[1] && self.family == other.family)
            || self.plain_skeleton.as_deref() == Some(other.skeleton.as_str())
            || other.plain_skeleton.as_deref() == Some(self.skeleton.as_str())
            || (self.plain_skeleton.is_some() && self.plain_skeleton == other.plain_skeleton)
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
        if let Some(g) = &self.given {
            write!(f, " ({g})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ini(s: &str) -> Vec<Initial> {
        parse_given(s).0
    }

    #[test]
    fn initials_forms() {
        assert_eq!(ini("D.V."), ini("D. V."));
        assert_eq!(ini("D.V."), ini("Д.В."));
        assert_eq!(ini("H.-D."), ini("H.D."));
        assert_eq!(ini("Yu."), ini("Iu."));
        assert_eq!(ini("Yu."), ini("Ju."));
        assert_eq!(ini("Yu."), ini("Ю."));
        assert_eq!(ini("Yu."), ini("Û."));
        assert_eq!(ini("Zh."), ini("Ж."));
        assert_eq!(ini("Zh."), ini("Ž."));
        assert_eq!(ini("Dmitry V."), ini("D.V."));
        assert_eq!(ini("Yuri"), ini("Yu."));
        assert_eq!(ini("Yu.").len(), 1);
        assert_eq!(ini("DV"), ini("D.V."));
        assert_eq!(ini("Jong-un").len(), 2);
        assert!(ini("Yu.")[0].is_digraph());
        assert!(!ini("Y.")[0].is_digraph());
    }

    #[test]
    fn first_given_name() {
        assert_eq!(parse_given("Dmitry V.").1.as_deref(), Some("dmitri"));
        assert_eq!(parse_given("Dmitrii").1.as_deref(), Some("dmitri"));
        assert_eq!(parse_given("D. V.").1, None);
        assert_eq!(parse_given("Jong-un").1, parse_given("Jong-Un").1);
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
        let ye = ini("Ye.")[0];
        assert!(Initial::single('e').compatible(ye));
        assert_eq!(ini("Ê.")[0], ye);
        let g = ini("Г.")[0];
        assert!(Initial::single('g').compatible(g) && Initial::single('h').compatible(g));
        assert!(!Initial::single('g').compatible(Initial::single('h')));
    }

    #[test]
    fn all_full_given_names() {
        assert_eq!(parse_given("Van Thanh").1.as_deref(), Some("van thanh"));
        assert_eq!(
            parse_given("D. Viktorovich").1.as_deref(),
            Some("_ viktoroviC")
        );
        assert_eq!(parse_given("Dmitry V.").1.as_deref(), Some("dmitri"));
        assert_eq!(parse_given("Jong-un Ho").1.as_deref(), Some("iongun _ ho"));
        assert_eq!(parse_given("D.V.").1, None);
    }

    #[test]
    fn cyrillic_meets_latin_reading() {
        let k = |f: &str| NameKey::from_parts(f, "A.");
        assert!(k("Гайдар").same_family(&k("Gaydar")));
        assert!(k("Гайдар").same_family(&k("Gaidar")));
        assert!(k("Мейер").same_family(&k("Meyer")));
        assert!(!k("Meier").same_family(&k("Meyer")));
    }

    #[test]
    fn kh_initial() {
        let kh = ini("Kh.")[0];
        assert_eq!(ini("Х.")[0], kh);
        assert_eq!(ini("X.")[0], kh);
        assert!(Initial::single('h').compatible(kh));
        assert!(!Initial::single('g').compatible(kh));
        assert!(ini("Khasan")[0].compatible(ini("Hasan")[0]));
    }

    #[test]
    fn ukrainian_h_reading() {
        let alt = |s: &str| {
            let (_, sk) = fold_and_skeleton(s);
            plain_skeleton(s, &sk)
        };
        assert_eq!(alt("Hnatiuk"), Some(fold_and_skeleton("Gnatyuk").1));
        assert_eq!(alt("Hansen"), None);
        assert_eq!(alt("Khrushchev"), None);
    }

    #[test]
    fn swapped_order_for_bare_words() {
        let k = NameKey::new(&PersonName {
            family: "Shinya".into(),
            initials: "Y.".into(),
            given: Some("Yamanaka".into()),
        });
        let s = k.swapped.as_deref().map(|s| s.skeleton.as_str());
        assert_eq!(s, Some("iamanaka"));
    }
}
