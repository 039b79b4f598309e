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
        ascii_tokens(bytes, out);
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

/// [`tokenize`] for ASCII text, 64 bytes at a time: a word of space bits per block, the
/// places where spaces and non-spaces meet found by shifting it, and a token per pair of
/// them. The loops run per block and per token, not per byte with a branch on every byte,
/// whose mispredictions made tokenizing a tenth of labelling.
fn ascii_tokens(bytes: &[u8], out: &mut Vec<Range<usize>>) {
    // Whether the byte before the block was a space (before the text: as if one was).
    let mut space_before = true;
    let mut start = 0;
    for (k, block) in bytes.chunks(64).enumerate() {
        let base = k * 64;
        let mut space = 0u64;
        for (j, &b) in block.iter().enumerate() {
            space |= u64::from(is_ascii_space(b)) << j;
        }
        let valid = if block.len() == 64 {
            u64::MAX
        } else {
            (1u64 << block.len()) - 1
        };
        let before = space << 1 | u64::from(space_before);
        // A token starts at a non-space after a space and ends at a space after a
        // non-space; the two alternate, so one walk over both takes them in order.
        let mut edges = (!space & before | space & !before) & valid;
        while edges != 0 {
            let j = base + edges.trailing_zeros() as usize;
            edges &= edges - 1;
            if space >> (j - base) & 1 == 0 {
                start = j;
            } else {
                out.push(start..j);
            }
        }
        space_before = space >> (block.len() - 1) & 1 == 1;
    }
    if !space_before {
        out.push(start..bytes.len());
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

    proptest::proptest! {
        #[test]
        fn ascii_tokens_are_split_whitespace(text in "[ a-c.\t\n]{0,200}") {
            let mut t = Vec::new();
            tokenize(&text, &mut t);
            let words: Vec<&str> = t.iter().map(|r| &text[r.clone()]).collect();
            proptest::prop_assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
        }
    }
}
