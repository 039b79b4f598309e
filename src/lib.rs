//! citegraph turns messy scholarly reference lists into a citation graph.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod input;
mod model;
pub mod names;
pub mod text;

pub use error::{Error, Result};
pub use input::{
    AuthorPrefix, Format, detect_format, parse_author_list, parse_reference, read_document,
};
pub use model::*;

/// Analyses a text (temporary stub).
pub fn analyze(text: &str) -> Result<Document> {
    read_document(text)
}
