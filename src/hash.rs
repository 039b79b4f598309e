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

/// A word-at-a-time multiplicative hash (the rustc "Fx" family), fixed like [`Fnv`] but
/// eight bytes a step: for maps that are only probed, never iterated for output (so their
/// order cannot leak into results), where FNV's byte-at-a-time chain of multiplies was the
/// larger part of a probe.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHash(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHash {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHash {
    fn finish(&self) -> u64 {
        // The table buckets by the low bits, which the last multiply leaves weakest.
        let h = self.0;
        h ^ (h >> 29) ^ (h >> 47)
    }

    fn write(&mut self, bytes: &[u8]) {
        let (chunks, rest) = bytes.as_chunks::<8>();
        for c in chunks {
            self.add(u64::from_le_bytes(*c));
        }
        if !rest.is_empty() {
            // The length in the byte the rest leaves free, so "a" and "a\0" differ.
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            last[7] = rest.len() as u8;
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
}

/// A `HashMap` with [`WordHash`]: probe-only maps (see there).
pub(crate) type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHash>>;

/// FNV-1a of a byte sequence given as pieces (the pieces are hashed as if concatenated).
pub(crate) fn fnv_pieces(pieces: &[&[u8]]) -> u64 {
    let mut h = Fnv::default();
    for p in pieces {
        h.write(p);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn the_hash_tells_short_words_apart() {
        let b = BuildHasherDefault::<WordHash>::default();
        let words = [
            "a", "b", "ab", "ba", "a\0", "Journal", "Journal,", "journal",
        ];
        for (i, x) in words.iter().enumerate() {
            for y in &words[i + 1..] {
                assert_ne!(b.hash_one(x), b.hash_one(y), "{x:?} {y:?}");
            }
        }
    }
}
