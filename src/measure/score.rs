//! Scoring a completed form: checking every item, the total, pro-rating, and
//! the safety flags and advisories of the result.

use std::fmt;
use std::marker::PhantomData;

use chrono::NaiveDate;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    Difficulty, HamdBanding, Instrument, InstrumentItem, ItemAnswers, Measurement, MissingItems,
    SafetyFlag, SafetySource, ScoreAdvisory, ScoringOptions, SeverityBand,
};
use crate::error::{JsonPath, Problem, Problems};

/// A form that could not be scored, and the safety flags its answered
/// suicide-risk item raises all the same.
///
/// A form refused for unanswered or out-of-range items can still carry a
/// positive suicide-risk item (PHQ-9 item 9, HAM-D-17 item 3). That answer
/// requires a same-day clinician risk assessment whatever the rest of the
/// form \[K\], so the refusal carries the flag: it is
/// shown first by `Display`, and converting the refusal into [`Problems`]
/// (as `?` does) puts it first there too, as a problem at the item's path, so
/// it cannot be dropped on the way.
///
/// ```
/// use interpersonal::{Problems, measure::{Phq9Answers, ScoringOptions, SafetySource}, Phq9Score};
///
/// // Item 3 unanswered; item 9 answered 2.
/// let answers = Phq9Answers::from_optional_scores([
///     Some(1), Some(1), None, Some(1), Some(1), Some(1), Some(1), Some(1), Some(2),
/// ]);
/// let refused = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap_err();
/// assert_eq!(refused.safety_flags[0].source, SafetySource::Phq9Item9);
/// assert!(refused.to_string().starts_with("SAFETY"));
/// let problems: Problems = refused.into();
/// assert_eq!(problems.iter().next().unwrap().path.as_str(), "$.items[8]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ScoreRefused {
    /// Every problem with the form, each at its JSON path.
    pub problems: Problems,
    /// The flags of the answered suicide-risk item; empty when it is
    /// unanswered or scored 0.
    pub safety_flags: Vec<SafetyFlag>,
    /// The flags as problems at the item's path, for [`Problems`].
    flag_problems: Vec<Problem>,
}

impl fmt::Display for ScoreRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for flag in &self.safety_flags {
            write!(
                f,
                "SAFETY: {} scored {}; a same-day clinician suicide-risk assessment is needed, \
                 although the form could not be scored. ",
                flag.source, flag.score
            )?;
        }
        write!(f, "{}", self.problems)
    }
}

impl std::error::Error for ScoreRefused {}

impl std::ops::Deref for ScoreRefused {
    type Target = Problems;

    fn deref(&self) -> &Problems {
        &self.problems
    }
}

impl<'a> IntoIterator for &'a ScoreRefused {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;

    fn into_iter(self) -> Self::IntoIter {
        self.problems.iter()
    }
}

impl From<ScoreRefused> for Problems {
    /// The problems, the safety flags first (as problems at the item's path).
    fn from(refused: ScoreRefused) -> Problems {
        let mut out = Problems::default();
        for p in refused.flag_problems {
            out.push(p);
        }
        for p in refused.problems {
            out.push(p);
        }
        out
    }
}

/// A scored form of one instrument: the checked item scores, the total, and
/// what follows from them. [`Phq9Score`](crate::measure::Phq9Score),
/// [`Gad7Score`](crate::measure::Gad7Score) and [`Hamd17Score`](crate::measure::Hamd17Score) name
/// it for each instrument and add its severity band.
///
/// A score is always valid: every answered item within its range, the total
/// within the instrument's range, and unanswered items only where pro-rating
/// was asked for. Safety flags and advisories are computed from the items
/// whenever they are asked for, so they cannot be lost or switched off.
///
/// JSON (written; when read back, the items are scored again and every other
/// field, if present, must agree with them):
///
/// ```json
/// {"instrument": "phq9", "items": [1, 1, 0, 1, 0, 0, 0, 0, 1], "total": 4,
///  "severity": {"instrument": "phq9", "band": "minimal"},
///  "safety_flags": [{"kind": "suicidal_ideation", "source": "phq9_item9", "score": 1}],
///  "advisories": []}
/// ```
///
/// ```
/// use interpersonal::{Phq9Score, measure::SafetySource};
///
/// let phq9 = Phq9Score::from_scores([1, 1, 0, 1, 0, 0, 0, 0, 1])?;
/// assert_eq!(phq9.total(), 4);
/// assert_eq!(phq9.safety_flags()[0].source, SafetySource::Phq9Item9);
///
/// let json = serde_json::to_string(&phq9).unwrap();
/// assert_eq!(serde_json::from_str::<Phq9Score>(&json).unwrap(), phq9);
/// let tampered = json.replace(r#""total":4"#, r#""total":3"#);
/// assert!(serde_json::from_str::<Phq9Score>(&tampered).is_err());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InstrumentScore<I> {
    items: Vec<Option<u8>>,
    total: u8,
    difficulty: Option<Difficulty>,
    item: PhantomData<fn() -> I>,
}

impl<I: InstrumentItem> InstrumentScore<I> {
    /// Scores a form.
    ///
    /// Every answered item must be within its range (0–3 on the PHQ-9 and
    /// GAD-7; 0–4 or 0–2 on the HAM-D-17), and there may be no more entries than
    /// items. An unanswered item is an error unless `options` ask for
    /// pro-rating ([`MissingItems::ProRate`]); never a silent 0.
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Answers, Phq9Score, measure::ScoringOptions};
    ///
    /// let answers = Phq9Answers::from_scores([1, 2, 4, 1, 0, 0, 1, 0]);
    /// let problems = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap_err();
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["$.items[2]", "$.items[8]"]); // out of range; unanswered
    /// ```
    ///
    /// # Errors
    ///
    /// Returns every problem at once, each at the JSON path of its item in the
    /// shape the answers came in (`$.items[8]` or `$.items.self_harm_thoughts`):
    /// a score above the item's maximum; an entry beyond the last item; an
    /// unanswered item when pro-rating was not asked for, or when more items are
    /// unanswered than it allows, or when none is answered; a difficulty answer
    /// (`$.difficulty`) for an instrument without that question.
    pub fn from_answers(
        answers: &ItemAnswers<I>,
        options: &ScoringOptions,
    ) -> Result<Self, ScoreRefused> {
        let scored = score_entries::<I>(answers.entries(), |i| answers.path_at(i), options.missing);
        let difficulty_problem = difficulty_refused::<I>(answers.difficulty());
        let (items, total) = match (scored, difficulty_problem) {
            (Ok(scored), None) => scored,
            (Ok(_), Some(problem)) => {
                let mut problems = Problems::default();
                problems.push(problem);
                return Err(refusal::<I>(answers, problems));
            }
            (Err(mut problems), problem) => {
                if let Some(problem) = problem {
                    problems.push(problem);
                }
                return Err(refusal::<I>(answers, problems));
            }
        };
        Ok(InstrumentScore {
            items,
            total,
            difficulty: answers.difficulty(),
            item: PhantomData,
        })
    }

    /// The answer to the unscored difficulty question, when the form asks it
    /// (PHQ-9, GAD-7) and it was answered. It is not in the total.
    ///
    /// ```
    /// use interpersonal::{measure::Difficulty, measure::Gad7Answers, Gad7Score, measure::ScoringOptions};
    /// let answers = Gad7Answers::from_scores([1; 7]).with_difficulty(Difficulty::VeryDifficult);
    /// let gad7 = Gad7Score::from_answers(&answers, &ScoringOptions::default())?;
    /// assert_eq!(gad7.difficulty(), Some(Difficulty::VeryDifficult));
    /// assert_eq!(gad7.total(), 7);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn difficulty(&self) -> Option<Difficulty> {
        self.difficulty
    }

    /// Scores a fully answered form from its item scores in the instrument's
    /// order, with the default options.
    ///
    /// ```
    /// use interpersonal::Gad7Score;
    /// assert_eq!(Gad7Score::from_scores([3; 7])?.total(), 21);
    /// assert!(Gad7Score::from_scores([3; 6]).is_err()); // item 7 unanswered
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`InstrumentScore::from_answers`]: an item out of range, too many
    /// scores, or too few.
    pub fn from_scores(scores: impl IntoIterator<Item = u8>) -> Result<Self, ScoreRefused> {
        Self::from_answers(
            &ItemAnswers::from_scores(scores),
            &ScoringOptions::default(),
        )
    }

    /// The instrument scored.
    ///
    /// ```
    /// use interpersonal::{measure::Instrument, Phq9Score};
    /// assert_eq!(Phq9Score::from_scores([0; 9])?.instrument(), Instrument::Phq9);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn instrument(&self) -> Instrument {
        I::INSTRUMENT
    }

    /// The total: the sum of the items, or the pro-rated sum when items were
    /// unanswered (see [`MissingItems::ProRate`]). Never above the instrument's
    /// maximum.
    ///
    /// ```
    /// use interpersonal::Phq9Score;
    /// assert_eq!(Phq9Score::from_scores([3; 9])?.total(), 27);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn total(&self) -> u8 {
        self.total
    }

    /// An item's score, `None` when it was unanswered (and pro-rated).
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Item, Phq9Score};
    /// let phq9 = Phq9Score::from_scores([0, 0, 0, 0, 0, 0, 0, 0, 3])?;
    /// assert_eq!(phq9.item(Phq9Item::SelfHarmThoughts), Some(3));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn item(&self, item: I) -> Option<u8> {
        self.items.get(item.position()).copied().flatten()
    }

    /// Every item's score in the instrument's order, `None` where unanswered.
    ///
    /// ```
    /// use interpersonal::Gad7Score;
    /// let gad7 = Gad7Score::from_scores([0, 1, 2, 3, 0, 1, 2])?;
    /// assert_eq!(gad7.scores().len(), 7);
    /// assert_eq!(gad7.scores()[3], Some(3));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn scores(&self) -> &[Option<u8>] {
        &self.items
    }

    /// The unanswered items, in the instrument's order (empty unless
    /// pro-rated).
    ///
    /// ```
    /// use interpersonal::{measure::MissingItems, measure::Phq9Answers, measure::Phq9Item, Phq9Score, measure::ScoringOptions};
    /// let answers = Phq9Answers::from_optional_scores([
    ///     Some(1), Some(1), None, Some(1), Some(1), Some(1), Some(1), Some(1), Some(0),
    /// ]);
    /// let options = ScoringOptions::default().with_missing(MissingItems::ProRate { max_missing: 2 });
    /// let phq9 = Phq9Score::from_answers(&answers, &options)?;
    /// assert_eq!(phq9.unanswered_items(), vec![Phq9Item::Sleep]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn unanswered_items(&self) -> Vec<I> {
        I::ALL
            .iter()
            .zip(&self.items)
            .filter(|(_, score)| score.is_none())
            .map(|(item, _)| *item)
            .collect()
    }

    /// Whether the total was pro-rated because items were unanswered.
    ///
    /// ```
    /// use interpersonal::Phq9Score;
    /// assert!(!Phq9Score::from_scores([1; 9])?.is_prorated());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn is_prorated(&self) -> bool {
        self.items.iter().any(Option::is_none)
    }

    /// The safety flags: one when the instrument's suicide-risk item (PHQ-9
    /// item 9, HAM-D-17 item 3) scores 1 or more, whatever the total and band
    /// (CLINICAL-BASIS.md §8.1, §9). Each requires a same-day clinician risk
    /// assessment \[K\]. On the ASRM, one when the total is at or above the
    /// cut-off ([`ASRM_CUTOFF`](crate::measure::ASRM_CUTOFF)): a possible mania. No
    /// option suppresses them.
    ///
    /// An unanswered suicide-risk item raises no flag but the advisory
    /// [`ScoreAdvisory::SuicideItemUnanswered`]: see
    /// [`InstrumentScore::advisories`].
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Band, Phq9Score};
    /// let phq9 = Phq9Score::from_scores([0, 0, 0, 0, 0, 0, 0, 0, 1])?;
    /// assert_eq!(phq9.band(), Phq9Band::Minimal);
    /// assert_eq!(phq9.safety_flags().len(), 1);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn safety_flags(&self) -> Vec<SafetyFlag> {
        safety_flags_of::<I>(&self.items, self.total)
    }

    /// What a reader must know about how the form was scored, most important
    /// first: the suicide-risk item unanswered, the total pro-rated.
    ///
    /// ```
    /// use interpersonal::Phq9Score;
    /// assert!(Phq9Score::from_scores([0; 9])?.advisories().is_empty());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn advisories(&self) -> Vec<ScoreAdvisory> {
        advisories_of::<I>(&self.items)
    }

    /// The severity band of the total, under the default HAM-D-17 convention
    /// ([`HamdBanding::Zimmerman2013`]) for the HAM-D-17.
    ///
    /// ```
    /// use interpersonal::{measure::Phq9Band, Phq9Score, measure::SeverityBand};
    /// let phq9 = Phq9Score::from_scores([3; 9])?;
    /// assert_eq!(phq9.severity(), SeverityBand::Phq9 { band: Phq9Band::Severe });
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn severity(&self) -> SeverityBand {
        severity_of(I::INSTRUMENT, self.total)
    }

    /// The score as a dated [`Measurement`] for a [`SymptomTrend`](crate::measure::SymptomTrend),
    /// carrying its safety flags and advisories.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::Phq9Score;
    ///
    /// let date = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let m = Phq9Score::from_scores([2; 9])?.measurement(date);
    /// assert_eq!((m.date(), m.total()), (date, 18));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn measurement(&self, date: NaiveDate) -> Measurement {
        Measurement::scored(
            I::INSTRUMENT,
            date,
            self.total,
            self.advisories(),
            self.safety_flags(),
        )
    }
}

/// The band under the default conventions. A scored total is never above the
/// instrument's maximum, so the fallback is never taken.
fn severity_of(instrument: Instrument, total: u8) -> SeverityBand {
    let banding = HamdBanding::default();
    instrument
        .severity(total, banding)
        .unwrap_or(SeverityBand::Hamd17 {
            banding,
            band: super::HamdBand::Severe,
        })
}

/// A refusal of `answers`, with the flags of its answered suicide-risk item.
fn refusal<I: InstrumentItem>(answers: &ItemAnswers<I>, problems: Problems) -> ScoreRefused {
    let item_flag = |item: I| {
        let score = answers.entries().get(item.position()).copied().flatten()?;
        SafetyFlag::suicidal_ideation(SafetySource::of(I::INSTRUMENT)?, score)
    };
    let mut safety_flags = Vec::new();
    let mut flag_problems = Vec::new();
    if let Some(item) = I::SAFETY_ITEM {
        if let Some(flag) = item_flag(item) {
            flag_problems.push(Problem::new(
                answers.path_at(item.position()),
                format!(
                    "a same-day clinician suicide-risk assessment: the suicide-risk item is \
                     answered {}, and a form that cannot be scored still raises its flag",
                    flag.score
                ),
            ));
            safety_flags.push(flag);
        }
    }
    ScoreRefused {
        problems,
        safety_flags,
        flag_problems,
    }
}

fn safety_flags_of<I: InstrumentItem>(items: &[Option<u8>], total: u8) -> Vec<SafetyFlag> {
    let mut flags = Vec::new();
    if let (Some(item), Some(source)) = (I::SAFETY_ITEM, SafetySource::of(I::INSTRUMENT)) {
        flags.extend(
            items
                .get(item.position())
                .copied()
                .flatten()
                .and_then(|score| SafetyFlag::suicidal_ideation(source, score)),
        );
    }
    flags.extend(SafetyFlag::of_total(I::INSTRUMENT, total));
    flags
}

fn advisories_of<I: InstrumentItem>(items: &[Option<u8>]) -> Vec<ScoreAdvisory> {
    let mut advisories = Vec::new();
    if let Some(item) = I::SAFETY_ITEM {
        if items.get(item.position()).copied().flatten().is_none() {
            advisories.push(ScoreAdvisory::SuicideItemUnanswered);
        }
    }
    if items.iter().any(Option::is_none) {
        advisories.push(ScoreAdvisory::ProRated);
    }
    advisories
}

/// What an item should hold, for a problem's message.
fn expected_score<I: InstrumentItem>(item: I) -> String {
    let safety = if I::SAFETY_ITEM == Some(item) {
        ", the suicide-risk item"
    } else {
        ""
    };
    format!(
        "a score from 0 to {} for {} item {} ({}){safety}",
        item.max_score(),
        I::INSTRUMENT.label(),
        item.number(),
        item.name()
    )
}

/// Checks entries against the instrument's items and totals them.
fn score_entries<I: InstrumentItem>(
    entries: &[Option<u8>],
    path_at: impl Fn(usize) -> JsonPath,
    missing: MissingItems,
) -> Result<(Vec<Option<u8>>, u8), Problems> {
    let n_items = I::ALL.len();
    let mut problems = Problems::default();
    let mut items = Vec::with_capacity(n_items);
    let mut unanswered = Vec::new();
    let mut sum: u32 = 0;
    for (position, item) in I::ALL.iter().enumerate() {
        match entries.get(position).copied().flatten() {
            Some(score) if score > item.max_score() => {
                problems.at(
                    path_at(position),
                    format!("{}; found {score}", expected_score(*item)),
                );
                items.push(None);
            }
            Some(score) => {
                sum += u32::from(score);
                items.push(Some(score));
            }
            None => {
                unanswered.push(position);
                items.push(None);
            }
        }
    }
    if entries.len() > n_items {
        problems.at(
            path_at(n_items),
            format!(
                "at most {n_items} entries, one per {} item; found {}",
                I::INSTRUMENT.label(),
                entries.len()
            ),
        );
    }
    let answered = n_items - unanswered.len();
    let refusal = match missing {
        _ if unanswered.is_empty() => None,
        MissingItems::Reject => Some(String::from("no answer")),
        MissingItems::ProRate { .. } if answered == 0 => Some(String::from(
            "no answer (pro-rating needs at least one answered item)",
        )),
        MissingItems::ProRate { .. } if I::INSTRUMENT.max_prorated_items() == 0 => Some(format!(
            "no answer (the clinician-rated {} is never pro-rated: rate every item)",
            I::INSTRUMENT.label()
        )),
        MissingItems::ProRate { max_missing }
            if unanswered.len()
                > usize::from(max_missing.min(I::INSTRUMENT.max_prorated_items())) =>
        {
            Some(format!(
                "no answer (pro-rating allows at most {} unanswered on the {}; {} are)",
                max_missing.min(I::INSTRUMENT.max_prorated_items()),
                I::INSTRUMENT.label(),
                unanswered.len()
            ))
        }
        MissingItems::ProRate { .. } => None,
    };
    if let Some(found) = refusal {
        for position in &unanswered {
            if let Some(item) = I::ALL.get(*position) {
                problems.at(
                    path_at(*position),
                    format!("{}; found {found}", expected_score(*item)),
                );
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let total = prorate(sum, n_items, answered);
    let max = I::INSTRUMENT.max_total();
    let total = u8::try_from(total).map_or(max, |t| t.min(max));
    Ok((items, total))
}

/// The problem with a difficulty answer given to an instrument that does not
/// ask the question, if any.
fn difficulty_refused<I: InstrumentItem>(difficulty: Option<Difficulty>) -> Option<Problem> {
    match difficulty {
        Some(_) if !I::INSTRUMENT.asks_difficulty() => Some(Problem::new(
            JsonPath::root().field("difficulty"),
            format!(
                "no difficulty answer: the {} has no difficulty question",
                I::INSTRUMENT.label()
            ),
        )),
        _ => None,
    }
}

/// `round(sum × n_items ÷ answered)`, halves up; the plain sum when every item
/// is answered.
fn prorate(sum: u32, n_items: usize, answered: usize) -> u32 {
    let (Ok(n), Ok(a)) = (u32::try_from(n_items), u32::try_from(answered)) else {
        return sum;
    };
    if a == 0 || a == n {
        return sum;
    }
    (2 * sum * n + a) / (2 * a)
}

impl<I: InstrumentItem> Serialize for InstrumentScore<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_struct("InstrumentScore", 7)?;
        doc.serialize_field("instrument", &I::INSTRUMENT)?;
        doc.serialize_field("items", &self.items)?;
        match self.difficulty {
            Some(difficulty) => doc.serialize_field("difficulty", &difficulty)?,
            None => doc.skip_field("difficulty")?,
        }
        doc.serialize_field("total", &self.total)?;
        doc.serialize_field("severity", &self.severity())?;
        doc.serialize_field("safety_flags", &self.safety_flags())?;
        doc.serialize_field("advisories", &self.advisories())?;
        doc.end()
    }
}

/// A score as read from JSON, before it is checked.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoreRecord {
    instrument: Instrument,
    items: Vec<Option<u8>>,
    #[serde(default)]
    difficulty: Option<Difficulty>,
    total: u8,
    #[serde(default)]
    severity: Option<SeverityBand>,
    #[serde(default)]
    safety_flags: Option<Vec<SafetyFlag>>,
    #[serde(default)]
    advisories: Option<Vec<ScoreAdvisory>>,
}

/// Why a stored score does not agree with its items.
struct Disagreement(String);

impl fmt::Display for Disagreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<I: InstrumentItem> InstrumentScore<I> {
    fn from_record(r: ScoreRecord) -> Result<Self, Disagreement> {
        if r.instrument != I::INSTRUMENT {
            return Err(Disagreement(format!(
                "a {} score; found instrument `{}`",
                I::INSTRUMENT,
                r.instrument
            )));
        }
        let n_items = I::ALL.len();
        if r.items.len() != n_items {
            return Err(Disagreement(format!(
                "{n_items} entries in $.items, one per {} item; found {}",
                I::INSTRUMENT.label(),
                r.items.len()
            )));
        }
        let max_missing = u8::try_from(n_items).unwrap_or(u8::MAX);
        let items_path = JsonPath::root().field("items");
        let (items, total) = score_entries::<I>(
            &r.items,
            |i| items_path.index(i),
            MissingItems::ProRate { max_missing },
        )
        .map_err(|problems| Disagreement(problems.to_string()))?;
        if let Some(problem) = difficulty_refused::<I>(r.difficulty) {
            return Err(Disagreement(problem.to_string()));
        }
        let score = InstrumentScore {
            items,
            total,
            difficulty: r.difficulty,
            item: PhantomData,
        };
        if r.total != score.total {
            return Err(Disagreement(format!(
                "total {} as the items give; found {}",
                score.total, r.total
            )));
        }
        if r.severity.is_some_and(|s| s != score.severity()) {
            return Err(Disagreement(format!(
                "severity {} as the total gives",
                score.severity()
            )));
        }
        if r.safety_flags.is_some_and(|f| f != score.safety_flags()) {
            return Err(Disagreement(String::from(
                "the safety flags the items give (a flag can be neither dropped nor added)",
            )));
        }
        if r.advisories.is_some_and(|a| a != score.advisories()) {
            return Err(Disagreement(String::from("the advisories the items give")));
        }
        Ok(score)
    }
}

impl<'de, I: InstrumentItem> Deserialize<'de> for InstrumentScore<I> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = ScoreRecord::deserialize(deserializer)?;
        Self::from_record(record).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::{Phq9Item, Phq9Score};

    #[test]
    fn a_difficulty_answer_is_kept_out_of_the_total_and_refused_where_not_asked() {
        use crate::measure::{Difficulty, Hamd17Ratings, Hamd17Score, Phq9Answers};
        let answers = Phq9Answers::from_scores([2; 9]).with_difficulty(Difficulty::VeryDifficult);
        let phq9 = Phq9Score::from_answers(&answers, &ScoringOptions::default()).unwrap();
        assert_eq!(phq9.total(), 18);
        assert_eq!(phq9.difficulty(), Some(Difficulty::VeryDifficult));
        let json = serde_json::to_string(&phq9).unwrap();
        assert!(json.contains(r#""difficulty":"very_difficult""#), "{json}");
        assert_eq!(serde_json::from_str::<Phq9Score>(&json).unwrap(), phq9);

        let ratings =
            Hamd17Ratings::from_scores([0; 17]).with_difficulty(Difficulty::VeryDifficult);
        let err = Hamd17Score::from_answers(&ratings, &ScoringOptions::default()).unwrap_err();
        let paths: Vec<&str> = err.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.difficulty"]);
        let hamd = Hamd17Score::from_scores([0; 17]).unwrap();
        let json = serde_json::to_string(&hamd).unwrap().replacen(
            r#""total""#,
            r#""difficulty":"very_difficult","total""#,
            1,
        );
        assert!(serde_json::from_str::<Hamd17Score>(&json).is_err());
    }

    #[test]
    fn prorating_rounds_half_up() {
        assert_eq!(prorate(14, 9, 8), 16); // 15.75
        assert_eq!(prorate(7, 9, 8), 8); // 7.875
        assert_eq!(prorate(4, 9, 8), 5); // 4.5 -> 5
        assert_eq!(prorate(12, 9, 9), 12);
        assert_eq!(prorate(0, 9, 0), 0);
    }

    #[test]
    fn stored_score_must_agree_with_items() {
        let phq9 = Phq9Score::from_scores([0, 0, 0, 0, 0, 0, 0, 0, 2]).unwrap();
        let json = serde_json::to_string(&phq9).unwrap();
        let dropped = json.replace(
            r#"[{"kind":"suicidal_ideation","source":"phq9_item9","score":2}]"#,
            "[]",
        );
        assert_ne!(json, dropped);
        let err = serde_json::from_str::<Phq9Score>(&dropped).unwrap_err();
        assert!(err.to_string().contains("safety flags"), "{err}");
        let gad = json.replace(r#""instrument":"phq9""#, r#""instrument":"gad7""#);
        assert!(serde_json::from_str::<Phq9Score>(&gad).is_err());
        let out_of_range = json.replace("[0,0,0,0,0,0,0,0,2]", "[0,0,0,0,0,0,0,0,4]");
        let err = serde_json::from_str::<Phq9Score>(&out_of_range).unwrap_err();
        assert!(err.to_string().contains("$.items[8]"), "{err}");
        let short = json.replace("[0,0,0,0,0,0,0,0,2]", "[0,0,0,0,0,0,0,2]");
        let err = serde_json::from_str::<Phq9Score>(&short).unwrap_err();
        assert!(err.to_string().contains("found 8"), "{err}");
        // Only the items and total are needed to read a score back.
        let minimal: Phq9Score =
            serde_json::from_str(r#"{"instrument":"phq9","items":[0,0,0,0,0,0,0,0,2],"total":2}"#)
                .unwrap();
        assert_eq!(minimal, phq9);
        assert_eq!(minimal.item(Phq9Item::SelfHarmThoughts), Some(2));
    }
}
