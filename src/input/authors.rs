//! The author slot: the run of person names a reference starts with ("Mikheev V.V.,
//! Fedorovskii A.N. (eds.)", "Brown, J., & Smith, K.", "A. B. Family, C. Family").
//!
//! Names are read only from the start of an entry, and each needs initials, so capitalised
//! words inside a title ("Kim Jong-UN", "Trump") can never become authors.

use std::cell::Cell;

use crate::model::PersonName;
use crate::text::normalize;

use super::scan::{first_whitespace, first_whitespace_or_comma, whitespace_run, year_at};

/// Names read from the front of a text, and where the names end.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuthorPrefix {
    /// The names, in printed order.
    pub names: Vec<PersonName>,
    /// Whether an editor marker ("(eds.)", "(ed.)", "eds.", "(ред.)") followed the names.
    pub editors: bool,
    /// Whether "et al." (or "и др.") closed the list.
    pub et_al: bool,
    /// Byte offset in the (normalised) text where the author slot ends.
    pub end: usize,
}

/// Reads the run of person names at the start of a reference: "Family I.I., Family I.I.",
/// "Family, I. I., & Family, I.", "I. I. Family, I. Family", "Family II, Family JK",
/// optionally followed by "et al." and an editor marker.
///
/// The text is normalised first (NFKC, plain dashes); `end` is an offset into
/// [`normalize`]d text, which equals the input for plain ASCII.
///
/// ```
/// use citegraph::parse_author_list;
///
/// let p = parse_author_list("Mikheev V.V., Fedorovskii A.N. (eds.) (2018) Report");
/// assert!(p.editors);
/// let names: Vec<String> = p.names.iter().map(|n| n.to_string()).collect();
/// assert_eq!(names, ["Mikheev V.V.", "Fedorovskii A.N."]);
/// // Capitalised words in the title are not names: only "Gabuev A." is read.
/// assert_eq!(parse_author_list("Gabuev A. (2018) As Kim Jong-UN Came out").names.len(), 1);
/// ```
pub fn parse_author_list(text: &str) -> AuthorPrefix {
    let text = normalize(text);
    author_prefix(&text)
}

/// A whitespace-separated token with its byte offset.
#[derive(Debug, Clone, Copy, Default)]
struct Tok<'a> {
    start: usize,
    text: &'a str,
}

impl Tok<'_> {
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Lazily splits on whitespace, keeping offsets; the author scan stops early, so a huge line
/// is never tokenised in full.
#[derive(Clone, Copy)]
struct Toks<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for Toks<'a> {
    type Item = Tok<'a>;
    // inlined into `Tokens::cut_to`, which calls it once per token
    #[inline]
    fn next(&mut self) -> Option<Tok<'a>> {
        let rest = &self.s[self.pos..];
        let lead = whitespace_run(rest);
        let trimmed = &rest[lead..];
        if trimmed.is_empty() {
            self.pos = self.s.len();
            return None;
        }
        let start = self.pos + lead;
        // "Stoffler,D." is "Stoffler," and "D.": a comma glued to a capital parts two tokens.
        // The first comma is found in the same pass as the whitespace.
        let len = match first_whitespace_or_comma(trimmed) {
            Some(k) if trimmed.as_bytes()[k] == b',' => {
                // the comma is one byte: `k + 1` starts a char
                let after = &trimmed[k + 1..];
                match after.as_bytes().first() {
                    // "Smith, J.": a comma before whitespace (most) or at the end closes
                    // the token
                    None => k + 1,
                    Some(&c) if is_ascii_space(c) => k + 1,
                    // a capital is no whitespace: it starts the token's rest after the
                    // comma exactly when it starts the text's
                    _ if k > 1
                        && after.starts_with(|c: char| c.is_uppercase())
                        && trimmed[..k]
                            .chars()
                            .all(|c| super::scan::is_alphabetic(c) || matches!(c, '-' | '\'')) =>
                    {
                        k + 1
                    }
                    _ => k + 1 + first_whitespace(after).unwrap_or(after.len()),
                }
            }
            Some(k) => k,
            None => trimmed.len(),
        };
        self.pos = start + len;
        Some(Tok {
            start,
            text: &trimmed[..len],
        })
    }
}

/// ASCII whitespace as `char::is_whitespace` has it (with the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The names must not run on for ever: real author lists in this style are short, and a
/// bound keeps the scan cheap on hostile input.
const MAX_NAMES: usize = 60;

/// Most author slots fit in a few tokens: [`author_prefix`] tries this many first and widens
/// the window only when the names run to its edge, so a typical entry is not tokenised in
/// full.
const WINDOW: usize = 16;

/// [`parse_author_list`] on text that is already normalised.
pub(crate) fn author_prefix(text: &str) -> AuthorPrefix {
    let mut toks = Tokens::new(text);
    let (small, used) = scan_names(&toks);
    if used + 4 < WINDOW {
        return small;
    }
    // the wide scan reads the tokens the small one cut again, and cuts on from there
    toks.widen();
    scan_names(&toks).0
}

/// [`author_prefix`], and whether the answer is also that of every text `text` is a prefix
/// of. It is when the small window decided and the scan stopped short of the last token it
/// was given (the one token a longer text may extend): the tokens it read are then those of
/// the longer text, and it reads nothing else. The learned parser reads the names of the
/// whole entry where the rules read them of the entry without its tail; this spares it a
/// second scan, also for entries shorter than the window.
pub(crate) fn author_prefix_extensible(text: &str) -> (AuthorPrefix, bool) {
    let mut toks = Tokens::new(text);
    let (prefix, used) = scan_names(&toks);
    if used + 4 < WINDOW {
        // `used` bounds the tokens the scan looked at, with the same margin as above; the
        // window holds token `used + 4` exactly when the text has that many
        let settled = toks.holds(used + 4);
        return (prefix, settled);
    }
    toks.widen();
    (scan_names(&toks).0, false)
}

/// The tokens of one author scan, cut from the text only when the scan first reaches them.
/// Most author slots end within a few tokens, and a window cut in full up front spent most
/// of its work on title words no test read. The scan's tests only read tokens, so they
/// borrow this shared and the cutting goes through cells.
struct Tokens<'a> {
    /// The scan's window: tokens from this index on do not exist for it.
    limit: usize,
    /// The splitter, where the last cut token ends.
    rest: Cell<Toks<'a>>,
    /// Whether the splitter has run out.
    done: Cell<bool>,
    /// How many tokens are cut.
    len: Cell<usize>,
    /// The first tokens (the small window, which most scans stay within).
    head: [Cell<Tok<'a>>; WINDOW],
    /// The tokens past the head, cut for the wide window only.
    tail: Cell<Vec<Tok<'a>>>,
}

impl<'a> Tokens<'a> {
    /// The tokens of `text`, within the small window.
    fn new(text: &'a str) -> Self {
        Tokens {
            limit: WINDOW,
            rest: Cell::new(Toks { s: text, pos: 0 }),
            done: Cell::new(false),
            len: Cell::new(0),
            head: Default::default(),
            tail: Cell::new(Vec::new()),
        }
    }

    /// Opens the wide window for a second scan; the tokens cut so far stay.
    fn widen(&mut self) {
        self.limit = MAX_NAMES * 5;
    }

    /// Token `i`, when the window holds one.
    #[inline]
    fn get(&self, i: usize) -> Option<Tok<'a>> {
        // the window is never narrower than the head
        if i < self.len.get()
            && let Some(t) = self.head.get(i)
        {
            return Some(t.get());
        }
        self.cut_to(i)
    }

    /// Whether the window holds token `i`: `get(i).is_some()`, answered where it can be
    /// without cutting the tokens up to `i` (the settled test asks about a token a few past
    /// the names, which nothing else reads).
    fn holds(&self, i: usize) -> bool {
        let len = self.len.get();
        if i < len || i >= self.limit || self.done.get() {
            return i < len.min(self.limit);
        }
        // An ASCII whitespace byte followed by a printable ASCII byte starts a token (tokens
        // hold no whitespace, and every char after whitespace begins one); past the last cut
        // token, each such start is a token not cut yet. Counting them undercounts (tokens
        // led by other chars, or glued after a comma, are missed; the words below count
        // spaces only), so enough of them settle the answer, and too few leave it to the
        // cutting.
        let rest = self.rest.get();
        let mut missing = i + 1 - len;
        // Eight bytes at a time, with per-byte masks that no carry crosses: the spaces
        // (`b ^ 0x20` is zero) and the bytes 0x21..=0x7F (the low seven bits plus 0x5F reach
        // the high bit, and the byte's own high bit is clear). A start is a printable byte
        // one above a space; a space in a word's top byte carries over to the next word.
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        let mut chunks = rest
            .s
            .as_bytes()
            .get(rest.pos..)
            .unwrap_or_default()
            .chunks_exact(8);
        let mut carry = 0;
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            let v = w ^ (ONES * 0x20);
            let space = !((v & LOW7).wrapping_add(LOW7) | v) & HIGH;
            let printable = (w & LOW7).wrapping_add(ONES * 0x5f) & !w & HIGH;
            let mut starts = ((space << 8) | carry) & printable;
            while starts != 0 {
                missing -= 1;
                if missing == 0 {
                    return true;
                }
                starts &= starts - 1;
            }
            carry = space >> 56;
        }
        // the last bytes one at a time, where any ASCII whitespace parts tokens
        let mut after_space = carry != 0;
        for &b in chunks.remainder() {
            if after_space && matches!(b, 0x21..=0x7f) {
                missing -= 1;
                if missing == 0 {
                    return true;
                }
            }
            after_space = is_ascii_space(b);
        }
        self.get(i).is_some()
    }

    /// [`Tokens::get`] for a token not cut yet or past the head: cuts up to token `i`.
    #[inline(never)]
    fn cut_to(&self, i: usize) -> Option<Tok<'a>> {
        if i >= self.limit {
            return None;
        }
        while self.len.get() <= i {
            if self.done.get() {
                return None;
            }
            let mut rest = self.rest.get();
            let Some(tok) = rest.next() else {
                self.done.set(true);
                return None;
            };
            self.rest.set(rest);
            let n = self.len.get();
            if let Some(slot) = self.head.get(n) {
                slot.set(tok);
            } else {
                let mut tail = self.tail.take();
                tail.push(tok);
                self.tail.set(tail);
            }
            self.len.set(n + 1);
        }
        if let Some(t) = self.head.get(i) {
            return Some(t.get());
        }
        let tail = self.tail.take();
        let tok = tail.get(i - WINDOW).copied();
        self.tail.set(tail);
        tok
    }
}

/// The author scan over the tokens given; also returns how many tokens it looked at.
fn scan_names(toks: &Tokens<'_>) -> (AuthorPrefix, usize) {
    let mut out = AuthorPrefix::default();
    let mut i = 0;
    // the token after the last name's
    let mut after = 0;
    while out.names.len() < MAX_NAMES {
        // separators between names
        let mut after_and = false;
        while !out.names.is_empty() && toks.get(i).is_some_and(|t| is_conjunction(t.text)) {
            i += 1;
            after_and = true;
        }
        // "Keohane, Robert O., and Joseph S. Nye.": Chicago and MLA invert only the first
        // name, printed with its full given name; after "and" the next reads given first
        // ("Joseph S." is no family name with its initials)
        // (the given name is looked at only after "and": this loop runs for every name)
        let full_given_before = || {
            out.names.last().is_some_and(|n| {
                n.given
                    .as_deref()
                    .and_then(|g| g.split_whitespace().next())
                    .is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 2)
            })
        };
        let given_first_next = if after_and && full_given_before() {
            given_first_at(toks, i, true)
        } else {
            None
        };
        // "S. Frixione, P. Nason, C. Oleari, Matching NLO QCD …": after a list printed
        // initials first, a word and bare capitals ("Family AB", Vancouver's form) is the
        // title's start, not one more name
        if !out.names.is_empty()
            && toks.get(0).is_some_and(|t| is_dotted_initials(t.text))
            && toks.get(i).is_some_and(|t| !is_dotted_initials(t.text))
            && toks
                .get(i + 1)
                .is_some_and(|t| is_bare_initials(t.text.trim_end_matches([',', '.'])))
        {
            break;
        }
        let Some((name, next, closed)) =
            given_first_next.or_else(|| name_at(toks, i, !out.names.is_empty()))
        else {
            break;
        };
        // a name ends on a token it read
        let Some(last) = next.checked_sub(1).and_then(|k| toks.get(k)) else {
            break;
        };
        out.names.push(name);
        out.end = last.end();
        after = next;
        i = next;
        let last = last.text;
        let continues = !closed && (last.ends_with(',') || last.ends_with(';'))
            || toks.get(i).is_some_and(|t| is_conjunction(t.text))
            || next_name_after_stop(toks, i, last);
        if !continues {
            break;
        }
    }
    if out.names.is_empty() {
        // a failed name looks ahead at most eight tokens
        return (out, i + 8);
    }
    // "et al." and editor markers may follow the last name: from the first token after it
    // (tokens do not overlap), or the window's end
    let mut j = after;
    if let Some(end) = et_al_at(toks, j)
        && let Some(last) = toks.get(end - 1)
    {
        out.et_al = true;
        out.end = last.end();
        j = end;
    }
    if let Some(t) = toks.get(j)
        && is_editor_marker(t.text)
    {
        out.editors = true;
        out.end = t.end();
    }
    // the scan looked at most a couple of tokens past `j`
    (out, j + 2)
}

/// "Keri, S. Kiss, I. (2009)" and "DUPONT, Jean. MARTIN, Paul.": names closed by a full stop
/// rather than a comma. The list goes on only when a "Family," follows with its initials (or,
/// for a family name in capitals, its given name) at once, which a title seldom does.
fn next_name_after_stop(toks: &Tokens<'_>, i: usize, last: &str) -> bool {
    if !last.ends_with('.') {
        return false;
    }
    let (Some(fam), Some(given)) = (toks.get(i), toks.get(i + 1)) else {
        return false;
    };
    let Some(core) = fam.text.strip_suffix(',') else {
        return false;
    };
    let given = given.text;
    (is_family_word(core) && is_dotted_initials(bare(given)))
        || (is_caps_family_word(core)
            && core.chars().count() > 2
            && (is_dotted_initials(bare(given))
                || (is_family_word(given.trim_end_matches('.')) && given.ends_with('.'))))
}

fn is_conjunction(t: &str) -> bool {
    matches!(t, "&" | "and" | "и" | "AND" | "und" | "et")
}

fn et_al_at(toks: &Tokens<'_>, j: usize) -> Option<usize> {
    let a = toks.get(j)?.text;
    if a.trim_end_matches([',', '.']) == "et" {
        let b = toks.get(j + 1)?.text;
        if b.starts_with("al") {
            return Some(j + 2);
        }
    }
    if a == "и" && toks.get(j + 1)?.text.starts_with("др") {
        return Some(j + 2);
    }
    if a.starts_with("et.al") || a.starts_with("etal") {
        return Some(j + 1);
    }
    None
}

/// "(eds.)", "(ed.)", "(Eds.)", "eds.", "(ред.)", "(сост.)", "(comp.)".
pub(crate) fn is_editor_marker(t: &str) -> bool {
    // Every marker starts with e, c or h, or is Cyrillic; the core below starts where `t`
    // does past its opening brackets (or is empty, and no marker). An ASCII byte there that
    // is none of those letters rules the token out before the trimming (most tokens here
    // are a year or a title word): a char that is ASCII lower-cases to ASCII.
    if let Some(&b) = t.as_bytes().iter().find(|&&b| b != b'(')
        && b.is_ascii()
        && !matches!(b.to_ascii_lowercase(), b'e' | b'c' | b'h')
    {
        return false;
    }
    let core = t
        .trim_end_matches([',', ';', ':'])
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim_end_matches('.');
    // every marker is short: anything longer is rejected before lower-casing
    if core.len() > 14 {
        return false;
    }
    // an ASCII token (most are) is compared case-blind without a lower-cased copy
    if core.is_ascii() {
        const ASCII_MARKERS: [&str; 8] = [
            "ed", "eds", "editor", "editors", "comp", "comps", "hrsg", "hg",
        ];
        return ASCII_MARKERS.iter().any(|m| core.eq_ignore_ascii_case(m));
    }
    let core = core.to_lowercase();
    matches!(
        core.as_str(),
        "ed" | "eds" | "editor" | "editors" | "ред" | "сост" | "comp" | "comps" | "hrsg" | "hg"
    )
}

/// Strips the punctuation that separates a token from the next one.
fn bare(t: &str) -> &str {
    t.trim_end_matches([',', ';'])
}

/// Dotted initials: "D.", "D.V.", "Yu.", "Kh.A.", "H.-D.", "Д.В.".
pub(crate) fn is_dotted_initials(t: &str) -> bool {
    if !t.ends_with('.') || t.len() > 24 {
        return false;
    }
    // an ASCII token (most are) is read as bytes: for ASCII, `is_uppercase` is the byte test
    if t.is_ascii() {
        return is_ascii_dotted_initials(t.as_bytes());
    }
    dotted_initial_groups(t)
}

/// [`is_dotted_initials`]' groups read char by char (any script).
fn dotted_initial_groups(t: &str) -> bool {
    let mut groups = 0;
    for group in t.split(['.', '-']).filter(|g| !g.is_empty()) {
        let mut cs = group.chars();
        let Some(first) = cs.next() else { continue };
        if !is_upper(first) {
            return false;
        }
        let rest = cs.as_str();
        // Transliteration digraphs only ("Yu.", "Kh."): "Vol." and "No." are not initials.
        let digraph = matches!(
            (first, rest),
            ('Y', "u" | "a" | "e" | "o")
                | ('K', "h")
                | ('Z', "h")
                | ('S', "h" | "ch")
                | ('C', "h")
                | ('T', "s" | "h")
                | ('P', "h")
                | ('G', "h")
                | ('E', "h")
        );
        if !rest.is_empty() && !digraph {
            return false;
        }
        groups += 1;
    }
    groups > 0
}

/// [`is_dotted_initials`]' groups read on ASCII bytes: the same groups between dots and
/// hyphens, each a capital alone or a transliteration digraph.
fn is_ascii_dotted_initials(t: &[u8]) -> bool {
    let mut groups = 0;
    for group in t.split(|&b| b == b'.' || b == b'-') {
        let Some((&first, rest)) = group.split_first() else {
            continue;
        };
        if !first.is_ascii_uppercase() {
            return false;
        }
        let digraph = matches!(
            (first, rest),
            (b'Y', b"u" | b"a" | b"e" | b"o")
                | (b'K', b"h")
                | (b'Z', b"h")
                | (b'S', b"h" | b"ch")
                | (b'C', b"h")
                | (b'T', b"s" | b"h")
                | (b'P', b"h")
                | (b'G', b"h")
                | (b'E', b"h")
        );
        if !rest.is_empty() && !digraph {
            return false;
        }
        groups += 1;
    }
    groups > 0
}

/// Undotted initials as Vancouver prints them: "DV", "J", and with a Russian
/// transliteration digraph among other capitals: "YuA" (Юрий Алексеевич), "AKh".
fn is_bare_initials(t: &str) -> bool {
    let n = t.chars().count();
    if (1..=3).contains(&n)
        && t.chars()
            .all(|c| is_upper(c) && super::scan::is_alphabetic(c))
    {
        return true;
    }
    is_digraph_initials(t)
}

/// Undotted initials with a transliteration digraph: "YuA", "AKh", "IuA". They pass for a
/// family word (a capital, then letters with a lower-case one), so the family readers ask
/// this first. A digraph alone ("Yu") is as likely a family name (Chinese "Yu"): only with
/// another initial is the token read as initials.
fn is_digraph_initials(t: &str) -> bool {
    t.len() <= 6
        && bare_initial_units(t)
            .is_some_and(|(units, digraphs)| (2..=3).contains(&units) && digraphs > 0)
}

/// The transliteration digraphs that stand for one Cyrillic initial: Ю Я Е Ё Ж Х Ч Ш Ц.
fn is_initial_digraph(first: u8, second: u8) -> bool {
    matches!(
        (first, second),
        (b'Y', b'u' | b'a' | b'e' | b'o')
            | (b'I', b'u' | b'a')
            | (b'Z' | b'K' | b'C' | b'S', b'h')
            | (b'T', b's')
    )
}

/// Reads `t` as undotted ASCII initials, each a capital or a [`is_initial_digraph`]:
/// how many initials and how many of them digraphs; `None` when `t` is something else.
fn bare_initial_units(t: &str) -> Option<(usize, usize)> {
    let b = t.as_bytes();
    let (mut units, mut digraphs, mut i) = (0, 0, 0);
    while i < b.len() {
        if !b[i].is_ascii_uppercase() {
            return None;
        }
        if b.get(i + 1)
            .is_some_and(|&next| next.is_ascii_lowercase() && is_initial_digraph(b[i], next))
        {
            digraphs += 1;
            i += 2;
        } else {
            i += 1;
        }
        units += 1;
    }
    Some((units, digraphs))
}

/// A particle printed with a capital at the head of a family name ("De Rosa", "Van Dyke").
fn is_cap_particle(t: &str) -> bool {
    matches!(
        t,
        "De" | "Van" | "Von" | "Del" | "Della" | "Da" | "Di" | "Du" | "Le" | "La" | "Dos" | "Ter"
    )
}

fn is_particle(t: &str) -> bool {
    matches!(
        t,
        "van"
            | "von"
            | "de"
            | "der"
            | "den"
            | "da"
            | "di"
            | "du"
            | "le"
            | "la"
            | "dos"
            | "das"
            | "del"
            | "della"
            | "ter"
            | "ten"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "zu"
            | "vom"
    )
}

/// A family-name word: capitalised letters with inner hyphens or apostrophes ("Mikheev",
/// "Jong-Un", "O'Brien", "Стрельцов").
pub(crate) fn is_family_word(t: &str) -> bool {
    // ASCII chars (most tokens are all ASCII) are read as bytes: for them the char tests are
    // byte tests and none is a combining mark. The bytes are read in one pass; a non-ASCII
    // byte hands the token to the char reader. An ASCII char that fails here fails there
    // too, so answering `false` before a later non-ASCII char is its answer.
    let b = t.as_bytes();
    let Some((&first, rest)) = b.split_first() else {
        return false;
    };
    if !first.is_ascii() {
        return is_family_word_by_chars(t);
    }
    if !first.is_ascii_uppercase() {
        return false;
    }
    let mut letters = 1;
    let mut lower = false;
    for &c in rest {
        if c.is_ascii_alphabetic() {
            letters += 1;
            lower |= c.is_ascii_lowercase();
        } else if !c.is_ascii() {
            return is_family_word_by_chars(t);
        } else if c != b'-' && c != b'\'' {
            return false;
        }
    }
    letters >= 2 && (lower || letters <= 1) && !t.ends_with('-')
}

/// [`is_family_word`] read char by char (any script).
fn is_family_word_by_chars(t: &str) -> bool {
    let mut cs = t.chars();
    let Some(first) = cs.next() else { return false };
    if !is_upper(first) || !super::scan::is_alphabetic(first) {
        return false;
    }
    let mut letters = 1;
    let mut lower = false;
    for c in cs {
        if super::scan::is_alphabetic(c) {
            letters += 1;
            lower |= is_lower(c);
        } else if c == '-' || c == '\'' || is_combining_mark(c) {
            continue;
        } else {
            return false;
        }
    }
    // "IMEMO" alone is an acronym, not a family name; "Li" is a name.
    letters >= 2 && (lower || letters <= 1) && !t.ends_with('-')
}

/// A family name in capitals ("MOLONEY", "DULONG"), as French and some APA-like lists print
/// them. Accepted only before dotted initials, so an acronym ("IMEMO RAN") stays no name.
fn is_caps_family_word(t: &str) -> bool {
    // ASCII chars (most tokens are all ASCII): a byte is a char, and an uppercase char an
    // ASCII capital. One pass over the bytes, as in `is_family_word`: a non-ASCII byte
    // hands the token to the char reader, and an ASCII char that fails here fails there.
    let b = t.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    if !first.is_ascii() {
        return is_caps_family_word_by_chars(t);
    }
    // the first char must be a letter, so a capital
    if !first.is_ascii_uppercase() {
        return false;
    }
    for &c in b {
        if !c.is_ascii() {
            return is_caps_family_word_by_chars(t);
        }
        if !(c.is_ascii_uppercase() || c == b'-' || c == b'\'') {
            return false;
        }
    }
    b.len() >= 2 && !t.ends_with('-')
}

/// [`is_caps_family_word`] read char by char (any script).
fn is_caps_family_word_by_chars(t: &str) -> bool {
    t.chars().count() >= 2
        && t.chars().all(|c| is_upper(c) || c == '-' || c == '\'')
        && t.chars().next().is_some_and(super::scan::is_alphabetic)
        && !t.ends_with('-')
}

/// `char::is_uppercase`, with ASCII and the basic Cyrillic block (the letters of most
/// non-ASCII names here) answered by range rather than the Unicode tables: U+0400..=U+042F
/// are its capitals and U+0430..=U+045F its small letters.
fn is_upper(c: char) -> bool {
    match c {
        'A'..='Z' | '\u{400}'..='\u{42F}' => true,
        '\0'..='\u{7F}' | '\u{430}'..='\u{45F}' => false,
        _ => c.is_uppercase(),
    }
}

/// `char::is_lowercase`, with the ranges of [`is_upper`].
fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' | '\u{430}'..='\u{45F}' => true,
        '\0'..='\u{7F}' | '\u{400}'..='\u{42F}' => false,
        _ => c.is_lowercase(),
    }
}

/// Combining marks of the common blocks (decomposed diacritics).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// The words joined by single spaces, as `join(" ")`; a name of one word (most) is copied
/// without the general join's length pass.
fn joined(words: &[&str]) -> String {
    match words {
        [one] => (*one).to_string(),
        _ => words.join(" "),
    }
}

/// Dotted initials as the model stores them: "D. V." tokens give "D.V.", "DV" gives "D.V.".
fn initials_string(toks: &[&str]) -> String {
    // the exact length, so the string is allocated once rather than grown by the pushes
    // (a digraph's second letter, "YuA", takes no stop of its own)
    let len = toks
        .iter()
        .map(|t| {
            if t.contains('.') {
                t.len()
            } else {
                t.len() + t.chars().filter(|c| !c.is_lowercase()).count()
            }
        })
        .sum();
    let mut out = String::with_capacity(len);
    for t in toks {
        if t.contains('.') {
            out.push_str(t);
        } else {
            for c in t.chars() {
                if c.is_lowercase() && out.ends_with('.') {
                    out.pop();
                    out.push(c);
                } else {
                    out.push(c);
                }
                out.push('.');
            }
        }
    }
    out
}

/// Up to four words of one name (family words, initials or given names), on the stack: the
/// name readers never collect more than four, and a `Vec` for each try allocated at every
/// name position of every entry.
#[derive(Clone, Copy, Default)]
struct Words<'a> {
    items: [&'a str; 4],
    len: usize,
}

impl<'a> Words<'a> {
    /// Appends a word; the callers stop at four, so a fifth is never offered (and would be
    /// dropped rather than panic).
    fn push(&mut self, w: &'a str) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = w;
            self.len += 1;
        }
    }
}

impl<'a> std::ops::Deref for Words<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.items[..self.len]
    }
}

/// Tries to read one name starting at token `i`. Returns the name, the index of the token
/// after it, and whether the name's last token closed the list with a full stop that
/// cannot belong to an initial (e.g. "Family, I. I. Title").
fn name_at(toks: &Tokens<'_>, i: usize, in_list: bool) -> Option<(PersonName, usize, bool)> {
    // "Eric J. Rossetter, Joshua …" would read as "Eric J." family-first: a given-first name
    // with its list shown after it wins
    given_first_at(toks, i, false)
        .or_else(|| family_first(toks, i))
        .or_else(|| initials_first(toks, i))
        .or_else(|| given_first_at(toks, i, in_list))
}

/// "Eric J. Rossetter, Joshua P. Switkes, and …": full given name, optional initials, family
/// name. Two capitalised words also open many titles, so the form is taken only where a list
/// shows it is one: inside a list of names, before "and"/"&", before another such name, or
/// before a year.
fn given_first_at(toks: &Tokens<'_>, i: usize, in_list: bool) -> Option<(PersonName, usize, bool)> {
    let first = toks.get(i)?.text;
    if first.ends_with([',', '.', ';', ':']) || !is_family_word(first) {
        return None;
    }
    // cheap checks first: this runs at every name position
    let mut j = i + 1;
    while j - i <= 4 && toks.get(j).is_some_and(|t| is_dotted_initials(t.text)) {
        j += 1;
    }
    // "…, and David William Russell.": after "and" a second given name may come
    if j == i + 1
        && i > 0
        && toks.get(i - 1).is_some_and(|t| is_conjunction(t.text))
        && toks.get(j).is_some_and(|t| is_family_word(t.text))
        && toks.get(j + 1).is_some_and(|t| {
            t.text.ends_with(['.', ',']) && is_family_word(bare(t.text).trim_end_matches('.'))
        })
    {
        j += 1;
    }
    // "Streltsov D.V. Russia and Japan", "Молодяков В.Э. Россия и Япония": a word with two
    // initials or more after it is a family name in the Russian order, not a given name
    // before a middle initial ("Eric J. Rossetter" has one)
    let initial_letters: usize = (i + 1..j)
        .filter_map(|k| toks.get(k))
        .map(|t| t.text.split(['.', '-']).filter(|g| !g.is_empty()).count())
        .sum();
    if initial_letters >= 2 {
        return None;
    }
    let last = toks.get(j)?.text;
    let core = bare(last).trim_end_matches('.');
    // "Titov YuA, Andreev DV": Vancouver's initials with a digraph look like a family word
    if !is_family_word(core) || is_digraph_initials(core) {
        return None;
    }
    let next = toks.get(j + 1).map(|t| t.text);
    let next_is_year = next.is_some_and(|t| {
        let t = t.trim_start_matches('(');
        year_at(t, 0).is_some()
    });
    let next_is_conj = next.is_some_and(is_conjunction);
    let next_is_name = last.ends_with(',')
        && next.is_some_and(|t| is_family_word(t) || is_dotted_initials(t))
        && toks.get(j + 2).is_some_and(|t| {
            let c = bare(t.text).trim_end_matches('.');
            is_family_word(c) || is_dotted_initials(t.text)
        });
    // a year after two capitalised words is as often an organisation ("World Bank (2018)")
    // inside a list, a full stop closes the last name only after "and" ("…, and Fabien
    // Claveau."); otherwise "E. F. Brown, Citation Analysis." would take the title
    let after_conj = i > 0 && toks.get(i - 1).is_some_and(|t| is_conjunction(t.text));
    // "Joseph A. Schumpeter, Title": at the head of an entry a given name, a middle initial
    // and a family name closed by a comma are a name ("Smith J. Title" has no comma there)
    let head_with_initial = (i == 0 || after_conj) && j > i + 1 && last.ends_with(',');
    let shown = head_with_initial
        || next_is_conj
        || next_is_name
        || (in_list
            && (next_is_year || last.ends_with(',') || (after_conj && last.ends_with('.'))));
    if !shown {
        return None;
    }
    let first_initial: String = first.chars().take(1).chain(['.']).collect();
    let mut refs: Vec<&str> = vec![&first_initial];
    // a second full given name gives its first letter only
    let spelled: Vec<String> = (i + 1..j)
        .filter_map(|k| toks.get(k))
        .map(|t| {
            if is_dotted_initials(t.text) {
                t.text.to_string()
            } else {
                t.text.chars().take(1).chain(['.']).collect()
            }
        })
        .collect();
    refs.extend(spelled.iter().map(String::as_str));
    let mut given = first.to_string();
    for t in (i + 1..j).filter_map(|k| toks.get(k)) {
        given.push(' ');
        given.push_str(t.text);
    }
    let name = PersonName {
        family: core.to_string(),
        initials: initials_string(&refs),
        given: Some(given),
    };
    Some((name, j + 1, last.ends_with('.')))
}

/// "Family I.I.", "van Eck N.J.", "Family, I. I.", "Family II".
fn family_first(toks: &Tokens<'_>, i: usize) -> Option<(PersonName, usize, bool)> {
    let mut j = i;
    let mut family: Words<'_> = Words::default();
    let mut comma_after_family = false;
    while family.len() < 4
        && let Some(tok) = toks.get(j)
    {
        let t = tok.text;
        let core = bare(t);
        if is_particle(core) {
            family.push(core);
            j += 1;
            continue;
        }
        // capitals only as the first word: later ones are Vancouver initials ("Smith AB")
        let caps_first = family.is_empty() && is_caps_family_word(core);
        if (is_family_word(core) || caps_first)
            && !is_dotted_initials(core)
            && (family.is_empty() || !is_digraph_initials(core.trim_end_matches('.')))
        {
            family.push(core);
            j += 1;
            if t.ends_with(',') {
                comma_after_family = true;
                break;
            }
            continue;
        }
        break;
    }
    let caps = family.iter().any(|f| is_caps_family_word(f));
    if family.last().is_none_or(|f| is_particle(f)) {
        return None;
    }
    // Up to four initials tokens ("D." "V." or "D.V."); a comma or semicolon ends the name.
    let mut initials: Words<'_> = Words::default();
    let mut k = j;
    while initials.len() < 4
        && let Some(tok) = toks.get(k)
    {
        // "Daugherty CK, Hlubocky FJ: Title": a colon closes the list like a full stop
        let core = bare(tok.text).trim_end_matches(':');
        if is_dotted_initials(core) {
            initials.push(core);
            k += 1;
            if tok.text.ends_with([',', ';', ':']) {
                break;
            }
        } else if initials.is_empty() && !caps && is_bare_initials(core.trim_end_matches('.')) {
            initials.push(core.trim_end_matches('.'));
            k += 1;
            break;
        } else {
            break;
        }
    }
    // "Lind, M. Teresa; …": a given name after the initial belongs to the same name
    if comma_after_family
        && !initials.is_empty()
        && toks
            .get(k - 1)
            .is_some_and(|t| !t.text.ends_with([',', ';', ':']))
        && toks
            .get(k)
            .is_some_and(|t| t.text.ends_with([',', ';']) && is_family_word(bare(t.text)))
        && !toks
            .get(k + 1)
            .is_some_and(|t| is_dotted_initials(bare(t.text)))
        && let Some(found) = given_names(toks, j, family)
    {
        return Some(found);
    }
    if initials.is_empty() {
        return if comma_after_family {
            given_names(toks, j, family)
        } else {
            None
        };
    }
    // Only the last family words may be several capitalised words when a comma marks them
    // ("de Solla Price, D."); otherwise one capitalised word plus particles.
    let capitalised = family.iter().filter(|f| !is_particle(f)).count();
    // "De Rosa S", "Van Breusegem F": a capitalised particle opening a Vancouver name
    let cap_particle = family.len() == 2 && is_cap_particle(family[0]);
    if capitalised > 1 && !comma_after_family && !cap_particle {
        // "Japan Woos Russia J." is not a name
        return None;
    }
    let name = PersonName::new(joined(&family), initials_string(&initials));
    Some((name, k, false))
}

/// "Streltsov, Dmitry V." / "Smith, John." — full given names after a family name and a
/// comma (Chicago, MLA, Harvard). The given names must end the name with a comma, a full stop
/// or a year slot, so a title that follows a comma is not mistaken for them.
fn given_names(
    toks: &Tokens<'_>,
    j: usize,
    family: Words<'_>,
) -> Option<(PersonName, usize, bool)> {
    let mut given: Words<'_> = Words::default();
    let mut k = j;
    while given.len() < 3
        && let Some(tok) = toks.get(k)
    {
        let t = tok.text;
        let core = bare(t).trim_end_matches('.');
        let word = is_family_word(core) || is_dotted_initials(bare(t));
        if !word {
            break;
        }
        given.push(bare(t));
        k += 1;
        // "Lieven, Elena V. M. 1978": initials after a full given name go on to the last one
        let more_initials = t.ends_with('.')
            && is_dotted_initials(t)
            && toks.get(k).is_some_and(|n| {
                is_dotted_initials(bare(n.text))
                    || (n.text.ends_with([',', ';'])
                        && is_family_word(bare(n.text))
                        && !toks
                            .get(k + 1)
                            .is_some_and(|m| is_dotted_initials(bare(m.text))))
            });
        if t.ends_with([',', ';', '.']) && !more_initials {
            break;
        }
    }
    let last = toks.get(k.checked_sub(1)?)?.text;
    // "(2016)" or "2008." right after the given names also ends them
    // "Reynolds, Isabel and Nobuhiro, Emi.": "and" before the next name ends them too
    let ends = last.ends_with([',', ';', '.'])
        || toks.get(k).is_some_and(|t| {
            t.text.starts_with('(')
                || super::scan::year_at(t.text, 0).is_some()
                || (is_conjunction(t.text)
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| is_family_word(bare(n.text))))
        });
    let has_full_word = given
        .iter()
        .any(|g| g.trim_end_matches('.').chars().count() > 2);
    if given.is_empty() || !ends || !has_full_word || family.len() > 3 {
        return None;
    }
    // the trims cut the joined words in place rather than copy them
    let mut given_text = joined(&given);
    given_text.truncate(given_text.trim_end_matches([',', ';']).len());
    if !given.last().is_some_and(|g| is_dotted_initials(g)) {
        // "Ivan." ends the name; the dot is punctuation, not part of the given name
        given_text.truncate(given_text.trim_end_matches('.').len());
    }
    // room for every word whole plus a dot: no growth while pushing
    let mut initials = String::with_capacity(given.iter().map(|g| g.len() + 1).sum());
    for g in given.iter() {
        if is_dotted_initials(g) {
            initials.push_str(g);
        } else if let Some(c) = g.chars().next() {
            initials.push(c);
            initials.push('.');
        }
    }
    let name = PersonName {
        family: joined(&family),
        initials,
        given: Some(given_text),
    };
    Some((name, k, last.ends_with('.') && !is_dotted_initials(last)))
}

/// "I. I. Family", "D.V. Streltsov".
fn initials_first(toks: &Tokens<'_>, i: usize) -> Option<(PersonName, usize, bool)> {
    let mut j = i;
    let mut initials: Words<'_> = Words::default();
    while initials.len() < 4
        && let Some(tok) = toks.get(j)
    {
        let t = tok.text;
        if t.ends_with(',') {
            break;
        }
        if is_dotted_initials(t) {
            initials.push(t);
            j += 1;
        } else {
            break;
        }
    }
    if initials.is_empty() {
        return None;
    }
    let mut family: Words<'_> = Words::default();
    while family.len() < 3
        && let Some(tok) = toks.get(j)
    {
        let t = tok.text;
        let core = bare(t).trim_end_matches('.');
        if is_particle(core) {
            family.push(core);
            j += 1;
        } else if is_family_word(core) || (is_caps_family_word(core) && t.ends_with(',')) {
            // "D. FAUSSER, Title": capitals closed by a comma are a family name too
            family.push(core);
            j += 1;
            break;
        } else {
            return None;
        }
    }
    if family.last().is_none_or(|f| is_particle(f)) {
        return None;
    }
    // a family word was read, so `j - 1` is its token
    let closed = toks.get(j - 1).is_some_and(|t| t.text.ends_with('.'));
    // "J. Appl. Phys.": an abbreviated journal, not "Appl J." — a dotted word followed by
    // another capitalised dotted word
    if closed
        && toks.get(j).is_some_and(|t| {
            t.text.ends_with('.') && t.text.starts_with(char::is_uppercase) && t.text.len() <= 8
        })
    {
        return None;
    }
    let name = PersonName::new(joined(&family), initials_string(&initials));
    Some((name, j, closed))
}

/// Reads the names on one line of an author block: "O. G. Paramonov", "Paramonov O.G.",
/// "Oleg G. Paramonov", "O. G. Paramonov, D. V. Streltsov". A family name glued to the next
/// word ("ParamonovRussian Federation") is cut at the inner capital.
pub(crate) fn names_from_line(line: &str) -> Vec<PersonName> {
    let toks: Vec<Tok<'_>> = Toks { s: line, pos: 0 }.take(12).collect();
    if let Some(n) = given_first(&toks) {
        return vec![n];
    }
    let mut names = author_prefix(line).names;
    for n in &mut names {
        if let Some(head) = unglue(&n.family) {
            n.family = head.to_string();
        }
    }
    names
}

/// "Oleg G. Paramonov": a full given name, initials, then the family name, alone on a line.
fn given_first(toks: &[Tok<'_>]) -> Option<PersonName> {
    let first = toks.first()?.text;
    if !is_family_word(first) || first.chars().count() < 3 {
        return None;
    }
    let mut j = 1;
    let mut initials = vec![first.chars().next()?.to_string() + "."];
    while j < toks.len() && is_dotted_initials(toks[j].text) {
        initials.push(toks[j].text.to_string());
        j += 1;
    }
    if initials.len() < 2 {
        return None;
    }
    let family = unglue(bare(toks.get(j)?.text))?;
    let refs: Vec<&str> = initials.iter().map(String::as_str).collect();
    let mut given = first.to_string();
    for i in &refs[1..] {
        given.push(' ');
        given.push_str(i);
    }
    Some(PersonName {
        family: family.to_string(),
        initials: initials_string(&refs),
        given: Some(given),
    })
}

/// "ParamonovRussian" → "Paramonov": a lower-to-upper change inside a word, with a long
/// enough head that "McDonald" or "DeLillo" stay whole.
fn unglue(word: &str) -> Option<&str> {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower {
            let head = &word[..i];
            let tail = &word[i..];
            let short_prefix = matches!(
                head,
                "Mc" | "Mac" | "De" | "Di" | "Le" | "La" | "Van" | "Von" | "Du" | "Da"
            );
            if !short_prefix
                && head.chars().count() >= 3
                && tail.chars().count() >= 3
                && is_family_word(head)
            {
                return Some(head);
            }
            return None;
        }
        prev_lower = c.is_lowercase();
    }
    is_family_word(word).then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chicago_and_mla_invert_only_the_first_name() {
        let p = author_prefix(
            "Keohane, Robert O., and Joseph S. Nye. Power and Interdependence. Boston: Longman, 2012.",
        );
        let names: Vec<(&str, Option<&str>)> = p
            .names
            .iter()
            .map(|n| (n.family.as_str(), n.given.as_deref()))
            .collect();
        assert_eq!(
            names,
            [("Keohane", Some("Robert O.")), ("Nye", Some("Joseph S."))]
        );
        // an initials-only first name keeps the family-first reading after "and"
        let p = author_prefix("Ivanov I.I. and Petrov P.P. (2016) Title.");
        let fam: Vec<&str> = p.names.iter().map(|n| n.family.as_str()).collect();
        assert_eq!(fam, ["Ivanov", "Petrov"]);
    }

    #[test]
    fn a_title_after_an_initials_first_list_is_no_name() {
        let p = author_prefix(
            "S. Frixione, P. Nason, C. Oleari, Matching NLO QCD computations, JHEP 11 (2007) 070.",
        );
        let fam: Vec<&str> = p.names.iter().map(|n| n.family.as_str()).collect();
        assert_eq!(fam, ["Frixione", "Nason", "Oleari"]);
        // a Vancouver list is read as before
        let p = author_prefix("Smith AB, Jones CD. Title. Journal. 2016;12(3):42-65.");
        assert_eq!(p.names.len(), 2);
    }

    #[test]
    fn case_tests_by_range_agree_with_the_unicode_tables() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
            assert_eq!(is_lower(c), c.is_lowercase(), "{c:?}");
        }
    }

    #[test]
    fn editor_markers_ruled_out_by_their_first_byte_are_none() {
        // the test without the first-byte shortcut
        let full = |t: &str| {
            let core = t
                .trim_end_matches([',', ';', ':'])
                .trim_start_matches('(')
                .trim_end_matches(')')
                .trim_end_matches('.')
                .to_lowercase();
            matches!(
                core.as_str(),
                "ed" | "eds"
                    | "editor"
                    | "editors"
                    | "ред"
                    | "сост"
                    | "comp"
                    | "comps"
                    | "hrsg"
                    | "hg"
            )
        };
        for t in [
            "(eds.)",
            "(Eds.)",
            "eds.",
            "(ред.)",
            "(Сост.)",
            "(comp.)",
            "Hrsg.",
            "(HG)",
            "((ed))",
            "(",
            "",
            "(2018)",
            "Title",
            "é",
            "Éd.",
            "(,",
            "ed,",
            "EDITOR;",
            "editors:",
            "(ed",
            "(x)",
            "Comps.,",
            "(h)",
            ")ed(",
        ] {
            assert_eq!(is_editor_marker(t), full(t), "{t:?}");
        }
    }

    #[test]
    fn counted_token_starts_agree_with_the_cut_tokens() {
        let texts = [
            "",
            "a",
            " ",
            "Smith J., Jones K. (2018) Title of the work, 12(3): 4-5.",
            "Стрельцов Д.В.,  Иванов\tИ.И. Название // Журнал, 2005",
            "a\u{a0} b\u{2003}c  d,e,F ,G x\x01y  \u{7f}z é ü",
            "exactly8 exactly8 exactly8 a b c d e f g h i j k l m n o p q",
            "Stoffler,D. Lind,P.  and\n\nX   ,  , ; ;",
            "1234567 1234567 1234567 1234567 1234567 1234567 1234567 1234567",
        ];
        for text in texts {
            let all: Vec<Tok<'_>> = Toks { s: text, pos: 0 }.collect();
            for cut in 0..=all.len().min(WINDOW) {
                for i in 0..WINDOW + 2 {
                    let toks = Tokens::new(text);
                    let _ = toks.get(cut);
                    let want = i < WINDOW && i < all.len();
                    assert_eq!(toks.holds(i), want, "{text:?} cut {cut} token {i}");
                    assert_eq!(toks.get(i).map(|t| t.start), want.then(|| all[i].start));
                }
            }
        }
    }

    #[test]
    fn ascii_token_tests_agree_with_the_char_tests() {
        // every token of up to four chars over letters and marks that matter, and real ones
        let alphabet = [
            "A", "Y", "u", "h", "K", "a", ".", "-", "'", ",", "1", "é", "Д",
        ];
        let mut tokens: Vec<String> = vec![String::new()];
        let mut last = tokens.clone();
        for _ in 0..4 {
            let next: Vec<String> = last
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            tokens.extend(next.iter().cloned());
            last = next;
        }
        for t in [
            "Sch.",
            "Kh.A.",
            "H.-D.",
            "Yu.V.",
            "Vol.",
            "No.",
            "O'Brien",
            "Jong-Un",
            "MOLONEY",
            "IMEMO",
            "Li",
            "DE-",
            "Smith,",
            "Tsh.",
            "Sh.Ch.",
            "Ch.-Sh.",
            "Müller",
            "Ébert",
            "O'Брайен",
            "ÉBERT",
            "MÜLLER-",
            "Jose\u{301}",
            "Стрельцов",
            "СТРЕЛЬЦОВ",
            "A1é",
        ] {
            tokens.push(t.to_string());
        }
        for t in &tokens {
            // the byte reader is for ASCII tokens only
            if t.is_ascii() && t.ends_with('.') && t.len() <= 24 {
                assert_eq!(
                    is_ascii_dotted_initials(t.as_bytes()),
                    dotted_initial_groups(t),
                    "{t:?}"
                );
            }
            assert_eq!(is_family_word(t), is_family_word_by_chars(t), "{t:?}");
            assert_eq!(
                is_caps_family_word(t),
                is_caps_family_word_by_chars(t),
                "{t:?}"
            );
        }
    }

    fn names(s: &str) -> Vec<String> {
        author_prefix(s)
            .names
            .iter()
            .map(|n| n.to_string())
            .collect()
    }

    #[test]
    fn a_title_opening_with_word_and_word_is_not_a_given_first_name() {
        for (text, family, n) in [
            (
                "Streltsov D.V. Russia and Japan. Moscow: AIRO-XXI, 2005.",
                "Streltsov",
                1,
            ),
            (
                "Молодяков В.Э. Россия и Япония: поверх барьеров. М.: АИРО-XXI, 2005.",
                "Молодяков",
                1,
            ),
            (
                "Иванов И.И., Петров П.П. Россия и Япония. М.: Наука, 2005.",
                "Петров",
                2,
            ),
            (
                "Molodyakov V. E. Russia and Japan. Moscow, 2005.",
                "Molodyakov",
                1,
            ),
        ] {
            let p = parse_author_list(text);
            assert_eq!(p.names.len(), n, "{text}");
            assert_eq!(p.names[n - 1].family, family, "{text}");
        }
        // one middle initial between two words is still the given-first form
        let p = parse_author_list("Eric J. Rossetter and Joshua P. Switkes. Title. 2004.");
        assert_eq!(p.names[0].family, "Rossetter");
    }

    #[test]
    fn seed_slots() {
        assert_eq!(names("Brown J. (2017) Japan Woos Russia"), ["Brown J."]);
        assert_eq!(names("Miller J.B. (2018) US-Japan"), ["Miller J.B."]);
        let p = author_prefix("Mikheev V.V., Fedorovskii A.N. (eds.) (2018) Report: Crisis");
        assert!(p.editors);
        assert_eq!(
            &"Mikheev V.V., Fedorovskii A.N. (eds.) (2018)"[p.end..],
            " (2018)"
        );
        assert_eq!(
            names("Gabuev A. (2018) As Kim Jong-UN Came out"),
            ["Gabuev A."]
        );
    }

    #[test]
    fn general_forms() {
        assert_eq!(
            names("Brown, J. K., & Smith, A. (2017). Title"),
            ["Brown J.K.", "Smith A."]
        );
        assert_eq!(
            names("J. Brown, A. B. Smith, \"Title,\""),
            ["Brown J.", "Smith A.B."]
        );
        assert_eq!(
            names("Smith AB, Jones C. Title. Journal"),
            ["Smith A.B.", "Jones C."]
        );
        assert_eq!(
            names("Стрельцов Д.В., Иванов И.И. Название // Журнал"),
            ["Стрельцов Д.В.", "Иванов И.И."]
        );
        assert_eq!(
            names("van Eck N.J., Waltman L. (2010)"),
            ["van Eck N.J.", "Waltman L."]
        );
        let p = author_prefix("Brown J., Smith K. et al. (2019) T");
        assert!(p.et_al);
        assert_eq!(p.names.len(), 2);
        assert_eq!(
            names("Brown J. and Smith K. (2019)"),
            ["Brown J.", "Smith K."]
        );
    }

    #[test]
    fn given_names_before_and_and_given_first_at_the_head() {
        assert_eq!(
            names("Hartley, Miriam and Okafor, Chidi. (2019). Rivers in Flood"),
            ["Hartley M.", "Okafor C."]
        );
        assert_eq!(
            names("Thomas R. Kessler, Markets and Morals (Oxford: Clarendon, 2004)."),
            ["Kessler T.R."]
        );
        // without the comma the head stays family-first
        assert_eq!(names("Kessler T.R. Markets of virtue"), ["Kessler T.R."]);
    }

    #[test]
    fn more_name_forms() {
        assert_eq!(
            names("Okafor, Chidi, and Maria T. Lindqvist, \"Salt Marsh Birds,\""),
            ["Okafor C.", "Lindqvist M.T."]
        );
        assert_eq!(
            names("Brandt, Karl H. J. 1984. Field notes"),
            ["Brandt K.H.J."]
        );
        assert_eq!(
            names("Ortiz P, De Luca M, Hahn K. Title"),
            ["Ortiz P.", "De Luca M.", "Hahn K."]
        );
    }

    #[test]
    fn names_closed_by_stops_glued_commas_and_second_given_names() {
        assert_eq!(
            names("Okafor, C. Brandt, K. Lind, P. (2012). Salt"),
            ["Okafor C.", "Brandt K.", "Lind P."]
        );
        assert_eq!(
            names("DUPONT, Jean. MARTIN, Paul. Les marais salants. Paris"),
            ["DUPONT J.", "MARTIN P."]
        );
        assert_eq!(
            names("Okafor, C., Lind,P. and Brandt,K.L., Salt"),
            ["Okafor C.", "Lind P.", "Brandt K.L."]
        );
        assert_eq!(
            names("Okafor, Chidi, and Maria Teresa Lind. Salt Marshes."),
            ["Okafor C.", "Lind M.T."]
        );
        assert_eq!(
            names("Okafor, Chidi; Lind, M. Teresa; & Brandt, Karl. 2005. Salt"),
            ["Okafor C.", "Lind M.T.", "Brandt K."]
        );
    }

    #[test]
    fn full_given_names() {
        let p = author_prefix("Streltsov, Dmitry V., and Ivanov, Ivan. 2017. Title");
        let got: Vec<(String, String, Option<String>)> = p
            .names
            .iter()
            .map(|n| (n.family.clone(), n.initials.clone(), n.given.clone()))
            .collect();
        assert_eq!(
            got,
            [
                ("Streltsov".into(), "D.V.".into(), Some("Dmitry V.".into())),
                ("Ivanov".into(), "I.".into(), Some("Ivan".into())),
            ]
        );
        assert_eq!(names("Smith, John (2019) Title"), ["Smith J."]);
        assert_eq!(names("Navarro, Federico 2008. Title"), ["Navarro F."]);
        assert_eq!(names("RUDERN, Bernard. Surveillance"), ["RUDERN B."]);
        // a comma after a capitalised word and then a title is not a name
        assert!(names("Japan, Russia and the Korean Peninsula").is_empty());
    }

    #[test]
    fn capitals_before_dotted_initials() {
        assert_eq!(names("MOLONEY, A., 2015a. Title"), ["MOLONEY A."]);
        assert_eq!(names("DULONG R., « Les opérateurs »"), ["DULONG R."]);
        assert!(names("IMEMO RAN (2018) Report").is_empty());
        assert!(names("NATO, Brussels").is_empty());
    }

    #[test]
    fn given_names_first() {
        assert_eq!(
            names("Eric J. Rossetter, Joshua P. Switkes, and J. Christian Gerdes. Title"),
            ["Rossetter E.J.", "Switkes J.P.", "Christian J."]
        );
        assert_eq!(
            names("Louay Saleh, Philippe Chevrel, and Fabien Claveau. Title"),
            ["Saleh L.", "Chevrel P.", "Claveau F."]
        );
        assert_eq!(
            names("E. F. Brown, Citation Analysis. New York"),
            ["Brown E.F."]
        );
        assert_eq!(
            names("Debra Lacoste and Alison Altstatt. Title"),
            ["Lacoste D.", "Altstatt A."]
        );
        // a title that opens with two capitalised words is not a name
        assert!(names("Annual Report. Bank of Japan").is_empty());
        assert!(names("Japan Woos Russia for Its Own Security").is_empty());
        assert!(names("World Bank (2018) Report").is_empty());
    }

    #[test]
    fn titles_are_not_names() {
        assert!(names("Japan Woos Russia for Its Own Security").is_empty());
        assert!(names("IMEMO RAN (2018) Report").is_empty());
        assert!(names("").is_empty());
    }

    #[test]
    fn digraph_initials() {
        assert!(is_bare_initials("YuA"));
        assert!(is_bare_initials("AKh"));
        assert!(is_bare_initials("IuA"));
        assert!(is_bare_initials("DV"));
        assert!(!is_bare_initials("Yu"), "alone, a family name as likely");
        assert!(!is_bare_initials("Yuri"));
        assert!(!is_bare_initials("AbC"), "not a digraph");
        assert_eq!(initials_string(&["YuA"]), "Yu.A.");
        assert_eq!(initials_string(&["AKh"]), "A.Kh.");
        assert_eq!(initials_string(&["DV"]), "D.V.");
    }

    #[test]
    fn initials() {
        assert!(is_dotted_initials("D.V."));
        assert!(is_dotted_initials("Yu."));
        assert!(is_dotted_initials("H.-D."));
        assert!(!is_dotted_initials("pp."));
        assert!(!is_dotted_initials("Vol."));
    }

    #[test]
    fn author_block_lines() {
        let line =
            |s: &str| -> Vec<String> { names_from_line(s).iter().map(|n| n.to_string()).collect() };
        assert_eq!(
            line("O. G. ParamonovRussian Federation"),
            ["Paramonov O.G."]
        );
        assert_eq!(line("D. V. McDonald"), ["McDonald D.V."]);
        assert_eq!(
            line("Oleg G. ParamonovRussian Federation"),
            ["Paramonov O.G."]
        );
        assert_eq!(line("Paramonov O.G."), ["Paramonov O.G."]);
        assert_eq!(
            line("O. G. Paramonov, D. V. Streltsov"),
            ["Paramonov O.G.", "Streltsov D.V."]
        );
        assert!(line("PhD in History, Senior Reseacher").is_empty());
        assert!(line("Senior Researcher S. Institute").is_empty());
        assert!(line("119454, Vernadskogo Av., 76, Moscow").is_empty());
    }
}
