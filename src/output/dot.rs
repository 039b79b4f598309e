use std::fmt::Write;

use super::nodes::{node_id, node_kind, node_label};
use crate::analysis::Analysis;

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
    let mut out = String::from("digraph citations {\n  rankdir=LR;\n");
    for node in a.graph.nodes() {
        let shape = match node_kind(node) {
            "work" => "box",
            "person" => "ellipse",
            _ => "folder",
        };
        let label = node_label(a, node)
            .replace('\\', "\\\\")
            .replace('"', "\\\"");
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "  \"{}\" [shape={shape}, label=\"{label}\"];",
            node_id(node)
        );
    }
    for (from, edge, to) in a.graph.edges() {
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"];",
            node_id(from),
            node_id(to),
            edge.kind.as_str()
        );
    }
    out.push_str("}\n");
    out
}
