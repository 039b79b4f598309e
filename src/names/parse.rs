use crate::model::PersonName;
use crate::text::normalize;

/// Parses one printed person's name.
///
/// Accepts family-first and initials-first forms: "Streltsov D.V.", "D.V. Streltsov",
/// "Streltsov, D. V.", "Streltsov DV", "Streltsov, Dmitry V.". Returns `None` when the text
/// holds no plausible family name.
///
/// ```
/// use citegraph::names::parse_name;
///
/// let n = parse_name("Streltsov, D. V.").unwrap();
/// assert_eq!((n.family.as_str(), n.initials.as_str()), ("Streltsov", "D.V."));
/// let n = parse_name("D.V. Streltsov").unwrap();
/// assert_eq!((n.family.as_str(), n.initials.as_str()), ("Streltsov", "D.V."));
/// ```
pub fn parse_name(text: &str) -> Option<PersonName> {
    let text = normalize(text);
    let text = text.trim().trim_end_matches([',', ';']);
    if text.is_empty() {
        return None;
    }
    let (family, rest) = if let Some((f, r)) = text.split_once(',') {
        (f.trim().to_string(), r.trim().to_string())
    } else {
        let tokens: Vec<&str> = text.split_whitespace().collect();
        let is_initials =
            |t: &str| t.contains('.') || (t.len() <= 3 && t.chars().all(|c| c.is_uppercase()));
        match tokens.as_slice() {
            [] => return None,
            [only] => (only.to_string(), String::new()),
            [first, rest @ ..] if is_initials(first) => (rest.join(" "), first.to_string()),
            [.., last] if is_initials(last) => {
                (tokens[..tokens.len() - 1].join(" "), last.to_string())
            }
            _ => (
                tokens[tokens.len() - 1].to_string(),
                tokens[..tokens.len() - 1].join(" "),
            ),
        }
    };
    if !family.chars().any(char::is_alphabetic) {
        return None;
    }
    let initials = initials_of(&rest);
    let given = rest
        .split(|c: char| c.is_whitespace() || c == '.')
        .any(|w| w.chars().count() > 2 && w.chars().any(char::is_lowercase))
        .then(|| rest.clone());
    Some(PersonName {
        family,
        initials,
        given,
    })
}

/// Dotted initials of a given-name string: "Dmitry V." gives "D.V.", "DV" gives "D.V.".
fn initials_of(given: &str) -> String {
    let mut out = String::new();
    for word in given
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
    {
        let upper_run = word.chars().all(|c| c.is_uppercase());
        if upper_run && word.chars().count() <= 3 {
            for c in word.chars() {
                out.push(c);
                out.push('.');
            }
        } else if let Some(c) = word.chars().next() {
            out.push(c);
            out.push('.');
        }
    }
    out
}
