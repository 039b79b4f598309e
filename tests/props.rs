//! Property tests of the metrics and the JSON output.

#[path = "common/generate.rs"]
mod generate;

use citegraph::{JsonReport, reference_age, source_diversity};
use proptest::prelude::*;

proptest! {
    #[test]
    fn diversity_stays_in_bounds(counts in proptest::collection::vec(0usize..50, 0..40)) {
        let d = source_diversity(&counts);
        let s = counts.iter().filter(|&&n| n > 0).count();
        let eps = 1e-9;
        prop_assert_eq!(d.distinct_sources, s);
        prop_assert_eq!(d.sources, counts.iter().sum::<usize>());
        if s == 0 {
            prop_assert_eq!(d.shannon, 0.0);
            return Ok(());
        }
        let ln_s = (s as f64).ln();
        prop_assert!(d.shannon >= 0.0 && d.shannon <= ln_s + eps);
        prop_assert!(d.simpson_sum_p2 >= 1.0 / s as f64 - eps && d.simpson_sum_p2 <= 1.0 + eps);
        prop_assert!(d.gini_simpson >= -eps && d.gini_simpson <= 1.0 - 1.0 / s as f64 + eps);
        if let Some(j) = d.pielou_evenness {
            prop_assert!((0.0..=1.0).contains(&j));
        }
        if let Some(u) = d.simpson_unbiased {
            prop_assert!((0.0..=1.0 + eps).contains(&u));
        }
        prop_assert!(d.hill_1_effective_sources >= 1.0 - eps && d.hill_1_effective_sources <= s as f64 + eps);
        prop_assert!(d.hill_2_effective_sources >= 1.0 - eps && d.hill_2_effective_sources <= d.hill_1_effective_sources + 1e-6);
        prop_assert!(d.top_source_share >= 1.0 / s as f64 - eps && d.top_source_share <= 1.0);
    }

    #[test]
    fn diversity_ignores_order(mut counts in proptest::collection::vec(1usize..20, 1..30)) {
        let a = source_diversity(&counts);
        counts.reverse();
        let b = source_diversity(&counts);
        prop_assert!((a.shannon - b.shannon).abs() < 1e-12);
        prop_assert!((a.gini_simpson - b.gini_simpson).abs() < 1e-12);
    }

    #[test]
    fn price_index_and_median_in_bounds(years in proptest::collection::vec(1900i32..2030, 1..60), citing in 1950i32..2030) {
        let age = reference_age(citing, years.iter().copied()).expect("non-empty");
        prop_assert!((0.0..=1.0).contains(&age.price_index_5y));
        let min = years.iter().map(|y| citing - y).min().unwrap_or(0) as f64;
        let max = years.iter().map(|y| citing - y).max().unwrap_or(0) as f64;
        prop_assert!(age.median_age_years >= min && age.median_age_years <= max);
        prop_assert_eq!(age.dated_references, years.len());
    }

    #[test]
    fn json_reads_back_and_metrics_are_bounded(n in 1usize..40, seed in any::<u64>()) {
        let list = generate::numbered_list(n, seed);
        let analysis = citegraph::analyze(&list).expect("analysed");
        let json = citegraph::to_json(&analysis);
        let back: JsonReport = serde_json::from_str(&json).expect("reads back");
        prop_assert_eq!(back.references.len(), analysis.document.references.len());
        prop_assert_eq!(&back.metrics, &analysis.metrics);
        let sc = &back.metrics.self_citation.author;
        prop_assert!((0.0..=1.0).contains(&sc.share));
        let total: f64 = back.metrics.language_share.values().sum();
        prop_assert!(back.metrics.language_share.is_empty() || (total - 1.0).abs() < 1e-9);
        // Every mention carries a person id that exists.
        let ids: std::collections::HashSet<&str> = back.persons.iter().map(|p| p.id.as_str()).collect();
        for r in &back.references {
            for a in r.authors.iter().chain(&r.editors) {
                prop_assert!(a.person.as_deref().is_some_and(|p| ids.contains(p)));
            }
        }
    }
}
