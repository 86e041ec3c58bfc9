//! The subject of an exported resource, as a FHIR reference the caller supplies.

use std::fmt;

use super::error::{FhirError, FhirProblem};

/// A FHIR `Reference.reference` to the patient a resource is about, such as
/// `Patient/123` or `urn:uuid:…`: the only way a resource names its subject.
/// The crate never writes a name or any other patient text into a resource.
///
/// Accepted forms (FHIR R4, References,
/// <https://hl7.org/fhir/R4/references.html>): a relative reference
/// `Type/id` where `Type` is an ASCII resource type name starting with a
/// capital letter and `id` is 1 to 64 letters, digits, `-` or `.` (the
/// FHIR `id` datatype); or an absolute `urn:uuid:` reference. Absolute URLs
/// are not accepted: they can carry query text.
///
/// ```
/// use interpersonal::fhir::SubjectReference;
/// let subject = SubjectReference::new("Patient/abc-123")?;
/// assert_eq!(subject.as_str(), "Patient/abc-123");
/// assert!(SubjectReference::new("Jane Doe").is_err());
/// assert!(SubjectReference::new("urn:uuid:9b3b1f3e-2f5c-4e86-9a43-1c3d4e5f6a7b").is_ok());
/// # Ok::<(), interpersonal::fhir::FhirError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SubjectReference(String);

impl SubjectReference {
    /// Checks and keeps a reference.
    ///
    /// # Errors
    ///
    /// A [`FhirError`] at `Reference.reference` when the text is neither
    /// `Type/id` nor `urn:uuid:` followed by a lowercase UUID. The text itself
    /// is not repeated in the error.
    ///
    /// ```
    /// use interpersonal::fhir::SubjectReference;
    /// let err = SubjectReference::new("Patient/").unwrap_err();
    /// assert!(err.to_string().contains("Reference.reference"));
    /// ```
    pub fn new(reference: impl Into<String>) -> Result<Self, FhirError> {
        let reference = reference.into();
        if is_relative(&reference) || is_urn_uuid(&reference) {
            Ok(SubjectReference(reference))
        } else {
            Err(FhirError::from(FhirProblem::new(
                "Reference.reference",
                "`Type/id` (a FHIR resource type and an id of 1 to 64 letters, digits, '-' or \
                 '.') or `urn:uuid:` and a lowercase UUID",
            )))
        }
    }

    /// The reference as given.
    ///
    /// ```
    /// use interpersonal::fhir::SubjectReference;
    /// assert_eq!(SubjectReference::new("Group/g1")?.as_str(), "Group/g1");
    /// # Ok::<(), interpersonal::fhir::FhirError>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SubjectReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SubjectReference").field(&self.0).finish()
    }
}

impl fmt::Display for SubjectReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `id` is a FHIR `id`: 1 to 64 of `[A-Za-z0-9\-\.]`
/// (<https://hl7.org/fhir/R4/datatypes.html#id>).
pub(super) fn is_fhir_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

fn is_relative(reference: &str) -> bool {
    match reference.split_once('/') {
        Some((kind, id)) => {
            kind.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
                && kind.bytes().all(|b| b.is_ascii_alphabetic())
                && is_fhir_id(id)
        }
        None => false,
    }
}

fn is_urn_uuid(reference: &str) -> bool {
    let Some(uuid) = reference.strip_prefix("urn:uuid:") else {
        return false;
    };
    let groups: Vec<&str> = uuid.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| {
            g.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_relative_and_urn_uuid_only() {
        for ok in [
            "Patient/1",
            "Patient/a.b-c",
            "Group/x",
            "urn:uuid:00000000-0000-0000-0000-000000000000",
        ] {
            assert!(SubjectReference::new(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "Patient",
            "Patient/",
            "patient/1",
            "Patient/1/_history/2",
            "Patient/a_b",
            "https://example.org/Patient/1",
            "urn:uuid:XYZ",
            "Jane Doe",
        ] {
            assert!(SubjectReference::new(bad).is_err(), "{bad}");
        }
        let long = format!("Patient/{}", "a".repeat(65));
        assert!(SubjectReference::new(long).is_err());
    }

    #[test]
    fn error_does_not_repeat_the_text() {
        let err = SubjectReference::new("Jane Doe").unwrap_err();
        assert!(!err.to_string().contains("Jane"));
        assert!(!format!("{err:?}").contains("Jane"));
    }
}
