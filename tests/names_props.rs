//! Properties of the names library on generated data: folding is idempotent, the score is a
//! symmetric similarity, clustering does not depend on input order, and the blocking index
//! loses nothing that the exhaustive comparison finds.

use std::collections::BTreeSet;

use citegraph::PersonName;
use citegraph::names::{
    Candidates, ContextToken, Mention, NameKey, NameMatcher, cluster_mentions_with, fold_family,
    parse_name, skeleton,
};
use proptest::prelude::*;

const FAMILIES: &[&str] = &[
    "Streltsov",
    "Стрельцов",
    "Strel'tsov",
    "Strelcov",
    "Sreltsov",
    "Strelkov",
    "Ivanov",
    "Ivanova",
    "Иванов",
    "Ivanof",
    "Brown",
    "Browne",
    "Panov",
    "Popov",
    "Paramonov",
    "Fedorovskii",
    "Fedorovskaya",
    "Fedorovsky",
    "Molodyakov",
    "Molodiakov",
    "Glänzel",
    "Glaenzel",
    "Glanzel",
    "Kim",
    "Li",
    "Lin",
    "van Eck",
    "Eck",
    "Smith",
    "Smyth",
];

const INITIALS: &[&str] = &[
    "", "D.", "D.V.", "V.D.", "A.", "A.N.", "A.B.", "Yu.", "Iu.A.", "Y.", "J.", "J.B.", "Д.В.",
];

/// A family name: from the list, or a random lowercase word with a random one-letter typo, so
/// that the deletion index meets names it was not written for.
fn family() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(FAMILIES).prop_map(str::to_string),
        1 => ("[a-z]{4,9}", any::<u8>(), any::<u8>()).prop_map(|(w, pos, c)| {
            let mut bytes = w.into_bytes();
            let p = usize::from(pos) % bytes.len();
            match c % 3 {
                0 => bytes[p] = b'a' + c % 26,
                1 => { bytes.remove(p); }
                _ => bytes.insert(p, b'a' + c % 26),
            }
            String::from_utf8(bytes).unwrap_or_default()
        }),
    ]
}

const GIVEN: &[&str] = &[
    "Dmitry V.",
    "Dmitrii",
    "Wei",
    "Wen",
    "Yuri",
    "Iurii A.",
    "Jong-un",
    "Anna",
];

fn name() -> impl Strategy<Value = PersonName> {
    (
        family(),
        prop::sample::select(INITIALS),
        prop::option::weighted(0.25, prop::sample::select(GIVEN)),
    )
        .prop_map(|(f, i, g)| PersonName {
            family: f,
            initials: i.to_string(),
            given: g.map(str::to_string),
        })
}

fn mention() -> impl Strategy<Value = Mention> {
    (name(), prop::collection::vec(0u8..6, 0..3)).prop_map(|(n, ctx)| Mention {
        name: n,
        context: ctx
            .into_iter()
            .map(|c| ContextToken::other("test", &c.to_string()))
            .collect(),
    })
}

/// The partition as a set of sets of mention indices (cluster numbering ignored).
fn partition(assignment: &[usize]) -> BTreeSet<BTreeSet<usize>> {
    let mut groups: Vec<BTreeSet<usize>> = Vec::new();
    for (i, &c) in assignment.iter().enumerate() {
        if groups.len() <= c {
            groups.resize(c + 1, BTreeSet::new());
        }
        groups[c].insert(i);
    }
    groups.into_iter().filter(|g| !g.is_empty()).collect()
}

proptest! {
    // 256 cases by default; PROPTEST_CASES raises it for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn folding_is_idempotent(s in "\\PC{0,24}") {
        let once = fold_family(&s);
        prop_assert_eq!(fold_family(&once), once.clone());
        let sk = skeleton(&once);
        prop_assert_eq!(skeleton(&sk), sk);
    }

    #[test]
    fn folding_is_idempotent_on_names(n in name()) {
        let once = fold_family(&n.family);
        prop_assert_eq!(fold_family(&once), once);
    }

    #[test]
    fn score_is_a_symmetric_similarity(a in name(), b in name()) {
        let m = NameMatcher::default();
        let (ka, kb) = (NameKey::new(&a), NameKey::new(&b));
        let ab = m.compare(&ka, &kb);
        let ba = m.compare(&kb, &ka);
        prop_assert_eq!(ab.score, ba.score);
        prop_assert_eq!(ab.same, ba.same);
        prop_assert_eq!(ab.rule, ba.rule);
        prop_assert!((0.0..=1.0).contains(&ab.score));
        prop_assert_eq!(m.is_same(&ka, &kb), ab.same);
        if !ka.skeleton.is_empty() {
            prop_assert_eq!(m.compare(&ka, &ka).score, 1.0);
            prop_assert!(m.compare(&ka, &ka).same);
        }
    }

    #[test]
    fn clustering_is_deterministic_and_order_independent(
        mentions in prop::collection::vec(mention(), 0..40),
        seed in any::<u64>(),
    ) {
        let m = NameMatcher::default();
        let first = cluster_mentions_with(&mentions, &m, Candidates::DeletionIndex);
        let again = cluster_mentions_with(&mentions, &m, Candidates::DeletionIndex);
        prop_assert_eq!(&first.assignment, &again.assignment);
        // A permutation from the seed (a simple LCG shuffle keeps the test self-contained).
        let mut order: Vec<usize> = (0..mentions.len()).collect();
        let mut state = seed | 1;
        for i in (1..order.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (state >> 33) as usize % (i + 1));
        }
        let shuffled: Vec<Mention> = order.iter().map(|&i| mentions[i].clone()).collect();
        let other = cluster_mentions_with(&shuffled, &m, Candidates::DeletionIndex);
        // Map the shuffled clustering back to original indices.
        let mut back = vec![0; mentions.len()];
        for (pos, &orig) in order.iter().enumerate() {
            back[orig] = other.assignment[pos];
        }
        prop_assert_eq!(partition(&first.assignment), partition(&back));
        // (Canonical spellings may differ: the spec breaks a tie by first mention.)
    }

    #[test]
    fn blocking_loses_nothing_that_all_pairs_finds(
        mentions in prop::collection::vec(mention(), 0..60),
    ) {
        let m = NameMatcher::default();
        let blocked = cluster_mentions_with(&mentions, &m, Candidates::DeletionIndex);
        let exhaustive = cluster_mentions_with(&mentions, &m, Candidates::AllPairs);
        prop_assert_eq!(blocked.assignment, exhaustive.assignment);
    }

    #[test]
    fn clusters_are_well_formed(mentions in prop::collection::vec(mention(), 0..40)) {
        let c = cluster_mentions_with(&mentions, &NameMatcher::default(), Candidates::default());
        prop_assert_eq!(c.assignment.len(), mentions.len());
        let mut next = 0;
        for (i, &a) in c.assignment.iter().enumerate() {
            prop_assert!(a <= next, "cluster ids in order of first mention");
            if a == next { next += 1; }
            prop_assert!(c.clusters[a].members.contains(&i));
        }
        for cl in &c.clusters {
            prop_assert_eq!(cl.merges.len() + 1, cl.members.len());
            prop_assert!(cl.members.contains(&cl.canonical));
            for mg in &cl.merges {
                prop_assert!(mg.decision.same);
                prop_assert!(cl.members.contains(&mg.a) && cl.members.contains(&mg.b));
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(f in "\\PC{0,30}", i in "\\PC{0,12}", g in "\\PC{0,12}") {
        let m = NameMatcher::default();
        let a = NameKey::from_parts(&f, &i);
        let b = NameKey::new(&PersonName { family: g.clone(), initials: i.clone(), given: Some(f.clone()) });
        let d = m.compare(&a, &b);
        prop_assert!((0.0..=1.0).contains(&d.score));
        let _ = d.explain(&a, &b).to_string();
        let names = vec![PersonName::new(f.clone(), i.clone()), PersonName::new(g, i), PersonName::new(f, "")];
        let c = citegraph::names::cluster_names(&names, &m);
        prop_assert_eq!(c.assignment.len(), 3);
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,60}") {
        if let Some(n) = parse_name(&s) {
            prop_assert!(n.family.chars().any(char::is_alphabetic));
            prop_assert!(!n.initials.contains(' '));
        }
    }
}
