//! The SVG pictures (feature `svg`): each is rendered to pixels with resvg
//! (it parses, has its size, and is not blank), compared byte for byte with
//! its golden file in `tests/golden/` (`UPDATE_GOLDEN=1 cargo test --features
//! svg picture` rewrites them), and fed hostile labels that must not change
//! its structure.

use chrono::NaiveDate;
use interpersonal::{
    Course, Engine, Inventory, Phase, Phq9Score, ProblemArea, TreatmentContract,
    course::SessionRecord,
    from_json,
    ipsrt::RhythmSeries,
    measure::{Gad7Score, Instrument, Measurement},
    picture::{ClosenessCircle, RhythmChart, SymptomChart},
};
use proptest::prelude::*;

const QUICKSTART: &str = include_str!("../../examples/data/quickstart.json");
const SERIES: &str = include_str!("../../examples/ipsrt_data/rhythm_series.json");

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// Renders `svg` with resvg and returns (width, height, pixels that are not
/// the white background).
fn render(svg: &str) -> (u32, u32, usize) {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .unwrap_or_else(|e| panic!("the SVG does not parse: {e}"));
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let inked = pixmap
        .pixels()
        .iter()
        .filter(|p| !(p.red() > 250 && p.green() > 250 && p.blue() > 250))
        .count();
    (size.width(), size.height(), inked)
}

/// The width and height the SVG declares.
fn declared_size(svg: &str) -> (u32, u32) {
    let attr = |name: &str| -> u32 {
        let start = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        let end = start + svg[start..].find('"').unwrap();
        svg[start..end].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

/// Checks a picture renders: it parses, has the size it declares, and a
/// good share of its pixels are inked.
fn assert_renders(svg: &str) {
    let (width, height, inked) = render(svg);
    assert_eq!((width, height), declared_size(svg));
    let total = (width * height) as usize;
    assert!(inked * 20 > total, "only {inked} of {total} pixels inked");
    assert!(inked < total, "every pixel inked: a black picture");
}

/// Compares `svg` with `tests/golden/<name>`; rewrites it under UPDATE_GOLDEN=1.
fn assert_golden(name: &str, svg: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, svg).unwrap();
        return;
    }
    let golden = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden file {}: run `UPDATE_GOLDEN=1 cargo test --features svg picture`",
            path.display()
        )
    });
    assert!(
        golden == svg,
        "{name} differs from its golden file; if the change is meant, rewrite it with \
         `UPDATE_GOLDEN=1 cargo test --features svg picture` and review the diff"
    );
}

fn quickstart() -> Inventory {
    from_json(QUICKSTART).unwrap()
}

/// A 12-session PHQ-9 course with a safety flag at session 4 (item 9 at 1)
/// and one reported at session 6, through every acute phase.
fn course_with_flags() -> Course {
    let contract = TreatmentContract::builder(day(3, 2), [ProblemArea::RoleDispute])
        .sessions(12)
        .build()
        .unwrap();
    let mut course = Course::new(contract, Vec::new()).unwrap();
    let totals = [(1, 19), (4, 16), (8, 9), (12, 4)];
    let mut phase = Phase::Assessment;
    for n in 1u8..=12 {
        let date = day(3, 2) + chrono::Days::new(7 * u64::from(n - 1));
        // Advance when the schedule says the next phase begins.
        let wanted = match n {
            1 => Phase::Assessment,
            2 | 3 => Phase::GoalSetting,
            4..=9 => Phase::ActiveTreatment,
            _ => Phase::ConsolidationTermination,
        };
        while phase != wanted {
            for task in phase.tasks() {
                if course.task_done_on(*task).is_none() {
                    course.complete_task(*task, date).unwrap();
                }
            }
            phase = course.advance_phase(date).unwrap();
        }
        let mut record = SessionRecord::new(n, date, phase);
        if let Some((_, total)) = totals.iter().find(|(s, _)| *s == n) {
            let m = if n == 4 {
                Phq9Score::from_scores([2, 2, 2, 2, 2, 2, 2, 1, 1])
                    .unwrap()
                    .measurement(date)
            } else {
                Measurement::new(Instrument::Phq9, date, *total).unwrap()
            };
            record = record.with_measure(m);
        }
        if n == 6 {
            record = record.with_suicidal_thoughts_reported();
        }
        course.record_session(record).unwrap();
    }
    course
}

#[test]
fn closeness_circle_of_the_bundled_case() {
    let inventory = quickstart();
    let assessment = Engine::standard().unwrap().evaluate(&inventory);
    let svg = ClosenessCircle::new(&inventory)
        .with_assessment(&assessment)
        .to_svg();
    assert_renders(&svg);
    assert_golden("closeness_quickstart.svg", &svg);
    // Ids and roles, no patient text.
    for person in &inventory.people {
        assert!(svg.contains(person.id.as_str()));
        assert!(!svg.contains(&format!(">{}<", person.label.expose())));
    }
    assert!(svg.contains("deceased"));
    assert!(svg.contains("conflict high, stalled"));
    assert!(svg.contains("evidence: role dispute"));
    assert!(svg.contains("<title id=\"closeness-title\">"));
    assert!(svg.contains("aria-labelledby=\"closeness-title closeness-desc\""));
}

#[test]
fn the_readme_picture_is_the_bundled_case() {
    let inventory = quickstart();
    let assessment = Engine::standard().unwrap().evaluate(&inventory);
    let svg = ClosenessCircle::new(&inventory)
        .with_assessment(&assessment)
        .to_svg();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/pictures/closeness_circle.svg");
    let shown = std::fs::read_to_string(path).unwrap();
    assert!(
        shown == svg,
        "docs/pictures/closeness_circle.svg is out of date: \
         `cargo run --example quickstart --features svg -- --svg docs/pictures`"
    );
}

#[test]
fn labels_only_when_asked() {
    let inventory = quickstart();
    let plain = ClosenessCircle::new(&inventory).to_svg();
    let labelled = ClosenessCircle::new(&inventory).with_labels().to_svg();
    for person in &inventory.people {
        let label = person.label.expose();
        assert!(
            !plain.contains(label.as_str()),
            "{label} shown without with_labels"
        );
        assert!(labelled.contains(label.as_str()));
    }
    assert_renders(&labelled);
    assert_golden("closeness_quickstart_labels.svg", &labelled);
}

#[test]
fn unknown_closeness_is_not_a_ring_guess() {
    let inventory: Inventory = from_json(
        r#"{"schema_version": 1, "assessed_on": "2026-03-02", "onset": "2026-01",
            "people": [
              {"id": "aunt", "label": "A", "relationship": "other_family"},
              {"id": "boss", "label": "B", "relationship": "supervisor", "closeness": "outer",
               "status": "estranged"}
            ]}"#,
    )
    .unwrap();
    let svg = ClosenessCircle::new(&inventory).to_svg();
    assert_renders(&svg);
    assert!(svg.contains("closeness not recorded"));
    assert!(svg.contains("aunt: other family; closeness not recorded"));
    assert!(svg.contains("supervisor, estranged"));
    // The safety screen was not asked: the banner says so first.
    let banner = svg.find("SAFETY: the safety screen was not asked").unwrap();
    assert!(banner < svg.find("role=\"list\"").unwrap());
}

/// Labels that try to break out of their text node or attribute, add
/// lines, reorder text or hide XML.
const HOSTILE: [&str; 10] = [
    "</text><script>alert(1)</script>",
    "\"/><rect width=\"9999\" height=\"9999\" fill=\"red\"/>",
    "<![CDATA[ ]]>",
    "<!-- -->",
    "&amp; &lt; &#x3C; &unknown;",
    "line\nbreak\r\nand\ttab",
    "\u{202E}reversed\u{202C}",
    "\u{0}\u{1b}[2J\u{7f}\u{85}",
    "\u{FFFE}\u{FFFF}",
    "' onload='x",
];

fn with_labels(labels: &[&str]) -> Inventory {
    let mut inventory = quickstart();
    for (person, label) in inventory.people.iter_mut().zip(labels.iter().cycle()) {
        person.label = interpersonal::Sensitive::new((*label).to_owned());
    }
    inventory
}

/// The picture's structure: the count of each markup character.
fn structure(svg: &str) -> (usize, usize) {
    (svg.matches('<').count(), svg.matches('>').count())
}

#[test]
fn hostile_labels_do_not_change_the_structure() {
    let benign = ClosenessCircle::new(&with_labels(&["Maria"]))
        .with_labels()
        .to_svg();
    for label in HOSTILE {
        let inventory = with_labels(&[label]);
        let svg = ClosenessCircle::new(&inventory).with_labels().to_svg();
        assert_eq!(structure(&svg), structure(&benign), "{label:?}");
        assert!(!svg.contains(label), "{label:?} written raw");
        for c in ['\n', '\r', '\t', '\u{0}', '\u{1b}', '\u{202E}', '\u{FFFF}'] {
            if label.contains(c) {
                let inside = svg.split('\n').all(|line| !line.contains(c));
                assert!(inside, "{label:?}: {c:?} written raw");
            }
        }
        render(&svg);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_label_keeps_the_structure(label in any::<String>()) {
        let benign = ClosenessCircle::new(&with_labels(&["Maria"])).with_labels().to_svg();
        let svg = ClosenessCircle::new(&with_labels(&[&label])).with_labels().to_svg();
        prop_assert_eq!(structure(&svg), structure(&benign));
        prop_assert!(resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).is_ok());
    }
}

#[test]
fn symptom_chart_with_phases_thresholds_and_flags() {
    let course = course_with_flags();
    let svg = SymptomChart::new(&course, Instrument::Phq9).to_svg();
    assert_renders(&svg);
    assert_golden("symptoms_phq9_flags.svg", &svg);
    assert!(
        svg.contains("SAFETY: 2 safety flags; newest: suicidal ideation on 2026-04-06 (session 6)")
    );
    assert!(svg.contains("safety, session 4"));
    assert!(svg.contains("safety, session 6"));
    assert!(svg.contains("response: 9 or less (50% below the baseline 19)"));
    assert!(svg.contains("remission: 4 or less"));
    for phase in ["initial", "middle", "termination"] {
        assert!(svg.contains(&format!(">{phase}<")), "{phase}");
    }
    for band in ["minimal or no symptoms 0–4", "severe 20–27"] {
        assert!(svg.contains(band), "{band}");
    }
    // The safety banner comes before the scores.
    assert!(svg.find("SAFETY").unwrap() < svg.find("polyline").unwrap());
}

#[test]
fn symptom_chart_says_where_a_rule_does_not_apply() {
    let contract = TreatmentContract::builder(day(3, 2), [ProblemArea::Grief])
        .build()
        .unwrap();
    let mut course = Course::new(contract, Vec::new()).unwrap();
    course
        .record_measurement(
            Gad7Score::from_scores([2, 2, 2, 1, 1, 1, 1])
                .unwrap()
                .measurement(day(3, 2)),
        )
        .unwrap();
    course
        .record_measurement(Measurement::new(Instrument::Gad7, day(3, 30), 4).unwrap())
        .unwrap();
    course
        .record_measurement(Measurement::new(Instrument::Phq9, day(3, 2), 7).unwrap())
        .unwrap();
    let gad = SymptomChart::new(&course, Instrument::Gad7).to_svg();
    assert_renders(&gad);
    assert!(gad.contains("no remission is defined for the GAD-7"));
    assert!(gad.contains("response: 5 or less"));
    let phq = SymptomChart::new(&course, Instrument::Phq9).to_svg();
    assert!(phq.contains("response not judged: the baseline 7 is below caseness"));
    let hamd = SymptomChart::new(&course, Instrument::Hamd17).to_svg();
    assert_renders(&hamd);
    assert!(hamd.contains("no HAM-D-17 total recorded"));
}

#[test]
fn rhythm_chart_of_the_bundled_week() {
    let series: RhythmSeries = from_json(SERIES).unwrap();
    let first = &series.weeks()[0];
    let svg = RhythmChart::new(first).to_svg();
    assert_renders(&svg);
    assert_golden("rhythm_week1.svg", &svg);
    assert!(svg.contains("filled circle: hit"));
    assert!(svg.contains(": hit"));
    assert!(svg.contains(": miss"));
    let last = series.weeks().last().unwrap();
    let steady = RhythmChart::new(last).to_svg();
    assert_renders(&steady);
    assert_golden("rhythm_week_last.svg", &steady);
}

#[test]
fn pictures_are_deterministic() {
    let inventory = quickstart();
    let course = course_with_flags();
    let series: RhythmSeries = from_json(SERIES).unwrap();
    assert_eq!(
        ClosenessCircle::new(&inventory).to_svg(),
        ClosenessCircle::new(&inventory.clone()).to_svg()
    );
    assert_eq!(
        SymptomChart::new(&course, Instrument::Phq9).to_svg(),
        SymptomChart::new(&course.clone(), Instrument::Phq9).to_svg()
    );
    assert_eq!(
        RhythmChart::new(&series.weeks()[0]).to_svg(),
        RhythmChart::new(&series.weeks()[0].clone()).to_svg()
    );
}

#[test]
fn pictures_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ClosenessCircle<'static>>();
    assert_send_sync::<SymptomChart<'static>>();
    assert_send_sync::<RhythmChart<'static>>();
}

#[test]
fn the_rhythm_pictures_are_the_bundled_series() {
    let series: RhythmSeries = from_json(SERIES).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/pictures");
    for (name, week) in [
        ("first", series.weeks().first()),
        ("last", series.weeks().last()),
    ] {
        let svg = RhythmChart::new(week.unwrap()).to_svg();
        let shown =
            std::fs::read_to_string(dir.join(format!("rhythm_chart_{name}_week.svg"))).unwrap();
        assert!(
            shown == svg,
            "docs/pictures/rhythm_chart_{name}_week.svg is out of date: \
             `cargo run --example ipsrt_rhythm --features svg -- --svg docs/pictures`"
        );
    }
}
