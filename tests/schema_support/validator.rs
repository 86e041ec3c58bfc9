//! A validator for the subset of JSON Schema 2020-12 that the crate's schemas
//! use. It refuses any keyword it does not check, so a schema cannot use one
//! that would be silently skipped.

#![allow(dead_code)]

use std::collections::BTreeSet;

use serde_json::Value;

use super::schema;

// ---------------------------------------------------------------------------
// A tiny regular-expression matcher, for the ECMA-262 patterns the schemas
// use: anchors, literals, escapes, classes with ranges, groups with
// alternation, and the quantifiers ? * + {n} {n,} {n,m}. Anything else panics.

pub mod regex {
    #[derive(Debug)]
    enum Node {
        Lit(char),
        Class {
            ranges: Vec<(char, char)>,
            negated: bool,
        },
        Start,
        End,
        Group(Vec<Vec<Node>>),
        Repeat {
            node: Box<Node>,
            min: usize,
            max: usize,
        },
    }

    /// Whether `pattern` matches somewhere in `text` (JSON Schema's `pattern`
    /// is not anchored by itself).
    pub fn is_match(pattern: &str, text: &str) -> bool {
        let p: Vec<char> = pattern.chars().collect();
        let mut i = 0;
        let alternatives = parse_alternatives(&p, &mut i);
        assert_eq!(i, p.len(), "pattern {pattern}: unbalanced ')'");
        let tree = [Node::Group(alternatives)];
        let s: Vec<char> = text.chars().collect();
        (0..=s.len()).any(|start| seq(&tree, &s, start, &|_| true))
    }

    fn parse_alternatives(p: &[char], i: &mut usize) -> Vec<Vec<Node>> {
        let mut alternatives = vec![parse_sequence(p, i)];
        while p.get(*i) == Some(&'|') {
            *i += 1;
            alternatives.push(parse_sequence(p, i));
        }
        alternatives
    }

    fn parse_sequence(p: &[char], i: &mut usize) -> Vec<Node> {
        let mut nodes = Vec::new();
        while let Some(&c) = p.get(*i) {
            let node = match c {
                '|' | ')' => break,
                '^' => Node::Start,
                '$' => Node::End,
                '(' => {
                    *i += 1;
                    let alternatives = parse_alternatives(p, i);
                    assert_eq!(p.get(*i), Some(&')'), "unclosed group");
                    Node::Group(alternatives)
                }
                '[' => parse_class(p, i),
                '\\' => {
                    *i += 1;
                    escaped(p[*i])
                }
                '.' => Node::Class {
                    ranges: vec![],
                    negated: true,
                },
                '?' | '*' | '+' | '{' => panic!("quantifier without an atom"),
                c => Node::Lit(c),
            };
            *i += 1;
            nodes.push(quantified(node, p, i));
        }
        nodes
    }

    fn escaped(c: char) -> Node {
        match c {
            'd' => Node::Class {
                ranges: vec![('0', '9')],
                negated: false,
            },
            c if c.is_ascii_punctuation() => Node::Lit(c),
            c => panic!("unsupported escape \\{c}"),
        }
    }

    fn parse_class(p: &[char], i: &mut usize) -> Node {
        *i += 1;
        let negated = p.get(*i) == Some(&'^');
        if negated {
            *i += 1;
        }
        let mut ranges = Vec::new();
        loop {
            let c = match p[*i] {
                ']' => break,
                '\\' => {
                    *i += 1;
                    assert!(p[*i].is_ascii_punctuation(), "unsupported class escape");
                    p[*i]
                }
                c => c,
            };
            if p.get(*i + 1) == Some(&'-') && p.get(*i + 2).is_some_and(|&n| n != ']') {
                ranges.push((c, p[*i + 2]));
                *i += 3;
            } else {
                ranges.push((c, c));
                *i += 1;
            }
        }
        Node::Class { ranges, negated }
    }

    fn quantified(node: Node, p: &[char], i: &mut usize) -> Node {
        let (min, max) = match p.get(*i) {
            Some('?') => (0, 1),
            Some('*') => (0, usize::MAX),
            Some('+') => (1, usize::MAX),
            Some('{') => {
                let close = (*i..p.len()).find(|&j| p[j] == '}').expect("unclosed {");
                let inside: String = p[*i + 1..close].iter().collect();
                *i = close;
                match inside.split_once(',') {
                    None => {
                        let n = inside.parse().unwrap();
                        (n, n)
                    }
                    Some((lo, "")) => (lo.parse().unwrap(), usize::MAX),
                    Some((lo, hi)) => (lo.parse().unwrap(), hi.parse().unwrap()),
                }
            }
            _ => return node,
        };
        *i += 1;
        Node::Repeat {
            node: Box::new(node),
            min,
            max,
        }
    }

    fn seq(nodes: &[Node], s: &[char], pos: usize, k: &dyn Fn(usize) -> bool) -> bool {
        match nodes.split_first() {
            None => k(pos),
            Some((first, rest)) => one(first, s, pos, &|p| seq(rest, s, p, k)),
        }
    }

    fn one(node: &Node, s: &[char], pos: usize, k: &dyn Fn(usize) -> bool) -> bool {
        match node {
            Node::Lit(c) => s.get(pos) == Some(c) && k(pos + 1),
            Node::Class { ranges, negated } => {
                s.get(pos).is_some_and(|c| {
                    ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(c)) != *negated
                }) && k(pos + 1)
            }
            Node::Start => pos == 0 && k(pos),
            Node::End => pos == s.len() && k(pos),
            Node::Group(alternatives) => alternatives.iter().any(|a| seq(a, s, pos, k)),
            Node::Repeat { node, min, max } => repeat(node, *min, *max, 0, s, pos, k),
        }
    }

    /// Greedy repetition with backtracking; an empty iteration ends it.
    fn repeat(
        node: &Node,
        min: usize,
        max: usize,
        count: usize,
        s: &[char],
        pos: usize,
        k: &dyn Fn(usize) -> bool,
    ) -> bool {
        (count < max
            && one(node, s, pos, &|p| {
                p != pos && repeat(node, min, max, count + 1, s, p, k)
            }))
            || (count >= min && k(pos))
    }
}

// ---------------------------------------------------------------------------
// The validator.

/// Keywords that only annotate.
pub const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "$defs",
    "format",
];

/// Keywords the validator checks.
pub const ASSERTIONS: &[&str] = &[
    "$ref",
    "type",
    "enum",
    "const",
    "properties",
    "required",
    "additionalProperties",
    "prefixItems",
    "items",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "minLength",
    "pattern",
    "oneOf",
    "anyOf",
];

pub const PATIENT_TEXT_REF: &str = "#/$defs/patient_text";

#[derive(Debug, Default)]
pub struct Outcome {
    /// Each problem, with the instance path (as the crate writes JSON paths).
    pub errors: Vec<String>,
    /// The instance paths validated against `#/$defs/patient_text`.
    pub patient_text: BTreeSet<String>,
}

impl Outcome {
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

pub struct Validator<'a> {
    root: &'a Value,
}

impl<'a> Validator<'a> {
    pub fn new(root: &'a Value) -> Self {
        Validator { root }
    }

    pub fn validate(&self, instance: &Value) -> Outcome {
        let mut out = Outcome::default();
        self.check(self.root, instance, "$", &mut out);
        out
    }

    fn resolve(&self, reference: &str) -> &'a Value {
        let name = reference
            .strip_prefix("#/$defs/")
            .unwrap_or_else(|| panic!("unsupported $ref {reference}"));
        self.root["$defs"]
            .get(name)
            .unwrap_or_else(|| panic!("$ref to a missing definition: {reference}"))
    }

    fn check(&self, schema: &Value, v: &Value, path: &str, out: &mut Outcome) {
        let schema = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => {
                out.errors.push(format!("{path}: nothing is allowed here"));
                return;
            }
            Value::Object(map) => map,
            other => panic!("a schema must be an object or a boolean, found {other}"),
        };
        let mut errors: Vec<String> = Vec::new();
        let mut texts: BTreeSet<String> = BTreeSet::new();
        macro_rules! fail {
            ($($t:tt)*) => { errors.push(format!("{path}: {}", format!($($t)*))) };
        }
        let mut sub: Vec<(&Value, &Value, String)> = Vec::new();
        for (keyword, arg) in schema {
            let keyword = keyword.as_str();
            match keyword {
                k if ANNOTATIONS.contains(&k) => {}
                "$ref" => {
                    let reference = arg.as_str().unwrap();
                    sub.push((self.resolve(reference), v, path.to_owned()));
                }
                "type" => {
                    let types: Vec<&str> = match arg {
                        Value::String(t) => vec![t.as_str()],
                        Value::Array(ts) => ts.iter().map(|t| t.as_str().unwrap()).collect(),
                        _ => panic!("bad type {arg}"),
                    };
                    if !types.iter().any(|t| has_type(v, t)) {
                        fail!("expected type {types:?}, found {v}");
                    }
                }
                "enum" => {
                    if !arg.as_array().unwrap().iter().any(|a| same(a, v)) {
                        fail!("{v} is not one of {arg}");
                    }
                }
                "const" => {
                    if !same(arg, v) {
                        fail!("expected {arg}, found {v}");
                    }
                }
                "properties" => {
                    if let Value::Object(object) = v {
                        for (name, property) in arg.as_object().unwrap() {
                            if let Some(value) = object.get(name) {
                                sub.push((property, value, format!("{path}.{name}")));
                            }
                        }
                    }
                }
                "required" => {
                    if let Value::Object(object) = v {
                        for name in arg.as_array().unwrap() {
                            let name = name.as_str().unwrap();
                            if !object.contains_key(name) {
                                fail!("missing required field `{name}`");
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    if let Value::Object(object) = v {
                        let known = schema.get("properties").and_then(Value::as_object);
                        for (name, value) in object {
                            if !known.is_some_and(|k| k.contains_key(name)) {
                                sub.push((arg, value, format!("{path}.{name}")));
                            }
                        }
                    }
                }
                "prefixItems" => {
                    if let Value::Array(items) = v {
                        for (i, (s, item)) in arg.as_array().unwrap().iter().zip(items).enumerate()
                        {
                            sub.push((s, item, format!("{path}[{i}]")));
                        }
                    }
                }
                "items" => {
                    if let Value::Array(items) = v {
                        let skip = schema
                            .get("prefixItems")
                            .and_then(Value::as_array)
                            .map_or(0, Vec::len);
                        for (i, item) in items.iter().enumerate().skip(skip) {
                            sub.push((arg, item, format!("{path}[{i}]")));
                        }
                    }
                }
                "minItems" | "maxItems" => {
                    if let Value::Array(items) = v {
                        let bound = arg.as_u64().unwrap() as usize;
                        let ok = if keyword == "minItems" {
                            items.len() >= bound
                        } else {
                            items.len() <= bound
                        };
                        if !ok {
                            fail!("{keyword} {bound}, found {} items", items.len());
                        }
                    }
                }
                "minimum" | "maximum" | "exclusiveMinimum" => {
                    if let Some(n) = v.as_f64() {
                        let bound = arg.as_f64().unwrap();
                        let ok = match keyword {
                            "minimum" => n >= bound,
                            "maximum" => n <= bound,
                            _ => n > bound,
                        };
                        if !ok {
                            fail!("{keyword} {bound}, found {n}");
                        }
                    }
                }
                "minLength" => {
                    if let Value::String(s) = v {
                        if (s.chars().count() as u64) < arg.as_u64().unwrap() {
                            fail!("minLength {arg}, found {s:?}");
                        }
                    }
                }
                "pattern" => {
                    if let Value::String(s) = v {
                        if !regex::is_match(arg.as_str().unwrap(), s) {
                            fail!("{s:?} does not match {arg}");
                        }
                    }
                }
                "oneOf" | "anyOf" => {
                    let passing: Vec<Outcome> = arg
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|branch| {
                            let mut o = Outcome::default();
                            self.check(branch, v, path, &mut o);
                            o
                        })
                        .filter(Outcome::is_valid)
                        .collect();
                    let ok = if keyword == "oneOf" {
                        passing.len() == 1
                    } else {
                        !passing.is_empty()
                    };
                    if ok {
                        for o in passing {
                            texts.extend(o.patient_text);
                        }
                    } else {
                        fail!("{keyword} matched {} branches", passing.len());
                    }
                }
                other => panic!("the validator does not know the keyword `{other}`"),
            }
        }
        if schema.get("$ref").and_then(Value::as_str) == Some(PATIENT_TEXT_REF) {
            texts.insert(path.to_owned());
        }
        out.errors.extend(errors);
        out.patient_text.extend(texts);
        for (s, value, p) in sub {
            self.check(s, value, &p, out);
        }
    }
}

/// JSON Schema equality: numbers compare by value (1 and 1.0 are equal).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .all(|(k, x)| ys.get(k).is_some_and(|y| same(x, y)))
        }
        _ => a == b,
    }
}

pub fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "string" => v.is_string(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "number" => v.is_number(),
        // JSON Schema counts 1.0 as an integer; serde does not (README says so).
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        other => panic!("unknown type {other}"),
    }
}

/// Validates `doc` against the named schema.
pub fn validate(schema_name: &str, doc: &Value) -> Outcome {
    let s = schema(schema_name);
    Validator::new(&s).validate(doc)
}

#[track_caller]
pub fn assert_valid(schema_name: &str, what: &str, doc: &Value) {
    let out = validate(schema_name, doc);
    assert!(
        out.is_valid(),
        "{what} is not valid against schema/{schema_name}.schema.json:\n{}",
        out.errors.join("\n")
    );
}
