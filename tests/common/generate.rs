//! Deterministic generator of realistic seed-style reference lists, shared by the integration
//! tests and the benchmarks (`#[path]`-included by both).

#![allow(dead_code)]

const FAMILIES: &[&str] = &[
    "Streltsov",
    "Panov",
    "Paramonov",
    "Brown",
    "Kashin",
    "Dobrinskaya",
    "Gabuev",
    "Kraus",
    "Mikheev",
    "Fedorovskii",
    "Melikov",
    "Miller",
    "Nelidov",
    "Pollmann",
    "Ivanov",
    "Ivanova",
    "Petrov",
    "Smirnov",
    "Kuznetsov",
    "Popov",
    "Sokolov",
    "Lebedev",
    "Kozlov",
    "Novikov",
    "Morozov",
    "Volkov",
    "Solovyov",
    "Vasiliev",
    "Zaitsev",
    "Pavlov",
    "Semenov",
    "Golubev",
    "Vinogradov",
    "Bogdanov",
    "Vorobyov",
    "Fyodorov",
    "Mikhailov",
    "Belyaev",
    "Tarasov",
    "Belov",
    "Komarov",
    "Orlov",
    "Kiselev",
    "Makarov",
    "Andreev",
    "Kovalev",
    "Ilyin",
    "Gusev",
    "Titov",
    "Kuzmin",
    "Kudryavtsev",
    "Baranov",
    "Kulikov",
    "Alekseev",
    "Stepanov",
    "Yakovlev",
    "Sorokin",
    "Sergeev",
    "Romanov",
    "Zakharov",
    "Borisov",
    "Korolev",
    "Gerasimov",
    "Ponomarev",
    "Grigoriev",
    "Lazarev",
    "Medvedev",
    "Ershov",
    "Nikitin",
    "Sobolev",
    "Ryabov",
    "Polyakov",
    "Tsvetkov",
    "Danilov",
    "Zhukov",
    "Frolov",
    "Zhuravlev",
    "Nikolaev",
    "Krylov",
    "Maksimov",
    "Sidorov",
    "Osipov",
    "Belousov",
    "Fedotov",
    "Dorofeev",
    "Egorov",
    "Matveev",
    "Bobrov",
    "Dmitriev",
    "Kalinin",
    "Anisimov",
    "Smith",
    "Johnson",
    "Williams",
    "Jones",
    "Garcia",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Martin",
    "Jackson",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "Tanaka",
    "Suzuki",
    "Takahashi",
    "Watanabe",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Kato",
    "Yoshida",
    "Yamada",
];
const INITIALS: &[&str] = &[
    "A.", "A.N.", "D.V.", "O.G.", "V.V.", "J.", "J.B.", "M.", "E.", "S.I.", "Yu.A.", "K.", "N.P.",
    "T.",
];
const WORDS: &[&str] = &[
    "Japan",
    "Russia",
    "Security",
    "Dialogue",
    "Regional",
    "Politics",
    "Economic",
    "Cooperation",
    "Alliance",
    "Policy",
    "Foreign",
    "Asia-Pacific",
    "Strategy",
    "Modernization",
    "Reform",
    "Crisis",
    "Agenda",
    "Relations",
    "Global",
    "Markets",
    "Defense",
    "Integration",
    "Energy",
    "Trade",
    "Development",
    "Institutions",
    "Identity",
    "Democracy",
];
const JOURNALS: &[&str] = &[
    "Yaponskie issledovaniya",
    "Mirovaya ekonomika i mezhdunarodnye otnosheniya",
    "Polis. Political Studies",
    "International Affairs",
    "Asian Survey",
    "The Pacific Review",
    "Vestnik MGIMO-Universiteta",
    "Russia in Global Affairs",
    "Journal of East Asian Studies",
    "Pacific Affairs",
    "Problemy Dalnego Vostoka",
    "Comparative Politics",
];
const SITES: &[&str] = &[
    "The Diplomat",
    "Carnegie Moscow Center",
    "Nikkei Asian Review",
    "The National Interest",
    "Meduza",
    "GlobalAsia",
    "Russian International Affairs Council",
    "East Asia Forum",
    "War on the Rocks",
    "Valdai Club",
];
const PUBLISHERS: &[&str] = &[
    "AIRO-XXI",
    "Nauka",
    "Aspekt Press",
    "Routledge",
    "Palgrave Macmillan",
    "IMEMO RAN",
    "MGIMO",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A small xorshift generator: deterministic, dependency-free, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn authors(rng: &mut Rng) -> String {
    let n = 1 + rng.below(3);
    (0..n)
        .map(|_| format!("{} {}", rng.pick(FAMILIES), rng.pick(INITIALS)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn title(rng: &mut Rng) -> String {
    let n = 3 + rng.below(6);
    (0..n)
        .map(|_| rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

/// One reference in the seed's style; the shape (journal, web, chapter, book) varies.
pub fn reference(rng: &mut Rng) -> String {
    let year = 1990 + rng.below(30);
    let lang = if rng.below(3) == 0 {
        ""
    } else {
        " (in Russian)"
    };
    match rng.below(4) {
        0 => format!(
            "{} ({year}) {}. {}, no {}, pp. {}-{}{lang}.",
            authors(rng),
            title(rng),
            rng.pick(JOURNALS),
            1 + rng.below(6),
            10 + rng.below(50),
            70 + rng.below(50)
        ),
        1 => format!(
            "{} ({year}) {}. {}, {} {}, {year}. Available at: https://example.org/{}/{}, accessed 31.01.2019{lang}.",
            authors(rng),
            title(rng),
            rng.pick(SITES),
            rng.pick(MONTHS),
            1 + rng.below(28),
            year,
            rng.next() % 100_000
        ),
        2 => format!(
            "{} ({year}) {}. Japan {year}. Yearbook, Moscow: {}, pp. {}-{}{lang}.",
            authors(rng),
            title(rng),
            rng.pick(PUBLISHERS),
            5 + rng.below(50),
            60 + rng.below(50)
        ),
        _ => format!(
            "{} ({year}) {}, Moscow: {}{lang}.",
            authors(rng),
            title(rng),
            rng.pick(PUBLISHERS)
        ),
    }
}

/// A numbered list of `n` references.
pub fn numbered_list(n: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(n * 160);
    for i in 1..=n {
        out.push_str(&format!("{i}. {}\n", reference(&mut rng)));
    }
    out
}
