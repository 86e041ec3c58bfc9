//! A small SVG writer shared by the pictures: element and attribute names are
//! the crate's own constants; every attribute value and every text node is
//! escaped, so no text, a patient's label included, can change the structure
//! of a picture.

use std::fmt::Write as _;

/// A number as written in SVG: rounded to one decimal, with no trailing `.0`
/// and never `-0`; a value that is not finite is written as `0`. The same
/// number always gives the same text, on every platform.
pub(crate) fn num(value: f64) -> String {
    if !value.is_finite() {
        return String::from("0");
    }
    // Tenths as an integer: the float is rounded once, then only integers
    // are formatted. Values here are picture coordinates, far inside i64.
    let tenths = (value * 10.0).round() as i64;
    if tenths == 0 {
        return String::from("0");
    }
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    let (whole, frac) = (abs / 10, abs % 10);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

/// Text made safe for an XML text node or a quoted attribute value.
///
/// Markup characters become entities; a layout control (a control character,
/// a line separator, a bidi override: `crate::printable::is_layout_control`)
/// is written visibly as `\u{…}`, so it cannot reorder or break what the
/// reader sees; characters XML 1.0 does not allow (U+FFFE, U+FFFF) become
/// U+FFFD.
pub(crate) fn escape(text: &str) -> String {
    let visible = crate::printable::escape(text);
    let mut out = String::with_capacity(visible.len());
    for c in visible.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `text`, with `…` in place of the rest. Counted
/// in characters, so a cut never splits one.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// An attribute value: a number (written with [`num`]) or text (escaped).
#[derive(Debug, Clone)]
pub(crate) enum Value {
    /// A coordinate or length.
    Num(f64),
    /// Any text: escaped when written.
    Text(String),
}

impl From<f64> for Value {
    fn from(value: f64) -> Self {
        Value::Num(value)
    }
}

impl From<&str> for Value {
    fn from(value: &str) -> Self {
        Value::Text(value.to_owned())
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Value::Text(value)
    }
}

/// An attribute: a name the crate chose and its value.
pub(crate) type Attr = (&'static str, Value);

/// Shorthand for an attribute.
pub(crate) fn a(name: &'static str, value: impl Into<Value>) -> Attr {
    (name, value.into())
}

/// An SVG document being written. Elements are opened and closed in order;
/// `finish` closes what is still open.
#[derive(Debug)]
pub(crate) struct Svg {
    out: String,
    open: Vec<&'static str>,
    /// How deep in the document a part starts, for indentation.
    base: usize,
}

impl Svg {
    /// Starts a picture `width` × `height` with its title and description,
    /// which screen readers announce (`role="img"`, `aria-labelledby`), and
    /// `id` as the prefix of every id in it.
    pub(crate) fn new(id: &'static str, width: f64, height: f64, title: &str, desc: &str) -> Self {
        let mut svg = Svg {
            out: String::with_capacity(16 * 1024),
            open: Vec::new(),
            base: 0,
        };
        let title_id = format!("{id}-title");
        let desc_id = format!("{id}-desc");
        svg.open(
            "svg",
            &[
                a("xmlns", "http://www.w3.org/2000/svg"),
                a("width", width),
                a("height", height),
                a("viewBox", format!("0 0 {} {}", num(width), num(height))),
                a("role", "img"),
                a("aria-labelledby", format!("{title_id} {desc_id}")),
                a("font-family", "sans-serif"),
                a("font-size", 12.0),
            ],
        );
        svg.text_element("title", &[a("id", title_id)], title);
        svg.text_element("desc", &[a("id", desc_id)], desc);
        svg
    }

    /// A part of a picture, written apart and added with [`Svg::append`]
    /// inside the `<svg>` element.
    pub(crate) fn part() -> Self {
        Svg {
            out: String::new(),
            open: Vec::new(),
            base: 1,
        }
    }

    /// Adds a part written with [`Svg::part`], its open elements closed.
    pub(crate) fn append(&mut self, part: Svg) {
        self.out.push_str(&part.finish());
    }

    fn indent(&mut self) {
        for _ in 0..self.base + self.open.len() {
            self.out.push_str("  ");
        }
    }

    fn start_tag(&mut self, name: &'static str, attrs: &[Attr]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            let value = match value {
                Value::Num(n) => num(*n),
                Value::Text(t) => escape(t),
            };
            // Writing to a String cannot fail.
            let _ = write!(self.out, " {key}=\"{value}\"");
        }
    }

    /// Opens an element; close it with [`Svg::close`].
    pub(crate) fn open(&mut self, name: &'static str, attrs: &[Attr]) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.open.push(name);
    }

    /// Closes the element opened last.
    pub(crate) fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.indent();
            let _ = writeln!(self.out, "</{name}>");
        }
    }

    /// An element without content.
    pub(crate) fn empty(&mut self, name: &'static str, attrs: &[Attr]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// An element holding only `text`, escaped.
    pub(crate) fn text_element(&mut self, name: &'static str, attrs: &[Attr], text: &str) {
        self.start_tag(name, attrs);
        let _ = writeln!(self.out, ">{}</{name}>", escape(text));
    }

    /// A `<text>` at (`x`, `y`) with more attributes.
    pub(crate) fn text(&mut self, x: f64, y: f64, attrs: &[Attr], text: &str) {
        let mut all = vec![a("x", x), a("y", y)];
        all.extend_from_slice(attrs);
        self.text_element("text", &all, text);
    }

    /// A `<title>` for the element opened last: the tooltip and the name a
    /// screen reader gives it.
    pub(crate) fn title(&mut self, text: &str) {
        self.text_element("title", &[], text);
    }

    /// The picture's text, every open element closed.
    pub(crate) fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// The points of a polyline or polygon, each `x,y`.
pub(crate) fn points(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_one_way() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(12.35), "12.4");
        assert_eq!(num(-3.25), "-3.3");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(f64::INFINITY), "0");
    }

    #[test]
    fn markup_and_controls_are_escaped() {
        assert_eq!(escape("Tom"), "Tom");
        assert_eq!(
            escape("</text><script>alert(1)</script>"),
            "&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape("a\"b'c&d"), "a&quot;b&apos;c&amp;d");
        assert_eq!(escape("a\nb\u{0}\u{202E}"), "a\\u{a}b\\u{0}\\u{202e}");
        assert_eq!(escape("\u{FFFF}"), "\u{FFFD}");
    }

    #[test]
    fn shortening_counts_characters() {
        assert_eq!(shorten("Maria", 10), "Maria");
        assert_eq!(shorten("Maximiliana", 5), "Maxi…");
        assert_eq!(shorten("李李李李李李", 3), "李李…");
    }

    #[test]
    fn a_document_is_closed_and_labelled() {
        let mut svg = Svg::new("t", 10.0, 20.0, "A <title>", "desc");
        svg.open("g", &[a("class", "x\"y")]);
        svg.empty("rect", &[a("width", 1.5)]);
        let out = svg.finish();
        assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\""));
        assert!(out.contains("<title id=\"t-title\">A &lt;title&gt;</title>"));
        assert!(out.contains("<g class=\"x&quot;y\">"));
        assert!(out.contains("<rect width=\"1.5\"/>"));
        assert!(out.ends_with("  </g>\n</svg>\n"));
    }
}
