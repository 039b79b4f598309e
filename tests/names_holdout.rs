//! The matcher on held-out sets: `tests/data/name_pairs_holdout.tsv` was assembled without
//! looking at the matcher or at the development set (`name_pairs.tsv`), so its figures are the
//! honest estimate of precision and recall on names nobody tuned for. The floors sit a little
//! under the figures measured when the set was added; the README reports them.

use citegraph::names::{NameKey, NameMatcher, parse_name};

const PAIRS: &str = include_str!("data/name_pairs_holdout.tsv");
const BLIND2: &str = include_str!("data/name_pairs_blind2.tsv");

/// Precision and recall of the default matcher on a labelled pair file, printing every miss.
fn measure(pairs: &str) -> (usize, f64, f64) {
    let m = NameMatcher::default();
    let (mut tp, mut fp, mut tn, mut fn_) = (0usize, 0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    for line in pairs
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let [label, a, b, category] = f[..] else {
            panic!("malformed line: {line}")
        };
        let same = label == "same";
        let decided = match (parse_name(a), parse_name(b)) {
            (Some(x), Some(y)) => {
                let (kx, ky) = (NameKey::new(&x), NameKey::new(&y));
                let d = m.compare(&kx, &ky);
                if d.same != same {
                    wrong.push(format!(
                        "{label:9} {category:18} {a} | {b}: {}",
                        d.explain(&kx, &ky)
                    ));
                }
                d.same
            }
            _ => {
                if same {
                    wrong.push(format!(
                        "{label:9} {category:18} {a} | {b}: a name did not parse"
                    ));
                }
                false
            }
        };
        match (decided, same) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, false) => tn += 1,
            (false, true) => fn_ += 1,
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "pairs: {} (tp {tp}, fp {fp}, tn {tn}, fn {fn_})",
        tp + fp + tn + fn_
    );
    println!("precision {precision:.4}  recall {recall:.4}");
    for w in &wrong {
        println!("  {w}");
    }
    (tp + fp + tn + fn_, precision, recall)
}

#[test]
fn held_out_precision_and_recall() {
    let (n, precision, recall) = measure(PAIRS);
    assert!(n >= 300);
    assert!(
        precision >= HELD_OUT_PRECISION_FLOOR,
        "precision {precision:.4}"
    );
    assert!(recall >= HELD_OUT_RECALL_FLOOR, "recall {recall:.4}");
}

/// A second blind set, assembled after the first had been used to fix the matcher, and never
/// used to change it.
#[test]
fn second_blind_set_precision_and_recall() {
    let (n, precision, recall) = measure(BLIND2);
    assert!(n >= 300);
    assert!(
        precision >= BLIND2_PRECISION_FLOOR,
        "precision {precision:.4}"
    );
    assert!(recall >= BLIND2_RECALL_FLOOR, "recall {recall:.4}");
}

// Measured when the set was added, with no change to the matcher since: precision 0.9814,
// recall 0.9814 on 319 pairs (misses: Ukrainian h/g with y/i together, a Vietnamese name in
// given-first order, tch/ch, an S./Sh. initial pair, van der/van de read as a typo).
const BLIND2_PRECISION_FLOOR: f64 = 0.97;
const BLIND2_RECALL_FLOOR: f64 = 0.97;

// Measured when the set was added, blind: precision 0.9745, recall 0.9503 on 318 pairs. The
// matcher's developer was then told the *classes* of its errors (not the pairs) and fixed them
// by general rules: precision 1.0000, recall 0.9876 — optimistic, since the classes came from
// this set. A fresh held-out set is the next honest measurement.
const HELD_OUT_PRECISION_FLOOR: f64 = 0.99;
const HELD_OUT_RECALL_FLOOR: f64 = 0.97;
