//! Errors of the FHIR import and export, each at a FHIR path.

use std::fmt;

/// One problem with a FHIR resource or with a value bound for one: where, as a
/// FHIR path such as `QuestionnaireResponse.item[3].answer[0].valueCoding`
/// (indexes from 0, as in FHIRPath), and what was expected there. It names
/// codes and numbers, never patient text.
///
/// ```
/// use interpersonal::fhir::FhirProblem;
/// let p = FhirProblem::new("QuestionnaireResponse.status", "`completed` or `amended`");
/// assert_eq!(p.to_string(), "QuestionnaireResponse.status: expected `completed` or `amended`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct FhirProblem {
    /// Where the problem is, as a FHIR path.
    pub path: String,
    /// What was expected there.
    pub expected: String,
}

impl FhirProblem {
    /// A problem at `path`.
    ///
    /// ```
    /// use interpersonal::fhir::FhirProblem;
    /// assert_eq!(FhirProblem::new("Goal.id", "a FHIR id").path, "Goal.id");
    /// ```
    pub fn new(path: impl Into<String>, expected: impl Into<String>) -> Self {
        FhirProblem {
            path: path.into(),
            expected: expected.into(),
        }
    }
}

impl fmt::Display for FhirProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: expected {}", self.path, self.expected)
    }
}

/// Every problem one FHIR import or export found, in document order; never
/// empty.
///
/// ```
/// use interpersonal::fhir::{FhirError, FhirProblem};
/// let err = FhirError::from(FhirProblem::new("Goal.id", "a FHIR id"));
/// assert_eq!(err.problems().len(), 1);
/// assert_eq!(err.to_string(), "1 problem: Goal.id: expected a FHIR id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FhirError(Vec<FhirProblem>);

impl FhirError {
    /// The problems, in document order.
    ///
    /// ```
    /// use interpersonal::fhir::{FhirError, FhirProblem};
    /// let err = FhirError::from(FhirProblem::new("a", "b"));
    /// assert_eq!(err.problems()[0].path, "a");
    /// ```
    pub fn problems(&self) -> &[FhirProblem] {
        &self.0
    }

    /// `Ok(value)` when `problems` is empty, else the error.
    pub(super) fn check<T>(problems: Vec<FhirProblem>, value: T) -> Result<T, FhirError> {
        if problems.is_empty() {
            Ok(value)
        } else {
            Err(FhirError(problems))
        }
    }
}

impl From<FhirProblem> for FhirError {
    fn from(problem: FhirProblem) -> Self {
        FhirError(vec![problem])
    }
}

impl fmt::Display for FhirError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::error::write_problem_list(f, &self.0)
    }
}

impl std::error::Error for FhirError {}
