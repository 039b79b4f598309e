//! Field-level F1 floors for `citegraph::parse_reference` on AnyStyle's gold set, plus unit
//! tests of the evaluation harness itself (XML reading, gold extraction, normalisation, counting).
//!
//! The harness is the code of `examples/evaluate.rs` (`cargo run --release --example evaluate`),
//! included here file by file so CI holds the same numbers the example prints. The data lives
//! outside the repository in `../shared/data`; the floor test prints a note and passes when it is
//! absent. The harness unit tests need no data and always run.

#[allow(dead_code)]
#[path = "../examples/evaluate/gold.rs"]
mod gold;
#[allow(dead_code)]
#[path = "../examples/evaluate/score.rs"]
mod score;
#[allow(dead_code)]
#[path = "../examples/evaluate/xml.rs"]
mod xml;

use std::path::Path;

use citegraph::{PersonName, Reference};
use gold::{GoldRecord, family_names, split_volume, year_in};
use score::{Counts, Field, normalize_doi, normalize_number, normalize_pages, normalize_text};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");

// FLOOR: per-field F1 floors on AnyStyle gold.xml minus the 209 sequences also in core.xml
// (1,460 references), matching rule as printed by the example. Each sits about 0.02 under the F1
// measured when it was last raised, so a regression fails CI. When the parser improves, run
//     cargo run --release --example evaluate -- --dataset anystyle
// and raise them. Measured 2026-11-26 (rules with the style fixups, plus the bundled
// sequence model for title, container and hard author lists; session 3): authors 0.962,
// title 0.939, container 0.911, year 0.991, volume 0.940, issue 0.940, pages 0.960, doi 0.923;
// session 5 (notes cut from titles, edited books, the model's publisher, Chicago's "Family,
// First, and First Family"): authors 0.966, title 0.940, container 0.912, the rest unchanged;
// session 6 (the model reads only entries whose rule reading is not clean, `input::settled`):
// authors 0.968, title 0.945, container 0.925, volume 0.941, pages 0.961. The floors were not
// raised with session 6: its gate was shaped on this set's disagreements (README), so its
// gain here is in-sample; the floors stay where the model-everywhere parser put them.
// Issue 5's goals: authors and year >= 0.95, title and container >= 0.90.
const FLOORS: [(Field, f64); 8] = [
    (Field::Authors, 0.95),
    (Field::Title, 0.925),
    (Field::Container, 0.895),
    (Field::Year, 0.97),
    (Field::Volume, 0.92),
    (Field::Issue, 0.92),
    (Field::Pages, 0.94),
    (Field::Doi, 0.90),
];

fn anystyle() -> Option<gold::Dataset> {
    let dir = Path::new(DATA).join("anystyle");
    if !dir.join("gold.xml").is_file() {
        eprintln!(
            "note: {} is absent; AnyStyle evaluation skipped",
            dir.display()
        );
        return None;
    }
    Some(gold::load_anystyle(&dir).expect("gold.xml is readable"))
}

#[test]
fn anystyle_gold_f1_floors() {
    let Some(set) = anystyle() else { return };
    assert_eq!(set.dropped_overlap, 209, "sequences shared with core.xml");
    assert_eq!(set.records.len(), 1669 - 209);
    let report = score::evaluate(&set, 0, false);
    println!("{}", score::markdown(std::slice::from_ref(&report), 0));
    let mut failures = Vec::new();
    for (field, floor) in FLOORS {
        let f1 = report.field(field).f1();
        if f1 < floor {
            failures.push(format!("{}: F1 {f1:.3} < floor {floor:.3}", field.name()));
        }
    }
    assert!(failures.is_empty(), "below floor: {}", failures.join("; "));
}

/// A parser that returns the gold itself must score 1.0 on every field with support: checks the
/// loader and scorer agree with each other on the real data.
#[test]
fn oracle_scores_perfectly_on_anystyle_gold() {
    let Some(set) = anystyle() else { return };
    let report = score::evaluate_with(&set, 3, oracle);
    for field in Field::ALL {
        let c = report.field(field);
        assert!(c.support() > 0, "{} has no gold", field.name());
        assert_eq!(c.f1(), 1.0, "{}: {c:?}", field.name());
    }
}

#[test]
fn grobid_data_loads_when_present() {
    let dir = Path::new(DATA).join("grobid-citation");
    if !dir.is_dir() {
        eprintln!("note: {} is absent; skipped", dir.display());
        return;
    }
    for (sub, at_least) in [("evaluation", 300), ("corpus", 8000)] {
        let set = gold::load_grobid(&dir, sub).expect("GROBID data is listable");
        assert!(set.bad_files.is_empty(), "{:?}", set.bad_files);
        assert!(set.records.len() > at_least, "{sub}: {}", set.records.len());
        let report = score::evaluate_with(&set, 0, oracle);
        for field in Field::ALL {
            let c = report.field(field);
            if c.support() > 0 {
                assert_eq!(c.f1(), 1.0, "{sub} {}", field.name());
            }
        }
    }
}

fn oracle(record: &GoldRecord) -> Reference {
    Reference {
        authors: record
            .authors
            .iter()
            .map(|f| PersonName::new(f.as_str(), ""))
            .collect(),
        year: record.year,
        title: record.title.clone(),
        container: record.container.clone(),
        volume: record.volume.clone(),
        issue: record.issue.clone(),
        pages: record.pages.clone(),
        doi: record.doi.clone(),
        ..Reference::unparsed(1, None, 1, record.raw.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// The harness, without data.

#[test]
fn xml_entities_and_structure() {
    assert_eq!(
        xml::decode_entities(
            "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#xC9; &nbsp; &"
        ),
        "a & b <c> \"d\" 'e' éÉ &nbsp; &"
    );
    let root = xml::parse(
        "<?xml version=\"1.0\"?><!-- c --><TEI><listBibl><bibl><author>A. B&amp;C</author>, \
         <title level='a'>T<lb/>U</title> <biblScope type =\"pp\">1</biblScope></bibl></listBibl></TEI>",
    )
    .unwrap();
    let bibl = root.descendants("bibl");
    assert_eq!(bibl.len(), 1);
    assert_eq!(xml::collapse_whitespace(&bibl[0].text()), "A. B&C, T U 1");
    let titles = bibl[0].descendants("title");
    assert_eq!(titles[0].attr("level"), Some("a"));
    assert_eq!(bibl[0].descendants("biblscope")[0].attr("type"), Some("pp"));
}

#[test]
fn xml_tolerates_sloppy_markup_and_rejects_truncation() {
    // A stray closing tag and an unclosed element do not lose text.
    let root = xml::parse("<a><b>x</c>y</b><d>z</a>").unwrap();
    assert_eq!(root.text(), "xyz");
    assert!(xml::parse("<a><b attr=\"1\"").is_err());
    assert!(xml::parse("<a><!-- never closed").is_err());
    assert!(xml::parse("").unwrap().children.is_empty());
    // "<" followed by junk stays text.
    assert_eq!(xml::parse("<a>1 < 2</a>").unwrap().text(), "1 < 2");
}

#[test]
fn family_names_from_printed_author_lists() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Bergk, V., Haefeli, W. E., Gasse, C., Brenner, H. & Martin- Facklam, M.",
            &["Bergk", "Haefeli", "Gasse", "Brenner", "Martin-Facklam"],
        ),
        (
            "O. Ambacher, B. Foutz, M. Mur- phy, and M. Stutzmann,",
            &["Ambacher", "Foutz", "Mur-phy", "Stutzmann"],
        ),
        ("Nichols, Bill.", &["Nichols"]),
        ("Barnard, Chester I.", &["Barnard"]),
        (
            "Derrick, D., I. Stavness and B. Gick",
            &["Derrick", "Stavness", "Gick"],
        ),
        (
            "Horvath KJ, Oakes JM, Van Breusegem F, Bozhkov PV., et al.",
            &["Horvath", "Oakes", "Van Breusegem", "Bozhkov"],
        ),
        ("J. von Neumann", &["von Neumann"]),
        ("G. 't Hooft", &["'t Hooft"]),
        ("A. G. Riess et al.", &["Riess"]),
        (
            "Certeau, Michel de, Luce Giard, and Pierre Mayol.",
            &["Certeau", "Giard", "Mayol"],
        ),
        (
            "Sambrook, Joe, and David William Russell.",
            &["Sambrook", "Russell"],
        ),
        ("M Jordan Raddick, Anze Slosar", &["Raddick", "Slosar"]),
        ("Streltsov D.V., Panov A.N.", &["Streltsov", "Panov"]),
        ("Стрельцов Д.В., Панов А.Н.", &["Стрельцов", "Панов"]),
        (
            "J. R. BUDGE, P. E. ELLIS, JR., R. D. JONES et B. D. RAE",
            &["BUDGE", "ELLIS", "JONES", "RAE"],
        ),
        ("F .J .Tackmann ,and K .Tackmann", &["Tackmann", "Tackmann"]),
        ("World Health Organization", &["World Health Organization"]),
        ("남기호, 장미순, 박희연", &["남기호", "장미순", "박희연"]),
        (
            "Morris, R.D.; Audet, A.M.; & Mosteller, F.,",
            &["Morris", "Audet", "Mosteller"],
        ),
        ("Blyth Jr., C., Recktenwald, S.", &["Blyth", "Recktenwald"]),
        (
            "Hammer, J. A., 3rd & Sellers, J. R.",
            &["Hammer", "Sellers"],
        ),
        ("DA Alexander and S Klein", &["Alexander", "Klein"]),
        ("WU JA, LI J", &["WU", "LI"]),
        ("J Kaplin I, J Whiteley K.", &["Kaplin", "Whiteley"]),
        (
            "SCHELLEKENS, Gerard A., Ben AW DE JONG, Frank HJ VAN DEN HOOGEN",
            &["SCHELLEKENS", "DE JONG", "VAN DEN HOOGEN"],
        ),
        ("A. Ben-Tal, L. El Ghaoui", &["Ben-Tal", "El Ghaoui"]),
        ("———.", &[]),
        ("", &[]),
    ];
    for (printed, expected) in cases {
        assert_eq!(family_names(printed), *expected, "{printed}");
    }
}

#[test]
fn anystyle_volume_is_split_into_volume_issue_and_pages() {
    let s = |v: Option<&str>| v.map(str::to_string);
    type Split<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let cases: &[(&str, Split)] = &[
        ("61,", (Some("61"), None, None)),
        ("12(3):", (Some("12"), Some("3"), None)),
        ("65 (3),", (Some("65"), Some("3"), None)),
        (
            "16(2-3):281–305,",
            (Some("16"), Some("2-3"), Some("281–305")),
        ),
        ("vol. 3, no. 2,", (Some("3"), Some("2"), None)),
        ("Vol. 12, No. 2,", (Some("12"), Some("2"), None)),
        ("vol.36, no. 9, Supplement.", (Some("36"), Some("9"), None)),
        ("2009;108(2):", (Some("108"), Some("2"), None)),
        ("n°46.", (None, Some("46"), None)),
        ("128, n° 7", (Some("128"), Some("7"), None)),
        ("v. XXVII,", (Some("XXVII"), None, None)),
        ("V. 12,", (Some("12"), None, None)),
        ("4 vols. in 5.", (None, None, None)),
        ("10, 39", (Some("10"), None, None)),
    ];
    for (printed, (v, i, p)) in cases {
        assert_eq!(split_volume(printed), (s(*v), s(*i), s(*p)), "{printed}");
    }
}

#[test]
fn dois_from_resolver_urls() {
    assert_eq!(
        gold::doi_from_url("http://dx.doi.org/10.1021/am303117g").as_deref(),
        Some("10.1021/am303117g")
    );
    assert_eq!(
        gold::doi_from_url("https: //doi.org/10.1007/JHEP11(2013)158").as_deref(),
        Some("10.1007/JHEP11(2013)158")
    );
    assert_eq!(
        gold::doi_from_url("https://link.aps.org/doi/10.1103/PhysRevD.11.395"),
        None
    );
    assert_eq!(gold::doi_from_url("http://example.org/"), None);
}

#[test]
fn years_from_gold_dates() {
    assert_eq!(year_in("2005,"), Some(2005));
    assert_eq!(year_in("(2000)"), Some(2000));
    assert_eq!(year_in("Mar.,2006"), Some(2006));
    assert_eq!(year_in("1993a."), Some(1993));
    assert_eq!(year_in("n.d."), None);
    assert_eq!(year_in("12345 and 0999"), None);
}

#[test]
fn normalisation_follows_the_stated_rule() {
    assert_eq!(
        normalize_text("In: Theorizing  Documentary,"),
        "theorizing documentary"
    );
    assert_eq!(normalize_text("in Proc. ICML"), "proc. icml");
    assert_eq!(
        normalize_text("“Getting to Know You…”: Knowledge,”"),
        "getting to know you...\": knowledge"
    );
    assert_eq!(
        normalize_text("Information deﬁcits — a study."),
        "information deficits - a study"
    );
    assert_eq!(normalize_pages("pp. 327–335."), "327-335");
    assert_eq!(normalize_pages("(pp. 167-193)"), "167-193");
    assert_eq!(normalize_pages("327 - 335"), "327-335");
    assert_eq!(normalize_pages("p. A65."), "a65");
    assert_eq!(normalize_pages("S. 12‒14"), "12-14");
    assert_eq!(normalize_pages("296 pp."), "296");
    assert_eq!(normalize_number("Vol. 12"), "12");
    assert_eq!(normalize_number("no. 3"), "3");
    assert_eq!(normalize_number("n°46."), "46");
    assert_eq!(normalize_number("XXVII"), "xxvii");
    assert_eq!(normalize_doi("https://doi.org/10.1000/ABC."), "10.1000/abc");
    assert_eq!(normalize_doi("doi: 10.1000/abc"), "10.1000/abc");
    assert_eq!(
        normalize_doi("DOI:http://dx.doi.org/10.1076/csed.13.2.137.14200"),
        "10.1076/csed.13.2.137.14200"
    );
    assert_eq!(score::fold_family("Martin- Facklam"), "martinfacklam");
    assert_eq!(score::fold_family("O’Doherty"), "odoherty");
}

#[test]
fn counting_single_valued_fields_and_author_multisets() {
    let some = |s: &str| Some(s.to_string());
    let tp = Counts {
        tp: 1,
        ..Counts::default()
    };
    assert_eq!(score::single_valued(some("a"), some("a")).0, tp);
    assert_eq!(
        score::single_valued(some("a"), some("b")).0,
        Counts {
            tp: 0,
            fp: 1,
            fn_: 1
        }
    );
    assert_eq!(score::single_valued(some("a"), None).0.fn_, 1);
    assert_eq!(score::single_valued(None, some("b")).0.fp, 1);
    assert_eq!(score::single_valued(None, None).0, Counts::default());

    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        score::multiset_intersection(&v(&["li", "li", "wu"]), &v(&["li", "wu", "wu", "x"])),
        2
    );

    // Authors through score_field: precision over predicted, recall over gold names.
    let gold = GoldRecord {
        authors: v(&["Li", "Li", "Martin- Facklam"]),
        pages: some("327–335."),
        ..GoldRecord::default()
    };
    let predicted = Reference {
        authors: vec![
            PersonName::new("LI", "J."),
            PersonName::new("Martin-Facklam", "M."),
            PersonName::new("Other", ""),
        ],
        pages: some("327-335"),
        ..Reference::unparsed(1, None, 1, "")
    };
    let (authors, _) = score::score_field(Field::Authors, &gold, &predicted);
    assert_eq!(
        authors,
        Counts {
            tp: 2,
            fp: 1,
            fn_: 1
        }
    );
    assert_eq!(score::score_field(Field::Pages, &gold, &predicted).0, tp);

    let c = Counts {
        tp: 3,
        fp: 1,
        fn_: 2,
    };
    assert_eq!(c.precision(), Some(0.75));
    assert_eq!(c.recall(), Some(0.6));
    assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
    assert_eq!(Counts::default().precision(), None);
    assert_eq!(Counts::default().f1(), 0.0);
}

proptest::proptest! {
    /// Odd data never panics the reader, the gold extraction or the normalisers.
    #[test]
    fn harness_never_panics(s in "(?s).{0,200}", t in "[<>&;#x0-9a-zA-Z/=\"' .,:;()\\[\\]-]{0,80}") {
        for input in [s.as_str(), t.as_str()] {
            let _ = xml::parse(input);
            let _ = xml::decode_entities(input);
            let _ = family_names(input);
            let _ = split_volume(input);
            let _ = year_in(input);
            let _ = normalize_text(input);
            let _ = normalize_number(input);
            let _ = normalize_pages(input);
            let _ = normalize_doi(input);
        }
    }
}

/// A naive baseline (year = first plausible year in the raw string; DOI = the token starting at
/// "10.<digits>/") must score well on the fields it targets and zero elsewhere: the harness
/// rewards right answers, not only penalises missing ones.
#[test]
fn naive_baseline_scores_where_expected() {
    let Some(set) = anystyle() else { return };
    let report = score::evaluate_with(&set, 0, |record| {
        let doi = record.raw.split_whitespace().find_map(|tok| {
            let at = tok.find("10.")?;
            let rest = &tok[at..];
            let slash = rest.find('/')?;
            (slash > 3 && rest[3..slash].chars().all(|c| c.is_ascii_digit()))
                .then(|| rest.to_string())
        });
        Reference {
            year: year_in(&record.raw),
            doi,
            ..Reference::unparsed(1, None, 1, record.raw.as_str())
        }
    });
    let year = report.field(Field::Year).f1();
    let doi = report.field(Field::Doi).f1();
    println!("baseline: year F1 {year:.3}, doi F1 {doi:.3}");
    assert!(year > 0.8, "year F1 {year}");
    assert!(doi > 0.6, "doi F1 {doi}");
    assert_eq!(report.field(Field::Title).f1(), 0.0);
}
