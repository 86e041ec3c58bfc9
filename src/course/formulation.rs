//! The interpersonal formulation: the text that links the episode of
//! depression to the problem area, presented at the end of the initial phase.

use crate::collections::{HashSet, HashSetExt};
use crate::macros::source;
use crate::macros::vocabulary_enum;
use std::fmt;

use crate::{
    bibliography::{Citation, cited},
    catalogue::{DisputeStage, PhaseTask, ProblemArea},
    course::{Cadence, Course, SickRole},
    engine::{Assessment, Indicator, Subject},
    inventory::{EventKind, Inventory, InventoryIndex, LifeEvent, OnsetLink},
    measure::{HamdBand, HamdBanding, Measurement, SafetyFlagKind, SeverityBand},
    sensitive::Sensitive,
    source::{Basis, Source},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

// Sources: citations of the bibliography (`bibliography::cited`).
const POCKET_GUIDE_SCRIPT: Source = source![cited::POCKET_FORMULATION];
const FORMULATION_CONTENTS: Source = source![cited::CASEBOOK_16_FORMULATION];
const SICK_ROLE: Source = source![cited::MW_SICK_ROLE];
/// IPT-A's limited sick role: the adolescent keeps going to school and to
/// activities as far as possible (Mufson et al. 2004, as program registries
/// describe the manual; CLINICAL-BASIS.md §7.3).
const LIMITED_SICK_ROLE: Source = source![
    cited::MW_SICK_ROLE,
    Citation::new("mufson-2004-ipt-a", "limited sick role", Basis::Known)
];
const LINK_TO_AREA: Source = source![cited::POCKET, cited::WHO_GIPT];
const TWO_AREAS: Source = source![cited::CASEBOOK_17];
const AGREEMENT: Source = source![cited::POCKET_FORMULATION];
const SAFETY: Source = cited::SAFETY_FIRST;

vocabulary_enum! {
    /// A part of the [`Formulation`], in the order it is presented
    /// (CLINICAL-BASIS.md §5).
    ///
    /// ```
    /// use interpersonal::course::FormulationPart;
    /// assert_eq!(FormulationPart::SickRole.to_string(), "sick_role");
    /// ```
    #[non_exhaustive]
    pub enum FormulationPart {
        /// The course's safety flags and the assessment's critical advisories:
        /// present only when there are any, and then always first.
        Safety,
        /// Asking permission: "Can I tell you how I understand your situation?"
        Opening,
        /// The diagnosis, which the clinician names, and the severity from the
        /// latest PHQ-9 or HAM-D-17 score.
        Diagnosis,
        /// A treatable illness, not the patient's fault; the sick role.
        SickRole,
        /// The link between the episode and the problem area(s), in plain words,
        /// with the people and events of the inventory.
        ProblemArea,
        /// The time-limited treatment and its aim.
        TimeLimit,
        /// The explicit check that the patient agrees.
        AgreementCheck,
    }
}

/// One part of a [`Formulation`]: its text and where the part comes from.
/// The part type `P` is [`FormulationPart`] for the IPT formulation and
/// [`MitFormulationPart`](crate::mit::MitFormulationPart) for the MIT one
/// ([`MitFormulationSection`](crate::mit::MitFormulationSection)): both
/// formulations are written section by section in the same way.
///
/// The text joins labels from the inventory back in (a name, "your divorce
/// from Tom"), so it is patient text: [`Sensitive`], never in `Debug` output.
///
/// ```
/// use interpersonal::{course::FormulationPart, course::FormulationSection, source::Basis, source::Source};
/// use interpersonal::bibliography::Citation;
/// let script = Citation::new("markowitz-2016-ptsd", "appendix", Basis::Stated);
/// let s = FormulationSection::new(FormulationPart::Opening, "Can I tell you…", Source::from_cites([script]));
/// assert_eq!(s.text.expose(), "Can I tell you…");
/// assert!(!format!("{s:?}").contains("Can I"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FormulationSection<P = FormulationPart> {
    /// Which part it is.
    pub part: P,
    /// What to say.
    pub text: Sensitive<String>,
    /// Where the part comes from.
    pub source: Source,
}

impl<P> FormulationSection<P> {
    /// A section of `part` saying `text`.
    ///
    /// ```
    /// use interpersonal::{source::Basis, course::FormulationPart, course::FormulationSection, source::Source};
    /// use interpersonal::bibliography::Citation;
    /// let mw = Citation::new("markowitz-weissman-2004-world-psychiatry", "", Basis::Known);
    /// let s = FormulationSection::new(FormulationPart::SickRole, "…", Source::from_cites([mw]));
    /// assert_eq!(s.part, FormulationPart::SickRole);
    /// ```
    pub fn new(part: P, text: impl Into<String>, source: Source) -> Self {
        FormulationSection {
            part,
            text: Sensitive::new(text.into()),
            source,
        }
    }
}

/// The first section of `part` among `sections`.
pub(crate) fn find_section<P: PartialEq>(
    sections: &[FormulationSection<P>],
    part: P,
) -> Option<&FormulationSection<P>> {
    sections.iter().find(|s| s.part == part)
}

/// Writes a formulation: its title, then each section as one paragraph after
/// a blank line. This is where the patient text is read
/// ([`Sensitive::expose`]); a line break or a control character in it is
/// shown, not obeyed ([`crate::printable::escape`]), so patient text never
/// changes the layout.
pub(crate) fn write_sections<P>(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    sections: &[FormulationSection<P>],
) -> fmt::Result {
    writeln!(f, "{title}")?;
    for s in sections {
        writeln!(f)?;
        writeln!(f, "{}", crate::printable::escape(s.text.expose()))?;
    }
    Ok(())
}

/// The interpersonal formulation (CLINICAL-BASIS.md §5 [S:
/// `markowitz-2016-ptsd` appendix, formulation script; `markowitz-weissman-2012-casebook` ch. 16,
/// 17]): a draft, in plain words addressed to the patient, of what the clinician presents at the
/// end of the initial phase, after asking permission:
///
/// 1. the diagnosis and its severity;
/// 2. that depression is a treatable illness and not the patient's fault (the
///    sick role; for IPT-A the limited sick role, which keeps the adolescent
///    at school and in activities as far as possible, `mufson-2004-ipt-a`; no
///    sick role for a modality that does not use one, such as MIT);
/// 3. the link between the episode and the problem area, one or at most two,
///    in the WHO's plain names ([`ProblemArea::who_name`]: grief, disputes,
///    life changes, loneliness and social isolation) and with the patient's
///    own labels for the people and events involved;
/// 4. the time-limited treatment (sessions, cadence, end date from the
///    schedule) and its aim: resolve the interpersonal problem and so relieve
///    the depression;
/// 5. the question whether the patient agrees.
///
/// A safety flag on the course, or a critical advisory of the assessment,
/// comes first, before all of these (DESIGN.md decision 8).
///
/// **Naming the diagnosis is the clinician's task.** The crate cannot make a
/// diagnosis: the text says "[the clinician's diagnosis]" where the clinician
/// names it, and gives only the severity band of the latest PHQ-9 (or, without
/// one, HAM-D-17) score dated on or before the formulation (the day
/// [`PhaseTask::PresentFormulation`] was done, or the latest score when it is
/// not done yet).
///
/// The areas are the contract's agreed focus, in its order; the people and
/// events are the subjects of the assessment's evidence for each area, joined
/// back to their labels in the inventory. When the focus holds two areas, the
/// text names both and says that the two of you will decide together which to
/// work on first [S: `markowitz-weissman-2012-casebook` ch. 17].
///
/// The output is deterministic: the same course, assessment and inventory give
/// the same text, byte for byte. Its `Display` is the whole text; the
/// structured form is [`Formulation::sections`].
///
/// ```
/// use chrono::NaiveDate;
/// use interpersonal::{from_json, Course, Engine, course::FormulationPart, Formulation, Inventory, Phase, Phq9Score, course::SessionRecord, TreatmentContract};
///
/// let inventory: Inventory = from_json(r#"{
///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
///   "people": [{"id": "ex", "label": "Sam", "relationship": "ex_partner",
///               "conflict": {"level": "high", "visibility": "overt", "course": "stalled",
///                            "began": "before_onset"},
///               "change_around_onset": "worse", "expectations": {"met": "unmet"}}],
///   "events": [{"id": "divorce", "kind": "divorce", "date": "2025-12", "person": "ex",
///               "linked_to_onset": true}]
/// }"#)?;
/// let assessment = Engine::standard()?.evaluate(&inventory);
/// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let contract = TreatmentContract::builder(start, assessment.focus.clone()).build()?;
/// let mut course = Course::new(contract, Vec::new())?;
/// let phq9 = Phq9Score::from_scores([2, 2, 2, 2, 2, 2, 2, 1, 0])?;
/// course.record_session(SessionRecord::new(1, start, Phase::Assessment).with_measure(phq9.measurement(start)))?;
///
/// let formulation = Formulation::new(&course, &assessment, &inventory);
/// let text = formulation.to_string();
/// assert!(text.contains("[the clinician's diagnosis]"));
/// assert!(text.contains("moderately severe depression (PHQ-9 15"));
/// assert!(text.contains("Sam"));
/// assert!(formulation.section(FormulationPart::AgreementCheck).is_some());
/// // Patient text stays out of Debug output.
/// assert!(!format!("{formulation:?}").contains("Sam"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Formulation {
    /// The parts, in the order they are presented.
    pub sections: Vec<FormulationSection>,
}

impl Formulation {
    /// The formulation for `course`, whose focus the `assessment` of
    /// `inventory` supports. See [`Formulation`] for what it says.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, Engine, date::EpisodeOnset, Formulation, course::FormulationPart, Inventory, ProblemArea, TreatmentContract};
    ///
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let mut inventory = Inventory::new(start, EpisodeOnset::Unknown);
    /// // Asked about thoughts of self-harm, which the patient denied.
    /// inventory.safety.suicidal_thoughts = interpersonal::inventory::ScreenAnswer::Denied;
    /// let assessment = Engine::standard()?.evaluate(&inventory);
    /// let contract = TreatmentContract::builder(start, [ProblemArea::RoleTransition]).build()?;
    /// let course = Course::new(contract, Vec::new())?;
    /// let f = Formulation::new(&course, &assessment, &inventory);
    /// let parts: Vec<FormulationPart> = f.sections.iter().map(|s| s.part).collect();
    /// assert_eq!(parts[0], FormulationPart::Opening); // no safety flag
    ///
    /// // A screen that was never asked comes first, as missing.
    /// inventory.safety = Default::default();
    /// let unscreened = Engine::standard()?.evaluate(&inventory);
    /// let f = Formulation::new(&course, &unscreened, &inventory);
    /// assert_eq!(f.sections[0].part, FormulationPart::Safety);
    /// assert!(f.sections[0].text.expose().contains("safety screen is missing"));
    /// assert!(f.to_string().contains("life changes"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn new(course: &Course, assessment: &Assessment, inventory: &Inventory) -> Formulation {
        let mut sections = Vec::with_capacity(7);
        if let Some(safety) = safety_text(course, assessment) {
            sections.push(FormulationSection::new(
                FormulationPart::Safety,
                safety,
                SAFETY,
            ));
        }
        sections.push(FormulationSection::new(
            FormulationPart::Opening,
            "Can I tell you how I understand your situation?",
            POCKET_GUIDE_SCRIPT,
        ));
        sections.push(FormulationSection::new(
            FormulationPart::Diagnosis,
            diagnosis_text(course),
            FORMULATION_CONTENTS,
        ));
        if let Some((text, source)) = sick_role_text(course.contract().modality.spec().sick_role) {
            sections.push(FormulationSection::new(
                FormulationPart::SickRole,
                text,
                source,
            ));
        }
        let focus = &course.contract().focus;
        sections.push(FormulationSection::new(
            FormulationPart::ProblemArea,
            area_text(focus, assessment, inventory),
            if focus.len() > 1 {
                TWO_AREAS
            } else {
                LINK_TO_AREA
            },
        ));
        sections.push(FormulationSection::new(
            FormulationPart::TimeLimit,
            time_text(course),
            FORMULATION_CONTENTS,
        ));
        sections.push(FormulationSection::new(
            FormulationPart::AgreementCheck,
            agreement_text(course),
            AGREEMENT,
        ));
        Formulation { sections }
    }

    /// The section of `part`, if the formulation has one ([`FormulationPart::Safety`]
    /// only when there is a flag, or the safety screen was not asked).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use interpersonal::{Course, Engine, date::EpisodeOnset, Formulation, course::FormulationPart, Inventory, ProblemArea, TreatmentContract};
    ///
    /// let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let mut inventory = Inventory::new(start, EpisodeOnset::Unknown);
    /// inventory.safety.suicidal_thoughts = interpersonal::inventory::ScreenAnswer::Denied;
    /// let assessment = Engine::standard()?.evaluate(&inventory);
    /// let course = Course::new(TreatmentContract::builder(start, [ProblemArea::Grief]).build()?, Vec::new())?;
    /// let f = Formulation::new(&course, &assessment, &inventory);
    /// assert!(f.section(FormulationPart::Safety).is_none());
    /// assert!(f.section(FormulationPart::SickRole).unwrap().text.expose().contains("not your fault"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn section(&self, part: FormulationPart) -> Option<&FormulationSection> {
        find_section(&self.sections, part)
    }
}

impl fmt::Display for Formulation {
    /// The whole text, one paragraph per section, safety first. This is where
    /// the patient text is read ([`Sensitive::expose`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_sections(
            f,
            "Interpersonal formulation (a draft for the clinician to present; decision support, not a diagnosis)",
            &self.sections,
        )
    }
}

/// The sick role the course's modality gives ([`SickRole`]): IPT's, which
/// excuses some obligations while the patient works on recovery; IPT-A's
/// limited one, which keeps the adolescent at school and in activities as far
/// as possible; none for a model that does not use it.
fn sick_role_text(role: SickRole) -> Option<(&'static str, Source)> {
    match role {
        SickRole::Full => Some((
            "Depression is a common illness, and a treatable one, with a good chance of getting better. \
             It is not your fault. While you recover, it is fine to let some obligations go for a while; \
             your part is to work with me on getting better.",
            SICK_ROLE,
        )),
        SickRole::Limited => Some((
            "Depression is a common illness, and a treatable one, with a good chance of getting better. \
             It is not your fault. While you recover, keep going to school and to your activities as much \
             as you can, even if you cannot do as much as usual for a while; your part is to work with me \
             on getting better.",
            LIMITED_SICK_ROLE,
        )),
        SickRole::NotUsed => None,
    }
}

fn safety_text(course: &Course, assessment: &Assessment) -> Option<String> {
    let mut lines: Vec<String> = assessment
        .advisories
        .iter()
        .filter(|a| a.indicator == Indicator::Critical)
        .map(|a| a.summary.to_string())
        .collect();
    // The assessment's critical advisories are about thoughts of self-harm
    // (reported, or not asked); the course's flags say what they are about.
    let flags = course.safety_flags();
    let suicide = !lines.is_empty()
        || flags
            .iter()
            .any(|f| f.kind == SafetyFlagKind::SuicidalIdeation);
    let mania = flags
        .iter()
        .any(|f| f.kind == SafetyFlagKind::PossibleMania);
    lines.extend(flags.iter().map(ToString::to_string));
    if lines.is_empty() {
        return None;
    }
    let action = match (suicide, mania) {
        (true, true) => {
            "A clinician assesses suicide risk the same day and reviews the patient for a manic or hypomanic episode; this formulation is no substitute for either."
        }
        (false, true) => {
            "A clinician reviews the patient for a manic or hypomanic episode; a positive screen is not a diagnosis, and this formulation is no substitute for that review."
        }
        _ => {
            "A clinician assesses suicide risk the same day; this formulation is no substitute for that assessment."
        }
    };
    Some(format!(
        "SAFETY FIRST (for the clinician, before the formulation): {}. {action}",
        lines.join("; ")
    ))
}

/// The day the formulation is presented: when
/// [`PhaseTask::PresentFormulation`] was done, or no limit.
fn formulation_date(course: &Course) -> NaiveDate {
    course
        .task_done_on(PhaseTask::PresentFormulation)
        .unwrap_or(NaiveDate::MAX)
}

fn latest_depression_score(course: &Course) -> Option<Measurement> {
    let trend = course.depression_trend(formulation_date(course))?;
    Some(trend.latest().clone())
}

fn diagnosis_text(course: &Course) -> String {
    match latest_depression_score(course) {
        Some(m) => {
            let severity = m.severity(HamdBanding::default());
            let band = severity.band_name().replace('_', " ");
            let score = format!("{} {} on {}", m.instrument().label(), m.total(), m.date());
            let symptoms = if severity
                == (SeverityBand::Hamd17 {
                    banding: HamdBanding::default(),
                    band: HamdBand::NoDepression,
                }) {
                format!("Your symptoms are below the range of depression on this scale ({score})")
            } else if severity.is_minimal() {
                format!("Your symptoms are minimal or absent on this scale ({score})")
            } else if band.ends_with("severe") {
                format!("Your symptoms are consistent with {band} depression ({score})")
            } else {
                format!("Your symptoms are consistent with depression of {band} severity ({score})")
            };
            format!("You have [the clinician's diagnosis]. {symptoms}.")
        }
        None => String::from(
            "You have [the clinician's diagnosis]. [No PHQ-9 or HAM-D-17 score is recorded yet: rate the symptoms to give their severity.]",
        ),
    }
}

fn area_text(focus: &[ProblemArea], assessment: &Assessment, inventory: &Inventory) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let [first, second] = focus {
        parts.push(format!(
            "Two problems seem connected with your depression: \"{}\" and \"{}\".",
            first.who_name(),
            second.who_name()
        ));
    }
    let ix = InventoryIndex::new(inventory);
    let mut mentioned = HashSet::new();
    for area in focus {
        parts.push(one_area(*area, assessment, inventory, &ix, &mut mentioned));
    }
    if focus.len() > 1 {
        parts.push(String::from(
            "We will decide together which one to work on first.",
        ));
    }
    if focus.is_empty() {
        parts.push(String::from(
            "[No problem area is agreed yet: select one before presenting the formulation.]",
        ));
    }
    parts.join(" ")
}

/// The people and events the assessment's evidence for `area` is about, in
/// order, without repeats; then the inventory's events that the patient links
/// to the onset and that concern one of those people (the divorce from the
/// ex-husband of a dispute), in inventory order.
fn subjects(area: ProblemArea, assessment: &Assessment, inventory: &Inventory) -> Vec<Subject> {
    let mut out: Vec<Subject> = Vec::new();
    let mut seen: HashSet<&Subject> = HashSet::new();
    if let Some(finding) = assessment.finding(area) {
        for e in &finding.evidence {
            for s in &e.subjects {
                if seen.insert(s) {
                    out.push(s.clone());
                }
            }
        }
    }
    let people: HashSet<&str> = out
        .iter()
        .filter_map(|s| match s {
            Subject::Person(id) => Some(id.as_str()),
            Subject::Event(_) => None,
        })
        .collect();
    let events: HashSet<&str> = out
        .iter()
        .filter_map(|s| match s {
            Subject::Event(id) => Some(id.as_str()),
            Subject::Person(_) => None,
        })
        .collect();
    let joined: Vec<Subject> = inventory
        .events
        .iter()
        .filter(|e| e.linked_to_onset == OnsetLink::Linked)
        .filter(|e| {
            e.person
                .as_ref()
                .is_some_and(|p| people.contains(p.as_str()))
        })
        .filter(|e| !events.contains(e.id.as_str()))
        .map(|e| Subject::Event(e.id.clone()))
        .collect();
    out.extend(joined);
    out
}

/// The events that some evidence for `area` names with a link to the onset
/// (stated or inferred from dates), collected once so that asking about each
/// event is a lookup, not a scan of the evidence.
fn linked_events(assessment: &Assessment, area: ProblemArea) -> HashSet<&str> {
    assessment
        .finding(area)
        .into_iter()
        .flat_map(|f| f.evidence.iter())
        .filter(|x| x.onset_link.is_linked())
        .flat_map(|x| x.subjects.iter())
        .filter_map(|s| match s {
            Subject::Event(id) => Some(id.as_str()),
            Subject::Person(_) => None,
        })
        .collect()
}

/// Whether the assessment's evidence for `area` links event `e` to the
/// onset: the clinician linked it, or its link is unknown and some evidence
/// naming it was linked (by its dates; `linked` is [`linked_events`]).
fn linked_in(linked: &HashSet<&str>, e: &LifeEvent) -> bool {
    match e.linked_to_onset {
        OnsetLink::Linked => true,
        OnsetLink::NotLinked => false,
        OnsetLink::Unknown => linked.contains(e.id.as_str()),
    }
}

fn label(ix: &InventoryIndex<'_>, id: &crate::id::PersonId) -> Option<String> {
    ix.person(id.as_str()).map(|p| p.label.expose().clone())
}

/// "your divorce from Tom", "the death of Ana", "your relocation".
fn event_phrase(event: &LifeEvent, ix: &InventoryIndex<'_>) -> String {
    let who = event.person.as_ref().and_then(|p| label(ix, p));
    let kind: &'static str = event.kind.into();
    let kind = kind.replace('_', " ");
    match (event.kind, who) {
        (EventKind::Death, Some(who)) => format!("the death of {who}"),
        (EventKind::Divorce | EventKind::Separation, Some(who)) => {
            format!("your {kind} from {who}")
        }
        (EventKind::Death, None) => String::from("a death"),
        (_, Some(who)) => format!("your {kind} (with {who})"),
        (_, None) => format!("your {kind}"),
    }
}

fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn one_area(
    area: ProblemArea,
    assessment: &Assessment,
    inventory: &Inventory,
    ix: &InventoryIndex<'_>,
    mentioned: &mut HashSet<String>,
) -> String {
    let subjects = subjects(area, assessment, inventory);
    let events: Vec<&LifeEvent> = subjects
        .iter()
        .filter_map(|s| match s {
            Subject::Event(id) => ix.event(id.as_str()),
            Subject::Person(_) => None,
        })
        .collect();
    let people: Vec<String> = subjects
        .iter()
        .filter_map(|s| match s {
            Subject::Person(id) => label(ix, id),
            Subject::Event(_) => None,
        })
        .collect();
    let all_events: Vec<String> = events.iter().map(|e| event_phrase(e, ix)).collect();
    let linked = linked_events(assessment, area);
    // The onset is told once; an event is linked to it once. An event is
    // named as linked when the clinician linked it, or when its link is not
    // recorded and the assessment inferred it from its dates; never when the
    // clinician marked it not linked.
    let new_links: Vec<String> = events
        .iter()
        .filter(|e| linked_in(&linked, e))
        .map(|e| event_phrase(e, ix))
        .filter(|l| !mentioned.contains(l))
        .collect();

    let mut s = String::new();
    if !new_links.is_empty() {
        if mentioned.is_empty() {
            s.push_str(&format!(
                "Your depression began around the time of {}. ",
                join_words(&new_links)
            ));
        } else {
            s.push_str(&format!(
                "Around the same time came {}. ",
                join_words(&new_links)
            ));
        }
        mentioned.extend(new_links);
    }
    s.push_str(&format!("This is what we call \"{}\"", area.who_name()));
    match area {
        ProblemArea::Grief => {
            if !people.is_empty() {
                s.push_str(&format!(": mourning {}", join_words(&people)));
            }
            s.push_str(". Grieving is hard, and it can get stuck; we will work on mourning the loss and, in time, on finding your way back to other people.");
        }
        ProblemArea::RoleDispute => {
            // The person with the strongest conflict first: the stage is
            // theirs (the engine's principal disputant).
            let mut disputants: Vec<&crate::inventory::Person> = subjects
                .iter()
                .filter_map(|s| match s {
                    Subject::Person(id) => ix.person(id.as_str()),
                    Subject::Event(_) => None,
                })
                .filter(|p| !p.status.is_deceased())
                .collect();
            disputants.sort_by_key(|p| std::cmp::Reverse(p.conflict.as_ref().map(|c| c.level)));
            let mut names = disputants.iter().map(|p| p.label.expose());
            if let Some(first) = names.next() {
                s.push_str(&format!(
                    ": you and {first} expect different things of each other"
                ));
            }
            match assessment.dispute_stage {
                Some(DisputeStage::Renegotiation) => {
                    s.push_str(", and you are both still trying to sort it out");
                }
                Some(DisputeStage::Impasse) => {
                    s.push_str(", and the arguments seem to have got stuck");
                }
                Some(DisputeStage::Dissolution) => {
                    s.push_str(", and the relationship may be ending");
                }
                None => {}
            }
            s.push('.');
            for other in names {
                s.push_str(&format!(
                    " You and {other} also expect different things of each other."
                ));
            }
            s.push_str(" We will look at what each of you wants, and at how you could get more of what you want.");
        }
        ProblemArea::RoleTransition => {
            if !all_events.is_empty() {
                s.push_str(&format!(
                    ": {} altered your role in life",
                    join_words(&all_events)
                ));
            }
            s.push_str(". Changes like these are hard even when they are expected; we will look at what you lost, at what the new situation asks of you, and at how to manage it.");
        }
        ProblemArea::InterpersonalDeficits => {
            s.push_str(": you have had few people to turn to. We will look at your relationships, past and present, and at ways to build new ones.");
        }
        ProblemArea::GriefForLostHealthySelf => {
            if !all_events.is_empty() {
                s.push_str(&format!(": since {}", join_words(&all_events)));
            }
            s.push_str(", you may be mourning the life and the self you had, or hoped for, before the illness. We will look at what the illness has cost you, at what remains possible, and at a life that makes room for the illness and its treatment.");
        }
    }
    s
}

fn cadence_words(cadence: Cadence) -> &'static str {
    match cadence {
        Cadence::Weekly => "weekly",
        Cadence::Fortnightly => "fortnightly",
        Cadence::Monthly => "monthly",
    }
}

fn time_text(course: &Course) -> String {
    let c = course.contract();
    let schedule = course.schedule();
    let areas: Vec<String> = c.focus.iter().map(|a| a.who_name().to_owned()).collect();
    let aim = if areas.is_empty() {
        String::from("this problem")
    } else {
        join_words(&areas)
    };
    format!(
        "I suggest we meet for {} {} sessions of {} minutes, from {} to {}, and work on {aim}. As that gets better, your depression should lift too.",
        c.sessions,
        cadence_words(c.cadence),
        c.session_minutes,
        schedule.start_date(),
        schedule.end_date()
    )
}

fn agreement_text(course: &Course) -> String {
    let c = course.contract();
    let mut s = format!(
        "Does this make sense to you? Would you like to work on this together for the next {} sessions?",
        c.sessions
    );
    if let Some(a) = c.agreement {
        s.push_str(&format!(" [The patient agreed on {}.]", a.on));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        id::{EventId, PersonId},
        inventory::{Person, RelationshipKind},
    };
    use chrono::NaiveDate;

    #[test]
    fn join_words_reads_as_a_list() {
        let w = |v: &[&str]| join_words(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(w(&[]), "");
        assert_eq!(w(&["a"]), "a");
        assert_eq!(w(&["a", "b"]), "a and b");
        assert_eq!(w(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn event_phrases_name_the_person_the_way_the_event_needs() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        let mut inv = Inventory::new(day, crate::date::EpisodeOnset::Unknown);
        inv.people.push(Person::new(
            PersonId::new("p").unwrap(),
            "Ana",
            RelationshipKind::Parent,
        ));
        let event = |kind, person: bool| {
            let mut e = LifeEvent::new(EventId::new("e").unwrap(), kind, None);
            e.person = person.then(|| PersonId::new("p").unwrap());
            e
        };
        assert_eq!(
            event_phrase(&event(EventKind::Death, true), &InventoryIndex::new(&inv)),
            "the death of Ana"
        );
        assert_eq!(
            event_phrase(
                &event(EventKind::Separation, true),
                &InventoryIndex::new(&inv)
            ),
            "your separation from Ana"
        );
        assert_eq!(
            event_phrase(
                &event(EventKind::BecomingCaregiver, true),
                &InventoryIndex::new(&inv)
            ),
            "your becoming caregiver (with Ana)"
        );
        assert_eq!(
            event_phrase(
                &event(EventKind::JobLoss, false),
                &InventoryIndex::new(&inv)
            ),
            "your job loss"
        );
        // An event naming a person the inventory lacks is phrased without them.
        let mut unknown = event(EventKind::Death, false);
        unknown.person = Some(PersonId::new("nobody").unwrap());
        assert_eq!(
            event_phrase(&unknown, &InventoryIndex::new(&inv)),
            "a death"
        );
    }
}
