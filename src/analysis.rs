//! The pipeline: read → resolve → graph → metrics, with progress reported through a callback.

use std::fmt;

use crate::error::{Error, Result};
use crate::graph::CitationGraph;
use crate::input::{Parser, read_document_with};
use crate::metrics::{Metrics, compute};
use crate::model::{Document, PersonName, Warning, WarningCode};
use crate::names::{NameMatcher, parse_name};
use crate::resolve::{Resolution, resolve};

/// The result of analysing one input: the document as read, who and what was resolved, the
/// citation graph, the metrics and every warning.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The citing article and its references as read and parsed.
    pub document: Document,
    /// Persons and sources, with the evidence for their merges.
    pub resolution: Resolution,
    /// The citation graph.
    pub graph: CitationGraph,
    /// The metrics.
    pub metrics: Metrics,
    /// Every warning, from reading and from resolution, ordered by reference index.
    pub warnings: Vec<Warning>,
}

/// A stage of the pipeline, as reported to a progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and parsing the input.
    Read,
    /// Clustering names and sources.
    Resolve,
    /// Building the citation graph.
    Graph,
    /// Computing metrics.
    Metrics,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Read => "reading",
            Stage::Resolve => "resolving names and sources",
            Stage::Graph => "building the graph",
            Stage::Metrics => "computing metrics",
        })
    }
}

/// Progress of an analysis: the stage just finished and how many stages there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The stage that has just finished.
    pub stage: Stage,
    /// Stages finished so far (1-based).
    pub done: usize,
    /// Stages in all.
    pub total: usize,
}

type ProgressFn<'a> = Box<dyn FnMut(Progress) + 'a>;

/// Configures and runs an analysis.
///
/// ```
/// use citegraph::Analyzer;
///
/// let list = "1. Streltsov D.V. (2012) Japan. Vestnik MGU, no 3, pp. 72-95.\n\
///             2. Streltsov D.V. (2013) Japan: Political Modernization. Moscow: AIRO-XXI.\n";
/// let analysis = Analyzer::new().author("Streltsov D.V.")?.year(2019).analyze(list)?;
/// assert_eq!(analysis.metrics.self_citation.author.count, 2);
/// # Ok::<(), citegraph::Error>(())
/// ```
#[derive(Default)]
pub struct Analyzer<'a> {
    authors: Vec<PersonName>,
    year: Option<i32>,
    matcher: NameMatcher,
    parser: Parser,
    progress: Option<ProgressFn<'a>>,
}

impl fmt::Debug for Analyzer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Analyzer")
            .field("authors", &self.authors)
            .field("year", &self.year)
            .field("matcher", &self.matcher)
            .field("parser", &self.parser)
            .finish_non_exhaustive()
    }
}

impl<'a> Analyzer<'a> {
    /// An analyzer with default settings.
    pub fn new() -> Analyzer<'a> {
        Analyzer::default()
    }

    /// Adds an author of the citing work ("Family I.I."), overriding the authors the input
    /// names. Call once per author.
    ///
    /// # Errors
    /// [`Error::InvalidName`] when the text holds no plausible name.
    pub fn author(mut self, name: &str) -> Result<Analyzer<'a>> {
        let parsed = parse_name(name).ok_or_else(|| Error::InvalidName(name.to_string()))?;
        self.authors.push(parsed);
        Ok(self)
    }

    /// Sets the citing work's year, used where the input does not give one.
    pub fn year(mut self, year: i32) -> Analyzer<'a> {
        self.year = Some(year);
        self
    }

    /// Uses this name matcher instead of the default one.
    pub fn matcher(mut self, matcher: NameMatcher) -> Analyzer<'a> {
        self.matcher = matcher;
        self
    }

    /// Reads references with this [`Parser`] instead of the default [`Parser::Hybrid`]:
    /// [`Parser::Rules`] is up to twice as fast on real lists (as fast where every entry is
    /// in a style its rules read cleanly) and weaker on entries outside those styles.
    pub fn parser(mut self, parser: Parser) -> Analyzer<'a> {
        self.parser = parser;
        self
    }

    /// Calls `f` after each stage of the pipeline.
    ///
    /// ```
    /// let mut stages = Vec::new();
    /// citegraph::Analyzer::new()
    ///     .on_progress(|p| stages.push(p.stage))
    ///     .analyze("1. Brown J. (2017) Title. The Diplomat.\n")
    ///     .unwrap();
    /// assert_eq!(stages.len(), 4);
    /// ```
    pub fn on_progress(mut self, f: impl FnMut(Progress) + 'a) -> Analyzer<'a> {
        self.progress = Some(Box::new(f));
        self
    }

    /// Analyses bytes that should be UTF-8: invalid sequences are replaced and reported with an
    /// `invalid-utf8` warning instead of failing.
    ///
    /// # Errors
    /// As [`Analyzer::analyze`].
    pub fn analyze_bytes(self, bytes: &[u8]) -> Result<Analysis> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.analyze(text),
            Err(e) => {
                let text = String::from_utf8_lossy(bytes);
                let mut analysis = self.analyze(&text)?;
                analysis.warnings.insert(
                    0,
                    Warning::new(
                        WarningCode::InvalidUtf8,
                        None,
                        format!("the input is not valid UTF-8 (first bad byte at offset {}); bad bytes were replaced", e.valid_up_to()),
                    ),
                );
                Ok(analysis)
            }
        }
    }

    /// Analyses a text: an article page or a reference list.
    ///
    /// # Errors
    /// [`Error::EmptyInput`] for an empty text; [`Error::NoReferenceList`] when no reference
    /// list can be found in it.
    pub fn analyze(self, text: &str) -> Result<Analysis> {
        let document = read_document_with(text, self.parser)?;
        Ok(self.run(document))
    }

    /// Analyses a document that was built in code or read elsewhere: resolution, graph and
    /// metrics, without parsing.
    ///
    /// ```
    /// use citegraph::{Analyzer, Document, Kind, PersonName, Reference};
    ///
    /// let mut doc = Document::default();
    /// doc.article.authors.push(PersonName::new("Ivanova", "A.A."));
    /// let mut r = Reference::unparsed(1, Some(1), 1, "Ivanov A.A. (2010) On graphs. Moscow: Nauka.");
    /// r.authors.push(PersonName::new("Ivanov", "A.A."));
    /// r.kind = Kind::Book;
    /// doc.references.push(r);
    ///
    /// // Ivanov and Ivanova are different people: no self-citation.
    /// let analysis = Analyzer::new().analyze_document(doc);
    /// assert_eq!(analysis.metrics.self_citation.author.count, 0);
    /// ```
    pub fn analyze_document(self, document: Document) -> Analysis {
        self.run(document)
    }

    fn run(mut self, mut document: Document) -> Analysis {
        let mut progress = self.progress.take();
        let mut report = |stage: Stage, done: usize| {
            if let Some(f) = progress.as_mut() {
                f(Progress {
                    stage,
                    done,
                    total: 4,
                });
            }
        };
        if !self.authors.is_empty() {
            document.article.authors = std::mem::take(&mut self.authors);
        }
        if document.article.year.is_none() {
            document.article.year = self.year;
        }
        // The reader could not find the citing metadata, but the caller has now supplied it.
        if !document.article.authors.is_empty() && document.article.year.is_some() {
            document
                .warnings
                .retain(|w| w.code != WarningCode::MissingArticleMetadata);
        }
        report(Stage::Read, 1);
        let resolution = resolve(&document, &self.matcher);
        report(Stage::Resolve, 2);
        let graph = CitationGraph::build(&document, &resolution);
        report(Stage::Graph, 3);
        let metrics = compute(&document, &graph);
        report(Stage::Metrics, 4);
        let mut warnings = document.warnings.clone();
        warnings.extend(resolution.warnings.iter().cloned());
        // Document-level warnings first, then by reference; stable keeps each reference's order.
        warnings.sort_by_key(|w| w.reference.map_or(0, |r| r + 1));
        Analysis {
            document,
            resolution,
            graph,
            metrics,
            warnings,
        }
    }
}

/// Analyses a text with default settings: `Analyzer::new().analyze(text)`.
///
/// ```
/// let a = citegraph::analyze("1. Brown J. (2017) Title. The Diplomat.\n2. Brown J. (2018) Other. The Diplomat.\n")?;
/// assert_eq!(a.metrics.references, 2);
/// # Ok::<(), citegraph::Error>(())
/// ```
///
/// # Errors
/// As [`Analyzer::analyze`].
pub fn analyze(text: &str) -> Result<Analysis> {
    Analyzer::new().analyze(text)
}
