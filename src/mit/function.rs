//! The metacognitive functions MIT works on.

use crate::macros::{source, vocabulary_enum};
use crate::source::Source;

use super::sources;

vocabulary_enum! {
    /// A metacognitive function: one of the abilities to think about one's own
    /// and others' mental states that MIT assesses and tries to improve
    /// (CLINICAL-BASIS.md §7.2 [K: Semerari et al. 2003; Dimaggio et al. 2015]).
    ///
    /// As the crate understands the Metacognition Assessment Scale [K:
    /// Semerari et al. 2003, abstract read, not the scale], the functions fall into domains
    /// (one's own mind: monitoring, integration, differentiation; others'
    /// minds: their monitoring and decentration; using them: mastery). Later
    /// instruments of the same group group them differently (a factor
    /// analysis of the interview found a self and an other domain rather than
    /// four distinct functions), so a rating of one function is only
    /// comparable with ratings from the same instrument.
    ///
    /// ```
    /// use interpersonal::mit::MetacognitiveFunction;
    /// assert_eq!(MetacognitiveFunction::COUNT, 5);
    /// assert_eq!(MetacognitiveFunction::Decentration.to_string(), "decentration");
    /// assert!(MetacognitiveFunction::Mastery.description().contains("problems"));
    /// ```
    #[non_exhaustive]
    pub enum MetacognitiveFunction {
        /// Monitoring: recognising and naming one's own thoughts and
        /// emotions, and the links between them and behaviour.
        Monitoring,
        /// Integration: relating one's mental states to one another, into a
        /// coherent account across time and situations.
        Integration,
        /// Differentiation: telling fantasy, belief and representation from
        /// reality; taking critical distance from a schema.
        Differentiation,
        /// Decentration: understanding others' minds as independent of one's
        /// own point of view and of one's place in their lives.
        Decentration,
        /// Mastery: using knowledge of mental states to handle distress and
        /// solve problems, psychological and interpersonal.
        Mastery,
    }
}

impl MetacognitiveFunction {
    /// What the function is, in a sentence.
    ///
    /// ```
    /// use interpersonal::mit::MetacognitiveFunction;
    /// assert!(MetacognitiveFunction::Monitoring.description().starts_with("recognising"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            MetacognitiveFunction::Monitoring => {
                "recognising and naming one's own thoughts and emotions, and how they link to what one does"
            }
            MetacognitiveFunction::Integration => {
                "relating one's mental states to one another into a coherent account"
            }
            MetacognitiveFunction::Differentiation => {
                "telling ideas and expectations from reality, and taking distance from a schema"
            }
            MetacognitiveFunction::Decentration => {
                "understanding others' minds from their own point of view"
            }
            MetacognitiveFunction::Mastery => {
                "using what one understands of minds to handle distress and solve problems"
            }
        }
    }

    /// Where the definition comes from.
    ///
    /// ```
    /// use interpersonal::mit::MetacognitiveFunction;
    /// assert!(MetacognitiveFunction::Integration.source().cites_work("semerari-2003-mas"));
    /// ```
    pub fn source(self) -> Source {
        const FUNCTIONS: Source = source![sources::MAS_FUNCTIONS, sources::MANUAL_SCHEMA];
        FUNCTIONS
    }
}
