//! Reading input: detecting its shape, finding the reference list, segmenting and repairing
//! entries, and parsing each reference.
//!
//! The stages are separate files, each with one job: [`page`] finds the parts of an article
//! page, [`segment`] cuts the list into entries, [`reference`](mod@reference) parses one entry
//! with the help of [`authors`], [`tail`], [`sentences`], [`locator`], [`date`], [`language`]
//! and [`kind`] (and, where [`settled`] finds the rules' reading unclean, the learned model),
//! and [`dedup`] finds repeated entries.
//!
//! Everything is hand-written scanning over `&str` with byte offsets taken only at ASCII
//! delimiters or char boundaries, linear in the input: an entry is parsed on its first
//! 4 KiB (the whole text is kept as `raw`), and joins look only at an entry's end. Entries
//! are independent once cut, so long lists are parsed on every core.

mod align;
mod authors;
mod bilingual;
mod date;
mod dedup;
mod fixups;
mod kind;
mod language;
mod learned;
mod locator;
mod page;
mod reference;
mod scan;
mod segment;
mod sentences;
mod settled;
mod style;
mod tail;

pub use align::align_references;
pub use authors::{AuthorPrefix, parse_author_list};
pub use learned::{FieldLabel, LabeledSpan, SequenceModel, TrainOptions, TrainingExample};
pub use page::{Format, detect_format};
pub use reference::{Parser, parse_reference, parse_reference_rules};
pub use style::detect_list_style;

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::model::{Document, Reference, Warning, WarningCode};
use crate::text::normalize;

/// Reads an article page or a bare reference list into a [`Document`].
///
/// An article page (title, "About the Author", "References", "For citations:", or their
/// Russian counterparts "Об авторе", "Список литературы", "Для цитирования:") fills
/// [`Document::article`]. A page that prints its works twice, in a Cyrillic list and a Latin
/// "References", gives one reference per work: the Latin entry, with the Cyrillic one as its
/// [`Reference::alternate`] (see [`align_references`](crate::align_references)); entries without
/// a counterpart are kept with an `unaligned-translation` warning. A bare list (numbered `1.`, `[1]`, `1)`, or one reference per line
/// with wrapped lines) leaves it empty for the caller to fill. Defects become warnings tied
/// to reference indexes (split entries, numbering gaps, duplicates, unparsed entries, year
/// mismatches); nothing is dropped. Only an empty input ([`Error::EmptyInput`]) or one with no
/// reference list ([`Error::NoReferenceList`]: an empty "References" section, or no entry with
/// a year, DOI or URL) is an error.
///
/// ```
/// let doc = citegraph::read_document(
///     "1. Brown J. (2017) Title. Source, no 3, pp. 1-2.\n2. Kraus E. (2018) Other. Source.\n",
/// ).unwrap();
/// assert_eq!(doc.references.len(), 2);
/// assert_eq!(doc.references[1].authors[0].family, "Kraus");
/// assert!(matches!(citegraph::read_document("  \n"), Err(citegraph::Error::EmptyInput)));
/// ```
pub fn read_document(text: &str) -> Result<Document> {
    read_document_with(text, Parser::Hybrid)
}

/// [`read_document`] with the given [`Parser`] for the references.
///
/// ```
/// use citegraph::{Parser, read_document_with};
///
/// let doc = read_document_with("1. Brown J. (2017) Title. Source, no 3, pp. 1-2.\n", Parser::Rules)?;
/// assert_eq!(doc.references[0].pages.as_deref(), Some("1-2"));
/// # Ok::<(), citegraph::Error>(())
/// ```
///
/// # Errors
/// As [`read_document`].
pub fn read_document_with(text: &str, parser: Parser) -> Result<Document> {
    if text.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    // Lines are cut raw: headings, the author block and the citation line are normalised
    // where they are read, and each entry is normalised by the thread that parses it, so no
    // single thread normalises the whole input.
    let lines: Vec<(usize, &str)> = text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
    let mut page = page::read_page(&lines);
    let blank = |ls: &[(usize, &str)]| ls.iter().all(|(_, l)| l.trim().is_empty());
    // A bilingual page whose Latin section is empty still has its Cyrillic list.
    if blank(&page.ref_lines) && !blank(&page.alt_lines) {
        page.ref_lines = std::mem::take(&mut page.alt_lines);
    }
    if page.is_page && blank(&page.ref_lines) {
        return Err(Error::NoReferenceList {
            line: page.heading_line,
        });
    }
    let (mut references, mut warnings, mut keys) = read_list(&page.ref_lines, parser);
    let looks_like_list = |refs: &[Reference]| {
        refs.iter()
            .any(|r| r.year.is_some() || r.doi.is_some() || r.url.is_some())
    };
    if !blank(&page.alt_lines) {
        let (alternate, alternate_warnings, _) = read_list(&page.alt_lines, parser);
        if looks_like_list(&alternate) {
            (references, warnings) =
                bilingual::merge((references, warnings), (alternate, alternate_warnings));
            keys = references.iter().map(dedup::keys).collect();
        }
    }
    if !looks_like_list(&references) {
        return Err(Error::NoReferenceList {
            line: page.heading_line,
        });
    }
    warnings.extend(dedup::duplicates_by_key(&references, &keys));
    // stable: within one reference, segmentation defects stay before parse defects
    warnings.sort_by_key(|w| w.reference);
    let mut doc = Document {
        references,
        ..Document::default()
    };
    if page.is_page && (page.article.authors.is_empty() || page.article.year.is_none()) {
        warnings.push(Warning::new(
            WarningCode::MissingArticleMetadata,
            None,
            "the page gives no citing authors or year (no \"For citations:\" line or author block)",
        ));
    }
    doc.article = page.article;
    doc.warnings = warnings;
    Ok(doc)
}

/// Segments and parses one reference section: its references indexed from 1, their
/// segmentation and parse warnings, and their duplicate-detection keys.
fn read_list(
    lines: &[(usize, &str)],
    parser: Parser,
) -> (Vec<Reference>, Vec<Warning>, Vec<dedup::Keys>) {
    let (mut entries, defects) = segment::segment(lines);
    let mut references = Vec::with_capacity(entries.len());
    let mut warnings = Vec::new();
    let mut keys = Vec::with_capacity(entries.len());
    let mut guesses = Vec::with_capacity(entries.len());
    let parsed = parse_all(&mut entries, parser);
    for (i, (entry, (mut r, ws, k, g))) in entries.iter().zip(parsed).enumerate() {
        let index = i + 1;
        r.index = index;
        r.line = entry.line;
        r.number = entry.number;
        warnings.extend(ws.into_iter().map(|w| Warning {
            reference: Some(index),
            ..w
        }));
        references.push(r);
        keys.push(k);
        guesses.push(g);
    }
    style::apply_list_style(&mut references, &guesses);
    warnings.extend(
        defects
            .into_iter()
            .map(|(i, code, msg)| Warning::new(code, Some(i + 1), msg)),
    );
    (references, warnings, keys)
}

/// Below this many entries a list is parsed on the calling thread: spawning costs more than
/// it saves.
const PARALLEL_MIN: usize = 2048;

/// One parsed entry: the reference, its warnings, its duplicate-detection keys and its style
/// cues (for the list's style).
type ParsedEntry = (Reference, Vec<Warning>, dedup::Keys, style::StyleGuess);

fn parse_entry(e: &mut segment::Entry, parser: Parser) -> ParsedEntry {
    // the entry's text moves into the reference as its raw text
    let text = std::mem::take(&mut e.text);
    let text = match normalize(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(n) => n,
    };
    let (r, w) = reference::parse_body_owned(text, parser);
    let k = dedup::keys(&r);
    let g = style::guess_normalized(&r.raw);
    (r, w, k, g)
}

/// Parses every entry, in order, taking each entry's text. Entries are independent, so long
/// lists are split into one contiguous chunk per available core (scoped threads, no
/// dependency) and the results are concatenated back in order: the output does not depend on
/// the number of threads.
fn parse_all(entries: &mut [segment::Entry], parser: Parser) -> Vec<ParsedEntry> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || entries.len() < PARALLEL_MIN {
        return entries.iter_mut().map(|e| parse_entry(e, parser)).collect();
    }
    let chunk = entries.len().div_ceil(threads);
    let total = entries.len();
    std::thread::scope(|scope| {
        let handles: Vec<_> = entries
            .chunks_mut(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter_mut()
                        .map(|e| parse_entry(e, parser))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(total);
        for h in handles {
            // a worker's panic is a bug in the parser: pass it on unchanged
            out.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        out
    })
}
