//! A reference to an inventory field that a rule needed and found missing:
//! its JSON path, the person or event it belongs to, and the question to
//! ask. The fields themselves, with their paths and questions, are listed
//! in the tables of `condition.rs`.

use crate::inventory::Inventory;

use super::assessment::Subject;
use super::condition::{EventField, PersonField, SocialField};
use super::fact_table::Question;

/// The question for the onset.
const ONSET: Question = Question::Fixed("When did the current episode begin?");

/// The question to ask about the missing field at `path` (a path of a
/// [`MissingRef`]), if it is one of the tables' fields.
pub(crate) fn question(path: &str) -> Option<Question> {
    if path == "$.onset" {
        return Some(ONSET);
    }
    if let Some(tail) = path.strip_prefix("$.social_context.") {
        return SocialField::ALL
            .iter()
            .find(|f| f.suffix() == tail)
            .map(|f| f.entry().1);
    }
    let (_, tail) = path.rsplit_once("].")?;
    PersonField::ALL
        .iter()
        .map(|f| f.entry())
        .chain(EventField::ALL.iter().map(|f| f.entry()))
        .find(|(suffix, _)| *suffix == tail)
        .map(|(_, q)| q)
}

/// A reference to an inventory field that was needed and missing. The
/// derived order is the inventory's document order: onset, people, events,
/// social context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum MissingRef {
    Onset,
    Person(usize, PersonField),
    Event(usize, EventField),
    Social(SocialField),
}

impl MissingRef {
    /// The JSON path of the field.
    /// Allocates the path once, at its final length.
    pub(crate) fn path(self) -> String {
        let (head, index, suffix) = match self {
            MissingRef::Onset => return String::from("$.onset"),
            MissingRef::Person(i, f) => ("$.people[", Some(i), f.suffix()),
            MissingRef::Event(i, f) => ("$.events[", Some(i), f.suffix()),
            MissingRef::Social(f) => ("$.social_context.", None, f.suffix()),
        };
        let digits = index.map_or(0, |i| i.checked_ilog10().map_or(1, |d| d as usize + 1));
        let closing = if index.is_some() { 2 } else { 0 };
        let mut path = String::with_capacity(head.len() + digits + closing + suffix.len());
        path.push_str(head);
        if let Some(i) = index {
            crate::error::push_decimal(&mut path, i);
            path.push_str("].");
        }
        path.push_str(suffix);
        path
    }

    /// The person or event the field belongs to.
    pub(crate) fn subject(self, inv: &Inventory) -> Option<Subject> {
        match self {
            MissingRef::Onset | MissingRef::Social(_) => None,
            MissingRef::Person(i, _) => inv.people.get(i).map(|p| Subject::Person(p.id.clone())),
            MissingRef::Event(i, _) => inv.events.get(i).map(|e| Subject::Event(e.id.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_refs_sort_in_document_order() {
        let mut refs = vec![
            MissingRef::Social(SocialField::PriorFunctioning),
            MissingRef::Event(0, EventField::Date),
            MissingRef::Person(1, PersonField::ConflictCourse),
            MissingRef::Person(0, PersonField::ChangeAroundOnset),
            MissingRef::Onset,
        ];
        refs.sort();
        let paths: Vec<String> = refs.into_iter().map(MissingRef::path).collect();
        assert_eq!(
            paths,
            [
                "$.onset",
                "$.people[0].change_around_onset",
                "$.people[1].conflict.course",
                "$.events[0].date",
                "$.social_context.prior_functioning"
            ]
        );
    }
}
