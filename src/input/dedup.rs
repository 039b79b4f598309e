//! Repeated references: the same text, or the same authors, year and title, printed twice.

use std::collections::HashMap;

use crate::model::{Reference, Warning, WarningCode};

/// Letters and digits only, lower-cased: "Brown J. (2017)" and "Brown J (2017)." agree.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn work_key(r: &Reference) -> Option<String> {
    let title = r.title.as_deref()?;
    let year = r.year?;
    if r.authors.is_empty() && r.editors.is_empty() {
        return None;
    }
    let mut key = String::new();
    for a in r.authors.iter().chain(&r.editors) {
        key.push_str(&fold(&a.family));
        key.push('|');
    }
    key.push_str(&year.to_string());
    key.push('|');
    key.push_str(&fold(title));
    Some(key)
}

/// A `DuplicateReference` warning on each later copy, naming the first one.
pub(crate) fn duplicates(refs: &[Reference]) -> Vec<Warning> {
    let mut by_text: HashMap<String, usize> = HashMap::with_capacity(refs.len());
    let mut by_work: HashMap<String, usize> = HashMap::with_capacity(refs.len());
    let mut out = Vec::new();
    for r in refs {
        let text_key = fold(&r.raw);
        let earlier = if text_key.is_empty() {
            None
        } else {
            by_text.get(&text_key).copied()
        };
        let earlier = earlier.or_else(|| {
            work_key(r).and_then(|k| {
                let seen = by_work.get(&k).copied();
                if seen.is_none() {
                    by_work.insert(k, r.index);
                }
                seen
            })
        });
        if !text_key.is_empty() {
            by_text.entry(text_key).or_insert(r.index);
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
