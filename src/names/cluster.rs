use std::collections::HashMap;

use crate::model::PersonName;

use super::{Decision, NameKey, NameMatcher};

/// The persons found among a list of name mentions.
#[derive(Debug, Clone, Default)]
pub struct NameClusters {
    /// For each input mention, the index of its cluster in `clusters`.
    pub assignment: Vec<usize>,
    /// The clusters, numbered in order of their first mention.
    pub clusters: Vec<NameCluster>,
}

/// One person: the mentions judged to be them and why.
#[derive(Debug, Clone, Default)]
pub struct NameCluster {
    /// Indices of the mentions, ascending.
    pub members: Vec<usize>,
    /// The mention whose spelling names the cluster (the most frequent form).
    pub canonical: usize,
    /// The decisions that joined the members, one per merge.
    pub merges: Vec<Merge>,
}

/// One merge between two mentions and the decision behind it.
#[derive(Debug, Clone, Copy)]
pub struct Merge {
    /// A mention already in the cluster.
    pub a: usize,
    /// The mention joined to it.
    pub b: usize,
    /// Why.
    pub decision: Decision,
}

/// Clusters name mentions into persons.
///
/// ```
/// use citegraph::{PersonName, names::{cluster_names, NameMatcher}};
///
/// let names = [PersonName::new("Brown", "J."), PersonName::new("Browne", "J."), PersonName::new("Brown", "J.")];
/// let c = cluster_names(&names, &NameMatcher::default());
/// assert_eq!(c.assignment, vec![0, 1, 0]);
/// ```
pub fn cluster_names(names: &[PersonName], matcher: &NameMatcher) -> NameClusters {
    let keys: Vec<NameKey> = names.iter().map(NameKey::new).collect();
    let mut assignment = vec![usize::MAX; names.len()];
    let mut clusters: Vec<NameCluster> = Vec::new();
    let mut by_family: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, key) in keys.iter().enumerate() {
        let candidates = by_family.entry(key.family.as_str()).or_default();
        let found = candidates.iter().find_map(|&c| {
            let rep = clusters[c].members[0];
            let d = matcher.compare(&keys[rep], key);
            d.same.then_some((c, rep, d))
        });
        match found {
            Some((c, rep, decision)) => {
                clusters[c].members.push(i);
                clusters[c].merges.push(Merge {
                    a: rep,
                    b: i,
                    decision,
                });
                assignment[i] = c;
            }
            None => {
                candidates.push(clusters.len());
                assignment[i] = clusters.len();
                clusters.push(NameCluster {
                    members: vec![i],
                    canonical: i,
                    merges: Vec::new(),
                });
            }
        }
    }
    NameClusters {
        assignment,
        clusters,
    }
}
