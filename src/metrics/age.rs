use serde::{Deserialize, Serialize};

/// How old the cited works are, relative to the citing work.
///
/// The age of a reference is `citing_year − year`. `median_age_years` is the median of the ages
/// (the mean of the two middle ages for an even count) — Burton & Kebler's "half-life" read
/// synchronously. `price_index_5y` is Price's index: the share of references at most five years
/// older than the citing work (D. J. de Solla Price, "Citation measures of hard science, soft
/// science, technology, and nonscience", 1970). References newer than the citing work (in
/// press) count with a negative age.
///
/// ```
/// use citegraph::reference_age;
///
/// let a = reference_age(2019, [2017, 2018, 2012, 2016]).unwrap();
/// assert_eq!(a.median_age_years, 2.5);
/// assert_eq!(a.price_index_5y, 0.75);
/// assert!(reference_age(2019, []).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ReferenceAge {
    /// The citing work's year.
    pub citing_year: i32,
    /// References with a year (the denominator).
    pub dated_references: usize,
    /// Median age in years.
    pub median_age_years: f64,
    /// Mean age in years.
    pub mean_age_years: f64,
    /// Share of dated references with age ≤ 5 years, in [0, 1].
    pub price_index_5y: f64,
}

/// Computes [`ReferenceAge`] from the citing year and the years of the references; `None` when
/// no reference has a year.
pub fn reference_age(
    citing_year: i32,
    years: impl IntoIterator<Item = i32>,
) -> Option<ReferenceAge> {
    let mut ages: Vec<i64> = years
        .into_iter()
        .map(|y| i64::from(citing_year) - i64::from(y))
        .collect();
    if ages.is_empty() {
        return None;
    }
    ages.sort_unstable();
    let n = ages.len();
    let median = if n % 2 == 1 {
        ages[n / 2] as f64
    } else {
        (ages[n / 2 - 1] + ages[n / 2]) as f64 / 2.0
    };
    let mean = ages.iter().map(|&a| a as f64).sum::<f64>() / n as f64;
    let recent = ages.iter().filter(|&&a| a <= 5).count();
    Some(ReferenceAge {
        citing_year,
        dated_references: n,
        median_age_years: median,
        mean_age_years: mean,
        price_index_5y: recent as f64 / n as f64,
    })
}
