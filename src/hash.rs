//! A small, fixed, fast hash for interning keys and for the deletion index.
//!
//! The standard library's SipHash is randomly seeded and slow on short keys; clustering hashes
//! a few million short strings, and its tie-breaking must not depend on a seed. FNV-1a is fixed
//! and fast on short keys; the index verifies every candidate it finds, so collisions cost time,
//! never correctness.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// 64-bit FNV-1a.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        // A final mix spreads FNV's weak low bits, which HashMap uses for bucketing.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }
}

/// A `HashMap` with the fixed FNV hash.
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// FNV-1a of a byte sequence given as pieces (the pieces are hashed as if concatenated).
pub(crate) fn fnv_pieces(pieces: &[&[u8]]) -> u64 {
    let mut h = Fnv::default();
    for p in pieces {
        h.write(p);
    }
    h.finish()
}
