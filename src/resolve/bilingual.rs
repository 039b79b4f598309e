//! Joining the persons that one work's two printed entries (Cyrillic and Latin) name at the
//! same position, which the name matcher alone may keep apart when a transliteration is
//! irregular.

use crate::hash::FnvMap;
use crate::model::Role;
use crate::names::{NameCluster, NameClusters, fold_family, jaro_winkler, skeleton};

use super::PersonMention;

/// The evidence rule of a join made by the alignment of a bilingual page.
pub(super) const RULE: &str = "bilingual-alignment";

/// Below this similarity of transliteration skeletons two family names at one position are
/// taken to be a misparse or a different person rather than a spelling of one name: the
/// alignment is evidence about works, and a wrong name split must not merge people.
const LEAST_SIMILARITY: f64 = 0.7;

/// One join: mention `a` (the reference's own entry) and mention `b` (its alternate entry),
/// now both in cluster `cluster`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Link {
    pub a: usize,
    pub b: usize,
    pub cluster: usize,
}

impl Link {
    pub(super) fn explanation(&self, mentions: &[PersonMention]) -> String {
        let (a, b) = (&mentions[self.a], &mentions[self.b]);
        let role = match a.role {
            Role::Author => "author",
            Role::Editor => "editor",
        };
        format!(
            "bilingual alignment of reference {}: '{}' and '{}' are {role} {} of the same work in the page's two reference lists",
            a.work.unwrap_or(0),
            a.name,
            b.name,
            a.position + 1
        )
    }
}

/// Joins the clusters of the mentions at one position of one reference's two entries, and
/// returns the joins that merged two clusters (numbered as the merged clustering numbers
/// them). Clusters are renumbered in order of first mention, as the clustering does.
pub(super) fn join_aligned(clusters: &mut NameClusters, mentions: &[PersonMention]) -> Vec<Link> {
    // Most lists are in one language: nothing to align, and no index worth building.
    if !mentions.iter().any(|m| m.alternate) {
        return Vec::new();
    }
    let count = clusters.clusters.len();
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut c: usize) -> usize {
        while parent[c] != c {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        c
    }
    // one pass indexes the slots, so the joins stay linear in the mentions
    let mut slot: FnvMap<(Option<usize>, Role, usize, bool), usize> = FnvMap::default();
    let mut names_in: FnvMap<(Option<usize>, Role, bool), usize> = FnvMap::default();
    for (i, m) in mentions.iter().enumerate() {
        slot.entry((m.work, m.role, m.position, m.alternate))
            .or_insert(i);
        *names_in.entry((m.work, m.role, m.alternate)).or_default() += 1;
    }
    let mut joins = Vec::new();
    for (b, alt) in mentions.iter().enumerate().filter(|(_, m)| m.alternate) {
        let Some(&a) = slot.get(&(alt.work, alt.role, alt.position, false)) else {
            continue;
        };
        let printed = names_in.get(&(alt.work, alt.role, false));
        let other = names_in.get(&(alt.work, alt.role, true));
        if printed != other || !plausible(&mentions[a], alt) {
            continue;
        }
        let (Some(&ca), Some(&cb)) = (clusters.assignment.get(a), clusters.assignment.get(b))
        else {
            continue;
        };
        let (ra, rb) = (root(&mut parent, ca), root(&mut parent, cb));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
            joins.push((a, b));
        }
    }
    if joins.is_empty() {
        return Vec::new();
    }
    // New clusters in order of first mention: the smallest member of each group.
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut group_of_root = vec![usize::MAX; count];
    for c in 0..count {
        let r = root(&mut parent, c);
        if group_of_root[r] == usize::MAX {
            group_of_root[r] = groups.len();
            groups.push((usize::MAX, Vec::new()));
        }
        let g = &mut groups[group_of_root[r]];
        g.0 = g.0.min(
            clusters.clusters[c]
                .members
                .first()
                .copied()
                .unwrap_or(usize::MAX),
        );
        g.1.push(c);
    }
    groups.sort_by_key(|g| g.0);
    let mut new_of_old = vec![0usize; count];
    let old = std::mem::take(&mut clusters.clusters);
    let mut merged: Vec<NameCluster> = Vec::with_capacity(groups.len());
    for (n, (_, members)) in groups.iter().enumerate() {
        let mut cluster = NameCluster::default();
        // the largest part names the person: its spelling is the most frequent one
        let largest = members
            .iter()
            .copied()
            .max_by_key(|&c| (old[c].members.len(), std::cmp::Reverse(c)))
            .unwrap_or(members[0]);
        cluster.canonical = old[largest].canonical;
        for &c in members {
            new_of_old[c] = n;
            cluster.members.extend(&old[c].members);
            cluster.merges.extend(old[c].merges.iter().copied());
        }
        cluster.members.sort_unstable();
        cluster.merges.sort_by_key(|m| m.b);
        merged.push(cluster);
    }
    clusters.clusters = merged;
    for c in &mut clusters.assignment {
        *c = new_of_old[*c];
    }
    joins
        .into_iter()
        .map(|(a, b)| Link {
            a,
            b,
            cluster: clusters.assignment[a],
        })
        .collect()
}

/// Whether two names at one position can be one name in two scripts: their transliteration
/// skeletons are close ("Стрельцов" / "Strel'tsov", "Ерофеев" / "Yerofeyev").
fn plausible(a: &PersonMention, b: &PersonMention) -> bool {
    let (x, y) = (
        skeleton(&fold_family(&a.name.family)),
        skeleton(&fold_family(&b.name.family)),
    );
    !x.is_empty()
        && !y.is_empty()
        && (x == y || jaro_winkler(x.as_bytes(), y.as_bytes()) >= LEAST_SIMILARITY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PersonName;
    use crate::names::{NameMatcher, cluster_names};

    fn mention(work: usize, position: usize, family: &str, alternate: bool) -> PersonMention {
        PersonMention {
            work: Some(work),
            role: Role::Author,
            position,
            name: PersonName::new(family, "I.V."),
            alternate,
        }
    }

    fn clustered(mentions: &[PersonMention]) -> NameClusters {
        let names: Vec<PersonName> = mentions.iter().map(|m| m.name.clone()).collect();
        cluster_names(&names, &NameMatcher::default())
    }

    #[test]
    fn irregular_spellings_at_one_position_join() {
        let mentions = [
            mention(1, 0, "Yerofeyev", false),
            mention(1, 1, "Kim", false),
            mention(1, 0, "Ерофеев", true),
            mention(1, 1, "Ким", true),
        ];
        let mut c = clustered(&mentions);
        let links = join_aligned(&mut c, &mentions);
        assert_eq!(c.assignment[0], c.assignment[2]);
        assert_eq!(c.assignment[1], c.assignment[3]);
        assert_ne!(c.assignment[0], c.assignment[1]);
        assert!(links.iter().all(|l| l.cluster == c.assignment[l.a]));
        assert_eq!(c.clusters.len(), 2);
    }

    #[test]
    fn different_counts_or_names_do_not_join() {
        let mentions = [
            mention(1, 0, "Molodyakov", false),
            mention(1, 0, "Россия", true),
            mention(2, 0, "Panov", false),
            mention(2, 0, "Панова", true),
            mention(2, 1, "Ким", true),
        ];
        let mut c = clustered(&mentions);
        join_aligned(&mut c, &mentions);
        assert_ne!(c.assignment[0], c.assignment[1]);
        // reference 2 has one Latin name and two Cyrillic ones: no position is trusted
        assert_ne!(c.assignment[2], c.assignment[3]);
    }
}
