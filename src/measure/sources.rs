//! Where the measures' items, scores and thresholds come from: citations of
//! the crate's [`bibliography`](crate::bibliography).

use crate::bibliography::cited;
use crate::macros::source;
use crate::source::Source;

/// The PHQ-9's items, their 0–3 scale, the total 0–27 and the severity bands
/// 5, 10, 15 and 20: Kroenke, Spitzer & Williams 2001, known (the paper was
/// not re-read at its source). Remission below 5 reads its lowest band
/// (0–4) as remission, a convention of measurement-based care.
///
/// ```
/// use interpersonal::{measure::PHQ9_SOURCE, source::Basis};
/// assert!(PHQ9_SOURCE.cites_work("kroenke-2001-phq9"));
/// assert_eq!(PHQ9_SOURCE.basis(), Basis::Known);
/// ```
pub const PHQ9_SOURCE: Source = source![cited::PHQ9];

/// The GAD-7's items, the total 0–21 and the bands 5, 10 and 15, with about
/// 89% sensitivity and 82% specificity at 10: Spitzer et al. 2006, known.
///
/// ```
/// use interpersonal::measure::GAD7_SOURCE;
/// assert_eq!(GAD7_SOURCE.to_string(), "Spitzer et al. 2006");
/// ```
pub const GAD7_SOURCE: Source = source![cited::GAD7];

/// The HAM-D-17's items and ranges, total 0–52: Hamilton 1960, known; the
/// default severity bands (17 and 24) are Zimmerman et al. 2013's, stated in
/// its abstract.
///
/// ```
/// use interpersonal::measure::HAMD17_SOURCE;
/// assert!(HAMD17_SOURCE.cites_work("zimmerman-2013-hamd-severity"));
/// ```
pub const HAMD17_SOURCE: Source = source![cited::HAMD, cited::HAMD_BANDS];

/// Response (a drop of at least 50%) and remission (HAM-D-17 at most 7): the
/// consensus definitions of Frank et al. 1991, known.
///
/// ```
/// use interpersonal::{measure::RESPONSE_REMISSION_SOURCE, source::Basis};
/// assert_eq!(RESPONSE_REMISSION_SOURCE.basis(), Basis::Known);
/// ```
pub const RESPONSE_REMISSION_SOURCE: Source = source![cited::RESPONSE_DEFINITION];

/// Caseness (PHQ-9 10, GAD-7 8), reliable improvement (6 and 4) and recovery
/// in NHS Talking Therapies (IAPT): Gyani et al. 2013, with reliable change
/// as Jacobson & Truax 1991 define it; both known.
///
/// ```
/// use interpersonal::measure::IAPT_SOURCE;
/// assert!(IAPT_SOURCE.cites_work("gyani-2013-iapt-recovery"));
/// ```
pub const IAPT_SOURCE: Source = source![cited::IAPT, cited::RELIABLE_CHANGE];

/// The ASRM's five items, the total 0–20 and the screening cut-off 6:
/// Altman et al. 1997, known.
///
/// ```
/// use interpersonal::measure::ASRM_SOURCE;
/// assert!(ASRM_SOURCE.cites_work("altman-1997-asrm"));
/// ```
pub const ASRM_SOURCE: Source = source![cited::ASRM];
