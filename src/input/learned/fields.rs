//! From labelled spans to field values: the first span of each label, with the punctuation
//! that joins fields ("Title.", "(2017).", "In:") stripped.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::label::FieldLabel;
use super::model::{LabeledSpan, SequenceModel};
use crate::model::Style;

/// The text of the first span of each label, cleaned.
///
/// Cleaned when asked for: the parser reads six of the twenty labels, and cleaning every
/// span up front cost more than the lookups.
#[derive(Debug)]
pub(crate) struct SpanFields<'a> {
    text: &'a str,
    spans: &'a [LabeledSpan],
}

impl<'a> SpanFields<'a> {
    pub fn new(text: &'a str, spans: &'a [LabeledSpan]) -> SpanFields<'a> {
        SpanFields { text, spans }
    }

    /// The first span labelled `label` that is not empty once cleaned, cleaned.
    pub fn get(&self, label: FieldLabel) -> Option<&'a str> {
        self.spans
            .iter()
            .filter(|s| s.label == label)
            .filter_map(|s| self.text.get(s.span.clone()))
            .map(clean)
            .find(|t| !t.is_empty())
    }

    /// The container: a journal, else a book or proceedings, else a series.
    pub fn container(&self) -> Option<&'a str> {
        self.get(FieldLabel::Journal)
            .or_else(|| self.get(FieldLabel::ContainerTitle).map(strip_in))
            .or_else(|| self.get(FieldLabel::CollectionTitle))
            .filter(|s| !s.is_empty())
    }
}

/// Strips what joins a field to its neighbours: surrounding spaces, trailing separators,
/// and quotes or brackets that enclose the whole value.
pub(crate) fn clean(s: &str) -> &str {
    let mut s = s.trim();
    loop {
        // A round that would change nothing is not run: most values settle after one, and
        // the round that confirmed it was half this function's cost.
        if settled(s) {
            return s;
        }
        let next = clean_round(s);
        if next.len() == s.len() {
            return next;
        }
        s = next;
    }
}

/// One round of [`clean`]: trailing separators, enclosing quotes and brackets, spaces.
fn clean_round(mut s: &str) -> &str {
    s = s.trim_end_matches([',', ';', ':', '.', ' ', '/']);
    // "Title," and "“Title,”": an enclosing pair goes, a lone closing one too
    // `starts_with(char)` encodes the char and calls `memcmp`: fifteen such calls per
    // value were most of this function's cost. Most values neither start nor end with a
    // quote, and one look at the end chars rules all four pairs out.
    let first = s.chars().next();
    let last = s.chars().next_back();
    let quoted =
        |c: Option<char>| matches!(c, Some('"' | '\u{201c}' | '\u{201d}' | '\'' | '«' | '»'));
    if quoted(first) || quoted(last) {
        for (open, close) in [
            ('"', '"'),
            ('\u{201c}', '\u{201d}'),
            ('\'', '\''),
            ('«', '»'),
        ] {
            let starts = s.starts_with(open);
            let ends = s.ends_with(close);
            if starts && ends && s.len() > 2 * open.len_utf8() {
                s = &s[open.len_utf8()..s.len() - close.len_utf8()];
            } else if starts && !s[open.len_utf8()..].contains(close) {
                s = &s[open.len_utf8()..];
            } else if ends && !s[..s.len() - close.len_utf8()].contains(open) {
                s = &s[..s.len() - close.len_utf8()];
            }
        }
    }
    let starts = s.as_bytes().first() == Some(&b'(');
    let ends = s.as_bytes().last() == Some(&b')');
    if starts && ends && !s[1..s.len() - 1].contains(['(', ')']) {
        s = &s[1..s.len() - 1];
    }
    if s.as_bytes().last() == Some(&b')') && !s.contains('(') {
        s = &s[..s.len() - 1];
    }
    if s.as_bytes().first() == Some(&b'(') && !s.contains(')') {
        s = &s[1..];
    }
    s.trim()
}

/// Whether a round of [`clean`] leaves `s` (trimmed) as it is: its last char is no
/// separator, quote or bracket and its first no quote or bracket, so no rule of the round
/// applies.
fn settled(s: &str) -> bool {
    let quote = |c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\'' | '«' | '»');
    match (s.chars().next(), s.chars().next_back()) {
        (Some(first), Some(last)) => {
            !quote(first)
                && !quote(last)
                && first != '('
                && !first.is_whitespace()
                && !last.is_whitespace()
                && !matches!(last, ',' | ';' | ':' | '.' | '/' | ')')
        }
        _ => true,
    }
}

/// "…, and M. Stutzmann, J. Appl. Phys. 87", "R. C. Carrington, Mon. Not. R. Astron. Soc.":
/// the model may read the journal's leading "J." as one more initial, or "Mon." as one more
/// name. Where the author span ends in initials or abbreviations that the rule parser's name
/// list does not reach, they go to the span that follows.
fn trim_dangling_initials(
    text: &str,
    spans: &mut [LabeledSpan],
    text_authors: Option<(usize, bool)>,
) {
    let Some(i) = spans.iter().position(|s| s.label == FieldLabel::Author) else {
        return;
    };
    if i + 1 >= spans.len() {
        return;
    }
    // Reading the name list again costs as much as the rest of this step, so only when the
    // span ends in an initial or abbreviation at all.
    let last = text
        .get(spans[i].span.clone())
        .and_then(|s| s.split_whitespace().next_back())
        .unwrap_or("");
    if !abbreviated_word(last) {
        return;
    }
    // The rules' scan stands for `parse_author_list` where normalising changes nothing.
    let (names_end, any_names) = match text_authors {
        Some(known) if matches!(crate::text::normalize(text), Cow::Borrowed(_)) => known,
        _ => {
            let names = crate::input::parse_author_list(text);
            (names.end, !names.names.is_empty())
        }
    };
    let end = spans[i].span.end;
    if !any_names || names_end >= end {
        return;
    }
    let Some(tail) = text.get(names_end..end) else {
        return;
    };
    // "et al." stays with the names; what follows it must be initials or abbreviations
    let tail = match tail.find("et al.") {
        Some(k) => &tail[k + "et al.".len()..],
        None => tail,
    };
    let tail_words: Vec<&str> = tail
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| !c.is_alphanumeric()))
        .collect();
    // A word longer than an initial may be a family name ending the list ("… and J.
    // Christian Gerdes. Title"); it is an abbreviation only where a journal follows.
    let initial = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count() == 1;
    let journal_next = spans[i + 1].label == FieldLabel::Journal;
    if tail_words.is_empty()
        || !tail_words
            .iter()
            .all(|w| abbreviated_word(w) && (journal_next || initial(w)))
    {
        return;
    }
    let tail_start = end - tail.len();
    // The tail's first word starts the next span.
    let offset = tail.find(|c: char| c.is_alphabetic()).unwrap_or(0);
    let cut = tail_start + offset;
    let before = text[..cut].trim_end();
    spans[i].span.end = before.len().max(spans[i].span.start);
    spans[i + 1].span.start = cut;
}

/// An initial ("J.") or a capitalised abbreviation ("Astron.", "Mon."): what a journal's
/// name starts with and a name list may end with.
fn abbreviated_word(word: &str) -> bool {
    let word = word.trim_end_matches(',');
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.ends_with('.')
        && word.chars().next().is_some_and(char::is_uppercase)
        && (1..=6).contains(&letters)
        && word.chars().skip(1).all(|c| c.is_lowercase() || c == '.')
}

/// "M. Tanaka, Charged Higgs effects on …": the model may end the author span on the
/// title's first word. After a full name ("M. Tanaka") a lone capitalised word with no
/// initial is no person; it goes back to the title that follows. (After a lone family name,
/// "Smith, John", it is the given name and stays.)
fn return_stray_title_word(text: &str, spans: &mut [LabeledSpan]) {
    let Some(i) = spans.iter().position(|s| s.label == FieldLabel::Author) else {
        return;
    };
    if spans
        .get(i + 1)
        .is_none_or(|s| s.label != FieldLabel::Title)
    {
        return;
    }
    let Some(span) = text.get(spans[i].span.clone()) else {
        return;
    };
    let Some((head, last)) = span.rsplit_once(',') else {
        return;
    };
    let word = last.trim();
    let previous = head.rsplit(',').next().unwrap_or(head).trim();
    let lone_word = !word.is_empty()
        && word.split_whitespace().count() <= 3
        && word.split_whitespace().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(char::is_lowercase)
                && w.chars().count() >= 3
        });
    let full_name_before = previous.split_whitespace().count() >= 2 && previous.contains('.');
    if !(lone_word && full_name_before) {
        return;
    }
    let cut = spans[i].span.start + head.len();
    let word_start = spans[i].span.end - last.len() + (last.len() - last.trim_start().len());
    spans[i].span.end = cut;
    spans[i + 1].span.start = word_start;
}

/// `value` (a cleaned slice of `text`) with its final period back when it ends an
/// abbreviation ("Phys. Lett."), which a journal's name keeps.
fn keep_abbreviation_period<'a>(text: &'a str, value: &'a str) -> &'a str {
    let Some(start) = (value.as_ptr() as usize).checked_sub(text.as_ptr() as usize) else {
        return value;
    };
    let end = start + value.len();
    if crate::input::scan::ends_on_abbreviation(value) && text.get(end..end + 1) == Some(".") {
        &text[start..end + 1]
    } else {
        value
    }
}

/// The series letter of a volume printed "B511".
fn series_letter(volume: &str) -> Option<char> {
    let mut chars = volume.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    let rest = chars.as_str();
    (!rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit())).then_some(letter)
}

/// "In: Handbook", "In Handbook" → "Handbook".
fn strip_in(s: &str) -> &str {
    for p in ["In: ", "in: ", "In ", "in ", "В кн.: ", "В: ", "// "] {
        if let Some(rest) = s.strip_prefix(p) {
            return rest.trim_start();
        }
    }
    s
}

/// Takes from the model the fields it reads better than the rules: the title, the container,
/// and the author list where the rules read fewer names. On AnyStyle's gold data (never
/// trained on) the rules reach title F1 0.78 and container 0.58, the model 0.93 and 0.91;
/// year, volume, issue, pages and DOI stay with the rules (README, "Parsing accuracy").
///
/// The model learnt from AnyStyle's data, which has no GOST entries and few in the Latin
/// style of Russian journals; where the rules recognise those styles (or the entry is in
/// Cyrillic) their reading stands. Entries whose rule reading is clean never come here
/// (`input::settled`).
///
/// `text_authors` is where the rules' author scan of `text` ended and whether it found names,
/// when the rules could tell.
pub(crate) fn refine(
    r: &mut crate::model::Reference,
    text: &str,
    text_authors: Option<(usize, bool)>,
) {
    if matches!(r.style, Some(Style::RussianLatin | Style::Gost))
        // U+0400–U+04FF are exactly the characters whose UTF-8 starts with D0–D3: a byte
        // test, where decoding every character was a measurable share of this step.
        || text.bytes().any(|b| (0xd0..=0xd3).contains(&b))
    {
        return;
    }
    let mut spans = SequenceModel::bundled().label(text);
    trim_dangling_initials(text, &mut spans, text_authors);
    return_stray_title_word(text, &mut spans);
    let f = SpanFields::new(text, &spans);
    // A corporate author the rules read ("World Bank (2018) …", "National Science Board.
    // (2020) …") sits where persons would: it is neither a list of names nor the title.
    let corporate = r.authors.is_empty()
        && r.publisher
            .as_deref()
            .is_some_and(|p| text.starts_with(p) || text.starts_with(&format!("The {p}")));
    // Each label's span is found and cleaned once: the guards below ask for the title and
    // the volume several times (once per author family, for the title).
    let model_title = f.get(FieldLabel::Title);
    let model_volume = f.get(FieldLabel::Volume);
    let title = model_title.map(|t| tidy_title(closed_quote(text, without_year_slot(text, t))));
    let title = match (title, r.publisher.as_deref()) {
        (Some(t), Some(p)) if corporate && t.starts_with(p) => r.title.take(),
        // "World Health Organization. Global tuberculosis report 2019": the model read the
        // organisation into the title the rules found after it.
        (Some(t), _)
            if r.authors.is_empty()
                && r.title.as_deref().is_some_and(|rt| {
                    t.len() > rt.len()
                        && t.ends_with(rt)
                        && t[..t.len() - rt.len()].trim_end().ends_with('.')
                }) =>
        {
            r.title.take()
        }
        (Some(t), _) => Some(t.to_string()),
        (None, _) => None,
    };
    // An edited book the rules read whole ("Japan 2016. Yearbook / ed. by …": editors, no
    // authors) where the model reads no title at all: their title and container stand.
    // (Elsewhere the model's "no title" is right far more often: physics entries print none;
    // keeping the rules' title there cost GROBID title F1 0.07-0.11.)
    let model_lost =
        model_title.is_none() && r.title.is_some() && r.authors.is_empty() && !r.editors.is_empty();
    if !model_lost {
        r.title = title;
    }
    // Where the model's author span holds more names than the rules read (they stop at a
    // form they do not know: "AM Trinkoff, JA Lipscomb and BA Brady:"), the span's names
    // stand. Authors F1 on AnyStyle gold 0.934 → 0.961, GROBID evaluation 0.868 → 0.945.
    if let Some(span) = f.get(FieldLabel::Author).filter(|_| !corporate) {
        let in_title = |family: &str| model_title.is_some_and(|t| has_word(t, family));
        // Parsing the span's names is most of this step's cost; skip it where neither rule
        // below can fire: the span holds no more candidates than the rules read names, and
        // the rules' last name is not a title word.
        let last_in_title = r.authors.last().is_some_and(|a| in_title(&a.family));
        if last_in_title || name_text_count(span) > r.authors.len() {
            let names: Vec<_> = name_texts(span)
                .iter()
                .filter_map(|t| crate::names::parse_name(t))
                .collect();
            // "Rosenberg SA, editor.": the names the rules read as editors are no authors
            let editors_again = names
                .iter()
                .all(|n| r.editors.iter().any(|e| e.family == n.family));
            if names.len() > r.authors.len() && !editors_again {
                r.authors = names;
            } else if names.len() < r.authors.len()
                && !names.is_empty()
                && names
                    .iter()
                    .zip(&r.authors)
                    .all(|(m, a)| m.family == a.family)
                && r.authors[names.len()..].iter().all(|a| in_title(&a.family))
            {
                // "B. Swingle, Entanglement Entropy and the Fermi Surface": the rules read a
                // title word or two as one more name, and the model's title holds them.
                r.authors.truncate(names.len());
            }
        }
    }
    let container = f.container().map(|c| {
        let mut c = keep_abbreviation_period(text, c).to_string();
        // "Phys. Lett. B511": the model labels "B511" a volume; the letter is the journal's
        // series, as the rules read it.
        if let Some(series) = model_volume.and_then(series_letter) {
            c.push(' ');
            c.push(series);
        }
        c
    });
    // "The genetic | basis of human cancer": the model cut a book's name in two, the second
    // half labelled a title after the container. Where the rules' container is the whole
    // (it starts with the model's half), it stands.
    let container = match (container, r.container.as_deref()) {
        (Some(c), Some(rules)) if container_cut_short(&spans) && rules.starts_with(&c) => {
            Some(rules.to_string())
        }
        (c, _) => c,
    };
    // IEEE's chapter: the model reads `"Title," in Book,` as one title span
    let container = container.or_else(|| {
        model_title
            .and_then(book_after_quoted_title)
            .map(str::to_string)
    });
    // A chapter's book ("in Karim, S. (ed.) Scholarly publishing …") the model left
    // unlabelled keeps the rules' reading; elsewhere the model's "no container" stands, as
    // it is right far more often (books, reports).
    // Locators are the rules' to read, but a form they do not know ("Science 343, 1108
    // (2014)", "Phys. Rev. Lett. 115, 231301") leaves them empty: there the model's stand.
    if r.volume.is_none()
        && r.issue.is_none()
        && let Some((volume, issue)) = model_volume
            .filter(|v| !after_month(text, v))
            .and_then(volume_of)
    {
        r.volume = Some(volume);
        r.issue = issue;
        if r.kind == crate::model::Kind::Other {
            r.kind = crate::model::Kind::JournalArticle;
        }
    }
    if r.pages.is_none() {
        r.pages = f
            .get(FieldLabel::Pages)
            .and_then(pages_of)
            .or_else(|| model_volume.and_then(page_after_volume));
    }
    let journal_with_locators =
        r.kind == crate::model::Kind::JournalArticle && (r.volume.is_some() || r.issue.is_some());
    if !model_lost
        && (container.is_some()
            || (r.kind != crate::model::Kind::Chapter && !journal_with_locators))
    {
        r.container = container;
    }
    // "Kahneman, D. (2011). Thinking, fast and slow. Farrar, Straus and Giroux.": a book's
    // publisher the rules read as a container (which the model's reading removed) or not
    // at all; a chapter's book's publisher. The model's publisher and place stand where the
    // rules read none.
    if r.publisher.is_none()
        && (r.container.is_none() || r.kind == crate::model::Kind::Chapter)
        && let Some(publisher) = f
            .get(FieldLabel::Publisher)
            .map(|p| after_editor(p, &r.editors))
            .filter(|p| plausible_imprint(p))
    {
        r.publisher = Some(publisher.to_string());
        if r.place.is_none() {
            r.place = f
                .get(FieldLabel::Location)
                .filter(|p| plausible_imprint(p))
                .map(str::to_string);
        }
        if r.kind == crate::model::Kind::Other && r.volume.is_none() && r.issue.is_none() {
            r.kind = crate::model::Kind::Book;
        }
    }
    // Where the rules' journal stood, the model's title may run on into it ("Title.
    // Mirovaya ekonomika i mezhdunarodnye otnosheniya"): the journal is not the title.
    if let (Some(t), Some(c)) = (r.title.as_deref(), r.container.as_deref())
        && let Some(head) = t.strip_suffix(c)
        && head.trim_end().ends_with(['.', ','])
        && !clean(head).is_empty()
    {
        r.title = Some(clean(head).to_string());
    }
}

/// Whether `word` is one of the words of `text`, the words being its runs of alphanumeric
/// characters: `text.split(|c: char| !c.is_alphanumeric()).any(|w| w == word)`, found by
/// searching for `word` and testing its ends rather than by cutting the whole text into
/// pieces (this ran for every author of every entry the model reads).
fn has_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        // an empty piece lies between two separators or at an end
        return text
            .split(|c: char| !c.is_alphanumeric())
            .any(str::is_empty);
    }
    if !word.chars().all(char::is_alphanumeric) {
        return false;
    }
    // Candidates by their first byte: a name is short, and building a substring searcher
    // cost more than this whole scan.
    let (t, w) = (text.as_bytes(), word.as_bytes());
    memchr::memchr_iter(w[0], t).any(|i| {
        // `word` starts and ends with whole chars, so a match's ends are char boundaries
        t[i..].starts_with(w)
            && text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
            && text[i + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether the model's first container span is followed at once by a second title span
/// (one after the first title): the sign of a book's name cut in two.
fn container_cut_short(spans: &[LabeledSpan]) -> bool {
    let is_container = |l: FieldLabel| {
        matches!(
            l,
            FieldLabel::Journal | FieldLabel::ContainerTitle | FieldLabel::CollectionTitle
        )
    };
    let Some(i) = spans.iter().position(|s| is_container(s.label)) else {
        return false;
    };
    let titles_before = spans[..i].iter().any(|s| s.label == FieldLabel::Title);
    titles_before
        && spans
            .get(i + 1)
            .is_some_and(|s| s.label == FieldLabel::Title)
}

/// The book of IEEE's chapter form, where the model's title span runs on past the quoted
/// title into it: `"Title," in Book Title` gives "Book Title". None for any other span.
fn book_after_quoted_title(span: &str) -> Option<&str> {
    let (open, close) = match span.chars().next()? {
        '"' => ('"', '"'),
        '\u{201c}' => ('\u{201c}', '\u{201d}'),
        _ => return None,
    };
    let inner = &span[open.len_utf8()..];
    let end = inner.find(close)?;
    let after = inner[end + close.len_utf8()..].trim_start_matches([',', ' ']);
    let book = after
        .strip_prefix("in ")
        .or_else(|| after.strip_prefix("In "))?
        .trim()
        .trim_end_matches([',', '.', ' ']);
    (!book.is_empty()).then_some(book)
}

/// A publisher span without the editor's name the model ran it on from ("edited by R. V.
/// Cassill, Norton" labelled "Cassill, Norton").
fn after_editor<'a>(span: &'a str, editors: &[crate::model::PersonName]) -> &'a str {
    editors
        .iter()
        .find_map(|e| {
            span.strip_prefix(e.family.as_str())
                .and_then(|rest| rest.strip_prefix(", "))
        })
        .unwrap_or(span)
        .trim()
}

/// Whether a span the model labelled publisher or place reads as one: a short name that
/// starts with a capital, with no brackets (a translator's or editor's note the span ran
/// into), no URL and no patent.
fn plausible_imprint(s: &str) -> bool {
    s.len() <= 80
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.contains(['(', ')', '[', ']', '/'])
        && !s.contains("Trans.")
        && !s.contains(" ed.")
        // "U.S. Patent 14,860,040": a patent's number, not an imprint
        && !s.contains("Patent")
}

/// A title without the year slot the model sometimes takes into it: "(2022) 'Title'".
fn without_year_slot<'a>(text: &'a str, title: &'a str) -> &'a str {
    let t = title.trim_start();
    if let Some(inner) = t.strip_prefix('(') {
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        // "(2022)", "(2022a)", "(2018, March 3)": a year, a letter, a date after a comma
        let close = inner.find(')').filter(|&k| k <= 40);
        let slot = digits == 4
            && close.is_some_and(|k| {
                let after = &inner[4..k];
                after.is_empty()
                    || (after.len() == 1 && after.bytes().all(|b| b.is_ascii_lowercase()))
                    || after.starts_with(", ")
            });
        return match close {
            Some(k) if slot && !inner[k + 1..].trim().is_empty() => {
                inner[k + 1..].trim_start_matches(['.', ',', ' '])
            }
            _ => title,
        };
    }
    // "(2018, March 3). Title": the model may start the title inside the slot, at "3).".
    // The slot is open before the title (a "(" and a year, no ")") and closes early in it.
    let start = (title.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let before = text.get(..start).unwrap_or("");
    let open = before.rfind('(').filter(|&k| {
        let inside = &before[k + 1..];
        !inside.contains(')')
            && inside.len() >= 4
            && inside.as_bytes()[..4].iter().all(u8::is_ascii_digit)
    });
    match (open, title.find(')')) {
        (Some(_), Some(k)) if k <= 20 && !title[..k].contains(['(', '.']) => {
            let rest = title[k + 1..].trim_start_matches(['.', ',', ' ']);
            if rest.is_empty() { title } else { rest }
        }
        _ => title,
    }
}

/// Whether the word before `span` (a slice of `text`) names a month: "July 22, 2019" is a
/// date, whatever the model labelled its day.
fn after_month(text: &str, span: &str) -> bool {
    let start = (span.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let before = text.get(..start).unwrap_or("").trim_end();
    let word = before
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',']);
    crate::input::date::month_number(word).is_some()
}

/// The volume (and issue) of a span the model labelled volume: "115,", "B 72", "D85",
/// "43 (3)", "vol. 50, no. 6". A leading series letter is the journal's ("Phys. Rev. D85"),
/// so the volume is the number. None when the span holds no number where a volume stands.
fn volume_of(span: &str) -> Option<(String, Option<String>)> {
    let mut words = span
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let l = w.trim_end_matches('.').to_ascii_lowercase();
            !matches!(l.as_str(), "vol" | "volume" | "v" | "t" | "bd")
        });
    let first = words.next()?;
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '(');
    let (head, paren) = match first.split_once('(') {
        Some((h, p)) => (h, Some(p)),
        None => (first, None),
    };
    // "B" then "72": a series letter standing alone
    let (head, mut rest) = if head.len() == 1 && head.chars().all(|c| c.is_ascii_uppercase()) {
        (words.next()?, None)
    } else {
        (head, paren)
    };
    let digits = head.trim_start_matches(|c: char| c.is_ascii_uppercase());
    let plausible = !digits.is_empty()
        && digits.len() <= 6
        && digits.bytes().all(|b| b.is_ascii_digit())
        && head.len() - digits.len() <= 1;
    if !plausible {
        return None;
    }
    if rest.is_none() {
        rest = words.next().and_then(|w| w.strip_prefix('('));
    }
    let issue = rest
        .map(|p| p.split(')').next().unwrap_or(p))
        .map(|p| p.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .filter(|p| !p.is_empty() && p.len() <= 6 && p.bytes().any(|b| b.is_ascii_digit()))
        .map(str::to_string);
    Some((digits.to_string(), issue))
}

/// "343, 1108": the physics form prints the page right after the volume, and the model
/// labels both a volume. The number after the comma, when there is one and no issue.
fn page_after_volume(span: &str) -> Option<String> {
    // "43 (3):199-220": pages after the issue's colon
    if let Some((_, after)) = span.split_once("):") {
        return pages_of(after);
    }
    let (_, after) = span.split_once(',')?;
    let after = after.trim();
    if after.starts_with('(') {
        return None;
    }
    pages_of(after)
}

/// The pages of a span the model labelled pages: "1108", "199-220", "517- 576(2008 )",
/// "L32", "e116". None when no page number starts it.
fn pages_of(span: &str) -> Option<String> {
    let s = span.trim_start_matches(|c: char| !c.is_alphanumeric());
    let s = s
        .strip_prefix("pp.")
        .or_else(|| s.strip_prefix("p."))
        .unwrap_or(s)
        .trim_start();
    let first: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let letters = first.chars().take_while(char::is_ascii_alphabetic).count();
    let number = &first[letters..];
    if number.is_empty() || letters > 1 || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let after = s[first.len()..].trim_start();
    let last = after
        .strip_prefix(['-', '\u{2013}'])
        .map(|a| {
            a.trim_start()
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|l| !l.is_empty() && l.bytes().any(|b| b.is_ascii_digit()));
    Some(match last {
        Some(l) => format!("{first}-{l}"),
        None => first,
    })
}

/// A title without what web and database styles print after it: "[Internet]", "[Online]",
/// "Available at", "Retrieved from".
fn tidy_title(title: &str) -> &str {
    let mut t = title;
    // Every tail's word starts " Av", " Ac", " Re" or " UR": a title without one of those
    // (most; " A" alone is common) skips the searches.
    let b = t.as_bytes();
    let may_have_tail = memchr::memchr3_iter(b'A', b'R', b'U', b).any(|i| {
        i > 0
            && b[i - 1] == b' '
            && matches!(
                (b[i], b.get(i + 1)),
                (b'A', Some(b'v' | b'c')) | (b'R', Some(b'e')) | (b'U', Some(b'R'))
            )
    });
    // `str::find` sets a searcher up on every call, which cost more than the searches:
    // the finders are built once.
    static TAILS: LazyLock<[Finder<'static>; 8]> = LazyLock::new(|| {
        [
            ". Available at",
            ". Available from",
            ". Available online",
            ". Retrieved from",
            ". Accessed",
            ". URL",
            " Available at",
            " Retrieved from",
        ]
        .map(Finder::new)
    });
    if may_have_tail {
        for tail in TAILS.iter() {
            // the tails start with an ASCII byte, so the offset is a char boundary
            if let Some(i) = tail.find(t.as_bytes()) {
                t = &t[..i];
            }
        }
    }
    for medium in [
        "[Internet]",
        "[Online]",
        "[online]",
        "[Electronic resource]",
        "[Computer software]",
    ] {
        t = t.trim_end().strip_suffix(medium).unwrap_or(t);
    }
    clean(without_trailing_note(t))
}

/// A title without the note APA and others print after it — "[Blog post]", "[Doctoral
/// dissertation, University of X]", "(2nd ed.)", "(E. Grossman, Trans.)", "(Vol. 2)" — and
/// without the unclosed start of a bracket where the model's title span ends inside such a
/// note ("Love in the time of cholera (E", "How to parse references [Blog").
fn without_trailing_note(title: &str) -> &str {
    let t = title.trim_end().trim_end_matches(['.', ',']);
    // a closed note that ends the title or its sentence ("[Blog post]. Parsing Blog": the
    // model's title ran on past it)
    let mut from = 0;
    while let Some(k) = t[from..].find(['(', '[']).map(|k| from + k) {
        from = k + 1;
        let (open, close) = if t.as_bytes()[k] == b'(' {
            ('(', ')')
        } else {
            ('[', ']')
        };
        let head = t[..k].trim_end();
        let Some(end) = t[k + 1..].find(close).map(|e| k + 1 + e) else {
            // the unclosed start of a note: the span ended inside it
            return if !head.is_empty() && t.len() - k <= 26 && !t[k + 1..].contains(open) {
                head
            } else {
                title
            };
        };
        let note = &t[k + 1..end];
        let after = &t[end + 1..];
        if !head.is_empty()
            && !note.contains(open)
            && (after.is_empty() || after.starts_with(". "))
            && is_note(note, open)
        {
            return head;
        }
    }
    title
}

/// Whether a bracketed `note` after a title describes the work rather than naming it:
/// in square brackets a medium or genre ("Blog post", "Data set", "Master's thesis, …"), in
/// parentheses an edition, a translator or editor, or a volume.
fn is_note(note: &str, open: char) -> bool {
    let note = note.trim();
    if open == '[' {
        const GENRES: &[&str] = &[
            "abstract",
            "audio",
            "blog",
            "brochure",
            "computer",
            "conference",
            "data",
            "doctoral",
            "dissertation",
            "editorial",
            "electronic",
            "fact",
            "film",
            "infographic",
            "internet",
            "lecture",
            "letter",
            "manuscript",
            "master's",
            "masters",
            "mobile",
            "online",
            "paper",
            "photograph",
            "podcast",
            "poster",
            "preprint",
            "press",
            "report",
            "slides",
            "software",
            "speech",
            "television",
            "thesis",
            "tweet",
            "unpublished",
            "video",
            "webinar",
        ];
        let first = note
            .split(|c: char| c.is_whitespace() || c == ',')
            .next()
            .unwrap_or("")
            .to_lowercase();
        return GENRES.contains(&first.as_str());
    }
    let lower = note.to_lowercase();
    let ends = |s: &str| lower.ends_with(s);
    ends(" ed.")
        || ends(" eds.")
        || ends("trans.")
        || ends(" ed")
        || lower == "ed."
        || lower == "eds."
        || lower.starts_with("vol. ")
        || lower.starts_with("vols. ")
        || lower.starts_with("rev. ed")
        || lower.contains(" ed., vol")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_word_by_split(text: &str, word: &str) -> bool {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| w == word)
    }

    #[test]
    fn words_are_whole_alphanumeric_runs() {
        assert!(has_word("Kim Jong-Un and the Bomb", "Jong"));
        assert!(has_word("Kim Jong-Un and the Bomb", "Un"));
        assert!(!has_word("Kim Jong-Un and the Bomb", "Jong-Un"));
        assert!(!has_word("Browne's garden", "Brown"));
        assert!(has_word("Über Stellung", "Über"));
        assert!(!has_word("Stellungnahme", "Stellung"));
        assert!(has_word("a, b", ""));
        assert!(!has_word("ab", ""));
    }

    proptest::proptest! {
        #[test]
        fn a_settled_value_is_one_a_round_of_cleaning_keeps(
            raw in "[ a(),.;:/\"'«»\u{201c}\u{201d}]{0,8}",
        ) {
            let s = raw.trim();
            if settled(s) {
                proptest::prop_assert_eq!(clean_round(s), s);
            }
        }

        #[test]
        fn organisations_read_as_bytes_as_by_chars(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Board", "NATIONAL", "bank", "J.", "Smith,", "Inc.", "the", "\t", "\x0b",
                    " ", "Institution", "Collaborations", "A", "-", "group/",
                ]),
                0..6,
            ),
        ) {
            let chunk = words.concat();
            proptest::prop_assert_eq!(is_organisation(&chunk), organisation_by_chars(&chunk));
        }

        #[test]
        fn given_names_read_as_bytes_as_by_chars(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "J.", "JA", "Rishtee", "kumar", "A.-M.", "ABC", "\x0b", " ", "\t", "Mc",
                    "O'Neil", "x", "",
                ]),
                0..6,
            ),
        ) {
            let p = words.concat();
            proptest::prop_assert_eq!(given_like(&p), given_like_by_chars(&p));
        }

        #[test]
        fn has_word_is_the_split_test(
            text in "[a-cé ,'-]{0,12}",
            word in "[a-cé'-]{0,3}",
        ) {
            proptest::prop_assert_eq!(has_word(&text, &word), has_word_by_split(&text, &word));
        }
    }

    #[test]
    fn locator_spans_read_as_volume_issue_and_pages() {
        let v = |s: &str| volume_of(s);
        assert_eq!(v("115,"), Some(("115".into(), None)));
        assert_eq!(v("B 72,"), Some(("72".into(), None)));
        assert_eq!(v("D85"), Some(("85".into(), None)));
        assert_eq!(v("43 (3)"), Some(("43".into(), Some("3".into()))));
        assert_eq!(v("43 (3):199-220,"), Some(("43".into(), Some("3".into()))));
        assert_eq!(
            page_after_volume("43 (3):199-220,").as_deref(),
            Some("199-220")
        );
        assert_eq!(page_after_volume("343, 1108").as_deref(), Some("1108"));
        assert_eq!(page_after_volume("12(3),"), None);
        assert_eq!(v("12(3),"), Some(("12".into(), Some("3".into()))));
        assert_eq!(v("vol. 50, no. 6"), Some(("50".into(), None)));
        assert_eq!(v("Spring"), None);
        assert_eq!(v("1234567"), None);
        assert_eq!(v(""), None);
        let p = |s: &str| pages_of(s);
        assert_eq!(p("1108").as_deref(), Some("1108"));
        assert_eq!(p("517- 576(2008 )").as_deref(), Some("517-576"));
        assert_eq!(p("pp. 199\u{2013}220.").as_deref(), Some("199-220"));
        assert_eq!(p("L32").as_deref(), Some("L32"));
        assert_eq!(p("see below"), None);
        assert_eq!(p(""), None);
    }

    #[test]
    fn physics_locators_the_rules_miss_come_from_the_model() {
        let (r, _) = crate::parse_reference("R. J. D. Miller, Science 343, 1108 (2014).");
        assert_eq!(r.volume.as_deref(), Some("343"));
        assert_eq!(r.pages.as_deref(), Some("1108"));
        assert_eq!(r.year, Some(2014));
    }

    #[test]
    fn a_year_slot_is_no_part_of_a_title() {
        let alone = |t: &'static str| without_year_slot(t, t);
        assert_eq!(
            alone("(2022) 'Asia-Pacific Crisis'"),
            "'Asia-Pacific Crisis'"
        );
        assert_eq!(alone("(2022). Title"), "Title");
        assert_eq!(alone("(2022b). Title"), "Title");
        assert_eq!(alone("(2018, March 3). How to parse"), "How to parse");
        assert_eq!(alone("(1984) 1984"), "1984");
        assert_eq!(alone("(12) Angry Men"), "(12) Angry Men");
        assert_eq!(alone("(2022)"), "(2022)");
        assert_eq!(alone("(2022 survey) Results"), "(2022 survey) Results");
        // the model's title starting inside the slot
        let text = "Doe, J. (2018, March 3). How to parse references. Blog.";
        let k = text.find("3).").unwrap();
        let end = text.find(" Blog").unwrap();
        assert_eq!(
            without_year_slot(text, &text[k..end]),
            "How to parse references."
        );
        let text = "Doe, J. (2018). Title (3). More";
        let k = text.find("Title").unwrap();
        assert_eq!(without_year_slot(text, &text[k..]), "Title (3). More");
    }

    #[test]
    fn an_ieee_book_is_read_from_the_title_span() {
        assert_eq!(
            book_after_quoted_title("\"Title of chapter,\" in Title of His Book"),
            Some("Title of His Book")
        );
        assert_eq!(
            book_after_quoted_title("\u{201c}Chapter,\u{201d} in Book,"),
            Some("Book")
        );
        assert_eq!(book_after_quoted_title("\"Title\""), None);
        assert_eq!(book_after_quoted_title("Title, in Book"), None);
        assert_eq!(book_after_quoted_title("\"Title,\" in "), None);
    }

    #[test]
    fn notes_after_a_title_are_no_part_of_it() {
        assert_eq!(
            tidy_title("How to parse references [Blog post]"),
            "How to parse references"
        );
        assert_eq!(
            tidy_title("How to parse references [Blog"),
            "How to parse references"
        );
        assert_eq!(
            tidy_title("Deep nets [Doctoral dissertation, University of X]"),
            "Deep nets"
        );
        assert_eq!(
            tidy_title("Love in the time of cholera (E"),
            "Love in the time of cholera"
        );
        assert_eq!(
            tidy_title("Love in the time of cholera (E. Grossman, Trans.)"),
            "Love in the time of cholera"
        );
        assert_eq!(
            tidy_title("Publication manual (7th ed.)."),
            "Publication manual"
        );
        assert_eq!(tidy_title("Handbook of X (Vol. 2)"), "Handbook of X");
        // what names the work stays
        assert_eq!(tidy_title("Ekonomika [Economy]"), "Ekonomika [Economy]");
        assert_eq!(
            tidy_title("Understanding (In)justice"),
            "Understanding (In)justice"
        );
        assert_eq!(tidy_title("The Self (Revisited)"), "The Self (Revisited)");
        assert_eq!(tidy_title("[Untitled]"), "[Untitled]");
        assert_eq!(
            tidy_title("Genome-wide association (GWA) studies"),
            "Genome-wide association (GWA) studies"
        );
    }

    #[test]
    fn single_quotes_close_a_title_only_before_a_comma_or_full_stop() {
        let text = "Kuzmin, M. (2004) 'Japan's Security', Russia in Global Affairs, 14(5).";
        let at = text.find("'Japan").unwrap_or(0);
        assert_eq!(closed_quote(text, &text[at..at + 40]), "Japan's Security");
        let text = "Biehl, J. \u{201c}\u{2018}Ecology\u{2019} and Fascism.\u{201d} Society 1.";
        let at = text.find('\u{2018}').unwrap_or(0);
        let title = &text[at..text.find('\u{201d}').unwrap_or(text.len())];
        assert_eq!(closed_quote(text, title), title);
    }

    #[test]
    fn a_journal_abbreviation_is_no_author_and_a_title_word_no_person() {
        use crate::parse_reference;
        let (r, _) = parse_reference("R. C. Carrington, Mon. Not. R. Astron. Soc. 20, 13 (1859).");
        let families: Vec<&str> = r.authors.iter().map(|a| a.family.as_str()).collect();
        assert_eq!(families, ["Carrington"]);
        let (r, _) = parse_reference(
            "M. Tanaka, Charged Higgs effects on exclusive semitauonic B decays, Z. Phys. C67 \
             (1995)321 ,arXiv :hep-ph/9411405.",
        );
        let families: Vec<&str> = r.authors.iter().map(|a| a.family.as_str()).collect();
        assert_eq!(families, ["Tanaka"]);
        assert!(
            r.title
                .as_deref()
                .is_some_and(|t| t.starts_with("Charged Higgs")),
            "{:?}",
            r.title
        );
        let (r, _) = parse_reference(
            "B. Swingle, Entanglement Entropy and the Fermi Surface, Phys. Rev. Lett. 105 (2010) \
             050502, [0908.1724].",
        );
        let families: Vec<&str> = r.authors.iter().map(|a| a.family.as_str()).collect();
        assert_eq!(families, ["Swingle"]);
        // a family name that ends the list is not an abbreviation when a title follows
        let (r, _) = parse_reference(
            "[8] Avinash Balachandran, Stephen M. Erlien, and J. Christian Gerdes. The virtual \
             wheel concept for supportive steering feel. In Proc. ASME DSCC, 2012.",
        );
        assert!(
            r.title
                .as_deref()
                .is_some_and(|t| t.starts_with("The virtual"))
        );
    }

    #[test]
    fn the_rules_journal_stands_where_the_model_reads_none() {
        use crate::parse_reference;
        let (r, _) = parse_reference(
            "[31] S. I. Robinson, \"Trade Modernization Reform Cooperation,\" Mirovaya ekonomika i \
             mezhdunarodnye otnosheniya, vol. 57, no. 8, pp. 253\u{2013}270, 2010.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Trade Modernization Reform Cooperation")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("Mirovaya ekonomika i mezhdunarodnye otnosheniya")
        );
        let (r, _) = parse_reference(
            "Zhuravlev YuA, Ryabov E. Dialogue Trade Energy Modernization. Mirovaya ekonomika i \
             mezhdunarodnye otnosheniya. 2020;47(12):258-278.",
        );
        assert_eq!(
            r.title.as_deref(),
            Some("Dialogue Trade Energy Modernization")
        );
        assert_eq!(
            r.container.as_deref(),
            Some("Mirovaya ekonomika i mezhdunarodnye otnosheniya")
        );
    }

    #[test]
    fn cleaning_strips_joins_not_content() {
        assert_eq!(clean(" Title of it. "), "Title of it");
        assert_eq!(clean("“A Spanish Romanticist,”"), "A Spanish Romanticist");
        assert_eq!(clean("(2011)."), "2011");
        assert_eq!(clean("Phys. Rev. B"), "Phys. Rev. B");
        assert_eq!(clean("(Vol. 3,"), "Vol. 3");
        assert_eq!(clean("\"\""), "\"\"");
        assert_eq!(clean(""), "");
        assert_eq!(strip_in("In: Handbook of X"), "Handbook of X");
    }
}

/// A title printed in quotes ends at its closing quote: "“Indexes and Their Readers.” The
/// Culture of the Book" is a chapter title followed by its book, whatever the model says.
fn closed_quote<'a>(text: &'a str, title: &'a str) -> &'a str {
    let start = (title.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let before = text
        .get(..start)
        .unwrap_or("")
        .trim_end()
        .chars()
        .next_back();
    let (inner, open) = match title.chars().next() {
        Some(c @ ('"' | '\u{201c}' | '\u{ab}' | '\'' | '\u{2018}')) => {
            (&title[c.len_utf8()..], Some(c))
        }
        _ => (title, before),
    };
    let close = match open {
        Some('"') => '"',
        Some('\u{201c}') => '\u{201d}',
        Some('\u{ab}') => '\u{bb}',
        Some('\'') => '\'',
        Some('\u{2018}') => '\u{2019}',
        _ => return title,
    };
    // A single closing mark is also an apostrophe ("Japan's") and the close of a quotation
    // inside the title ("'Ecology' and the Modernization of …", "'Le Trouvère': Verdi's …"):
    // it closes the title only where a comma or full stop follows it, as in Harvard's
    // "'Title', Journal", and never inside double quotes.
    let single = matches!(close, '\'' | '\u{2019}');
    if single && matches!(before, Some('"' | '\u{201c}' | '\u{ab}')) {
        return title;
    }
    let end = inner.match_indices(close).map(|(i, _)| i).find(|&i| {
        !single
            || inner[i + close.len_utf8()..]
                .chars()
                .next()
                .is_none_or(|c| matches!(c, ',' | '.'))
    });
    match end {
        Some(i) if i > 0 => clean(&inner[..i]),
        _ => title,
    }
}

/// The words that tell an organisation from a person ("Board", "Institute"), lower case.
const ORGANISATION_WORDS: &[&str] = &[
    "association",
    "agency",
    "bank",
    "board",
    "bureau",
    "center",
    "centre",
    "commission",
    "committee",
    "company",
    "corporation",
    "council",
    "department",
    "foundation",
    "group",
    "inc",
    "institute",
    "institution",
    "ltd",
    "ministry",
    "office",
    "organisation",
    "organization",
    "service",
    "society",
    "team",
    "union",
    "university",
    "consortium",
    "collaboration",
    "network",
    "nations",
    "federation",
    "academy",
    "library",
];

/// "National Science Board", "World Health Organization": a name no person bears.
fn is_organisation(chunk: &str) -> bool {
    let listed = |lower: &[u8]| ORGANISATION_WORDS.iter().any(|w| w.as_bytes() == lower);
    if chunk.is_ascii() {
        // This ran for every chunk of every author span the model read: an ASCII chunk is
        // read as bytes, where the two tests below are the ones that follow on chars.
        let b = chunk.as_bytes();
        let space = |c: &u8| matches!(c, b'\t'..=b'\r' | b' ');
        let first = b.iter().position(|c| !space(c));
        let two_words = first.is_some_and(|i| {
            let rest = &b[i..];
            rest.iter()
                .position(space)
                .is_some_and(|j| rest[j..].iter().any(|c| !space(c)))
        });
        return two_words
            && b.split(|c| !c.is_ascii_alphanumeric()).any(|w| {
                // only words of a listed word's length are lower-cased, on the stack
                let mut buf = [0u8; 13];
                match buf.get_mut(..w.len()) {
                    Some(lower) if w.len() >= 3 => {
                        lower.copy_from_slice(w);
                        lower.make_ascii_lowercase();
                        listed(lower)
                    }
                    _ => false,
                }
            });
    }
    organisation_by_chars(chunk)
}

/// [`is_organisation`] for any text: two words or more, one of them an organisation's.
fn organisation_by_chars(chunk: &str) -> bool {
    chunk.split_whitespace().count() >= 2
        && chunk
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ORGANISATION_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The persons of a span the model labelled as authors or editors: [`name_texts`] parsed.
#[cfg(test)]
fn names_in_span(span: &str) -> Vec<crate::model::PersonName> {
    name_texts(span)
        .iter()
        .filter_map(|t| crate::names::parse_name(t))
        .collect()
}

/// The name texts of a span the model labelled as authors or editors, one per person, for
/// entries whose name list the rules cannot read ("AM Trinkoff, JA Lipscomb and BA Brady:",
/// "ROUSSILLON, René. CHABERT, Catherine."): [`each_name_text`] collected.
fn name_texts(span: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    each_name_text(span, |name| {
        out.push(match name {
            NameText::Whole(t) => Cow::Borrowed(t),
            NameText::Pair(family, given) => Cow::Owned(format!("{family}, {given}")),
        })
    });
    out
}

/// How many name texts [`name_texts`] finds in `span`, without building them: the count
/// (an upper bound on the persons) decides whether they are parsed at all, and most
/// entries stop there.
fn name_text_count(span: &str) -> usize {
    let mut n = 0;
    each_name_text(span, |_| n += 1);
    n
}

/// One person's name in a model's author span.
#[derive(Debug, Clone, Copy)]
enum NameText<'a> {
    /// A name printed as one part ("Adi L Tarca", "AM Trinkoff").
    Whole(&'a str),
    /// "Family, Given", printed as two comma-separated parts.
    Pair(&'a str, &'a str),
}

/// Calls `emit` with each person's name in `span`, in order. Chunks are cut at ";", "and",
/// "&"; within a chunk, "Family, Given" pairs are told from lists of full names by whether
/// every second part looks like a given name or initials.
fn each_name_text<'a>(span: &'a str, mut emit: impl FnMut(NameText<'a>)) {
    let mut s = span.trim();
    // the span without its trailing separators, cut again only after a marker went
    let mut trimmed = s.trim_end_matches([',', '.', ':', ';', ' ']);
    for marker in [
        "et al.",
        "et al",
        "and others",
        "(eds.)",
        "(Eds.)",
        "(ed.)",
        "(Ed.)",
        "eds.",
        "Eds.",
        "(Hrsg.)",
        "(dir.)",
        "и др.",
    ] {
        if let Some(rest) = trimmed.strip_suffix(marker) {
            s = rest;
            trimmed = s.trim_end_matches([',', '.', ':', ';', ' ']);
        }
    }
    let s = s.trim_end_matches([',', ':', ';', ' ']);
    for chunk in name_chunks(s).filter(|c| !is_organisation(c)) {
        // the parts are read twice (the test, then the names) rather than collected
        let parts = || chunk.split(',').map(str::trim).filter(|p| !p.is_empty());
        let paired = parts().nth(1).is_some()
            && parts().skip(1).step_by(2).all(given_like)
            && parts().step_by(2).all(family_like);
        if paired {
            let mut it = parts();
            while let Some(family) = it.next() {
                match it.next() {
                    Some(given) => emit(NameText::Pair(family, given)),
                    None => emit(NameText::Whole(family)),
                }
            }
        } else {
            parts().for_each(|p| emit(NameText::Whole(p)));
        }
    }
}

/// A part of a name that reads as given names or initials: at most three words, each an
/// initial ("J.", "JA") or a capitalised word ("Rishtee").
fn given_like(p: &str) -> bool {
    if p.is_ascii() {
        // the test below on bytes, as ASCII text reads the same either way
        let mut words = 0;
        return p
            .as_bytes()
            .split(|c| matches!(c, b'\t'..=b'\r' | b' '))
            .all(|w| {
                if w.is_empty() {
                    return true;
                }
                words += 1;
                let upper = w[0].is_ascii_uppercase();
                let letters = w.iter().filter(|c| c.is_ascii_alphabetic()).count();
                upper && (letters <= 2 || w[1..].iter().all(u8::is_ascii_lowercase))
            })
            && words <= 3;
    }
    given_like_by_chars(p)
}

/// [`given_like`] for any text.
fn given_like_by_chars(p: &str) -> bool {
    p.split_whitespace().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        (letters <= 2 && w.chars().next().is_some_and(char::is_uppercase))
            || (w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).all(char::is_lowercase))
    }) && p.split_whitespace().count() <= 3
}

/// The family part of "Family, Given": one word (or a particle and a word) of three letters
/// or more, which tells "Batra, Rishtee Kumar" from a list of full names "Adi L Tarca,
/// Vincent J Carey".
fn family_like(p: &str) -> bool {
    let mut words = p.split_whitespace();
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    match (words.next(), words.next(), words.next()) {
        (Some(w), None, None) => letters(w) > 2,
        (Some(particle), Some(w), None) => {
            particle.chars().next().is_some_and(char::is_lowercase) && letters(w) > 2
        }
        _ => false,
    }
}

/// The chunks of a name list between ";" and the words "and", "&", "und", "et" (a comma
/// before the word goes with it), trimmed, empty ones skipped.
fn name_chunks(s: &str) -> impl Iterator<Item = &str> {
    const JOINS: [&str; 4] = ["and", "&", "und", "et"];
    let mut rest = s;
    std::iter::from_fn(move || {
        loop {
            if rest.is_empty() {
                return None;
            }
            // the first ";" or " join " in `rest`
            let mut cut: Option<(usize, usize)> = rest.find(';').map(|i| (i, i + 1));
            for (i, _) in rest.match_indices(' ') {
                if cut.is_some_and(|(c, _)| c <= i) {
                    break;
                }
                let after = &rest[i + 1..];
                if let Some(j) = JOINS
                    .iter()
                    .find(|j| after.starts_with(**j) && after[j.len()..].starts_with(' '))
                {
                    cut = Some((i, i + 1 + j.len() + 1));
                    break;
                }
            }
            let (chunk, next) = match cut {
                Some((a, b)) => (&rest[..a], &rest[b..]),
                None => (rest, ""),
            };
            rest = next;
            let chunk = chunk.trim().trim_end_matches(',').trim_end();
            if !chunk.is_empty() {
                return Some(chunk);
            }
        }
    })
}

#[cfg(test)]
mod span_name_tests {
    use super::names_in_span;

    fn families(span: &str) -> Vec<String> {
        names_in_span(span).into_iter().map(|n| n.family).collect()
    }

    #[test]
    fn name_lists_split_at_semicolons_and_joining_words() {
        let chunks: Vec<&str> =
            super::name_chunks("A B, C D, and E F; G H & I J und K L et M N").collect();
        assert_eq!(chunks, ["A B, C D", "E F", "G H", "I J", "K L", "M N"]);
        let chunks: Vec<&str> = super::name_chunks("Anderson, Andrea; ; Etienne").collect();
        assert_eq!(chunks, ["Anderson, Andrea", "Etienne"]);
        assert_eq!(super::name_chunks("").count(), 0);
    }

    #[test]
    fn lists_of_full_names_and_family_given_pairs() {
        assert_eq!(
            families("AM Trinkoff, JA Lipscomb, CL Storr and BA Brady:"),
            ["Trinkoff", "Lipscomb", "Storr", "Brady"]
        );
        assert_eq!(
            families("Batra, Rishtee Kumar, Chandran, Sucharita"),
            ["Batra", "Chandran"]
        );
        assert_eq!(
            families("Adi L Tarca, Vincent J Carey, and Roberto Romero."),
            ["Tarca", "Carey", "Romero"]
        );
        assert_eq!(families("Smith J, Jones K, et al."), ["Smith", "Jones"]);
        assert!(families("").is_empty());
        assert!(families("National Science Board.").is_empty());
        let text = "\"Indexes.\" The Book, 2013.";
        assert_eq!(super::closed_quote(text, &text[..16]), "Indexes");
        assert_eq!(families("Smith J; World Health Organization"), ["Smith"]);
        assert_eq!(
            super::tidy_title("PubMed user guide [Internet]"),
            "PubMed user guide"
        );
        assert_eq!(super::tidy_title("A guide. Available at"), "A guide");
    }
}
