//! The hash maps and sets the crate keeps inside one call: std's, with
//! `foldhash`'s hasher.
//!
//! Evaluating, reporting and validating look people, events and evidence up
//! by id once per subject, so at 100k subjects hashing was a quarter of the
//! work with std's SipHash (issue 10). `foldhash` hashes a short id several
//! times faster and, seeded per process as std's `RandomState` is, still
//! resists inputs crafted to collide. The maps are only looked up, never
//! iterated into an output, so the seed never changes what the crate writes.

pub(crate) use foldhash::{HashMapExt, HashSetExt};

/// A hash map with `foldhash`'s hasher.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set with `foldhash`'s hasher.
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
