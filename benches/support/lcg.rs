//! A small deterministic generator for bench data (the crate itself has no
//! randomness), shared by the benches through `#[path]`.

/// A linear congruential generator: the same numbers on every run.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number, 31 bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// One of `items`, chosen by the next number.
    #[allow(dead_code)]
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() as usize) % items.len()]
    }
}
