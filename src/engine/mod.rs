//! The rule engine: reads an [`Inventory`](crate::inventory::Inventory) and suggests
//! which IPT problem area(s) to focus on, saying why.
//!
//! The engine's workings and the selection policy are documented on
//! [`Engine`], the public face of this module.

mod assessment;
mod buffers;
mod compile;
mod condition;
mod condition_tree;
mod decide;
mod evaluate;
mod explain;
mod fact_table;
mod facts;
mod fingerprint;
mod leaves;
mod masks;
mod missing;
mod policy;
mod proximity;
mod recommend;
mod report;
mod ruleset;
mod strength;

pub use assessment::{
    ASSESSMENT_SCHEMA_VERSION, Advisory, AdvisoryCode, AreaFinding, Assessment, Evidence,
    EvidenceStrength, MissingFact, NearMiss, NeededFor, RuleSetInfo, Subject,
};
pub use compile::Engine;
pub use condition::{Condition, EventCondition, PersonCondition};
pub use missing::FieldPath;
pub use recommend::Recommendations;
pub use report::Report;
pub use ruleset::{
    Indicator, MAX_CONDITION_DEPTH_LIMIT, MAX_RULE_WEIGHT, MAX_WINDOW_MONTHS,
    RULE_SET_SCHEMA_VERSION, Rule, RuleParameters, RuleSet, StrengthBands, Window,
};
