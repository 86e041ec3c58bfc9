//! An MIT case: the document that holds what the formulation is made from.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::date::DayInput;
use crate::error::{Error, JsonPath, Problems};
use crate::limits::Limits;
use crate::printable;
use crate::sensitive::Sensitive;

use super::{AutobiographicalEpisode, InterpersonalSchema, MetacognitiveProfile, MitStage};

/// The only `schema_version` of [`MitCase`] this version reads and writes.
///
/// ```
/// assert_eq!(interpersonal::mit::MIT_CASE_SCHEMA_VERSION, 1);
/// ```
pub const MIT_CASE_SCHEMA_VERSION: u32 = 1;

/// One patient's case in Metacognitive Interpersonal Therapy, as of a date:
/// the autobiographical episodes told, the maladaptive interpersonal schemas
/// reconstructed from them, the metacognitive profile, and the stage the
/// therapy is in. [`MitFormulation`](crate::mit::MitFormulation) writes the
/// formulation from it.
///
/// JSON: `schema/mit_case.schema.json`. Read it with
/// [`from_json`](crate::from_json) (which names the JSON path of a field of
/// the wrong form) and check it with [`MitCase::validate`], which reports
/// every problem at once.
///
/// ```
/// use interpersonal::{from_json, mit::MitCase};
///
/// let case: MitCase = from_json(r#"{
///   "schema_version": 1, "as_of": "2026-03-02", "stage": "shared_formulation",
///   "episodes": [{"id": "e1", "date": "2026-01", "account": "My boss walked past me"}],
///   "schemas": [{"id": "s1", "wish": {"motive": "social_rank", "text": "to be valued"},
///                "self_image": "worthless", "episodes": ["e1"]}]
/// }"#)?;
/// case.validate()?;
/// assert!(!format!("{case:?}").contains("boss"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct MitCase {
    /// The document's version: [`MIT_CASE_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The day the case stands as of: no episode or rating is after it.
    #[serde(with = "crate::date::day_json")]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::types::Day"))]
    pub as_of: NaiveDate,
    /// The stage the therapy is in; `None` when not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<MitStage>,
    /// The autobiographical episodes told, in the order they were told.
    #[serde(default)]
    pub episodes: Vec<AutobiographicalEpisode>,
    /// The schemas reconstructed so far, in the order they are presented.
    #[serde(default)]
    pub schemas: Vec<InterpersonalSchema>,
    /// The metacognitive profile; `None` when not rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<MetacognitiveProfile>,
}

impl MitCase {
    /// An empty case as of `as_of`.
    ///
    /// # Errors
    ///
    /// An [`Error`] of kind [`Date`](crate::error::ErrorKind::Date) when
    /// `as_of` is not a day.
    ///
    /// ```
    /// use interpersonal::mit::{MitCase, MitStage};
    /// let mut case = MitCase::new("2026-03-02")?;
    /// case.stage = Some(MitStage::AllianceAndContract);
    /// assert!(case.validate().is_ok());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn new(as_of: impl DayInput) -> Result<MitCase, Error> {
        Ok(MitCase {
            schema_version: MIT_CASE_SCHEMA_VERSION,
            as_of: as_of.into_day()?,
            stage: None,
            episodes: Vec::new(),
            schemas: Vec::new(),
            profile: None,
        })
    }

    /// With an episode.
    ///
    /// ```
    /// use interpersonal::mit::{AutobiographicalEpisode, MitCase};
    /// let case = MitCase::new("2026-03-02")?
    ///     .with_episode(AutobiographicalEpisode::new("e1", "2026-02", "…")?);
    /// assert_eq!(case.episodes.len(), 1);
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    #[must_use]
    pub fn with_episode(mut self, episode: AutobiographicalEpisode) -> Self {
        self.episodes.push(episode);
        self
    }

    /// With a schema.
    ///
    /// ```
    /// use interpersonal::mit::{InterpersonalSchema, MitCase, MotivationalSystem, Wish};
    /// let schema = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::ATTACHMENT, "…"))
    ///     .episode("e1").build()?;
    /// let case = MitCase::new("2026-03-02")?.with_schema(schema);
    /// assert_eq!(case.schemas.len(), 1);
    /// assert!(case.validate().is_err()); // episode e1 is not in the case
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    #[must_use]
    pub fn with_schema(mut self, schema: InterpersonalSchema) -> Self {
        self.schemas.push(schema);
        self
    }

    /// With a metacognitive profile.
    ///
    /// ```
    /// use interpersonal::mit::{MetacognitiveProfile, MitCase, RatingScale};
    /// let case = MitCase::new("2026-03-02")?.with_profile(MetacognitiveProfile::new(RatingScale::ONE_TO_FIVE));
    /// assert!(case.profile.is_some());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    #[must_use]
    pub fn with_profile(mut self, profile: MetacognitiveProfile) -> Self {
        self.profile = Some(profile);
        self
    }

    /// With the stage the therapy is in.
    ///
    /// ```
    /// use interpersonal::mit::{MitCase, MitStage};
    /// let case = MitCase::new("2026-03-02")?.with_stage(MitStage::PromotingDifferentiation);
    /// assert_eq!(case.stage, Some(MitStage::PromotingDifferentiation));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    #[must_use]
    pub fn with_stage(mut self, stage: MitStage) -> Self {
        self.stage = Some(stage);
        self
    }

    /// The episode with `id`, if the case has one.
    ///
    /// ```
    /// use interpersonal::mit::{AutobiographicalEpisode, MitCase};
    /// let case = MitCase::new("2026-03-02")?.with_episode(AutobiographicalEpisode::new("e1", "2026-02", "…")?);
    /// assert!(case.episode("e1").is_some());
    /// assert!(case.episode("e2").is_none());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn episode(&self, id: &str) -> Option<&AutobiographicalEpisode> {
        self.episodes.iter().find(|e| e.id.as_str() == id)
    }

    /// Checks the case with the default [`Limits`]; see
    /// [`MitCase::validate_with`].
    ///
    /// # Errors
    ///
    /// Every [`Problems`] found, each at its JSON path.
    ///
    /// ```
    /// use interpersonal::{from_json, mit::MitCase};
    /// let case: MitCase = from_json(r#"{
    ///   "schema_version": 1, "as_of": "2026-03-02",
    ///   "episodes": [{"id": "e1", "date": "2026-05", "account": "line one\nline two"},
    ///                {"id": "e1", "date": "2026-01", "account": " "}],
    ///   "schemas": [{"id": "s1", "wish": {"motive": "attachment", "text": "to be held"},
    ///                "episodes": ["e9"]}]
    /// }"#)?;
    /// let problems = case.validate().unwrap_err();
    /// let shown: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
    /// assert_eq!(shown, [
    ///     "$.episodes[0].date", "$.episodes[0].account",
    ///     "$.episodes[1].id", "$.episodes[1].account",
    ///     "$.schemas[0].episodes[0]",
    /// ]);
    /// // No patient text in the problems.
    /// assert!(!problems.to_string().contains("line one"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn validate(&self) -> Result<(), Problems> {
        self.validate_with(&Limits::default())
    }

    /// Checks the case, reporting every problem at once, each at its JSON
    /// path, and never quoting patient text:
    ///
    /// | path | problem |
    /// | --- | --- |
    /// | `$.schema_version` | not [`MIT_CASE_SCHEMA_VERSION`] |
    /// | `$.episodes[i].id` | the same id as an earlier episode |
    /// | `$.episodes[i].date` | after `as_of` |
    /// | `$.episodes[i].account` and every text of a schema | blank; a control character, line break or bidi override (named by code point); longer than [`Limits::text_chars`] |
    /// | `$.schemas[i].id` | the same id as an earlier schema |
    /// | `$.schemas[i].episodes` | empty: a schema is reconstructed from at least one episode |
    /// | `$.schemas[i].episodes[j]` | not an episode of the case, or named twice |
    /// | `$.profile...` | as [`MetacognitiveProfile::validate`], and a point after `as_of` |
    ///
    /// # Errors
    ///
    /// The [`Problems`] found.
    ///
    /// ```
    /// use interpersonal::{limits::Limits, mit::{AutobiographicalEpisode, MitCase}};
    /// let case = MitCase::new("2026-03-02")?.with_episode(AutobiographicalEpisode::new("e1", "2026-02", "a long account")?);
    /// let problems = case.validate_with(&Limits::default().text_chars(5)).unwrap_err();
    /// assert_eq!(problems.iter().next().unwrap().path.as_str(), "$.episodes[0].account");
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn validate_with(&self, limits: &Limits) -> Result<(), Problems> {
        let root = JsonPath::root();
        let mut problems = Problems::default();
        if self.schema_version != MIT_CASE_SCHEMA_VERSION {
            problems.at(
                root.field("schema_version"),
                format!("{MIT_CASE_SCHEMA_VERSION}; found {}", self.schema_version),
            );
        }
        let mut episode_ids = HashSet::with_capacity(self.episodes.len());
        for (i, e) in self.episodes.iter().enumerate() {
            let at = root.field("episodes").index(i);
            if !episode_ids.insert(e.id.as_str()) {
                problems.at(
                    at.field("id"),
                    format!(
                        "an id not used by an earlier episode; found `{}` again",
                        e.id
                    ),
                );
            }
            if e.date.earliest() > self.as_of {
                problems.at(
                    at.field("date"),
                    format!("a date on or before as_of {}; found {}", self.as_of, e.date),
                );
            }
            check_text(&e.account, &at.field("account"), limits, &mut problems);
        }
        let mut schema_ids = HashSet::with_capacity(self.schemas.len());
        for (i, s) in self.schemas.iter().enumerate() {
            let at = root.field("schemas").index(i);
            if !schema_ids.insert(s.id.as_str()) {
                problems.at(
                    at.field("id"),
                    format!(
                        "an id not used by an earlier schema; found `{}` again",
                        s.id
                    ),
                );
            }
            check_text(
                &s.wish.text,
                &at.field("wish").field("text"),
                limits,
                &mut problems,
            );
            let optional = [
                (&s.self_image, at.field("self_image")),
                (&s.other_response, at.field("other_response")),
                (
                    &s.self_response.primary,
                    at.field("self_response").field("primary"),
                ),
                (
                    &s.self_response.secondary,
                    at.field("self_response").field("secondary"),
                ),
                (&s.coping, at.field("coping")),
            ];
            for (text, path) in optional {
                if let Some(text) = text {
                    check_text(text, &path, limits, &mut problems);
                }
            }
            if s.episodes.is_empty() {
                problems.at(
                    at.field("episodes"),
                    "at least one episode id: MIT reconstructs a schema from autobiographical episodes",
                );
            }
            let mut named = HashSet::with_capacity(s.episodes.len());
            for (j, id) in s.episodes.iter().enumerate() {
                let path = at.field("episodes").index(j);
                if !episode_ids.contains(id.as_str()) {
                    problems.at(
                        path,
                        format!("the id of an episode in $.episodes; found an unknown id `{id}`"),
                    );
                } else if !named.insert(id.as_str()) {
                    problems.at(path, format!("each episode named once; found `{id}` again"));
                }
            }
        }
        if let Some(profile) = &self.profile {
            let at = root.field("profile");
            profile.check(&at, &mut problems);
            for (i, point) in profile.points.iter().enumerate() {
                if point.date > self.as_of {
                    problems.at(
                        at.field("points").index(i).field("date"),
                        format!(
                            "a date on or before as_of {}; found {}",
                            self.as_of, point.date
                        ),
                    );
                }
            }
        }
        problems.into_result(())
    }
}

/// Checks one patient text: not blank, no layout control, not too long.
/// The problem names a code point or a length, never the text.
fn check_text(text: &Sensitive<String>, at: &JsonPath, limits: &Limits, problems: &mut Problems) {
    let text = text.expose();
    if printable::is_blank(text) {
        problems.at(
            at.clone(),
            "a text that is not blank: empty, or only white space and invisible characters",
        );
    } else if let Some(c) = printable::first_layout_control(text) {
        problems.at(
            at.clone(),
            format!(
                "a text without control characters, line breaks or bidi overrides; found {}",
                printable::code_point(c)
            ),
        );
    }
    let chars = text.chars().count();
    if chars > limits.text_chars {
        problems.at(
            at.clone(),
            format!(
                "a text of at most {} characters; found {chars}",
                limits.text_chars
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mit::{MotivationalSystem, Wish};

    fn case() -> MitCase {
        let schema =
            InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::ATTACHMENT, "w"))
                .episode("e1")
                .episode("e1")
                .build()
                .unwrap();
        MitCase::new("2026-03-02")
            .unwrap()
            .with_episode(AutobiographicalEpisode::new("e1", "2026-03", "a").unwrap())
            .with_schema(schema)
    }

    #[test]
    fn an_episode_named_twice_and_a_month_that_starts_after_as_of() {
        // 2026-03 begins on or before 2026-03-02: accepted.
        let problems = case().validate().unwrap_err();
        let shown: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(shown, ["$.schemas[0].episodes[1]"]);
        let mut later = case();
        later.as_of = NaiveDate::from_ymd_opt(2026, 2, 28).unwrap_or_default();
        let problems = later.validate().unwrap_err();
        assert_eq!(problems.len(), 2);
    }

    #[test]
    fn a_wrong_version_is_refused() {
        let mut c = case();
        c.schema_version = 0;
        let problems = c.validate().unwrap_err();
        assert_eq!(
            problems.iter().next().unwrap().path.as_str(),
            "$.schema_version"
        );
    }
}
