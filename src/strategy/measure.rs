//! Answers to the forms the crate scores.

use proptest::prelude::*;
use proptest::sample::select;

use crate::measure::{Difficulty, InstrumentItem, ItemAnswers};

/// An answer to the difficulty question, or none.
///
/// ```
/// use proptest::strategy::{Strategy, ValueTree};
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let _ = interpersonal::strategy::difficulty().new_tree(&mut runner).unwrap().current();
/// ```
pub fn difficulty() -> impl Strategy<Value = Option<Difficulty>> {
    proptest::option::of(select(Difficulty::ALL.to_vec()))
}

/// A fully answered form of any instrument (`Phq9Answers`, `Gad7Answers`,
/// `Hamd17Ratings`, `AsrmAnswers`), every item within its range, in either
/// JSON shape, with the difficulty question answered or not where the form
/// asks it. Scoring with the default options never fails on it.
///
/// ```
/// use interpersonal::{measure::Phq9Item, measure::ScoringOptions, strategy, Phq9Score};
/// use proptest::strategy::{Strategy, ValueTree};
///
/// let mut runner = proptest::test_runner::TestRunner::deterministic();
/// let answers = strategy::answers::<Phq9Item>().new_tree(&mut runner).unwrap().current();
/// assert!(Phq9Score::from_answers(&answers, &ScoringOptions::default()).is_ok());
/// ```
pub fn answers<I: InstrumentItem + 'static>() -> impl Strategy<Value = ItemAnswers<I>> {
    let scores: Vec<_> = I::ALL.iter().map(|item| 0..=item.max_score()).collect();
    (scores, any::<bool>(), difficulty()).prop_map(|(scores, by_name, difficulty)| {
        let mut answers = if by_name {
            I::ALL
                .iter()
                .zip(&scores)
                .fold(ItemAnswers::<I>::new(), |a, (&item, &score)| {
                    a.with(item, score)
                })
        } else {
            ItemAnswers::<I>::from_scores(scores)
        };
        if I::INSTRUMENT.asks_difficulty() {
            answers.set_difficulty(difficulty);
        }
        answers
    })
}
