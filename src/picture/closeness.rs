//! The closeness circle: the interpersonal inventory drawn as concentric
//! circles around the patient.

use std::collections::BTreeMap;

use crate::{
    Inventory,
    catalogue::ProblemArea,
    engine::{Assessment, Subject},
    id::PersonId,
    inventory::{
        Closeness, ConflictLevel, InventoryIndex, Person, PersonStatus, RelationshipChange,
    },
};

use super::ink;
use super::svg::{Svg, a, points, shorten};

/// The width of the picture.
const WIDTH: f64 = 900.0;
/// The circle's centre.
const CX: f64 = 290.0;
const CY: f64 = 350.0;
/// The outer radius of the inner, middle and outer rings.
const RINGS: [f64; 3] = [100.0, 185.0, 265.0];
/// Where people sit on each ring.
const SEATS: [f64; 3] = [70.0, 145.0, 228.0];
/// Each ring's first seat, turned from the top so that rings do not line up.
const TURN: [f64; 3] = [0.0, 20.0, 40.0];
/// The radius of a person's mark.
const MARK: f64 = 13.0;
/// The radius of the patient's mark.
const PATIENT: f64 = 24.0;
/// The key's left edge and line height.
const KEY_X: f64 = 590.0;
const KEY_TOP: f64 = 90.0;
const LINE: f64 = 15.0;
/// Characters of a name on the circle, and of a line in the key.
const NAME_CHARS: usize = 14;
const KEY_CHARS: usize = 44;

/// The closeness circle of an [`Inventory`], as SVG: the patient at the
/// centre and each person on the inner, middle or outer ring, as the
/// clinician placed them (CLINICAL-BASIS.md §3.2).
///
/// What the picture shows, each in shape or line style **and** in words, so
/// that it reads without colour:
///
/// * a person whose closeness was **not recorded** stands in a box below the
///   circle, not on a ring the crate guessed (DESIGN.md decision 5);
/// * family as a circle, anyone else as a square, the relationship written
///   under the name;
/// * a **deceased** person with a dashed outline, an **estranged** one with a
///   dotted outline, and the status in words;
/// * a **conflict** as a dashed line from the patient, thicker the higher its
///   level; a relationship that **changed around the onset** (new, lost,
///   worse, better) as a double line, with the change written under the name;
/// * given an [`Assessment`] ([`ClosenessCircle::with_assessment`]), the
///   people its evidence cites, directly or as the person a cited life event
///   names, with a thick ring and the areas in the key;
/// * a reported suicidal thought, or a safety screen not asked, first, as a
///   banner (DESIGN.md decision 8).
///
/// **No patient text by default.** People are named by their id and
/// relationship, so the picture can be shared; the inventory's labels appear
/// only after [`ClosenessCircle::with_labels`]. Every text is escaped: no
/// label can change the picture's structure. The same inventory gives the
/// same bytes (DESIGN.md decision 1).
///
/// ```
/// use interpersonal::{from_json, picture::ClosenessCircle, Engine, Inventory};
///
/// let inventory: Inventory = from_json(r#"{
///   "schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
///   "people": [{"id": "father", "label": "Dad", "relationship": "parent",
///               "closeness": "inner", "status": {"deceased": {"date": "2025-12"}}}],
///   "events": [{"id": "e1", "kind": "death", "date": "2025-12", "person": "father",
///               "linked_to_onset": true}],
///   "safety": {"suicidal_thoughts_reported": false}
/// }"#)?;
/// let assessment = Engine::standard()?.evaluate(&inventory);
///
/// let svg = ClosenessCircle::new(&inventory).with_assessment(&assessment).to_svg();
/// assert!(svg.starts_with("<svg"));
/// assert!(svg.contains("father") && svg.contains("deceased"));
/// assert!(!svg.contains("Dad")); // no label unless asked for
///
/// let labelled = ClosenessCircle::new(&inventory).with_labels().to_svg();
/// assert!(labelled.contains("Dad"));
/// # Ok::<(), interpersonal::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
#[must_use]
pub struct ClosenessCircle<'a> {
    inventory: &'a Inventory,
    assessment: Option<&'a Assessment>,
    labels: bool,
}

/// What the picture says about one person.
struct Seat<'a> {
    person: &'a Person,
    /// The person's place in the inventory.
    index: usize,
    /// The name shown: the id, or the label when asked for.
    name: String,
    /// The areas whose evidence cites the person.
    evidence: Vec<ProblemArea>,
    x: f64,
    y: f64,
}

impl<'a> ClosenessCircle<'a> {
    /// The circle of `inventory`, people named by id.
    ///
    /// ```
    /// use interpersonal::{from_json, picture::ClosenessCircle, Inventory};
    /// let inventory: Inventory = from_json(r#"{"schema_version": 1,
    ///   "assessed_on": "2026-03-02", "onset": "2026-01"}"#)?;
    /// assert!(ClosenessCircle::new(&inventory).to_svg().contains("patient"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn new(inventory: &'a Inventory) -> Self {
        ClosenessCircle {
            inventory,
            assessment: None,
            labels: false,
        }
    }

    /// Highlights the people `assessment` cites as evidence: a person named
    /// in an evidence's subjects, or the person a cited life event names. The
    /// assessment should be of the same inventory; people it names that the
    /// inventory lacks are ignored.
    ///
    /// ```
    /// use interpersonal::{from_json, picture::ClosenessCircle, Engine, Inventory};
    /// let inventory: Inventory = from_json(include_str!("../../examples/data/quickstart.json"))?;
    /// let assessment = Engine::standard()?.evaluate(&inventory);
    /// let svg = ClosenessCircle::new(&inventory).with_assessment(&assessment).to_svg();
    /// assert!(svg.contains("evidence: role dispute"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn with_assessment(mut self, assessment: &'a Assessment) -> Self {
        self.assessment = Some(assessment);
        self
    }

    /// Shows each person's label from the inventory (patient text) in place
    /// of their id. Labels are shortened on the circle and escaped everywhere.
    ///
    /// ```
    /// use interpersonal::{from_json, picture::ClosenessCircle, Inventory};
    /// let inventory: Inventory = from_json(include_str!("../../examples/data/quickstart.json"))?;
    /// assert!(!ClosenessCircle::new(&inventory).to_svg().contains("Maria"));
    /// assert!(ClosenessCircle::new(&inventory).with_labels().to_svg().contains("Maria"));
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn with_labels(mut self) -> Self {
        self.labels = true;
        self
    }

    /// The areas whose evidence cites each person, by person id.
    fn evidence(&self) -> BTreeMap<&'a PersonId, Vec<ProblemArea>> {
        let mut cited: BTreeMap<&'a PersonId, Vec<ProblemArea>> = BTreeMap::new();
        let Some(assessment) = self.assessment else {
            return cited;
        };
        // Looked up by id through a map built once: evidence may cite every
        // one of thousands of people, and a scan per subject is quadratic.
        let index = InventoryIndex::new(self.inventory);
        for finding in &assessment.areas {
            for evidence in &finding.evidence {
                for subject in &evidence.subjects {
                    let person = match subject {
                        Subject::Person(id) => index.person(id.as_str()),
                        Subject::Event(id) => index
                            .event(id.as_str())
                            .and_then(|e| e.person.as_ref())
                            .and_then(|p| index.person(p.as_str())),
                    };
                    if let Some(person) = person {
                        let areas = cited.entry(&person.id).or_default();
                        if !areas.contains(&evidence.area) {
                            areas.push(evidence.area);
                        }
                    }
                }
            }
        }
        for areas in cited.values_mut() {
            areas.sort();
        }
        cited
    }

    /// The SVG text of the picture.
    ///
    /// ```
    /// use interpersonal::{from_json, picture::ClosenessCircle, Inventory};
    /// let inventory: Inventory = from_json(include_str!("../../examples/data/quickstart.json"))?;
    /// let circle = ClosenessCircle::new(&inventory);
    /// assert_eq!(circle.to_svg(), circle.to_svg()); // same input, same bytes
    /// # Ok::<(), interpersonal::Error>(())
    /// ```
    pub fn to_svg(&self) -> String {
        let inv = self.inventory;
        let cited = self.evidence();
        let name_of = |p: &Person| {
            if self.labels {
                p.label.expose().clone()
            } else {
                p.id.as_str().to_owned()
            }
        };

        // Seats: each ring's people in inventory order, evenly round it at
        // first; then every person gets a direction of their own, in the
        // order of those first directions, so that no line from the patient
        // runs through another person's mark.
        let mut placed: Vec<(f64, usize, usize, &'a Person)> = Vec::with_capacity(inv.people.len());
        for (ring, closeness) in Closeness::ALL.iter().enumerate() {
            let on_ring: Vec<(usize, &'a Person)> = inv
                .people
                .iter()
                .enumerate()
                .filter(|(_, p)| p.closeness == Some(*closeness))
                .collect();
            let m = on_ring.len() as f64;
            let turn = TURN.get(ring).copied().unwrap_or(0.0);
            for (j, (index, person)) in on_ring.into_iter().enumerate() {
                let ideal = (turn + 360.0 * (j as f64 + 0.5) / m).rem_euclid(360.0);
                placed.push((ideal, ring, index, person));
            }
        }
        // Stable: equal directions keep ring order, then inventory order.
        placed.sort_by(|x, y| x.0.total_cmp(&y.0));
        let n = placed.len() as f64;
        let mut seats: Vec<Seat<'a>> = Vec::with_capacity(inv.people.len());
        for (k, (_, ring, index, person)) in placed.into_iter().enumerate() {
            let seat = SEATS.get(ring).copied().unwrap_or(0.0);
            // From the top, clockwise, half a step in, so that no one sits
            // on a ring's name.
            let degrees = -90.0 + 360.0 * (k as f64 + 0.5) / n;
            let (sin, cos) = degrees.to_radians().sin_cos();
            seats.push(Seat {
                person,
                index,
                name: name_of(person),
                evidence: cited.get(&person.id).cloned().unwrap_or_default(),
                x: CX + seat * cos,
                y: CY + seat * sin,
            });
        }
        // Closeness not recorded: a row below the circle, not a guessed ring.
        let unplaced: Vec<(usize, &Person)> = inv
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.closeness.is_none())
            .collect();
        let per_row = 7usize;
        let box_top = CY + RINGS[2] + 30.0;
        let rows = unplaced.len().div_ceil(per_row);
        for (i, (index, person)) in unplaced.iter().copied().enumerate() {
            seats.push(Seat {
                person,
                index,
                name: name_of(person),
                evidence: cited.get(&person.id).cloned().unwrap_or_default(),
                x: CX - RINGS[2] + 40.0 + 78.0 * (i % per_row) as f64,
                y: box_top + 42.0 + 62.0 * (i / per_row) as f64,
            });
        }
        let circle_bottom = if rows == 0 {
            CY + RINGS[2] + 20.0
        } else {
            box_top + 20.0 + 62.0 * rows as f64 + 10.0
        };

        // The key, in inventory order.
        let mut key_lines: Vec<(String, bool)> = Vec::new();
        let mut seat_of: Vec<Option<&Seat<'_>>> = vec![None; inv.people.len()];
        for seat in &seats {
            if let Some(slot) = seat_of.get_mut(seat.index) {
                *slot = Some(seat);
            }
        }
        for (person, seat) in inv.people.iter().zip(seat_of) {
            if let Some(seat) = seat {
                let head = if self.labels {
                    format!("{} ({}) · {}", seat.name, person.id, role(person))
                } else {
                    format!("{} · {}", seat.name, role(person))
                };
                key_lines.push((shorten(&head, KEY_CHARS), true));
                for line in wrap(&details(person, &seat.evidence), KEY_CHARS) {
                    key_lines.push((line, false));
                }
            }
        }
        let banner = safety_banner(inv);
        let title = format!("Closeness circle, inventory as of {}", inv.assessed_on);
        // The key and legend are written first into their own document part
        // so that the picture's height is known before it starts.
        let mut side = Svg::part();
        let key_end = key(&mut side, &key_lines);
        let legend_end = legend(&mut side, key_end + 24.0);
        let height = (circle_bottom.max(legend_end) + 20.0).round();

        let desc = self.desc(&seats, &cited);
        let mut svg = ink::page("closeness", (WIDTH, height), &title, &desc, None);
        if let Some(text) = &banner {
            ink::safety_banner(&mut svg, 20.0, 36.0, WIDTH - 40.0, text);
        }
        self.rings(&mut svg);
        self.lines(&mut svg, &seats);
        self.marks(&mut svg, &seats, unplaced.len(), box_top, rows);
        svg.append(side);
        svg.finish()
    }

    /// The text alternative: what the picture shows, in sentences.
    fn desc(&self, seats: &[Seat<'_>], cited: &BTreeMap<&PersonId, Vec<ProblemArea>>) -> String {
        let inv = self.inventory;
        let mut parts = Vec::new();
        if let Some(text) = safety_banner(inv) {
            parts.push(format!("{text}."));
        }
        let count = |c: Option<Closeness>| inv.people.iter().filter(|p| p.closeness == c).count();
        parts.push(format!(
            "{} people around the patient: {} in the inner circle, {} in the middle, {} in the outer; closeness not recorded for {}.",
            inv.people.len(),
            count(Some(Closeness::Inner)),
            count(Some(Closeness::Middle)),
            count(Some(Closeness::Outer)),
            count(None),
        ));
        for seat in seats {
            parts.push(format!(
                "{}: {}; {}.",
                seat.name,
                role(seat.person),
                details(seat.person, &seat.evidence).join("; ")
            ));
        }
        if self.assessment.is_some() && cited.is_empty() {
            parts.push(String::from("The assessment cites no person as evidence."));
        }
        parts.join(" ")
    }

    fn rings(&self, svg: &mut Svg) {
        svg.open("g", &[a("aria-hidden", "true")]);
        for (i, closeness) in Closeness::ALL.iter().enumerate().rev() {
            let r = RINGS.get(i).copied().unwrap_or(0.0);
            let fill = ink::RING_FILLS.get(i).copied().unwrap_or(ink::PAPER);
            svg.empty(
                "circle",
                &[
                    a("cx", CX),
                    a("cy", CY),
                    a("r", r),
                    a("fill", fill),
                    a("stroke", ink::GRID),
                    a("stroke-width", 1.0),
                ],
            );
            svg.text(
                CX,
                CY - r + 14.0,
                &[
                    a("text-anchor", "middle"),
                    a("font-size", 11.0),
                    a("fill", ink::MUTED),
                ],
                &format!("{closeness}"),
            );
        }
        svg.close();
    }

    fn lines(&self, svg: &mut Svg, seats: &[Seat<'_>]) {
        svg.open("g", &[a("aria-hidden", "true")]);
        for seat in seats.iter().filter(|s| s.person.closeness.is_some()) {
            let p = seat.person;
            let level = p.conflict.as_ref().map_or(ConflictLevel::None, |c| c.level);
            let width = match level {
                ConflictLevel::None => 1.2,
                ConflictLevel::Low => 1.6,
                ConflictLevel::Moderate => 2.4,
                ConflictLevel::High => 3.2,
            };
            let colour = if level == ConflictLevel::None {
                ink::GRID_DARK
            } else {
                ink::CONFLICT
            };
            let dash = (level != ConflictLevel::None).then_some("7 4");
            let changed = changed(p);
            let mut line = vec![a("x1", CX), a("y1", CY), a("x2", seat.x), a("y2", seat.y)];
            if changed {
                // A double line: a wide stroke with a paper-coloured core.
                let mut outer = line.clone();
                outer.extend([a("stroke", ink::CHANGE), a("stroke-width", width + 4.0)]);
                if let Some(d) = dash {
                    outer.push(a("stroke-dasharray", d));
                }
                svg.empty("line", &outer);
                line.extend([a("stroke", ink::PAPER), a("stroke-width", width)]);
                if let Some(d) = dash {
                    line.push(a("stroke-dasharray", d));
                }
                svg.empty("line", &line);
            } else {
                line.extend([a("stroke", colour), a("stroke-width", width)]);
                if let Some(d) = dash {
                    line.push(a("stroke-dasharray", d));
                }
                svg.empty("line", &line);
            }
        }
        svg.close();
    }

    fn marks(&self, svg: &mut Svg, seats: &[Seat<'_>], unplaced: usize, box_top: f64, rows: usize) {
        if unplaced > 0 {
            svg.empty(
                "rect",
                &[
                    a("x", CX - RINGS[2]),
                    a("y", box_top),
                    a("width", 2.0 * RINGS[2]),
                    a("height", 20.0 + 62.0 * rows as f64),
                    a("rx", 8.0),
                    a("fill", ink::PAPER),
                    a("stroke", ink::GRID_DARK),
                    a("stroke-dasharray", "4 3"),
                ],
            );
            svg.text(
                CX - RINGS[2] + 8.0,
                box_top + 14.0,
                &[a("font-size", 11.0), a("fill", ink::MUTED)],
                "closeness not recorded",
            );
        }
        // The patient.
        svg.open("g", &[]);
        svg.title("The patient");
        svg.empty(
            "circle",
            &[
                a("cx", CX),
                a("cy", CY),
                a("r", PATIENT),
                a("fill", ink::INK),
            ],
        );
        svg.text(
            CX,
            CY + 4.0,
            &[
                a("text-anchor", "middle"),
                a("fill", ink::PAPER),
                a("font-size", 11.0),
            ],
            "patient",
        );
        svg.close();

        svg.open("g", &[a("role", "list")]);
        for seat in seats {
            let p = seat.person;
            svg.open("g", &[a("role", "listitem")]);
            svg.title(&format!(
                "{}: {}; {}",
                seat.name,
                role(p),
                details(p, &seat.evidence).join("; ")
            ));
            if !seat.evidence.is_empty() {
                svg.empty(
                    "circle",
                    &[
                        a("cx", seat.x),
                        a("cy", seat.y),
                        a("r", MARK + 6.0),
                        a("fill", "none"),
                        a("stroke", ink::EVIDENCE),
                        a("stroke-width", 4.0),
                    ],
                );
            }
            let (fill, dash) = match p.status {
                PersonStatus::Deceased { .. } => (ink::DECEASED_FILL, Some("4 2")),
                PersonStatus::Estranged => (ink::PAPER, Some("1 2")),
                _ => (ink::PAPER, None),
            };
            let mut style = vec![
                a("fill", fill),
                a("stroke", ink::INK),
                a("stroke-width", 1.8),
            ];
            if let Some(d) = dash {
                style.push(a("stroke-dasharray", d));
            }
            if p.relationship.is_family() {
                let mut attrs = vec![a("cx", seat.x), a("cy", seat.y), a("r", MARK)];
                attrs.extend(style);
                svg.empty("circle", &attrs);
            } else {
                let mut attrs = vec![
                    a("x", seat.x - MARK),
                    a("y", seat.y - MARK),
                    a("width", 2.0 * MARK),
                    a("height", 2.0 * MARK),
                ];
                attrs.extend(style);
                svg.empty("rect", &attrs);
            }
            if p.status.is_deceased() {
                // A cross through the mark, besides the dashed outline.
                let d = MARK * 0.6;
                svg.empty(
                    "polyline",
                    &[
                        a(
                            "points",
                            points(&[(seat.x - d, seat.y - d), (seat.x + d, seat.y + d)]),
                        ),
                        a("stroke", ink::INK),
                        a("stroke-width", 1.2),
                        a("fill", "none"),
                    ],
                );
                svg.empty(
                    "polyline",
                    &[
                        a(
                            "points",
                            points(&[(seat.x - d, seat.y + d), (seat.x + d, seat.y - d)]),
                        ),
                        a("stroke", ink::INK),
                        a("stroke-width", 1.2),
                        a("fill", "none"),
                    ],
                );
            }
            let halo = [
                a("text-anchor", "middle"),
                a("stroke", ink::PAPER),
                a("stroke-width", 3.0),
                a("paint-order", "stroke"),
            ];
            let mut name = halo.to_vec();
            name.extend([a("font-size", 11.0), a("font-weight", "bold")]);
            svg.text(
                seat.x,
                seat.y + MARK + 14.0,
                &name,
                &shorten(&seat.name, NAME_CHARS),
            );
            let mut sub = halo.to_vec();
            sub.extend([a("font-size", 9.0), a("fill", ink::MUTED)]);
            let mut under = short_role(p);
            if let Some(change) = p.change_around_onset.filter(|_| changed(p)) {
                under.push_str(", ");
                under.push_str(change_word(change));
            }
            svg.text(seat.x, seat.y + MARK + 25.0, &sub, &under);
            svg.close();
        }
        svg.close();
    }
}

/// Whether the relationship changed around the onset (unchanged, or not
/// recorded, is not a change).
fn changed(p: &Person) -> bool {
    matches!(
        p.change_around_onset,
        Some(
            RelationshipChange::New
                | RelationshipChange::Lost
                | RelationshipChange::Worse
                | RelationshipChange::Better
        )
    )
}

fn change_word(change: RelationshipChange) -> &'static str {
    match change {
        RelationshipChange::New => "new",
        RelationshipChange::Lost => "lost",
        RelationshipChange::Worse => "worse",
        RelationshipChange::Better => "better",
        RelationshipChange::Unchanged => "unchanged",
    }
}

/// The relationship in words, with the status when not living.
fn role(p: &Person) -> String {
    let relationship = p.relationship.to_string().replace('_', " ");
    match p.status {
        PersonStatus::Deceased { date: Some(date) } => format!("{relationship}, deceased {date}"),
        PersonStatus::Deceased { date: None } => format!("{relationship}, deceased"),
        PersonStatus::Estranged => format!("{relationship}, estranged"),
        _ => relationship,
    }
}

/// The relationship under a mark on the circle, the status shortened.
fn short_role(p: &Person) -> String {
    let relationship = p.relationship.to_string().replace('_', " ");
    match p.status {
        PersonStatus::Deceased { .. } => format!("{relationship} (deceased)"),
        PersonStatus::Estranged => format!("{relationship} (estranged)"),
        _ => relationship,
    }
}

/// What the key says of a person after the name: closeness, conflict,
/// change around the onset, evidence. Ids and the crate's words only.
fn details(p: &Person, evidence: &[ProblemArea]) -> Vec<String> {
    let mut out = Vec::new();
    out.push(match p.closeness {
        Some(c) => format!("{c} circle"),
        None => String::from("closeness not recorded"),
    });
    match &p.conflict {
        Some(c) if c.level != ConflictLevel::None => {
            let mut text = format!("conflict {}", c.level);
            if let Some(course) = c.course {
                text.push_str(&format!(", {course}"));
            }
            if let Some(began) = c.began {
                text.push_str(&format!(", began {}", began.to_string().replace('_', " ")));
            }
            out.push(text);
        }
        Some(_) => out.push(String::from("no conflict")),
        None => {}
    }
    if let Some(change) = p.change_around_onset {
        out.push(match change {
            RelationshipChange::Unchanged => String::from("unchanged around onset"),
            other => format!("{} around onset", change_word(other)),
        });
    }
    if !evidence.is_empty() {
        let areas: Vec<&str> = evidence.iter().map(|a| a.name()).collect();
        out.push(format!("evidence: {}", areas.join(", ")));
    }
    out
}

/// `parts` joined with " · " into lines of at most `max` characters; a part
/// longer than a line is shortened.
fn wrap(parts: &[String], max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for part in parts {
        let part = shorten(part, max);
        let needed = current.chars().count() + 3 + part.chars().count();
        if current.is_empty() {
            current = part;
        } else if needed <= max {
            current.push_str(" · ");
            current.push_str(&part);
        } else {
            lines.push(std::mem::take(&mut current));
            current = part;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// The safety banner's text, if the inventory needs one (DESIGN.md
/// decision 8).
fn safety_banner(inv: &Inventory) -> Option<String> {
    if inv.safety.is_reported() {
        Some(String::from(
            "SAFETY: thoughts of death or self-harm reported; a clinician's suicide risk assessment comes first",
        ))
    } else if !inv.safety.is_asked() {
        Some(String::from(
            "SAFETY: the safety screen was not asked; not asked is not safe",
        ))
    } else {
        None
    }
}

/// Writes the key of people; returns the y below it.
fn key(svg: &mut Svg, lines: &[(String, bool)]) -> f64 {
    svg.open("g", &[a("aria-hidden", "true")]);
    svg.text(
        KEY_X,
        KEY_TOP,
        &[a("font-size", 13.0), a("font-weight", "bold")],
        "People",
    );
    let mut y = KEY_TOP + LINE + 4.0;
    for (text, head) in lines {
        if *head {
            y += 4.0;
            svg.text(
                KEY_X,
                y,
                &[a("font-size", 11.0), a("font-weight", "bold")],
                text,
            );
        } else {
            svg.text(
                KEY_X + 10.0,
                y,
                &[a("font-size", 10.0), a("fill", ink::MUTED)],
                text,
            );
        }
        y += LINE;
    }
    svg.close();
    y
}

/// The legend: each mark and line style with its meaning in words; returns
/// the y below it.
fn legend(svg: &mut Svg, y0: f64) -> f64 {
    svg.open("g", &[a("aria-hidden", "true")]);
    svg.text(
        KEY_X,
        y0,
        &[a("font-size", 13.0), a("font-weight", "bold")],
        "Legend",
    );
    let row = |i: usize| y0 + 20.0 + 20.0 * i as f64;
    let x1 = KEY_X;
    let x2 = KEY_X + 40.0;
    let tx = KEY_X + 50.0;
    let words = [a("font-size", 10.0)];
    let line = |svg: &mut Svg, i: usize, attrs: &[super::svg::Attr]| {
        let mut all = vec![
            a("x1", x1),
            a("y1", row(i) - 4.0),
            a("x2", x2),
            a("y2", row(i) - 4.0),
        ];
        all.extend_from_slice(attrs);
        svg.empty("line", &all);
    };
    line(
        svg,
        0,
        &[a("stroke", ink::GRID_DARK), a("stroke-width", 1.2)],
    );
    svg.text(tx, row(0), &words, "no conflict recorded, no change");
    line(
        svg,
        1,
        &[
            a("stroke", ink::CONFLICT),
            a("stroke-width", 3.2),
            a("stroke-dasharray", "7 4"),
        ],
    );
    svg.text(tx, row(1), &words, "dashed: conflict (thicker: higher)");
    line(svg, 2, &[a("stroke", ink::CHANGE), a("stroke-width", 5.2)]);
    line(svg, 2, &[a("stroke", ink::PAPER), a("stroke-width", 1.2)]);
    svg.text(tx, row(2), &words, "double: changed around the onset");
    let mark = |svg: &mut Svg, i: usize, family: bool, dash: Option<&str>, fill: &str| {
        let (x, y) = (x1 + 20.0, row(i) - 4.0);
        let mut style = vec![
            a("fill", fill),
            a("stroke", ink::INK),
            a("stroke-width", 1.5),
        ];
        if let Some(d) = dash {
            style.push(a("stroke-dasharray", d));
        }
        if family {
            let mut attrs = vec![a("cx", x), a("cy", y), a("r", 7.0)];
            attrs.extend(style);
            svg.empty("circle", &attrs);
        } else {
            let mut attrs = vec![
                a("x", x - 7.0),
                a("y", y - 7.0),
                a("width", 14.0),
                a("height", 14.0),
            ];
            attrs.extend(style);
            svg.empty("rect", &attrs);
        }
    };
    mark(svg, 3, true, None, ink::PAPER);
    svg.text(tx, row(3), &words, "circle: family");
    mark(svg, 4, false, None, ink::PAPER);
    svg.text(tx, row(4), &words, "square: not family");
    mark(svg, 5, true, Some("3 2"), ink::DECEASED_FILL);
    svg.text(tx, row(5), &words, "dashed outline, crossed: deceased");
    mark(svg, 6, true, Some("1 2"), ink::PAPER);
    svg.text(tx, row(6), &words, "dotted outline: estranged");
    svg.empty(
        "circle",
        &[
            a("cx", x1 + 20.0),
            a("cy", row(7) - 4.0),
            a("r", 8.0),
            a("fill", "none"),
            a("stroke", ink::EVIDENCE),
            a("stroke-width", 4.0),
        ],
    );
    svg.text(tx, row(7), &words, "thick ring: cited as evidence");
    svg.close();
    row(7) + 10.0
}
