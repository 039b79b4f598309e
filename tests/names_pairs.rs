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

/// The threshold of a scorer that maximises F1 on labelled `(score, same)` pairs, and the
/// best recall it reaches with precision ≥ 0.99: `((f1, threshold, precision, recall),
/// (threshold, recall))`.
fn best_threshold(mut scored: Vec<(f64, bool)>) -> ((f64, f64, f64, f64), (f64, f64)) {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let positives = scored.iter().filter(|s| s.1).count();
    let (mut tp, mut fp) = (0usize, 0usize);
    let mut best = (0.0f64, 1.0f64, 0.0f64, 0.0f64);
    let mut precise = (1.0f64, 0.0f64);
    for (k, &(score, same)) in scored.iter().enumerate() {
        if same {
            tp += 1;
        } else {
            fp += 1;
        }
        // Only cut between distinct scores.
        if scored.get(k + 1).is_some_and(|n| n.0 == score) {
            continue;
        }
        let p = tp as f64 / (tp + fp) as f64;
        let r = tp as f64 / positives.max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        if f1 > best.0 {
            best = (f1, score, p, r);
        }
        if p >= 0.99 && r > precise.1 {
            precise = (score, r);
        }
    }
    (best, precise)
}

fn labelled() -> Vec<(bool, String, String)> {
    PAIRS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() == 4).then(|| (f[0] == "same", f[1].to_string(), f[2].to_string()))
        })
        .collect()
}

/// A name folded the way citegraph folds it, as one string: transliteration skeleton of the
/// family name, then the initials. This gives the string baseline citegraph's folding, so the
/// comparison measures the decision rules, not only the folding.
fn folded(printed: &str) -> String {
    match parse_name(printed) {
        Some(n) => {
            let k = NameKey::new(&n);
            let initials: String = k.initials.iter().map(|i| i.to_string()).collect();
            format!("{} {initials}", k.skeleton)
        }
        None => printed.to_lowercase(),
    }
}

/// The baselines the README compares against: plain `strsim::jaro_winkler` on the two printed
/// strings and on citegraph's folded keys, each at the threshold that maximises its F1 on the
/// same pairs. citegraph's rules must beat both.
#[test]
fn jaro_winkler_baseline() {
    let pairs = labelled();
    let m = NameMatcher::default();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (same, a, b) in &pairs {
        let decided = match (parse_name(a), parse_name(b)) {
            (Some(x), Some(y)) => m.compare(&NameKey::new(&x), &NameKey::new(&y)).same,
            _ => false,
        };
        match (decided, *same) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            _ => {}
        }
    }
    let ours = 2.0 * tp as f64 / (2 * tp + fp + fn_).max(1) as f64;
    for (label, scorer) in [
        (
            "printed strings",
            &(|a: &str, b: &str| strsim::jaro_winkler(a, b)) as &dyn Fn(&str, &str) -> f64,
        ),
        ("citegraph-folded keys", &|a: &str, b: &str| {
            strsim::jaro_winkler(&folded(a), &folded(b))
        }),
    ] {
        let scored = pairs
            .iter()
            .map(|(same, a, b)| (scorer(a, b), *same))
            .collect();
        let (best, precise) = best_threshold(scored);
        println!(
            "strsim::jaro_winkler on {label}: best F1 {:.4} at threshold {:.4}: precision {:.4}, recall {:.4}; \
             with precision >= 0.99: threshold {:.4}, recall {:.4}",
            best.0, best.1, best.2, best.3, precise.0, precise.1
        );
        assert!(
            ours > best.0,
            "citegraph F1 {ours:.4} does not beat jaro_winkler on {label} ({:.4})",
            best.0
        );
    }
    println!("citegraph NameMatcher: F1 {ours:.4}");
}
