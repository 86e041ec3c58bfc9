//! The item answers of one completed form, before scoring.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{AsrmItem, Difficulty, Gad7Item, Hamd17Item, InstrumentItem, Phq9Item};
use crate::error::JsonPath;

/// How the answers were written: the JSON shape they came in and go out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    Array,
    Map,
}

/// The item answers of one completed form of an instrument, as given: nothing
/// is checked until it is scored ([`InstrumentScore::from_answers`]), which
/// reports every problem at once.
///
/// Two JSON shapes, kept as given when written back:
///
/// - an array in the instrument's order, `null` for an unanswered item:
///   `{"items": [1, 2, 0, 1, 3, 0, 1, 0, null]}`; a problem is reported at
///   `$.items[8]`;
/// - an object from item name to score, an absent or `null` item unanswered:
///   `{"items": {"little_interest": 1, "feeling_down": 2}}`; a problem is
///   reported at `$.items.self_harm_thoughts`.
///
/// The PHQ-9 and the GAD-7 end with an unscored question, how difficult the
/// problems have made life ([`Difficulty`]): the optional field
/// `"difficulty": "somewhat_difficult"`, written only when answered. It never
/// counts in the total; an instrument without the question (HAM-D-17, ASRM)
/// refuses it when scored, at `$.difficulty`.
///
/// Scores are whole numbers from 0 to 255 in JSON (anything else is a JSON
/// error); whether each is within its item's range is checked when scoring.
/// An unknown item name or an item named twice is a JSON error. Paths are
/// relative to the answers object. The shape is part of the value: the same
/// scores given as an array and as an object are not equal answers, though
/// they score the same.
///
/// [`InstrumentScore::from_answers`]: crate::measure::InstrumentScore::from_answers
///
/// ```
/// use interpersonal::{from_json, measure::Phq9Answers, measure::Phq9Item};
///
/// let by_order: Phq9Answers = from_json(r#"{"items": [1, 2, 0, 1, 3, 0, 1, 0, 0]}"#)?;
/// let by_name: Phq9Answers = from_json(r#"{"items": {"feeling_down": 2, "tired": 1}}"#)?;
/// assert_eq!(by_order.get(Phq9Item::Appetite), Some(3));
/// assert_eq!(by_name.get(Phq9Item::FeelingDown), Some(2));
/// assert_eq!(by_name.get(Phq9Item::Sleep), None);
/// assert_eq!(serde_json::to_string(&by_name).unwrap(), r#"{"items":{"feeling_down":2,"tired":1}}"#);
/// # Ok::<(), interpersonal::JsonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ItemAnswers<I> {
    scores: Vec<Option<u8>>,
    shape: Shape,
    difficulty: Option<Difficulty>,
    item: PhantomData<fn() -> I>,
}

/// The answers to a PHQ-9 form: see [`ItemAnswers`].
///
/// ```
/// use interpersonal::{measure::Phq9Answers, measure::Phq9Item};
/// let answers = Phq9Answers::from_scores([0, 1, 2, 3, 0, 1, 2, 3, 0]);
/// assert_eq!(answers.get(Phq9Item::Tired), Some(3));
/// ```
pub type Phq9Answers = ItemAnswers<Phq9Item>;

/// The answers to a GAD-7 form: see [`ItemAnswers`].
///
/// ```
/// use interpersonal::{measure::Gad7Answers, measure::Gad7Item};
/// let answers = Gad7Answers::new().with(Gad7Item::Restless, 2);
/// assert_eq!(answers.get(Gad7Item::Restless), Some(2));
/// ```
pub type Gad7Answers = ItemAnswers<Gad7Item>;

/// The clinician's ratings of a HAM-D-17: see [`ItemAnswers`].
///
/// ```
/// use interpersonal::{measure::Hamd17Item, measure::Hamd17Ratings};
/// let ratings = Hamd17Ratings::new().with(Hamd17Item::DepressedMood, 3);
/// assert_eq!(ratings.get(Hamd17Item::DepressedMood), Some(3));
/// ```
pub type Hamd17Ratings = ItemAnswers<Hamd17Item>;

/// The answers to an Altman Self-Rating Mania Scale: see [`ItemAnswers`].
///
/// ```
/// use interpersonal::{measure::AsrmAnswers, measure::AsrmItem};
/// let answers = AsrmAnswers::new().with(AsrmItem::Sleep, 3);
/// assert_eq!(answers.get(AsrmItem::Sleep), Some(3));
/// ```
pub type AsrmAnswers = ItemAnswers<AsrmItem>;

impl<I: InstrumentItem> ItemAnswers<I> {
    /// No item answered yet, written as an object from item name to score.
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Answers, measure::Phq9Item};
    /// assert_eq!(Phq9Answers::new().get(Phq9Item::Sleep), None);
    /// ```
    pub fn new() -> Self {
        ItemAnswers {
            scores: vec![None; I::ALL.len()],
            shape: Shape::Map,
            difficulty: None,
            item: PhantomData,
        }
    }

    /// Answers from scores in the instrument's order, written as an array. Too
    /// few leaves the rest unanswered; too many, or a score out of range, is
    /// reported when scoring.
    ///
    /// ```
    /// use interpersonal::{measure::Gad7Answers, measure::Gad7Item};
    /// let answers = Gad7Answers::from_scores([1, 1, 1, 1, 1, 1, 1]);
    /// assert_eq!(answers.get(Gad7Item::FeelingAfraid), Some(1));
    /// ```
    pub fn from_scores(scores: impl IntoIterator<Item = u8>) -> Self {
        Self::from_optional_scores(scores.into_iter().map(Some))
    }

    /// Answers from scores in the instrument's order, `None` where an item was
    /// not answered, written as an array.
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Answers, measure::Phq9Item};
    /// let answers = Phq9Answers::from_optional_scores([Some(1), None]);
    /// assert_eq!(answers.get(Phq9Item::LittleInterest), Some(1));
    /// assert_eq!(answers.get(Phq9Item::FeelingDown), None);
    /// ```
    pub fn from_optional_scores(scores: impl IntoIterator<Item = Option<u8>>) -> Self {
        ItemAnswers {
            scores: scores.into_iter().collect(),
            shape: Shape::Array,
            difficulty: None,
            item: PhantomData,
        }
    }

    /// These answers with `item` answered `score`.
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Answers, measure::Phq9Item};
    /// let answers = Phq9Answers::new()
    ///     .with(Phq9Item::LittleInterest, 2)
    ///     .with(Phq9Item::SelfHarmThoughts, 0);
    /// assert_eq!(answers.get(Phq9Item::SelfHarmThoughts), Some(0));
    /// ```
    #[must_use]
    pub fn with(mut self, item: I, score: u8) -> Self {
        self.set(item, Some(score));
        self
    }

    /// Sets or clears the answer to `item`.
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Answers, measure::Phq9Item};
    /// let mut answers = Phq9Answers::from_scores([1; 9]);
    /// answers.set(Phq9Item::Sleep, None);
    /// assert_eq!(answers.get(Phq9Item::Sleep), None);
    /// ```
    pub fn set(&mut self, item: I, score: Option<u8>) {
        let position = item.position();
        if self.scores.len() <= position {
            self.scores.resize(position + 1, None);
        }
        if let Some(slot) = self.scores.get_mut(position) {
            *slot = score;
        }
    }

    /// These answers with the difficulty question answered. Only the PHQ-9 and
    /// the GAD-7 ask it ([`Instrument::asks_difficulty`](super::Instrument::asks_difficulty));
    /// for another instrument scoring refuses it.
    ///
    /// ```
    /// use interpersonal::{measure::Difficulty, measure::Phq9Answers, Phq9Score};
    /// let answers = Phq9Answers::from_scores([1; 9]).with_difficulty(Difficulty::SomewhatDifficult);
    /// assert_eq!(answers.difficulty(), Some(Difficulty::SomewhatDifficult));
    /// let json = serde_json::to_string(&answers).unwrap();
    /// assert_eq!(json, r#"{"items":[1,1,1,1,1,1,1,1,1],"difficulty":"somewhat_difficult"}"#);
    /// ```
    #[must_use]
    pub fn with_difficulty(mut self, difficulty: Difficulty) -> Self {
        self.difficulty = Some(difficulty);
        self
    }

    /// Sets or clears the answer to the difficulty question.
    ///
    /// ```
    /// use interpersonal::{measure::Difficulty, measure::Gad7Answers};
    /// let mut answers = Gad7Answers::new();
    /// answers.set_difficulty(Some(Difficulty::VeryDifficult));
    /// assert_eq!(answers.difficulty(), Some(Difficulty::VeryDifficult));
    /// ```
    pub fn set_difficulty(&mut self, difficulty: Option<Difficulty>) {
        self.difficulty = difficulty;
    }

    /// The answer to the difficulty question, if given. It is not an item and
    /// never counts in the total.
    ///
    /// ```
    /// use interpersonal::measure::Phq9Answers;
    /// assert_eq!(Phq9Answers::new().difficulty(), None);
    /// ```
    pub fn difficulty(&self) -> Option<Difficulty> {
        self.difficulty
    }

    /// The answer to `item`, as given (not yet checked against its range).
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Answers, measure::Phq9Item};
    /// assert_eq!(Phq9Answers::from_scores([7]).get(Phq9Item::LittleInterest), Some(7));
    /// ```
    pub fn get(&self, item: I) -> Option<u8> {
        self.scores.get(item.position()).copied().flatten()
    }

    /// Every entry as given, in the instrument's order; an array may hold more
    /// or fewer entries than the instrument has items.
    ///
    /// ```
    /// use interpersonal::measure::Phq9Answers;
    /// assert_eq!(Phq9Answers::from_scores([1, 2]).entries(), &[Some(1), Some(2)]);
    /// ```
    pub fn entries(&self) -> &[Option<u8>] {
        &self.scores
    }

    /// The JSON path of the entry at `position`, in the shape the answers came
    /// in.
    pub(crate) fn path_at(&self, position: usize) -> JsonPath {
        let items = JsonPath::root().field("items");
        match (self.shape, I::ALL.get(position)) {
            (Shape::Map, Some(item)) => items.field(item.name()),
            _ => items.index(position),
        }
    }
}

impl<I: InstrumentItem> Default for ItemAnswers<I> {
    fn default() -> Self {
        Self::new()
    }
}

impl<I: InstrumentItem> Serialize for ItemAnswers<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_struct("ItemAnswers", 2)?;
        match self.shape {
            Shape::Array => doc.serialize_field("items", &self.scores)?,
            Shape::Map => doc.serialize_field("items", &ByName(self))?,
        }
        match self.difficulty {
            Some(difficulty) => doc.serialize_field("difficulty", &difficulty)?,
            None => doc.skip_field("difficulty")?,
        }
        doc.end()
    }
}

/// The answered items as an object from item name to score.
struct ByName<'a, I>(&'a ItemAnswers<I>);

impl<I: InstrumentItem> Serialize for ByName<'_, I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (item, score) in I::ALL.iter().zip(&self.0.scores) {
            if let Some(score) = score {
                map.serialize_entry(item, score)?;
            }
        }
        map.end()
    }
}

impl<'de, I: InstrumentItem> Deserialize<'de> for ItemAnswers<I> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields, bound = "I: InstrumentItem")]
        struct Doc<I: InstrumentItem> {
            items: Items<I>,
            #[serde(default)]
            difficulty: Option<Difficulty>,
        }
        let doc = Doc::<I>::deserialize(deserializer)?;
        let mut answers = doc.items.0;
        answers.difficulty = doc.difficulty;
        Ok(answers)
    }
}

/// The `items` value: an array or an object.
struct Items<I>(ItemAnswers<I>);

impl<'de, I: InstrumentItem> Deserialize<'de> for Items<I> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ItemsVisitor(PhantomData))
    }
}

struct ItemsVisitor<I>(PhantomData<fn() -> I>);

impl<'de, I: InstrumentItem> Visitor<'de> for ItemsVisitor<I> {
    type Value = Items<I>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an array of {} item scores in the {} order, or an object from item name to score",
            I::ALL.len(),
            I::INSTRUMENT.label()
        )
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut scores = Vec::with_capacity(I::ALL.len());
        while let Some(score) = seq.next_element::<Option<u8>>()? {
            scores.push(score);
        }
        Ok(Items(ItemAnswers {
            scores,
            shape: Shape::Array,
            difficulty: None,
            item: PhantomData,
        }))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut answers = ItemAnswers::<I>::new();
        let mut seen = vec![false; I::ALL.len()];
        while let Some(item) = map.next_key::<I>()? {
            let score = map.next_value::<Option<u8>>()?;
            match seen.get_mut(item.position()) {
                Some(true) => {
                    return Err(de::Error::custom(format_args!(
                        "each item once; found `{item}` twice"
                    )));
                }
                Some(slot) => *slot = true,
                None => {}
            }
            answers.set(item, score);
        }
        Ok(Items(answers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::from_json;

    #[test]
    fn both_shapes_round_trip_as_given() {
        for json in [
            r#"{"items":[1,null,3]}"#,
            r#"{"items":{"feeling_down":2,"self_harm_thoughts":0}}"#,
            r#"{"items":[]}"#,
            r#"{"items":{}}"#,
            r#"{"items":[0,1],"difficulty":"extremely_difficult"}"#,
        ] {
            let answers: Phq9Answers = from_json(json).unwrap();
            assert_eq!(serde_json::to_string(&answers).unwrap(), json);
        }
    }

    #[test]
    fn json_errors_name_the_path() {
        let err = from_json::<Phq9Answers>(r#"{"items":[1,2,-1]}"#).unwrap_err();
        assert_eq!(err.path.as_str(), "$.items[2]");
        let err = from_json::<Phq9Answers>(r#"{"items":{"sleepy":1}}"#).unwrap_err();
        assert!(err.message.contains("unknown variant"), "{err}");
        assert!(
            !err.message.contains("sleepy"),
            "unknown values are hidden: {err}"
        );
        let err = from_json::<Phq9Answers>(r#"{"items":{"sleep":1,"sleep":2}}"#).unwrap_err();
        assert!(err.message.contains("twice"), "{err}");
        let err = from_json::<Phq9Answers>(r#"{"items":[],"total":3}"#).unwrap_err();
        assert!(err.message.contains("unknown field"), "{err}");
        assert!(from_json::<Phq9Answers>(r#"{"items":"1,2,3"}"#).is_err());
        assert!(from_json::<Phq9Answers>("{}").is_err());
    }

    #[test]
    fn paths_follow_the_shape() {
        let array = Phq9Answers::from_scores([1]);
        assert_eq!(array.path_at(8).as_str(), "$.items[8]");
        assert_eq!(array.path_at(12).as_str(), "$.items[12]");
        let map = Phq9Answers::new();
        assert_eq!(map.path_at(8).as_str(), "$.items.self_harm_thoughts");
    }
}
