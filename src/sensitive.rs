//! Patient text that never shows in `Debug` output.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A value that holds patient text: a name, a label, a note, an expectation in the
/// patient's own words.
///
/// `Sensitive<T>` exists so that patient text cannot leak by accident (DESIGN.md
/// decision 3):
///
/// * its `Debug` output is the placeholder `Sensitive(..)`, whatever it holds, so a
///   `{:?}` of any type that holds it (an [`Inventory`](crate::inventory::Inventory), a session
///   record, an error) never shows the text;
/// * it has no `Display`, so it cannot be formatted into a message by mistake;
/// * reading it is an explicit call to [`Sensitive::expose`];
/// * serialisation is transparent: the JSON belongs to the application, which
///   already holds the text.
///
/// # Example
///
/// ```
/// use interpersonal::Sensitive;
///
/// let label = Sensitive::new(String::from("Maria, my sister"));
/// assert_eq!(format!("{label:?}"), "Sensitive(..)");
/// assert_eq!(label.expose(), "Maria, my sister");
///
/// // JSON is the text itself.
/// assert_eq!(serde_json::to_string(&label).unwrap(), r#""Maria, my sister""#);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Sensitive<T>(T);

impl<T> Sensitive<T> {
    /// Wraps a value.
    ///
    /// ```
    /// use interpersonal::Sensitive;
    /// let note = Sensitive::new("argued about money again");
    /// assert_eq!(*note.expose(), "argued about money again");
    /// ```
    pub const fn new(value: T) -> Self {
        Sensitive(value)
    }

    /// Borrows the value. Every read of patient text goes through this call, so a
    /// search for `expose` finds every place where text can leave the crate.
    ///
    /// ```
    /// use interpersonal::Sensitive;
    /// let name = Sensitive::new(String::from("Tom"));
    /// assert_eq!(name.expose().len(), 3);
    /// ```
    pub const fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the value.
    ///
    /// ```
    /// use interpersonal::Sensitive;
    /// let name = Sensitive::new(String::from("Tom"));
    /// let text: String = name.into_inner();
    /// assert_eq!(text, "Tom");
    /// ```
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> fmt::Debug for Sensitive<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Sensitive(..)")
    }
}

impl<T> From<T> for Sensitive<T> {
    fn from(value: T) -> Self {
        Sensitive(value)
    }
}

impl From<&str> for Sensitive<String> {
    fn from(value: &str) -> Self {
        Sensitive(value.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_value() {
        let s = Sensitive::new(String::from("SENTINEL-123"));
        let shown = format!("{s:?} {s:#?}");
        assert!(!shown.contains("SENTINEL"));
    }

    #[test]
    fn serde_is_transparent() {
        let s: Sensitive<String> = serde_json::from_str(r#""x""#).unwrap();
        assert_eq!(s.expose(), "x");
        assert_eq!(serde_json::to_string(&s).unwrap(), r#""x""#);
    }
}
