//! The colours, patterns and marks the pictures share. Colours are from the
//! Okabe–Ito palette, which readers with the common colour-vision
//! deficiencies tell apart; every colour also has a shape, a line style, a
//! pattern or words beside it, so a picture reads in grey or in print.

use super::svg::{Svg, a};

/// The start every picture shares: the document ([`Svg::new`], with `id`,
/// its size, `title` and `desc`), a paper background, the hatch pattern
/// `hatch` (its id and colour) if the picture uses one, and the title in bold
/// at the top left.
pub(crate) fn page(
    id: &'static str,
    (width, height): (f64, f64),
    title: &str,
    desc: &str,
    hatch_pattern: Option<(&str, &str)>,
) -> Svg {
    let mut svg = Svg::new(id, width, height, title, desc);
    svg.empty(
        "rect",
        &[a("width", width), a("height", height), a("fill", PAPER)],
    );
    if let Some((pattern, colour)) = hatch_pattern {
        svg.open("defs", &[]);
        hatch(&mut svg, pattern, colour);
        svg.close();
    }
    svg.text(
        20.0,
        26.0,
        &[a("font-size", 16.0), a("font-weight", "bold")],
        title,
    );
    svg
}

/// The background.
pub(crate) const PAPER: &str = "#ffffff";
/// Text and marks.
pub(crate) const INK: &str = "#1a1a1a";
/// Secondary text.
pub(crate) const MUTED: &str = "#4d4d4d";
/// Grid lines and ring outlines.
pub(crate) const GRID: &str = "#b3b3b3";
/// A line that says "nothing recorded".
pub(crate) const GRID_DARK: &str = "#808080";
/// Conflict (Okabe–Ito vermillion).
pub(crate) const CONFLICT: &str = "#d55e00";
/// A change around the onset (Okabe–Ito blue).
pub(crate) const CHANGE: &str = "#0072b2";
/// Evidence (Okabe–Ito orange).
pub(crate) const EVIDENCE: &str = "#e69f00";
/// A deceased person's fill.
pub(crate) const DECEASED_FILL: &str = "#d9d9d9";
/// The rings, inner to outer: darker towards the patient.
pub(crate) const RING_FILLS: [&str; 3] = ["#e3eef7", "#eef5fa", "#f8fbfd"];
/// Safety: red, and always written out in words.
pub(crate) const SAFETY: &str = "#b2182b";
/// A hit, a score point (Okabe–Ito bluish green).
pub(crate) const HIT: &str = "#009e73";
/// Severity bands, lowest to highest: light to dark grey-blue, so that the
/// order reads in grey too.
pub(crate) const BANDS: [&str; 5] = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6"];

/// A red banner with `text`, for a safety flag, drawn first so that it is
/// read first (DESIGN.md decision 8).
pub(crate) fn safety_banner(svg: &mut Svg, x: f64, y: f64, width: f64, text: &str) {
    svg.open("g", &[a("role", "alert")]);
    svg.empty(
        "rect",
        &[
            a("x", x),
            a("y", y),
            a("width", width),
            a("height", 24.0),
            a("rx", 4.0),
            a("fill", "#fde0dd"),
            a("stroke", SAFETY),
            a("stroke-width", 2.0),
        ],
    );
    svg.text(
        x + 10.0,
        y + 16.5,
        &[
            a("font-size", 12.0),
            a("font-weight", "bold"),
            a("fill", SAFETY),
        ],
        text,
    );
    svg.close();
}

/// The hatch pattern with id `id`: diagonal lines, to shade an area in a
/// way that also shows in grey.
pub(crate) fn hatch(svg: &mut Svg, id: &str, colour: &str) {
    svg.open(
        "pattern",
        &[
            a("id", id),
            a("patternUnits", "userSpaceOnUse"),
            a("width", 8.0),
            a("height", 8.0),
            a("patternTransform", "rotate(45)"),
        ],
    );
    svg.empty(
        "line",
        &[
            a("x1", 0.0),
            a("y1", 0.0),
            a("x2", 0.0),
            a("y2", 8.0),
            a("stroke", colour),
            a("stroke-width", 2.0),
        ],
    );
    svg.close();
}
