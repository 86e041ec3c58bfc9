//! Clinical-case proof of the rule engine.
//!
//! Each case in `tests/cases/` is a fictional patient's interpersonal inventory,
//! written from the clinical basis (CLINICAL-BASIS.md) the way a published
//! IPT casebook presents a case, by someone who did not write the engine. Each
//! test asserts what the manuals say the focus should be, and the dispute stage,
//! grief kind, evidence, advisories and missing facts where they matter. The
//! cross-case tests at the end check what must hold for every case: at most two
//! focus areas, deficits only alone, safety first, no patient text in an
//! assessment, and the same answer twice.

use interpersonal::{
    Assessment, Engine, Inventory, ProblemArea,
    catalogue::{DisputeStage, GriefKind},
    date::EpisodeOnset,
    engine::{AdvisoryCode, EvidenceStrength, Indicator, Subject},
    from_json,
    id::{EventId, PersonId},
};
use std::sync::OnceLock;

use ProblemArea::{Grief, InterpersonalDeficits, RoleDispute, RoleTransition};

// ---------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------

use crate::support::cases::{CASES, case_text};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::standard().unwrap_or_else(|p| panic!("the standard rule set: {p:?}"))
    })
}

fn inventory(name: &str, json: &str) -> Inventory {
    from_json::<Inventory>(json).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn assess(name: &str, json: &str) -> Assessment {
    engine().evaluate(&inventory(name, json))
}

fn person(id: &str) -> Subject {
    Subject::Person(PersonId::new(id).unwrap())
}

fn event(id: &str) -> Subject {
    Subject::Event(EventId::new(id).unwrap())
}

/// Whether some evidence for `area` names `subject`.
fn evidence_names(a: &Assessment, area: ProblemArea, subject: &Subject) -> bool {
    a.finding(area)
        .unwrap_or_else(|| panic!("no finding for {area}"))
        .evidence
        .iter()
        .any(|e| e.area == area && e.subjects.contains(subject))
}

fn missing_paths(a: &Assessment) -> Vec<String> {
    a.missing.iter().map(|m| m.path.to_string()).collect()
}

fn advisory_codes(a: &Assessment) -> Vec<AdvisoryCode> {
    a.advisories.iter().map(|adv| adv.code).collect()
}

/// The focus, with the context needed when an assertion fails.
fn focus_of(name: &str, a: &Assessment) -> Vec<ProblemArea> {
    eprintln!(
        "{name}: focus {:?}, scores {:?}, advisories {:?}, missing {:?}",
        a.focus,
        a.areas
            .iter()
            .map(|f| (f.area, f.score))
            .collect::<Vec<_>>(),
        advisory_codes(a),
        missing_paths(a),
    );
    a.focus.clone()
}

// ---------------------------------------------------------------------------
// Grief
// ---------------------------------------------------------------------------

/// §2.1 Grief, definition: grief is "chosen when onset of depressive symptoms is
/// associated with the death of a significant other" [S: Casebook-2012 ch. 2
/// (Law); Guide-2018 summary]; "normal grief resembles depression but is an
/// adaptive process that should not be pathologised" [S: Guide-2018 summary].
/// §2.5 rule 4: "Death ⇒ grief" — a death is never a role transition
/// [S: Guide summary; I: rule-engine implications].
///
/// Widow, husband died a month before onset; she attended the funeral, cries and
/// talks about him; no sign of complicated grief.
#[test]
fn death_of_spouse_a_month_before_onset_is_normal_grief() {
    let name = "grief_normal_spouse";
    let a = assess(name, case_text!("grief_normal_spouse"));
    assert_eq!(focus_of(name, &a), vec![Grief]);
    assert_eq!(a.grief_kind, Some(GriefKind::Normal));
    assert_eq!(a.dispute_stage, None);
    assert!(a.score(Grief) > 0.0);
    assert!(evidence_names(&a, Grief, &person("husband")));
    assert_eq!(a.score(RoleTransition), 0.0, "a death is not a transition");
    assert_eq!(a.score(RoleDispute), 0.0, "no conflict with anyone");
    assert!(!a.has_advisory(AdvisoryCode::NoFocusFound));
    assert!(!a.has_advisory(AdvisoryCode::OnsetUnknown));
    assert!(!a.has_advisory(AdvisoryCode::SuicidalThoughtsReported));
}

/// §2.1 Normal vs complicated: complicated grief "involves avoiding/postponing
/// mourning ('keeping busy', numbing)" [S: Guide-2018 summary]; the 1984/2000
/// manuals name "delayed" grief, and list as risk indicators "avoidance of the
/// death (funeral, grave); symptoms around anniversaries" [K: Comprehensive-2000].
/// §2.5 table, Grief: "signs of avoided or excessive mourning; anniversary
/// reactions".
///
/// Mother died 14 months ago; the patient did not fly back for the funeral and
/// "kept busy"; the episode began at the first anniversary.
#[test]
fn avoided_mourning_with_onset_at_the_anniversary_is_delayed_grief() {
    let name = "grief_delayed_anniversary";
    let a = assess(name, case_text!("grief_delayed_anniversary"));
    assert_eq!(focus_of(name, &a), vec![Grief]);
    assert_eq!(a.grief_kind, Some(GriefKind::Delayed));
    assert!(a.score(Grief) > 0.0);
    assert!(evidence_names(&a, Grief, &person("mother")));
    assert!(evidence_names(&a, Grief, &event("mother_died")));
}

/// §2.1 Normal vs complicated: "less commonly, a 'professional mourner' whose
/// life is organised around the dead person (e.g. room kept unchanged)"
/// [S: Guide-2018 summary]; the manuals' "chronic" grief, with risk indicator
/// "preserving the environment as it was" [K: Comprehensive-2000]; "a complicated
/// reaction may be diagnosed when grief is severe and the severe phase lasts
/// longer than about two months" [S: Guide-2018 summary].
///
/// Widower, 15 months after his wife's death: her things left as they were,
/// daily grave visits, severe grief throughout.
#[test]
fn environment_preserved_and_prolonged_severe_grief_is_chronic_grief() {
    let name = "grief_chronic_environment_preserved";
    let a = assess(name, case_text!("grief_chronic_environment_preserved"));
    assert_eq!(focus_of(name, &a), vec![Grief]);
    assert_eq!(a.grief_kind, Some(GriefKind::Chronic));
    assert!(evidence_names(&a, Grief, &person("wife")));
    // A low-level disagreement with the son about clearing the room is not a
    // role dispute (§2.2: a dispute is non-reciprocal expectations, stalled or
    // repetitive), and the club friend he stopped seeing after the death is
    // withdrawal, not deficits (§2.4 cautions).
    assert!(!a.focus.contains(&InterpersonalDeficits));
    assert!(!a.focus.contains(&RoleDispute));
}

/// §2.4 cautions: "Check hard for the other areas first"; §2.5 rule 3:
/// "Deficits is residual. Use only when no grief, dispute or transition can be
/// found" [S: Guide-2018 ch. 8; Casebook ch. 5].
///
/// A man with a lifelong paucity of relationships whose mother, his only
/// confidant, died a month before onset.
#[test]
fn lifelong_isolation_with_a_recent_linked_death_is_grief_not_deficits() {
    let name = "isolation_with_recent_death";
    let a = assess(name, case_text!("isolation_with_recent_death"));
    assert_eq!(focus_of(name, &a), vec![Grief]);
    assert!(a.grief_kind.is_some());
    assert!(evidence_names(&a, Grief, &person("mother")));
    assert!(!a.has_advisory(AdvisoryCode::LookForHiddenGriefOrDispute));
}

// ---------------------------------------------------------------------------
// Role disputes
// ---------------------------------------------------------------------------

/// §2.2 Role disputes: "non-reciprocal expectations about their relationship"
/// [S: Casebook-2012 ch. 3]; stages [S: Guide-2018; pdfslide; CITC]:
/// "Renegotiation — both parties aware of differences and still actively trying
/// to change things".
///
/// Husband and wife argue openly about childcare since before the onset, and
/// still talk it through most weekends.
#[test]
fn overt_negotiated_conflict_with_spouse_is_a_dispute_in_renegotiation() {
    let name = "dispute_renegotiation_spouse";
    let a = assess(name, case_text!("dispute_renegotiation_spouse"));
    assert_eq!(focus_of(name, &a), vec![RoleDispute]);
    assert_eq!(a.dispute_stage, Some(DisputeStage::Renegotiation));
    assert_eq!(a.grief_kind, None);
    assert!(a.score(RoleDispute) > 0.0);
    assert!(evidence_names(&a, RoleDispute, &person("wife")));
    assert_eq!(a.score(Grief), 0.0, "nobody has died");
}

/// §2.2 stages: "Impasse — negotiation has stopped; stalemate, 'cold war',
/// smouldering resentment"; indicators: "current, overt or covert conflict …
/// stalled or repetitive with little hope of improvement"; "look for covert
/// conflict — attend to what is omitted from the inventory" [S: pdfslide deck;
/// Guide-2018].
///
/// A wife who glossed over her husband at first; they no longer raise the
/// issue of money; separate evenings since the spring.
#[test]
fn covert_stalled_conflict_is_a_dispute_at_impasse() {
    let name = "dispute_impasse_covert";
    let a = assess(name, case_text!("dispute_impasse_covert"));
    assert_eq!(focus_of(name, &a), vec![RoleDispute]);
    assert_eq!(a.dispute_stage, Some(DisputeStage::Impasse));
    assert!(evidence_names(&a, RoleDispute, &person("husband")));
}

/// §2.2 stages: "Dissolution — relationship judged irretrievably broken;
/// patient is ending it"; "staying, changing, or leaving are all legitimate
/// resolutions" [S: Guide-2018; pdfslide deck].
///
/// A wife who has decided to end the marriage and seen a solicitor; they still
/// share the house.
#[test]
fn patient_ending_the_marriage_is_a_dispute_in_dissolution() {
    let name = "dispute_dissolution_marriage";
    let a = assess(name, case_text!("dispute_dissolution_marriage"));
    assert_eq!(focus_of(name, &a), vec![RoleDispute]);
    assert_eq!(a.dispute_stage, Some(DisputeStage::Dissolution));
    assert!(evidence_names(&a, RoleDispute, &person("husband")));
}

/// §2.2 definition: a dispute "can be with spouse/partner, boss, parent, friend,
/// child" [S: Casebook-2012 ch. 3].
///
/// An accountant and her new department head argue openly about workload; both
/// still propose compromises.
#[test]
fn a_dispute_with_the_boss_is_a_role_dispute_too() {
    let name = "dispute_with_boss";
    let a = assess(name, case_text!("dispute_with_boss"));
    assert_eq!(focus_of(name, &a), vec![RoleDispute]);
    assert_eq!(a.dispute_stage, Some(DisputeStage::Renegotiation));
    assert!(evidence_names(&a, RoleDispute, &person("boss")));
    assert!(!evidence_names(&a, RoleDispute, &person("partner")));
}

/// §2.2: "the therapist must 'stage' the dispute" [S: Guide-2018]; DESIGN.md
/// decision 5 "Missing is not false": a rule that needs a missing fact does not
/// fire, and the assessment lists the field — the question worth asking next.
///
/// Open, frequent rows with the husband since before onset, but the first
/// session ended before it was clear whether they still negotiate.
#[test]
fn a_dispute_whose_course_is_unknown_is_not_staged_and_the_course_is_asked_for() {
    let name = "dispute_course_unknown";
    let a = assess(name, case_text!("dispute_course_unknown"));
    assert_eq!(focus_of(name, &a), vec![RoleDispute]);
    assert_eq!(a.dispute_stage, None, "the stage is not guessed");
    assert!(evidence_names(&a, RoleDispute, &person("husband")));
    assert!(
        a.missing_at("$.people[1].conflict.course").is_some(),
        "{:?}",
        missing_paths(&a)
    );
}

// ---------------------------------------------------------------------------
// Role transitions
// ---------------------------------------------------------------------------

/// §2.3 Role transitions: "difficulty coping with a life change that alters the
/// patient's social role(s)"; examples include "retirement" [S: Pocket-Guide
/// p. 45; Casebook ch. 4; Markowitz-phases]. §2.5 rule 1: the chosen area is
/// "the interpersonal situation linked to the onset" [S: Pocket-Guide].
///
/// A depot foreman who retired at 66, six weeks before onset.
#[test]
fn retirement_linked_to_onset_is_a_role_transition() {
    let name = "transition_retirement";
    let a = assess(name, case_text!("transition_retirement"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert!(a.score(RoleTransition) > 0.0);
    assert!(evidence_names(&a, RoleTransition, &event("retirement")));
    assert_eq!(a.dispute_stage, None);
    assert_eq!(a.grief_kind, None);
    assert_eq!(a.score(Grief), 0.0);
}

/// §2.3: examples include "birth of a child / becoming a parent" [S: Pocket-Guide;
/// Casebook ch. 4]; §7.5 perinatal IPT [S: Brandon 2012].
///
/// A nurse, first child born three weeks before onset, on maternity leave; her
/// partner is supportive.
#[test]
fn birth_of_a_child_linked_to_onset_is_a_role_transition() {
    let name = "transition_postpartum";
    let a = assess(name, case_text!("transition_postpartum"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert!(evidence_names(&a, RoleTransition, &event("birth")));
    assert_eq!(a.dispute_stage, None);
}

/// §2.3: examples include "geographic move … migration" [S: Pocket-Guide;
/// Casebook ch. 4]; "transitions raise risk especially with limited social
/// support" [S: Casebook ch. 4].
///
/// A teacher who migrated with her husband two months before onset; her
/// qualifications are not recognised and her family is far away.
#[test]
fn migration_linked_to_onset_is_a_role_transition() {
    let name = "transition_migration";
    let a = assess(name, case_text!("transition_migration"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert!(evidence_names(&a, RoleTransition, &event("migration")));
}

/// §2.3: examples include "diagnosis of serious illness or disabling/disfiguring
/// condition" [S: Pocket-Guide; Markowitz-phases]; §2.1: losses that are not
/// deaths, including health, are role transitions [S: Guide-2018 summary].
///
/// A 34-year-old runner diagnosed with multiple sclerosis a month before onset.
#[test]
fn diagnosis_of_serious_illness_linked_to_onset_is_a_role_transition() {
    let name = "transition_illness_diagnosis";
    let a = assess(name, case_text!("transition_illness_diagnosis"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert!(evidence_names(&a, RoleTransition, &event("diagnosis")));
    assert_eq!(a.score(Grief), 0.0, "the loss of health is not a death");
}

/// §2.1: "In IPT (Weissman/Markowitz), 'grief' means a death only; losses that
/// are not deaths (divorce, job, health) are role transitions" [S: Guide-2018
/// summary]; §2.5 rule 4 "non-death loss ⇒ transition".
///
/// Her partner of seven years ended the relationship and moved out two months
/// before onset; no contact and no quarrel since.
#[test]
fn a_breakup_the_partner_chose_without_conflict_is_a_transition_not_grief() {
    let name = "transition_breakup_by_partner";
    let a = assess(name, case_text!("transition_breakup_by_partner"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert!(evidence_names(&a, RoleTransition, &event("breakup")));
    assert_eq!(a.score(Grief), 0.0, "nobody has died");
    assert_eq!(a.grief_kind, None);
    assert_eq!(a.dispute_stage, None, "there is no ongoing conflict");
}

/// §2.1 and §2.5 rule 4 as above: a job lost is a non-death loss, so a role
/// transition; §2.3 examples: "job start/loss/change" [S: Pocket-Guide].
///
/// A warehouse worker made redundant after 22 years, a month before onset.
#[test]
fn job_loss_linked_to_onset_is_a_transition_not_grief() {
    let name = "transition_job_loss";
    let a = assess(name, case_text!("transition_job_loss"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert!(evidence_names(&a, RoleTransition, &event("laid_off")));
    assert_eq!(a.score(Grief), 0.0);
}

/// §2.5 rule 1: "The chosen area is the interpersonal situation linked to the
/// onset (or persistence) of the current episode" [S: Pocket-Guide;
/// Markowitz-phases "changes in relationships proximal to the onset"]; rule 4:
/// death ⇒ grief, non-death loss ⇒ transition.
///
/// A father who died four years ago (grieved, not linked by the patient) and a
/// wife who left two months before onset (linked).
#[test]
fn a_recent_linked_separation_outweighs_an_old_unlinked_death() {
    let name = "death_and_separation_different_timing";
    let a = assess(name, case_text!("death_and_separation_different_timing"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert!(evidence_names(&a, RoleTransition, &event("wife_left")));
    assert!(!a.focus.contains(&Grief));
}

/// §2.4 cautions: "Social withdrawal caused by a depression that was triggered by
/// a life event is not deficits — it belongs to the grief/dispute/transition
/// picture"; "distinguish depression-driven decline in relationships … from a
/// lifelong pattern … via the inventory's history of prior functioning"
/// [S: Guide-2018; Casebook ch. 5]; §2.5 [I]: "Social withdrawal that started
/// after a triggering event must not count as deficits evidence".
///
/// A builder whose contract ended a month before onset; since then he has
/// stopped seeing his friends, lives alone and confides in nobody.
#[test]
fn withdrawal_after_a_job_loss_is_a_transition_not_deficits() {
    let name = "withdrawal_after_job_loss";
    let a = assess(name, case_text!("withdrawal_after_job_loss"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert!(!a.focus.contains(&InterpersonalDeficits));
    assert!(evidence_names(&a, RoleTransition, &event("job_lost")));
    assert!(!a.has_advisory(AdvisoryCode::LookForHiddenGriefOrDispute));
}

// ---------------------------------------------------------------------------
// Interpersonal deficits
// ---------------------------------------------------------------------------

/// §2.4 Interpersonal deficits: "Chosen only if none of the other three areas
/// exists: no death, minimal relationships (so no dispute), no life change (so
/// no transition), and a paucity of attachments" [S: Guide-2018 ch. 8]; "the
/// focal area of last resort" [S: Casebook ch. 5]; §2.5 table: depression "out
/// of the blue"; §2.5 [I]: "emit a 'check for hidden grief/dispute' warning when
/// deficits is the only candidate" — the Guide's "Hidden Death" case looked like
/// deficits until a concealed grief emerged [S: Guide-2018].
///
/// A clerk with a lifelong pattern of few relationships, no confidant, living
/// alone; no event before an onset he calls out of the blue.
#[test]
fn lifelong_isolation_without_events_is_deficits_with_a_warning() {
    let name = "deficits_lifelong_isolation";
    let a = assess(name, case_text!("deficits_lifelong_isolation"));
    assert_eq!(focus_of(name, &a), vec![InterpersonalDeficits]);
    assert!(a.score(InterpersonalDeficits) > 0.0);
    assert!(a.has_advisory(AdvisoryCode::LookForHiddenGriefOrDispute));
    assert_eq!(a.score(Grief), 0.0);
    assert_eq!(a.score(RoleDispute), 0.0);
    assert_eq!(a.score(RoleTransition), 0.0);
    assert_eq!(a.grief_kind, None);
    assert_eq!(a.dispute_stage, None);
}

// ---------------------------------------------------------------------------
// Two areas, the cap, and no focus
// ---------------------------------------------------------------------------

/// §2.2 Overlap rule: "Disputes frequently coexist with transitions (a move or
/// new baby strains a marriage …); the Guide advises focusing on one area —
/// whichever seems most important to the patient" [S: Guide-2018 ch. Role
/// Disputes]; §2.5 rule 2 "at most two"; rule 6 "choose by salience to the
/// patient"; Casebook ch. 17 shows a two-area formulation (dispute +
/// transition) [S].
///
/// A man who moved 300 miles for his wife's new post; rows about the move began
/// within weeks and they still try to talk it through. Both are linked to
/// onset. The manuals leave the order to the patient's salience, which the
/// inventory does not record, so only membership is asserted.
#[test]
fn a_move_that_strained_the_marriage_gives_two_areas_and_asks_the_patient() {
    let name = "move_strains_marriage";
    let a = assess(name, case_text!("move_strains_marriage"));
    let focus = focus_of(name, &a);
    assert_eq!(focus.len(), 2);
    assert!(focus.contains(&RoleDispute));
    assert!(focus.contains(&RoleTransition));
    assert!(a.has_advisory(AdvisoryCode::AskPatientWhichMatters));
    assert_eq!(a.dispute_stage, Some(DisputeStage::Renegotiation));
    assert!(evidence_names(&a, RoleDispute, &person("wife")));
    assert!(evidence_names(&a, RoleTransition, &event("moved")));
}

/// §2.5 rule 2: "Usually one area; at most two … The 12–16-session format
/// supports one, at most two foci" [S: Guide-2018; K: Comprehensive-2000];
/// rule 3: deficits only when no grief, dispute or transition is found.
///
/// A linked death, a linked job loss, an open dispute with a partner, and a
/// lifelong paucity of relationships, all in one man.
#[test]
fn never_more_than_two_areas_even_when_all_four_have_evidence() {
    let name = "all_four_areas";
    let a = assess(name, case_text!("all_four_areas"));
    let focus = focus_of(name, &a);
    assert!(!focus.is_empty());
    assert!(focus.len() <= 2);
    assert!(!focus.contains(&InterpersonalDeficits));
    assert!(a.score(Grief) > 0.0);
    assert!(a.score(RoleDispute) > 0.0);
    assert!(a.score(RoleTransition) > 0.0);
    assert!(evidence_names(&a, Grief, &person("mother")));
}

/// §2.5 rule 1: the focus is linked to the onset; rule 3: deficits only as a
/// positive finding of isolation, not by default; §2.4: deficits needs "a
/// paucity of attachments". DESIGN.md decision 5: what is not known is not
/// assumed. With nothing recorded there is nothing to suggest.
#[test]
fn an_empty_inventory_suggests_nothing_and_says_so() {
    let name = "empty_inventory";
    let a = assess(name, case_text!("empty_inventory"));
    assert_eq!(focus_of(name, &a), Vec::<ProblemArea>::new());
    assert!(a.has_advisory(AdvisoryCode::NoFocusFound));
    assert!(a.has_advisory(AdvisoryCode::OnsetUnknown));
    assert!(!a.has_advisory(AdvisoryCode::SuicidalThoughtsReported));
    for area in [Grief, RoleDispute, RoleTransition, InterpersonalDeficits] {
        assert_eq!(a.score(area), 0.0, "{area}");
    }
    assert_eq!(a.dispute_stage, None);
    assert_eq!(a.grief_kind, None);
}

/// §2.5 rule 1: the area is "temporally associated with the onset or
/// continuation" [S: NREPP IPT-A description; Pocket-Guide]; §1.1 task 7
/// "identify relationship changes around onset" [S: Markowitz-phases]; §3.1 the
/// timeline of onset against life events; DESIGN.md decision 5: a rule that
/// needs a missing fact does not fire and the fact is listed. §2.5 rule 3: a
/// death rules deficits out.
///
/// A father who died in October, mentioned at the end of the first session;
/// the onset is not yet dated and the patient was not asked whether the two are
/// connected. The engine must ask, not invent the link.
#[test]
fn unknown_onset_with_an_unasked_death_asks_for_the_link_instead_of_inventing_it() {
    let name = "onset_unknown_death_unasked";
    let inv = inventory(name, case_text!("onset_unknown_death_unasked"));
    assert_eq!(inv.onset, EpisodeOnset::Unknown);
    let a = engine().evaluate(&inv);
    let _ = focus_of(name, &a);
    assert!(a.has_advisory(AdvisoryCode::OnsetUnknown));
    let asked: Vec<_> = a
        .missing
        .iter()
        .filter(|m| m.path == "$.onset" || m.path == "$.events[0].linked_to_onset")
        .collect();
    assert!(!asked.is_empty(), "{:?}", missing_paths(&a));
    assert!(
        asked.iter().all(|m| !m.held_back.is_empty()),
        "a missing fact names the rules it held back"
    );
    for m in asked
        .iter()
        .filter(|m| m.path == "$.events[0].linked_to_onset")
    {
        assert_eq!(m.subject, Some(event("father_died")));
    }
    let grief = a.finding(Grief).unwrap();
    assert_ne!(
        grief.strength,
        EvidenceStrength::High,
        "the link to onset is unknown, so grief cannot be certain"
    );
    assert!(!a.focus.contains(&InterpersonalDeficits));
    // The inventory is read, not changed: the link stays unknown.
    assert_eq!(
        inv.events[0].linked_to_onset,
        interpersonal::inventory::OnsetLink::Unknown
    );
}

// ---------------------------------------------------------------------------
// Safety
// ---------------------------------------------------------------------------

/// §9 Safety: "symptom review (which includes suicidal ideation) … [is a]
/// mandatory task" [S: Casebook ch. 6; K: Comprehensive-2000]; "never let a
/// focus-area suggestion substitute for risk assessment" [I]; DESIGN.md
/// decision 8: "A positive suicide-risk item … is surfaced as a critical
/// advisory on every assessment and report. No option suppresses it."
///
/// A young man whose brother was killed on the road a month before onset; he
/// has said he would rather be with his brother.
#[test]
fn reported_suicidal_thoughts_come_first_and_critical_with_grief_found() {
    let name = "safety_grief_suicidal";
    let a = assess(name, case_text!("safety_grief_suicidal"));
    let _ = focus_of(name, &a);
    let first = a.advisories.first().expect("an advisory");
    assert_eq!(first.code, AdvisoryCode::SuicidalThoughtsReported);
    assert_eq!(first.indicator, Indicator::Critical);
    let safety = a
        .advisories
        .iter()
        .filter(|adv| adv.code == AdvisoryCode::SuicidalThoughtsReported)
        .count();
    assert_eq!(safety, 1);
    // The rest of the assessment is still done.
    assert!(a.score(Grief) > 0.0);
    assert!(evidence_names(&a, Grief, &person("brother")));
}

/// §9 and DESIGN.md decision 8 as above: the safety advisory comes first
/// whatever else is found — here, nothing, with an unknown onset.
#[test]
fn reported_suicidal_thoughts_come_first_even_when_nothing_else_is_known() {
    let name = "safety_no_focus";
    let a = assess(name, case_text!("safety_no_focus"));
    assert_eq!(focus_of(name, &a), Vec::<ProblemArea>::new());
    let first = a.advisories.first().expect("an advisory");
    assert_eq!(first.code, AdvisoryCode::SuicidalThoughtsReported);
    assert_eq!(first.indicator, Indicator::Critical);
    assert!(a.has_advisory(AdvisoryCode::NoFocusFound));
    assert!(a.has_advisory(AdvisoryCode::OnsetUnknown));
}

// ---------------------------------------------------------------------------
// The clinician's judgement (issue 8)
// ---------------------------------------------------------------------------

/// The evidence of `area` naming `subject`, if any.
fn evidence_about<'a>(
    a: &'a Assessment,
    area: ProblemArea,
    subject: &Subject,
) -> Vec<&'a interpersonal::engine::Evidence> {
    a.finding(area)
        .unwrap()
        .evidence
        .iter()
        .filter(|e| e.subjects.contains(subject))
        .collect()
}

/// §2.5, the judgements the engine must respect: "'Not linked' removes the
/// item from onset-linked evidence whatever its date" [I: rule-engine
/// implications]; §2.5 rule 1, the focus is the situation linked to the onset
/// [S: Pocket-Guide; Markowitz-phases].
///
/// An uncle the patient saw twice a year died a month before the onset; the
/// patient and clinician agree it is not what the low mood is about.
#[test]
fn a_death_marked_not_linked_is_not_a_focus_whatever_its_date() {
    let name = "onset_link_death_not_linked";
    let a = assess(name, case_text!("onset_link_death_not_linked"));
    assert_eq!(focus_of(name, &a), Vec::<ProblemArea>::new());
    assert_eq!(a.score(Grief), 0.0);
    assert!(a.has_advisory(AdvisoryCode::NoFocusFound));
    assert!(a.missing_at("$.events[0].linked_to_onset").is_none());
}

/// §2.5: "'linked' is stronger evidence than date proximity" [I: rule-engine
/// implications]; the Pocket-Guide's "the direction does not matter as much
/// as the connection" [S]. A move abroad a year before the onset, which the
/// clinician links to the episode, is a life change in focus, the link stated.
#[test]
fn a_change_the_clinician_links_counts_outside_the_window() {
    let name = "onset_link_stated_move_before_window";
    let a = assess(name, case_text!("onset_link_stated_move_before_window"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    let ev = evidence_about(&a, RoleTransition, &event("moved_abroad"));
    assert!(!ev.is_empty());
    assert!(
        ev.iter()
            .all(|e| e.onset_link == interpersonal::inventory::LinkBasis::Stated)
    );
    // The mother's worsening, marked not linked, is no dispute evidence.
    assert_eq!(a.score(RoleDispute), 0.0);
    assert!(!a.has_advisory(AdvisoryCode::OnsetLinkInferred));
}

/// §2.5: "only 'unknown' falls back to the date window, and then the
/// assessment says it assumed the link from dates and asks" [I]. A job loss
/// two months before the onset, the link not recorded.
#[test]
fn a_link_inferred_from_dates_is_said_and_asked() {
    let name = "onset_link_inferred_job_loss";
    let a = assess(name, case_text!("onset_link_inferred_job_loss"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    let f = a.finding(RoleTransition).unwrap();
    assert_eq!(
        f.onset_link,
        interpersonal::inventory::LinkBasis::InferredFromDates
    );
    assert!(a.has_advisory(AdvisoryCode::OnsetLinkInferred));
    let q = a.missing_at("$.events[0].linked_to_onset").unwrap();
    assert!(
        q.needed_for
            .contains(&interpersonal::engine::NeededFor::OnsetLink)
    );
}

/// §2.5: "a death years before onset with one sign … is supporting evidence or
/// a question to ask, not a focus" [I]; delayed grief needs signs of
/// postponed mourning [K: Comprehensive-2000]. The father died six years
/// before; the patient is low every October; nobody has asked whether that
/// goes with this episode.
#[test]
fn an_old_death_with_one_sign_is_a_question_not_a_focus() {
    let name = "old_death_one_sign_not_focus";
    let a = assess(name, case_text!("old_death_one_sign_not_focus"));
    assert_eq!(focus_of(name, &a), Vec::<ProblemArea>::new());
    assert!(a.score(Grief) > 0.0 && a.score(Grief) < 2.0);
    assert!(a.missing_at("$.events[0].linked_to_onset").is_some());
    assert!(
        a.missing_at("$.people[0].linked_to_onset").is_none(),
        "asked once, on the death"
    );
}

/// §2.5: "a long-standing low-level conflict that did not change around the
/// onset, is supporting evidence or a question to ask, not a focus" [I]; the
/// dispute's main indicator is "worsening strife around onset" [S:
/// Markowitz-phases]. A covert, stalled, low-level friction with the mother,
/// unchanged for years.
#[test]
fn a_longstanding_unchanged_conflict_supports_but_is_not_a_focus() {
    let name = "longstanding_conflict_unchanged";
    let a = assess(name, case_text!("longstanding_conflict_unchanged"));
    assert_eq!(focus_of(name, &a), Vec::<ProblemArea>::new());
    let f = a.finding(RoleDispute).unwrap();
    assert!(f.score > 0.0);
    assert_eq!(f.onset_link, interpersonal::inventory::LinkBasis::None);
    assert!(
        f.evidence
            .iter()
            .all(|e| e.rule.as_str() != "dispute.conflict_around_onset")
    );
    assert!(a.missing_at("$.people[0].linked_to_onset").is_some());
}

/// §2.4: "social withdrawal caused by a depression … is not deficits", and
/// depression-driven decline is told apart from a lifelong pattern [S:
/// Guide-2018; Casebook-2012 ch. 5]; §2.5: a lost relationship when
/// functioning declined since the onset is not a focus [I]. Two friends drifted
/// away as the patient withdrew.
#[test]
fn friends_lost_to_the_depressions_withdrawal_are_not_a_transition() {
    let name = "withdrawal_lost_friends_not_transition";
    let a = assess(name, case_text!("withdrawal_lost_friends_not_transition"));
    assert_eq!(focus_of(name, &a), Vec::<ProblemArea>::new());
    assert_eq!(a.score(RoleTransition), 0.0);
    assert_eq!(a.score(InterpersonalDeficits), 0.0);
}

/// §2.5: "Count each fact once. One death or one divorce must not score three
/// times through three overlapping rules" [I]. A divorce the clinician links
/// to the onset, from an ex-partner also recorded as a relationship lost.
#[test]
fn one_divorce_counts_once() {
    let name = "divorce_counted_once";
    let a = assess(name, case_text!("divorce_counted_once"));
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    let f = a.finding(RoleTransition).unwrap();
    assert!(f.evidence.len() >= 3, "three rules restate the divorce");
    let strongest = f.evidence.iter().map(|e| e.weight).fold(0.0, f64::max);
    let cap = engine().rule_set().parameters.support_cap;
    assert!(f.score <= strongest + cap);
    let counted: f64 = f.evidence.iter().map(|e| e.counted).sum();
    assert!((counted - f.score).abs() < 1e-9);
}

/// §2.5: "A tie is a tie … the assessment says they tie and advises asking the
/// patient which matters most (rule 2)" [S: Guide-2018 ch. Role Disputes].
/// A dispute with the husband and a job loss, both linked by the clinician,
/// equally strong.
#[test]
fn equal_areas_tie_and_the_patient_is_asked() {
    let name = "tie_dispute_and_transition";
    let a = assess(name, case_text!("tie_dispute_and_transition"));
    let focus = focus_of(name, &a);
    assert_eq!(a.score(RoleDispute), a.score(RoleTransition));
    assert_eq!(focus.len(), 2);
    assert!(a.has_advisory(AdvisoryCode::AreasTied));
    assert!(a.has_advisory(AdvisoryCode::AskPatientWhichMatters));
}

/// §9 and §2.5: "Not screened is not safe. An inventory that does not say
/// whether suicidal thoughts were asked about gets a first-place advisory that
/// the safety screen is missing" [I]. A promotion linked to the onset; the
/// inventory has no safety block.
#[test]
fn a_safety_screen_not_asked_leads_every_output() {
    let name = "safety_screen_not_asked";
    let inv = inventory(name, case_text!("safety_screen_not_asked"));
    let a = engine().evaluate(&inv);
    assert_eq!(focus_of(name, &a), vec![RoleTransition]);
    assert_eq!(a.advisories[0].code, AdvisoryCode::SafetyScreenMissing);
    assert_eq!(a.advisories[0].indicator, Indicator::Critical);
    let report = interpersonal::Report::new(&a, &inv).to_string();
    let first = report.find("!! CRITICAL").unwrap();
    assert!(report[first..].contains("safety screen is missing"));
    assert!(first < report.find("Suggested focus").unwrap());
}

/// §2.1: delayed grief is postponed mourning [K: Comprehensive-2000]; a date
/// gap alone does not make it (issue 8). A widow links her depression to her
/// husband's death 19 months earlier; no sign of postponed mourning is
/// recorded.
#[test]
fn a_long_gap_without_signs_is_not_delayed_grief() {
    let name = "grief_linked_long_before_no_signs";
    let a = assess(name, case_text!("grief_linked_long_before_no_signs"));
    assert_eq!(focus_of(name, &a), vec![Grief]);
    assert_eq!(a.grief_kind, None);
    let q = a.missing_at("$.events[0].grief_signs").unwrap();
    assert!(
        q.needed_for
            .contains(&interpersonal::engine::NeededFor::GriefKind)
    );
}

/// Unknown closeness is unknown, not significant (issue 8); deficits is
/// residual while a death could point to grief (§2.4 [S: Guide-2018 ch. 8]).
/// A brother died a month before the onset; where he stood on the closeness
/// circle is not recorded; the patient has long had few relationships.
#[test]
fn a_death_of_unknown_closeness_holds_deficits_back_and_asks() {
    let name = "sibling_death_closeness_unknown";
    let a = assess(name, case_text!("sibling_death_closeness_unknown"));
    assert_eq!(focus_of(name, &a), Vec::<ProblemArea>::new());
    assert!(a.has_advisory(AdvisoryCode::DeficitsHeldBack));
    assert!(a.missing_at("$.people[0].closeness").is_some());
}

// ---------------------------------------------------------------------------
// Every case
// ---------------------------------------------------------------------------

/// Bookkeeping, not a manual rule: every case file in `tests/cases/` is run
/// here, so no case can be added and silently skipped.
#[test]
fn the_list_names_every_file_in_the_cases_folder() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f.ends_with(".json"))
        .map(|f| f.trim_end_matches(".json").to_owned())
        .collect();
    on_disk.sort();
    let listed: Vec<String> = CASES.iter().map(|(n, _)| (*n).to_owned()).collect();
    assert_eq!(on_disk, listed);
}

/// §2.5 rule 2 "at most two" [S: Guide-2018]; rule 3 "Deficits is residual"
/// [S: Guide-2018 ch. 8; Casebook ch. 5]; §9 and DESIGN.md decision 8 (safety
/// first); engine contract: one finding per area in declaration order, and a
/// focus area has evidence.
#[test]
fn every_case_keeps_the_selection_policy() {
    for (name, json) in CASES {
        let inv = inventory(name, json);
        let a = engine().evaluate(&inv);
        let focus = focus_of(name, &a);
        assert!(focus.len() <= 2, "{name}");
        if let [x, y] = focus.as_slice() {
            assert_ne!(x, y, "{name}");
        }
        if focus.contains(&InterpersonalDeficits) {
            assert_eq!(focus, vec![InterpersonalDeficits], "{name}: deficits alone");
        }
        for area in &focus {
            assert!(a.score(*area) > 0.0, "{name}: {area} without evidence");
        }
        assert_eq!(
            a.areas.iter().map(|f| f.area).collect::<Vec<_>>(),
            vec![Grief, RoleDispute, RoleTransition, InterpersonalDeficits],
            "{name}"
        );
        assert_eq!(
            a.has_advisory(AdvisoryCode::NoFocusFound),
            focus.is_empty(),
            "{name}"
        );
        assert_eq!(
            a.has_advisory(AdvisoryCode::OnsetUnknown),
            inv.onset == EpisodeOnset::Unknown,
            "{name}"
        );
        assert_eq!(
            a.has_advisory(AdvisoryCode::SuicidalThoughtsReported),
            inv.safety.is_reported(),
            "{name}"
        );
        if inv.safety.is_reported() {
            assert_eq!(
                a.advisories.first().map(|adv| adv.code),
                Some(AdvisoryCode::SuicidalThoughtsReported),
                "{name}"
            );
        }
        assert_eq!(a.assessed_on, inv.assessed_on, "{name}");
    }
}

/// Every piece of patient text in a case: labels, notes, topics, expectations
/// and the lists of satisfactions, feelings and so on.
fn patient_text(json: &str) -> Vec<String> {
    fn walk(key: Option<&str>, v: &serde_json::Value, out: &mut Vec<String>) {
        const TEXT_KEYS: &[&str] = &[
            "label",
            "notes",
            "topic",
            "patient_expects",
            "other_expects",
            "shared_activities",
            "satisfactions",
            "dissatisfactions",
            "feelings",
            "desired_changes",
        ];
        match v {
            serde_json::Value::String(s) if key.is_some_and(|k| TEXT_KEYS.contains(&k)) => {
                out.push(s.clone());
            }
            serde_json::Value::Array(items) => {
                for item in items {
                    walk(key, item, out);
                }
            }
            serde_json::Value::Object(map) => {
                for (k, item) in map {
                    walk(Some(k), item, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(None, &serde_json::from_str(json).unwrap(), &mut out);
    out
}

/// DESIGN.md decision 2 "Ids, not text": "An Assessment therefore holds no
/// patient text and is safe to store or log"; decision 3: patient text never
/// shows in Debug output.
#[test]
fn no_assessment_holds_any_of_its_cases_patient_text() {
    let mut checked = 0;
    for (name, json) in CASES {
        let a = assess(name, json);
        let as_json = serde_json::to_string(&a).unwrap();
        let as_debug = format!("{a:?}");
        let texts = patient_text(json);
        if !["empty_inventory", "safety_no_focus"].contains(name) {
            assert!(!texts.is_empty(), "{name}: the walk found no text");
        }
        for text in texts {
            assert!(!as_json.contains(&text), "{name}: JSON holds {text:?}");
            assert!(!as_debug.contains(&text), "{name}: Debug holds {text:?}");
            checked += 1;
        }
    }
    assert!(checked > 100);
}

/// DESIGN.md decision 1 "Pure and deterministic": "The same input gives the same
/// output, byte for byte, in the same order"; decision 10: a batch call
/// evaluates many inventories.
#[test]
fn every_case_gives_the_same_assessment_twice_and_in_a_batch() {
    let inventories: Vec<Inventory> = CASES
        .iter()
        .map(|(name, json)| inventory(name, json))
        .collect();
    let first: Vec<String> = inventories
        .iter()
        .map(|inv| serde_json::to_string(&engine().evaluate(inv)).unwrap())
        .collect();
    let fresh = Engine::standard().unwrap();
    let second: Vec<String> = inventories
        .iter()
        .map(|inv| serde_json::to_string(&fresh.evaluate(inv)).unwrap())
        .collect();
    assert_eq!(first, second);
    let batch: Vec<String> = engine()
        .evaluate_batch(&inventories)
        .iter()
        .map(|a| serde_json::to_string(a).unwrap())
        .collect();
    assert_eq!(first, batch);
}
