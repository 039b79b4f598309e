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

/// The bytes of an ASCII word: letters, digits and the dot of an abbreviation.
static WORD_BYTE: [bool; 256] = super::scan::byte_class(true, b'.');

fn scan_words(text: &str, w: &mut Words) {
    let mut paper_lead = false;
    // the same words either way: for ASCII text the char test is the byte test. Two plain
    // loops rather than one over an `Either`, whose `next` was left as a call per word.
    if text.is_ascii() {
        let b = text.as_bytes();
        let mut start = 0;
        // the non-empty words `split` would give (an empty one changes nothing), without
        // its per-byte iterator
        for (i, &x) in b.iter().enumerate() {
            if !WORD_BYTE[usize::from(x)] {
                if i > start {
                    read_ascii_word(&b[start..i], &mut paper_lead, w);
                }
                start = i + 1;
            }
        }
        if b.len() > start {
            read_ascii_word(&b[start..], &mut paper_lead, w);
        }
    } else {
        for word in text.split(|c: char| !is_alphanumeric(c) && c != '.') {
            read_word(word.as_bytes(), &mut paper_lead, w);
        }
    }
}

/// The keywords and lead words of [`read_keyword`] by first letter: bit `n` of
/// `KEYWORD_LENGTHS[b]` is set when some keyword or lead word of `n` letters starts with the
/// letter `b` (either case). A word whose first letter and length match none (most words of
/// a title) is passed over with this one look-up, without the copy and the compares.
static KEYWORD_LENGTHS: [u16; 256] = {
    const WORDS: [&[u8]; 17] = [
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
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < WORDS.len() {
        let w = WORDS[k];
        let first = w[0];
        t[first as usize] |= 1 << w.len();
        t[first.to_ascii_uppercase() as usize] |= 1 << w.len();
        k += 1;
    }
    t
};

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
    while let Some(w) = word.strip_suffix(b".") {
        word = w;
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

/// The keywords and lead words, all ASCII, matched against a lower-cased ASCII word.
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
    while let Some(w) = word.strip_suffix(b".") {
        word = w;
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
    if stem.starts_with("иссертац".as_bytes()) || stem.starts_with("втореф".as_bytes()) {
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
        return Kind::Chapter;
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
