//! How often sessions are held.

use crate::macros::vocabulary_enum;
use chrono::{Days, Months, NaiveDate};

vocabulary_enum! {
    /// How often sessions are held.
    ///
    /// The acute course of standard IPT is weekly (CLINICAL-BASIS.md §1.1
    /// [S: `markowitz-2016-ptsd` appendix "a 12–16-session weekly treatment"]; §5 contract
    /// "frequency (weekly)" [K: `weissman-2000-comprehensive-guide`]); maintenance IPT is usually
    /// monthly (§1.1, §7.6 [S: `markowitz-weissman-2012-casebook` ch. 17 "monthly maintenance IPT
    /// phase"; K: `frank-1990-three-year-outcomes`]). An acute standard-IPT
    /// [`TreatmentContract`](crate::TreatmentContract) is therefore never
    /// monthly: its validation refuses that cadence. Fortnightly is offered for
    /// a contract the clinician and patient agree on; the reference makes no
    /// claim about it \[I\]. Twice-weekly sessions at the start of an acute
    /// course are not modelled: a schedule has one cadence.
    ///
    /// ```
    /// use interpersonal::course::Cadence;
    /// assert_eq!(Cadence::default(), Cadence::Weekly);
    /// assert_eq!(Cadence::Fortnightly.to_string(), "fortnightly");
    /// assert_eq!("monthly".parse::<Cadence>().unwrap(), Cadence::Monthly);
    /// ```
    #[derive(Default)]
    #[non_exhaustive]
    pub enum Cadence {
        /// Every 7 days.
        #[default]
        Weekly,
        /// Every 14 days.
        Fortnightly,
        /// The same day of every month; see [`Cadence::slot`] for months that are
        /// too short.
        Monthly,
    }
}

impl Cadence {
    /// The date of slot `n` of a series that starts on `start` (slot 0 is
    /// `start` itself), or `None` past the last date chrono can represent.
    ///
    /// Weekly adds `7 × n` days and fortnightly `14 × n` days. Monthly keeps the
    /// start's day of the month, `n` months later; when that month is too short,
    /// the session falls on its last day. Every slot is counted from `start`,
    /// not from the slot before, so one short month does not drag later sessions
    /// earlier: a series starting on 31 January falls on 28 (or 29) February,
    /// 31 March, 30 April, 31 May.
    ///
    /// ```
    /// use interpersonal::course::Cadence;
    /// use chrono::NaiveDate;
    ///
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(Cadence::Weekly.slot(d(2026, 1, 5), 2), Some(d(2026, 1, 19)));
    /// assert_eq!(Cadence::Fortnightly.slot(d(2026, 1, 5), 1), Some(d(2026, 1, 19)));
    /// assert_eq!(Cadence::Monthly.slot(d(2026, 1, 31), 1), Some(d(2026, 2, 28)));
    /// assert_eq!(Cadence::Monthly.slot(d(2028, 1, 31), 1), Some(d(2028, 2, 29)));
    /// assert_eq!(Cadence::Monthly.slot(d(2026, 1, 31), 2), Some(d(2026, 3, 31)));
    /// assert_eq!(Cadence::Weekly.slot(NaiveDate::MAX, 1), None);
    /// ```
    pub fn slot(self, start: NaiveDate, n: u32) -> Option<NaiveDate> {
        match self {
            Cadence::Weekly => start.checked_add_days(Days::new(7 * u64::from(n))),
            Cadence::Fortnightly => start.checked_add_days(Days::new(14 * u64::from(n))),
            Cadence::Monthly => start.checked_add_months(Months::new(n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn monthly_clamps_without_drifting() {
        let start = d(2026, 1, 31);
        let got: Vec<_> = (0..6)
            .map(|n| Cadence::Monthly.slot(start, n).unwrap())
            .collect();
        assert_eq!(
            got,
            [
                d(2026, 1, 31),
                d(2026, 2, 28),
                d(2026, 3, 31),
                d(2026, 4, 30),
                d(2026, 5, 31),
                d(2026, 6, 30)
            ]
        );
    }

    #[test]
    fn huge_counts_do_not_panic() {
        for c in [Cadence::Weekly, Cadence::Fortnightly, Cadence::Monthly] {
            assert_eq!(c.slot(d(2026, 1, 1), u32::MAX), None);
            assert_eq!(c.slot(NaiveDate::MIN, 0), Some(NaiveDate::MIN));
        }
    }
}
