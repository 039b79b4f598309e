use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::metrics::Metrics;
use crate::model::{Kind, PersonName, Role, Style};

/// The JSON document of `citegraph analyze`, as fixed by the command-line contract.
///
/// It is an owned serde type both ways, so tools written in Rust can read citegraph's output
/// back with `serde_json::from_str::<JsonReport>`.
///
/// ```
/// let analysis = citegraph::analyze("1. Brown J. (2017) Title. The Diplomat.\n").unwrap();
/// let json = citegraph::to_json(&analysis);
/// let back: citegraph::JsonReport = serde_json::from_str(&json).unwrap();
/// assert_eq!(back.references[0].authors[0].person.as_deref(), Some("p1"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReport {
    /// The citing work.
    pub article: JsonArticle,
    /// The references, in list order.
    pub references: Vec<JsonReference>,
    /// The persons.
    pub persons: Vec<JsonPerson>,
    /// The sources.
    pub sources: Vec<JsonSource>,
    /// The metrics.
    pub metrics: Metrics,
    /// The warnings.
    pub warnings: Vec<JsonWarning>,
}

/// The citing work in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonArticle {
    /// Title.
    pub title: Option<String>,
    /// Authors with their person ids.
    pub authors: Vec<JsonName>,
    /// Year.
    pub year: Option<i32>,
    /// Journal or other source, as printed.
    pub source: Option<String>,
    /// The source's cluster id.
    pub source_id: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// Pages.
    pub pages: Option<String>,
    /// Language (ISO 639-1).
    pub language: Option<String>,
    /// DOI.
    pub doi: Option<String>,
}

/// A name mention in JSON: the printed name and the person it was resolved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonName {
    /// Family name as printed.
    pub family: String,
    /// Dotted initials.
    pub initials: String,
    /// Full given names, when printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
    /// The person id (`p1`, …).
    pub person: Option<String>,
}

/// One reference in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonReference {
    /// 1-based position in the repaired list.
    pub index: usize,
    /// The printed label, or null.
    pub number: Option<u32>,
    /// The input line the entry starts on.
    pub line: usize,
    /// Full text after repairs.
    pub raw: String,
    /// Whether the entry's structure was recognised.
    pub parsed: bool,
    /// Authors.
    pub authors: Vec<JsonName>,
    /// Editors.
    pub editors: Vec<JsonName>,
    /// Year.
    pub year: Option<i32>,
    /// Printed publication date (ISO 8601, as precise as printed).
    pub date: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// The source as normalised (the cluster's name).
    pub source: Option<String>,
    /// The source cluster id (`s1`, …).
    pub source_id: Option<String>,
    /// The container as printed.
    pub container: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Place of publication.
    pub place: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// Pages.
    pub pages: Option<String>,
    /// Kind.
    pub kind: Kind,
    /// Citation style, when recognised.
    pub style: Option<Style>,
    /// Language (ISO 639-1).
    pub language: Option<String>,
    /// DOI.
    pub doi: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Access date (ISO 8601).
    pub accessed: Option<String>,
    /// The same work as printed in the page's other reference list (the Cyrillic entry of a
    /// bilingual page); absent for single-list input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate: Option<JsonAlternate>,
}

/// A reference's entry in the other list of a bilingual page, as printed and parsed. Its
/// names carry person ids like every other mention, so a Cyrillic spelling can be traced to
/// the person its Latin spelling resolved to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonAlternate {
    /// The printed label in its own list, or null.
    pub number: Option<u32>,
    /// The input line the entry starts on.
    pub line: usize,
    /// Full text after repairs.
    pub raw: String,
    /// Whether the entry's structure was recognised.
    pub parsed: bool,
    /// Authors.
    pub authors: Vec<JsonName>,
    /// Editors.
    pub editors: Vec<JsonName>,
    /// Year.
    pub year: Option<i32>,
    /// Title.
    pub title: Option<String>,
    /// The container as printed.
    pub container: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Place of publication.
    pub place: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// Pages.
    pub pages: Option<String>,
    /// Language (ISO 639-1).
    pub language: Option<String>,
    /// DOI.
    pub doi: Option<String>,
    /// URL.
    pub url: Option<String>,
}

/// A person in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonPerson {
    /// Id (`p1`, …).
    pub id: String,
    /// The name shown ("Family I.I.").
    pub name: String,
    /// Distinct spellings.
    pub variants: Vec<String>,
    /// Indices of the references the person authored or edited.
    pub references: Vec<usize>,
    /// Whether the person is an author of the citing work.
    pub citing_author: bool,
    /// Roles the person appears in.
    pub roles: Vec<Role>,
    /// Why the spellings were merged.
    pub evidence: Vec<crate::resolve::MergeEvidence>,
}

/// A source in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonSource {
    /// Id (`s1`, …).
    pub id: String,
    /// Normalised name.
    pub name: String,
    /// Printed forms.
    pub variants: Vec<String>,
    /// Indices of the references in this source.
    pub references: Vec<usize>,
    /// Abbreviated forms joined to their full title, with both as printed; absent when
    /// there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<crate::resolve::SourceMerge>,
}

/// A warning in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonWarning {
    /// Reference index, or null for the whole document.
    pub reference: Option<usize>,
    /// Stable kebab-case code.
    pub code: String,
    /// What was found and done.
    pub message: String,
}

impl From<&Analysis> for JsonReport {
    fn from(a: &Analysis) -> JsonReport {
        let res = &a.resolution;
        let doc = &a.document;
        // Mentions are in document order: each reference's authors then editors, then the
        // citing authors; walking them in step avoids a lookup per mention.
        let mut person_ids = res.mention_person.iter().map(|p| p.to_string());
        let mut names = |list: &[PersonName]| -> Vec<JsonName> {
            list.iter()
                .map(|n| JsonName {
                    family: n.family.clone(),
                    initials: n.initials.clone(),
                    given: n.given.clone(),
                    person: person_ids.next(),
                })
                .collect()
        };
        let mut references = Vec::with_capacity(doc.references.len());
        for (r, source) in doc.references.iter().zip(&res.reference_source) {
            let authors = names(&r.authors);
            let editors = names(&r.editors);
            let source = source.and_then(|s| res.sources.get(s.0));
            references.push(JsonReference {
                index: r.index,
                number: r.number,
                line: r.line,
                raw: r.raw.clone(),
                parsed: r.parsed,
                authors,
                editors,
                year: r.year,
                date: r.date.map(|d| d.to_string()),
                title: r.title.clone(),
                source: source.map(|s| s.name.clone()),
                source_id: source.map(|s| s.id.to_string()),
                container: r.container.clone(),
                publisher: r.publisher.clone(),
                place: r.place.clone(),
                volume: r.volume.clone(),
                issue: r.issue.clone(),
                pages: r.pages.clone(),
                kind: r.kind,
                style: r.style,
                language: r.language.clone(),
                doi: r.doi.clone(),
                url: r.url.clone(),
                accessed: r.accessed.map(|d| d.to_string()),
                alternate: None,
            });
        }
        let art = &doc.article;
        let article = JsonArticle {
            title: art.title.clone(),
            authors: names(&art.authors),
            year: art.year,
            source: art.source.clone(),
            source_id: res.article_source.map(|s| s.to_string()),
            volume: art.volume.clone(),
            issue: art.issue.clone(),
            pages: art.pages.clone(),
            language: art.language.clone(),
            doi: art.doi.clone(),
        };
        // the alternate entries' mentions come after the citing authors'
        for (out, r) in references.iter_mut().zip(&doc.references) {
            let Some(other) = r.alternate.as_deref() else {
                continue;
            };
            let authors = names(&other.authors);
            let editors = names(&other.editors);
            out.alternate = Some(JsonAlternate {
                number: other.number,
                line: other.line,
                raw: other.raw.clone(),
                parsed: other.parsed,
                authors,
                editors,
                year: other.year,
                title: other.title.clone(),
                container: other.container.clone(),
                publisher: other.publisher.clone(),
                place: other.place.clone(),
                volume: other.volume.clone(),
                issue: other.issue.clone(),
                pages: other.pages.clone(),
                language: other.language.clone(),
                doi: other.doi.clone(),
                url: other.url.clone(),
            });
        }
        let persons = res
            .persons
            .iter()
            .map(|p| {
                let mentions = p.mentions.iter().filter_map(|&m| res.mentions.get(m));
                let mut refs: Vec<usize> = mentions.clone().filter_map(|m| m.work).collect();
                // a bilingual page's second spellings come after the rest: sort before dedup
                refs.sort_unstable();
                refs.dedup();
                let mut roles: Vec<Role> = mentions.clone().map(|m| m.role).collect();
                roles.sort_unstable();
                roles.dedup();
                JsonPerson {
                    id: p.id.to_string(),
                    name: p.name.to_string(),
                    variants: p.variants.clone(),
                    references: refs,
                    citing_author: mentions.clone().any(|m| m.work.is_none()),
                    roles,
                    evidence: p.evidence.clone(),
                }
            })
            .collect();
        let sources = res
            .sources
            .iter()
            .map(|s| JsonSource {
                id: s.id.to_string(),
                name: s.name.clone(),
                variants: s.variants.clone(),
                references: s.references.clone(),
                evidence: s.evidence.clone(),
            })
            .collect();
        let warnings = a
            .warnings
            .iter()
            .map(|w| JsonWarning {
                reference: w.reference,
                code: w.code.as_str().to_string(),
                message: w.message.clone(),
            })
            .collect();
        JsonReport {
            article,
            references,
            persons,
            sources,
            metrics: a.metrics.clone(),
            warnings,
        }
    }
}

/// Writes the analysis as pretty-printed JSON per the `citegraph analyze` contract, streaming
/// into `writer` (no intermediate string, which matters for lists of 100,000 references).
///
/// ```
/// let analysis = citegraph::analyze("1. Brown J. (2017) Title. The Diplomat.\n").unwrap();
/// let mut out = Vec::new();
/// citegraph::write_json(&analysis, &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), citegraph::to_json(&analysis));
/// ```
///
/// # Errors
/// Whatever the writer returns.
pub fn write_json(analysis: &Analysis, writer: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(writer, &JsonReport::from(analysis)).map_err(std::io::Error::from)
}

/// The analysis as pretty-printed JSON per the `citegraph analyze` contract.
pub fn to_json(analysis: &Analysis) -> String {
    let report = JsonReport::from(analysis);
    // Serialising plain data with string keys cannot fail; fall back to an empty object
    // rather than panic if serde_json ever disagrees.
    serde_json::to_string_pretty(&report).unwrap_or_else(|_| String::from("{}"))
}
