//! The typed IPT vocabulary: problem areas and their catalogue, phases and
//! their tasks, techniques and interventions, goals.

// Tests may unwrap and panic (the library may not).
use std::collections::BTreeSet;
use std::fmt::Debug;
use std::str::FromStr;

use chrono::NaiveDate;
use interpersonal::vocabulary::Vocabulary;
use interpersonal::{catalogue::*, goal::*, id::*, source::*};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

// ---------------------------------------------------------------------------
// Enums: text forms

/// Display, FromStr, IntoStaticStr and serde agree on one snake_case name per
/// variant, and ALL lists every variant.
fn check_enum<E>()
where
    E: Vocabulary
        + FromStr
        + std::fmt::Display
        + Into<&'static str>
        + serde::Serialize
        + serde::de::DeserializeOwned
        + PartialEq
        + Debug
        + Copy,
    <E as FromStr>::Err: Debug,
{
    let mut names = BTreeSet::new();
    for v in E::iter() {
        let shown = v.to_string();
        assert!(
            shown
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{shown} is not snake_case"
        );
        assert_eq!(shown.parse::<E>().unwrap(), v);
        let stat: &'static str = v.into();
        assert_eq!(stat, shown);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(json, format!("\"{shown}\""));
        assert_eq!(serde_json::from_str::<E>(&json).unwrap(), v);
        assert!(names.insert(shown));
    }
    assert_eq!(names.len(), E::ALL.len());
    assert!(E::from_str("no_such_variant").is_err());
}

#[test]
fn enums_round_trip_through_text() {
    check_enum::<ProblemArea>();
    check_enum::<DisputeStage>();
    check_enum::<GriefKind>();
    check_enum::<TransitionKind>();
    check_enum::<Phase>();
    check_enum::<ClassicPhase>();
    check_enum::<PhaseTask>();
    check_enum::<Technique>();
    check_enum::<Intervention>();
    check_enum::<InterventionStatus>();
    check_enum::<GoalStatus>();
}

// ---------------------------------------------------------------------------
// Problem areas

#[test]
fn every_area_has_goals_strategies_and_indicators_with_sources() {
    for area in ProblemArea::iter() {
        assert!(!area.definition().is_empty(), "{area}");
        assert!(!area.source().cites().is_empty(), "{area}");
        for (what, list) in [
            ("goals", area.goals()),
            ("strategies", area.strategies()),
            ("indicators", area.indicators()),
        ] {
            assert!(!list.is_empty(), "{area} has no {what}");
            for entry in list {
                assert!(!entry.text.trim().is_empty(), "{area} {what}");
                assert!(
                    !entry.source.cites().is_empty(),
                    "{area} {what}: {}",
                    entry.text
                );
            }
        }
    }
}

#[test]
fn who_names_are_the_plain_language_ones() {
    let names: Vec<_> = ProblemArea::STANDARD.map(ProblemArea::who_name).to_vec();
    assert_eq!(
        names,
        [
            "grief",
            "disputes",
            "life changes",
            "loneliness and social isolation"
        ]
    );
    // IPSRT's fifth area is not a WHO group IPT area: its clinic name.
    assert_eq!(
        ProblemArea::GriefForLostHealthySelf.who_name(),
        "grief for the lost healthy self"
    );
    // A description of the WHO manual was read, not the manual itself.
    assert_eq!(ProblemArea::WHO_NAME_SOURCE.basis(), Basis::Known);
}

#[test]
fn manuals_goal_counts() {
    // Grief 2, disputes 3, transitions 3, deficits 2 (CLINICAL-BASIS.md §2.1–§2.4);
    // IPSRT's grief for the lost healthy self 2 (§7.1).
    let counts: Vec<_> = ProblemArea::iter().map(|a| a.goals().len()).collect();
    assert_eq!(counts, [2, 3, 3, 2, 2]);
}

#[test]
fn dispute_stages_have_meaning_task_and_source() {
    for stage in DisputeStage::iter() {
        assert!(!stage.meaning().is_empty());
        assert!(!stage.therapist_task().is_empty());
        assert_eq!(stage.source().basis(), Basis::Stated);
    }
}

#[test]
fn grief_kinds_are_sourced_and_only_normal_is_uncomplicated() {
    for kind in GriefKind::iter() {
        assert!(!kind.description().is_empty());
        assert_eq!(kind.is_complicated(), kind != GriefKind::Normal, "{kind}");
        // The sub-types of the 1984/2000 manuals could not be re-read: known.
        let expected = match kind {
            GriefKind::Normal | GriefKind::Complicated => Basis::Stated,
            _ => Basis::Known,
        };
        assert_eq!(kind.source().basis(), expected, "{kind}");
    }
}

#[test]
fn transition_kinds_are_described() {
    for kind in TransitionKind::iter() {
        assert!(kind.description().ends_with('.'), "{kind}");
        assert!(!kind.source().cites().is_empty());
    }
}

// ---------------------------------------------------------------------------
// Phases

#[test]
fn initial_phase_covers_the_ten_tasks_and_the_safety_screen() {
    use PhaseTask::*;
    // CLINICAL-BASIS.md §1.1, tasks 1–10 (formulation and agreement are two steps
    // of task 9), plus the safety screen of §1.2 and §9.
    let expected: BTreeSet<PhaseTask> = [
        ReviewSymptoms,
        NameDiagnosis,
        Psychoeducation,
        GiveSickRole,
        EvaluateMedication,
        TakeInterpersonalInventory,
        RelateChangesToOnset,
        SelectProblemArea,
        PresentFormulation,
        ObtainAgreement,
        SetTreatmentContract,
        ScreenSafety,
    ]
    .into_iter()
    .collect();
    let initial: BTreeSet<PhaseTask> = Phase::iter()
        .filter(|p| p.classic() == ClassicPhase::Initial)
        .flat_map(|p| p.tasks().iter().copied())
        .collect();
    assert_eq!(initial, expected);
    assert!(expected.iter().all(|t| t.is_required()));
}

#[test]
fn every_task_belongs_to_exactly_one_phase_and_is_sourced() {
    let mut seen = BTreeSet::new();
    for phase in Phase::iter() {
        for task in phase.tasks() {
            assert!(seen.insert(*task), "{task} in two phases");
            assert_eq!(task.phase(), phase);
            assert!(!task.description().is_empty());
            assert!(!task.source().cites().is_empty());
        }
    }
    assert_eq!(seen.len(), PhaseTask::COUNT);
}

#[test]
fn no_active_treatment_without_agreed_focus_and_contract() {
    let mut done: Vec<PhaseTask> = Phase::GoalSetting.tasks().to_vec();
    assert_eq!(
        Phase::GoalSetting.advance(&done),
        Ok(Phase::ActiveTreatment)
    );
    for missing in PhaseTask::AGREED_FOCUS {
        done.retain(|t| *t != missing);
        let err = Phase::GoalSetting.advance(&done).unwrap_err();
        let PhaseTransitionError::TasksOpen { from, to, open } = &err else {
            panic!("{err:?}");
        };
        assert_eq!((*from, *to), (Phase::GoalSetting, Phase::ActiveTreatment));
        assert!(open.contains(&missing));
        let message = err.to_string();
        assert!(message.contains("`goal_setting`") && message.contains("`active_treatment`"));
        assert!(message.contains(&format!("`{missing}`")));
    }
}

#[test]
fn tasks_of_other_phases_do_not_count() {
    let err = Phase::Assessment
        .advance(Phase::GoalSetting.tasks())
        .unwrap_err();
    let PhaseTransitionError::TasksOpen { open, .. } = err else {
        panic!()
    };
    assert_eq!(open, Phase::Assessment.tasks());
}

#[test]
fn maintenance_is_optional_and_last() {
    let all: Vec<_> = Phase::ConsolidationTermination.tasks().to_vec();
    assert_eq!(
        Phase::ConsolidationTermination.advance(&all),
        Err(PhaseTransitionError::OptionalNextPhase {
            from: Phase::ConsolidationTermination,
            to: Phase::Maintenance
        })
    );
    assert_eq!(
        Phase::ConsolidationTermination.next(),
        Some(Phase::Maintenance)
    );
    assert_eq!(Phase::Maintenance.next(), None);
    assert_eq!(
        Phase::Maintenance.advance(Phase::Maintenance.tasks()),
        Err(PhaseTransitionError::NoNextPhase {
            from: Phase::Maintenance
        })
    );
    assert_eq!(Phase::Maintenance.typical_sessions(), None);
}

#[test]
fn next_visits_every_phase_once_in_order() {
    let mut order = vec![Phase::Assessment];
    while let Some(next) = order.last().and_then(|p| p.next()) {
        order.push(next);
    }
    assert_eq!(order, Phase::iter().collect::<Vec<_>>());
    let classic: Vec<_> = order.iter().map(|p| p.classic()).collect();
    assert!(classic.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn session_ranges_in_standard_courses() {
    for total in 12..=16u8 {
        let a = Phase::Assessment.sessions_for(total).unwrap();
        let g = Phase::GoalSetting.sessions_for(total).unwrap();
        let m = Phase::ActiveTreatment.sessions_for(total).unwrap();
        let t = Phase::ConsolidationTermination.sessions_for(total).unwrap();
        assert_eq!((*a.start(), *a.end()), (1, 2));
        assert_eq!((*g.start(), *g.end()), (2, 3));
        assert_eq!(*m.start(), 4);
        // Termination is the last 2–4 sessions; the middle phase ends by the
        // third from last.
        assert_eq!(*t.start(), total - 3);
        assert_eq!(*t.end(), total);
        assert_eq!(*m.end(), total - 2);
    }
    // Too short for a middle phase.
    assert_eq!(Phase::ActiveTreatment.sessions_for(5), None);
}

// ---------------------------------------------------------------------------
// Techniques and interventions

#[test]
fn interventions_for_areas_are_ipt_only_and_stable() {
    // The interventions table covers standard IPT's four areas (§4.1).
    for area in ProblemArea::STANDARD {
        let list = Intervention::for_area(area);
        assert!(!list.is_empty(), "{area}");
        assert!(!list.contains(&Intervention::ChallengingNegativeThoughts));
        assert!(
            list.iter()
                .all(|i| i.status().is_ipt() && i.areas().contains(&area))
        );
        assert_eq!(list, Intervention::for_area(area));
        let mut sorted = list.clone();
        sorted.sort();
        assert_eq!(list, sorted, "declaration order");
    }
    assert_eq!(
        Intervention::for_area(ProblemArea::RoleTransition),
        [
            Intervention::CommunicationSkillsTraining,
            Intervention::ProblemSolving,
            Intervention::RoleTransitionSupport,
            Intervention::RolePlaying,
        ]
    );
}

#[test]
fn intervention_standing_follows_the_reference() {
    use InterventionStatus::*;
    let standing: Vec<_> = Intervention::iter().map(|i| (i, i.status())).collect();
    assert_eq!(
        standing,
        [
            (
                Intervention::CommunicationSkillsTraining,
                CoreAsIptTechnique
            ),
            (Intervention::ProblemSolving, CoreAsIptTechnique),
            (Intervention::GriefWork, Core),
            (Intervention::RoleTransitionSupport, Core),
            (Intervention::RolePlaying, Core),
            (Intervention::ChallengingNegativeThoughts, NotIpt),
            (Intervention::ExploringPastRelationships, Limited),
        ]
    );
    for i in Intervention::iter() {
        assert!(!i.description().is_empty());
        assert!(!i.source().cites().is_empty());
    }
}

#[test]
fn techniques_are_sourced() {
    for t in Technique::iter() {
        assert!(!t.description().is_empty());
        assert!(!t.areas().is_empty());
        assert!(!t.source().cites().is_empty());
    }
}

// ---------------------------------------------------------------------------
// Goals

fn goal_in(status: GoalStatus) -> Goal {
    use GoalStatus::*;
    let mut goal = Goal::new(
        GoalId::new("g1").unwrap(),
        ProblemArea::RoleDispute,
        "x",
        GoalTarget::Described("y".into()),
    );
    let path: &[GoalStatus] = match status {
        Proposed => &[],
        Active => &[Active],
        Achieved => &[Active, Achieved],
        Revised => &[Active, Revised],
        Discontinued => &[Discontinued],
    };
    for (i, s) in path.iter().enumerate() {
        goal.set_status(*s, day(1 + i as u32)).unwrap();
    }
    assert_eq!(goal.status(), status);
    goal
}

#[test]
fn goal_status_graph_every_pair() {
    use GoalStatus::*;
    // The documented graph (GoalStatus docs), written out independently.
    let allowed: BTreeSet<(GoalStatus, GoalStatus)> = [
        (Proposed, Active),
        (Proposed, Discontinued),
        (Active, Achieved),
        (Active, Revised),
        (Active, Discontinued),
        (Revised, Active),
        (Revised, Discontinued),
    ]
    .into_iter()
    .collect();
    let mut checked = 0;
    for from in GoalStatus::iter() {
        for to in GoalStatus::iter() {
            let expect = allowed.contains(&(from, to));
            assert_eq!(from.can_change_to(to), expect, "{from} -> {to}");
            assert_eq!(from.allowed_next().contains(&to), expect, "{from} -> {to}");
            let mut goal = goal_in(from);
            let before = goal.clone();
            let result = goal.set_status(to, day(20));
            if expect {
                assert_eq!(result, Ok(()));
                assert_eq!(goal.status(), to);
                let last = goal.status_changes().last().unwrap();
                assert_eq!((last.from, last.to, last.on), (from, to, day(20)));
            } else {
                let err = result.unwrap_err();
                assert_eq!(
                    err,
                    GoalStatusError::NotAllowed {
                        goal: GoalId::new("g1").unwrap(),
                        from,
                        to
                    }
                );
                let message = err.to_string();
                assert!(message.contains(&format!("`{from}`")), "{message}");
                assert!(message.contains(&format!("`{to}`")), "{message}");
                assert_eq!(goal, before);
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 25);
    assert_eq!(
        GoalStatus::iter()
            .filter(|s| s.is_final())
            .collect::<Vec<_>>(),
        [Achieved, Discontinued]
    );
}

#[test]
fn goal_status_change_cannot_go_back_in_time() {
    let mut goal = goal_in(GoalStatus::Active); // changed on day 1
    assert_eq!(
        goal.set_status(
            GoalStatus::Revised,
            NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()
        ),
        Err(GoalStatusError::DatedBeforePrevious {
            goal: GoalId::new("g1").unwrap(),
            on: NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(),
            previous: day(1),
        })
    );
    assert_eq!(goal.set_status(GoalStatus::Revised, day(1)), Ok(()));
}

#[test]
fn progress_refusals() {
    let mut goal = GoalTemplate::for_area(ProblemArea::InterpersonalDeficits)[0].goal(
        GoalId::new("g2").unwrap(),
        GoalTarget::RatingAtMost {
            of: "loneliness".into(),
            value: GoalRating::new(4).unwrap(),
        },
    );
    goal.record_progress(ProgressEntry::new(day(10)).with_value(8))
        .unwrap();
    assert_eq!(
        goal.record_progress(ProgressEntry::new(day(9))),
        Err(GoalProgressError::DatedBeforePrevious {
            goal: GoalId::new("g2").unwrap(),
            date: day(9),
            previous: day(10),
        })
    );
    assert_eq!(
        goal.record_progress(ProgressEntry::new(day(11)).with_value(11)),
        Err(GoalProgressError::RatingOutOfRange {
            goal: GoalId::new("g2").unwrap(),
            value: 11,
        })
    );
    goal.record_progress(ProgressEntry::new(day(24)).with_value(4))
        .unwrap();
    assert_eq!(goal.progress().len(), 2);
    assert_eq!(goal.target_met(), Some(true));
}

#[test]
fn templates_make_proposed_goals_with_manual_text() {
    for template in GoalTemplate::all() {
        let id = GoalId::new(template.key()).unwrap();
        let goal = template.goal(id.clone(), GoalTarget::Described("z".into()));
        assert_eq!(goal.id, id);
        assert_eq!(goal.area, template.area());
        assert_eq!(goal.statement.expose(), template.text());
        assert_eq!(goal.status(), GoalStatus::Proposed);
        assert!(goal.progress().is_empty() && goal.target_date.is_none());
        assert!(!template.source().cites().is_empty());
        assert_eq!(GoalTemplate::by_key(template.key()), Some(template));
    }
    assert_eq!(
        GoalTemplate::by_key("grief.facilitate_mourning").map(GoalTemplate::text),
        Some("Facilitate the mourning process.")
    );
}

#[test]
fn goal_json_shape() {
    let mut goal = GoalTemplate::for_area(ProblemArea::Grief)[0]
        .goal(
            GoalId::new("g1").unwrap(),
            GoalTarget::MeasureAtMost {
                instrument: InstrumentId::PHQ9,
                value: 9,
            },
        )
        .with_target_date(day(31));
    goal.set_status(GoalStatus::Active, day(2)).unwrap();
    goal.record_progress(ProgressEntry::new(day(2)).with_value(17))
        .unwrap();
    let json = serde_json::to_value(&goal).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "id": "g1",
            "area": "grief",
            "statement": "Facilitate the mourning process.",
            "target": {"measure_at_most": {"instrument": "phq9", "value": 9}},
            "target_date": "2026-03-31",
            "status": "active",
            "status_changes": [{"from": "proposed", "to": "active", "on": "2026-03-02"}],
            "progress": [{"date": "2026-03-02", "value": 17}],
        })
    );
    let back: Goal = serde_json::from_value(json).unwrap();
    assert_eq!(back, goal);
}

#[test]
fn goal_json_rejects_unknown_fields_and_bad_values() {
    let base = serde_json::json!({
        "id": "g1", "area": "grief", "statement": "s",
        "target": {"described": "d"}, "status": "proposed"
    });
    assert!(serde_json::from_value::<Goal>(base.clone()).is_ok());

    let mut extra = base.clone();
    extra["colour"] = "blue".into();
    assert!(serde_json::from_value::<Goal>(extra).is_err());

    let mut rating = base.clone();
    rating["target"] = serde_json::json!({"rating_at_least": {"of": "x", "value": 11}});
    assert!(serde_json::from_value::<Goal>(rating).is_err());

    let mut instrument = base.clone();
    instrument["target"] =
        serde_json::json!({"measure_at_most": {"instrument": "PHQ 9", "value": 4}});
    assert!(serde_json::from_value::<Goal>(instrument).is_err());

    let mut target_extra = base;
    target_extra["target"] =
        serde_json::json!({"count_per_week": {"at_least": 1, "of": "x", "y": 2}});
    assert!(serde_json::from_value::<Goal>(target_extra).is_err());
}

#[test]
fn goal_rating_boundaries() {
    assert_eq!(GoalRating::new(0), Ok(GoalRating::MIN));
    assert_eq!(GoalRating::new(10), Ok(GoalRating::MAX));
    assert_eq!(GoalRating::new(11).unwrap_err().value, 11);
    assert_eq!(GoalRating::try_from(300u16).unwrap_err().value, 300);
    assert_eq!(GoalRating::try_from(10u16), Ok(GoalRating::MAX));
    assert!(serde_json::from_str::<GoalRating>("-1").is_err());
}

// ---------------------------------------------------------------------------
// Privacy

#[test]
fn sentinel_never_shows_in_debug() {
    const S: &str = "SENTINEL-7f3a";
    let targets = [
        GoalTarget::CountPerWeek {
            at_least: 2,
            of: S.into(),
        },
        GoalTarget::RatingAtLeast {
            of: S.into(),
            value: GoalRating::new(6).unwrap(),
        },
        GoalTarget::RatingAtMost {
            of: S.into(),
            value: GoalRating::new(3).unwrap(),
        },
        GoalTarget::Described(S.into()),
    ];
    for target in targets {
        let mut goal = Goal::new(
            GoalId::new("g").unwrap(),
            ProblemArea::Grief,
            S,
            target.clone(),
        );
        goal.record_progress(ProgressEntry::new(day(1)).with_value(1).with_note(S))
            .unwrap();
        let entry = goal.progress()[0].clone();
        let shown = format!("{goal:?} {goal:#?} {target:?} {entry:?} {entry:#?}");
        assert!(!shown.contains("SENTINEL"), "{shown}");
        // Errors carry ids and numbers only.
        let e1 = goal.record_progress(ProgressEntry::new(day(1)).with_value(99));
        let e2 = goal.set_status(GoalStatus::Achieved, day(2));
        let shown = format!("{e1:?} {e2:?}");
        assert!(!shown.contains("SENTINEL"), "{shown}");
        if let Err(e) = e2 {
            assert!(!e.to_string().contains("SENTINEL"));
        }
    }
}

// ---------------------------------------------------------------------------
// Thread safety

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ProblemArea>();
    assert_send_sync::<DisputeStage>();
    assert_send_sync::<GriefKind>();
    assert_send_sync::<TransitionKind>();
    assert_send_sync::<CatalogueEntry>();
    assert_send_sync::<Phase>();
    assert_send_sync::<ClassicPhase>();
    assert_send_sync::<SessionPosition>();
    assert_send_sync::<SessionRange>();
    assert_send_sync::<PhaseTask>();
    assert_send_sync::<PhaseTransitionError>();
    assert_send_sync::<Technique>();
    assert_send_sync::<Intervention>();
    assert_send_sync::<InterventionStatus>();
    assert_send_sync::<InstrumentId>();
    assert_send_sync::<InstrumentIdError>();
    assert_send_sync::<GoalRating>();
    assert_send_sync::<GoalRatingError>();
    assert_send_sync::<GoalTarget>();
    assert_send_sync::<GoalStatus>();
    assert_send_sync::<GoalStatusChange>();
    assert_send_sync::<GoalStatusError>();
    assert_send_sync::<ProgressEntry>();
    assert_send_sync::<GoalProgressError>();
    assert_send_sync::<Goal>();
    assert_send_sync::<GoalTemplate>();
}
