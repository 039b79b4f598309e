//! Precision and recall of the pair matcher on the labelled pairs in `tests/data/name_pairs.tsv`
//! (format and labelling rules in `tests/data/README.md`).
//!
//! Each line is parsed with `parse_name`, folded with `NameKey::new` and decided with
//! `NameMatcher::default()`; a line whose name does not parse counts as "different". The test
//! prints the figures, per category, and every misclassified pair with its explanation.

use std::collections::BTreeMap;

use citegraph::names::{NameKey, NameMatcher, parse_name};

const PAIRS: &str = include_str!("data/name_pairs.tsv");

#[test]
fn precision_and_recall_on_labelled_pairs() {
    let m = NameMatcher::default();
    let (mut tp, mut fp, mut tn, mut fn_) = (0usize, 0usize, 0usize, 0usize);
    let mut by_category: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (n, line) in PAIRS.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "line {}: {line:?}", n + 1);
        let (label, a, b, category) = (fields[0], fields[1], fields[2], fields[3]);
        assert!(
            label == "same" || label == "different",
            "line {}: label {label:?}",
            n + 1
        );
        let expected = label == "same";
        let (pa, pb) = (parse_name(a), parse_name(b));
        let (got, why) = match (&pa, &pb) {
            (Some(x), Some(y)) => {
                let (ka, kb) = (NameKey::new(x), NameKey::new(y));
                let d = m.compare(&ka, &kb);
                (d.same, d.explain(&ka, &kb).to_string())
            }
            _ => (false, format!("unparsed: {pa:?} / {pb:?}")),
        };
        let entry = by_category.entry(category).or_default();
        entry.1 += 1;
        match (expected, got) {
            (true, true) => tp += 1,
            (false, false) => tn += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
        }
        if expected == got {
            entry.0 += 1;
        } else {
            wrong.push(format!(
                "line {:>4} [{category}] {label}: {a} | {b}\n           {why}",
                n + 1
            ));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "pairs: {} (tp {tp}, fp {fp}, tn {tn}, fn {fn_})",
        tp + fp + tn + fn_
    );
    println!("precision {precision:.4}  recall {recall:.4}");
    for (c, (ok, all)) in &by_category {
        println!("  {c:<18} {ok:>4}/{all:<4}");
    }
    for w in &wrong {
        println!("{w}");
    }
    assert!(
        tp + fp + tn + fn_ >= 400,
        "the labelled set should have at least 400 pairs"
    );
    assert!(precision >= 0.99, "precision {precision:.4} < 0.99");
    assert!(recall >= 0.95, "recall {recall:.4} < 0.95");
}
