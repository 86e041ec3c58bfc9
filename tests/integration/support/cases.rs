//! The list of clinical cases in `tests/cases/`, shared by the test modules
//! that read them.

/// The text of one case file, by name (without `.json`).
macro_rules! case_text {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/cases/",
            $name,
            ".json"
        ))
    };
}
pub(crate) use case_text;

macro_rules! cases {
    ($($name:literal),+ $(,)?) => {
        &[$(($name, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/", $name, ".json")))),+]
    };
}

/// Every case file, by name (without `.json`), with its text.
pub const CASES: &[(&str, &str)] = cases![
    "all_four_areas",
    "death_and_separation_different_timing",
    "deficits_lifelong_isolation",
    "dispute_course_unknown",
    "dispute_dissolution_marriage",
    "dispute_impasse_covert",
    "dispute_renegotiation_spouse",
    "dispute_with_boss",
    "divorce_counted_once",
    "empty_inventory",
    "grief_chronic_environment_preserved",
    "grief_delayed_anniversary",
    "grief_linked_long_before_no_signs",
    "grief_normal_spouse",
    "isolation_with_recent_death",
    "longstanding_conflict_unchanged",
    "move_strains_marriage",
    "old_death_one_sign_not_focus",
    "onset_link_death_not_linked",
    "onset_link_inferred_job_loss",
    "onset_link_stated_move_before_window",
    "onset_unknown_death_unasked",
    "safety_grief_suicidal",
    "safety_no_focus",
    "safety_screen_not_asked",
    "sibling_death_closeness_unknown",
    "tie_dispute_and_transition",
    "transition_breakup_by_partner",
    "transition_illness_diagnosis",
    "transition_job_loss",
    "transition_migration",
    "transition_postpartum",
    "transition_retirement",
    "withdrawal_after_job_loss",
    "withdrawal_lost_friends_not_transition",
];
