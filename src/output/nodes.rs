//! How graph exports name and label nodes, shared by every export format.

use crate::analysis::Analysis;
use crate::graph::{Node, WorkId};

/// The kind of a node, as exports write it.
pub(super) fn node_kind(node: Node) -> &'static str {
    match node {
        Node::Work(_) => "work",
        Node::Person(_) => "person",
        Node::Source(_) => "source",
    }
}

/// The stable id of a node in exports: `article`, `r3`, `p1`, `s2` — the same ids as the JSON.
pub(super) fn node_id(node: Node) -> String {
    match node {
        Node::Work(w) => w.to_string(),
        Node::Person(p) => p.to_string(),
        Node::Source(s) => s.to_string(),
    }
}

/// A short human label: the work's title (or raw text), the person's name, the source's name.
pub(super) fn node_label(a: &Analysis, node: Node) -> String {
    let res = &a.resolution;
    let label = match node {
        Node::Work(WorkId::Citing) => a
            .document
            .article
            .title
            .clone()
            .unwrap_or_else(|| "citing article".into()),
        Node::Work(WorkId::Reference(i)) => {
            let r = i.checked_sub(1).and_then(|i| a.document.references.get(i));
            r.map_or_else(String::new, |r| {
                format!("[{i}] {}", r.title.as_deref().unwrap_or(&r.raw))
            })
        }
        Node::Person(p) => res
            .persons
            .get(p.0)
            .map_or_else(String::new, |p| p.name.to_string()),
        Node::Source(s) => res
            .sources
            .get(s.0)
            .map_or_else(String::new, |s| s.name.clone()),
    };
    label.chars().take(80).collect()
}
