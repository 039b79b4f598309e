//! The tail of a reference: URL, access date, DOI and language note. They sit at fixed places
//! in most styles ("Available at: URL, accessed DD.MM.YYYY (in Russian). DOI: …") and are cut
//! out before the title and source are looked for, so their dots and commas cannot confuse
//! the segmentation of the rest.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::model::{Date, WarningCode};

use super::date::date_at;
use super::scan::{
    at_word_start, ends_with_ci, find_from, is_ascii_space, prefix_at_most, starts_with_ci, trim_ws,
};

/// What was cut from a reference, and the text left once it is gone.
#[derive(Debug, Default)]
pub(crate) struct Tail<'a> {
    pub url: Option<String>,
    pub doi: Option<String>,
    pub accessed: Option<Date>,
    pub language: Option<&'static str>,
    /// Defects seen while cutting (e.g. ",accessed" with no space).
    pub defects: Vec<(WarningCode, String)>,
    /// The reference without the cut spans (borrowed when nothing was cut, as in most
    /// entries).
    pub body: Cow<'a, str>,
}

/// The first match of the needle's pattern in `hay` at or after byte `from` (a char
/// boundary), as `find_from` finds it. Most entries have no DOI, URL, access date or
/// "(online)": a vectorised substring search (the finder is built once) answers that in one
/// pass, and where the pattern occurs it finds it without walking the occurrences of the
/// pattern's rarest char. A match of a whole UTF-8 pattern starts at a char boundary.
fn find_needle(needle: Needle, hay: &str, from: usize) -> Option<usize> {
    static FINDERS: LazyLock<[Finder<'static>; 10]> =
        LazyLock::new(|| Needle::ALL.map(|n| Finder::new(n.pat())));
    let rest = hay.as_bytes().get(from..)?;
    FINDERS[needle as usize].find(rest).map(|k| from + k)
}

/// The patterns [`find_needle`] has a finder for. Named rather than looked up by their text, so
/// a call does not compare the pattern with each of them first.
#[derive(Debug, Clone, Copy)]
enum Needle {
    Online,
    Doi,
    Http,
    Www,
    Accessed,
    Retrieved,
    Viewed,
    AccessDateRu,
    AccessDateRuCapital,
    AccessDate,
}

impl Needle {
    /// In discriminant order, so `needle as usize` indexes the finders.
    const ALL: [Needle; 10] = [
        Needle::Online,
        Needle::Doi,
        Needle::Http,
        Needle::Www,
        Needle::Accessed,
        Needle::Retrieved,
        Needle::Viewed,
        Needle::AccessDateRu,
        Needle::AccessDateRuCapital,
        Needle::AccessDate,
    ];

    fn pat(self) -> &'static str {
        match self {
            Needle::Online => "(online)",
            Needle::Doi => "doi",
            Needle::Http => "http",
            Needle::Www => "www.",
            Needle::Accessed => "accessed",
            Needle::Retrieved => "retrieved",
            Needle::Viewed => "viewed",
            Needle::AccessDateRu => "дата обращения",
            Needle::AccessDateRuCapital => "Дата обращения",
            Needle::AccessDate => "access date",
        }
    }
}

/// Cuts URL, DOI, access date and language note from normalised reference text.
pub(crate) fn cut_tail(text: &str) -> Tail<'_> {
    // One ASCII-lower-cased copy (same byte offsets) lets every search below use the
    // standard library's fast substring search instead of a case-blind byte loop. It is
    // made in a buffer kept per thread, so an entry costs no allocation for it; a text
    // longer than any parsed entry (a page line) gets its own, so the buffer stays small.
    if text.len() > super::reference::MAX_PARSED_BYTES {
        return cut_tail_with(text, &text.to_ascii_lowercase());
    }
    thread_local! {
        static LOWER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    LOWER.with(|buf| match buf.try_borrow_mut() {
        Ok(mut lower) => {
            lower.clear();
            lower.push_str(text);
            lower.make_ascii_lowercase();
            cut_tail_with(text, &lower)
        }
        // not reached (nothing here calls back into it), but never a panic
        Err(_) => cut_tail_with(text, &text.to_ascii_lowercase()),
    })
}

/// [`cut_tail`] with the text's ASCII-lower-cased copy.
fn cut_tail_with<'a>(text: &'a str, lower: &str) -> Tail<'a> {
    let mut tail = Tail::default();
    // at most one span for each cut below (language, five notes, DOI, URL, access date),
    // so they are kept on the stack
    let mut spans = Spans::default();

    if let Some((s, e, lang)) = language_note(text, lower) {
        tail.language = Some(lang);
        spans.push((s, e));
    }
    // most entries have no bracketed note: one byte scan rules the bracket forms out
    let bracket = memchr::memchr(b'[', lower.as_bytes()).is_some();
    for (note, needle) in [
        ("[online]", None),
        ("[электронный ресурс]", None),
        ("[Электронный ресурс]", None),
        ("(online)", Some(Needle::Online)),
        ("[internet]", None),
    ] {
        if note.starts_with('[') && !bracket {
            continue;
        }
        let found = match needle {
            Some(n) => find_needle(n, lower, 0),
            None => find_from(lower, note, 0),
        };
        if let Some(i) = found {
            spans.push((i, i + note.len()));
        }
    }
    if let Some((s, e, doi)) = find_doi(text, lower) {
        tail.doi = Some(doi);
        spans.push((s, e));
    }
    if let Some((s, e, url, glued)) = find_url(text, lower, &spans) {
        tail.url = Some(url);
        if let Some(word) = glued {
            tail.defects.push((
                WarningCode::MissingSpace,
                format!("no space in ',{word}' after the URL"),
            ));
        }
        spans.push((s, e));
    }
    if let Some((s, e, d)) = find_accessed(text, lower, &spans, tail.url.is_some()) {
        tail.accessed = Some(d);
        spans.push((s, e));
    }
    tail.body = rebuild(text, spans.as_mut_slice());
    tail
}

/// The spans [`cut_tail_with`] cuts, in a fixed array: there are never more than
/// [`Spans::MAX`].
#[derive(Default)]
struct Spans {
    list: [(usize, usize); Spans::MAX],
    len: usize,
}

impl Spans {
    const MAX: usize = 9;

    fn push(&mut self, span: (usize, usize)) {
        // a cut added to `cut_tail_with` without raising MAX fails the tests here, and in a
        // release build leaves its text in the body rather than panic on some entry
        debug_assert!(self.len < Spans::MAX, "more tail cuts than Spans::MAX");
        if let Some(slot) = self.list.get_mut(self.len) {
            *slot = span;
            self.len += 1;
        }
    }

    fn as_mut_slice(&mut self) -> &mut [(usize, usize)] {
        &mut self.list[..self.len]
    }
}

impl std::ops::Deref for Spans {
    type Target = [(usize, usize)];
    fn deref(&self) -> &[(usize, usize)] {
        &self.list[..self.len]
    }
}

/// The text without the spans, pieces joined by one space.
fn rebuild<'a>(text: &'a str, spans: &mut [(usize, usize)]) -> Cow<'a, str> {
    if spans.is_empty() {
        // nothing cut: the one piece is the text trimmed, and no copy is needed
        return Cow::Borrowed(trim_ws(text).trim_end_matches(tail_trim));
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(s, e) in spans.iter() {
        if s >= at {
            push_piece(&mut out, &text[at..s]);
        }
        at = at.max(e);
    }
    push_piece(&mut out, &text[at..]);
    // trimmed in place rather than copied
    out.truncate(out.trim_end_matches(tail_trim).len());
    Cow::Owned(out)
}

/// What is trimmed from the end of the text left after the cuts.
fn tail_trim(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '(')
}

fn push_piece(out: &mut String, piece: &str) {
    let piece = trim_ws(piece);
    if piece.is_empty() {
        return;
    }
    let lead_punct = piece.starts_with(['.', ',', ';', ')']);
    if !out.is_empty() {
        // "Title, " + ", accessed…" left behind: drop the doubled separator
        let out_ends_sep = out.ends_with([',', ';', ':']);
        if lead_punct && out_ends_sep {
            out.pop();
        }
        if !lead_punct {
            out.push(' ');
        }
    }
    out.push_str(piece);
}

fn overlaps(spans: &[(usize, usize)], i: usize) -> bool {
    spans.iter().any(|&(s, e)| (s..e).contains(&i))
}

/// "(in Russian)", "(In Russ.)", "[in German]" and the like.
fn language_note(text: &str, lower: &str) -> Option<(usize, usize, &'static str)> {
    let mut from = 0;
    // look at brackets (rare) rather than at every "in " (common)
    while let Some(b) = lower
        .as_bytes()
        .get(from..)
        .and_then(|r| memchr::memchr2(b'(', b'[', r))
        .map(|k| k + from)
    {
        from = b + 1;
        // most brackets open a year, a number or a capitalised word: an ASCII byte after
        // the bracket that is neither 'i' nor whitespace rules the note out before the
        // whitespace is trimmed
        if let Some(&n) = lower.as_bytes().get(b + 1)
            && n.is_ascii()
            && n != b'i'
            && !is_ascii_space(n)
        {
            continue;
        }
        let after = &lower[b + 1..];
        let pad = after.len() - after.trim_start().len();
        if !after[pad..].starts_with("in ") {
            continue;
        }
        let i = b + 1 + pad;
        let open = &text[..=b];
        let start = open.len() - 1;
        // only a short window: the note is a word or two, and a bounded look keeps this linear
        let rest = prefix_at_most(&text[i + 3..], 32);
        let Some(close) = rest.find([')', ']']) else {
            continue;
        };
        let word = rest[..close].trim().trim_end_matches('.');
        if let Some(code) = language_code(word) {
            return Some((start, i + 3 + close + 1, code));
        }
    }
    None
}

/// ISO 639-1 code of an English language name or its usual abbreviation.
pub(crate) fn language_code(word: &str) -> Option<&'static str> {
    // the first word is lower-cased in a stack buffer: every name below fits, and a longer
    // word is none of them
    let first = word.split([' ', ',']).next().unwrap_or("");
    let mut buf = [0u8; 10];
    let lower = buf.get_mut(..first.len())?;
    lower.copy_from_slice(first.as_bytes());
    lower.make_ascii_lowercase();
    Some(match std::str::from_utf8(lower).ok()? {
        "russian" | "russ" | "rus" => "ru",
        "english" | "engl" | "eng" => "en",
        "german" | "germ" | "ger" => "de",
        "french" | "fr" | "fren" => "fr",
        "japanese" | "jap" | "jpn" => "ja",
        "chinese" | "chin" | "chi" => "zh",
        "korean" | "kor" => "ko",
        "ukrainian" | "ukr" => "uk",
        "spanish" | "span" | "spa" => "es",
        "italian" | "ital" | "ita" => "it",
        "polish" | "pol" => "pl",
        "portuguese" | "port" | "por" => "pt",
        "kazakh" | "kaz" => "kk",
        "belarusian" | "bel" => "be",
        "czech" | "cze" => "cs",
        "turkish" | "tur" => "tr",
        "arabic" | "ara" => "ar",
        _ => return None,
    })
}

/// `DOI: 10.x/y`, `doi:10.x/y`, `https://doi.org/10.x/y`, `http://dx.doi.org/10.x/y`.
fn find_doi(text: &str, lower: &str) -> Option<(usize, usize, String)> {
    let mut from = 0;
    while let Some(i) = find_needle(Needle::Doi, lower, from) {
        from = i + 3;
        let after = &text[i + 3..];
        let skip = if starts_with_ci(after, ".org/") {
            5
        } else {
            after.len() - after.trim_start_matches([':', ' ', '.']).len()
        };
        let id_start = i + 3 + skip;
        if !text[id_start..].starts_with("10.") {
            continue;
        }
        let id_end = id_start
            + text[id_start..]
                .find(char::is_whitespace)
                .unwrap_or(text.len() - id_start);
        let id = doi_without_glued_text(&text[id_start..id_end]);
        // include a resolver prefix ("https://dx.") in the cut
        let mut start = i;
        let before = &text[..i];
        for prefix in ["https://dx.", "http://dx.", "https://", "http://", "dx."] {
            if ends_with_ci(before, prefix) {
                start = i - prefix.len();
                break;
            }
        }
        return Some((start, id_start + id.len(), id.to_string()));
    }
    None
}

/// A DOI as printed up to the next space, without what extraction from PDFs glues to it:
/// ",arXiv:…" after a comma (a comma is legal in a DOI but no registration agency issues
/// one in practice) and ".URL" or ".URLhttps" after a full stop. Closing punctuation goes.
fn doi_without_glued_text(id: &str) -> &str {
    let mut id = id;
    if let Some(comma) = id.find(',') {
        id = &id[..comma];
    }
    let bytes = id.as_bytes();
    if let Some(dot) = (0..bytes.len()).rev().find(|&k| {
        bytes[k] == b'.'
            && bytes
                .get(k + 1..k + 4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"url"))
    }) {
        id = &id[..dot];
    }
    id.trim_end_matches(['.', ',', ';', ')', ']'])
}

/// Words that introduce a URL and go with it.
const URL_LEADS: [&str; 10] = [
    "available at:",
    "available:",
    "available from:",
    "available online at:",
    "available online:",
    "retrieved from",
    "url:",
    "режим доступа:",
    "available at",
    "online:",
];

/// Words that may follow a URL with no space after its comma.
const AFTER_URL: [Needle; 3] = [Needle::Accessed, Needle::Retrieved, Needle::Viewed];

/// The first URL that is not a DOI link. Returns the cut span, the URL and the word that
/// was glued to it by a comma, if any.
fn find_url(
    text: &str,
    lower: &str,
    taken: &[(usize, usize)],
) -> Option<(usize, usize, String, Option<&'static str>)> {
    let mut from = 0;
    loop {
        let http = find_needle(Needle::Http, lower, from);
        let www = find_needle(Needle::Www, lower, from);
        let i = match (http, www) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        from = i + 3;
        let is_url = starts_with_ci(&text[i..], "http://")
            || starts_with_ci(&text[i..], "https://")
            || starts_with_ci(&text[i..], "www.");
        if !is_url
            || overlaps(taken, i)
            || !at_word_start(text, i) && !text[..i].ends_with(['(', '<', ':'])
        {
            continue;
        }
        let mut end = i + text[i..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - i);
        let mut glued = None;
        for needle in AFTER_URL {
            let word = needle.pat();
            if let Some(k) = find_needle(needle, &lower[i..end], 0)
                && k > 0
                && text[i + k - 1..].starts_with(',')
            {
                end = i + k - 1;
                glued = Some(word);
                break;
            }
        }
        let url = text[i..end].trim_end_matches(['.', ',', ';', ')', ']', '>']);
        let url_end = i + url.len();
        let before = text[..i].trim_end();
        let mut start = i;
        for lead in URL_LEADS {
            if ends_with_ci(before, lead) {
                start = before.len() - lead.len();
                break;
            }
        }
        return Some((start, url_end, url.to_string(), glued));
    }
}

/// "accessed 31.01.2019", "(accessed: January 31, 2019)", "Accessed 2019-01-31",
/// "(дата обращения: 31.01.2019)".
fn find_accessed(
    text: &str,
    lower: &str,
    taken: &[(usize, usize)],
    has_url: bool,
) -> Option<(usize, usize, Date)> {
    // which words apply is settled by the needle, without comparing its text: "дата
    // обращения" only in a text with a byte 0xD0 (asked once, and only then), which leads
    // the UTF-8 of "д" and "Д" as of every Cyrillic letter up to "п"; and "retrieved",
    // "viewed" and "access date", which go with a URL, only when there is one
    let mut cyrillic = None;
    for needle in [
        Needle::Accessed,
        Needle::Retrieved,
        Needle::Viewed,
        Needle::AccessDateRu,
        Needle::AccessDateRuCapital,
        Needle::AccessDate,
    ] {
        let applies = match needle {
            Needle::AccessDateRu | Needle::AccessDateRuCapital => {
                *cyrillic.get_or_insert_with(|| memchr::memchr(0xD0, lower.as_bytes()).is_some())
            }
            Needle::Retrieved | Needle::Viewed | Needle::AccessDate => has_url,
            _ => true,
        };
        if !applies {
            continue;
        }
        let word = needle.pat();
        let mut from = 0;
        while let Some(i) = find_needle(needle, lower, from) {
            from = i + word.len();
            if overlaps(taken, i) {
                continue;
            }
            let after = &text[i + word.len()..];
            let skip = after.len() - after.trim_start_matches([' ', ':', 'o', 'n']).len();
            let ds = i + word.len() + skip;
            let Some((d, len)) = date_at(&text[ds..]) else {
                continue;
            };
            let mut start = i;
            let mut end = ds + len;
            let before = text[..i].trim_end();
            if before.ends_with('(') || before.ends_with('[') {
                start = before.len() - 1;
                if text[end..].starts_with([')', ']']) {
                    end += 1;
                }
            }
            return Some((start, end, d));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_index_their_own_finders() {
        for (i, n) in Needle::ALL.into_iter().enumerate() {
            assert_eq!(n as usize, i);
            assert_eq!(find_needle(n, n.pat(), 0), Some(0));
        }
    }

    #[test]
    fn seed_tail() {
        let t = cut_tail(
            "Brown J. (2017) Title. Carnegie Moscow Center, April 18, 2018. Available at: https://carnegie.ru/commentary/68689, accessed 31.01.2019 (in Russian).",
        );
        assert_eq!(
            t.url.as_deref(),
            Some("https://carnegie.ru/commentary/68689")
        );
        assert_eq!(t.accessed, Some(Date::ymd(2019, 1, 31)));
        assert_eq!(t.language, Some("ru"));
        assert_eq!(
            t.body,
            "Brown J. (2017) Title. Carnegie Moscow Center, April 18, 2018"
        );
    }

    #[test]
    fn glued_accessed_is_a_defect() {
        let t = cut_tail(
            "P. Title. The Diplomat, May 4, 2017. Available at: https://thediplomat.com/2017/05/x/,accessed 31.01.2019.",
        );
        assert_eq!(t.url.as_deref(), Some("https://thediplomat.com/2017/05/x/"));
        assert_eq!(t.accessed, Some(Date::ymd(2019, 1, 31)));
        assert_eq!(t.defects.len(), 1);
        assert_eq!(t.body, "P. Title. The Diplomat, May 4, 2017");
    }

    #[test]
    fn text_glued_to_a_doi_is_no_part_of_it() {
        let t = cut_tail(
            "X. Y. 55 (2005) 229, doi:10.1146/annurev.nucl.55.090704.151502,arXiv:hep-ph/0502182.",
        );
        assert_eq!(
            t.doi.as_deref(),
            Some("10.1146/annurev.nucl.55.090704.151502")
        );
        let t = cut_tail(
            "X. Phys. Rev. D 7 (1973). doi:10.1103/PhysRevD.7.2333.URL https://link.aps.org/x",
        );
        assert_eq!(t.doi.as_deref(), Some("10.1103/PhysRevD.7.2333"));
        let t = cut_tail("X. Y. doi: 10.1007/BF02345020.URLhttps://doi.org/10.1007/BF02345020.");
        assert_eq!(t.doi.as_deref(), Some("10.1007/BF02345020"));
        // parentheses belong to some DOIs
        let t = cut_tail("X. JHEP. doi:10.1007/JHEP06(2010)043");
        assert_eq!(t.doi.as_deref(), Some("10.1007/JHEP06(2010)043"));
    }

    #[test]
    fn doi_forms() {
        let t =
            cut_tail("X. Source, no 3, pp. 42-65 (in Russian). DOI: 10.24411/2500-2872-2016-00021");
        assert_eq!(t.doi.as_deref(), Some("10.24411/2500-2872-2016-00021"));
        assert_eq!(t.body, "X. Source, no 3, pp. 42-65");
        let t = cut_tail("X. Y. https://doi.org/10.1000/abc.def.");
        assert_eq!(t.doi.as_deref(), Some("10.1000/abc.def"));
        assert_eq!(t.url, None);
        assert_eq!(t.body, "X. Y");
    }

    #[test]
    fn other_languages() {
        assert_eq!(cut_tail("T. (In Russ.)").language, Some("ru"));
        assert_eq!(cut_tail("T. [in German]").language, Some("de"));
        assert_eq!(cut_tail("Life in Japan (2019)").language, None);
    }
}
