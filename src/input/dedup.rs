//! Repeated references: the same text, or the same authors, year and title, printed twice.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use crate::hash::Fnv;

use crate::model::{Reference, Warning, WarningCode};

type Map = HashMap<u64, usize, BuildHasherDefault<Fnv>>;

/// Feeds letters and digits only, lower-cased, to the hasher: "Brown J. (2017)" and
/// "Brown J (2017)." agree. Hashing instead of keeping folded strings keeps 100,000 entries
/// cheap; a 64-bit collision between two different references is negligible. ASCII is
/// folded in a stack buffer and hashed a block at a time.
fn fold_into(s: &str, h: &mut Fnv) -> usize {
    let mut n = 0;
    let mut buf = [0u8; 64];
    let mut len = 0;
    for c in s.chars() {
        if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                continue;
            }
            n += 1;
            buf[len] = c.to_ascii_lowercase() as u8;
            len += 1;
        } else if ('\u{0410}'..='\u{044F}').contains(&c) {
            // basic Cyrillic letters: lower-cased by offset, without the Unicode tables
            n += 1;
            let l = if c <= '\u{042F}' {
                char::from_u32(c as u32 + 32).unwrap_or(c)
            } else {
                c
            };
            let mut tmp = [0u8; 4];
            let enc = l.encode_utf8(&mut tmp).len();
            buf[len..len + enc].copy_from_slice(&tmp[..enc]);
            len += enc;
        } else {
            if !c.is_alphanumeric() {
                continue;
            }
            n += 1;
            for l in c.to_lowercase() {
                let mut tmp = [0u8; 4];
                let enc = l.encode_utf8(&mut tmp).len();
                if len + enc > buf.len() {
                    h.write(&buf[..len]);
                    len = 0;
                }
                buf[len..len + enc].copy_from_slice(&tmp[..enc]);
                len += enc;
            }
        }
        if len + 4 > buf.len() {
            h.write(&buf[..len]);
            len = 0;
        }
    }
    h.write(&buf[..len]);
    n
}

fn fold(s: &str) -> Option<u64> {
    let mut h = Fnv::default();
    (fold_into(s, &mut h) > 0).then(|| h.finish())
}

fn work_key(r: &Reference) -> Option<u64> {
    let title = r.title.as_deref()?;
    let year = r.year?;
    if r.authors.is_empty() && r.editors.is_empty() {
        return None;
    }
    let mut h = Fnv::default();
    for a in r.authors.iter().chain(&r.editors) {
        fold_into(&a.family, &mut h);
        h.write_u8(b'|');
    }
    year.hash(&mut h);
    fold_into(title, &mut h);
    Some(h.finish())
}

/// The two keys of a reference: its folded text and, when it has authors, year and title,
/// its work. Computed where the reference is parsed (in parallel), compared in order later.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Keys {
    text: Option<u64>,
    work: Option<u64>,
}

/// The duplicate-detection keys of one parsed reference.
pub(crate) fn keys(r: &Reference) -> Keys {
    let work = work_key(r);
    // equal texts parse alike, so a reference with a work key needs no text key: skipping
    // the fold of the whole entry halves the cost of duplicate detection
    let text = if work.is_none() { fold(&r.raw) } else { None };
    Keys { text, work }
}

/// A `DuplicateReference` warning on each later copy, naming the first one.
#[cfg(test)]
pub(crate) fn duplicates(refs: &[Reference]) -> Vec<Warning> {
    let keys: Vec<Keys> = refs.iter().map(keys).collect();
    duplicates_by_key(refs, &keys)
}

/// Duplicate warnings from keys already computed (`keys[i]` belongs to `refs[i]`).
pub(crate) fn duplicates_by_key(refs: &[Reference], keys: &[Keys]) -> Vec<Warning> {
    let mut by_text = Map::with_capacity_and_hasher(refs.len(), Default::default());
    let mut by_work = Map::with_capacity_and_hasher(refs.len(), Default::default());
    let mut out = Vec::new();
    for (r, k) in refs.iter().zip(keys) {
        let earlier = k.text.and_then(|t| by_text.get(&t).copied());
        let earlier = earlier.or_else(|| {
            k.work.and_then(|w| {
                let seen = by_work.get(&w).copied();
                if seen.is_none() {
                    by_work.insert(w, r.index);
                }
                seen
            })
        });
        if let Some(t) = k.text {
            by_text.entry(t).or_insert(r.index);
        }
        if let Some(first) = earlier {
            out.push(Warning::new(
                WarningCode::DuplicateReference,
                Some(r.index),
                format!("reference {} repeats reference {first}", r.index),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(index: usize, raw: &str, title: Option<&str>) -> Reference {
        let mut r = Reference::unparsed(index, None, index, raw);
        r.title = title.map(str::to_string);
        r.year = Some(2017);
        r.authors = vec![crate::model::PersonName::new("Brown", "J.")];
        r
    }

    #[test]
    fn same_text_or_same_work() {
        let refs = [
            reference(1, "Brown J. (2017) Title. Source.", Some("Title")),
            reference(2, "Brown J (2017) Title, Source", Some("Title")),
            reference(3, "Brown J. (2017) Other. Source.", Some("Other")),
            reference(
                4,
                "Brown J. 2017. TITLE. Elsewhere, pp. 1-2.",
                Some("TITLE"),
            ),
        ];
        let w = duplicates(&refs);
        let at: Vec<Option<usize>> = w.iter().map(|w| w.reference).collect();
        assert_eq!(at, [Some(2), Some(4)]);
        assert!(w[1].message.contains("reference 1"));
        // without authors only the text can tell
        let anonymous = |i, raw: &str| Reference::unparsed(i, None, i, raw);
        let refs = [
            anonymous(1, "Annual Report 2018. Bank of Japan."),
            anonymous(2, "Annual report 2018, Bank of Japan"),
            anonymous(3, "Annual Report 2019. Bank of Japan."),
        ];
        let at: Vec<Option<usize>> = duplicates(&refs).iter().map(|w| w.reference).collect();
        assert_eq!(at, [Some(2)]);
    }

    #[test]
    fn folding_ignores_case_in_any_script() {
        assert_eq!(fold("СТРЕЛЬЦОВ Д.В. Ёлка"), fold("стрельцов дв ёлка"));
        assert_eq!(fold("Glänzel W."), fold("GLÄNZEL w"));
        assert_ne!(fold("Brown J. (2017)"), fold("Brown J. (2018)"));
        assert_eq!(fold("..."), None);
        // longer than the fold buffer
        let long = "Ab".repeat(200);
        assert_eq!(fold(&long), fold(&long.to_lowercase()));
    }
}
