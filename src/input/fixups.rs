//! Small repairs of fields that some styles print in a shape the general rules leave in the
//! container: Chicago's "Journal 75 (2)" and "Journal 81, no. 2 (2018)", APA's
//! "Book (pp. 211-230). Publisher", IEEE's "in Book, A. Family, Ed. City, ST: Publisher",
//! Vancouver's "3rd ed. Place: Publisher; 2014", GOST's "Book / под ред. И.О. Фамилия", a
//! corporate author read as the title, and a publisher read as the container of a book.

use crate::model::{PersonName, Reference};

use super::authors::author_prefix;
use super::scan::{
    contains_str, find_ascii_ci, find_byte, find_str, prefix_at_most, rfind_byte, rfind_str,
    rsplit_once_byte, rsplit_once_str, split_once_str, year_at,
};

/// Applies every repair that fits; fields already read are never overwritten.
pub(crate) fn repair(r: &mut Reference, marked: bool) {
    if r.container.is_none() {
        // an edited book: "История Японии / под ред. А.Е. Жукова. М.: …"
        gost_editors(r, marked);
    }
    if let Some(c) = r.container.take() {
        r.container = Some(c);
        ieee_book_editor(r);
        gost_editors(r, marked);
        chapter_pages(r);
        chicago_locators(r);
        vancouver_dated_locator(r);
        vancouver_imprint(r);
        corporate_title(r);
        edition_and_imprint(r);
        city_state_place(r);
        publisher_as_container(r);
        edition_as_container(r);
    }
    publisher_then_place(r);
}

/// "Free Press, New York": Elsevier's Harvard prints a book's publisher before its city.
/// Split where the part before the comma is a publisher by its words and the part after a
/// short capitalised name ("Little, Brown" stays whole).
fn publisher_then_place(r: &mut Reference) {
    if r.place.is_some() {
        return;
    }
    let Some((publisher, place)) = r
        .publisher
        .as_deref()
        .and_then(|p| rsplit_once_str(p, ", "))
    else {
        return;
    };
    let place_like = !place.is_empty()
        && place.split_whitespace().count() <= 3
        && place
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && !super::reference::is_publisher_name(place);
    if place_like && super::reference::is_publisher_name(publisher) {
        let (publisher, place) = (publisher.to_string(), place.to_string());
        r.publisher = Some(publisher);
        r.place = Some(place);
    }
}

/// "2-е изд., перераб. и доп.", "Изд. 3-е", "3rd ed." read as a container: a book's edition
/// statement, which names no container (and no field of its own here).
fn edition_as_container(r: &mut Reference) {
    let Some(c) = r.container.as_deref() else {
        return;
    };
    // every edition statement starts with a digit or "Изд"/"изд": most containers are
    // passed without a lower-cased copy
    if !(c.starts_with(|ch: char| ch.is_ascii_digit())
        || c.starts_with("Изд")
        || c.starts_with("изд")
        || c.starts_with("ИЗД"))
    {
        return;
    }
    let lower = c.to_lowercase();
    let first = lower.split([' ', ',']).next().unwrap_or("");
    let numbered = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0
            && matches!(
                &w[digits..],
                "-е" | "-ое" | "-th" | "th" | "nd" | "rd" | "st" | "-nd" | "-rd" | "-st"
            )
    };
    let edition = (numbered(first)
        && lower.split([' ', ',']).any(|w| {
            matches!(
                w.trim_end_matches('.'),
                "изд" | "издание" | "ed" | "edn" | "edition"
            )
        }))
        || lower.starts_with("изд. ")
        || lower.starts_with("издание ");
    if edition && c.chars().count() <= 40 {
        r.container = None;
    }
}

/// "Японская диаспора: дис. … канд. ист. наук. М., 2010": GOST's thesis statement (and
/// "автореф. дис." for its abstract) follows the title after a colon, and the sentence
/// splitter cut it at the abbreviations' dots: the title loses the statement, the statement
/// is no container, and the city after it is the place. Run after the work's kind is told,
/// which reads the statement.
pub(crate) fn gost_thesis(r: &mut Reference) {
    let Some(t) = r.title.as_deref() else {
        return;
    };
    // the title's bytes end in ": дис" or ": автореф" (what the sentence cut left): their
    // last letters' final bytes (с D1 81, ф D1 84) or a full stop rule the rest out first
    if !matches!(t.as_bytes().last(), Some(0x81 | 0x84 | b'.')) {
        return;
    }
    let Some(k) = [": дис", ": дис.", ": автореф", ": автореф."]
        .iter()
        .find_map(|m| t.strip_suffix(m).map(str::len))
    else {
        return;
    };
    let statement = r.container.as_deref().unwrap_or("");
    let degree = ["канд.", "д-ра", "доктора", "дис.", "…", "..."]
        .iter()
        .any(|w| statement.starts_with(w));
    if !degree {
        return;
    }
    let title = t[..k].trim().to_string();
    // the place: the last sentence of the statement, after "наук" (and a specialty code)
    let place = statement
        .rsplit(". ")
        .next()
        // "М." keeps its full stop as the end of a journal's name would
        .map(|p| p.trim_end_matches('.'))
        .filter(|p| {
            !p.is_empty()
                && p.chars().count() <= 20
                && p.starts_with(char::is_uppercase)
                && !p.contains("наук")
        })
        .map(str::to_string);
    r.title = Some(title);
    r.container = None;
    if r.place.is_none() {
        r.place = place;
    }
}

/// "in Network Science Handbook, P. Adams, Ed.": the book's name was read as an editor's
/// family name and the editor's name as the given names.
fn ieee_book_editor(r: &mut Reference) {
    let [ed] = r.editors.as_slice() else {
        return;
    };
    let Some(given) = ed.given.as_deref() else {
        return;
    };
    let mut words = given.split_whitespace();
    let (Some(first), Some(family), None) = (words.next(), words.next(), words.next()) else {
        return;
    };
    let initial = first.len() <= 4 && first.ends_with('.') && first.starts_with(char::is_uppercase);
    if !initial
        || !family.starts_with(char::is_uppercase)
        || ed.family.split_whitespace().count() < 2
    {
        return;
    }
    let book = ed.family.clone();
    let place = r.container.take();
    r.editors = vec![PersonName::new(family.trim_end_matches(','), first)];
    r.container = Some(book);
    if r.place.is_some() || r.publisher.is_some() {
        // "New York, NY" before ", USA: Springer" is the place
        if let Some(p) = place {
            r.place = Some(match r.place.take() {
                Some(rest) => format!("{p}, {rest}"),
                None => p,
            });
        }
    } else {
        r.container = Some(ed_book(&r.container, place));
    }
}

fn ed_book(book: &Option<String>, rest: Option<String>) -> String {
    match (book, rest) {
        (Some(b), Some(r)) => format!("{b}. {r}"),
        (Some(b), None) => b.clone(),
        (None, Some(r)) => r,
        (None, None) => String::new(),
    }
}

/// "Япония 2016. Ежегодник / под ред. Д.В. Стрельцова": GOST names the editors after a slash,
/// in the book's field (the container of a chapter, the title of an edited book).
///
/// Without a marker before it ("//", "In:") and without authors, the field the editors
/// close is the rest of an edited book's title that a sentence cut split off ("Japan 2016.
/// Yearbook / ed. by D.V. Streltsov"): the two are one title.
fn gost_editors(r: &mut Reference, marked: bool) {
    // every marker holds " / ": a field without a slash (most) is passed at once; the
    // container is read first, then the title ("Экономика Японии: учебник / под ред. …. 2-е
    // изд. М.: Наука" leaves an edition as the container and the editors in the title)
    let has_slash = |f: &Option<String>| {
        f.as_deref()
            .is_some_and(|c| memchr::memchr(b'/', c.as_bytes()).is_some())
    };
    let in_container = has_slash(&r.container);
    if !in_container && !has_slash(&r.title) {
        return;
    }
    let field = if in_container { &r.container } else { &r.title };
    let Some(c) = field.as_deref() else {
        return;
    };
    // "под ред." (under the editorship of) puts the names in the genitive
    let markers = [
        (" / под ред. ", true),
        (" / Под ред. ", true),
        (" / под общ. ред. ", true),
        (" / под общей ред. ", true),
        (" / под редакцией ", true),
        (" / Под редакцией ", true),
        (" / под общей редакцией ", true),
        (" / отв. ред. ", false),
        (" / Отв. ред. ", false),
        (" / ed. by ", false),
        (" / eds. ", false),
    ];
    let Some((k, m, genitive)) = markers
        .iter()
        .find_map(|&(m, g)| find_str(c, m).map(|k| (k, m, g)))
    else {
        return;
    };
    let mut names = author_prefix(&c[k + m.len()..]).names;
    if genitive {
        for n in &mut names {
            n.family = nominative_family(&n.family);
        }
    }
    let book = c[..k].trim().to_string();
    if r.editors.is_empty() {
        r.editors = names;
    }
    let book = (!book.is_empty()).then_some(book);
    if in_container && !marked && r.authors.is_empty() {
        r.title = match (r.title.take(), book) {
            (Some(t), Some(b)) => Some(format!("{t}. {b}")),
            (t, b) => t.or(b),
        };
        r.container = None;
    } else if in_container {
        r.container = book;
    } else {
        r.title = book;
    }
}

/// A Russian surname in the genitive, as "под ред." prints it, back in the nominative:
/// "Стрельцова" is (editor) Стрельцов, "Молодяковой" is Молодякова, "Торкунова" Торкунов,
/// "Маркарьяна" Маркарьян, "Вишневского" Вишневский. Surnames that do not inflect ("Ким",
/// "Дюбуа") and forms this does not know are left as printed.
pub(crate) fn nominative_family(family: &str) -> String {
    const ENDINGS: [(&str, &str); 9] = [
        ("ского", "ский"),
        ("цкого", "цкий"),
        ("ской", "ская"),
        ("цкой", "цкая"),
        ("овой", "ова"),
        ("евой", "ева"),
        ("ёвой", "ёва"),
        ("иной", "ина"),
        ("ыной", "ына"),
    ];
    for (genitive, nominative) in ENDINGS {
        if let Some(stem) = family.strip_suffix(genitive)
            && stem.chars().count() >= 2
        {
            return format!("{stem}{nominative}");
        }
    }
    // masculine -ов, -ев, -ин, -ын and consonant-final names take -а
    const MASCULINE: [&str; 7] = ["ова", "ева", "ёва", "ина", "ына", "яна", "ана"];
    match family.strip_suffix('а') {
        Some(stem)
            if MASCULINE.iter().any(|g| family.ends_with(g)) && stem.chars().count() >= 3 =>
        {
            stem.to_string()
        }
        _ => family.to_string(),
    }
}

/// "World Health Organization. Global tuberculosis report 2019. Geneva: WHO; 2019.": with no
/// authors, an organisation's name was read as the title and the title as the container.
fn corporate_title(r: &mut Reference) {
    if !r.authors.is_empty() || !r.editors.is_empty() || r.volume.is_some() || r.issue.is_some() {
        return;
    }
    let (Some(title), Some(container)) = (r.title.as_deref(), r.container.as_deref()) else {
        return;
    };
    let words = title.split_whitespace().count();
    let organisation = (2..=8).contains(&words)
        && title.split_whitespace().any(|w| {
            matches!(
                w,
                "Organization"
                    | "Organisation"
                    | "Association"
                    | "Institute"
                    | "Agency"
                    | "Ministry"
                    | "Department"
                    | "Council"
                    | "Board"
                    | "Commission"
                    | "Bank"
                    | "Library"
                    | "Society"
                    | "Centre"
                    | "Center"
                    | "Office"
                    | "Foundation"
                    | "Committee"
                    | "Fund"
            )
        });
    if !organisation || contains_str(container, ": ") {
        return;
    }
    let org = r.title.take();
    r.title = r.container.take();
    if r.publisher.is_none() {
        r.publisher = org;
    }
}

/// "J Med Res. 2019 Mar;12(3):103-120" read as a container: Vancouver's locator after a
/// date with a month, which the general rules leave whole.
fn vancouver_dated_locator(r: &mut Reference) {
    if r.volume.is_some() {
        return;
    }
    let Some(c) = r.container.as_deref() else {
        return;
    };
    let Some(semi) = find_byte(c, b';') else {
        return;
    };
    let (pre, post) = (&c[..semi], c[semi + 1..].trim());
    let Some(j) = rfind_str(pre, ". ") else {
        return;
    };
    let (journal, date) = (&pre[..j], &pre[j + 2..]);
    if journal.is_empty() || date.len() > 14 || year_at(date, 0).is_none() {
        return;
    }
    // "12(3):103-120", "12:103-120", "12(3)"
    let post = post.trim_end_matches('.');
    let (vi, pages) = match post.split_once(':') {
        Some((vi, p)) => (vi, Some(p.trim())),
        None => (post, None),
    };
    let (volume, issue) = match vi.split_once('(') {
        Some((v, i)) => (v.trim(), Some(i.trim_end_matches(')').trim())),
        None => (vi.trim(), None),
    };
    let pages_ok = pages.is_none_or(|p| {
        !p.is_empty() && p.len() <= 16 && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    let issue_ok = issue.is_none_or(|i| !i.is_empty() && i.len() <= 12 && !i.contains(' '));
    if !digits(volume) || !pages_ok || !issue_ok {
        return;
    }
    let journal = journal.to_string();
    r.volume = Some(volume.to_string());
    if r.issue.is_none() {
        r.issue = issue.map(str::to_string);
    }
    if r.pages.is_none() {
        r.pages = pages.map(str::to_string);
    }
    r.container = Some(journal);
}

/// "User guide. Bethesda (MD): NLM; 2021 [cited 2021" read as a container: Vancouver's
/// "Place: Publisher; Year" imprint after the title of a report or web page.
fn vancouver_imprint(r: &mut Reference) {
    if r.publisher.is_some() || r.volume.is_some() || r.issue.is_some() {
        return;
    }
    let Some(c) = r.container.as_deref() else {
        return;
    };
    // the first "; " with a year after it
    let mut from = 0;
    let k = loop {
        let Some(k) = super::scan::find_from(c, "; ", from) else {
            return;
        };
        if year_at(c, k + 2).is_some() {
            break k;
        }
        from = k + 2;
    };
    let head = &c[..k];
    let (lead, imprint) = match rfind_str(head, ". ") {
        Some(j) => (&head[..j], &head[j + 2..]),
        None => ("", head),
    };
    let Some((place, publisher)) = split_once_str(imprint, ": ") else {
        return;
    };
    if place.is_empty() || publisher.trim().is_empty() || place.split_whitespace().count() > 4 {
        return;
    }
    let (lead, place, publisher) = (
        lead.trim().to_string(),
        place.trim().to_string(),
        publisher.trim().to_string(),
    );
    r.container = (!lead.is_empty()).then_some(lead);
    r.place = Some(place);
    r.publisher = Some(publisher);
}

/// "3rd ed. Oxford: Wiley-Blackwell" read as a container: an edition, the place and the
/// publisher of a book.
fn edition_and_imprint(r: &mut Reference) {
    if r.publisher.is_some() || r.volume.is_some() || r.issue.is_some() {
        return;
    }
    let Some(c) = r.container.as_deref() else {
        return;
    };
    let mut rest = c;
    // only an edition in the first words counts: the search reads no further than that
    if let Some(k) = find_str(prefix_at_most(rest, 20), " ed. ")
        && k < 12
        && rest[..k].split_whitespace().count() == 1
    {
        rest = &rest[k + 5..];
    }
    let Some((place, publisher)) = split_once_str(rest, ": ") else {
        return;
    };
    let place_ok = !place.is_empty()
        && place.split_whitespace().count() <= 3
        && place.starts_with(char::is_uppercase)
        && !place.contains('.');
    let publisher = publisher.trim();
    if !place_ok || publisher.is_empty() || publisher.split_whitespace().count() > 6 {
        return;
    }
    let (place, publisher) = (place.to_string(), publisher.to_string());
    r.container = None;
    r.place = Some(place);
    r.publisher = Some(publisher);
}

/// "Boston, MA" read as a container before ", USA: Addison-Wesley": IEEE's city and state.
fn city_state_place(r: &mut Reference) {
    let (Some(c), Some(_)) = (r.container.as_deref(), r.publisher.as_deref()) else {
        return;
    };
    let Some((city, state)) = rsplit_once_str(c, ", ") else {
        return;
    };
    let state_code = state.len() == 2 && state.bytes().all(|b| b.is_ascii_uppercase());
    if !state_code || city.split_whitespace().count() > 3 || r.volume.is_some() {
        return;
    }
    let c = c.to_string();
    r.container = None;
    r.place = Some(match r.place.take() {
        Some(rest) => format!("{c}, {rest}"),
        None => c,
    });
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit())
}

/// "Handbook of Things (pp. 211-230). Routledge": APA prints a chapter's pages after the
/// book's title and the publisher after them.
fn chapter_pages(r: &mut Reference) {
    let Some(c) = r.container.as_deref() else {
        return;
    };
    // most containers have no parenthesis at all: one byte search rules both forms out
    if memchr::memchr(b'(', c.as_bytes()).is_none() {
        return;
    }
    let Some(open) = find_str(c, " (pp. ").or_else(|| find_str(c, " (p. ")) else {
        return;
    };
    let Some(close_rel) = find_byte(&c[open..], b')') else {
        return;
    };
    let close = open + close_rel;
    let inner = c[open + 2..close]
        .trim_start_matches("pp.")
        .trim_start_matches("p.")
        .trim();
    let ok = !inner.is_empty()
        && inner
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !ok {
        return;
    }
    let book = c[..open].trim().to_string();
    let after = c[close + 1..]
        .trim_start_matches(['.', ',', ' '])
        .trim_end_matches(['.', ' '])
        .to_string();
    let pages = inner.to_string();
    if r.pages.is_none() {
        r.pages = Some(pages);
    }
    if !after.is_empty() && r.publisher.is_none() {
        match split_once_str(&after, ": ") {
            Some((place, publisher)) if r.place.is_none() && !place.contains(' ') => {
                r.place = Some(place.to_string());
                r.publisher = Some(publisher.to_string());
            }
            _ => r.publisher = Some(after),
        }
    }
    r.container = (!book.is_empty()).then_some(book);
}

/// "Journal 75 (2)", "Journal 81, no. 2 (2018)", "Journal 12, no. 3", "Journal 9 (2016)":
/// Chicago's volume, issue and year after the journal's name, left in the container when the
/// pages after the colon were read.
fn chicago_locators(r: &mut Reference) {
    if r.volume.is_some() {
        return;
    }
    let Some(c) = r.container.as_deref() else {
        return;
    };
    let mut rest = c.trim_end_matches(['.', ' ']);
    let mut issue = None;
    let mut year = None;
    let mut marked = false;
    if let Some(inner) = rest.strip_suffix(')')
        && let Some(open) = rfind_byte(inner, b'(')
    {
        let value = &inner[open + 1..];
        if !digits(value) {
            return;
        }
        if value.len() == 4
            && year_at(value, 0).is_some()
            && (contains_str(rest, ", no. ") || r.year == year_at(value, 0))
        {
            year = year_at(value, 0);
        } else {
            issue = Some(value.to_string());
        }
        rest = inner[..open].trim_end();
        marked = true;
    }
    if let Some(k) = rfind_str(rest, ", no. ") {
        let value = &rest[k + 6..];
        if !digits(value) {
            return;
        }
        issue = Some(value.to_string());
        rest = &rest[..k];
        marked = true;
    }
    if !marked {
        return;
    }
    let Some((journal, volume)) = rsplit_once_byte(rest, b' ') else {
        return;
    };
    let volume = volume.trim_end_matches(',');
    let journal = journal.trim_end_matches([',', ' ']);
    if !digits(volume) || journal.is_empty() || journal.ends_with(char::is_numeric) {
        return;
    }
    let (journal, volume) = (journal.to_string(), volume.to_string());
    r.container = Some(journal);
    r.volume = Some(volume);
    if r.issue.is_none() {
        r.issue = issue;
    }
    if r.year.is_none() {
        r.year = year;
    }
}

/// "Oxford University Press" read as the container of a book with no locators is its
/// publisher.
fn publisher_as_container(r: &mut Reference) {
    if r.publisher.is_some()
        || r.volume.is_some()
        || r.issue.is_some()
        || r.pages.is_some()
        || !r.editors.is_empty()
    {
        return;
    }
    if let Some(c) = r.container.as_deref()
        && (super::reference::is_publisher_name(c) || publisher_word(c))
    {
        r.publisher = r.container.take();
    }
}

/// The editors named in "Book, edited by First Family and First Family, Publisher" (Chicago,
/// MLA), given names first; empty when there is no such clause or no name in it.
pub(crate) fn edited_by(c: &str) -> Vec<PersonName> {
    // searched on the first bytes only, case-blind, without a lower-cased copy
    let Some(k) = find_ascii_ci(prefix_at_most(c, 400), "edited by ") else {
        return Vec::new();
    };
    let rest = &c[k + "edited by ".len()..];
    // the clause ends at a full stop, not at an initial's ("edited by R. V. Cassill, Norton")
    let mut end = rest.len();
    let mut from = 0;
    while let Some(j) = find_str(&rest[from..], ". ").map(|j| from + j) {
        let word = rest[..j].rsplit(' ').next().unwrap_or("");
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if !initial {
            end = j;
            break;
        }
        from = j + 2;
    }
    let rest = &rest[..end];
    let mut out = Vec::new();
    'items: for item in rest.split(", ") {
        for part in item.split(" and ") {
            let part = part.trim().trim_start_matches("and ").trim_end_matches('.');
            let words: Vec<&str> = part.split_whitespace().collect();
            let publisher = publisher_word(part)
                || super::reference::is_publisher_name(part)
                || words
                    .iter()
                    .any(|w| matches!(*w, "University" | "Press" | "UP"));
            let name_like = !publisher
                && (2..=4).contains(&words.len())
                && words.iter().all(|w| w.starts_with(char::is_uppercase))
                && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
            if !name_like {
                break 'items;
            }
            let (family, given) = match words.split_last() {
                Some((f, g)) => (*f, g.join(" ")),
                None => break 'items,
            };
            let initials: String = given
                .split_whitespace()
                .filter_map(|g| g.chars().next())
                .map(|c| format!("{c}."))
                .collect();
            out.push(PersonName {
                family: family.to_string(),
                initials,
                given: Some(given),
            });
        }
    }
    out
}

/// Publishers whose names carry none of the telling words ("Press", "Verlag"): a short list
/// of the largest, and "Oxford UP".
fn publisher_word(c: &str) -> bool {
    c.len() <= 40
        && (c.ends_with(" UP")
            || c.split_whitespace().any(|w| {
                matches!(
                    w.trim_end_matches([',', '.']),
                    "Routledge"
                        | "Sage"
                        | "Blackwell"
                        | "Macmillan"
                        | "Penguin"
                        | "Norton"
                        | "Palgrave"
                        | "Polity"
                        | "Verso"
                        | "Books"
                        | "Editions"
                        | "Éditions"
                )
            }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_container(c: &str) -> Reference {
        let mut r = Reference::unparsed(1, None, 1, "");
        r.container = Some(c.to_string());
        r
    }

    #[test]
    fn genitive_editors_come_back_to_the_nominative() {
        for (genitive, nominative) in [
            ("Стрельцова", "Стрельцов"),
            ("Молодяковой", "Молодякова"),
            ("Вишневского", "Вишневский"),
            ("Жукова", "Жуков"),
            ("Маркарьяна", "Маркарьян"),
            ("Ким", "Ким"),
            ("Дюбуа", "Дюбуа"),
            ("Ова", "Ова"),
        ] {
            assert_eq!(nominative_family(genitive), nominative, "{genitive}");
        }
    }

    #[test]
    fn chicago_forms() {
        let mut r = with_container("Journal of Documentation 75 (2)");
        repair(&mut r, false);
        assert_eq!(r.container.as_deref(), Some("Journal of Documentation"));
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref()),
            (Some("75"), Some("2"))
        );
        let mut r = with_container("American Archivist 81, no. 2 (2018)");
        repair(&mut r, false);
        assert_eq!(r.container.as_deref(), Some("American Archivist"));
        assert_eq!(
            (r.volume.as_deref(), r.issue.as_deref()),
            (Some("81"), Some("2"))
        );
        assert_eq!(r.year, Some(2018));
        // a year in a name is no volume
        let mut r = with_container("Japan 2017. Yearbook");
        repair(&mut r, false);
        assert_eq!(r.container.as_deref(), Some("Japan 2017. Yearbook"));
    }

    #[test]
    fn apa_chapter_pages_and_publisher() {
        let mut r = with_container("Handbook of research evaluation (pp. 211-230). Routledge");
        repair(&mut r, false);
        assert_eq!(
            r.container.as_deref(),
            Some("Handbook of research evaluation")
        );
        assert_eq!(r.pages.as_deref(), Some("211-230"));
        assert_eq!(r.publisher.as_deref(), Some("Routledge"));
        let mut r = with_container("Oxford University Press");
        repair(&mut r, false);
        assert_eq!(
            (r.container, r.publisher.as_deref()),
            (None, Some("Oxford University Press"))
        );
    }

    #[test]
    fn a_gost_thesis_statement_is_no_part_of_the_title() {
        let mut r = Reference::unparsed(1, None, 1, String::new());
        r.title = Some("Японская диаспора: дис".into());
        r.container = Some("канд. ист. наук. М".into());
        gost_thesis(&mut r);
        assert_eq!(r.title.as_deref(), Some("Японская диаспора"));
        assert_eq!((r.container, r.place.as_deref()), (None, Some("М")));
        let mut r = Reference::unparsed(1, None, 1, String::new());
        r.title = Some("Экономика Японии: автореф".into());
        r.container = Some("дис. ... д-ра экон. наук: 08.00.14. М".into());
        gost_thesis(&mut r);
        assert_eq!(r.title.as_deref(), Some("Экономика Японии"));
        assert_eq!(r.place.as_deref(), Some("М"));
        // a title that merely ends in those letters, with a journal after it, stays
        let mut r = Reference::unparsed(1, None, 1, String::new());
        r.title = Some("Заметки: дис".into());
        r.container = Some("Вопросы истории".into());
        gost_thesis(&mut r);
        assert_eq!(r.title.as_deref(), Some("Заметки: дис"));
    }

    #[test]
    fn a_publisher_before_its_city() {
        for (p, want) in [
            ("Free Press, New York", ("Free Press", Some("New York"))),
            ("Little, Brown", ("Little, Brown", None)),
            (
                "Farrar, Straus and Giroux",
                ("Farrar, Straus and Giroux", None),
            ),
            ("Springer, Berlin", ("Springer", Some("Berlin"))),
        ] {
            let mut r = Reference::unparsed(1, None, 1, String::new());
            r.publisher = Some(p.to_string());
            publisher_then_place(&mut r);
            assert_eq!(
                (r.publisher.as_deref().unwrap(), r.place.as_deref()),
                want,
                "{p}"
            );
        }
    }

    #[test]
    fn an_edition_is_no_container() {
        for (c, gone) in [
            ("2-е изд., перераб. и доп", true),
            ("Изд. 3-е, испр", true),
            ("3rd ed", true),
            ("2nd edn", true),
            ("Вопросы экономики", false),
            ("21st Century Studies", false),
            ("2nd International Conference on Education", false),
        ] {
            let mut r = Reference::unparsed(1, None, 1, String::new());
            r.container = Some(c.to_string());
            edition_as_container(&mut r);
            assert_eq!(r.container.is_none(), gone, "{c}");
        }
    }

    #[test]
    fn editors_of_an_edited_by_clause() {
        let eds =
            edited_by("The Culture of the Book, edited by Peter Vance and Ann Lee, Oxford UP");
        let fam: Vec<&str> = eds.iter().map(|n| n.family.as_str()).collect();
        assert_eq!(fam, ["Vance", "Lee"]);
        assert_eq!(eds[0].initials, "P.");
        assert!(edited_by("Book, Edited by 3 people").is_empty());
        // an initial's full stop does not end the clause; a sentence's does
        let eds = edited_by("The Norton Anthology, edited by R. V. Cassill, Norton");
        assert_eq!(eds.len(), 1);
        assert_eq!(
            (eds[0].family.as_str(), eds[0].initials.as_str()),
            ("Cassill", "R.V.")
        );
        let eds =
            edited_by("Book, edited by Ann Lee. Oxford: Clarendon Press. Reprinted by Ben Wu");
        assert_eq!(eds.len(), 1);
        assert!(edited_by("İİİİ edited by İ").is_empty());
    }

    #[test]
    fn odd_text_is_left_alone() {
        for c in [
            "",
            "(",
            ")",
            " (pp. )",
            "X (pp. 1",
            "no. 3 (",
            ", no. x (2)",
            "(2)",
        ] {
            let mut r = with_container(c);
            repair(&mut r, false);
        }
    }
}
