//! Rule sets that compile.

use proptest::prelude::*;

use crate::RuleSet;
use crate::engine::MAX_RULE_WEIGHT;

/// A rule set that [`Engine::compile`](crate::Engine::compile) accepts: the
/// standard rules ([`RuleSet::standard`]) in a shuffled order, each weight
/// scaled by a factor from 0.25 to 4 (kept within [`MAX_RULE_WEIGHT`]), and a
/// patch version. What a rule says and when it fires stay the standard ones,
/// so the rule set stays clinically meaningful; the strategy exercises code
/// that must not depend on rule order or on particular weights.
///
/// ```
/// use interpersonal::{strategy, Engine};
/// use proptest::strategy::{Strategy, ValueTree};
///
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let rules = strategy::rule_set().new_tree(&mut runner).unwrap().current();
/// assert!(Engine::compile(rules).is_ok());
/// ```
pub fn rule_set() -> impl Strategy<Value = RuleSet> {
    let standard = RuleSet::standard();
    let n = standard.rules.len();
    (
        Just(standard.rules.clone()).prop_shuffle(),
        proptest::collection::vec(0.25f64..=4.0, n),
        0u32..100,
    )
        .prop_map(move |(rules, factors, patch)| {
            let mut set = standard.clone();
            set.rules = rules
                .into_iter()
                .zip(factors)
                .map(|(mut rule, factor)| {
                    rule.weight = (rule.weight * factor).clamp(f64::MIN_POSITIVE, MAX_RULE_WEIGHT);
                    rule
                })
                .collect();
            set.version = format!("{}-p{patch}", set.version);
            set
        })
}
