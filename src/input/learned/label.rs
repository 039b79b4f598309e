//! The labels the sequence model gives tokens: the fields of a reference, as AnyStyle names them.

use serde::{Deserialize, Serialize};

/// The field a token of a reference belongs to.
///
/// The set and the names are AnyStyle's, so its annotated data trains the model without a
/// mapping; [`FieldLabel::from_name`] also reads GROBID-style synonyms.
///
/// ```
/// use citegraph::FieldLabel;
///
/// assert_eq!(FieldLabel::from_name("container-title"), Some(FieldLabel::ContainerTitle));
/// assert_eq!(FieldLabel::Journal.name(), "journal");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldLabel {
    /// The authors.
    Author,
    /// The label printed before the entry (`[13]`, `60.`).
    CitationNumber,
    /// A series the work appears in.
    CollectionTitle,
    /// The book or proceedings a chapter or paper appears in.
    ContainerTitle,
    /// The date of publication.
    Date,
    /// A DOI.
    Doi,
    /// An edition statement ("2nd ed.").
    Edition,
    /// Editors, with their marker ("In J. Smith (Ed.),").
    Editor,
    /// The kind of work ("PhD thesis", "Technical report").
    Genre,
    /// An ISBN.
    Isbn,
    /// A journal's name.
    Journal,
    /// The place of publication.
    Location,
    /// Anything else printed in the entry ("Retrieved from", "in Russian").
    Note,
    /// Page numbers.
    Pages,
    /// The publisher.
    Publisher,
    /// The work's own title.
    Title,
    /// Translators.
    Translator,
    /// A URL.
    Url,
    /// Volume and issue ("12(3)", "vol. 3, no. 2").
    Volume,
    /// Fields too rare to learn apart (medium, director, producer, source).
    Other,
}

impl FieldLabel {
    /// Every label, in the order the model stores them.
    pub const ALL: [FieldLabel; 20] = [
        FieldLabel::Author,
        FieldLabel::CitationNumber,
        FieldLabel::CollectionTitle,
        FieldLabel::ContainerTitle,
        FieldLabel::Date,
        FieldLabel::Doi,
        FieldLabel::Edition,
        FieldLabel::Editor,
        FieldLabel::Genre,
        FieldLabel::Isbn,
        FieldLabel::Journal,
        FieldLabel::Location,
        FieldLabel::Note,
        FieldLabel::Pages,
        FieldLabel::Publisher,
        FieldLabel::Title,
        FieldLabel::Translator,
        FieldLabel::Url,
        FieldLabel::Volume,
        FieldLabel::Other,
    ];

    /// The label's name, as AnyStyle's XML spells the element.
    pub fn name(self) -> &'static str {
        match self {
            FieldLabel::Author => "author",
            FieldLabel::CitationNumber => "citation-number",
            FieldLabel::CollectionTitle => "collection-title",
            FieldLabel::ContainerTitle => "container-title",
            FieldLabel::Date => "date",
            FieldLabel::Doi => "doi",
            FieldLabel::Edition => "edition",
            FieldLabel::Editor => "editor",
            FieldLabel::Genre => "genre",
            FieldLabel::Isbn => "isbn",
            FieldLabel::Journal => "journal",
            FieldLabel::Location => "location",
            FieldLabel::Note => "note",
            FieldLabel::Pages => "pages",
            FieldLabel::Publisher => "publisher",
            FieldLabel::Title => "title",
            FieldLabel::Translator => "translator",
            FieldLabel::Url => "url",
            FieldLabel::Volume => "volume",
            FieldLabel::Other => "other",
        }
    }

    /// The label an annotation element name stands for; rare AnyStyle elements (medium,
    /// director, producer, source) map to [`FieldLabel::Other`]. `None` for names that are
    /// not fields at all.
    pub fn from_name(name: &str) -> Option<FieldLabel> {
        Some(match name {
            "medium" | "director" | "producer" | "source" | "other" => FieldLabel::Other,
            "booktitle" => FieldLabel::ContainerTitle,
            "institution" | "school" => FieldLabel::Publisher,
            "pubPlace" | "address" => FieldLabel::Location,
            "issue" | "number" => FieldLabel::Volume,
            name => *FieldLabel::ALL.iter().find(|l| l.name() == name)?,
        })
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_indexes_follow_all() {
        for (i, l) in FieldLabel::ALL.iter().enumerate() {
            assert_eq!(l.index(), i);
            assert_eq!(FieldLabel::from_name(l.name()), Some(*l));
        }
        assert_eq!(FieldLabel::from_name("sequence"), None);
    }
}
