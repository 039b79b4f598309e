//! Finding pairs of family spellings one edit apart without comparing all pairs.
//!
//! Clustering compares mentions only within a skeleton (exact blocking) and, for typos, between
//! blocks whose folded spellings are one edit apart. Those pairs come from a *deletion
//! neighbourhood* index: each spelling is entered under its own hash and the hashes of its single-byte deletions; two
//! strings within one edit (insertion, deletion, substitution or neighbour transposition) always
//! share an entry, because deleting the differing byte (or one of the swapped ones) from both, or
//! from the longer one only, gives the same string. So the index has recall 1 against the
//! exhaustive comparison, and every candidate is verified with the exact distance check, so its
//! precision is 1 too. It costs `L + 1` entries per distinct skeleton of length `L` (about ten)
//! and a sort, against the `D²/2` comparisons of all pairs of `D` distinct skeletons; phonetic
//! keys or n-gram blocking would lose recall or cost more candidates for the same guarantee.

use super::similarity::within_one_edit;
use crate::hash::fnv_pieces;

/// How clustering finds typo candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Candidates {
    /// The deletion-neighbourhood index (near-linear).
    #[default]
    DeletionIndex,
    /// Every pair of distinct spellings (quadratic; a reference to check the index against).
    AllPairs,
}

/// Index pairs `(i, j)`, `i < j`, of distinct strings at least `min_len` bytes long and
/// exactly one edit apart, sorted.
pub(crate) fn one_edit_pairs(
    skeletons: &[&str],
    min_len: usize,
    how: Candidates,
) -> Vec<(u32, u32)> {
    let eligible: Vec<u32> = (0..skeletons.len())
        .filter(|&i| skeletons[i].len() >= min_len.max(1))
        .filter_map(|i| u32::try_from(i).ok())
        .collect();
    let mut pairs = match how {
        Candidates::DeletionIndex => index_pairs(skeletons, &eligible),
        Candidates::AllPairs => {
            let mut out = Vec::new();
            for (k, &i) in eligible.iter().enumerate() {
                for &j in &eligible[k + 1..] {
                    out.push((i.min(j), i.max(j)));
                }
            }
            out
        }
    };
    pairs.sort_unstable();
    pairs.dedup();
    pairs.retain(|&(i, j)| {
        within_one_edit(
            skeletons[i as usize].as_bytes(),
            skeletons[j as usize].as_bytes(),
        ) == Some(1)
    });
    pairs
}

fn index_pairs(skeletons: &[&str], eligible: &[u32]) -> Vec<(u32, u32)> {
    let mut entries: Vec<(u64, u32)> = Vec::with_capacity(eligible.len() * 10);
    for &id in eligible {
        let s = skeletons[id as usize].as_bytes();
        entries.push((fnv_pieces(&[s]), id));
        for d in 0..s.len() {
            // Deleting either byte of a doubled letter gives the same string; one entry will do.
            if d > 0 && s[d] == s[d - 1] {
                continue;
            }
            entries.push((fnv_pieces(&[&s[..d], &s[d + 1..]]), id));
        }
    }
    entries.sort_unstable();
    entries.dedup();
    let mut pairs = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let mut end = start + 1;
        while end < entries.len() && entries[end].0 == entries[start].0 {
            end += 1;
        }
        for x in start..end {
            for y in x + 1..end {
                let (i, j) = (entries[x].1, entries[y].1);
                if i != j {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
        start = end;
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_equals_all_pairs() {
        let words = [
            "strelcov",
            "srelcov",
            "strelkov",
            "strelcova",
            "brovn",
            "brovne",
            "panov",
            "popov",
            "ivanov",
            "ivanova",
            "ivanvo",
            "ab",
            "abc",
        ];
        let a = one_edit_pairs(&words, 3, Candidates::DeletionIndex);
        let b = one_edit_pairs(&words, 3, Candidates::AllPairs);
        assert_eq!(a, b);
        assert!(a.contains(&(0, 1)));
        assert!(a.contains(&(8, 10)));
    }
}
