//! String similarity on skeletons: Jaro-Winkler and a bounded edit distance, both on bytes.
//!
//! Skeletons are almost always ASCII and shorter than 64 bytes, so both functions work on bytes
//! with bit masks instead of `char` vectors: no allocation per pair, which is what makes
//! comparing pre-folded keys cheap. Non-ASCII skeletons (names in scripts without a
//! transliteration table) are compared byte-wise, which keeps the measures symmetric and in
//! range while being coarser.

/// Jaro-Winkler similarity of two byte strings, in [0, 1], symmetric, 1 for equal strings.
///
/// Jaro similarity `J = (m/|a| + m/|b| + (m - t)/m) / 3` counts the `m` bytes that match within
/// a window of `max(|a|, |b|)/2 - 1` and the `t` half-transpositions among them; Winkler adds
/// `l * 0.1 * (1 - J)` for a common prefix of `l ≤ 4` bytes. To be exactly symmetric the pair
/// is put in a canonical order first (the greedy matching step is not).
///
/// ```
/// use citegraph::names::jaro_winkler;
///
/// assert_eq!(jaro_winkler(b"strelcov", b"strelcov"), 1.0);
/// assert!(jaro_winkler(b"srelcov", b"strelcov") > 0.9);
/// assert_eq!(jaro_winkler(b"abc", b"xyz"), 0.0);
/// ```
pub fn jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    if a == b {
        return 1.0;
    }
    let (a, b) = if (a.len(), a) <= (b.len(), b) {
        (a, b)
    } else {
        (b, a)
    };
    let j = jaro(a, b);
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    (j + prefix as f64 * 0.1 * (1.0 - j)).clamp(0.0, 1.0)
}

fn jaro(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if b.len() > 64 {
        return strsim::jaro(&String::from_utf8_lossy(a), &String::from_utf8_lossy(b));
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut b_used: u64 = 0;
    let mut a_used: u64 = 0;
    let mut m = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for (j, &cb) in b.iter().enumerate().take(hi).skip(lo) {
            if b_used & (1 << j) == 0 && ca == cb {
                b_used |= 1 << j;
                a_used |= 1 << i;
                m += 1;
                break;
            }
        }
    }
    if m == 0 {
        return 0.0;
    }
    let mut t = 0usize;
    let mut k = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        if a_used & (1 << i) == 0 {
            continue;
        }
        while b_used & (1 << k) == 0 {
            k += 1;
        }
        if ca != b[k] {
            t += 1;
        }
        k += 1;
    }
    let m = m as f64;
    (m / a.len() as f64 + m / b.len() as f64 + (m - (t / 2) as f64) / m) / 3.0
}

/// The edit distance between two byte strings if it is at most one (insertion, deletion,
/// substitution or transposition of neighbours), else `None`. Linear time, no allocation.
///
/// ```
/// use citegraph::names::within_one_edit;
///
/// assert_eq!(within_one_edit(b"strelcov", b"strelcov"), Some(0));
/// assert_eq!(within_one_edit(b"srelcov", b"strelcov"), Some(1));
/// assert_eq!(within_one_edit(b"strelcov", b"stlercov"), None);
/// assert_eq!(within_one_edit(b"strelcov", b"sterlcov"), Some(1));
/// assert_eq!(within_one_edit(b"panov", b"popov"), None);
/// ```
pub fn within_one_edit(a: &[u8], b: &[u8]) -> Option<u8> {
    if a == b {
        return Some(0);
    }
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return None;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        // Substitution at p, or transposition of p and p+1.
        if a[p + 1..] == b[p + 1..] {
            return Some(1);
        }
        if p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..] {
            return Some(1);
        }
        None
    } else {
        // Deletion from b at p.
        (a[p..] == b[p + 1..]).then_some(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaro_winkler_matches_strsim_on_ascii() {
        let words = [
            "strelcov", "srelcov", "brovn", "brovne", "panov", "popov", "martha", "marhta",
            "dixon", "dicksonx", "a", "ab", "",
        ];
        for a in words {
            for b in words {
                let ours = jaro_winkler(a.as_bytes(), b.as_bytes());
                let theirs = strsim::jaro_winkler(a, b);
                let (x, y) = if (a.len(), a) <= (b.len(), b) {
                    (a, b)
                } else {
                    (b, a)
                };
                let theirs_canonical = strsim::jaro_winkler(x, y);
                assert!(
                    (ours - theirs_canonical).abs() < 1e-9 || (a.is_empty() || b.is_empty()),
                    "{a} {b}: {ours} vs {theirs}"
                );
            }
        }
    }

    #[test]
    fn one_edit_cases() {
        assert_eq!(within_one_edit(b"", b"a"), Some(1));
        assert_eq!(within_one_edit(b"ab", b"ba"), Some(1));
        assert_eq!(within_one_edit(b"abc", b"cba"), None);
        assert_eq!(within_one_edit(b"strelcov", b"strelkov"), Some(1));
        assert_eq!(within_one_edit(b"brovn", b"brovne"), Some(1));
        assert_eq!(within_one_edit(b"abcd", b"abdc"), Some(1));
        assert_eq!(within_one_edit(b"abcd", b"xbcy"), None);
    }
}
