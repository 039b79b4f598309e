//! A name mention with the context it appeared in, for context-aware clustering.

use super::{NameKey, fold_family};
use crate::hash::fnv_pieces;
use crate::model::PersonName;

/// Something a mention shares with others that makes a typo merge more credible: a co-author
/// or the source it was published in. Tokens are hashed on construction, so a mention's context
/// costs eight bytes per item and comparing contexts never re-folds text.
///
/// ```
/// use citegraph::{PersonName, names::ContextToken};
///
/// // Co-authors are folded like names: spelling variants of one co-author meet.
/// assert_eq!(
///     ContextToken::coauthor(&PersonName::new("Стрельцов", "Д.В.")),
///     ContextToken::coauthor(&PersonName::new("Strel'tsov", "D.")),
/// );
/// assert_eq!(ContextToken::source("The Diplomat"), ContextToken::source("the diplomat"));
/// assert_ne!(ContextToken::source("Panov"), ContextToken::coauthor(&PersonName::new("Panov", "")));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ContextToken(u64);

impl ContextToken {
    /// A co-author, by family skeleton and first initial letter.
    pub fn coauthor(name: &PersonName) -> ContextToken {
        let key = NameKey::new(name);
        let first = key
            .initials
            .first()
            .map(|i| i.to_string())
            .unwrap_or_default();
        let first = first.as_bytes().first().copied().unwrap_or(b'-');
        ContextToken(fnv_pieces(&[
            b"a:",
            key.skeleton.as_bytes(),
            b" ",
            &[first],
        ]))
    }

    /// A source (journal, series, publisher), by its letters and digits, case-folded.
    pub fn source(name: &str) -> ContextToken {
        let folded = fold_family(name);
        ContextToken(fnv_pieces(&[b"s:", folded.as_bytes()]))
    }

    /// Any other shared item, under a kind of its own ("work", "affiliation", ...).
    pub fn other(kind: &str, value: &str) -> ContextToken {
        ContextToken(fnv_pieces(&[
            b"o:",
            kind.as_bytes(),
            b":",
            value.as_bytes(),
        ]))
    }
}

/// One mention of a person's name, with its context.
///
/// ```
/// use citegraph::{PersonName, names::{ContextToken, Mention}};
///
/// let m = Mention::new(PersonName::new("Browne", "J."))
///     .with_coauthors(&[PersonName::new("Kraus", "E.")])
///     .with_source("GlobalAsia");
/// assert_eq!(m.context.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as parsed.
    pub name: PersonName,
    /// What the mention shares with others: co-authors, source.
    pub context: Vec<ContextToken>,
}

impl Mention {
    /// A mention without context.
    pub fn new(name: PersonName) -> Mention {
        Mention {
            name,
            context: Vec::new(),
        }
    }

    /// Adds co-authors (the other names of the same work) to the context.
    pub fn with_coauthors(mut self, coauthors: &[PersonName]) -> Mention {
        self.context
            .extend(coauthors.iter().map(ContextToken::coauthor));
        self
    }

    /// Adds the source the work appeared in to the context.
    pub fn with_source(mut self, source: &str) -> Mention {
        self.context.push(ContextToken::source(source));
        self
    }
}
