//! Self-citation through the library API, on a reference list built in code (no parsing).
//!
//! Run with `cargo run --example self_citation`.

use citegraph::{Analyzer, Document, Kind, PersonName, Reference, WorkId};

fn reference(
    index: usize,
    authors: &[(&str, &str)],
    year: i32,
    title: &str,
    container: &str,
    kind: Kind,
) -> Reference {
    let mut r = Reference::unparsed(
        index,
        Some(index as u32),
        index,
        format!("{title}. {container}"),
    );
    r.parsed = true;
    r.authors = authors
        .iter()
        .map(|(f, i)| PersonName::new(*f, *i))
        .collect();
    r.year = Some(year);
    r.title = Some(title.to_string());
    r.container = Some(container.to_string());
    r.kind = kind;
    r
}

fn main() {
    let mut doc = Document::default();
    doc.article.title = Some("Citation Practices in Area Studies".into());
    doc.article.authors = vec![
        PersonName::new("Kuznetsova", "E.V."),
        PersonName::new("Streltsov", "D.V."),
    ];
    doc.article.year = Some(2020);
    doc.article.source = Some("Japanese Studies in Russia".into());
    doc.references = vec![
        reference(
            1,
            &[("Strel'tsov", "D.V.")],
            2018,
            "Japan's Foreign Policy",
            "Japanese Studies in Russia",
            Kind::JournalArticle,
        ),
        reference(
            2,
            &[("Kuznetsov", "E.V.")],
            2017,
            "Regional Security",
            "Mezhdunarodnye protsessy",
            Kind::JournalArticle,
        ),
        reference(
            3,
            &[("Kuznetsova", "E."), ("Brown", "J.")],
            2019,
            "Alliance Politics",
            "The Diplomat",
            Kind::Web,
        ),
        reference(
            4,
            &[("Panov", "A.N.")],
            2016,
            "Priorities of Shinzo Abe",
            "Japan 2016. Yearbook",
            Kind::Chapter,
        ),
        reference(
            5,
            &[("Popov", "A.N.")],
            2005,
            "Old Debates",
            "Japan 2005. Yearbook",
            Kind::Chapter,
        ),
    ];

    let analysis = Analyzer::new().analyze_document(doc);
    let sc = &analysis.metrics.self_citation;
    println!(
        "author self-citations: {} of {} ({:.0}%), references {:?}",
        sc.author.count,
        analysis.metrics.references,
        sc.author.share * 100.0,
        sc.author.references
    );
    println!(
        "journal self-citations: {} ({:?})",
        sc.journal.count, sc.journal.references
    );
    for work in analysis.graph.cited() {
        let names: Vec<String> = analysis
            .graph
            .authors_of(work)
            .iter()
            .map(|p| analysis.resolution.persons[p.0].name.to_string())
            .collect();
        println!("{work}: {}", names.join(", "));
    }
    // Strel'tsov is Streltsov (a transliteration variant); Kuznetsova E. is Kuznetsova E.V.;
    // Kuznetsov (the masculine form) is a different person.
    assert_eq!(sc.author.references, vec![1, 3]);
    assert_eq!(sc.journal.references, vec![1]);
    let yearbook = analysis.graph.source_of(WorkId::Reference(4));
    assert_eq!(
        yearbook,
        analysis.graph.source_of(WorkId::Reference(5)),
        "the yearbook volumes are one series"
    );
}
