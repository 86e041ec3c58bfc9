//! Allocation counts and memory per assessment, counted with a counting
//! global allocator: numbers that do not depend on the load of the machine,
//! to compare changes by (the timing benches give the medians).
//!
//! ```text
//! cargo bench --bench allocations
//! ```
//!
//! Prints, for each operation, the allocations one call makes (after a
//! first call, which may fill caches such as the compiled default rules),
//! and the heap bytes one kept assessment holds, with its inline size, in
//! a batch of 100,000 small inventories and for the 12-person inventory.
//!
//! Instruction counts, which a loaded machine does not change either: with
//! `IPT_OP` set to one of the operations of [`run_op`], the bench runs that
//! operation `IPT_TIMES` times (default 1000) inside `hot_loop` and nothing
//! else, for callgrind:
//!
//! ```text
//! IPT_OP=parse_and_evaluate_12 valgrind --tool=callgrind \
//!     --toggle-collect='*hot_loop*' target/release/deps/allocations-*
//! ```
//!
//! and the total instructions divided by `IPT_TIMES` is one call's count.
//!
//! The first `Engine::standard()` of a process (reading, compiling and
//! fingerprinting the embedded rules) can only be measured in a fresh
//! process: `IPT_OP=process_first_standard` runs it once, first thing, for
//! callgrind, and the counting run also times it in 21 fresh processes
//! (this bench's binary run again) and prints the median. The criterion
//! benchmark `cold/first_standard` cannot reset the process's compiled
//! rules, so it times reading and compiling the default rules with the
//! fingerprint found by comparing them with the compiled ones.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, AtomicUsize, Ordering};

use interpersonal::{Engine, Inventory, RuleSet, engine::Assessment};

#[path = "support/inventories.rs"]
mod inventories;
use inventories::inventory;

/// Counts allocations and the bytes live on the heap.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counters are only read.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The allocations one call of `f` makes, after a first call.
fn allocations<T>(mut f: impl FnMut() -> T) -> usize {
    black_box(f());
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    black_box(f());
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

/// The heap bytes the values `f` makes hold, per value, plus their inline
/// size.
fn kept_bytes_per(n: usize, f: impl FnOnce() -> Vec<Assessment>) -> f64 {
    let before = LIVE.load(Ordering::Relaxed);
    let kept = f();
    let mut kept = kept;
    kept.shrink_to_fit();
    let after = LIVE.load(Ordering::Relaxed);
    let per = (after - before) as f64 / n as f64;
    drop(black_box(kept));
    per
}

/// One operation, `times` times, for callgrind to count.
#[inline(never)]
fn hot_loop(times: usize, mut op: impl FnMut()) {
    for _ in 0..times {
        op();
    }
}

/// Runs the operation named `op` under [`hot_loop`]; false when there is no
/// such operation.
fn run_op(op: &str, times: usize) -> bool {
    let engine = Engine::standard().unwrap();
    let twelve = inventory(7, 12, 6);
    let twelve_json = interpersonal::to_json(&twelve).unwrap();
    let rules = RuleSet::standard();
    let mut changed = RuleSet::standard();
    changed.parameters.min_focus_score += 0.5;
    match op {
        "evaluate_12" => hot_loop(times, || {
            black_box(engine.evaluate(black_box(&twelve)));
        }),
        "evaluate_small" => {
            // The batch benchmark's inventories, fifteen of them in turn.
            let small: Vec<Inventory> = (0..15u64)
                .map(|seed| inventory(seed, (seed % 5) as usize, (seed % 3) as usize))
                .collect();
            let mut next = small.iter().cycle();
            hot_loop(times, || {
                if let Some(inv) = next.next() {
                    black_box(engine.evaluate(black_box(inv)));
                }
            })
        }
        "validate_12" => hot_loop(times, || {
            let _ = black_box(black_box(&twelve).validate());
        }),
        "parse_12" => hot_loop(times, || {
            black_box(interpersonal::from_json::<Inventory>(black_box(&twelve_json)).unwrap());
        }),
        "parse_and_evaluate_12" => hot_loop(times, || {
            let inv = interpersonal::from_json::<Inventory>(black_box(&twelve_json)).unwrap();
            black_box(engine.evaluate(&inv));
        }),
        "standard" => hot_loop(times, || {
            black_box(Engine::standard().unwrap());
        }),
        "first_standard" => hot_loop(times, || {
            black_box(Engine::compile(RuleSet::try_standard().unwrap()).unwrap());
        }),
        "read_standard" => hot_loop(times, || {
            black_box(RuleSet::try_standard().unwrap());
        }),
        "compile_default" => hot_loop(times, || {
            black_box(Engine::compile(rules.clone()).unwrap());
        }),
        "compile_changed" => hot_loop(times, || {
            black_box(Engine::compile(changed.clone()).unwrap());
        }),
        "fingerprint" => hot_loop(times, || {
            black_box(black_box(&changed).fingerprint());
        }),
        _ => return false,
    }
    true
}

fn main() {
    // Criterion passes `--bench`; nothing here takes arguments.
    if let Ok(op) = std::env::var("IPT_OP") {
        if op == "process_first_standard" {
            hot_loop(1, || {
                black_box(Engine::standard().unwrap());
            });
            return;
        }
        if op == "time_first_standard" {
            let start = std::time::Instant::now();
            black_box(Engine::standard().unwrap());
            println!("{}", start.elapsed().as_nanos());
            return;
        }
        let times = std::env::var("IPT_TIMES")
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or(1000);
        assert!(run_op(&op, times), "no operation `{op}`");
        return;
    }
    let first = ALLOCATIONS.load(Ordering::Relaxed);
    let engine = Engine::standard().unwrap();
    let first_standard = ALLOCATIONS.load(Ordering::Relaxed) - first;
    let twelve = inventory(7, 12, 6);
    let twelve_json = interpersonal::to_json(&twelve).unwrap();
    let quickstart = include_str!("../examples/data/quickstart.json");
    let rules = RuleSet::standard();

    println!("operation | allocations per call");
    println!("--- | ---");
    println!("Engine::standard(), first call in the process | {first_standard}");
    println!(
        "Engine::standard(), later calls | {}",
        allocations(|| Engine::standard().unwrap())
    );
    println!(
        "Engine::ipsrt(), later calls | {}",
        allocations(|| Engine::ipsrt().unwrap())
    );
    println!(
        "Engine::compile(default rules) | {}",
        allocations(|| Engine::compile(rules.clone()).unwrap())
    );
    println!(
        "validate, 12 people | {}",
        allocations(|| twelve.validate())
    );
    println!(
        "evaluate, 12 people | {}",
        allocations(|| engine.evaluate(&twelve))
    );
    for (people, events) in [(0, 0), (3, 2), (100, 20)] {
        let inv = inventory(7, people, events);
        println!(
            "evaluate, {people} people | {}",
            allocations(|| engine.evaluate(&inv))
        );
    }
    println!(
        "parse JSON, 12 people | {}",
        allocations(|| interpersonal::from_json::<Inventory>(&twelve_json).unwrap())
    );
    println!(
        "parse and evaluate, 12 people | {}",
        allocations(
            || engine.evaluate(&interpersonal::from_json::<Inventory>(&twelve_json).unwrap())
        )
    );
    println!(
        "parse and evaluate, quickstart | {}",
        allocations(|| engine.evaluate(&interpersonal::from_json::<Inventory>(quickstart).unwrap()))
    );

    let n = 100_000usize;
    let small: Vec<Inventory> = (0..n as u64)
        .map(|seed| inventory(seed, (seed % 5) as usize, (seed % 3) as usize))
        .collect();
    let batch = kept_bytes_per(n, || engine.evaluate_batch(&small));
    let twelves = vec![twelve.clone(); 1000];
    let per_twelve = kept_bytes_per(1000, || engine.evaluate_batch(&twelves));
    println!();
    println!("kept assessment | bytes (heap and inline)");
    println!("--- | ---");
    {
        use interpersonal::engine::{AreaFinding, Evidence, MissingFact, NearMiss, Subject};
        use std::mem::size_of;
        println!("size_of::<Assessment>() | {}", size_of::<Assessment>());
        println!("size_of::<AreaFinding>() | {}", size_of::<AreaFinding>());
        println!("size_of::<Evidence>() | {}", size_of::<Evidence>());
        println!("size_of::<NearMiss>() | {}", size_of::<NearMiss>());
        println!("size_of::<MissingFact>() | {}", size_of::<MissingFact>());
        println!("size_of::<Subject>() | {}", size_of::<Subject>());
    }
    println!("one of 100,000 small inventories (0 to 4 people) | {batch:.0}");
    println!("12 people | {per_twelve:.0}");

    // The first `Engine::standard()` of a process, timed in fresh processes.
    let exe = std::env::current_exe().unwrap();
    let mut nanos: Vec<u128> = (0..21)
        .map(|_| {
            let out = std::process::Command::new(&exe)
                .env("IPT_OP", "time_first_standard")
                .output()
                .unwrap();
            String::from_utf8(out.stdout)
                .unwrap()
                .trim()
                .parse()
                .unwrap()
        })
        .collect();
    nanos.sort_unstable();
    println!();
    println!(
        "first Engine::standard() of a process, median of 21 processes | {:.1} µs",
        nanos[10] as f64 / 1000.0
    );
}
