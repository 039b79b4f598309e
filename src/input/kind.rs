//! What sort of work a parsed reference points to, decided from the evidence the parser
//! found (locators, imprint, URL, keywords) rather than from any one marker.

use crate::model::Kind;

use super::scan::is_alphanumeric;

/// The evidence [`classify`] weighs.
#[derive(Debug, Default)]
pub(crate) struct Evidence<'a> {
    pub title: &'a str,
    pub container: Option<&'a str>,
    pub has_volume_or_issue: bool,
    pub has_pages: bool,
    pub page_count: bool,
    pub has_imprint: bool,
    pub has_url: bool,
    pub has_date: bool,
    pub has_editors: bool,
    pub in_marker: bool,
}

/// Keyword signals, read in one pass over the words of the title and the container.
#[derive(Default)]
struct Words {
    thesis: bool,
    conference: bool,
    report: bool,
}

/// Each byte 0x01 (an eight-byte block's bytes read as one `u64`).
const ONES: u64 = 0x0101_0101_0101_0101;
/// Each byte's high bit.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` that is an ASCII letter; every byte of `w` must be ASCII.
/// With 0x20 set a letter is in 'a'..='z' and every byte stays below 0x80, so adding 0x1F
/// reaches the high bit from 'a' up, adding 0x05 from past 'z' up, and no sum carries into
/// the next byte.
#[inline(always)]
pub(super) fn ascii_letters(w: u64) -> u64 {
    let x = w | (ONES * 0x20);
    x.wrapping_add(ONES * 0x1F) & !x.wrapping_add(ONES * 0x05) & HIGH
}

/// The high bit of each byte of `w` (all ASCII) equal to `c` (ASCII): `w ^ c` is below 0x80
/// in each byte, and adding 0x7F reaches the high bit exactly where it is not zero.
#[inline(always)]
pub(super) fn ascii_equal(w: u64, c: u8) -> u64 {
    let v = w ^ (ONES * u64::from(c));
    !v.wrapping_add(ONES * 0x7F) & HIGH
}

/// The high bit of each byte of `w` (all ASCII) that is an ASCII digit, as in
/// [`ascii_letters`]: adding 0x50 reaches it from '0' up, 0x46 from past '9' up.
#[inline(always)]
fn ascii_digits(w: u64) -> u64 {
    w.wrapping_add(ONES * 0x50) & !w.wrapping_add(ONES * 0x46) & HIGH
}

/// Calls `f` on the non-empty words of the ASCII text `b`, the runs of bytes that
/// `word_bytes` marks (the high bit of each such byte of an eight-byte block), as
/// `split(not a word byte)` gives them without the empty ones. The text is read eight bytes
/// at a time and only the bytes between words are visited one by one: a byte-by-byte loop
/// spent about seven instructions a byte on the letters in between.
#[inline(always)]
pub(super) fn each_ascii_word(b: &[u8], word_bytes: impl Fn(u64) -> u64, mut f: impl FnMut(&[u8])) {
    let mut start = 0;
    // `ends` marks the bytes between words in the block at `at`
    let mut words_before = |at: usize, mut ends: u64| {
        while ends != 0 {
            let k = at + (ends.trailing_zeros() / 8) as usize;
            if k > start {
                f(&b[start..k]);
            }
            start = k + 1;
            ends &= ends - 1;
        }
    };
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut block = [0u8; 8];
        block.copy_from_slice(chunk);
        let w = u64::from_le_bytes(block);
        words_before(i, !word_bytes(w) & HIGH);
        i += 8;
    }
    let rest = &b[i..];
    if !rest.is_empty() {
        // the last bytes, padded with zeros, which are no word bytes: only the marks of the
        // text's own bytes are kept
        let mut block = [0u8; 8];
        block[..rest.len()].copy_from_slice(rest);
        let w = u64::from_le_bytes(block);
        let own = (1u64 << (8 * rest.len())) - 1;
        words_before(i, !word_bytes(w) & HIGH & own);
    }
    if b.len() > start {
        f(&b[start..]);
    }
}

/// The non-empty words of `text.split(|c| !in_word(c))`, for text that is not all ASCII
/// (most often Cyrillic), where `ascii[b]` is `in_word` of each ASCII byte and `in_word`
/// holds for every Cyrillic letter, as [`is_alphanumeric`] and `is_alphabetic` do. Chars
/// are decoded only where they must be: an ASCII byte is looked up, and a Cyrillic letter
/// (two bytes led by 0xD0, 0xD1 or 0xD3, or by 0xD2 unless it is U+0482..=U+0489, signs
/// and combining marks) is in a word. The char splitter decoded and tested every char.
#[inline(always)]
pub(super) fn each_word(
    text: &str,
    ascii: &[bool; 256],
    in_word: impl Fn(char) -> bool,
    mut f: impl FnMut(&[u8]),
) {
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let next = b.get(i + 1).copied().unwrap_or(0);
        let (len, inside) = if x < 0x80 {
            (1, ascii[usize::from(x)])
        } else if matches!(x, 0xD0 | 0xD1 | 0xD3) || x == 0xD2 && !(0x82..=0x89).contains(&next) {
            (2, true)
        } else {
            // `i` is a char boundary: every step is a whole char
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            (c.len_utf8(), in_word(c))
        };
        if !inside {
            if i > start {
                f(&b[start..i]);
            }
            start = i + len;
        }
        i += len;
    }
    if b.len() > start {
        f(&b[start..]);
    }
}

/// The ASCII bytes of a word of the char split: letters, digits and the dot.
static CHAR_WORD_BYTE: [bool; 256] = super::scan::byte_class(true, b'.');

/// The chars of a word of the char split.
fn in_char_word(c: char) -> bool {
    is_alphanumeric(c) || c == '.'
}

/// The bytes of a word of the ASCII split: letters, digits and the dot of an abbreviation.
#[inline(always)]
fn word_bytes(w: u64) -> u64 {
    ascii_letters(w) | ascii_digits(w) | ascii_equal(w, b'.')
}

fn scan_words(text: &str, w: &mut Words) {
    let mut paper_lead = false;
    // the same words either way: for ASCII text the char test is the byte test. Two plain
    // loops rather than one over an `Either`, whose `next` was left as a call per word.
    if text.is_ascii() {
        // the non-empty words `split` would give (an empty one changes nothing)
        each_ascii_word(text.as_bytes(), word_bytes, |word| {
            read_ascii_word(word, &mut paper_lead, w)
        });
    } else {
        // `read_word` passes over an empty word
        each_word(text, &CHAR_WORD_BYTE, in_char_word, |word| {
            read_word(word, &mut paper_lead, w)
        });
    }
}

/// The keywords and lead words of [`read_keyword`] by first letter: bit `n` of
/// `KEYWORD_LENGTHS[b]` is set when some keyword or lead word of `n` letters starts with the
/// letter `b` (either case). A word whose first letter and length match none (most words of
/// a title) is passed over with this one look-up, without the copy and the compares.
static KEYWORD_LENGTHS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < KEYWORDS.len() {
        let w = KEYWORDS[k];
        let first = w[0];
        t[first as usize] |= 1 << w.len();
        t[first.to_ascii_uppercase() as usize] |= 1 << w.len();
        k += 1;
    }
    t
};

/// The keywords and lead words [`read_keyword`] matches.
const KEYWORDS: [&[u8]; 17] = [
    b"dissertation",
    b"thesis",
    b"phd",
    b"proceedings",
    b"conference",
    b"symposium",
    b"workshop",
    b"congress",
    b"proc",
    b"report",
    b"reports",
    b"brief",
    b"paper",
    b"working",
    b"discussion",
    b"white",
    b"policy",
];

/// Whether a word (its trailing dots cut) could be a keyword or lead word, by its first
/// letter and length (see [`KEYWORD_LENGTHS`]).
#[inline(always)]
fn keyword_like(word: &[u8]) -> bool {
    match word.first() {
        // every keyword is shorter than 16 letters, which keeps the shift in range
        Some(&f) if word.len() < 16 => KEYWORD_LENGTHS[usize::from(f)] >> word.len() & 1 != 0,
        _ => false,
    }
}

/// [`read_word`] for a non-empty ASCII word, without its UTF-8 checks. Inlined into the
/// split's loop: most words are answered by [`keyword_like`] without a call.
#[inline(always)]
fn read_ascii_word(word: &[u8], paper_lead: &mut bool, w: &mut Words) {
    let mut word = word;
    while let [stem @ .., b'.'] = word {
        word = stem;
    }
    // as in `read_word`: other words (most) are passed over without the copy and compares
    if !keyword_like(word) {
        *paper_lead = false;
        return;
    }
    read_ascii_keyword(word, paper_lead, w);
}

/// The rest of [`read_ascii_word`] for a word that passed [`keyword_like`] (3 to 12 letters).
#[inline(never)]
fn read_ascii_keyword(word: &[u8], paper_lead: &mut bool, w: &mut Words) {
    let mut buf = [0u8; 12];
    let Some(b) = buf.get_mut(..word.len()) else {
        *paper_lead = false;
        return;
    };
    super::scan::lower_into(b, word);
    read_keyword(b, paper_lead, w);
}

/// The keywords and lead words, all ASCII, matched against a lower-cased ASCII word. A word
/// added here must be added to [`KEYWORD_LENGTHS`]' list too, or it is never asked.
/// Always inlined: the compiler otherwise leaves a call per keyword-like word.
#[inline(always)]
fn read_keyword(b: &[u8], paper_lead: &mut bool, w: &mut Words) {
    match b {
        b"dissertation" | b"thesis" | b"phd" => w.thesis = true,
        b"proceedings" | b"conference" | b"symposium" | b"workshop" | b"congress" | b"proc" => {
            w.conference = true
        }
        b"report" | b"reports" | b"brief" => w.report = true,
        b"paper" if *paper_lead => w.report = true,
        _ => {}
    }
    *paper_lead = matches!(b, b"working" | b"discussion" | b"white" | b"policy");
}

/// One word of [`scan_words`]; `paper_lead` says whether the word before it leads a paper
/// series ("Working Paper").
fn read_word(word: &[u8], paper_lead: &mut bool, w: &mut Words) {
    if word.is_empty() {
        return;
    }
    let mut word = word;
    while let [stem @ .., b'.'] = word {
        word = stem;
    }
    // Every ASCII keyword and lead word below has 3 to 12 letters and starts with one of
    // these: other ASCII words (most) are passed over without the copy and the compares.
    if word.is_ascii()
        && (!(3..=12).contains(&word.len())
            || !word.first().is_some_and(|f| {
                matches!(
                    f.to_ascii_lowercase(),
                    b'd' | b't' | b'p' | b'c' | b's' | b'w' | b'r' | b'b'
                )
            }))
    {
        *paper_lead = false;
        return;
    }
    // keywords are short: longer words are skipped, shorter ones lower-cased on the stack
    if word.len() > 32 {
        *paper_lead = false;
        return;
    }
    let mut buf = [0u8; 32];
    let b = &mut buf[..word.len()];
    super::scan::lower_into(b, word);
    // an ASCII word (most are) is matched as bytes, without a UTF-8 check
    if word.is_ascii() {
        read_keyword(b, paper_lead, w);
        return;
    }
    // Compared as UTF-8 bytes, without decoding: lower-casing changed only ASCII bytes, so
    // the word is still the chars it was, and a char's bytes are a prefix of the text's bytes
    // exactly when the text starts with that char.
    let lower: &[u8] = b;
    if lower == "дис".as_bytes() {
        w.thesis = true;
    }
    // Cyrillic stems, case-blind on the first letter only ("Доклад", "доклад"): the leading
    // chars of these six cut as `trim_start_matches` would
    const LEADS: [&str; 6] = ["Д", "д", "К", "к", "А", "а"];
    let mut stem = lower;
    while let Some(rest) = LEADS.iter().find_map(|l| stem.strip_prefix(l.as_bytes())) {
        stem = rest;
    }
    if stem.starts_with("иссертац".as_bytes()) || stem.starts_with("втореф".as_bytes())
    {
        w.thesis = true;
    } else if stem.starts_with("онференц".as_bytes()) {
        w.conference = true;
    } else if stem.starts_with("оклад".as_bytes()) {
        w.report = true;
    }
    // no lead word is non-ASCII
    *paper_lead = false;
}

/// Decides the kind; the order matters: the strongest evidence is looked at first.
pub(crate) fn classify(e: &Evidence<'_>) -> Kind {
    let mut words = Words::default();
    scan_words(e.title, &mut words);
    if let Some(c) = e.container {
        scan_words(c, &mut words);
    }
    if words.thesis {
        return Kind::Thesis;
    }
    if words.conference {
        return Kind::ConferencePaper;
    }
    if e.in_marker {
        return Kind::Chapter;
    }
    if e.has_volume_or_issue {
        return Kind::JournalArticle;
    }
    let report_word = words.report;
    if report_word {
        return Kind::Report;
    }
    if e.container.is_some() && e.has_pages && !e.page_count {
        // a book's part names the book's editors or imprint; pages in a periodical with
        // neither ("Atlantic Monthly, February 1994, 44–76") are an article's
        return if e.has_editors || e.has_imprint {
            Kind::Chapter
        } else {
            Kind::JournalArticle
        };
    }
    if e.has_editors && e.container.is_some() && e.has_url && !e.has_date {
        return Kind::Report;
    }
    if e.has_url {
        return Kind::Web;
    }
    // a page count, or an imprint (with or without a series as container, but no pages of a
    // part): a whole book
    if e.page_count || e.has_imprint {
        return Kind::Book;
    }
    Kind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_in_a_container_without_editors_or_imprint_are_an_article() {
        let e = |has_editors, has_imprint| Evidence {
            title: "The Coming Anarchy",
            container: Some("Atlantic Monthly"),
            has_volume_or_issue: false,
            has_pages: true,
            page_count: false,
            has_imprint,
            has_url: false,
            has_date: false,
            has_editors,
            in_marker: false,
        };
        assert_eq!(classify(&e(false, false)), Kind::JournalArticle);
        assert_eq!(classify(&e(true, false)), Kind::Chapter);
        assert_eq!(classify(&e(false, true)), Kind::Chapter);
    }

    #[test]
    fn every_keyword_is_asked() {
        for k in KEYWORDS {
            let k = String::from_utf8_lossy(k);
            let capital = k[..1].to_ascii_uppercase() + &k[1..];
            for v in [
                k.to_string(),
                capital,
                k.to_ascii_uppercase(),
                format!("{k}."),
            ] {
                let mut word = v.as_bytes();
                while let [stem @ .., b'.'] = word {
                    word = stem;
                }
                assert!(keyword_like(word), "{v}");
                // and the match knows it: a flag, or a lead word that makes "paper" one
                let mut w = Words::default();
                // "paper" is one after a lead word only
                let mut lead = k == "paper";
                read_ascii_word(v.as_bytes(), &mut lead, &mut w);
                read_ascii_word(b"Paper", &mut lead, &mut w);
                assert!(w.thesis || w.conference || w.report, "{v}");
            }
        }
    }

    #[test]
    fn block_classes_as_the_byte_tests() {
        // every ASCII byte at every place of a block
        for x in 0u8..0x80 {
            for at in 0..8 {
                let mut block = [b'a'; 8];
                block[at] = x;
                let w = u64::from_le_bytes(block);
                let high = |m: u64| m >> (8 * at + 7) & 1 == 1;
                assert_eq!(high(ascii_letters(w)), x.is_ascii_alphabetic(), "{x}");
                assert_eq!(high(ascii_digits(w)), x.is_ascii_digit(), "{x}");
                assert_eq!(high(ascii_equal(w, b'.')), x == b'.', "{x}");
                assert_eq!(high(ascii_equal(w, b'\'')), x == b'\'', "{x}");
            }
        }
    }

    #[test]
    fn char_split_as_split() {
        let texts = [
            "Материалы конференции. Т. 2",
            "Доклад о мире҂ и ҃войне",
            "Ѐ ѐ Ӏ ӿ Ԁ ԯ Ա",
            "Müller, Zoë; 東京 (2016) ☃ x.y",
            "Дис. ... канд. экон. наук",
            "é",
            "я.",
            "",
        ];
        for t in texts {
            let mut got = Vec::new();
            each_word(t, &CHAR_WORD_BYTE, in_char_word, |w| got.push(w.to_vec()));
            let want: Vec<Vec<u8>> = t
                .split(|c: char| !c.is_alphanumeric() && c != '.')
                .filter(|w| !w.is_empty())
                .map(|w| w.as_bytes().to_vec())
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
        // every char of the Cyrillic blocks, alone and between letters
        for c in '\u{400}'..='\u{52f}' {
            let t = format!("a{c}b {c}");
            let mut got = Vec::new();
            each_word(&t, &CHAR_WORD_BYTE, in_char_word, |w| got.push(w.to_vec()));
            let want: Vec<Vec<u8>> = t
                .split(|c: char| !is_alphanumeric(c) && c != '.')
                .filter(|w| !w.is_empty())
                .map(|w| w.as_bytes().to_vec())
                .collect();
            assert_eq!(got, want, "{c:?}");
        }
    }

    #[test]
    fn block_split_as_split() {
        let texts = [
            "",
            "a",
            ".",
            "  ",
            "Proc. of the 3rd Int. Conf., pp. 1-9",
            "abcdefgh",
            "abcdefg ",
            "abcdefgh ijklmnop.qrstuvwx",
            " abcdefghijklmnopq, r",
            "Working Paper No. 12 (2016): ',;' x'y 'z'",
            "\tTab\x7fdel\0nul",
        ];
        for t in texts {
            let mut got = Vec::new();
            each_ascii_word(t.as_bytes(), word_bytes, |w| got.push(w.to_vec()));
            let want: Vec<Vec<u8>> = t
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
                .filter(|w| !w.is_empty())
                .map(|w| w.as_bytes().to_vec())
                .collect();
            assert_eq!(got, want, "{t:?}");
        }
    }

    #[test]
    fn order_of_evidence() {
        let web = Evidence {
            title: "T",
            container: Some("The Diplomat"),
            has_url: true,
            has_date: true,
            ..Default::default()
        };
        assert_eq!(classify(&web), Kind::Web);
        let journal = Evidence {
            has_volume_or_issue: true,
            has_url: true,
            container: Some("J"),
            ..Default::default()
        };
        assert_eq!(classify(&journal), Kind::JournalArticle);
        let chapter = Evidence {
            container: Some("Japan 2016. Yearbook"),
            has_pages: true,
            has_imprint: true,
            ..Default::default()
        };
        assert_eq!(classify(&chapter), Kind::Chapter);
        let book = Evidence {
            has_imprint: true,
            ..Default::default()
        };
        assert_eq!(classify(&book), Kind::Book);
        let report = Evidence {
            title: "Report: Crisis",
            container: Some("IMEMO RAN"),
            has_url: true,
            has_editors: true,
            ..Default::default()
        };
        assert_eq!(classify(&report), Kind::Report);
        let report = Evidence {
            title: "Crisis",
            container: Some("IMEMO RAN"),
            has_url: true,
            has_editors: true,
            ..Default::default()
        };
        assert_eq!(classify(&report), Kind::Report);
        let thesis = Evidence {
            title: "PhD thesis",
            ..Default::default()
        };
        assert_eq!(classify(&thesis), Kind::Thesis);
        assert_eq!(classify(&Evidence::default()), Kind::Other);
        let titled = |title| Evidence {
            title,
            ..Default::default()
        };
        assert_eq!(classify(&titled("NBER Working Paper")), Kind::Report);
        assert_eq!(classify(&titled("Доклад о мире")), Kind::Report);
        assert_eq!(classify(&titled("Paper on paper")), Kind::Other);
        assert_eq!(
            classify(&titled("Материалы конференции")),
            Kind::ConferencePaper
        );
    }
}
