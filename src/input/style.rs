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
use super::scan::{first_year, has_cyrillic, prefix_at_most, year_at};
use super::segment::split_label;

/// How many bytes of an entry are read for cues: styles show themselves early.
const STYLE_BYTES: usize = 700;

/// Every style, in the order of the score table.
const STYLES: [Style; 8] = [
    Style::RussianLatin,
    Style::Gost,
    Style::Apa,
    Style::Harvard,
    Style::Chicago,
    Style::Mla,
    Style::Vancouver,
    Style::Ieee,
];

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

/// Particles before a family name ("van der Berg", "de la Cruz", "von Neumann").
fn is_particle(t: &str) -> bool {
    matches!(
        t.to_ascii_lowercase().as_str(),
        "van"
            | "von"
            | "der"
            | "den"
            | "de"
            | "la"
            | "le"
            | "du"
            | "da"
            | "di"
            | "del"
            | "della"
            | "dos"
            | "das"
            | "ter"
            | "ten"
            | "zu"
            | "bin"
            | "al"
            | "el"
    )
}

/// "AB", "E" — capitals with no dots, as Vancouver prints initials.
fn is_bare_caps(t: &str) -> bool {
    let n = t.chars().count();
    (1..=3).contains(&n) && t.chars().all(char::is_uppercase)
}

fn author_form(t: &str) -> Form {
    let toks: Vec<&str> = t.split_whitespace().take(8).collect();
    let mut i = 0;
    // initials first: "A. B. Family", "J.-P. Family"
    while i < toks.len() && is_dotted_initials(toks[i].trim_end_matches(',')) {
        i += 1;
    }
    if i > 0 {
        let starts_upper = toks
            .get(i)
            .is_some_and(|w| w.starts_with(char::is_uppercase) || is_particle(w));
        // "Family, I." has the comma on the family; here the initials come before any comma
        return if starts_upper && !toks[..i].iter().any(|w| w.ends_with(',')) {
            Form::InitialsFirst
        } else {
            Form::Other
        };
    }
    while i + 1 < toks.len() && is_particle(toks[i]) {
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
        let letters = g.chars().filter(|c| c.is_alphabetic()).count();
        let word_like = g
            .chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '-' || c == '\'');
        if g.starts_with(char::is_uppercase) && letters >= 2 && word_like {
            return Form::CommaGiven;
        }
        return Form::Other;
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

fn year_position(t: &str) -> YearPos {
    let head = prefix_at_most(t, 260);
    if head.contains("(n.d.).") {
        return YearPos::ParenDot;
    }
    if head.contains("(n.d.)") {
        return YearPos::ParenBare;
    }
    let Some((pos, _)) = first_year(t) else {
        return YearPos::None;
    };
    let pre = &t[..pos];
    let quoted_before = pre.contains('"') || pre.contains(" '");
    if pos > 250 || quoted_before {
        return YearPos::Late;
    }
    let after = &t[pos + 4..];
    let after = after
        .strip_prefix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(after);
    if pre.ends_with('(') {
        let Some(close) = prefix_at_most(after, 30).find(')') else {
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
    let bare_slot = (pre.ends_with(". ") || pre.ends_with(", ") && pre.contains(" and "))
        && after.starts_with(['.', ',', ':'])
        && !pre.contains(':')
        && !pre.contains(char::is_numeric);
    if bare_slot {
        YearPos::BareDot
    } else {
        YearPos::Late
    }
}

/// The entry cut before its URL or DOI: links hold slashes, colons and digits that read as cues.
fn before_links(t: &str) -> &str {
    let mut end = t.len();
    for m in ["http", "www.", "doi:", "DOI:", "https"] {
        if let Some(k) = t.find(m) {
            end = end.min(k);
        }
    }
    &t[..end]
}

/// "2016;12(3):42", "2016 Mar;12", "2016 Mar 3;12": the Vancouver locator.
fn compact_locator(t: &str) -> bool {
    let b = t.as_bytes();
    t.match_indices(';').any(|(k, _)| {
        let after_digit = b.get(k + 1).is_some_and(u8::is_ascii_digit);
        if !after_digit {
            return false;
        }
        let back = k.saturating_sub(12);
        let mut start = back;
        while !t.is_char_boundary(start) {
            start += 1;
        }
        first_year(&t[start..k]).is_some()
    })
}

/// "Publisher; 2016." — Vancouver's imprint.
fn semicolon_year(t: &str) -> bool {
    t.match_indices("; ").any(|(k, _)| {
        year_at(t, k + 2).is_some() && !t[k + 6..].starts_with(|c: char| c.is_ascii_digit())
    })
}

/// "12 (3): 42" (Chicago author-date) or "12, no. 3 (2016): 42" (notes-bibliography).
fn chicago_locator(t: &str) -> bool {
    t.match_indices("): ").any(|(k, _)| {
        let Some(open) = t[..k].rfind('(') else {
            return false;
        };
        let inner = &t[open + 1..k];
        let digits = !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit() || b == b'-');
        let before = &t[..open];
        digits
            && before.ends_with(' ')
            && before
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit() || c == '.')
            && t[k + 3..].starts_with(|c: char| c.is_ascii_digit())
    })
}

/// "12(3), 42" — APA's and Harvard's volume(issue).
fn volume_issue_comma(t: &str) -> bool {
    t.match_indices("), ").any(|(k, _)| {
        let Some(open) = t[..k].rfind('(') else {
            return false;
        };
        let inner = &t[open + 1..k];
        !inner.is_empty()
            && inner.len() <= 8
            && inner
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && t[..open].ends_with(|c: char| c.is_ascii_digit())
    })
}

/// ", 2016, pp." — MLA puts the year before the pages.
fn year_then_pages(t: &str) -> bool {
    t.match_indices(", pp.")
        .any(|(k, _)| k >= 6 && year_at(t, k - 4).is_some())
        || t.match_indices(", p. ")
            .any(|(k, _)| k >= 6 && year_at(t, k - 4).is_some())
}

/// "Place: Publisher, 2016." at the end: a Chicago notes-bibliography imprint.
fn imprint_year_at_end(t: &str) -> bool {
    let e = t.trim_end().trim_end_matches('.');
    e.len() > 8
        && year_at(e, e.len() - 4).is_some()
        && e[..e.len() - 4].ends_with(", ")
        && e[..e.len() - 4]
            .rfind(". ")
            .is_some_and(|k| e[k..].contains(": "))
}

/// The closing mark of the first double-quoted title: '.' for Chicago and MLA, ',' for IEEE.
fn quote_close(t: &str) -> Option<char> {
    let open = t.find('"')?;
    let close = open + 1 + t[open + 1..].find('"')?;
    t[..close].chars().next_back()
}

/// "(2016) 'Title', Journal" — Harvard's single marks around a title.
fn single_quoted_title(t: &str) -> bool {
    [") '", ". '", ", '"].iter().any(|m| {
        t.find(m).is_some_and(|k| {
            let rest = &t[k + 3..];
            rest.find('\'')
                .is_some_and(|c| rest[c + 1..].starts_with([',', '.', ' ']) || c + 1 == rest.len())
        })
    })
}

/// The style cues of one entry (label and all, normalised or not).
pub(crate) fn guess(text: &str) -> StyleGuess {
    let norm = normalize(prefix_at_most(text.trim(), STYLE_BYTES));
    let mut t: &str = norm.as_ref();
    if let Some((_, rest)) = split_label(t) {
        t = rest.trim_start();
    }
    score(t)
}

fn score(t: &str) -> StyleGuess {
    if has_cyrillic(prefix_at_most(t, 200)) {
        return StyleGuess {
            best: Some(Style::Gost),
            definite: true,
            compatible: 1 << ix(Style::Gost),
        };
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
    match year_position(t) {
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
    let head = before_links(t);
    if head.contains("//") {
        add(Gost, 4);
    } else {
        add(Gost, -10);
    }
    if compact_locator(head) {
        add(Vancouver, 4);
    }
    if semicolon_year(head) {
        add(Vancouver, 2);
    }
    if t.contains("[Internet]") || t.contains("[cited ") {
        add(Vancouver, 3);
    }
    if t.contains("Available from") {
        add(Vancouver, 2);
    }
    if t.contains("Available at") {
        add(Harvard, 1);
        add(RussianLatin, 1);
    }
    if t.contains("(Accessed") {
        add(Harvard, 2);
    }
    if t.contains("[Online]") || t.contains("(accessed ") {
        add(Ieee, 2);
    }
    if t.contains(". Accessed ") {
        add(Mla, 1);
    }
    if chicago_locator(head) {
        add(Chicago, 3);
    }
    if volume_issue_comma(head) {
        add(Apa, 1);
        add(Harvard, 1);
    }
    if head.contains(", vol. ") {
        add(Mla, 1);
        add(Ieee, 1);
    }
    if year_then_pages(head) {
        add(Mla, 3);
    }
    if head.contains("(pp. ") {
        add(Apa, 2);
    } else if head.contains("pp. ") {
        for st in [Harvard, Mla, Ieee, RussianLatin] {
            add(st, 1);
        }
    } else if volume_issue_comma(head) {
        add(Apa, 1);
    }
    if head.contains(", no ") || t.contains("(in Russian)") {
        add(RussianLatin, 2);
    }
    match quote_close(head) {
        Some('.') => {
            add(Chicago, 1);
            add(Mla, 1);
        }
        Some(',') => add(Ieee, 2),
        _ => {}
    }
    if single_quoted_title(head) {
        add(Harvard, 2);
    }
    let authors_part = prefix_at_most(head, 200);
    if authors_part.contains(" & ") {
        add(Apa, 2);
    } else if form == Form::CommaInitials && authors_part.contains(" and ") {
        add(Harvard, 1);
    }
    if head.contains("(Ed.)") || head.contains("(Eds.)") {
        add(Apa, 2);
    }
    if head.contains("(ed.)") || head.contains("(eds)") || head.contains("(eds.)") {
        add(Harvard, 2);
    }
    if head.contains(" edn") {
        add(Harvard, 1);
    }
    if head.contains(", editor") || head.contains(", editors") {
        add(Vancouver, 2);
    }
    if head.contains("In: ") {
        add(Vancouver, 1);
        add(RussianLatin, 1);
    }
    if head.contains("edited by") || head.contains("Edited by") {
        add(Chicago, 1);
        add(Mla, 1);
        if head.contains(" In ") {
            add(Chicago, 1);
        }
    }
    if head.contains(", Ed.") || head.contains(", Eds.") {
        add(Ieee, 1);
    }
    if form == Form::CommaGiven && imprint_year_at_end(head) {
        add(Chicago, 1);
    }
    decide(&s)
}

/// The best style, whether it leads clearly, and the styles that score close to it.
fn decide(s: &[i32; 8]) -> StyleGuess {
    let mut order: Vec<usize> = (0..8).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(s[i]));
    let (top, second) = (s[order[0]], s[order[1]]);
    let best = (top >= 2 && top > second).then_some(STYLES[order[0]]);
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

/// The style one entry is printed in, when its cues point to one; `None` when unsure.
pub(crate) fn entry_style(body: &str) -> Option<Style> {
    score(prefix_at_most(body, STYLE_BYTES)).best
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
    let mut definite = [0usize; 8];
    let mut any = [0usize; 8];
    for g in &guesses {
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
    for (r, g) in refs.iter_mut().zip(&guesses) {
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
    fn ambiguous_entries_stay_open() {
        let got = g("Family, First. Title. Publisher, 2016.");
        assert!(!got.definite);
        assert!(got.is_compatible(Style::Mla) && got.is_compatible(Style::Chicago));
        let got = g("World Health Organization. Title. Geneva: WHO; 2019.");
        assert!(got.is_compatible(Style::Vancouver));
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
