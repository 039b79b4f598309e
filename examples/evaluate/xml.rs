//! A small, forgiving XML reader for the two annotation formats the evaluation reads.
//!
//! AnyStyle's `<dataset><sequence>…` and GROBID's TEI `<listBibl><bibl>…` files use plain
//! elements, attributes, the five predefined entities and numeric character references; no DTDs,
//! no namespaces that matter, no CDATA in practice. This reader builds a tree of [`Element`]s from
//! such text. It is tolerant where the hand-annotated corpora are sloppy (a stray or mismatched
//! closing tag is ignored or closes the nearest open element of that name; an unknown entity is
//! kept literally; unclosed elements are closed at the end of input) and it never panics: the
//! errors it reports ([`XmlError`]) are the structural ones that make a file unreadable (an
//! unterminated tag, comment or declaration).
//!
//! Element and attribute names are lower-cased and stripped of any namespace prefix, so `<TEI>`
//! and `<tei>`, `<pubPlace>` and `<pubplace>` read the same.

use std::fmt;

/// A node of the tree: an element or a run of decoded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Character data with entities decoded.
    Text(String),
}

/// An element with its lower-cased name, attributes and children in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    /// Local name, lower-cased (`title`, `biblscope`).
    pub name: String,
    /// Attributes as (lower-cased local name, decoded value), in document order.
    pub attrs: Vec<(String, String)>,
    /// Children in document order.
    pub children: Vec<Node>,
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// Byte offset where the problem starts.
    pub offset: usize,
    /// What is wrong.
    pub message: &'static str,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

impl std::error::Error for XmlError {}

impl Element {
    /// The value of attribute `name` (lower-case), if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements, skipping text.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// All descendant elements named `name` (lower-case), in document order, not descending
    /// into a match.
    pub fn descendants<'a>(&'a self, name: &str) -> Vec<&'a Element> {
        let mut out = Vec::new();
        collect(self, name, &mut out);
        out
    }

    /// The text content with tags removed. `<lb/>` (a printed line break) counts as a space;
    /// whitespace is kept as it is (see [`collapse_whitespace`]).
    pub fn text(&self) -> String {
        let mut out = String::new();
        push_text(self, &mut out);
        out
    }
}

fn collect<'a>(e: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
    for child in e.elements() {
        if child.name == name {
            out.push(child);
        } else {
            collect(child, name, out);
        }
    }
}

fn push_text(e: &Element, out: &mut String) {
    for node in &e.children {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(child) if child.name == "lb" => out.push(' '),
            Node::Element(child) => push_text(child, out),
        }
    }
}

/// Trims and collapses every run of whitespace to one space.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decodes `&amp; &lt; &gt; &quot; &apos;` and numeric references (`&#233;`, `&#xC9;`).
/// Anything else that starts with `&` is kept literally, as are references to invalid code points.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        // An entity name is short; look for ';' within a few characters.
        let semi = after.char_indices().take(12).find(|&(_, c)| c == ';');
        let decoded = semi.and_then(|(i, _)| {
            let name = &after[..i];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse::<u32>().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, i + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn local_name(raw: &str) -> String {
    let name = raw.rsplit(':').next().unwrap_or(raw);
    name.to_ascii_lowercase()
}

/// Parses `input` into a synthetic root element (name `#document`) whose children are the
/// top-level nodes. See the module documentation for what is tolerated.
pub fn parse(input: &str) -> Result<Element, XmlError> {
    // Stack of open elements; index 0 is the synthetic root.
    let mut stack: Vec<Element> = vec![Element {
        name: "#document".to_string(),
        ..Element::default()
    }];
    let bytes = input.as_bytes();
    let mut pos = 0;
    while pos < input.len() {
        let Some(lt) = input[pos..].find('<').map(|i| pos + i) else {
            push_text_node(&mut stack, &input[pos..]);
            break;
        };
        if lt > pos {
            push_text_node(&mut stack, &input[pos..lt]);
        }
        let tail = &input[lt..];
        if tail.starts_with("<!--") {
            let end = find_from(input, lt + 4, "-->").ok_or(XmlError {
                offset: lt,
                message: "unterminated comment",
            })?;
            pos = end + 3;
        } else if tail.starts_with("<![CDATA[") {
            let end = find_from(input, lt + 9, "]]>").ok_or(XmlError {
                offset: lt,
                message: "unterminated CDATA section",
            })?;
            let text = input[lt + 9..end].to_string();
            if let Some(top) = stack.last_mut() {
                top.children.push(Node::Text(text));
            }
            pos = end + 3;
        } else if tail.starts_with("<?") {
            let end = find_from(input, lt + 2, "?>").ok_or(XmlError {
                offset: lt,
                message: "unterminated processing instruction",
            })?;
            pos = end + 2;
        } else if tail.starts_with("<!") {
            let end = find_from(input, lt + 2, ">").ok_or(XmlError {
                offset: lt,
                message: "unterminated declaration",
            })?;
            pos = end + 1;
        } else if !tail[1..].starts_with(|c: char| c.is_alphabetic() || c == '_' || c == '/') {
            // A "<" that starts no tag ("1 < 2"): keep it as text.
            push_text_node(&mut stack, "<");
            pos = lt + 1;
        } else {
            let end = tag_end(bytes, lt + 1).ok_or(XmlError {
                offset: lt,
                message: "unterminated tag",
            })?;
            let inner = &input[lt + 1..end];
            pos = end + 1;
            if let Some(name) = inner.strip_prefix('/') {
                close(&mut stack, &local_name(name.trim()));
            } else {
                let (inner, empty) = match inner.strip_suffix('/') {
                    Some(s) => (s, true),
                    None => (inner, false),
                };
                let element = open_tag(inner);
                if element.name.is_empty() {
                    // "<" followed by junk: keep it as text, as a lenient reader would.
                    push_text_node(&mut stack, &input[lt..pos]);
                } else if empty {
                    if let Some(top) = stack.last_mut() {
                        top.children.push(Node::Element(element));
                    }
                } else {
                    stack.push(element);
                }
            }
        }
    }
    while stack.len() > 1 {
        if let Some(done) = stack.pop()
            && let Some(parent) = stack.last_mut()
        {
            parent.children.push(Node::Element(done));
        }
    }
    Ok(stack.pop().unwrap_or_default())
}

fn find_from(s: &str, from: usize, pat: &str) -> Option<usize> {
    s.get(from..)?.find(pat).map(|i| from + i)
}

/// Index of the `>` closing a tag that starts before `from`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return Some(i),
            None if b == b'<' => return None,
            None => {}
        }
    }
    None
}

fn push_text_node(stack: &mut [Element], raw: &str) {
    if let Some(top) = stack.last_mut() {
        top.children.push(Node::Text(decode_entities(raw)));
    }
}

fn close(stack: &mut Vec<Element>, name: &str) {
    // Close up to the nearest open element of that name; a closing tag with no open match is
    // ignored (never closes the synthetic root).
    let Some(depth) = stack.iter().rposition(|e| e.name == name) else {
        return;
    };
    if depth == 0 {
        return;
    }
    while stack.len() > depth {
        if let Some(done) = stack.pop()
            && let Some(parent) = stack.last_mut()
        {
            parent.children.push(Node::Element(done));
        }
    }
}

fn open_tag(inner: &str) -> Element {
    let inner = inner.trim();
    let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
    let name = &inner[..name_end];
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_');
    if !valid {
        return Element::default();
    }
    let mut element = Element {
        name: local_name(name),
        ..Element::default()
    };
    // Attributes: name = "value" | name = 'value'; spaces around '=' allowed ("type ="pp"").
    let mut rest = inner[name_end..].trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else {
            // A bare attribute name: skip it.
            if key.is_empty() {
                // Defensive: make progress on junk such as a lone quote.
                let skip = rest.chars().next().map_or(0, char::len_utf8);
                rest = rest[skip..].trim_start();
            }
            continue;
        };
        let after_eq = after_eq.trim_start();
        let quote = after_eq.chars().next();
        let (value, remaining) = match quote {
            Some(q @ ('"' | '\'')) => {
                let body = &after_eq[1..];
                match body.find(q) {
                    Some(end) => (&body[..end], &body[end + 1..]),
                    None => (body, ""),
                }
            }
            _ => {
                let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        if !key.is_empty() {
            element
                .attrs
                .push((local_name(key), decode_entities(value)));
        }
        rest = remaining.trim_start();
    }
    element
}
