//! Name-matching speed in one process: citegraph's matcher beside `strsim::jaro_winkler` and
//! the `rapidfuzz` crate's Jaro-Winkler batch comparator, on the same generated names.
//!
//! `cargo run --release --example name_speed -- [N] [THRESHOLD]` scores all N × N pairs of N
//! generated mentions (default 2,000 and 0.9) and prints `rate<TAB>comparator<TAB>pairs/s`
//! lines. It also writes the names and the folded keys the string comparators see to
//! `target/name_speed/`, so `scripts/compare_rapidfuzz.py` can score the same keys with
//! RapidFuzz for Python (`process.cdist`) and print the ratios.

use std::time::Instant;

use citegraph::names::{NameKey, NameMatcher, parse_name};
use rapidfuzz::distance::jaro_winkler;

#[path = "../tests/common/names.rs"]
mod names_gen;

fn key_string(key: &NameKey) -> String {
    let initials: String = key
        .initials
        .iter()
        .map(|i| i.to_string().replace('.', ""))
        .collect::<Vec<_>>()
        .join("");
    format!("{} {initials}", key.skeleton)
}

fn report(name: &str, pairs: usize, seconds: f64, hits: usize) {
    let rate = pairs as f64 / seconds;
    println!("rate\t{name}\t{rate:.0}");
    eprintln!("{name:<58} {rate:>14.0} pairs/s  ({hits} pairs accepted)");
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000);
    let threshold: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0.9);
    let (printed, _) = names_gen::mentions(n, 42);
    let names: Vec<_> = printed.iter().filter_map(|p| parse_name(p)).collect();
    let keys: Vec<NameKey> = names.iter().map(NameKey::new).collect();
    let strings: Vec<String> = keys.iter().map(key_string).collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/name_speed");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("names.txt"), printed.join("\n") + "\n")?;
    std::fs::write(dir.join("keys.txt"), strings.join("\n") + "\n")?;
    let pairs = keys.len() * keys.len();
    eprintln!("{} names, {pairs} pairs, threshold {threshold}", keys.len());
    let matcher = NameMatcher::default();

    let t = Instant::now();
    let hits = keys
        .iter()
        .map(|a| keys.iter().filter(|b| matcher.is_same(a, b)).count())
        .sum();
    report(
        "citegraph NameMatcher::is_same (decision)",
        pairs,
        t.elapsed().as_secs_f64(),
        hits,
    );

    let t = Instant::now();
    let hits = keys
        .iter()
        .map(|a| {
            keys.iter()
                .filter(|b| matcher.score_at_least(a, b, threshold).is_some())
                .count()
        })
        .sum();
    report(
        "citegraph NameMatcher::score_at_least (score >= threshold)",
        pairs,
        t.elapsed().as_secs_f64(),
        hits,
    );

    let t = Instant::now();
    let hits = strings
        .iter()
        .map(|a| {
            strings
                .iter()
                .filter(|b| strsim::jaro_winkler(a, b) >= threshold)
                .count()
        })
        .sum();
    report(
        "strsim::jaro_winkler",
        pairs,
        t.elapsed().as_secs_f64(),
        hits,
    );

    let t = Instant::now();
    let cutoff = jaro_winkler::Args::default().score_cutoff(threshold);
    let hits = strings
        .iter()
        .map(|a| {
            let batch = jaro_winkler::BatchComparator::new(a.chars());
            strings
                .iter()
                .filter(|b| {
                    batch
                        .normalized_similarity_with_args(b.chars(), &cutoff)
                        .is_some()
                })
                .count()
        })
        .sum();
    report(
        "rapidfuzz (Rust crate) jaro_winkler::BatchComparator",
        pairs,
        t.elapsed().as_secs_f64(),
        hits,
    );
    Ok(())
}
