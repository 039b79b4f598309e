use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Document, PersonName, Role, Warning, WarningCode};
use crate::names::{NameMatcher, Rule, cluster_names, fold_family};

/// The id of a person within one analysis, written `p1`, `p2`, … (1-based) in JSON.
///
/// ```
/// assert_eq!(citegraph::PersonId(0).to_string(), "p1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PersonId(pub usize);

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "p{}", self.0 + 1)
    }
}

/// One printed mention of a person: which work, which role, which position, which spelling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonMention {
    /// The reference index of the work, or `None` for the citing article.
    pub work: Option<usize>,
    /// Author or editor.
    pub role: Role,
    /// 0-based position in that work's list for that role.
    pub position: usize,
    /// The name as parsed.
    pub name: PersonName,
}

/// A person: the mentions judged to be one individual, their spellings and why they merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The person's id.
    pub id: PersonId,
    /// The name the person is shown under: the most frequent spelling.
    pub name: PersonName,
    /// Distinct spellings ("Family I.I."), the shown name first, then in order of appearance.
    pub variants: Vec<String>,
    /// Indices into [`Resolution::mentions`](super::Resolution::mentions).
    pub mentions: Vec<usize>,
    /// One entry per distinct pair of spellings that was merged, with the rule and score.
    pub evidence: Vec<MergeEvidence>,
}

/// Why two spellings were judged the same person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeEvidence {
    /// The spelling already in the cluster.
    pub a: String,
    /// The spelling joined to it.
    pub b: String,
    /// The matcher's rule (kebab-case, e.g. `compatible-initials`, `supported-typo`).
    pub rule: String,
    /// The similarity score in [0, 1].
    pub score: f64,
}

pub(super) type PersonParts = (Vec<PersonMention>, Vec<PersonId>, Vec<Person>, Vec<Warning>);

pub(super) fn resolve_persons(doc: &Document, matcher: &NameMatcher) -> PersonParts {
    let mentions = collect_mentions(doc);
    let names: Vec<PersonName> = mentions.iter().map(|m| m.name.clone()).collect();
    let clusters = cluster_names(&names, matcher);
    let mention_person: Vec<PersonId> = clusters.assignment.iter().map(|&c| PersonId(c)).collect();
    let mut persons = Vec::with_capacity(clusters.clusters.len());
    let mut warnings = Vec::new();
    for (c, cluster) in clusters.clusters.iter().enumerate() {
        let Some(canonical) = mentions.get(cluster.canonical) else {
            continue;
        };
        let shown = canonical.name.to_string();
        let mut variants = vec![shown.clone()];
        for &m in &cluster.members {
            let v = mentions[m].name.to_string();
            if !variants.contains(&v) {
                variants.push(v);
            }
        }
        let mut evidence: Vec<MergeEvidence> = Vec::new();
        for merge in &cluster.merges {
            let (a, b) = (
                mentions[merge.a].name.to_string(),
                mentions[merge.b].name.to_string(),
            );
            if evidence
                .iter()
                .any(|e| (e.a == a && e.b == b) || (e.a == b && e.b == a))
            {
                continue;
            }
            evidence.push(MergeEvidence {
                a,
                b,
                rule: merge.decision.rule.as_str().to_string(),
                score: merge.decision.score,
            });
        }
        if cluster
            .merges
            .iter()
            .any(|m| m.decision.rule == Rule::SupportedTypo)
        {
            warnings.extend(misspelling_warnings(&mentions, &cluster.members, canonical));
        }
        persons.push(Person {
            id: PersonId(c),
            name: canonical.name.clone(),
            variants,
            mentions: cluster.members.clone(),
            evidence,
        });
    }
    (mentions, mention_person, persons, warnings)
}

/// Every mention whose family name differs in spelling from the shown form of its person gets
/// a warning on its reference, naming the references that print the common form.
fn misspelling_warnings(
    mentions: &[PersonMention],
    members: &[usize],
    canonical: &PersonMention,
) -> Vec<Warning> {
    let canonical_key = fold_family(&canonical.name.family);
    let common_refs: Vec<String> = members
        .iter()
        .filter(|&&m| fold_family(&mentions[m].name.family) == canonical_key)
        .filter_map(|&m| mentions[m].work)
        .map(|w| w.to_string())
        .collect();
    let mut by_work: HashMap<Option<usize>, ()> = HashMap::new();
    members
        .iter()
        .map(|&m| &mentions[m])
        .filter(|m| fold_family(&m.name.family) != canonical_key)
        .filter(|m| by_work.insert(m.work, ()).is_none())
        .map(|m| {
            let seen = if common_refs.is_empty() {
                String::from("the citing article")
            } else {
                format!("reference(s) {}", common_refs.join(", "))
            };
            Warning::new(
                WarningCode::PossibleMisspelling,
                m.work,
                format!(
                    "'{}' is probably '{}' of {seen}; merged as one person",
                    m.name, canonical.name
                ),
            )
        })
        .collect()
}

fn collect_mentions(doc: &Document) -> Vec<PersonMention> {
    let mut mentions = Vec::new();
    for r in &doc.references {
        for (role, list) in [(Role::Author, &r.authors), (Role::Editor, &r.editors)] {
            for (position, name) in list.iter().enumerate() {
                mentions.push(PersonMention {
                    work: Some(r.index),
                    role,
                    position,
                    name: name.clone(),
                });
            }
        }
    }
    for (position, name) in doc.article.authors.iter().enumerate() {
        mentions.push(PersonMention {
            work: None,
            role: Role::Author,
            position,
            name: name.clone(),
        });
    }
    mentions
}
