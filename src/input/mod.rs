//! Reading input: detecting its shape, finding the reference list, segmenting and repairing
//! entries, and parsing each reference.

use crate::error::{Error, Result};
use crate::model::{Document, Reference, Warning};

/// Reads an article page or a bare reference list into a [`Document`].
///
/// ```
/// let doc = citegraph::read_document("1. Brown J. (2017) Title. Source.\n").unwrap();
/// assert_eq!(doc.references.len(), 1);
/// ```
pub fn read_document(text: &str) -> Result<Document> {
    if text.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    let mut doc = Document::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let index = doc.references.len() + 1;
        let (reference, warnings) = parse_reference(line);
        doc.references.push(Reference {
            index,
            line: n + 1,
            ..reference
        });
        doc.warnings.extend(warnings.into_iter().map(|w| Warning {
            reference: Some(index),
            ..w
        }));
    }
    Ok(doc)
}

/// Parses one reference's text. The result has index 1 and line 1; callers renumber.
///
/// ```
/// let (r, _warnings) = citegraph::parse_reference("Brown J. (2017) Title. Source.");
/// assert_eq!(r.raw, "Brown J. (2017) Title. Source.");
/// ```
pub fn parse_reference(raw: &str) -> (Reference, Vec<Warning>) {
    (Reference::unparsed(1, None, 1, raw), Vec::new())
}
