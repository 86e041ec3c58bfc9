//! `interpersonal`: a typed, tested, explainable model of Interpersonal
//! Psychotherapy (IPT), for the people who build clinical and digital
//! mental-health software.
//!
//! IPT is a time-limited psychotherapy, usually 12 to 16 weekly sessions, that
//! links a depressive episode to one of four interpersonal problem areas (grief,
//! role disputes, role transitions, interpersonal deficits) and works on that
//! area through an initial phase, a middle phase and termination, sometimes
//! followed by maintenance (Weissman, Markowitz & Klerman, *The Guide to
//! Interpersonal Psychotherapy*, 2018; Markowitz & Weissman, *World Psychiatry*
//! 2004).
//!
//! **This crate is decision support, not diagnosis.** It suggests and explains;
//! the clinician decides, and the formulation is agreed with the patient. A
//! reported suicidal thought or a positive PHQ-9 item 9 is surfaced first, as
//! critical, everywhere, and nothing suppresses it; so is a positive mania
//! screen.
//!
//! # A guided tour
//!
//! The crate follows the data as it flows through a course of IPT. Each step
//! reads the one before it and nothing after it.
//!
//! ## 1. The vocabulary
//!
//! [`ProblemArea`] names the four areas; [`DisputeStage`](catalogue::DisputeStage), [`GriefKind`](catalogue::GriefKind) and
//! [`TransitionKind`](catalogue::TransitionKind) their sub-types. Each area carries its definition, goals,
//! strategies and clinical indicators from the manuals, every entry citing its
//! [`Source`](source::Source). [`Phase`] and [`PhaseTask`](catalogue::PhaseTask) lay out the phases;
//! [`Technique`](catalogue::Technique) and [`Intervention`](catalogue::Intervention) what the therapist does; [`Goal`] and
//! [`GoalTemplate`](goal::GoalTemplate) specific, measurable treatment goals.
//!
//! ```
//! use interpersonal::{catalogue::Intervention, Phase, catalogue::PhaseTask, ProblemArea};
//!
//! let area = ProblemArea::RoleDispute;
//! assert_eq!(area.who_name(), "disputes");
//! assert!(!area.goals().is_empty());
//! assert!(Intervention::for_area(area).contains(&Intervention::CommunicationSkillsTraining));
//!
//! // A phase is left only when its required tasks are done.
//! let err = Phase::Assessment.advance(&[PhaseTask::ReviewSymptoms]).unwrap_err();
//! assert!(err.to_string().contains("take_interpersonal_inventory"));
//! ```
//!
//! ## 2. The interpersonal inventory
//!
//! An [`Inventory`] holds one patient's important people ([`Person`]), life
//! events ([`LifeEvent`]), the onset of the current episode ([`EpisodeOnset`](date::EpisodeOnset))
//! and social context, as of a date. Build one in code with
//! [`Inventory::builder`], or read one from JSON with [`from_json`]; either way
//! [`Inventory::validate`] reports every problem at once, each at its
//! [`JsonPath`]. Patient text is [`Sensitive`]: it never shows in `Debug`
//! output or in an error.
//!
//! ```
//! use chrono::NaiveDate;
//! use interpersonal::{inventory::ConflictCourse, inventory::ConflictLevel, inventory::Conflict, inventory::EventKind, Inventory, LifeEvent, Person, inventory::RelationshipKind};
//!
//! let inventory = Inventory::builder("2026-03-02")
//!     .onset("2026-01")
//!     .person(
//!         Person::builder("spouse", "Sam", RelationshipKind::Spouse)
//!             .conflict(Conflict::new(ConflictLevel::High).with_course(ConflictCourse::Stalled)),
//!     )
//!     .event(LifeEvent::builder("move", EventKind::Relocation).date("2025-11").linked_to_onset(true))
//!     .build()?;
//! assert_eq!(inventory.people.len(), 1);
//! assert!(!format!("{inventory:?}").contains("Sam"));
//! # Ok::<(), interpersonal::Problems>(())
//! ```
//!
//! ## 3. The rule engine
//!
//! A [`RuleSet`] is data: JSON rules, each supporting one area with a weight, a
//! condition tree and a source. [`Engine::standard`] compiles the default IPT
//! rules (`rules/default.json`); [`Engine::compile`] compiles your own. An
//! [`Engine`] evaluates an inventory into an [`Assessment`]: a score and
//! confidence for every area with its [`Evidence`](engine::Evidence), the suggested focus (one
//! area, or two when they are close), the dispute stage and grief kind,
//! advisories, and the missing facts that held rules back. The assessment holds
//! ids, never patient text; a [`Report`] joins the labels back in.
//!
//! ```
//! use interpersonal::{Engine, ProblemArea, from_json, Inventory, Report};
//!
//! let inventory: Inventory = from_json(r#"{
//!   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
//!   "people": [{"id": "father", "label": "Dad", "relationship": "parent",
//!               "closeness": "inner", "status": {"deceased": {"date": "2025-12"}}}],
//!   "events": [{"id": "e1", "kind": "death", "date": "2025-12", "person": "father",
//!               "linked_to_onset": true}]
//! }"#)?;
//! let engine = Engine::standard()?;
//! let assessment = engine.evaluate(&inventory);
//! assert_eq!(assessment.focus, vec![ProblemArea::Grief]);
//! let text = Report::new(&assessment, &inventory).to_string();
//! assert!(text.contains("Dad"));
//! # Ok::<(), interpersonal::Error>(())
//! ```
//!
//! ## 4. A course of treatment
//!
//! A [`TreatmentContract`] fixes the modality, number of sessions, cadence,
//! start date, focus and goals; a [`Schedule`] lays out the session dates and
//! which sessions fall in each phase; a [`Course`] records sessions, phase
//! progression, goals and symptom measures, reviews progress, and renders the
//! interpersonal formulation.
//!
//! ```
//! use interpersonal::{ProblemArea, Schedule, course::ScheduleOptions, course::SchedulePhase, TreatmentContract};
//!
//! let contract = TreatmentContract::builder("2026-03-02", [ProblemArea::RoleDispute])
//!     .sessions(12)
//!     .build()?;
//! let schedule = Schedule::generate(&contract, &ScheduleOptions::default())?;
//! assert_eq!(schedule.session_count(), 12);
//! assert_eq!(schedule.phase_of(1), Some(SchedulePhase::Initial));
//! assert_eq!(schedule.phase_of(12), Some(SchedulePhase::Termination));
//! # Ok::<(), interpersonal::Error>(())
//! ```
//!
//! ## 5. Symptom measures
//!
//! [`Phq9Score`], [`Gad7Score`] and [`Hamd17Score`] score the PHQ-9,
//! GAD-7 and HAM-D-17 with their severity bands and LOINC codes; a missing item
//! is an error unless pro-rating is asked for. PHQ-9 item 9 at 1 or more raises
//! a [`SafetyFlag`]. [`SymptomTrend`](measure::SymptomTrend) tells response, remission, reliable
//! improvement and recovery over dated scores.
//!
//! ```
//! use interpersonal::{measure::Phq9Band, Phq9Score};
//!
//! let score = Phq9Score::from_scores([2, 2, 1, 2, 1, 1, 1, 0, 1])?;
//! assert_eq!(score.total(), 11);
//! assert_eq!(score.band(), Phq9Band::Moderate);
//! assert!(!score.safety_flags().is_empty()); // item 9 at 1
//! # Ok::<(), interpersonal::Error>(())
//! ```
//!
//! ## 6. IPSRT: social rhythms and mood
//!
//! The [`ipsrt`] module serves Interpersonal and Social Rhythm Therapy, IPT
//! adapted for bipolar disorder (Frank 2005): the Social Rhythm Metric diary in
//! its SRM-5 and SRM-17 forms ([`ipsrt::SrmWeek`]), scored as published into
//! habitual times, hits and an SRM score from 0 to 7 ([`ipsrt::SrmScore`]),
//! and weeks over time with a regularity trend, drifting activities and daily
//! mood ([`ipsrt::RhythmSeries`]). Beside the PHQ-9, the Altman Self-Rating
//! Mania Scale ([`AsrmScore`](measure::AsrmScore)) screens the other pole; a
//! positive screen is a [`SafetyFlag`] of kind
//! [`PossibleMania`](measure::SafetyFlagKind::PossibleMania), surfaced first.
//!
//! ```
//! use chrono::NaiveDate;
//! use interpersonal::ipsrt::{ClockTime, SrmActivity, SrmEntry, SrmForm, SrmWeek};
//! use interpersonal::measure::{AsrmScore, SafetyFlagKind};
//!
//! let mut week = SrmWeek::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), SrmForm::Srm5);
//! for (day, time) in ["23:30", "00:10", "23:50", "00:20"].into_iter().enumerate() {
//!     week.record(day, SrmEntry::done(SrmActivity::GO_TO_BED, time.parse::<ClockTime>()?))?;
//! }
//! // Bedtimes either side of midnight: habitual time 23:58, four hits.
//! assert_eq!(week.score().value(), Some(4.0));
//!
//! let asrm = AsrmScore::from_scores([2, 2, 1, 1, 0])?;
//! assert_eq!(asrm.safety_flags()[0].kind, SafetyFlagKind::PossibleMania);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 7. Metacognitive Interpersonal Therapy, a model of its own
//!
//! The [`mit`] module models Metacognitive Interpersonal Therapy (Dimaggio et
//! al. 2015), which the seed article names beside IPT but which is a separate
//! cognitive-interpersonal therapy, not an IPT adaptation: maladaptive
//! interpersonal schemas reconstructed from autobiographical episodes, the
//! metacognitive profile and its trend, MIT's stages, and its formulation.
//!
//! ```
//! use interpersonal::mit::{AutobiographicalEpisode, InterpersonalSchema, MitCase, MitFormulation, MotivationalSystem, Wish};
//!
//! let case = MitCase::new("2026-03-02")?
//!     .with_episode(AutobiographicalEpisode::new("e1", "2026-02", "Nobody called on my birthday")?)
//!     .with_schema(
//!         InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::GROUP_INCLUSION, "to belong"))
//!             .self_image("left out")
//!             .episode("e1")
//!             .build()?,
//!     );
//! case.validate()?;
//! assert!(MitFormulation::new(&case).to_string().contains("“left out”"));
//! # Ok::<(), interpersonal::Error>(())
//! ```
//!
//! # Design
//!
//! * **Pure and deterministic.** No clock, randomness, I/O or logging; the
//!   as-of date is an input, and the same input gives the same output.
//! * **Ids, not text.** Evidence names people and events by id and fields by
//!   JSON path; patient text lives in [`Sensitive`] values.
//! * **Errors are API.** Every error names the field by its JSON path and
//!   says what was expected; a validation reports all its problems at once.
//! * **Stable JSON.** `snake_case` names, ISO-8601 dates, a `schema_version`
//!   in inventories and rule sets, unknown fields rejected with their path.
//! * **Sources.** Each catalogue entry, rule and threshold cites works of the
//!   crate's [`bibliography`] by key, with a locator and whether the claim is
//!   stated in the work, known from it, or inferred ([`Source`](source::Source),
//!   [`Basis`](source::Basis)); links go only to primary records.
//!
//! # Further reading
//!
//! The [`_documentation`] module renders the crate's long-form documents:
//!
//! * [the design](_documentation::design) (`DESIGN.md`): the modules, the flow
//!   of data, the numbered decisions the API docs refer to as
//!   `DESIGN.md decision N`, and where to add a rule fact, an instrument, a
//!   modality or an export format;
//! * [the clinical basis](_documentation::clinical_basis) (`CLINICAL-BASIS.md`):
//!   what each area, rule, threshold, phase and instrument rests on, with
//!   citations into the [`bibliography`]; the API docs refer to its sections
//!   as `CLINICAL-BASIS.md §N.M`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod collections;
mod macros;
mod printable;
mod text;

pub mod _documentation;
pub mod bibliography;
pub mod catalogue;
pub mod date;
pub mod error;
pub mod id;
pub mod sensitive;
pub mod source;
pub mod vocabulary;

pub mod course;
pub mod engine;
#[cfg(feature = "arbitrary")]
mod fuzzing;
pub mod goal;
pub mod inventory;
pub mod ipsrt;
pub mod limits;
pub mod measure;
pub mod mit;
pub mod schema;
#[cfg(feature = "proptest")]
pub mod strategy;

#[cfg(feature = "cds-hooks")]
pub mod cds_hooks;
#[cfg(feature = "fhir")]
pub mod fhir;
#[cfg(feature = "svg")]
pub mod picture;

pub use catalogue::{Phase, ProblemArea};
pub use course::{Course, Formulation, Schedule, TreatmentContract};
pub use engine::{Assessment, Engine, Report, RuleSet};
pub use error::{Error, JsonError, JsonPath, Problems, from_json, to_json};
pub use goal::Goal;
pub use inventory::{Inventory, LifeEvent, Person};
pub use measure::{Gad7Score, Hamd17Score, Phq9Score, SafetyFlag};
pub use sensitive::Sensitive;
