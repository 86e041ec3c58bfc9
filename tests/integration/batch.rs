//! Batches (issue 11, point 3): the streaming iterator and, with the `rayon`
//! feature, the parallel batches give exactly the assessments of
//! `Engine::evaluate`, in order.

use interpersonal::{Engine, Inventory, from_json};
use proptest::prelude::*;

use crate::support::cases::CASES;
use interpersonal::strategy;

/// The clinical cases, each inventory several times, and an invalid one.
fn cases() -> Vec<Inventory> {
    let mut all: Vec<Inventory> = Vec::new();
    for _ in 0..3 {
        for (name, text) in CASES {
            all.push(from_json(text).unwrap_or_else(|e| panic!("{name}: {e}")));
        }
    }
    let mut invalid = all[0].clone();
    invalid.schema_version = 99;
    all.push(invalid);
    all
}

#[test]
fn the_streaming_batch_equals_the_kept_batch() {
    let engine = Engine::standard().unwrap();
    let all = cases();
    let streamed: Vec<_> = engine.evaluate_iter(&all).collect();
    assert_eq!(streamed, engine.evaluate_batch(&all));
    // Any iterator of inventories will do, e.g. a filtered one.
    let every_other: Vec<_> = engine.evaluate_iter(all.iter().step_by(2)).collect();
    assert_eq!(every_other.len(), all.len().div_ceil(2));
    assert_eq!(every_other[1], engine.evaluate(&all[2]));
}

#[cfg(feature = "rayon")]
#[test]
fn the_parallel_batch_equals_the_serial_one_byte_for_byte() {
    let engine = Engine::standard().unwrap();
    let all = cases();
    let serial = engine.evaluate_batch(&all);
    let parallel = engine.par_evaluate_batch(&all);
    assert_eq!(parallel, serial);
    let json = |a: &[interpersonal::Assessment]| {
        a.iter()
            .map(|a| interpersonal::to_json(a).unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(json(&parallel), json(&serial));
}

#[cfg(feature = "rayon")]
#[test]
fn the_parallel_streaming_batch_hands_each_assessment_once_with_its_index() {
    use std::sync::Mutex;
    let engine = Engine::standard().unwrap();
    let all = cases();
    let seen = Mutex::new(vec![None; all.len()]);
    engine.par_evaluate_each(&all, |i, a| {
        let mut seen = seen.lock().unwrap();
        assert!(seen[i].is_none(), "index {i} handed twice");
        seen[i] = Some(a);
    });
    let seen: Vec<_> = seen
        .into_inner()
        .unwrap()
        .into_iter()
        .map(Option::unwrap)
        .collect();
    assert_eq!(seen, engine.evaluate_batch(&all));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn batches_agree_on_generated_inventories(
        invs in proptest::collection::vec(strategy::inventory(), 0..24)
    ) {
        let engine = Engine::standard().unwrap();
        let serial = engine.evaluate_batch(&invs);
        let streamed: Vec<_> = engine.evaluate_iter(&invs).collect();
        prop_assert_eq!(&streamed, &serial);
        #[cfg(feature = "rayon")]
        prop_assert_eq!(&engine.par_evaluate_batch(&invs), &serial);
    }
}
