//! End-to-end throughput: `analyze` on generated seed-style lists, and `parse_reference` alone.
//!
//! Run with `cargo bench --bench pipeline`. The README's performance table quotes these.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "../tests/common/generate.rs"]
mod generate;

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

    let seed = citegraph::SEED_ARTICLE;
    c.bench_function("analyze/seed-article", |b| {
        b.iter(|| citegraph::analyze(black_box(seed)).map(|a| a.metrics.references))
    });
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
