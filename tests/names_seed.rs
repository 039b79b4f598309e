//! The seed article's author names (`../shared/seeds/000_7f69aadd84c8a65c.txt`), parsed and
//! clustered as the resolve stage will: the expected persons are those of
//! `../shared/gold/seed.json`.

use citegraph::names::{NameMatcher, Rule, cluster_names, parse_name};

/// Authors and editors of references 1–18 in printed order, plus the citing author.
const MENTIONS: &[&str] = &[
    "Brown J.",
    "Brown J.",
    "Brown J.",
    "Dobrinskaya O.A.",
    "Gabuev A.",
    "Kashin V.",
    "Kraus E.",
    "Mikheev V.V.",
    "Fedorovskii A.N.",
    "Melikov V.",
    "Miller J.B.",
    "Nelidov V.V.",
    "Panov A.N.",
    "Paramonov O.G.",
    "Pollmann M.",
    "Streltsov D.V.",
    "Streltsov D.V.",
    "Sreltsov D.V.",
    "O. G. Paramonov",
];

#[test]
fn seed_persons() {
    let names: Vec<_> = MENTIONS
        .iter()
        .map(|s| parse_name(s).unwrap_or_else(|| panic!("{s} should parse")))
        .collect();
    let c = cluster_names(&names, &NameMatcher::default());
    // 14 persons in the gold file (Paramonov cites himself: one person).
    assert_eq!(c.clusters.len(), 14);
    let cluster_of = |i: usize| &c.clusters[c.assignment[i]];
    assert_eq!(cluster_of(0).members, vec![0, 1, 2]);
    assert_eq!(cluster_of(15).members, vec![15, 16, 17]);
    assert_eq!(
        names[cluster_of(15).canonical].to_string(),
        "Streltsov D.V."
    );
    assert_eq!(cluster_of(13).members, vec![13, 18]);
    assert_ne!(c.assignment[12], c.assignment[13], "Panov and Paramonov");
    let warnings: Vec<_> = c
        .clusters
        .iter()
        .flat_map(|cl| &cl.merges)
        .filter(|m| m.decision.rule == Rule::SupportedTypo)
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!((warnings[0].a, warnings[0].b), (15, 17));
    println!("{}", warnings[0].decision);
}
