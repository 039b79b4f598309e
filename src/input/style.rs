//! Which citation style an entry is printed in, and which style a whole list is printed in.
//!
//! One entry is read for cues that styles do not share: how the first author is printed
//! ("A. B. Family", "Family AB", "Family I.I.", "Family, I.", "Family, First"), where the year
//! stands ("(2016).", "(2016) ", ". 2016.", or late in the entry), how the locators are printed
//! ("2016;12(3):42-65", "12(3), 42-65", "12(3), pp. 42-65", "12 (3): 42-65",
//! "12, no. 3 (2016): 42-65", "vol. 12, no. 3, 2016, pp. 42-65"), the quotation marks around a
//! title, "&" between authors, editor and access markers. Each cue adds to or takes from a
//! score per style; an entry whose best style leads clearly is *definite*, one whose best
//! styles are close is *ambiguous* and keeps the set of styles it is compatible with.
//!
//! A list is then read as a whole ([`detect_list_style`]): the style most of its definite
//! entries share is the list's style, and an ambiguous entry that is compatible with it takes
//! it, while an entry that clearly differs keeps its own.

use crate::model::{Reference, Style};
use crate::text::normalize;

use super::authors::is_dotted_initials;
use super::scan::{
    contains_str, find_byte, find_from, first_year, has_cyrillic, prefix_at_most, rfind_byte,
    rfind_str, words, year_at,
};
use super::segment::split_label;

/// How many bytes of an entry are read for cues: styles show themselves early.
const STYLE_BYTES: usize = 700;

/// Every style, in the order of the score table: [`Style::ALL`]'s.
const STYLES: [Style; 8] = Style::ALL;

/// Score table index of a style.
fn ix(s: Style) -> usize {
    match s {
        Style::RussianLatin => 0,
        Style::Gost => 1,
        Style::Apa => 2,
        Style::Harvard => 3,
        Style::Chicago => 4,
        Style::Mla => 5,
        Style::Vancouver => 6,
        Style::Ieee => 7,
    }
}

/// What the cues of one entry say about its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StyleGuess {
    /// The best-scoring style, when one leads (ties give `None`).
    pub best: Option<Style>,
    /// Whether `best` leads clearly enough to stand against the list's style.
    pub definite: bool,
    /// The styles the entry does not contradict and that score close to the best, one bit
    /// per style in [`STYLES`] order.
    compatible: u8,
}

impl StyleGuess {
    /// Whether the entry could be printed in `style`.
    pub fn is_compatible(&self, style: Style) -> bool {
        self.compatible & (1 << ix(style)) != 0
    }
}

/// How the first author is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "A. B. Family" (IEEE).
    InitialsFirst,
    /// "Family AB" (Vancouver, AMA).
    FamilyCaps,
    /// "Family E." — one initial with no comma: Vancouver's sentence dot or the seed's initial.
    FamilySingle,
    /// "Family I.I." (the seed's style).
    FamilyDotted,
    /// "Family, I. I." (APA, Harvard).
    CommaInitials,
    /// "Family, First" (Chicago, MLA).
    CommaGiven,
    /// An organisation, a title first, or anything else.
    Other,
}

/// Where the year stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum YearPos {
    /// "(2016)." right after the authors.
    ParenDot,
    /// "(2016) Title" right after the authors.
    ParenBare,
    /// "Authors. 2016. Title" (Chicago author-date, some Harvard).
    BareDot,
    /// Further on, in the imprint or the locators.
    Late,
    /// No year at all.
    None,
}

/// Whether `pat` occurs in `hay` (memchr on the pattern's rarest char).
fn has(hay: &str, pat: &str) -> bool {
    find_from(hay, pat, 0).is_some()
}

/// Particles before a family name ("van der Berg", "de la Cruz", "von Neumann").
fn is_particle(t: &str) -> bool {
    // every particle is short: lower-cased on the stack, not in a new String
    let mut buf = [0u8; 5];
    let Some(b) = buf.get_mut(..t.len()) else {
        return false;
    };
    super::scan::lower_into(b, t.as_bytes());
    matches!(
        &*b,
        b"van"
            | b"von"
            | b"der"
            | b"den"
            | b"de"
            | b"la"
            | b"le"
            | b"du"
            | b"da"
            | b"di"
            | b"del"
            | b"della"
            | b"dos"
            | b"das"
            | b"ter"
            | b"ten"
            | b"zu"
            | b"bin"
            | b"al"
            | b"el"
    )
}

/// "AB", "E" — capitals with no dots, as Vancouver prints initials.
fn is_bare_caps(t: &str) -> bool {
    // ASCII (most words): the byte tests, without char decoding
    if t.is_ascii() {
        return (1..=3).contains(&t.len()) && t.bytes().all(|x| x.is_ascii_uppercase());
    }
    let n = t.chars().count();
    (1..=3).contains(&n) && t.chars().all(char::is_uppercase)
}

/// "Dmitry", "Marie-Luise", "D'Arcy": a capital, two letters or more, and capitalised parts.
fn is_given_name(g: &str) -> bool {
    if g.is_ascii() {
        // most names: read as bytes, where char decoding and the Unicode tables cost a few
        // hundred instructions a name
        let b = g.as_bytes();
        let mut part_start = true;
        for &x in b {
            if x == b'-' {
                part_start = true;
            } else if part_start {
                part_start = false;
            } else if !(x.is_ascii_lowercase() || x == b'\'') {
                return false;
            }
        }
        return b.first().is_some_and(u8::is_ascii_uppercase)
            && b.iter().filter(|x| x.is_ascii_alphabetic()).count() >= 2;
    }
    let letters = g.chars().filter(|c| c.is_alphabetic()).count();
    let word_like = g
        .split('-')
        .all(|part| part.chars().skip(1).all(|c| c.is_lowercase() || c == '\''));
    g.starts_with(char::is_uppercase) && letters >= 2 && word_like
}

/// The first words of an entry, up to eight of its first 160 bytes, cut as they are asked
/// for: the author form is most often told by two or three of them.
struct LeadWords<'a> {
    words: super::scan::Words<'a>,
    toks: [&'a str; 8],
    n: usize,
}

impl<'a> LeadWords<'a> {
    fn new(t: &'a str) -> Self {
        LeadWords {
            words: words(prefix_at_most(t, 160)),
            toks: [""; 8],
            n: 0,
        }
    }

    /// Word `i`, as `words(…).take(8).nth(i)` would give it.
    fn get(&mut self, i: usize) -> Option<&'a str> {
        while self.n <= i && self.n < self.toks.len() {
            let w = self.words.next()?;
            self.toks[self.n] = w;
            self.n += 1;
        }
        self.toks[..self.n].get(i).copied()
    }
}

fn author_form(t: &str) -> Form {
    let mut toks = LeadWords::new(t);
    let mut i = 0;
    // initials first: "A. B. Family", "J.-P. Family"
    while let Some(w) = toks.get(i)
        && is_dotted_initials(w.trim_end_matches(','))
    {
        i += 1;
    }
    if i > 0 {
        let starts_upper = toks
            .get(i)
            .is_some_and(|w| w.starts_with(char::is_uppercase) || is_particle(w));
        // "Family, I." has the comma on the family; here the initials come before any comma
        return if starts_upper && !toks.toks[..i].iter().any(|w| w.ends_with(',')) {
            Form::InitialsFirst
        } else {
            Form::Other
        };
    }
    while toks.get(i + 1).is_some()
        && let Some(w) = toks.get(i)
        && is_particle(w)
    {
        i += 1;
    }
    let Some(family) = toks.get(i) else {
        return Form::Other;
    };
    if !family.starts_with(char::is_uppercase) {
        return Form::Other;
    }
    let Some(next) = toks.get(i + 1) else {
        return Form::Other;
    };
    if family.ends_with(',') {
        let g = next.trim_end_matches([',', ';']);
        if is_dotted_initials(g) {
            return Form::CommaInitials;
        }
        return if is_given_name(g.trim_end_matches('.')) {
            Form::CommaGiven
        } else {
            Form::Other
        };
    }
    if family.ends_with(['.', ':', ';']) {
        return Form::Other;
    }
    let g = next.trim_end_matches([',', ';']);
    if let Some(core) = g.strip_suffix('.') {
        if is_bare_caps(core) && core.chars().count() == 1 {
            return Form::FamilySingle;
        }
        if is_bare_caps(core) {
            return Form::FamilyCaps;
        }
    }
    if is_bare_caps(g) && next.ends_with(',') || is_bare_caps(g) && g.chars().count() >= 2 {
        return Form::FamilyCaps;
    }
    if is_dotted_initials(g) {
        return Form::FamilyDotted;
    }
    Form::Other
}

/// Where the year stands; `cues` is the cue scan of `t`, which found the first "(n.d.)" and
/// " '" already.
fn year_position(t: &str, cues: &Cues) -> YearPos {
    let head = prefix_at_most(t, 260);
    // the first "(n.d.)" of `head` is the text's first when it ends inside `head`;
    // "(n.d.)." holds "(n.d.)": the second search runs only where the first found one
    let k = cues.no_date_at;
    if k < head.len() && head.len() - k >= 6 {
        return if find_from(head, "(n.d.).", k).is_some() {
            YearPos::ParenDot
        } else {
            YearPos::ParenBare
        };
    }
    let Some(pos) = first_year_at(t) else {
        return YearPos::None;
    };
    let pre = &t[..pos];
    // '"' and " '" lie in `pre` when their quote is before `pos`
    let quoted_before = cues.quotes[0] < pos || cues.space_quote_at < pos;
    if pos > 250 || quoted_before {
        return YearPos::Late;
    }
    let after = &t[pos + 4..];
    let after = after
        .strip_prefix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(after);
    if pre.ends_with('(') {
        let Some(close) = find_byte(prefix_at_most(after, 30), b')') else {
            return YearPos::Late;
        };
        // "(2016, May 3)", "(2016a)"; "(Ed.) (2016)" too, but not "Journal 12 (2016): 42"
        if after[..close].contains(char::is_numeric) && !after.starts_with(',') {
            return YearPos::Late;
        }
        if pre
            .trim_end_matches('(')
            .trim_end()
            .ends_with(char::is_numeric)
        {
            return YearPos::Late;
        }
        return if after[close + 1..].starts_with('.') {
            YearPos::ParenDot
        } else {
            YearPos::ParenBare
        };
    }
    let bare_slot = (pre.ends_with(". ") || pre.ends_with(", ") && has(pre, " and "))
        && after.starts_with(['.', ',', ':'])
        && memchr::memchr(b':', pre.as_bytes()).is_none()
        && !pre.contains(char::is_numeric);
    if bare_slot {
        YearPos::BareDot
    } else {
        YearPos::Late
    }
}

/// Where [`first_year`] finds the first year of `t`. Every year it takes (1400..=2100)
/// starts with a '1' or a '2': eight bytes at a time are searched for those two, where the
/// search for any digit stopped at each page, volume and issue number.
fn first_year_at(t: &str) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let b = t.as_bytes();
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // a byte's low seven bits plus 0x4f reach 0x80 from '1' up, plus 0x4d from '3' up,
        // and no sum carries into the next byte; a byte with its high bit is neither
        let low = w & LOW7;
        let mut leads = low.wrapping_add(ONES * 0x4f) & !low.wrapping_add(ONES * 0x4d) & !w & HIGH;
        while leads != 0 {
            let j = i + (leads.trailing_zeros() / 8) as usize;
            if year_at(t, j).is_some() {
                return Some(j);
            }
            leads &= leads - 1;
        }
        i += 8;
    }
    (i..b.len()).find(|&j| matches!(b[j], b'1' | b'2') && year_at(t, j).is_some())
}

/// "Place: Publisher, 2016." at the end: a Chicago notes-bibliography imprint.
fn imprint_year_at_end(t: &str) -> bool {
    let e = t.trim_end().trim_end_matches('.');
    e.len() > 8
        && year_at(e, e.len() - 4).is_some()
        && e[..e.len() - 4].ends_with(", ")
        && rfind_str(&e[..e.len() - 4], ". ").is_some_and(|k| contains_str(&e[k..], ": "))
}

/// The cues of one entry, found in one pass over its bytes.
#[derive(Debug, Default)]
struct Cues {
    /// Where the first URL or DOI starts (the entry's length when none): locator cues are
    /// read only before it, where slashes, colons and digits are no link's.
    links_at: usize,
    /// "//" (GOST's separator before the source).
    double_slash: bool,
    /// "2016;12(3):42", "2016 Mar;12": the Vancouver locator.
    compact: bool,
    /// "Publisher; 2016." — Vancouver's imprint.
    semicolon_year: bool,
    /// "[Internet]", "[cited 2020 May 1]".
    internet: bool,
    /// "Available from:" (Vancouver).
    available_from: bool,
    /// "Available at:" (Harvard, the seed's style).
    available_at: bool,
    /// "(Accessed: 1 May 2020)" (Harvard).
    accessed_paren: bool,
    /// "[Online]", "(accessed May 1, 2020)" (IEEE).
    online: bool,
    /// ". Accessed 1 June 2020." (MLA).
    accessed_sentence: bool,
    /// "12 (3): 42" (Chicago author-date) or "12, no. 3 (2016): 42" (notes-bibliography).
    chicago_locator: bool,
    /// "12(3), 42" — APA's and Harvard's volume(issue).
    volume_issue: bool,
    /// ", vol. ".
    vol: bool,
    /// ", 2016, pp." — MLA puts the year before the pages.
    year_then_pages: bool,
    /// "(pp. 42-65)" (APA chapters).
    paren_pp: bool,
    /// "pp. " elsewhere.
    pp: bool,
    /// ", no 3" (the seed's style).
    no_without_dot: bool,
    /// "(in Russian)".
    in_russian: bool,
    /// "(2016) 'Title', Journal" — Harvard's single marks around a title.
    single_quoted: bool,
    /// Where the first " '" ends (at its quote; `usize::MAX` when there is none), for
    /// [`year_position`]'s quoted title before the year.
    space_quote_at: usize,
    /// Where the first "(n.d.)" starts (`usize::MAX` when there is none), for
    /// [`year_position`]'s missing year.
    no_date_at: usize,
    /// Where the first two '"' are (`usize::MAX` when there are fewer): the double-quoted
    /// title of [`quote_close`] and [`year_position`]'s quoted title before the year.
    quotes: [usize; 2],
    /// " & " among the authors.
    ampersand: bool,
    /// " and " among the authors.
    and: bool,
    /// "(Ed.)", "(Eds.)" (APA).
    ed_upper: bool,
    /// "(ed.)", "(eds)", "(eds.)" (Harvard, the seed's style).
    ed_lower: bool,
    /// "2nd edn" (Harvard).
    edn: bool,
    /// ", editor." (Vancouver).
    editor_word: bool,
    /// "In: ".
    in_colon: bool,
    /// " In " (Chicago, APA).
    in_word: bool,
    /// "edited by", "Edited by" (Chicago, MLA).
    edited_by: bool,
    /// ", Ed." (IEEE).
    ieee_ed: bool,
}

/// The byte pairs that can start a cue: a bit per (byte, next byte), set where an arm of
/// [`scan_cues`]'s match can fire ("ht" for "http", ",v" for ", vol. ", "(A" for
/// "(Accessed", any pair after "'" …). Most bytes of an entry start no such pair and are
/// passed over with one look-up; testing single bytes stopped at every "a", "e" and "p".
static CUE_PAIRS: [u64; 1024] = {
    // ". '" is read at its quote, as ", '" and ") '" are: ". " is the commonest pair of an
    // entry, and stopping at each cost more than the quote's own stops
    // " and ", "edited by" and "edn" are read at their 'd' (see the 'd' arm). After a ','
    // the byte paired is the one after the next (see `may_start_cue`): ", vol. ", ", no ",
    // ", pp.", ", p. ", ", editor", ", Ed." are told by it, and most ", " are followed by
    // none of these letters.
    const PAIRS: [&[u8; 2]; 32] = [
        b"ht", b"ww", b"do", b"DO", b"//", b"; ", b"[I", b"[c", b"[O", b"Av", b"Ac", b"(A", b"(a",
        b"(i", b"(p", b"(E", b"(e", b"(n", b"):", b"),", b",v", b",n", b",p", b",e", b",E", b"pp",
        b"& ", b"d ", b"di", b"dn", b"Ed", b"In",
    ];
    const fn set(t: &mut [u64; 1024], a: u8, b: u8) {
        let k = (a as usize) << 8 | b as usize;
        t[k >> 6] |= 1 << (k & 63);
    }
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < PAIRS.len() {
        set(&mut t, PAIRS[k][0], PAIRS[k][1]);
        k += 1;
    }
    // ";" before a digit ("2016;12"), "'" before anything (its arm looks back), and '"'
    // before anything: the scan keeps where the first two are for the title's closing mark
    // and the year's place, where memchr calls on short text cost more than these few stops
    let mut d = b'0';
    while d <= b'9' {
        set(&mut t, b';', d);
        d += 1;
    }
    let mut n = 0;
    while n < 256 {
        set(&mut t, b'\'', n as u8);
        set(&mut t, b'"', n as u8);
        n += 1;
    }
    t
};

/// The first bytes of the pairs in [`CUE_PAIRS`]: a byte that starts none (most letters,
/// digits and spaces) is passed over with one look-up in a table that stays in the cache.
static CUE_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < CUE_PAIRS.len() * 64 {
        if CUE_PAIRS[k >> 6] >> (k & 63) & 1 != 0 {
            t[k >> 8] = true;
        }
        k += 1;
    }
    t
};

/// Whether the bytes at `i` and after it can start a cue (see [`CUE_PAIRS`]): byte `i` and
/// the next, or after a ',' the one after that (the ',' arm's cues all start ", ").
fn may_start_cue(b: &[u8], i: usize) -> bool {
    let step = if b[i] == b',' { 2 } else { 1 };
    let next = b.get(i + step).copied().unwrap_or(0);
    let k = usize::from(b[i]) << 8 | usize::from(next);
    CUE_PAIRS[k >> 6] >> (k & 63) & 1 != 0
}

/// For two bytes `x`, `y` (at `x | y << 8`, as two bytes read little-endian give it): whether
/// a cue can start at `x`: its pair is in [`CUE_PAIRS`], or it is a ',', whose pair is read a
/// byte further on. One look-up tells most bytes apart, where the first byte alone let
/// through every 'd', 'p', 'h' of the words.
static CUE_TWO: [bool; 1 << 16] = {
    let mut t = [false; 1 << 16];
    let mut k = 0;
    while k < t.len() {
        let (x, y) = (k & 0xff, k >> 8);
        let pair = x << 8 | y;
        t[k] = x == b',' as usize || CUE_PAIRS[pair >> 6] >> (pair & 63) & 1 != 0;
        k += 1;
    }
    t
};

/// The first byte at or after `from` that can start a cue. A function of its own, not
/// inlined: in the cue match's loop every passed byte carried that loop's counters and
/// spills, here the search keeps to a few registers.
#[inline(never)]
fn next_cue_start(b: &[u8], from: usize) -> Option<usize> {
    // eight bytes a round while nine are left (the eighth's pair needs the ninth): the bound
    // test and the counter step are paid once for eight look-ups
    let mut i = from;
    while let Some(w) = b.get(i..i + 9) {
        for k in 0..8 {
            let pair = u16::from_le_bytes(w[k..k + 2].try_into().unwrap_or([0; 2]));
            if CUE_TWO[usize::from(pair)] && may_start_cue(b, i + k) {
                return Some(i + k);
            }
        }
        i += 8;
    }
    while i < b.len() {
        if CUE_FIRST[usize::from(b[i])] && may_start_cue(b, i) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Walks the entry once, stopping only at the bytes that can start a cue.
fn scan_cues(t: &str) -> Cues {
    let b = t.as_bytes();
    let mut c = Cues {
        links_at: t.len(),
        quotes: [usize::MAX; 2],
        space_quote_at: usize::MAX,
        no_date_at: usize::MAX,
        ..Cues::default()
    };
    let at = |i: usize, p: &str| b.len() >= i + p.len() && &b[i..i + p.len()] == p.as_bytes();
    let after_space = |i: usize| i > 0 && b[i - 1] == b' ';
    let mut next = 0;
    while let Some(i) = next_cue_start(b, next) {
        next = i + 1;
        let in_head = i < c.links_at;
        match b[i] {
            b'h' if at(i, "http") => c.links_at = c.links_at.min(i),
            b'w' if at(i, "www.") => c.links_at = c.links_at.min(i),
            b'd' | b'D' if at(i, "doi:") || at(i, "DOI:") => c.links_at = c.links_at.min(i),
            // " and " read at its 'd', "edited by" and "edn" at their 'd': their 'a' and 'e'
            // are the commonest letters of an entry, where the scan then stopped for nothing.
            // The 'd' is no link's start, nor is the 'e' before it, so `in_head` is what it
            // was at that 'e'.
            b'd' => match b.get(i + 1) {
                Some(b' ') if (3..202).contains(&i) && b[i - 3] == b' ' && at(i - 2, "and ") => {
                    c.and = true;
                }
                Some(b'i' | b'n') if in_head && i >= 1 && b[i - 1] == b'e' => {
                    c.edited_by |= at(i - 1, "edited by");
                    c.edn |= i >= 2 && b[i - 2] == b' ' && at(i - 1, "edn");
                }
                _ => {}
            },
            b'/' if in_head && at(i, "//") => c.double_slash = true,
            b';' if in_head => {
                let next = b.get(i + 1).copied();
                if next.is_some_and(|d| d.is_ascii_digit()) {
                    let mut start = i.saturating_sub(12);
                    while !t.is_char_boundary(start) {
                        start += 1;
                    }
                    if first_year(&t[start..i]).is_some() {
                        c.compact = true;
                    }
                } else if next == Some(b' ')
                    && year_at(t, i + 2).is_some()
                    && !b.get(i + 6).is_some_and(u8::is_ascii_digit)
                {
                    c.semicolon_year = true;
                }
            }
            b'[' => {
                c.internet |= at(i, "[Internet]") || at(i, "[cited ");
                c.online |= at(i, "[Online]");
            }
            b'A' => {
                c.available_from |= at(i, "Available from");
                c.available_at |= at(i, "Available at");
                c.accessed_sentence |= i >= 2 && at(i - 2, ". Accessed ");
            }
            // the byte after the '(' tells which one cue can be there
            b'(' => match b.get(i + 1) {
                Some(b'A') => c.accessed_paren |= at(i, "(Accessed"),
                Some(b'a') => c.online |= at(i, "(accessed "),
                Some(b'i') => c.in_russian |= at(i, "(in Russian)"),
                Some(b'n') if c.no_date_at == usize::MAX && at(i, "(n.d.)") => c.no_date_at = i,
                Some(b'p') if in_head => c.paren_pp |= at(i, "(pp. "),
                Some(b'E') if in_head => c.ed_upper |= at(i, "(Ed.)") || at(i, "(Eds.)"),
                Some(b'e') if in_head => {
                    c.ed_lower |= at(i, "(ed.)") || at(i, "(eds)") || at(i, "(eds.)");
                }
                _ => {}
            },
            b')' if in_head => {
                if at(i, "): ") {
                    c.chicago_locator |= chicago_at(t, i);
                } else if at(i, "), ") {
                    c.volume_issue |= volume_issue_at(t, i);
                }
            }
            // ", " and the byte after it tell which one cue can be there
            b',' if in_head => match b.get(i + 2) {
                Some(b'v') => c.vol |= at(i, ", vol. "),
                Some(b'n') => {
                    c.no_without_dot |=
                        at(i, ", no ") && b.get(i + 5).is_some_and(u8::is_ascii_digit);
                }
                Some(b'p')
                    if (at(i, ", pp.") || at(i, ", p. "))
                        && i >= 4
                        && year_at(t, i - 4).is_some() =>
                {
                    c.year_then_pages = true;
                }
                Some(b'e') => c.editor_word |= at(i, ", editor"),
                Some(b'E') => c.ieee_ed |= at(i, ", Ed.") || at(i, ", Eds."),
                _ => {}
            },
            b'\'' if i > 0 && b[i - 1] == b' ' => {
                c.space_quote_at = c.space_quote_at.min(i);
                // "(2016) 'Title'", ", 'Title'", ". 'Title'": the quote read here for all
                // three (no link starts at the space or the quote, so `in_head` is what it
                // was at the mark before them)
                if in_head && i >= 2 && matches!(b[i - 2], b')' | b',' | b'.') {
                    c.single_quoted |= single_quote_closes(t, i + 1);
                }
            }
            b'"' => {
                if c.quotes[0] == usize::MAX {
                    c.quotes[0] = i;
                } else if c.quotes[1] == usize::MAX {
                    c.quotes[1] = i;
                }
            }
            b'p' if in_head && at(i, "pp. ") && !(i > 0 && b[i - 1] == b'(') => c.pp = true,
            b'&' if i < 200 && after_space(i) && at(i, "& ") => c.ampersand = true,
            b'E' if in_head => c.edited_by |= at(i, "Edited by"),
            b'I' if in_head => {
                c.in_colon |= at(i, "In: ");
                c.in_word |= after_space(i) && at(i, "In ");
            }
            _ => {}
        }
    }
    c
}

/// Whether a single-quoted title opened just before `from` closes ("Title', Journal").
fn single_quote_closes(t: &str, from: usize) -> bool {
    let Some(rest) = t.get(from..) else {
        return false;
    };
    find_byte(rest, b'\'')
        .is_some_and(|k| rest[k + 1..].starts_with([',', '.', ' ']) || k + 1 == rest.len())
}

/// "12 (3): 42" or "12, no. 3 (2016): 42", with `close` at the ')'.
fn chicago_at(t: &str, close: usize) -> bool {
    let Some(open) = rfind_byte(&t[..close], b'(') else {
        return false;
    };
    let inner = &t[open + 1..close];
    let digits = !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let before = &t[..open];
    digits
        && before.ends_with(' ')
        && before
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || c == '.')
        && t[close + 3..].starts_with(|c: char| c.is_ascii_digit())
}

/// "12(3), 42", with `close` at the ')'.
fn volume_issue_at(t: &str, close: usize) -> bool {
    let Some(open) = rfind_byte(&t[..close], b'(') else {
        return false;
    };
    let inner = &t[open + 1..close];
    !inner.is_empty()
        && inner.len() <= 8
        && inner
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && t[..open].ends_with(|c: char| c.is_ascii_digit())
}

/// The closing mark of the first double-quoted title of `head` (a prefix of the text
/// `cues` were read from): '.' for Chicago and MLA, ',' for IEEE.
fn quote_close(head: &str, cues: &Cues) -> Option<char> {
    // the first two quotes of the text are the first two of `head` when they lie in it
    let [open, close] = cues.quotes;
    if open >= head.len() || close >= head.len() {
        return None;
    }
    head[..close].chars().next_back()
}

/// The style cues of one entry (label and all, normalised or not).
pub(crate) fn guess(text: &str) -> StyleGuess {
    let norm = normalize(prefix_at_most(text.trim(), STYLE_BYTES));
    guess_normalized(&norm)
}

/// [`guess`] on text that is normalised already (an entry as segmentation leaves it).
pub(crate) fn guess_normalized(text: &str) -> StyleGuess {
    let mut t = prefix_at_most(text.trim(), STYLE_BYTES);
    if let Some((_, rest)) = split_label(t) {
        t = rest.trim_start();
    }
    score(t)
}

fn score(t: &str) -> StyleGuess {
    match scores(t) {
        Some(s) => decide(&s),
        None => StyleGuess {
            best: Some(Style::Gost),
            definite: true,
            compatible: 1 << ix(Style::Gost),
        },
    }
}

/// Whether the first 200 bytes of `t` hold a Cyrillic letter ([`has_cyrillic`]). ASCII
/// text, most entries, is told by the high bits of eight bytes at a time: the standard
/// library's check, which `has_cyrillic` starts with, reads the bytes after its last 64 one
/// by one, most of a 200-byte head.
fn head_has_cyrillic(t: &str) -> bool {
    let head = prefix_at_most(t, 200);
    let b = head.as_bytes();
    let mut chunks = b.chunks_exact(8);
    let mut high = chunks.by_ref().fold(0u64, |acc, c| {
        acc | u64::from_le_bytes(c.try_into().unwrap_or([0; 8]))
    });
    for &x in chunks.remainder() {
        high |= u64::from(x);
    }
    high & 0x8080_8080_8080_8080 != 0 && has_cyrillic(head)
}

/// The score of each style in [`STYLES`] order; `None` for an entry in Cyrillic, which is
/// GOST's.
fn scores(t: &str) -> Option<[i32; 8]> {
    if head_has_cyrillic(t) {
        return None;
    }
    let mut s = [0i32; 8];
    let mut add = |style: Style, v: i32| s[ix(style)] += v;
    use Style::*;
    let form = author_form(t);
    match form {
        Form::InitialsFirst => {
            add(Ieee, 3);
            for st in [Apa, Harvard, Chicago, Mla, RussianLatin, Vancouver] {
                add(st, -3);
            }
        }
        Form::FamilyCaps => {
            add(Vancouver, 3);
            for st in [Apa, Harvard, Chicago, Mla, RussianLatin, Ieee] {
                add(st, -3);
            }
        }
        Form::FamilySingle => {
            add(Vancouver, 1);
            add(RussianLatin, 1);
            for st in [Apa, Harvard, Chicago, Mla, Ieee] {
                add(st, -3);
            }
        }
        Form::FamilyDotted => {
            add(RussianLatin, 2);
            add(Vancouver, -2);
            for st in [Apa, Harvard, Chicago, Mla, Ieee] {
                add(st, -3);
            }
        }
        Form::CommaInitials => {
            add(Apa, 2);
            add(Harvard, 2);
            for st in [Vancouver, RussianLatin, Ieee] {
                add(st, -3);
            }
        }
        Form::CommaGiven => {
            add(Chicago, 2);
            add(Mla, 2);
            add(Harvard, -2);
            for st in [Vancouver, RussianLatin, Ieee, Apa] {
                add(st, -3);
            }
        }
        Form::Other => {}
    }
    let c = scan_cues(t);
    match year_position(t, &c) {
        YearPos::ParenDot => {
            add(Apa, 2);
            add(Chicago, -2);
            for st in [Mla, Ieee, Vancouver] {
                add(st, -3);
            }
        }
        YearPos::ParenBare => {
            add(Harvard, 2);
            add(RussianLatin, 2);
            add(Apa, -1);
            add(Chicago, -2);
            for st in [Mla, Ieee, Vancouver] {
                add(st, -3);
            }
        }
        YearPos::BareDot => {
            add(Chicago, 2);
            add(Harvard, 2);
            add(Vancouver, -1);
            add(Ieee, -2);
            for st in [Apa, RussianLatin, Mla] {
                add(st, -3);
            }
        }
        YearPos::Late => {
            for st in [Apa, Harvard, RussianLatin] {
                add(st, -3);
            }
        }
        YearPos::None => {}
    }
    let head = &t[..c.links_at];
    add(Gost, if c.double_slash { 4 } else { -10 });
    if c.compact {
        add(Vancouver, 4);
    }
    if c.semicolon_year {
        add(Vancouver, 2);
    }
    if c.internet {
        add(Vancouver, 3);
    }
    if c.available_from {
        add(Vancouver, 2);
    }
    if c.available_at {
        add(Harvard, 1);
        add(RussianLatin, 1);
    }
    if c.accessed_paren {
        add(Harvard, 2);
    }
    if c.online {
        add(Ieee, 2);
    }
    if c.accessed_sentence {
        add(Mla, 1);
    }
    if c.chicago_locator {
        add(Chicago, 3);
    }
    if c.volume_issue {
        add(Apa, 1);
        add(Harvard, 1);
    }
    if c.vol {
        add(Mla, 1);
        add(Ieee, 1);
    }
    if c.year_then_pages {
        add(Mla, 3);
    }
    if c.paren_pp {
        add(Apa, 2);
    } else if c.pp {
        for st in [Harvard, Mla, Ieee, RussianLatin] {
            add(st, 1);
        }
    } else if c.volume_issue {
        add(Apa, 1);
    }
    if c.no_without_dot || c.in_russian {
        add(RussianLatin, 2);
    }
    match quote_close(head, &c) {
        Some('.') => {
            add(Chicago, 1);
            add(Mla, 1);
        }
        Some(',') => add(Ieee, 2),
        _ => {}
    }
    if c.single_quoted {
        add(Harvard, 2);
    }
    if c.ampersand {
        add(Apa, 2);
    } else if form == Form::CommaInitials && c.and {
        add(Harvard, 1);
    }
    if c.ed_upper {
        add(Apa, 2);
    }
    if c.ed_lower {
        add(Harvard, 2);
    }
    if c.edn {
        add(Harvard, 1);
    }
    if c.editor_word {
        add(Vancouver, 2);
    }
    if c.in_colon {
        add(Vancouver, 1);
        add(RussianLatin, 1);
    }
    if c.in_word {
        // "Title." In Book (Chicago), "Title. In B. Family (Ed.)" (APA); MLA prints no "In"
        add(Chicago, 1);
        add(Apa, 1);
    }
    if c.edited_by {
        add(Chicago, 1);
        add(Mla, 1);
    }
    if c.ieee_ed {
        add(Ieee, 1);
    }
    if form == Form::CommaGiven && imprint_year_at_end(head) {
        add(Chicago, 1);
    }
    Some(s)
}

/// The best style, whether it leads clearly, and the styles that score close to it.
fn decide(s: &[i32; 8]) -> StyleGuess {
    let (best, top, second) = lead(s);
    let definite = best.is_some() && top >= 3 && top - second >= 2;
    let mut compatible = 0u8;
    for (i, &v) in s.iter().enumerate() {
        if v >= 0 && v >= top - 1 {
            compatible |= 1 << i;
        }
    }
    StyleGuess {
        best,
        definite,
        compatible,
    }
}

/// The best style of [`decide`] (when one leads), with the top score and the second.
fn lead(s: &[i32; 8]) -> (Option<Style>, i32, i32) {
    // one pass: the first highest score, and the highest of the others (a tie with the top
    // included)
    let (mut top_i, mut top, mut second) = (0, s[0], i32::MIN);
    for (i, &v) in s.iter().enumerate().skip(1) {
        if v > top {
            second = top;
            (top_i, top) = (i, v);
        } else if v > second {
            second = v;
        }
    }
    let best = (top >= 2 && top > second).then_some(STYLES[top_i]);
    (best, top, second)
}

/// The style one entry is printed in, when its cues point to one; `None` when unsure. Only
/// the best style of [`decide`] is made: the parse keeps no more.
pub(crate) fn entry_style(body: &str) -> Option<Style> {
    match scores(prefix_at_most(body, STYLE_BYTES)) {
        Some(s) => lead(&s).0,
        None => Some(Style::Gost),
    }
}

/// Detects the style of a whole list and gives it to the entries that fit it.
///
/// Each entry is read on its own first (see [`Reference::style`]). The list's style is the
/// one most of its *definite* entries share (those whose own cues point clearly to one style;
/// when none is definite, the most frequent best guess). An entry whose cues are ambiguous or
/// weak takes the list's style when nothing in it contradicts that style; an entry that
/// clearly differs keeps its own. Returns the list's style, `None` for an empty list or one
/// with no recognisable entry. [`read_document`](crate::read_document) calls this on every
/// list it reads.
///
/// ```
/// use citegraph::{Style, detect_list_style, parse_reference};
///
/// let mut refs: Vec<_> = [
///     "Brown, J. K., & Smith, A. (2017). A study of things. Journal of Stuff, 12(3), 42-65.",
///     "Lee, K. (2019). Another study. Journal of Stuff, 14(1), 1-9.",
///     "Jones, M. (2015). A book of things. Routledge.",
///     "Garfield E. Citation indexes for science. Science. 1955;122(3159):108-111.",
/// ]
/// .iter()
/// .map(|s| parse_reference(s).0)
/// .collect();
/// assert_eq!(detect_list_style(&mut refs), Some(Style::Apa));
/// assert_eq!(refs[2].style, Some(Style::Apa));
/// assert_eq!(refs[3].style, Some(Style::Vancouver));
/// ```
pub fn detect_list_style(refs: &mut [Reference]) -> Option<Style> {
    let guesses: Vec<StyleGuess> = refs.iter().map(|r| guess(&r.raw)).collect();
    apply_list_style(refs, &guesses)
}

/// [`detect_list_style`] with each entry's guess made already (`guesses[i]` for `refs[i]`;
/// entries without a guess are left as they are).
pub(crate) fn apply_list_style(refs: &mut [Reference], guesses: &[StyleGuess]) -> Option<Style> {
    let mut definite = [0usize; 8];
    let mut any = [0usize; 8];
    for g in guesses {
        if let Some(b) = g.best {
            any[ix(b)] += 1;
            if g.definite {
                definite[ix(b)] += 1;
            }
        }
    }
    let counts = if definite.iter().any(|&c| c > 0) {
        definite
    } else {
        any
    };
    // the most frequent; on a tie the style met first in the list
    let max = counts.iter().copied().max().unwrap_or(0);
    if max == 0 {
        return None;
    }
    let list_style = guesses
        .iter()
        .filter_map(|g| g.best)
        .find(|b| counts[ix(*b)] == max)?;
    for (r, g) in refs.iter_mut().zip(guesses) {
        if !r.parsed {
            continue;
        }
        r.style = if g.definite {
            g.best
        } else if g.is_compatible(list_style) {
            Some(list_style)
        } else {
            g.best.or(r.style)
        };
    }
    Some(list_style)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(s: &str) -> StyleGuess {
        guess(s)
    }

    #[test]
    fn author_forms() {
        assert_eq!(author_form("A. B. Family, \"T,\""), Form::InitialsFirst);
        assert_eq!(author_form("Family AB, Other CD."), Form::FamilyCaps);
        assert_eq!(author_form("van der Berg AB, Other CD."), Form::FamilyCaps);
        assert_eq!(author_form("Family I.I. (2016)"), Form::FamilyDotted);
        assert_eq!(
            author_form("Family, I. I., & Other, J."),
            Form::CommaInitials
        );
        assert_eq!(
            author_form("de la Cruz, María, and J. Doe."),
            Form::CommaGiven
        );
        assert_eq!(
            author_form("World Health Organization. Title."),
            Form::Other
        );
    }

    #[test]
    fn definite_entries() {
        let cases = [
            (
                "Family, I. I., & Other, J. (2016). Title. Journal, 12(3), 42-65.",
                Style::Apa,
            ),
            (
                "Family, I. (2016) Title. Journal, 12(3), pp. 42-65.",
                Style::Harvard,
            ),
            (
                "Family, First, and First Other. 2016. \"Title.\" Journal 12 (3): 42-65.",
                Style::Chicago,
            ),
            (
                "Family, First. \"Title.\" Journal 12, no. 3 (2016): 42-65.",
                Style::Chicago,
            ),
            (
                "Family, First, and First Other. \"Title.\" Journal, vol. 12, no. 3, 2016, pp. 42-65.",
                Style::Mla,
            ),
            (
                "[1] A. B. Family, \"Title,\" Journal, vol. 3, no. 2, pp. 1-10, 2016.",
                Style::Ieee,
            ),
            (
                "Family AB, Other CD. Title. Journal. 2016;12(3):42-65.",
                Style::Vancouver,
            ),
            (
                "Streltsov D.V. (2012) Japan. Vestnik MGU, no 3, pp. 72-95.",
                Style::RussianLatin,
            ),
            (
                "Стрельцов Д.В. Название // Японские исследования. 2016. № 3. С. 42-65.",
                Style::Gost,
            ),
        ];
        for (text, style) in cases {
            let got = g(text);
            assert_eq!(got.best, Some(style), "{text}");
            assert!(got.definite, "{text}");
        }
    }

    #[test]
    fn hyphenated_given_names_and_in_books() {
        let got = g("Franz, Marie-Luise. Projection. La Salle, Ill.: Open Court, 1980.");
        assert_eq!(got.best, Some(Style::Chicago));
        let got = g(
            "Berry, Wendell. \"Farming.\" In Another Turn of the Crank. Washington, D.C.: Counterpoint, 1995, 1-7.",
        );
        assert_eq!(got.best, Some(Style::Chicago));
    }

    #[test]
    fn ambiguous_entries_stay_open() {
        let got = g("Family, First. Title. Publisher, 2016.");
        assert!(!got.definite);
        assert!(got.is_compatible(Style::Mla) && got.is_compatible(Style::Chicago));
        let got = g("World Health Organization. Title. Geneva: WHO; 2019.");
        assert!(got.is_compatible(Style::Vancouver));
    }

    #[test]
    fn cues_read_at_a_later_byte() {
        // (text, and, edited by, edn, single quoted)
        let cases = [
            ("and X, edited by Y", false, true, false, false),
            ("X and Y (ed.) 2nd edn", true, false, true, false),
            ("edn. X", false, false, false, false),
            ("Xand Y, Edited by Z", false, true, false, false),
            ("X (2016) 'T', J", false, false, false, true),
            ("X. 'T'. J", false, false, false, true),
            ("X, 'T' J", false, false, false, true),
            ("X 'T' J", false, false, false, false),
            // "and" is read in the first 200 bytes, links or not; the rest only before links
            ("https://x.org/a and b edited by", true, false, false, false),
        ];
        for (text, and, edited_by, edn, single_quoted) in cases {
            let c = scan_cues(text);
            assert_eq!(
                (c.and, c.edited_by, c.edn, c.single_quoted),
                (and, edited_by, edn, single_quoted),
                "{text}"
            );
        }
        let late = format!("{} and X", "x".repeat(199));
        assert!(!scan_cues(&late).and);
        let early = format!("{} and X", "x".repeat(198));
        assert!(scan_cues(&early).and);
    }

    #[test]
    fn lead_as_max_then_max_of_the_others() {
        // the two-pass reading `lead` was first written as
        fn by_two_passes(s: &[i32; 8]) -> (usize, i32, i32) {
            let mut top_i = 0;
            for i in 1..8 {
                if s[i] > s[top_i] {
                    top_i = i;
                }
            }
            let second = (0..8).filter(|&i| i != top_i).map(|i| s[i]).max();
            (top_i, s[top_i], second.unwrap_or(i32::MIN))
        }
        // scores of a few values, many ties among them
        let mut x = 12345u32;
        for _ in 0..20000 {
            let mut s = [0i32; 8];
            for v in &mut s {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                *v = (x >> 16) as i32 % 7 - 3;
            }
            let (top_i, top, second) = by_two_passes(&s);
            let best = (top >= 2 && top > second).then_some(STYLES[top_i]);
            assert_eq!(lead(&s), (best, top, second), "{s:?}");
        }
    }

    /// Text of the bytes the helpers below turn on, ASCII and not.
    const CUE_TEXT: &str =
        "[ -~]{0,12}|\"|'|\\(|\\)|\\.|,|:| |\u{e9}|\u{436}|\u{d0}|http|2016|(n\\.d\\.)";

    proptest::proptest! {
        #[test]
        fn quotes_from_the_scan_are_the_byte_searches(
            parts in proptest::collection::vec(proptest::string::string_regex(CUE_TEXT).unwrap(), 0..40),
        ) {
            let t = parts.concat();
            let c = scan_cues(&t);
            // the memchr readings these replaced
            let head = &t[..c.links_at];
            let old_close = memchr::memchr(b'"', head.as_bytes()).and_then(|open| {
                let close = open + 1 + memchr::memchr(b'"', &head.as_bytes()[open + 1..])?;
                head[..close].chars().next_back()
            });
            proptest::prop_assert_eq!(quote_close(head, &c), old_close);
            for pos in 0..=t.len() {
                let old = memchr::memchr(b'"', &t.as_bytes()[..pos]).is_some();
                proptest::prop_assert_eq!(c.quotes[0] < pos, old);
            }
        }

        #[test]
        fn next_cue_start_is_the_byte_by_byte_search(
            bytes in proptest::collection::vec(proptest::sample::select(
                b",; ()[]&'\"/:.adehinpvwADEIOhtx09\xd0\xe9".to_vec()), 0..60),
            from in 0usize..60,
        ) {
            let from = from.min(bytes.len());
            let naive = (from..bytes.len()).find(|&i| CUE_FIRST[usize::from(bytes[i])] && may_start_cue(&bytes, i));
            proptest::prop_assert_eq!(next_cue_start(&bytes, from), naive);
        }

        #[test]
        fn given_names_as_bytes_are_given_names(g in "[A-Za-z\\-'.é]{0,10}") {
            let old = {
                let letters = g.chars().filter(|c| c.is_alphabetic()).count();
                let word_like = g
                    .split('-')
                    .all(|part| part.chars().skip(1).all(|c| c.is_lowercase() || c == '\''));
                g.starts_with(char::is_uppercase) && letters >= 2 && word_like
            };
            proptest::prop_assert_eq!(is_given_name(&g), old);
        }

        #[test]
        fn bare_caps_as_bytes_are_bare_caps(t in "[A-Za-z.é\u{c9}\u{436}\u{416}]{0,5}") {
            let n = t.chars().count();
            let old = (1..=3).contains(&n) && t.chars().all(char::is_uppercase);
            proptest::prop_assert_eq!(is_bare_caps(&t), old);
        }

        #[test]
        fn first_year_at_is_first_year(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "1", "2", "0", "9", "3", "14", "20", "2016", "1399", "2101", "1400", "2100", "(",
                " ", "x", "\u{e9}", "\u{b1}", "\u{431}", "12(3)", "42-65",
            ]), 0..40),
        ) {
            let t = parts.concat();
            proptest::prop_assert_eq!(first_year_at(&t), first_year(&t).map(|(p, _)| p));
        }

        #[test]
        fn head_cyrillic_is_has_cyrillic(
            parts in proptest::collection::vec(proptest::string::string_regex(CUE_TEXT).unwrap(), 0..80),
        ) {
            let t = parts.concat();
            proptest::prop_assert_eq!(head_has_cyrillic(&t), has_cyrillic(prefix_at_most(&t, 200)));
        }
    }

    #[test]
    fn hostile_text_is_fine() {
        for s in [
            "",
            "(",
            "\"",
            ";1",
            "): 1",
            "2016;",
            "a ( ): 9",
            "x, 2016, pp.",
            "é(2016)",
        ] {
            let _ = g(s);
        }
    }
}
