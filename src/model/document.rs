use serde::{Deserialize, Serialize};

use super::{PersonName, Reference, Warning};

/// The citing work: the article whose reference list is analysed.
///
/// From an article page, these fields come from the title line, the author block and the
/// "For citations:" line; for a bare list, from the caller (`--author`, `--year`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The article's title.
    pub title: Option<String>,
    /// The article's authors, in printed order.
    pub authors: Vec<PersonName>,
    /// The year of publication.
    pub year: Option<i32>,
    /// The journal (or other venue) the article appeared in.
    pub source: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue.
    pub issue: Option<String>,
    /// Page range.
    pub pages: Option<String>,
    /// ISO 639-1 language of the article, when stated ("(In Russ.)").
    pub language: Option<String>,
    /// DOI of the article.
    pub doi: Option<String>,
}

/// Everything read from one input: the citing article, its references and the defects found.
///
/// ```
/// use citegraph::Document;
///
/// let doc = Document::default();
/// assert!(doc.references.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The citing work.
    pub article: Article,
    /// The reference list, repaired and in order; `references[i].index == i + 1`.
    pub references: Vec<Reference>,
    /// Defects found while reading, each tied to a reference index where it applies.
    pub warnings: Vec<Warning>,
}
