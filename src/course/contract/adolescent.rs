//! What an IPT-A contract adds: the adolescent's age, the screen of the
//! manual's exclusions, and the adolescent's mood rating.

use serde::{Deserialize, Serialize};

use crate::bibliography::cited;
use crate::engine::Indicator;
use crate::macros::{source, vocabulary_enum};
use crate::source::Source;

vocabulary_enum! {
    /// A condition IPT-A's manual lists as a reason not to offer it
    /// (CLINICAL-BASIS.md §7.3; `mufson-2004-ipt-a`, K, as program
    /// registries describe it: acutely suicidal or homicidal, psychotic,
    /// bipolar, intellectual disability, active substance abuse).
    ///
    /// ```
    /// use interpersonal::course::Exclusion;
    /// assert_eq!(Exclusion::ALL.len(), 6);
    /// assert_eq!(Exclusion::AcutelySuicidal.to_string(), "acutely_suicidal");
    /// ```
    #[non_exhaustive]
    pub enum Exclusion {
        /// Acutely suicidal.
        AcutelySuicidal,
        /// Homicidal.
        Homicidal,
        /// Psychotic.
        Psychotic,
        /// Bipolar disorder.
        Bipolar,
        /// Intellectual disability.
        IntellectualDisability,
        /// Active substance abuse.
        ActiveSubstanceAbuse,
    }
}

impl Exclusion {
    /// Whether the exclusion is a safety matter (acutely suicidal, homicidal):
    /// its advisory comes first and is critical whether present or not
    /// screened.
    ///
    /// ```
    /// use interpersonal::course::Exclusion;
    /// assert!(Exclusion::AcutelySuicidal.is_safety());
    /// assert!(!Exclusion::Bipolar.is_safety());
    /// ```
    pub const fn is_safety(self) -> bool {
        matches!(self, Exclusion::AcutelySuicidal | Exclusion::Homicidal)
    }
}

vocabulary_enum! {
    /// What the screen of one exclusion found. Not screened is never "absent".
    ///
    /// ```
    /// use interpersonal::course::ScreenResult;
    /// assert_eq!(ScreenResult::NotScreened.to_string(), "not_screened");
    /// ```
    #[non_exhaustive]
    pub enum ScreenResult {
        /// Asked or assessed, and present.
        Present,
        /// Asked or assessed, and absent.
        Absent,
        /// Not asked or assessed.
        NotScreened,
    }
}

/// The screen of one exclusion.
///
/// ```
/// use interpersonal::course::{Exclusion, ExclusionScreen, ScreenResult};
/// let s: ExclusionScreen = serde_json::from_str(r#"{"exclusion": "psychotic", "result": "absent"}"#).unwrap();
/// assert_eq!(s, ExclusionScreen::new(Exclusion::Psychotic, ScreenResult::Absent));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ExclusionScreen {
    /// The exclusion.
    pub exclusion: Exclusion,
    /// What was found.
    pub result: ScreenResult,
}

impl ExclusionScreen {
    /// The screen of `exclusion` with `result`.
    ///
    /// ```
    /// use interpersonal::course::{Exclusion, ExclusionScreen, ScreenResult};
    /// assert_eq!(ExclusionScreen::new(Exclusion::Bipolar, ScreenResult::Absent).result, ScreenResult::Absent);
    /// ```
    pub const fn new(exclusion: Exclusion, result: ScreenResult) -> Self {
        ExclusionScreen { exclusion, result }
    }
}

/// What an IPT-A contract records about the adolescent: the age, checked
/// against the modality's 12 to 18 (CLINICAL-BASIS.md §7.3), whether a parent
/// or guardian takes part, and the screen of the manual's exclusions.
///
/// ```
/// use interpersonal::course::{AdolescentDetails, Exclusion, ScreenResult};
/// let a = AdolescentDetails::new(15).screened(Exclusion::Bipolar, ScreenResult::Absent);
/// assert_eq!(a.result(Exclusion::Bipolar), ScreenResult::Absent);
/// assert_eq!(a.result(Exclusion::Psychotic), ScreenResult::NotScreened);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AdolescentDetails {
    /// The adolescent's age in years when the contract is agreed.
    pub age: u8,
    /// Whether a parent or guardian takes part in the joint sessions; not
    /// recorded when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardian_takes_part: Option<bool>,
    /// The screen of each exclusion; one not listed was not screened.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<ExclusionScreen>,
}

impl AdolescentDetails {
    /// An adolescent of `age`, no exclusion screened yet.
    ///
    /// ```
    /// assert_eq!(interpersonal::course::AdolescentDetails::new(14).age, 14);
    /// ```
    pub fn new(age: u8) -> Self {
        AdolescentDetails {
            age,
            guardian_takes_part: None,
            exclusions: Vec::new(),
        }
    }

    /// Records the screen of one exclusion.
    ///
    /// ```
    /// use interpersonal::course::{AdolescentDetails, Exclusion, ScreenResult};
    /// let a = AdolescentDetails::new(14).screened(Exclusion::Psychotic, ScreenResult::Present);
    /// assert_eq!(a.exclusions.len(), 1);
    /// ```
    pub fn screened(mut self, exclusion: Exclusion, result: ScreenResult) -> Self {
        self.exclusions
            .push(ExclusionScreen::new(exclusion, result));
        self
    }

    /// What the screen of `exclusion` found; the first entry counts, and an
    /// exclusion not listed was not screened.
    ///
    /// ```
    /// use interpersonal::course::{AdolescentDetails, Exclusion, ScreenResult};
    /// assert_eq!(AdolescentDetails::new(14).result(Exclusion::Homicidal), ScreenResult::NotScreened);
    /// ```
    pub fn result(&self, exclusion: Exclusion) -> ScreenResult {
        self.exclusions
            .iter()
            .find(|s| s.exclusion == exclusion)
            .map_or(ScreenResult::NotScreened, |s| s.result)
    }
}

vocabulary_enum! {
    /// What a [`ContractAdvisory`] is about.
    ///
    /// ```
    /// use interpersonal::course::ContractAdvisoryCode;
    /// assert_eq!(ContractAdvisoryCode::ExclusionPresent.to_string(), "exclusion_present");
    /// ```
    #[non_exhaustive]
    pub enum ContractAdvisoryCode {
        /// A condition the modality's manual excludes was found.
        ExclusionPresent,
        /// A condition the modality's manual excludes was not screened.
        ExclusionNotScreened,
    }
}

/// Something the clinician should see about a contract: never a refusal, and
/// never left out. Safety advisories come first.
///
/// ```
/// use interpersonal::{course::*, engine::Indicator, ProblemArea, TreatmentContract};
///
/// let c = TreatmentContract::builder("2026-01-05", [ProblemArea::RoleDispute])
///     .modality(Modality::ADOLESCENT_IPT)
///     .adolescent(AdolescentDetails::new(15).screened(Exclusion::Bipolar, ScreenResult::Present))
///     .build()?;
/// let advisories = c.advisories();
/// // Acutely suicidal and homicidal were not screened: critical, first.
/// assert_eq!(advisories[0].exclusion, Exclusion::AcutelySuicidal);
/// assert_eq!(advisories[0].indicator, Indicator::Critical);
/// assert!(advisories.iter().any(|a| a.code == ContractAdvisoryCode::ExclusionPresent
///     && a.exclusion == Exclusion::Bipolar));
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct ContractAdvisory {
    /// What it is about.
    pub code: ContractAdvisoryCode,
    /// How urgent it is.
    pub indicator: Indicator,
    /// The exclusion it concerns.
    pub exclusion: Exclusion,
    /// Where the exclusion comes from.
    pub source: Source,
}

/// IPT-A's exclusions, as registries describe the manual.
const IPT_A_EXCLUSIONS: Source = source![cited::IPT_A_EXCLUSIONS];

/// The advisories of an adolescent's exclusion screen: each exclusion found
/// or not screened, safety first.
pub(super) fn exclusion_advisories(details: &AdolescentDetails) -> Vec<ContractAdvisory> {
    let mut out: Vec<ContractAdvisory> = Exclusion::iter()
        .filter_map(|e| {
            let code = match details.result(e) {
                ScreenResult::Present => ContractAdvisoryCode::ExclusionPresent,
                ScreenResult::NotScreened => ContractAdvisoryCode::ExclusionNotScreened,
                ScreenResult::Absent => return None,
            };
            let indicator = if e.is_safety() || code == ContractAdvisoryCode::ExclusionPresent {
                Indicator::Critical
            } else {
                Indicator::Warning
            };
            Some(ContractAdvisory {
                code,
                indicator,
                exclusion: e,
                source: IPT_A_EXCLUSIONS,
            })
        })
        .collect();
    // Safety first, then critical before warning; stable within each.
    out.sort_by_key(|a| (!a.exclusion.is_safety(), a.indicator != Indicator::Critical));
    out
}

/// The adolescent's own mood rating at a session in IPT-A: 1 to 10, where 10
/// is the most negative mood and 1 the most positive, as in the Casebook's
/// adolescent case (CLINICAL-BASIS.md §7.3; `markowitz-weissman-2012-casebook`
/// ch. 12, S). Other IPT-A materials may anchor the scale the other way; the
/// direction here is the Casebook's.
///
/// ```
/// use interpersonal::course::AdolescentMoodRating;
/// let r = AdolescentMoodRating::new(8).unwrap();
/// assert!(r.is_worse_than(AdolescentMoodRating::new(3).unwrap()));
/// assert!(AdolescentMoodRating::new(0).is_none());
/// assert!(serde_json::from_str::<AdolescentMoodRating>("11").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct AdolescentMoodRating(u8);

impl AdolescentMoodRating {
    /// The lowest rating, the most positive mood.
    ///
    /// ```
    /// assert_eq!(interpersonal::course::AdolescentMoodRating::MOST_POSITIVE, 1);
    /// ```
    pub const MOST_POSITIVE: u8 = 1;
    /// The highest rating, the most negative mood.
    ///
    /// ```
    /// assert_eq!(interpersonal::course::AdolescentMoodRating::MOST_NEGATIVE, 10);
    /// ```
    pub const MOST_NEGATIVE: u8 = 10;

    /// A rating of `value`, if it is from 1 to 10.
    ///
    /// ```
    /// assert!(interpersonal::course::AdolescentMoodRating::new(10).is_some());
    /// ```
    pub const fn new(value: u8) -> Option<Self> {
        if value >= Self::MOST_POSITIVE && value <= Self::MOST_NEGATIVE {
            Some(AdolescentMoodRating(value))
        } else {
            None
        }
    }

    /// The rating's value.
    ///
    /// ```
    /// assert_eq!(interpersonal::course::AdolescentMoodRating::new(4).unwrap().value(), 4);
    /// ```
    pub const fn value(self) -> u8 {
        self.0
    }

    /// Whether this rating is a worse (more negative) mood than `other`.
    ///
    /// ```
    /// use interpersonal::course::AdolescentMoodRating as R;
    /// assert!(!R::new(2).unwrap().is_worse_than(R::new(5).unwrap()));
    /// ```
    pub const fn is_worse_than(self, other: Self) -> bool {
        self.0 > other.0
    }
}

impl TryFrom<u8> for AdolescentMoodRating {
    type Error = String;

    fn try_from(value: u8) -> Result<Self, String> {
        AdolescentMoodRating::new(value)
            .ok_or_else(|| format!("a mood rating from 1 to 10; found {value}"))
    }
}

impl From<AdolescentMoodRating> for u8 {
    fn from(r: AdolescentMoodRating) -> u8 {
        r.0
    }
}

/// The adolescent's mood in a week of IPT-A: the rating at the session and
/// the best and worst of the week, each tied to what happened then by the
/// clinician's note (CLINICAL-BASIS.md §7.3; Casebook ch. 12, S).
///
/// ```
/// use interpersonal::course::{AdolescentMood, AdolescentMoodRating as R};
/// let m: AdolescentMood = serde_json::from_str(
///     r#"{"session": 3, "now": 6, "best": 4, "worst": 9}"#).unwrap();
/// assert_eq!(m.validate(), Ok(()));
/// let bad = AdolescentMood { best: Some(R::new(10).unwrap()), ..m };
/// assert_eq!(bad.validate().unwrap_err().as_slice()[0].path.as_str(), "$.best");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdolescentMood {
    /// The session's number.
    pub session: u8,
    /// The rating at the session.
    pub now: AdolescentMoodRating,
    /// The best mood of the week, when asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best: Option<AdolescentMoodRating>,
    /// The worst mood of the week, when asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worst: Option<AdolescentMoodRating>,
}

impl AdolescentMood {
    /// Checks that the best of the week is not worse than the worst (`$.best`).
    ///
    /// ```
    /// use interpersonal::course::{AdolescentMood, AdolescentMoodRating as R};
    /// let m = AdolescentMood { session: 1, now: R::new(5).unwrap(), best: None, worst: None };
    /// assert!(m.validate().is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// [`Problems`](crate::Problems) at `$.best` when the best is worse than the worst.
    pub fn validate(&self) -> Result<(), crate::error::Problems> {
        let mut p = crate::error::Problems::default();
        if let (Some(best), Some(worst)) = (self.best, self.worst) {
            if best.is_worse_than(worst) {
                p.at(
                    crate::error::JsonPath::root().field("best"),
                    format!(
                        "a best mood not worse than the worst ({}); found {}",
                        worst.value(),
                        best.value()
                    ),
                );
            }
        }
        p.into_result(())
    }
}
