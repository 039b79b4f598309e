use std::fmt::Write;

use crate::analysis::Analysis;
use crate::graph::{Node, WorkId};

/// The citation graph in Graphviz DOT: works as boxes, persons as ellipses, sources as
/// folders; edges labelled with their kind.
///
/// ```
/// let analysis = citegraph::analyze("1. Brown J. (2017) Title. The Diplomat.\n").unwrap();
/// let dot = citegraph::to_dot(&analysis);
/// assert!(dot.starts_with("digraph citations {"));
/// assert!(dot.contains("\"article\" -> \"r1\" [label=\"cites\"]"));
/// ```
pub fn to_dot(a: &Analysis) -> String {
    let res = &a.resolution;
    let mut out = String::from("digraph citations {\n  rankdir=LR;\n");
    let id = |n: Node| -> String {
        match n {
            Node::Work(w) => w.to_string(),
            Node::Person(p) => p.to_string(),
            Node::Source(s) => s.to_string(),
        }
    };
    for node in a.graph.nodes() {
        let (label, shape) = match node {
            Node::Work(WorkId::Citing) => (
                a.document
                    .article
                    .title
                    .clone()
                    .unwrap_or_else(|| "citing article".into()),
                "box",
            ),
            Node::Work(WorkId::Reference(i)) => {
                let r = i.checked_sub(1).and_then(|i| a.document.references.get(i));
                (
                    r.map_or_else(String::new, |r| {
                        format!("[{i}] {}", r.title.as_deref().unwrap_or(&r.raw))
                    }),
                    "box",
                )
            }
            Node::Person(p) => (
                res.persons
                    .get(p.0)
                    .map_or_else(String::new, |p| p.name.to_string()),
                "ellipse",
            ),
            Node::Source(s) => (
                res.sources
                    .get(s.0)
                    .map_or_else(String::new, |s| s.name.clone()),
                "folder",
            ),
        };
        let label: String = label.chars().take(60).collect();
        let _ = writeln!(
            out,
            "  \"{}\" [shape={shape}, label=\"{}\"];",
            id(node),
            label.replace('\\', "\\\\").replace('"', "\\\"")
        );
    }
    for (from, edge, to) in a.graph.edges() {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            id(from),
            id(to),
            edge.kind.as_str()
        );
    }
    out.push_str("}\n");
    out
}
