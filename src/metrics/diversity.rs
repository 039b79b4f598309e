use serde::{Deserialize, Serialize};

/// How spread out a reference list is over its sources.
///
/// Computed from the counts `n_i` of references in each of the `S` distinct sources, with
/// `N = Σ n_i` references that have a source and `p_i = n_i / N`:
///
/// | field | formula | literature |
/// |---|---|---|
/// | `distinct_sources` | `S` (Hill number of order 0) | richness |
/// | `shannon` | `H = −Σ p_i ln p_i`, in nats | Shannon (1948) |
/// | `pielou_evenness` | `J = H / ln S`, for `S ≥ 2` | Pielou (1966) |
/// | `simpson_sum_p2` | `λ = Σ p_i²` (probability two draws with replacement share a source) | Simpson (1949) |
/// | `gini_simpson` | `1 − λ` | Gini (1912); Stirling (2007) as *variety–balance* |
/// | `simpson_unbiased` | `Σ n_i (n_i − 1) / (N (N − 1))` (draws without replacement), for `N ≥ 2` | Simpson (1949) |
/// | `hill_1_effective_sources` | `exp(H)` | Hill (1973) |
/// | `hill_2_effective_sources` | `1 / λ` | Hill (1973) |
/// | `top_source_share` | `max n_i / N` | concentration ratio |
///
/// Bounds: `0 ≤ H ≤ ln S`; `0 ≤ J ≤ 1`; `1/S ≤ λ ≤ 1`; `0 ≤ 1 − λ ≤ 1 − 1/S`;
/// `1 ≤ exp(H) ≤ S` and `1 ≤ 1/λ ≤ exp(H)` (Hill numbers decrease with order); `1/S ≤ top ≤ 1`.
/// With no sources at all every value is 0 and the optional ones are `None`.
///
/// References: C. E. Shannon (1948), *Bell System Technical Journal* 27:379–423;
/// E. C. Pielou (1966), *J. Theoretical Biology* 13:131–144; E. H. Simpson (1949), *Nature*
/// 163:688; M. O. Hill (1973), *Ecology* 54:427–432; A. Stirling (2007), *J. R. Soc. Interface*
/// 4:707–719; L. Leydesdorff, C. S. Wagner, L. Bornmann (2019), *J. Informetrics* 13:255–269.
///
/// ```
/// use citegraph::source_diversity;
///
/// let d = source_diversity(&[3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
/// assert_eq!(d.distinct_sources, 13);
/// assert!((d.shannon - 2.476247).abs() < 1e-6);
/// assert!((d.gini_simpson - 0.906574).abs() < 1e-6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct SourceDiversity {
    /// `N`: references that have a source.
    pub sources: usize,
    /// `S`: distinct sources.
    pub distinct_sources: usize,
    /// Shannon entropy `H` in nats.
    pub shannon: f64,
    /// Pielou evenness `H / ln S`; `None` when `S < 2`.
    pub pielou_evenness: Option<f64>,
    /// Simpson concentration `Σ p²`.
    pub simpson_sum_p2: f64,
    /// Gini–Simpson index `1 − Σ p²`.
    pub gini_simpson: f64,
    /// Simpson's unbiased estimator `Σ n(n−1) / (N(N−1))`; `None` when `N < 2`.
    pub simpson_unbiased: Option<f64>,
    /// Hill number of order 0: `S`.
    pub hill_0: f64,
    /// Hill number of order 1: `exp(H)`, the effective number of sources.
    pub hill_1_effective_sources: f64,
    /// Hill number of order 2: `1 / Σ p²`.
    pub hill_2_effective_sources: f64,
    /// Share of the largest source, `max n / N`.
    pub top_source_share: f64,
}

/// Computes [`SourceDiversity`] from the number of references in each source. Zero counts are
/// ignored; the order of the counts does not matter.
pub fn source_diversity(counts: &[usize]) -> SourceDiversity {
    let counts: Vec<usize> = counts.iter().copied().filter(|&n| n > 0).collect();
    let total: usize = counts.iter().sum();
    if total == 0 {
        return SourceDiversity::default();
    }
    let n = total as f64;
    let s = counts.len();
    let mut shannon = 0.0;
    let mut sum_p2 = 0.0;
    let mut pairs = 0.0;
    for &c in &counts {
        let p = c as f64 / n;
        shannon -= p * p.ln();
        sum_p2 += p * p;
        pairs += (c as f64) * (c as f64 - 1.0);
    }
    // Rounding can push a one-source entropy to -0.0 or a sum of squares past 1.
    let shannon = shannon.max(0.0);
    let sum_p2 = sum_p2.clamp(0.0, 1.0);
    let top = counts.iter().copied().max().unwrap_or(0) as f64 / n;
    SourceDiversity {
        sources: total,
        distinct_sources: s,
        shannon,
        pielou_evenness: (s >= 2).then(|| (shannon / (s as f64).ln()).clamp(0.0, 1.0)),
        simpson_sum_p2: sum_p2,
        gini_simpson: 1.0 - sum_p2,
        simpson_unbiased: (total >= 2).then(|| pairs / (n * (n - 1.0))),
        hill_0: s as f64,
        hill_1_effective_sources: shannon.exp().clamp(1.0, s as f64),
        hill_2_effective_sources: (1.0 / sum_p2).clamp(1.0, s as f64),
        top_source_share: top,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_source_has_no_diversity() {
        let d = source_diversity(&[5]);
        assert_eq!(d.shannon, 0.0);
        assert_eq!(d.gini_simpson, 0.0);
        assert_eq!(d.pielou_evenness, None);
        assert_eq!(d.hill_1_effective_sources, 1.0);
        assert_eq!(d.top_source_share, 1.0);
    }

    #[test]
    fn even_sources_are_perfectly_even() {
        let d = source_diversity(&[2, 2, 2, 2]);
        assert!((d.shannon - 4f64.ln()).abs() < 1e-12);
        assert!((d.pielou_evenness.unwrap() - 1.0).abs() < 1e-12);
        assert!((d.hill_2_effective_sources - 4.0).abs() < 1e-12);
        assert!((d.simpson_unbiased.unwrap() - 4.0 * 2.0 / (8.0 * 7.0)).abs() < 1e-12);
    }

    #[test]
    fn seed_figures() {
        // The seed's 17 references: one series thrice, two sources twice, ten once.
        let d = source_diversity(&[3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
        assert_eq!(d.sources, 17);
        assert!((d.pielou_evenness.unwrap() - 0.965418).abs() < 1e-6);
        assert!((d.simpson_sum_p2 - 0.093426).abs() < 1e-6);
        assert!((d.simpson_unbiased.unwrap() - 0.036765).abs() < 1e-6);
        assert!((d.hill_1_effective_sources - 11.896534).abs() < 1e-6);
        assert!((d.hill_2_effective_sources - 10.703704).abs() < 1e-6);
        assert!((d.top_source_share - 0.176471).abs() < 1e-6);
    }

    #[test]
    fn empty_is_zero() {
        assert_eq!(source_diversity(&[]), SourceDiversity::default());
        assert_eq!(source_diversity(&[0, 0]), SourceDiversity::default());
    }
}
