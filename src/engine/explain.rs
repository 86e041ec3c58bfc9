//! Conditions in words: the text of near misses and of the engine's
//! descriptions (DESIGN.md decision 6).
//!
//! Descriptions are deterministic: the same condition always reads the same,
//! built from the condition's own values (enum names with `_` read as spaces,
//! window lengths in months), never from patient text.

use std::collections::BTreeMap;

use super::condition::{Condition, EventCondition, PersonCondition};
use super::condition::{EventRead, PersonRead, RootRead};
use super::condition_tree::{Kind, Shape};
use super::fact_table::Asked;
use super::ruleset::{MAX_CONDITION_DEPTH_LIMIT, Window};

impl Condition {
    /// The condition in words, with window names resolved to their lengths
    /// from `windows` (an unknown name is shown as such).
    ///
    /// ```
    /// use interpersonal::{engine::Condition, RuleSet};
    ///
    /// let c: Condition = serde_json::from_str(
    ///     r#"{"some_event": {"all": [{"death": true}, {"within": "onset"}]}}"#,
    /// ).unwrap();
    /// assert_eq!(
    ///     c.describe(&RuleSet::standard().parameters.windows),
    ///     "some event: is a death, and dated from 6 months before to 3 months after onset",
    /// );
    /// ```
    pub fn describe(&self, windows: &BTreeMap<String, Window>) -> String {
        text(self, windows, false, 1)
    }
}

impl PersonCondition {
    /// The person condition in words; see [`Condition::describe`].
    ///
    /// ```
    /// use interpersonal::{inventory::ConflictLevel, engine::PersonCondition};
    /// let c = PersonCondition::ConflictLevelAtLeast(ConflictLevel::Moderate);
    /// assert_eq!(c.describe(&Default::default()), "conflict level is at least moderate");
    /// ```
    pub fn describe(&self, windows: &BTreeMap<String, Window>) -> String {
        text(self, windows, false, 1)
    }
}

impl EventCondition {
    /// The event condition in words; see [`Condition::describe`].
    ///
    /// ```
    /// use interpersonal::engine::EventCondition;
    /// assert_eq!(EventCondition::RoleChange(true).describe(&Default::default()), "changes a social role");
    /// ```
    pub fn describe(&self, windows: &BTreeMap<String, Window>) -> String {
        text(self, windows, false, 1)
    }
}

/// An enum value's snake_case name with spaces.
fn words<T: Into<&'static str>>(v: T) -> String {
    let s: &'static str = v.into();
    s.replace('_', " ")
}

/// Values' names in words: `a, b or c`.
fn name_list(names: &[&'static str]) -> String {
    let names: Vec<String> = names.iter().map(|&v| words(v)).collect();
    match names.as_slice() {
        [] => String::from("(nothing)"),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn window_text(name: &str, windows: &BTreeMap<String, Window>) -> String {
    match windows.get(name) {
        None => format!("within the unknown window `{name}`"),
        Some(w) => match (w.before_months, w.after_months) {
            (0, 0) => String::from("in the month of onset"),
            (b, 0) => format!("in the {b} months before onset"),
            (0, a) => format!("in the {a} months after onset"),
            (b, a) => format!("from {b} months before to {a} months after onset"),
        },
    }
}

fn group(parts: Vec<String>, any: bool, nested: bool) -> String {
    let joined = parts.join(if any { ", or " } else { ", and " });
    if nested && parts.len() > 1 {
        format!("({joined})")
    } else {
        joined
    }
}

/// A kind of condition in words: its facts and its parts of another kind
/// (`all`, `any` and `not` read the same for every kind, in [`text`]).
pub(crate) trait Words: Kind {
    /// The words of a node whose [`Kind::shape`] is a fact. `nested`: the
    /// node is a part of a group (a quantifier is then parenthesised);
    /// `depth`: the depth of its parts.
    fn fact_words(&self, w: &BTreeMap<String, Window>, nested: bool, depth: u32) -> String;
}

/// A condition of any kind in words.
pub(crate) fn text<K: Words>(
    c: &K,
    w: &BTreeMap<String, Window>,
    nested: bool,
    depth: u32,
) -> String {
    if depth > MAX_CONDITION_DEPTH_LIMIT {
        return String::from("(...)");
    }
    let d = depth + 1;
    match c.shape() {
        Shape::All(parts) => group(
            parts.iter().map(|p| text(p, w, true, d)).collect(),
            false,
            nested,
        ),
        Shape::Any(parts) => group(
            parts.iter().map(|p| text(p, w, true, d)).collect(),
            true,
            nested,
        ),
        Shape::Not(inner) => format!("not ({})", text(inner, w, false, d)),
        Shape::Fact => c.fact_words(w, nested, d),
    }
}

/// A part of another kind, after its quantifier's words.
fn part<K: Words>(
    lead: &str,
    inner: &K,
    w: &BTreeMap<String, Window>,
    nested: bool,
    d: u32,
) -> String {
    let t = format!("{lead}{}", text(inner, w, false, d));
    if nested { format!("({t})") } else { t }
}

fn yes_no(b: bool, yes: &str, no: &str) -> String {
    String::from(if b { yes } else { no })
}

impl Words for Condition {
    fn fact_words(&self, w: &BTreeMap<String, Window>, nested: bool, d: u32) -> String {
        match self.read() {
            RootRead::Group => text(self, w, nested, d - 1),
            RootRead::SomePerson(inner) => part("some person: ", inner, w, nested, d),
            RootRead::SomeEvent(inner) => part("some event: ", inner, w, nested, d),
            RootRead::Fact(fact, asked) => fact.words().say(asked, name_list),
            RootRead::ConfidantsAtMost(n) => format!("the patient has at most {n} confidants"),
            RootRead::OnsetKnown(b) => yes_no(b, "the onset is known", "the onset is not known"),
        }
    }
}

impl Words for PersonCondition {
    fn fact_words(&self, w: &BTreeMap<String, Window>, nested: bool, d: u32) -> String {
        match self.read() {
            PersonRead::Group => text(self, w, nested, d - 1),
            PersonRead::Fact(fact, asked) => fact.words().say(asked, name_list),
            PersonRead::DiedWithin(name) => format!("died {}", window_text(name, w)),
        }
    }
}

impl Words for EventCondition {
    fn fact_words(&self, w: &BTreeMap<String, Window>, nested: bool, d: u32) -> String {
        match self.read() {
            EventRead::Group => text(self, w, nested, d - 1),
            EventRead::Fact(fact, asked) => fact.words().say(asked, name_list),
            EventRead::KindWhere { yes, words, .. } => words.say(Asked::Is(yes), name_list),
            EventRead::Person(inner) => part("its person: ", inner, w, nested, d),
            EventRead::Within(name) => format!("dated {}", window_text(name, w)),
            EventRead::Linked(name) => format!(
                "linked to onset (the clinician links it, or its link is unknown and it is dated {})",
                window_text(name, w)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::inventory::{ConflictCourse, ConflictLevel, EventKind, GriefSign, PriorFunctioning};

    fn windows() -> BTreeMap<String, Window> {
        let mut w = BTreeMap::new();
        w.insert(String::from("onset"), Window::new(6, 3));
        w.insert(String::from("recent"), Window::new(24, 0));
        w
    }

    #[test]
    fn nested_groups_are_parenthesised() {
        let c = Condition::SomePerson(Box::new(PersonCondition::All(vec![
            PersonCondition::Significant(true),
            PersonCondition::Any(vec![
                PersonCondition::ConflictLevelAtLeast(ConflictLevel::Moderate),
                PersonCondition::ConflictCourseIn(vec![
                    ConflictCourse::Stalled,
                    ConflictCourse::Ending,
                ]),
            ]),
        ])));
        assert_eq!(
            c.describe(&windows()),
            "some person: is a significant other, and (conflict level is at least moderate, \
             or conflict course is stalled or ending)"
        );
    }

    #[test]
    fn very_deep_conditions_are_cut_short() {
        let mut c = Condition::OnsetKnown(true);
        for _ in 0..10_000 {
            c = Condition::Not(Box::new(c));
        }
        let text = c.describe(&windows());
        assert!(text.contains("(...)"));
        assert!(text.len() < 400);
        // Dropping a tree this deep does not recurse (condition_tree.rs).
        drop(c);
    }

    #[test]
    fn windows_and_lists_read_naturally() {
        let w = windows();
        assert_eq!(
            EventCondition::Within(String::from("recent")).describe(&w),
            "dated in the 24 months before onset"
        );
        assert_eq!(
            EventCondition::Within(String::from("nope")).describe(&w),
            "dated within the unknown window `nope`"
        );
        assert_eq!(
            EventCondition::KindIn(vec![
                EventKind::JobLoss,
                EventKind::Divorce,
                EventKind::Death
            ])
            .describe(&w),
            "kind is job loss, divorce or death"
        );
        assert_eq!(
            EventCondition::HasGriefSignIn(vec![GriefSign::AvoidedMourning]).describe(&w),
            "shows a complicated-grief sign: avoided mourning"
        );
        assert_eq!(
            Condition::PriorFunctioningIn(vec![PriorFunctioning::LifelongFewRelationships])
                .describe(&w),
            "prior functioning is lifelong few relationships"
        );
    }
}
