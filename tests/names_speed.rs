//! Speed of the names library on generated data. Ignored by default; run with
//! `cargo test --release --test names_speed -- --ignored --nocapture`.

use std::time::Instant;

use citegraph::PersonName;
use citegraph::names::{NameKey, NameMatcher, cluster_names};

const SYLLABLES: &[&str] = &[
    "ba", "ko", "va", "le", "stre", "ne", "mi", "ro", "pa", "no", "di", "ska", "ze", "lo", "ma",
    "ti", "ga", "ra", "sho", "che", "ku", "bro", "wn", "son", "ber", "ger", "man", "tsov", "kin",
    "ov", "ev", "in", "sky", "ya", "yu", "zh", "kh", "li", "wa", "ng",
];

#[path = "common/generate.rs"]
mod generate;
use generate::Rng;

/// `n` mentions over about `n / 10` surnames with Zipf-like frequencies, random initials, and
/// one mention in fifty carrying a one-letter typo.
pub fn generate(n: usize, seed: u64) -> Vec<PersonName> {
    let mut rng = Rng::new(seed);
    let surnames: Vec<String> = (0..(n / 10).max(10))
        .map(|_| {
            let k = 2 + rng.below(3);
            let mut s: String = (0..k)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if let Some(c) = s.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            s
        })
        .collect();
    (0..n)
        .map(|_| {
            // Zipf-like: square a uniform draw to favour the first surnames.
            let u = (rng.next() % 1_000_000) as f64 / 1_000_000.0;
            let idx = ((u * u) * surnames.len() as f64) as usize;
            let mut family = surnames[idx.min(surnames.len() - 1)].clone();
            if rng.below(50) == 0 && family.len() > 3 {
                let p = 1 + rng.below(family.len() - 1);
                family.remove(p);
            }
            let letters = b"ABDEGIJKLMNOPRSTV";
            let k = 1 + rng.below(2);
            let initials: String = (0..k)
                .map(|_| format!("{}.", letters[rng.below(letters.len())] as char))
                .collect();
            PersonName::new(family, initials)
        })
        .collect()
}

#[test]
#[ignore]
fn pair_decisions_per_second() {
    let names = generate(2_000, 7);
    let keys: Vec<NameKey> = names.iter().map(NameKey::new).collect();
    let m = NameMatcher::default();
    let start = Instant::now();
    let mut same = 0usize;
    for a in &keys {
        for b in &keys {
            same += usize::from(m.is_same(a, b));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pairs = (keys.len() * keys.len()) as f64;
    println!("is_same: {:.1} M pairs/s ({same} same)", pairs / secs / 1e6);
    let start = Instant::now();
    let mut total = 0.0;
    for a in &keys {
        for b in &keys {
            total += m.compare(a, b).score;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "compare (with score): {:.1} M pairs/s ({total:.0})",
        pairs / secs / 1e6
    );
    let start = Instant::now();
    let mut hits = 0usize;
    for a in &keys {
        for b in &keys {
            hits += usize::from(m.score_at_least(a, b, 0.9).is_some());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "score_at_least(0.9): {:.1} M pairs/s ({hits} hits)",
        pairs / secs / 1e6
    );
}

#[test]
#[ignore]
fn pair_decisions_on_labelled_names() {
    let text = include_str!("data/name_pairs.tsv");
    let keys: Vec<NameKey> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.split('\t').skip(1).take(2))
        .filter_map(citegraph::names::parse_name)
        .map(|n| NameKey::new(&n))
        .collect();
    let m = NameMatcher::default();
    let start = Instant::now();
    let mut same = 0usize;
    for a in &keys {
        for b in &keys {
            same += usize::from(m.is_same(a, b));
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let pairs = (keys.len() * keys.len()) as f64;
    println!(
        "labelled names ({} keys, all pairs): is_same {:.1} M pairs/s ({same} same)",
        keys.len(),
        pairs / secs / 1e6
    );
    let start = Instant::now();
    let mut total = 0.0;
    for a in &keys {
        for b in &keys {
            total += m.compare(a, b).score;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "labelled names: compare with score {:.1} M pairs/s ({total:.0})",
        pairs / secs / 1e6
    );
}

#[test]
#[ignore]
fn clustering_time() {
    for n in [10_000usize, 100_000, 1_000_000] {
        let names = generate(n, 11);
        let start = Instant::now();
        let c = cluster_names(&names, &NameMatcher::default());
        let secs = start.elapsed().as_secs_f64();
        println!(
            "cluster_names: {n} mentions -> {} clusters in {secs:.3} s",
            c.clusters.len()
        );
    }
}

/// Full East Asian names in either order, where both words are often known family names
/// ("Wang Li"): every such mention is read both ways, which must not make clustering quadratic.
#[test]
#[ignore]
fn clustering_full_names() {
    const FAMILY: &[&str] = &[
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
        "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Gao", "Luo",
    ];
    const SYLL: &[&str] = &[
        "wei", "li", "na", "jing", "min", "jun", "yan", "hui", "ming", "hong", "xiao", "lei",
        "fang", "ping", "yu", "tao", "bin", "hua", "qiang", "yong",
    ];
    for n in [100_000usize, 1_000_000] {
        let mut rng = Rng::new(n as u64);
        let texts: Vec<String> = (0..n)
            .map(|_| {
                let f = FAMILY[rng.below(FAMILY.len())];
                let mut g = SYLL[rng.below(SYLL.len())].to_string();
                if rng.below(2) == 0 {
                    g.push_str(SYLL[rng.below(SYLL.len())]);
                }
                let g = format!("{}{}", g[..1].to_uppercase(), &g[1..]);
                if rng.below(2) == 0 {
                    format!("{f} {g}")
                } else {
                    format!("{g} {f}")
                }
            })
            .collect();
        let start = Instant::now();
        let names: Vec<PersonName> = texts
            .iter()
            .filter_map(|t| citegraph::names::parse_name(t))
            .collect();
        let parsed = start.elapsed().as_secs_f64();
        let start = Instant::now();
        let c = cluster_names(&names, &NameMatcher::default());
        println!(
            "full names: {n} parsed in {parsed:.3} s, clustered into {} in {:.3} s",
            c.clusters.len(),
            start.elapsed().as_secs_f64()
        );
    }
}
