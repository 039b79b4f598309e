//! Metrics of a reference list: self-citation, source diversity, language, kind and age.
//!
//! Each metric is a free function over plain numbers ([`source_diversity`], [`reference_age`])
//! so it can be reused and tested on its own, plus [`compute`], which reads them off a
//! [`CitationGraph`] and its [`Document`].

mod age;
mod diversity;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use age::{ReferenceAge, reference_age};
pub use diversity::{SourceDiversity, source_diversity};

use crate::graph::{CitationGraph, WorkId};
use crate::model::Document;

/// All metrics of one analysed reference list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    /// Number of references (after repairs).
    pub references: usize,
    /// Self-citation.
    pub self_citation: SelfCitation,
    /// Source diversity.
    pub source_diversity: SourceDiversity,
    /// Share of each language (ISO 639-1) among references whose language is known.
    pub language_share: BTreeMap<String, f64>,
    /// References of each kind (kebab-case kind names; kinds with no reference left out).
    pub kind_counts: BTreeMap<String, usize>,
    /// Reference age, when the citing year and at least one reference year are known.
    pub reference_age: Option<ReferenceAge>,
}

/// Self-citation of the citing work, by shared author and by shared source.
///
/// An *author self-citation* is a reference that shares at least one person with the citing
/// work's authors (the synchronous self-citation rate of Lawani 1982 and Aksnes 2003:
/// self-citing references over all references). A *journal self-citation* is a reference
/// published in the citing work's own source.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SelfCitation {
    /// References sharing an author with the citing work.
    pub author: SelfCitationCount,
    /// References in the citing work's own source.
    pub journal: SelfCitationCount,
}

/// A count of self-citing references, their share of all references, and which they are.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SelfCitationCount {
    /// How many references.
    pub count: usize,
    /// `count / references`, in [0, 1]; 0 for an empty list.
    pub share: f64,
    /// Their indices, ascending.
    pub references: Vec<usize>,
}

impl SelfCitationCount {
    fn new(references: Vec<usize>, total: usize) -> SelfCitationCount {
        let count = references.len();
        let share = if total == 0 {
            0.0
        } else {
            count as f64 / total as f64
        };
        SelfCitationCount {
            count,
            share,
            references,
        }
    }
}

/// Computes every metric of a document from its citation graph.
///
/// ```
/// let a = citegraph::Analyzer::new()
///     .author("Paramonov O.G.").unwrap()
///     .year(2019)
///     .analyze("1. Paramonov O.G. (2016) Title. Yaponskie issledovaniya, no 3, pp. 42-65.\n2. Brown J. (2017) Other. The Diplomat, May 4, 2017.\n")
///     .unwrap();
/// assert_eq!(a.metrics.self_citation.author.references, vec![1]);
/// assert_eq!(a.metrics.self_citation.author.share, 0.5);
/// ```
pub fn compute(doc: &Document, graph: &CitationGraph) -> Metrics {
    let total = doc.references.len();
    // The citing article has a handful of authors: a list searched beats a hashed set.
    let citing_authors = graph.authors_of(WorkId::Citing);
    let citing_source = graph.source_of(WorkId::Citing);
    let mut author_self = Vec::new();
    let mut journal_self = Vec::new();
    let mut per_source: Vec<usize> = vec![0; graph.sources().count()];
    for work in graph.cited() {
        let WorkId::Reference(index) = work else {
            continue;
        };
        if graph
            .authors_of(work)
            .iter()
            .any(|p| citing_authors.contains(p))
        {
            author_self.push(index);
        }
        if let Some(source) = graph.source_of(work) {
            if Some(source) == citing_source {
                journal_self.push(index);
            }
            if let Some(n) = per_source.get_mut(source.0) {
                *n += 1;
            }
        }
    }

    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    // Counted under borrowed keys, so a reference costs no allocation.
    let mut language_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut kind_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &doc.references {
        if let Some(lang) = &r.language {
            *language_counts.entry(lang).or_default() += 1;
        }
        *kind_counts.entry(r.kind.as_str()).or_default() += 1;
    }
    languages.extend(language_counts.into_iter().map(|(l, n)| (l.to_string(), n)));
    kinds.extend(kind_counts.into_iter().map(|(k, n)| (k.to_string(), n)));
    let known: usize = languages.values().sum();
    let language_share = languages
        .into_iter()
        .map(|(l, n)| (l, n as f64 / known as f64))
        .collect();

    let reference_age = doc
        .article
        .year
        .and_then(|y| reference_age(y, doc.references.iter().filter_map(|r| r.year)));

    Metrics {
        references: total,
        self_citation: SelfCitation {
            author: SelfCitationCount::new(author_self, total),
            journal: SelfCitationCount::new(journal_self, total),
        },
        source_diversity: source_diversity(&per_source),
        language_share,
        kind_counts: kinds,
        reference_age,
    }
}
