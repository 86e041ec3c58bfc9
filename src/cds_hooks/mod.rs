//! CDS Hooks cards (feature `cds-hooks`): an [`Assessment`](crate::Assessment)
//! as the list of cards a CDS Service returns, as the CDS Hooks 2.0
//! specification defines them (<https://cds-hooks.hl7.org/2.0/#card-attributes>).
//!
//! Each [`Card`] has a summary under 140 characters, a detail in GitHub
//! Flavored Markdown, an indicator (`info`, `warning` or `critical`), a source
//! with a label and, when the source has one, a URL, and a uuid the caller
//! supplies: the crate has no randomness. A safety advisory (a reported
//! suicidal thought) is always the first card and always `critical`.
//!
//! Cards hold rule text, problem-area names, counts and JSON paths. They hold
//! no patient text, and no person or event ids either: the assessment names
//! people by id, and a CDS client shows cards to whoever is at the screen.
//!
//! ```
//! use chrono::NaiveDate;
//! use interpersonal::{cds_hooks, date::EpisodeOnset, Engine, Inventory};
//!
//! let inv = Inventory::new(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), EpisodeOnset::Unknown);
//! let assessment = Engine::standard()?.evaluate(&inv);
//! let mut n = 0u32;
//! let cards = cds_hooks::cards(&assessment, || {
//!     n += 1;
//!     cds_hooks::CardUuid::new(format!("00000000-0000-4000-8000-{n:012}")).unwrap()
//! });
//! assert!(cards.iter().all(|c| c.summary.chars().count() < 140));
//! let json = serde_json::to_value(&cards[0]).unwrap();
//! assert_eq!(json["uuid"], "00000000-0000-4000-8000-000000000001");
//! # Ok::<(), interpersonal::Problems>(())
//! ```

mod card;
mod cards;

pub use card::{Card, CardSource, CardUuid, CardUuidError, SUMMARY_MAX_CHARS};
pub use cards::cards;
