use crate::hash::FnvMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::model::Document;
use crate::names::cyrillic_to_latin;

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
    for c in name.chars().flat_map(char::to_lowercase) {
        match cyrillic_to_latin(c) {
            Some(l) => latin.push_str(l),
            None => latin.push(c),
        }
    }
    let folded: String = latin
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
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
    counts: Vec<FnvMap<String, usize>>,
}

impl Builder {
    /// The source of a printed name, created when its key is new; `reference` joins it.
    fn assign(&mut self, printed: &str, reference: Option<usize>) -> Option<SourceId> {
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
                });
                self.counts.push(FnvMap::default());
                self.by_key.insert(key, id);
                id
            }
        };
        self.add_form(id, printed);
        if let Some(r) = reference {
            self.sources[id.0].references.push(r);
        }
        Some(id)
    }

    fn add_form(&mut self, id: SourceId, printed: &str) {
        let source = &mut self.sources[id.0];
        if !source.variants.iter().any(|v| v == printed) {
            source.variants.push(printed.to_string());
        }
        *self.counts[id.0].entry(printed.to_string()).or_default() += 1;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Reference;

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
