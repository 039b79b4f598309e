//! The citation graph: works, persons and sources as nodes; cites, authored, edited and
//! published-in as edges.
//!
//! [`CitationGraph`] keeps a petgraph `StableDiGraph` inside and hands out citegraph's own
//! typed ids ([`WorkId`], [`PersonId`], [`SourceId`]), so users walk the graph without
//! depending on petgraph's index types, and the representation can change without breaking
//! them. Traversals that several metrics share are methods; everything else is a walk over
//! [`CitationGraph::edges`].

use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use crate::model::Document;
use crate::resolve::{PersonId, Resolution, SourceId};

/// A work in the graph: the citing article, or one of its references by index.
///
/// ```
/// use citegraph::WorkId;
///
/// assert_eq!(WorkId::Reference(3).to_string(), "r3");
/// assert_eq!(WorkId::Citing.to_string(), "article");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum WorkId {
    /// The citing article.
    Citing,
    /// The reference with this 1-based index.
    Reference(usize),
}

impl std::fmt::Display for WorkId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WorkId::Citing => f.write_str("article"),
            WorkId::Reference(i) => write!(f, "r{i}"),
        }
    }
}

/// A node of the citation graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Node {
    /// A work.
    Work(WorkId),
    /// A person.
    Person(PersonId),
    /// A source.
    Source(SourceId),
}

/// The kind of an edge. Edges point from the actor to the thing acted on: citing work → cited
/// work, person → work, work → source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// The citing work cites a reference.
    Cites,
    /// A person authored a work.
    Authored,
    /// A person edited a work.
    Edited,
    /// A work appeared in a source.
    PublishedIn,
}

impl EdgeKind {
    /// The kebab-case name of the edge kind.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Cites => "cites",
            EdgeKind::Authored => "authored",
            EdgeKind::Edited => "edited",
            EdgeKind::PublishedIn => "published-in",
        }
    }
}

/// An edge: its kind and, for authored and edited edges, the person's 0-based position in the
/// printed list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edge {
    /// What the edge says.
    pub kind: EdgeKind,
    /// Position in the author or editor list (0 for other edges).
    pub position: usize,
}

/// A citation graph of one citing work, its references, their persons and sources.
///
/// ```
/// use citegraph::{CitationGraph, EdgeKind, WorkId};
///
/// let analysis = citegraph::analyze(
///     "1. Brown J. (2017) One. The Diplomat, May 4, 2017.\n2. Brown J. (2018) Two. The Diplomat, July 8, 2018.\n",
/// ).unwrap();
/// let g: &CitationGraph = &analysis.graph;
/// assert_eq!(g.cited().count(), 2);
/// let brown = g.authors_of(WorkId::Reference(1))[0];
/// assert_eq!(g.works_of(brown).len(), 2);
/// assert_eq!(g.source_of(WorkId::Reference(1)), g.source_of(WorkId::Reference(2)));
/// assert!(g.edges().any(|(_, e, _)| e.kind == EdgeKind::PublishedIn));
/// ```
#[derive(Debug, Clone, Default)]
pub struct CitationGraph {
    graph: StableDiGraph<Node, Edge>,
    citing: NodeIndex,
    works: Vec<NodeIndex>,
    persons: Vec<NodeIndex>,
    sources: Vec<NodeIndex>,
}

impl CitationGraph {
    /// Builds the graph of a document from its resolution.
    pub fn build(doc: &Document, res: &Resolution) -> CitationGraph {
        let mut graph = StableDiGraph::with_capacity(
            1 + doc.references.len() + res.persons.len() + res.sources.len(),
            doc.references.len() * 3 + res.mentions.len(),
        );
        let citing = graph.add_node(Node::Work(WorkId::Citing));
        let works: Vec<NodeIndex> = doc
            .references
            .iter()
            .map(|r| graph.add_node(Node::Work(WorkId::Reference(r.index))))
            .collect();
        let persons: Vec<NodeIndex> = res
            .persons
            .iter()
            .map(|p| graph.add_node(Node::Person(p.id)))
            .collect();
        let sources: Vec<NodeIndex> = res
            .sources
            .iter()
            .map(|s| graph.add_node(Node::Source(s.id)))
            .collect();
        let mut g = CitationGraph {
            graph,
            citing,
            works,
            persons,
            sources,
        };
        let work_nodes = g.works.clone();
        for &w in &work_nodes {
            g.graph.add_edge(
                citing,
                w,
                Edge {
                    kind: EdgeKind::Cites,
                    position: 0,
                },
            );
        }
        for (mention, person) in res.mentions.iter().zip(&res.mention_person) {
            let work = match mention.work {
                None => Some(citing),
                Some(index) => index.checked_sub(1).and_then(|i| g.works.get(i)).copied(),
            };
            let (Some(work), Some(&person)) = (work, g.persons.get(person.0)) else {
                continue;
            };
            let kind = match mention.role {
                crate::Role::Author => EdgeKind::Authored,
                crate::Role::Editor => EdgeKind::Edited,
            };
            // The other list of a bilingual page names the same work's people again: one edge
            // per person and work, unless its spelling was not joined to the printed one.
            // (Looked up from the work, which has a few authors, not from the person, who may
            // have thousands of works.)
            if mention.alternate
                && g.graph
                    .edges_directed(work, Direction::Incoming)
                    .any(|e| e.source() == person && e.weight().kind == kind)
            {
                continue;
            }
            g.graph.add_edge(
                person,
                work,
                Edge {
                    kind,
                    position: mention.position,
                },
            );
        }
        for (work, source) in work_nodes.iter().zip(&res.reference_source) {
            if let Some(&s) = source.and_then(|s| g.sources.get(s.0)) {
                g.graph.add_edge(
                    *work,
                    s,
                    Edge {
                        kind: EdgeKind::PublishedIn,
                        position: 0,
                    },
                );
            }
        }
        if let Some(&s) = res.article_source.and_then(|s| g.sources.get(s.0)) {
            g.graph.add_edge(
                citing,
                s,
                Edge {
                    kind: EdgeKind::PublishedIn,
                    position: 0,
                },
            );
        }
        g
    }

    fn work_node(&self, work: WorkId) -> Option<NodeIndex> {
        match work {
            WorkId::Citing => Some(self.citing),
            WorkId::Reference(i) => i.checked_sub(1).and_then(|i| self.works.get(i)).copied(),
        }
    }

    /// The number of nodes (works, persons and sources).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// The number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The works the citing article cites, in list order.
    pub fn cited(&self) -> impl Iterator<Item = WorkId> + '_ {
        (1..=self.works.len()).map(WorkId::Reference)
    }

    /// Every person, in id order.
    pub fn persons(&self) -> impl Iterator<Item = PersonId> + '_ {
        (0..self.persons.len()).map(PersonId)
    }

    /// Every source, in id order.
    pub fn sources(&self) -> impl Iterator<Item = SourceId> + '_ {
        (0..self.sources.len()).map(SourceId)
    }

    fn people(&self, work: WorkId, kind: EdgeKind) -> Vec<PersonId> {
        let Some(node) = self.work_node(work) else {
            return Vec::new();
        };
        let mut found: Vec<(usize, PersonId)> = self
            .graph
            .edges_directed(node, Direction::Incoming)
            .filter(|e| e.weight().kind == kind)
            .filter_map(|e| match self.graph[e.source()] {
                Node::Person(p) => Some((e.weight().position, p)),
                _ => None,
            })
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// The authors of a work, in printed order.
    pub fn authors_of(&self, work: WorkId) -> Vec<PersonId> {
        self.people(work, EdgeKind::Authored)
    }

    /// The editors of a work, in printed order.
    pub fn editors_of(&self, work: WorkId) -> Vec<PersonId> {
        self.people(work, EdgeKind::Edited)
    }

    /// The source a work appeared in.
    pub fn source_of(&self, work: WorkId) -> Option<SourceId> {
        let node = self.work_node(work)?;
        self.graph
            .edges_directed(node, Direction::Outgoing)
            .find_map(|e| match self.graph[e.target()] {
                Node::Source(s) if e.weight().kind == EdgeKind::PublishedIn => Some(s),
                _ => None,
            })
    }

    /// The works a person authored or edited, in ascending order, without repeats.
    pub fn works_of(&self, person: PersonId) -> Vec<WorkId> {
        let Some(&node) = self.persons.get(person.0) else {
            return Vec::new();
        };
        let mut works: Vec<WorkId> = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .filter_map(|e| match self.graph[e.target()] {
                Node::Work(w) => Some(w),
                _ => None,
            })
            .collect();
        works.sort_unstable();
        works.dedup();
        works
    }

    /// The works that appeared in a source, in ascending order.
    pub fn works_in(&self, source: SourceId) -> Vec<WorkId> {
        let Some(&node) = self.sources.get(source.0) else {
            return Vec::new();
        };
        let mut works: Vec<WorkId> = self
            .graph
            .edges_directed(node, Direction::Incoming)
            .filter_map(|e| match self.graph[e.source()] {
                Node::Work(w) => Some(w),
                _ => None,
            })
            .collect();
        works.sort_unstable();
        works
    }

    /// Every edge as (from, edge, to).
    pub fn edges(&self) -> impl Iterator<Item = (Node, Edge, Node)> + '_ {
        (&self.graph)
            .edge_references()
            .map(|e| (self.graph[e.source()], *e.weight(), self.graph[e.target()]))
    }

    /// Every node.
    pub fn nodes(&self) -> impl Iterator<Item = Node> + '_ {
        self.graph.node_weights().copied()
    }
}
