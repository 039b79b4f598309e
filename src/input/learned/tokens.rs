//! Whitespace tokens, the unit the sequence model labels.
//!
//! Annotated reference data (AnyStyle's XML, GROBID's TEI) marks fields on whitespace
//! boundaries, with punctuation attached to the word it follows ("Brown,", "(2017).",
//! "pp. 1-10."), so a token is a maximal run of non-whitespace characters. Keeping the
//! punctuation on the token keeps it visible to the features, where it is a strong cue.

use std::ops::Range;

/// A maximal non-whitespace run of a text, by byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub span: Range<usize>,
}

/// The tokens of `text`, in order.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Token {
                    text: &text[s..i],
                    span: s..i,
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            text: &text[s..],
            span: s..text.len(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_any_whitespace_and_keeps_offsets() {
        let t = tokenize("  Brown J.\t(2017)\u{a0}Title ");
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Brown", "J.", "(2017)", "Title"]);
        assert_eq!(t[1].span, 8..10);
        assert!(tokenize(" \n ").is_empty());
    }
}
