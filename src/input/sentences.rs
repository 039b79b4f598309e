//! Where one sentence-like part of a reference ends and the next begins: ". ", "? ", "! ",
//! except after initials, abbreviations ("pp.", "no.", "Vol.", "С.") and dotted acronyms
//! ("U.S."), whose dots do not end anything.

/// Abbreviations whose dot does not end a part (compared lower-cased).
fn is_abbreviation(word: &str) -> bool {
    // ASCII words (most) are lower-cased in a stack buffer and matched as bytes: this runs
    // at every dot, and byte patterns compile to a decision tree where string patterns are
    // compared one by one
    if word.is_ascii() {
        let mut buf = [0u8; 6];
        let Some(b) = buf.get_mut(..word.len()) else {
            return false;
        };
        super::scan::lower_into(b, word.as_bytes());
        return is_ascii_abbreviation(b);
    }
    // lower-cased char by char into a stack buffer: a word whose lower case does not fit is
    // longer than every abbreviation. (Char by char differs from `str::to_lowercase` only
    // in a final sigma, which no abbreviation has.)
    let mut buf = [0u8; 16];
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let Some(slot) = buf.get_mut(n..n + c.len_utf8()) else {
            return false;
        };
        c.encode_utf8(slot);
        n += c.len_utf8();
    }
    let Ok(lowered) = std::str::from_utf8(&buf[..n]) else {
        return false;
    };
    is_ascii_abbreviation(lowered.as_bytes())
        || matches!(
            lowered,
            "т" | "с" | "вып" | "ч" | "кн" | "ред" | "под" | "см" | "гг" | "г" | "т.е"
        )
}

/// The ASCII abbreviations, lower-cased.
fn is_ascii_abbreviation(w: &[u8]) -> bool {
    matches!(
        w,
        b"pp"
            | b"p"
            | b"no"
            | b"vol"
            | b"nr"
            | b"n"
            | b"iss"
            | b"ed"
            | b"eds"
            | b"trans"
            | b"st"
            | b"dr"
            | b"jr"
            | b"vs"
            | b"ltd"
            | b"co"
            | b"univ"
            | b"dept"
            | b"inst"
            | b"s"
            | b"bd"
            | b"jg"
            | b"hrsg"
            | b"etc"
            | b"ch"
            | b"sec"
            | b"fig"
            | b"suppl"
            | b"pt"
            | b"art"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"prof"
            // words of abbreviated journal names ("Int. J. Wildland Fire", "Proc. Natl.
            // Acad. Sci."): a title is rarely closed by one of them
            | b"int"
            | b"am"
            | b"rev"
            | b"lett"
            | b"phys"
            | b"chem"
            | b"soc"
            | b"proc"
            | b"res"
            | b"sci"
            | b"natl"
            | b"acad"
            | b"appl"
            | b"biol"
            | b"clin"
            | b"geol"
            | b"mol"
            | b"eur"
            | b"bull"
            | b"annu"
            | b"assoc"
    )
}

/// Whether the dot at byte `dot` of `s` ends a part.
fn dot_ends_part(s: &str, dot: usize) -> bool {
    let b = s.as_bytes();
    // the word before the dot, read back as bytes while they are ASCII (the common case);
    // for ASCII bytes the char test is the byte test. Whether it holds a dot is noted on the
    // way rather than searched for again.
    let mut k = dot;
    let mut has_dot = false;
    while k > 0 {
        let x = b[k - 1];
        if !x.is_ascii() || matches!(x, b' ' | b'\t'..=b'\r' | b'(' | b'"') {
            break;
        }
        has_dot |= x == b'.';
        k -= 1;
    }
    if k == 0 || b[k - 1].is_ascii() {
        // an ASCII word: its bytes are its chars, so each test below is the general one's
        let word = &b[k..dot];
        return match word.len() {
            0 => true,
            // "U.S", "D.V": dotted acronym or initials
            _ if has_dot => false,
            // a single letter: an initial ("J. Brown"); a single digit ends a part
            1 => !word[0].is_ascii_alphabetic(),
            2..=6 => {
                let mut buf = [0u8; 6];
                let lower = &mut buf[..word.len()];
                super::scan::lower_into(lower, word);
                !is_ascii_abbreviation(lower)
            }
            _ => true,
        };
    }
    // a non-ASCII char: the separator may be a multi-byte space (U+0085, U+3000), so chars
    // are decoded, stepping over the whole separator char
    let before = &s[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // a plain byte loop: words are too short for a memchr call to pay
    if word.as_bytes().contains(&b'.') {
        // "U.S", "D.V": dotted acronym or initials
        return false;
    }
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next()) {
        // a single letter: an initial ("J. Brown"); a single digit ends a part ("no 3. pp.")
        return !super::scan::is_alphabetic(c);
    }
    // no more chars than bytes: a short word is not counted
    if word.len() > 6 && word.chars().count() > 6 {
        return true;
    }
    !is_abbreviation(word)
}

/// Whether the mark `c` ('.', '?' or '!') at byte `i` of `s`, followed by a space, ends a
/// part.
#[inline]
pub(crate) fn mark_ends_part(s: &str, i: usize, c: u8) -> bool {
    c != b'.' || dot_ends_part(s, i)
}

/// Splits `s` into parts; each item is the byte range of a part without its closing
/// punctuation and separator, plus the punctuation char that closed it (`'.'`, `'?'`, `'!'`,
/// or `'\0'` for the last part).
pub(crate) fn parts(s: &str) -> Parts {
    let mut out = Parts::default();
    each_part(s, |a, b, c| out.push((a, b, c)));
    out
}

/// One part: its byte range and closing punctuation, as [`parts`] gives it.
pub(crate) type Part = (usize, usize, char);

/// The parts of a text: a reference has a handful, so up to [`Parts::HEAD`] are kept on the
/// stack and a text with more (a page line) moves them all to a vector, so the parts are
/// always one slice.
#[derive(Default)]
pub(crate) struct Parts {
    head: [Part; Parts::HEAD],
    len: usize,
    more: Vec<Part>,
}

impl Parts {
    const HEAD: usize = 16;

    fn push(&mut self, part: Part) {
        if self.len < Parts::HEAD {
            self.head[self.len] = part;
        } else {
            if self.more.is_empty() {
                self.more.extend_from_slice(&self.head);
            }
            self.more.push(part);
        }
        self.len += 1;
    }

    pub(crate) fn as_slice(&self) -> &[Part] {
        if self.len <= Parts::HEAD {
            &self.head[..self.len]
        } else {
            &self.more
        }
    }
}

impl std::ops::Deref for Parts {
    type Target = [Part];
    fn deref(&self) -> &[Part] {
        self.as_slice()
    }
}

/// [`parts`], handed to `f` one by one rather than collected.
pub(crate) fn each_part(s: &str, mut f: impl FnMut(usize, usize, char)) {
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // jump from one mark to the next: most bytes are none of the three
    while let Some(k) = memchr::memchr3(b'.', b'?', b'!', &b[i..]) {
        i += k;
        let c = b[i];
        if b.get(i + 1) == Some(&b' ') && mark_ends_part(s, i, c) {
            if i > start {
                f(start, i, c as char);
            }
            start = i + 2;
            i += 2;
            continue;
        }
        i += 1;
    }
    if start < s.len() {
        let end = s.trim_end_matches(['.', ' ']).len().max(start);
        if end > start {
            f(start, end, '\0');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        parts(s).iter().map(|&(a, b, _)| &s[a..b]).collect()
    }

    #[test]
    fn journal_abbreviations_do_not_end_parts() {
        assert_eq!(
            texts("Fire behaviour in dry heath. Int. J. Forest Res. 12, 3-9"),
            ["Fire behaviour in dry heath", "Int. J. Forest Res. 12, 3-9"]
        );
    }

    #[test]
    fn splits_at_sentence_ends_only() {
        assert_eq!(
            texts("Japan Woos Russia. Nikkei Asian Review, December 11, 2017."),
            [
                "Japan Woos Russia",
                "Nikkei Asian Review, December 11, 2017"
            ]
        );
        assert_eq!(
            texts("What's New? The Diplomat, May 4"),
            ["What's New", "The Diplomat, May 4"]
        );
        assert_eq!(
            texts("Title. Vestnik universiteta. Seriya 25. Politika, no 3. pp. 72-95"),
            [
                "Title",
                "Vestnik universiteta",
                "Seriya 25",
                "Politika, no 3",
                "pp. 72-95"
            ]
        );
        assert_eq!(texts("U.S. Policy. Src"), ["U.S. Policy", "Src"]);
        // a multi-byte space before the word
        assert_eq!(texts("a\u{85}pp. 3. b"), ["a\u{85}pp. 3", "b"]);
        assert_eq!(
            texts("Журнал. 2016. № 3. С. 42-65."),
            ["Журнал", "2016", "№ 3", "С. 42-65"]
        );
    }
}
