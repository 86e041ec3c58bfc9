//! Quickstart: prints the IPT framework (filled in as the crate grows).

fn main() {
    println!("interpersonal quickstart");
}
