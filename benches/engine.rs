//! Benchmarks of the rule engine with the default rules.
//!
//! ```text
//! cargo bench --bench engine                          # everything
//! cargo bench --bench engine -- evaluate              # one group
//! cargo bench --bench engine --features rayon -- batch  # with the parallel batches
//! ```
//!
//! Groups:
//! - `evaluate`: an assessment from an inventory in memory (3, 12 and 100
//!   people); `validate`: the validation every evaluation runs first.
//! - `parse`, `parse_and_evaluate`: JSON text to inventory, and to
//!   assessment (a generated 12-person inventory, and the quickstart file).
//! - `bundled`: every bundled JSON inventory (`examples/data/`,
//!   `tests/cases/`) parsed and evaluated, one file per benchmark and all
//!   files in one.
//! - `cold`: `Engine::standard()` (compiled once per process, then shared),
//!   and what its first call in a process costs (read the embedded rules and
//!   compile them); `compile`: the default rule set, and a changed one
//!   (whose fingerprint is computed afresh).
//! - `batch`: 100,000 small generated inventories (0 to 4 people), as a
//!   kept batch, a streaming iterator and, with the `rayon` feature, on every
//!   core, kept and streaming. Criterion reports elements per second.
//!
//! Allocation counts and memory per assessment are measured by the
//! `allocations` bench, which counts rather than times.

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use interpersonal::{Engine, Inventory, RuleSet};

#[path = "support/inventories.rs"]
mod inventories;
use inventories::{bundled, inventory};

fn evaluate(c: &mut Criterion) {
    let engine = Engine::standard().unwrap();
    let mut group = c.benchmark_group("evaluate");
    for (people, events) in [(3, 2), (12, 6), (100, 20)] {
        let inv = inventory(7, people, events);
        // A valid inventory, so the benchmark measures an assessment, not a
        // refusal.
        assert_eq!(inv.validate(), Ok(()), "the benchmark inventory is valid");
        group.bench_with_input(BenchmarkId::new("people", people), &inv, |b, inv| {
            b.iter(|| engine.evaluate(black_box(inv)))
        });
    }
    group.finish();
    let inv = inventory(7, 12, 6);
    c.bench_function("validate/people/12", |b| {
        b.iter(|| black_box(&inv).validate())
    });
}

fn parse_and_evaluate(c: &mut Criterion) {
    let engine = Engine::standard().unwrap();
    let twelve = interpersonal::to_json(&inventory(7, 12, 6)).unwrap();
    c.bench_function("parse/people/12", |b| {
        b.iter(|| interpersonal::from_json::<Inventory>(black_box(&twelve)).unwrap())
    });
    c.bench_function("parse_and_evaluate/people/12", |b| {
        b.iter(|| {
            let inv: Inventory = interpersonal::from_json(black_box(&twelve)).unwrap();
            engine.evaluate(&inv)
        })
    });
    let json = include_str!("../examples/data/quickstart.json");
    c.bench_function("parse_and_evaluate/quickstart", |b| {
        b.iter(|| {
            let inv: Inventory = interpersonal::from_json(black_box(json)).unwrap();
            engine.evaluate(&inv)
        })
    });
    // A document with an error at its end: the cost of the error path (the
    // document is read twice, the second time keeping paths).
    let broken = twelve.replacen("\"relationship\":\"", "\"relationship\":\"x", 1);
    assert!(interpersonal::from_json::<Inventory>(&broken).is_err());
    c.bench_function("parse/people/12_with_error", |b| {
        b.iter(|| interpersonal::from_json::<Inventory>(black_box(&broken)).unwrap_err())
    });
}

fn bundled_files(c: &mut Criterion) {
    let engine = Engine::standard().unwrap();
    let files = bundled();
    let mut group = c.benchmark_group("bundled");
    group.throughput(Throughput::Elements(files.len() as u64));
    group.bench_function("all", |b| {
        b.iter(|| {
            for (_, text) in &files {
                let inv: Inventory = interpersonal::from_json(black_box(text)).unwrap();
                black_box(engine.evaluate(&inv));
            }
        })
    });
    group.throughput(Throughput::Elements(1));
    for (name, text) in &files {
        group.bench_with_input(BenchmarkId::new("file", name), text, |b, text| {
            b.iter(|| {
                let inv: Inventory = interpersonal::from_json(black_box(text)).unwrap();
                engine.evaluate(&inv)
            })
        });
    }
    group.finish();
}

fn cold(c: &mut Criterion) {
    c.bench_function("cold/standard", |b| b.iter(|| Engine::standard().unwrap()));
    c.bench_function("cold/first_standard", |b| {
        // Reading and compiling the default rules, as the first
        // `Engine::standard()` of a process does. The process's compiled
        // rules are already made, so compiling finds the fingerprint by
        // comparing the rules with them, where the first call takes the
        // known one: a little more work than the first call does. The
        // `allocations` bench times the first call in fresh processes.
        b.iter(|| Engine::compile(RuleSet::try_standard().unwrap()).unwrap())
    });
    // `Engine::compile` takes its rule set by value: each iteration's copy
    // is made in criterion's setup, and the engine made is dropped after
    // the batch, both outside the time measured. Until 2026-12-03 both were
    // timed too (in instructions, the copy was a fifth and the drop a tenth
    // of the iteration).
    let rules = RuleSet::standard();
    // The default rules: their fingerprint is the one already computed.
    c.bench_function("compile/default", |b| {
        b.iter_batched(
            || rules.clone(),
            |rules| Engine::compile(black_box(rules)).unwrap(),
            BatchSize::SmallInput,
        )
    });
    // A changed rule set: its fingerprint is computed.
    let mut changed = RuleSet::standard();
    changed.parameters.min_focus_score += 0.5;
    c.bench_function("compile/changed", |b| {
        b.iter_batched(
            || changed.clone(),
            |rules| Engine::compile(black_box(rules)).unwrap(),
            BatchSize::SmallInput,
        )
    });
    c.bench_function("compile/fingerprint", |b| {
        b.iter(|| black_box(&changed).fingerprint())
    });
}

fn batch(c: &mut Criterion) {
    let engine = Engine::standard().unwrap();
    let inventories: Vec<Inventory> = (0..100_000u64)
        .map(|seed| inventory(seed, (seed % 5) as usize, (seed % 3) as usize))
        .collect();
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(inventories.len() as u64));
    group.bench_function("100k/kept", |b| {
        b.iter(|| engine.evaluate_batch(black_box(&inventories)))
    });
    group.bench_function("100k/streaming", |b| {
        b.iter(|| {
            engine
                .evaluate_iter(black_box(&inventories))
                .filter(|a| a.focus.is_empty())
                .count()
        })
    });
    #[cfg(feature = "rayon")]
    {
        use std::sync::atomic::{AtomicUsize, Ordering};
        group.bench_function("100k/parallel_kept", |b| {
            b.iter(|| engine.par_evaluate_batch(black_box(&inventories)))
        });
        group.bench_function("100k/parallel_streaming", |b| {
            b.iter(|| {
                let none = AtomicUsize::new(0);
                engine.par_evaluate_each(black_box(&inventories), |_, a| {
                    if a.focus.is_empty() {
                        none.fetch_add(1, Ordering::Relaxed);
                    }
                });
                none.into_inner()
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    evaluate,
    parse_and_evaluate,
    bundled_files,
    cold,
    batch
);
criterion_main!(benches);
