//! The four-point answer scale shared by the PHQ-9 and the GAD-7.
use crate::macros::vocabulary_enum;

vocabulary_enum! {
    /// An answer on the PHQ-9 / GAD-7 scale: how often, over the last two weeks,
    /// the person has been bothered by the problem. Scored 0 to 3
    /// (CLINICAL-BASIS.md §8.1 [K:
    /// `kroenke-2001-phq9`]; the GAD-7 uses "the same 0–3 response scale", §8.2 \[S\]).
    ///
    /// ```
    /// use interpersonal::measure::FrequencyResponse;
    ///
    /// let answer = FrequencyResponse::from_score(2).unwrap();
    /// assert_eq!(answer, FrequencyResponse::MoreThanHalfTheDays);
    /// assert_eq!(answer.score(), 2);
    /// assert_eq!(answer.loinc_answer_code(), "LA6570-1");
    /// assert_eq!(FrequencyResponse::from_score(4), None);
    /// ```
    pub enum FrequencyResponse {
        /// 0: not at all. LOINC answer `LA6568-5` \[S\].
        NotAtAll,
        /// 1: several days. LOINC answer `LA6569-3` \[K\].
        SeveralDays,
        /// 2: more than half the days. LOINC answer `LA6570-1` \[K\].
        MoreThanHalfTheDays,
        /// 3: nearly every day. LOINC answer `LA6571-9` \[S\].
        NearlyEveryDay,
    }
}

impl FrequencyResponse {
    /// The answer a LOINC answer code stands for, as health-record systems send
    /// it: `LA6568-5` Not at all, `LA6569-3` Several days, `LA6570-1` More than
    /// half the days, `LA6571-9` Nearly every day (LOINC answer list
    /// `LL358-3`, which gives the scores 0 to 3 beside the codes; confirmed on
    /// loinc.org); `None` for any other code.
    ///
    /// ```
    /// use interpersonal::measure::FrequencyResponse;
    /// assert_eq!(FrequencyResponse::from_loinc_answer_code("LA6570-1"), Some(FrequencyResponse::MoreThanHalfTheDays));
    /// assert_eq!(FrequencyResponse::from_loinc_answer_code("LA6572-7"), None);
    /// ```
    pub fn from_loinc_answer_code(code: &str) -> Option<Self> {
        [
            FrequencyResponse::NotAtAll,
            FrequencyResponse::SeveralDays,
            FrequencyResponse::MoreThanHalfTheDays,
            FrequencyResponse::NearlyEveryDay,
        ]
        .into_iter()
        .find(|a| a.loinc_answer_code() == code)
    }

    /// The answer with this score, or `None` outside 0..=3.
    ///
    /// ```
    /// use interpersonal::measure::FrequencyResponse;
    /// assert_eq!(FrequencyResponse::from_score(0), Some(FrequencyResponse::NotAtAll));
    /// assert_eq!(FrequencyResponse::from_score(3), Some(FrequencyResponse::NearlyEveryDay));
    /// ```
    pub const fn from_score(score: u8) -> Option<Self> {
        match score {
            0 => Some(FrequencyResponse::NotAtAll),
            1 => Some(FrequencyResponse::SeveralDays),
            2 => Some(FrequencyResponse::MoreThanHalfTheDays),
            3 => Some(FrequencyResponse::NearlyEveryDay),
            _ => None,
        }
    }

    /// The answer's score, 0 to 3.
    ///
    /// ```
    /// assert_eq!(interpersonal::measure::FrequencyResponse::SeveralDays.score(), 1);
    /// ```
    pub const fn score(self) -> u8 {
        match self {
            FrequencyResponse::NotAtAll => 0,
            FrequencyResponse::SeveralDays => 1,
            FrequencyResponse::MoreThanHalfTheDays => 2,
            FrequencyResponse::NearlyEveryDay => 3,
        }
    }

    /// The LOINC answer code (CLINICAL-BASIS.md §8.1): `LA6568-5` "Not at all" and
    /// `LA6571-9` "Nearly every day" are \[S\]; the two middle codes, `LA6569-3`
    /// "Several days" and `LA6570-1` "More than half the days", are \[K\]: verify
    /// them against LOINC before relying on them in a FHIR exchange.
    ///
    /// ```
    /// use interpersonal::measure::FrequencyResponse;
    /// assert_eq!(FrequencyResponse::NotAtAll.loinc_answer_code(), "LA6568-5");
    /// assert_eq!(FrequencyResponse::NearlyEveryDay.loinc_answer_code(), "LA6571-9");
    /// ```
    pub const fn loinc_answer_code(self) -> &'static str {
        match self {
            FrequencyResponse::NotAtAll => "LA6568-5",
            FrequencyResponse::SeveralDays => "LA6569-3",
            FrequencyResponse::MoreThanHalfTheDays => "LA6570-1",
            FrequencyResponse::NearlyEveryDay => "LA6571-9",
        }
    }
}

impl From<FrequencyResponse> for u8 {
    fn from(answer: FrequencyResponse) -> u8 {
        answer.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn score_round_trips_and_codes_are_distinct() {
        let mut codes = Vec::new();
        for answer in FrequencyResponse::iter() {
            assert_eq!(FrequencyResponse::from_score(answer.score()), Some(answer));
            codes.push(answer.loinc_answer_code());
        }
        codes.dedup();
        assert_eq!(codes.len(), 4);
        assert_eq!(FrequencyResponse::from_score(u8::MAX), None);
    }
}
