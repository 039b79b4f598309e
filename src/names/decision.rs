//! What a comparison decided and why: the rule, the scores, the evidence.

use std::fmt;

use serde::Serialize;

use super::NameKey;

/// The outcome of comparing two names, with the rule that decided it and the measurements
/// behind it. Small and `Copy`, so clustering can keep one per merge; [`Decision::explain`]
/// adds the keys for a full explanation.
///
/// ```
/// use citegraph::names::{NameKey, NameMatcher};
///
/// let d = NameMatcher::default().compare(
///     &NameKey::from_parts("Sreltsov", "D.V."),
///     &NameKey::from_parts("Streltsov", "D.V."),
/// );
/// assert_eq!(
///     d.to_string(),
///     "same by supported-typo (score 0.970): family one edit apart (similarity 0.963); initials agree (2); support: initials"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Decision {
    /// Whether the names are judged to be the same person.
    pub same: bool,
    /// Similarity in [0, 1] (see [`NameMatcher`](super::NameMatcher) for the formula).
    pub score: f64,
    /// The rule that decided.
    pub rule: Rule,
    /// Jaro-Winkler similarity of the family skeletons.
    pub family_similarity: f64,
    /// Edit distance between the skeletons when it is 0 or 1; `None` for two or more (or not
    /// measured because an earlier rule decided).
    pub family_edits: Option<u8>,
    /// How the initials agree.
    pub initials: InitialsAgreement,
    /// What supported a typo merge (all false unless the rule looked for support).
    pub support: Support,
    /// Whether the match reads one name in the other order (family and given name swapped).
    pub swapped: bool,
}

impl Decision {
    /// The decision together with the keys it compared, for a one-line explanation that names
    /// them.
    ///
    /// ```
    /// use citegraph::names::{NameKey, NameMatcher};
    ///
    /// let (a, b) = (NameKey::from_parts("Ivanov", "A."), NameKey::from_parts("Ivanova", "A."));
    /// let line = NameMatcher::default().compare(&a, &b).explain(&a, &b).to_string();
    /// assert!(line.starts_with("ivanov [ivanov] a. vs ivanova [ivanova] a.: different by gendered-form"));
    /// ```
    pub fn explain<'a>(&'a self, a: &'a NameKey, b: &'a NameKey) -> Explained<'a> {
        Explained {
            decision: self,
            a,
            b,
        }
    }
}

impl fmt::Display for Decision {
    /// "same by supported-typo (score 0.970): family one edit apart (similarity 0.963);
    /// initials agree (2); support: initials"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} by {} (score {:.3}): family ",
            if self.same { "same" } else { "different" },
            self.rule.as_str(),
            self.score
        )?;
        match self.family_edits {
            Some(0) => f.write_str("identical")?,
            Some(_) => f.write_str("one edit apart")?,
            None if self.rule == Rule::GenderedForm => f.write_str("gendered forms")?,
            None => f.write_str("two or more edits apart")?,
        }
        write!(
            f,
            " (similarity {:.3}); initials {}",
            self.family_similarity, self.initials
        )?;
        if self.support.any() {
            write!(f, "; support: {}", self.support)?;
        }
        if self.swapped {
            f.write_str("; order swapped")?;
        }
        Ok(())
    }
}

/// A [`Decision`] with the two keys it compared; its `Display` is a one-line explanation.
#[derive(Debug, Clone, Copy)]
pub struct Explained<'a> {
    decision: &'a Decision,
    a: &'a NameKey,
    b: &'a NameKey,
}

impl fmt::Display for Explained<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} vs {}: {}", self.a, self.b, self.decision)
    }
}

/// How two lists of initials agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum InitialsAgreement {
    /// Neither name has initials.
    BothEmpty,
    /// Only one name has initials.
    OneEmpty,
    /// Same number of initials, all compatible.
    Equal {
        /// How many.
        count: u8,
    },
    /// One list is a compatible prefix of the other ("D." and "D.V.").
    Prefix {
        /// Length of the shorter list.
        shared: u8,
        /// Length of the longer list.
        longest: u8,
    },
    /// The initials disagree at a position.
    Conflict {
        /// The first position (from 0) where they disagree.
        position: u8,
    },
}

impl InitialsAgreement {
    /// The initials' share of the score: 1 for full agreement or none on both sides,
    /// shared/longest for a prefix, ½ when one side has none, 0 on a conflict.
    pub fn similarity(self) -> f64 {
        match self {
            InitialsAgreement::BothEmpty | InitialsAgreement::Equal { .. } => 1.0,
            InitialsAgreement::OneEmpty => 0.5,
            InitialsAgreement::Prefix { shared, longest } => {
                f64::from(shared) / f64::from(longest.max(1))
            }
            InitialsAgreement::Conflict { .. } => 0.0,
        }
    }
}

impl fmt::Display for InitialsAgreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InitialsAgreement::BothEmpty => f.write_str("absent on both sides"),
            InitialsAgreement::OneEmpty => f.write_str("absent on one side"),
            InitialsAgreement::Equal { count } => write!(f, "agree ({count})"),
            InitialsAgreement::Prefix { shared, longest } => {
                write!(f, "agree as a prefix ({shared} of {longest})")
            }
            InitialsAgreement::Conflict { position } => {
                write!(f, "conflict at initial {}", u16::from(*position) + 1)
            }
        }
    }
}

/// What supported a one-edit typo merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Support {
    /// Both names carry enough initials and all agree.
    pub initials: bool,
    /// The variant is rare beside the common spelling.
    pub frequency: bool,
    /// The mentions share a co-author or a source.
    pub context: bool,
}

impl Support {
    /// Whether anything supports the merge.
    pub fn any(self) -> bool {
        self.initials || self.frequency || self.context
    }
}

impl fmt::Display for Support {
    /// "initials, frequency" or "none".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<&str> = [
            (self.initials, "initials"),
            (self.frequency, "frequency"),
            (self.context, "context"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        if parts.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// Evidence from a corpus that can support a typo merge, beyond the two keys themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Evidence {
    /// How many mentions carry each of the two spellings, when known.
    pub counts: Option<(usize, usize)>,
    /// Whether the two spellings' mentions share a co-author or a source.
    pub shared_context: bool,
}

/// The rules a [`NameMatcher`](super::NameMatcher) decides by, in the order it tries them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// A key has no family name: refused.
    EmptyFamily,
    /// Same family skeleton, initials compatible: same.
    CompatibleInitials,
    /// Initials disagree: refused.
    IncompatibleInitials,
    /// At some position both given names are printed in full and differ: refused.
    DifferentGivenName,
    /// Masculine and feminine forms of one surname: refused.
    GenderedForm,
    /// Family names two or more edits apart: refused.
    DifferentFamily,
    /// One edit apart, but too short for that to be a typo: refused.
    ShortFamily,
    /// One edit apart, initials agree, and something supports the typo: same.
    SupportedTypo,
    /// One edit apart without support: refused.
    UnsupportedTypo,
}

impl Rule {
    /// The kebab-case name of the rule.
    ///
    /// ```
    /// assert_eq!(citegraph::names::Rule::SupportedTypo.as_str(), "supported-typo");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::EmptyFamily => "empty-family",
            Rule::CompatibleInitials => "compatible-initials",
            Rule::IncompatibleInitials => "incompatible-initials",
            Rule::DifferentGivenName => "different-given-name",
            Rule::GenderedForm => "gendered-form",
            Rule::DifferentFamily => "different-family",
            Rule::ShortFamily => "short-family",
            Rule::SupportedTypo => "supported-typo",
            Rule::UnsupportedTypo => "unsupported-typo",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
