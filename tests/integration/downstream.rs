//! The public test helpers work as a downstream crate would use them: the
//! proptest strategies (feature `proptest`) give valid documents, and the
//! `Arbitrary` impls (feature `arbitrary`) give values from any bytes without
//! panicking, which the crate then checks without panicking.

#[cfg(feature = "proptest")]
mod strategies {
    use interpersonal::measure::{
        AsrmItem, Gad7Item, Hamd17Item, InstrumentScore, Phq9Item, ScoringOptions,
    };
    use interpersonal::{Course, Engine, from_json, strategy};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        #[test]
        fn inventories_are_valid(inventory in strategy::inventory()) {
            prop_assert!(inventory.validate().is_ok());
        }

        #[test]
        fn rule_sets_compile(rules in strategy::rule_set()) {
            prop_assert!(Engine::compile(rules).is_ok());
        }

        #[test]
        fn contracts_are_valid(contract in strategy::contract()) {
            prop_assert!(contract.validate().is_ok());
        }

        #[test]
        fn courses_read_back_from_their_json(course in strategy::course()) {
            let json = interpersonal::to_json(&course).unwrap();
            prop_assert_eq!(from_json::<Course>(&json).unwrap(), course);
        }

        #[test]
        fn answers_score(
            phq9 in strategy::answers::<Phq9Item>(),
            gad7 in strategy::answers::<Gad7Item>(),
            hamd in strategy::answers::<Hamd17Item>(),
            asrm in strategy::answers::<AsrmItem>(),
        ) {
            let options = ScoringOptions::default();
            prop_assert!(InstrumentScore::from_answers(&phq9, &options).is_ok());
            prop_assert!(InstrumentScore::from_answers(&gad7, &options).is_ok());
            prop_assert!(InstrumentScore::from_answers(&hamd, &options).is_ok());
            prop_assert!(InstrumentScore::from_answers(&asrm, &options).is_ok());
        }
    }
}

#[cfg(feature = "arbitrary")]
mod arbitrary_values {
    use arbitrary::{Arbitrary, Unstructured};
    use interpersonal::measure::{InstrumentScore, Phq9Answers, ScoringOptions};
    use interpersonal::{Course, Engine, Inventory, RuleSet, TreatmentContract, from_json};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_bytes_make_values_the_crate_checks_without_panicking(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048)
        ) {
            let mut u = Unstructured::new(&bytes);
            if let Ok(inventory) = Inventory::arbitrary(&mut u) {
                let _ = inventory.validate();
                let _ = Engine::standard().unwrap().evaluate(&inventory);
            }
            if let Ok(rules) = RuleSet::arbitrary(&mut u) {
                if let Ok(engine) = Engine::compile(rules) {
                    let _ = engine.evaluate(&Inventory::new(
                        chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                        Default::default(),
                    ));
                }
            }
            if let Ok(contract) = TreatmentContract::arbitrary(&mut u) {
                let _ = contract.validate();
            }
            if let Ok(course) = Course::arbitrary(&mut u) {
                let json = interpersonal::to_json(&course).unwrap();
                prop_assert_eq!(from_json::<Course>(&json).unwrap(), course);
            }
            if let Ok(answers) = Phq9Answers::arbitrary(&mut u) {
                let _ = InstrumentScore::from_answers(&answers, &ScoringOptions::default());
            }
        }
    }
}
