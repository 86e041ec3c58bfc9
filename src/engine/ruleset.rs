//! A rule set as data: its id, version, parameters (time windows, the focus
//! threshold, confidence bands) and rules (DESIGN.md decision 4).

use crate::macros::vocabulary_enum;
use std::collections::BTreeMap;

use crate::{
    catalogue::{AreaSet, ProblemArea},
    error::JsonError,
    id::RuleId,
    source::Source,
    text::SharedText,
};

fn is_standard_set(set: &AreaSet) -> bool {
    *set == AreaSet::Standard
}
use serde::{Deserialize, Serialize};

use super::condition::Condition;

/// The rule-set schema version this crate reads and writes.
///
/// ```
/// assert_eq!(interpersonal::engine::RULE_SET_SCHEMA_VERSION, 1);
/// ```
pub const RULE_SET_SCHEMA_VERSION: u32 = 1;

/// The deepest condition nesting any rule set may ask for in
/// [`RuleParameters::max_depth`]; it bounds how deep evaluation recurses.
///
/// ```
/// assert_eq!(interpersonal::engine::MAX_CONDITION_DEPTH_LIMIT, 32);
/// ```
pub const MAX_CONDITION_DEPTH_LIMIT: u32 = 32;

/// The longest time window, in months, a rule set may name (100 years).
///
/// ```
/// assert_eq!(interpersonal::engine::MAX_WINDOW_MONTHS, 1200);
/// ```
pub const MAX_WINDOW_MONTHS: u32 = 1200;

/// The largest weight a rule may carry.
///
/// The standard rules weigh 0.5 to 4; a thousand leaves every use of weights
/// to a rule set's author while keeping every sum finite: an area's score is
/// at most this times the number of rules
/// ([`Limits::rules`](crate::limits::Limits::rules), 1000 at most), far below `f64::MAX`, so an assessment's scores are always numbers and its
/// JSON always reads back \[I\].
///
/// ```
/// assert_eq!(interpersonal::engine::MAX_RULE_WEIGHT, 1000.0);
/// ```
pub const MAX_RULE_WEIGHT: f64 = 1000.0;

/// Reads the windows, refusing a name given twice (JSON would otherwise keep
/// the last value without a word).
fn unique_windows<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, Window>, D::Error> {
    struct Windows;
    impl<'de> serde::de::Visitor<'de> for Windows {
        type Value = BTreeMap<String, Window>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of named windows")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut windows = BTreeMap::new();
            while let Some(name) = map.next_key::<String>()? {
                let window: Window = map.next_value()?;
                if windows.contains_key(&name) {
                    return Err(serde::de::Error::custom(format_args!(
                        "expected each window name once; {} is given twice",
                        if name.len() <= 64
                            && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
                        {
                            format!("`{name}`")
                        } else {
                            String::from("a name")
                        }
                    )));
                }
                windows.insert(name, window);
            }
            Ok(windows)
        }
    }
    deserializer.deserialize_map(Windows)
}

/// The default rule set, embedded at build time from `rules/default.json`.
const DEFAULT_RULES_JSON: &str = include_str!("../../rules/default.json");

/// The IPSRT rule set, embedded at build time from `rules/ipsrt.json`.
const IPSRT_RULES_JSON: &str = include_str!("../../rules/ipsrt.json");

/// The fingerprint ([`RuleSet::fingerprint`]) of `rules/default.json`, so
/// that the first [`Engine::standard`](crate::engine::Engine::standard) of a
/// process does not serialise and hash the rules it has just read (a third
/// of its time). The unit test `embedded_fingerprints_are_the_computed_ones`
/// fails, naming the new value, when the file changes.
pub(crate) const DEFAULT_RULES_FINGERPRINT: &str =
    "a09f9250216ea4b1e299571948bae8650fc8646ae51231f9eaebcf8dfddad7d8";

/// The fingerprint of `rules/ipsrt.json` (see [`DEFAULT_RULES_FINGERPRINT`]).
pub(crate) const IPSRT_RULES_FINGERPRINT: &str =
    "168ff7a223e24e2f7330ac53193b96a92ca08c1e8f31d0da6faaf59671bc1a4b";

vocabulary_enum! {
    /// How urgent a piece of evidence or an advisory is: the `indicator` of a CDS
    /// Hooks card (DESIGN.md decision 6).
    ///
    /// ```
    /// use interpersonal::engine::Indicator;
    /// assert_eq!(Indicator::Critical.to_string(), "critical");
    /// assert!(Indicator::Critical > Indicator::Info);
    /// ```
    #[derive(Default)]
    pub enum Indicator {
        /// For information.
        #[default]
        Info,
        /// Worth the clinician's attention.
        Warning,
        /// Must be acted on before anything else.
        Critical,
    }
}

/// A time window around the onset of the current episode, in whole months.
///
/// An event is *inside* the window when every day its date can stand for lies
/// from `before_months` before the onset to `after_months` after it. When the
/// onset is known only to the month, the window runs from `before_months` before
/// the first day of the onset month to `after_months` after its last day (the
/// episode began some time in that month) [I: design choice of this crate].
///
/// ```
/// use interpersonal::engine::Window;
/// let w = Window::new(6, 3);
/// assert_eq!((w.before_months, w.after_months), (6, 3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// How many months before the onset the window opens.
    #[cfg_attr(feature = "schema", schemars(range(max = 1200)))]
    pub before_months: u32,
    /// How many months after the onset the window closes.
    #[cfg_attr(feature = "schema", schemars(range(max = 1200)))]
    pub after_months: u32,
}

impl Window {
    /// A window from `before_months` before to `after_months` after the onset.
    ///
    /// ```
    /// use interpersonal::engine::Window;
    /// assert_eq!(Window::new(24, 0).before_months, 24);
    /// ```
    pub const fn new(before_months: u32, after_months: u32) -> Self {
        Window {
            before_months,
            after_months,
        }
    }
}

/// The score bands that turn an area's score into an
/// [`EvidenceStrength`](crate::engine::EvidenceStrength): any evidence at all is
/// `low`, a score of at least `moderate` is moderate, at least `high` is high.
/// They band the strength of the recorded evidence; they are not a
/// calibrated confidence.
///
/// JSON: `parameters.strength_bands` (rule sets that name it `confidence`, as
/// before, still read).
///
/// ```
/// use interpersonal::engine::StrengthBands;
/// let t = StrengthBands::default();
/// assert!(t.moderate <= t.high);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StrengthBands {
    /// The lowest score of moderate strength.
    #[cfg_attr(feature = "schema", schemars(extend("exclusiveMinimum" = 0)))]
    pub moderate: f64,
    /// The lowest score of high strength.
    #[cfg_attr(feature = "schema", schemars(extend("exclusiveMinimum" = 0)))]
    pub high: f64,
}

impl Default for StrengthBands {
    /// The bands of the default rule set: moderate from 3 (one main indicator
    /// linked to the onset), high from 5 (a main indicator with its full
    /// supporting weight) \[I\].
    fn default() -> Self {
        StrengthBands {
            moderate: 3.0,
            high: 5.0,
        }
    }
}

/// The tunable numbers of a rule set.
///
/// `Default` gives the values of the default rule set (`rules/default.json`);
/// the crate's tests check that they agree.
///
/// ```
/// use interpersonal::{engine::RuleParameters, RuleSet};
/// let p = RuleParameters::default();
/// assert_eq!(p, RuleSet::standard().parameters);
/// assert_eq!(p.windows["onset"].before_months, 6);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RuleParameters {
    /// Named time windows around the onset, referred to by name from
    /// conditions (`{"within": "onset"}`). In JSON each name appears once:
    /// a repeated name is an error, not a silent overwrite.
    #[serde(deserialize_with = "unique_windows")]
    pub windows: BTreeMap<String, Window>,
    /// The lowest score an area needs to be a candidate focus. Finite, above 0.
    #[cfg_attr(feature = "schema", schemars(extend("exclusiveMinimum" = 0)))]
    pub min_focus_score: f64,
    /// A second area joins the focus only when its score is at least this
    /// fraction of the top score. In (0, 1].
    #[cfg_attr(feature = "schema", schemars(range(max = 1), extend("exclusiveMinimum" = 0)))]
    pub second_focus_ratio: f64,
    /// Score bands for the strength of an area's evidence.
    #[serde(alias = "confidence")]
    pub strength_bands: StrengthBands,
    /// The most the rules about one fact other than its strongest rule add
    /// to an area's score: each fact (a death, a relationship, a life event,
    /// the social context) counts once, through its strongest rule, plus at
    /// most this much supporting weight. Finite, 0 or more; 1 when left out.
    #[serde(default = "default_support_cap")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0)))]
    pub support_cap: f64,
    /// The deepest nesting of conditions a rule may use, 1 to
    /// [`MAX_CONDITION_DEPTH_LIMIT`].
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 32)))]
    pub max_depth: u32,
}

impl Default for RuleParameters {
    /// The parameters of the default rule set; see the crate's README and
    /// `rules/default.json` for the reasons behind each value.
    fn default() -> Self {
        let mut windows = BTreeMap::new();
        windows.insert(String::from("onset"), Window::new(6, 3));
        windows.insert(String::from("bereavement"), Window::new(24, 0));
        RuleParameters {
            windows,
            min_focus_score: 2.0,
            second_focus_ratio: 0.6,
            strength_bands: StrengthBands::default(),
            support_cap: 1.0,
            max_depth: 8,
        }
    }
}

fn default_support_cap() -> f64 {
    1.0
}

/// One rule: when its condition holds for an inventory, it adds `weight` to
/// the score of `area` and becomes a piece of [`Evidence`](crate::engine::Evidence).
///
/// ```
/// use interpersonal::{source::Basis, engine::Condition, ProblemArea, inventory::PriorFunctioning, engine::Rule, id::RuleId, source::Source};
/// use interpersonal::bibliography::Citation;
///
/// const GUIDE_DEFICITS: &[Citation; 1] =
///     &[Citation::new("weissman-2018-guide", "ch. \"Interpersonal Deficits\"", Basis::Stated)];
/// let rule = Rule::new(
///     RuleId::new("deficits.lifelong")?,
///     ProblemArea::InterpersonalDeficits,
///     3.0,
///     "A lifelong pattern of few relationships",
///     Source::new(GUIDE_DEFICITS),
///     Condition::PriorFunctioningIn(vec![PriorFunctioning::LifelongFewRelationships]),
/// );
/// assert_eq!(rule.version, 1);
/// # Ok::<(), interpersonal::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Rule {
    /// The rule's id, unique in its rule set.
    pub id: RuleId,
    /// The rule's version, from 1; bump it when the rule's meaning changes.
    #[cfg_attr(feature = "schema", schemars(range(min = 1)))]
    pub version: u32,
    /// The area the rule is evidence for.
    pub area: ProblemArea,
    /// How much the rule adds to the area's score. Above 0 and at most
    /// [`MAX_RULE_WEIGHT`].
    #[cfg_attr(feature = "schema", schemars(range(max = 1000), extend("exclusiveMinimum" = 0)))]
    pub weight: f64,
    /// Whether the rule's condition asks for a link to the onset of the
    /// episode (the clinician's link, a date in an onset window, a change
    /// around the onset). Descriptive only: what orders areas, decides the
    /// grief kind and names linked events is each piece of evidence's own
    /// [`onset_link`](crate::engine::Evidence::onset_link), read from its subjects.
    #[serde(default)]
    pub links_onset: bool,
    /// One line for the clinician ([`Rule::summary`]).
    pub(crate) summary: SharedText,
    /// The clinical reasoning ([`Rule::detail`]).
    #[serde(default)]
    pub(crate) detail: SharedText,
    /// How urgent the evidence is.
    #[serde(default)]
    pub indicator: Indicator,
    /// Where the rule comes from.
    pub source: Source,
    /// The condition.
    pub when: Condition,
}

impl Rule {
    /// A rule of version 1, not linked to onset, with no detail and an `info`
    /// indicator; set the other fields directly.
    ///
    /// ```
    /// use interpersonal::{source::Basis, engine::Condition, ProblemArea, engine::Rule, id::RuleId, source::Source};
    /// use interpersonal::bibliography::Citation;
    /// let source = Source::from_cites([Citation::new("markowitz-weissman-2004-world-psychiatry", "", Basis::Inferred)]);
    /// let mut rule = Rule::new(
    ///     RuleId::new("x")?, ProblemArea::Grief, 1.0, "Onset known",
    ///     source, Condition::OnsetKnown(true),
    /// );
    /// rule.links_onset = true;
    /// assert!(rule.detail().is_empty());
    /// # Ok::<(), interpersonal::id::IdError>(())
    /// ```
    pub fn new(
        id: RuleId,
        area: ProblemArea,
        weight: f64,
        summary: impl Into<String>,
        source: Source,
        when: Condition,
    ) -> Self {
        Rule {
            id,
            version: 1,
            area,
            weight,
            links_onset: false,
            summary: SharedText::from(summary.into()),
            detail: SharedText::default(),
            indicator: Indicator::Info,
            source,
            when,
        }
    }

    /// One line for the clinician: what the evidence shows.
    ///
    /// ```
    /// let rules = interpersonal::RuleSet::standard();
    /// assert!(rules.rules.iter().all(|rule| !rule.summary().trim().is_empty()));
    /// ```
    pub fn summary(&self) -> &str {
        self.summary.as_str()
    }

    /// More detail: the clinical reasoning behind the rule; empty when there
    /// is none.
    ///
    /// ```
    /// let rules = interpersonal::RuleSet::standard();
    /// assert!(rules.rules.iter().any(|rule| !rule.detail().is_empty()));
    /// ```
    pub fn detail(&self) -> &str {
        self.detail.as_str()
    }

    /// Replaces the summary.
    ///
    /// ```
    /// let mut rules = interpersonal::RuleSet::standard();
    /// rules.rules[0].set_summary("Reworded for our clinic");
    /// assert_eq!(rules.rules[0].summary(), "Reworded for our clinic");
    /// ```
    pub fn set_summary(&mut self, summary: impl Into<String>) {
        self.summary = SharedText::from(summary.into());
    }

    /// Replaces the detail.
    ///
    /// ```
    /// let mut rules = interpersonal::RuleSet::standard();
    /// rules.rules[0].set_detail("Why this rule holds, in our words.");
    /// assert_eq!(rules.rules[0].detail(), "Why this rule holds, in our words.");
    /// ```
    pub fn set_detail(&mut self, detail: impl Into<String>) {
        self.detail = SharedText::from(detail.into());
    }
}

/// A versioned set of rules that read an [`Inventory`](crate::inventory::Inventory) and
/// score the four problem areas (DESIGN.md decision 4).
///
/// Rule sets are JSON documents; the default one is `rules/default.json`,
/// embedded in the crate and read with [`RuleSet::standard`]. Compile one with
/// [`Engine::compile`](crate::engine::Engine::compile) to use it.
///
/// ```
/// use interpersonal::RuleSet;
///
/// let rules = RuleSet::standard();
/// assert_eq!(rules.id.as_str(), "ipt.default");
/// assert!(rules.rules.len() >= 4);
/// let again = RuleSet::from_json(&serde_json::to_string(&rules).unwrap()).unwrap();
/// assert_eq!(again.fingerprint(), rules.fingerprint());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// The schema version, [`RULE_SET_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The rule set's id.
    pub id: RuleId,
    /// Its version, `MAJOR.MINOR.PATCH` with an optional `-pre` suffix.
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = r"^[0-9]+\.[0-9]+\.[0-9]+(-[A-Za-z0-9.-]+)?$")))]
    pub version: String,
    /// What the rule set is for.
    #[serde(default)]
    pub description: String,
    /// Which problem areas the rules may score: `standard` (the four areas of
    /// IPT; the default, and left out of the JSON, so that a standard rule
    /// set's JSON and fingerprint are as before) or `ipsrt` (the four and
    /// grief for the lost healthy self). A rule naming an area outside the
    /// set is a compile error at `$.rules[i].area`.
    #[serde(default, skip_serializing_if = "is_standard_set")]
    pub area_set: AreaSet,
    /// The tunable numbers.
    pub parameters: RuleParameters,
    /// The rules, in the order their evidence is listed.
    #[serde(deserialize_with = "crate::limits::read::rules")]
    pub rules: Vec<Rule>,
}

impl RuleSet {
    /// The same rule set, its rules' ids, words and sources kept for the rest
    /// of the process ([`SharedText::for_process`]), so that assessments
    /// copy them without counting references: only for the embedded rule
    /// sets the process-wide engines are compiled from, once per process.
    pub(crate) fn for_process(mut self) -> RuleSet {
        for rule in &mut self.rules {
            rule.id = rule.id.clone().for_process();
            rule.summary = std::mem::take(&mut rule.summary).for_process();
            rule.detail = std::mem::take(&mut rule.detail).for_process();
            rule.source = rule.source.clone().for_process();
        }
        self
    }
}

impl RuleSet {
    /// The default IPT rule set, `rules/default.json`, embedded in the crate.
    ///
    /// It implements the clinical indicators of CLINICAL-BASIS.md §2.5 in the
    /// Weissman/Markowitz model (a death is grief; a loss that is not a death is
    /// a transition). Each rule cites its source; the weights, windows and
    /// thresholds are design choices of this crate \[I\].
    ///
    /// | rule | area | weight | fires when |
    /// |---|---|---|---|
    /// | `grief.death_near_onset` | grief | 4 | a significant other died, and the clinician links the death to the onset (or the link is unknown and it is dated in the onset window); a death marked not linked never counts |
    /// | `grief.complicated_grief_signs` | grief | 1.5 | a death of a significant other (or one the clinician links) carries a complicated-grief sign; supporting |
    /// | `grief.death_in_bereavement_window` | grief | 1 | a significant other died in the 24 months before onset, not marked not linked; supporting |
    /// | `dispute.conflict_around_onset` | role dispute | 3 | a living significant other has a current conflict (moderate or worse, or covert at any level) that the clinician links to the onset, or, when the link is unknown, that worsened around the onset or began after it |
    /// | `dispute.current_conflict` | role dispute | 1 | such a conflict whose link is unknown and that neither worsened around the onset nor began after it; supporting |
    /// | `dispute.non_reciprocal_expectations` | role dispute | 0.5 | expectations with a living significant other are unmet or partly met, with some conflict or a worsening; supporting |
    /// | `dispute.stalled_conflict` | role dispute | 0.5 | such a conflict is stalled; supporting |
    /// | `dispute.relationship_worse_around_onset` | role dispute | 0.5 | a relationship with a living significant other worsened around onset, with some conflict or unmet expectations; supporting |
    /// | `transition.life_change_near_onset` | role transition | 3 | a life event that changes a social role (never a death) is linked to onset by the clinician, or by its date when the link is unknown |
    /// | `transition.relationship_lost_around_onset` | role transition | 2 | a relationship with a living significant other was lost around onset, and the clinician links it, or the link is unknown and functioning did not decline since the onset |
    /// | `transition.non_death_loss_near_onset` | role transition | 1 | a loss that is not a death is linked to onset; supporting |
    /// | `deficits.lifelong_few_relationships` | interpersonal deficits | 3 | prior functioning is a lifelong pattern of few relationships |
    /// | `deficits.no_confidant` | interpersonal deficits | 1 | that, and no confidant |
    /// | `deficits.lives_alone` | interpersonal deficits | 1 | that, and the patient lives alone |
    ///
    /// Parameters: the `onset` window runs from 6 months before to 3 months
    /// after the onset, the `bereavement` window the 24 months before it; an area
    /// needs a score of 2 to be in focus; a second area needs 0.6 of the top
    /// score (disputes and transitions often co-occur and the manuals leave the
    /// choice to the patient, so a close second is offered, with the advisory to
    /// ask; `weissman-2018-guide` ch. "Role Disputes"); the rules about one fact other than
    /// its strongest add at most 1 (the support cap); evidence strength is
    /// moderate from 3 and high from 5.
    ///
    /// A test of the crate reads this table and this paragraph and fails when
    /// they differ from `rules/default.json`.
    ///
    /// The embedded file is parsed and compiled by the crate's own tests, so
    /// this does not fail in a released crate. Were it ever unreadable, the
    /// result would be a rule set with id `invalid` and no rules, which
    /// [`Engine::compile`](crate::engine::Engine::compile) refuses (one problem per
    /// unreachable area); use [`RuleSet::try_standard`] to see the error instead.
    ///
    /// ```
    /// let rules = interpersonal::RuleSet::standard();
    /// assert_eq!(rules.schema_version, 1);
    /// ```
    pub fn standard() -> RuleSet {
        Self::try_standard().unwrap_or_else(|_| Self::unreadable(AreaSet::Standard))
    }

    /// The default rule set, or the error that reading it gave.
    ///
    /// ```
    /// assert!(interpersonal::RuleSet::try_standard().is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// Returns a [`JsonError`] if the embedded `rules/default.json` cannot be
    /// read (a defect the crate's tests rule out).
    pub fn try_standard() -> Result<RuleSet, JsonError> {
        Self::embedded(DEFAULT_RULES_JSON)
    }

    /// The IPSRT rule set, or the error that reading it gave (a defect the
    /// crate's tests rule out).
    pub(crate) fn try_ipsrt() -> Result<RuleSet, JsonError> {
        Self::embedded(IPSRT_RULES_JSON)
    }

    /// Reads a rule set embedded in the crate
    /// ([`from_embedded_json`](crate::error::from_embedded_json)): the ids
    /// and texts written without escapes point into `json`, so an
    /// assessment shares them with no reference counting.
    fn embedded(json: &'static str) -> Result<RuleSet, JsonError> {
        crate::error::from_embedded_json(json)
    }

    /// What an embedded rule set of `area_set` reads as were its file ever
    /// unreadable: id `invalid` and no rules, which compiling refuses.
    fn unreadable(area_set: AreaSet) -> RuleSet {
        RuleSet {
            schema_version: RULE_SET_SCHEMA_VERSION,
            id: invalid_id(),
            version: String::from("0.0.0"),
            description: String::new(),
            area_set,
            parameters: RuleParameters::default(),
            rules: Vec::new(),
        }
    }

    /// The IPSRT rule set, `rules/ipsrt.json`, embedded in the crate: the
    /// default rules for the four areas and rules for IPSRT's fifth, grief
    /// for the lost healthy self (CLINICAL-BASIS.md §7.1
    /// [K: `frank-2005-ipsrt`]). Its `area_set` is `ipsrt`. An assessment with
    /// it also advises planning the daily routine around each upcoming rhythm
    /// disruptor of the inventory.
    ///
    /// | rule | area | weight | fires when |
    /// |---|---|---|---|
    /// | `lost_self.illness_near_onset` | grief_for_lost_healthy_self | 3 | the patient's own serious illness or diagnosis (for IPSRT, bipolar disorder or an episode of it) is linked to the onset by the clinician, or by its date when the link is unknown |
    /// | `lost_self.functioning_declined` | grief_for_lost_healthy_self | 1 | that, and the patient's relationships declined since the onset; supporting |
    ///
    /// The same illness is also a role transition (standard IPT's reading of
    /// a diagnosis), so the two areas may tie: the assessment then says so
    /// and advises asking the patient which matters most. Weights are this
    /// crate's \[I\]. Were the embedded file ever unreadable, the result is a
    /// rule set with no rules, which compiling refuses (see
    /// [`RuleSet::standard`]).
    ///
    /// ```
    /// use interpersonal::{catalogue::AreaSet, RuleSet};
    /// let rules = RuleSet::ipsrt();
    /// assert_eq!(rules.id.as_str(), "ipsrt.default");
    /// assert_eq!(rules.area_set, AreaSet::Ipsrt);
    /// ```
    pub fn ipsrt() -> RuleSet {
        Self::try_ipsrt().unwrap_or_else(|_| Self::unreadable(AreaSet::Ipsrt))
    }

    /// The JSON text of the IPSRT rule set, as embedded.
    ///
    /// ```
    /// assert!(interpersonal::RuleSet::ipsrt_json().contains("\"area_set\": \"ipsrt\""));
    /// ```
    pub fn ipsrt_json() -> &'static str {
        IPSRT_RULES_JSON
    }

    /// Reads a rule set from JSON. This checks the shape only; compile it with
    /// [`Engine::compile`](crate::engine::Engine::compile) to check its content.
    ///
    /// ```
    /// use interpersonal::RuleSet;
    /// let err = RuleSet::from_json(r#"{"schema_version": 1, "versoin": "x"}"#).unwrap_err();
    /// // An unknown key is never shown; a near field name is offered.
    /// assert_eq!(err.path.as_str(), "$");
    /// assert!(err.message.contains("did you mean `version`?"));
    /// ```
    ///
    /// # Errors
    ///
    /// Returns a [`JsonError`] naming the path of the first value that could
    /// not be read (an unknown field, a wrong type, an unknown condition).
    pub fn from_json(json: &str) -> Result<RuleSet, JsonError> {
        crate::error::from_json(json)
    }

    /// The JSON text of the default rule set, as embedded.
    ///
    /// ```
    /// assert!(interpersonal::RuleSet::standard_json().contains("\"ipt.default\""));
    /// ```
    pub fn standard_json() -> &'static str {
        DEFAULT_RULES_JSON
    }

    /// A fingerprint of the rule set's content: the SHA-256 of its JSON in the
    /// canonical form of RFC 8785 (JSON Canonicalization Scheme: keys sorted,
    /// no white space, numbers and strings written one way), as 64 lower-case
    /// hex digits. Any change to a rule, a parameter or the version changes it;
    /// formatting of the source file and the order of keys do not, and a
    /// program in another language reproduces it with any RFC 8785 library and
    /// SHA-256.
    ///
    /// ```
    /// use interpersonal::RuleSet;
    /// let a = RuleSet::standard();
    /// let mut b = a.clone();
    /// assert_eq!(a.fingerprint(), b.fingerprint());
    /// assert_eq!(a.fingerprint().len(), 64);
    /// b.parameters.min_focus_score += 1.0;
    /// assert_ne!(a.fingerprint(), b.fingerprint());
    /// ```
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        use std::fmt::Write;
        // Serialising the crate's own types cannot fail (every map key is
        // text); were it ever to, the fingerprint is that of empty input.
        let canonical = super::fingerprint::canonical_json(self).unwrap_or_default();
        let digest = Sha256::digest(&canonical);
        let mut hex = String::with_capacity(64);
        for byte in digest {
            let _ = write!(hex, "{byte:02x}");
        }
        hex
    }
}

fn invalid_id() -> RuleId {
    RuleId::from_known("invalid")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded rule sets are read without checking their nesting
    /// first ([`crate::error::from_embedded_json`]): they must be shallow.
    #[test]
    fn embedded_rule_sets_nest_within_the_json_limit() {
        for json in [DEFAULT_RULES_JSON, IPSRT_RULES_JSON] {
            assert!(!crate::error::deeper_than_allowed(json.as_bytes()));
        }
    }

    #[test]
    fn embedded_fingerprints_are_the_computed_ones() {
        assert_eq!(
            RuleSet::try_standard().unwrap().fingerprint(),
            DEFAULT_RULES_FINGERPRINT,
            "rules/default.json changed: write its new fingerprint in DEFAULT_RULES_FINGERPRINT"
        );
        assert_eq!(
            RuleSet::try_ipsrt().unwrap().fingerprint(),
            IPSRT_RULES_FINGERPRINT,
            "rules/ipsrt.json changed: write its new fingerprint in IPSRT_RULES_FINGERPRINT"
        );
    }

    #[test]
    fn fingerprint_is_sha256_of_the_rfc8785_form() {
        use sha2::{Digest, Sha256};
        let rules = RuleSet::standard();
        let canonical = serde_jcs::to_string(&rules).unwrap();
        // Keys sorted, no white space.
        assert!(
            canonical.starts_with("{\"description\":"),
            "{}",
            &canonical[..40]
        );
        let expected: String = Sha256::digest(canonical.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(rules.fingerprint(), expected);
        // Known SHA-256 value, so the hash itself is checked too.
        let empty: String = Sha256::digest(b"")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            empty,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn standard_text_is_shared_from_the_embedded_json_unchanged() {
        let shared = RuleSet::try_standard().unwrap();
        let parsed = RuleSet::from_json(DEFAULT_RULES_JSON).unwrap();
        assert_eq!(shared, parsed);
        assert_eq!(shared.fingerprint(), parsed.fingerprint());
        assert_eq!(
            serde_json::to_string(&shared).unwrap(),
            serde_json::to_string(&parsed).unwrap()
        );
        // Text written with escapes in the JSON does not occur verbatim; it
        // stays reference counted.
        let verbatim = |t: &SharedText| DEFAULT_RULES_JSON.contains(t.as_str());
        for rule in &shared.rules {
            assert_eq!(
                rule.summary.is_static(),
                verbatim(&rule.summary),
                "{}",
                rule.id
            );
            assert_eq!(
                rule.detail.is_static(),
                verbatim(&rule.detail),
                "{}",
                rule.id
            );
            for cite in rule.source.cites() {
                assert!(cite.key.is_static(), "{}", rule.id);
                let locator = &cite.locator;
                assert_eq!(locator.is_static(), verbatim(locator), "{}", rule.id);
            }
        }
        assert!(
            shared
                .rules
                .iter()
                .filter(|r| r.summary.is_static())
                .count()
                > 10
        );
        assert!(parsed.rules.iter().all(|r| !r.summary.is_static()));
    }

    #[test]
    fn standard_parses_and_matches_default_parameters() {
        let rules = RuleSet::try_standard().unwrap();
        assert_eq!(rules.parameters, RuleParameters::default());
        assert_eq!(rules.schema_version, RULE_SET_SCHEMA_VERSION);
    }

    #[test]
    fn unknown_fields_are_refused() {
        let mut v: serde_json::Value = serde_json::from_str(DEFAULT_RULES_JSON).unwrap();
        v["rules"][0]["wieght"] = serde_json::json!(1.0);
        let err = RuleSet::from_json(&v.to_string()).unwrap_err();
        // The unknown key is not shown; the path ends at its object, and a
        // near field name is offered.
        assert_eq!(err.path.as_str(), "$.rules[0]");
        assert!(err.message.contains("did you mean `weight`?"), "{err}");
    }

    /// The rule table and the parameters in the docs of
    /// [`RuleSet::standard`] say what `rules/default.json` holds.
    #[test]
    fn the_documented_table_matches_the_default_rules() {
        let source = include_str!("ruleset.rs");
        let rules = RuleSet::standard();
        let mut documented = Vec::new();
        for line in source.lines() {
            let Some(row) = line.trim().strip_prefix("/// | `") else {
                continue;
            };
            let cells: Vec<&str> = row.split(" | ").collect();
            let id = cells[0].trim_end_matches('`');
            let area = cells[1].replace(' ', "_");
            let weight: f64 = cells[2].parse().unwrap();
            documented.push((id.to_string(), area, weight));
        }
        // The standard table, then the IPSRT table of the rules it adds.
        let ipsrt = RuleSet::ipsrt();
        let actual: Vec<(String, String, f64)> = rules
            .rules
            .iter()
            .chain(ipsrt.rules.iter().filter(|r| !r.area.is_standard()))
            .map(|r| (r.id.as_str().to_string(), r.area.to_string(), r.weight))
            .collect();
        assert_eq!(
            documented, actual,
            "the rule tables in RuleSet::standard's and RuleSet::ipsrt's docs"
        );
        // The IPSRT rule set is the standard rules and its own.
        assert_eq!(ipsrt.parameters, rules.parameters);
        assert_eq!(&ipsrt.rules[..rules.rules.len()], &rules.rules[..]);
        let p = &rules.parameters;
        let docs: String = source
            .lines()
            .filter_map(|l| l.trim().strip_prefix("///"))
            .collect::<Vec<_>>()
            .join(" ");
        let onset = p.windows["onset"];
        let bereavement = p.windows["bereavement"];
        for claim in [
            format!(
                "runs from {} months before to {} months after the onset",
                onset.before_months, onset.after_months
            ),
            format!("the {} months before it", bereavement.before_months),
            format!("needs a score of {} to be in focus", p.min_focus_score),
            format!("a second area needs {} of the top", p.second_focus_ratio),
            format!("add at most {} (the support cap)", p.support_cap),
            format!(
                "moderate from {} and high from {}",
                p.strength_bands.moderate, p.strength_bands.high
            ),
        ] {
            let squeezed = docs.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(squeezed.contains(&claim), "the docs do not say: {claim}");
        }
        assert_eq!(bereavement.after_months, 0);
    }
}
