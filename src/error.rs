//! The crate's shared error types: a problem at a JSON path, a list of problems
//! found by one validation, and a JSON parse error.
//!
//! Each subsystem has its own error enum beside its code (a refused goal status
//! change lives in [`goal`](crate::goal), a refused phase transition in
//! [`phase`](crate::catalogue)); they all follow the rules here ([DESIGN.md decision 9](crate::_documentation::design#9-one-error-type-no-panics)):
//! a message names ids and JSON paths, never patient text, and says what was
//! expected.

mod any;

pub use any::{Error, ErrorKind};

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// The location of a value inside a JSON document, written the way people read
/// it: `$` is the document, `.name` a field, `[2]` an array element.
///
/// Paths are built from field names and indices only, so they never carry
/// patient text.
///
/// ```
/// use interpersonal::JsonPath;
///
/// let path = JsonPath::root().field("people").index(2).field("conflict");
/// assert_eq!(path.as_str(), "$.people[2].conflict");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct JsonPath(String);

impl JsonPath {
    /// The document itself, `$`.
    ///
    /// ```
    /// assert_eq!(interpersonal::JsonPath::root().as_str(), "$");
    /// ```
    pub fn root() -> Self {
        JsonPath(String::from("$"))
    }

    /// This path extended by a field name.
    ///
    /// ```
    /// use interpersonal::JsonPath;
    /// assert_eq!(JsonPath::root().field("assessed_on").as_str(), "$.assessed_on");
    /// ```
    #[must_use]
    pub fn field(&self, name: &str) -> Self {
        // Sized once and copied, without the formatting machinery: compiling
        // a rule set makes a path for every condition.
        let mut path = String::with_capacity(self.0.len() + 1 + name.len());
        path.push_str(&self.0);
        path.push('.');
        path.push_str(name);
        JsonPath(path)
    }

    /// This path extended by an array index.
    ///
    /// ```
    /// use interpersonal::JsonPath;
    /// assert_eq!(JsonPath::root().field("events").index(0).as_str(), "$.events[0]");
    /// ```
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        // At most 20 digits.
        let mut path = String::with_capacity(self.0.len() + 22);
        path.push_str(&self.0);
        path.push('[');
        let mut digits = [0u8; 20];
        let mut n = index;
        let mut at = digits.len();
        loop {
            at -= 1;
            if let Some(d) = digits.get_mut(at) {
                // `n % 10` is below 10, so the cast keeps it.
                *d = b'0' + (n % 10) as u8;
            }
            n /= 10;
            if n == 0 || at == 0 {
                break;
            }
        }
        for &d in digits.get(at..).unwrap_or_default() {
            path.push(char::from(d));
        }
        path.push(']');
        JsonPath(path)
    }

    /// A path relative to this one (written from its own `$`) made a path
    /// in this one's document: a problem a schedule reports at
    /// `$.sessions[1].number` is at `$.schedule.sessions[1].number` of the
    /// course that holds the schedule.
    ///
    /// ```
    /// use interpersonal::JsonPath;
    /// let inner = JsonPath::root().field("sessions").index(1).field("number");
    /// let outer = JsonPath::root().field("schedule").join(&inner);
    /// assert_eq!(outer.as_str(), "$.schedule.sessions[1].number");
    /// assert_eq!(outer.join(&JsonPath::root()), outer);
    /// ```
    #[must_use]
    pub fn join(&self, relative: &JsonPath) -> Self {
        let rest = relative.0.strip_prefix('$').unwrap_or(&relative.0);
        JsonPath(format!("{}{rest}", self.0))
    }

    /// The path as text.
    ///
    /// ```
    /// assert_eq!(interpersonal::JsonPath::root().as_str(), "$");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Converts a path reported by `serde_path_to_error` to this notation.
    /// A map key that is not a schema-like name (lowercase ASCII letters,
    /// digits and `_`, at most 40) is written `?`: an unknown key may be
    /// patient text typed in the wrong place.
    ///
    /// When `unknown_key` is set, the error is about the path's last key,
    /// which is not a field of the schema: it is left out, and the path ends
    /// at the object that holds it.
    fn from_serde(path: &serde_path_to_error::Path, unknown_key: bool) -> Self {
        use serde_path_to_error::Segment;
        let mut out = String::from("$");
        let segments: Vec<&Segment> = path.iter().collect();
        let shown = match segments.split_last() {
            Some((Segment::Map { .. }, init)) if unknown_key => init,
            _ => segments.as_slice(),
        };
        for segment in shown {
            match segment {
                Segment::Seq { index } => out.push_str(&format!("[{index}]")),
                Segment::Map { key } | Segment::Enum { variant: key } => {
                    out.push('.');
                    out.push_str(if is_schema_name(key) { key } else { "?" });
                }
                Segment::Unknown => out.push_str(".?"),
            }
        }
        JsonPath(out)
    }
}

/// Whether a name read from a document looks like one of the schema's own
/// field or variant names, and so cannot be patient text.
fn is_schema_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 40
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One problem found in an input: where it is, and what was expected there.
///
/// ```
/// use interpersonal::{JsonPath, error::Problem};
///
/// let problem = Problem::new(
///     JsonPath::root().field("events").index(1).field("person"),
///     "an id of a person in $.people; found an unknown id `p9`",
/// );
/// assert_eq!(
///     problem.to_string(),
///     "$.events[1].person: expected an id of a person in $.people; found an unknown id `p9`",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Problem {
    /// Where the problem is.
    pub path: JsonPath,
    /// What was expected there, and what was found when that is not patient
    /// text (an id, a date, a number).
    pub expected: String,
}

impl Problem {
    /// A problem at `path`; `expected` says what should have been there.
    ///
    /// ```
    /// use interpersonal::{JsonPath, error::Problem};
    /// let p = Problem::new(JsonPath::root().field("sessions"), "a number from 12 to 16");
    /// assert_eq!(p.path.as_str(), "$.sessions");
    /// ```
    pub fn new(path: JsonPath, expected: impl Into<String>) -> Self {
        Problem {
            path,
            expected: expected.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: expected {}", self.path, self.expected)
    }
}

/// Every problem that one validation found, in document order. Never empty when
/// returned as an error.
///
/// ```
/// use interpersonal::{JsonPath, error::Problem, Problems};
///
/// let mut problems = Problems::default();
/// problems.push(Problem::new(JsonPath::root().field("a"), "a date"));
/// problems.push(Problem::new(JsonPath::root().field("b"), "a person id"));
/// assert_eq!(problems.len(), 2);
/// assert!(problems.to_string().starts_with("2 problems: $.a: expected a date;"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Problems(Vec<Problem>);

impl Problems {
    /// Adds a problem.
    ///
    /// ```
    /// use interpersonal::{JsonPath, error::Problem, Problems};
    /// let mut problems = Problems::default();
    /// problems.push(Problem::new(JsonPath::root(), "an object"));
    /// assert!(!problems.is_empty());
    /// ```
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    /// Adds a problem at `path`.
    ///
    /// ```
    /// use interpersonal::{JsonPath, Problems};
    /// let mut problems = Problems::default();
    /// problems.at(JsonPath::root().field("x"), "a number");
    /// assert_eq!(problems.len(), 1);
    /// ```
    pub fn at(&mut self, path: JsonPath, expected: impl Into<String>) {
        self.0.push(Problem::new(path, expected));
    }

    /// How many problems there are.
    ///
    /// ```
    /// assert_eq!(interpersonal::Problems::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(interpersonal::Problems::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, in the order found.
    ///
    /// ```
    /// assert!(interpersonal::Problems::default().as_slice().is_empty());
    /// ```
    pub fn as_slice(&self) -> &[Problem] {
        &self.0
    }

    /// An iterator over the problems.
    ///
    /// ```
    /// assert_eq!(interpersonal::Problems::default().iter().count(), 0);
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// `Ok(value)` when there are no problems, else `Err(self)`.
    ///
    /// ```
    /// use interpersonal::Problems;
    /// assert_eq!(Problems::default().into_result(7), Ok(7));
    /// ```
    ///
    /// # Errors
    ///
    /// Returns `self` when it holds at least one problem.
    pub fn into_result<T>(self, value: T) -> Result<T, Problems> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_problem_list(f, &self.0)
    }
}

/// Writes `N problem(s): a; b; c`, the one form every list of problems in the
/// crate is shown in.
pub(crate) fn write_problem_list<P: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    problems: &[P],
) -> fmt::Result {
    let n = problems.len();
    write!(f, "{n} problem{}: ", if n == 1 { "" } else { "s" })?;
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            f.write_str("; ")?;
        }
        write!(f, "{p}")?;
    }
    Ok(())
}

impl std::error::Error for Problems {}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<Problem> for Problems {
    fn from_iter<I: IntoIterator<Item = Problem>>(iter: I) -> Self {
        Problems(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A JSON document that could not be read: not JSON, the wrong type at some
/// field, a missing or unknown field, nesting deeper than 128 levels.
///
/// The message is serde's description of what was expected. It may quote an
/// unknown field's *name* and the expected names, never a string value from the
/// document: string values and unknown enum values are replaced by
/// `(value hidden)`, since they may be patient text.
///
/// serde reads a struct written as an array of its field values in order
/// (`[1, "2026-03-02", "unknown"]` for an inventory); that shape is accepted but
/// not part of the documented schema.
///
/// A document that is well formed but breaks a rule of its type (a course
/// whose schedule numbers its sessions out of order, a goal with a blank
/// statement) gives every problem in [`JsonError::problems`], each at its
/// path in the document given, and `path` is the first of them. The line and
/// column are serde's: where the value holding the problems ends.
///
/// A `JsonError` serialises (`{"path", "line", "column", "message"}`, and
/// `"problems"` when there are any), so a service can hand it to a client
/// that sent the document.
///
/// ```
/// use interpersonal::{from_json, Inventory};
///
/// let err = from_json::<Inventory>(r#"{"schema_version": "one"}"#).unwrap_err();
/// assert_eq!(err.path.as_str(), "$.schema_version");
/// assert!(err.to_string().starts_with("invalid JSON at $.schema_version"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[error("invalid JSON at {path} (line {line}, column {column}): {message}")]
#[non_exhaustive]
pub struct JsonError {
    /// Where in the document the problem is.
    pub path: JsonPath,
    /// 1-based line of the problem, 0 when it is not known.
    pub line: usize,
    /// 1-based column of the problem, 0 when it is not known.
    pub column: usize,
    /// What was expected.
    pub message: String,
    /// Every problem found in a value that was read but broke a rule of its
    /// type, each at its path in the document; empty when the JSON itself
    /// could not be read.
    ///
    /// ```
    /// use interpersonal::{from_json, Goal};
    ///
    /// let err = from_json::<Goal>(r#"{"id": "g1", "area": "grief", "statement": "x",
    ///     "target": {"measure_at_most": {"instrument": "hamd17", "value": 7}},
    ///     "status": "active",
    ///     "status_changes": [{"from": "proposed", "to": "achieved", "on": "2026-03-09"}]
    /// }"#).unwrap_err();
    /// assert_eq!(err.problems.as_slice()[0].path.as_str(), "$.status_changes[0].to");
    /// assert_eq!(err.path.as_str(), "$.status_changes[0].to");
    /// assert_eq!(err.line, 5); // where the goal ends
    /// ```
    #[serde(default, skip_serializing_if = "Problems::is_empty")]
    pub problems: Problems,
}

thread_local! {
    /// The problems behind the last error made by [`problems_error`] on this
    /// thread, for [`read_document`] to take back with their paths.
    static PENDING: std::cell::Cell<Option<Problems>> = const { std::cell::Cell::new(None) };
}

/// A serde error for a value that was read but breaks a rule of its type.
/// Its message is the problems' text, so any deserializer reports them; when
/// the crate's own [`from_json`] reads the document, it takes the problems
/// back and places each at its path in the whole document.
pub(crate) fn problems_error<E: serde::de::Error>(problems: Problems) -> E {
    let error = E::custom(&problems);
    PENDING.with(|pending| pending.set(Some(problems)));
    error
}

/// Reads a value as its record `R`, then checks it into `T`, reporting the
/// problems with [`problems_error`].
pub(crate) fn read_checked<'de, D, R, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    R: Deserialize<'de>,
    T: TryFrom<R, Error = Problems>,
{
    let record = R::deserialize(deserializer)?;
    T::try_from(record).map_err(problems_error)
}

fn take_pending() -> Option<Problems> {
    PENDING.with(std::cell::Cell::take)
}

/// Reads a JSON document into any of the crate's document types, naming the
/// path of the first problem when it fails.
///
/// Unknown fields are rejected (every document type denies them), so a typo in a
/// field name is an error, not a silently dropped value.
///
/// ```
/// use interpersonal::{from_json, Inventory};
///
/// let inventory: Inventory = from_json(r#"{
///     "schema_version": 1,
///     "assessed_on": "2026-03-02",
///     "onset": "2026-01"
/// }"#).unwrap();
/// assert!(inventory.people.is_empty());
/// ```
///
/// # Errors
///
/// Returns a [`JsonError`] naming the path of the first value that could not be
/// read.
pub fn from_json<T: DeserializeOwned>(json: &str) -> Result<T, JsonError> {
    read_document(json.as_bytes(), Some(json), !cannot_nest_deep::<T>())
}

/// [`from_json`] for a document compiled into the crate (an embedded rule
/// set). Its depth is known to its tests, so its first reading does not
/// check the nesting first, which for the default rules was a pass over
/// 25 KB of text on every process's first `Engine::standard()`; were the
/// reading ever to fail, the check runs before the second reading, as for
/// any document. And it lives as long as the program, so its texts written
/// without escapes point into it instead of being copied
/// ([`reading_static`](crate::text::reading_static)).
pub(crate) fn from_embedded_json<T: DeserializeOwned>(json: &'static str) -> Result<T, JsonError> {
    crate::text::reading_static(json, || read_document(json.as_bytes(), Some(json), false))
}

/// Writes any of the crate's document types as compact JSON, in its stable
/// shape; [`from_json`] reads it back.
///
/// ```
/// use interpersonal::{Inventory, from_json, to_json};
///
/// let inventory: Inventory = from_json(r#"{"schema_version": 1,
///     "assessed_on": "2026-03-02", "onset": "unknown"}"#)?;
/// let json = to_json(&inventory)?;
/// assert_eq!(from_json::<Inventory>(&json)?, inventory);
/// # Ok::<(), interpersonal::Error>(())
/// ```
///
/// # Errors
///
/// Returns a [`JsonError`] at the root path in the rare case serde_json refuses
/// the value (a map whose keys are not text); the crate's own types never do.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    serde_json::to_string(value).map_err(|e| json_error(JsonPath::root(), &e, None))
}

/// Reads JSON from a reader (a file, standard input); see [`from_json`].
///
/// ```
/// use interpersonal::{error::from_json_reader, Inventory};
///
/// let json = br#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "unknown"}"#;
/// let inventory: Inventory = from_json_reader(&json[..]).unwrap();
/// assert!(inventory.events.is_empty());
/// ```
///
/// # Errors
///
/// Returns a [`JsonError`] when the input cannot be read or is not a valid
/// document; an I/O failure is reported at the root path.
pub fn from_json_reader<T: DeserializeOwned, R: std::io::Read>(
    mut reader: R,
) -> Result<T, JsonError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| json_error(JsonPath::root(), &serde_json::Error::io(e), None))?;
    read_document(&bytes, None, !cannot_nest_deep::<T>())
}

/// The deepest nesting of arrays and objects a document may have.
///
/// Reading recurses once per level, so the bound keeps the stack it needs
/// small: a document at the limit reads on a 64 KiB thread stack in a release
/// build. It is well above what any document of the crate needs: the deepest
/// is a rule set with conditions nested [`MAX_CONDITION_DEPTH_LIMIT`] deep,
/// about 68 levels. A document nested deeper is refused at the path of the
/// first value too deep, found in one pass that does not recurse: before it
/// is read, or, for an [`Inventory`](crate::Inventory), whose fields cannot
/// nest that deep, once a first reading has failed (serde_json's own limit,
/// 128, is never reached).
///
/// [`MAX_CONDITION_DEPTH_LIMIT`]: crate::engine::MAX_CONDITION_DEPTH_LIMIT
///
/// ```
/// use interpersonal::{error::MAX_JSON_DEPTH, from_json, Inventory};
///
/// let deep = format!("{}{}", "[".repeat(MAX_JSON_DEPTH + 1), "]".repeat(MAX_JSON_DEPTH + 1));
/// let err = from_json::<Inventory>(&deep).unwrap_err();
/// assert!(err.message.contains("at most 72 levels"));
/// ```
pub const MAX_JSON_DEPTH: usize = 72;

/// The path, line and column of the first value nested deeper than
/// [`MAX_JSON_DEPTH`], found in one pass over the bytes with a stack on the
/// heap; `None` when the document is not that deep. Malformed JSON is left
/// to serde to report.
fn too_deep(json: &[u8]) -> Option<JsonError> {
    enum Frame {
        Array(usize),
        Object(Option<String>),
    }
    let mut frames: Vec<Frame> = Vec::new();
    let (mut line, mut column) = (1usize, 0usize);
    let mut in_string = false;
    let mut escaped = false;
    let mut string = Vec::new();
    // Whether the string being read is an object's key.
    let mut is_key = false;
    let mut expect_key = false;
    for &b in json {
        if b == b'\n' {
            line += 1;
            column = 0;
        } else {
            column += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
                string.push(b);
            } else if b == b'\\' {
                escaped = true;
                string.push(b);
            } else if b == b'"' {
                in_string = false;
                if is_key {
                    let key = String::from_utf8_lossy(&string).into_owned();
                    if let Some(Frame::Object(slot)) = frames.last_mut() {
                        *slot = Some(key);
                    }
                }
            } else {
                string.push(b);
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                is_key = expect_key;
                expect_key = false;
                string.clear();
            }
            b'[' | b'{' => {
                if frames.len() >= MAX_JSON_DEPTH {
                    let mut path = JsonPath::root();
                    for frame in &frames {
                        path = match frame {
                            Frame::Array(i) => path.index(*i),
                            Frame::Object(Some(key)) if is_schema_name(key) => path.field(key),
                            Frame::Object(_) => path.field("?"),
                        };
                    }
                    return Some(JsonError {
                        path,
                        line,
                        column,
                        message: format!(
                            "arrays and objects nested at most {MAX_JSON_DEPTH} levels deep"
                        ),
                        problems: Problems::default(),
                    });
                }
                if b == b'[' {
                    frames.push(Frame::Array(0));
                } else {
                    frames.push(Frame::Object(None));
                    expect_key = true;
                }
            }
            b']' | b'}' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array(i)) => *i += 1,
                Some(Frame::Object(_)) => expect_key = true,
                None => {}
            },
            _ => {}
        }
    }
    None
}

/// Whether some array or object of `json` is nested deeper than
/// [`MAX_JSON_DEPTH`]: one pass over the bytes that allocates nothing, so a
/// document of normal depth pays little for the check. [`too_deep`] then
/// finds the path of the first value too deep.
pub(crate) fn deeper_than_allowed(json: &[u8]) -> bool {
    // A document with no more arrays and objects than the limit cannot nest
    // deeper; counting them is a loop the compiler vectorises.
    let opened = json.iter().filter(|&&b| b == b'[' || b == b'{').count();
    if opened <= MAX_JSON_DEPTH {
        return false;
    }
    let mut depth = 0usize;
    let mut bytes = json.iter();
    while let Some(&b) = bytes.next() {
        match b {
            b'"' => {
                // Skip the string, with its escapes.
                while let Some(&c) = bytes.next() {
                    match c {
                        b'\\' => {
                            bytes.next();
                        }
                        b'"' => break,
                        _ => {}
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_JSON_DEPTH {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Reads one document and checks that nothing but white space follows it.
///
/// A document that reads is read once, by serde_json alone: keeping the path
/// of every value as it is read costs more than the reading, and only an
/// error needs it. When that first reading fails, the document is read again
/// with the path kept ([`read_with_path`]); reading is deterministic, so the
/// second reading fails at the same place, and its error is the one
/// returned. `text` is `json` as text when the caller has it (then the
/// first reading need not check that it is UTF-8).
///
/// A document nested deeper than [`MAX_JSON_DEPTH`] is refused with
/// [`too_deep`]'s error. For most types that check comes first, since a
/// value of the type may nest that deep (a rule set's conditions, any
/// `serde_json::Value`) and reading it could use more stack than the limit
/// allows for. An [`Inventory`](crate::Inventory) cannot: none of its types
/// holds itself, so it reads to a fixed depth (under ten levels), and a
/// document nested deeper is not an inventory. Its first reading comes
/// first, and the check runs only when that reading fails, before the
/// second; the error is the same, and reading the inventory that does read
/// does not pay for a pass over the bytes. The same holds for a document
/// compiled into the crate ([`from_embedded_json`]), whose depth is known.
/// `checked_first` says whether the check comes first.
fn read_document<T: DeserializeOwned>(
    json: &[u8],
    text: Option<&str>,
    checked_first: bool,
) -> Result<T, JsonError> {
    if checked_first && deeper_than_allowed(json) {
        if let Some(error) = too_deep(json) {
            return Err(error);
        }
    }
    let read = match text {
        Some(text) => read_plain(serde_json::Deserializer::from_str(text)),
        None => read_plain(serde_json::Deserializer::from_slice(json)),
    };
    match read {
        Some(value) => {
            // A value that read leaves no problems behind, but a failed
            // reading inside it (an untagged choice) might have.
            take_pending();
            Ok(value)
        }
        None => {
            if !checked_first && deeper_than_allowed(json) {
                if let Some(error) = too_deep(json) {
                    take_pending();
                    return Err(error);
                }
            }
            read_with_path(json)
        }
    }
}

/// Whether `T` is a document type whose values cannot nest deeper than a
/// few levels, however the document nests: one whose fields hold no list
/// of itself, no `serde_json::Value` and no value read through an untagged
/// or flattened choice (which serde buffers, recursing as deep as the
/// document), so that reading it cannot recurse past its own shape
/// (serde_json skips an unknown value without recursing).
///
/// Only [`Inventory`](crate::Inventory) is, the document read most often.
/// The test is on the type's name, since `T` need not be `'static`; a name
/// is not always unique to one type, but only a type of this crate can
/// have this one (another build of the same inventory, which cannot nest
/// either); and serde_json's own limit bounds any first reading.
fn cannot_nest_deep<T>() -> bool {
    std::any::type_name::<T>() == std::any::type_name::<crate::Inventory>()
}

/// The first reading of [`read_document`]: the value, or `None` when the
/// document does not read (the second reading says why).
fn read_plain<'de, T: Deserialize<'de>, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
) -> Option<T> {
    let value = T::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(value)
}

/// Reads one document keeping the path of every value, so that an error
/// names where it is; see [`read_document`].
fn read_with_path<T: DeserializeOwned>(json: &[u8]) -> Result<T, JsonError> {
    let mut de = serde_json::Deserializer::from_slice(json);
    // Problems left by an earlier read on this thread are not this one's.
    take_pending();
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut de);
    let value = result.map_err(|e| {
        let unknown_key = e.inner().to_string().starts_with("unknown field ");
        let path = JsonPath::from_serde(e.path(), unknown_key);
        let at_root = path == JsonPath::root();
        let inner = e.into_inner();
        let mut error = json_error(path, &inner, take_pending());
        if error.line == 0 && at_root {
            // A rule of the document's own type broke after its last byte
            // was read: serde knows no position, the end of the value is it.
            (error.line, error.column) = end_of_first_value(json);
        }
        error
    })?;
    de.end()
        .map_err(|e| json_error(JsonPath::root(), &e, None))?;
    Ok(value)
}

/// The line and column just after the first JSON value of `json`, as serde
/// counts them (1-based line, bytes into the line); `(0, 0)` when there is
/// no whole value.
fn end_of_first_value(json: &[u8]) -> (usize, usize) {
    let mut values =
        serde_json::Deserializer::from_slice(json).into_iter::<serde::de::IgnoredAny>();
    match values.next() {
        Some(Ok(_)) => {
            let end = values.byte_offset();
            let before = json.get(..end).unwrap_or(json);
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(before.len(), |nl| before.len() - nl - 1);
            (line, column)
        }
        _ => (0, 0),
    }
}

fn json_error(path: JsonPath, e: &serde_json::Error, pending: Option<Problems>) -> JsonError {
    // serde_json's message ends with " at line L column C"; we report those
    // separately.
    let full = e.to_string();
    let message = match full.rfind(" at line ") {
        Some(cut) if e.line() > 0 => full.get(..cut).unwrap_or(&full).to_owned(),
        _ => full,
    };
    // The problems of a value that broke a rule of its type, when this error
    // is theirs: each at its path in the whole document.
    if let Some(problems) = pending.filter(|p| !p.is_empty() && p.to_string() == message) {
        let problems: Problems = problems
            .into_iter()
            .map(|p| Problem::new(path.join(&p.path), p.expected))
            .collect();
        let mut all = problems.iter();
        let first = all.next().cloned();
        let more: Vec<String> = all.map(ToString::to_string).collect();
        if let Some(first) = first {
            let mut message = format!("expected {}", first.expected);
            if !more.is_empty() {
                message.push_str(&format!(" (and {} more: {})", more.len(), more.join("; ")));
            }
            return JsonError {
                path: first.path,
                line: e.line(),
                column: e.column(),
                message,
                problems,
            };
        }
    }
    JsonError {
        path,
        line: e.line(),
        column: e.column(),
        message: hide_document_text(&message),
        problems: Problems::default(),
    }
}

/// serde's messages quote what it found in the document: a string value
/// (`invalid type: string "…", expected …`), an unknown enum value or field
/// name (``unknown variant `…`, expected …``). Any of these may be patient
/// text typed in the wrong place, so the found part is replaced (an unknown
/// field name is kept when it looks like a schema name, to help with typos);
/// what was expected comes from the schema and is kept. The message is rebuilt from
/// its parts rather than searched for quotes, so an escaped quote or a
/// backtick inside the value cannot end the hiding early.
fn hide_document_text(message: &str) -> String {
    const FOUND: [&str; 4] = [
        "invalid type: ",
        "invalid value: ",
        "unknown variant ",
        "unknown field ",
    ];
    for prefix in FOUND {
        if let Some(rest) = message.strip_prefix(prefix) {
            // The expected part is the schema's; it follows the last
            // ", expected " (or ", there are no ...").
            let cut = rest
                .rfind(", expected ")
                .or_else(|| rest.rfind(", there are no "))
                .unwrap_or(rest.len());
            let (found, expected) = rest.split_at(cut);
            let shown = match prefix {
                "invalid type: " | "invalid value: " => describe_found(found),
                // An enum value is a string value of the document.
                "unknown variant " => hint("value", found, expected),
                // A key may be a patient's name typed where a field belongs.
                _ => hint("name", found, expected),
            };
            return format!("{prefix}{shown}{expected}");
        }
    }
    message.to_owned()
}

/// An unknown key or enum value, hidden, with a "did you mean" hint when it is
/// close to one of the expected names (a typo), so the hint names the schema's
/// word and never the document's.
fn hint(what: &str, found: &str, expected: &str) -> String {
    let name = found.trim().trim_matches('`');
    match closest(name, expected) {
        Some(near) => format!("({what} hidden; did you mean `{near}`?)"),
        None => format!("({what} hidden)"),
    }
}

/// The name in backticks in `expected` nearest to `name` by edit distance,
/// when it is near enough to be a typo: at most 2 edits, and at most a third
/// of the name's length.
fn closest<'a>(name: &str, expected: &'a str) -> Option<&'a str> {
    if name.chars().count() > 64 {
        return None;
    }
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|&(d, c)| d > 0 && d <= 2 && d * 3 <= c.chars().count())
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// The Levenshtein distance between two short texts, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = i;
        let mut next = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(usize::MAX);
            let left = next.last().copied().unwrap_or(usize::MAX);
            let cost = diagonal + usize::from(ca != *cb);
            next.push(
                cost.min(above.saturating_add(1))
                    .min(left.saturating_add(1)),
            );
            diagonal = above;
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

/// serde's description of an unexpected value, with any text hidden: strings
/// and characters lose their content; numbers, booleans, null, maps and
/// sequences are kept.
fn describe_found(found: &str) -> String {
    if found.starts_with("string ") {
        String::from("string (value hidden)")
    } else if found.starts_with("character ") {
        String::from("character (value hidden)")
    } else if found.starts_with("integer ")
        || found.starts_with("floating point ")
        || found.starts_with("boolean ")
        || matches!(
            found,
            "null" | "map" | "sequence" | "unit value" | "unit variant"
        )
    {
        found.to_owned()
    } else {
        String::from("(value hidden)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn paths_are_written_as_format_writes_them(
            index in proptest::prelude::any::<usize>(),
            name in "[a-z_]{0,12}",
        ) {
            let path = JsonPath::root().field(&name).index(index);
            proptest::prop_assert_eq!(path.as_str(), format!("$.{name}[{index}]"));
        }
    }

    #[test]
    fn index_edges() {
        for n in [0, 9, 10, 99, 100, usize::MAX] {
            assert_eq!(JsonPath::root().index(n).as_str(), format!("$[{n}]"));
        }
    }

    #[test]
    fn string_values_are_hidden() {
        let m = hide_document_text(r#"invalid type: string "Maria", expected u32"#);
        assert_eq!(m, "invalid type: string (value hidden), expected u32");
        // An escaped quote inside the value does not end the hiding.
        let m = hide_document_text(
            r#"invalid type: string "Maria \" Lopez, expected x", expected a sequence"#,
        );
        assert_eq!(
            m,
            "invalid type: string (value hidden), expected a sequence"
        );
        let m = hide_document_text("invalid type: integer `5`, expected a string");
        assert_eq!(m, "invalid type: integer `5`, expected a string");
    }

    #[test]
    fn unknown_variants_and_fields_are_hidden_unless_schema_like() {
        let m = hide_document_text("unknown variant `Maria`, expected `a` or `b`");
        assert_eq!(m, "unknown variant (value hidden), expected `a` or `b`");
        let m = hide_document_text("unknown variant `abusive` husband`, expected `a`");
        assert_eq!(m, "unknown variant (value hidden), expected `a`");
        let m = hide_document_text("unknown field `clossness`, expected one of `closeness`");
        assert_eq!(
            m,
            "unknown field (name hidden; did you mean `closeness`?), expected one of `closeness`"
        );
        let m = hide_document_text("unknown field `Maria Lopez`, expected one of `closeness`");
        assert_eq!(
            m,
            "unknown field (name hidden), expected one of `closeness`"
        );
        let m = hide_document_text(
            "unknown field `maria_lopez`, expected one of `id`, `label`, `notes`",
        );
        assert_eq!(
            m,
            "unknown field (name hidden), expected one of `id`, `label`, `notes`"
        );
        let m = hide_document_text("unknown variant `spose`, expected `spouse` or `parent`");
        assert_eq!(
            m,
            "unknown variant (value hidden; did you mean `spouse`?), expected `spouse` or `parent`"
        );
    }

    #[test]
    fn a_schema_like_unknown_key_is_hidden_too() {
        let json = r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "unknown",
                       "people": [{"id": "p", "label": "x", "relationship": "friend", "maria_lopez": 1}]}"#;
        let err = from_json::<crate::inventory::Inventory>(json).unwrap_err();
        assert!(!err.to_string().contains("maria"), "{err}");
        assert!(!format!("{err:?}").contains("maria"), "{err:?}");
        let json = r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "unknown",
                       "people": [{"id": "p", "labl": "x", "relationship": "friend"}]}"#;
        let err = from_json::<crate::inventory::Inventory>(json).unwrap_err();
        assert!(err.message.contains("did you mean `label`?"), "{err}");
        assert!(!err.to_string().contains("labl"), "{err}");
    }

    #[test]
    fn unknown_keys_are_hidden_in_paths() {
        let json = r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "unknown",
                       "people": [{"Maria Lopez": 1}]}"#;
        let err = from_json::<crate::inventory::Inventory>(json).unwrap_err();
        assert!(!err.to_string().contains("Maria"), "{err}");
        assert!(err.path.as_str().starts_with("$.people[0]"), "{err}");
    }

    #[test]
    fn problems_display_counts() {
        let mut p = Problems::default();
        p.at(JsonPath::root().field("x"), "a date");
        assert_eq!(p.to_string(), "1 problem: $.x: expected a date");
    }
}
