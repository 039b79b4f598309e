//! Recall of the blocked clustering against the exhaustive one on generated data: every pair of
//! mentions that all-pairs candidate generation puts in one cluster, the deletion index must
//! too (the issue asks for at least 0.995; the index is exact, so the test expects 1).

use citegraph::PersonName;
use citegraph::names::{
    Candidates, ContextToken, Mention, NameKey, NameMatcher, cluster_mentions_with, gendered_pair,
};

#[path = "common/generate.rs"]
mod generate;
use generate::Rng;

const STEMS: &[&str] = &[
    "Streltsov",
    "Ivanov",
    "Petrov",
    "Brown",
    "Smith",
    "Molodyakov",
    "Fedorovskii",
    "Panov",
    "Popov",
    "Paramonov",
    "Kuznetsov",
    "Sokolov",
    "Lebedev",
    "Novikov",
    "Morozov",
    "Volkov",
    "Glanzel",
    "Leydesdorff",
    "Bornmann",
    "Waltman",
    "Garfield",
    "Egghe",
    "Rousseau",
];

fn mentions(n: usize, seed: u64) -> Vec<Mention> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let mut family = STEMS[rng.below(STEMS.len())].to_string();
            // A typo in one mention of eight: delete, double or swap a letter.
            if rng.below(8) == 0 {
                let mut chars: Vec<char> = family.chars().collect();
                let p = 1 + rng.below(chars.len() - 2);
                match rng.below(3) {
                    0 => {
                        chars.remove(p);
                    }
                    1 => chars.insert(p, chars[p]),
                    _ => chars.swap(p, p + 1),
                }
                family = chars.into_iter().collect();
            }
            if rng.below(10) == 0 {
                family.push('a');
            }
            let letters = ['A', 'D', 'V', 'N', 'J'];
            let k = rng.below(3);
            let initials: String = (0..k)
                .map(|_| format!("{}.", letters[rng.below(letters.len())]))
                .collect();
            let context = (0..rng.below(2))
                .map(|_| ContextToken::source(["Polis", "Scientometrics", "JASIST"][rng.below(3)]))
                .collect();
            Mention {
                name: PersonName::new(family, initials),
                context,
            }
        })
        .collect()
}

#[test]
fn deletion_index_recall_against_all_pairs() {
    let m = NameMatcher::default();
    for seed in [1u64, 2, 3] {
        let data = mentions(3_000, seed);
        let blocked = cluster_mentions_with(&data, &m, Candidates::DeletionIndex);
        let exhaustive = cluster_mentions_with(&data, &m, Candidates::AllPairs);
        let (mut found, mut wanted) = (0u64, 0u64);
        for c in &exhaustive.clusters {
            for (k, &i) in c.members.iter().enumerate() {
                for &j in &c.members[k + 1..] {
                    wanted += 1;
                    found += u64::from(blocked.assignment[i] == blocked.assignment[j]);
                }
            }
        }
        let recall = found as f64 / wanted.max(1) as f64;
        let typos = exhaustive
            .clusters
            .iter()
            .flat_map(|c| &c.merges)
            .filter(|mg| mg.decision.rule == citegraph::names::Rule::SupportedTypo)
            .count();
        println!("seed {seed}: pair recall {recall:.6} over {wanted} pairs, {typos} typo merges");
        assert!(typos > 0, "the data should exercise typo merges");
        assert!(recall >= 0.995);
        assert_eq!(blocked.assignment, exhaustive.assignment);
        // Typo support never joins gendered forms, even through a chain.
        for c in &blocked.clusters {
            let keys: Vec<_> = c
                .members
                .iter()
                .map(|&i| NameKey::new(&data[i].name))
                .collect();
            for a in &keys {
                for b in &keys {
                    assert!(!gendered_pair(&a.skeleton, &b.skeleton), "{a} / {b}");
                }
            }
        }
    }
}
