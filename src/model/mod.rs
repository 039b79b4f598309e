//! The bibliographic model: what the input stage produces and every later stage reads.
//!
//! These are plain serde types with public fields, in the spirit of `hayagriva`'s entry types:
//! a [`Document`] holds the citing [`Article`] and its [`Reference`]s; a reference holds its
//! [`PersonName`] mentions (authors and editors, in printed order), its [`Kind`], its dates and
//! the [`Warning`]s raised while reading it. Nothing here knows how text is parsed or how names
//! are matched; that keeps the model stable while parsers and matchers improve.

mod date;
mod document;
mod name;
mod reference;
mod warning;

pub use date::Date;
pub use document::{Article, Document};
pub use name::{PersonName, Role};
pub use reference::{Kind, Reference, Style};
pub use warning::{Warning, WarningCode};
