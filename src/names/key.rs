use unicode_normalization::UnicodeNormalization;

use crate::model::PersonName;

/// A name folded once for matching: family-name key and initial letters, lower-cased and
/// stripped of diacritics.
///
/// ```
/// use citegraph::{PersonName, names::NameKey};
///
/// let key = NameKey::new(&PersonName::new("Glänzel", "W."));
/// assert_eq!(key.family, "glanzel");
/// assert_eq!(key.initials, vec!['w']);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NameKey {
    /// The folded family name.
    pub family: String,
    /// The folded initial letters, in order.
    pub initials: Vec<char>,
}

impl NameKey {
    /// Folds a parsed name.
    pub fn new(name: &PersonName) -> NameKey {
        NameKey {
            family: fold_family(&name.family),
            initials: name
                .initial_letters()
                .flat_map(char::to_lowercase)
                .collect(),
        }
    }
}

/// Folds a family name to its matching key: lower case, no diacritics, letters only.
///
/// ```
/// assert_eq!(citegraph::names::fold_family("Strel'tsov"), "streltsov");
/// ```
pub fn fold_family(family: &str) -> String {
    family
        .nfkd()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
