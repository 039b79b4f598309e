//! Hostile input: the library never panics and either analyses or returns a clear error.

#[path = "common/generate.rs"]
mod generate;

use citegraph::{Analyzer, Error};

#[test]
fn empty_and_blank_inputs_are_errors() {
    for text in ["", "   ", "\n\n\t\n"] {
        assert!(
            matches!(citegraph::analyze(text), Err(Error::EmptyInput)),
            "{text:?}"
        );
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = generate::Rng::new(3);
    for len in [1usize, 7, 100, 4096, 65_536] {
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        // Either an analysis (with warnings) or an error: never a panic.
        if let Ok(a) = Analyzer::new().analyze_bytes(&bytes) {
            assert!(
                a.warnings.iter().any(|w| w.code.as_str() == "invalid-utf8")
                    || std::str::from_utf8(&bytes).is_ok()
            );
            let json = citegraph::to_json(&a);
            serde_json::from_str::<serde_json::Value>(&json).expect("complete JSON");
        }
    }
}

#[test]
fn invalid_utf8_keeps_the_good_part() {
    let mut bytes =
        b"1. Brown J. (2017) Japan Woos Russia. The Diplomat, May 4, 2017.\n2. Kraus E. (2018) Abe"
            .to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFE]);
    bytes.extend_from_slice(b" Japan. GlobalAsia, September 9, 2018.\n");
    let a = Analyzer::new().analyze_bytes(&bytes).expect("analysed");
    assert_eq!(a.document.references.len(), 2);
    assert!(a.warnings.iter().any(|w| w.code.as_str() == "invalid-utf8"));
    assert!(a.document.references[0].raw.contains("Japan Woos Russia"));
}

#[test]
fn ten_megabyte_single_line() {
    let line =
        "Brown J. (2017) Japan Woos Russia for Its Own Security. ".repeat(10 * 1024 * 1024 / 56);
    // It has years, so it is a (one-entry) list: analysed, with the whole text kept as raw.
    let a = citegraph::analyze(&line).expect("a line with years is a reference list");
    assert!(!a.document.references.is_empty());
    let kept: usize = a.document.references.iter().map(|r| r.raw.len()).sum();
    assert!(
        kept >= line.trim().len(),
        "kept {kept} of {} bytes",
        line.trim().len()
    );
}

#[test]
fn a_hundred_thousand_references() {
    let list = generate::numbered_list(100_000, 5);
    let a = citegraph::analyze(&list).expect("analysed");
    assert_eq!(a.document.references.len(), 100_000);
    assert_eq!(a.metrics.references, 100_000);
    assert!(a.resolution.persons.len() > 100, "names were clustered");
}

#[test]
fn control_characters_and_long_tokens() {
    let text = format!(
        "1. \u{0}\u{1}\u{7f} (2017) {}\n2. {}\n",
        "x".repeat(100_000),
        "🦀".repeat(10_000)
    );
    let a = citegraph::analyze(&text).expect("the first entry has a year");
    assert_eq!(a.document.references.len(), 2);
    assert!(
        a.document.references[1].raw.contains('🦀'),
        "the odd entry is kept"
    );
}
