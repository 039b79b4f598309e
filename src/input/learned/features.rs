//! Token features for the sequence model: what a token looks like, what is around it, and
//! where in the reference it stands.
//!
//! Every feature is a 32-bit hash of a template number and a value, so extraction allocates
//! nothing per feature and the model stores no strings. Each token's word, shape and word
//! class are hashed once and then combined with the template of every place they are used
//! (the token itself, its neighbours), which keeps extraction linear and cheap.
//!
//! The feature set follows what AnyStyle's and GROBID's reference parsers found useful:
//! the lower-cased word and its affixes, a shape ("Xx." "dddd" "(dddd)."), punctuation at
//! either end, small dictionaries (months, "vol.", "pp.", "eds.", journal and publisher
//! words, places), the neighbours' words and shapes, the relative position, and a little
//! state carried from the left: inside quotes or parentheses, how many sentences have ended,
//! whether a year or an "In" has been seen.

use std::ops::Range;

/// Extracted features: `ids[offsets[i]..offsets[i + 1]]` are token `i`'s.
///
/// Also the working space extraction needs, so a caller that keeps one `Features` from
/// reference to reference allocates nothing once it has grown.
#[derive(Debug, Default, Clone)]
pub(crate) struct Features {
    pub ids: Vec<u32>,
    pub offsets: Vec<u32>,
    infos: Vec<TokenInfo>,
    lower: String,
}

impl Features {
    /// The features of token `i`.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.ids[self.range(i)]
    }

    /// Where token `i`'s features are in `ids`.
    pub fn range(&self, i: usize) -> Range<usize> {
        self.offsets[i] as usize..self.offsets[i + 1] as usize
    }

    /// How many tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }
}

/// What one token contributes to its own and its neighbours' features.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct TokenInfo {
    core: u64,
    word: u64,
    shape: u64,
    prefix: u64,
    suffix: u64,
    class: u8,
    first: char,
    last: char,
    flags: u32,
    length: u8,
    /// Whether the token has a bracket or a quote, which change the state features.
    brackets: bool,
}

const FLAG_YEAR: u32 = 1;
const FLAG_DIGITS: u32 = 1 << 1;
const FLAG_HAS_DIGIT: u32 = 1 << 2;
const FLAG_RANGE: u32 = 1 << 3;
const FLAG_INITIAL: u32 = 1 << 4;
const FLAG_CAPITALISED: u32 = 1 << 5;
const FLAG_ALL_CAPS: u32 = 1 << 6;
const FLAG_LOWER: u32 = 1 << 7;
const FLAG_URL: u32 = 1 << 8;
const FLAG_DOI: u32 = 1 << 9;
const FLAG_CYRILLIC: u32 = 1 << 10;
const FLAG_ENDS_SENTENCE: u32 = 1 << 11;
const FLAG_COUNT: u32 = 12;

impl TokenInfo {
    /// The hash of the token's shape, the one part of it the joint features read.
    pub(crate) fn shape(&self) -> u64 {
        self.shape
    }
}

/// Word classes from small dictionaries.
mod class {
    pub const NONE: u8 = 0;
    pub const MONTH: u8 = 1;
    pub const VOLUME: u8 = 2;
    pub const NUMBER: u8 = 3;
    pub const PAGES: u8 = 4;
    pub const EDITOR: u8 = 5;
    pub const IN: u8 = 6;
    pub const AND: u8 = 7;
    pub const ET_AL: u8 = 8;
    pub const JOURNAL: u8 = 9;
    pub const PUBLISHER: u8 = 10;
    pub const WEB: u8 = 11;
    pub const GENRE: u8 = 12;
    pub const PLACE: u8 = 13;
    pub const EDITION: u8 = 14;
}

fn word_class(core: &str) -> u8 {
    use class::*;
    match core {
        "jan" | "january" | "feb" | "february" | "mar" | "march" | "apr" | "april" | "may"
        | "jun" | "june" | "jul" | "july" | "aug" | "august" | "sep" | "sept" | "september"
        | "oct" | "october" | "nov" | "november" | "dec" | "december" | "spring" | "summer"
        | "autumn" | "fall" | "winter" => MONTH,
        "vol" | "vols" | "volume" | "volumes" | "bd" | "band" | "t" | "tom" | "том" | "tome" => {
            VOLUME
        }
        "no" | "nos" | "nr" | "issue" | "iss" | "n" | "heft" | "num" | "number" | "вып" => {
            NUMBER
        }
        "pp" | "p" | "pages" | "page" | "pg" | "s" | "ss" | "с" | "str" | "стр" => PAGES,
        "ed" | "eds" | "editor" | "editors" | "edited" | "hrsg" | "hg" | "coord" | "dir"
        | "ред" | "под" => EDITOR,
        "edn" | "edition" | "aufl" | "изд" => EDITION,
        "in" | "dans" | "в" => IN,
        "and" | "&" | "und" | "et" | "y" | "e" | "и" => AND,
        "al" | "others" | "др" => ET_AL,
        "journal" | "j" | "jour" | "proc" | "proceedings" | "conference" | "conf" | "symposium"
        | "workshop" | "review" | "rev" | "transactions" | "trans" | "letters" | "lett"
        | "bulletin" | "bull" | "annals" | "ann" | "acta" | "quarterly" | "magazine" | "int"
        | "international" | "zeitschrift" | "revue" | "rivista" | "research" | "studies"
        | "science" | "sci" | "archives" | "arch" | "reports" | "rep" | "phys" | "chem" | "med"
        | "am" | "soc" | "журнал" | "вестник" | "известия" | "вопросы" => {
            JOURNAL
        }
        "press"
        | "publisher"
        | "publishers"
        | "publishing"
        | "university"
        | "univ"
        | "verlag"
        | "inc"
        | "ltd"
        | "co"
        | "books"
        | "academic"
        | "springer"
        | "wiley"
        | "elsevier"
        | "routledge"
        | "sage"
        | "blackwell"
        | "macmillan"
        | "norton"
        | "penguin"
        | "издательство"
        | "наука" => PUBLISHER,
        "retrieved" | "available" | "accessed" | "viewed" | "online" | "url" | "from"
        | "access" | "cited" | "дата" | "обращения" | "режим" | "доступа" => {
            WEB
        }
        "thesis" | "dissertation" | "phd" | "diss" | "master's" | "report" | "technical"
        | "tech" | "working" | "paper" | "preprint" | "unpublished" | "manuscript" | "abstract"
        | "poster" | "дис" | "автореф" => GENRE,
        "york" | "london" | "paris" | "berlin" | "cambridge" | "oxford" | "boston" | "chicago"
        | "amsterdam" | "moscow" | "москва" | "м" | "спб" | "tokyo" | "washington"
        | "princeton" | "heidelberg" | "dordrecht" | "leipzig" | "vienna" | "philadelphia"
        | "stuttgart" | "munich" | "madrid" | "milan" | "rome" | "basel" | "geneva" | "toronto"
        | "sydney" | "singapore" | "beijing" | "hoboken" | "ny" | "uk" | "usa" => PLACE,
        _ => NONE,
    }
}

// Template numbers: each names one use of a value; the numbers only need to be distinct.
const T_BIAS: u64 = 1;
const T_CORE: u64 = 2;
const T_WORD: u64 = 3;
const T_SHAPE: u64 = 4;
const T_PREFIX: u64 = 5;
const T_SUFFIX: u64 = 6;
const T_CLASS: u64 = 7;
const T_FIRST: u64 = 8;
const T_LAST: u64 = 9;
const T_FLAG: u64 = 10;
const T_LENGTH: u64 = 11;
const T_POSITION: u64 = 12;
const T_FIRST_TOKEN: u64 = 13;
const T_LAST_TOKEN: u64 = 14;
const T_PREV_CORE: u64 = 15;
const T_NEXT_CORE: u64 = 16;
const T_PREV_SHAPE: u64 = 17;
const T_NEXT_SHAPE: u64 = 18;
const T_PREV_CLASS: u64 = 19;
const T_NEXT_CLASS: u64 = 20;
const T_PREV2_CORE: u64 = 21;
const T_NEXT2_CORE: u64 = 22;
const T_PREV_LAST: u64 = 23;
const T_NEXT_FIRST: u64 = 24;
const T_IN_QUOTE: u64 = 25;
const T_IN_PAREN: u64 = 26;
const T_SENTENCE: u64 = 27;
const T_YEAR_SEEN: u64 = 28;
const T_IN_SEEN: u64 = 29;
const T_SHAPE_BIGRAM: u64 = 30;
const T_SENTENCE_SHAPE: u64 = 31;
const T_SHAPE_TRIGRAM: u64 = 32;

/// Mixes a template number and a value into one feature id.
const fn mix(template: u64, value: u64) -> u32 {
    let mut h = value ^ template.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 31;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 29;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 32;
    h as u32
}

/// The ids of a template's first `N` values, computed at compile time: the templates
/// whose value is a small number (a class, a flag, a position) need no hashing per token.
const fn ids<const N: usize>(template: u64) -> [u32; N] {
    let mut out = [0u32; N];
    let mut i = 0;
    while i < N {
        out[i] = mix(template, i as u64);
        i += 1;
    }
    out
}

/// `mix(template, value)`, from `table` when the value is in it.
#[inline]
fn small(table: &[u32], template: u64, value: u64) -> u32 {
    usize::try_from(value)
        .ok()
        .and_then(|v| table.get(v))
        .copied()
        .unwrap_or_else(|| mix(template, value))
}

pub(crate) const BIAS: u32 = mix(T_BIAS, 0);
pub(crate) const FIRST_TOKEN: u32 = mix(T_FIRST_TOKEN, 0);
pub(crate) const LAST_TOKEN: u32 = mix(T_LAST_TOKEN, 0);
pub(crate) const IN_QUOTE: u32 = mix(T_IN_QUOTE, 0);
pub(crate) const IN_PAREN: u32 = mix(T_IN_PAREN, 0);
pub(crate) const YEAR_SEEN: u32 = mix(T_YEAR_SEEN, 0);
pub(crate) const IN_SEEN: u32 = mix(T_IN_SEEN, 0);
const FLAG_IDS: [u32; FLAG_COUNT as usize] = ids(T_FLAG);
const CLASS_IDS: [u32; 16] = ids(T_CLASS);
const PREV_CLASS_IDS: [u32; 16] = ids(T_PREV_CLASS);
const NEXT_CLASS_IDS: [u32; 16] = ids(T_NEXT_CLASS);
const LENGTH_IDS: [u32; 8] = ids(T_LENGTH);
pub(crate) const POSITION_IDS: [u32; 10] = ids(T_POSITION);
pub(crate) const SENTENCE_IDS: [u32; 6] = ids(T_SENTENCE);

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv_char(h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}'
    )
}

/// What is counted in a token's core (the token without punctuation at either end) on the
/// way to its flags.
struct CoreCounts {
    digits: usize,
    letters: usize,
    uppers: usize,
    /// Characters in the core.
    chars: usize,
    cyrillic: bool,
    dash: bool,
    starts_upper: bool,
    starts_lower: bool,
}

/// Hashes of the token's spellings, computed by the ASCII or the general path.
struct Spellings {
    core: u64,
    word: u64,
    shape: u64,
    prefix: u64,
    suffix: u64,
}

pub(crate) fn analyse(text: &str, lower: &mut String) -> TokenInfo {
    if text.is_ascii() {
        analyse_ascii(text, lower)
    } else {
        analyse_unicode(text, lower)
    }
}

fn fnv_bytes(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// [`analyse_unicode`] for an ASCII token, byte by byte: the same result (the tests check
/// it) without decoding characters or consulting Unicode tables, and most tokens of most
/// references are ASCII.
fn analyse_ascii(text: &str, lower: &mut String) -> TokenInfo {
    let t = text.as_bytes();
    let core = match t.iter().position(u8::is_ascii_alphanumeric) {
        Some(a) => {
            let b = t.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(a);
            text.get(a..=b).unwrap_or(text)
        }
        None => text,
    };
    lower.clear();
    lower.push_str(core);
    lower.make_ascii_lowercase();
    let c = core.as_bytes();
    let mut counts = CoreCounts {
        digits: 0,
        letters: 0,
        uppers: 0,
        chars: c.len(),
        cyrillic: false,
        dash: false,
        starts_upper: c.first().is_some_and(u8::is_ascii_uppercase),
        starts_lower: c.first().is_some_and(u8::is_ascii_lowercase),
    };
    for &b in c {
        if b.is_ascii_digit() {
            counts.digits += 1;
        } else if b.is_ascii_alphabetic() {
            counts.letters += 1;
            counts.uppers += usize::from(b.is_ascii_uppercase());
        } else if b == b'-' {
            counts.dash = true;
        }
    }
    let mut shape = FNV_OFFSET;
    let mut prev = 0u8;
    let mut run = 0;
    for &b in t.iter().take(24) {
        let k = if b.is_ascii_uppercase() {
            b'X'
        } else if b.is_ascii_lowercase() {
            b'x'
        } else if b.is_ascii_digit() {
            b'd'
        } else {
            b
        };
        if k == prev {
            run += 1;
            if k == b'x' || k == b'X' || (k == b'd' && run >= 4) {
                continue;
            }
        } else {
            run = 0;
        }
        prev = k;
        shape = (shape ^ u64::from(k)).wrapping_mul(FNV_PRIME);
    }
    let lw = lower.as_bytes();
    let head = &lw[..lw.len().min(64)];
    let word = t.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
    });
    let spellings = Spellings {
        core: fnv_bytes(lw),
        word,
        shape,
        prefix: fnv_bytes(&head[..head.len().min(3)]),
        suffix: fnv_bytes(&head[head.len().saturating_sub(3)..]),
    };
    finish(text, core, lower, &counts, spellings)
}

fn analyse_unicode(text: &str, lower: &mut String) -> TokenInfo {
    let core = text.trim_matches(|c: char| !c.is_alphanumeric());
    let core = if core.is_empty() { text } else { core };
    lower.clear();
    for c in core.chars() {
        lower.extend(c.to_lowercase());
    }
    let mut counts = CoreCounts {
        digits: 0,
        letters: 0,
        uppers: 0,
        chars: 0,
        cyrillic: false,
        dash: false,
        starts_upper: core.chars().next().is_some_and(char::is_uppercase),
        starts_lower: core.chars().next().is_some_and(char::is_lowercase),
    };
    for c in core.chars() {
        counts.chars += 1;
        if c.is_ascii_digit() {
            counts.digits += 1;
        } else if c.is_alphabetic() {
            counts.letters += 1;
            if c.is_uppercase() {
                counts.uppers += 1;
            }
            counts.cyrillic |= ('\u{400}'..='\u{4ff}').contains(&c);
        } else if c == '-' {
            counts.dash = true;
        }
    }
    let mut shape = FNV_OFFSET;
    let mut prev = '\0';
    let mut run = 0;
    for c in text.chars().take(24) {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphanumeric() {
            'o'
        } else {
            c
        };
        if k == prev {
            run += 1;
            // Letter runs collapse; digit runs are kept up to four ("dddd" is a year).
            if k == 'x' || k == 'X' || (k == 'd' && run >= 4) {
                continue;
            }
        } else {
            run = 0;
        }
        prev = k;
        shape = fnv_char(shape, k);
    }
    let lw = lower.as_str();
    // The affixes are of the first 64 characters, as they always were. Every hash is FNV
    // over UTF-8 bytes, so a slice of `lw` hashes as its characters would.
    let head = lw.char_indices().nth(64).map_or(lw, |(i, _)| &lw[..i]);
    let prefix_end = head.char_indices().nth(3).map_or(head.len(), |(i, _)| i);
    let suffix_start = head.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    let mut word = FNV_OFFSET;
    for c in text.chars() {
        if c.is_ascii() {
            word = (word ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(FNV_PRIME);
        } else {
            word = c.to_lowercase().fold(word, fnv_char);
        }
    }
    let spellings = Spellings {
        core: fnv_bytes(lw.as_bytes()),
        word,
        shape,
        prefix: fnv_bytes(&head.as_bytes()[..prefix_end]),
        suffix: fnv_bytes(&head.as_bytes()[suffix_start..]),
    };
    finish(text, core, lower, &counts, spellings)
}

/// The flags, class and length from what either path counted.
fn finish(text: &str, core: &str, lw: &str, c: &CoreCounts, h: Spellings) -> TokenInfo {
    let n = c.chars;
    let mut flags = 0;
    if c.digits == 4 && n <= 5 {
        let year: u32 = core.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        if (1500..2040).contains(&year) {
            flags |= FLAG_YEAR;
        }
    }
    if c.digits == n {
        flags |= FLAG_DIGITS;
    }
    if c.digits > 0 {
        flags |= FLAG_HAS_DIGIT;
    }
    if c.dash && c.digits > 0 && c.letters == 0 {
        flags |= FLAG_RANGE;
    }
    if c.letters > 0 && c.uppers == c.letters && n <= 4 && text.ends_with('.') && n <= 2 * c.letters
    {
        flags |= FLAG_INITIAL;
    }
    if c.starts_upper {
        flags |= FLAG_CAPITALISED;
    }
    if c.letters > 1 && c.uppers == c.letters {
        flags |= FLAG_ALL_CAPS;
    }
    if c.starts_lower {
        flags |= FLAG_LOWER;
    }
    if lw.starts_with("http") || lw.starts_with("www.") || lw.contains("://") {
        flags |= FLAG_URL;
    }
    if lw.starts_with("10.") && lw.contains('/') || lw.starts_with("doi") {
        flags |= FLAG_DOI;
    }
    if c.cyrillic {
        flags |= FLAG_CYRILLIC;
    }
    if text.ends_with('.') && flags & FLAG_INITIAL == 0 && n > 1 {
        flags |= FLAG_ENDS_SENTENCE;
    }
    TokenInfo {
        core: h.core,
        word: h.word,
        shape: h.shape,
        prefix: h.prefix,
        suffix: h.suffix,
        class: word_class(lw),
        first: text.chars().next().unwrap_or(' '),
        last: text.chars().next_back().unwrap_or(' '),
        flags,
        length: match n {
            0..=1 => 1,
            2 => 2,
            3 => 3,
            4..=5 => 4,
            6..=8 => 5,
            _ => 6,
        },
        brackets: text
            .chars()
            .any(|c| matches!(c, '(' | '[' | ')' | ']') || is_quote(c)),
    }
}

/// Punctuation kept as itself; every letter or digit as one class, so the feature says
/// "ends in a comma", not "ends in an 'n'".
fn edge(c: char) -> u64 {
    if c.is_alphabetic() {
        1
    } else if c.is_numeric() {
        2
    } else {
        u64::from(c) + 16
    }
}

/// The features a token has of itself, wherever it stands: its spellings, class, edges,
/// flags and length (everything but the bias).
pub(crate) fn own_ids(me: &TokenInfo, ids: &mut Vec<u32>) {
    ids.push(mix(T_CORE, me.core));
    ids.push(mix(T_WORD, me.word));
    ids.push(mix(T_SHAPE, me.shape));
    ids.push(mix(T_PREFIX, me.prefix));
    ids.push(mix(T_SUFFIX, me.suffix));
    ids.push(small(&CLASS_IDS, T_CLASS, u64::from(me.class)));
    ids.push(mix(T_FIRST, edge(me.first)));
    ids.push(mix(T_LAST, edge(me.last)));
    // Set flags in increasing order, as a loop over all of them would push them.
    let mut flags = me.flags & ((1 << FLAG_COUNT) - 1);
    while flags != 0 {
        let f = flags.trailing_zeros();
        ids.push(small(&FLAG_IDS, T_FLAG, u64::from(f)));
        flags &= flags - 1;
    }
    ids.push(small(&LENGTH_IDS, T_LENGTH, u64::from(me.length)));
}

/// The features a token gives the token after it: core, shape, class and last character.
pub(crate) fn as_previous_ids(prev: &TokenInfo) -> [u32; 4] {
    [
        mix(T_PREV_CORE, prev.core),
        mix(T_PREV_SHAPE, prev.shape),
        small(&PREV_CLASS_IDS, T_PREV_CLASS, u64::from(prev.class)),
        mix(T_PREV_LAST, edge(prev.last)),
    ]
}

/// The features a token gives the token before it: core, shape, class and first character.
pub(crate) fn as_next_ids(next: &TokenInfo) -> [u32; 4] {
    [
        mix(T_NEXT_CORE, next.core),
        mix(T_NEXT_SHAPE, next.shape),
        small(&NEXT_CLASS_IDS, T_NEXT_CLASS, u64::from(next.class)),
        mix(T_NEXT_FIRST, edge(next.first)),
    ]
}

/// The feature a token gives the token two after it.
pub(crate) fn as_second_previous_id(prev2: &TokenInfo) -> u32 {
    mix(T_PREV2_CORE, prev2.core)
}

/// The feature a token gives the token two before it.
pub(crate) fn as_second_next_id(next2: &TokenInfo) -> u32 {
    mix(T_NEXT2_CORE, next2.core)
}

/// The features of a token's shape among its neighbours' and of its sentence: the only
/// features that join two tokens' values, so the only ones a per-word cache cannot hold.
pub(crate) fn joint_ids(
    prev: &TokenInfo,
    me: &TokenInfo,
    next: &TokenInfo,
    sentence: u64,
) -> [u32; 3] {
    [
        mix(T_SHAPE_BIGRAM, prev.shape ^ me.shape.rotate_left(17)),
        mix(
            T_SHAPE_TRIGRAM,
            prev.shape ^ me.shape.rotate_left(17) ^ next.shape.rotate_left(34),
        ),
        mix(T_SENTENCE_SHAPE, sentence ^ me.shape.rotate_left(7)),
    ]
}

/// Which tenth of the reference token `i` of `n` is in.
pub(crate) fn position_bucket(i: usize, n: usize) -> usize {
    i * 10 / n.max(1)
}

/// What has been read left of a token: the state features carry it to the token.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct State {
    pub in_quote: bool,
    paren_depth: i32,
    sentences: u64,
    pub year_seen: bool,
    pub in_seen: bool,
}

impl State {
    pub fn in_paren(&self) -> bool {
        self.paren_depth > 0
    }

    /// How many sentences have ended, up to five.
    pub fn sentence(&self) -> u64 {
        self.sentences.min(5)
    }

    /// The state after token `text` (analysed as `me`).
    pub fn advance(&mut self, text: &str, me: &TokenInfo) {
        if me.brackets {
            for c in text.chars() {
                match c {
                    '(' | '[' => self.paren_depth += 1,
                    ')' | ']' => self.paren_depth = (self.paren_depth - 1).max(0),
                    '\u{201c}' | '\u{ab}' | '\u{201e}' => self.in_quote = true,
                    '\u{201d}' | '\u{bb}' => self.in_quote = false,
                    c if is_quote(c) => self.in_quote = !self.in_quote,
                    _ => {}
                }
            }
        }
        if me.flags & FLAG_ENDS_SENTENCE != 0 {
            self.sentences += 1;
        }
        self.year_seen |= me.flags & FLAG_YEAR != 0;
        self.in_seen |= me.class == class::IN && me.flags & FLAG_CAPITALISED != 0;
    }
}

/// Extracts the features of every token of `text` (byte ranges from
/// [`super::tokens::tokenize`]) into `out` (cleared first).
pub(crate) fn extract(text: &str, tokens: &[Range<usize>], out: &mut Features) {
    out.ids.clear();
    out.offsets.clear();
    out.offsets.push(0);
    let n = tokens.len();
    let token = |r: &Range<usize>| text.get(r.clone()).unwrap_or("");
    let mut infos = std::mem::take(&mut out.infos);
    infos.clear();
    for t in tokens {
        infos.push(analyse(token(t), &mut out.lower));
    }
    let mut state = State::default();
    let none = TokenInfo::default();
    for (i, t) in tokens.iter().enumerate() {
        let me = &infos[i];
        let prev = if i > 0 { &infos[i - 1] } else { &none };
        let next = infos.get(i + 1).unwrap_or(&none);
        let prev2 = if i > 1 { &infos[i - 2] } else { &none };
        let next2 = infos.get(i + 2).unwrap_or(&none);
        let ids = &mut out.ids;
        ids.push(BIAS);
        own_ids(me, ids);
        ids.push(POSITION_IDS[position_bucket(i, n)]);
        if i == 0 {
            ids.push(FIRST_TOKEN);
        }
        if i + 1 == n {
            ids.push(LAST_TOKEN);
        }
        // The order the bundled model was trained with (training sums in it).
        let (p, x) = (as_previous_ids(prev), as_next_ids(next));
        ids.extend([p[0], x[0]]);
        ids.push(as_second_previous_id(prev2));
        ids.push(as_second_next_id(next2));
        ids.extend([p[1], x[1], p[2], x[2], p[3], x[3]]);
        let sentence = state.sentence();
        let [bigram, trigram, sentence_shape] = joint_ids(prev, me, next, sentence);
        ids.extend([bigram, trigram]);
        if state.in_quote {
            ids.push(IN_QUOTE);
        }
        if state.in_paren() {
            ids.push(IN_PAREN);
        }
        ids.push(SENTENCE_IDS[sentence as usize]);
        ids.push(sentence_shape);
        if state.year_seen {
            ids.push(YEAR_SEEN);
        }
        if state.in_seen {
            ids.push(IN_SEEN);
        }
        out.offsets.push(ids.len() as u32);
        state.advance(token(t), me);
    }
    out.infos = infos;
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn every_token_gets_features_and_same_words_share_ids() {
        let text = "Brown J. (2017) Title. Brown J. (2017) Title.";
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let mut f = Features::default();
        extract(text, &tokens, &mut f);
        assert_eq!(f.len(), tokens.len());
        // the same word at another position shares its word features, not all of them
        let (a, b) = (f.of(0), f.of(4));
        assert!(a.iter().any(|x| b.contains(x)));
        assert_ne!(a, b);
    }

    #[test]
    fn flags_read_years_initials_and_ranges() {
        let mut s = String::new();
        assert_ne!(analyse("(2017).", &mut s).flags & FLAG_YEAR, 0);
        assert_ne!(analyse("J.", &mut s).flags & FLAG_INITIAL, 0);
        assert_ne!(analyse("42-65.", &mut s).flags & FLAG_RANGE, 0);
        assert_eq!(analyse("Brown,", &mut s).flags & FLAG_INITIAL, 0);
        assert_eq!(analyse("Russia.", &mut s).class, class::NONE);
        assert_eq!(analyse("pp.", &mut s).class, class::PAGES);
    }

    #[test]
    fn the_ascii_path_reads_tokens_as_the_general_one_does() {
        let long = "Antidisestablishmentarianism-and-its-discontents-a-very-long-token-indeed.";
        let tokens = [
            "",
            ".",
            "...",
            "--",
            "&",
            "A",
            "J.",
            "AB.",
            "ABCDE.",
            "Brown,",
            "(2017).",
            "2017a",
            "1999",
            "12(3):",
            "42-65.",
            "pp.",
            "Vol.",
            "http://x.org/a",
            "www.x.org",
            "10.1000/xyz.",
            "doi:10.1/2",
            "McDonald's",
            "O'Brien,",
            "\"Title",
            "in:",
            "ISBN",
            "0123456789",
            "(dddd)",
            "xX",
            long,
        ];
        let (mut a, mut b) = (String::new(), String::new());
        for t in tokens {
            assert_eq!(
                analyse_ascii(t, &mut a),
                analyse_unicode(t, &mut b),
                "{t:?}"
            );
            assert_eq!(a, b, "{t:?}");
        }
    }
}
