//! Person names: parsing one printed name, folding it to a matching key, deciding whether two
//! names are the same person, and clustering many mentions into persons.
//!
//! The pipeline is *fold once, compare many*: every distinct spelling is folded to a
//! [`NameKey`] once — Unicode NFKC, case, diacritics, Cyrillic by a hand-written table
//! ([`cyrillic_to_latin`]), then a transliteration [`skeleton`] on which BGN/PCGN, LC, ISO 9 /
//! GOST 7.79, BSI, the 2013 passport system and journal tables agree, applied in full only to
//! names that show a Cyrillic origin (Latin names keep y/i, cz/c apart) — and the
//! [`NameMatcher`] compares keys by explainable rules. Every decision is a [`Decision`] that
//! names the [`Rule`] that decided it and the scores behind it, so a merge or a refusal can
//! always be explained.
//!
//! ```
//! use citegraph::names::{parse_name, NameKey, NameMatcher};
//!
//! let a = NameKey::new(&parse_name("Streltsov D.V.").unwrap());
//! let b = NameKey::new(&parse_name("Стрельцов Д. В.").unwrap());
//! let d = NameMatcher::default().compare(&a, &b);
//! assert!(d.same);
//! println!("{}", d.explain(&a, &b));
//! ```

mod block;
mod cluster;
mod decision;
mod fold;
mod gender;

mod key;
mod matcher;
mod mention;
mod parse;
mod similarity;
mod skeleton;
mod translit;

pub use block::Candidates;
pub use cluster::{
    Merge, NameCluster, NameClusters, cluster_mentions, cluster_mentions_with, cluster_names,
};
pub use decision::{Decision, Evidence, Explained, InitialsAgreement, Rule, Support};
pub use fold::{fold_family, fold_family_plain};
pub use gender::{Gender, gendered_pair, surname_gender};
pub use key::{Initial, NameKey};
pub use matcher::NameMatcher;
pub use mention::{ContextToken, Mention};
pub use parse::parse_name;
pub use similarity::{jaro_winkler, within_one_edit};
pub use skeleton::skeleton;
pub use translit::cyrillic_to_latin;
