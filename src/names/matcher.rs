use serde::Serialize;

use super::NameKey;

/// Decides whether two folded names are the same person.
///
/// ```
/// use citegraph::{PersonName, names::{NameKey, NameMatcher, Rule}};
///
/// let m = NameMatcher::default();
/// let d = m.compare(&NameKey::new(&PersonName::new("Ivanov", "A.")), &NameKey::new(&PersonName::new("Ivanova", "A.")));
/// assert!(!d.same);
/// ```
#[derive(Debug, Clone, Default)]
pub struct NameMatcher {}

impl NameMatcher {
    /// Compares two keys and explains the decision.
    pub fn compare(&self, a: &NameKey, b: &NameKey) -> Decision {
        if a.family != b.family {
            return Decision {
                same: false,
                score: 0.0,
                rule: Rule::DifferentFamily,
            };
        }
        let n = a.initials.len().min(b.initials.len());
        if a.initials[..n] == b.initials[..n] {
            Decision {
                same: true,
                score: 1.0,
                rule: Rule::CompatibleInitials,
            }
        } else {
            Decision {
                same: false,
                score: 0.5,
                rule: Rule::IncompatibleInitials,
            }
        }
    }
}

/// The outcome of comparing two names, with the rule that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Decision {
    /// Whether the names are judged to be the same person.
    pub same: bool,
    /// Similarity in [0, 1].
    pub score: f64,
    /// The rule that decided.
    pub rule: Rule,
}

/// The rules a [`NameMatcher`] decides by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// Same family key, initials compatible.
    CompatibleInitials,
    /// Same family key, initials disagree.
    IncompatibleInitials,
    /// Family names differ.
    DifferentFamily,
    /// Family names one edit apart, merged with support (see the clustering).
    SupportedTypo,
}

impl Rule {
    /// The kebab-case name of the rule.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::CompatibleInitials => "compatible-initials",
            Rule::IncompatibleInitials => "incompatible-initials",
            Rule::DifferentFamily => "different-family",
            Rule::SupportedTypo => "supported-typo",
        }
    }
}
