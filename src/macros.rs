//! The crate's internal macros.

/// Declares a closed vocabulary enum with what every such enum of the crate
/// carries: `Debug`, `Clone`, `Copy`, equality, hashing, ordering in
/// declaration order, serde in `snake_case`, `Display`, `FromStr` and
/// `Into<&'static str>` in `snake_case` (derived with strum, whose types and
/// traits stay out of the public API), and the inherent `ALL`, `COUNT` and
/// `iter()`, so a caller lists the values without another dependency; with
/// the features of those names, `schemars::JsonSchema` and
/// `arbitrary::Arbitrary`.
/// Attributes (docs, `#[non_exhaustive]`) pass through.
macro_rules! vocabulary_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident,)+ }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
            strum::Display, strum::EnumString, strum::IntoStaticStr,
        )]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// The number of values.
            pub const COUNT: usize = Self::ALL.len();

            /// Every value, in declaration order.
            pub fn iter() -> std::array::IntoIter<$name, { [$(stringify!($variant)),+].len() }> {
                Self::ALL.into_iter()
            }
        }

        impl $crate::vocabulary::Vocabulary for $name {
            const ALL: &'static [$name] = &$name::ALL;
        }
    };
}
pub(crate) use vocabulary_enum;

/// The traits of a growing set of names: a public newtype with named
/// constants over a private enum (in the style of `http::Method`), which has
/// `ALL: [Self; N]` and `const fn as_str(self) -> &'static str`. Gives it
/// `Debug` (`Name(snake_case)`), `Display` and `Serialize` (the name),
/// `FromStr` (one of `ALL`, else `$unknown`, a unit error that names no input)
/// and, when `deserialize` is given, a `Deserialize` that reads the name
/// through `FromStr`. (`Modality` reads its own, naming the accepted names as
/// serde's unknown variant does.)
macro_rules! name_set {
    ($name:ident, $unknown:ident) => {
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = $unknown;

            fn from_str(s: &str) -> Result<Self, $unknown> {
                $name::ALL
                    .into_iter()
                    .find(|m| m.as_str() == s)
                    .ok_or($unknown)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
    ($name:ident, $unknown:ident, deserialize) => {
        $crate::macros::name_set!($name, $unknown);

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use name_set;

/// A [`Source`](crate::source::Source) citing the given citations, principal
/// first, usable in `const`s: `source![cited::GUIDE_DISPUTES, cited::MW]`.
/// The list cannot be empty.
macro_rules! source {
    ($first:expr $(, $rest:expr)* $(,)?) => {{
        const CITES: &[$crate::bibliography::Citation] = &[$first $(, $rest)*];
        $crate::source::Source::from_static(CITES)
    }};
}
pub(crate) use source;
