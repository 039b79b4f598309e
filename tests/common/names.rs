//! Deterministic generator of name mentions for matcher tests and benchmarks: persons with
//! synthetic Russian-, English- and Japanese-looking surnames, each mentioned several times in
//! the spellings reference lists really use (initials forms, name order, transliteration
//! variants, occasional one-letter misprints).

#![allow(dead_code)]

#[path = "generate.rs"]
mod generate;
pub use generate::Rng;

const ONSETS: &[&str] = &[
    "Kuz", "Pet", "Iva", "Sok", "Mor", "Vol", "Bel", "Gri", "Zak", "Dan", "Fed", "Str", "Pan", "Mel", "Nel", "Kash", "Dob",
    "Gab", "Mikh", "Sem", "Tar", "Kom", "Orl", "Kis", "Mak", "And", "Kov", "Gus", "Tit", "Bar", "Kul", "Ste", "Yak",
    "Sor", "Ser", "Rom", "Bor", "Kor", "Ger", "Pon", "Laz", "Med", "Ersh", "Nik", "Sob", "Ryab", "Pol", "Tsvet", "Zhu",
    "Fro", "Kry", "Osi", "Bob", "Dmi", "Kal", "Ani", "Shche", "Chu", "Lyu", "Tim", "Vin", "Gol", "Bog",
];
const MIDDLES: &[&str] = &["", "el", "ar", "on", "ush", "ik", "ov", "ach", "en", "ir", "ol", "av", "ukh", "er", "in"];
const ENDINGS: &[&str] = &["tsov", "ov", "ev", "in", "skii", "enko", "ikov", "anov", "yakov", "yov", "chuk", "ykh"];
const ENGLISH: &[&str] = &[
    "Brown", "Smith", "Miller", "Johnson", "Taylor", "Anderson", "Thompson", "Walker", "Harris", "Clark", "Lewis",
    "Robinson", "Wright", "Hughes", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan",
];
const JAPANESE: &[&str] = &["Tanaka", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Yoshida"];
const LETTERS: &[char] = &['A', 'B', 'D', 'E', 'G', 'I', 'K', 'L', 'M', 'N', 'O', 'P', 'R', 'S', 'T', 'V'];

/// One person: a family name and 1–2 initial letters.
#[derive(Debug, Clone)]
pub struct Person {
    pub family: String,
    pub initials: Vec<char>,
}

pub fn person(rng: &mut Rng) -> Person {
    let family = match rng.below(10) {
        0 => ENGLISH[rng.below(ENGLISH.len())].to_string(),
        1 => JAPANESE[rng.below(JAPANESE.len())].to_string(),
        _ => format!("{}{}{}", rng.pick(ONSETS), rng.pick(MIDDLES), rng.pick(ENDINGS)),
    };
    let n = 1 + rng.below(2);
    let initials = (0..n).map(|_| LETTERS[rng.below(LETTERS.len())]).collect();
    Person { family, initials }
}

/// A spelling of the family name as some reference list might print it.
fn family_variant(family: &str, rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => family.replacen("ts", "tz", 1),
        1 => family.replacen("skii", "sky", 1),
        2 => family.replacen("yov", "ev", 1),
        3 if family.len() > 6 => {
            // a one-letter misprint inside the name
            let mut chars: Vec<char> = family.chars().collect();
            let at = 1 + rng.below(chars.len() - 2);
            chars.remove(at);
            chars.into_iter().collect()
        }
        _ => family.to_string(),
    }
}

/// A printed mention of a person.
pub fn mention(p: &Person, rng: &mut Rng) -> String {
    let family = family_variant(&p.family, rng);
    let dotted: String = p.initials.iter().map(|c| format!("{c}.")).collect();
    match rng.below(5) {
        0 => format!("{dotted} {family}"),
        1 => format!("{family}, {}", p.initials.iter().map(|c| format!("{c}.")).collect::<Vec<_>>().join(" ")),
        2 => format!("{family} {}", p.initials[0]),
        _ => format!("{family} {dotted}"),
    }
}

/// `n` mentions of about `n / 8` persons, shuffled, with the index of the true person of each.
pub fn mentions(n: usize, seed: u64) -> (Vec<String>, Vec<usize>) {
    let mut rng = Rng::new(seed);
    let persons: Vec<Person> = (0..(n / 8).max(1)).map(|_| person(&mut rng)).collect();
    let mut names = Vec::with_capacity(n);
    let mut truth = Vec::with_capacity(n);
    for _ in 0..n {
        let who = rng.below(persons.len());
        names.push(mention(&persons[who], &mut rng));
        truth.push(who);
    }
    (names, truth)
}
