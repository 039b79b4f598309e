//! The matcher on a held-out set: `tests/data/name_pairs_holdout.tsv` was assembled without
//! looking at the matcher or at the development set (`name_pairs.tsv`), so its figures are the
//! honest estimate of precision and recall on names nobody tuned for. The floors sit a little
//! under the figures measured when the set was added; the README reports them.

use citegraph::names::{NameKey, NameMatcher, parse_name};

const PAIRS: &str = include_str!("data/name_pairs_holdout.tsv");

#[test]
fn held_out_precision_and_recall() {
    let m = NameMatcher::default();
    let (mut tp, mut fp, mut tn, mut fn_) = (0usize, 0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    for line in PAIRS
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
        "held-out pairs: {} (tp {tp}, fp {fp}, tn {tn}, fn {fn_})",
        tp + fp + tn + fn_
    );
    println!("precision {precision:.4}  recall {recall:.4}");
    for w in &wrong {
        println!("  {w}");
    }
    assert!(tp + fp + tn + fn_ >= 300);
    assert!(
        precision >= HELD_OUT_PRECISION_FLOOR,
        "precision {precision:.4}"
    );
    assert!(recall >= HELD_OUT_RECALL_FLOOR, "recall {recall:.4}");
}

// Measured when the set was added, blind: precision 0.9745, recall 0.9503 on 318 pairs. The
// matcher's developer was then told the *classes* of its errors (not the pairs) and fixed them
// by general rules: precision 1.0000, recall 0.9876 — optimistic, since the classes came from
// this set. A fresh held-out set is the next honest measurement.
const HELD_OUT_PRECISION_FLOOR: f64 = 0.99;
const HELD_OUT_RECALL_FLOOR: f64 = 0.97;
