//! The works MIT's types cite, each citation written once.
//!
//! MIT is cited from its own books and from the Metacognition Assessment
//! Scale paper, never from the IPT manuals: it is a separate model
//! (CLINICAL-BASIS.md §7.2).

use crate::bibliography::Citation;
use crate::source::Basis::{Inferred, Known, Stated};

const MANUAL: &str = "dimaggio-2015-mit";
const BODY: &str = "dimaggio-2020-mit";
const MAS: &str = "semerari-2003-mas";
const REVIEW: &str = "lysaker-2018-metacognitive-approaches";

/// The 2015 manual's table of contents, read on the publisher's page: the
/// chapters "Therapeutic Relationship", "Shared Formulation of Functioning",
/// "Promoting Differentiation", "Construction of New Self-Aspects".
pub(crate) const MANUAL_CONTENTS: Citation = Citation::new(MANUAL, "table of contents", Stated);
/// The 2015 manual's description of its steps: forming an alliance, drafting
/// a therapy contract, promoting self-reflection, then promoting change.
pub(crate) const MANUAL_STEPS: Citation = Citation::new(MANUAL, "publisher's description", Stated);
/// The 2015 manual's shared formulation: tracing mental states in the
/// patient's autobiographical memories (the chapter's abstract, read on the
/// publisher's platform).
pub(crate) const MANUAL_SHARED_FORMULATION: Citation = Citation::new(
    MANUAL,
    "ch. \"Shared Formulation of Functioning\", abstract",
    Stated,
);
/// The structure of a maladaptive interpersonal schema (wish, self-image,
/// response of the other, response of the self, coping), not re-read in the
/// book.
pub(crate) const MANUAL_SCHEMA: Citation =
    Citation::new(MANUAL, "ch. \"Assessment and Case Formulation\"", Known);
/// The motivational systems behind the wishes, not re-read in the book.
pub(crate) const MOTIVES: Citation = Citation::new(MANUAL, "motivational systems", Known);
/// The 2020 book's decision-making procedure: handling symptoms and
/// regulating emotion, joint formulation of functioning and dynamic
/// assessment, change promotion (ch. 7's abstract on the publisher's
/// platform).
pub(crate) const BODY_PROCEDURE: Citation = Citation::new(
    BODY,
    "ch. 4 \"The Decision-Making Procedure\"; ch. 7 abstract",
    Stated,
);
/// The five metacognitive functions as the Metacognition Assessment Scale
/// describes them, not re-read in the paper.
pub(crate) const MAS_FUNCTIONS: Citation = Citation::new(MAS, "", Known);
/// The crate's own rating scale and trend: an inference, not the MAS's
/// scoring.
pub(crate) const MAS_INFERRED: Citation = Citation::new(MAS, "", Inferred);
/// MIT among the metacognitive therapies, each with its own epistemology,
/// structure and mechanisms (the review's abstract, read on PubMed Central).
pub(crate) const REVIEW_SEPARATE_MODEL: Citation = Citation::new(REVIEW, "abstract", Stated);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_citation_names_a_work_of_the_bibliography() {
        for c in [
            MANUAL_CONTENTS,
            MANUAL_STEPS,
            MANUAL_SHARED_FORMULATION,
            MANUAL_SCHEMA,
            MOTIVES,
            BODY_PROCEDURE,
            MAS_FUNCTIONS,
            MAS_INFERRED,
            REVIEW_SEPARATE_MODEL,
        ] {
            assert!(c.reference().is_some(), "{}", c.key);
        }
    }
}
