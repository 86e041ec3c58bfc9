//! Finding the items of a list that repeat an earlier one, in one pass.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::Hash;

/// The index at which each item of a list was first seen, for the checks
/// that report an item "not listed before": one pass, so a validation stays
/// linear in its input however long the list. Only looked up, never iterated,
/// so its order does not reach any output.
pub(crate) struct FirstSeen<T>(HashMap<T, usize>);

impl<T: Eq + Hash> FirstSeen<T> {
    /// Nothing seen yet.
    pub(crate) fn new() -> Self {
        FirstSeen(HashMap::new())
    }

    /// `None` the first time `item` is seen (at `index`); after that, the
    /// index where it was first seen.
    pub(crate) fn repeat(&mut self, item: T, index: usize) -> Option<usize> {
        match self.0.entry(item) {
            Entry::Occupied(first) => Some(*first.get()),
            Entry::Vacant(slot) => {
                slot.insert(index);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_name_the_first_index() {
        let mut seen = FirstSeen::new();
        let found: Vec<Option<usize>> = ["a", "b", "a", "a", "c", "b"]
            .into_iter()
            .enumerate()
            .map(|(i, x)| seen.repeat(x, i))
            .collect();
        assert_eq!(found, [None, None, Some(0), Some(0), None, Some(1)]);
    }
}
