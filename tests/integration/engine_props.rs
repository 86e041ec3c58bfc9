//! Property tests of the rule engine with the default rules, over generated
//! inventories (the generator is in this file).

// Test helpers outside #[test] functions may unwrap and index: a failure is a
// bug in the test data, and a panic is the clearest report of it.
use chrono::NaiveDate;
use interpersonal::vocabulary::Vocabulary;
use interpersonal::{
    Assessment, Engine, Inventory, LifeEvent, Person, ProblemArea, RuleSet,
    date::{EpisodeOnset, PartialDate},
    engine::Indicator,
    id::{EventId, PersonId},
    inventory::{
        Closeness, Conflict, ConflictCourse, ConflictLevel, ConflictVisibility, ContactFrequency,
        EventKind, Expectations, ExpectationsMet, GriefSign, PersonStatus, PriorFunctioning,
        RelationshipChange, RelationshipKind, RelativeToOnset,
    },
};
use proptest::prelude::*;
use proptest::sample::select;

fn all<T: Vocabulary + Clone + std::fmt::Debug>() -> Vec<T> {
    T::iter().collect()
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    (2005i32..2028, 1u32..=12, prop::option::of(1u32..=28)).prop_map(|(y, m, d)| match d {
        Some(d) => PartialDate::day(NaiveDate::from_ymd_opt(y, m, d).unwrap()),
        None => PartialDate::month(y, m).unwrap(),
    })
}

fn onset() -> impl Strategy<Value = EpisodeOnset> {
    prop_oneof![
        1 => Just(EpisodeOnset::Unknown),
        4 => partial_date().prop_map(EpisodeOnset::Known),
    ]
}

fn conflict() -> impl Strategy<Value = Conflict> {
    (
        select(all::<ConflictLevel>()),
        prop::option::of(select(all::<ConflictVisibility>())),
        prop::option::of(select(all::<ConflictCourse>())),
        prop::option::of(select(all::<RelativeToOnset>())),
    )
        .prop_map(|(level, visibility, course, began)| {
            let mut c = Conflict::new(level);
            c.visibility = visibility;
            c.course = course;
            c.began = began;
            c
        })
}

fn status() -> impl Strategy<Value = PersonStatus> {
    prop_oneof![
        4 => Just(PersonStatus::Living),
        1 => Just(PersonStatus::Estranged),
        2 => prop::option::of(partial_date()).prop_map(|date| PersonStatus::Deceased { date }),
    ]
}

/// A person with the given id and every other field drawn at random.
fn person(id: String) -> impl Strategy<Value = Person> {
    (
        select(all::<RelationshipKind>()),
        prop::option::of(select(all::<Closeness>())),
        prop::option::of(select(all::<ContactFrequency>())),
        status(),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
        prop::option::of(select(all::<ExpectationsMet>())),
        prop::option::of(conflict()),
        prop::option::of(select(all::<RelationshipChange>())),
    )
        .prop_map(
            move |(
                rel,
                closeness,
                contact,
                status,
                confidant,
                supportive,
                met,
                conflict,
                change,
            )| {
                let mut p = Person::new(PersonId::new(id.clone()).unwrap(), "label", rel);
                p.closeness = closeness;
                p.contact = contact;
                p.status = status;
                p.confidant = confidant;
                p.supportive = supportive;
                p.expectations = met.map(Expectations::new);
                p.conflict = conflict;
                p.change_around_onset = change;
                p
            },
        )
}

/// An event; its person is one of `people` ids, none, or a dangling id.
fn event(id: String, people: usize) -> impl Strategy<Value = LifeEvent> {
    (
        select(all::<EventKind>()),
        prop::option::of(partial_date()),
        prop_oneof![
            Just(None),
            (0..people.max(1)).prop_map(|i| Some(format!("p{i}"))),
            Just(Some(String::from("ghost"))),
        ],
        prop::option::of(any::<bool>()),
        prop::collection::vec(select(all::<GriefSign>()), 0..3),
    )
        .prop_map(move |(kind, date, person, linked, signs)| {
            let mut e = LifeEvent::new(EventId::new(id.clone()).unwrap(), kind, date);
            e.person = person.map(|p| PersonId::new(p).unwrap());
            e.linked_to_onset = interpersonal::inventory::OnsetLink::from(linked);
            e.grief_signs = signs;
            e
        })
}

fn inventory() -> impl Strategy<Value = Inventory> {
    (0usize..7, 0usize..6)
        .prop_flat_map(|(np, ne)| {
            let people: Vec<_> = (0..np).map(|i| person(format!("p{i}"))).collect();
            let events: Vec<_> = (0..ne).map(|i| event(format!("e{i}"), np)).collect();
            (
                onset(),
                people,
                events,
                prop::option::of(select(all::<PriorFunctioning>())),
                prop::option::of(any::<bool>()),
                prop::option::of(0u32..4),
                prop::option::of(any::<bool>()),
            )
        })
        .prop_map(
            |(onset, people, events, prior, alone, confidants, suicidal)| {
                let mut inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), onset);
                inv.people = people;
                inv.events = events;
                inv.social_context.prior_functioning = prior;
                inv.social_context.lives_alone = alone;
                inv.social_context.confidants = confidants;
                inv.safety.suicidal_thoughts =
                    interpersonal::inventory::ScreenAnswer::from(suicidal);
                repair(inv)
            },
        )
}

/// The inventory with whatever fails [`Inventory::validate`] taken out: an
/// event or person with a problem is dropped, any other field with a problem
/// reset. The engine assesses only valid inventories (an invalid one gets no
/// focus and its problems), so the properties of scoring are checked on valid
/// ones.
fn repair(mut inv: Inventory) -> Inventory {
    for _ in 0..64 {
        let Err(problems) = inv.validate() else {
            return inv;
        };
        let Some(first) = problems.iter().next() else {
            return inv;
        };
        let path = first.path.as_str().to_string();
        let index = |prefix: &str| -> Option<usize> {
            path.strip_prefix(prefix)?.split(']').next()?.parse().ok()
        };
        if let Some(e) = index("$.events[") {
            inv.events.remove(e);
        } else if let Some(i) = index("$.people[") {
            let id = inv.people[i].id.clone();
            inv.people.remove(i);
            inv.events.retain(|e| e.person.as_ref() != Some(&id));
        } else if path.starts_with("$.onset") {
            inv.onset = EpisodeOnset::Unknown;
        } else if path.starts_with("$.social_context") {
            inv.social_context = Default::default();
        } else {
            inv.people.clear();
            inv.events.clear();
        }
    }
    inv
}

/// A person with no conflict, no loss and no event about them.
fn neutral_person() -> impl Strategy<Value = Person> {
    (
        select(all::<RelationshipKind>()),
        prop::option::of(select(all::<Closeness>())),
        prop::option::of(any::<bool>()),
        prop::option::of(select(vec![ExpectationsMet::Met])),
        prop::option::of(select(vec![
            RelationshipChange::Unchanged,
            RelationshipChange::Better,
            RelationshipChange::New,
        ])),
        any::<bool>(),
    )
        .prop_map(|(rel, closeness, confidant, met, change, explicit_none)| {
            let mut p = Person::new(PersonId::new("neutral").unwrap(), "n", rel);
            p.closeness = closeness;
            p.confidant = confidant;
            p.expectations = met.map(Expectations::new);
            p.change_around_onset = change;
            if explicit_none {
                p.conflict = Some(Conflict::new(ConflictLevel::None));
            }
            p
        })
}

/// The facts a piece of evidence is about: a person (with the events naming
/// them), an event naming nobody, or the social context.
fn facts_of(inv: &Inventory, e: &interpersonal::engine::Evidence) -> Vec<String> {
    let mut out: Vec<String> = e
        .subjects
        .iter()
        .map(|s| match s {
            interpersonal::engine::Subject::Person(id) => format!("person {id}"),
            interpersonal::engine::Subject::Event(id) => match inv
                .event(id)
                .and_then(|ev| ev.person.as_ref())
                .filter(|p| inv.person(p).is_some())
            {
                Some(p) => format!("person {p}"),
                None => format!("event {id}"),
            },
        })
        .collect();
    if out.is_empty() {
        out.push(String::from("context"));
    }
    out
}

/// What an assessment says, with the inventory's order taken out.
fn order_free(a: &Assessment) -> String {
    let mut areas: Vec<String> = Vec::new();
    for f in &a.areas {
        let mut evidence: Vec<String> = f
            .evidence
            .iter()
            .map(|e| {
                let mut subjects: Vec<String> =
                    e.subjects.iter().map(|s| format!("{s:?}")).collect();
                subjects.sort();
                format!("{} {} {} {:?}", e.rule, e.counted, e.onset_link, subjects)
            })
            .collect();
        evidence.sort();
        areas.push(format!(
            "{} {} {} {} {:?}",
            f.area, f.score, f.strength, f.onset_link, evidence
        ));
    }
    let mut missing: Vec<String> = a
        .missing
        .iter()
        .map(|m| {
            let path = m.path.to_string();
            let tail = path.rsplit_once(']').map_or(path.as_str(), |(_, t)| t);
            format!(
                "{:?} {tail} {:?} {:?}",
                m.subject, m.held_back, m.needed_for
            )
        })
        .collect();
    missing.sort();
    let advisories: Vec<String> = a.advisories.iter().map(|x| x.code.to_string()).collect();
    format!(
        "{areas:?}\n{:?} {:?} {:?}\n{advisories:?}\n{missing:?}",
        a.focus, a.dispute_stage, a.grief_kind
    )
}

const AREAS: [ProblemArea; 4] = [
    ProblemArea::Grief,
    ProblemArea::RoleDispute,
    ProblemArea::RoleTransition,
    ProblemArea::InterpersonalDeficits,
];

fn scores(a: &Assessment) -> [f64; 4] {
    AREAS.map(|area| a.score(area))
}

fn engine() -> &'static Engine {
    use std::sync::OnceLock;
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::standard().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_keeps_its_invariants(inv in inventory()) {
        let a = engine().evaluate(&inv);
        prop_assert_eq!(a.areas.iter().map(|f| f.area).collect::<Vec<_>>(), AREAS.to_vec());
        prop_assert!(a.focus.len() <= 2);
        let mut unique = a.focus.clone();
        unique.dedup();
        prop_assert_eq!(unique.len(), a.focus.len());
        for f in &a.areas {
            prop_assert!(f.score >= 0.0 && f.score.is_finite());
            let sum: f64 = f.evidence.iter().map(|e| e.counted).sum();
            prop_assert!((sum - f.score).abs() < 1e-9);
            prop_assert!(f.evidence.iter().all(|e| e.area == f.area));
            if a.focus.contains(&f.area) {
                prop_assert!(f.near_misses.is_empty());
            }
        }
        prop_assert_eq!(a.dispute_stage.is_some() && !a.focus.contains(&ProblemArea::RoleDispute), false);
        prop_assert_eq!(a.grief_kind.is_some() && !a.focus.contains(&ProblemArea::Grief), false);
        let mut paths: Vec<String> = a.missing.iter().map(|m| m.path.to_string()).collect();
        let before = paths.len();
        paths.dedup();
        prop_assert_eq!(paths.len(), before, "missing facts are merged by path");
        for m in &a.missing {
            let mut sorted = m.held_back.clone();
            sorted.sort();
            prop_assert_eq!(&sorted, &m.held_back);
        }
    }

    #[test]
    fn deficits_is_never_in_focus_beside_other_evidence(inv in inventory()) {
        let a = engine().evaluate(&inv);
        let other = [ProblemArea::Grief, ProblemArea::RoleDispute, ProblemArea::RoleTransition]
            .iter()
            .any(|&area| a.score(area) > 0.0);
        if other {
            prop_assert!(!a.focus.contains(&ProblemArea::InterpersonalDeficits));
        }
    }

    #[test]
    fn safety_comes_first_whenever_reported_or_not_asked(inv in inventory()) {
        let a = engine().evaluate(&inv);
        if inv.safety.is_reported() {
            prop_assert_eq!(a.advisories[0].indicator, Indicator::Critical);
            prop_assert_eq!(a.advisories[0].code, interpersonal::engine::AdvisoryCode::SuicidalThoughtsReported);
        } else if !inv.safety.is_asked() {
            prop_assert_eq!(a.advisories[0].indicator, Indicator::Critical);
            prop_assert_eq!(a.advisories[0].code, interpersonal::engine::AdvisoryCode::SafetyScreenMissing);
        } else {
            prop_assert!(a.advisories.iter().all(|x| x.indicator != Indicator::Critical));
        }
    }

    #[test]
    fn an_inventory_without_a_safety_screen_always_leads_with_the_advisory(inv in inventory()) {
        let mut unscreened = inv.clone();
        unscreened.safety = Default::default();
        let a = engine().evaluate(&unscreened);
        prop_assert_eq!(a.advisories[0].code, interpersonal::engine::AdvisoryCode::SafetyScreenMissing);
        let text = interpersonal::Report::new(&a, &unscreened).to_string();
        let first_advisory = text.find("!! CRITICAL").unwrap();
        prop_assert!(text[first_advisory..].starts_with("!! CRITICAL: The safety screen is missing"));
        prop_assert!(first_advisory < text.find("Suggested focus").unwrap());
    }

    #[test]
    fn a_link_from_unknown_to_not_linked_never_raises_and_to_linked_never_lowers(
        inv in inventory(),
        which in any::<prop::sample::Index>(),
        person in any::<bool>(),
    ) {
        let base = engine().evaluate(&inv);
        let set = |link: interpersonal::inventory::OnsetLink| {
            let mut changed = inv.clone();
            if person && !changed.people.is_empty() {
                let i = which.index(changed.people.len());
                if !changed.people[i].linked_to_onset.is_unknown() {
                    return None;
                }
                changed.people[i].linked_to_onset = link;
            } else if !changed.events.is_empty() {
                let e = which.index(changed.events.len());
                if !changed.events[e].linked_to_onset.is_unknown() {
                    return None;
                }
                changed.events[e].linked_to_onset = link;
            } else {
                return None;
            }
            Some(engine().evaluate(&changed))
        };
        if let (Some(not), Some(linked)) = (
            set(interpersonal::inventory::OnsetLink::NotLinked),
            set(interpersonal::inventory::OnsetLink::Linked),
        ) {
            for area in AREAS {
                prop_assert!(not.score(area) <= base.score(area), "{area}: not linked raised it");
                prop_assert!(linked.score(area) >= base.score(area), "{area}: linked lowered it");
            }
        }
    }

    #[test]
    fn reordering_people_or_events_changes_nothing_but_order(inv in inventory(), seed in any::<u64>()) {
        let mut shuffled = inv.clone();
        // A deterministic shuffle: reverse, then rotate by the seed.
        shuffled.people.reverse();
        shuffled.events.reverse();
        if !shuffled.people.is_empty() {
            let k = (seed as usize) % shuffled.people.len();
            shuffled.people.rotate_left(k);
        }
        if !shuffled.events.is_empty() {
            let k = (seed as usize / 7) % shuffled.events.len();
            shuffled.events.rotate_left(k);
        }
        let a = engine().evaluate(&inv);
        let b = engine().evaluate(&shuffled);
        prop_assert_eq!(order_free(&a), order_free(&b));
    }

    #[test]
    fn no_fact_counts_more_than_once(inv in inventory()) {
        let a = engine().evaluate(&inv);
        let cap = engine().rule_set().parameters.support_cap;
        for f in &a.areas {
            let counted: Vec<&interpersonal::engine::Evidence> =
                f.evidence.iter().filter(|e| e.counted > 0.0).collect();
            // Everything counted is about one fact that all of it shares.
            if let Some(first) = counted.first() {
                let shared: Vec<String> = facts_of(&inv, first)
                    .into_iter()
                    .filter(|fact| counted.iter().all(|e| facts_of(&inv, e).contains(fact)))
                    .collect();
                prop_assert!(!shared.is_empty(), "{}: counted evidence about different facts", f.area);
                let strongest = counted.iter().map(|e| e.weight).fold(0.0, f64::max);
                prop_assert!(f.score <= strongest + cap + 1e-9);
                // No rule counts more than its weight.
                prop_assert!(counted.iter().all(|e| e.counted <= e.weight + 1e-9));
            }
        }
    }

    #[test]
    fn same_input_same_output(inv in inventory()) {
        let a = serde_json::to_string(&engine().evaluate(&inv)).unwrap();
        let b = serde_json::to_string(&engine().evaluate(&inv.clone())).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn a_person_with_no_conflict_loss_or_event_changes_no_score(inv in inventory(), extra in neutral_person(), at in any::<prop::sample::Index>()) {
        let before = engine().evaluate(&inv);
        let mut more = inv.clone();
        let i = at.index(more.people.len() + 1);
        more.people.insert(i, extra);
        let after = engine().evaluate(&more);
        prop_assert_eq!(scores(&before), scores(&after));
        prop_assert_eq!(before.focus, after.focus);
    }

    #[test]
    fn adding_any_person_or_event_never_lowers_a_score(inv in inventory(), p in person(String::from("added")), e in event(String::from("added"), 3)) {
        let before = scores(&engine().evaluate(&inv));
        let mut more = inv.clone();
        more.people.push(p);
        if more.validate().is_err() {
            return Ok(());
        }
        let with_person = scores(&engine().evaluate(&more));
        // An event that states "not linked" about someone already listed is
        // the clinician taking evidence away, not adding it.
        let mut e = e;
        if e.linked_to_onset == interpersonal::inventory::OnsetLink::NotLinked {
            e.linked_to_onset = interpersonal::inventory::OnsetLink::Unknown;
        }
        more.events.push(e);
        if more.validate().is_err() {
            return Ok(());
        }
        let with_event = scores(&engine().evaluate(&more));
        for i in 0..4 {
            prop_assert!(with_person[i] >= before[i]);
            prop_assert!(with_event[i] >= with_person[i]);
        }
    }

    #[test]
    fn adding_evidence_for_an_area_never_lowers_its_score(inv in inventory()) {
        let e = engine();
        let before = e.evaluate(&inv);

        // Grief: the death of a parent, which the patient links to the episode.
        let mut g = inv.clone();
        let mut parent = Person::new(PersonId::new("dead").unwrap(), "d", RelationshipKind::Parent);
        parent.status = PersonStatus::Deceased { date: None };
        g.people.push(parent);
        let mut death = LifeEvent::new(EventId::new("death").unwrap(), EventKind::Death, None);
        death.person = Some(PersonId::new("dead").unwrap());
        death.linked_to_onset = interpersonal::inventory::OnsetLink::Linked;
        g.events.push(death);
        let a = e.evaluate(&g);
        prop_assert!(a.score(ProblemArea::Grief) >= before.score(ProblemArea::Grief));
        prop_assert!(a.score(ProblemArea::Grief) > 0.0);

        // Dispute: a stalled, high, overt conflict with a spouse since before onset.
        let mut d = inv.clone();
        let mut spouse = Person::new(PersonId::new("spouse").unwrap(), "s", RelationshipKind::Spouse);
        let mut c = Conflict::new(ConflictLevel::High);
        c.visibility = Some(ConflictVisibility::Overt);
        c.course = Some(ConflictCourse::Stalled);
        c.began = Some(RelativeToOnset::BeforeOnset);
        spouse.conflict = Some(c);
        d.people.push(spouse);
        let a = e.evaluate(&d);
        prop_assert!(a.score(ProblemArea::RoleDispute) >= before.score(ProblemArea::RoleDispute));
        prop_assert!(a.score(ProblemArea::RoleDispute) > 0.0);

        // Transition: a move the patient links to the episode.
        let mut t = inv.clone();
        let mut moved = LifeEvent::new(EventId::new("moved").unwrap(), EventKind::Relocation, None);
        moved.linked_to_onset = interpersonal::inventory::OnsetLink::Linked;
        t.events.push(moved);
        let a = e.evaluate(&t);
        prop_assert!(a.score(ProblemArea::RoleTransition) >= before.score(ProblemArea::RoleTransition));
        prop_assert!(a.score(ProblemArea::RoleTransition) > 0.0);

        // Deficits: a lifelong pattern of few relationships.
        let mut f = inv.clone();
        f.social_context.prior_functioning = Some(PriorFunctioning::LifelongFewRelationships);
        let a = e.evaluate(&f);
        prop_assert!(a.score(ProblemArea::InterpersonalDeficits) >= before.score(ProblemArea::InterpersonalDeficits));
        prop_assert!(a.score(ProblemArea::InterpersonalDeficits) > 0.0);
    }

    #[test]
    fn a_death_never_adds_to_transition(inv in inventory(), date in prop::option::of(partial_date()), linked in prop::option::of(any::<bool>())) {
        let before = engine().evaluate(&inv);
        let mut more = inv.clone();
        let mut death = LifeEvent::new(EventId::new("another_death").unwrap(), EventKind::Death, date);
        death.linked_to_onset = interpersonal::inventory::OnsetLink::from(linked);
        more.events.push(death);
        if more.validate().is_err() {
            return Ok(());
        }
        let after = engine().evaluate(&more);
        prop_assert_eq!(before.score(ProblemArea::RoleTransition), after.score(ProblemArea::RoleTransition));
    }

    #[test]
    fn batch_is_map(invs in prop::collection::vec(inventory(), 0..4)) {
        let batch = engine().evaluate_batch(&invs);
        let mapped: Vec<Assessment> = invs.iter().map(|i| engine().evaluate(i)).collect();
        prop_assert_eq!(batch, mapped);
    }

    #[test]
    fn compile_never_panics_on_odd_parameters(
        ratio in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -2.0f64..2.0],
        min in prop_oneof![Just(f64::NAN), -1.0f64..10.0],
        depth in 0u32..40,
        weight in prop_oneof![Just(f64::NAN), Just(f64::NEG_INFINITY), -1.0f64..5.0],
    ) {
        let mut rules = RuleSet::standard();
        rules.parameters.second_focus_ratio = ratio;
        rules.parameters.min_focus_score = min;
        rules.parameters.max_depth = depth;
        rules.rules[0].weight = weight;
        let ok = ratio > 0.0 && ratio <= 1.0 && min > 0.0 && min.is_finite()
            && (1..=32).contains(&depth) && depth >= 6 && weight > 0.0 && weight.is_finite();
        match Engine::compile(rules) {
            Ok(_) => prop_assert!(ok),
            Err(problems) => {
                prop_assert!(!ok);
                prop_assert!(!problems.is_empty());
            }
        }
    }

    #[test]
    fn inventories_and_assessments_round_trip_through_json(inv in inventory()) {
        let text = serde_json::to_string(&inv).unwrap();
        let back: Inventory = interpersonal::from_json(&text).unwrap();
        prop_assert_eq!(&back, &inv);
        let a = engine().evaluate(&inv);
        let text = serde_json::to_string(&a).unwrap();
        let back: Assessment = interpersonal::from_json(&text).unwrap();
        prop_assert_eq!(back, a);
    }

    #[test]
    fn rule_sets_round_trip_through_json(weight in 0.1f64..10.0, before in 0u32..36, after in 0u32..12) {
        let mut rules = RuleSet::standard();
        rules.rules[0].weight = weight;
        if let Some(w) = rules.parameters.windows.get_mut("onset") {
            w.before_months = before;
            w.after_months = after;
        }
        let text = serde_json::to_string(&rules).unwrap();
        let back = RuleSet::from_json(&text).unwrap();
        prop_assert_eq!(back.fingerprint(), rules.fingerprint());
        prop_assert_eq!(back, rules);
    }
}
