//! Cutting a reference list into entries, and repairing what the cutting finds: numbered
//! lines that continue the previous entry, wrapped and hanging lines, hyphenated line breaks,
//! and gaps in the printed numbering.

use crate::model::WarningCode;

use super::authors::author_prefix;
use super::scan::{first_year, prefix_at_most, starts_with_ci, year_at};

/// One entry of a list after repair.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// The printed label, when the list is numbered.
    pub number: Option<u32>,
    /// 1-based input line where the entry starts.
    pub line: usize,
    /// The entry's text, label removed, continuation lines joined.
    pub text: String,
}

/// A defect found while segmenting: the 0-based entry it concerns, its code and message.
pub(crate) type Defect = (usize, WarningCode, String);

/// A list label at the start of a line: `15.`, `15)`, `[15]`. Returns the number and the
/// text after it. A four-digit year followed by a dot ("2016. Yearbook") is not a label.
pub(crate) fn split_label(line: &str) -> Option<(u32, &str)> {
    label(line).filter(|l| !l.2).map(|l| (l.0, l.1))
}

/// A label with a flag for "this could be a year" ("2016. Yearbook"): such a label counts
/// only where the numbering expects exactly that number.
fn label(line: &str) -> Option<(u32, &str, bool)> {
    let t = line.trim_start();
    let mut year_like = false;
    let (num_str, rest) = if let Some(inner) = t.strip_prefix('[') {
        let close = prefix_at_most(inner, 8).find(']')?;
        (&inner[..close], &inner[close + 1..])
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 6 {
            return None;
        }
        let rest = &t[digits..];
        let rest = rest.strip_prefix(['.', ')'])?;
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            return None;
        }
        year_like = digits == 4 && year_at(t, 0).is_some() && t[4..].starts_with('.');
        (&t[..digits], rest)
    };
    if num_str.is_empty() || num_str.len() > 6 || !num_str.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = num_str.parse().ok()?;
    Some((n, rest.trim_start(), year_like))
}

/// Whether the entry so far stops in the middle of a phrase, so that the next line must
/// finish it.
fn ends_mid_phrase(prev: &str) -> bool {
    let p = tail_of(prev, 64).trim_end();
    const OPEN_WORDS: [&str; 12] = [
        "available",
        "available at",
        "available at:",
        "available from",
        "retrieved from",
        "in:",
        "in",
        "url:",
        "режим доступа:",
        "and",
        "&",
        "//",
    ];
    if OPEN_WORDS.iter().any(|w| ends_with_word(p, w)) {
        return true;
    }
    p.ends_with([',', '-', ':', ';', '(', '/'])
}

fn ends_with_word(p: &str, w: &str) -> bool {
    if p.len() < w.len() || !p.is_char_boundary(p.len() - w.len()) {
        return false;
    }
    let tail = &p[p.len() - w.len()..];
    let before_ok =
        p[..p.len() - w.len()].ends_with(|c: char| !c.is_alphanumeric()) || p.len() == w.len();
    // An ASCII word compares without a lower-cased copy (this runs for a dozen words on
    // every line); no other text lower-cases to it, bytes of the same length.
    before_ok
        && if w.is_ascii() {
            tail.eq_ignore_ascii_case(w)
        } else {
            tail.to_lowercase() == w
        }
}

/// Whether a line's text reads as the rest of something: lower-case start, "at:", a URL or
/// DOI, a page range.
fn starts_as_continuation(body: &str) -> bool {
    let Some(c) = body.chars().next() else {
        return true;
    };
    c.is_lowercase()
        || starts_with_ci(body, "http")
        || starts_with_ci(body, "www.")
        || starts_with_ci(body, "doi")
        || starts_with_ci(body, "pp.")
        || matches!(c, ',' | ';' | ':' | ')' | '/' | '-')
}

/// Whether a line begins a new reference: names first, with a year close by.
fn looks_like_start(body: &str) -> bool {
    let head = prefix_at_most(body, 400);
    if !author_prefix(head).names.is_empty() {
        return true;
    }
    // "World Bank (2018) …": an organisation before a year slot
    let near = prefix_at_most(body, 100);
    near.match_indices('(')
        .any(|(i, _)| year_at(near, i + 1).is_some())
}

/// Whether a line that does not read as names first ("World Health Organization. Global
/// status report … 2018.") still starts an entry: the one before it has ended, on its final
/// locator (a year or a page followed by a full stop), and the line is capitalised and holds
/// a year of its own. A wrapped title or journal starts with a capital too, but then the
/// entry before it has not reached its locators.
fn starts_anew(prev: &str, body: &str) -> bool {
    let p = prev.trim_end();
    let ends_on_locator = p
        .strip_suffix('.')
        .is_some_and(|p| p.ends_with(|c: char| c.is_ascii_digit()));
    (ends_on_locator || ends_on_identifier(p))
        && body.starts_with(|c: char| c.is_uppercase())
        && first_year(body).is_some()
}

/// Whether the entry so far ends on a DOI or a URL ("doi:10.1056/NEJMe2002387",
/// "https://doi.org/10.1/x"), which close an entry without a full stop.
fn ends_on_identifier(prev: &str) -> bool {
    let last = last_word(prev.trim_end());
    starts_with_ci(last, "doi:")
        || starts_with_ci(last, "http://")
        || starts_with_ci(last, "https://")
        || (last.starts_with("10.") && last.contains('/'))
}

/// Whether a line starts with a family-name particle written in lower case ("van der
/// Berg", "de Vries", "von Neumann"), as name lists may.
fn starts_with_particle(body: &str) -> bool {
    const PARTICLES: [&str; 14] = [
        "van", "von", "de", "der", "den", "du", "da", "di", "del", "della", "dos", "le", "la",
        "ten",
    ];
    let first = first_word(body);
    PARTICLES.contains(&first)
}

/// Appends a continuation line, rejoining words split by a hyphen at the line end.
fn join(prev: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    // a soft hyphen at the line end marks a word broken by the line
    if prev.ends_with('\u{AD}') {
        prev.pop();
        prev.push_str(next);
        return;
    }
    // only the end of `prev` is looked at: entries grow line by line, and scanning all of
    // one at every join would be quadratic in a list of unbroken lines
    let last_token = tail_of(prev, 256)
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    let in_url = last_token.contains("://") || last_token.starts_with("www.");
    if prev.ends_with('-') && !in_url {
        let before = prev[..prev.len() - 1].chars().next_back();
        if before.is_some_and(char::is_alphabetic) && next.starts_with(char::is_lowercase) {
            // "Mur-" + "phy": a word broken by the line end
            prev.pop();
            prev.push_str(next);
            return;
        }
        prev.push_str(next);
        return;
    }
    if in_url
        && (prev.ends_with(['/', '-', '_', '.', '=', '&', '?']))
        && !next.starts_with(char::is_uppercase)
    {
        prev.push_str(next);
        return;
    }
    if !prev.is_empty() {
        prev.push(' ');
    }
    prev.push_str(next);
}

fn snippet(s: &str, max: usize) -> String {
    let p = prefix_at_most(s, max);
    if p.len() < s.len() {
        format!("{p}...")
    } else {
        p.to_string()
    }
}

fn last_word(s: &str) -> &str {
    tail_of(s.trim_end(), 256)
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
}

/// The last `max` bytes of `s` or fewer, cut at a char boundary.
fn tail_of(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

/// Cuts the lines (1-based line number, text) of a list into entries.
pub(crate) fn segment(lines: &[(usize, &str)]) -> (Vec<Entry>, Vec<Defect>) {
    let nonempty: Vec<(usize, &str, usize)> = lines
        .iter()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|&(n, l)| (n, l, l.len() - l.trim_start().len()))
        .collect();
    let labelled = nonempty
        .iter()
        .filter(|(_, l, _)| split_label(l).is_some())
        .count();
    let numbered = labelled >= 1 && labelled * 3 >= nonempty.len();
    if numbered {
        segment_numbered(&nonempty)
    } else {
        (segment_unnumbered(&nonempty), Vec::new())
    }
}

fn segment_numbered(lines: &[(usize, &str, usize)]) -> (Vec<Entry>, Vec<Defect>) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut defects = Vec::new();
    let mut last_printed: Option<u32> = None;
    for &(line_no, line, _) in lines {
        let expected = last_printed.map(|n| n.saturating_add(1));
        let Some((n, body)) = label(line)
            .filter(|l| !l.2 || year_like_label_counts(l.0, l.1, expected))
            .map(|l| (l.0, l.1))
        else {
            match entries.last_mut() {
                Some(prev) => join(&mut prev.text, line),
                None => entries.push(Entry {
                    number: None,
                    line: line_no,
                    text: line.trim().to_string(),
                }),
            }
            continue;
        };
        if let Some(prev) = entries.last_mut() {
            let continues = ends_mid_phrase(&prev.text)
                && starts_as_continuation(body)
                && !looks_like_start(body);
            if continues {
                let msg = format!(
                    "numbered line {n} ('{n}. {}') continues reference {} ('{}' / '{}'); joined to it",
                    snippet(body, 24),
                    prev.number
                        .map_or_else(|| "above".to_string(), |p| p.to_string()),
                    last_word(&prev.text),
                    first_word(body),
                );
                join(&mut prev.text, body);
                defects.push((entries.len() - 1, WarningCode::SplitEntry, msg));
                last_printed = Some(n);
                continue;
            }
        }
        if let Some(lp) = last_printed
            && n != lp.saturating_add(1)
        {
            let what = if n <= lp {
                "repeats or goes back from"
            } else {
                "skips after"
            };
            defects.push((
                entries.len(),
                WarningCode::NumberingGap,
                format!("number {n} {what} {lp}"),
            ));
        }
        last_printed = Some(n);
        entries.push(Entry {
            number: Some(n),
            line: line_no,
            text: body.trim().to_string(),
        });
    }
    (entries, defects)
}

/// Whether a label that could be a year ("1996. …") is the list's number: the one the
/// numbering expects, or a little past it (a skipped number, reported as a gap) on a line
/// that starts the way references do. Without the second case a long list with one number
/// missing in the 1500–2039 range would glue every later entry to the one before it.
fn year_like_label_counts(n: u32, body: &str, expected: Option<u32>) -> bool {
    /// How far past the expected number a year-like label still reads as a skip.
    const MAX_SKIP: u32 = 20;
    let Some(e) = expected else {
        return false;
    };
    n == e || (n > e && n - e <= MAX_SKIP && looks_like_start(body))
}

fn segment_unnumbered(lines: &[(usize, &str, usize)]) -> Vec<Entry> {
    let min_indent = lines.iter().map(|l| l.2).min().unwrap_or(0);
    let indents_vary = lines.iter().any(|l| l.2 != min_indent);
    // A hanging indent shows when the first line of the list sits at the margin and some
    // later lines are indented: then indented lines continue.
    let hanging = indents_vary && lines.first().is_some_and(|l| l.2 == min_indent);
    let mut entries: Vec<Entry> = Vec::new();
    let mut prev_indent = 0;
    // whether the current entry's first line read as a reference start: then a later line
    // that does not is taken as its continuation even after a full stop
    let mut recognised = false;
    for &(line_no, line, indent) in lines {
        let body = line.trim();
        let start = looks_like_start(body);
        let wrapped = match entries.last() {
            None => false,
            Some(_) if hanging => indent > min_indent,
            Some(prev) => {
                let prev_done =
                    prev.text.ends_with(['.', ')', ']', '"']) || ends_on_identifier(&prev.text);
                // "van der Berg, P., …": a name list may start with a lower-case particle
                let particle_start = start && prev_done && starts_with_particle(body);
                (starts_as_continuation(body) && !particle_start)
                    || ends_mid_phrase(&prev.text)
                    || (!start && (!prev_done || (recognised && !starts_anew(&prev.text, body))))
                    || (indent > prev_indent && indents_vary && !start)
            }
        };
        match entries.last_mut() {
            Some(prev) if wrapped => join(&mut prev.text, body),
            _ => {
                entries.push(Entry {
                    number: None,
                    line: line_no,
                    text: body.to_string(),
                });
                prev_indent = indent;
                recognised = start;
            }
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<(usize, &str)> {
        s.lines().enumerate().map(|(i, l)| (i + 1, l)).collect()
    }

    #[test]
    fn labels() {
        assert_eq!(split_label("15. Streltsov"), Some((15, "Streltsov")));
        assert_eq!(split_label("[3] A. B. Family"), Some((3, "A. B. Family")));
        assert_eq!(split_label("3) Family"), Some((3, "Family")));
        assert_eq!(split_label("2016. Yearbook"), None);
        assert_eq!(split_label("12.5 percent"), None);
        assert_eq!(split_label("Brown J."), None);
    }

    #[test]
    fn seed_split_is_repaired() {
        let text = "15. Streltsov D.V. (2012) Japan. Vestnik, no 3. pp. 72-95. Available\n16. at: http://fmp.msu.ru/a.pdf, accessed 31.01.2019 (in Russian).\n17. Streltsov D.V. (2013) Japan, Moscow: AIRO-XXI (in Russian).";
        let (e, d) = segment(&lines(text));
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].number, Some(15));
        assert!(
            e[0].text.ends_with(
                "Available at: http://fmp.msu.ru/a.pdf, accessed 31.01.2019 (in Russian)."
            )
        );
        assert_eq!(e[1].number, Some(17));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1, WarningCode::SplitEntry);
        assert!(d[0].2.contains("16") && d[0].2.contains("15"));
    }

    #[test]
    fn other_open_endings_are_repaired() {
        let text = "1. Brown J. (2017) Title. Retrieved from\n2. https://x.org/a\n3. Lee K. (2018) Chapter. In:\n4. Smith A. (ed.) Book. London: Routledge.";
        let (e, d) = segment(&lines(text));
        // "Smith A. (ed.)" is a name: it starts a reference, so line 4 stays separate
        assert_eq!(e.len(), 3, "{e:#?}");
        assert_eq!(
            e[0].text,
            "Brown J. (2017) Title. Retrieved from https://x.org/a"
        );
        assert_eq!(
            d.iter().filter(|x| x.1 == WarningCode::SplitEntry).count(),
            1
        );
    }

    #[test]
    fn a_lowercase_particle_starts_a_reference() {
        let text = "15. Brown J. (2017) Title. Available\n16. van Eck N.J. (2010) Software survey. Scientometrics, no 2, pp. 523-538.";
        let (e, d) = segment(&lines(text));
        assert_eq!(e.len(), 2);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn year_like_numbers_count_in_long_lists() {
        let text: String = (1999..=2002)
            .map(|n| format!("{n}. Brown J. ({n}) T. S.\n"))
            .collect();
        let mut all = String::from("1998. Brown J. (1998) T. S.\n");
        all.push_str(&text);
        let (e, _) = segment(&lines(&all));
        // labels that all look like years cannot be told from years: the list is read as
        // unnumbered, one entry per line, and nothing is lost
        assert_eq!(e.len(), 5, "{e:#?}");
        assert!(e.iter().all(|e| e.number.is_none()));
        // in a numbered list the same label counts where the numbering expects it
        let long: String = (1398..=1401)
            .map(|n| format!("{n}. Brown J. (2001) T{n}. S.\n"))
            .collect();
        let mut all = String::from("1. Brown J. (2001) T. S.\n2. Brown J. (2001) T. S.\n");
        all.push_str(&long);
        let (e, d) = segment(&lines(&all));
        assert_eq!(e.len(), 6);
        assert_eq!(e[3].number, Some(1399));
        assert_eq!(d.len(), 1, "only the jump from 2 to 1398: {d:?}");
    }

    #[test]
    fn a_skipped_year_like_number_is_a_gap_not_a_join() {
        // numbered 1 to 1999 with 1995 missing: the labels after the gap look like years
        let all: String = (1..=1999)
            .filter(|&n| n != 1995)
            .map(|n| format!("{n}. Brown J. (2001) Title {n}. Journal, no 3, pp. 1-2.\n"))
            .collect();
        let (e, d) = segment(&lines(&all));
        assert_eq!(e.len(), 1998);
        assert_eq!(e[1994].number, Some(1996));
        assert!(e[1994].text.starts_with("Brown J. (2001) Title 1996."));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1, WarningCode::NumberingGap);
        // a year after a full stop inside an entry is still no label
        let (e, _) = segment(&lines(
            "1. Panov A.N. (2017) Priorities. Japan\n2016. Yearbook. Moscow: AIRO-XXI, pp. 7-43.\n2. Kraus E. (2018) Other. Source.\n",
        ));
        assert_eq!(e.len(), 2);
        assert!(e[0].text.contains("Japan 2016. Yearbook"));
    }

    #[test]
    fn gaps_are_reported() {
        let (e, d) = segment(&lines(
            "1. Brown J. (2017) A.\n2. Brown J. (2018) B.\n4. Kraus E. (2018) C.\n4. Kraus E. (2019) D.",
        ));
        assert_eq!(e.len(), 4);
        let gaps: Vec<usize> = d
            .iter()
            .filter(|x| x.1 == WarningCode::NumberingGap)
            .map(|x| x.0)
            .collect();
        assert_eq!(gaps, [2, 3]);
    }

    #[test]
    fn wrapped_unnumbered() {
        let text = "Brown J. (2017) Japan Woos Russia for Its Own\nSecurity. Nikkei Asian Review.\nMurphy K. (2019) Hyphen-\nated Names. Source.\nKraus E. (2018) Abe's More Assertive Japan. GlobalAsia, September 9,\n2018. Available at: https://www.globalasia.org/v13no3/cover/abes-\nmore-assertive-japan, accessed 31.01.2019.";
        let (e, _) = segment(&lines(text));
        assert_eq!(e.len(), 3, "{e:#?}");
        assert_eq!(
            e[0].text,
            "Brown J. (2017) Japan Woos Russia for Its Own Security. Nikkei Asian Review."
        );
        assert_eq!(e[1].text, "Murphy K. (2019) Hyphenated Names. Source.");
        assert!(e[2].text.contains("abes-more-assertive-japan"));
    }

    #[test]
    fn a_wrapped_line_after_a_full_stop() {
        let text = "Brown J. (2017) Japan Woos Russia.\nNikkei Asian Review, December 11, 2017.\nWorld Bank (2018) Annual Report.\nСтрельцов Д.В. Японская модернизация // Японские исследования. Очень длинное название журнала. 2016. № 3.";
        let (e, _) = segment(&lines(text));
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(
            e[0].text
                .ends_with("Nikkei Asian Review, December 11, 2017.")
        );
        assert_eq!(e[1].line, 3);
        assert_eq!(e[2].line, 4);
    }

    #[test]
    fn an_organisation_starts_an_entry_after_one_that_ended() {
        let text = "Hofmann T, Smola AJ. Kernel methods. Ann Stat. 2008;36(3):1171-220.\nWorld Health Organization. Global status report on road safety 2018. Geneva: WHO; 2018.\nRosenberg SA, editor. Cancer immunotherapy. New York: Springer; 2015.";
        let (e, _) = segment(&lines(text));
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(e[1].text.starts_with("World Health Organization."));
        // an entry that ends on its DOI has ended too
        let text = "Fauci AS, Lane HC. Covid-19. N Engl J Med. 2020;382(13):1268-9. doi:10.1056/NEJMe2002387\nNational Cancer Institute. Cancer statistics [Internet]. Bethesda (MD): NCI; 2020.";
        assert_eq!(segment(&lines(text)).0.len(), 2);
        // a name list that starts with a particle starts an entry
        let text = "Streltsov D.V. (2018) Japan. Moscow: AIRO-XXI (in Russian).\nvan der Berg, P., & de Vries, M. (2017). Particles in names. Journal, 4(1), 1–12.";
        let (e, _) = segment(&lines(text));
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(e[1].text.starts_with("van der Berg"));
        // a wrapped title that goes on in lower case stays wrapped
        let text = "Brown J. (2017) Japan and\nde facto alliances. Source.";
        assert_eq!(segment(&lines(text)).0.len(), 1);
        // a wrapped journal after an entry that has not reached its locators stays
        let text = "Hofmann T, Smola AJ. Kernel methods in machine learning.\nAnnals of Statistics. 2008;36(3):1171-220.";
        assert_eq!(segment(&lines(text)).0.len(), 1);
    }

    #[test]
    fn hanging_indent() {
        let text = "Brown J. (2017) Japan Woos Russia\n    for Its Own Security. Nikkei.\nKraus E. (2018) Abe.\n    GlobalAsia.";
        let (e, _) = segment(&lines(text));
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].line, 3);
    }
}
