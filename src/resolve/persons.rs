use crate::hash::{FnvMap, WordMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Document, PersonName, Role, Warning, WarningCode};
use crate::names::{ContextToken, Mention, NameMatcher, Rule, cluster_mentions, fold_family};

use super::SourceKeys;
use super::bilingual;

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
    /// Whether the mention is printed in the reference's
    /// [`alternate`](crate::Reference::alternate) entry (the Cyrillic list of a bilingual
    /// page) rather than in the reference itself.
    #[serde(default)]
    pub alternate: bool,
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
    /// One entry per distinct pair of different spellings that was merged, with the rule and
    /// score (repeats of one spelling need no explanation).
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
    /// The matcher's one-line explanation: which rule, which scores, which support.
    pub explanation: String,
}

pub(super) type PersonParts = (Vec<PersonMention>, Vec<PersonId>, Vec<Person>, Vec<Warning>);

pub(super) fn resolve_persons(
    doc: &Document,
    matcher: &NameMatcher,
    sources: &SourceKeys<'_>,
) -> PersonParts {
    let mentions = collect_mentions(doc);
    let mut clusters = cluster_mentions(&with_context(&mentions, sources), matcher);
    let links = bilingual::join_aligned(&mut clusters, &mentions);
    let mention_person: Vec<PersonId> = clusters.assignment.iter().map(|&c| PersonId(c)).collect();
    let mut persons = Vec::with_capacity(clusters.clusters.len());
    let mut warnings = Vec::new();
    for (c, cluster) in clusters.clusters.iter().enumerate() {
        let Some(canonical) = mentions.get(cluster.canonical) else {
            continue;
        };
        // Spellings are numbered per cluster so that each is formatted once, however many
        // mentions and merges repeat it.
        let mut spelling_of: WordMap<&PersonName, usize> = WordMap::default();
        let mut variants: Vec<String> = Vec::new();
        spelling(
            &mut spelling_of,
            &mut variants,
            &mentions[cluster.canonical].name,
        );
        for &m in &cluster.members {
            spelling(&mut spelling_of, &mut variants, &mentions[m].name);
        }
        let mut seen: WordMap<(usize, usize), ()> = WordMap::default();
        let mut evidence: Vec<MergeEvidence> = Vec::new();
        for merge in &cluster.merges {
            let a = spelling(&mut spelling_of, &mut variants, &mentions[merge.a].name);
            let b = spelling(&mut spelling_of, &mut variants, &mentions[merge.b].name);
            // A repeated spelling explains nothing; each pair of spellings is explained once.
            if a == b || seen.insert((a.min(b), a.max(b)), ()).is_some() {
                continue;
            }
            evidence.push(MergeEvidence {
                a: variants[a].clone(),
                b: variants[b].clone(),
                rule: merge.decision.rule.as_str().to_string(),
                score: merge.decision.score,
                explanation: merge.decision.to_string(),
            });
        }
        for link in links.iter().filter(|l| l.cluster == c) {
            let a = spelling(&mut spelling_of, &mut variants, &mentions[link.a].name);
            let b = spelling(&mut spelling_of, &mut variants, &mentions[link.b].name);
            if a == b || seen.insert((a.min(b), a.max(b)), ()).is_some() {
                continue;
            }
            evidence.push(MergeEvidence {
                a: variants[a].clone(),
                b: variants[b].clone(),
                rule: bilingual::RULE.to_string(),
                score: 1.0,
                explanation: link.explanation(&mentions),
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

/// The number of a spelling within a cluster, adding it to `variants` when it is new.
fn spelling<'a>(
    numbers: &mut WordMap<&'a PersonName, usize>,
    variants: &mut Vec<String>,
    name: &'a PersonName,
) -> usize {
    *numbers.entry(name).or_insert_with(|| {
        variants.push(name.to_string());
        variants.len() - 1
    })
}

/// Every mention whose family name differs in spelling from the shown form of its person gets
/// a warning on its reference, naming the references that print the common form.
fn misspelling_warnings(
    mentions: &[PersonMention],
    members: &[usize],
    canonical: &PersonMention,
) -> Vec<Warning> {
    let canonical_key = fold_family(&canonical.name.family);
    // Most members print the canonical spelling itself, which folds the same without folding.
    let common =
        |family: &str| family == canonical.name.family || fold_family(family) == canonical_key;
    let common_refs: Vec<String> = members
        .iter()
        .filter(|&&m| common(&mentions[m].name.family))
        .filter_map(|&m| mentions[m].work)
        .map(|w| w.to_string())
        .collect();
    let mut by_work: FnvMap<Option<usize>, ()> = FnvMap::default();
    members
        .iter()
        .map(|&m| &mentions[m])
        .filter(|m| !common(&m.name.family))
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

/// The matcher's view of each mention: the name plus what it shares with others — the other
/// names of the same work (co-authors) and the work's source, by its clustering key so that
/// "Japan 2016. Yearbook" and "Japan 2017. Yearbook" are one context.
///
/// Mentions arrive grouped by work, so each work's co-author tokens are folded once and shared
/// by its mentions instead of re-folding every co-author for every mention.
fn with_context(mentions: &[PersonMention], sources: &SourceKeys<'_>) -> Vec<Mention> {
    let mut folded: WordMap<&PersonName, ContextToken> = WordMap::default();
    let tokens: Vec<ContextToken> = mentions
        .iter()
        .map(|m| {
            *folded
                .entry(&m.name)
                .or_insert_with(|| ContextToken::coauthor(&m.name))
        })
        .collect();
    // A list cites a few sources many times: each source's token is made once.
    let mut source_tokens: WordMap<&str, ContextToken> = WordMap::default();
    let mut out = Vec::with_capacity(mentions.len());
    let mut start = 0;
    while start < mentions.len() {
        let work = mentions[start].work;
        let end = start
            + mentions[start..]
                .iter()
                .take_while(|m| m.work == work)
                .count();
        let source = sources.of(work).map(|key| {
            *source_tokens
                .entry(key)
                .or_insert_with(|| ContextToken::source(key))
        });
        for i in start..end {
            let mut context: Vec<ContextToken> = (start..end)
                .filter(|&j| j != i && tokens[j] != tokens[i])
                .map(|j| tokens[j])
                .collect();
            context.extend(source);
            out.push(Mention {
                name: mentions[i].name.clone(),
                context,
            });
        }
        start = end;
    }
    out
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
                    alternate: false,
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
            alternate: false,
        });
    }
    // The other list's spellings come last, so the mentions of the references and of the
    // citing article keep the order every consumer walks them in.
    for r in &doc.references {
        let Some(other) = r.alternate.as_deref() else {
            continue;
        };
        for (role, list) in [
            (Role::Author, &other.authors),
            (Role::Editor, &other.editors),
        ] {
            for (position, name) in list.iter().enumerate() {
                mentions.push(PersonMention {
                    work: Some(r.index),
                    role,
                    position,
                    name: name.clone(),
                    alternate: true,
                });
            }
        }
    }
    mentions
}
