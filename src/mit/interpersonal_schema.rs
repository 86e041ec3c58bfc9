//! The maladaptive interpersonal schema.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::id::{EpisodeId, IdError, SchemaId};
use crate::macros::source;
use crate::sensitive::Sensitive;
use crate::source::Source;

use super::{MotivationalSystem, sources};

/// The wish or need a schema starts from, and the motivational system it
/// belongs to.
///
/// ```
/// use interpersonal::mit::{MotivationalSystem, Wish};
/// let wish = Wish::new(MotivationalSystem::ATTACHMENT, "to be comforted when I am low");
/// assert_eq!(wish.motive, MotivationalSystem::ATTACHMENT);
/// assert!(!format!("{wish:?}").contains("comforted"));
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Wish {
    /// The motivational system the wish belongs to.
    pub motive: MotivationalSystem,
    /// The wish in the patient's words.
    pub text: Sensitive<String>,
}

impl Wish {
    /// A wish of `motive`, in the patient's words.
    ///
    /// ```
    /// use interpersonal::mit::{MotivationalSystem, Wish};
    /// let wish = Wish::new(MotivationalSystem::SOCIAL_RANK, "to be appreciated at work");
    /// assert_eq!(wish.text.expose(), "to be appreciated at work");
    /// ```
    pub fn new(motive: MotivationalSystem, text: impl Into<String>) -> Self {
        Wish {
            motive,
            text: Sensitive::new(text.into()),
        }
    }
}

/// How the self responds to the other's (expected) response: the primary
/// response, and the secondary response to that one.
///
/// The primary response is the immediate emotional, bodily and behavioural
/// reaction (shame, sadness, withdrawal); the secondary response is how the
/// patient then reacts to it (anger at oneself for being weak, a resolve never
/// to ask again) [K: Dimaggio et al. 2015; 2020]. Either may not have been
/// reconstructed yet: `None` means not recorded, never "none".
///
/// ```
/// use interpersonal::mit::SelfResponse;
/// let r = SelfResponse::new("I freeze and go quiet").with_secondary("I despise myself for it");
/// assert!(r.secondary.is_some());
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SelfResponse {
    /// The primary response, in the patient's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<Sensitive<String>>,
    /// The secondary response, in the patient's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary: Option<Sensitive<String>>,
}

impl SelfResponse {
    /// A response with its primary part.
    ///
    /// ```
    /// use interpersonal::mit::SelfResponse;
    /// assert!(SelfResponse::new("I cry").primary.is_some());
    /// ```
    pub fn new(primary: impl Into<String>) -> Self {
        SelfResponse {
            primary: Some(Sensitive::new(primary.into())),
            secondary: None,
        }
    }

    /// With its secondary part.
    ///
    /// ```
    /// use interpersonal::mit::SelfResponse;
    /// let r = SelfResponse::new("I cry").with_secondary("then I get angry");
    /// assert_eq!(r.secondary.unwrap().expose(), "then I get angry");
    /// ```
    #[must_use]
    pub fn with_secondary(mut self, secondary: impl Into<String>) -> Self {
        self.secondary = Some(Sensitive::new(secondary.into()));
        self
    }
}

/// A maladaptive interpersonal schema, as MIT formulates it with the patient
/// (CLINICAL-BASIS.md §7.2 [K: Dimaggio et al. 2015; 2020]): a **wish** tied
/// to a motivational system; the **self-image** that comes with it; the
/// **response of the other** the patient expects or perceives; the **self's
/// response** to that, primary and secondary; and the **coping** the patient
/// uses to regulate the pain the pattern brings. A schema is reconstructed
/// from concrete autobiographical episodes, named by id.
///
/// Only the wish is required. The other parts are reconstructed step by
/// step in the shared formulation, and `None` means "not reconstructed
/// yet", never "absent"; the formulation text says so.
///
/// All text is the patient's: [`Sensitive`].
///
/// ```
/// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, SelfResponse, Wish};
///
/// let schema = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::ATTACHMENT, "to be looked after"))
///     .self_image("a burden")
///     .other_response("annoyed, turns away")
///     .self_response(SelfResponse::new("ashamed, I pull back").with_secondary("I tell myself I need nobody"))
///     .coping("I keep busy and ask for nothing")
///     .episode("party")
///     .episode("hospital")
///     .build()?;
/// assert_eq!(schema.episodes.len(), 2);
/// assert!(!format!("{schema:?}").contains("burden"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct InterpersonalSchema {
    /// The schema's id.
    pub id: SchemaId,
    /// The wish or need it starts from.
    pub wish: Wish,
    /// How the patient sees themself when the wish is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_image: Option<Sensitive<String>>,
    /// How the patient expects or perceives the other to respond.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_response: Option<Sensitive<String>>,
    /// How the self responds to that.
    #[serde(default, skip_serializing_if = "SelfResponse::is_empty")]
    pub self_response: SelfResponse,
    /// How the patient copes with the pain the pattern brings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coping: Option<Sensitive<String>>,
    /// The autobiographical episodes the schema was reconstructed from, by id,
    /// in the order they are presented.
    pub episodes: Vec<EpisodeId>,
}

impl SelfResponse {
    fn is_empty(&self) -> bool {
        self.primary.is_none() && self.secondary.is_none()
    }
}

impl InterpersonalSchema {
    /// A builder for a schema with an id and the wish it starts from.
    ///
    /// ```
    /// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, Wish};
    /// let s = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::EXPLORATION, "to choose my own studies"))
    ///     .episode("e1")
    ///     .build()?;
    /// assert!(s.self_image.is_none()); // not reconstructed yet
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn builder(id: &str, wish: Wish) -> InterpersonalSchemaBuilder {
        InterpersonalSchemaBuilder {
            id: SchemaId::new(id),
            wish,
            self_image: None,
            other_response: None,
            self_response: SelfResponse::default(),
            coping: None,
            episodes: Vec::new(),
            bad_episode: None,
        }
    }

    /// Where the schema's structure comes from.
    ///
    /// ```
    /// use interpersonal::mit::InterpersonalSchema;
    /// assert!(InterpersonalSchema::source().cites_work("dimaggio-2015-mit"));
    /// ```
    pub fn source() -> Source {
        const SCHEMA: Source = source![sources::MANUAL_SCHEMA, sources::MOTIVES];
        SCHEMA
    }
}

/// Builds an [`InterpersonalSchema`]; see [`InterpersonalSchema::builder`].
///
/// ```
/// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, Wish};
/// let err = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::CAREGIVING, "…"))
///     .episode("not an id")
///     .build()
///     .unwrap_err();
/// assert_eq!(err.kind(), interpersonal::error::ErrorKind::Id);
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct InterpersonalSchemaBuilder {
    id: Result<SchemaId, IdError>,
    wish: Wish,
    self_image: Option<Sensitive<String>>,
    other_response: Option<Sensitive<String>>,
    self_response: SelfResponse,
    coping: Option<Sensitive<String>>,
    episodes: Vec<EpisodeId>,
    bad_episode: Option<IdError>,
}

impl InterpersonalSchemaBuilder {
    /// The self-image, in the patient's words.
    ///
    /// ```
    /// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, Wish};
    /// let s = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::SOCIAL_RANK, "…"))
    ///     .self_image("inadequate").episode("e1").build()?;
    /// assert_eq!(s.self_image.unwrap().expose(), "inadequate");
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn self_image(mut self, text: impl Into<String>) -> Self {
        self.self_image = Some(Sensitive::new(text.into()));
        self
    }

    /// The expected or perceived response of the other, in the patient's
    /// words.
    ///
    /// ```
    /// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, Wish};
    /// let s = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::SOCIAL_RANK, "…"))
    ///     .other_response("critical").episode("e1").build()?;
    /// assert!(s.other_response.is_some());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn other_response(mut self, text: impl Into<String>) -> Self {
        self.other_response = Some(Sensitive::new(text.into()));
        self
    }

    /// The self's response, primary and secondary.
    ///
    /// ```
    /// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, SelfResponse, Wish};
    /// let s = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::SOCIAL_RANK, "…"))
    ///     .self_response(SelfResponse::new("I give up")).episode("e1").build()?;
    /// assert!(s.self_response.primary.is_some());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn self_response(mut self, response: SelfResponse) -> Self {
        self.self_response = response;
        self
    }

    /// The coping, in the patient's words.
    ///
    /// ```
    /// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, Wish};
    /// let s = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::SOCIAL_RANK, "…"))
    ///     .coping("I work late every night").episode("e1").build()?;
    /// assert!(s.coping.is_some());
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn coping(mut self, text: impl Into<String>) -> Self {
        self.coping = Some(Sensitive::new(text.into()));
        self
    }

    /// An episode the schema was reconstructed from, by id.
    ///
    /// ```
    /// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, Wish};
    /// let s = InterpersonalSchema::builder("s1", Wish::new(MotivationalSystem::SOCIAL_RANK, "…"))
    ///     .episode("e1").episode("e2").build()?;
    /// assert_eq!(s.episodes[1].as_str(), "e2");
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn episode(mut self, id: &str) -> Self {
        match EpisodeId::new(id) {
            Ok(id) => self.episodes.push(id),
            Err(e) => {
                self.bad_episode.get_or_insert(e);
            }
        }
        self
    }

    /// The schema.
    ///
    /// # Errors
    ///
    /// An [`Error`] of kind [`Id`](crate::error::ErrorKind::Id) when the
    /// schema's id or an episode's id is not well formed. Whether the episodes
    /// exist, and the text, are checked by
    /// [`MitCase::validate`](crate::mit::MitCase::validate).
    ///
    /// ```
    /// use interpersonal::mit::{InterpersonalSchema, MotivationalSystem, Wish};
    /// assert!(InterpersonalSchema::builder("bad id", Wish::new(MotivationalSystem::SEXUALITY, "…")).build().is_err());
    /// ```
    pub fn build(self) -> Result<InterpersonalSchema, Error> {
        let id = self.id?;
        if let Some(e) = self.bad_episode {
            return Err(e.into());
        }
        Ok(InterpersonalSchema {
            id,
            wish: self.wish,
            self_image: self.self_image,
            other_response: self.other_response,
            self_response: self.self_response,
            coping: self.coping,
            episodes: self.episodes,
        })
    }
}
