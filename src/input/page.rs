//! The shape of an article page: title line, author block, reference section and the
//! "For citations:" line. A text without a reference heading is a bare list.

use std::borrow::Cow;

use crate::model::{Article, PersonName};
use crate::text::normalize;

use super::authors::{author_prefix, names_from_line};
use super::locator::strip_locators;
use super::scan::first_year;
use super::sentences;
use super::tail::cut_tail;

/// What kind of input a text is.
///
/// ```
/// use citegraph::{Format, detect_format};
///
/// assert_eq!(detect_format("Title\nReferences\n1. Brown J. (2017) T. S."), Format::ArticlePage);
/// assert_eq!(detect_format("1. Brown J. (2017) T. S."), Format::ReferenceList);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// An article page: a title, a reference heading ("References", "Список литературы") and
    /// possibly an author block and a "For citations:" line.
    ArticlePage,
    /// A bare reference list, numbered or not.
    ReferenceList,
}

/// Tells an article page from a bare list by looking for a reference-list heading
/// ("References", "Список литературы", "Bibliography", "Works Cited", …).
///
/// ```
/// use citegraph::{Format, detect_format};
///
/// assert_eq!(detect_format("Title\nСписок литературы\n1. Иванов И.И. Книга. М., 2010."), Format::ArticlePage);
/// assert_eq!(detect_format("Brown J. (2017) T. S.\nKraus E. (2018) U. V."), Format::ReferenceList);
/// ```
pub fn detect_format(text: &str) -> Format {
    if text
        .lines()
        .any(|l| heading(l) == Some(Heading::References))
    {
        Format::ArticlePage
    } else {
        Format::ReferenceList
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Heading {
    References,
    Authors,
    Citation,
    Abstract,
    Other,
}

/// Classifies a line as a section heading. "For citations:" may carry its text on the line.
fn heading(line: &str) -> Option<Heading> {
    let t = line.trim();
    // Russian pages print "Для цитирования: Фамилия И.О. Название // ..." as one long line,
    // so the citation prefix is looked for on the line's head before the length test.
    let head = &t[..t.floor_char_boundary(60)];
    if t.len() > 90
        && head.starts_with(['Д', 'д', 'С', 'с', 'F', 'f', 'C', 'c', 'H', 'h'])
        && citation_prefix(&normalize(head).to_lowercase())
    {
        return Some(Heading::Citation);
    }
    // headings are short; only they pay for normalisation (non-breaking spaces, NFKC)
    if t.is_empty() || t.len() > 90 {
        return None;
    }
    let lower = normalize(t).trim().to_lowercase();
    if citation_prefix(&lower) {
        return Some(Heading::Citation);
    }
    let l = lower.trim_end_matches([':', '.', ' ']);
    Some(match l {
        "references"
        | "reference list"
        | "список литературы"
        | "литература"
        | "bibliography"
        | "works cited"
        | "список источников"
        | "библиографический список"
        | "references and notes"
        | "источники и литература"
        | "literature"
        | "literature cited"
        | "список использованной литературы" => Heading::References,
        "about the author"
        | "about the authors"
        | "об авторе"
        | "об авторах"
        | "information about the author"
        | "information about the authors"
        | "сведения об авторе"
        | "сведения об авторах"
        | "информация об авторе"
        | "информация об авторах"
        | "authors"
        | "author" => Heading::Authors,
        "abstract" | "аннотация" | "резюме" | "summary" => Heading::Abstract,
        "review"
        | "keywords"
        | "key words"
        | "ключевые слова"
        | "acknowledgements"
        | "acknowledgments"
        | "благодарности"
        | "funding"
        | "финансирование"
        | "appendix"
        | "приложение"
        | "notes"
        | "примечания"
        | "conflict of interest"
        | "конфликт интересов"
        | "introduction"
        | "введение"
        | "conclusion"
        | "заключение"
        | "рецензия" => Heading::Other,
        _ => return None,
    })
}

/// Whether a lower-cased line opens with a "cite this as" label.
fn citation_prefix(lower: &str) -> bool {
    [
        "for citations:",
        "for citation:",
        "cite as:",
        "how to cite:",
        "ссылка для цитирования:",
        "для цитирования:",
        "cite this article:",
        "for citations",
        "для цитирования",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Lines journals print above the title: "UDC 327(520)", "DOI: 10.…", "Research article".
fn is_stamp(line: &str) -> bool {
    let lower = line.to_lowercase();
    [
        "удк",
        "udc",
        "ббк",
        "doi",
        "https://doi",
        "http://dx.doi",
        "research article",
        "original article",
        "review article",
        "научная статья",
        "оригинальная статья",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// The parts of a page, as line slices of the (normalised) text.
#[derive(Debug, Default)]
pub(crate) struct Page<'a> {
    pub is_page: bool,
    /// 1-based line of the reference heading.
    pub heading_line: Option<usize>,
    /// The reference section's lines: (1-based line number, text).
    pub ref_lines: Vec<(usize, &'a str)>,
    /// On a bilingual page, the other (Cyrillic) reference section's lines; empty otherwise.
    pub alt_lines: Vec<(usize, &'a str)>,
    pub article: Article,
    /// Authors from the author block, used when the citation line has none.
    pub block_authors: Vec<PersonName>,
}

/// Splits a text into its page parts. A text with no reference heading is all list.
pub(crate) fn read_page<'a>(lines: &[(usize, &'a str)]) -> Page<'a> {
    let heads: Vec<(usize, Heading)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, (_, l))| heading(l).map(|h| (i, h)))
        .collect();
    let ref_heads: Vec<usize> = heads
        .iter()
        .filter(|h| h.1 == Heading::References)
        .map(|h| h.0)
        .collect();
    let mut page = Page::default();
    let Some(&first_ref) = ref_heads.first() else {
        page.ref_lines = lines.to_vec();
        return page;
    };
    page.is_page = true;
    // Bilingual pages print "Список литературы" then "References": the Latin list is the one
    // this style's parser reads best.
    let chosen = ref_heads
        .iter()
        .copied()
        .find(|&i| lines[i].1.trim().to_lowercase().starts_with("references"))
        .unwrap_or(first_ref);
    page.heading_line = Some(lines[chosen].0);
    let section_end = heads
        .iter()
        .find(|h| h.0 > chosen)
        .map_or(lines.len(), |h| h.0);
    page.ref_lines = lines[chosen + 1..section_end].to_vec();
    // The Cyrillic list of a bilingual page: a second reference heading in Cyrillic beside the
    // Latin "References" that was chosen.
    if lines[chosen]
        .1
        .trim()
        .to_lowercase()
        .starts_with("references")
        && let Some(&alt) = ref_heads
            .iter()
            .find(|&&i| i != chosen && super::scan::has_cyrillic(lines[i].1))
    {
        let end = heads
            .iter()
            .find(|h| h.0 > alt)
            .map_or(lines.len(), |h| h.0);
        page.alt_lines = lines[alt + 1..end].to_vec();
    }

    // title: the first non-empty line that is not a heading or a classification stamp
    if let Some((_, first)) = lines
        .iter()
        .find(|(_, l)| !l.trim().is_empty() && !is_stamp(l.trim()))
        && heading(first).is_none()
    {
        page.article.title = Some(normalize(first.trim()).into_owned());
    }
    // author block
    if let Some(&(i, _)) = heads.iter().find(|h| h.1 == Heading::Authors) {
        let end = heads.iter().find(|h| h.0 > i).map_or(lines.len(), |h| h.0);
        for (_, l) in &lines[i + 1..end] {
            let l = normalize(l);
            match russian_full_name(l.trim()) {
                Some(name) => page.block_authors.push(name),
                None => page.block_authors.extend(names_from_line(l.trim())),
            }
        }
    }
    // citation line
    if let Some(&(i, _)) = heads.iter().find(|h| h.1 == Heading::Citation) {
        let own = lines[i].1.trim();
        let after_colon = own.find(':').map_or("", |c| own[c + 1..].trim());
        let text = if after_colon.is_empty() {
            lines[i + 1..]
                .iter()
                .map(|(_, l)| l.trim())
                .find(|l| !l.is_empty())
                .unwrap_or("")
        } else {
            after_colon
        };
        read_citation(&normalize(text), &mut page.article);
    }
    if page.article.authors.is_empty() {
        page.article.authors = page.block_authors.clone();
    }
    page
}

/// "Стрельцов Дмитрий Викторович, доктор исторических наук, …": a Russian author block names
/// each author family name first, then given name and patronymic in full. The patronymic's
/// ending (-вич, -вна, -ична, …) is what tells such a line from "Институт востоковедения РАН".
fn russian_full_name(line: &str) -> Option<PersonName> {
    let head = line.split([',', '(', ';']).next()?.trim();
    let words: Vec<&str> = head.split_whitespace().collect();
    let [family, given, patronymic] = words[..] else {
        return None;
    };
    let capitalised = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() && super::scan::is_cyrillic(c))
            && w.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
    };
    let is_patronymic = ["вич", "вна", "чна", "ична", "ич", "оглы", "кызы"]
        .iter()
        .any(|end| patronymic.ends_with(end));
    if !(capitalised(family) && capitalised(given) && capitalised(patronymic) && is_patronymic) {
        return None;
    }
    let initial = |w: &str| w.chars().next().map(|c| format!("{c}."));
    Some(PersonName {
        family: family.to_string(),
        initials: format!("{}{}", initial(given)?, initial(patronymic)?),
        given: Some(format!("{given} {patronymic}")),
    })
}

/// "Paramonov O.G. Russia-Japan Security Dialogue. Outlines of global transformations:
/// politics, economics, law. 2019;12(1):102-116. (In Russ.)"
fn read_citation(line: &str, article: &mut Article) {
    let tail = cut_tail(line);
    article.language = tail
        .language
        .or_else(|| super::scan::has_cyrillic(line).then_some("ru"))
        .map(str::to_string);
    article.doi = tail.doi;
    let body = &*tail.body;
    let authors = author_prefix(body);
    article.authors = authors.names;
    let rest = body[authors.end..]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','));
    let (title, source) = match (&article.title, rest.find("//")) {
        (_, Some(k)) => (&rest[..k], &rest[k + 2..]),
        (Some(t), None)
            if rest.to_lowercase().starts_with(&t.to_lowercase())
                && rest.is_char_boundary(t.len()) =>
        {
            (&rest[..t.len()], &rest[t.len()..])
        }
        _ => match sentences::parts(rest).get(1) {
            Some(second) => (
                rest[..second.0].trim_end_matches(['.', ' ']),
                &rest[second.0..],
            ),
            None => (rest, ""),
        },
    };
    let source = source.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ','));
    let (loc, len) = strip_locators(source, 0);
    let src = source[..len].trim().trim_end_matches('.');
    if !src.is_empty() {
        article.source = Some(src.to_string());
    }
    if article.title.is_none() && !title.trim().is_empty() {
        article.title = Some(title.trim().trim_end_matches('.').to_string());
    }
    article.year = loc.year.or_else(|| first_year(source).map(|(_, y)| y));
    article.volume = loc.volume.map(str::to_string);
    article.issue = loc.issue.map(str::to_string);
    article.pages = loc.pages.map(Cow::into_owned);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citation_line() {
        let mut a = Article {
            title: Some("Russia-Japan Security Dialogue".into()),
            ..Default::default()
        };
        read_citation(
            "Paramonov O.G. Russia-Japan Security Dialogue. Outlines of global transformations: politics, economics, law. 2019;12(1):102-116. (In Russ.)",
            &mut a,
        );
        assert_eq!(a.authors[0].to_string(), "Paramonov O.G.");
        assert_eq!(
            a.source.as_deref(),
            Some("Outlines of global transformations: politics, economics, law")
        );
        assert_eq!(a.year, Some(2019));
        assert_eq!(
            (a.volume.as_deref(), a.issue.as_deref(), a.pages.as_deref()),
            (Some("12"), Some("1"), Some("102-116"))
        );
        assert_eq!(a.language.as_deref(), Some("ru"));
    }

    #[test]
    fn gost_citation_line() {
        let mut a = Article::default();
        read_citation(
            "Иванов И.И., Петрова А.А. Название статьи // Вестник МГИМО. 2020. Т. 13. № 2. С. 10-25.",
            &mut a,
        );
        assert_eq!(a.authors.len(), 2);
        assert_eq!(a.title.as_deref(), Some("Название статьи"));
        assert_eq!(a.source.as_deref(), Some("Вестник МГИМО"));
        assert_eq!(a.year, Some(2020));
        assert_eq!(a.pages.as_deref(), Some("10-25"));
    }

    #[test]
    fn stamps_above_the_title_are_skipped() {
        let text = "UDC 327(520)\nDOI: 10.1/x\nThe Real Title\nAbout the Author\nOleg G. Paramonov\nReferences\n1. Brown J. (2017) T. S.\nCite as: Paramonov O.G. The Real Title. J. 2019;1(2):3-4.";
        let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
        let p = read_page(&lines);
        assert_eq!(p.article.title.as_deref(), Some("The Real Title"));
        assert_eq!(p.block_authors[0].to_string(), "Paramonov O.G.");
        assert_eq!(p.article.year, Some(2019));
        assert_eq!(p.ref_lines.len(), 1);
    }

    #[test]
    fn russian_page_with_an_inline_citation_and_a_full_name_block() {
        let text = "Японская дипломатия эпохи Мэйдзи\nДля цитирования: Молодякова Е.В. Японская дипломатия эпохи Мэйдзи // Вопросы истории. 2021. № 7. С. 112–128.\nАннотация\nТекст.\nЛитература\n1. Иванов И.И. Книга. М.: Наука, 2013. 296 с.\nСведения об авторах\nМолодякова Елена Васильевна, доктор исторических наук, Москва, Россия.\nИнститут востоковедения РАН";
        let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
        let p = read_page(&lines);
        assert_eq!(
            p.article.title.as_deref(),
            Some("Японская дипломатия эпохи Мэйдзи")
        );
        assert_eq!(p.article.authors[0].to_string(), "Молодякова Е.В.");
        assert_eq!(p.article.source.as_deref(), Some("Вопросы истории"));
        assert_eq!(p.article.year, Some(2021));
        assert_eq!(p.ref_lines.len(), 1);
        assert_eq!(p.block_authors.len(), 1);
        assert_eq!(
            p.block_authors[0].given.as_deref(),
            Some("Елена Васильевна")
        );
        assert_eq!(russian_full_name("Институт востоковедения РАН"), None);
    }

    #[test]
    fn page_parts() {
        let text = "My Title\nAbstract\nText.\nAbout the Authors\nO. G. ParamonovRussian Federation\nPhD\nA. B. Smith\nReferences\n1. Brown J. (2017) T. S.\n\nReview\nFor citations:\nParamonov O.G. My Title. Journal. 2019;1(2):3-4.";
        let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
        let p = read_page(&lines);
        assert!(p.is_page);
        assert_eq!(p.heading_line, Some(8));
        assert_eq!(p.ref_lines.len(), 2);
        assert_eq!(p.block_authors.len(), 2);
        assert_eq!(p.article.title.as_deref(), Some("My Title"));
        assert_eq!(p.article.authors.len(), 1);
        assert_eq!(p.article.year, Some(2019));
    }
}
