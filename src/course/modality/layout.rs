//! A modality's phase layout: blocks of sessions, each in one phase.

use serde::{Deserialize, Serialize};

use super::{ExtraMeeting, Participant, SchedulePhase, SessionFormat};

/// How many sessions a [`PhaseBlock`] holds.
///
/// JSON: `{"fixed": 3}`, `"rest"` or `"judged"`.
///
/// ```
/// use interpersonal::course::BlockLength;
/// let b: BlockLength = serde_json::from_str(r#"{"fixed": 3}"#).unwrap();
/// assert_eq!(b, BlockLength::Fixed(3));
/// assert_eq!(serde_json::to_string(&BlockLength::Rest).unwrap(), r#""rest""#);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockLength {
    /// Exactly this many sessions.
    Fixed(u8),
    /// The counted sessions the other blocks leave; at most one block of a
    /// layout.
    Rest,
    /// As many sessions as the patient's progress needs, judged by the
    /// clinician (IPSRT's phases, MIT's stages): a schedule marks these
    /// sessions [`SchedulePhase::StageJudged`]. A layout's counted blocks are
    /// all judged or none.
    Judged,
}

/// One block of a modality's phase layout: consecutive sessions in one phase,
/// held in one format.
///
/// A block with an `extra` meeting is not counted in the contract's sessions
/// (brief IPT's engagement session, group IPT's individual meetings); the
/// others are.
///
/// ```
/// use interpersonal::course::{BlockLength, PhaseBlock, SchedulePhase};
/// let b: PhaseBlock = serde_json::from_str(
///     r#"{"phase": "pre_group", "sessions": {"fixed": 1}, "extra": "pre_group"}"#,
/// ).unwrap();
/// assert_eq!(b.phase, SchedulePhase::PreGroup);
/// assert!(!b.is_counted());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PhaseBlock {
    /// The phase of every session in the block.
    pub phase: SchedulePhase,
    /// How many sessions the block holds.
    pub sessions: BlockLength,
    /// How the block's sessions are held; individual when absent.
    #[serde(default)]
    pub format: SessionFormat,
    /// The meeting, when the block is one the contract does not count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<ExtraMeeting>,
    /// Who takes part, when not everyone the modality names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Participant>,
}

impl PhaseBlock {
    /// A counted block of individual sessions.
    ///
    /// ```
    /// use interpersonal::course::{BlockLength, PhaseBlock, SchedulePhase, SessionFormat};
    /// let b = PhaseBlock::new(SchedulePhase::Middle, BlockLength::Rest);
    /// assert_eq!(b.format, SessionFormat::Individual);
    /// assert!(b.is_counted());
    /// ```
    pub fn new(phase: SchedulePhase, sessions: BlockLength) -> Self {
        PhaseBlock {
            phase,
            sessions,
            format: SessionFormat::Individual,
            extra: None,
            participants: Vec::new(),
        }
    }

    /// The block held in `format`.
    ///
    /// ```
    /// use interpersonal::course::{BlockLength, PhaseBlock, SchedulePhase, SessionFormat};
    /// let b = PhaseBlock::new(SchedulePhase::Middle, BlockLength::Rest).held(SessionFormat::Group);
    /// assert_eq!(b.format, SessionFormat::Group);
    /// ```
    pub fn held(mut self, format: SessionFormat) -> Self {
        self.format = format;
        self
    }

    /// The block as an extra meeting, not counted in the contract's sessions.
    ///
    /// ```
    /// use interpersonal::course::{BlockLength, ExtraMeeting, PhaseBlock, SchedulePhase};
    /// let b = PhaseBlock::new(SchedulePhase::Engagement, BlockLength::Fixed(1))
    ///     .extra(ExtraMeeting::Engagement);
    /// assert!(!b.is_counted());
    /// ```
    pub fn extra(mut self, meeting: ExtraMeeting) -> Self {
        self.extra = Some(meeting);
        self
    }

    /// The block with these participants.
    ///
    /// ```
    /// use interpersonal::course::{BlockLength, Participant, PhaseBlock, SchedulePhase};
    /// let b = PhaseBlock::new(SchedulePhase::Initial, BlockLength::Fixed(1))
    ///     .with([Participant::Adolescent, Participant::ParentOrGuardian]);
    /// assert_eq!(b.participants.len(), 2);
    /// ```
    pub fn with(mut self, participants: impl IntoIterator<Item = Participant>) -> Self {
        self.participants = participants.into_iter().collect();
        self
    }

    /// Whether the contract counts the block's sessions.
    ///
    /// ```
    /// use interpersonal::course::{BlockLength, PhaseBlock, SchedulePhase};
    /// assert!(PhaseBlock::new(SchedulePhase::Initial, BlockLength::Fixed(3)).is_counted());
    /// ```
    pub fn is_counted(&self) -> bool {
        self.extra.is_none()
    }
}
