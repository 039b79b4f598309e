//! Locators and imprint at the end of a source: volume, issue, pages, year, place and
//! publisher ("Yaponskie issledovaniya, no 3, pp. 42–65", "Japan 2016. Yearbook, Moscow:
//! AIRO-XXI, pp. 61–78", "Журнал. 2016. Т. 5. № 3. С. 42–65", "Journal, 12(3), 42-65").
//!
//! The source text is cut into items at ", ", "; " and sentence ends; items are read from the
//! right while they are locators, and the source is what is left.

use super::date::month_number;
use super::scan::{
    after_last_byte, find_byte, first_year, is_alphabetic, is_alphanumeric, number_at, rfind_byte,
    spaces, starts_with_ci, trim_end_ascii, trim_ws, words, year_at,
};
use super::sentences;
use std::borrow::Cow;

/// What the trailing locators of a source said, as slices of the source: a reading is often
/// tried and dropped (a source is read with and without its first item kept), so nothing is
/// copied until the caller keeps a value.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Locators<'a> {
    pub volume: Option<&'a str>,
    pub issue: Option<&'a str>,
    /// Owned only for a page count read as a number ("296 p.").
    pub pages: Option<Cow<'a, str>>,
    pub year: Option<i32>,
    /// Owned only when a state code is joined to its city ("Washington, DC").
    pub place: Option<Cow<'a, str>>,
    pub publisher: Option<&'a str>,
    /// A page count ("296 p."), which marks a whole book.
    pub page_count: bool,
    /// The Vancouver form "2016;12(3):42-65" was seen.
    pub compact_year: bool,
    /// A date printed without its year ("12 March", "March 12"): (month, day).
    pub day_month: Option<(u8, u8)>,
}

/// The bytes [`items`] stops at: marks that may end a sentence part, and the separators
/// within one.
const SENTENCE_MARK: u8 = 1;
const ITEM_SEPARATOR: u8 = 2;
static ITEM_MARKS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b'.' as usize] = SENTENCE_MARK;
    t[b'?' as usize] = SENTENCE_MARK;
    t[b'!' as usize] = SENTENCE_MARK;
    t[b',' as usize] = ITEM_SEPARATOR;
    t[b';' as usize] = ITEM_SEPARATOR;
    t
};

/// Item boundaries: sentence parts (as [`sentences::each_part`] cuts them), each cut again
/// at ", " and "; ". Every cut is at a mark followed by a space, so both cuts are made in
/// one pass over the spaces, eight bytes tested at a time, with one table look-up for the
/// byte before each, rather than a search for the sentence marks and another for the
/// separators of each part. A space never is a mark, so the marks are met in the order, and
/// with the same outcome, as a byte-by-byte scan that steps over the space after each cut.
fn items(s: &str) -> Cuts {
    let b = s.as_bytes();
    let mut out = Cuts::default();
    // the last part ends before the trailing dots and spaces
    let trimmed = trim_end_ascii(s, b". ").len();
    let (mut part_start, mut item_start) = (0, 0);
    // a ", " whose space is the first trailing byte: it splits its part only if a sentence
    // mark after it closes that part, as the last part ends before the space
    let mut pending = None;
    for space in spaces(b) {
        let Some(i) = space.checked_sub(1) else {
            continue;
        };
        let x = b[i];
        let class = ITEM_MARKS[usize::from(x)];
        if class == ITEM_SEPARATOR {
            if i + 1 < trimmed {
                if i > item_start {
                    out.push((item_start, i));
                }
                item_start = i + 2;
            } else {
                pending = Some(i);
            }
        } else if class == SENTENCE_MARK && sentences::mark_ends_part(s, i, x) {
            if let Some(j) = pending.take() {
                if j > item_start {
                    out.push((item_start, j));
                }
                item_start = j + 2;
            }
            // an empty part (nothing since the last mark) has no item
            if i > item_start {
                out.push((item_start, i));
            }
            part_start = i + 2;
            item_start = i + 2;
        }
    }
    if part_start < s.len() {
        let end = trimmed.max(part_start);
        if item_start < end {
            out.push((item_start, end));
        }
    }
    out
}

/// The item boundaries of a source: the first [`Cuts::HEAD`] (a typical source has fewer
/// than ten) are kept in place, so cutting a source allocates nothing; more go to a vector.
#[derive(Default)]
struct Cuts {
    head: [(usize, usize); Cuts::HEAD],
    len: usize,
    more: Vec<(usize, usize)>,
}

impl Cuts {
    const HEAD: usize = 16;

    fn push(&mut self, cut: (usize, usize)) {
        match self.head.get_mut(self.len) {
            Some(slot) => *slot = cut,
            None => self.more.push(cut),
        }
        self.len += 1;
    }

    fn len(&self) -> usize {
        self.len
    }
}

impl std::ops::Index<usize> for Cuts {
    type Output = (usize, usize);
    fn index(&self, k: usize) -> &(usize, usize) {
        debug_assert!(k < self.len, "cut {k} of {}", self.len);
        match self.head.get(k) {
            Some(cut) => cut,
            None => &self.more[k - Cuts::HEAD],
        }
    }
}

/// Reads locators from the right end of `s`, never consuming the first `keep` items. Returns
/// them and the byte length of the source that is left (`s[..len]`).
pub(crate) fn strip_locators(s: &str, keep: usize) -> (Locators<'_>, usize) {
    let mut loc = Locators::default();
    // footnote marks after the last locator ("2009. †", "2010. *") are no part of it
    let mut s = match s.as_bytes().last() {
        // an entry ending in an ASCII letter, digit, ')' or '.' (most) has no such mark
        Some(&l) if l.is_ascii_alphanumeric() || l == b')' || l == b'.' => s,
        _ => s.trim_end_matches(|c: char| !is_alphanumeric(c) && !matches!(c, ')' | '.')),
    };
    // Nature style ends with the year in parentheses: "Journal 12, 1-21 (1995)"
    if keep == 0 {
        let t = trim_end_ascii(s, b". ");
        if t.len() >= 6 && t.ends_with(')') && t.is_char_boundary(t.len() - 6) {
            let open = t.len() - 6;
            if t[open..].starts_with('(')
                && let Some(y) = year_at(t, open + 1)
            {
                loc.year = Some(y);
                s = t[..open].trim_end_matches([' ', ',']);
            }
        }
    }
    // Chicago notes close a book with its imprint in parentheses: "Title (London: Routledge,
    // 1992)"
    if loc.year.is_none() {
        let t = trim_end_ascii(s, b". ");
        if let Some(inner) = t.strip_suffix(')')
            && let Some(open) = rfind_byte(inner, b'(')
            && open > 0
            && let Some((body, year)) = inner[open + 1..].rsplit_once(", ")
            && year.len() == 4
            && let Some(y) = year_at(year, 0)
            && let Some((place, publisher)) = place_publisher(body)
        {
            loc.year = Some(y);
            loc.place = Some(Cow::Borrowed(place));
            loc.publisher = Some(publisher);
            s = t[..open].trim_end_matches([' ', ',']);
        }
    }
    let its = items(s);
    let mut n = its.len();
    // astronomy prints "ApJS, 208, 17": two bare numbers after the journal are volume, page
    if keep == 0 && n >= 3 {
        let word = |k: usize| trim_ws(&s[its[k].0..its[k].1]);
        let bare = |w: &str| {
            !w.is_empty()
                && w.len() <= 8
                && w.bytes().all(|b| b.is_ascii_alphanumeric())
                && w.bytes().any(|b| b.is_ascii_digit())
                && year_at(w, 0).is_none()
        };
        let (v, p) = (word(n - 2), word(n - 1));
        if bare(v) && bare(p) && v.bytes().all(|b| b.is_ascii_digit()) {
            loc.volume = Some(v);
            loc.pages = Some(Cow::Borrowed(p));
            n -= 2;
        }
    }
    while n > keep {
        let (a, b) = its[n - 1];
        let had_place = loc.place.is_some();
        if !read_item(trim_ws(&s[a..b]), &mut loc) {
            break;
        }
        n -= 1;
        // "Washington, DC: Publisher": the comma split the place; a state code joins back
        if !had_place
            && n > keep
            && let Some(place) = loc.place.as_mut()
            && place.len() == 2
            && place.chars().all(|c| c.is_ascii_uppercase())
        {
            let (pa, pb) = its[n - 1];
            let city = s[pa..pb].trim();
            if words(city).count() <= 3 && city.starts_with(char::is_uppercase) {
                *place = Cow::Owned(format!("{city}, {place}"));
                n -= 1;
            }
        }
    }
    let mut len = if n == 0 { 0 } else { its[n - 1].1 };
    if keep == 0 && n > 0 {
        len = peel_words(&s[..len], &mut loc);
    }
    // APA prints a chapter's pages in parentheses after the book: "Handbook (pp. 10-25)"
    let kept = s[..len].trim_end();
    if loc.pages.is_none()
        && kept.ends_with(')')
        && let Some(open) = rfind_byte(kept, b'(')
        && n > keep
    {
        let inner = &kept[open + 1..kept.len() - 1];
        if let Some(v) = after_label(inner, &CHAPTER_PAGES)
            && is_range(v)
        {
            loc.pages = Some(Cow::Borrowed(v));
            len = kept[..open].trim_end().len();
        }
    }
    (loc, len)
}

/// Words that make a following number part of a name ("Seriya 25"), not a volume.
fn names_a_number(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    matches!(
        w.as_str(),
        "seriya"
            | "series"
            | "ser"
            | "серия"
            | "сер"
            | "vyp"
            | "вып"
            | "part"
            | "chast"
            | "часть"
            | "no"
            | "issue"
            | "tom"
            | "t"
            | "т"
            | "vol"
            | "volume"
            | "section"
            | "sect"
            // IEEE's "ch. 2, sec. 4": a chapter's or section's number is no volume
            | "sec"
            | "ch"
            | "chap"
            | "chapter"
    )
}

/// Locators glued to the end of the source by spaces rather than commas ("Journal of X
/// 2005, 61, 327-335", "Journal 137, 1493-1502", "Journal 26: 5988-93"): read word by word
/// from the right once the comma-separated locators are gone. Returns the new source length.
fn peel_words<'a>(s: &'a str, loc: &mut Locators<'a>) -> usize {
    let mut end = s.len();
    for _ in 0..4 {
        let cur = s[..end].trim_end_matches([' ', ',', ';']);
        let Some(sp) = rfind_byte(cur, b' ') else {
            break;
        };
        let word = cur[sp + 1..].trim_end_matches('.');
        let prev = after_last_byte(&cur[..sp], b' ');
        let year_word = word.trim_start_matches('(').trim_end_matches(')');
        let digits =
            !word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit());
        let located = loc.pages.is_some() || loc.volume.is_some();
        if located && year_word.len() == 4 && year_at(year_word, 0).is_some() && loc.year.is_none()
        {
            loc.year = year_at(year_word, 0);
        } else if loc.pages.is_none() && is_range(word) && word.contains('-') && prev.ends_with(':')
        {
            // "26: 5988-93"
            loc.pages = Some(Cow::Borrowed(word));
        } else if loc.volume.is_none()
            && word.ends_with(':')
            && loc.pages.is_some()
            && word
                .trim_end_matches(':')
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            loc.volume = Some(word.trim_end_matches(':'));
        } else if loc.volume.is_none() && word.contains('(') && compact_locator(word, loc) {
            // "Journal 128(5), EL342-EL346": volume and issue glued to the name by a space
        } else if let Some(dm) = loc
            .day_month
            .is_none()
            .then(|| day_month_words(prev, word))
            .flatten()
        {
            // "Asahi Shinbun 31 December": a date glued to a newspaper's name
            loc.day_month = Some(dm);
            end = rfind_byte(&cur[..sp], b' ').unwrap_or(0);
            continue;
        } else if loc.volume.is_none() && loc.pages.is_some() && digits && !names_a_number(prev) {
            loc.volume = Some(word);
        } else {
            break;
        }
        end = sp;
    }
    s[..end].trim_end_matches([' ', ',', ';']).len()
}

/// Records one locator item; `false` when the item is not a locator (or repeats one already
/// read, which means it belongs to the source).
fn read_item<'a>(item: &'a str, loc: &mut Locators<'a>) -> bool {
    if item.is_empty() {
        return true;
    }
    if let Some(v) = after_label(item, &PAGES) {
        if loc.pages.is_none() && is_range(v) {
            loc.pages = Some(Cow::Borrowed(v));
            return true;
        }
        return false;
    }
    if let Some(v) = after_label(item, &ISSUES) {
        if loc.issue.is_none() && is_number_like(v) {
            loc.issue = Some(v);
            return true;
        }
        return false;
    }
    if let Some(v) = after_label(item, &VOLUMES) {
        if loc.volume.is_none() && is_number_like(v) {
            loc.volume = Some(v);
            return true;
        }
        return false;
    }
    if let Some(count) = page_count(item) {
        if loc.pages.is_none() {
            loc.pages = Some(Cow::Owned(count.to_string()));
            loc.page_count = true;
            return true;
        }
        return false;
    }
    if is_range(item) && item.contains('-') && loc.pages.is_none() {
        loc.pages = Some(Cow::Borrowed(item));
        return true;
    }
    // "…, 61, 327-335": a bare number before the pages is the volume
    if loc.volume.is_none()
        && loc.pages.is_some()
        && item.len() <= 4
        && !item.is_empty()
        && item.bytes().all(|b| b.is_ascii_digit())
        && year_at(item, 0).is_none()
    {
        loc.volume = Some(item);
        return true;
    }
    if item.len() == 4
        && let Some(y) = year_at(item, 0)
        && loc.year.is_none()
    {
        loc.year = Some(y);
        return true;
    }
    if compact_locator(item, loc) || is_edition(item) {
        return true;
    }
    // "85, (24), 5186-5189": the issue alone in parentheses
    if loc.issue.is_none()
        && let Some(inner) = item.strip_prefix('(').and_then(|i| i.strip_suffix(')'))
        && is_number_like(inner)
    {
        loc.issue = Some(inner);
        return true;
    }
    // both date forms below are of one or two words: the item is cut into words once, and
    // only when its first word is a day or a month name, as each form's first word is (most
    // items left here, a source's name, are not)
    let mut ws = words(item);
    let first = ws.next();
    if !first
        .is_some_and(|w| w.parse::<u8>().is_ok() || month_number(w.trim_end_matches('.')).is_some())
    {
        return loc.publisher.is_none() && take_place_publisher(item, loc);
    }
    let short = ShortItem::new(first, ws);
    if loc.day_month.is_none()
        && let Some(dm) = day_month(&short)
    {
        loc.day_month = Some(dm);
        return true;
    }
    // "septembre 2004", "May 2016", "mai": the issue's month, read for its year only
    if let Some(y) = month_year(&short) {
        if y.is_some() && loc.year.is_some() {
            return false;
        }
        loc.year = loc.year.or(y);
        return true;
    }
    loc.publisher.is_none() && take_place_publisher(item, loc)
}

/// Records the item as place and publisher if it is one ("Moscow: AIRO-XXI").
fn take_place_publisher<'a>(item: &'a str, loc: &mut Locators<'a>) -> bool {
    let Some((place, publisher)) = place_publisher(item) else {
        return false;
    };
    loc.place = Some(Cow::Borrowed(place));
    loc.publisher = Some(publisher);
    true
}

/// A list of labels (lower-case) with, worked out at compile time, the labels each ASCII
/// byte starts (bit `k` for `list[k]`) and those starting with a non-ASCII char: an item
/// whose first byte starts none of them (most items: "12(3)", "Journal of …") is ruled
/// out with one look-up, and any other is compared only with the labels its first char
/// may start, in the list's order.
struct Labels {
    list: &'static [&'static str],
    by_first: [u16; 128],
    non_ascii_first: u16,
}

impl Labels {
    const fn new(list: &'static [&'static str]) -> Labels {
        assert!(list.len() <= 16, "one bit a label");
        let mut by_first = [0u16; 128];
        let mut non_ascii_first = 0;
        let mut k = 0;
        while k < list.len() {
            let b = list[k].as_bytes();
            if !b.is_empty() {
                if b[0] < 128 {
                    by_first[b[0] as usize] |= 1 << k;
                } else {
                    non_ascii_first |= 1 << k;
                }
            }
            k += 1;
        }
        Labels {
            list,
            by_first,
            non_ascii_first,
        }
    }

    /// The labels whose first byte is ASCII byte `b`.
    fn starting_with(&self, b: u8) -> u16 {
        self.by_first.get(usize::from(b)).copied().unwrap_or(0)
    }
}

/// The labels of a candidate set, in the list's order.
fn each_label(labels: &Labels, mut set: u16) -> impl Iterator<Item = &'static str> + '_ {
    std::iter::from_fn(move || {
        let k = set.trailing_zeros() as usize;
        set &= set.wrapping_sub(1);
        labels.list.get(k).copied()
    })
}

const PAGES: Labels = Labels::new(&["pp.", "pp", "p.", "с.", "c.", "s.", "стр.", "pages", "page"]);
const ISSUES: Labels = Labels::new(&[
    "no.", "no", "nr.", "nr", "№", "n°", "nº", "n.", "issue", "iss.", "is.", "вып.", "heft",
]);
const VOLUMES: Labels = Labels::new(&["vol.", "vol", "volume", "v.", "т.", "tom", "bd.", "jg."]);
const CHAPTER_PAGES: Labels = Labels::new(&["pp.", "p.", "pp", "p"]);
const PAGES_DOTTED: Labels = Labels::new(&["pp.", "p."]);

/// The value after one of the labels ("pp. 61-78" → "61-78"), labels matched case-blind.
// always inlined: the call would cost more than the first-byte test that settles most items
#[inline(always)]
fn after_label<'a>(item: &'a str, labels: &Labels) -> Option<&'a str> {
    // an ASCII first byte must be, in either case, the first byte of some label: most items
    // ("12(3)", "42-65") are ruled out here, inlined, without a call
    let &b = item.as_bytes().first()?;
    if b.is_ascii() && labels.starting_with(b) | labels.starting_with(b.to_ascii_lowercase()) == 0 {
        return None;
    }
    after_possible_label(item, labels)
}

/// [`after_label`] once the first byte has not ruled the labels out.
#[inline(never)]
fn after_possible_label<'a>(item: &'a str, labels: &Labels) -> Option<&'a str> {
    let bytes = item.as_bytes();
    let &b = bytes.first()?;
    if b.is_ascii() {
        // the item's first bytes lower-cased once: a label is compared with them as bytes
        // when they are ASCII over its length (most items), which is the char-by-char
        // compare's answer, as no ASCII char equals a non-ASCII one in either case
        let mut head = [0u8; 8];
        let n = bytes.len().min(head.len());
        super::scan::lower_into(&mut head[..n], &bytes[..n]);
        let ascii = head[..n].iter().take_while(|b| b.is_ascii()).count();
        // the labels starting with the first byte in either case (being lower-case, with the
        // lower-case byte); no other one can match
        let set = labels.starting_with(b) | labels.starting_with(head[0]);
        for l in each_label(labels, set) {
            let lb = l.as_bytes();
            let rest = if lb.len() <= ascii {
                (head[..lb.len()] == *lb && item.len() > lb.len()).then(|| &item[lb.len()..])
            } else {
                // a non-ASCII char may lower-case to an ASCII letter (KELVIN SIGN to 'k'):
                // such items are compared char by char
                strip_label_ci(item, l)
            };
            if let Some(v) = rest.and_then(label_value) {
                return Some(v);
            }
        }
        return None;
    }
    // the first char, in both cases, rules most labels out before the char-by-char compare
    let first = item.chars().next()?;
    let first_lower = first.to_lowercase().next().unwrap_or(first);
    // a label starting with either char starts with a non-ASCII one, or with an ASCII one
    // that the first char lower-cases to (KELVIN SIGN to 'k')
    let mut set = labels.non_ascii_first;
    if first_lower.is_ascii() {
        set |= labels.starting_with(first_lower as u8);
    }
    for l in each_label(labels, set) {
        if !l.starts_with([first, first_lower]) {
            continue;
        }
        if let Some(v) = strip_label_ci(item, l).and_then(label_value) {
            return Some(v);
        }
    }
    None
}

/// The value in what follows a label, if the label is a word of its own.
fn label_value(rest: &str) -> Option<&str> {
    // "no" must be a word of its own, not the start of "Nobel"
    if rest.starts_with(is_alphabetic) {
        return None;
    }
    let v = rest.trim_start_matches([' ', ':']).trim_end_matches('.');
    (!v.is_empty()).then_some(v)
}

fn is_number_like(v: &str) -> bool {
    let arabic = v.starts_with(|c: char| c.is_ascii_digit())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '(' | ')'));
    // volumes are sometimes Roman: "vol. XVII"
    let roman = v.len() <= 8
        && v.chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'));
    v.len() <= 16 && !v.is_empty() && (arabic || roman)
}

/// "61-78", "7", "e1234", "S12-S20".
fn is_range(v: &str) -> bool {
    if v.len() > 24 {
        return false;
    }
    // one pass over the bytes: only ASCII letters, digits and '-' are allowed, so a
    // non-ASCII byte fails at once and the letters counted are ASCII ones
    let (mut digit, mut letters) = (false, 0);
    for b in v.bytes() {
        if b.is_ascii_digit() {
            digit = true;
        } else if b.is_ascii_alphabetic() {
            letters += 1;
        } else if b != b'-' {
            return false;
        }
    }
    digit && letters <= 4
}

/// `item` without the label `l` (lower-case), compared char by char without allocating.
fn strip_label_ci<'a>(item: &'a str, l: &str) -> Option<&'a str> {
    let mut it = item.char_indices();
    for lc in l.chars() {
        let (_, c) = it.next()?;
        let same = c == lc
            || if c.is_ascii() {
                c.to_ascii_lowercase() == lc
            } else {
                c.to_lowercase().next() == Some(lc)
            };
        if !same {
            return None;
        }
    }
    let rest = it.offset();
    (rest < item.len()).then(|| &item[rest..])
}

/// "296 p.", "296 pp", "296 с." → 296.
fn page_count(item: &str) -> Option<u32> {
    let (n, len) = number_at(item, 0)?;
    let rest = item[len..].trim();
    matches!(
        rest,
        "p." | "p" | "pp." | "pp" | "с." | "с" | "S." | "pages"
    )
    .then_some(n)
}

/// The first two words of an item, and whether a third follows.
struct ShortItem<'a> {
    first: Option<&'a str>,
    second: Option<&'a str>,
    more: bool,
}

impl<'a> ShortItem<'a> {
    /// From the item's first word and the words after it.
    fn new(first: Option<&'a str>, mut ws: super::scan::Words<'a>) -> Self {
        let second = ws.next();
        // a word after an exhausted split is none, as `words` gives it
        let more = second.is_some() && ws.next().is_some();
        ShortItem {
            first,
            second,
            more,
        }
    }
}

/// "12 March", "March 12", "12 марта": a date whose year is the year slot's.
fn day_month(item: &ShortItem<'_>) -> Option<(u8, u8)> {
    let (a, b) = (item.first?, item.second?);
    if item.more {
        return None;
    }
    day_month_words(a, b)
}

/// [`day_month`] of two words.
fn day_month_words(a: &str, b: &str) -> Option<(u8, u8)> {
    // one word must be the day: a word that starts with neither a digit nor '+' does not
    // parse as a number, so two such words are ruled out before either is parsed
    let may_be_day = |w: &str| {
        w.as_bytes()
            .first()
            .is_some_and(|&c| c.is_ascii_digit() || c == b'+')
    };
    if !may_be_day(a) && !may_be_day(b) {
        return None;
    }
    let (day, month) = match (a.parse::<u8>(), b.parse::<u8>()) {
        (Ok(d), Err(_)) => (d, month_number(b.trim_end_matches('.'))?),
        (Err(_), Ok(d)) => (d, month_number(a.trim_end_matches('.'))?),
        _ => return None,
    };
    (1..=31).contains(&day).then_some((month, day))
}

/// "May 2016" → Some(Some(2016)); "May" → Some(None); anything else → None.
fn month_year(item: &ShortItem<'_>) -> Option<Option<i32>> {
    let m = item.first?;
    let y = item.second;
    if item.more {
        return None;
    }
    month_number(m.trim_end_matches('.'))?;
    match y {
        None => Some(None),
        Some(y) => (y.len() == 4).then(|| year_at(y, 0)).flatten().map(Some),
    }
}

/// "2nd ed", "3rd edn", "2-е изд", "2. Aufl": an edition statement, read and dropped.
fn is_edition(item: &str) -> bool {
    let Some((_, len)) = number_at(item, 0) else {
        return false;
    };
    let rest = item[len..].trim_start_matches(['-', '.', ' ']);
    let rest = rest
        .trim_start_matches("st")
        .trim_start_matches("nd")
        .trim_start_matches("rd")
        .trim_start_matches("th")
        .trim_start_matches('е')
        .trim();
    matches!(
        rest,
        "ed" | "edn" | "ed." | "edn." | "edition" | "изд" | "изд." | "Aufl" | "Aufl." | "éd"
    )
}

/// "12(3):42-65", "12(3)", "2019;12(1):102-116", "12:42-65".
fn compact_locator<'a>(item: &'a str, loc: &mut Locators<'a>) -> bool {
    let mut s = item;
    let mut year = None;
    if let Some(y) = year_at(s, 0) {
        // "2010;29(11):1611-21" or, with the issue date, "2010 Mar 18;29(11):1611-21"
        let semi = match find_byte(s, b';') {
            Some(k) if k == 4 => k,
            Some(k)
                if k <= 16
                    && words(&s[4..k])
                        .next()
                        .is_some_and(|m| month_number(m.trim_end_matches('.')).is_some()) =>
            {
                k
            }
            _ => return false,
        };
        year = Some(y);
        s = s[semi + 1..].trim_start();
    }
    // "2020;(2):45-61": journals without volumes print the issue alone after the year
    let vlen = match number_at(s, 0) {
        Some((_, len)) => len,
        None if year.is_some() && s.starts_with('(') => 0,
        None => return false,
    };
    let volume = &s[..vlen];
    let mut rest = &s[vlen..];
    let mut issue = None;
    // APA prints "70 (3)" as often as "70(3)"
    // ("12 (2005) 100-110" prints the year there, not the issue)
    if vlen > 0 && rest.starts_with(" (") {
        if year_at(rest, 2).is_some() {
            return false;
        }
        rest = &rest[1..];
    }
    if let Some(r) = rest.strip_prefix('(') {
        let Some(close) = find_byte(r, b')') else {
            return false;
        };
        let inner = &r[..close];
        if !is_number_like(inner) && !inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return false;
        }
        issue = Some(inner);
        rest = &r[close + 1..];
    }
    let mut pages = None;
    if let Some(r) = rest.strip_prefix(':') {
        let r = r.trim();
        // "336(6082): p. 736-9"
        let r = after_label(r, &PAGES_DOTTED).unwrap_or(r);
        if !is_range(r) {
            return false;
        }
        pages = Some(r);
        rest = "";
    }
    if !rest.trim().is_empty() || (issue.is_none() && pages.is_none()) {
        return false;
    }
    if loc.volume.is_some() {
        return false;
    }
    loc.volume = (!volume.is_empty()).then_some(volume);
    loc.issue = loc.issue.take().or(issue);
    if loc.pages.is_none() {
        loc.pages = pages.map(Cow::Borrowed);
    }
    if loc.year.is_none() {
        loc.year = year;
    }
    loc.compact_year |= year.is_some();
    true
}

/// "Moscow: AIRO-XXI", "М.: Наука", "New York: Routledge".
fn place_publisher(item: &str) -> Option<(&str, &str)> {
    let colon = find_byte(item, b':')?;
    let place = item[..colon].trim();
    let publisher = item[colon + 1..].trim();
    if place.is_empty() || publisher.is_empty() || place.len() > 40 || publisher.len() > 120 {
        return None;
    }
    // the cheapest test first: each is a condition of the answer, in any order
    if !publisher.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"') {
        return None;
    }
    // at most three words, each capitalised or a particle, read in one pass: a fourth
    // rules the place out
    let mut count = 0;
    let place_ok = words(place).all(|w| {
        count += 1;
        count <= 3
            && (w.starts_with(|c: char| c.is_uppercase())
                || matches!(w, "am" | "upon" | "on" | "de"))
    });
    let publisher_ok = first_year(publisher).is_none_or(|(i, _)| i > 0);
    (place_ok && publisher_ok && !starts_with_ci(place, "http")).then_some((place, publisher))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, keep: usize) -> (Locators<'_>, &str) {
        let (l, n) = strip_locators(s, keep);
        (l, &s[..n])
    }

    #[test]
    fn seed_sources() {
        let (l, src) = run("Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 61-78", 0);
        assert_eq!(src, "Japan 2016. Yearbook");
        assert_eq!(l.pages.as_deref(), Some("61-78"));
        assert_eq!(l.place.as_deref(), Some("Moscow"));
        assert_eq!(l.publisher, Some("AIRO-XXI"));
        let (l, src) = run(
            "Vestnik universiteta. Seriya 25. Politika, no 3. pp. 72-95",
            0,
        );
        assert_eq!(src, "Vestnik universiteta. Seriya 25. Politika");
        assert_eq!((l.issue, l.pages.as_deref()), (Some("3"), Some("72-95")));
        let (l, src) = run(
            "Japan: Political Modernization of the Heisei Era, Moscow: AIRO-XXI",
            1,
        );
        assert_eq!(src, "Japan: Political Modernization of the Heisei Era");
        assert_eq!(l.publisher, Some("AIRO-XXI"));
        let (_, src) = run("IMEMO RAN", 0);
        assert_eq!(src, "IMEMO RAN");
    }

    #[test]
    fn months_after_the_source() {
        let (l, src) = run("Revue des soins, octobre 2011, n°42. p. 10-12", 0);
        assert_eq!(src, "Revue des soins");
        assert_eq!(l.year, Some(2011));
        assert_eq!(l.issue, Some("42"));
        let (l, src) = run("Daily Courier 14 March", 0);
        assert_eq!(src, "Daily Courier");
        assert_eq!(l.day_month, Some((3, 14)));
    }

    #[test]
    fn imprint_in_parentheses() {
        let (l, src) = run("Salt Marshes of the North (Oxford: Clarendon, 2004)", 1);
        assert_eq!(src, "Salt Marshes of the North");
        assert_eq!(l.year, Some(2004));
        assert_eq!(l.publisher, Some("Clarendon"));
    }

    #[test]
    fn spaced_issue_and_labelled_pages() {
        let (l, src) = run("Coastal Ecology, 14 (2), 101-119", 0);
        assert_eq!(src, "Coastal Ecology");
        assert_eq!(
            (l.volume, l.issue, l.pages.as_deref()),
            (Some("14"), Some("2"), Some("101-119"))
        );
        let (l, _) = run("Coastal Ecology 14 (2011) 101-119", 0);
        assert_eq!(l.issue, None);
        let (l, src) = run("Marine Biology, 2015. 41(7): p. 88-95", 0);
        assert_eq!(src, "Marine Biology");
        assert_eq!(l.pages.as_deref(), Some("88-95"));
    }

    #[test]
    fn other_styles() {
        let (l, src) = run("Японские исследования. 2016. Т. 5. № 3. С. 42-65", 0);
        assert_eq!(src, "Японские исследования");
        assert_eq!(l.year, Some(2016));
        assert_eq!(
            (l.volume, l.issue, l.pages.as_deref()),
            (Some("5"), Some("3"), Some("42-65"))
        );
        let (l, src) = run(
            "Outlines of global transformations: politics, economics, law. 2019;12(1):102-116",
            0,
        );
        assert_eq!(
            src,
            "Outlines of global transformations: politics, economics, law"
        );
        assert_eq!(
            (l.volume, l.issue, l.pages.as_deref(), l.year),
            (Some("12"), Some("1"), Some("102-116"), Some(2019))
        );
        let (l, src) = run("Japanese Studies in Russia. 2020;(2):45-61", 0);
        assert_eq!(src, "Japanese Studies in Russia");
        assert_eq!(
            (l.volume, l.issue, l.pages.as_deref(), l.year),
            (None, Some("2"), Some("45-61"), Some(2020))
        );
        let (l, src) = run("Journal of Things, 12(3), 42-65", 0);
        assert_eq!(src, "Journal of Things");
        assert_eq!(
            (l.volume, l.issue, l.pages.as_deref()),
            (Some("12"), Some("3"), Some("42-65"))
        );
        let (l, src) = run("Science, Vol. 12, No. 3, P. 42-65", 0);
        assert_eq!(src, "Science");
        assert_eq!(
            (l.volume, l.issue, l.pages.as_deref()),
            (Some("12"), Some("3"), Some("42-65"))
        );
        let (l, src) = run("М.: Наука, 2013. 296 с", 0);
        assert_eq!(src, "");
        assert_eq!(
            (l.place.as_deref(), l.publisher, l.year),
            (Some("М."), Some("Наука"), Some(2013))
        );
        assert!(l.page_count);
        let (l, src) = run("Washington, DC: Sasakawa Peace Foundation, 150 p", 0);
        assert_eq!(src, "");
        assert_eq!(l.place.as_deref(), Some("Washington, DC"));
        let (l, src) = run("Perceptions, vol. XVII, no 4, pp. 49-78", 0);
        assert_eq!((src, l.volume), ("Perceptions", Some("XVII")));
        let (l, src) = run("Handbook of Things (pp. 10-25). London: Routledge", 0);
        assert_eq!(
            (src, l.pages.as_deref()),
            ("Handbook of Things", Some("10-25"))
        );
        let (l, src) = run(
            "European Journal of Clinical Pharmacology 2005, 61, 327-335",
            0,
        );
        assert_eq!(src, "European Journal of Clinical Pharmacology");
        assert_eq!(
            (l.year, l.volume, l.pages.as_deref()),
            (Some(2005), Some("61"), Some("327-335"))
        );
        let (l, src) = run(
            "Journal of the Acoustical Society of America 137, 1493-1502",
            0,
        );
        assert_eq!(
            (src, l.volume),
            ("Journal of the Acoustical Society of America", Some("137"))
        );
        let (l, src) = run("Journal of clinical oncology 26: 5988-93", 0);
        assert_eq!(
            (src, l.volume, l.pages.as_deref()),
            ("Journal of clinical oncology", Some("26"), Some("5988-93"))
        );
        let (_, src) = run("Vestnik MGU. Seriya 25, no 3, pp. 72-95", 0);
        assert_eq!(src, "Vestnik MGU. Seriya 25");
        let (l, src) = run("Journal of neurotrauma 12, 1-21 (1995).", 0);
        assert_eq!(src, "Journal of neurotrauma");
        assert_eq!(
            (l.volume, l.pages.as_deref(), l.year),
            (Some("12"), Some("1-21"), Some(1995))
        );
        let (l, src) = run("Oncogene. 2010 Mar 18;29(11):1611-21", 0);
        assert_eq!(src, "Oncogene");
        assert_eq!(
            (l.volume, l.issue, l.year),
            (Some("29"), Some("11"), Some(2010))
        );
        let (l, src) = run("ApJS, 208, 17", 0);
        assert_eq!(
            (src, l.volume, l.pages.as_deref()),
            ("ApJS", Some("208"), Some("17"))
        );
        let (l, src) = run(
            "Journal of the Acoustical Society of America 128(5), EL342-EL346. 2010. *",
            0,
        );
        assert_eq!(src, "Journal of the Acoustical Society of America");
        assert_eq!(
            (l.volume, l.issue, l.pages.as_deref(), l.year),
            (Some("128"), Some("5"), Some("EL342-EL346"), Some(2010))
        );
        let (l, src) = run("Physical Review Letters 2000, 85, (24), 5186-5189", 0);
        assert_eq!(src, "Physical Review Letters");
        assert_eq!((l.volume, l.issue), (Some("85"), Some("24")));
        let (l, src) = run("L'Aide-soignante, septembre 2004, n°59. p. 24-25", 0);
        assert_eq!((l.issue, l.pages.as_deref()), (Some("59"), Some("24-25")));
        assert!(src.starts_with("L'Aide-soignante"));
        let (l, src) = run("The Japan Times, 12 March", 0);
        assert_eq!((src, l.day_month), ("The Japan Times", Some((3, 12))));
    }
}
