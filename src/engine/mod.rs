//! The rule engine: reads an [`Inventory`](crate::Inventory) and suggests
//! which IPT problem area(s) to focus on, saying why.
//!
//! # How it works
//!
//! 1. A [`RuleSet`] is data (JSON): an id, a version, [`RuleParameters`]
//!    (named time windows around the onset, the focus threshold, confidence
//!    bands, a nesting limit) and [`Rule`]s. Each rule names the area it
//!    supports, a weight, a [`Condition`] tree, a summary and a [`Source`](crate::Source).
//!    The default IPT rule set is `rules/default.json`, embedded in the crate
//!    ([`RuleSet::standard`]).
//! 2. [`Engine::compile`] checks a rule set, reporting every problem with its
//!    JSON path, and flattens it for fast evaluation.
//! 3. [`Engine::evaluate`] derives facts from the inventory once, evaluates
//!    every rule with three-valued logic (a rule that needs a missing fact is
//!    *unknown*, does not fire, and lists the fact in
//!    [`Assessment::missing`]), scores each area as the sum of the weights of its
//!    rules that fired, and applies the selection policy below.
//! 4. The [`Assessment`] holds ids, paths and rule text only; a [`Report`]
//!    joins the patient's labels back in for reading.
//!
//! # The selection policy
//!
//! The manuals' policy is explicit code (DESIGN.md decision 7); every step
//! cites `ipt-domain.md`:
//!
//! * **Scores.** An area's score is the sum of the weights of its rules that
//!   fired, so adding evidence never lowers a score. Scores do not depend on
//!   how many people are listed, only on what is recorded about them.
//! * **Candidates.** Areas scoring at least `min_focus_score`.
//! * **Deficits is residual.** Interpersonal deficits is never in focus when
//!   grief, a dispute or a transition has any evidence at all (§2.4, §2.5
//!   rule 3 [S: Guide-2018 ch. 8: "only if none of the other three"; Casebook-2012
//!   ch. 5: "the focal area of last resort"]).
//! * **Order.** Highest score first; equal scores go to the area whose
//!   evidence is linked to the onset, then to the fixed order grief, role
//!   dispute, role transition (§2.5 rule 1 [S: Pocket-Guide; Markowitz-phases];
//!   the ranking itself is [I]).
//! * **At most two, usually one.** A second area joins only when its score is
//!   at least `second_focus_ratio` times the top score (§2.5 rule 2
//!   [S: Guide-2018 ch. Role Disputes; K: Comprehensive-2000]); two areas bring
//!   the advisory to ask the patient which matters most.
//! * **A death is grief, never a transition; a loss that is not a death is a
//!   transition** (§2.5 rule 4 [S: Guide-2018 summary]). The default rules
//!   read deaths only for grief, and event predicates (`role_change`) exclude
//!   deaths by construction.
//! * **Withdrawal since onset is not deficits.** Prior functioning that
//!   *declined since onset* is not evidence of deficits; only a lifelong
//!   pattern of few relationships is (§2.4 [S: Guide-2018; Casebook-2012 ch. 5]).
//! * **Dispute stage** comes from the principal disputant's conflict course;
//!   **grief kind** from the signs recorded on the principal death (see
//!   [`Assessment::dispute_stage`], [`Assessment::grief_kind`]).
//! * **Safety first.** A reported suicidal thought is a critical advisory,
//!   always first, on every assessment; nothing suppresses it (DESIGN.md
//!   decision 8; §9).
//!
//! The engine is decision support: it suggests and explains; the clinician
//! decides, and the formulation is agreed with the patient (§2.5 rule 5).
//!
//! ```
//! use interpersonal::{from_json, AdvisoryCode, Engine, Inventory, ProblemArea, Report};
//!
//! let inventory: Inventory = from_json(r#"{
//!   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
//!   "people": [{"id": "mother", "label": "Mum", "relationship": "parent",
//!               "status": {"deceased": {"date": "2025-11"}}}],
//!   "events": [{"id": "death", "kind": "death", "date": "2025-11", "person": "mother",
//!               "linked_to_onset": true}],
//!   "safety": {"suicidal_thoughts_reported": true}
//! }"#)?;
//! let engine = Engine::standard()?;
//! let assessment = engine.evaluate(&inventory);
//! assert_eq!(assessment.focus, vec![ProblemArea::Grief]);
//! assert_eq!(assessment.advisories[0].code, AdvisoryCode::SuicidalThoughtsReported);
//! let text = Report::new(&assessment, &inventory).to_string();
//! assert!(text.contains("Mum"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod assessment;
mod compile;
mod condition;
mod evaluate;
mod explain;
mod facts;
mod policy;
mod report;
mod ruleset;

pub use assessment::{
    Advisory, AdvisoryCode, AreaFinding, Assessment, Confidence, Evidence, MissingFact, NearMiss,
    NeededFor, RuleSetInfo, Subject,
};
pub use compile::Engine;
pub use condition::{Condition, EventCondition, PersonCondition};
pub use report::Report;
pub use ruleset::{
    ConfidenceThresholds, Indicator, MAX_CONDITION_DEPTH_LIMIT, MAX_WINDOW_MONTHS,
    RULE_SET_SCHEMA_VERSION, Rule, RuleParameters, RuleSet, Window,
};
