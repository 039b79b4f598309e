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

const GIVEN: &[&str] = &[
    "Anna", "Dmitry", "John", "Maria", "Kenji", "Olga", "Peter", "Sophie", "Igor", "Laura",
];
const CYR_FAMILIES: &[&str] = &[
    "Стрельцов",
    "Панов",
    "Иванова",
    "Кузнецов",
    "Соловьёв",
    "Жуковский",
    "Лебедев",
    "Морозова",
];
const CYR_INITIALS: &[&str] = &["Д.В.", "А.Н.", "Е.В.", "И.А.", "Ю.С.", "О.Г."];
const CYR_JOURNALS: &[&str] = &[
    "Японские исследования",
    "Полис. Политические исследования",
    "Мировая экономика и международные отношения",
];

fn initials_first(rng: &mut Rng) -> String {
    let family = rng.pick(FAMILIES);
    let initials = rng.pick(INITIALS).replace('.', ". ");
    format!("{}{family}", initials)
}

/// One reference in a style drawn from those real lists print: the seed's, APA, Vancouver,
/// IEEE, Harvard, Chicago, MLA and GOST (Cyrillic). The fields are plausible, not real.
pub fn mixed_reference(rng: &mut Rng) -> String {
    let year = 1990 + rng.below(35);
    let (vol, issue, p1) = (1 + rng.below(60), 1 + rng.below(12), 1 + rng.below(400));
    let p2 = p1 + 5 + rng.below(30);
    let journal = rng.pick(JOURNALS);
    let title = title(rng);
    let f1 = rng.pick(FAMILIES);
    let f2 = rng.pick(FAMILIES);
    match rng.below(8) {
        0 => reference(rng),
        1 => format!(
            "{f1}, {} ({year}). {title}. {journal}, {vol}({issue}), {p1}–{p2}. https://doi.org/10.{}/{}",
            rng.pick(INITIALS).replace('.', ". ").trim_end(),
            1000 + rng.below(9000),
            rng.next() % 100_000
        ),
        2 => format!(
            "{f1} {}, {f2} {}. {title}. {journal}. {year};{vol}({issue}):{p1}-{p2}.",
            rng.pick(INITIALS).replace('.', ""),
            rng.pick(INITIALS).replace('.', "")
        ),
        3 => format!(
            "[{}] {}, \"{title},\" {journal}, vol. {vol}, no. {issue}, pp. {p1}–{p2}, {year}.",
            1 + rng.below(99),
            initials_first(rng)
        ),
        4 => format!(
            "{f1}, {} and {f2}, {} ({year}) '{title}', {journal}, {vol}({issue}), pp. {p1}-{p2}.",
            rng.pick(INITIALS),
            rng.pick(INITIALS)
        ),
        5 => format!(
            "{f1}, {}. {year}. {title}. {}: {}.",
            rng.pick(GIVEN),
            rng.pick(&["New York", "London", "Moscow", "Chicago"]),
            rng.pick(PUBLISHERS)
        ),
        6 => format!(
            "{f1}, {}. \"{title}.\" {journal}, vol. {vol}, no. {issue}, {year}, pp. {p1}-{p2}.",
            rng.pick(GIVEN)
        ),
        _ => format!(
            "{} {} {title} // {}. {year}. № {issue}. С. {p1}–{p2}.",
            rng.pick(CYR_FAMILIES),
            rng.pick(CYR_INITIALS),
            rng.pick(CYR_JOURNALS)
        ),
    }
}
