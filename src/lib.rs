//! # citegraph
//!
//! citegraph turns messy scholarly reference lists into a citation graph of works, persons and
//! sources, clusters author names and sources with the evidence for every merge, and computes
//! self-citation and source-diversity metrics.
//!
//! Data flows one way, and the modules follow it:
//!
//! 1. **input** — find the reference list in an article page (English or Russian headings) or a
//!    bare list, segment and repair entries, parse each reference ([`read_document`],
//!    [`parse_reference`]); on a bilingual page, align the Cyrillic and Latin lists so that each
//!    work is one reference ([`align_references`]);
//! 2. **model** — the plain serde types everything else reads ([`Document`], [`Reference`],
//!    [`PersonName`], [`Warning`]);
//! 3. **resolve** — names to persons and venues to sources ([`resolve`], [`names`]);
//! 4. **graph** — the [`CitationGraph`] (petgraph inside, typed ids outside);
//! 5. **metrics** — self-citation, source diversity, language, kind and age ([`Metrics`]);
//! 6. **output** — JSON per the CLI contract, a Markdown report, Graphviz DOT and GraphML
//!    ([`to_json`], [`to_markdown`], [`to_dot`], [`to_graphml`]).
//!
//! [`Analyzer`] runs the whole pipeline:
//!
//! ```
//! let list = "\
//! 1. Streltsov D.V. (2012) Japan between East Asian and Trans-Pacific Regionalism. Vestnik MGU, no 3, pp. 72-95.
//! 2. Streltsov D.V. (2013) Japan: Political Modernization of the Heisei Era, Moscow: AIRO-XXI (in Russian).
//! 3. Sreltsov D.V. (2017) Russian-Japanese Political Dialogue. Japan 2017. Yearbook, Moscow: AIRO-XXI, pp. 26-44.
//! 4. Panov A.N. (2016) Foreign Policy Priorities. Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 7-43.
//! ";
//! let analysis = citegraph::Analyzer::new().author("Streltsov D.V.")?.year(2019).analyze(list)?;
//!
//! // "Sreltsov" is a misprint of "Streltsov": one person, with a warning on reference 3.
//! let streltsov = analysis.graph.authors_of(citegraph::WorkId::Reference(1))[0];
//! assert_eq!(analysis.graph.authors_of(citegraph::WorkId::Reference(3)), vec![streltsov]);
//! assert!(analysis.warnings.iter().any(|w| w.code.as_str() == "possible-misspelling"));
//!
//! // Three of four references are by the citing author; the two yearbooks are one series.
//! assert_eq!(analysis.metrics.self_citation.author.count, 3);
//! assert_eq!(analysis.graph.source_of(citegraph::WorkId::Reference(3)), analysis.graph.source_of(citegraph::WorkId::Reference(4)));
//! # Ok::<(), citegraph::Error>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod analysis;
mod error;
mod graph;
mod hash;
mod input;
mod metrics;
mod model;
pub mod names;
mod output;
mod resolve;
pub mod text;

pub use analysis::{Analysis, Analyzer, Progress, Stage, analyze};
pub use error::{Error, Result};
pub use graph::{CitationGraph, Edge, EdgeKind, Node, WorkId};
pub use input::{
    AuthorPrefix, FieldLabel, Format, LabeledSpan, Parser, SequenceModel, TrainOptions,
    TrainingExample, align_references, detect_format, detect_list_style, parse_author_list,
    parse_reference, parse_reference_rules, read_document, read_document_with,
};
pub use metrics::{
    Metrics, ReferenceAge, SelfCitation, SelfCitationCount, SourceDiversity,
    compute as compute_metrics, reference_age, source_diversity,
};
pub use model::*;
pub use output::*;
pub use resolve::{
    MergeEvidence, Person, PersonId, PersonMention, Resolution, Source, SourceId, SourceMerge,
    resolve, source_abbreviates, source_display_name, source_key,
};

/// The seed article page bundled with the crate: a 2019 article from a Russian journal whose
/// reference list shows the defects citegraph is built for (a split entry, a misspelt author,
/// editors, a yearbook series, a self-citation). `citegraph` with no arguments analyses it.
pub const SEED_ARTICLE: &str = include_str!("../data/seed-article.txt");

/// The README's code blocks, compiled and run as doctests so the quick-start cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
