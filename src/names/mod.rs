//! Person names: parsing one printed name, folding it to a matching key, deciding whether two
//! names are the same person, and clustering many mentions into persons.
//!
//! The pipeline is *fold once, compare many*: every mention is folded to a [`NameKey`] once, and
//! the [`NameMatcher`] compares keys. Every decision is a [`Decision`] that names the [`Rule`]
//! that decided it and the score behind it, so a merge or a refusal can always be explained.
//!
//! ```
//! use citegraph::names::{parse_name, NameKey, NameMatcher};
//!
//! let a = NameKey::new(&parse_name("Streltsov D.V.").unwrap());
//! let b = NameKey::new(&parse_name("D. V. Streltsov").unwrap());
//! assert!(NameMatcher::default().compare(&a, &b).same);
//! ```

mod cluster;
mod key;
mod matcher;
mod parse;

pub use cluster::{Merge, NameCluster, NameClusters, cluster_names};
pub use key::{NameKey, fold_family};
pub use matcher::{Decision, NameMatcher, Rule};
pub use parse::parse_name;
