//! Clustering name mentions into persons, with the evidence for every merge.
//!
//! The work is done on *forms* (distinct printed family + initials or given names), never on
//! mentions, so a million mentions of a hundred thousand spellings fold a hundred thousand
//! times:
//!
//! 1. **Exact blocks.** Forms are grouped by family skeleton, then by folded initials. Within
//!    one initials list, given names printed in full that differ (Zhang Wei, Zhang Wen)
//!    split the group, as in the pair matcher.
//! 2. **Initials within a block.** A list of initials that is a less specific form of another
//!    ("D." of "D.V.", "Y." of "Yu.", none of anything) joins it when exactly one most specific
//!    list extends it; when several do ("Ivanov A." beside "Ivanov A.B." and "Ivanov A.C."), it
//!    stays a person of its own rather than merging people who are not the same. This is
//!    computed from the set of lists in the block, so it does not depend on input order.
//! 3. **Across blocks.** Two kinds of block pairs are compared: pairs whose folded spellings
//!    are one edit apart, from the deletion index ([`Candidates`]), and *aliases*, blocks that
//!    hold another reading of the same name (háček letters read plain, Šubelj/Subelj; a
//!    two-word name read in the other order). Persons of the two blocks are bucketed by their
//!    initials (typos need them in full agreement, aliases a common first letter), never
//!    compared all against all, and decided with [`NameMatcher::decide`] under evidence
//!    (mention counts and shared context). A person joins the best-ranked person it is
//!    accepted with, ranked by mention count (the common spelling wins), then by initials and
//!    length (a dropped letter is the likelier typo), then by spelling; a chain is followed to
//!    its end unless the end refuses it (a gendered form, incompatible initials).
//! 4. **Numbering.** Clusters are numbered in order of first mention.

use super::block::{Candidates, one_edit_pairs};
use super::decision::{Decision, Evidence, Rule};
use super::gender::{Gender, gendered_pair, surname_gender};
use super::key::{Initial, fold_and_skeleton, parse_given, plain_skeleton, swapped_key};
use super::matcher::{given_conflict, initials_compatible};
use super::mention::{ContextToken, Mention};
use super::{NameKey, NameMatcher};
use crate::hash::{FnvMap, WordMap};
use crate::model::PersonName;

/// The persons found among a list of name mentions.
#[derive(Debug, Clone, Default)]
pub struct NameClusters {
    /// For each input mention, the index of its cluster in `clusters`.
    pub assignment: Vec<usize>,
    /// The clusters, numbered in order of their first mention.
    pub clusters: Vec<NameCluster>,
}

impl NameClusters {
    /// The merges that joined a one-edit variant spelling ([`Rule::SupportedTypo`]), for which
    /// a report raises a `possible-misspelling` warning, in cluster order.
    ///
    /// ```
    /// use citegraph::{PersonName, names::{cluster_names, NameMatcher}};
    ///
    /// let names = [PersonName::new("Streltsov", "D.V."), PersonName::new("Sreltsov", "D.V.")];
    /// let c = cluster_names(&names, &NameMatcher::default());
    /// let typos: Vec<(usize, usize)> = c.possible_misspellings().map(|m| (m.a, m.b)).collect();
    /// assert_eq!(typos, vec![(0, 1)]);
    /// ```
    pub fn possible_misspellings(&self) -> impl Iterator<Item = &Merge> {
        self.clusters
            .iter()
            .flat_map(|c| &c.merges)
            .filter(|m| m.decision.rule == Rule::SupportedTypo)
    }
}

/// One person: the mentions judged to be them and why.
#[derive(Debug, Clone, Default)]
pub struct NameCluster {
    /// Indices of the mentions, ascending.
    pub members: Vec<usize>,
    /// The mention whose spelling names the cluster: the most frequent spelling; ties go to the
    /// fullest initials, then to the first mention.
    pub canonical: usize,
    /// The decisions that joined the members: one per member but the first, each joining a
    /// member (`b`) to one already linked to the cluster (`a`), ordered by `b`.
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

/// Clusters name mentions into persons (no context; frequency still supports typos).
///
/// ```
/// use citegraph::{PersonName, names::{cluster_names, NameMatcher, Rule}};
///
/// let names = [
///     PersonName::new("Streltsov", "D.V."),
///     PersonName::new("Brown", "J."),
///     PersonName::new("Streltsov", "D.V."),
///     PersonName::new("Sreltsov", "D.V."),
///     PersonName::new("Browne", "J.B."),
///     PersonName::new("Ivanova", "A."),
///     PersonName::new("Ivanov", "A."),
/// ];
/// let c = cluster_names(&names, &NameMatcher::default());
/// assert_eq!(c.assignment, vec![0, 1, 0, 0, 2, 3, 4]);
/// let streltsov = &c.clusters[0];
/// assert_eq!(streltsov.canonical, 0);
/// let typo = streltsov.merges.iter().find(|m| m.b == 3).unwrap();
/// assert_eq!(typo.decision.rule, Rule::SupportedTypo);
/// ```
pub fn cluster_names(names: &[PersonName], matcher: &NameMatcher) -> NameClusters {
    cluster_with(
        names.len(),
        |i| (&names[i], &[][..]),
        matcher,
        Candidates::default(),
    )
}

/// Clusters mentions that carry context (co-authors, source): shared context is one more kind
/// of support for a one-edit typo.
///
/// ```
/// use citegraph::{PersonName, names::{cluster_mentions, Mention, NameMatcher}};
///
/// let kraus = PersonName::new("Kraus", "E.");
/// let m = |f: &str| Mention::new(PersonName::new(f, "J.")).with_coauthors(&[kraus.clone()]);
/// let c = cluster_mentions(&[m("Brown"), m("Browne")], &NameMatcher::default());
/// assert_eq!(c.assignment, vec![0, 0]);
/// // Without the shared co-author they stay apart.
/// let plain = [Mention::new(PersonName::new("Brown", "J.")), Mention::new(PersonName::new("Browne", "J."))];
/// assert_eq!(cluster_mentions(&plain, &NameMatcher::default()).assignment, vec![0, 1]);
/// ```
pub fn cluster_mentions(mentions: &[Mention], matcher: &NameMatcher) -> NameClusters {
    cluster_mentions_with(mentions, matcher, Candidates::default())
}

/// [`cluster_mentions`] with a choice of typo-candidate generation; [`Candidates::AllPairs`]
/// is the exhaustive reference the index is tested against.
pub fn cluster_mentions_with(
    mentions: &[Mention],
    matcher: &NameMatcher,
    candidates: Candidates,
) -> NameClusters {
    cluster_with(
        mentions.len(),
        |i| (&mentions[i].name, mentions[i].context.as_slice()),
        matcher,
        candidates,
    )
}

/// One distinct printed family name, folded once.
struct Family {
    folded: String,
    skeleton: String,
    plain: Option<String>,
    gender: Option<Gender>,
}

/// One distinct printed spelling (family, initials).
struct Form<'a> {
    name: &'a PersonName,
    family: usize,
    initials: usize,
    count: usize,
    first: usize,
}

/// Forms of one skeleton sharing one folded initials list.
struct InitialsGroup {
    initials: usize,
    forms: Vec<usize>,
    /// The most frequent form (ties: smallest spelling), which speaks for the group.
    rep: usize,
}

/// A person before typo merging: one or more initials groups of one skeleton.
struct Person {
    skeleton: usize,
    head: usize,
    count: usize,
    context: Vec<ContextToken>,
}

/// The folded tables that forms point into.
struct Tables<'a> {
    families: Vec<Family>,
    initials: Vec<Vec<Initial>>,
    given: Vec<Option<String>>,
    forms: Vec<Form<'a>>,
}

impl Tables<'_> {
    fn key(&self, f: usize) -> NameKey {
        let form = &self.forms[f];
        let family = &self.families[form.family];
        NameKey::assemble(
            family.folded.clone(),
            family.skeleton.clone(),
            self.initials[form.initials].clone(),
            self.given[form.initials].clone(),
            family.plain.clone(),
            family.gender,
            swapped_key(form.name),
        )
    }

    fn skeleton(&self, f: usize) -> &str {
        &self.families[self.forms[f].family].skeleton
    }

    fn initials(&self, f: usize) -> &[Initial] {
        &self.initials[self.forms[f].initials]
    }
}

fn cluster_with<'a>(
    n: usize,
    mention: impl Fn(usize) -> (&'a PersonName, &'a [ContextToken]),
    matcher: &NameMatcher,
    candidates: Candidates,
) -> NameClusters {
    // 1. Forms. Family names and initials are folded once per distinct printed string, so a
    // million mentions of a hundred thousand surnames fold a hundred thousand times.
    let mut t = Tables {
        families: Vec::new(),
        initials: Vec::new(),
        given: Vec::new(),
        forms: Vec::new(),
    };
    // Probed per mention and never iterated, so the word-at-a-time hash serves.
    let mut family_index: WordMap<&'a str, usize> = WordMap::default();
    let mut printed_initials: WordMap<&'a str, usize> = WordMap::default();
    let mut folded_initials: WordMap<(Vec<Initial>, Option<String>), usize> = WordMap::default();
    let mut form_index: WordMap<(usize, &'a str), usize> = WordMap::default();
    let mut form_of_mention = Vec::with_capacity(n);
    let mut form_context: Vec<Vec<ContextToken>> = Vec::new();
    for i in 0..n {
        let (name, context) = mention(i);
        let family = *family_index.entry(name.family.as_str()).or_insert_with(|| {
            let (folded, skeleton) = fold_and_skeleton(&name.family);
            let gender = surname_gender(&skeleton);
            let plain = plain_skeleton(&name.family, &skeleton);
            t.families.push(Family {
                folded,
                skeleton,
                plain,
                gender,
            });
            t.families.len() - 1
        });
        // Given names printed in full are preferred to the initials, as in `NameKey::new`.
        let source = name.given.as_deref().unwrap_or(&name.initials);
        let initials = *printed_initials.entry(source).or_insert_with(|| {
            *folded_initials
                .entry(parse_given(source))
                .or_insert_with_key(|(parsed, given)| {
                    t.initials.push(parsed.clone());
                    t.given.push(given.clone());
                    t.initials.len() - 1
                })
        });
        let new_form = |t: &mut Tables<'a>| {
            t.forms.push(Form {
                name,
                family,
                initials,
                count: 0,
                first: i,
            });
            t.forms.len() - 1
        };
        // A name without a family skeleton matches nothing, not even its own spelling.
        let f = if t.families[family].skeleton.is_empty() {
            new_form(&mut t)
        } else {
            match form_index.get(&(family, source)) {
                Some(&f) => f,
                None => {
                    let f = new_form(&mut t);
                    form_index.insert((family, source), f);
                    f
                }
            }
        };
        if f == form_context.len() {
            form_context.push(Vec::new());
        }
        t.forms[f].count += 1;
        form_context[f].extend_from_slice(context);
        form_of_mention.push(f);
    }
    drop((family_index, printed_initials, folded_initials, form_index));

    // 2. Blocks by skeleton, then groups by initials, then persons by anchoring initials.
    let mut skeleton_index: FnvMap<&str, usize> = FnvMap::default();
    let mut skeletons: Vec<&str> = Vec::new();
    let mut block_forms: Vec<Vec<usize>> = Vec::new();
    // Distinct folded spellings with their block: typo candidates are found among these.
    let mut spellings: Vec<(&str, usize)> = Vec::new();
    for f in 0..t.forms.len() {
        let sk = t.skeleton(f);
        let s = if sk.is_empty() {
            None
        } else {
            skeleton_index.get(sk).copied()
        };
        let s = s.unwrap_or_else(|| {
            skeletons.push(sk);
            block_forms.push(Vec::new());
            if !sk.is_empty() {
                skeleton_index.insert(sk, skeletons.len() - 1);
            }
            skeletons.len() - 1
        });
        block_forms[s].push(f);
        if !sk.is_empty() {
            spellings.push((t.families[t.forms[f].family].folded.as_str(), s));
        }
    }
    // Names with háček letters also belong with the block of their plain reading (Šubelj,
    // Subelj): those block pairs are compared like typo candidates, without the typo rules.
    let mut alias_pairs: Vec<(usize, usize)> = Vec::new();
    for f in 0..t.forms.len() {
        let family = &t.families[t.forms[f].family];
        if let Some(plain) = &family.plain
            && let (Some(&s), Some(&u)) = (
                skeleton_index.get(family.skeleton.as_str()),
                skeleton_index.get(plain.as_str()),
            )
            && s != u
        {
            alias_pairs.push((s.min(u), s.max(u)));
        }
        // A name whose order is ambiguous also belongs with the block of its other reading.
        if let Some(other) = swapped_key(t.forms[f].name)
            && let (Some(&s), Some(&u)) = (
                skeleton_index.get(family.skeleton.as_str()),
                skeleton_index.get(other.skeleton.as_str()),
            )
            && s != u
        {
            alias_pairs.push((s.min(u), s.max(u)));
        }
    }
    drop(skeleton_index);
    spellings.sort_unstable();
    spellings.dedup();

    let forms = &t.forms;
    let mut groups: Vec<InitialsGroup> = Vec::new();
    let mut persons: Vec<Person> = Vec::new();
    let mut group_parent: Vec<Option<usize>> = Vec::new();
    let mut person_of_group: Vec<usize> = Vec::new();
    let mut block_persons: Vec<Vec<usize>> = vec![Vec::new(); skeletons.len()];
    for (s, members) in block_forms.iter_mut().enumerate() {
        let first_group = groups.len();
        // A total order on values, so that groups and their tie-breaks never depend on the
        // order of the input.
        members.sort_by(|&x, &y| {
            (
                t.initials(x),
                &t.given[forms[x].initials],
                spelling(&forms[x]),
            )
                .cmp(&(
                    t.initials(y),
                    &t.given[forms[y].initials],
                    spelling(&forms[y]),
                ))
        });
        // Runs of one initials list; within a run, given names printed in full that
        // differ (Zhang Wei, Zhang Wen) split it, and the forms without one then stay apart
        // unless a single given name is present (Streltsov D.V. joins Streltsov, Dmitry V.).
        let mut run_start = 0;
        while run_start < members.len() {
            let slice = t.initials(members[run_start]);
            let run_end = run_start
                + members[run_start..]
                    .iter()
                    .take_while(|&&f| t.initials(f) == slice)
                    .count();
            let run = &members[run_start..run_end];
            let mut classes: Vec<Vec<&str>> = Vec::new();
            let mut labels: Vec<Option<usize>> = Vec::with_capacity(run.len());
            for &f in run {
                let Some(g) = t.given[forms[f].initials].as_deref() else {
                    labels.push(None);
                    continue;
                };
                let found = classes
                    .iter()
                    .position(|c| c.iter().all(|h| !given_conflict(Some(g), Some(h))));
                let k = match found {
                    Some(k) => {
                        if !classes[k].contains(&g) {
                            classes[k].push(g);
                        }
                        k
                    }
                    None => {
                        classes.push(vec![g]);
                        classes.len() - 1
                    }
                };
                labels.push(Some(k));
            }
            let split = classes.len() > 1;
            let base = groups.len();
            let groups_in_run = if split { classes.len() + 1 } else { 1 };
            for _ in 0..groups_in_run {
                groups.push(InitialsGroup {
                    initials: forms[run[0]].initials,
                    forms: Vec::new(),
                    rep: run[0],
                });
            }
            for (&f, label) in run.iter().zip(&labels) {
                let k = match (split, label) {
                    (false, _) => 0,
                    (true, Some(c)) => *c,
                    (true, None) => classes.len(),
                };
                groups[base + k].forms.push(f);
            }
            // Drop the group for forms without a given name when there were none.
            let added = groups.split_off(base);
            groups.extend(added.into_iter().filter(|g| !g.forms.is_empty()));
            run_start = run_end;
        }
        for g in &mut groups[first_group..] {
            g.rep = *g
                .forms
                .iter()
                .max_by(|&&x, &&y| {
                    forms[x]
                        .count
                        .cmp(&forms[y].count)
                        .then_with(|| spelling(&forms[y]).cmp(&spelling(&forms[x])))
                })
                .unwrap_or(&g.rep);
        }
        let parents = if groups.len() - first_group > 1 {
            anchor_initials(&groups[first_group..], &t.initials, first_group)
        } else {
            vec![None]
        };
        group_parent.extend(parents.iter().copied());
        // Persons: the groups without a parent, each with the groups anchored to it.
        let mut local_person = vec![usize::MAX; parents.len()];
        for (k, parent) in parents.iter().enumerate() {
            if parent.is_none() {
                local_person[k] = persons.len();
                block_persons[s].push(persons.len());
                persons.push(Person {
                    skeleton: s,
                    head: first_group + k,
                    count: 0,
                    context: Vec::new(),
                });
            }
        }
        for (k, parent) in parents.iter().enumerate() {
            let p = local_person[parent.map_or(k, |g| g - first_group)];
            person_of_group.push(p);
            let person = &mut persons[p];
            for &f in &groups[first_group + k].forms {
                person.count += forms[f].count;
                person.context.extend_from_slice(&form_context[f]);
            }
        }
    }
    drop(form_context);
    for p in &mut persons {
        p.context.sort_unstable();
        p.context.dedup();
    }

    // 3. Typo merges between blocks one edit apart.
    let head_initials = |p: usize| &t.initials[groups[persons[p].head].initials];
    let rank = |p: usize| {
        let person = &persons[p];
        (
            person.count,
            head_initials(p).len(),
            skeletons[person.skeleton].len(),
            std::cmp::Reverse(skeletons[person.skeleton]),
            std::cmp::Reverse(head_initials(p)),
        )
    };
    let rep_key = |p: usize| t.key(groups[persons[p].head].rep);
    // Typos are one edit on the folded spellings; the blocks of the two spellings are compared.
    let folded: Vec<&str> = spellings.iter().map(|&(f, _)| f).collect();
    let pairs: Vec<(usize, usize)> = one_edit_pairs(&folded, matcher.typo_min_len, candidates)
        .into_iter()
        .map(|(i, j)| (spellings[i as usize].1, spellings[j as usize].1))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.min(b), a.max(b)))
        .collect();
    let mut pairs: Vec<(usize, usize, bool)> = pairs
        .into_iter()
        .map(|(a, b)| (a, b, false))
        .chain(alias_pairs.into_iter().map(|(a, b)| (a, b, true)))
        .collect();
    // An alias pair compares every person, so it wins over a typo pair of the same blocks.
    pairs.sort_unstable_by_key(|p| (p.0, p.1, !p.2));
    pairs.dedup_by_key(|p| (p.0, p.1));
    // For each variant person, its best accepted target and the decision.
    let mut target: Vec<Option<(usize, Decision)>> = vec![None; persons.len()];
    // Each person's key is built once, when a candidate first needs it.
    let mut keys: FnvMap<usize, NameKey> = FnvMap::default();
    for &(s, u, alias) in &pairs {
        if alias {
            for &p in block_persons[s].iter().chain(&block_persons[u]) {
                keys.entry(p).or_insert_with(|| rep_key(p));
            }
        }
        if gendered_pair(skeletons[s], skeletons[u]) {
            continue;
        }
        let mut by_coarse: FnvMap<Vec<char>, Vec<usize>> = FnvMap::default();
        // Alias pairs accept initials that agree as a prefix, so they bucket by first letter
        // only (under either reading of an ambiguous order); no initials go everywhere.
        let mut by_first: FnvMap<Option<char>, Vec<usize>> = FnvMap::default();
        for &q in &block_persons[u] {
            if alias {
                for letter in keys.get(&q).map(first_letters).unwrap_or_default() {
                    by_first.entry(letter).or_default().push(q);
                }
            } else {
                by_coarse
                    .entry(coarse(head_initials(q)))
                    .or_default()
                    .push(q);
            }
        }
        let mut alias_candidates: Vec<usize> = Vec::new();
        for &p in &block_persons[s] {
            let qs: &[usize] = if alias {
                alias_candidates.clear();
                for letter in keys.get(&p).map(first_letters).unwrap_or_default() {
                    match letter {
                        None => alias_candidates.extend_from_slice(&block_persons[u]),
                        Some(_) => {
                            for key in [letter, None] {
                                if let Some(b) = by_first.get(&key) {
                                    alias_candidates.extend_from_slice(b);
                                }
                            }
                        }
                    }
                }
                alias_candidates.sort_unstable();
                alias_candidates.dedup();
                &alias_candidates
            } else if head_initials(p).is_empty() {
                continue;
            } else {
                match by_coarse.get(&coarse(head_initials(p))) {
                    Some(qs) => qs,
                    None => continue,
                }
            };
            for &x in qs.iter().chain([&p]) {
                keys.entry(x).or_insert_with(|| rep_key(x));
            }
            let Some(kp) = keys.get(&p) else { continue };
            for &q in qs {
                let evidence = Evidence {
                    counts: Some((persons[p].count, persons[q].count)),
                    shared_context: intersects(&persons[p].context, &persons[q].context),
                };
                let Some(kq) = keys.get(&q) else { continue };
                let d = matcher.decide(kp, kq, &evidence);
                if !d.same {
                    continue;
                }
                let (v, to) = if rank(p) < rank(q) { (p, q) } else { (q, p) };
                if target[v].is_none_or(|(old, _)| rank(to) > rank(old)) {
                    target[v] = Some((to, d));
                }
            }
        }
    }
    // Follow chains from the best-ranked variants down, so that a target's root is known
    // before its own variants are placed.
    let mut variants: Vec<usize> = (0..persons.len())
        .filter(|&p| target[p].is_some())
        .collect();
    variants.sort_by(|&x, &y| rank(y).cmp(&rank(x)));
    let mut root: Vec<usize> = (0..persons.len()).collect();
    let mut typo_edge: Vec<Option<(usize, Decision)>> = vec![None; persons.len()];
    for &p in &variants {
        let Some((to, d)) = target[p] else { continue };
        let r = root[to];
        let key_of = |x: usize| keys.get(&x).cloned().unwrap_or_else(|| rep_key(x));
        let (kp, kr) = (key_of(p), key_of(r));
        let refuses = |x: &NameKey, y: &NameKey| {
            gendered_pair(&x.skeleton, &y.skeleton)
                || x.gender.zip(y.gender).is_some_and(|(g, h)| g != h)
                || !initials_compatible(&x.initials, &y.initials)
        };
        // Either reading of a name whose order is ambiguous may be the one that fits.
        let refused = refuses(&kp, &kr)
            && kp.swapped.as_deref().is_none_or(|s| refuses(s, &kr))
            && kr.swapped.as_deref().is_none_or(|s| refuses(&kp, s));
        if !refused {
            root[p] = r;
            typo_edge[p] = Some((to, d));
        }
    }

    // 4. Clusters in order of first mention.
    let mut person_of_form = vec![0usize; forms.len()];
    for (g, group) in groups.iter().enumerate() {
        for &f in &group.forms {
            person_of_form[f] = person_of_group[g];
        }
    }
    let mut cluster_of_root: Vec<usize> = vec![usize::MAX; persons.len()];
    let mut clusters: Vec<NameCluster> = Vec::new();
    let mut assignment = Vec::with_capacity(n);
    for (i, &f) in form_of_mention.iter().enumerate() {
        let r = root[person_of_form[f]];
        if cluster_of_root[r] == usize::MAX {
            cluster_of_root[r] = clusters.len();
            clusters.push(NameCluster::default());
        }
        let c = cluster_of_root[r];
        clusters[c].members.push(i);
        assignment.push(c);
    }

    // Merges: repeated mentions join their form's first mention; forms join their group's
    // representative; groups join their anchor; persons join their typo target.
    let identical: Vec<Decision> = t.initials.iter().map(|i| matcher.identical(i)).collect();
    for (i, &f) in form_of_mention.iter().enumerate() {
        if forms[f].first != i {
            clusters[assignment[i]].merges.push(Merge {
                a: forms[f].first,
                b: i,
                decision: identical[forms[f].initials],
            });
        }
    }
    let mut link = |from: usize, to: usize, decision: Decision| {
        let (a, b) = (forms[to].first, forms[from].first);
        clusters[assignment[b]]
            .merges
            .push(Merge { a, b, decision });
    };
    for (g, group) in groups.iter().enumerate() {
        for &f in &group.forms {
            if f != group.rep {
                link(f, group.rep, matcher.compare(&t.key(group.rep), &t.key(f)));
            }
        }
        if let Some(parent) = group_parent[g] {
            let to = groups[parent].rep;
            link(
                group.rep,
                to,
                matcher.compare(&t.key(to), &t.key(group.rep)),
            );
        }
    }
    for (p, edge) in typo_edge.iter().enumerate() {
        if let Some((to, d)) = edge {
            link(
                groups[persons[p].head].rep,
                groups[persons[*to].head].rep,
                *d,
            );
        }
    }
    for cluster in &mut clusters {
        cluster.merges.sort_by_key(|m| (m.b, m.a));
        cluster.canonical = canonical(cluster, &form_of_mention, &t);
    }
    NameClusters {
        assignment,
        clusters,
    }
}

/// Within one block, the anchor of each initials group: `None` for the most specific lists and
/// for lists that several of them extend; otherwise the one most specific list extending it.
fn anchor_initials(
    groups: &[InitialsGroup],
    initials: &[Vec<Initial>],
    offset: usize,
) -> Vec<Option<usize>> {
    // Several groups can share one list (split by given names), so the index keeps them all.
    let mut index: FnvMap<&[Initial], Vec<usize>> = FnvMap::default();
    for (k, g) in groups.iter().enumerate() {
        index
            .entry(initials[g.initials].as_slice())
            .or_default()
            .push(offset + k);
    }
    let mut maximal = vec![true; groups.len()];
    for g in groups {
        for_each_generalisation(&initials[g.initials], |general| {
            for &x in index.get(general).into_iter().flatten() {
                maximal[x - offset] = false;
            }
        });
    }
    // For each non-maximal group: how many maximal groups extend it, and the first.
    let mut extenders: Vec<(usize, usize)> = vec![(0, usize::MAX); groups.len()];
    for (k, g) in groups.iter().enumerate() {
        if !maximal[k] {
            continue;
        }
        for_each_generalisation(&initials[g.initials], |general| {
            for &x in index.get(general).into_iter().flatten() {
                let e = &mut extenders[x - offset];
                if e.1 != offset + k {
                    e.0 += 1;
                    e.1 = e.1.min(offset + k);
                }
            }
        });
    }
    (0..groups.len())
        .map(|k| (!maximal[k] && extenders[k].0 == 1).then_some(extenders[k].1))
        .collect()
}

/// Calls `visit` with every less specific form of an initials list, itself excluded: every
/// proper prefix, with each digraph optionally replaced by a single letter it abbreviates to
/// ("Yu." by "Y."). Lists without digraphs (the common case) only have prefixes, visited as
/// slices without allocating; the combinations are capped so a pathological list costs a
/// bounded amount of work.
fn for_each_generalisation(initials: &[Initial], mut visit: impl FnMut(&[Initial])) {
    if !initials.iter().any(|i| i.is_digraph()) {
        for len in 0..initials.len() {
            visit(&initials[..len]);
        }
        return;
    }
    const CAP: usize = 256;
    let mut out: Vec<Vec<Initial>> = Vec::new();
    let limit = initials.len().min(8);
    for len in 0..=limit {
        let mut combos: Vec<Vec<Initial>> = vec![Vec::with_capacity(len)];
        for &i in &initials[..len] {
            let mut next = Vec::new();
            for c in &combos {
                let mut same = c.clone();
                same.push(i);
                next.push(same);
                for g in i.generalisations() {
                    let mut alt = c.clone();
                    alt.push(g);
                    next.push(alt);
                }
                if next.len() > CAP {
                    break;
                }
            }
            combos = next;
        }
        out.extend(combos.into_iter().filter(|c| c.as_slice() != initials));
        if out.len() > CAP {
            break;
        }
    }
    out.sort_unstable();
    out.dedup();
    for g in &out {
        visit(g);
    }
}

/// A coarse bucket for initials lists that may agree in full: one letter per initial, with the
/// iotated letters together.
fn coarse(initials: &[Initial]) -> Vec<char> {
    initials.iter().map(|i| i.coarse_letter()).collect()
}

/// The first initial letters a key can be compared by: its own, and that of its other reading
/// when its order is ambiguous (`None` for no initials).
fn first_letters(key: &NameKey) -> Vec<Option<char>> {
    let first = |k: &NameKey| k.initials.first().map(|i| i.coarse_letter());
    let mut out = vec![first(key)];
    if let Some(other) = key.swapped.as_deref() {
        out.push(first(other));
    }
    out.dedup();
    out
}

fn intersects(a: &[ContextToken], b: &[ContextToken]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

fn spelling<'f>(form: &'f Form<'_>) -> (&'f str, &'f str) {
    (form.name.family.as_str(), form.name.initials.as_str())
}

/// The most frequent spelling in the cluster; ties go to the fullest initials, then to the
/// first mention.
fn canonical(cluster: &NameCluster, form_of_mention: &[usize], t: &Tables<'_>) -> usize {
    if let [only] = cluster.members.as_slice() {
        return *only;
    }
    let mut seen: Vec<usize> = cluster
        .members
        .iter()
        .map(|&i| form_of_mention[i])
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.iter()
        .copied()
        .max_by(|&x, &y| {
            let (fx, fy) = (&t.forms[x], &t.forms[y]);
            fx.count
                .cmp(&fy.count)
                .then_with(|| t.initials(x).len().cmp(&t.initials(y).len()))
                .then_with(|| fy.first.cmp(&fx.first))
        })
        .map_or(cluster.members.first().copied().unwrap_or(0), |f| {
            t.forms[f].first
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[(&str, &str)]) -> Vec<PersonName> {
        list.iter().map(|(f, i)| PersonName::new(*f, *i)).collect()
    }

    #[test]
    fn seed_authors() {
        let n = names(&[
            ("Brown", "J."),
            ("Brown", "J."),
            ("Brown", "J."),
            ("Panov", "A.N."),
            ("Paramonov", "O.G."),
            ("Streltsov", "D.V."),
            ("Streltsov", "D.V."),
            ("Sreltsov", "D.V."),
            ("Fedorovskii", "A.N."),
            ("Mikheev", "V.V."),
        ]);
        let c = cluster_names(&n, &NameMatcher::default());
        assert_eq!(c.assignment, vec![0, 0, 0, 1, 2, 3, 3, 3, 4, 5]);
        let s = &c.clusters[3];
        assert_eq!(s.members, vec![5, 6, 7]);
        assert_eq!(s.canonical, 5);
        assert_eq!(s.merges.len(), 2);
        let typos: Vec<_> = s
            .merges
            .iter()
            .filter(|m| m.decision.rule == Rule::SupportedTypo)
            .collect();
        assert_eq!(typos.len(), 1);
        assert_eq!(typos[0].b, 7);
    }

    #[test]
    fn ambiguous_short_initials_stay_apart() {
        let n = names(&[("Ivanov", "A."), ("Ivanov", "A.B."), ("Ivanov", "A.C.")]);
        let c = cluster_names(&n, &NameMatcher::default());
        assert_eq!(c.assignment, vec![0, 1, 2]);
        let n = names(&[("Ivanov", "A."), ("Ivanov", "A.B."), ("Иванов", "А.")]);
        let c = cluster_names(&n, &NameMatcher::default());
        assert_eq!(c.assignment, vec![0, 0, 0]);
        // All spellings once each: the fullest initials name the person.
        assert_eq!(c.clusters[0].canonical, 1);
    }

    #[test]
    fn yu_initials_anchor() {
        let n = names(&[("Ivanov", "Yu."), ("Ivanov", "Iu.A."), ("Ivanov", "Y.")]);
        let c = cluster_names(&n, &NameMatcher::default());
        assert_eq!(c.assignment, vec![0, 0, 0]);
    }

    #[test]
    fn frequency_support_and_refusals() {
        let n = names(&[("Brown", "J."), ("Brown", "J."), ("Browne", "J.")]);
        let c = cluster_names(&n, &NameMatcher::default());
        assert_eq!(c.assignment, vec![0, 0, 0]);
        let n = names(&[("Brown", "J."), ("Browne", "J.")]);
        assert_eq!(
            cluster_names(&n, &NameMatcher::default()).assignment,
            vec![0, 1]
        );
        let n = names(&[("Ivanov", "A."), ("Ivanov", "A."), ("Ivanova", "A.")]);
        assert_eq!(
            cluster_names(&n, &NameMatcher::default()).assignment,
            vec![0, 0, 1]
        );
    }

    #[test]
    fn canonical_prefers_frequency_then_initials() {
        let n = names(&[
            ("Strel'tsov", "D."),
            ("Streltsov", "D.V."),
            ("Streltsov", "D.V."),
        ]);
        let c = cluster_names(&n, &NameMatcher::default());
        assert_eq!(c.clusters[0].canonical, 1);
        let n = names(&[("Strel'tsov", "D."), ("Streltsov", "D.V.")]);
        let c = cluster_names(&n, &NameMatcher::default());
        assert_eq!(c.clusters[0].canonical, 1);
    }

    #[test]
    fn full_given_names() {
        let parse = |l: &[&str]| -> Vec<PersonName> {
            l.iter()
                .filter_map(|s| crate::names::parse_name(s))
                .collect()
        };
        let m = NameMatcher::default();
        let n = parse(&[
            "Streltsov, Dmitry V.",
            "Streltsov D.V.",
            "Стрельцов Дмитрий",
        ]);
        assert_eq!(cluster_names(&n, &m).assignment, vec![0, 0, 0]);
        let n = parse(&["Zhang Wei", "Zhang Wen", "Zhang W."]);
        assert_eq!(cluster_names(&n, &m).assignment, vec![0, 1, 2]);
        let n = parse(&["Zhang Wei", "Zhang W.", "Wei Zhang"]);
        assert_eq!(cluster_names(&n, &m).assignment, vec![0, 0, 0]);
        // Neither word is a known family name: the order is ambiguous and both readings meet.
        let n = parse(&["Yamanaka Shinya", "Shinya Yamanaka", "Yamanaka S."]);
        assert_eq!(cluster_names(&n, &m).assignment, vec![0, 0, 0]);
    }

    #[test]
    fn hacek_readings_meet() {
        let n = names(&[("Šubelj", "L."), ("Subelj", "L."), ("Shubelj", "L.")]);
        assert_eq!(
            cluster_names(&n, &NameMatcher::default()).assignment,
            vec![0, 0, 0]
        );
    }

    #[test]
    fn empty_input() {
        let c = cluster_names(&[], &NameMatcher::default());
        assert!(c.assignment.is_empty() && c.clusters.is_empty());
    }
}
