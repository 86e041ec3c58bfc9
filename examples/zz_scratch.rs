use interpersonal::*;
fn main() {
    for j in [
        r#"{"schema_version":1,"assessed_on":"2026-03-02","onset":"2026-01","people":[{"id":"m","label":"x","relationship":"parent","status":{"deceased":{}}}]}"#,
        r#"{"schema_version":1,"assessed_on":"2026-03-02","onset":"2026-01","people":[{"id":"w","label":"x","relationship":"spouse","conflict":{"level":"low"}},{"id":"s","label":"y","relationship":"sibling","expectations":{"met":"met"}}],"social_context":{"lives_alone":true}}"#,
    ] {
        let inv: Inventory = from_json(j).unwrap();
        println!("{:?}", inv.validate());
        let a = Engine::standard().unwrap().evaluate(&inv);
        for m in &a.missing { println!("  {} {:?} {:?}", m.path, m.held_back, m.needed_for); }
    }
}
