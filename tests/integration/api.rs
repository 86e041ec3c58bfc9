//! Every public type is `Send + Sync` (semver's `test_auto_traits`), so an
//! [`Engine`] can be shared across threads and any value can cross them.
//!
//! A new public type belongs in this list: the compiler then checks it.
use interpersonal::{
    catalogue::*, course::*, date::*, engine::*, error::*, goal::*, id::*, inventory::*,
    measure::*, sensitive::*, source::*,
};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn every_public_type_is_send_and_sync() {
    assert_send_sync::<Advisory>();
    assert_send_sync::<AdvisoryCode>();
    assert_send_sync::<Agreement>();
    assert_send_sync::<AreaFinding>();
    assert_send_sync::<Assessment>();
    assert_send_sync::<Basis>();
    assert_send_sync::<Cadence>();
    assert_send_sync::<CatalogueEntry>();
    assert_send_sync::<ClassicPhase>();
    assert_send_sync::<Closeness>();
    assert_send_sync::<Condition>();
    assert_send_sync::<EvidenceStrength>();
    assert_send_sync::<StrengthBands>();
    assert_send_sync::<Conflict>();
    assert_send_sync::<ConflictCourse>();
    assert_send_sync::<ConflictLevel>();
    assert_send_sync::<ConflictVisibility>();
    assert_send_sync::<ContactFrequency>();
    assert_send_sync::<DateError>();
    assert_send_sync::<DisputeStage>();
    assert_send_sync::<Engine>();
    assert_send_sync::<EpisodeOnset>();
    assert_send_sync::<EventBuilder>();
    assert_send_sync::<EventCondition>();
    assert_send_sync::<EventKind>();
    assert_send_sync::<Evidence>();
    assert_send_sync::<Expectations>();
    assert_send_sync::<ExpectationsMet>();
    assert_send_sync::<FrequencyResponse>();
    assert_send_sync::<Gad7Band>();
    assert_send_sync::<Gad7Item>();
    assert_send_sync::<Goal>();
    assert_send_sync::<GoalProgressError>();
    assert_send_sync::<GoalRating>();
    assert_send_sync::<GoalRatingError>();
    assert_send_sync::<GoalStatus>();
    assert_send_sync::<GoalStatusChange>();
    assert_send_sync::<GoalStatusError>();
    assert_send_sync::<GoalTarget>();
    assert_send_sync::<GoalTemplate>();
    assert_send_sync::<GriefKind>();
    assert_send_sync::<GriefSign>();
    assert_send_sync::<Hamd17Item>();
    assert_send_sync::<HamdBand>();
    assert_send_sync::<HamdBanding>();
    assert_send_sync::<IdError>();
    assert_send_sync::<Indicator>();
    assert_send_sync::<Instrument>();
    assert_send_sync::<InstrumentId>();
    assert_send_sync::<InstrumentIdError>();
    assert_send_sync::<Intervention>();
    assert_send_sync::<InterventionStatus>();
    assert_send_sync::<Inventory>();
    assert_send_sync::<InventoryBuilder>();
    assert_send_sync::<JsonError>();
    assert_send_sync::<JsonPath>();
    assert_send_sync::<LifeEvent>();
    assert_send_sync::<MeasureOutcome>();
    assert_send_sync::<Measurement>();
    assert_send_sync::<MissingFact>();
    assert_send_sync::<MissingItems>();
    assert_send_sync::<Modality>();
    assert_send_sync::<NearMiss>();
    assert_send_sync::<NeededFor>();
    assert_send_sync::<PartialDate>();
    assert_send_sync::<Person>();
    assert_send_sync::<PersonBuilder>();
    assert_send_sync::<PersonCondition>();
    assert_send_sync::<PersonStatus>();
    assert_send_sync::<Phase>();
    assert_send_sync::<PhaseTask>();
    assert_send_sync::<PhaseTransitionError>();
    assert_send_sync::<Phq9Band>();
    assert_send_sync::<Phq9Item>();
    assert_send_sync::<PriorFunctioning>();
    assert_send_sync::<Problem>();
    assert_send_sync::<ProblemArea>();
    assert_send_sync::<Problems>();
    assert_send_sync::<ProgressEntry>();
    assert_send_sync::<Recommendations>();
    assert_send_sync::<RelationshipChange>();
    assert_send_sync::<RelationshipKind>();
    assert_send_sync::<RelativeToOnset>();
    assert_send_sync::<Rule>();
    assert_send_sync::<RuleParameters>();
    assert_send_sync::<RuleSet>();
    assert_send_sync::<RuleSetInfo>();
    assert_send_sync::<SafetyFlag>();
    assert_send_sync::<SafetyFlagKind>();
    assert_send_sync::<SafetyScreen>();
    assert_send_sync::<SafetySource>();
    assert_send_sync::<Schedule>();
    assert_send_sync::<ScheduleError>();
    assert_send_sync::<ScheduleOptions>();
    assert_send_sync::<SchedulePhase>();
    assert_send_sync::<ScheduledSession>();
    assert_send_sync::<ScoreAdvisory>();
    assert_send_sync::<ScoringOptions>();
    assert_send_sync::<SessionPosition>();
    assert_send_sync::<SessionRange>();
    assert_send_sync::<SeverityBand>();
    assert_send_sync::<SkipPolicy>();
    assert_send_sync::<SocialContext>();
    assert_send_sync::<Source>();
    assert_send_sync::<Subject>();
    assert_send_sync::<SymptomTrend>();
    assert_send_sync::<Technique>();
    assert_send_sync::<TransitionKind>();
    assert_send_sync::<TreatmentContract>();
    assert_send_sync::<TreatmentContractBuilder>();
    assert_send_sync::<TrendError>();
    assert_send_sync::<TrendProblem>();
    assert_send_sync::<TrendSummary>();
    assert_send_sync::<UnknownModality>();
    {
        use interpersonal::course::{
            AdolescentDetails, AdolescentMood, AdolescentMoodRating, ContractAdvisory, FocusChange,
            Group, GroupMember, GroupReview, MaintenancePlan, MemberReview, ModalitySpec,
            PhaseBlock, PlannedSession,
        };
        assert_send_sync::<ModalitySpec>();
        assert_send_sync::<PhaseBlock>();
        assert_send_sync::<PlannedSession>();
        assert_send_sync::<AdolescentDetails>();
        assert_send_sync::<AdolescentMood>();
        assert_send_sync::<AdolescentMoodRating>();
        assert_send_sync::<ContractAdvisory>();
        assert_send_sync::<FocusChange>();
        assert_send_sync::<MaintenancePlan>();
        assert_send_sync::<Group>();
        assert_send_sync::<GroupMember>();
        assert_send_sync::<GroupReview>();
        assert_send_sync::<MemberReview>();
        assert_send_sync::<interpersonal::id::MemberId>();
    }
    assert_send_sync::<Window>();
    assert_send_sync::<PersonId>();
    assert_send_sync::<EventId>();
    assert_send_sync::<GoalId>();
    assert_send_sync::<RuleId>();
    assert_send_sync::<Phq9Answers>();
    assert_send_sync::<Gad7Answers>();
    assert_send_sync::<Hamd17Ratings>();
    assert_send_sync::<Phq9Score>();
    assert_send_sync::<Gad7Score>();
    assert_send_sync::<Hamd17Score>();
    assert_send_sync::<CompletedTask>();
    assert_send_sync::<Course>();
    assert_send_sync::<CourseError>();
    assert_send_sync::<CourseSafetyFlag>();
    assert_send_sync::<Formulation>();
    assert_send_sync::<FormulationPart>();
    assert_send_sync::<FormulationSection>();
    assert_send_sync::<GoalReview>();
    assert_send_sync::<PhaseChange>();
    assert_send_sync::<ProgressReview>();
    assert_send_sync::<ReviewAdvisory>();
    assert_send_sync::<ReviewAdvisoryCode>();
    assert_send_sync::<SafetyFlagOrigin>();
    assert_send_sync::<SessionRecord>();
    assert_send_sync::<TerminationChecklist>();
    assert_send_sync::<TerminationItem>();
    assert_send_sync::<Sensitive<String>>();
    assert_send_sync::<Report<'static>>();
    #[cfg(feature = "fhir")]
    {
        use interpersonal::fhir::*;
        assert_send_sync::<SubjectReference>();
        assert_send_sync::<FhirError>();
        assert_send_sync::<FhirProblem>();
        assert_send_sync::<GoalExport>();
        assert_send_sync::<Unanswered>();
    }
    #[cfg(feature = "cds-hooks")]
    {
        use interpersonal::cds_hooks::*;
        assert_send_sync::<Card>();
        assert_send_sync::<CardSource>();
        assert_send_sync::<CardUuid>();
        assert_send_sync::<CardUuidError>();
    }
}

#[test]
fn the_engine_is_shared_across_threads() {
    let engine = std::sync::Arc::new(Engine::standard().unwrap());
    let inventory = Inventory::new(
        chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        EpisodeOnset::Unknown,
    );
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let engine = std::sync::Arc::clone(&engine);
            let inventory = inventory.clone();
            std::thread::spawn(move || engine.evaluate(&inventory))
        })
        .collect();
    let results: Vec<Assessment> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(results[0], results[1]);
}

/// A newcomer's first program needs no other dependency: dates as text, and a
/// date the builder cannot read reported at its path with the other problems.
#[test]
fn builders_take_dates_as_text() {
    use interpersonal::{Inventory, ProblemArea, TreatmentContract};

    let inventory = Inventory::builder("2026-03-02")
        .onset("2026-01")
        .build()
        .unwrap();
    assert_eq!(inventory.assessed_on.to_string(), "2026-03-02");

    let problems = Inventory::builder("2026-3-02")
        .onset("2026-13")
        .build()
        .unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["$.assessed_on", "$.onset"]);

    let contract = TreatmentContract::builder("2026-03-02", [ProblemArea::Grief])
        .build()
        .unwrap();
    assert_eq!(contract.starts_on.to_string(), "2026-03-02");
    let problems = TreatmentContract::builder("2026-03", [ProblemArea::Grief])
        .sessions(0)
        .build()
        .unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["$.starts_on", "$.sessions"]);
}
