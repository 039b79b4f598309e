//! Name matching: pair decisions and scores on realistic names, one against many, and
//! clustering 10k, 100k and 1M generated mentions; `strsim` and the `rapidfuzz` crate on the
//! same keys side by side.
//!
//! Run with `cargo bench --bench names`. The README's performance table quotes these; the
//! comparison with RapidFuzz for Python is `scripts/compare_rapidfuzz.py`.

use std::hint::black_box;

use citegraph::names::{NameKey, NameMatcher, cluster_names, parse_name};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rapidfuzz::distance::jaro_winkler;

#[path = "../tests/common/names.rs"]
mod names_gen;

fn keys(n: usize, seed: u64) -> Vec<NameKey> {
    let (printed, _) = names_gen::mentions(n, seed);
    printed
        .iter()
        .filter_map(|p| parse_name(p))
        .map(|n| NameKey::new(&n))
        .collect()
}

fn pairs(c: &mut Criterion) {
    let keys = keys(1_000, 1);
    let strings: Vec<String> = keys.iter().map(|k| k.skeleton.clone()).collect();
    let m = NameMatcher::default();
    let n = (keys.len() * keys.len()) as u64;
    let mut group = c.benchmark_group("pairs-1000x1000");
    group.throughput(Throughput::Elements(n));
    group.bench_function("citegraph-is_same", |b| {
        b.iter(|| {
            keys.iter()
                .map(|a| keys.iter().filter(|k| m.is_same(a, k)).count())
                .sum::<usize>()
        })
    });
    group.bench_function("citegraph-score_at_least-0.9", |b| {
        b.iter(|| {
            keys.iter()
                .map(|a| {
                    keys.iter()
                        .filter(|k| m.score_at_least(a, k, 0.9).is_some())
                        .count()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("citegraph-compare-explained", |b| {
        b.iter(|| {
            keys.iter()
                .map(|a| keys.iter().filter(|k| m.compare(a, k).same).count())
                .sum::<usize>()
        })
    });
    group.bench_function("strsim-jaro_winkler", |b| {
        b.iter(|| {
            strings
                .iter()
                .map(|a| {
                    strings
                        .iter()
                        .filter(|s| strsim::jaro_winkler(a, s) >= 0.9)
                        .count()
                })
                .sum::<usize>()
        })
    });
    let cutoff = jaro_winkler::Args::default().score_cutoff(0.9);
    group.bench_function("rapidfuzz-crate-batch-jaro_winkler", |b| {
        b.iter(|| {
            strings
                .iter()
                .map(|a| {
                    let batch = jaro_winkler::BatchComparator::new(a.chars());
                    strings
                        .iter()
                        .filter(|s| {
                            batch
                                .normalized_similarity_with_args(s.chars(), &cutoff)
                                .is_some()
                        })
                        .count()
                })
                .sum::<usize>()
        })
    });
    group.finish();

    let many = self::keys(100_000, 2);
    let query = NameKey::new(&parse_name("Streltsov D.V.").expect("name"));
    let mut group = c.benchmark_group("one-vs-many");
    group.throughput(Throughput::Elements(many.len() as u64));
    group.bench_function("find_same-100k", |b| {
        b.iter(|| m.find_same(black_box(&query), &many).len())
    });
    group.finish();
}

fn clustering(c: &mut Criterion) {
    let m = NameMatcher::default();
    let mut group = c.benchmark_group("cluster_names");
    group.sample_size(10);
    for n in [10_000usize, 100_000, 1_000_000] {
        let (printed, _) = names_gen::mentions(n, 3);
        let names: Vec<_> = printed.iter().filter_map(|p| parse_name(p)).collect();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &names, |b, names| {
            b.iter(|| cluster_names(black_box(names), &m).clusters.len())
        });
    }
    group.finish();
}

criterion_group!(benches, pairs, clustering);
criterion_main!(benches);
