use crate::hash::FnvMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::model::Document;
use crate::names::cyrillic_to_latin;

use super::abbrev;

/// The id of a source within one analysis, written `s1`, `s2`, … (1-based) in JSON.
///
/// ```
/// assert_eq!(citegraph::SourceId(2).to_string(), "s3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct SourceId(pub usize);

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s{}", self.0 + 1)
    }
}

/// A source: a journal, series, website or publisher that one or more works appeared in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The source's id.
    pub id: SourceId,
    /// The name shown: the most frequent printed form, with issue years removed.
    pub name: String,
    /// The clustering key (see [`source_key`]).
    pub key: String,
    /// Distinct printed forms, in order of appearance.
    pub variants: Vec<String>,
    /// Indices of the references in this source.
    pub references: Vec<usize>,
    /// Why printed forms with different keys were joined: abbreviations read as their full
    /// title (see [`source_abbreviates`](crate::source_abbreviates)). Forms with equal keys
    /// need no evidence.
    pub evidence: Vec<SourceMerge>,
}

/// One abbreviated venue joined to the source of its full title.
///
/// ```
/// let list = "1. Brown J. (2017) One. Journal of Applied Physics, vol. 3, pp. 1-2.\n\
///             2. Kraus E. (2018) Two. J. Appl. Phys., vol. 4, pp. 5-6.\n";
/// let a = citegraph::analyze(list)?;
/// let s = &a.resolution.sources[0];
/// assert_eq!(s.references, vec![1, 2]);
/// assert!(s.evidence[0].abbreviation.starts_with("J. Appl. Phys"));
/// assert_eq!(s.evidence[0].full, "Journal of Applied Physics");
/// # Ok::<(), citegraph::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceMerge {
    /// The abbreviated form as printed.
    pub abbreviation: String,
    /// The full title it abbreviates, as printed.
    pub full: String,
}

/// The clustering key of a source name: folded to lower-case ASCII-ish letters and digits,
/// without years, articles ("the") or punctuation.
///
/// Years are dropped because serials print the volume year in the title ("Japan 2016.
/// Yearbook", "Japan 2017. Yearbook") while being one series. Other numbers are kept:
/// "Seriya 25" and "Seriya 8" are different series.
///
/// ```
/// use citegraph::source_key;
///
/// assert_eq!(source_key("Japan 2016. Yearbook"), source_key("Japan 2017. Yearbook"));
/// assert_eq!(source_key("The Diplomat"), source_key("Diplomat"));
/// assert_ne!(source_key("Seriya 25"), source_key("Seriya 8"));
/// assert_eq!(source_key("М.: АИРО-XXI"), source_key("M.: AIRO-XXI"));
/// ```
pub fn source_key(name: &str) -> String {
    // Cyrillic is transliterated before NFKD, which would split й and ё into a base letter and
    // a mark, so that a publisher printed "АИРО-XXI" in one list and "AIRO-XXI" in another is
    // one source.
    let mut latin = String::with_capacity(name.len());
    if name.is_ascii() {
        // nothing to transliterate, and ASCII lower-cases as itself
        latin.push_str(name);
        latin.make_ascii_lowercase();
    } else {
        for c in name.chars().flat_map(char::to_lowercase) {
            match cyrillic_to_latin(c) {
                Some(l) => latin.push_str(l),
                None => latin.push(c),
            }
        }
    }
    let folded: String = if latin.is_ascii() {
        // NFKD and the Unicode case tables leave ASCII as it is: most names skip them.
        latin
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() {
                    char::from(b)
                } else {
                    ' '
                }
            })
            .collect()
    } else {
        latin
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect()
    };
    let mut key = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if is_year(word) || matches!(word, "the" | "a" | "an") {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

/// The printed name with issue years taken out ("Japan 2016. Yearbook" gives "Japan Yearbook").
///
/// ```
/// assert_eq!(citegraph::source_display_name("Japan 2016. Yearbook"), "Japan Yearbook");
/// assert_eq!(citegraph::source_display_name("Seriya 25. Mezhdunarodnye"), "Seriya 25. Mezhdunarodnye");
/// ```
pub fn source_display_name(name: &str) -> String {
    let kept: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !is_year(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect();
    let joined = kept.join(" ");
    joined
        .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ';')
        .to_string()
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && matches!(&word[..2], "17" | "18" | "19" | "20")
}

/// Sources as they are assigned: the clusters, their keys and how often each printed form
/// occurs.
#[derive(Default)]
struct Builder {
    sources: Vec<Source>,
    by_key: FnvMap<String, SourceId>,
    /// Printed names already keyed: a list names a few venues many times, and a key,
    /// once given a source, keeps it.
    by_printed: FnvMap<String, Option<SourceId>>,
    counts: Vec<FnvMap<String, usize>>,
}

impl Builder {
    /// The source of a printed name, created when its key is new; `reference` joins it.
    fn assign(&mut self, printed: &str, reference: Option<usize>) -> Option<SourceId> {
        let id = match self.by_printed.get(printed) {
            Some(&id) => id,
            None => {
                let id = self.source_of(printed);
                self.by_printed.insert(printed.to_string(), id);
                id
            }
        }?;
        self.add_form(id, printed);
        if let Some(r) = reference {
            self.sources[id.0].references.push(r);
        }
        Some(id)
    }

    /// The source a printed name's key names, created when the key is new; None for a name
    /// without a key.
    fn source_of(&mut self, printed: &str) -> Option<SourceId> {
        let key = source_key(printed);
        if key.is_empty() {
            return None;
        }
        let id = match self.by_key.get(&key) {
            Some(&id) => id,
            None => {
                let id = SourceId(self.sources.len());
                self.sources.push(Source {
                    id,
                    name: String::new(),
                    key: key.clone(),
                    variants: Vec::new(),
                    references: Vec::new(),
                    evidence: Vec::new(),
                });
                self.counts.push(FnvMap::default());
                self.by_key.insert(key, id);
                id
            }
        };
        Some(id)
    }

    fn add_form(&mut self, id: SourceId, printed: &str) {
        let source = &mut self.sources[id.0];
        if !source.variants.iter().any(|v| v == printed) {
            source.variants.push(printed.to_string());
        }
        let counts = &mut self.counts[id.0];
        match counts.get_mut(printed) {
            Some(n) => *n += 1,
            None => {
                counts.insert(printed.to_string(), 1);
            }
        }
    }

    /// The venue of a reference's alternate entry (the other list of a bilingual page): the
    /// same work, so the same source under another spelling. It joins the reference's source
    /// unless its key already names a different one (then the two parses disagree and neither
    /// is overruled); a reference without a source of its own takes it.
    fn assign_alternate(
        &mut self,
        printed: &str,
        own: Option<SourceId>,
        reference: usize,
    ) -> Option<SourceId> {
        let key = source_key(printed);
        if key.is_empty() {
            return own;
        }
        match (self.by_key.get(&key).copied(), own) {
            (Some(id), Some(own)) if id != own => Some(own),
            (Some(id), Some(_)) => {
                self.add_form(id, printed);
                Some(id)
            }
            (None, Some(own)) => {
                self.by_key.insert(key, own);
                self.add_form(own, printed);
                Some(own)
            }
            (_, None) => self.assign(printed, Some(reference)),
        }
    }
}

pub(super) fn resolve_sources(
    doc: &Document,
) -> (Vec<Source>, Vec<Option<SourceId>>, Option<SourceId>) {
    let mut b = Builder::default();
    let mut reference_source: Vec<Option<SourceId>> = doc
        .references
        .iter()
        .map(|r| r.source_name().and_then(|s| b.assign(s, Some(r.index))))
        .collect();
    let article_source = doc
        .article
        .source
        .as_deref()
        .and_then(|s| b.assign(s, None));
    for (r, source) in doc.references.iter().zip(reference_source.iter_mut()) {
        if let Some(other) = r.alternate.as_deref().and_then(|a| a.source_name()) {
            *source = b.assign_alternate(other, *source, r.index);
        }
    }
    let article_source = join_abbreviations(&mut b, &mut reference_source, article_source);
    let Builder {
        mut sources,
        counts,
        ..
    } = b;
    for source in &mut sources {
        source.references.sort_unstable();
        source.references.dedup();
    }
    for (source, counts) in sources.iter_mut().zip(&counts) {
        // The most frequent printed form names the source; ties go to the first seen.
        let best = source
            .variants
            .iter()
            .max_by_key(|v| {
                (
                    counts.get(*v).copied().unwrap_or(0),
                    std::cmp::Reverse(source.variants.iter().position(|x| x == *v)),
                )
            })
            .cloned()
            .unwrap_or_default();
        source.name = source_display_name(&best);
    }
    (sources, reference_source, article_source)
}

/// The first letters of a name's content words ("Journal of Applied Physics" and "J. Appl.
/// Phys." both give "jap"): an abbreviation and its full title share it, so only sources
/// that share it are compared.
fn initials_signature(printed: &str) -> String {
    source_key(printed)
        .split(' ')
        .filter(|w| !w.is_empty() && !abbrev::is_dropped(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Joins each source whose printed forms abbreviate exactly one other source's full title
/// into that source ("J. Appl. Phys." into "Journal of Applied Physics"), with the evidence.
/// An abbreviation that fits two sources ("Phys. Rev." beside "Physical Review" and "Physics
/// Reviews") joins neither. Sources keep their order of first mention; ids are renumbered.
fn join_abbreviations(
    b: &mut Builder,
    reference_source: &mut [Option<SourceId>],
    article_source: Option<SourceId>,
) -> Option<SourceId> {
    let mut by_signature: FnvMap<String, Vec<usize>> = FnvMap::default();
    for (i, s) in b.sources.iter().enumerate() {
        for v in &s.variants {
            let sig = initials_signature(v);
            if sig.len() >= 2 {
                let bucket = by_signature.entry(sig).or_default();
                if bucket.last() != Some(&i) {
                    bucket.push(i);
                }
            }
        }
    }
    // each printed form cut into words once, for the sources that share a signature
    let mut forms: FnvMap<usize, Vec<Vec<abbrev::Word>>> = FnvMap::default();
    for &i in by_signature.values().filter(|b| b.len() > 1).flatten() {
        forms.entry(i).or_insert_with(|| {
            b.sources[i]
                .variants
                .iter()
                .map(|v| abbrev::words(v))
                .collect()
        });
    }
    let no_forms = Vec::new();
    let forms_of = |i: usize| forms.get(&i).unwrap_or(&no_forms);
    // into[i] = the source i joins, with the two printed forms
    let mut into: Vec<Option<(usize, String, String)>> = vec![None; b.sources.len()];
    for bucket in by_signature.values().filter(|b| b.len() > 1) {
        for &a in bucket {
            if !forms_of(a).iter().any(|w| abbrev::may_abbreviate(w)) {
                continue;
            }
            let mut found: Option<(usize, String, String)> = None;
            let mut ambiguous = false;
            for &f in bucket.iter().filter(|&&f| f != a) {
                let hit = forms_of(a).iter().enumerate().find_map(|(si, short)| {
                    forms_of(f)
                        .iter()
                        .position(|full| abbrev::abbreviates(short, full))
                        .map(|fi| {
                            let (s, t) = (&b.sources[a].variants[si], &b.sources[f].variants[fi]);
                            (f, s.clone(), t.clone())
                        })
                });
                if let Some(hit) = hit {
                    ambiguous |= found.as_ref().is_some_and(|(g, ..)| *g != hit.0);
                    found = Some(hit);
                }
            }
            if !ambiguous && into[a].is_none() {
                into[a] = found;
            }
        }
    }
    // A full title that is itself read as an abbreviation of a third source stays put:
    // joins are one step, never chains.
    let mut targets = vec![false; into.len()];
    for (f, ..) in into.iter().flatten() {
        targets[*f] = true;
    }
    for (i, t) in into.iter_mut().enumerate() {
        if targets[i] {
            *t = None;
        }
    }
    if into.iter().all(Option::is_none) {
        return article_source;
    }
    let old = std::mem::take(&mut b.sources);
    let old_counts = std::mem::take(&mut b.counts);
    // new id of each old source that stays
    let mut renumber: Vec<Option<usize>> = vec![None; old.len()];
    for (i, t) in into.iter().enumerate() {
        if t.is_none() {
            renumber[i] = Some(b.sources.len());
            b.sources.push(Source {
                id: SourceId(b.sources.len()),
                ..old[i].clone()
            });
            b.counts.push(old_counts[i].clone());
        }
    }
    for (i, t) in into.iter().enumerate() {
        let Some((f, short, full)) = t else { continue };
        let Some(target) = renumber[*f] else { continue };
        let (from, counts) = (&old[i], &old_counts[i]);
        let to = &mut b.sources[target];
        for v in &from.variants {
            if !to.variants.contains(v) {
                to.variants.push(v.clone());
            }
        }
        to.references.extend(&from.references);
        to.evidence.push(SourceMerge {
            abbreviation: short.clone(),
            full: full.clone(),
        });
        for (form, n) in counts {
            *b.counts[target].entry(form.clone()).or_default() += n;
        }
        renumber[i] = Some(target);
    }
    let map = |id: SourceId| renumber.get(id.0).copied().flatten().map(SourceId);
    for s in reference_source.iter_mut() {
        *s = s.and_then(map);
    }
    b.by_key.clear();
    article_source.and_then(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reference;

    proptest::proptest! {
        #[test]
        fn ascii_source_keys_are_the_unicode_fold(name in "[ -~]{0,40}") {
            // the NFKD path, which the ASCII shortcut must agree with
            let folded: String = name
                .to_lowercase()
                .nfkd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                .collect();
            let expected: Vec<&str> = folded
                .split_whitespace()
                .filter(|w| !is_year(w) && !matches!(*w, "the" | "a" | "an"))
                .collect();
            proptest::prop_assert_eq!(source_key(&name), expected.join(" "));
        }
    }

    fn with_container(index: usize, container: &str, other: Option<&str>) -> Reference {
        let mut r = Reference::unparsed(index, None, index, "");
        r.container = Some(container.to_string());
        r.alternate = other.map(|o| {
            let mut a = Reference::unparsed(index, None, index, "");
            a.container = Some(o.to_string());
            Box::new(a)
        });
        r
    }

    #[test]
    fn abbreviations_join_their_full_title_once_and_never_two() {
        let doc = Document {
            references: vec![
                with_container(1, "Physical Review Letters", None),
                with_container(2, "Journal of Applied Physics", None),
                with_container(3, "Phys. Rev. Lett.", None),
                with_container(4, "J. Appl. Phys.", None),
                with_container(5, "Physics Reviews", None),
                with_container(6, "Physical Review", None),
                with_container(7, "Phys. Rev.", None),
                with_container(8, "Physical Review Letters", None),
            ],
            ..Document::default()
        };
        let (sources, of, _) = resolve_sources(&doc);
        let id = |i: usize| of[i].map(|s| s.0);
        assert_eq!(id(0), id(2));
        assert_eq!(id(0), id(7));
        assert_eq!(id(1), id(3));
        // "Phys. Rev." fits "Physics Reviews" and "Physical Review": it joins neither
        assert_ne!(id(6), id(4));
        assert_ne!(id(6), id(5));
        assert_eq!(sources.len(), 5);
        // ids stay dense and in order of first mention
        for (i, s) in sources.iter().enumerate() {
            assert_eq!(s.id, SourceId(i));
        }
        let prl = &sources[id(0).unwrap_or(0)];
        assert_eq!(prl.name, "Physical Review Letters");
        assert_eq!(prl.references, vec![1, 3, 8]);
        assert_eq!(prl.evidence.len(), 1);
        assert_eq!(prl.evidence[0].abbreviation, "Phys. Rev. Lett.");
    }

    #[test]
    fn an_alternate_venue_joins_its_reference_source_unless_it_names_another() {
        let doc = Document {
            references: vec![
                with_container(1, "Japan 2016. Yearbook", Some("Япония 2016. Ежегодник")),
                with_container(2, "Japan 2017. Yearbook", Some("Япония 2017. Ежегодник")),
                with_container(3, "Vestnik MGIMO", None),
                // a misparsed Cyrillic venue that names another reference's source is not merged
                with_container(4, "Polis", Some("Vestnik MGIMO")),
            ],
            ..Document::default()
        };
        let (sources, of, _) = resolve_sources(&doc);
        assert_eq!(of[0], of[1]);
        let yearbook = &sources[of[0].map_or(0, |s| s.0)];
        assert_eq!(
            yearbook.variants,
            [
                "Japan 2016. Yearbook",
                "Japan 2017. Yearbook",
                "Япония 2016. Ежегодник",
                "Япония 2017. Ежегодник"
            ]
        );
        assert_eq!(yearbook.references, vec![1, 2]);
        assert_ne!(of[2], of[3]);
        assert_eq!(sources.len(), 3);
    }
}
