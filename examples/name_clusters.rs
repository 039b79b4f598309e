//! Name clusters and the evidence behind each merge and refusal.
//!
//! Run with `cargo run --example name_clusters`.

use citegraph::names::{NameKey, NameMatcher, cluster_names, parse_name};

fn main() {
    let printed = [
        "Streltsov D.V.",
        "D. V. Streltsov",
        "Sreltsov D.V.",
        "Streltsov D.V.",
        "Strel'tsov, Dmitry V.",
        "Ivanov A.A.",
        "Ivanova A.A.",
        "Panov A.N.",
        "Popov A.N.",
        "Brown J.",
        "Browne J.",
        "Glänzel W.",
        "Glanzel W.",
    ];
    let names: Vec<_> = printed.iter().filter_map(|p| parse_name(p)).collect();
    assert_eq!(names.len(), printed.len(), "every sample name parses");
    let matcher = NameMatcher::default();
    let clusters = cluster_names(&names, &matcher);

    for (id, cluster) in clusters.clusters.iter().enumerate() {
        let members: Vec<&str> = cluster.members.iter().map(|&m| printed[m]).collect();
        println!(
            "person {id}: {} — {}",
            names[cluster.canonical],
            members.join(" | ")
        );
        for merge in &cluster.merges {
            println!(
                "    {} ~ {}: {} ({:.3})",
                printed[merge.a],
                printed[merge.b],
                merge.decision.rule.as_str(),
                merge.decision.score
            );
        }
    }

    println!("\nrefusals:");
    for (a, b) in [
        ("Ivanov A.A.", "Ivanova A.A."),
        ("Panov A.N.", "Popov A.N."),
        ("Brown J.", "Browne J."),
    ] {
        let (ka, kb) = (
            NameKey::new(&parse_name(a).unwrap()),
            NameKey::new(&parse_name(b).unwrap()),
        );
        let d = matcher.compare(&ka, &kb);
        println!(
            "    {a} vs {b}: {} by {} ({:.3})",
            if d.same { "same" } else { "different" },
            d.rule.as_str(),
            d.score
        );
        assert!(!d.same);
    }
    let person = |name: &str| clusters.assignment[printed.iter().position(|p| *p == name).unwrap()];
    assert_eq!(person("Sreltsov D.V."), person("Streltsov D.V."));
    assert_eq!(person("Strel'tsov, Dmitry V."), person("Streltsov D.V."));
    assert_eq!(person("Glänzel W."), person("Glanzel W."));
    assert_ne!(person("Ivanov A.A."), person("Ivanova A.A."));
}
