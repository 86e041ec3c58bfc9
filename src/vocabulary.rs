//! [`Vocabulary`]: what every closed set of names in the crate can do.

use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::str::FromStr;

/// A closed vocabulary: an enum of named values, such as
/// [`ProblemArea`](crate::ProblemArea) or
/// [`EventKind`](crate::inventory::EventKind), that lists its values, prints
/// them in `snake_case` and reads them back.
///
/// Every such enum also has the inherent constants `ALL` and `COUNT` and the
/// function `iter()`, so listing the values needs no import; this trait is for
/// code that is generic over vocabularies.
///
/// ```
/// use interpersonal::{ProblemArea, vocabulary::Vocabulary};
///
/// fn names<V: Vocabulary>() -> Vec<String> {
///     V::ALL.iter().map(|v| v.to_string()).collect()
/// }
/// assert_eq!(names::<ProblemArea>()[0], "grief");
/// assert_eq!(ProblemArea::COUNT, ProblemArea::ALL.len());
/// ```
pub trait Vocabulary:
    Copy + Eq + Ord + Hash + Debug + Display + FromStr + Into<&'static str> + 'static
{
    /// Every value, in declaration order.
    const ALL: &'static [Self];

    /// Every value, in declaration order.
    ///
    /// ```
    /// use interpersonal::{Phase, vocabulary::Vocabulary};
    /// fn first<V: Vocabulary>() -> Option<V> {
    ///     V::iter().next()
    /// }
    /// assert_eq!(first::<Phase>(), Some(Phase::Assessment));
    /// ```
    fn iter() -> std::iter::Copied<std::slice::Iter<'static, Self>> {
        Self::ALL.iter().copied()
    }
}
