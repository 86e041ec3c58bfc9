//! What the engine says about one inventory: an [`Assessment`] and its parts.
//!
//! An assessment names people, events and fields by id and JSON path; it never
//! copies patient text (DESIGN.md decision 2), so it is safe to store or log.
//! A [`Report`](crate::engine::Report) joins the text back in.

use crate::macros::vocabulary_enum;
use crate::{
    catalogue::{DisputeStage, GriefKind, ProblemArea},
    id::{EventId, PersonId, RuleId},
    source::Source,
    text::SharedText,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{error::Problem, inventory::LinkBasis};

use super::missing::FieldPath;
use super::ruleset::Indicator;

/// Which rule set made an assessment: its id, version and content
/// fingerprint, so a stored suggestion can be traced to the exact rules
/// (DESIGN.md decision 4).
///
/// ```
/// use interpersonal::{Engine, date::EpisodeOnset, Inventory};
/// use chrono::NaiveDate;
///
/// let engine = Engine::standard()?;
/// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// let info = engine.evaluate(&inv).rule_set;
/// assert_eq!(info.fingerprint(), engine.rule_set().fingerprint());
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RuleSetInfo {
    /// The rule set's id.
    pub id: RuleId,
    /// The rule set's version ([`RuleSetInfo::version`]).
    #[cfg_attr(
        feature = "schema",
        schemars(extend("pattern" = r"^[0-9]+\.[0-9]+\.[0-9]+(-[A-Za-z0-9.-]+)?$"))
    )]
    pub(crate) version: SharedText,
    /// The rule set's fingerprint ([`RuleSetInfo::fingerprint`]).
    #[cfg_attr(feature = "schema", schemars(extend("pattern" = "^[0-9a-f]{64}$")))]
    pub(crate) fingerprint: SharedText,
}

impl RuleSetInfo {
    /// The rule set's version.
    ///
    /// ```
    /// let engine = interpersonal::Engine::standard()?;
    /// let inv = interpersonal::Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), interpersonal::date::EpisodeOnset::Unknown);
    /// assert_eq!(engine.evaluate(&inv).rule_set.version(), engine.rule_set().version);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn version(&self) -> &str {
        self.version.as_str()
    }

    /// [`RuleSet::fingerprint`](crate::engine::RuleSet::fingerprint) of the rule set.
    ///
    /// ```
    /// let engine = interpersonal::Engine::standard()?;
    /// let inv = interpersonal::Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), interpersonal::date::EpisodeOnset::Unknown);
    /// assert_eq!(engine.evaluate(&inv).rule_set.fingerprint(), engine.rule_set().fingerprint());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn fingerprint(&self) -> &str {
        self.fingerprint.as_str()
    }
}

vocabulary_enum! {
    /// How much evidence the inventory holds for an area: the band of its
    /// score, cut by the rule set's [`StrengthBands`](crate::engine::StrengthBands).
    ///
    /// This is the strength of the recorded evidence, **not a calibrated
    /// confidence** or probability that the area is the right focus: the
    /// weights are design choices of the rule set, not fitted to outcomes.
    /// With the default rule set (`moderate` from 3, `high` from 5, focus
    /// threshold 2): *low* is evidence below 3 (one supporting indicator, or
    /// a trigger weaker than the main ones); *moderate* is one main indicator
    /// (a death, a dispute or a life change linked to the onset, weight 3
    /// or 4) with little support; *high* is a main indicator with its full
    /// supporting weight. Each fact counts once, so restating one fact
    /// through several rules does not raise the band.
    ///
    /// ```
    /// use interpersonal::engine::EvidenceStrength;
    /// assert_eq!(EvidenceStrength::Moderate.to_string(), "moderate");
    /// assert!(EvidenceStrength::High > EvidenceStrength::Low);
    /// ```
    #[non_exhaustive]
    pub enum EvidenceStrength {
        /// No evidence.
        None,
        /// Some evidence, below the moderate band.
        Low,
        /// A score in the moderate band.
        Moderate,
        /// A score in the high band.
        High,
    }
}

/// What a piece of evidence or a missing fact is about: a person or a life
/// event, by id.
///
/// JSON: `{"person": "p1"}` or `{"event": "e1"}`.
///
/// ```
/// use interpersonal::{id::PersonId, engine::Subject};
/// let s = Subject::Person(PersonId::new("sister")?);
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"person":"sister"}"#);
/// # Ok::<(), interpersonal::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// A person of the inventory.
    Person(PersonId),
    /// A life event of the inventory.
    Event(EventId),
}

/// One rule that fired: a CDS Hooks card's content (summary, detail,
/// indicator, source) plus the rule's id and version, the people and events it
/// is about, and the weight it added (DESIGN.md decision 6).
///
/// The subjects are the witnesses: the people and events for which the rule's
/// `some_person` / `some_event` conditions held (and the person an event
/// names, when a condition on that person held), people first, each in
/// inventory order.
///
/// ```
/// use interpersonal::{from_json, Engine, Inventory, ProblemArea};
///
/// let inv: Inventory = from_json(r#"{"schema_version": 1, "assessed_on": "2026-03-02",
///   "onset": "2026-01", "social_context": {"prior_functioning": "lifelong_few_relationships"}}"#)?;
/// let a = Engine::standard()?.evaluate(&inv);
/// let ev = &a.finding(ProblemArea::InterpersonalDeficits).unwrap().evidence[0];
/// assert_eq!(ev.rule.as_str(), "deficits.lifelong_few_relationships");
/// assert!(ev.subjects.is_empty());
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Evidence {
    /// The rule that fired.
    pub rule: RuleId,
    /// Its version.
    pub rule_version: u32,
    /// The area it supports.
    pub area: ProblemArea,
    /// The rule's summary ([`Evidence::summary`]).
    pub(crate) summary: SharedText,
    /// The rule's detail ([`Evidence::detail`]).
    pub(crate) detail: SharedText,
    /// The rule's indicator.
    pub indicator: Indicator,
    /// The rule's source. In JSON each citation also carries its
    /// author-year `label` and, when its work has one, a `link` to its
    /// primary record (read back and ignored, as both follow from the key).
    #[serde(with = "crate::source::shown")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::schema::types::ShownSource")
    )]
    pub source: Source,
    /// The people and events it is about.
    pub subjects: Vec<Subject>,
    /// The rule's weight.
    pub weight: f64,
    /// What it added to the area's score: each fact counts once, so only the
    /// evidence about the area's strongest fact counts, the strongest rule
    /// in full and the others as bounded support
    /// ([`RuleParameters::support_cap`](crate::engine::RuleParameters::support_cap));
    /// restatements past the cap, and evidence about other facts, add 0.
    pub counted: f64,
    /// How its subjects are linked to the onset of the episode: stated by the
    /// clinician, inferred from dates (the link was not recorded), or none.
    /// The strongest link among its subjects.
    pub onset_link: LinkBasis,
}

impl Evidence {
    /// The rule's summary: one line for the clinician, what the evidence shows.
    ///
    /// ```
    /// let inv = interpersonal::Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), interpersonal::date::EpisodeOnset::Unknown);
    /// let a = interpersonal::Engine::standard()?.evaluate(&inv);
    /// for e in a.areas.iter().flat_map(|f| &f.evidence) {
    ///     assert!(!e.summary().is_empty());
    /// }
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn summary(&self) -> &str {
        self.summary.as_str()
    }

    /// The rule's detail: the clinical reasoning behind it; may be empty.
    ///
    /// ```
    /// let inv = interpersonal::Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), interpersonal::date::EpisodeOnset::Unknown);
    /// let a = interpersonal::Engine::standard()?.evaluate(&inv);
    /// for e in a.areas.iter().flat_map(|f| &f.evidence) {
    ///     let _reasoning: &str = e.detail();
    /// }
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn detail(&self) -> &str {
        self.detail.as_str()
    }
}

/// A rule of an area not in focus that came close: how many of the leaf
/// conditions on its best path held, and the first that did not, in words
/// (DESIGN.md decision 6).
///
/// ```
/// use interpersonal::{Engine, date::EpisodeOnset, Inventory, ProblemArea};
/// use chrono::NaiveDate;
///
/// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// let a = Engine::standard()?.evaluate(&inv);
/// let miss = &a.finding(ProblemArea::InterpersonalDeficits).unwrap().near_misses[0];
/// assert!(miss.unknown);
/// assert!(miss.satisfied < miss.total);
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct NearMiss {
    /// The rule.
    pub rule: RuleId,
    /// The first condition that did not hold ([`NearMiss::failed`]).
    pub(crate) failed: SharedText,
    /// How many leaf conditions on the best path held.
    pub satisfied: u32,
    /// How many leaf conditions the best path has.
    pub total: u32,
    /// Whether the failed condition is unknown (a fact it needs is missing;
    /// see [`Assessment::missing`]) rather than false.
    pub unknown: bool,
}

impl NearMiss {
    /// The first condition on the rule's best path that did not hold, in words.
    ///
    /// ```
    /// let inv = interpersonal::Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), interpersonal::date::EpisodeOnset::Unknown);
    /// let a = interpersonal::Engine::standard()?.evaluate(&inv);
    /// let miss = &a.finding(interpersonal::ProblemArea::InterpersonalDeficits).unwrap().near_misses[0];
    /// assert!(!miss.failed().is_empty());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn failed(&self) -> &str {
        self.failed.as_str()
    }
}

/// The engine's finding for one problem area.
///
/// ```
/// use interpersonal::{engine::EvidenceStrength, Engine, date::EpisodeOnset, Inventory, ProblemArea};
/// use chrono::NaiveDate;
///
/// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// let a = Engine::standard()?.evaluate(&inv);
/// let grief = a.finding(ProblemArea::Grief).unwrap();
/// assert_eq!((grief.score, grief.strength), (0.0, EvidenceStrength::None));
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AreaFinding {
    /// The area.
    pub area: ProblemArea,
    /// The strength of its evidence: the strength of its best-supported fact
    /// (a death, a relationship, a life event, or the social context), which
    /// is the weight of the strongest rule about that fact plus at most
    /// [`RuleParameters::support_cap`](crate::engine::RuleParameters::support_cap)
    /// from the other rules about it. Evidence strength, not a calibrated
    /// confidence.
    pub score: f64,
    /// The band of the score.
    pub strength: EvidenceStrength,
    /// The strongest onset link among its facts that could be a focus on
    /// their own (at least `min_focus_score`), else that of its best linked
    /// fact: what orders areas whose scores tie, and whether a focus rests
    /// only on dates. An area other than interpersonal deficits is suggested as
    /// a focus only through a fact linked to the onset (stated or inferred).
    pub onset_link: LinkBasis,
    /// The rules that fired, in rule-set order.
    pub evidence: Vec<Evidence>,
    /// When the area is not in focus: its rules that came closest (at most
    /// three), closest first.
    pub near_misses: Vec<NearMiss>,
}

vocabulary_enum! {
    /// What an advisory is about.
    ///
    /// ```
    /// use interpersonal::engine::AdvisoryCode;
    /// assert_eq!(
    ///     AdvisoryCode::SuicidalThoughtsReported.to_string(),
    ///     "suicidal_thoughts_reported",
    /// );
    /// ```
    #[non_exhaustive]
    pub enum AdvisoryCode {
        /// The patient reported suicidal thoughts: a clinician's risk assessment
        /// comes before any focus work. Critical, always first, never suppressed
        /// (DESIGN.md decision 8; CLINICAL-BASIS.md §9).
        SuicidalThoughtsReported,
        /// Interpersonal deficits is in focus: look hard for a hidden grief or
        /// dispute first (CLINICAL-BASIS.md §2.4 [S: `weissman-2018-guide` ch. 8;
        /// `markowitz-weissman-2012-casebook` ch. 5]).
        LookForHiddenGriefOrDispute,
        /// Two areas are in focus: ask the patient which matters most
        /// (CLINICAL-BASIS.md §2.2 [S: `weissman-2018-guide` ch. "Role Disputes"]).
        AskPatientWhichMatters,
        /// The onset of the episode is not known, so nothing can be linked to it.
        OnsetUnknown,
        /// No area reached the focus threshold.
        NoFocusFound,
        /// A lifelong pattern of few relationships reached the focus threshold,
        /// but interpersonal deficits was held back: some grief, dispute or
        /// transition evidence, or a death or life event of unknown timing, means
        /// the other areas cannot be ruled out yet (CLINICAL-BASIS.md §2.4
        /// [S: `weissman-2018-guide` ch. 8: "only if none of the other three"]).
        DeficitsHeldBack,
        /// The inventory does not say whether the patient was asked about
        /// thoughts of death or self-harm: the safety screen is missing. First,
        /// always; nothing suppresses it (missing is not false; the
        /// initial phase's symptom review includes suicidal ideation
        /// [S: `markowitz-weissman-2012-casebook` ch. 6; K: `weissman-2000-comprehensive-guide`]).
        SafetyScreenMissing,
        /// Areas in or next to the focus have the same score and equally strong
        /// links to the onset: their order is not a ranking; ask the patient
        /// which matters most [S: `weissman-2018-guide` ch. "Role Disputes"].
        AreasTied,
        /// The inventory failed validation: no focus is suggested until the
        /// problems listed in [`Assessment::problems`] are fixed.
        InventoryInvalid,
        /// Evidence was linked to the onset only by its dates: confirm the link
        /// with the patient (see the missing facts needed for `onset_link`).
        OnsetLinkInferred,
        /// A traumatic event is linked to the onset, or its link is not
        /// recorded: ask about posttraumatic stress; IPT for PTSD works on the
        /// trauma's interpersonal consequences, most often as a role transition
        /// (CLINICAL-BASIS.md §7.8 [S: `markowitz-2016-ptsd`]). Its subjects are
        /// the trauma events.
        TraumaLinkedToOnset,
        /// IPSRT: an upcoming change can disrupt daily rhythms; plan the
        /// routine around it (CLINICAL-BASIS.md §7.1 [K: `frank-2005-ipsrt`]).
        /// Its subjects are the events of `$.upcoming`.
        PlanRoutineAroundDisruptor,
    }
}

/// A message for the clinician about the assessment as a whole.
///
/// ```
/// use interpersonal::{engine::AdvisoryCode, Engine, date::EpisodeOnset, engine::Indicator, Inventory};
/// use chrono::NaiveDate;
///
/// let mut inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// // Nobody asked about thoughts of self-harm: that leads.
/// let a = Engine::standard()?.evaluate(&inv);
/// let first = &a.advisories[0];
/// assert_eq!((first.code, first.indicator), (AdvisoryCode::SafetyScreenMissing, Indicator::Critical));
/// // Asked, and denied: the unknown onset leads.
/// inv.safety.suicidal_thoughts = interpersonal::inventory::ScreenAnswer::Denied;
/// let a = Engine::standard()?.evaluate(&inv);
/// let first = &a.advisories[0];
/// assert_eq!((first.code, first.indicator), (AdvisoryCode::OnsetUnknown, Indicator::Warning));
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Advisory {
    /// What it is about.
    pub code: AdvisoryCode,
    /// How urgent it is.
    pub indicator: Indicator,
    /// What to do ([`Advisory::summary`]).
    pub(crate) summary: SharedText,
    /// Where the advice comes from; in JSON with labels and links, as in
    /// [`Evidence::source`].
    #[serde(with = "crate::source::shown")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "crate::schema::types::ShownSource")
    )]
    pub source: Source,
    /// The people or events it is about, if any.
    pub subjects: Vec<Subject>,
}

impl Advisory {
    /// What to do, in one or two sentences.
    ///
    /// ```
    /// let inv = interpersonal::Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), interpersonal::date::EpisodeOnset::Unknown);
    /// let a = interpersonal::Engine::standard()?.evaluate(&inv);
    /// assert!(a.advisories.iter().all(|advisory| !advisory.summary().is_empty()));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn summary(&self) -> &str {
        self.summary.as_str()
    }
}

vocabulary_enum! {
    /// Besides rules, what a missing fact would settle.
    ///
    /// ```
    /// use interpersonal::engine::NeededFor;
    /// assert_eq!(NeededFor::DisputeStage.to_string(), "dispute_stage");
    /// ```
    #[non_exhaustive]
    pub enum NeededFor {
        /// The stage of the dispute in focus.
        DisputeStage,
        /// The link to the onset of evidence whose link was inferred from
        /// dates, or is not known: ask whether it goes with the episode.
        OnsetLink,
        /// The kind of grief in focus: whether mourning was postponed.
        GriefKind,
    }
}

/// A fact the inventory does not have that held rules back: a question worth
/// asking next (DESIGN.md decision 5).
///
/// ```
/// use interpersonal::{Engine, date::EpisodeOnset, Inventory};
/// use chrono::NaiveDate;
///
/// let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// let a = Engine::standard()?.evaluate(&inv);
/// let prior = a.missing.iter().find(|m| m.path == "$.social_context.prior_functioning").unwrap();
/// assert!(prior.held_back.iter().any(|r| r.as_str() == "deficits.lifelong_few_relationships"));
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MissingFact {
    /// The JSON path of the missing field in the inventory, e.g. `$.onset`,
    /// `$.people[2].conflict.course`, `$.events[1].date`: a string in JSON.
    pub path: FieldPath,
    /// The person or event the field belongs to, if any.
    pub subject: Option<Subject>,
    /// The rules that ended unknown for want of it, sorted by id.
    pub held_back: Vec<RuleId>,
    /// What else it would settle.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needed_for: Vec<NeededFor>,
}

/// The assessment schema version this crate writes and reads.
///
/// ```
/// use interpersonal::{engine::ASSESSMENT_SCHEMA_VERSION, Engine, date::EpisodeOnset, Inventory};
/// let inv = Inventory::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
/// let a = Engine::standard()?.evaluate(&inv);
/// assert_eq!(a.schema_version, ASSESSMENT_SCHEMA_VERSION);
/// # Ok::<(), interpersonal::Problems>(())
/// ```
pub const ASSESSMENT_SCHEMA_VERSION: u32 = 2;

/// The engine's suggestion for one inventory: a finding for every area, the
/// suggested focus (0, 1 or 2 areas), the dispute's stage and the grief's kind
/// when those areas are in focus, advisories (a safety advisory always first)
/// and the facts that held rules back.
///
/// An assessment is decision support: it suggests and explains, and the
/// clinician decides with the patient. It holds ids, paths and rule text
/// only, never patient text.
///
/// ```
/// use interpersonal::{from_json, Engine, Inventory, ProblemArea};
///
/// let inv: Inventory = from_json(r#"{
///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
///   "people": [{"id": "father", "label": "Dad", "relationship": "parent",
///               "status": {"deceased": {"date": "2025-12"}}}],
///   "events": [{"id": "e1", "kind": "death", "date": "2025-12", "person": "father"}]
/// }"#)?;
/// let a = Engine::standard()?.evaluate(&inv);
/// assert_eq!(a.focus, vec![ProblemArea::Grief]);
/// assert!(a.score(ProblemArea::Grief) > 0.0);
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Assessment {
    /// The assessment schema version, [`ASSESSMENT_SCHEMA_VERSION`], so that a
    /// stored assessment says which shape it has.
    pub schema_version: u32,
    /// The rule set that made it.
    pub rule_set: RuleSetInfo,
    /// The inventory's as-of date.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub assessed_on: NaiveDate,
    /// One finding per area, in [`ProblemArea`] declaration order.
    pub areas: Vec<AreaFinding>,
    /// The suggested focus, most important first: 0, 1 or 2 areas.
    pub focus: Vec<ProblemArea>,
    /// The stage of the dispute, when a role dispute is in focus and its
    /// course is known.
    pub dispute_stage: Option<DisputeStage>,
    /// The kind of grief, when grief is in focus.
    pub grief_kind: Option<GriefKind>,
    /// Advisories; a safety advisory, when present, is always first.
    pub advisories: Vec<Advisory>,
    /// The facts that held rules back, in inventory (document) order.
    pub missing: Vec<MissingFact>,
    /// Interventions and goal templates for the focus.
    pub recommendations: crate::engine::Recommendations,
    /// When the inventory failed [`Inventory::validate`](crate::inventory::Inventory::validate):
    /// every problem found. The assessment then suggests no focus and reads no
    /// rule; it carries the safety advisories and an
    /// [`AdvisoryCode::InventoryInvalid`] advisory. Empty for a valid inventory.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

impl Assessment {
    /// The finding for an area.
    ///
    /// ```
    /// # use interpersonal::{Engine, date::EpisodeOnset, Inventory, ProblemArea};
    /// # use chrono::NaiveDate;
    /// # let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let a = Engine::standard()?.evaluate(&inv);
    /// assert_eq!(a.finding(ProblemArea::RoleDispute).unwrap().area, ProblemArea::RoleDispute);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn finding(&self, area: ProblemArea) -> Option<&AreaFinding> {
        self.areas.iter().find(|f| f.area == area)
    }

    /// The score of an area; 0.0 when it has no evidence.
    ///
    /// ```
    /// # use interpersonal::{Engine, date::EpisodeOnset, Inventory, ProblemArea};
    /// # use chrono::NaiveDate;
    /// # let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let a = Engine::standard()?.evaluate(&inv);
    /// assert_eq!(a.score(ProblemArea::RoleTransition), 0.0);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn score(&self, area: ProblemArea) -> f64 {
        self.finding(area).map_or(0.0, |f| f.score)
    }

    /// Whether an advisory with this code is present.
    ///
    /// ```
    /// # use interpersonal::{engine::AdvisoryCode, Engine, date::EpisodeOnset, Inventory};
    /// # use chrono::NaiveDate;
    /// # let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let a = Engine::standard()?.evaluate(&inv);
    /// assert!(a.has_advisory(AdvisoryCode::NoFocusFound));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn has_advisory(&self, code: AdvisoryCode) -> bool {
        self.advisories.iter().any(|a| a.code == code)
    }

    /// Whether an area is in the suggested focus.
    ///
    /// ```
    /// # use interpersonal::{Engine, date::EpisodeOnset, Inventory, ProblemArea};
    /// # use chrono::NaiveDate;
    /// # let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let a = Engine::standard()?.evaluate(&inv);
    /// assert!(!a.in_focus(ProblemArea::Grief));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn in_focus(&self, area: ProblemArea) -> bool {
        self.focus.contains(&area)
    }

    /// The missing fact at a path, if any.
    ///
    /// ```
    /// # use interpersonal::{Engine, date::EpisodeOnset, Inventory};
    /// # use chrono::NaiveDate;
    /// # let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
    /// let a = Engine::standard()?.evaluate(&inv);
    /// assert!(a.missing_at("$.social_context.prior_functioning").is_some());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn missing_at(&self, path: &str) -> Option<&MissingFact> {
        self.missing.iter().find(|m| m.path == path)
    }
}
