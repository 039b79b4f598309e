use std::path::PathBuf;

/// Everything that can go wrong in citegraph.
///
/// Defects *inside* an input (a split entry, a misspelt name, an unparseable reference) are not
/// errors: they become [`Warning`](crate::Warning)s and the analysis goes on. An `Error` means
/// there is nothing to analyse, or a caller's argument cannot be used.
///
/// ```
/// let err = citegraph::analyze("").unwrap_err();
/// assert!(matches!(err, citegraph::Error::EmptyInput));
/// assert_eq!(err.to_string(), "the input is empty");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input holds no text at all (or only whitespace).
    #[error("the input is empty")]
    EmptyInput,
    /// The input has text, but no reference list could be found in it.
    #[error("no reference list found{}", at_line(*.line))]
    NoReferenceList {
        /// The line where the search gave up, when one can be named (e.g. an empty "References" section).
        line: Option<usize>,
    },
    /// A person's name given by the caller (e.g. `--author`) could not be parsed.
    #[error("cannot read {0:?} as a person's name (expected e.g. \"Streltsov D.V.\")")]
    InvalidName(String),
    /// Bytes given as a sequence model are not one (wrong format, version or labels, or
    /// truncated).
    #[error("invalid sequence model: {0}")]
    InvalidModel(String),
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
}

fn at_line(line: Option<usize>) -> String {
    match line {
        Some(line) => format!(" (line {line})"),
        None => String::new(),
    }
}

/// `Result` with citegraph's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
