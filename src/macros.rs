//! The crate's one internal macro.

/// Declares a closed vocabulary enum with what every such enum of the crate
/// carries: `Debug`, `Clone`, `Copy`, equality, hashing, ordering in
/// declaration order, serde in `snake_case`, and strum's `Display`,
/// `FromStr`, `EnumIter`, `IntoStaticStr` and `EnumCount` in `snake_case`.
/// Attributes (docs, `#[non_exhaustive]`) pass through.
macro_rules! vocabulary_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident,)+ }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize,
            strum::Display, strum::EnumString, strum::EnumIter, strum::IntoStaticStr,
            strum::EnumCount,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant,)+ }
    };
}
pub(crate) use vocabulary_enum;
