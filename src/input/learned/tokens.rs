//! Whitespace tokens, the unit the sequence model labels.
//!
//! Annotated reference data (AnyStyle's XML, GROBID's TEI) marks fields on whitespace
//! boundaries, with punctuation attached to the word it follows ("Brown,", "(2017).",
//! "pp. 1-10."), so a token is a maximal run of non-whitespace characters. Keeping the
//! punctuation on the token keeps it visible to the features, where it is a strong cue.

use std::ops::Range;

/// Appends the byte ranges of the maximal non-whitespace runs of `text` to `out` (cleared
/// first), in order. The caller's buffer is reused from call to call, and ASCII bytes are
/// classified without decoding: most references are mostly ASCII.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Range<usize>>) {
    out.clear();
    let bytes = text.as_bytes();
    if bytes.is_ascii() {
        // Most references: a run of non-space bytes is a token, found a run at a time.
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i..].iter().position(|b| !is_ascii_space(*b)) {
                Some(skip) => i += skip,
                None => break,
            }
            let len = bytes[i..]
                .iter()
                .position(|b| is_ascii_space(*b))
                .unwrap_or(bytes.len() - i);
            out.push(i..i + len);
            i += len;
        }
        return;
    }
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (space, len) = if b < 0x80 {
            (is_ascii_space(b), 1)
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                // Not reachable for a `str` (i is always a char boundary); stop cleanly.
                None => break,
            }
        };
        match (space, start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
}

/// Whether an ASCII byte is whitespace as `char::is_whitespace` has it.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_any_whitespace_and_keeps_offsets() {
        let text = "  Brown J.\t(2017)\u{a0}Title\u{2003}é ";
        let mut t = Vec::new();
        tokenize(text, &mut t);
        let words: Vec<&str> = t.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(words, ["Brown", "J.", "(2017)", "Title", "é"]);
        assert_eq!(t[1], 8..10);
        tokenize(" \n ", &mut t);
        assert!(t.is_empty());
        let ascii = " Brown J.\t(2017)\x0bTitle\x0c. x";
        tokenize(ascii, &mut t);
        let words: Vec<&str> = t.iter().map(|r| &ascii[r.clone()]).collect();
        assert_eq!(words, ["Brown", "J.", "(2017)", "Title", ".", "x"]);
        assert_eq!(ascii.split_whitespace().collect::<Vec<_>>(), words);
    }
}
