//! The unscored last question of the PHQ-9 and the GAD-7: how difficult the
//! problems have made life.

use crate::macros::vocabulary_enum;

/// The LOINC code of the difficulty question on the PHQ-9 and the GAD-7, "How
/// difficult have these problems made it for you to do your work, take care of
/// things at home, or get along with other people?" (loinc.org lists it among
/// the questions of answer list `LL359-1`, <https://loinc.org/LL359-1>).
///
/// ```
/// assert_eq!(interpersonal::measure::DIFFICULTY_LOINC, "69722-7");
/// ```
pub const DIFFICULTY_LOINC: &str = "69722-7";

vocabulary_enum! {
    /// The answer to the PHQ-9's tenth question, and the GAD-7's last one:
    /// how difficult the problems checked have made it to work, take care of
    /// things at home or get along with other people. It is not part of the
    /// total: LOINC's description of the PHQ-9 panel (`44249-1`) reads it as
    /// the impairment a diagnosis also requires, not as a symptom \[S\].
    ///
    /// Its LOINC answers are answer list `LL359-1` ("Perceived difficulty
    /// (PHQ-9)", confirmed on loinc.org), used by the questions `44256-6` and
    /// `69722-7`. The crate writes and reads the question as
    /// [`DIFFICULTY_LOINC`] (`69722-7`, the wording on the PHQ-9 and GAD-7
    /// forms), the code FHIR questionnaires of the PHQ-9 panel `44249-1` give
    /// their tenth item.
    ///
    /// In answers it is the optional `difficulty` field
    /// ([`ItemAnswers::with_difficulty`](crate::measure::ItemAnswers::with_difficulty)),
    /// kept by the score ([`InstrumentScore::difficulty`](crate::measure::InstrumentScore::difficulty))
    /// and never added to the total.
    ///
    /// ```
    /// use interpersonal::measure::Difficulty;
    /// assert_eq!(Difficulty::VeryDifficult.loinc_answer_code(), "LA6575-0");
    /// assert_eq!(Difficulty::from_loinc_answer_code("LA6574-3"), Some(Difficulty::ExtremelyDifficult));
    /// assert_eq!("somewhat_difficult".parse::<Difficulty>().unwrap(), Difficulty::SomewhatDifficult);
    /// ```
    pub enum Difficulty {
        /// Not difficult at all: `LA6572-7`.
        NotDifficultAtAll,
        /// Somewhat difficult: `LA6573-5`.
        SomewhatDifficult,
        /// Very difficult: `LA6575-0`.
        VeryDifficult,
        /// Extremely difficult: `LA6574-3`.
        ExtremelyDifficult,
    }
}

impl Difficulty {
    /// The LOINC answer code (answer list `LL359-1`).
    ///
    /// ```
    /// use interpersonal::measure::Difficulty;
    /// assert_eq!(Difficulty::NotDifficultAtAll.loinc_answer_code(), "LA6572-7");
    /// ```
    pub const fn loinc_answer_code(self) -> &'static str {
        match self {
            Difficulty::NotDifficultAtAll => "LA6572-7",
            Difficulty::SomewhatDifficult => "LA6573-5",
            Difficulty::VeryDifficult => "LA6575-0",
            Difficulty::ExtremelyDifficult => "LA6574-3",
        }
    }

    /// The answer a LOINC answer code stands for, `None` for any other code.
    ///
    /// ```
    /// use interpersonal::measure::Difficulty;
    /// assert_eq!(Difficulty::from_loinc_answer_code("LA6573-5"), Some(Difficulty::SomewhatDifficult));
    /// assert_eq!(Difficulty::from_loinc_answer_code("LA6568-5"), None);
    /// ```
    pub fn from_loinc_answer_code(code: &str) -> Option<Self> {
        Difficulty::ALL
            .into_iter()
            .find(|d| d.loinc_answer_code() == code)
    }
}
