//! Scratch space for one evaluation that lives on the stack for typical
//! inventories and moves to the heap only for large ones, so that evaluation
//! allocates only for its output (DESIGN.md decision 10).

pub(crate) use crate::collections::Places;

use super::masks::{LANES, Mask};

/// A list kept in a fixed array, moved to the heap only past `N` items.
#[derive(Debug, Clone)]
pub(crate) struct SpillVec<T: Copy, const N: usize> {
    inline: [T; N],
    len: usize,
    heap: Vec<T>,
}

impl<T: Copy, const N: usize> SpillVec<T, N> {
    /// An empty list; `fill` only initialises the unused slots.
    pub(crate) fn new(fill: T) -> Self {
        SpillVec {
            inline: [fill; N],
            len: 0,
            heap: Vec::new(),
        }
    }

    #[inline]
    pub(crate) fn push(&mut self, item: T) {
        if self.heap.is_empty() {
            if let Some(slot) = self.inline.get_mut(self.len) {
                *slot = item;
                self.len += 1;
                return;
            }
            self.heap.reserve(N.saturating_mul(2).max(1));
            self.heap.extend_from_slice(&self.inline);
        }
        self.heap.push(item);
    }

    /// Forgets every item, keeping the room.
    pub(crate) fn clear(&mut self) {
        self.len = 0;
        self.heap.clear();
    }

    /// The items, in the order they were pushed.
    #[inline]
    pub(crate) fn as_slice(&self) -> &[T] {
        if self.heap.is_empty() {
            self.inline.get(..self.len).unwrap_or(&[])
        } else {
            &self.heap
        }
    }

    /// How many items it holds.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        if self.heap.is_empty() {
            self.len
        } else {
            self.heap.len()
        }
    }

    /// The item at `i`, to change.
    #[inline]
    pub(crate) fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        self.as_mut_slice().get_mut(i)
    }

    #[inline]
    pub(crate) fn as_mut_slice(&mut self) -> &mut [T] {
        if self.heap.is_empty() {
            self.inline.get_mut(..self.len).unwrap_or(&mut [])
        } else {
            &mut self.heap
        }
    }
}

/// How many subjects a [`SubjectBits`] holds without allocating.
const INLINE_WORDS: usize = 4;

/// A set of people or events by index, one bit each, in words of one chunk
/// ([`LANES`]) so that a chunk's lanes are word `c`.
#[derive(Debug, Clone)]
pub(crate) struct SubjectBits {
    inline: [Mask; INLINE_WORDS],
    /// How many words of `inline` are in use (when `heap` is empty).
    used: usize,
    heap: Vec<Mask>,
}

impl SubjectBits {
    /// An empty set able to hold `n` subjects.
    pub(crate) fn new(n: usize) -> SubjectBits {
        let words = n.div_ceil(LANES);
        SubjectBits {
            inline: [0; INLINE_WORDS],
            used: words.min(INLINE_WORDS),
            heap: if words > INLINE_WORDS {
                vec![0; words]
            } else {
                Vec::new()
            },
        }
    }

    fn words(&self) -> &[Mask] {
        if self.heap.is_empty() {
            self.inline.get(..self.used).unwrap_or(&self.inline)
        } else {
            &self.heap
        }
    }

    fn words_mut(&mut self) -> &mut [Mask] {
        if self.heap.is_empty() {
            let used = self.used;
            match self.inline.get_mut(..used) {
                Some(words) => words,
                None => &mut [],
            }
        } else {
            &mut self.heap
        }
    }

    pub(crate) fn clear(&mut self) {
        self.words_mut().fill(0);
    }

    /// Adds the lanes of chunk `c`.
    pub(crate) fn add_lanes(&mut self, c: usize, lanes: Mask) {
        if let Some(w) = self.words_mut().get_mut(c) {
            *w |= lanes;
        }
    }

    /// Adds subject `i`.
    pub(crate) fn add(&mut self, i: usize) {
        self.add_lanes(i / LANES, super::masks::lane_bit(i % LANES));
    }

    /// Whether subject `i` is in the set.
    pub(crate) fn contains(&self, i: usize) -> bool {
        self.words()
            .get(i / LANES)
            .is_some_and(|&w| w & super::masks::lane_bit(i % LANES) != 0)
    }

    pub(crate) fn count(&self) -> usize {
        self.words().iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Calls `f` with each subject, in index order.
    #[inline]
    pub(crate) fn for_each(&self, mut f: impl FnMut(usize)) {
        for (c, &w) in self.words().iter().enumerate() {
            let mut rest = w;
            while rest != 0 {
                f(c * LANES + rest.trailing_zeros() as usize);
                rest &= rest.wrapping_sub(1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spill_vec_keeps_order_past_its_inline_size() {
        let mut v: SpillVec<u32, 3> = SpillVec::new(0);
        for i in 0..7 {
            v.push(i);
        }
        assert_eq!(v.as_mut_slice(), &[0, 1, 2, 3, 4, 5, 6]);
        let mut small: SpillVec<u32, 3> = SpillVec::new(9);
        small.push(1);
        assert_eq!(small.as_mut_slice(), &[1]);
    }

    #[test]
    fn spill_vec_reads_back_what_it_holds() {
        let mut v: SpillVec<u32, 2> = SpillVec::new(0);
        for i in 0..5 {
            v.push(i);
            assert_eq!(v.len(), i as usize + 1);
            assert_eq!(v.as_slice().last(), Some(&i));
        }
        if let Some(x) = v.get_mut(1) {
            *x = 9;
        }
        assert_eq!(v.as_slice(), &[0, 9, 2, 3, 4]);
    }

    #[test]
    fn subject_bits_iterate_in_order_inline_and_on_the_heap() {
        for n in [0, 5, 64, 300, 1000] {
            let mut bits = SubjectBits::new(n);
            let wanted: Vec<usize> = (0..n).filter(|i| i % 7 == 3 || i % 64 == 63).collect();
            for &i in wanted.iter().rev() {
                bits.add(i);
            }
            assert_eq!(bits.count(), wanted.len());
            for i in 0..n + 70 {
                assert_eq!(bits.contains(i), wanted.contains(&i));
            }
            let mut each = Vec::new();
            bits.for_each(|i| each.push(i));
            assert_eq!(each, wanted);
            bits.clear();
            assert_eq!(bits.count(), 0);
        }
    }
}
