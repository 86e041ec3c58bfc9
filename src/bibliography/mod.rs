//! The works the crate rests on, and citations into them.
//!
//! Every clinical fact, rule and threshold in the crate cites a work of this
//! bibliography: the IPT manuals and casebook, the papers of the trials and
//! reviews, and the papers that introduced the symptom measures. A
//! [`Reference`] holds one work with its identifiers (DOI, PMID, PMCID, ISBN,
//! WHO document number), each checked against the publisher's or the index's
//! own record; [`Citation`] points into one by key, with a locator and the
//! [`Basis`](crate::source::Basis) on which the claim rests.
//!
//! Links go only to primary records — `doi.org`, PubMed, PubMed Central, WHO
//! IRIS — never to a copy of a book or paper.
//!
//! ```
//! use interpersonal::source::Basis;
//! use interpersonal::bibliography::{self, Citation};
//!
//! // List the bibliography.
//! assert!(bibliography::all().len() >= 40);
//! for reference in bibliography::all() {
//!     assert!(!reference.title.is_empty());
//! }
//!
//! // Look a work up by key.
//! let guide = bibliography::get("weissman-2018-guide").unwrap();
//! assert_eq!(guide.publisher, Some("Oxford University Press"));
//!
//! // Cite it.
//! let citation = Citation::new("weissman-2018-guide", "ch. 8", Basis::Stated);
//! assert_eq!(citation.reference(), Some(guide));
//! ```
//!
//! Where the bibliography leaves an identifier out, it could not be confirmed
//! at the source; a `note` on the entry says so, and flags identifiers seen only
//! in a copy of an index's record.

mod citation;
pub(crate) mod cited;
mod entries;
mod reference;

pub use citation::Citation;
pub use reference::{Reference, ReferenceKind};

/// Every work of the bibliography, sorted by key.
///
/// ```
/// use interpersonal::bibliography;
///
/// let keys: Vec<&str> = bibliography::all().iter().map(|r| r.key).collect();
/// assert!(keys.windows(2).all(|w| w[0] < w[1]));
/// assert!(keys.contains(&"kroenke-2001-phq9"));
/// ```
pub fn all() -> &'static [Reference] {
    entries::ENTRIES
}

/// The work with key `key`, if the bibliography has it.
///
/// ```
/// use interpersonal::bibliography;
///
/// let gad7 = bibliography::get("spitzer-2006-gad7").unwrap();
/// assert_eq!(gad7.short_label(), "Spitzer et al. 2006");
/// assert!(bibliography::get("spitzer-2006").is_none());
/// ```
pub fn get(key: &str) -> Option<&'static Reference> {
    let entries = all();
    entries
        .binary_search_by(|r| r.key.cmp(key))
        .ok()
        .and_then(|i| entries.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_sorted_unique_and_well_formed() {
        let entries = all();
        for pair in entries.windows(2) {
            assert!(
                pair[0].key < pair[1].key,
                "keys out of order or repeated: {} then {}",
                pair[0].key,
                pair[1].key
            );
        }
        for r in entries {
            assert!(
                r.key
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                r.key
            );
            let year = r.year.to_string();
            assert!(
                r.key.contains(&year),
                "{} should carry its year {year}",
                r.key
            );
        }
    }

    #[test]
    fn every_entry_is_found_by_its_key() {
        for r in all() {
            assert_eq!(get(r.key).map(|found| found.key), Some(r.key));
        }
        assert!(get("").is_none());
        assert!(get("zzz").is_none());
    }

    #[test]
    fn entries_are_complete_for_their_kind() {
        for r in all() {
            assert!(!r.authors.is_empty(), "{}: authors", r.key);
            assert!(
                !r.title.is_empty() && !r.title.ends_with('.'),
                "{}: title",
                r.key
            );
            assert!((1900..=2030).contains(&r.year), "{}: year", r.key);
            match r.kind {
                ReferenceKind::Article => {
                    assert!(r.container.is_some(), "{}: journal", r.key);
                    // A missing volume is explained in the entry's note.
                    assert!(r.volume.is_some() || r.note.is_some(), "{}: volume", r.key);
                    assert!(r.publisher.is_none() && r.isbn.is_none(), "{}", r.key);
                }
                ReferenceKind::Book | ReferenceKind::EditedBook | ReferenceKind::Document => {
                    assert!(r.publisher.is_some(), "{}: publisher", r.key);
                    assert!(r.volume.is_none() && r.pmid.is_none(), "{}", r.key);
                }
                ReferenceKind::Chapter => {
                    let book = r.book().unwrap_or_else(|| panic!("{}: part_of", r.key));
                    assert_eq!(book.kind, ReferenceKind::EditedBook, "{}", r.key);
                    assert_eq!(book.year, r.year, "{}", r.key);
                    assert!(r.chapter.is_some(), "{}: chapter", r.key);
                }
            }
            if r.part_of.is_some() {
                assert_eq!(r.kind, ReferenceKind::Chapter, "{}", r.key);
            }
        }
    }

    #[test]
    fn identifiers_are_well_formed() {
        for r in all() {
            if let Some(doi) = r.doi {
                assert!(
                    doi.starts_with("10.") && doi.contains('/'),
                    "{}: {doi}",
                    r.key
                );
                assert!(!doi.contains(' ') && !doi.starts_with("https"), "{}", r.key);
            }
            if let Some(pmid) = r.pmid {
                assert!(
                    !pmid.is_empty() && pmid.bytes().all(|b| b.is_ascii_digit()),
                    "{}: {pmid}",
                    r.key
                );
            }
            if let Some(pmcid) = r.pmcid {
                let digits = pmcid.strip_prefix("PMC").unwrap_or("");
                assert!(
                    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
                    "{}: {pmcid}",
                    r.key
                );
            }
            if let Some(isbn) = r.isbn {
                assert!(
                    isbn_is_valid(isbn),
                    "{}: ISBN {isbn} fails its check digit",
                    r.key
                );
            }
            if let Some(handle) = r.who_iris {
                assert!(handle.starts_with("10665/"), "{}: {handle}", r.key);
            }
            for field in [r.pages, r.volume, r.issue].into_iter().flatten() {
                assert!(!field.contains('-'), "{}: use an en dash in {field}", r.key);
            }
        }
    }

    /// The ISBN-10 or ISBN-13 check digit.
    fn isbn_is_valid(isbn: &str) -> bool {
        let digits: Vec<u32> = isbn
            .chars()
            .map(|c| {
                if c == 'X' {
                    10
                } else {
                    c.to_digit(10).unwrap_or(99)
                }
            })
            .collect();
        if digits.iter().any(|d| *d > 10) {
            return false;
        }
        match digits.len() {
            10 => {
                let sum: u32 = digits.iter().zip((1..=10).rev()).map(|(d, w)| d * w).sum();
                sum % 11 == 0
            }
            13 => {
                let sum: u32 = digits
                    .iter()
                    .enumerate()
                    .map(|(i, d)| if i % 2 == 0 { *d } else { d * 3 })
                    .sum();
                sum % 10 == 0 && !digits.contains(&10)
            }
            _ => false,
        }
    }

    #[test]
    fn isbn_check_digits() {
        assert!(isbn_is_valid("9780190465599"));
        assert!(isbn_is_valid("0465095666"));
        assert!(!isbn_is_valid("9780190465598"));
        assert!(!isbn_is_valid("159385425"));
    }

    #[test]
    fn the_issue_lists_are_covered() {
        // The works issue 9 names: the seed article's list, the manuals and
        // casebook, the instrument papers, and what later issues need.
        for key in [
            "klerman-1984-ipt-depression",
            "weissman-2000-comprehensive-guide",
            "stuart-robertson-2003-clinicians-guide",
            "stuart-robertson-2012-clinicians-guide",
            "frank-1991-maintenance-ipt",
            "elkin-1989-tdcrp",
            "markowitz-weissman-2004-world-psychiatry",
            "murphy-1984-ct-pharmacotherapy",
            "cuijpers-smit-2004-subthreshold",
            "bockting-2009-preventive-ct",
            "lipsitz-markowitz-2013-mechanisms",
            "weissman-2018-guide",
            "markowitz-2016-ptsd",
            "markowitz-weissman-2012-casebook",
            "rajhans-2020-ipt-guideline",
            "who-2016-group-ipt",
            "va-2014-ipt-veterans",
            "kroenke-2001-phq9",
            "spitzer-2006-gad7",
            "hamilton-1960-hamd",
            "frank-2005-ipsrt",
            "frank-2005-ipsrt-trial",
            "monk-1990-srm",
            "monk-2002-srm5",
            "altman-1997-asrm",
            "mufson-2004-ipt-a",
            "dimaggio-2015-mit",
            "dimaggio-2020-mit",
            "prigerson-2021-pgd-dsm5tr",
            "apa-2022-dsm5tr",
            "who-2019-icd11",
        ] {
            assert!(get(key).is_some(), "{key} missing");
        }
    }
}
