//! What the manuals recommend for the suggested focus: interventions and goal
//! templates.

use crate::{
    catalogue::{Intervention, ProblemArea},
    goal::GoalTemplate,
    text::SharedText,
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The interventions and goal templates the catalogue offers for the
/// suggested focus, a starting point for the treatment plan that the clinician
/// agrees with the patient (CLINICAL-BASIS.md §1.1 tasks 8–10, §2.1–§2.4 goals,
/// §4.1 interventions).
///
/// Interventions come from [`Intervention::for_area`] (only those compatible
/// with IPT), goal templates from [`GoalTemplate::for_area`] and are named by
/// their stable [`GoalTemplate::key`]; both follow the order of the focus, then
/// the catalogue's order, without repeats. Empty when nothing is in focus.
///
/// ```
/// use interpersonal::{catalogue::Intervention, ProblemArea, engine::Recommendations};
///
/// let r = Recommendations::for_focus(&[ProblemArea::Grief]);
/// assert_eq!(*r.interventions, [Intervention::GriefWork]);
/// for i in r.interventions.iter() {
///     assert!(i.status().is_ipt());
/// }
/// assert!(r.goal_templates().all(|k| k.starts_with("grief.")));
/// assert!(Recommendations::for_focus(&[]).interventions.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Recommendations {
    /// Interventions for the focus, most relevant area first. A list shared
    /// by every assessment with the same focus (borrowed from a table built
    /// once per process), or owned when built by
    /// [`Recommendations::for_focus`] or read from JSON; either way it reads
    /// as a slice.
    pub interventions: Cow<'static, [Intervention]>,
    /// Keys of the goal templates ([`Recommendations::goal_templates`]),
    /// shared as the interventions are.
    pub(crate) goal_templates: Cow<'static, [SharedText]>,
}

impl Recommendations {
    /// The recommendations for a focus (usually an
    /// [`Assessment::focus`](crate::engine::Assessment::focus)).
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea, engine::Recommendations};
    ///
    /// let r = Recommendations::for_focus(&[ProblemArea::RoleDispute, ProblemArea::RoleTransition]);
    /// let first = GoalTemplate::by_key(r.goal_templates().next().unwrap()).unwrap();
    /// assert_eq!(first.area(), ProblemArea::RoleDispute);
    /// ```
    pub fn for_focus(focus: &[ProblemArea]) -> Self {
        let mut interventions: Vec<Intervention> = Vec::new();
        let mut goal_templates: Vec<SharedText> = Vec::new();
        for &area in focus {
            for intervention in Intervention::for_area(area) {
                if !interventions.contains(&intervention) {
                    interventions.push(intervention);
                }
            }
            for template in GoalTemplate::for_area(area) {
                let key = template.key();
                if !goal_templates.iter().any(|k| k == key) {
                    goal_templates.push(SharedText::from_static(key));
                }
            }
        }
        Recommendations {
            interventions: Cow::Owned(interventions),
            goal_templates: Cow::Owned(goal_templates),
        }
    }

    /// Keys of the goal templates for the focus, most relevant area first
    /// ([`GoalTemplate::by_key`] turns a key back into its template).
    ///
    /// ```
    /// use interpersonal::{goal::GoalTemplate, ProblemArea, engine::Recommendations};
    ///
    /// let r = Recommendations::for_focus(&[ProblemArea::Grief]);
    /// for key in r.goal_templates() {
    ///     assert_eq!(GoalTemplate::by_key(key).unwrap().area(), ProblemArea::Grief);
    /// }
    /// ```
    pub fn goal_templates(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.goal_templates.iter().map(SharedText::as_str)
    }
}

/// The recommendations for every focus of up to two distinct areas, built
/// once per process (the first time an engine is compiled), so that an
/// assessment borrows its lists from here: no allocation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RecommendationTable {
    /// For one area in focus, by [`area_index`](super::evaluate::area_index).
    single: [Recommendations; ProblemArea::COUNT],
    /// For two areas in focus, first area then second.
    pairs: [[Recommendations; ProblemArea::COUNT]; ProblemArea::COUNT],
}

impl RecommendationTable {
    /// Every focus of one or two distinct areas.
    pub(crate) fn new() -> RecommendationTable {
        let areas = super::evaluate::AREAS;
        RecommendationTable {
            single: areas.map(|a| Recommendations::for_focus(&[a])),
            pairs: areas.map(|a| areas.map(|b| Recommendations::for_focus(&[a, b]))),
        }
    }

    /// The table, built once per process: it depends on the catalogue only,
    /// not on the rule set, so every compiled engine shares it.
    pub(crate) fn shared() -> &'static RecommendationTable {
        static TABLE: std::sync::OnceLock<RecommendationTable> = std::sync::OnceLock::new();
        TABLE.get_or_init(RecommendationTable::new)
    }

    /// The same as [`Recommendations::for_focus`], with lists borrowed from
    /// the table.
    pub(crate) fn for_focus(&'static self, focus: &[ProblemArea]) -> Recommendations {
        use super::evaluate::area_index;
        let found = match focus {
            [] => return Recommendations::default(),
            [a] => self.single.get(area_index(*a)),
            [a, b] if a != b => self
                .pairs
                .get(area_index(*a))
                .and_then(|row| row.get(area_index(*b))),
            _ => None,
        };
        found.map_or_else(
            || Recommendations::for_focus(focus),
            |r| Recommendations {
                interventions: Cow::Borrowed(&r.interventions),
                goal_templates: Cow::Borrowed(&r.goal_templates),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_agrees_with_for_focus_for_every_focus() {
        let table = RecommendationTable::shared();
        let areas = super::super::evaluate::AREAS;
        assert_eq!(table.for_focus(&[]), Recommendations::for_focus(&[]));
        for a in areas {
            assert_eq!(table.for_focus(&[a]), Recommendations::for_focus(&[a]));
            for b in areas {
                assert_eq!(
                    table.for_focus(&[a, b]),
                    Recommendations::for_focus(&[a, b])
                );
            }
        }
    }

    #[test]
    fn an_assessment_borrows_its_recommendations_from_the_table() {
        let table = RecommendationTable::shared();
        let areas = super::super::evaluate::AREAS;
        for focus in [&[areas[0]][..], &[areas[1], areas[2]][..]] {
            let r = table.for_focus(focus);
            assert!(matches!(r.interventions, Cow::Borrowed(_)));
            assert!(matches!(r.goal_templates, Cow::Borrowed(_)));
            assert!(!r.interventions.is_empty());
        }
        // Read back from JSON, the lists are owned and equal.
        let r = table.for_focus(&[areas[3]]);
        let back: Recommendations =
            serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
        assert!(matches!(back.interventions, Cow::Owned(_)));
        assert_eq!(back, r);
    }
}
