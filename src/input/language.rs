//! The language of a reference when no note states it: Cyrillic script, or English function
//! words in a Latin-script title. Transliterated Russian ("Yaponskie issledovaniya") has no
//! English function words, so it stays unknown rather than being called English.

use super::kind::{ascii_equal, ascii_letters, each_ascii_word, each_word};
use super::scan::{is_alphabetic, is_cyrillic, lower_into};

/// The bytes of an ASCII word: letters and the apostrophe ("Abe's"), the high bit of each
/// such byte of an eight-byte block (see [`each_ascii_word`]).
#[inline(always)]
fn word_bytes(w: u64) -> u64 {
    ascii_letters(w) | ascii_equal(w, b'\'')
}

/// The ASCII bytes of a word of the char split: letters and the apostrophe.
static CHAR_WORD_BYTE: [bool; 256] = super::scan::byte_class(false, b'\'');

/// The chars of a word of the char split.
fn in_char_word(c: char) -> bool {
    is_alphabetic(c) || c == '\''
}

/// Guesses the ISO 639-1 language of a title and source from their script and words.
#[cfg(test)]
pub(crate) fn guess_language(text: &str) -> Option<&'static str> {
    guess_language_parts(&[text])
}

/// The language guess for the parts joined by spaces ("Title" and "Journal" read as
/// "Title Journal"), without joining them: a space separates words and counts as no letter,
/// so each part is read on its own and the counts are summed.
pub(crate) fn guess_language_parts(parts: &[&str]) -> Option<&'static str> {
    // All-ASCII parts (most unmarked entries) have no Cyrillic to outweigh the Latin
    // letters, and an English word is itself Latin letters, so the letter count can only
    // matter where some part is not ASCII.
    let all_ascii = parts.iter().all(|t| t.is_ascii());
    if !all_ascii {
        let mut cyr = 0usize;
        let mut latin = 0usize;
        let mut ukrainian = false;
        for text in parts {
            if text.is_ascii() {
                latin += text.bytes().filter(u8::is_ascii_alphabetic).count();
                continue;
            }
            for c in text.chars() {
                if is_cyrillic(c) {
                    cyr += 1;
                    ukrainian |= matches!(c, 'ї' | 'є' | 'ґ' | 'Ї' | 'Є' | 'Ґ');
                } else if c.is_ascii_alphabetic() {
                    latin += 1;
                }
            }
        }
        if cyr > latin {
            return Some(if ukrainian { "uk" } else { "ru" });
        }
        if latin == 0 {
            return None;
        }
    }
    let mut english = 0;
    let mut translit = 0;
    let mut tally = |vote: Vote| match vote {
        Vote::English => english += 1,
        Vote::Transliterated => translit += 1,
        Vote::Neither => {}
    };
    for text in parts {
        // the same words either way: for ASCII text the char test is the byte test
        if all_ascii || text.is_ascii() {
            // the words `split` would give (an empty one votes for nothing)
            each_ascii_word(text.as_bytes(), word_bytes, |word| tally(ascii_vote(word)));
        } else {
            // the words of `split(|c| !is_alphabetic(c) && c != '\'')` but the empty ones,
            // for which `vote` is `Neither`
            each_word(text, &CHAR_WORD_BYTE, in_char_word, |word| {
                tally(vote(word))
            });
        }
    }
    (english > 0 && english >= translit).then_some("en")
}

/// What one word says about the language.
#[derive(Debug, PartialEq)]
enum Vote {
    English,
    Transliterated,
    Neither,
}

/// The vote of one word of the general split (of non-ASCII text): lower-cased, "'s" cut,
/// an English word, else a transliterated ending.
fn vote(word: &[u8]) -> Vote {
    if word.len() < 2 || word.len() > 14 {
        return Vote::Neither;
    }
    // lower-cased on the stack
    let mut buf = [0u8; 14];
    let b = &mut buf[..word.len()];
    super::scan::lower_into(b, word);
    // compared as bytes: every listed word is ASCII, so no UTF-8 check is needed
    let mut w: &[u8] = b;
    while let Some(stem) = w.strip_suffix(b"'s") {
        w = stem;
    }
    if is_english_word(w) {
        Vote::English
    } else if looks_transliterated(w) {
        Vote::Transliterated
    } else {
        Vote::Neither
    }
}

/// The vote of one word of the ASCII split (ASCII letters and apostrophes): what the general
/// split's reading gives it (lower-cased, "'s" cut, an English word, else a transliterated
/// ending). The lists are asked only when a word's first letter, length and last letter fit
/// a listed English word ([`might_be_english`]) or its last two letters a transliterated
/// ending ([`might_be_transliterated`]): most words fit neither and are passed over without
/// lower-casing and compares.
#[inline(always)]
fn ascii_vote(word: &[u8]) -> Vote {
    if word.len() < 2 || word.len() > 14 {
        return Vote::Neither;
    }
    // "'s" cut as after lower-casing: an ASCII letter's lower case sets 0x20, which the
    // apostrophe (0x27) has, so the 's' may be of either case
    let mut w = word;
    while let [stem @ .., b'\'', s] = w
        && *s | 0x20 == b's'
    {
        w = stem;
    }
    if might_be_english(w) {
        let mut buf = [0u8; 14];
        let b = &mut buf[..w.len()];
        for (d, &c) in b.iter_mut().zip(w) {
            *d = c | 0x20;
        }
        if is_english_word(b) {
            return Vote::English;
        }
    }
    if !might_be_transliterated(w) {
        return Vote::Neither;
    }
    // the endings and the short words are all of at most four letters: a longer word's last
    // four can match no short word, a shorter word is its own last letters
    let tail = &w[w.len().saturating_sub(4)..];
    let mut buf = [0u8; 4];
    let b = &mut buf[..tail.len()];
    for (d, &c) in b.iter_mut().zip(tail) {
        *d = c | 0x20;
    }
    if looks_transliterated(b) {
        Vote::Transliterated
    } else {
        Vote::Neither
    }
}

/// A letter's place in the alphabet from 1, of either case (the apostrophe, the one other
/// byte of an ASCII word, falls on 'g''s place: the tables below then only ask more often).
#[inline(always)]
fn letter_index(b: u8) -> usize {
    usize::from(b & 0x1F)
}

/// Whether a word of the ASCII split (`ascii_vote`'s, "'s" cut, at most 14 bytes) could be a
/// listed English word: its first letter, length and last letter fit one
/// ([`ENGLISH_ENDS`]).
#[inline(always)]
fn might_be_english(w: &[u8]) -> bool {
    match w {
        [first, .., last] => {
            ENGLISH_ENDS[letter_index(*first)][w.len()] >> letter_index(*last) & 1 != 0
        }
        // no listed word has one letter
        _ => false,
    }
}

/// Whether a word of the ASCII split could be one [`looks_transliterated`] accepts, by its
/// last two letters ([`TRANSLIT_PAIRS`]); a word of one letter ("v", "i") is always asked.
#[inline(always)]
fn might_be_transliterated(w: &[u8]) -> bool {
    match w {
        [.., a, b] => TRANSLIT_PAIRS[letter_index(*a)] >> letter_index(*b) & 1 != 0,
        [_] => true,
        [] => false,
    }
}

/// `TRANSLIT_PAIRS[a]` has bit `b` set when a word ending in the letters `a`, `b` (by
/// [`letter_index`]) may be one [`looks_transliterated`] accepts: the last two letters of
/// each ending and of the two-letter words.
static TRANSLIT_PAIRS: [u32; 32] = {
    const PAIRS: [&[u8; 2]; 13] = [
        b"ya", b"go", b"vo", b"kh", b"yh", b"ii", b"iy", b"oi", b"ye", b"oe", b"yi", b"na", b"po",
    ];
    let mut t = [0u32; 32];
    let mut k = 0;
    while k < PAIRS.len() {
        t[(PAIRS[k][0] & 0x1F) as usize] |= 1 << (PAIRS[k][1] & 0x1F);
        k += 1;
    }
    t
};

/// In the Latin "References" of Russian journals a Russian-language source carries "(in
/// Russian)"; an unmarked Latin-script entry with no sign of transliteration is English.
pub(crate) fn unmarked_latin_is_english(text: &str) -> Option<&'static str> {
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    if latin == 0 || text.chars().any(super::scan::is_cyrillic) {
        return None;
    }
    let translit = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| {
            // only a word's last five bytes decide (see `looks_transliterated`): they are
            // lower-cased on the stack rather than the word copied
            let tail = &w.as_bytes()[w.len().saturating_sub(5)..];
            let mut buf = [0u8; 5];
            let lower = &mut buf[..tail.len()];
            lower_into(lower, tail);
            looks_transliterated(lower)
        })
        .count();
    (translit == 0).then_some("en")
}

/// The English function words and common title words, listed once for [`is_english_word`]
/// and [`ENGLISH_ENDS`].
macro_rules! english_words {
    ($($w:literal)|*) => {
        /// The listed words, for the table.
        const ENGLISH_WORDS: &[&[u8]] = &[$($w),*];

        /// Whether a lower-cased word is one of the listed English words. Inlined: it is
        /// asked of a few words per title, after [`might_be_english`], and as a call it cost
        /// about 60 instructions a reference more.
        #[inline(always)]
        fn is_english_word(w: &[u8]) -> bool {
            matches!(w, $($w)|*)
        }

        /// `ENGLISH_ENDS[f][n]` has bit `l` set when a listed word of `n` letters starts
        /// with the letter `f` and ends with the letter `l` (by [`letter_index`]): most title
        /// words (names, content words) fit no listed word.
        static ENGLISH_ENDS: [[u32; 16]; 32] = {
            let mut t = [[0u32; 16]; 32];
            let mut k = 0;
            while k < ENGLISH_WORDS.len() {
                let w = ENGLISH_WORDS[k];
                // every listed word is shorter than 16 letters: the length is in range
                t[(w[0] & 0x1F) as usize][w.len()] |= 1 << (w[w.len() - 1] & 0x1F);
                k += 1;
            }
            t
        };
    };
}

english_words!(
    b"the"
        | b"of"
        | b"and"
        | b"in"
        | b"for"
        | b"to"
        | b"with"
        | b"on"
        | b"at"
        | b"by"
        | b"from"
        | b"is"
        | b"are"
        | b"was"
        | b"were"
        | b"be"
        | b"an"
        | b"as"
        | b"its"
        | b"it"
        | b"this"
        | b"that"
        | b"how"
        | b"what"
        | b"why"
        | b"who"
        | b"which"
        | b"when"
        | b"between"
        | b"into"
        | b"over"
        | b"after"
        | b"new"
        | b"will"
        | b"he"
        | b"she"
        | b"they"
        | b"we"
        | b"our"
        | b"their"
        | b"his"
        | b"her"
        | b"more"
        | b"again"
        | b"not"
        | b"can"
        | b"does"
        | b"do"
        | b"has"
        | b"have"
        | b"about"
        | b"toward"
        | b"towards"
        | b"under"
        | b"against"
        | b"through"
        | b"study"
        | b"analysis"
        | b"policy"
        | b"relations"
        | b"security"
        | b"review"
        | b"journal"
        | b"university"
        | b"press"
        | b"international"
        | b"research"
        | b"management"
        | b"report"
        | b"world"
        | b"global"
        | b"economic"
        | b"political"
        | b"social"
        | b"development"
        | b"theory"
);

/// Endings of Russian words in Latin transliteration. Reads at most the last five bytes
/// (the longest ending, or a whole short word), which [`unmarked_latin_is_english`] relies on.
fn looks_transliterated(w: &[u8]) -> bool {
    // the endings "iya", "ogo", "ykh", "yh", "skii", "skiy", "skoi", "nye", "noe", "aya",
    // "ovo", "ikh", "stvo", "yi", "nyi", "eniya" ("nyi" and "eniya" end in shorter ones), as
    // slice patterns the compiler sorts by last letter, and four short words
    matches!(
        w,
        [.., b'i' | b'a', b'y', b'a']
            | [.., b'o', b'g' | b'v', b'o']
            | [.., b's', b't', b'v', b'o']
            | [.., b'y' | b'i', b'k', b'h']
            | [.., b'y', b'h']
            | [.., b's', b'k', b'i' | b'o', b'i']
            | [.., b'y', b'i']
            | [.., b's', b'k', b'i', b'y']
            | [.., b'n', b'y' | b'o', b'e']
            | b"i"
            | b"v"
            | b"na"
            | b"po"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ending list `looks_transliterated` was first written as.
    fn looks_transliterated_by_list(w: &[u8]) -> bool {
        const ENDINGS: [&[u8]; 16] = [
            b"iya", b"ogo", b"ykh", b"yh", b"skii", b"skiy", b"skoi", b"nye", b"noe", b"aya",
            b"ovo", b"ikh", b"stvo", b"yi", b"nyi", b"eniya",
        ];
        ENDINGS.iter().any(|e| w.ends_with(e)) || matches!(w, b"i" | b"v" | b"na" | b"po")
    }

    /// Every word of one to `max` letters over `letters`.
    fn words_over(letters: &[u8], max: usize) -> Vec<Vec<u8>> {
        let mut words = Vec::new();
        let mut last: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..max {
            let next: Vec<Vec<u8>> = last
                .iter()
                .flat_map(|w| {
                    letters.iter().map(move |&c| {
                        let mut v = w.clone();
                        v.push(c);
                        v
                    })
                })
                .collect();
            words.extend(next.iter().cloned());
            last = next;
        }
        words
    }

    #[test]
    fn transliteration_endings_as_listed() {
        // every word of up to five letters over the endings' letters and one other
        let mut words = words_over(b"aeghiknostvyx", 5);
        words.push(Vec::new());
        for w in &words {
            if looks_transliterated(w) {
                let upper = w.to_ascii_uppercase();
                assert!(
                    might_be_transliterated(w),
                    "{:?}",
                    String::from_utf8_lossy(w)
                );
                assert!(might_be_transliterated(&upper));
            }
        }
        for w in &words {
            assert_eq!(
                looks_transliterated(w),
                looks_transliterated_by_list(w),
                "{:?}",
                String::from_utf8_lossy(w)
            );
        }
    }

    #[test]
    fn ascii_votes_as_the_general_reading() {
        // the listed words in three cases, with "'s", and every short word over the endings'
        // letters, an apostrophe and one other letter
        let mut words = words_over(b"aeghiknopstvyS'", 4);
        let listed = [
            "the",
            "of",
            "International",
            "TOWARDS",
            "analysis",
            "Its",
            "it's",
            "policy's's",
            "Yaponskiy",
            "issledovaniya",
            "Voprosy",
            "ekonomiki",
            "NA",
            "Po",
            "v's",
            "'s",
            "s'",
            "abcdefghijklmn",
            "abcdefghijklmno",
            "internationals",
            "x'S",
            "Rossii",
            "Stvo",
        ];
        for w in listed {
            words.push(w.as_bytes().to_vec());
            words.push(w.to_ascii_uppercase().into_bytes());
            words.push(format!("{w}'s").into_bytes());
        }
        for w in ENGLISH_WORDS {
            let w = String::from_utf8_lossy(w);
            let capital = w[..1].to_ascii_uppercase() + &w[1..];
            for v in [w.to_string(), capital, w.to_ascii_uppercase()] {
                words.push(format!("{v}'s").into_bytes());
                words.push(v.into_bytes());
            }
        }
        for w in &words {
            assert_eq!(ascii_vote(w), vote(w), "{:?}", String::from_utf8_lossy(w));
        }
        assert_eq!(ascii_vote(b"Policy"), Vote::English);
        assert_eq!(ascii_vote(b"Yaponskiy"), Vote::Transliterated);
    }

    #[test]
    fn char_split_as_split() {
        for t in [
            "Müller's Zoë, l'État – 東京 ☃",
            "Японские исследования'ы ҂x",
            "Ѐ ѐ Ӏ ӿ Ԁ ԯ Ա",
            "'",
            "",
        ] {
            let mut got = Vec::new();
            each_word(t, &CHAR_WORD_BYTE, in_char_word, |w| got.push(w.to_vec()));
            let want: Vec<Vec<u8>> = t
                .split(|c: char| !c.is_alphabetic() && c != '\'')
                .filter(|w| !w.is_empty())
                .map(|w| w.as_bytes().to_vec())
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn scripts_and_words() {
        assert_eq!(
            guess_language("Japan Woos Russia for Its Own Security"),
            Some("en")
        );
        assert_eq!(
            guess_language(
                "Abe's More Assertive Japan: Will He Defy Expectation Again. GlobalAsia"
            ),
            Some("en")
        );
        assert_eq!(guess_language("Японские исследования"), Some("ru"));
        assert_eq!(
            guess_language("Українська мова і література, їх"),
            Some("uk")
        );
        assert_eq!(guess_language("Yaponskie issledovaniya"), None);
        assert_eq!(guess_language("12345"), None);
        assert_eq!(
            unmarked_latin_is_english("Japan's Strategy. Foreign Affairs"),
            Some("en")
        );
        assert_eq!(unmarked_latin_is_english("Yaponskie issledovaniya"), None);
    }
}
