//! Metacognitive Interpersonal Therapy (MIT): maladaptive interpersonal
//! schemas, the metacognitive profile, MIT's stages and its formulation.
//!
//! **MIT is not a form of IPT.** It is a separate cognitive-interpersonal
//! psychotherapy, developed by Dimaggio and colleagues at the Center for
//! Metacognitive Interpersonal Therapy, first for personality disorders and
//! since applied to psychosis among others (CLINICAL-BASIS.md §7.2
//! [S: Dimaggio et al. 2015, publisher's description; Lysaker et al. 2018,
//! abstract]). It shares IPT's attention to relationships, but not its
//! lineage, theory or structure: where IPT links a depressive episode to one
//! of four problem areas in a time-limited treatment, MIT reconstructs the
//! patient's **maladaptive interpersonal schemas** from concrete
//! autobiographical episodes, works on **metacognition** (the abilities to
//! understand one's own and others' minds), helps the patient take distance
//! from the schemas and build healthier ways of relating, usually over a
//! longer treatment. The crate models it in its own module for that reason,
//! beside the IPT modules and depending on none of them: no problem area,
//! inventory or rule engine is involved.
//!
//! What the module holds, one concept a file:
//!
//! * [`AutobiographicalEpisode`]: a dated episode the patient told, with an
//!   [`EpisodeId`](crate::id::EpisodeId);
//! * [`InterpersonalSchema`]: the wish and its [`MotivationalSystem`], the
//!   self-image, the other's response, the self's [`SelfResponse`] (primary
//!   and secondary) and the coping, formulated from episodes;
//! * [`MetacognitiveFunction`], [`RatingScale`], [`MetacognitiveProfile`]
//!   and its [`ProfileTrend`]: the five functions rated at dated points;
//! * [`MitStage`]: MIT's stages, its phase layout;
//! * [`MitCase`]: the JSON document that holds all of it, with
//!   [`MitCase::validate`];
//! * [`MitFormulation`]: the formulation text, deterministic, patient text
//!   only through [`Sensitive`](crate::Sensitive).
//!
//! Where the sources are unsure, the docs say so: the list of motivational
//! systems varies between sources ([`MotivationalSystem`]), the crate's
//! rating scale and trend are its own inference ([`RatingScale`],
//! [`ProfileTrend`]), and the stages are a decision procedure, not a session
//! plan ([`MitStage`]).
//!
//! ```
//! use interpersonal::mit::*;
//!
//! let case = MitCase::new("2026-03-02")?
//!     .with_episode(AutobiographicalEpisode::new("e1", "2025-12-24", "Christmas, my father said nothing about my exam")?)
//!     .with_schema(
//!         InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::SOCIAL_RANK, "to be appreciated"))
//!             .self_image("a failure")
//!             .other_response("indifferent")
//!             .episode("e1")
//!             .build()?,
//!     )
//!     .with_stage(MitStage::SharedFormulation);
//! case.validate()?;
//! let text = MitFormulation::new(&case).to_string();
//! assert!(text.contains("“a failure”"));
//! # Ok::<(), interpersonal::Error>(())
//! ```

mod case;
mod episode;
mod formulation;
mod function;
mod interpersonal_schema;
mod motive;
mod profile;
mod scale;
mod sources;
mod stage;
mod trend;

pub use case::{MIT_CASE_SCHEMA_VERSION, MitCase};
pub use episode::AutobiographicalEpisode;
pub use formulation::{MitFormulation, MitFormulationPart, MitFormulationSection};
pub use function::MetacognitiveFunction;
pub use interpersonal_schema::{
    InterpersonalSchema, InterpersonalSchemaBuilder, SelfResponse, Wish,
};
pub use motive::{MotivationalSystem, UnknownMotivationalSystem};
pub use profile::{MetacognitiveProfile, MetacognitiveRatings, ProfilePoint};
pub use scale::RatingScale;
pub use stage::MitStage;
pub use trend::{DatedRating, FunctionTrend, ProfileTrend, TrendDirection};

use crate::macros::source;
use crate::source::Source;

/// Where the crate's account of MIT as a model of its own comes from: the
/// manual's description and a review that sets MIT beside the other
/// metacognitive therapies, each with its own underpinnings, structure and
/// mechanisms (CLINICAL-BASIS.md §7.2).
///
/// ```
/// let source = interpersonal::mit::model_source();
/// assert!(source.cites_work("dimaggio-2015-mit"));
/// assert!(source.cites_work("lysaker-2018-metacognitive-approaches"));
/// ```
pub fn model_source() -> Source {
    const MODEL: Source = source![sources::MANUAL_STEPS, sources::REVIEW_SEPARATE_MODEL];
    MODEL
}
