//! Hostile input never panics: arbitrary strings, Cyrillic, combining marks, emoji, control
//! characters and long lines go through `read_document` and `parse_reference`.

use citegraph::{parse_author_list, parse_reference, read_document};
use proptest::prelude::*;

/// Pieces that steer the parsers into their interesting paths, mixed with noise.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Brown J. ".to_string()),
        Just("(2017) ".to_string()),
        Just("(eds.) ".to_string()),
        Just("Available at: https://x.org/a".to_string()),
        Just(",accessed 31.01.2019".to_string()),
        Just(" (in Russian).".to_string()),
        Just("DOI: 10.1000/x".to_string()),
        Just(", no 3, pp. 42–65".to_string()),
        Just("Moscow: AIRO-XXI".to_string()),
        Just(" // Журнал. 2016. № 3. С. 42–65.".to_string()),
        Just("Стрельцов Д.В. ".to_string()),
        Just("\n15. ".to_string()),
        Just("\n[1] ".to_string()),
        Just("\n".to_string()),
        Just("References\n".to_string()),
        Just("For citations:\n".to_string()),
        Just("December 11, 2017".to_string()),
        Just("e\u{301}\u{301}👩‍👩‍👧".to_string()),
        Just("\u{0}\u{1b}[0m\r\t".to_string()),
        "\\PC{0,20}",
        ".{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn read_document_never_panics(parts in prop::collection::vec(piece(), 0..30)) {
        let text: String = parts.concat();
        let _ = read_document(&text);
    }

    #[test]
    fn parse_reference_never_panics(parts in prop::collection::vec(piece(), 0..20)) {
        let text: String = parts.concat();
        let (r, _) = parse_reference(&text);
        prop_assert_eq!(&r.raw, &text);
        let _ = parse_author_list(&r.raw);
    }

    #[test]
    fn arbitrary_strings(s in "\\PC*") {
        let _ = read_document(&s);
        let _ = parse_reference(&s);
    }

    #[test]
    fn every_entry_is_kept(n in 1usize..40) {
        // one entry per line, some unparseable: nothing may be dropped
        let text: String = (1..=n)
            .map(|i| if i % 3 == 0 { format!("{i}. ???\n") } else { format!("{i}. Brown J. ({}) T{i}. S.\n", 1990 + i) })
            .collect();
        let doc = read_document(&text).unwrap();
        prop_assert_eq!(doc.references.len(), n);
    }
}

/// One plausible list line body, ASCII so normalisation leaves it alone.
fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Brown J. (2017) Title. Source, no 3, pp. 42-65.".to_string()),
        Just("Kraus E. (2018) Abe. GlobalAsia, September 9, 2018. Available".to_string()),
        Just("at: https://x.org/a, accessed 31.01.2019.".to_string()),
        Just("and continued text,".to_string()),
        Just("???".to_string()),
        "[a-zA-Z ,.()0-9:-]{0,60}",
    ]
}

fn alnum(s: &str) -> usize {
    s.chars().filter(|c| c.is_ascii_alphanumeric()).count()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Nothing is dropped: every letter and digit of the entries' bodies ends up in some
    /// reference's raw text, whatever was joined or left unparsed; indexes are positions.
    #[test]
    fn nothing_is_dropped(bodies in prop::collection::vec(body(), 1..25), numbered in any::<bool>()) {
        let text: String = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| if numbered { format!("{}. {b}\n", i + 1) } else { format!("{b}\n") })
            .collect();
        if let Ok(doc) = read_document(&text) {
            let kept: usize = doc.references.iter().map(|r| alnum(&r.raw)).sum();
            let labels: usize = doc
                .references
                .iter()
                .filter_map(|r| r.number)
                .map(|n| n.to_string().len())
                .sum();
            let given = alnum(&text);
            // labels are read into `number`; a repaired split also drops its own label
            prop_assert!(kept + labels <= given);
            let dropped_labels: usize = (1..=bodies.len()).map(|n| n.to_string().len()).sum();
            prop_assert!(kept + dropped_labels >= given || !numbered, "kept {kept} of {given}");
            let splits = doc.warnings.iter().any(|w| w.code == citegraph::WarningCode::SplitEntry);
            if !numbered && !splits {
                prop_assert_eq!(kept + labels, given);
            }
            for (i, r) in doc.references.iter().enumerate() {
                prop_assert_eq!(r.index, i + 1);
                for w in doc.warnings.iter().filter_map(|w| w.reference) {
                    prop_assert!(w >= 1 && w <= doc.references.len());
                }
            }
        }
    }
}

#[test]
fn long_lines_and_boundaries() {
    let big = "Стрельцов Д.В. (2017) ".repeat(2000) + &"é".repeat(5000);
    let (r, w) = parse_reference(&big);
    assert_eq!(r.raw, big);
    assert!(
        w.iter()
            .any(|w| w.code == citegraph::WarningCode::OversizedInput)
    );
    let _ = read_document(&big);
    let cut = "1. ".to_string() + &"a\u{301}".repeat(3000);
    let _ = read_document(&cut);
}
