//! The canonical JSON of RFC 8785 (JSON Canonicalization Scheme), written
//! straight from a value's `Serialize` into one buffer, for
//! [`RuleSet::fingerprint`](crate::engine::RuleSet::fingerprint).
//!
//! The output is byte for byte that of `serde_jcs` (a test of this module
//! compares them): object keys sorted by their UTF-16 code units, no white
//! space, strings escaped as serde_json escapes them (`\"`, `\\`, `\b`,
//! `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`), every
//! number written as ECMAScript writes a double. It differs in cost only:
//! each object's members are written once into the buffer and reordered in
//! place at the object's end, instead of through a boxed writer per token.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{self, Serialize};

/// Why a value has no canonical form: a number that is not finite, or a map
/// key that is not text.
#[derive(Debug)]
pub(crate) struct CanonError(String);

impl fmt::Display for CanonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanonError {}

impl ser::Error for CanonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        CanonError(msg.to_string())
    }
}

/// The canonical JSON of `value`.
pub(crate) fn canonical_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, CanonError> {
    let mut canon = Canon {
        out: Vec::with_capacity(4096),
    };
    value.serialize(&mut canon)?;
    Ok(canon.out)
}

/// The buffer the canonical form is written into.
struct Canon {
    out: Vec<u8>,
}

impl Canon {
    fn string(&mut self, s: &str) {
        write_string(&mut self.out, s);
    }

    /// A number as ECMAScript's `Number.prototype.toString` writes it
    /// (RFC 8785, section 3.2.2.3), written by `serde_jcs` (its `ryu-js`):
    /// the shortest digits that read back to the same double, the even one
    /// of two equally near, in plain notation from 1e-6 up to 1e21 and in
    /// exponent notation (`1e+21`, `1.5e-7`) outside.
    fn number(&mut self, v: f64) -> Result<(), CanonError> {
        if !v.is_finite() {
            return Err(CanonError(String::from("a number that is not finite")));
        }
        serde_jcs::to_writer(&mut self.out, &v).map_err(|e| CanonError(e.to_string()))
    }
}

/// A string as serde_json writes it: quoted, with `"`, `\` and control
/// characters escaped, everything else as it is.
fn write_string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x00..=0x1f => &[],
            _ => continue,
        };
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            let hex = |n: u8| HEX.get(usize::from(n & 0xf)).copied().unwrap_or(b'0');
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)]);
        } else {
            out.extend_from_slice(escape);
        }
        start = i + 1;
    }
    out.extend_from_slice(bytes.get(start..).unwrap_or_default());
    out.push(b'"');
}

/// An object being written: its members' keys and where each member's value
/// lies in the buffer, from `start` on.
struct Object<'a> {
    canon: &'a mut Canon,
    /// Where the object's members begin in the buffer.
    start: usize,
    members: Vec<(Cow<'static, str>, usize, usize)>,
    /// The key of the next member of a map, once read.
    key: Option<String>,
    /// For a struct variant, the variant's name: the object is the value of
    /// a one-member object with that key.
    variant: Option<&'static str>,
}

impl<'a> Object<'a> {
    fn new(canon: &'a mut Canon, variant: Option<&'static str>, len: usize) -> Self {
        if let Some(name) = variant {
            canon.out.push(b'{');
            canon.string(name);
            canon.out.push(b':');
        }
        let start = canon.out.len();
        Object {
            canon,
            start,
            members: Vec::with_capacity(len),
            key: None,
            variant,
        }
    }

    fn member<T: Serialize + ?Sized>(
        &mut self,
        key: Cow<'static, str>,
        value: &T,
    ) -> Result<(), CanonError> {
        let from = self.canon.out.len();
        value.serialize(&mut *self.canon)?;
        let to = self.canon.out.len();
        self.members.push((key, from, to));
        Ok(())
    }

    /// Writes the members in the order of their keys' UTF-16 code units;
    /// of members with the same key, the last is kept.
    fn finish(mut self) -> Result<(), CanonError> {
        let values = self.canon.out.split_off(self.start);
        self.members
            .sort_by(|a, b| a.0.encode_utf16().cmp(b.0.encode_utf16()));
        let out = &mut self.canon.out;
        out.push(b'{');
        let mut first = true;
        let mut members = self.members.iter().peekable();
        while let Some((key, from, to)) = members.next() {
            if members.peek().is_some_and(|(next, _, _)| next == key) {
                continue;
            }
            if !first {
                out.push(b',');
            }
            first = false;
            write_string(out, key);
            out.push(b':');
            let range = from.saturating_sub(self.start)..to.saturating_sub(self.start);
            out.extend_from_slice(values.get(range).unwrap_or_default());
        }
        out.push(b'}');
        if self.variant.is_some() {
            out.push(b'}');
        }
        Ok(())
    }
}

/// An array being written.
struct Array<'a> {
    canon: &'a mut Canon,
    first: bool,
    /// For a tuple variant, close the one-member object around the array.
    variant: bool,
}

impl<'a> Array<'a> {
    fn new(canon: &'a mut Canon, variant: Option<&'static str>) -> Self {
        if let Some(name) = variant {
            canon.out.push(b'{');
            canon.string(name);
            canon.out.push(b':');
        }
        canon.out.push(b'[');
        Array {
            canon,
            first: true,
            variant: variant.is_some(),
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonError> {
        if !self.first {
            self.canon.out.push(b',');
        }
        self.first = false;
        value.serialize(&mut *self.canon)
    }

    fn finish(self) -> Result<(), CanonError> {
        self.canon.out.push(b']');
        if self.variant {
            self.canon.out.push(b'}');
        }
        Ok(())
    }
}

impl<'a> ser::Serializer for &'a mut Canon {
    type Ok = ();
    type Error = CanonError;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), CanonError> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), CanonError> {
        self.number(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), CanonError> {
        self.number(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), CanonError> {
        self.number(f64::from(v))
    }
    #[allow(clippy::cast_precision_loss)]
    fn serialize_i64(self, v: i64) -> Result<(), CanonError> {
        // As serde_jcs: every number is a double.
        self.number(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Result<(), CanonError> {
        self.number(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), CanonError> {
        self.number(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), CanonError> {
        self.number(f64::from(v))
    }
    #[allow(clippy::cast_precision_loss)]
    fn serialize_u64(self, v: u64) -> Result<(), CanonError> {
        self.number(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<(), CanonError> {
        self.number(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), CanonError> {
        self.number(v)
    }
    fn serialize_char(self, v: char) -> Result<(), CanonError> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), CanonError> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), CanonError> {
        let mut array = Array::new(self, None);
        for b in v {
            array.element(b)?;
        }
        array.finish()
    }
    fn serialize_none(self) -> Result<(), CanonError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), CanonError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), CanonError> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), CanonError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), CanonError> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), CanonError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), CanonError> {
        self.out.push(b'{');
        self.string(variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Array<'a>, CanonError> {
        Ok(Array::new(self, None))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Array<'a>, CanonError> {
        Ok(Array::new(self, None))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Array<'a>, CanonError> {
        Ok(Array::new(self, None))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Array<'a>, CanonError> {
        Ok(Array::new(self, Some(variant)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Object<'a>, CanonError> {
        Ok(Object::new(self, None, len.unwrap_or(0)))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Object<'a>, CanonError> {
        Ok(Object::new(self, None, len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Object<'a>, CanonError> {
        Ok(Object::new(self, Some(variant), len))
    }
}

impl ser::SerializeSeq for Array<'_> {
    type Ok = ();
    type Error = CanonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonError> {
        self.element(value)
    }
    fn end(self) -> Result<(), CanonError> {
        self.finish()
    }
}

impl ser::SerializeTuple for Array<'_> {
    type Ok = ();
    type Error = CanonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonError> {
        self.element(value)
    }
    fn end(self) -> Result<(), CanonError> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Array<'_> {
    type Ok = ();
    type Error = CanonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonError> {
        self.element(value)
    }
    fn end(self) -> Result<(), CanonError> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Array<'_> {
    type Ok = ();
    type Error = CanonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonError> {
        self.element(value)
    }
    fn end(self) -> Result<(), CanonError> {
        self.finish()
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = CanonError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), CanonError> {
        self.key = Some(key.serialize(MapKey)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), CanonError> {
        let key = self.key.take().unwrap_or_default();
        self.member(Cow::Owned(key), value)
    }
    fn end(self) -> Result<(), CanonError> {
        self.finish()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = CanonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CanonError> {
        self.member(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), CanonError> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = CanonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), CanonError> {
        self.member(Cow::Borrowed(key), value)
    }
    fn end(self) -> Result<(), CanonError> {
        self.finish()
    }
}

/// A map key: text, as JSON requires. The crate's maps are keyed by text;
/// any other key has no canonical form here.
struct MapKey;

impl ser::Serializer for MapKey {
    type Ok = String;
    type Error = CanonError;
    type SerializeSeq = ser::Impossible<String, CanonError>;
    type SerializeTuple = ser::Impossible<String, CanonError>;
    type SerializeTupleStruct = ser::Impossible<String, CanonError>;
    type SerializeTupleVariant = ser::Impossible<String, CanonError>;
    type SerializeMap = ser::Impossible<String, CanonError>;
    type SerializeStruct = ser::Impossible<String, CanonError>;
    type SerializeStructVariant = ser::Impossible<String, CanonError>;

    fn serialize_str(self, v: &str) -> Result<String, CanonError> {
        Ok(v.to_owned())
    }
    fn serialize_char(self, v: char) -> Result<String, CanonError> {
        Ok(v.to_string())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, CanonError> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String, CanonError> {
        value.serialize(self)
    }
    fn serialize_bool(self, _v: bool) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_i8(self, _v: i8) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_i16(self, _v: i16) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_i32(self, _v: i32) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_i64(self, _v: i64) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_u8(self, _v: u8) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_u16(self, _v: u16) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_u32(self, _v: u32) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_u64(self, _v: u64) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_f32(self, _v: f32) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_f64(self, _v: f64) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_none(self) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_unit(self) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String, CanonError> {
        Err(not_text())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, CanonError> {
        Err(not_text())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, CanonError> {
        Err(not_text())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, CanonError> {
        Err(not_text())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, CanonError> {
        Err(not_text())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, CanonError> {
        Err(not_text())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, CanonError> {
        Err(not_text())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, CanonError> {
        Err(not_text())
    }
}

fn not_text() -> CanonError {
    CanonError(String::from("a map key that is text"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(v: f64) -> String {
        String::from_utf8(canonical_json(&v).unwrap()).unwrap()
    }

    #[test]
    fn numbers_are_written_as_ecmascript_writes_them() {
        // Each as node's `String(v)` writes it.
        for (v, ecmascript) in [
            (0.0, "0"),
            (-0.0, "0"),
            (1.0, "1"),
            (-1.0, "-1"),
            (0.5, "0.5"),
            (0.6, "0.6"),
            (1.5, "1.5"),
            (1000.0, "1000"),
            (1e20, "100000000000000000000"),
            (1e21, "1e+21"),
            (1.5e21, "1.5e+21"),
            (123e-7, "0.0000123"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (1.25e-7, "1.25e-7"),
            (0.0000012, "0.0000012"),
            (123456789.125, "123456789.125"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN, "-1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (9007199254740993.0, "9007199254740992"),
            (1e300, "1e+300"),
            (-2.5e-8, "-2.5e-8"),
            (333333333333333.3, "333333333333333.3"),
            // Exactly halfway between -1392141542776069.2 and .3, both
            // shortest: ECMAScript takes the even one (Rust's `{:e}` writes
            // .3, which the fingerprint once did).
            (f64::from_bits(14056799403567051797), "-1392141542776069.2"),
            (
                f64::from_bits(14_042_454_410_510_120_004),
                "-147949124883874.12",
            ),
        ] {
            assert_eq!(ours(v), ecmascript, "{v:e}");
        }
    }

    proptest! {
        #[test]
        fn any_text_is_written_as_serde_jcs_writes_it(s in ".*", keys in proptest::collection::btree_map(".{0,6}", ".{0,6}", 0..6)) {
            prop_assert_eq!(canonical_json(&s).unwrap(), serde_jcs::to_vec(&s).unwrap());
            prop_assert_eq!(canonical_json(&keys).unwrap(), serde_jcs::to_vec(&keys).unwrap());
        }
    }

    #[test]
    fn control_characters_and_quotes_are_escaped_as_serde_json_does() {
        let s: String = (0u8..0x80).map(char::from).collect::<String>() + "é\u{2028}😀\"\\";
        assert_eq!(canonical_json(&s).unwrap(), serde_jcs::to_vec(&s).unwrap());
    }

    #[test]
    fn the_standard_rules_are_written_as_serde_jcs_writes_them() {
        let rules = crate::engine::RuleSet::standard();
        assert_eq!(
            canonical_json(&rules).unwrap(),
            serde_jcs::to_vec(&rules).unwrap()
        );
        let mut changed = rules.clone();
        changed.description = String::from("tab\there \"quoted\" \u{1} é 😀");
        changed.parameters.min_focus_score = 1e-7;
        changed.rules[0].weight = 123456789.125;
        changed
            .parameters
            .windows
            .insert(String::from("é_window"), crate::engine::Window::new(1, 2));
        changed
            .parameters
            .windows
            .insert(String::from("Z"), crate::engine::Window::new(1, 2));
        assert_eq!(
            canonical_json(&changed).unwrap(),
            serde_jcs::to_vec(&changed).unwrap()
        );
    }

    #[test]
    fn keys_sort_by_utf16_code_units() {
        // U+E000 sorts after U+1F600 in UTF-8 bytes order but before it in
        // UTF-16 (a surrogate pair starts with 0xD83D).
        let mut map = std::collections::BTreeMap::new();
        map.insert("\u{E000}", 1);
        map.insert("😀", 2);
        map.insert("a", 3);
        assert_eq!(
            canonical_json(&map).unwrap(),
            serde_jcs::to_vec(&map).unwrap()
        );
    }

    #[test]
    fn non_finite_numbers_have_no_canonical_form() {
        assert!(canonical_json(&f64::NAN).is_err());
        assert!(serde_jcs::to_vec(&f64::NAN).is_err());
    }
}
