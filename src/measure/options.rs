//! How to score a form with unanswered items.

use serde::{Deserialize, Serialize};

/// What to do when items are unanswered.
///
/// The default is [`MissingItems::Reject`]: a missing item is an error, never a
/// silent 0. Pro-rating must be asked for.
///
/// JSON: `"reject"`, or `{"pro_rate": {"max_missing": 1}}`.
///
/// ```
/// use interpersonal::measure::MissingItems;
/// assert_eq!(MissingItems::default(), MissingItems::Reject);
/// let json = serde_json::to_string(&MissingItems::ProRate { max_missing: 1 }).unwrap();
/// assert_eq!(json, r#"{"pro_rate":{"max_missing":1}}"#);
/// ```
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum MissingItems {
    /// Any unanswered item is an error that names it (the default).
    #[default]
    Reject,
    /// Up to `max_missing` unanswered items are allowed, and the total is
    /// pro-rated from the answered ones:
    ///
    /// `total = round(sum of answered × number of items ÷ number answered)`,
    /// halves rounded up.
    ///
    /// The formula is the crate's choice \[I\]. However large `max_missing`,
    /// no instrument is pro-rated past what
    /// [`Instrument::max_prorated_items`](crate::measure::Instrument::max_prorated_items)
    /// allows: two unanswered items on the PHQ-9, one on the GAD-7, none on
    /// the clinician-rated HAM-D-17. The scored result says it was pro-rated
    /// ([`ScoreAdvisory::ProRated`](crate::measure::ScoreAdvisory::ProRated)), and an
    /// unanswered suicide-risk item is reported
    /// ([`ScoreAdvisory::SuicideItemUnanswered`](crate::measure::ScoreAdvisory::SuicideItemUnanswered)),
    /// never read as "no risk". At least one item must be answered.
    ProRate {
        /// The most unanswered items allowed; more is an error.
        max_missing: u8,
    },
}

/// Options for scoring an instrument.
///
/// ```
/// use interpersonal::{measure::MissingItems, measure::Phq9Answers, Phq9Score, measure::ScoringOptions};
///
/// let answers = Phq9Answers::from_optional_scores([
///     Some(2), Some(2), None, Some(2), Some(2), Some(2), Some(2), Some(2), Some(0),
/// ]);
/// assert!(Phq9Score::from_answers(&answers, &ScoringOptions::default()).is_err());
///
/// let options = ScoringOptions::default().with_missing(MissingItems::ProRate { max_missing: 1 });
/// let phq9 = Phq9Score::from_answers(&answers, &options)?;
/// assert_eq!(phq9.total(), 16); // round(14 × 9 ÷ 8) = round(15.75)
/// assert!(phq9.is_prorated());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct ScoringOptions {
    /// What to do with unanswered items; reject them by default.
    pub missing: MissingItems,
}

impl ScoringOptions {
    /// These options with `missing` set.
    ///
    /// ```
    /// use interpersonal::{measure::MissingItems, measure::ScoringOptions};
    /// let o = ScoringOptions::default().with_missing(MissingItems::ProRate { max_missing: 2 });
    /// assert_eq!(o.missing, MissingItems::ProRate { max_missing: 2 });
    /// ```
    #[must_use]
    pub fn with_missing(mut self, missing: MissingItems) -> Self {
        self.missing = missing;
        self
    }
}
