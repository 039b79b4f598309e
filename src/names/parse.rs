//! Parsing one printed person's name into family name and dotted initials.

use super::fold::is_particle;
use crate::model::PersonName;
use crate::text::normalize;

/// East Asian family names common in the literature. Names printed as two full words
/// ("Abe Shinzo", "Shinzo Abe") give no typographic clue to their order; a known family name
/// does. Lower case, as folded.
const EAST_ASIAN_FAMILY: &[&str] = &[
    "kim",
    "lee",
    "park",
    "choi",
    "jung",
    "jeong",
    "kang",
    "cho",
    "yoon",
    "jang",
    "lim",
    "han",
    "shin",
    "seo",
    "kwon",
    "hwang",
    "ahn",
    "song",
    "yoo",
    "hong",
    "moon",
    "ryu",
    "wang",
    "li",
    "zhang",
    "liu",
    "chen",
    "zhao",
    "huang",
    "zhou",
    "wu",
    "xu",
    "sun",
    "ma",
    "zhu",
    "hu",
    "guo",
    "he",
    "lin",
    "gao",
    "luo",
    "zheng",
    "liang",
    "xie",
    "tang",
    "deng",
    "feng",
    "cao",
    "yang",
    "abe",
    "sato",
    "suzuki",
    "takahashi",
    "tanaka",
    "watanabe",
    "ito",
    "yamamoto",
    "nakamura",
    "kobayashi",
    "kato",
    "yoshida",
    "yamada",
    "sasaki",
    "yamaguchi",
    "matsumoto",
    "inoue",
    "kimura",
    "hayashi",
    "shimizu",
    "koizumi",
    "kishida",
    "hatoyama",
    "noda",
    "aso",
    "fukuda",
    "mori",
    "obuchi",
    "ishiba",
    "suga",
    "nguyen",
    "tran",
    "pham",
];

/// Words that stand where a name would and are not one.
const NOT_NAMES: &[&str] = &[
    "et", "al", "and", "eds", "ed", "others", "anon", "n.a", "i", "&",
];

/// Generational suffixes printed after a name.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Parses one printed person's name.
///
/// Accepts family-first and initials-first forms ("Streltsov D.V.", "D.V. Streltsov",
/// "Streltsov, D. V.", "Streltsov DV", "Streltsov, Dmitry V.", "Стрельцов Д.В.",
/// "Yu. Ivanov"), particles ("van Eck N.J.", "de Solla Price D.J."), hyphenated given names
/// ("Daniel H.-D.", "Kim Jong-un"), and full names in either order when the order can be told
/// ("Shinzo Abe" and "Abe Shinzo" by a list of East Asian family names; "Dmitry Streltsov" by the
/// Slavic surname ending; otherwise the last word is the family name). Initials come out dotted
/// and unspaced ("D.V.", "Yu.", "H.-D."). Returns `None` when the text holds no plausible family
/// name (empty, digits, "et al.").
///
/// ```
/// use citegraph::names::parse_name;
///
/// let p = |s: &str| parse_name(s).map(|n| (n.family, n.initials));
/// let s = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
/// assert_eq!(p("Streltsov, D. V."), s("Streltsov", "D.V."));
/// assert_eq!(p("D.V. Streltsov"), s("Streltsov", "D.V."));
/// assert_eq!(p("Streltsov DV"), s("Streltsov", "D.V."));
/// assert_eq!(p("van Eck N.J."), s("van Eck", "N.J."));
/// assert_eq!(p("Kim Jong-UN"), s("Kim", "J.-U."));
/// assert_eq!(p("Shinzo Abe"), s("Abe", "S."));
/// assert_eq!(p("et al."), None);
/// ```
pub fn parse_name(text: &str) -> Option<PersonName> {
    let text = normalize(text);
    let text = strip_role(text.trim());
    if text.is_empty() || text.chars().any(|c| c.is_ascii_digit()) || text.chars().count() > 200 {
        return None;
    }
    let text = unglue_initials(text);
    let (family, initials, given) = match text.split_once(',') {
        // "Paramonov O.G., Streltsov D.V.": a list, of which the first name is taken.
        Some((f, _)) if has_word(f) && has_initials(f) => spaced_form(f)?,
        Some((f, g)) if !g.trim().is_empty() && has_word(f) => comma_form(f, g),
        _ => spaced_form(&text)?,
    };
    let family = family.trim_matches(|c: char| !c.is_alphabetic() && c != '\'');
    if family.chars().filter(|c| c.is_alphabetic()).count() < 2
        || NOT_NAMES.iter().any(|w| family.eq_ignore_ascii_case(w))
    {
        return None;
    }
    Some(PersonName {
        family: family.to_string(),
        initials,
        given,
    })
}

/// "Family, Given" — everything before the comma is the family name.
fn comma_form(family: &str, given: &str) -> (String, String, Option<String>) {
    let mut family = family.trim().to_string();
    let mut tokens: Vec<&str> = tokens(given);
    // "Eck, N.J. van": a particle after the initials belongs to the family name.
    while let Some(last) = tokens.last() {
        if tokens.len() > 1 && is_particle(last) {
            family = format!("{last} {family}");
            tokens.pop();
        } else {
            break;
        }
    }
    // "Price, Derek J. de Solla": a lower-case particle inside the given part starts the
    // front of the family name.
    if let Some(p) = tokens
        .iter()
        .skip(1)
        .position(|t| classify(t) == Kind::Particle)
    {
        let front = tokens.split_off(p + 1);
        family = format!("{} {family}", front.join(" "));
    }
    let (initials, given) = given_parts(&tokens);
    (family, initials, given)
}

/// Space-separated forms: initials first or last, or full names.
fn spaced_form(text: &str) -> Option<(String, String, Option<String>)> {
    let tokens = tokens(text);
    let kinds: Vec<Kind> = tokens.iter().map(|t| classify(t)).collect();
    // "Linden P. van der", "Eck N.J. van": the inverted form with the particles printed last,
    // after the initials; they go back in front of the family name.
    let particles = kinds
        .iter()
        .rev()
        .take_while(|k| **k == Kind::Particle)
        .count();
    if particles > 0 && particles + 2 <= tokens.len() {
        let before = tokens.len() - particles - 1;
        if matches!(kinds[before], Kind::Initials | Kind::Bare)
            && kinds[..before].contains(&Kind::Word)
        {
            let rest = tokens[..=before].join(" ");
            let (family, initials, given) = spaced_form(&rest)?;
            let front = tokens[before + 1..].join(" ");
            return Some((format!("{front} {family}"), initials, given));
        }
    }
    let words = kinds.iter().filter(|k| **k == Kind::Word).count();
    if tokens.is_empty() {
        return None;
    }
    // With no full word, the first bare capital run ("LI" in "LI X") is the family name.
    let kinds: Vec<Kind> = if words == 0 {
        let first = kinds.iter().position(|k| *k == Kind::Bare)?;
        let mut k = kinds.clone();
        k[first] = Kind::Word;
        k
    } else {
        kinds
    };
    let is_init = |k: &Kind| matches!(k, Kind::Initials | Kind::Bare);
    let lead = kinds.iter().take_while(|k| is_init(k)).count();
    let trail = kinds.iter().rev().take_while(|k| is_init(k)).count();
    if lead == tokens.len() {
        return None;
    }
    if lead > 0 {
        // "D.V. Streltsov", "N.J. van Eck", "D.J. de Solla Price".
        let (initials, _) = given_parts(&tokens[..lead]);
        return Some((tokens[lead..].join(" "), initials, None));
    }
    if trail > 0 {
        let body = &tokens[..tokens.len() - trail];
        let body_kinds = &kinds[..body.len()];
        let (family, given_words) = split_family_first(body, body_kinds);
        let mut given: Vec<&str> = given_words.to_vec();
        given.extend_from_slice(&tokens[tokens.len() - trail..]);
        let (initials, given) = given_parts(&given);
        return Some((family, initials, given));
    }
    // Full words only, possibly with initials in the middle ("Dmitry V. Streltsov").
    let family_at = family_position(&tokens, &kinds);
    let start = particle_start(&tokens, family_at);
    let family = tokens[start..=family_at].join(" ");
    let mut given: Vec<&str> = tokens[..start].to_vec();
    given.extend_from_slice(&tokens[family_at + 1..]);
    let (initials, given) = given_parts(&given);
    Some((family, initials, given))
}

/// Splits the words before trailing initials into family name and given names:
/// "de Solla Price" is all family (it starts with a particle), "Streltsov Dmitry" is family
/// then given (a Slavic surname ending marks the family name), anything else is a compound
/// family name.
fn split_family_first<'a>(body: &'a [&'a str], kinds: &[Kind]) -> (String, &'a [&'a str]) {
    if body.len() <= 1 || kinds.first() == Some(&Kind::Particle) {
        return (body.join(" "), &[]);
    }
    if slavic_surname(body[0]) && !body[1..].iter().any(|w| slavic_surname(w)) {
        return (body[0].to_string(), &body[1..]);
    }
    if body.len() == 2 && east_asian_family(body[0]) {
        return (body[0].to_string(), &body[1..]);
    }
    (body.join(" "), &[])
}

/// Which word of a full-words name is the family name.
fn family_position(tokens: &[&str], kinds: &[Kind]) -> usize {
    let words: Vec<usize> = (0..tokens.len())
        .filter(|&i| kinds[i] == Kind::Word)
        .collect();
    let last = words.last().copied().unwrap_or(tokens.len() - 1);
    if words.len() < 2 {
        return last;
    }
    let pick = |pred: &dyn Fn(&str) -> bool| {
        let hits: Vec<usize> = words.iter().copied().filter(|&i| pred(tokens[i])).collect();
        (hits.len() == 1).then(|| hits[0])
    };
    // A hyphenated East Asian given name ("Jong-un") marks the other word as the family name.
    if words.len() == 2
        && let Some(g) = pick(&east_asian_given)
    {
        return if g == words[0] { words[1] } else { words[0] };
    }
    pick(&east_asian_family)
        .or_else(|| pick(&slavic_surname))
        .unwrap_or(last)
}

/// Where the family name starts when particles precede it ("Ludwig van Beethoven", and
/// "Derek J. de Solla Price", where the particle starts a compound family name).
fn particle_start(tokens: &[&str], family_at: usize) -> usize {
    if let Some(p) = (1..family_at).find(|&i| {
        tokens[i].chars().next().is_some_and(char::is_lowercase) && is_particle(tokens[i])
    }) {
        return p;
    }
    let mut start = family_at;
    while start > 0
        && tokens[start - 1]
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
        && is_particle(tokens[start - 1])
    {
        start -= 1;
    }
    start
}

fn east_asian_family(word: &str) -> bool {
    EAST_ASIAN_FAMILY
        .iter()
        .any(|f| f.eq_ignore_ascii_case(word))
}

/// Two short syllables joined by a hyphen: "Jong-un", "Hee-Jung", "Xiao-ming".
fn east_asian_given(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|p| (1..=4).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

/// A Slavic surname ending (Latin or Cyrillic): -ov, -ova, -ev, -in, -sky, -enko, -uk, -vich...
fn slavic_surname(word: &str) -> bool {
    let w = word.to_lowercase();
    if w.chars().count() < 5 {
        return false;
    }
    const ENDINGS: &[&str] = &[
        "ov", "ova", "ev", "eva", "in", "ina", "sky", "skii", "skiy", "skij", "skaya", "skaja",
        "enko", "chuk", "vich", "ов", "ова", "ев", "ева", "ин", "ина", "ский", "ская", "енко",
        "вич", "чук",
    ];
    ENDINGS.iter().any(|e| w.ends_with(e)) && !GIVEN_LOOK_ALIKES.contains(&w.as_str())
}

/// Given names that end like Slavic surnames (-in, -ina, -ev): "Sorin Drăghici", "Marina
/// Smith" and "Kevin Brown" are given name first, not surname first. Russian given names
/// ("Irina", "Galina") are here too: beside a Slavic surname they tie and the order rule
/// decides, beside any other name they are the given name.
const GIVEN_LOOK_ALIKES: &[&str] = &[
    "agustin",
    "albertina",
    "alevtina",
    "alina",
    "angelina",
    "augustin",
    "austin",
    "baudouin",
    "benjamin",
    "calvin",
    "carolina",
    "caroline",
    "christina",
    "colin",
    "constantin",
    "corina",
    "dorin",
    "dustin",
    "edwin",
    "ekaterina",
    "erwin",
    "florin",
    "galina",
    "irina",
    "jasmin",
    "joaquin",
    "josephina",
    "justin",
    "karin",
    "katerina",
    "katharina",
    "katrina",
    "kevin",
    "kristina",
    "marin",
    "marina",
    "martin",
    "martina",
    "marvin",
    "melvin",
    "quentin",
    "regina",
    "robin",
    "sabina",
    "sorin",
    "valentin",
    "valentina",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Dotted initials: "D.", "D.V.", "Yu.", "H.-D.".
    Initials,
    /// Bare capitals: "DV", "J".
    Bare,
    /// A family-name particle: "van", "de".
    Particle,
    /// Anything else with letters.
    Word,
}

fn classify(token: &str) -> Kind {
    if is_dotted_initials(token) {
        Kind::Initials
    } else if (1..=3).contains(&token.chars().count()) && token.chars().all(char::is_uppercase) {
        Kind::Bare
    } else if is_particle(token) && token.chars().next().is_some_and(char::is_lowercase) {
        Kind::Particle
    } else {
        Kind::Word
    }
}

/// "D.", "D.V.", "Yu.A.", "H.-D.", "d.v." — segments of one capital (or one lower-case
/// letter) plus up to three lower-case letters, each closed by a dot or joined by a hyphen.
fn is_dotted_initials(token: &str) -> bool {
    if !token.contains('.') {
        return false;
    }
    let segments: Vec<&str> = token.split(['.', '-']).filter(|s| !s.is_empty()).collect();
    !segments.is_empty()
        && segments.iter().all(|s| {
            let mut cs = s.chars();
            let Some(first) = cs.next() else { return false };
            let rest: Vec<char> = cs.collect();
            first.is_alphabetic()
                && if first.is_uppercase() {
                    rest.len() <= 3 && rest.iter().all(|c| c.is_lowercase())
                } else {
                    rest.is_empty()
                }
        })
}

/// Dotted initials and the given names in full (when any word was printed in full) from the
/// given-name tokens.
fn given_parts(tokens: &[&str]) -> (String, Option<String>) {
    let mut initials = String::new();
    let mut full = false;
    for token in tokens {
        if SUFFIXES
            .iter()
            .any(|s| token.trim_end_matches('.').eq_ignore_ascii_case(s))
        {
            continue;
        }
        match classify(token) {
            Kind::Initials => push_dotted(token, &mut initials),
            Kind::Bare => {
                for c in token.chars() {
                    initials.push(c);
                    initials.push('.');
                }
            }
            Kind::Particle | Kind::Word => {
                full = true;
                // Each hyphenated part gives an initial: "Jong-un" gives "J.-U.".
                for (k, part) in token.split('-').filter(|p| !p.is_empty()).enumerate() {
                    if let Some(c) = part.chars().find(|c| c.is_alphabetic()) {
                        if k > 0 {
                            initials.push('-');
                        }
                        initials.extend(c.to_uppercase());
                        initials.push('.');
                    }
                }
            }
        }
    }
    let given = full.then(|| tokens.join(" "));
    (initials, given)
}

/// Appends printed dotted initials in canonical form: "D. V" gives "D.V.", "h.-d." "H.-D.".
fn push_dotted(token: &str, out: &mut String) {
    let mut segment = String::new();
    let mut hyphen_pending = false;
    let flush = |segment: &mut String, out: &mut String, hyphen: &mut bool| {
        if segment.is_empty() {
            return;
        }
        if *hyphen {
            out.push('-');
            *hyphen = false;
        }
        let mut cs = segment.chars();
        if let Some(first) = cs.next() {
            out.extend(first.to_uppercase());
            out.extend(cs.flat_map(char::to_lowercase));
            out.push('.');
        }
        segment.clear();
    };
    for c in token.chars() {
        match c {
            '.' => flush(&mut segment, out, &mut hyphen_pending),
            '-' => {
                flush(&mut segment, out, &mut hyphen_pending);
                hyphen_pending = !out.is_empty();
            }
            c if c.is_alphabetic() => segment.push(c),
            _ => {}
        }
    }
    flush(&mut segment, out, &mut hyphen_pending);
}

fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|t| t.trim_matches([',', ';', ':', '(', ')', '[', ']', '"']))
        .filter(|t| t.chars().any(char::is_alphabetic))
        .collect()
}

fn has_initials(text: &str) -> bool {
    tokens(text)
        .iter()
        .any(|t| matches!(classify(t), Kind::Initials))
}

fn has_word(text: &str) -> bool {
    tokens(text).iter().any(|t| classify(t) == Kind::Word)
}

/// Drops a trailing role marker ("(eds.)", "(ed.)") and trailing punctuation.
fn strip_role(text: &str) -> &str {
    let mut t = text.trim_end_matches([',', ';', ':', ' ']);
    for marker in ["(eds.)", "(ed.)", "(eds)", "(ed)", "(Eds.)", "(Ed.)"] {
        if let Some(rest) = t.strip_suffix(marker) {
            t = rest.trim_end_matches([',', ';', ':', ' ']);
        }
    }
    t
}

/// "D.V.Streltsov" gives "D.V. Streltsov": a dot glued to a capitalised word ends the initials.
fn unglue_initials(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 2);
    for (i, &c) in chars.iter().enumerate() {
        out.push(c);
        if c == '.'
            && chars.get(i + 1).is_some_and(|n| n.is_uppercase())
            && chars.get(i + 2).is_some_and(|n| n.is_lowercase())
            && chars.get(i + 3).is_some_and(|n| n.is_lowercase())
            && chars[i + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .count()
                >= 4
        {
            out.push(' ');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<(String, String)> {
        parse_name(s).map(|n| (n.family, n.initials))
    }

    fn ok(family: &str, initials: &str) -> Option<(String, String)> {
        Some((family.to_string(), initials.to_string()))
    }

    #[test]
    fn given_names_that_end_like_slavic_surnames_stay_given() {
        let p = |s: &str| parse_name(s).map(|n| n.family);
        assert_eq!(p("Sorin Drăghici").as_deref(), Some("Drăghici"));
        assert_eq!(p("Marina Smith").as_deref(), Some("Smith"));
        assert_eq!(p("Kevin Brown").as_deref(), Some("Brown"));
        assert_eq!(p("Streltsov Dmitry").as_deref(), Some("Streltsov"));
        assert_eq!(p("Irina Petrova").as_deref(), Some("Petrova"));
        assert_eq!(p("Putin Vladimir").as_deref(), Some("Putin"));
    }

    #[test]
    fn brief_forms() {
        assert_eq!(p("Streltsov D.V."), ok("Streltsov", "D.V."));
        assert_eq!(p("D.V. Streltsov"), ok("Streltsov", "D.V."));
        assert_eq!(p("Streltsov, D. V."), ok("Streltsov", "D.V."));
        assert_eq!(p("Streltsov DV"), ok("Streltsov", "D.V."));
        assert_eq!(p("Streltsov, Dmitry V."), ok("Streltsov", "D.V."));
        assert_eq!(p("Стрельцов Д.В."), ok("Стрельцов", "Д.В."));
        assert_eq!(p("Yu. Ivanov"), ok("Ivanov", "Yu."));
        assert_eq!(p("van Eck N.J."), ok("van Eck", "N.J."));
        assert_eq!(p("N.J. van Eck"), ok("van Eck", "N.J."));
        assert_eq!(p("de Solla Price D.J."), ok("de Solla Price", "D.J."));
        assert_eq!(p("Daniel H.-D."), ok("Daniel", "H.-D."));
        assert_eq!(p("Kim Jong-un"), ok("Kim", "J.-U."));
        assert_eq!(p("Kim Jong-UN"), ok("Kim", "J.-U."));
        assert_eq!(p("Jong-un Kim"), ok("Kim", "J.-U."));
        assert_eq!(p("Abe Shinzo"), ok("Abe", "S."));
        assert_eq!(p("Shinzo Abe"), ok("Abe", "S."));
    }

    #[test]
    fn more_forms() {
        assert_eq!(p("Streltsov D. V."), ok("Streltsov", "D.V."));
        assert_eq!(p("D.V.Streltsov"), ok("Streltsov", "D.V."));
        assert_eq!(p("Dmitry V. Streltsov"), ok("Streltsov", "D.V."));
        assert_eq!(p("Dmitry Streltsov"), ok("Streltsov", "D."));
        assert_eq!(p("Streltsov Dmitry"), ok("Streltsov", "D."));
        assert_eq!(p("Streltsov Dmitry V."), ok("Streltsov", "D.V."));
        assert_eq!(p("John Smith"), ok("Smith", "J."));
        assert_eq!(p("Ludwig van Beethoven"), ok("van Beethoven", "L."));
        assert_eq!(p("Eck, N.J. van"), ok("van Eck", "N.J."));
        assert_eq!(p("Linden P. van der"), ok("van der Linden", "P."));
        assert_eq!(p("Eck N.J. van"), ok("van Eck", "N.J."));
        assert_eq!(p("Berg, J. van den"), ok("van den Berg", "J."));
        assert_eq!(p("Derek J. de Solla Price"), ok("de Solla Price", "D.J."));
        assert_eq!(p("Price, Derek J. de Solla"), ok("de Solla Price", "D.J."));
        assert_eq!(p("Mikheev V.V. (eds.)"), ok("Mikheev", "V.V."));
        assert_eq!(p("Smith J. Jr."), ok("Smith", "J."));
        assert_eq!(p("Yu.A. Ivanov"), ok("Ivanov", "Yu.A."));
        assert_eq!(p("LI X"), ok("LI", "X."));
        assert_eq!(p("STRELTSOV D.V."), ok("STRELTSOV", "D.V."));
        assert_eq!(p("streltsov d.v."), ok("streltsov", "D.V."));
        assert_eq!(p("Brown"), ok("Brown", ""));
        assert_eq!(p("Hans-Dieter Daniel"), ok("Daniel", "H.-D."));
        assert_eq!(p("Paramonov O.G., Streltsov D.V."), ok("Paramonov", "O.G."));
        assert_eq!(p("Fedorovskii A.N. (eds.)"), ok("Fedorovskii", "A.N."));
    }

    #[test]
    fn given_names_are_kept() {
        let n = parse_name("Streltsov, Dmitry V.").unwrap();
        assert_eq!(n.given.as_deref(), Some("Dmitry V."));
        assert_eq!(parse_name("Streltsov D.V.").unwrap().given, None);
    }

    #[test]
    fn not_names() {
        for s in [
            "",
            "   ",
            "et al.",
            "2017",
            "D.V.",
            "...",
            "Brown J. (2017)",
            ",",
            "-",
            "J",
        ] {
            assert_eq!(p(s), None, "{s:?}");
        }
    }
}
