//! Russian article pages and bilingual reference lists: the citing article read from Russian
//! headings, the Cyrillic "Список литературы" aligned with the Latin "References", each work
//! counted once, and the two spellings of a person or a source linked through the pairing.

use citegraph::{
    Analysis, Analyzer, JsonReport, Reference, Role, WarningCode, WorkId, align_references,
    parse_reference, read_document,
};
use proptest::prelude::*;

const BILINGUAL: &str = include_str!("data/russian-bilingual-article.txt");
const RUSSIAN: &str = include_str!("data/russian-article.txt");

fn analysis() -> Analysis {
    Analyzer::new()
        .analyze(BILINGUAL)
        .expect("the bilingual page analyses")
}

/// The reference whose own (Latin) text starts with `prefix`.
fn by_raw<'a>(a: &'a Analysis, prefix: &str) -> &'a Reference {
    a.document
        .references
        .iter()
        .find(|r| r.raw.starts_with(prefix))
        .unwrap_or_else(|| panic!("no reference starts with {prefix}"))
}

#[test]
fn russian_headings_fill_the_citing_article() {
    let a = analysis();
    let art = &a.document.article;
    assert_eq!(
        art.title.as_deref(),
        Some("Российско-японский диалог по вопросам энергетики в 2010-е годы")
    );
    assert_eq!(art.authors.len(), 1);
    assert_eq!(art.authors[0].to_string(), "Стрельцов Д.В.");
    assert_eq!(art.year, Some(2020));
    assert_eq!(art.source.as_deref(), Some("Японские исследования"));
    assert_eq!(art.doi.as_deref(), Some("10.24412/2500-2872-2020-2-48-67"));
    assert!(
        !a.warnings
            .iter()
            .any(|w| w.code == WarningCode::MissingArticleMetadata)
    );
}

#[test]
fn a_russian_only_page_reads_its_inline_citation_and_author_block() {
    let a = Analyzer::new().analyze(RUSSIAN).expect("analyses");
    let art = &a.document.article;
    assert_eq!(
        art.title.as_deref(),
        Some("Японская дипломатия эпохи Мэйдзи в оценках российских историков")
    );
    let authors: Vec<String> = art.authors.iter().map(ToString::to_string).collect();
    assert_eq!(authors, ["Молодякова Е.В.", "Кириченко А.И."]);
    assert_eq!(art.year, Some(2021));
    assert_eq!(art.source.as_deref(), Some("Вопросы истории"));
    assert_eq!(a.document.references.len(), 6);
    assert!(a.document.references.iter().all(|r| r.alternate.is_none()));
    // both citing authors cite themselves: references 1, 2 and 3
    assert_eq!(a.metrics.self_citation.author.references, vec![1, 2, 3]);
}

#[test]
fn the_two_lists_fold_into_one_reference_per_work() {
    let a = analysis();
    let refs = &a.document.references;
    // 12 Cyrillic entries, 11 Latin ones: 11 works aligned, the ministry's strategy is
    // printed only in Cyrillic and kept on its own
    assert_eq!(refs.len(), 12);
    assert_eq!(refs.iter().filter(|r| r.alternate.is_some()).count(), 11);
    assert_eq!(a.metrics.references, 12);
    let indexes: Vec<usize> = refs.iter().map(|r| r.index).collect();
    assert_eq!(indexes, (1..=12).collect::<Vec<_>>());
    // the Latin entry is the reference, the Cyrillic one rides along
    let khrushchev = by_raw(&a, "Khrushchev S.N.");
    let other = khrushchev.alternate.as_deref().expect("aligned");
    assert!(other.raw.starts_with("Хрущёв С.Н."));
    assert_eq!(other.authors[0].family, "Хрущёв");
    // the foreign book is aligned although both lists print it in Latin
    let kissinger = by_raw(&a, "Kissinger H.");
    assert!(
        kissinger
            .alternate
            .as_deref()
            .is_some_and(|o| o.raw.contains("432 p."))
    );
}

#[test]
fn an_entry_without_counterpart_is_kept_with_a_warning() {
    let a = analysis();
    let strategy = a
        .document
        .references
        .iter()
        .find(|r| r.raw.contains("Энергетическая стратегия России"))
        .expect("the Cyrillic-only entry is kept");
    assert!(strategy.alternate.is_none());
    let unaligned: Vec<Option<usize>> = a
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::UnalignedTranslation)
        .map(|w| w.reference)
        .collect();
    assert_eq!(unaligned, vec![Some(strategy.index)]);
    assert_eq!(
        WarningCode::UnalignedTranslation.as_str(),
        "unaligned-translation"
    );
}

#[test]
fn nothing_the_page_printed_is_dropped() {
    let a = analysis();
    let mut texts: Vec<&str> = Vec::new();
    for r in &a.document.references {
        texts.push(&r.raw);
        if let Some(o) = r.alternate.as_deref() {
            texts.push(&o.raw);
        }
    }
    let in_lists = BILINGUAL
        .lines()
        .skip_while(|l| *l != "Список литературы")
        .skip(1)
        .take_while(|l| !l.starts_with("Для цитирования"))
        .filter(|l| *l != "References");
    for line in in_lists {
        // the label is the entry's number; the text after it must be some reference's raw
        let body = line.split_once(". ").map_or(line, |(_, b)| b);
        let body = citegraph::text::normalize(body);
        assert!(
            texts.iter().any(|t| t.contains(body.trim())),
            "lost: {line}"
        );
    }
}

#[test]
fn self_citation_is_found_across_scripts_and_counted_once() {
    let a = analysis();
    let sc = &a.metrics.self_citation.author;
    let expected: Vec<usize> = [
        "Streltsov D.V. (2012)",
        "Streltsov D.V. (2013)",
        "Strel’tsov D.",
        "Streltsov D.V. (2017)",
    ]
    .iter()
    .map(|p| {
        a.document
            .references
            .iter()
            .find(|r| r.raw.starts_with(p) || r.raw.starts_with(&p.replace('’', "'")))
            .map(|r| r.index)
            .unwrap_or_else(|| panic!("{p}"))
    })
    .collect();
    assert_eq!(sc.references, expected);
    assert_eq!(sc.count, 4);
    assert!((sc.share - 4.0 / 12.0).abs() < 1e-9);
    // the journal's own earlier article ("Японские исследования" = "Yaponskie issledovaniya")
    let kistanov = by_raw(&a, "Kistanov V.O.");
    assert_eq!(
        a.metrics.self_citation.journal.references,
        vec![kistanov.index]
    );
}

#[test]
fn cyrillic_and_latin_spellings_share_a_person() {
    let a = analysis();
    let res = &a.resolution;
    let person = |work: usize, position: usize, alternate: bool| {
        res.mentions
            .iter()
            .zip(&res.mention_person)
            .find(|(m, _)| {
                m.work == Some(work)
                    && m.role == Role::Author
                    && m.position == position
                    && m.alternate == alternate
            })
            .map(|(_, p)| *p)
            .unwrap_or_else(|| panic!("no mention {work}/{position}/{alternate}"))
    };
    for prefix in ["Khrushchev", "Yerofeyev", "Panov", "Streltsov D.V. (2013)"] {
        let r = by_raw(&a, prefix);
        assert_eq!(
            person(r.index, 0, false),
            person(r.index, 0, true),
            "{prefix}"
        );
    }
    // "Joukov" (a French-style transliteration) is two edits from "Zhukov": only the
    // pairing can tell that it is "Жуков", and the evidence says so
    let sakhalin = by_raw(&a, "Yerofeyev");
    let joukov = person(sakhalin.index, 1, false);
    assert_eq!(joukov, person(sakhalin.index, 1, true));
    let p = &res.persons[joukov.0];
    assert!(p.variants.contains(&"Joukov Yu.D.".to_string()));
    assert!(p.variants.contains(&"Жуков Ю.Д.".to_string()));
    let evidence = p
        .evidence
        .iter()
        .find(|e| e.rule == "bilingual-alignment")
        .expect("bilingual evidence");
    assert!(
        evidence
            .explanation
            .contains(&format!("reference {}", sakhalin.index)),
        "{}",
        evidence.explanation
    );
    // the citing author, printed in Cyrillic, is the person of the Latin self-citations
    let citing = res.person_of(None, Role::Author, 0);
    assert_eq!(
        citing,
        Some(person(by_raw(&a, "Streltsov D.V. (2012)").index, 0, false))
    );
    // and each person is linked to each work once in the graph
    let g = &a.graph;
    let sakhalin_work = WorkId::Reference(sakhalin.index);
    assert_eq!(g.authors_of(sakhalin_work).len(), 2);
}

#[test]
fn the_sources_of_a_pair_are_linked() {
    let a = analysis();
    let res = &a.resolution;
    let panov = by_raw(&a, "Panov A.N.");
    let source = res.reference_source[panov.index - 1].expect("a source");
    let s = &res.sources[source.0];
    for v in [
        "Japan 2016. Yearbook",
        "Япония 2016. Ежегодник",
        "Япония 2017. Ежегодник",
    ] {
        assert!(
            s.variants.iter().any(|x| x == v),
            "{v} not in {:?}",
            s.variants
        );
    }
    let mirovaya = by_raw(&a, "Khrushchev");
    let s = &res.sources[res.reference_source[mirovaya.index - 1].expect("source").0];
    assert!(
        s.variants
            .iter()
            .any(|x| x == "Мировая экономика и международные отношения")
    );
    // a linked source counts its work once
    assert_eq!(s.references, vec![mirovaya.index]);
    let counted: usize = a.metrics.source_diversity.sources;
    assert!(counted <= 12, "{counted}");
}

#[test]
fn json_carries_the_alternate_entry_with_person_ids() {
    let a = analysis();
    let json = citegraph::to_json(&a);
    let report: JsonReport = serde_json::from_str(&json).expect("reads back");
    let r = report
        .references
        .iter()
        .find(|r| r.raw.starts_with("Khrushchev"))
        .expect("reference");
    let alt = r.alternate.as_ref().expect("alternate in JSON");
    assert!(alt.raw.starts_with("Хрущёв"));
    assert_eq!(alt.authors[0].person, r.authors[0].person);
    let person = report
        .persons
        .iter()
        .find(|p| Some(&p.id) == r.authors[0].person.as_ref())
        .expect("person");
    assert!(person.variants.contains(&"Хрущёв С.Н.".to_string()));
    assert_eq!(person.references, vec![r.index]);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.code == "unaligned-translation")
    );
}

#[test]
fn the_report_shows_each_cyrillic_entry_beside_its_reference() {
    let a = analysis();
    let md = citegraph::to_markdown(&a);
    let section = md
        .split("## The same works in the other list")
        .nth(1)
        .expect("section for the other list");
    let r = a
        .document
        .references
        .iter()
        .find(|r| r.raw.starts_with("Khrushchev"))
        .expect("reference");
    let alt = r.alternate.as_ref().expect("alternate");
    let row = section
        .lines()
        .find(|l| l.contains("Хрущёв"))
        .expect("a row for the Cyrillic entry");
    assert!(row.starts_with(&format!("| {} |", r.index)), "{row}");
    let folded = a
        .document
        .references
        .iter()
        .filter(|r| r.alternate.is_some());
    let rows = section
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("| ") && !l.starts_with("| #"));
    assert_eq!(rows.count(), folded.count());
    assert!(alt.raw.starts_with("Хрущёв"));
}

#[test]
fn a_cyrillic_author_option_matches_a_latin_list() {
    let a = Analyzer::new()
        .author("Стрельцов Д.В.")
        .and_then(|z| z.analyze(citegraph::SEED_ARTICLE))
        .expect("analyses");
    assert_eq!(a.metrics.self_citation.author.references, vec![15, 16, 17]);
}

#[test]
fn numbered_lists_that_agree_pair_by_number() {
    let page = "Статья\nСписок литературы\n1. Иванов И.И. Книга. М.: Наука, 2010. 200 с.\n2. Петров П.П. Статья // Вестник. 2011. № 2. С. 3–9.\nReferences\n1. Ivanov I.I. (2010) The Book, Moscow: Nauka (in Russian).\n2. Petrov P.P. (2011) The Article. Vestnik, no 2, pp. 3–9 (in Russian).\n";
    let doc = read_document(page).expect("reads");
    assert_eq!(doc.references.len(), 2);
    assert!(doc.references.iter().all(|r| r.alternate.is_some()));
    assert!(
        !doc.warnings
            .iter()
            .any(|w| w.code == WarningCode::UnalignedTranslation)
    );
}

fn entry(year: i32, family: &str, pages: u32) -> Reference {
    let (r, _) = parse_reference(&format!(
        "{family} A.B. ({year}) A Title. Journal, no 2, pp. {pages}–{}.",
        pages + 9
    ));
    r
}

proptest! {
    /// Whatever the lists, the pairing is monotone, in range and pairs no entry twice.
    #[test]
    fn alignment_is_monotone_and_one_to_one(
        a in proptest::collection::vec((2000i32..2006, 0usize..4, 1u32..5), 0..14),
        b in proptest::collection::vec((2000i32..2006, 0usize..4, 1u32..5), 0..14),
    ) {
        const FAMILIES: [&str; 4] = ["Ivanov", "Petrov", "Sidorov", "Kuznetsov"];
        let xs: Vec<Reference> = a.iter().map(|&(y, f, p)| entry(y, FAMILIES[f], p * 10)).collect();
        let ys: Vec<Reference> = b.iter().map(|&(y, f, p)| entry(y, FAMILIES[f], p * 10)).collect();
        let pairs = align_references(&xs, &ys);
        for w in pairs.windows(2) {
            prop_assert!(w[0].0 < w[1].0 && w[0].1 < w[1].1, "{:?}", pairs);
        }
        prop_assert!(pairs.iter().all(|&(i, j)| i < xs.len() && j < ys.len()));
        // a list aligned with itself pairs every entry with itself
        let same = align_references(&xs, &xs);
        prop_assert_eq!(same, (0..xs.len()).map(|i| (i, i)).collect::<Vec<_>>());
    }
}

#[test]
fn a_latin_entry_merging_two_works_pairs_with_one_and_keeps_the_other() {
    let page = "Статья\nСписок литературы\n\
1. Панов А.Н. Приоритеты Синдзо Абэ // Япония 2016. Ежегодник. М.: АИРО-XXI, 2016. С. 7–43.\n\
2. Панов А.Н. Внешняя политика Японии // Япония 2017. Ежегодник. М.: АИРО-XXI, 2017. С. 50–71.\n\
3. Хрущёв С.Н. Энергетический диалог // Мировая экономика и международные отношения. 2018. Т. 62. № 4. С. 104–112.\n\
References\n\
1. Panov A.N. (2016) Priorities of Shinzo Abe. Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 7–43; Panov A.N. (2017) Japan's Foreign Policy. Japan 2017. Yearbook, pp. 50–71 (in Russian).\n\
2. Khrushchev S.N. (2018) Energy Dialogue. Mirovaya ekonomika i mezhdunarodnye otnosheniya, vol. 62, no 4, pp. 104–112 (in Russian).\n";
    let doc = read_document(page).expect("reads");
    assert_eq!(doc.references.len(), 3);
    assert_eq!(
        doc.references
            .iter()
            .filter(|r| r.alternate.is_some())
            .count(),
        2
    );
    let kept: Vec<&Reference> = doc
        .references
        .iter()
        .filter(|r| r.alternate.is_none())
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].raw.starts_with("Панов А.Н. Внешняя политика"));
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.code == WarningCode::UnalignedTranslation
                && w.reference == Some(kept[0].index))
    );
}

#[test]
fn hostile_bilingual_pages_do_not_panic_and_keep_every_entry() {
    let garbage = "1. ////// // // URL: http:// (дата обращения: 99.99.9999)\n2. \u{0}\u{1} Щ. Щ. Щ. //\n3. 2019 2019 2019 // С. 1–2. № . Т. .\n";
    let latin = "1. (2019) (2019) pp. -.\n2. Brown J. (2017) Title. Source.\n";
    for page in [
        format!("T\nСписок литературы\n{garbage}References\n{latin}"),
        format!("T\nСписок литературы\n{garbage}References\n"),
        format!("T\nСписок литературы\nReferences\n{latin}"),
        format!("T\nReferences\n{latin}Литература\n{garbage}Для цитирования:\n"),
    ] {
        if let Ok(doc) = read_document(&page) {
            let mut texts: Vec<&str> = Vec::new();
            for r in &doc.references {
                texts.push(&r.raw);
                texts.extend(r.alternate.as_deref().map(|o| o.raw.as_str()));
            }
            // every entry of a list that was read is somewhere in the document
            for line in page
                .lines()
                .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
            {
                let body = line.split_once(". ").map_or(line, |(_, b)| b);
                let body = citegraph::text::normalize(body);
                let words: Vec<&str> = body.split_whitespace().collect();
                let head = words.first().copied().unwrap_or("");
                let in_latin = latin.contains(line);
                let read_latin = texts.iter().any(|t| t.contains("Brown"));
                if in_latin && !read_latin {
                    continue;
                }
                assert!(
                    texts.iter().any(|t| t.contains(head)),
                    "lost {line:?} in {page:?}"
                );
            }
            let _ = Analyzer::new().analyze_document(doc);
        }
    }
}

/// Works printed both ways: (Cyrillic GOST, Latin seed style).
const WORKS: [(&str, &str); 6] = [
    (
        "Панов А.Н. Приоритеты Синдзо Абэ // Япония 2016. Ежегодник. М.: АИРО-XXI, 2016. С. 7–43.",
        "Panov A.N. (2016) Priorities of Shinzo Abe. Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 7–43 (in Russian).",
    ),
    (
        "Хрущёв С.Н. Энергетический диалог // Мировая экономика и международные отношения. 2018. Т. 62. № 4. С. 104–112.",
        "Khrushchev S.N. (2018) Energy Dialogue. Mirovaya ekonomika i mezhdunarodnye otnosheniya, vol. 62, no 4, pp. 104–112 (in Russian).",
    ),
    (
        "Стрельцов Д.В. Япония: политическая модернизация эпохи Хэйсэй. М.: АИРО-XXI, 2013. 296 с.",
        "Streltsov D.V. (2013) Japan: Political Modernization of the Heisei Era, Moscow: AIRO-XXI (in Russian).",
    ),
    (
        "Кистанов В.О. Энергетическая безопасность // Японские исследования. 2017. № 2. С. 20–35.",
        "Kistanov V.O. (2017) Energy Security. Yaponskie issledovaniya, no 2, pp. 20–35 (in Russian).",
    ),
    (
        "Ерофеев И.В. Проект «Сахалин-2» // Нефтяное хозяйство. 2014. № 9. С. 12–17.",
        "Yerofeyev I.V. (2014) The Sakhalin-2 Project. Neftyanoe khozyaistvo, no 9, pp. 12–17 (in Russian).",
    ),
    (
        "Kissinger H. World Order. New York: Penguin Press, 2014. 432 p.",
        "Kissinger H. (2014) World Order, New York: Penguin Press.",
    ),
];

proptest! {
    /// Whatever works each list prints, every entry ends up exactly once: as a reference or
    /// as the alternate of one; a work printed in both lists is one reference.
    #[test]
    fn every_entry_is_kept_exactly_once(
        cyrillic in proptest::collection::vec(0usize..6, 0..8),
        latin in proptest::collection::vec(0usize..6, 1..8),
    ) {
        let mut page = String::from("Статья\nСписок литературы\n");
        for (k, &w) in cyrillic.iter().enumerate() {
            page.push_str(&format!("{}. {}\n", k + 1, WORKS[w].0));
        }
        page.push_str("References\n");
        for (k, &w) in latin.iter().enumerate() {
            page.push_str(&format!("{}. {}\n", k + 1, WORKS[w].1));
        }
        let doc = read_document(&page).expect("a list with years reads");
        let entries: usize = doc
            .references
            .iter()
            .map(|r| 1 + usize::from(r.alternate.is_some()))
            .sum();
        prop_assert_eq!(entries, cyrillic.len() + latin.len());
        let unaligned = doc
            .warnings
            .iter()
            .filter(|w| w.code == WarningCode::UnalignedTranslation)
            .count();
        let aligned = doc.references.iter().filter(|r| r.alternate.is_some()).count();
        // an empty Cyrillic section makes no bilingual page, and no entry is unaligned
        let expected = if cyrillic.is_empty() { 0 } else { entries - 2 * aligned };
        prop_assert_eq!(unaligned, expected);
        // the same work in both lists at the same place always pairs
        if cyrillic == latin {
            prop_assert_eq!(aligned, latin.len());
        }
    }
}
