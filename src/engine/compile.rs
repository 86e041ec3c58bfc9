//! Compiling a [`RuleSet`]: checking it, reporting every problem at once with
//! its JSON path, and flattening each rule's condition tree into an
//! index-based form that evaluation walks without allocating (DESIGN.md
//! decisions 4 and 10).

use crate::collections::{HashMap, HashMapExt};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use crate::limits::Limits;
use crate::{
    catalogue::AreaSet,
    error::{JsonPath, Problems},
    inventory::EventKind,
    source::Source,
    text::SharedText,
};
use serde::{Deserialize, Serialize};

use super::assessment::RuleSetInfo;
use super::condition::{
    Condition, EventCondition, EventFact, EventRead, PersonCondition, PersonFact, PersonRead,
    RootRead, SocialFact,
};
use super::condition_tree as tree;
use super::explain::Words;
use super::fact_table::{Asked, Codes, Holds};
use super::facts::{Truth, WindowRef};
use super::masks::PersonNeeds;
use super::proximity::{self, Proximity};
use super::ruleset::{
    DEFAULT_RULES_FINGERPRINT, IPSRT_RULES_FINGERPRINT, MAX_CONDITION_DEPTH_LIMIT, MAX_RULE_WEIGHT,
    MAX_WINDOW_MONTHS, RULE_SET_SCHEMA_VERSION, RuleParameters, RuleSet, Window,
};

/// A compiled node. Children of `All`/`Any` are `kids[start..start + len]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Node {
    All {
        start: u32,
        len: u32,
    },
    Any {
        start: u32,
        len: u32,
    },
    Not(u32),
    /// Root context: some person satisfies the person node.
    SomePerson(u32),
    /// Root context: some event satisfies the event node.
    SomeEvent(u32),
    /// Event context: the event's person satisfies the person node.
    EventPerson(u32),
    Leaf(Leaf),
}

/// A compiled predicate, by what it is about. A fact of the tables in
/// `condition.rs` compiles to `Is(fact, codes)`, read through the table;
/// the facts with logic of their own keep a variant each. Each kind's leaves
/// are decided by an exhaustive `match` ([`Facts::leaf`](super::facts::Facts),
/// the lane masks), so a leaf left out of one does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Leaf {
    Root(RootLeaf),
    Person(PersonLeaf),
    Event(EventLeaf),
}

/// A compiled predicate about the inventory as a whole: a fact of the
/// social-context table, or one with logic of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum RootLeaf {
    Is(SocialFact, Holds),
    ConfidantsAtMost(u32),
    OnsetKnown(bool),
}

/// A compiled predicate about one person: a fact of the table
/// (`condition.rs`) and the codes it holds for, or a fact with logic of
/// its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum PersonLeaf {
    Is(PersonFact, Holds),
    DiedWithin(WindowRef),
}

/// A compiled predicate about one life event: a fact of the table
/// (`death`, `non_death_loss` and `role_change` as the kinds for which they
/// hold), or a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum EventLeaf {
    Is(EventFact, Holds),
    Within(WindowRef),
    Linked(WindowRef),
}

/// The bit for an enum variant's discriminant.
pub(crate) fn bit(discriminant: u32) -> u64 {
    1u64.checked_shl(discriminant).unwrap_or(0)
}

/// The event kinds for which `holds` is true, as a mask.
fn kinds_where(holds: impl Fn(EventKind) -> bool) -> u64 {
    EventKind::iter()
        .filter(|&k| holds(k))
        .fold(0, |m, k| m | bit(k as u32))
}

/// What a node is evaluated about: the inventory as a whole, each person
/// (under `some_person`), each event (under `some_event`), or the person each
/// event names (under an event's `person`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Space {
    Root,
    Person,
    Event,
    EventPerson,
}

/// The flat form of all rules' conditions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Compiled {
    pub(crate) nodes: Vec<Node>,
    pub(crate) kids: Vec<u32>,
    /// The root node of each rule, in rule order.
    pub(crate) roots: Vec<u32>,
    /// For each node, its description in words, prefixed by the quantifiers
    /// above it ("some event: dated ..."): written the first time it is
    /// asked for (a near miss), from the node's condition in `rules`.
    pub(crate) text: NodeWords,
    /// For each node, whether witnesses can be found at or below it (a
    /// quantifier or an event's person outside any `not`).
    pub(crate) yields_subjects: Vec<bool>,
    /// The windows the conditions use, in order of first use; a leaf's
    /// [`WindowRef::index`] points here.
    pub(crate) windows: Vec<Window>,
    /// For each node, what it is evaluated about.
    pub(crate) space: Vec<Space>,
    /// The facts conditions read about people (under `some_person`).
    pub(crate) person_needs: PersonNeeds,
    /// The facts conditions read about the people events name.
    pub(crate) event_person_needs: PersonNeeds,
    /// For each node, how close it comes about nobody (see
    /// [`proximity::absent_proximities`]).
    pub(crate) absent: Vec<Proximity>,
    /// For each node, whether it always counts as one condition when
    /// measuring how close a rule came (see [`Compiled::unit_parts`]).
    pub(crate) unit: Vec<bool>,
    /// For each rule, in rule order, the place of its id among the rules'
    /// distinct ids sorted: rules with equal ids have equal places, so
    /// sorting by place sorts by id without comparing strings.
    pub(crate) id_rank: Vec<u32>,
    /// The recommendations for every focus, built once.
    pub(crate) recommendations: &'static super::recommend::RecommendationTable,
}

impl Compiled {
    pub(crate) fn node(&self, i: u32) -> Option<Node> {
        self.nodes.get(usize::try_from(i).ok()?).copied()
    }

    pub(crate) fn kids(&self, start: u32, len: u32) -> &[u32] {
        let (Ok(s), Ok(l)) = (usize::try_from(start), usize::try_from(len)) else {
            return &[];
        };
        self.kids.get(s..s.saturating_add(l)).unwrap_or(&[])
    }

    /// Whether witnesses can be found at or below node `i`.
    pub(crate) fn yields_subjects(&self, i: u32) -> bool {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.yields_subjects.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// Whether node `i` is a leaf or a `not`: decided as one condition.
    #[inline]
    pub(crate) fn is_atomic(&self, i: u32) -> bool {
        matches!(
            self.nodes.get(i as usize),
            Some(Node::Leaf(_) | Node::Not(_))
        )
    }

    /// How close node `i` comes about nobody.
    pub(crate) fn absent(&self, i: u32) -> Proximity {
        usize::try_from(i)
            .ok()
            .and_then(|i| self.absent.get(i))
            .copied()
            .unwrap_or(Proximity::atomic(i, Truth::Unknown))
    }

    /// Whether node `i` always counts as one condition when measuring how
    /// close a rule came: a leaf, a `not`, an `any` of such, an event's
    /// person condition on such, or an `all` of one such.
    pub(crate) fn is_unit(&self, i: u32) -> bool {
        self.unit.get(i as usize).copied().unwrap_or(false)
    }

    /// The parts of node `i` when it is an `all` of at most
    /// [`MAX_UNIT_PARTS`] parts that each count as one condition: then every
    /// subject has the same total, and the closest is found with bit
    /// operations over all subjects at once.
    pub(crate) fn unit_parts(&self, i: u32) -> Option<&[u32]> {
        match self.node(i) {
            Some(Node::All { start, len }) => {
                let parts = self.kids(start, len);
                (parts.len() <= MAX_UNIT_PARTS && parts.iter().all(|&k| self.is_unit(k)))
                    .then_some(parts)
            }
            _ => None,
        }
    }

    /// The description of node `i`, shared: cloning it does not copy it.
    /// Written on the first call for the node, then kept.
    pub(crate) fn text(&self, i: u32) -> SharedText {
        let Some(i) = usize::try_from(i).ok() else {
            return SharedText::default();
        };
        match self.text.cells.get(i) {
            Some(cell) => cell
                .get_or_init(|| {
                    let text = SharedText::from(self.text.describe(i));
                    if self.text.for_process {
                        text.for_process()
                    } else {
                        text
                    }
                })
                .clone(),
            None => SharedText::default(),
        }
    }
}

/// The words of every node, written when first asked for.
///
/// Compiling used to describe every node in words, which was two thirds of
/// its time; most nodes' words are never read (only a near miss shows them).
/// Each node keeps where its condition is instead ([`Origin`]), and its words
/// are written from that condition, once, by [`Compiled::text`]. They are the
/// words [`Condition::describe`] gives, after the quantifiers' words above
/// the node.
#[derive(Debug, Clone)]
pub(crate) struct NodeWords {
    /// The rule set the nodes were compiled from.
    rules: Arc<RuleSet>,
    /// Where each node's condition is.
    origins: Vec<Origin>,
    /// The steps of every origin, one after the other.
    steps: Vec<u32>,
    /// The distinct quantifier words before a node ("some person: ").
    prefixes: Vec<String>,
    /// Each node's words, once written.
    cells: Vec<OnceLock<SharedText>>,
    /// Whether the engine is one of those compiled once per process, whose
    /// words are kept for the rest of the process
    /// ([`SharedText::for_process`]).
    for_process: bool,
}

/// Where a node's condition is: rule `rule`'s `when`, then the children
/// `steps[start..start + len]` (each counted as [`tree::Ref::child`] does),
/// `depth` levels deep, after the words `prefixes[prefix]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Origin {
    rule: u32,
    start: u32,
    len: u32,
    depth: u32,
    prefix: u32,
}

impl NodeWords {
    /// The condition at `origin`.
    fn find<'r>(rules: &'r RuleSet, steps: &[u32], origin: Origin) -> Option<tree::Ref<'r>> {
        let rule = rules.rules.get(usize::try_from(origin.rule).ok()?)?;
        let start = usize::try_from(origin.start).ok()?;
        let len = usize::try_from(origin.len).ok()?;
        let mut at = tree::Ref::rule(&rule.when);
        for &k in steps.get(start..start.checked_add(len)?)? {
            at = at.child(k)?;
        }
        Some(at)
    }

    /// The words of node `i`.
    fn describe(&self, i: usize) -> String {
        let Some(&origin) = self.origins.get(i) else {
            return String::new();
        };
        let prefix = usize::try_from(origin.prefix)
            .ok()
            .and_then(|p| self.prefixes.get(p))
            .map_or("", String::as_str);
        match Self::find(&self.rules, &self.steps, origin) {
            Some(c) => {
                let mut text = String::from(prefix);
                text.push_str(&c.words(&self.rules.parameters.windows, origin.depth));
                text
            }
            None => String::new(),
        }
    }
}

impl PartialEq for NodeWords {
    /// The same nodes from the same conditions: which words have been
    /// written so far does not matter.
    fn eq(&self, other: &Self) -> bool {
        self.rules == other.rules
            && self.origins == other.origins
            && self.steps == other.steps
            && self.prefixes == other.prefixes
    }
}

/// The rule engine: a compiled rule set that reads an
/// [`Inventory`](crate::inventory::Inventory) and suggests which IPT problem area(s) to
/// focus on, saying why.
///
/// Compile once, share freely: an `Engine` is immutable, `Send` and `Sync`,
/// and evaluation is pure (DESIGN.md decisions 1 and 10). It serialises as its
/// [`RuleSet`] and deserialises by compiling one.
///
/// ```
/// use interpersonal::{Engine, RuleSet};
///
/// let engine = Engine::compile(RuleSet::standard())?;
/// assert_eq!(engine.rule_set().id.as_str(), "ipt.default");
/// fn shared<T: Send + Sync>(_: &T) {}
/// shared(&engine);
/// # Ok::<(), interpersonal::Problems>(())
/// ```
///
/// # How it works
///
/// 1. A [`RuleSet`] is data (JSON): an id, a version, [`RuleParameters`]
///    (named time windows around the onset, the focus threshold, evidence-strength
///    bands, a nesting limit) and [`Rule`](crate::engine::Rule)s. Each rule names the area it
///    supports, a weight, a [`Condition`] tree, a summary and a [`Source`](crate::source::Source).
///    The default IPT rule set is `rules/default.json`, embedded in the crate
///    ([`RuleSet::standard`]).
/// 2. [`Engine::compile`] checks a rule set, reporting every problem with its
///    JSON path, and flattens it for fast evaluation.
/// 3. [`Engine::evaluate`] derives facts from the inventory once, evaluates
///    every rule with three-valued logic (a rule that needs a missing fact is
///    *unknown*, does not fire, and lists the fact in
///    [`Assessment::missing`](crate::engine::Assessment::missing)), scores each area by the
///    strength of its evidence, each fact counted once, and applies the selection policy below.
///    An inventory that fails [`Inventory::validate`](crate::inventory::Inventory::validate)
///    is not assessed: the assessment carries its problems and no focus.
/// 4. The [`Assessment`](crate::engine::Assessment) holds ids, paths and rule text only; a
///    [`Report`](crate::engine::Report) joins the patient's labels back in for reading.
///
/// # The selection policy
///
/// The manuals' policy is explicit code (DESIGN.md decision 7); every step
/// cites CLINICAL-BASIS.md §2.5:
///
/// * **The clinician's link governs.** Each event, and each relationship
///   (its conflict, its change, a death), carries the clinician's
///   [`OnsetLink`](crate::inventory::OnsetLink): linked, not linked, or
///   unknown. Not linked removes the item from every condition about the
///   onset, whatever its date; linked counts whatever its date; only unknown
///   falls back to the date windows, and then the evidence says its link was
///   [inferred from dates](crate::inventory::LinkBasis::InferredFromDates) and the
///   assessment asks for it (a missing fact needed for `onset_link`).
/// * **Scores are evidence strength, each fact counted once.** A fact is a
///   person (with the events naming them), an event naming nobody, or the
///   social context. It counts through its strongest rule plus at most
///   `support_cap` from the other rules about it, so one death or one divorce
///   restated by several rules does not pile up; an area's score is the
///   strength of its best-supported fact, banded as an
///   [`EvidenceStrength`](crate::engine::EvidenceStrength). Each piece of
///   evidence says what it [counted](crate::engine::Evidence::counted). Adding
///   evidence never lowers a score; scores do not depend on the order of
///   people or events.
/// * **Candidates need a link to the onset.** An area is a candidate when its
///   best fact *linked to the onset* (stated or inferred) scores at least
///   `min_focus_score` (§2.5 rule 1 [S: `markowitz-2016-ptsd` appendix;
///   `markowitz-weissman-2004-world-psychiatry`]). A
///   death years before the onset, a long-standing conflict that did not
///   change around it, a relationship lost as the depression withdrew the
///   patient: supporting evidence and questions, not a focus.
/// * **Deficits is residual.** Interpersonal deficits is never in focus when
///   grief, a dispute or a transition has any evidence at all (§2.4, §2.5
///   rule 3 [S: `weissman-2018-guide` ch. 8: "only if none of the other three";
///   `markowitz-weissman-2012-casebook` ch. 5: "the focal area of last resort"]), nor while a death
///   or life event whose date or link to the onset is not known (a deceased
///   person's, with or without a death event), or an unrecorded fact about a
///   living person whose record shows a conflict or a change around the
///   onset, could still point to one (missing is not false); the assessment
///   then advises resolving that first.
/// * **The clinician's link governs the dates.** A death and the deceased are
///   one fact: a link recorded on either governs the other's unrecorded one;
///   a separation or divorce speaks so for the partner's lost relationship.
///   The principal death (for the grief kind) and disputant (for the stage)
///   are those the clinician links before those linked by dates, among the
///   facts strong enough to be a focus on their own; a death the clinician
///   does not link adds no sign to the grief kind (§2.5 \[I\]).
/// * **Order, and honest ties.** Highest score first; equal scores go to the
///   stronger onset link (stated by the clinician before inferred from dates).
///   Areas still equal tie: no source gives an order of areas, so the
///   assessment says they tie and advises asking the patient which matters
///   most (§2.5 rule 2 [S: `weissman-2018-guide` ch. "Role Disputes"]); they are listed in
///   declaration order, which ranks nothing.
/// * **At most two, usually one.** A second area joins only when its score is
///   at least `second_focus_ratio` times the top score (§2.5 rule 2
///   [S: `weissman-2018-guide` ch. "Role Disputes"; K: `weissman-2000-comprehensive-guide`]); two
///   areas bring the advisory to ask the patient which matters most.
/// * **A death is grief, never a transition; a loss that is not a death is a
///   transition** (§2.5 rule 4
///   [K: `weissman-2018-guide` ch. "Grief"]). The default rules
///   read deaths only for grief, and event predicates (`role_change`) exclude
///   deaths by construction.
/// * **Withdrawal since onset is not deficits.** Prior functioning that
///   *declined since onset* is not evidence of deficits; only a lifelong
///   pattern of few relationships is (§2.4 [S: `weissman-2018-guide`;
///   `markowitz-weissman-2012-casebook` ch. 5]).
/// * **Dispute stage** comes from the principal disputant's conflict course;
///   **grief kind** from the signs recorded on the principal death (see
///   [`Assessment::dispute_stage`](crate::engine::Assessment::dispute_stage),
///   [`Assessment::grief_kind`](crate::engine::Assessment::grief_kind)).
/// * **Safety first.** A reported suicidal thought is a critical advisory,
///   always first, on every assessment; so is a safety screen that was not
///   asked (not screened is not safe); nothing suppresses either (DESIGN.md
///   decision 8; §9).
///
/// The engine is decision support: it suggests and explains; the clinician
/// decides, and the formulation is agreed with the patient (§2.5 rule 5).
///
/// ```
/// use interpersonal::{from_json, engine::AdvisoryCode, Engine, Inventory, ProblemArea, Report};
///
/// let inventory: Inventory = from_json(r#"{
///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
///   "people": [{"id": "mother", "label": "Mum", "relationship": "parent",
///               "status": {"deceased": {"date": "2025-11"}}}],
///   "events": [{"id": "death", "kind": "death", "date": "2025-11", "person": "mother",
///               "linked_to_onset": true}],
///   "safety": {"suicidal_thoughts_reported": true}
/// }"#)?;
/// let engine = Engine::standard()?;
/// let assessment = engine.evaluate(&inventory);
/// assert_eq!(assessment.focus, vec![ProblemArea::Grief]);
/// assert_eq!(assessment.advisories[0].code, AdvisoryCode::SuicidalThoughtsReported);
/// let text = Report::new(&assessment, &inventory).to_string();
/// assert!(text.contains("Mum"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, Serialize)]
#[serde(into = "RuleSet")]
pub struct Engine {
    /// The rule set, shared: cloning an engine copies no rule.
    rules: Arc<RuleSet>,
    /// Which rule set this is, as every assessment names it: built once and
    /// shared by every assessment.
    pub(crate) info: RuleSetInfo,
    /// The flat form, shared like the rules.
    pub(crate) compiled: Arc<Compiled>,
}

/// The default rule set compiled once per process: [`Engine::standard`]
/// hands out clones, which share it.
static STANDARD: OnceLock<Result<Engine, Problems>> = OnceLock::new();

/// The IPSRT rule set compiled once per process, as [`STANDARD`] is.
static IPSRT: OnceLock<Result<Engine, Problems>> = OnceLock::new();

/// A clone of the engine of an embedded rule set, which `read` reads: read
/// and compiled on the first call in the process and kept in `cell`.
fn embedded(
    cell: &'static OnceLock<Result<Engine, Problems>>,
    read: fn() -> Result<RuleSet, crate::JsonError>,
    fingerprint: &'static str,
) -> Result<Engine, Problems> {
    cell.get_or_init(|| match read() {
        // The embedded document's fingerprint is known (a unit test checks
        // it against the computed one).
        Ok(rules) => Engine::compile_inner(
            rules.for_process(),
            &Limits::default(),
            Some(fingerprint),
            true,
        ),
        Err(e) => {
            let mut problems = Problems::default();
            problems.at(e.path.clone(), e.message.clone());
            Err(problems)
        }
    })
    .clone()
}

impl<'de> Deserialize<'de> for Engine {
    /// Reads the engine's record and checks it, each problem at its path.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::error::read_checked::<D, RuleSet, Engine>(deserializer)
    }
}

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        self.rules == other.rules
    }
}

impl TryFrom<RuleSet> for Engine {
    type Error = Problems;
    fn try_from(rules: RuleSet) -> Result<Self, Problems> {
        Engine::compile(rules)
    }
}

impl From<Engine> for RuleSet {
    fn from(engine: Engine) -> RuleSet {
        Arc::try_unwrap(engine.rules).unwrap_or_else(|shared| RuleSet::clone(&shared))
    }
}

impl Engine {
    /// Checks a rule set and compiles it.
    ///
    /// Every problem is reported at once, each at its JSON path in the rule
    /// set: a schema version this crate does not read; a version that is not
    /// `MAJOR.MINOR.PATCH`; parameters out of range (a focus threshold that is
    /// not finite and above 0, a second-focus ratio outside (0, 1], a support cap that
    /// is not finite or below 0, strength
    /// bands that are not finite, above 0 and ordered, a depth limit outside 1
    /// to [`MAX_CONDITION_DEPTH_LIMIT`], a window longer than
    /// [`MAX_WINDOW_MONTHS`] or with an empty name); duplicate rule ids; a rule
    /// version of 0; a weight that is not above 0 and at most
    /// [`MAX_RULE_WEIGHT`] (so every score is finite); an empty
    /// summary; a source that cites no work, or cites a key that is not in
    /// the [`bibliography`](crate::bibliography) (at
    /// `$.rules[i].source.cites[j].ref`); an empty `all`/`any` group or an empty list in
    /// a predicate; a window name not among the parameters; conditions nested
    /// deeper than `max_depth`; a rule whose area is not in the rule set's
    /// [`area_set`](crate::engine::RuleSet::area_set) (grief for the lost healthy
    /// self in a standard rule set, at `$.rules[i].area`); and an area of the
    /// set that no rule can reach (each needs at least one rule).
    ///
    /// ```
    /// use interpersonal::{Engine, RuleSet};
    ///
    /// let mut rules = RuleSet::standard();
    /// rules.rules[1].id = rules.rules[0].id.clone();
    /// rules.rules[2].weight = f64::NAN;
    /// let problems = Engine::compile(rules).unwrap_err();
    /// let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["$.rules[1].id", "$.rules[2].weight"]);
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`], never empty, listing every problem found.
    pub fn compile(rules: RuleSet) -> Result<Engine, Problems> {
        Engine::compile_with(rules, &Limits::default())
    }

    /// Checks and compiles a rule set as [`Engine::compile`] does, within
    /// `limits` ([`Limits`]): more rules than [`Limits::rules`] is a problem
    /// at `$.rules`, and a condition nested deeper than
    /// [`Limits::condition_depth`] (or the rule set's own `max_depth`, when
    /// that is lower) a problem at the condition's path.
    ///
    /// ```
    /// use interpersonal::engine::{Engine, RuleSet};
    /// use interpersonal::limits::Limits;
    ///
    /// let rules = RuleSet::standard();
    /// let n = rules.rules.len();
    /// let problems = Engine::compile_with(rules, &Limits::default().rules(n - 1)).unwrap_err();
    /// assert_eq!(problems.as_slice()[0].path.as_str(), "$.rules");
    /// assert!(Engine::compile_with(RuleSet::standard(), &Limits::default().rules(n)).is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`], never empty, listing every problem found.
    pub fn compile_with(rules: RuleSet, limits: &Limits) -> Result<Engine, Problems> {
        Engine::compile_inner(rules, limits, None, false)
    }

    /// [`Engine::compile_with`], with the rule set's fingerprint when it is
    /// known (an embedded rule set's), and whether the engine is one of those
    /// compiled once per process, whose words of the conditions are then kept
    /// for the rest of the process ([`SharedText::for_process`]): only those,
    /// or every compile would keep its words for good.
    fn compile_inner(
        rules: RuleSet,
        limits: &Limits,
        fingerprint: Option<&'static str>,
        for_process: bool,
    ) -> Result<Engine, Problems> {
        let mut problems = Problems::default();
        if rules.rules.len() > limits.rules {
            problems.at(
                JsonPath::root().field("rules"),
                format!(
                    "at most {} rules; found {}",
                    limits.rules,
                    rules.rules.len()
                ),
            );
        }
        let root = JsonPath::root();
        if rules.schema_version != RULE_SET_SCHEMA_VERSION {
            problems.at(
                root.field("schema_version"),
                format!(
                    "schema version {RULE_SET_SCHEMA_VERSION}; found {}",
                    rules.schema_version
                ),
            );
        }
        if !is_semver_like(&rules.version) {
            problems.at(
                root.field("version"),
                "a version MAJOR.MINOR.PATCH, e.g. 1.0.0, with an optional -suffix",
            );
        }
        let max_depth =
            check_parameters(&rules.parameters, &root.field("parameters"), &mut problems)
                .min(limits.condition_depth.max(1));

        let mut builder = Builder {
            rules: &rules,
            windows: &rules.parameters.windows,
            max_depth,
            problems: &mut problems,
            nodes: Vec::new(),
            kids: Vec::new(),
            used_windows: Vec::new(),
            shared: HashMap::new(),
            rule: 0,
            cursor: Vec::new(),
            origins: Vec::new(),
            steps: Vec::new(),
            prefixes: Vec::new(),
        };
        let mut roots = Vec::with_capacity(rules.rules.len());
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        let rules_path = root.field("rules");
        for (i, rule) in rules.rules.iter().enumerate() {
            let path = rules_path.index(i);
            if let Some(first) = seen.get(rule.id.as_str()) {
                builder.problems.at(
                    path.field("id"),
                    format!(
                        "a rule id not used before; `{}` is also the id of $.rules[{first}]",
                        rule.id
                    ),
                );
            } else {
                seen.insert(rule.id.as_str(), i);
            }
            if rule.version == 0 {
                builder.problems.at(
                    path.field("version"),
                    "a rule version of 1 or more; found 0",
                );
            }
            if !(rule.weight.is_finite() && rule.weight > 0.0 && rule.weight <= MAX_RULE_WEIGHT) {
                builder.problems.at(
                    path.field("weight"),
                    format!(
                        "a weight above 0 and at most {MAX_RULE_WEIGHT}; found {}",
                        rule.weight
                    ),
                );
            }
            if rule.summary.trim().is_empty() {
                builder
                    .problems
                    .at(path.field("summary"), "a summary that is not empty");
            }
            if !rules.area_set.allows(rule.area) {
                builder.problems.at(
                    path.field("area"),
                    format!(
                        "an area of the rule set's area set `{}` ({}); found `{}`, which only \
                         an IPSRT rule set (\"area_set\": \"ipsrt\") may score",
                        rules.area_set,
                        area_list(rules.area_set),
                        rule.area
                    ),
                );
            }
            check_source(&rule.source, &path.field("source"), builder.problems);
            builder.rule = u32::try_from(i).unwrap_or(u32::MAX);
            roots.push(builder.node(&rule.when, &path.field("when"), 1, ""));
        }
        for &area in rules.area_set.areas() {
            // The most an area can score: every one of its rules holding.
            let most: f64 = rules
                .rules
                .iter()
                .filter(|r| r.area == area && r.weight.is_finite())
                .map(|r| r.weight)
                .sum();
            if !most.is_finite() {
                builder.problems.at(
                    rules_path.clone(),
                    format!("weights for the area `{area}` whose sum is a finite number"),
                );
            }
            if !rules.rules.iter().any(|r| r.area == area) {
                builder.problems.at(
                    rules_path.clone(),
                    format!("at least one rule for the area `{area}`; no rule can reach it"),
                );
            }
        }
        let Builder {
            nodes,
            kids,
            used_windows,
            origins,
            steps,
            prefixes,
            ..
        } = builder;
        let windows = used_windows.into_iter().map(|(_, w)| w).collect();
        problems.into_result(())?;
        let info = RuleSetInfo {
            id: rules.id.clone(),
            version: SharedText::from(rules.version.as_str()),
            fingerprint: match fingerprint {
                Some(known) => SharedText::from_static(known),
                None => standard_fingerprint(&rules)
                    .unwrap_or_else(|| SharedText::from(rules.fingerprint())),
            },
        };
        // Children precede their parents, so one forward pass suffices.
        let mut yields_subjects: Vec<bool> = Vec::with_capacity(nodes.len());
        for node in &nodes {
            let kid = |k: u32| {
                usize::try_from(k)
                    .ok()
                    .and_then(|k| yields_subjects.get(k))
                    .copied()
                    .unwrap_or(false)
            };
            let yields = match *node {
                Node::SomePerson(_) | Node::SomeEvent(_) | Node::EventPerson(_) => true,
                Node::All { start, len } | Node::Any { start, len } => {
                    let (s, l) = (start as usize, len as usize);
                    kids.get(s..s.saturating_add(l))
                        .unwrap_or(&[])
                        .iter()
                        .any(|&k| kid(k))
                }
                Node::Not(_) | Node::Leaf(_) => false,
            };
            yields_subjects.push(yields);
        }
        let space = spaces(&nodes, &kids, &roots);
        let needs = |wanted: Space| {
            nodes
                .iter()
                .zip(&space)
                .fold(PersonNeeds::default(), |needs, (node, &s)| {
                    if let (Node::Leaf(Leaf::Person(leaf)), true) = (node, s == wanted) {
                        needs.and(PersonNeeds::of(*leaf))
                    } else {
                        needs
                    }
                })
        };
        let person_needs = needs(Space::Person);
        let event_person_needs = needs(Space::EventPerson);
        let absent = proximity::absent_proximities(&nodes, &kids);
        let unit = units(&nodes, &kids);
        let id_rank = id_ranks(&rules.rules);
        let rules = Arc::new(rules);
        let cells = std::iter::repeat_with(OnceLock::new)
            .take(nodes.len())
            .collect();
        Ok(Engine {
            rules: Arc::clone(&rules),
            info,
            compiled: Arc::new(Compiled {
                text: NodeWords {
                    rules,
                    origins,
                    steps,
                    prefixes,
                    cells,
                    for_process,
                },
                nodes,
                kids,
                roots,
                yields_subjects,
                windows,
                space,
                person_needs,
                event_person_needs,
                absent,
                unit,
                id_rank,
                recommendations: super::recommend::RecommendationTable::shared(),
            }),
        })
    }

    /// Compiles the default rule set, `rules/default.json`.
    ///
    /// The embedded rules are read and compiled once per process, on the
    /// first call; every call returns a clone of that engine, which shares
    /// its rules and compiled form (cloning copies no rule), so calling this
    /// wherever an engine is needed costs next to nothing.
    ///
    /// ```
    /// let engine = interpersonal::Engine::standard()?;
    /// assert!(engine.rule_set().rules.len() >= 4);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] if the embedded rule set cannot be read or
    /// compiled, a defect the crate's tests rule out.
    pub fn standard() -> Result<Engine, Problems> {
        embedded(&STANDARD, RuleSet::try_standard, DEFAULT_RULES_FINGERPRINT)
    }

    /// Compiles the IPSRT rule set, `rules/ipsrt.json`
    /// ([`RuleSet::ipsrt`](crate::engine::RuleSet::ipsrt)): the four areas and
    /// grief for the lost healthy self. Like [`Engine::standard`], it is read
    /// and compiled once per process; later calls return clones sharing it.
    ///
    /// ```
    /// use interpersonal::{from_json, Engine, Inventory, ProblemArea};
    /// let inv: Inventory = from_json(r#"{
    ///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
    ///   "social_context": {"prior_functioning": "declined_since_onset"},
    ///   "safety": {"suicidal_thoughts_reported": false},
    ///   "events": [{"id": "dx", "kind": "serious_illness", "date": "2025-12",
    ///               "linked_to_onset": true}]
    /// }"#)?;
    /// let ipsrt = Engine::ipsrt()?.evaluate(&inv);
    /// // The illness is a role transition too: the two areas tie, and the
    /// // assessment says so (ask the patient which matters most).
    /// assert_eq!(ipsrt.focus, [ProblemArea::RoleTransition, ProblemArea::GriefForLostHealthySelf]);
    /// assert!(ipsrt.advisories.iter().any(|a| a.code == interpersonal::engine::AdvisoryCode::AreasTied));
    /// // A standard assessment never suggests it.
    /// let standard = Engine::standard()?.evaluate(&inv);
    /// assert!(!standard.focus.contains(&ProblemArea::GriefForLostHealthySelf));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Returns [`Problems`] if the embedded rule set cannot be read or
    /// compiled, a defect the crate's tests rule out.
    pub fn ipsrt() -> Result<Engine, Problems> {
        embedded(&IPSRT, RuleSet::try_ipsrt, IPSRT_RULES_FINGERPRINT)
    }

    /// The rule set this engine was compiled from.
    ///
    /// ```
    /// let engine = interpersonal::Engine::standard()?;
    /// assert_eq!(engine.rule_set().schema_version, 1);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn rule_set(&self) -> &RuleSet {
        &self.rules
    }

    /// The rule set's fingerprint, computed once at compile time.
    ///
    /// ```
    /// let engine = interpersonal::Engine::standard()?;
    /// assert_eq!(engine.fingerprint(), engine.rule_set().fingerprint());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn fingerprint(&self) -> &str {
        &self.info.fingerprint
    }
}

/// The areas of a set, named for an error message: `grief`, `role_dispute`, ...
fn area_list(set: AreaSet) -> String {
    let names: Vec<&'static str> = set.areas().iter().map(|a| a.into()).collect();
    names.join(", ")
}

/// The fingerprint of `rules` when they are the embedded default rule set,
/// taken from the engine [`Engine::standard`] compiled, without serialising
/// the rules again: the fingerprint is a function of the content, and the
/// content is equal. `None` when they differ, or before the default rules
/// were compiled.
fn standard_fingerprint(rules: &RuleSet) -> Option<SharedText> {
    match STANDARD.get() {
        Some(Ok(standard)) if *standard.rules == *rules => Some(standard.info.fingerprint.clone()),
        _ => None,
    }
}

/// The most parts of an `all` whose closest subject is found with bit
/// operations (counts up to 255 fit the counter's eight bit planes).
pub(crate) const MAX_UNIT_PARTS: usize = 255;

/// [`Compiled::id_rank`] of `rules`.
fn id_ranks(rules: &[super::ruleset::Rule]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..rules.len()).collect();
    let id = |i: usize| rules.get(i).map(|r| r.id.as_str());
    order.sort_by(|&a, &b| id(a).cmp(&id(b)));
    let mut rank = vec![0u32; rules.len()];
    let mut place = 0u32;
    let mut last: Option<&str> = None;
    for &i in &order {
        let this = id(i);
        if last.is_some() && last != this {
            place = place.saturating_add(1);
        }
        last = this;
        if let Some(r) = rank.get_mut(i) {
            *r = place;
        }
    }
    rank
}

/// Whether each node always counts as one condition (see
/// [`Compiled::is_unit`]). Children precede their parents.
fn units(nodes: &[Node], kids: &[u32]) -> Vec<bool> {
    let mut unit: Vec<bool> = Vec::with_capacity(nodes.len());
    for node in nodes {
        let is = |k: &u32| unit.get(*k as usize).copied().unwrap_or(false);
        let parts = |start: u32, len: u32| {
            let (s, l) = (start as usize, len as usize);
            kids.get(s..s.saturating_add(l)).unwrap_or(&[])
        };
        let u = match *node {
            Node::Leaf(_) | Node::Not(_) => true,
            Node::Any { start, len } => {
                let parts = parts(start, len);
                !parts.is_empty() && parts.iter().all(is)
            }
            Node::All { start, len } => matches!(parts(start, len), [only] if is(only)),
            Node::EventPerson(k) => is(&k),
            Node::SomePerson(_) | Node::SomeEvent(_) => false,
        };
        unit.push(u);
    }
    unit
}

/// The space of every node. Parents follow their children, so one backward
/// pass from the roots suffices.
fn spaces(nodes: &[Node], kids: &[u32], roots: &[u32]) -> Vec<Space> {
    let mut space = vec![Space::Root; nodes.len()];
    let index = |k: u32| usize::try_from(k).ok();
    for &r in roots {
        if let Some(s) = index(r).and_then(|r| space.get_mut(r)) {
            *s = Space::Root;
        }
    }
    for i in (0..nodes.len()).rev() {
        let (Some(node), Some(&here)) = (nodes.get(i), space.get(i)) else {
            continue;
        };
        let (children, below): (&[u32], Space) = match node {
            Node::All { start, len } | Node::Any { start, len } => {
                let (s, l) = (*start as usize, *len as usize);
                (kids.get(s..s.saturating_add(l)).unwrap_or(&[]), here)
            }
            Node::Not(k) => (std::slice::from_ref(k), here),
            Node::SomePerson(k) => (std::slice::from_ref(k), Space::Person),
            Node::SomeEvent(k) => (std::slice::from_ref(k), Space::Event),
            Node::EventPerson(k) => (std::slice::from_ref(k), Space::EventPerson),
            Node::Leaf(_) => (&[], here),
        };
        for &k in children {
            if let Some(s) = index(k).and_then(|k| space.get_mut(k)) {
                *s = below;
            }
        }
    }
    space
}

/// `MAJOR.MINOR.PATCH` with an optional `-suffix` of id characters.
fn is_semver_like(v: &str) -> bool {
    let (core, pre) = match v.split_once('-') {
        Some((c, p)) => (c, Some(p)),
        None => (v, None),
    };
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && pre.is_none_or(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        })
}

/// Checks the parameters; returns the depth limit to enforce.
/// A rule's source cites at least one work, each by a key of the
/// bibliography.
fn check_source(source: &Source, path: &JsonPath, problems: &mut Problems) {
    let cites = path.field("cites");
    if source.cites().is_empty() {
        problems.at(
            cites.clone(),
            "at least one citation of a work of the bibliography",
        );
    }
    for (i, cite) in source.unknown_keys() {
        problems.at(
            cites.index(i).field("ref"),
            format!(
                "the key of a work in the crate's bibliography (interpersonal::bibliography::get); \
                 found `{}`",
                cite.key
            ),
        );
    }
}

fn check_parameters(p: &RuleParameters, path: &JsonPath, problems: &mut Problems) -> u32 {
    if !(p.min_focus_score.is_finite() && p.min_focus_score > 0.0) {
        problems.at(
            path.field("min_focus_score"),
            format!("a finite score above 0; found {}", p.min_focus_score),
        );
    }
    if !(p.second_focus_ratio.is_finite()
        && p.second_focus_ratio > 0.0
        && p.second_focus_ratio <= 1.0)
    {
        problems.at(
            path.field("second_focus_ratio"),
            format!(
                "a ratio above 0 and at most 1; found {}",
                p.second_focus_ratio
            ),
        );
    }
    if !(p.support_cap.is_finite() && p.support_cap >= 0.0) {
        problems.at(
            path.field("support_cap"),
            format!("a finite weight of 0 or more; found {}", p.support_cap),
        );
    }
    let c = &p.strength_bands;
    let cpath = path.field("strength_bands");
    for (name, value) in [("moderate", c.moderate), ("high", c.high)] {
        if !(value.is_finite() && value > 0.0) {
            problems.at(
                cpath.field(name),
                format!("a finite score above 0; found {value}"),
            );
        }
    }
    if c.moderate.is_finite() && c.high.is_finite() && c.moderate > c.high {
        problems.at(
            cpath.field("high"),
            format!(
                "a score at least `moderate` ({}); found {}",
                c.moderate, c.high
            ),
        );
    }
    for (name, w) in &p.windows {
        let wpath = path.field("windows").field(name);
        if name.trim().is_empty() {
            problems.at(wpath.clone(), "a window name that is not empty");
        }
        for (field, months) in [
            ("before_months", w.before_months),
            ("after_months", w.after_months),
        ] {
            if months > MAX_WINDOW_MONTHS {
                problems.at(
                    wpath.field(field),
                    format!("at most {MAX_WINDOW_MONTHS} months; found {months}"),
                );
            }
        }
    }
    if p.max_depth == 0 || p.max_depth > MAX_CONDITION_DEPTH_LIMIT {
        problems.at(
            path.field("max_depth"),
            format!(
                "a depth from 1 to {MAX_CONDITION_DEPTH_LIMIT}; found {}",
                p.max_depth
            ),
        );
        MAX_CONDITION_DEPTH_LIMIT
    } else {
        p.max_depth
    }
}

/// Builds the flat form while collecting problems.
struct Builder<'a> {
    rules: &'a RuleSet,
    windows: &'a BTreeMap<String, Window>,
    max_depth: u32,
    problems: &'a mut Problems,
    nodes: Vec<Node>,
    kids: Vec<u32>,
    used_windows: Vec<(String, Window)>,
    /// The first node pushed of each shape: a condition that occurs again
    /// (the same shape, in the same context with the same words) is compiled
    /// once and shared, so evaluation decides it once.
    shared: HashMap<Shape, u32>,
    /// The rule being compiled, and the steps from its `when` to the
    /// condition being compiled (see [`Origin`]).
    rule: u32,
    cursor: Vec<u32>,
    /// Where each node's condition is, for its words.
    origins: Vec<Origin>,
    steps: Vec<u32>,
    prefixes: Vec<String>,
}

/// What makes two nodes the same: their kind with their parts (not the
/// parts' place in `kids`), or their predicate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Shape {
    Group { any: bool, parts: Vec<u32> },
    Node(Node),
}

/// A placeholder pushed where a problem stops compilation of a subtree; the
/// engine is never built when there are problems.
const BROKEN: Node = Node::Leaf(Leaf::Root(RootLeaf::OnsetKnown(false)));

impl<'a> Builder<'a> {
    fn push(&mut self, node: Node, prefix: &str, depth: u32) -> u32 {
        self.share(Shape::Node(node), prefix, depth, |_| node)
    }

    /// Where the condition being compiled is, after the words `prefix`.
    fn origin(&mut self, prefix: &str, depth: u32) -> Origin {
        let prefix = match self.prefixes.iter().position(|p| p == prefix) {
            Some(p) => p,
            None => {
                self.prefixes.push(prefix.to_owned());
                self.prefixes.len() - 1
            }
        };
        let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Origin {
            rule: self.rule,
            start: index(self.steps.len()),
            len: index(self.cursor.len()),
            depth,
            prefix: index(prefix),
        }
    }

    /// Whether node `i` has the words the condition at `here` would have:
    /// the same quantifiers' words before it, and, for a fact, the same
    /// fact. A group's, a `not`'s or a quantifier's words follow from its
    /// parts', which its shape names.
    fn same_words(&self, i: u32, here: Origin, shape: &Shape) -> bool {
        let Some(&there) = usize::try_from(i).ok().and_then(|i| self.origins.get(i)) else {
            return false;
        };
        if there.prefix != here.prefix {
            return false;
        }
        if !matches!(shape, Shape::Node(Node::Leaf(_))) {
            return true;
        }
        let first = NodeWords::find(self.rules, &self.steps, there);
        let now = NodeWords::find(self.rules, &self.cursor, Origin { start: 0, ..here });
        match (first, now) {
            (Some(a), Some(b)) => {
                a.same_fact(b)
                    // Different facts with the same words (none today):
                    // decided by the words themselves.
                    || a.words(self.windows, there.depth) == b.words(self.windows, here.depth)
            }
            _ => false,
        }
    }

    /// The node of `shape` for the condition being compiled: the one pushed
    /// before with the same words, or a new one made by `make` (given the
    /// builder, to lay out a group's parts).
    fn share(
        &mut self,
        shape: Shape,
        prefix: &str,
        depth: u32,
        make: impl FnOnce(&mut Self) -> Node,
    ) -> u32 {
        let here = self.origin(prefix, depth);
        let same = self
            .shared
            .get(&shape)
            .copied()
            .filter(|&i| self.same_words(i, here, &shape));
        if let Some(i) = same {
            return i;
        }
        let i = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        let node = make(self);
        self.nodes.push(node);
        self.steps.extend_from_slice(&self.cursor);
        self.origins.push(here);
        self.shared.entry(shape).or_insert(i);
        i
    }

    /// Compiles the child `step` of the condition being compiled with `f`.
    fn below<T>(&mut self, step: u32, f: impl FnOnce(&mut Self) -> T) -> T {
        self.cursor.push(step);
        let out = f(self);
        self.cursor.pop();
        out
    }

    /// Compiles the parts of an `all` or `any` group at `path`, each at its
    /// index, an empty group reported as a problem; returns the group to
    /// push.
    fn group_of<T>(
        &mut self,
        parts: &[T],
        any: bool,
        path: &JsonPath,
        mut part: impl FnMut(&mut Self, &T, &JsonPath) -> u32,
    ) -> Result<(bool, Vec<u32>), Node> {
        let gpath = path.field(if any { "any" } else { "all" });
        if parts.is_empty() {
            self.problems
                .at(gpath.clone(), "a group with at least one condition");
        }
        let mut children: Vec<u32> = Vec::with_capacity(parts.len());
        for (i, p) in parts.iter().enumerate() {
            let step = u32::try_from(i).unwrap_or(u32::MAX);
            let child = self.below(step, |b| part(b, p, &gpath.index(i)));
            children.push(child);
        }
        Ok((any, children))
    }

    fn group(&mut self, any: bool, children: &[u32], prefix: &str, depth: u32) -> u32 {
        let shape = Shape::Group {
            any,
            parts: children.to_vec(),
        };
        self.share(shape, prefix, depth, |b| {
            let start = u32::try_from(b.kids.len()).unwrap_or(u32::MAX);
            let len = u32::try_from(children.len()).unwrap_or(u32::MAX);
            b.kids.extend_from_slice(children);
            if any {
                Node::Any { start, len }
            } else {
                Node::All { start, len }
            }
        })
    }

    /// Reports a too-deep nesting; returns whether compilation may descend.
    fn depth_ok(&mut self, path: &JsonPath, depth: u32) -> bool {
        if depth > self.max_depth {
            self.problems.at(
                path.clone(),
                format!(
                    "conditions nested at most {} deep; nesting too deep here (depth {depth})",
                    self.max_depth
                ),
            );
            false
        } else {
            true
        }
    }

    fn window(&mut self, name: &str, path: &JsonPath) -> WindowRef {
        match self.windows.get(name) {
            Some(w) => {
                let index = match self.used_windows.iter().position(|(n, _)| n == name) {
                    Some(i) => i,
                    None => {
                        self.used_windows.push((name.to_owned(), *w));
                        self.used_windows.len() - 1
                    }
                };
                WindowRef { index, window: *w }
            }
            None => {
                let known: Vec<&str> = self.windows.keys().map(String::as_str).collect();
                self.problems.at(
                    path.clone(),
                    format!(
                        "the name of a window in $.parameters.windows ({}); found an unknown window name",
                        known.join(", ")
                    ),
                );
                WindowRef {
                    index: usize::MAX,
                    window: Window::new(0, 0),
                }
            }
        }
    }

    /// Compiles a condition of any kind at `path`, `depth` levels deep,
    /// after the quantifiers' words `prefix`: `all`, `any` and `not` here,
    /// the kind's facts and parts by [`Lower::lower_fact`].
    fn node<K: Lower>(&mut self, c: &K, path: &JsonPath, depth: u32, prefix: &str) -> u32 {
        if !self.depth_ok(path, depth) {
            return self.push(BROKEN, prefix, depth);
        }
        let node = match c.shape() {
            tree::Shape::All(parts) => self.group_of(parts, false, path, |this, part, at| {
                this.node(part, at, depth + 1, prefix)
            }),
            tree::Shape::Any(parts) => self.group_of(parts, true, path, |this, part, at| {
                this.node(part, at, depth + 1, prefix)
            }),
            tree::Shape::Not(inner) => {
                let child = self.below(0, |b| b.node(inner, &path.field("not"), depth + 1, prefix));
                Err(Node::Not(child))
            }
            tree::Shape::Fact => Err(c.lower_fact(self, path, depth, prefix)),
        };
        match node {
            Ok((any, children)) => self.group(any, &children, prefix, depth),
            Err(node) => self.push(node, prefix, depth),
        }
    }

    /// The codes a table fact's condition names, an empty list reported at
    /// `path.key`.
    fn asked(&mut self, asked: Asked<'_>, path: &JsonPath, key: &str) -> Codes {
        if let Asked::In(list) = asked {
            if list.is_empty() {
                self.problems
                    .at(path.field(key), "a list with at least one value");
            }
        }
        asked.codes()
    }

    /// A part of another kind under a quantifier, compiled with the
    /// quantifier's words in its prefix.
    fn part<K: Lower>(
        &mut self,
        inner: &K,
        path: &JsonPath,
        key: &str,
        depth: u32,
        prefix: &str,
        lead: &str,
    ) -> u32 {
        let pre = format!("{prefix}{lead}");
        self.below(0, |b| b.node(inner, &path.field(key), depth + 1, &pre))
    }
}

/// A kind of condition compiled: its facts to leaves, its parts of another
/// kind to quantifier nodes (`all`, `any` and `not` are compiled the same for
/// every kind, in [`Builder::node`]).
trait Lower: Words {
    /// The node of a condition whose [`Kind::shape`] is a fact.
    fn lower_fact(&self, b: &mut Builder<'_>, path: &JsonPath, depth: u32, prefix: &str) -> Node;
}

impl Lower for Condition {
    fn lower_fact(&self, b: &mut Builder<'_>, path: &JsonPath, depth: u32, prefix: &str) -> Node {
        let leaf = match self.read() {
            RootRead::Group => return BROKEN,
            RootRead::SomePerson(inner) => {
                return Node::SomePerson(b.part(
                    inner,
                    path,
                    "some_person",
                    depth,
                    prefix,
                    "some person: ",
                ));
            }
            RootRead::SomeEvent(inner) => {
                return Node::SomeEvent(b.part(
                    inner,
                    path,
                    "some_event",
                    depth,
                    prefix,
                    "some event: ",
                ));
            }
            RootRead::Fact(fact, asked) => {
                let codes = b.asked(asked, path, fact.key());
                RootLeaf::Is(fact, fact.holds(codes))
            }
            RootRead::ConfidantsAtMost(n) => RootLeaf::ConfidantsAtMost(n),
            RootRead::OnsetKnown(v) => RootLeaf::OnsetKnown(v),
        };
        Node::Leaf(Leaf::Root(leaf))
    }
}

impl Lower for PersonCondition {
    fn lower_fact(&self, b: &mut Builder<'_>, path: &JsonPath, _: u32, _: &str) -> Node {
        let leaf = match self.read() {
            PersonRead::Group => return BROKEN,
            PersonRead::Fact(fact, asked) => {
                let codes = b.asked(asked, path, fact.key());
                PersonLeaf::Is(fact, fact.holds(codes))
            }
            PersonRead::DiedWithin(name) => {
                PersonLeaf::DiedWithin(b.window(name, &path.field("died_within")))
            }
        };
        Node::Leaf(Leaf::Person(leaf))
    }
}

impl Lower for EventCondition {
    fn lower_fact(&self, b: &mut Builder<'_>, path: &JsonPath, depth: u32, prefix: &str) -> Node {
        let leaf = match self.read() {
            EventRead::Group => return BROKEN,
            EventRead::Person(inner) => {
                return Node::EventPerson(b.part(
                    inner,
                    path,
                    "person",
                    depth,
                    prefix,
                    "its person: ",
                ));
            }
            EventRead::Fact(fact, asked) => {
                let codes = b.asked(asked, path, fact.key());
                EventLeaf::Is(fact, fact.holds(codes))
            }
            EventRead::KindWhere { yes, holds, .. } => {
                let fact = EventFact::Kind;
                EventLeaf::Is(fact, fact.holds(kinds_where(|k| holds(k) == yes)))
            }
            EventRead::Within(name) => EventLeaf::Within(b.window(name, &path.field("within"))),
            EventRead::Linked(name) => EventLeaf::Linked(b.window(name, &path.field("linked"))),
        };
        Node::Leaf(Leaf::Event(leaf))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semver_like() {
        for ok in ["1.0.0", "0.12.3", "2.0.0-rc.1"] {
            assert!(is_semver_like(ok), "{ok}");
        }
        for bad in [
            "",
            "1",
            "1.0",
            "1.0.0.0",
            "a.b.c",
            "1.0.0-",
            "1..0",
            "1.0.0-a b",
        ] {
            assert!(!is_semver_like(bad), "{bad}");
        }
    }

    #[test]
    fn bits_are_distinct() {
        assert_eq!(bit(0), 1);
        assert_eq!(bit(63), 1 << 63);
        assert_eq!(bit(64), 0);
    }

    #[test]
    fn default_compiles_flat() {
        let engine = Engine::standard().unwrap();
        let c = &engine.compiled;
        assert_eq!(c.nodes.len(), c.text.cells.len());
        assert_eq!(c.roots.len(), engine.rule_set().rules.len());
        assert!(!c.nodes.contains(&BROKEN));
    }

    /// The process-wide engine's texts are kept for the process, so an
    /// assessment copies them without counting references; an engine a
    /// caller compiles keeps its texts shared, and freed with it.
    #[test]
    fn process_wide_texts_count_no_references() {
        let inv: crate::Inventory =
            crate::from_json(include_str!("../../examples/data/quickstart.json")).unwrap();
        let standard = Engine::standard().unwrap().evaluate(&inv);
        let evidence: Vec<_> = standard.areas.iter().flat_map(|f| &f.evidence).collect();
        let near: Vec<_> = standard.areas.iter().flat_map(|f| &f.near_misses).collect();
        assert!(!evidence.is_empty() && !near.is_empty());
        for e in &evidence {
            assert!(
                !e.summary.is_shared() && !e.detail.is_shared(),
                "{}",
                e.rule
            );
            assert!(e.source.is_static(), "{}", e.rule);
        }
        assert!(near.iter().all(|m| !m.failed.is_shared()));

        let own = Engine::compile(RuleSet::standard()).unwrap().evaluate(&inv);
        assert_eq!(own, standard);
        let near: Vec<_> = own.areas.iter().flat_map(|f| &f.near_misses).collect();
        assert!(near.iter().any(|m| m.failed.is_shared()));
    }
}
