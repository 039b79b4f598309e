//! The sequence model alone: `SequenceModel::bundled().label` (tokenize, features, emissions,
//! Viterbi) on the mixed-style corpus `benches/pipeline.rs` parses, so the model's share of
//! `parse_reference` can be measured and tuned apart from the rule parser.
//!
//! Run with `cargo bench --bench model`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "../tests/common/generate.rs"]
mod generate;

fn model(c: &mut Criterion) {
    let mut rng = generate::Rng::new(13);
    let mixed: Vec<String> = (0..10_000)
        .map(|_| generate::mixed_reference(&mut rng))
        .collect();
    let model = citegraph::SequenceModel::bundled();
    let mut group = c.benchmark_group("model");
    group.throughput(Throughput::Elements(mixed.len() as u64));
    group.bench_function("label/mixed-style", |b| {
        b.iter(|| {
            mixed
                .iter()
                .map(|r| model.label(black_box(r)).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, model);
criterion_main!(benches);
