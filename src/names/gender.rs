//! Gendered forms of Slavic surnames, which name different people and must never merge.
//!
//! Russian, Ukrainian, Bulgarian, Polish and Czech surnames inflect for gender: Ivanov and
//! Ivanova, Fedorovskii and Fedorovskaya, Tolstoi and Tolstaya, Kowalski and Kowalska. The pairs
//! are one or a few edits apart, so an edit-distance matcher would call them typos of each other;
//! the matcher refuses them before it looks at distances. Everything here works on skeletons
//! (see [`skeleton`](super::skeleton)), where -aya/-aja/-aia all read `aia` and -skii/-sky `ski`.

/// The grammatical gender a surname's ending shows, when it shows one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// -ov, -ev, -in, -skii, -oi.
    Masculine,
    /// -ova, -eva, -ina, -skaya, -aya, -ska.
    Feminine,
}

const FEMININE: &[&str] = &["ova", "eva", "ina", "aia", "ska", "cka", "zka"];
const MASCULINE: &[&str] = &["ov", "ev", "in", "ski", "cki", "zki", "oi"];

/// The gender a surname skeleton's ending marks, if any.
///
/// ```
/// use citegraph::names::{fold_family, skeleton, surname_gender, Gender};
///
/// let g = |s: &str| surname_gender(&skeleton(&fold_family(s)));
/// assert_eq!(g("Ivanova"), Some(Gender::Feminine));
/// assert_eq!(g("Fedorovskiy"), Some(Gender::Masculine));
/// assert_eq!(g("Brown"), None);
/// ```
pub fn surname_gender(skeleton: &str) -> Option<Gender> {
    // The stem must have two letters at least: "Ova" or "Lin" is not a gendered form.
    let marks = |e: &&str| skeleton.len() >= e.len() + 2 && skeleton.ends_with(*e);
    if FEMININE.iter().any(marks) {
        Some(Gender::Feminine)
    } else if MASCULINE.iter().any(marks) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

/// Whether two skeletons are the masculine and feminine forms of one surname.
///
/// ```
/// use citegraph::names::{fold_family, skeleton, gendered_pair};
///
/// let sk = |s: &str| skeleton(&fold_family(s));
/// assert!(gendered_pair(&sk("Ivanov"), &sk("Ivanova")));
/// assert!(gendered_pair(&sk("Fedorovskaya"), &sk("Fedorovskii")));
/// assert!(gendered_pair(&sk("Tolstoy"), &sk("Tolstaya")));
/// assert!(!gendered_pair(&sk("Brown"), &sk("Browna")));
/// ```
pub fn gendered_pair(a: &str, b: &str) -> bool {
    feminine_of(a, b) || feminine_of(b, a)
}

/// Whether `f` is the feminine form of the masculine `m`.
fn feminine_of(m: &str, f: &str) -> bool {
    // -ov/-ev/-in + a: Ivanov/Ivanova, Pushkin/Pushkina.
    if let Some(stem) = f.strip_suffix('a')
        && stem == m
        && ["ov", "ev", "in"].iter().any(|e| m.ends_with(e))
    {
        return true;
    }
    // Polish -ski/-ska.
    if let (Some(ms), Some(fs)) = (m.strip_suffix('i'), f.strip_suffix('a'))
        && ms == fs
        && ["sk", "ck", "zk"].iter().any(|e| ms.ends_with(e))
    {
        return true;
    }
    // Russian adjectival surnames: -skii/-skaya, -oi/-aya (Tolstoi/Tolstaya), -ii/-aya.
    if let Some(fs) = f.strip_suffix("aia")
        && !fs.is_empty()
    {
        if let Some(ms) = m.strip_suffix("oi")
            && ms == fs
        {
            return true;
        }
        if let Some(ms) = m.strip_suffix('i')
            && ms == fs
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::{fold_family, skeleton};
    use super::*;

    fn sk(s: &str) -> String {
        skeleton(&fold_family(s))
    }

    #[test]
    fn refusal_pairs() {
        for (m, f) in [
            ("Ivanov", "Ivanova"),
            ("Andreev", "Andreeva"),
            ("Pushkin", "Pushkina"),
            ("Ilyin", "Ilyina"),
            ("Fedorovskii", "Fedorovskaya"),
            ("Fedorovskiy", "Fedorovskaja"),
            ("Fedorovsky", "Fedorovskaia"),
            ("Tolstoy", "Tolstaya"),
            ("Gorkii", "Gorkaya"),
            ("Kowalski", "Kowalska"),
            ("Иванов", "Ivanova"),
        ] {
            assert!(gendered_pair(&sk(m), &sk(f)), "{m}/{f}");
            if m == "Gorkii" {
                continue;
            }
            assert_eq!(surname_gender(&sk(m)), Some(Gender::Masculine), "{m}");
            assert_eq!(surname_gender(&sk(f)), Some(Gender::Feminine), "{f}");
        }
    }

    #[test]
    fn non_gendered_pairs() {
        assert!(!gendered_pair(&sk("Ivanov"), &sk("Ivanov")));
        assert!(!gendered_pair(&sk("Brown"), &sk("Browne")));
        assert!(!gendered_pair(&sk("Medin"), &sk("Medinsky")));
    }
}
