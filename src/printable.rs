//! Text that prints as itself: the checks and the escaping that keep patient
//! text from changing the structure of a report.
//!
//! A label is printed into a report or a formulation beside text the crate
//! wrote, such as the safety banner. A label holding a newline could add a
//! line that looks like the crate's; one holding a terminal escape could clear
//! the screen after the banner has printed; a bidi override could reorder what
//! the clinician reads. Validation refuses such characters in labels
//! ([`is_layout_control`]), and every text output shows them visibly
//! ([`escape`]), so a value built by hand that skipped validation cannot forge
//! a line either.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` can change the layout of printed text: a C0 or C1 control
/// character (newline, tab and escape among them), DEL, a line or paragraph
/// separator (U+2028, U+2029), or a bidirectional formatting character (the
/// embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, and the
/// marks U+061C, U+200E and U+200F).
pub(crate) fn is_layout_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Whether `c` shows nothing on its own: a zero-width space or joiner, a word
/// joiner or invisible operator, a byte-order mark, a soft hyphen, a
/// variation selector, a tag character, a Hangul filler, or a layout control.
pub(crate) fn is_invisible(c: char) -> bool {
    is_layout_control(c)
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'..='\u{2065}'
                | '\u{206A}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0000}'..='\u{E007F}'
                | '\u{E0100}'..='\u{E01EF}'
        )
}

/// Whether `text` shows nothing: empty, or only white space and invisible
/// characters ([`is_invisible`]).
pub(crate) fn is_blank(text: &str) -> bool {
    // A printable ASCII character other than the space shows: most labels
    // are decided at their first byte.
    if text.bytes().any(|b| b.is_ascii_graphic()) {
        return false;
    }
    text.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// The first layout control in `text` ([`is_layout_control`]), if any.
pub(crate) fn first_layout_control(text: &str) -> Option<char> {
    // Printable ASCII (space to `~`) holds none: most text is decided a
    // byte at a time, without decoding characters.
    if text.bytes().all(|b| matches!(b, b' '..=b'~')) {
        return None;
    }
    text.chars().find(|c| is_layout_control(*c))
}

/// How a refused character is named in an error: its code point, never the
/// text around it.
pub(crate) fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// `text` with every layout control ([`is_layout_control`]) written visibly as
/// `\u{…}`, so it stays on its line and cannot move the cursor, clear the
/// screen or reorder the text around it. Text without one is borrowed as it
/// is.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    if first_layout_control(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_layout_control(c) {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_visibly() {
        assert_eq!(escape("Maria"), "Maria");
        assert!(matches!(escape("Maria"), Cow::Borrowed(_)));
        assert_eq!(escape("a\nb"), "a\\u{a}b");
        assert_eq!(escape("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(escape("x\u{202E}y\u{2028}"), "x\\u{202e}y\\u{2028}");
        assert_eq!(escape("\u{85}\u{7f}\t"), "\\u{85}\\u{7f}\\u{9}");
        for c in [
            '\n', '\r', '\u{1b}', '\u{7f}', '\u{9b}', '\u{2029}', '\u{2066}',
        ] {
            assert!(!escape(&format!("a{c}b")).contains(c));
        }
    }

    #[test]
    fn blank_includes_invisible() {
        for blank in [
            "",
            " ",
            "\u{200B}",
            " \u{200B}\u{FEFF}\t",
            "\u{2060}\u{00AD}",
        ] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for shown in ["a", " \u{200B}a", "李", "😀"] {
            assert!(!is_blank(shown), "{shown:?}");
        }
    }

    #[test]
    fn code_points_are_named() {
        assert_eq!(code_point('\u{1b}'), "U+001B");
        assert_eq!(code_point('\u{202E}'), "U+202E");
    }

    proptest::proptest! {
        /// The ASCII fast paths agree with the definitions, character by
        /// character, on any text (the regex mixes ASCII, controls and
        /// invisible characters so that every path is taken).
        #[test]
        fn fast_paths_agree_with_the_definitions(
            text in "[ -~\\t\\n\\u{7f}\\u{85}\\u{200B}\\u{202E}\\u{FEFF}é李]{0,12}",
        ) {
            proptest::prop_assert_eq!(
                is_blank(&text),
                text.chars().all(|c| c.is_whitespace() || is_invisible(c))
            );
            proptest::prop_assert_eq!(
                first_layout_control(&text),
                text.chars().find(|c| is_layout_control(*c))
            );
        }
    }
}
