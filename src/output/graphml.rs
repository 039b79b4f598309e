use std::fmt::Write;

use super::nodes::{node_id, node_kind, node_label};
use crate::analysis::Analysis;

/// The citation graph in GraphML, for Gephi, Cytoscape, yEd or networkx: every node carries
/// `kind` (work, person, source) and `label`; every edge carries `kind` (cites, authored,
/// edited, published-in) and `position` (the person's place in an author or editor list).
/// Node ids are the JSON's ids (`article`, `r1`, `p1`, `s1`).
///
/// ```
/// let analysis = citegraph::analyze("1. Brown J. (2017) Title. The Diplomat.\n").unwrap();
/// let xml = citegraph::to_graphml(&analysis);
/// assert!(xml.contains(r#"<node id="p1">"#));
/// assert!(xml.contains(r#"<edge source="article" target="r1">"#));
/// ```
pub fn to_graphml(a: &Analysis) -> String {
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"nkind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"ekind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"position\" for=\"edge\" attr.name=\"position\" attr.type=\"int\"/>\n",
        "  <graph id=\"citations\" edgedefault=\"directed\">\n",
    ));
    // Writing into a String cannot fail.
    for node in a.graph.nodes() {
        let _ = writeln!(
            out,
            "    <node id=\"{}\"><data key=\"nkind\">{}</data><data key=\"label\">{}</data></node>",
            node_id(node),
            node_kind(node),
            escape(&node_label(a, node))
        );
    }
    for (from, edge, to) in a.graph.edges() {
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\"><data key=\"ekind\">{}</data><data key=\"position\">{}</data></edge>",
            node_id(from),
            node_id(to),
            edge.kind.as_str(),
            edge.position
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// XML text escaping; characters XML 1.0 forbids (most C0 controls) are dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(
            escape("A & B <i>\"x\"</i>\u{1}"),
            "A &amp; B &lt;i&gt;&quot;x&quot;&lt;/i&gt;"
        );
    }
}
