use std::fmt;

use serde::{Deserialize, Serialize};

/// One printed mention of a person's name, split into family name and initials.
///
/// Reference lists print names as "Streltsov D.V.", "D. V. Streltsov", "Streltsov, Dmitry V." and
/// so on; parsing brings them all to this shape. `family` keeps the printed spelling (case and
/// diacritics included) so a report can show what the list said; matching works on folded keys
/// computed from it later. `initials` are always dotted and unspaced ("D.V."), in the printed
/// order of the given names; `given` keeps the full given names when they were printed.
///
/// ```
/// use citegraph::PersonName;
///
/// let name = PersonName::new("Streltsov", "D.V.");
/// assert_eq!(name.to_string(), "Streltsov D.V.");
/// assert_eq!(name.initial_letters().collect::<String>(), "DV");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonName {
    /// The family name as printed, with particles ("van Eck", "de Solla Price").
    pub family: String,
    /// Dotted initials of the given names in printed order ("D.V.", "Yu.", "H.-D."); may be empty.
    pub initials: String,
    /// The given names in full, when the text printed them ("Dmitry V.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given: Option<String>,
}

impl PersonName {
    /// A name from a family name and dotted initials.
    pub fn new(family: impl Into<String>, initials: impl Into<String>) -> PersonName {
        PersonName {
            family: family.into(),
            initials: initials.into(),
            given: None,
        }
    }

    /// The initials as single letters, without dots, hyphens or multi-letter digraphs
    /// ("Yu." gives `Y`, "H.-D." gives `H`, `D`).
    pub fn initial_letters(&self) -> impl Iterator<Item = char> + '_ {
        self.initials
            .split(['.', '-', ' '])
            .filter_map(|part| part.chars().next())
    }
}

impl fmt::Display for PersonName {
    /// "Family I.I." (or just "Family" when there are no initials).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.initials.is_empty() {
            f.write_str(&self.family)
        } else {
            write!(f, "{} {}", self.family, self.initials)
        }
    }
}

/// The part a person plays in a work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Wrote the work.
    Author,
    /// Edited the work ("(eds.)", "ed. by").
    Editor,
}
