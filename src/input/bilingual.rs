//! Folding the two reference lists of a bilingual page into one list of works.
//!
//! The Latin entry of each aligned pair is the reference (it is the style the parser reads
//! best and the one indexes use); the Cyrillic entry rides along as its
//! [`alternate`](crate::Reference::alternate). Entries without a counterpart are kept as
//! references of their own, in list order, each with an `unaligned-translation` warning:
//! nothing the page printed is dropped.

use crate::model::{Reference, Warning, WarningCode};

use super::align::align_references;

/// One list as read: its references (indexed 1.. within the list) and their warnings.
pub(crate) type List = (Vec<Reference>, Vec<Warning>);

/// Merges the Latin list `primary` and the Cyrillic list `alternate` into one list of works,
/// re-indexing the references and moving every warning to the work it concerns.
pub(crate) fn merge(primary: List, alternate: List) -> List {
    let (primary, primary_warnings) = primary;
    let (alternate, alternate_warnings) = alternate;
    let (n, m) = (primary.len(), alternate.len());
    let pairs = align_references(&primary, &alternate);
    let mut primary_to = vec![0usize; n];
    let mut alternate_to = vec![0usize; m];
    let mut out: Vec<Reference> = Vec::with_capacity(n + m - pairs.len().min(n + m));
    let mut warnings = Vec::new();
    let mut primary = primary.into_iter().enumerate().peekable();
    let mut alternate = alternate.into_iter().enumerate().peekable();
    // a sentinel pair past both ends flushes the entries after the last real pair
    for (pi, pj) in pairs.into_iter().chain(std::iter::once((n, m))) {
        while let Some((i, r)) = primary.next_if(|(i, _)| *i < pi) {
            primary_to[i] = out.len() + 1;
            warnings.push(Warning::new(
                WarningCode::UnalignedTranslation,
                Some(out.len() + 1),
                format!(
                    "entry {} of the Latin list has no counterpart in the Cyrillic list; kept on its own",
                    label(&r, i)
                ),
            ));
            out.push(r);
        }
        while let Some((j, r)) = alternate.next_if(|(j, _)| *j < pj) {
            alternate_to[j] = out.len() + 1;
            warnings.push(Warning::new(
                WarningCode::UnalignedTranslation,
                Some(out.len() + 1),
                format!(
                    "entry {} of the Cyrillic list (line {}) has no counterpart in the Latin list; kept as a reference of its own",
                    label(&r, j),
                    r.line
                ),
            ));
            out.push(r);
        }
        if let (Some((i, mut r)), Some((j, other))) = (primary.next(), alternate.next()) {
            primary_to[i] = out.len() + 1;
            alternate_to[j] = out.len() + 1;
            r.alternate = Some(Box::new(other));
            out.push(r);
        }
    }
    for (k, r) in out.iter_mut().enumerate() {
        r.index = k + 1;
    }
    let moved = |w: Warning, to: &[usize], prefix: &str| Warning {
        reference: w
            .reference
            .and_then(|k| k.checked_sub(1))
            .and_then(|k| to.get(k).copied()),
        message: format!("{prefix}{}", w.message),
        ..w
    };
    warnings.extend(
        primary_warnings
            .into_iter()
            .map(|w| moved(w, &primary_to, "")),
    );
    warnings.extend(
        alternate_warnings
            .into_iter()
            .map(|w| moved(w, &alternate_to, "in the Cyrillic list: ")),
    );
    (out, warnings)
}

/// "7" for a numbered entry, "at position 7" for an unnumbered one.
fn label(r: &Reference, position: usize) -> String {
    r.number.map_or_else(
        || format!("at position {}", position + 1),
        |n| n.to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(index: usize, raw: &str) -> Reference {
        let (mut r, _) = crate::parse_reference(raw);
        r.index = index;
        r.number = u32::try_from(index).ok();
        r
    }

    #[test]
    fn pairs_fold_and_the_rest_is_kept_with_warnings() {
        let latin = vec![
            entry(
                1,
                "Panov A.N. (2016) Priorities. Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 7–43.",
            ),
            entry(2, "Brown J. (2017) Japan Woos Russia. Nikkei Asian Review."),
        ];
        let cyrillic = vec![
            entry(
                1,
                "Панов А.Н. Приоритеты // Япония 2016. Ежегодник. М.: АИРО-XXI, 2016. С. 7–43.",
            ),
            entry(2, "Иванов И.И. Книга. М.: Наука, 2010. 200 с."),
        ];
        let unparsed = Warning::new(WarningCode::UnparsedReference, Some(2), "x");
        let (refs, warnings) = merge((latin, vec![]), (cyrillic, vec![unparsed]));
        assert_eq!(refs.len(), 3);
        assert!(refs[0].alternate.is_some());
        assert_eq!(
            refs.iter().map(|r| r.index).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        let unaligned: Vec<usize> = warnings
            .iter()
            .filter(|w| w.code == WarningCode::UnalignedTranslation)
            .filter_map(|w| w.reference)
            .collect();
        assert_eq!(unaligned, vec![2, 3]);
        // the Cyrillic list's warning follows its entry to its new index
        let moved = warnings
            .iter()
            .find(|w| w.code == WarningCode::UnparsedReference)
            .and_then(|w| w.reference);
        assert_eq!(
            moved,
            Some(
                refs.iter()
                    .position(|r| r.raw.starts_with("Иванов"))
                    .unwrap_or(0)
                    + 1
            )
        );
    }

    #[test]
    fn empty_sides_keep_everything() {
        let one = vec![entry(1, "Brown J. (2017) Title. Source.")];
        let (refs, warnings) = merge((one.clone(), vec![]), (vec![], vec![]));
        assert_eq!(refs.len(), 1);
        assert_eq!(warnings.len(), 1);
        let (refs, _) = merge((vec![], vec![]), (one, vec![]));
        assert_eq!(refs.len(), 1);
    }
}
