//! Pictures as SVG (feature `svg`): the closeness circle of an inventory, the
//! symptom chart of a course, and the rhythm chart of an IPSRT week.
//!
//! IPT is taught and practised with pictures: the interpersonal inventory is
//! drawn as concentric circles around the patient, and progress is read from
//! a chart of scores across the phases. Each picture here is a type that
//! borrows the crate's data and writes SVG text with `to_svg()`:
//!
//! * [`ClosenessCircle`]: an [`Inventory`](crate::Inventory), and optionally
//!   the [`Assessment`](crate::Assessment) whose evidence it highlights;
//! * [`SymptomChart`]: a [`Course`](crate::Course)'s PHQ-9, GAD-7 or HAM-D-17
//!   totals by date over the severity bands, the phases shaded, the response
//!   and remission thresholds and the safety flags marked;
//! * [`RhythmChart`]: an [`SrmWeek`](crate::ipsrt::SrmWeek)'s activity times
//!   against their habitual times, hits and misses as the crate scores them.
//!
//! Every picture:
//!
//! * is **deterministic**: the same input gives the same bytes, numbers
//!   written to one decimal (DESIGN.md decision 1);
//! * **reads without colour**: every colour has a shape, a line style, a
//!   pattern or words beside it, and the colours are from the Okabe–Ito
//!   palette;
//! * has a `<title>` and a `<desc>` that say in sentences what it shows, and
//!   `role="img"` with `aria-labelledby`, for screen readers;
//! * shows **safety first**: a reported suicidal thought, an unasked safety
//!   screen or a course's safety flag is marked and written out, never left
//!   out (DESIGN.md decision 8);
//! * holds **no patient text** unless asked for ([`ClosenessCircle::with_labels`]),
//!   and escapes every text it writes, so no label can change the picture's
//!   structure.
//!
//! The SVG is written by the crate itself: the feature adds no dependency.
//! Ids inside a picture start with its kind (`closeness-`, `symptoms-`,
//! `rhythm-`); give each picture its own document, or an `<img>`, when a
//! page shows two of one kind.
//!
//! ```
//! use interpersonal::{from_json, picture::ClosenessCircle, Inventory};
//!
//! let inventory: Inventory = from_json(include_str!("../../examples/data/quickstart.json"))?;
//! let svg = ClosenessCircle::new(&inventory).to_svg();
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert!(svg.contains("<title id=\"closeness-title\">"));
//! # Ok::<(), interpersonal::Error>(())
//! ```

mod closeness;
mod ink;
mod rhythm;
mod svg;
mod symptoms;

pub use closeness::ClosenessCircle;
pub use rhythm::RhythmChart;
pub use symptoms::SymptomChart;
