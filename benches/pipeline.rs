//! End-to-end throughput: `analyze` on generated seed-style lists, and `parse_reference` alone
//! on generated mixed-style references and (when `../shared/data` is present) on AnyStyle's
//! gold set.
//!
//! Run with `cargo bench --bench pipeline`. The README's performance table quotes these.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "../tests/common/generate.rs"]
mod generate;
#[allow(dead_code)]
#[path = "../examples/evaluate/gold.rs"]
mod gold;
#[allow(dead_code)]
#[path = "../examples/evaluate/xml.rs"]
mod xml;

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    for n in [1_000usize, 100_000] {
        let list = generate::numbered_list(n, 7);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &list, |b, list| {
            b.iter(|| citegraph::analyze(black_box(list)).map(|a| a.metrics.references))
        });
    }
    group.finish();

    let mut rng = generate::Rng::new(11);
    let refs: Vec<String> = (0..10_000).map(|_| generate::reference(&mut rng)).collect();
    let mut rng = generate::Rng::new(13);
    let mixed: Vec<String> = (0..10_000)
        .map(|_| generate::mixed_reference(&mut rng))
        .collect();
    let mut group = c.benchmark_group("parse_reference");
    group.throughput(Throughput::Elements(refs.len() as u64));
    group.bench_function("mixed-style", |b| {
        b.iter(|| {
            mixed
                .iter()
                .map(|r| citegraph::parse_reference(black_box(r)).0.authors.len())
                .sum::<usize>()
        })
    });
    // The model keeps per-thread caches of what it made of each word (see
    // `learned::lexicon`), which a benchmark repeating its corpus keeps warm. A fresh thread
    // per pass starts them empty: the throughput of a process meeting these references
    // for the first time.
    group.bench_function("mixed-style-cold", |b| {
        b.iter(|| {
            std::thread::scope(|s| {
                s.spawn(|| {
                    mixed
                        .iter()
                        .map(|r| citegraph::parse_reference(black_box(r)).0.authors.len())
                        .sum::<usize>()
                })
                .join()
                .unwrap_or(0)
            })
        })
    });
    group.bench_function("mixed-style-rules-only", |b| {
        b.iter(|| {
            mixed
                .iter()
                .map(|r| {
                    citegraph::parse_reference_rules(black_box(r))
                        .0
                        .authors
                        .len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("seed-style", |b| {
        b.iter(|| {
            refs.iter()
                .map(|r| citegraph::parse_reference(black_box(r)).0.authors.len())
                .sum::<usize>()
        })
    });
    group.finish();

    // Real references, longer and more varied than the generated ones: AnyStyle's gold set
    // (1,460 after the overlap with its training set is dropped), when ../shared is present.
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/anystyle");
    if let Ok(set) = gold::load_anystyle(&data) {
        let raw: Vec<&str> = set.records.iter().map(|r| r.raw.as_str()).collect();
        let mut group = c.benchmark_group("parse_reference-anystyle-gold");
        group.throughput(Throughput::Elements(raw.len() as u64));
        for (name, parser) in [
            ("hybrid", citegraph::Parser::Hybrid),
            ("rules-only", citegraph::Parser::Rules),
        ] {
            group.bench_function(name, |b| {
                b.iter(|| {
                    raw.iter()
                        .map(|r| parser.parse(black_box(r)).0.authors.len())
                        .sum::<usize>()
                })
            });
        }
        group.bench_function("hybrid-cold", |b| {
            b.iter(|| {
                std::thread::scope(|s| {
                    s.spawn(|| {
                        raw.iter()
                            .map(|r| citegraph::parse_reference(black_box(r)).0.authors.len())
                            .sum::<usize>()
                    })
                    .join()
                    .unwrap_or(0)
                })
            })
        });
        group.finish();
    }

    let seed = citegraph::SEED_ARTICLE;
    c.bench_function("analyze/seed-article", |b| {
        b.iter(|| citegraph::analyze(black_box(seed)).map(|a| a.metrics.references))
    });
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
