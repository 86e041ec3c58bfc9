//! The motivational system a wish belongs to.

/// The evolved motivational system (the "motive") that a wish or need of an
/// [`InterpersonalSchema`](crate::mit::InterpersonalSchema) belongs to.
///
/// MIT reads a maladaptive interpersonal schema as starting from a wish
/// driven by one of a few evolved, interpersonal motivational systems
/// (CLINICAL-BASIS.md §7.2 [K: Dimaggio et al. 2015; Dimaggio et al. 2020]):
/// attachment, social rank, autonomy and exploration, group inclusion,
/// caregiving, sexuality and peer cooperation.
///
/// **The list is not settled in the literature.** The MIT books draw on
/// Liotti's interpersonal motivational systems and on Gilbert's and
/// Lichtenberg's work on motives; presentations by MIT's authors also name
/// self-esteem and agency as motives, and the Italian literature on
/// interpersonal motivational systems lists attachment, caregiving, rank,
/// sexuality and peer cooperation, with group affiliation added later. The
/// seven constants below are the ones named across these sources; the crate
/// did not read the list verbatim in the 2015 manual, so it is (K), not (S).
/// That is why `MotivationalSystem` is a small value with named constants,
/// in the style of `http::Method`, rather than a public enum: a system can be
/// added without breaking a `match` in your code.
///
/// ```
/// use interpersonal::mit::MotivationalSystem;
///
/// let m: MotivationalSystem = "social_rank".parse()?;
/// assert_eq!(m, MotivationalSystem::SOCIAL_RANK);
/// assert_eq!(m.to_string(), "social_rank");
/// assert_eq!(m.plain_name(), "social rank (status, being valued or put down)");
/// assert!("status".parse::<MotivationalSystem>().is_err());
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MotivationalSystem(Kind);

/// The private set behind [`MotivationalSystem`]; adding a variant is not a
/// breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Attachment,
    SocialRank,
    Exploration,
    GroupInclusion,
    Caregiving,
    Sexuality,
    PeerCooperation,
}

impl MotivationalSystem {
    /// Attachment: seeking closeness, comfort and protection when in pain,
    /// danger or alone.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::ATTACHMENT.as_str(), "attachment");
    /// ```
    pub const ATTACHMENT: MotivationalSystem = MotivationalSystem(Kind::Attachment);

    /// Social rank: status, competition, being valued or put down.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::SOCIAL_RANK.as_str(), "social_rank");
    /// ```
    pub const SOCIAL_RANK: MotivationalSystem = MotivationalSystem(Kind::SocialRank);

    /// Autonomy and exploration: finding one's own way, curiosity, agency.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::EXPLORATION.as_str(), "exploration");
    /// ```
    pub const EXPLORATION: MotivationalSystem = MotivationalSystem(Kind::Exploration);

    /// Group inclusion: belonging to a group, being accepted by it.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::GROUP_INCLUSION.as_str(), "group_inclusion");
    /// ```
    pub const GROUP_INCLUSION: MotivationalSystem = MotivationalSystem(Kind::GroupInclusion);

    /// Caregiving: caring for and protecting another.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::CAREGIVING.as_str(), "caregiving");
    /// ```
    pub const CAREGIVING: MotivationalSystem = MotivationalSystem(Kind::Caregiving);

    /// Sexuality: sexual and romantic attraction and intimacy.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::SEXUALITY.as_str(), "sexuality");
    /// ```
    pub const SEXUALITY: MotivationalSystem = MotivationalSystem(Kind::Sexuality);

    /// Peer cooperation: working with equals towards a shared goal.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::PEER_COOPERATION.as_str(), "peer_cooperation");
    /// ```
    pub const PEER_COOPERATION: MotivationalSystem = MotivationalSystem(Kind::PeerCooperation);

    /// Every system this version knows, in a stable order.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::ALL.len(), 7);
    /// assert_eq!(MotivationalSystem::ALL[0], MotivationalSystem::ATTACHMENT);
    /// ```
    pub const ALL: [MotivationalSystem; 7] = [
        MotivationalSystem::ATTACHMENT,
        MotivationalSystem::SOCIAL_RANK,
        MotivationalSystem::EXPLORATION,
        MotivationalSystem::GROUP_INCLUSION,
        MotivationalSystem::CAREGIVING,
        MotivationalSystem::SEXUALITY,
        MotivationalSystem::PEER_COOPERATION,
    ];

    /// The system's snake_case name, as in JSON.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::GROUP_INCLUSION.as_str(), "group_inclusion");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self.0 {
            Kind::Attachment => "attachment",
            Kind::SocialRank => "social_rank",
            Kind::Exploration => "exploration",
            Kind::GroupInclusion => "group_inclusion",
            Kind::Caregiving => "caregiving",
            Kind::Sexuality => "sexuality",
            Kind::PeerCooperation => "peer_cooperation",
        }
    }

    /// The system in plain words, for a text addressed to the patient.
    ///
    /// ```
    /// use interpersonal::mit::MotivationalSystem;
    /// assert_eq!(MotivationalSystem::ATTACHMENT.plain_name(), "attachment (closeness and comfort)");
    /// ```
    pub const fn plain_name(self) -> &'static str {
        match self.0 {
            Kind::Attachment => "attachment (closeness and comfort)",
            Kind::SocialRank => "social rank (status, being valued or put down)",
            Kind::Exploration => "autonomy and exploration",
            Kind::GroupInclusion => "group inclusion (belonging)",
            Kind::Caregiving => "caregiving (looking after someone)",
            Kind::Sexuality => "sexuality and intimacy",
            Kind::PeerCooperation => "cooperation with peers",
        }
    }
}

crate::macros::name_set!(MotivationalSystem, UnknownMotivationalSystem, deserialize);

/// A name that is not a [`MotivationalSystem`] this version knows. The
/// message lists the known names, never the text that was given.
///
/// ```
/// use interpersonal::mit::{MotivationalSystem, UnknownMotivationalSystem};
/// let err = "rank".parse::<MotivationalSystem>().unwrap_err();
/// assert!(err.to_string().contains("social_rank"));
/// let _: interpersonal::Error = err.into();
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown motivational system: expected one of attachment, social_rank, exploration, \
     group_inclusion, caregiving, sexuality, peer_cooperation"
)]
#[non_exhaustive]
pub struct UnknownMotivationalSystem;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in MotivationalSystem::ALL {
            assert_eq!(m.as_str().parse::<MotivationalSystem>(), Ok(m));
            let json = serde_json::to_string(&m).unwrap();
            assert_eq!(
                serde_json::from_str::<MotivationalSystem>(&json).unwrap(),
                m
            );
        }
        assert!(serde_json::from_str::<MotivationalSystem>(r#""SECRET""#).is_err());
        let err = serde_json::from_str::<MotivationalSystem>(r#""SECRET""#).unwrap_err();
        assert!(!err.to_string().contains("SECRET"));
    }
}
