use std::fmt;

use serde::{Deserialize, Serialize};

/// A defect found in the input, tied to the reference (by index) it concerns.
///
/// Warnings never stop an analysis: the reference stays in the output, repaired where the
/// repair is safe, and the warning says what was wrong and what was done.
///
/// ```
/// use citegraph::{Warning, WarningCode};
///
/// let w = Warning::new(WarningCode::SplitEntry, Some(15), "line 16 continues reference 15");
/// assert_eq!(w.code.as_str(), "split-entry");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The index of the reference concerned, or `None` for the document as a whole.
    pub reference: Option<usize>,
    /// The stable, kebab-case code of the defect.
    pub code: WarningCode,
    /// What was found and what was done, for a person to read.
    pub message: String,
}

impl Warning {
    /// A warning about reference `reference` (an index), or about the document when `None`.
    pub fn new(code: WarningCode, reference: Option<usize>, message: impl Into<String>) -> Warning {
        Warning {
            reference,
            code,
            message: message.into(),
        }
    }
}

/// The kinds of defect citegraph reports. Codes are kebab-case and stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WarningCode {
    /// A numbered line continues the previous reference and was joined to it.
    SplitEntry,
    /// A name is one edit away from a more common spelling and was merged with it.
    PossibleMisspelling,
    /// The year slot disagrees with a date printed in the same entry.
    YearMismatch,
    /// The entry could not be parsed; it is kept as raw text.
    UnparsedReference,
    /// The same reference occurs more than once in the list.
    DuplicateReference,
    /// The list's numbering skips or repeats a number.
    NumberingGap,
    /// Punctuation is missing where the style requires it (",accessed").
    MissingSpace,
    /// The input had bytes that are not UTF-8; they were replaced.
    InvalidUtf8,
    /// A line was too long or otherwise implausible and was truncated or skipped.
    OversizedInput,
    /// The citing work's metadata (authors or year) could not be found.
    MissingArticleMetadata,
    /// On a page printing two reference lists (Cyrillic and Latin), an entry of one list has
    /// no counterpart in the other; it is kept as a reference of its own.
    UnalignedTranslation,
}

impl WarningCode {
    /// The kebab-case code, as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::SplitEntry => "split-entry",
            WarningCode::PossibleMisspelling => "possible-misspelling",
            WarningCode::YearMismatch => "year-mismatch",
            WarningCode::UnparsedReference => "unparsed-reference",
            WarningCode::DuplicateReference => "duplicate-reference",
            WarningCode::NumberingGap => "numbering-gap",
            WarningCode::MissingSpace => "missing-space",
            WarningCode::InvalidUtf8 => "invalid-utf8",
            WarningCode::OversizedInput => "oversized-input",
            WarningCode::MissingArticleMetadata => "missing-article-metadata",
            WarningCode::UnalignedTranslation => "unaligned-translation",
        }
    }
}

impl fmt::Display for WarningCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
