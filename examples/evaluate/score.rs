//! Scoring citegraph's parser against a [`Dataset`] field by field.
//!
//! # Matching rule
//!
//! Every record's raw string goes through `citegraph::parse_reference`; the prediction and the
//! gold are compared per field after normalisation:
//!
//! * **Text fields** (title, container): Unicode NFKC, lower case, hyphen and dash variants to
//!   `-`, typographic quotes and apostrophes (`’ “ ” « »`) to `'` and `"`, internal whitespace collapsed, surrounding punctuation and whitespace stripped (quotes
//!   and brackets included), then a leading `in:` / `in ` removed (and the ends stripped again).
//! * **Volume, issue**: as text fields, then a leading label removed (`vol.`, `v.`, `t.`, `bd.`,
//!   `no.`, `n°`, `№`, `issue`…), so "Vol. 12" and "12" agree.
//! * **Pages**: the digits-and-hyphen form — NFKC, lower case, dashes to `-`, the labels `pp`,
//!   `p`, `pages`, `page`, `s`, `с`, `стр` dropped, then only letters, digits, `-` and `,` kept
//!   ("pp. 327–335." → "327-335"; "p. A65" → "a65"). Ranges are not expanded
//!   ("327-35" ≠ "327-335").
//! * **Year**: the four-digit year found in the gold date against `Reference::year`.
//! * **DOI**: NFKC, lower case, from its `10.` prefix on (so `https://doi.org/`,
//!   `http://dx.doi.org/`, `DOI:` fall away), surrounding punctuation stripped.
//! * **Authors**: the multiset of folded family names (NFKC, lower case, letters and digits only,
//!   so "Martin- Facklam", "Martin-Facklam" and "MARTIN FACKLAM" agree). True positives are the
//!   multiset intersection of gold and predicted names; precision = tp / predicted names, recall =
//!   tp / gold names, support = gold names.
//!
//! For the single-valued fields a prediction is a true positive when it equals the gold after
//! normalisation; a false positive when it is predicted but wrong or the gold has no such field;
//! a false negative when the gold has the field and the prediction is missing or wrong (so a
//! wrong value counts once as FP and once as FN). Support is the number of records whose gold
//! has the field. Empty values (after normalisation) count as absent. Precision with nothing
//! predicted is shown as "–" and taken as 0 in F1.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

use citegraph::Reference;
use unicode_normalization::UnicodeNormalization;

use crate::gold::{Dataset, GoldRecord};

/// The scored fields, in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Family names of the authors (multiset).
    Authors,
    /// The work's title.
    Title,
    /// Journal, book or series.
    Container,
    /// Publication year.
    Year,
    /// Volume.
    Volume,
    /// Issue.
    Issue,
    /// Pages.
    Pages,
    /// DOI.
    Doi,
}

impl Field {
    /// All fields, in report order.
    pub const ALL: [Field; 8] = [
        Field::Authors,
        Field::Title,
        Field::Container,
        Field::Year,
        Field::Volume,
        Field::Issue,
        Field::Pages,
        Field::Doi,
    ];

    /// The field's name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Field::Authors => "authors",
            Field::Title => "title",
            Field::Container => "container",
            Field::Year => "year",
            Field::Volume => "volume",
            Field::Issue => "issue",
            Field::Pages => "pages",
            Field::Doi => "doi",
        }
    }
}

/// True positives, false positives and false negatives of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Correct predictions.
    pub tp: usize,
    /// Predictions that are wrong or have no gold.
    pub fp: usize,
    /// Gold values not predicted correctly.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fp), or `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        let predicted = self.tp + self.fp;
        (predicted > 0).then(|| self.tp as f64 / predicted as f64)
    }

    /// tp / (tp + fn), or `None` when the gold has no value.
    pub fn recall(&self) -> Option<f64> {
        let gold = self.tp + self.fn_;
        (gold > 0).then(|| self.tp as f64 / gold as f64)
    }

    /// Harmonic mean of precision and recall; 0 when either is undefined or both are 0.
    pub fn f1(&self) -> f64 {
        match (self.precision(), self.recall()) {
            (Some(p), Some(r)) if p + r > 0.0 => 2.0 * p * r / (p + r),
            _ => 0.0,
        }
    }

    /// Number of gold values (names for authors, records for the other fields).
    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }
}

/// One disagreement, for the error listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Record origin.
    pub source: String,
    /// Normalised gold value ("" when absent).
    pub gold: String,
    /// Normalised predicted value ("" when absent).
    pub predicted: String,
    /// The raw reference string.
    pub raw: String,
}

/// The result of scoring one dataset.
#[derive(Debug, Clone)]
pub struct Report {
    /// Dataset name.
    pub dataset: String,
    /// Records parsed and scored.
    pub records: usize,
    /// Records skipped by the loader (no text).
    pub skipped: usize,
    /// Records dropped on purpose (overlap with training data).
    pub dropped_overlap: usize,
    /// Files read, and files skipped as unreadable.
    pub files: usize,
    /// Unreadable files with reasons.
    pub bad_files: Vec<String>,
    /// Counts per field, in [`Field::ALL`] order.
    pub counts: [Counts; 8],
    /// Wall time spent inside `parse_reference` only.
    pub parse_time: Duration,
    /// Up to the requested number of mismatches per field.
    pub mismatches: HashMap<Field, Vec<Mismatch>>,
}

impl Report {
    /// Counts for one field.
    pub fn field(&self, field: Field) -> Counts {
        self.counts[Field::ALL.iter().position(|f| *f == field).unwrap_or(0)]
    }

    /// References parsed per second (parse time only); `None` when too fast to time.
    pub fn refs_per_second(&self) -> Option<f64> {
        let secs = self.parse_time.as_secs_f64();
        (secs > 0.0).then(|| self.records as f64 / secs)
    }
}

/// Parses every record of `dataset` with `citegraph::parse_reference` (or, with
/// `rules_only`, `citegraph::parse_reference_rules`) and scores it; keeps up to `max_errors`
/// mismatches per field.
pub fn evaluate(dataset: &Dataset, max_errors: usize, rules_only: bool) -> Report {
    let parse = if rules_only {
        citegraph::parse_reference_rules
    } else {
        citegraph::parse_reference
    };
    evaluate_with(dataset, max_errors, |record| parse(&record.raw).0)
}

/// [`evaluate`] with any parser: `parse` gets each record (it should read only `raw`; tests
/// pass an oracle that reads the gold to check the scorer itself). Only the time spent in
/// `parse` is timed.
pub fn evaluate_with(
    dataset: &Dataset,
    max_errors: usize,
    mut parse: impl FnMut(&GoldRecord) -> Reference,
) -> Report {
    let start = Instant::now();
    let predictions: Vec<Reference> = dataset.records.iter().map(&mut parse).collect();
    let parse_time = start.elapsed();
    let mut counts = [Counts::default(); 8];
    let mut mismatches: HashMap<Field, Vec<Mismatch>> = HashMap::new();
    for (gold, predicted) in dataset.records.iter().zip(&predictions) {
        for (slot, field) in Field::ALL.into_iter().enumerate() {
            let (c, miss) = score_field(field, gold, predicted);
            counts[slot].tp += c.tp;
            counts[slot].fp += c.fp;
            counts[slot].fn_ += c.fn_;
            if let Some((g, p)) = miss {
                let list = mismatches.entry(field).or_default();
                if list.len() < max_errors {
                    list.push(Mismatch {
                        source: gold.source.clone(),
                        gold: g,
                        predicted: p,
                        raw: gold.raw.clone(),
                    });
                }
            }
        }
    }
    Report {
        dataset: dataset.name.clone(),
        records: dataset.records.len(),
        skipped: dataset.skipped,
        dropped_overlap: dataset.dropped_overlap,
        files: dataset.files,
        bad_files: dataset.bad_files.clone(),
        counts,
        parse_time,
        mismatches,
    }
}

/// Scores one field of one record: the counts, and (gold, predicted) normalised when they
/// disagree.
pub fn score_field(
    field: Field,
    gold: &GoldRecord,
    predicted: &Reference,
) -> (Counts, Option<(String, String)>) {
    if field == Field::Authors {
        let g: Vec<String> = gold
            .authors
            .iter()
            .map(|f| fold_family(f))
            .filter(|f| !f.is_empty())
            .collect();
        let p: Vec<String> = predicted
            .authors
            .iter()
            .map(|n| fold_family(&n.family))
            .filter(|f| !f.is_empty())
            .collect();
        let tp = multiset_intersection(&g, &p);
        let counts = Counts {
            tp,
            fp: p.len() - tp,
            fn_: g.len() - tp,
        };
        let miss = (counts.fp > 0 || counts.fn_ > 0).then(|| (g.join("; "), p.join("; ")));
        return (counts, miss);
    }
    let (g, p) = match field {
        Field::Title => (norm_text_opt(&gold.title), norm_text_opt(&predicted.title)),
        Field::Container => (
            norm_text_opt(&gold.container),
            norm_text_opt(&predicted.container),
        ),
        Field::Year => (
            gold.year.map(|y| y.to_string()),
            predicted.year.map(|y| y.to_string()),
        ),
        Field::Volume => (
            norm_number_opt(&gold.volume),
            norm_number_opt(&predicted.volume),
        ),
        Field::Issue => (
            norm_number_opt(&gold.issue),
            norm_number_opt(&predicted.issue),
        ),
        Field::Pages => (
            gold.pages.as_deref().map(normalize_pages),
            predicted.pages.as_deref().map(normalize_pages),
        ),
        Field::Doi => (
            gold.doi.as_deref().map(normalize_doi),
            predicted.doi.as_deref().map(normalize_doi),
        ),
        Field::Authors => (None, None),
    };
    let g = g.filter(|s| !s.is_empty());
    let p = p.filter(|s| !s.is_empty());
    single_valued(g, p)
}

/// The single-valued rule: equal → TP; predicted but wrong or unwanted → FP; gold not matched →
/// FN.
pub fn single_valued(
    gold: Option<String>,
    predicted: Option<String>,
) -> (Counts, Option<(String, String)>) {
    match (gold, predicted) {
        (Some(g), Some(p)) if g == p => (
            Counts {
                tp: 1,
                ..Counts::default()
            },
            None,
        ),
        (Some(g), Some(p)) => (
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1,
            },
            Some((g, p)),
        ),
        (Some(g), None) => (
            Counts {
                fn_: 1,
                ..Counts::default()
            },
            Some((g, String::new())),
        ),
        (None, Some(p)) => (
            Counts {
                fp: 1,
                ..Counts::default()
            },
            Some((String::new(), p)),
        ),
        (None, None) => (Counts::default(), None),
    }
}

/// Size of the multiset intersection of `a` and `b`.
pub fn multiset_intersection(a: &[String], b: &[String]) -> usize {
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for x in a {
        *bag.entry(x.as_str()).or_default() += 1;
    }
    let mut tp = 0;
    for y in b {
        if let Some(n) = bag.get_mut(y.as_str())
            && *n > 0
        {
            *n -= 1;
            tp += 1;
        }
    }
    tp
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
            | '\u{FE58}'
            | '\u{FE63}'
            | '\u{FF0D}'
    )
}

/// NFKC, lower case, dashes to `-`, whitespace collapsed, surrounding punctuation stripped.
fn base(s: &str) -> String {
    let s: String = s
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if is_dash(c) { '-' } else { unify_quote(c) })
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    strip_ends(&s).to_string()
}

/// Typographic quotes and apostrophes to their ASCII forms: "l’homme" and "l'homme",
/// "« modèle »" and "\" modèle \"" are the same text printed with different fonts.
fn unify_quote(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' | '`' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
        c => c,
    }
}

fn strip_ends(s: &str) -> &str {
    s.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The text-field normalisation (title, container); see the module documentation.
pub fn normalize_text(s: &str) -> String {
    let s = base(s);
    let rest = s
        .strip_prefix("in:")
        .or_else(|| s.strip_prefix("in "))
        .unwrap_or(&s);
    strip_ends(rest).to_string()
}

fn norm_text_opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(normalize_text)
}

const NUMBER_LABELS: &[&str] = &[
    "volume", "vols", "vol", "v", "tome", "tom", "t", "bd", "issue", "iss", "nos", "no", "nr",
    "n°", "nº", "n", "number", "num", "heft", "h", "№", "т", "вып",
];

/// The volume/issue normalisation: text normalisation, then a leading label dropped.
pub fn normalize_number(s: &str) -> String {
    let s = normalize_text(s);
    for label in NUMBER_LABELS {
        if let Some(rest) = s.strip_prefix(label) {
            let starts_sep = rest.starts_with(['.', ' ']);
            let glued_number = rest.starts_with(|c: char| c.is_ascii_digit())
                && (label.chars().count() > 1 || *label == "v" || *label == "n");
            if starts_sep || glued_number {
                return strip_ends(rest).to_string();
            }
        }
    }
    s
}

fn norm_number_opt(s: &Option<String>) -> Option<String> {
    s.as_deref().map(normalize_number)
}

const PAGE_LABELS: &[&str] = &[
    "pp", "p", "pages", "page", "pgs", "pg", "s", "с", "стр", "ss",
];

/// The digits-and-hyphen form of a page field: "pp. 327–335." → "327-335".
pub fn normalize_pages(s: &str) -> String {
    let s: String = s
        .nfkc()
        .flat_map(char::to_lowercase)
        .map(|c| if is_dash(c) { '-' } else { c })
        .collect();
    let mut out = String::new();
    for word in s.split(|c: char| c.is_whitespace() || c == '.') {
        // "(pp. 167-193)": the label counts without the bracket before it
        if PAGE_LABELS.contains(&word.trim_start_matches(['(', '['])) {
            continue;
        }
        out.extend(
            word.chars()
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == ','),
        );
    }
    while out.contains("--") {
        out = out.replace("--", "-");
    }
    out.trim_matches(|c| c == '-' || c == ',').to_string()
}

/// The DOI normalisation: NFKC, lower case, everything before the `10.` prefix dropped
/// (resolver URLs, "doi:"), surrounding punctuation stripped.
pub fn normalize_doi(s: &str) -> String {
    let s: String = s.nfkc().flat_map(char::to_lowercase).collect();
    let s = match s.find("10.") {
        Some(i) => &s[i..],
        None => s.as_str(),
    };
    s.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// A family name folded for matching: NFKC, lower case, letters and digits only.
pub fn fold_family(s: &str) -> String {
    s.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn fmt_ratio(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

/// The one-paragraph statement of the matching rule printed with every table.
pub const MATCHING_RULE: &str = "\
Matching rule: values are compared after normalisation (Unicode NFKC, lower case, dashes to \"-\", \
typographic quotes and apostrophes to ASCII, whitespace collapsed, surrounding punctuation stripped, a leading \"in:\"/\"in \" dropped; volume and \
issue also lose a leading label such as \"vol.\"/\"no.\"; pages compare in digits-and-hyphen form \
\"327-335\"; DOI from its \"10.\" on; year = the 4-digit year of the gold date). \
Authors: multiset of folded family names (letters and digits only), TP = multiset intersection, \
P = TP/predicted names, R = TP/gold names. Other fields: TP when equal to gold, FP when predicted but \
wrong or absent from gold, FN when gold present but not matched. Support = gold names (authors) or \
records with the field. Precision \"–\" = nothing predicted.";

/// Renders reports as a Markdown table (one row per dataset and field) with the matching rule,
/// dataset notes and, when asked for, mismatch listings.
pub fn markdown(reports: &[Report], max_errors: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## citegraph reference parser: field-level evaluation\n"
    );
    let _ = writeln!(
        out,
        "| dataset | field | precision | recall | F1 | support |\n|---|---|---:|---:|---:|---:|"
    );
    for report in reports {
        for field in Field::ALL {
            let c = report.field(field);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {:.3} | {} |",
                report.dataset,
                field.name(),
                fmt_ratio(c.precision()),
                fmt_ratio(c.recall()),
                c.f1(),
                c.support()
            );
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "| dataset | references | references/second (parse only) | skipped | dropped (in training data) | files | unreadable files |\n|---|---:|---:|---:|---:|---:|---:|"
    );
    for report in reports {
        let speed = report
            .refs_per_second()
            .map_or_else(|| "–".to_string(), |v| format!("{v:.0}"));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            report.dataset,
            report.records,
            speed,
            report.skipped,
            report.dropped_overlap,
            report.files,
            report.bad_files.len()
        );
    }
    let _ = writeln!(out, "\n{MATCHING_RULE}");
    for report in reports {
        for bad in &report.bad_files {
            let _ = writeln!(out, "\nUnreadable in {}: {bad}", report.dataset);
        }
    }
    if max_errors > 0 {
        for report in reports {
            let _ = writeln!(out, "\n### Mismatches: {}\n", report.dataset);
            for field in Field::ALL {
                let Some(list) = report.mismatches.get(&field) else {
                    continue;
                };
                let _ = writeln!(out, "**{}**\n", field.name());
                for m in list {
                    let _ = writeln!(
                        out,
                        "- `{}` gold `{}` · predicted `{}` · raw: {}",
                        m.source,
                        m.gold.replace('`', "'"),
                        m.predicted.replace('`', "'"),
                        m.raw
                    );
                }
                let _ = writeln!(out);
            }
        }
    }
    out
}
