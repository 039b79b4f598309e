//! Resolution: deciding which name mentions are one person and which venue strings are one
//! source, keeping the evidence for every merge.
//!
//! Resolution reads a [`Document`] and produces a [`Resolution`]: every author, editor and
//! citing-author mention tied to a [`Person`], every reference tied to a [`Source`] where it
//! has one, and the warnings the merges raise (a typo merged into a common spelling raises
//! `possible-misspelling`).

mod abbrev;
mod bilingual;
mod persons;
mod sources;

pub use abbrev::source_abbreviates;
pub use persons::{MergeEvidence, Person, PersonId, PersonMention};
pub use sources::{Source, SourceId, SourceMerge, source_display_name, source_key};

use crate::model::{Document, Warning};
use crate::names::NameMatcher;

/// Who is who and what is where: the outcome of resolving a [`Document`].
///
/// ```
/// let doc = citegraph::read_document("1. Brown J. (2017) A. The Diplomat.\n2. Brown J. (2018) B. The Diplomat.\n").unwrap();
/// let res = citegraph::resolve(&doc, &citegraph::names::NameMatcher::default());
/// assert_eq!(res.mentions.len(), res.mention_person.len());
/// ```
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    /// Every name mention, in document order: each reference's authors then editors, then the
    /// citing article's authors, then the authors and editors of the references'
    /// [`alternate`](crate::Reference::alternate) entries (marked
    /// [`PersonMention::alternate`]).
    pub mentions: Vec<PersonMention>,
    /// The person of each mention (parallel to `mentions`).
    pub mention_person: Vec<PersonId>,
    /// The persons, in order of first mention; `persons[i].id == PersonId(i)`.
    pub persons: Vec<Person>,
    /// The sources, in order of first mention; `sources[i].id == SourceId(i)`.
    pub sources: Vec<Source>,
    /// The source of each reference (parallel to `Document::references`).
    pub reference_source: Vec<Option<SourceId>>,
    /// The source of the citing article, when it names one.
    pub article_source: Option<SourceId>,
    /// Warnings raised by merges.
    pub warnings: Vec<Warning>,
}

impl Resolution {
    /// The person behind a mention of work `work` (`None` for the citing article), in `role`,
    /// at 0-based `position` in that role's list.
    ///
    /// This scans the mentions (linear time); to visit every mention, walk `mentions` and
    /// `mention_person` together instead, or use the graph's
    /// [`authors_of`](crate::CitationGraph::authors_of).
    pub fn person_of(
        &self,
        work: Option<usize>,
        role: crate::Role,
        position: usize,
    ) -> Option<PersonId> {
        self.mentions
            .iter()
            .position(|m| m.work == work && m.role == role && m.position == position)
            .map(|i| self.mention_person[i])
    }
}

/// The resolved source of each work, which person resolution reads as context.
pub(crate) struct SourceKeys<'a> {
    sources: &'a [Source],
    references: &'a [Option<SourceId>],
    article: Option<SourceId>,
}

impl SourceKeys<'_> {
    /// The clustering key of the source of `work` (a reference index, or `None` for the
    /// citing article).
    fn of(&self, work: Option<usize>) -> Option<&str> {
        let id = match work {
            Some(index) => *index.checked_sub(1).and_then(|i| self.references.get(i))?,
            None => self.article,
        }?;
        self.sources.get(id.0).map(|s| s.key.as_str())
    }
}

/// Resolves the persons and sources of a document.
///
/// Persons come from clustering all name mentions with `matcher` (see
/// [`names::cluster_names`](crate::names::cluster_names)); sources from clustering the
/// normalised source names of the references and of the citing article (see [`source_key`]).
///
/// On a bilingual page each reference also carries its entry from the other list
/// ([`Reference::alternate`](crate::Reference::alternate)). The two print the same work, so
/// the author (or editor) at one position in both is one person, however irregular the
/// transliteration ("Ерофеев" and "Yerofeyev"): such persons are joined with the evidence rule
/// `bilingual-alignment`, provided both entries list the same number of names and the two
/// family names are not plainly different. The other entry's venue joins the reference's
/// source as a variant ("Япония 2016. Ежегодник" beside "Japan 2016. Yearbook").
pub fn resolve(doc: &Document, matcher: &NameMatcher) -> Resolution {
    let (sources, reference_source, article_source) = sources::resolve_sources(doc);
    let source_keys = SourceKeys {
        sources: &sources,
        references: &reference_source,
        article: article_source,
    };
    let (mentions, mention_person, persons, mut warnings) =
        persons::resolve_persons(doc, matcher, &source_keys);
    warnings.sort_by_key(|w| w.reference);
    Resolution {
        mentions,
        mention_person,
        persons,
        sources,
        reference_source,
        article_source,
        warnings,
    }
}
