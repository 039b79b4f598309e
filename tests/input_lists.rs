//! Realistic lists beyond the seed: another article page in the same style, bracketed and
//! parenthesised numbering, GOST entries, unnumbered wrapped lists, duplicates, unparseable
//! entries and inputs with no list at all.

use citegraph::{Date, Error, Format, Kind, Style, WarningCode, detect_format, read_document};

const PAGE: &str = "\
Japan's Energy Diplomacy after Fukushima
Abstract
The article examines how Japan rebuilt its energy diplomacy after 2011.
About the Authors
I. A. KovalenkoRussian Federation
Senior Researcher, Institute of Oriental Studies
119454, Vernadskogo Av., 76, Moscow, Russian Federation
S. V. Petrova
Associate Professor
References
1. Kovalenko I.A. (2015) Nuclear Power in Japan after 2011. Yaponskie issledovaniya, no 2, pp. 15–30 (in Russian). DOI: 10.24411/2500-2872-2015-00012
2. Smith K., Tanaka H. (2016) Energy Security in East Asia. Asian Survey, vol. 56, no 4, pp. 700–725.
3. Lukin A.V. (ed.) (2017) Russia and Japan: Energy Partnership, Moscow: Aspekt Press (in Russian).
4. Kovalenko I.A., Petrova S.V. (2018) LNG Markets and the Sakhalin Projects. Japan 2018. Yearbook, Moscow: AIRO-XXI, pp. 101–120 (in Russian).
5. Ito M. (2019) Abe’s Energy Policy Revisited. East Asia Forum, March 3, 2019. Available
6. at: https://www.eastasiaforum.org/2019/03/03/abes-energy-policy, accessed 15.05.2020.
7. Kovalenko I.A. (2015) Nuclear Power in Japan after 2011. Yaponskie issledovaniya, no 2, pp. 15–30 (in Russian). DOI: 10.24411/2500-2872-2015-00012
8. See also the sources listed in the notes above.
9. Kovalneko I.A. (2017) Japan’s LNG Imports. Mirovaya ekonomika i mezhdunarodnye otnosheniya, no 5, pp. 33–41 (in Russian).
11. Koval M. (2016) Japan Seeks New Suppliers. The Diplomat, June 1, 2016. Available at: https://thediplomat.com/2016/06/x, accessed 15.05.2020.
For citations:
Kovalenko I.A., Petrova S.V. Japan's Energy Diplomacy after Fukushima. Japanese Studies in Russia. 2020;4(3):45-60. (In Russ.)
";

fn codes_at(doc: &citegraph::Document, code: WarningCode) -> Vec<usize> {
    doc.warnings
        .iter()
        .filter(|w| w.code == code)
        .filter_map(|w| w.reference)
        .collect()
}

#[test]
fn another_page_in_the_seed_style() {
    assert_eq!(detect_format(PAGE), Format::ArticlePage);
    let doc = read_document(PAGE).unwrap();
    let a = &doc.article;
    assert_eq!(
        a.title.as_deref(),
        Some("Japan's Energy Diplomacy after Fukushima")
    );
    let authors: Vec<String> = a.authors.iter().map(|n| n.to_string()).collect();
    assert_eq!(authors, ["Kovalenko I.A.", "Petrova S.V."]);
    assert_eq!(a.year, Some(2020));
    assert_eq!(a.source.as_deref(), Some("Japanese Studies in Russia"));
    assert_eq!(
        (a.volume.as_deref(), a.issue.as_deref(), a.pages.as_deref()),
        (Some("4"), Some("3"), Some("45-60"))
    );
    assert_eq!(a.language.as_deref(), Some("ru"));

    let numbers: Vec<Option<u32>> = doc.references.iter().map(|r| r.number).collect();
    assert_eq!(
        numbers,
        [1, 2, 3, 4, 5, 7, 8, 9, 11].map(Some).to_vec(),
        "line 6 is the tail of 5"
    );
    let r = &doc.references;
    // self-citations: the citing authors appear in references 1, 4 and the duplicate 6
    assert_eq!(r[0].authors[0].to_string(), "Kovalenko I.A.");
    assert_eq!(r[0].kind, Kind::JournalArticle);
    assert_eq!(r[0].doi.as_deref(), Some("10.24411/2500-2872-2015-00012"));
    assert_eq!(r[0].issue.as_deref(), Some("2"));
    assert_eq!(r[0].language.as_deref(), Some("ru"));
    // two authors, volume and issue, English
    let names: Vec<String> = r[1].authors.iter().map(|n| n.to_string()).collect();
    assert_eq!(names, ["Smith K.", "Tanaka H."]);
    assert_eq!(
        (r[1].volume.as_deref(), r[1].issue.as_deref()),
        (Some("56"), Some("4"))
    );
    assert_eq!(r[1].pages.as_deref(), Some("700-725"));
    assert_eq!(r[1].container.as_deref(), Some("Asian Survey"));
    assert_eq!(r[1].language.as_deref(), Some("en"));
    assert_eq!(r[1].kind, Kind::JournalArticle);
    // an edited book
    assert!(r[2].authors.is_empty());
    assert_eq!(r[2].editors[0].to_string(), "Lukin A.V.");
    assert_eq!(r[2].kind, Kind::Book);
    assert_eq!(r[2].publisher.as_deref(), Some("Aspekt Press"));
    assert_eq!(r[2].place.as_deref(), Some("Moscow"));
    assert_eq!(
        r[2].title.as_deref(),
        Some("Russia and Japan: Energy Partnership")
    );
    // chapter in a yearbook, two authors
    assert_eq!(r[3].authors.len(), 2);
    assert_eq!(r[3].container.as_deref(), Some("Japan 2018. Yearbook"));
    assert_eq!(r[3].kind, Kind::Chapter);
    assert_eq!(r[3].pages.as_deref(), Some("101-120"));
    // the repaired split: web entry with its URL and access date from the next line
    assert_eq!(r[4].number, Some(5));
    assert_eq!(r[4].kind, Kind::Web);
    assert_eq!(r[4].container.as_deref(), Some("East Asia Forum"));
    assert_eq!(r[4].date, Some(Date::ymd(2019, 3, 3)));
    assert_eq!(r[4].accessed, Some(Date::ymd(2020, 5, 15)));
    assert_eq!(
        r[4].url.as_deref(),
        Some("https://www.eastasiaforum.org/2019/03/03/abes-energy-policy")
    );
    assert_eq!(r[4].title.as_deref(), Some("Abe's Energy Policy Revisited"));
    // the typo is kept as printed; clustering (another module) decides it is Kovalenko
    assert_eq!(r[7].authors[0].family, "Kovalneko");
    assert_eq!(r[7].year, Some(2017));
    for (i, r) in r.iter().enumerate() {
        assert_eq!(r.index, i + 1);
        if r.parsed {
            assert_eq!(r.style, Some(Style::RussianLatin), "{}", r.raw);
        }
    }

    assert_eq!(codes_at(&doc, WarningCode::SplitEntry), [5]);
    let split = doc
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::SplitEntry)
        .unwrap();
    assert!(
        split.message.contains("line 6") && split.message.contains("reference 5"),
        "{}",
        split.message
    );
    assert_eq!(codes_at(&doc, WarningCode::DuplicateReference), [6]);
    let dup = doc
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::DuplicateReference)
        .unwrap();
    assert!(dup.message.contains("reference 1"), "{}", dup.message);
    assert_eq!(codes_at(&doc, WarningCode::UnparsedReference), [7]);
    assert!(!r[6].parsed);
    assert_eq!(r[6].raw, "See also the sources listed in the notes above.");
    // 11 follows 9: a real gap, unlike the repaired 5/6
    assert_eq!(codes_at(&doc, WarningCode::NumberingGap), [9]);
}

#[test]
fn bracketed_ieee_like_list() {
    let text = "\
[1] A. B. Smith and C. D. Jones, \"Deep parsing of references,\" Journal of Documentation, vol. 12, no. 3, pp. 42–65, 2016.
[2] E. F. Brown, Citation Analysis. New York: Routledge, 2019.
[3] G. Lee, \"Web scraping for bibliometrics,\" 2020. [Online]. Available: https://example.org/lee
";
    let doc = read_document(text).unwrap();
    assert_eq!(doc.references.len(), 3);
    let r = &doc.references;
    assert_eq!(
        r.iter().map(|r| r.number).collect::<Vec<_>>(),
        [Some(1), Some(2), Some(3)]
    );
    let names: Vec<String> = r[0].authors.iter().map(|n| n.to_string()).collect();
    assert_eq!(names, ["Smith A.B.", "Jones C.D."]);
    assert_eq!(r[0].title.as_deref(), Some("Deep parsing of references"));
    assert_eq!(r[0].container.as_deref(), Some("Journal of Documentation"));
    assert_eq!(
        (
            r[0].volume.as_deref(),
            r[0].issue.as_deref(),
            r[0].pages.as_deref(),
            r[0].year
        ),
        (Some("12"), Some("3"), Some("42-65"), Some(2016))
    );
    assert_eq!(r[0].kind, Kind::JournalArticle);
    assert_eq!(r[1].authors[0].to_string(), "Brown E.F.");
    assert_eq!(r[1].kind, Kind::Book);
    assert_eq!(
        (r[1].place.as_deref(), r[1].publisher.as_deref()),
        (Some("New York"), Some("Routledge"))
    );
    assert_eq!(r[1].year, Some(2019));
    assert_eq!(r[2].url.as_deref(), Some("https://example.org/lee"));
    assert_eq!(r[2].year, Some(2020));
    assert_eq!(r[2].kind, Kind::Web);
    assert!(
        doc.article.authors.is_empty(),
        "a bare list has no citing article"
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn parenthesised_gost_list() {
    let text = "\
1) Стрельцов Д.В. Японская модернизация // Японские исследования. 2016. № 3. С. 42–65.
2) Иванов И.И., Петров П.П. История Японии. М.: Наука, 2013. 296 с.
3) Панов А.Н. Внешняя политика Японии // Япония 2016. Ежегодник. М.: АИРО-XXI, 2016. С. 7–43.
";
    let doc = read_document(text).unwrap();
    let r = &doc.references;
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].authors[0].to_string(), "Стрельцов Д.В.");
    assert_eq!(r[0].container.as_deref(), Some("Японские исследования"));
    assert_eq!(
        (r[0].issue.as_deref(), r[0].pages.as_deref(), r[0].year),
        (Some("3"), Some("42-65"), Some(2016))
    );
    assert_eq!(r[0].kind, Kind::JournalArticle);
    assert_eq!(r[0].language.as_deref(), Some("ru"));
    assert_eq!(r[0].style, Some(Style::Gost));
    assert_eq!(r[1].authors.len(), 2);
    assert_eq!(r[1].title.as_deref(), Some("История Японии"));
    assert_eq!(
        (r[1].place.as_deref(), r[1].publisher.as_deref(), r[1].year),
        (Some("М."), Some("Наука"), Some(2013))
    );
    assert_eq!(r[1].kind, Kind::Book);
    assert_eq!(r[2].container.as_deref(), Some("Япония 2016. Ежегодник"));
    assert_eq!(r[2].publisher.as_deref(), Some("АИРО-XXI"));
    assert_eq!(r[2].kind, Kind::Chapter);
}

#[test]
fn unnumbered_list_with_wrapped_lines() {
    let text = "\
Brown J. (2017) Japan Woos Russia for Its Own Secu-
rity. Nikkei Asian Review, December 11, 2017. Available at:
https://asia.nikkei.com/Politics/Japan-woos-Russia, accessed 31.01.2019.
Kraus E. (2018) Abe's More Assertive Japan: Will He Defy
Expectation Again. GlobalAsia, September 9, 2018.
Streltsov D.V. (2013) Japan: Political Modernization of the Heisei Era, Moscow: AIRO-XXI (in Russian).
Streltsov D.V. (2013) Japan: political modernization of the Heisei era. Moscow: AIRO-XXI, 296 p. (in Russian).
";
    let doc = read_document(text).unwrap();
    let r = &doc.references;
    assert_eq!(r.len(), 4, "{r:#?}");
    assert!(r.iter().all(|r| r.number.is_none()));
    assert_eq!(
        r[0].title.as_deref(),
        Some("Japan Woos Russia for Its Own Security")
    );
    assert_eq!(
        r[0].url.as_deref(),
        Some("https://asia.nikkei.com/Politics/Japan-woos-Russia")
    );
    assert_eq!(r[0].accessed, Some(Date::ymd(2019, 1, 31)));
    assert_eq!(r[0].kind, Kind::Web);
    assert_eq!(r[1].line, 4);
    assert_eq!(
        r[1].title.as_deref(),
        Some("Abe's More Assertive Japan: Will He Defy Expectation Again")
    );
    assert_eq!(r[1].container.as_deref(), Some("GlobalAsia"));
    assert_eq!(r[1].language.as_deref(), Some("en"));
    // same authors, year and title, printed differently: a duplicate
    assert_eq!(codes_at(&doc, WarningCode::DuplicateReference), [4]);
    assert_eq!(r[3].pages.as_deref(), Some("296"));
}

#[test]
fn errors_for_nothing_to_read() {
    assert!(matches!(read_document(""), Err(Error::EmptyInput)));
    assert!(matches!(read_document(" \n\t\n"), Err(Error::EmptyInput)));
    let empty_section = "Title\nAbstract\nText.\nReferences\n\nReview\nFor citations:\nX.";
    assert!(matches!(
        read_document(empty_section),
        Err(Error::NoReferenceList { line: Some(4) })
    ));
    let prose = "This is a paragraph of prose.\nIt has no references in it at all.\nNone.";
    assert!(matches!(
        read_document(prose),
        Err(Error::NoReferenceList { line: None })
    ));
    let noise = "\u{1}\u{2}\u{7f}ÿþ\u{fffd}\u{fffd}";
    assert!(matches!(
        read_document(noise),
        Err(Error::NoReferenceList { .. })
    ));
}

#[test]
fn one_bad_entry_does_not_sink_the_list() {
    let text = "1. Brown J. (2017) A Title. Source, no 1, pp. 1-2.\n2. ???\n3. Kraus E. (2018) Other. Source, no 2, pp. 3-4.\n";
    let doc = read_document(text).unwrap();
    assert_eq!(doc.references.len(), 3);
    assert!(!doc.references[1].parsed);
    assert_eq!(doc.references[1].raw, "???");
    assert_eq!(codes_at(&doc, WarningCode::UnparsedReference), [2]);
    assert!(doc.references[2].parsed);
}

#[test]
fn russian_page_with_bilingual_lists() {
    let text = "\
Российско-японский диалог по безопасности
Аннотация
Текст статьи.
Об авторе
О. Г. Парамонов
Россия
Список литературы
1. Стрельцов Д.В. Японская модернизация // Японские исследования. 2016. № 3. С. 42–65.
2. Панов А.Н. Внешняя политика Японии // Япония 2016. Ежегодник. М.: АИРО-XXI, 2016. С. 7–43.
References
1. Streltsov D.V. (2016) Japanese Modernization. Yaponskie issledovaniya, no 3, pp. 42–65 (in Russian).
2. Panov A.N. (2016) Japan's Foreign Policy. Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 7–43 (in Russian).
Для цитирования:
Парамонов О.Г. Российско-японский диалог по безопасности. Контуры глобальных трансформаций: политика, экономика, право. 2019. Т. 12. № 1. С. 102–116.
";
    let doc = read_document(text).unwrap();
    let a = &doc.article;
    assert_eq!(
        a.title.as_deref(),
        Some("Российско-японский диалог по безопасности")
    );
    assert_eq!(a.authors[0].to_string(), "Парамонов О.Г.");
    assert_eq!(a.year, Some(2019));
    assert_eq!(
        a.source.as_deref(),
        Some("Контуры глобальных трансформаций: политика, экономика, право")
    );
    assert_eq!(
        (a.volume.as_deref(), a.issue.as_deref(), a.pages.as_deref()),
        (Some("12"), Some("1"), Some("102-116"))
    );
    assert_eq!(a.language.as_deref(), Some("ru"));
    // the Latin list is read (the Cyrillic one duplicates it entry by entry)
    let r = &doc.references;
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].line, 11);
    assert_eq!(r[0].authors[0].to_string(), "Streltsov D.V.");
    assert_eq!(r[1].container.as_deref(), Some("Japan 2016. Yearbook"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn author_block_is_the_fallback_for_citing_authors() {
    let text = "\
A Study of Things
About the Authors
A. B. SmithUnited Kingdom
Professor
C. D. Jones
References
1. Brown J. (2017) Title. Source, no 1, pp. 1-2.
";
    let doc = read_document(text).unwrap();
    let names: Vec<String> = doc.article.authors.iter().map(|n| n.to_string()).collect();
    assert_eq!(names, ["Smith A.B.", "Jones C.D."]);
    assert_eq!(doc.article.year, None);
    // no year for the citing work: the caller must supply it, and is told so
    assert_eq!(
        codes_at(&doc, WarningCode::MissingArticleMetadata),
        Vec::<usize>::new()
    );
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.code == WarningCode::MissingArticleMetadata && w.reference.is_none())
    );
}

#[test]
fn other_styles_are_read_roughly() {
    use citegraph::parse_reference;
    let families = |r: &citegraph::Reference| -> Vec<String> {
        r.authors.iter().map(|a| a.family.clone()).collect()
    };
    // APA
    let (r, w) = parse_reference(
        "Smith, J. A., & Doe, R. (2019). Machine learning for citation parsing. Journal of Informetrics, 13(2), 456–470. https://doi.org/10.1016/j.joi.2019.01.005",
    );
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(families(&r), ["Smith", "Doe"]);
    assert_eq!(
        r.title.as_deref(),
        Some("Machine learning for citation parsing")
    );
    assert_eq!(r.container.as_deref(), Some("Journal of Informetrics"));
    assert_eq!(
        (r.volume.as_deref(), r.issue.as_deref(), r.pages.as_deref()),
        (Some("13"), Some("2"), Some("456-470"))
    );
    assert_eq!(r.doi.as_deref(), Some("10.1016/j.joi.2019.01.005"));
    assert_eq!(r.style, Some(Style::Apa));
    // Vancouver
    let (r, _) = parse_reference(
        "Garfield E. Citation indexes for science. Science. 1955;122(3159):108-111.",
    );
    assert_eq!(
        (r.container.as_deref(), r.year, r.style),
        (Some("Science"), Some(1955), Some(Style::Vancouver))
    );
    // IEEE
    let (r, _) = parse_reference(
        "[1] A. B. Smith and C. D. Jones, \"Deep parsing,\" J. Doc., vol. 12, no. 3, pp. 42–65, 2016.",
    );
    assert_eq!(families(&r), ["Smith", "Jones"]);
    assert_eq!(r.title.as_deref(), Some("Deep parsing"));
    assert_eq!(r.style, Some(Style::Ieee));
    // Nature / physics / chemistry: no title
    let (r, _) = parse_reference(
        "Gurney, M. E. et al. Motor neuron degeneration in mice. Science 264, 1772-1775 (1994).",
    );
    assert_eq!(
        (r.container.as_deref(), r.volume.as_deref(), r.year),
        (Some("Science"), Some("264"), Some(1994))
    );
    let (r, _) = parse_reference("C. J. Hamer, Nucl. Phys. B 195, 503 (1982).");
    assert_eq!(
        (r.title, r.container.as_deref(), r.pages.as_deref()),
        (None, Some("Nucl. Phys. B"), Some("503"))
    );
    // Chicago with full given names, and given-first lists
    let (r, _) = parse_reference(
        "Streltsov, Dmitry V., and Ivanov, Ivan. 2017. Japan Today. Moscow: Nauka.",
    );
    assert_eq!(r.authors[0].given.as_deref(), Some("Dmitry V."));
    assert_eq!((r.year, r.kind), (Some(2017), Kind::Book));
    let (r, _) = parse_reference(
        "Eric J. Rossetter, Joshua P. Switkes, and Jon Gerdes. Experimental validation. Journal of Dynamic Systems, 2004.",
    );
    assert_eq!(families(&r), ["Rossetter", "Switkes", "Gerdes"]);
    // GOST
    let (r, _) = parse_reference(
        "Стрельцов Д.В. Японская модернизация // Японские исследования. 2016. № 3. С. 42–65.",
    );
    assert_eq!(
        (r.style, r.language.as_deref()),
        (Some(Style::Gost), Some("ru"))
    );
}
