//! The hash maps and sets the crate keeps inside one call: std's, with
//! `foldhash`'s hasher.
//!
//! Evaluating, reporting and validating look people, events and evidence up
//! by id once per subject, so at 100k subjects hashing was a quarter of the
//! work with std's SipHash (issue 10). `foldhash` hashes a short id several
//! times faster. Its own default seed reads the system clock, which the crate
//! never does, so the maps are seeded here from std's `RandomState` instead
//! (one draw per thread, stepped for each map): the same per-process
//! randomness std's maps already used, which keeps
//! inputs crafted to collide from making a lookup quadratic. The maps are
//! only looked up, never iterated into an output, so the seed never changes
//! what the crate writes.
//!
//! [`Places`] puts a short scan in front of such a map, for the lookups
//! that usually see only a few keys (an inventory's ids, the facts of an
//! area): no map, and so no allocation and no seed, until the scan is
//! outgrown.

use std::cell::Cell;
use std::collections::hash_map::RandomState as StdRandomState;
use std::hash::{BuildHasher, Hash};

use foldhash::SharedSeed;
use foldhash::fast::{FoldHasher, SeedableRandomState};

/// A hash map with `foldhash`'s hasher, seeded as [`Seeded`] says.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, Seeded>;

/// A hash set with `foldhash`'s hasher, seeded as [`Seeded`] says.
pub(crate) type HashSet<T> = std::collections::HashSet<T, Seeded>;

/// `foldhash`'s fast hasher with a seed drawn from std's `RandomState`
/// (no clock read).
#[derive(Clone, Debug)]
pub(crate) struct Seeded(SeedableRandomState);

impl Default for Seeded {
    fn default() -> Self {
        Seeded(SeedableRandomState::with_seed(
            next_seed(),
            SharedSeed::global_fixed(),
        ))
    }
}

std::thread_local! {
    /// The next map's seed on this thread: drawn once from std's
    /// `RandomState`, then stepped for each map.
    static NEXT_SEED: Cell<Option<u64>> = const { Cell::new(None) };
}

/// A seed for one map. Drawing a fresh std `RandomState` and hashing with
/// it costs a SipHash per map, which was a tenth of validating a small
/// inventory; instead each thread draws one and steps it by an odd constant
/// for each map, as std steps its own keys, so that no two maps of a thread
/// share a seed (a map filled by iterating another with the same seed can
/// take quadratic time).
fn next_seed() -> u64 {
    let step = NEXT_SEED.with(|next| {
        let step = next
            .get()
            .unwrap_or_else(|| StdRandomState::new().hash_one(0_u8));
        next.set(Some(step.wrapping_add(0x9E37_79B9_7F4A_7C15)));
        step
    });
    mix(step)
}

/// SplitMix64's finaliser: seeds one step apart share no known difference.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl BuildHasher for Seeded {
    type Hasher = FoldHasher<'static>;

    fn build_hasher(&self) -> Self::Hasher {
        self.0.build_hasher()
    }
}

/// `HashMap::new` and `HashMap::with_capacity` for [`HashMap`].
pub(crate) trait HashMapExt {
    /// An empty map.
    fn new() -> Self;
    /// An empty map with room for `capacity` entries.
    fn with_capacity(capacity: usize) -> Self;
}

impl<K, V> HashMapExt for HashMap<K, V> {
    fn new() -> Self {
        Self::with_hasher(Seeded::default())
    }

    fn with_capacity(capacity: usize) -> Self {
        Self::with_capacity_and_hasher(capacity, Seeded::default())
    }
}

/// `HashSet::new` for [`HashSet`].
pub(crate) trait HashSetExt {
    /// An empty set.
    fn new() -> Self;
}

impl<T> HashSetExt for HashSet<T> {
    fn new() -> Self {
        Self::with_hasher(Seeded::default())
    }
}

/// How many keys a [`Places`] finds by a scan before it moves them to a hash
/// map.
const SCANNED_KEYS: usize = 16;

/// Where each key is in a list being built: a scan of a few keys kept
/// inline, and past [`SCANNED_KEYS`] of them a hash probe. Finding a key costs
/// at most a bounded scan or one probe, so the time stays linear in the keys,
/// and the few facts of a typical piece of evidence or area need no
/// allocation. The map is made only when the scan is outgrown: making one
/// draws a seed, which costs more than a short scan.
#[derive(Debug, Clone)]
pub(crate) struct Places<K> {
    inline: [(K, usize); SCANNED_KEYS],
    len: usize,
    map: Option<HashMap<K, usize>>,
}

impl<K: Copy + Eq + Hash> Places<K> {
    /// No keys; `fill` only initialises the unused slots.
    pub(crate) fn new(fill: K) -> Self {
        Places {
            inline: [(fill, 0); SCANNED_KEYS],
            len: 0,
            map: None,
        }
    }

    /// Forgets every key, keeping the room.
    pub(crate) fn clear(&mut self) {
        self.len = 0;
        if let Some(map) = &mut self.map {
            map.clear();
        }
    }

    /// Where `key` is, if it was inserted.
    #[inline]
    pub(crate) fn get(&self, key: K) -> Option<usize> {
        match &self.map {
            Some(map) if !map.is_empty() => map.get(&key).copied(),
            _ => self
                .inline
                .get(..self.len)
                .unwrap_or(&[])
                .iter()
                .find(|(k, _)| *k == key)
                .map(|&(_, at)| at),
        }
    }

    /// Records that `key` is at `place`; the key must not be there yet.
    #[inline]
    pub(crate) fn insert(&mut self, key: K, place: usize) {
        if self.map.as_ref().is_none_or(|map| map.is_empty()) {
            if let Some(slot) = self.inline.get_mut(self.len) {
                *slot = (key, place);
                self.len += 1;
                return;
            }
        }
        let map = self.map.get_or_insert_with(HashMap::new);
        if map.is_empty() {
            map.reserve(SCANNED_KEYS.saturating_mul(2));
            map.extend(self.inline.iter().copied());
        }
        map.insert(key, place);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_find_every_key_inline_and_past_the_scan() {
        for n in [
            0usize,
            1,
            SCANNED_KEYS - 1,
            SCANNED_KEYS,
            SCANNED_KEYS + 1,
            200,
        ] {
            let mut places = Places::new(usize::MAX);
            for k in 0..n {
                assert_eq!(places.get(k * 3), None);
                places.insert(k * 3, k);
            }
            for k in 0..n {
                assert_eq!(places.get(k * 3), Some(k));
                assert_eq!(places.get(k * 3 + 1), None);
            }
            places.clear();
            assert_eq!(places.get(0), None);
        }
    }

    #[test]
    fn maps_find_what_they_hold() {
        let mut map: HashMap<&str, usize> = HashMap::with_capacity(4);
        for (i, id) in ["maria", "tom", "ana"].into_iter().enumerate() {
            map.insert(id, i);
        }
        assert_eq!(map.get("tom"), Some(&1));
        assert_eq!(map.get("bob"), None);
        let mut set: HashSet<u32> = HashSet::new();
        assert!(set.insert(7));
        assert!(!set.insert(7));
    }
}
