//! The inventory's people and events by id, for code that names many of them.

use crate::collections::{HashMap, HashMapExt};

use super::{Inventory, LifeEvent, Person};

/// The people and events of an [`Inventory`] by id, built once so that each
/// lookup is a hash probe, not a scan of the lists: a report or formulation
/// that names n subjects then costs n lookups, not n scans (issue 10's linear
/// time). The first of a repeated id wins, as [`Inventory::person`] does.
pub(crate) struct InventoryIndex<'a> {
    people: HashMap<&'a str, &'a Person>,
    events: HashMap<&'a str, &'a LifeEvent>,
}

impl<'a> InventoryIndex<'a> {
    /// Indexes `inventory`'s people and events.
    pub(crate) fn new(inventory: &'a Inventory) -> Self {
        let mut people = HashMap::with_capacity(inventory.people.len());
        for p in &inventory.people {
            people.entry(p.id.as_str()).or_insert(p);
        }
        let mut events = HashMap::with_capacity(inventory.events.len());
        // Upcoming events (named by the IPSRT disruptor advisory) share the
        // id space; validation keeps the ids distinct.
        for e in inventory.events.iter().chain(&inventory.upcoming) {
            events.entry(e.id.as_str()).or_insert(e);
        }
        InventoryIndex { people, events }
    }

    /// The person with this id, if any.
    pub(crate) fn person(&self, id: &str) -> Option<&'a Person> {
        self.people.get(id).copied()
    }

    /// The event with this id, if any.
    pub(crate) fn event(&self, id: &str) -> Option<&'a LifeEvent> {
        self.events.get(id).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::EpisodeOnset;
    use crate::inventory::RelationshipKind;

    #[test]
    fn the_first_of_a_repeated_id_wins_as_in_the_inventory() {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let mut inv = Inventory::new(on, EpisodeOnset::Unknown);
        inv.people.push(Person::new(
            crate::id::PersonId::new("a").unwrap(),
            "First",
            RelationshipKind::Friend,
        ));
        inv.people.push(Person::new(
            crate::id::PersonId::new("a").unwrap(),
            "Second",
            RelationshipKind::Sibling,
        ));
        let ix = InventoryIndex::new(&inv);
        let found = ix.person("a").unwrap();
        assert_eq!(found.relationship, RelationshipKind::Friend);
        assert!(std::ptr::eq(found, inv.person(&found.id).unwrap()));
        assert!(ix.person("b").is_none() && ix.event("e").is_none());
    }
}
