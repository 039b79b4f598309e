//! Aligning the two reference lists of a bilingual page entry by entry.
//!
//! Russian journals print the same works twice: "Список литературы" in Cyrillic (GOST) and
//! "References" in Latin transliteration or translation, in the same order but not always with
//! the same count (the Latin list may omit or merge an entry). Titles cannot be compared
//! across the two scripts, so a pair is scored on what survives translation: the year,
//! transliterated family names, page ranges, volume and issue, DOIs, URLs and transliterated
//! venue names. The lists are then aligned monotonically, by their printed numbers when those
//! agree and nothing contradicts them, otherwise by dynamic programming over pair scores.

use crate::model::Reference;
use crate::names::{cyrillic_to_latin, fold_family, jaro_winkler, skeleton};

/// The least score at which two entries are taken for one work. One agreeing field is not
/// enough (two unrelated works may share a year); two are, when nothing contradicts them.
const PAIR_THRESHOLD: f64 = 3.0;

/// The least score at which two entries held in place by aligned neighbours are taken for one
/// work: some agreement, and more of it than contradiction.
const GAP_THRESHOLD: f64 = 1.0;

/// Above this many pair cells the dynamic programme keeps to a band around the diagonal, so
/// a hostile page with two huge lists stays linear in their length.
const FULL_TABLE_CELLS: usize = 1 << 20;

/// Half-width of that band.
const BAND: usize = 64;

/// Aligns two reference lists that print the same works in two languages, returning the
/// 0-based pairs `(primary, alternate)` judged to be one work, ascending in both.
///
/// The pairs are monotone (each pair lies after the previous in both lists) and no entry is
/// paired twice; entries left out have no counterpart. When both lists are numbered with the
/// same numbers and no numbered pair contradicts itself (a different year, DOI or first
/// author), the numbers decide; otherwise the pairing maximises the summed agreement of years,
/// transliterated author family names, pages, volume, issue, DOIs, URLs and venue names, and
/// pairs only entries whose agreement clears a threshold. Lists with nothing in common give
/// no pairs.
///
/// ```
/// use citegraph::{align_references, parse_reference};
///
/// let cyrillic = [
///     parse_reference("Стрельцов Д.В. Япония: политическая модернизация эпохи Хэйсэй. М.: АИРО-XXI, 2013. 296 с.").0,
///     parse_reference("Панов А.Н. Приоритеты Синдзо Абэ // Япония 2016. Ежегодник. М.: АИРО-XXI, 2016. С. 7–43.").0,
///     parse_reference("Хрущёв С.Н. Энергетический диалог // Мировая экономика и международные отношения. 2018. Т. 62. № 4. С. 104–112.").0,
/// ];
/// let latin = [
///     parse_reference("Streltsov D.V. (2013) Japan: Political Modernization of the Heisei Era, Moscow: AIRO-XXI (in Russian).").0,
///     // the Latin list left out Panov's chapter
///     parse_reference("Khrushchev S.N. (2018) Energy Dialogue. Mirovaya ekonomika i mezhdunarodnye otnosheniya, vol. 62, no 4, pp. 104–112.").0,
/// ];
/// assert_eq!(align_references(&latin, &cyrillic), vec![(0, 0), (1, 2)]);
/// assert!(align_references(&latin, &[]).is_empty());
/// ```
pub fn align_references(primary: &[Reference], alternate: &[Reference]) -> Vec<(usize, usize)> {
    if primary.is_empty() || alternate.is_empty() {
        return Vec::new();
    }
    let a: Vec<Features> = primary.iter().map(Features::of).collect();
    let b: Vec<Features> = alternate.iter().map(Features::of).collect();
    if let Some(pairs) = by_numbers(&a, &b) {
        return pairs;
    }
    fill_gaps(&a, &b, by_scores(&a, &b))
}

/// Between two aligned pairs (or a pair and a list end), gaps of equal length on both sides
/// are the same works whose evidence fell short (a misparsed author, a book with no pages):
/// they pair in order when each pair still agrees more than it contradicts.
fn fill_gaps(a: &[Features], b: &[Features], pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(pairs.len());
    let mut next = (0, 0);
    for anchor in pairs
        .iter()
        .copied()
        .chain(std::iter::once((a.len(), b.len())))
    {
        let (gap_a, gap_b) = (anchor.0 - next.0, anchor.1 - next.1);
        if gap_a == gap_b
            && (0..gap_a)
                .all(|k| score_for(&a[next.0 + k], &b[next.1 + k], GAP_THRESHOLD) >= GAP_THRESHOLD)
        {
            out.extend((0..gap_a).map(|k| (next.0 + k, next.1 + k)));
        }
        if anchor.0 < a.len() {
            out.push(anchor);
        }
        next = (anchor.0 + 1, anchor.1 + 1);
    }
    out
}

/// The numbers pair the lists when both print the same numbers in the same order and no
/// numbered pair contradicts itself.
fn by_numbers(a: &[Features], b: &[Features]) -> Option<Vec<(usize, usize)>> {
    if a.len() != b.len()
        || a.iter()
            .zip(b)
            .any(|(x, y)| x.number.is_none() || x.number != y.number)
    {
        return None;
    }
    let scores: Vec<f64> = a.iter().zip(b).map(|(x, y)| score(x, y)).collect();
    if scores.iter().any(|&s| s < 0.0) {
        return None;
    }
    Some((0..a.len()).map(|i| (i, i)).collect())
}

/// The monotone pairing with the greatest summed score, over pairs that clear the threshold:
/// a longest-common-subsequence programme in which a pair earns its score and a skip earns
/// nothing.
fn by_scores(a: &[Features], b: &[Features]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let band = if n.saturating_mul(m) <= FULL_TABLE_CELLS {
        m
    } else {
        // wide enough that consecutive rows overlap, so (0, 0) still reaches (n, m)
        BAND.max(2 * m.div_ceil(n) + 2)
    };
    // Row i covers columns lo(i)..=hi(i), both non-decreasing in i.
    let centre = |i: usize| i.saturating_mul(m) / n;
    let lo = |i: usize| centre(i).saturating_sub(band);
    let hi = |i: usize| centre(i).saturating_add(band).min(m);
    let mut table: Vec<Vec<(f64, u8)>> = Vec::with_capacity(n + 1);
    const SKIP_A: u8 = 1;
    const SKIP_B: u8 = 2;
    const PAIR: u8 = 3;
    for i in 0..=n {
        let (l, h) = (lo(i), hi(i));
        let mut row: Vec<(f64, u8)> = Vec::with_capacity(h - l + 1);
        for j in l..=h {
            let mut best = (
                if i == 0 && j == 0 {
                    0.0
                } else {
                    f64::NEG_INFINITY
                },
                0,
            );
            if i > 0
                && let Some(&(up, _)) = cell(&table, &lo, i - 1, j)
                && up > best.0
            {
                best = (up, SKIP_A);
            }
            if j > l
                && let Some(&(left, _)) = row.get(j - 1 - l)
                && left > best.0
            {
                best = (left, SKIP_B);
            }
            if i > 0
                && j > 0
                && let Some(&(diag, _)) = cell(&table, &lo, i - 1, j - 1)
                && diag.is_finite()
            {
                let s = score_for(&a[i - 1], &b[j - 1], PAIR_THRESHOLD);
                if s >= PAIR_THRESHOLD && diag + s > best.0 {
                    best = (diag + s, PAIR);
                }
            }
            row.push(best);
        }
        table.push(row);
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(&(_, step)) = cell(&table, &lo, i, j) else {
            break;
        };
        match step {
            PAIR => {
                pairs.push((i - 1, j - 1));
                i -= 1;
                j -= 1;
            }
            SKIP_A => i -= 1,
            SKIP_B => j -= 1,
            _ => break,
        }
    }
    pairs.reverse();
    pairs
}

fn cell<'t>(
    table: &'t [Vec<(f64, u8)>],
    lo: &impl Fn(usize) -> usize,
    i: usize,
    j: usize,
) -> Option<&'t (f64, u8)> {
    let l = lo(i);
    table.get(i)?.get(j.checked_sub(l)?)
}

/// What of an entry survives translation, folded once.
#[derive(Debug, Default)]
struct Features {
    number: Option<u32>,
    year: Option<i32>,
    /// Transliteration skeletons of the authors' (or else editors') family names.
    families: Vec<String>,
    doi: Option<String>,
    url: Option<String>,
    pages: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    /// Transliterated venue and publisher words ("yaponskie issledovaniya").
    venues: Vec<String>,
    /// Transliterated title, for entries printed in one script in both lists.
    title: Option<String>,
}

impl Features {
    fn of(r: &Reference) -> Features {
        let names = if r.authors.is_empty() {
            &r.editors
        } else {
            &r.authors
        };
        Features {
            number: r.number,
            year: r.year,
            families: names
                .iter()
                .map(|n| skeleton(&fold_family(&n.family)))
                .filter(|s| !s.is_empty())
                .collect(),
            doi: r.doi.as_deref().map(str::to_lowercase),
            url: r.url.as_deref().map(|u| {
                u.trim_end_matches('/')
                    .trim_start_matches("https://")
                    .trim_start_matches("http://")
                    .trim_start_matches("www.")
                    .to_lowercase()
            }),
            pages: r
                .pages
                .as_deref()
                .map(digits_and_hyphen)
                .filter(|p| p.contains('-')),
            volume: r
                .volume
                .as_deref()
                .map(digits_and_hyphen)
                .filter(|v| !v.is_empty()),
            issue: r
                .issue
                .as_deref()
                .map(digits_and_hyphen)
                .filter(|v| !v.is_empty()),
            venues: [r.container.as_deref(), r.publisher.as_deref()]
                .into_iter()
                .flatten()
                .map(latin_words)
                .filter(|v| v.len() >= 3)
                .collect(),
            // A Cyrillic title and its translation never match; a title printed in Latin in
            // both lists (a foreign work) may.
            title: r
                .title
                .as_deref()
                .filter(|t| {
                    !t.chars()
                        .any(|c| cyrillic_to_latin(c.to_lowercase().next().unwrap_or(c)).is_some())
                })
                .map(latin_words)
                .filter(|t| t.len() >= 8),
        }
    }
}

/// The most the venue and title comparisons can add; when the cheap fields leave a pair
/// further than this below what is asked of it, the string comparisons are skipped.
const WORDS_AT_MOST: f64 = 3.5;

/// How strongly two entries look like one work: positive for agreement, negative for a
/// contradiction, zero for fields one of them lacks.
fn score(a: &Features, b: &Features) -> f64 {
    score_for(a, b, f64::NEG_INFINITY)
}

/// [`score`], except that a pair certain to stay below `need` may be scored lower than its
/// full score: the dynamic programme asks about every cell and uses only those that clear the
/// threshold, so the costly string comparisons run only where they can matter.
fn score_for(a: &Features, b: &Features, need: f64) -> f64 {
    let mut s = 0.0;
    if let (Some(x), Some(y)) = (a.year, b.year) {
        s += if x == y { 2.0 } else { -3.0 };
    }
    if let (Some(x), Some(y)) = (&a.doi, &b.doi) {
        s += if x == y { 6.0 } else { -4.0 };
    }
    if let (Some(x), Some(y)) = (&a.url, &b.url) {
        s += if x == y { 5.0 } else { -0.5 };
    }
    if let (Some(x), Some(y)) = (&a.pages, &b.pages) {
        s += if x == y { 2.0 } else { -1.0 };
    }
    for (x, y) in [(&a.volume, &b.volume), (&a.issue, &b.issue)] {
        if let (Some(x), Some(y)) = (x, y) {
            s += if x == y { 0.5 } else { -0.5 };
        }
    }
    let more_names = a.families.len().min(b.families.len()).saturating_sub(1) as f64 * 0.5;
    if s + 3.0 + more_names + WORDS_AT_MOST < need {
        return s;
    }
    if let (Some(x), Some(y)) = (a.families.first(), b.families.first()) {
        if similar_family(x, y) {
            s += 3.0;
            let more = a.families[1..]
                .iter()
                .filter(|x| b.families[1..].iter().any(|y| similar_family(x, y)))
                .count();
            s += 0.5 * more as f64;
        } else {
            s -= 1.5;
        }
    }
    if s + WORDS_AT_MOST < need {
        return s;
    }
    if a.venues
        .iter()
        .any(|x| b.venues.iter().any(|y| similar_words(x, y)))
    {
        s += 1.5;
    }
    if let (Some(x), Some(y)) = (&a.title, &b.title)
        && similar_words(x, y)
    {
        s += 2.0;
    }
    s
}

/// Irregular transliterations ("Yerofeyev" for "Ерофеев", "Strel'tsov") stay close on the
/// skeleton; unrelated names do not.
fn similar_family(a: &str, b: &str) -> bool {
    a == b || jaro_winkler(a.as_bytes(), b.as_bytes()) >= 0.85
}

fn similar_words(a: &str, b: &str) -> bool {
    a == b
        || a.starts_with(b)
        || b.starts_with(a)
        || jaro_winkler(a.as_bytes(), b.as_bytes()) >= 0.92
}

/// Lower-case Latin letters and digits, Cyrillic transliterated, years dropped, words joined
/// by one space: "Японские исследования" and "Yaponskie issledovaniya" meet here.
fn latin_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match cyrillic_to_latin(c) {
            Some(l) => out.push_str(l),
            None if c.is_alphanumeric() => out.push(c),
            None => out.push(' '),
        }
    }
    let words: Vec<&str> = out
        .split_whitespace()
        .filter(|w| !(w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())))
        .collect();
    words.join(" ")
}

/// "pp. 72–95" gives "72-95"; "Т. 62" gives "62".
fn digits_and_hyphen(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '-' | '–' | '—' => Some('-'),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_reference;

    fn refs(lines: &[&str]) -> Vec<Reference> {
        lines.iter().map(|l| parse_reference(l).0).collect()
    }

    fn cyrillic() -> Vec<Reference> {
        refs(&[
            "Стрельцов Д.В. Японо-российские отношения // Вестник Московского университета. Серия 25. 2012. № 3. С. 72–95.",
            "Панов А.Н. Приоритеты Синдзо Абэ // Япония 2016. Ежегодник. М.: АИРО-XXI, 2016. С. 7–43.",
            "Кистанов В.О. Энергетическая безопасность // Японские исследования. 2017. № 2. С. 20–35. DOI: 10.24411/2500-2872-2017-00011",
            "Ерофеев И.В., Ким А.С. Проект «Сахалин-2» // Нефтяное хозяйство. 2014. № 9. С. 12–17.",
            "Энергетическая стратегия России. URL: https://minenergo.gov.ru/node/1026 (дата обращения: 12.01.2019).",
        ])
    }

    fn latin() -> Vec<Reference> {
        refs(&[
            "Streltsov D.V. (2012) Japan-Russia Relations. Vestnik Moskovskogo universiteta. Seriya 25, no 3, pp. 72–95 (in Russian).",
            "Panov A.N. (2016) Priorities of Shinzo Abe. Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 7–43 (in Russian).",
            "Kistanov V.O. (2017) Energy Security. Yaponskie issledovaniya, no 2, pp. 20–35 (in Russian). DOI: 10.24411/2500-2872-2017-00011",
            "Yerofeyev I.V., Kim A.S. (2014) The Sakhalin-2 Project. Neftyanoe khozyaistvo, no 9, pp. 12–17 (in Russian).",
        ])
    }

    #[test]
    fn same_works_pair_in_order_and_the_missing_one_is_left() {
        let (l, c) = (latin(), cyrillic());
        assert_eq!(
            align_references(&l, &c),
            vec![(0, 0), (1, 1), (2, 2), (3, 3)]
        );
        // a missing entry in the middle shifts the rest, and the pairing follows
        let l2: Vec<Reference> = [0, 2, 3].iter().map(|&i| l[i].clone()).collect();
        assert_eq!(align_references(&l2, &c), vec![(0, 0), (1, 2), (2, 3)]);
    }

    #[test]
    fn a_gap_held_by_neighbours_pairs_on_weak_evidence() {
        let mut c = cyrillic();
        let mut l = latin();
        // entries without authors leave only the year and publisher to agree on
        c.insert(
            2,
            refs(&["Россия и Япония: сборник. М.: АСТ, 2005. 445 с."]).remove(0),
        );
        l.insert(
            2,
            refs(&["Rossiya i Yaponiya: sbornik (2005), Moscow: AST."]).remove(0),
        );
        assert!(l[2].authors.is_empty() && c[2].authors.is_empty());
        let pairs = align_references(&l, &c);
        assert!(pairs.contains(&(2, 2)), "{pairs:?}");
        // but not when the years contradict
        l[2].year = Some(2006);
        assert!(!align_references(&l, &c).contains(&(2, 2)));
    }

    #[test]
    fn empty_lists_give_no_pairs() {
        assert!(align_references(&[], &[]).is_empty());
        assert!(align_references(&latin(), &[]).is_empty());
        assert!(align_references(&[], &cyrillic()).is_empty());
    }

    #[test]
    fn lists_with_nothing_in_common_give_no_pairs() {
        let other = refs(&[
            "Brown J. (2017) Japan Woos Russia. Nikkei Asian Review, December 11, 2017.",
            "Kraus E. (2018) Abe's More Assertive Japan. GlobalAsia, September 9, 2018.",
            "Miller J.B. (2018) US-Japan Relations. The Diplomat, July 27, 2018.",
        ]);
        assert!(align_references(&other, &cyrillic()).is_empty());
    }

    #[test]
    fn agreeing_numbers_pair_weak_entries() {
        let mut l = refs(&["Ivanov I. (2010) A.", "Petrov P. (2011) B."]);
        let mut c = refs(&["Иванов И. А. 2010.", "Петров П. Б. 2011."]);
        for (k, r) in l.iter_mut().chain(c.iter_mut()).enumerate() {
            r.number = Some(k as u32 % 2 + 1);
        }
        assert_eq!(align_references(&l, &c), vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn very_different_lengths_stay_monotone() {
        let c = cyrillic();
        let many: Vec<Reference> = (0..300).map(|_| c[1].clone()).collect();
        let l = latin();
        let pairs = align_references(&l, &many);
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0].0, 1);
    }

    #[test]
    fn huge_lists_with_a_dropped_entry_every_so_often_align_fully() {
        let families = [
            "Ivanov",
            "Petrov",
            "Sidorov",
            "Kuznetsov",
            "Smirnov",
            "Popov",
        ];
        let make = |k: usize| {
            let mut r = Reference::unparsed(k + 1, None, k + 1, "");
            r.authors = vec![crate::PersonName::new(families[k * 7 % 6], "A.B.")];
            r.year = Some(1990 + (k * 13 % 31) as i32);
            r.pages = Some(format!("{}-{}", k * 11 % 300, k * 11 % 300 + 10));
            r
        };
        let c: Vec<Reference> = (0..1200).map(make).collect();
        let kept: Vec<usize> = (0..1200).filter(|k| k % 97 != 5).collect();
        let l: Vec<Reference> = kept.iter().map(|&k| make(k)).collect();
        let pairs = align_references(&l, &c);
        let expected: Vec<(usize, usize)> = kept.iter().copied().enumerate().collect();
        assert_eq!(pairs, expected);
    }

    #[test]
    fn huge_lists_use_the_band_without_panicking() {
        let l: Vec<Reference> = (0..1100).map(|i| latin()[i % 4].clone()).collect();
        let c: Vec<Reference> = (0..1000).map(|i| cyrillic()[i % 4].clone()).collect();
        let pairs = align_references(&l, &c);
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        assert!(pairs.len() > 700);
    }
}
