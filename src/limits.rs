//! Input limits: how large an inventory or a rule set may be.
//!
//! Evaluating and reporting take time and memory in proportion to the
//! input, so the size of the input is the whole of the cost. [`Limits`]
//! bounds it: [`Inventory::validate`](crate::Inventory::validate) and
//! [`Engine::compile`](crate::Engine::compile) refuse input beyond the
//! defaults, each excess at its JSON path, and a caller that wants less
//! (a service taking documents from the network) lowers them with
//! [`Inventory::validate_with`](crate::Inventory::validate_with) and
//! [`Engine::compile_with`](crate::Engine::compile_with). The JSON reader
//! bounds nesting separately ([`MAX_JSON_DEPTH`](crate::error::MAX_JSON_DEPTH)).

use crate::engine::MAX_CONDITION_DEPTH_LIMIT;

/// The largest input the crate accepts, and the lower bounds a caller may
/// set.
///
/// The defaults are ceilings: far above any one patient's inventory (the
/// IPT inventory lists the important people of one life, CLINICAL-BASIS.md §3),
/// and low enough that evaluating and reporting an inventory at the limit
/// takes well under a second. A builder method lowers one limit; asking for
/// more than the default keeps the default.
///
/// | limit | default | checked at |
/// | --- | --- | --- |
/// | [`people`](Limits::people) | 100 000 | `$.people` |
/// | [`events`](Limits::events) | 100 000 | `$.events` |
/// | [`text_chars`](Limits::text_chars) | 10 000 characters | each patient text: `$.people[i].label`, `.notes`, … |
/// | [`rules`](Limits::rules) | 1 000 | `$.rules` |
/// | [`condition_depth`](Limits::condition_depth) | [`MAX_CONDITION_DEPTH_LIMIT`] | `$.rules[i].when…` |
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::inventory::{Inventory, Person, RelationshipKind};
/// use interpersonal::limits::Limits;
///
/// let mut inventory = Inventory::builder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap())
///     .person(Person::builder("a", "Ana", RelationshipKind::Friend))
///     .person(Person::builder("b", "Bo", RelationshipKind::Friend))
///     .build()?;
/// assert_eq!(inventory.validate(), Ok(()));
///
/// let small = Limits::default().people(1).text_chars(2);
/// let problems = inventory.validate_with(&small).unwrap_err();
/// let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
/// assert_eq!(shown, [
///     "$.people: expected at most 1 people; found 2",
///     "$.people[0].label: expected a text of at most 2 characters; found 3",
/// ]);
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// The most people an inventory may list.
    pub people: usize,
    /// The most life events an inventory may list.
    pub events: usize,
    /// The most characters (Unicode scalar values) in one patient text: a
    /// label, a note, an item of a list.
    pub text_chars: usize,
    /// The most rules a rule set may hold.
    pub rules: usize,
    /// The deepest a rule's condition may nest; a rule set's own
    /// `max_depth` applies too, and the lower of the two wins.
    pub condition_depth: u32,
}

impl Limits {
    /// The defaults, which are also the most a caller may ask for.
    ///
    /// ```
    /// use interpersonal::limits::Limits;
    /// assert_eq!(Limits::MAX.people, 100_000);
    /// assert_eq!(Limits::MAX, Limits::default());
    /// ```
    pub const MAX: Limits = Limits {
        people: 100_000,
        events: 100_000,
        text_chars: 10_000,
        rules: 1_000,
        condition_depth: MAX_CONDITION_DEPTH_LIMIT,
    };

    /// At most `n` people (at most the default).
    ///
    /// ```
    /// use interpersonal::limits::Limits;
    /// assert_eq!(Limits::default().people(50).people, 50);
    /// assert_eq!(Limits::default().people(usize::MAX).people, Limits::MAX.people);
    /// ```
    #[must_use]
    pub fn people(mut self, n: usize) -> Self {
        self.people = n.min(Limits::MAX.people);
        self
    }

    /// At most `n` life events (at most the default).
    ///
    /// ```
    /// use interpersonal::limits::Limits;
    /// assert_eq!(Limits::default().events(200).events, 200);
    /// ```
    #[must_use]
    pub fn events(mut self, n: usize) -> Self {
        self.events = n.min(Limits::MAX.events);
        self
    }

    /// At most `n` characters in one patient text (at most the default).
    ///
    /// ```
    /// use interpersonal::limits::Limits;
    /// assert_eq!(Limits::default().text_chars(500).text_chars, 500);
    /// ```
    #[must_use]
    pub fn text_chars(mut self, n: usize) -> Self {
        self.text_chars = n.min(Limits::MAX.text_chars);
        self
    }

    /// At most `n` rules in a rule set (at most the default).
    ///
    /// ```
    /// use interpersonal::limits::Limits;
    /// assert_eq!(Limits::default().rules(100).rules, 100);
    /// ```
    #[must_use]
    pub fn rules(mut self, n: usize) -> Self {
        self.rules = n.min(Limits::MAX.rules);
        self
    }

    /// Conditions nested at most `n` deep (at most the default).
    ///
    /// ```
    /// use interpersonal::limits::Limits;
    /// assert_eq!(Limits::default().condition_depth(8).condition_depth, 8);
    /// ```
    #[must_use]
    pub fn condition_depth(mut self, n: u32) -> Self {
        self.condition_depth = n.min(Limits::MAX.condition_depth);
        self
    }
}

impl Default for Limits {
    /// [`Limits::MAX`].
    fn default() -> Self {
        Limits::MAX
    }
}

/// Reading lists no longer than the limits: a document listing more people,
/// events or rules than [`Limits::MAX`] allows is refused while it is read,
/// at the list's path, without building the items past the limit.
pub(crate) mod read {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::Deserializer;
    use serde::de::{Deserialize, SeqAccess, Visitor};

    use super::Limits;

    /// A list of at most `max` items; `what` names them in the message.
    fn bounded<'de, D, T>(
        deserializer: D,
        max: usize,
        what: &'static str,
    ) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        struct Bounded<T> {
            max: usize,
            what: &'static str,
            item: PhantomData<T>,
        }
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Bounded<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // As serde says for any list, so errors read as before.
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                let hint = seq.size_hint().unwrap_or(0).min(self.max).min(4096);
                let mut items = Vec::with_capacity(hint);
                while items.len() < self.max {
                    match seq.next_element()? {
                        Some(item) => items.push(item),
                        None => return Ok(items),
                    }
                }
                // At the limit: one more item, of any shape, is one too many,
                // and it is not built.
                match seq.next_element::<serde::de::IgnoredAny>()? {
                    None => Ok(items),
                    Some(_) => Err(serde::de::Error::custom(format_args!(
                        "expected at most {} {}; found more",
                        self.max, self.what
                    ))),
                }
            }
        }
        deserializer.deserialize_seq(Bounded {
            max,
            what,
            item: PhantomData,
        })
    }

    /// At most [`Limits::people`] people.
    pub(crate) fn people<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        bounded(deserializer, Limits::MAX.people, "people")
    }

    /// At most [`Limits::events`] events.
    pub(crate) fn events<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        bounded(deserializer, Limits::MAX.events, "events")
    }

    /// At most [`Limits::events`] upcoming events (the inventory's
    /// `upcoming`, held to the same limit as its events).
    pub(crate) fn upcoming<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        bounded(deserializer, Limits::MAX.events, "upcoming events")
    }

    /// At most [`Limits::rules`] rules.
    pub(crate) fn rules<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        bounded(deserializer, Limits::MAX.rules, "rules")
    }
}
