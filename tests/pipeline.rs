//! End-to-end analyses of realistic inputs beyond the seed: another article page in the same
//! style, a bare list with wrapped lines and no numbers, typos, editors, transliteration
//! variants and gendered surnames. Each asserts fields, clusters and metrics.

use citegraph::{Analysis, Analyzer, Kind, WarningCode, WorkId};

fn energy() -> Analysis {
    let text = include_str!("data/energy-article.txt");
    citegraph::analyze(text).expect("analysed")
}

fn index_of(a: &Analysis, number: u32) -> usize {
    a.document
        .references
        .iter()
        .find(|r| r.number == Some(number))
        .map(|r| r.index)
        .expect("numbered reference")
}

#[test]
fn energy_article_metadata_and_segmentation() {
    let a = energy();
    let art = &a.document.article;
    assert_eq!(
        art.title.as_deref(),
        Some("Energy Cooperation between Russia and Japan in the Arctic")
    );
    let authors: Vec<String> = art.authors.iter().map(|n| n.to_string()).collect();
    assert_eq!(authors, ["Kuznetsova E.V.", "Sokolov I.A."]);
    assert_eq!(art.year, Some(2020));
    assert_eq!(art.source.as_deref(), Some("Japanese Studies in Russia"));
    // 13 numbered lines, line 12 is the tail of 11.
    assert_eq!(a.document.references.len(), 12);
    let r11 = &a.document.references[index_of(&a, 11) - 1];
    assert!(
        r11.url
            .as_deref()
            .is_some_and(|u| u.contains("oxfordenergy.org")),
        "{:?}",
        r11.url
    );
    assert!(
        a.warnings
            .iter()
            .any(|w| w.code == WarningCode::SplitEntry && w.reference == Some(r11.index))
    );
    let dup = index_of(&a, 13);
    assert!(
        a.warnings
            .iter()
            .any(|w| w.code == WarningCode::DuplicateReference && w.reference == Some(dup))
    );
}

#[test]
fn energy_article_fields() {
    let a = energy();
    let r = |n: u32| &a.document.references[index_of(&a, n) - 1];
    assert_eq!(r(1).kind, Kind::JournalArticle);
    assert_eq!(r(1).volume.as_deref(), Some("59"));
    assert_eq!(r(1).issue.as_deref(), Some("4"));
    assert_eq!(r(1).pages.as_deref(), Some("55-64"));
    assert_eq!(
        r(1).doi.as_deref(),
        Some("10.20542/0131-2227-2015-59-4-55-64")
    );
    assert_eq!(r(1).language.as_deref(), Some("ru"));
    assert_eq!(r(2).authors.len(), 2);
    assert_eq!(r(3).kind, Kind::Book);
    assert_eq!(r(3).publisher.as_deref(), Some("Nauka"));
    assert_eq!(r(3).place.as_deref(), Some("Moscow"));
    assert_eq!(r(4).kind, Kind::Web);
    assert_eq!(r(4).language.as_deref(), Some("en"));
    assert_eq!(
        r(4).accessed.map(|d| d.to_string()).as_deref(),
        Some("2020-02-15")
    );
    assert_eq!(r(6).kind, Kind::Chapter);
    assert_eq!(r(6).pages.as_deref(), Some("110-125"));
    assert!(r(9).authors.is_empty());
    let editors: Vec<String> = r(9).editors.iter().map(|n| n.to_string()).collect();
    assert_eq!(editors, ["Grigoriev L.M.", "Kurdin A.A."]);
}

#[test]
fn energy_article_persons_sources_and_self_citation() {
    let a = energy();
    let g = &a.graph;
    let work = |n: u32| WorkId::Reference(index_of(&a, n));
    let citing = g.authors_of(WorkId::Citing);
    assert_eq!(citing.len(), 2);
    // Kuznetsova E.V. of the page is the author of references 1, 2, 8, 10 and 13.
    for n in [1, 2, 8, 10, 13] {
        assert!(g.authors_of(work(n)).contains(&citing[0]), "reference {n}");
    }
    // Kuznetsov A.V. is another person (masculine form, other initials).
    assert!(!g.authors_of(work(3)).contains(&citing[0]));
    let expected: Vec<usize> = [1, 2, 6, 7, 8, 10, 13]
        .iter()
        .map(|&n| index_of(&a, n))
        .collect();
    assert_eq!(a.metrics.self_citation.author.references, expected);
    assert!((a.metrics.self_citation.author.share - 7.0 / 12.0).abs() < 1e-9);
    // One journal thrice, The Diplomat twice, the yearbook series twice.
    assert_eq!(g.source_of(work(1)), g.source_of(work(8)));
    assert_eq!(g.source_of(work(4)), g.source_of(work(5)));
    assert_eq!(g.source_of(work(6)), g.source_of(work(7)));
    assert_ne!(g.source_of(work(3)), g.source_of(work(10)));
    let d = &a.metrics.source_diversity;
    assert_eq!(d.sources, 12);
    assert_eq!(d.distinct_sources, 8);
    let age = a.metrics.reference_age.expect("citing year");
    assert_eq!(age.citing_year, 2020);
    assert_eq!(age.median_age_years, 2.5);
}

const UNNUMBERED: &str = "\
Streltsov D.V. (2012) Japan between East Asian and Trans-Pacific Regionalism. Vestnik Moskovskogo
    universiteta. Seriya 25. Mezhdunarodnye otnosheniya i mirovaya politika, no 3, pp. 72–95 (in Russian).
Strel'tsov D.V. (2015) Japan's Domestic Politics, Moscow: AIRO-XXI (in Russian).
Ivanova A.A. (2018) Gender and Politics in Japan. Yaponskie issledovaniya, no 1, pp. 5–20 (in Russian).
Ivanov A.A. (2017) The Japanese Party System. Yaponskie issledovaniya, no 2, pp. 30–44 (in Russian).
Mikheev V.V., Fedorovskii A.N. (eds.) (2018) Report: Crisis and New Agenda for the Korean Peninsula. IMEMO RAN. Available at: https://www.imemo.ru/files/File/ru/publ/2018/2018_01.pdf, accessed 31.01.2019 (in Russian).
Fedorovskaya A.N. (2016) Korean Economy. Moscow: IMEMO RAN (in Russian).
";

#[test]
fn unnumbered_list_with_wrapped_lines_and_caller_metadata() {
    let a = Analyzer::new()
        .author("Streltsov D.V.")
        .expect("name")
        .year(2019)
        .analyze(UNNUMBERED)
        .expect("analysed");
    let refs = &a.document.references;
    assert_eq!(refs.len(), 6);
    assert!(refs.iter().all(|r| r.number.is_none()));
    assert!(
        refs[0]
            .container
            .as_deref()
            .is_some_and(|c| c.starts_with("Vestnik Moskovskogo universiteta")),
        "{:?}",
        refs[0].container
    );
    assert_eq!(refs[0].pages.as_deref(), Some("72-95"));
    // Strel'tsov is a transliteration of the same name: both self-citations.
    assert_eq!(a.metrics.self_citation.author.references, vec![1, 2]);
    let g = &a.graph;
    assert_ne!(
        g.authors_of(WorkId::Reference(3)),
        g.authors_of(WorkId::Reference(4)),
        "Ivanova is not Ivanov"
    );
    assert_eq!(g.editors_of(WorkId::Reference(5)).len(), 2);
    assert!(g.authors_of(WorkId::Reference(5)).is_empty());
    let fedorovskii = g.editors_of(WorkId::Reference(5))[1];
    assert!(
        !g.authors_of(WorkId::Reference(6)).contains(&fedorovskii),
        "Fedorovskaya is not Fedorovskii"
    );
    assert_eq!(
        g.source_of(WorkId::Reference(3)),
        g.source_of(WorkId::Reference(4))
    );
    assert_eq!(
        g.source_of(WorkId::Reference(5)),
        g.source_of(WorkId::Reference(6)),
        "IMEMO RAN issues both"
    );
    assert_eq!(a.metrics.kind_counts.get("report"), Some(&1));
    assert_eq!(a.metrics.language_share.get("ru"), Some(&1.0));
}

#[test]
fn typo_merges_only_with_support() {
    let list = "\
1. Paramonov O.G. (2016) Arms Markets. Yaponskie issledovaniya, no 3, pp. 42-65 (in Russian).
2. Paramonov O.G. (2018) Japan's Defense Policy. Yaponskie issledovaniya, no 1, pp. 6-20 (in Russian).
3. Paramonv O.G. (2019) Security Dialogue. Japan 2019. Yearbook, Moscow: AIRO-XXI, pp. 40-55 (in Russian).
4. Brown J. (2017) Japan Woos Russia. Nikkei Asian Review, December 11, 2017.
5. Browne J. (2018) Alliance Management. The Diplomat, July 27, 2018.
";
    let a = citegraph::analyze(list).expect("analysed");
    let g = &a.graph;
    assert_eq!(
        g.authors_of(WorkId::Reference(3)),
        g.authors_of(WorkId::Reference(1)),
        "Paramonv is a misprint"
    );
    assert!(
        a.warnings
            .iter()
            .any(|w| w.code == WarningCode::PossibleMisspelling && w.reference == Some(3))
    );
    assert_ne!(
        g.authors_of(WorkId::Reference(4)),
        g.authors_of(WorkId::Reference(5)),
        "Brown J. / Browne J. lack support"
    );
    assert!(
        !a.warnings
            .iter()
            .any(|w| w.code == WarningCode::PossibleMisspelling && w.reference == Some(5))
    );
}

#[test]
fn unparseable_entries_are_kept_with_a_warning() {
    let list = "1. Brown J. (2017) Japan Woos Russia. Nikkei Asian Review, December 11, 2017.\n2. ???\n3. Kashin V. (2016) Russian Approach. Carnegie Moscow Center, June 16, 2016.\n";
    let a = citegraph::analyze(list).expect("analysed");
    assert_eq!(a.document.references.len(), 3);
    let bad = &a.document.references[1];
    assert!(!bad.parsed);
    assert_eq!(bad.raw, "???");
    assert!(
        a.warnings
            .iter()
            .any(|w| w.code == WarningCode::UnparsedReference && w.reference == Some(2))
    );
}

#[test]
fn caller_metadata_settles_the_missing_metadata_warning() {
    let list = "References\n1. Streltsov D.V. (2013) Japan: Political Modernization, Moscow: AIRO-XXI (in Russian).\n";
    let missing = |a: &Analysis| {
        a.warnings
            .iter()
            .any(|w| w.code == WarningCode::MissingArticleMetadata)
    };
    let bare = citegraph::analyze(list).expect("analysed");
    assert!(missing(&bare), "a page with no citing metadata is flagged");
    let year_only = Analyzer::new().year(2019).analyze(list).expect("analysed");
    assert!(missing(&year_only), "authors are still unknown");
    let both = Analyzer::new()
        .author("Streltsov D.V.")
        .expect("name")
        .year(2019)
        .analyze(list)
        .expect("analysed");
    assert!(!missing(&both));
    assert_eq!(both.metrics.self_citation.author.count, 1);
}
