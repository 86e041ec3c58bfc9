//! Immutable text that is cheap to clone: rule summaries, sources, advice.
//!
//! An [`Assessment`](crate::engine::Assessment) repeats text that never changes between
//! evaluations (a rule's summary, its source); `SharedText` lets every copy
//! point at the same bytes instead of allocating a new string, and keeps a
//! short text (an id) in the value itself, so copying it allocates nothing
//! either.
//!
//! The type is private to the crate: public items hold it in private fields
//! and hand out `&str`, so the representation can change without a breaking
//! change (issue 7, point 5).

use std::borrow::Borrow;
use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An immutable string that is cheap to clone: text known at compile time
/// (`&'static str`, no allocation at all), a short text kept in the value
/// itself (at most [`INLINE`] bytes, such as an id: no allocation, and a
/// clone is a copy), or a longer text shared behind an [`Arc`], so a clone
/// only bumps a counter.
///
/// It compares, hashes, orders, prints and serializes exactly like the text it
/// holds: which of the three forms holds it never shows. Comparing and
/// ordering read the bytes ([`SharedText::as_bytes`]), which costs nothing
/// in any form; [`SharedText::as_str`] checks an inline text's UTF-8 each
/// time (the crate forbids `unsafe`), so hot paths that only compare or
/// look up text use the bytes.
#[derive(Clone)]
pub(crate) struct SharedText(Repr);

/// The longest text a [`SharedText`] keeps in itself: what fits beside the
/// form's tag and the length in the 24 bytes the other two forms take.
const INLINE: usize = 22;

#[derive(Clone)]
enum Repr {
    Static(&'static str),
    Shared(Arc<str>),
    /// The length, then the text's bytes (always a whole text, so always
    /// UTF-8) and zeros.
    Inline(u8, [u8; INLINE]),
}

// The inline form costs no room: a `SharedText` is as large as a `&str`
// and a tag.
const _: () = assert!(std::mem::size_of::<SharedText>() == 24);

impl SharedText {
    /// Text known at compile time; makes no allocation and works in `const`s.
    pub(crate) const fn from_static(text: &'static str) -> Self {
        SharedText(Repr::Static(text))
    }

    /// The text.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Static(s) => s,
            Repr::Shared(s) => s,
            // Always UTF-8 (a whole text was copied in), so never "".
            Repr::Inline(..) => std::str::from_utf8(self.as_bytes()).unwrap_or_default(),
        }
    }

    /// The text's bytes, without the UTF-8 check [`SharedText::as_str`]
    /// makes for an inline text.
    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Static(s) => s.as_bytes(),
            Repr::Shared(s) => s.as_bytes(),
            Repr::Inline(len, bytes) => bytes.get(..usize::from(*len)).unwrap_or_default(),
        }
    }

    /// `text` kept in the value when it is short, else shared.
    fn copied(text: &str) -> SharedText {
        let mut bytes = [0u8; INLINE];
        match (bytes.get_mut(..text.len()), u8::try_from(text.len())) {
            (Some(room), Ok(len)) => {
                room.copy_from_slice(text.as_bytes());
                SharedText(Repr::Inline(len, bytes))
            }
            _ => SharedText(Repr::Shared(Arc::from(text))),
        }
    }
}

impl SharedText {
    /// The same text, kept for the rest of the process: a shared text is
    /// copied once into memory that is never freed, so its clones count no
    /// references (an atomic counter that every core would otherwise write,
    /// for every assessment). Only for the text of the engines compiled once
    /// per process ([`Engine::standard`](crate::Engine::standard)), which
    /// live as long as the process anyway: at most once per text of an
    /// embedded rule set.
    pub(crate) fn for_process(self) -> SharedText {
        match self.0 {
            Repr::Shared(text) => SharedText(Repr::Static(Box::leak(Box::<str>::from(&*text)))),
            other => SharedText(other),
        }
    }
}

impl SharedText {
    /// Whether the text is static (no reference counting on clone).
    #[cfg(test)]
    pub(crate) fn is_static(&self) -> bool {
        matches!(self.0, Repr::Static(_))
    }

    /// Whether the text is shared behind an `Arc` (reference counted).
    #[cfg(test)]
    pub(crate) fn is_shared(&self) -> bool {
        matches!(self.0, Repr::Shared(_))
    }
}

impl Default for SharedText {
    /// The empty text.
    fn default() -> Self {
        SharedText::from_static("")
    }
}

impl Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> Self {
        SharedText::copied(&text)
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> Self {
        SharedText::copied(text)
    }
}

impl From<Arc<str>> for SharedText {
    fn from(text: Arc<str>) -> Self {
        SharedText(Repr::Shared(text))
    }
}

impl From<SharedText> for String {
    fn from(text: SharedText) -> String {
        text.as_str().to_owned()
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for SharedText {}

impl PartialOrd for SharedText {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedText {
    fn cmp(&self, other: &Self) -> Ordering {
        // Text orders by its bytes.
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl Hash for SharedText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // Through `str`'s own hash, whatever the hasher does with a `str`
        // (some override `write_str` on nightly Rust), so that a map keyed
        // by `SharedText` or an id is looked up by `&str` (`Borrow<str>`).
        // The hot lookups of ids hash their bytes instead (`IdKey`).
        self.as_str().hash(state);
    }
}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<String> for SharedText {
    fn eq(&self, other: &String) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<SharedText> for str {
    fn eq(&self, other: &SharedText) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<SharedText> for &str {
    fn eq(&self, other: &SharedText) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<SharedText> for String {
    fn eq(&self, other: &SharedText) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SharedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_str(deserializer, |text| {
            Ok::<_, std::convert::Infallible>(SharedText::read(text))
        })
    }
}

impl SharedText {
    /// Text read from a document: borrowed for good when it is the very
    /// bytes of the document being read with [`reading_static`], else
    /// copied once.
    pub(crate) fn read(text: &str) -> SharedText {
        match in_static_source(text) {
            Some(text) => SharedText::from_static(text),
            None => SharedText::from(text),
        }
    }
}

std::thread_local! {
    /// The document being read on this thread when it is known at compile
    /// time (an embedded rule set), else empty.
    static STATIC_SOURCE: Cell<&'static str> = const { Cell::new("") };
}

/// Runs `read` with `source`, a document known at compile time, as the
/// thread's static source: every [`SharedText`] read from it while `read`
/// runs (a string written without escapes, which serde lends from the
/// document itself) points into `source` instead of being copied, so
/// cloning it later counts no references. Reading an embedded rule set this
/// way replaced a search of the document for every text after reading it
/// (a fifth of the first `Engine::standard()`).
pub(crate) fn reading_static<T>(source: &'static str, read: impl FnOnce() -> T) -> T {
    /// Puts the previous source back, however `read` ends.
    struct Restore(&'static str);

    impl Drop for Restore {
        fn drop(&mut self) {
            STATIC_SOURCE.set(self.0);
        }
    }

    let _restore = Restore(STATIC_SOURCE.replace(source));
    read()
}

/// `text` as the same bytes of the thread's static source, when `text` is
/// a part of it. Only addresses are compared (no pointer is made from an
/// address): a text whose first byte lies inside the source is a part of
/// the source's memory, and the equal bytes are checked anyway.
fn in_static_source(text: &str) -> Option<&'static str> {
    let source = STATIC_SOURCE.get();
    let start = (text.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    let part = source.get(start..start.checked_add(text.len())?)?;
    (part == text).then_some(part)
}

/// Reads a JSON string and makes a value of it with `make`, whose error is
/// reported as serde's custom error, as `#[serde(try_from = "String")]` does.
///
/// The text is borrowed from the input where it can be (a string without
/// escapes), so reading makes no `String` on the way: an id or a shared text
/// is one allocation, a date none. A value that is not a string is refused
/// with the words serde uses for a `String` ("expected a string").
pub(crate) fn read_str<'de, D, T, E>(
    deserializer: D,
    make: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
{
    struct Text<F>(F);

    impl<T, E: fmt::Display, F: FnOnce(&str) -> Result<T, E>> serde::de::Visitor<'_> for Text<F> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<Er: serde::de::Error>(self, text: &str) -> Result<T, Er> {
            (self.0)(text).map_err(Er::custom)
        }

        fn visit_bytes<Er: serde::de::Error>(self, bytes: &[u8]) -> Result<T, Er> {
            // As serde's `String` does: bytes that are UTF-8 are text.
            match std::str::from_utf8(bytes) {
                Ok(text) => self.visit_str(text),
                Err(_) => Err(Er::invalid_value(
                    serde::de::Unexpected::Bytes(bytes),
                    &self,
                )),
            }
        }
    }

    deserializer.deserialize_str(Text(make))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    /// What serde says for the same input read through `String` and
    /// `TryFrom`, the way the crate's ids and dates were read before
    /// [`read_str`].
    #[derive(Debug, serde::Deserialize)]
    #[serde(try_from = "String")]
    struct ViaString(#[allow(dead_code)] crate::id::PersonId);

    impl TryFrom<String> for ViaString {
        type Error = crate::id::IdError;
        fn try_from(s: String) -> Result<Self, Self::Error> {
            crate::id::PersonId::new(s).map(ViaString)
        }
    }

    #[test]
    fn read_str_refuses_with_the_words_of_string() {
        for json in [
            "5",
            "true",
            "null",
            "[]",
            "{}",
            "1.5",
            "\"\"",
            "\"has space\"",
            "\"a\\u0020b\"",
            "\"ok\\n\"",
            "\"\\u00e9\"",
        ] {
            let ours = serde_json::from_str::<crate::id::PersonId>(json).map_err(|e| e.to_string());
            let theirs = serde_json::from_str::<ViaString>(json).map_err(|e| e.to_string());
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{json}");
            if let (Err(ours), Err(theirs)) = (ours, theirs) {
                // The same words; ours also says where the value is (an
                // error from inside the visitor gets serde_json's position).
                let words = |m: &str| m.split(" at line ").next().unwrap_or(m).to_owned();
                assert_eq!(words(&ours), words(&theirs), "{json}");
                assert!(ours.contains(" at line 1 column "), "{json}: {ours}");
            }
        }
    }

    #[test]
    fn read_str_reads_escaped_and_borrowed_text() {
        let plain: SharedText = serde_json::from_str("\"abc\"").unwrap();
        let escaped: SharedText = serde_json::from_str("\"a\\u0062c\"").unwrap();
        assert_eq!(plain, "abc");
        assert_eq!(escaped, "abc");
        let from_reader: SharedText = serde_json::from_reader(&b"\"abc\""[..]).unwrap();
        assert_eq!(from_reader, "abc");
        let id: crate::id::PersonId = serde_json::from_str("\"p\\u002d1\"").unwrap();
        assert_eq!(id.as_str(), "p-1");
    }

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn is_send_and_sync() {
        assert_send_sync::<SharedText>();
    }

    #[test]
    fn form_never_shows() {
        let fixed = SharedText::from_static("abc");
        let shared = SharedText::from("abc");
        assert_eq!(fixed, shared);
        assert_eq!(fixed.cmp(&shared), Ordering::Equal);
        let set: HashSet<SharedText> = [fixed.clone(), shared.clone()].into_iter().collect();
        assert_eq!(set.len(), 1);
        assert!(set.contains("abc"));
        assert_eq!(format!("{fixed:?}"), format!("{shared:?}"));
        assert_eq!(format!("{fixed:?}"), r#""abc""#);
        assert_eq!(fixed.to_string(), "abc");
    }

    #[test]
    fn orders_by_content() {
        let a = SharedText::from_static("a");
        let b = SharedText::from(String::from("b"));
        assert!(a < b);
        assert!(SharedText::default() < a);
    }

    #[test]
    fn clone_shares_the_bytes_of_a_long_text() {
        let text = SharedText::from(String::from("a rule's summary, too long to keep inline"));
        let copy = text.clone();
        assert!(std::ptr::eq(text.as_str(), copy.as_str()));
    }

    #[test]
    fn json_round_trip_is_a_plain_string() {
        let text = SharedText::from_static("line \"one\"\nline two");
        let json = serde_json::to_string(&text).unwrap();
        assert_eq!(json, serde_json::to_string(text.as_str()).unwrap());
        let back: SharedText = serde_json::from_str(&json).unwrap();
        assert_eq!(back, text);
        assert!(serde_json::from_str::<SharedText>("1").is_err());
    }

    #[test]
    fn compares_with_strings() {
        let text = SharedText::from("x");
        assert!(text == "x");
        assert!(text == *"x");
        let owned = String::from("x");
        assert!(text == owned);
        assert!("x" == text);
        assert!(owned == text);
        assert_eq!(String::from(text), "x");
    }

    #[test]
    fn text_read_from_a_static_source_points_into_it() {
        static DOC: &str = r#"["plain", "esc\"aped", "plain"]"#;
        let read = || serde_json::from_str::<Vec<SharedText>>(DOC).unwrap();
        let inside = reading_static(DOC, read);
        assert_eq!(inside, ["plain", "esc\"aped", "plain"]);
        // Written without escapes: the document's own bytes.
        assert!(inside[0].is_static() && inside[2].is_static());
        assert!(std::ptr::eq(inside[0].as_str(), &DOC[2..7]));
        // With escapes, serde unescapes into a buffer: copied.
        assert!(!inside[1].is_static());
        // Outside `reading_static`, and for other text, nothing is borrowed.
        assert!(read().iter().all(|t| !t.is_static()));
        let other = String::from(r#"["plain"]"#);
        let copied = reading_static(DOC, || {
            serde_json::from_str::<Vec<SharedText>>(&other).unwrap()
        });
        assert!(!copied[0].is_static());
    }

    #[test]
    fn the_static_source_is_restored_after_nesting_and_panics() {
        static OUTER: &str = r#""outer""#;
        static INNER: &str = r#""inner""#;
        let read = |doc: &str| serde_json::from_str::<SharedText>(doc).unwrap();
        reading_static(OUTER, || {
            let inner = reading_static(INNER, || read(INNER));
            assert!(inner.is_static());
            // Back to the outer source once the inner reading ends.
            assert!(read(OUTER).is_static());
            assert!(!read(INNER).is_static());
            let caught = std::panic::catch_unwind(|| reading_static(INNER, || panic!("boom")));
            assert!(caught.is_err());
            assert!(read(OUTER).is_static());
        });
        assert!(!read(OUTER).is_static());
    }

    #[test]
    fn every_form_compares_hashes_and_orders_as_its_text() {
        use std::hash::BuildHasher;
        let texts = [
            "",
            "p1",
            "a-22-byte-text-exactly",
            "a text of twenty-three.",
            "déjà vu: 22 bytes ok",
            "a long text that is shared behind an Arc, not kept inline",
        ];
        let made: Vec<(SharedText, &str)> = texts
            .iter()
            .flat_map(|&t| {
                [
                    (SharedText::from(t), t),
                    (SharedText::from(t.to_owned()), t),
                ]
            })
            .chain([(SharedText::from_static("p1"), "p1")])
            .collect();
        let std_hasher = std::collections::hash_map::RandomState::new();
        let crate_hasher = crate::collections::Seeded::default();
        for (a, ta) in &made {
            assert_eq!(a.as_str(), *ta);
            assert_eq!(a.as_bytes(), ta.as_bytes());
            assert_eq!(a.clone(), *a);
            // Each way round, against `str` and `&str`.
            assert!(*a == **ta);
            assert!(*a == *ta);
            assert!(**ta == *a);
            assert!(*ta == *a);
            assert_eq!(std_hasher.hash_one(a), std_hasher.hash_one(*ta));
            assert_eq!(crate_hasher.hash_one(a), crate_hasher.hash_one(*ta));
            for (b, tb) in &made {
                assert_eq!(a == b, ta == tb);
                assert_eq!(a.cmp(b), ta.cmp(tb));
            }
        }
        // Short texts are kept inline, long ones shared, by bytes, not
        // characters.
        assert!(matches!(
            SharedText::from("a-22-byte-text-exactly").0,
            Repr::Inline(22, _)
        ));
        assert!(matches!(
            SharedText::from("déjà vu: 22 bytes ok").0,
            Repr::Inline(22, _)
        ));
        assert!(matches!(
            SharedText::from("a text of twenty-three.").0,
            Repr::Shared(_)
        ));
        // A map keyed by the text is looked up by `&str`.
        let map: HashSet<SharedText> = made.iter().map(|(t, _)| t.clone()).collect();
        assert!(texts.iter().all(|t| map.contains(*t)));
    }
}
