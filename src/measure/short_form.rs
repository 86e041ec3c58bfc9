//! The short screening forms health-record systems and apps send: PHQ-2,
//! PHQ-8, GAD-2 and PHQ-4, scored with their published cut-offs.

use crate::bibliography::Citation;
use crate::error::{JsonPath, Problem, Problems};
use crate::macros::vocabulary_enum;
use crate::source::Basis;

use super::FrequencyResponse;

/// PHQ-2 positive screen: a total of 3 or more ("a PHQ-2 score ≥3 had a
/// sensitivity of 83% and a specificity of 92% for major depression … the
/// optimal cutpoint for screening purposes", Kroenke 2003, abstract \[S\]).
///
/// ```
/// assert_eq!(interpersonal::measure::PHQ2_POSITIVE_AT, 3);
/// ```
pub const PHQ2_POSITIVE_AT: u8 = 3;

/// PHQ-8 current depression: a total of 10 or more (Kroenke 2009, *J Affect
/// Disord*, abstract: "a PHQ-8 score ≥ 10" \[S\]).
///
/// ```
/// assert_eq!(interpersonal::measure::PHQ8_POSITIVE_AT, 10);
/// ```
pub const PHQ8_POSITIVE_AT: u8 = 10;

/// GAD-2 positive screen: a total of 3 or more. Printed for the PHQ-4's
/// anxiety subscale, which is the GAD-2, by the NINDS Common Data Elements
/// record citing Kroenke 2009 *Psychosomatics* \[S\]; the GAD-2 paper itself
/// (Kroenke 2007) was read only in its abstract, which gives no cut-off \[K\].
///
/// ```
/// assert_eq!(interpersonal::measure::GAD2_POSITIVE_AT, 3);
/// ```
pub const GAD2_POSITIVE_AT: u8 = 3;

vocabulary_enum! {
    /// A short screening form built from PHQ-9 and GAD-7 items, each answered
    /// on the [`FrequencyResponse`] scale, 0 to 3:
    ///
    /// | form | items, in order | total | positive |
    /// | --- | --- | --- | --- |
    /// | PHQ-2 | PHQ-9 items 1–2 | 0–6 | ≥ 3 (Kroenke 2003) |
    /// | PHQ-8 | PHQ-9 items 1–8 (no item 9) | 0–24 | ≥ 10 (Kroenke 2009, *J Affect Disord*) |
    /// | GAD-2 | GAD-7 items 1–2 | 0–6 | ≥ 3 (Kroenke 2009, *Psychosomatics*, via NINDS CDE) |
    /// | PHQ-4 | GAD-2, then PHQ-2 | 0–12 | bands [`Phq4Band`]; each subscale ≥ 3 |
    ///
    /// The PHQ-8 leaves out the PHQ-9's item 9 on thoughts of death or
    /// self-harm, so it cannot raise a safety flag: where risk matters, give
    /// the PHQ-9.
    ///
    /// ```
    /// use interpersonal::measure::ShortForm;
    /// assert_eq!(ShortForm::Phq4.item_count(), 4);
    /// assert_eq!(ShortForm::Phq8.max_total(), 24);
    /// assert_eq!(ShortForm::Gad2.positive_at(), Some(3));
    /// assert_eq!(ShortForm::Phq2.to_string(), "phq2");
    /// ```
    #[non_exhaustive]
    pub enum ShortForm {
        /// PHQ-2: little interest or pleasure; feeling down.
        Phq2,
        /// PHQ-8: the PHQ-9 without item 9.
        Phq8,
        /// GAD-2: feeling nervous; not being able to stop worrying.
        Gad2,
        /// PHQ-4: the GAD-2 (items 1–2) and the PHQ-2 (items 3–4).
        Phq4,
    }
}

impl ShortForm {
    /// The number of items: 2, 8, 2, 4.
    ///
    /// ```
    /// assert_eq!(interpersonal::measure::ShortForm::Phq8.item_count(), 8);
    /// ```
    pub const fn item_count(self) -> usize {
        match self {
            ShortForm::Phq2 | ShortForm::Gad2 => 2,
            ShortForm::Phq8 => 8,
            ShortForm::Phq4 => 4,
        }
    }

    /// The highest total: 3 per item.
    ///
    /// ```
    /// assert_eq!(interpersonal::measure::ShortForm::Phq4.max_total(), 12);
    /// ```
    pub const fn max_total(self) -> u8 {
        // At most 8 items of 3: fits in a u8.
        (self.item_count() as u8) * 3
    }

    /// The total at or above which the screen is positive; `None` for the
    /// PHQ-4, read by band and by subscale instead.
    ///
    /// ```
    /// use interpersonal::measure::ShortForm;
    /// assert_eq!(ShortForm::Phq8.positive_at(), Some(10));
    /// assert_eq!(ShortForm::Phq4.positive_at(), None);
    /// ```
    pub const fn positive_at(self) -> Option<u8> {
        match self {
            ShortForm::Phq2 => Some(PHQ2_POSITIVE_AT),
            ShortForm::Phq8 => Some(PHQ8_POSITIVE_AT),
            ShortForm::Gad2 => Some(GAD2_POSITIVE_AT),
            ShortForm::Phq4 => None,
        }
    }

    /// The work the form's cut-off or bands come from.
    ///
    /// ```
    /// use interpersonal::measure::ShortForm;
    /// assert_eq!(ShortForm::Phq2.citation().reference().unwrap().year, 2003);
    /// ```
    pub const fn citation(self) -> Citation {
        match self {
            ShortForm::Phq2 => Citation::new("kroenke-2003-phq2", "abstract", Basis::Stated),
            ShortForm::Phq8 => Citation::new("kroenke-2009-phq8", "abstract", Basis::Stated),
            ShortForm::Gad2 => Citation::new("kroenke-2009-phq4", "via NINDS CDE", Basis::Stated),
            ShortForm::Phq4 => Citation::new("kroenke-2009-phq4", "via NINDS CDE", Basis::Stated),
        }
    }
}

vocabulary_enum! {
    /// PHQ-4 bands of psychological distress: 0–2 none (normal), 3–5 mild,
    /// 6–8 moderate, 9–12 severe (NINDS Common Data Elements record of the
    /// PHQ-4, citing Kroenke 2009 *Psychosomatics* \[S\]).
    ///
    /// ```
    /// use interpersonal::measure::Phq4Band;
    /// assert_eq!(Phq4Band::from_total(2), Some(Phq4Band::Normal));
    /// assert_eq!(Phq4Band::from_total(9), Some(Phq4Band::Severe));
    /// assert_eq!(Phq4Band::from_total(13), None);
    /// ```
    pub enum Phq4Band {
        /// 0–2: none.
        Normal,
        /// 3–5: mild.
        Mild,
        /// 6–8: moderate.
        Moderate,
        /// 9–12: severe.
        Severe,
    }
}

impl Phq4Band {
    /// The band of a PHQ-4 total, `None` above 12.
    ///
    /// ```
    /// use interpersonal::measure::Phq4Band;
    /// assert_eq!(Phq4Band::from_total(5), Some(Phq4Band::Mild));
    /// assert_eq!(Phq4Band::from_total(6), Some(Phq4Band::Moderate));
    /// ```
    pub const fn from_total(total: u8) -> Option<Self> {
        match total {
            0..=2 => Some(Phq4Band::Normal),
            3..=5 => Some(Phq4Band::Mild),
            6..=8 => Some(Phq4Band::Moderate),
            9..=12 => Some(Phq4Band::Severe),
            _ => None,
        }
    }
}

/// A scored short form: every item answered, each 0 to 3.
///
/// Answers come as scores or as LOINC answer codes
/// ([`FrequencyResponse::from_loinc_answer_code`]), in the form's order.
///
/// ```
/// use interpersonal::measure::{Phq4Band, ShortForm, ShortFormScore};
///
/// let phq2 = ShortFormScore::from_scores(ShortForm::Phq2, [1, 2])?;
/// assert_eq!(phq2.total(), 3);
/// assert!(phq2.is_positive());
///
/// let phq4 = ShortFormScore::from_loinc_answers(
///     ShortForm::Phq4,
///     ["LA6571-9", "LA6570-1", "LA6568-5", "LA6569-3"],
/// )?;
/// assert_eq!(phq4.total(), 6);
/// assert_eq!(phq4.phq4_band(), Some(Phq4Band::Moderate));
/// assert_eq!(phq4.phq4_subscales(), Some((5, 1))); // anxiety, depression
/// assert!(phq4.is_positive()); // the anxiety subscale is 3 or more
/// # Ok::<(), interpersonal::Problems>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShortFormScore {
    form: ShortForm,
    scores: Vec<u8>,
}

impl ShortFormScore {
    /// Scores answers given as numbers, in the form's order.
    ///
    /// # Errors
    ///
    /// Every problem at once: a score above 3 at `$.items[i]`; too few or
    /// too many answers at `$.items`.
    ///
    /// ```
    /// use interpersonal::measure::{ShortForm, ShortFormScore};
    /// let err = ShortFormScore::from_scores(ShortForm::Gad2, [4, 1, 1]).unwrap_err();
    /// let paths: Vec<&str> = err.iter().map(|p| p.path.as_str()).collect();
    /// assert_eq!(paths, ["$.items[0]", "$.items"]);
    /// ```
    pub fn from_scores(
        form: ShortForm,
        scores: impl IntoIterator<Item = u8>,
    ) -> Result<Self, Problems> {
        let scores: Vec<u8> = scores.into_iter().collect();
        let items = JsonPath::root().field("items");
        let mut problems = Problems::default();
        for (i, &score) in scores.iter().enumerate() {
            if score > 3 {
                problems.push(Problem::new(
                    items.index(i),
                    format!("a score from 0 to 3; found {score}"),
                ));
            }
        }
        if scores.len() != form.item_count() {
            problems.push(Problem::new(
                items,
                format!(
                    "{} answers for the {}; found {}",
                    form.item_count(),
                    form,
                    scores.len()
                ),
            ));
        }
        problems.into_result(ShortFormScore { form, scores })
    }

    /// Scores answers given as LOINC answer codes (`LA6568-5` … `LA6571-9`),
    /// in the form's order.
    ///
    /// # Errors
    ///
    /// As [`ShortFormScore::from_scores`], and an unknown code at
    /// `$.items[i]`.
    ///
    /// ```
    /// use interpersonal::measure::{ShortForm, ShortFormScore};
    /// let err = ShortFormScore::from_loinc_answers(ShortForm::Phq2, ["LA6568-5", "LA0000-0"]).unwrap_err();
    /// assert_eq!(err.as_slice()[0].path.as_str(), "$.items[1]");
    /// ```
    pub fn from_loinc_answers<'a>(
        form: ShortForm,
        codes: impl IntoIterator<Item = &'a str>,
    ) -> Result<Self, Problems> {
        let items = JsonPath::root().field("items");
        let mut problems = Problems::default();
        let scores: Vec<u8> = codes
            .into_iter()
            .enumerate()
            .map(
                |(i, code)| match FrequencyResponse::from_loinc_answer_code(code) {
                    Some(answer) => answer.score(),
                    None => {
                        problems.push(Problem::new(
                            items.index(i),
                            "a LOINC answer code: LA6568-5, LA6569-3, LA6570-1 or LA6571-9",
                        ));
                        0
                    }
                },
            )
            .collect();
        match Self::from_scores(form, scores) {
            Ok(score) => problems.into_result(score),
            Err(more) => {
                for p in more.iter() {
                    problems.push(p.clone());
                }
                Err(problems)
            }
        }
    }

    /// The form.
    ///
    /// ```
    /// use interpersonal::measure::{ShortForm, ShortFormScore};
    /// assert_eq!(ShortFormScore::from_scores(ShortForm::Gad2, [0, 0])?.form(), ShortForm::Gad2);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn form(&self) -> ShortForm {
        self.form
    }

    /// The item scores, in the form's order.
    ///
    /// ```
    /// use interpersonal::measure::{ShortForm, ShortFormScore};
    /// assert_eq!(ShortFormScore::from_scores(ShortForm::Phq2, [2, 1])?.scores(), [2, 1]);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn scores(&self) -> &[u8] {
        &self.scores
    }

    /// The total: the sum of the items.
    ///
    /// ```
    /// use interpersonal::measure::{ShortForm, ShortFormScore};
    /// assert_eq!(ShortFormScore::from_scores(ShortForm::Phq8, [3; 8])?.total(), 24);
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn total(&self) -> u8 {
        self.scores.iter().sum()
    }

    /// Whether the screen is positive: the total at or above the form's
    /// cut-off ([`ShortForm::positive_at`]); for the PHQ-4, either subscale
    /// at 3 or more. A screen, not a diagnosis.
    ///
    /// ```
    /// use interpersonal::measure::{ShortForm, ShortFormScore};
    /// assert!(!ShortFormScore::from_scores(ShortForm::Phq8, [1; 8])?.is_positive());
    /// assert!(ShortFormScore::from_scores(ShortForm::Phq8, [2, 2, 1, 1, 1, 1, 1, 1])?.is_positive());
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn is_positive(&self) -> bool {
        match (self.form.positive_at(), self.phq4_subscales()) {
            (Some(cut), _) => self.total() >= cut,
            (None, Some((anxiety, depression))) => {
                anxiety >= GAD2_POSITIVE_AT || depression >= PHQ2_POSITIVE_AT
            }
            (None, None) => false,
        }
    }

    /// The PHQ-4 band of the total; `None` for the other forms.
    ///
    /// ```
    /// use interpersonal::measure::{Phq4Band, ShortForm, ShortFormScore};
    /// let phq4 = ShortFormScore::from_scores(ShortForm::Phq4, [3, 3, 3, 3])?;
    /// assert_eq!(phq4.phq4_band(), Some(Phq4Band::Severe));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn phq4_band(&self) -> Option<Phq4Band> {
        (self.form == ShortForm::Phq4)
            .then(|| Phq4Band::from_total(self.total()))
            .flatten()
    }

    /// The PHQ-4's subscales, anxiety (items 1–2, the GAD-2) and depression
    /// (items 3–4, the PHQ-2); `None` for the other forms.
    ///
    /// ```
    /// use interpersonal::measure::{ShortForm, ShortFormScore};
    /// let phq4 = ShortFormScore::from_scores(ShortForm::Phq4, [0, 1, 2, 3])?;
    /// assert_eq!(phq4.phq4_subscales(), Some((1, 5)));
    /// # Ok::<(), interpersonal::Problems>(())
    /// ```
    pub fn phq4_subscales(&self) -> Option<(u8, u8)> {
        match (self.form, self.scores.as_slice()) {
            (ShortForm::Phq4, [a, b, c, d]) => Some((a + b, c + d)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked examples against the published cut-offs and bands.
    #[test]
    fn published_cut_offs_and_bands() {
        // PHQ-2 (Kroenke 2003): 2 negative, 3 positive.
        let s = |form, v: &[u8]| ShortFormScore::from_scores(form, v.iter().copied()).unwrap();
        assert!(!s(ShortForm::Phq2, &[1, 1]).is_positive());
        assert!(s(ShortForm::Phq2, &[0, 3]).is_positive());
        // PHQ-8 (Kroenke 2009): 9 negative, 10 positive.
        assert!(!s(ShortForm::Phq8, &[2, 1, 1, 1, 1, 1, 1, 1]).is_positive());
        assert!(s(ShortForm::Phq8, &[2, 2, 1, 1, 1, 1, 1, 1]).is_positive());
        // GAD-2: 2 negative, 3 positive.
        assert!(!s(ShortForm::Gad2, &[2, 0]).is_positive());
        assert!(s(ShortForm::Gad2, &[2, 1]).is_positive());
        // PHQ-4 bands at every boundary (NINDS CDE): 0-2, 3-5, 6-8, 9-12.
        for (v, band) in [
            ([0, 0, 1, 1], Phq4Band::Normal),
            ([1, 1, 1, 0], Phq4Band::Mild),
            ([2, 1, 1, 1], Phq4Band::Mild),
            ([2, 2, 1, 1], Phq4Band::Moderate),
            ([2, 2, 2, 2], Phq4Band::Moderate),
            ([3, 2, 2, 2], Phq4Band::Severe),
            ([3, 3, 3, 3], Phq4Band::Severe),
        ] {
            assert_eq!(s(ShortForm::Phq4, &v).phq4_band(), Some(band), "{v:?}");
        }
        // Mild in total but the depression subscale is positive.
        assert!(s(ShortForm::Phq4, &[0, 0, 2, 1]).is_positive());
        assert!(!s(ShortForm::Phq4, &[1, 1, 1, 1]).is_positive());
        assert_eq!(s(ShortForm::Phq2, &[3, 3]).phq4_band(), None);
    }

    #[test]
    fn loinc_codes_and_numbers_score_the_same() {
        let codes = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
        let by_code = ShortFormScore::from_loinc_answers(ShortForm::Phq4, codes).unwrap();
        let by_number = ShortFormScore::from_scores(ShortForm::Phq4, [0, 1, 2, 3]).unwrap();
        assert_eq!(by_code, by_number);
        let err = ShortFormScore::from_loinc_answers(ShortForm::Phq2, ["x"]).unwrap_err();
        let paths: Vec<&str> = err.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["$.items[0]", "$.items"]);
    }
}
