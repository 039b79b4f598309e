//! Field-level evaluation of `citegraph::parse_reference` on public annotated reference data.
//!
//! ```text
//! cargo run --release --example evaluate [-- --dataset anystyle|grobid|all] [--errors N] [--data DIR] [--rules]
//! ```
//!
//! Reads AnyStyle's `gold.xml` (minus the sequences also in its training set `core.xml`) and
//! GROBID's citation evaluation sets and training corpus (reported apart) from `../shared/data`
//! beside the crate (or `--data DIR`), parses every raw reference string and prints a Markdown
//! table of precision, recall, F1 and support per dataset and field (authors' family names,
//! title, container, year, volume, issue, pages, DOI), references per second, and the matching
//! rule; `--rules` measures the rule parser alone (`parse_reference_rules`). `--errors N` lists
//! up to N mismatches per field; `--show-gold N` prints the first N gold
//! records as the loader read them. When the data is absent it prints a note and exits 0, so CI
//! can run every example on a bare checkout.
//!
//! The loaders are in `evaluate/gold.rs` (with the per-dataset field mapping), the matching rule
//! and scoring in `evaluate/score.rs`, the small XML reader in `evaluate/xml.rs`;
//! `tests/eval_floor.rs` includes the same files to hold F1 floors in CI.

#[path = "evaluate/gold.rs"]
mod gold;
#[path = "evaluate/score.rs"]
mod score;
#[path = "evaluate/xml.rs"]
mod xml;

use std::path::PathBuf;
use std::process::ExitCode;

/// The default data folder: `../shared/data` beside the crate.
const DEFAULT_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");

const USAGE: &str = "usage: evaluate [--dataset anystyle|grobid|all] [--errors N] [--data DIR] [--show-gold N] [--rules]";

fn main() -> ExitCode {
    let mut dataset = "all".to_string();
    let mut errors = 0usize;
    let mut show_gold = 0usize;
    let mut data = PathBuf::from(DEFAULT_DATA);
    let mut rules_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = || inline.clone().or_else(|| args.next());
        match flag.as_str() {
            "--dataset" => match value() {
                Some(v) if ["anystyle", "grobid", "all"].contains(&v.as_str()) => dataset = v,
                _ => return usage_error("--dataset takes anystyle, grobid or all"),
            },
            "--errors" => match value().and_then(|v| v.parse().ok()) {
                Some(n) => errors = n,
                None => return usage_error("--errors takes a number"),
            },
            "--show-gold" => match value().and_then(|v| v.parse().ok()) {
                Some(n) => show_gold = n,
                None => return usage_error("--show-gold takes a number"),
            },
            "--data" => match value() {
                Some(v) => data = PathBuf::from(v),
                None => return usage_error("--data takes a folder"),
            },
            "--rules" => rules_only = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => return usage_error(&format!("unknown argument {other}")),
        }
    }

    if !data.is_dir() {
        println!(
            "note: evaluation data not found at {}; nothing to evaluate (see the README's \
             \"Evaluation\" section for where it comes from).",
            data.display()
        );
        return ExitCode::SUCCESS;
    }

    let mut reports = Vec::new();
    if dataset == "anystyle" || dataset == "all" {
        match gold::load_anystyle(&data.join("anystyle")) {
            Ok(set) => {
                print_gold(&set, show_gold);
                reports.push(score::evaluate(&set, errors, rules_only));
            }
            Err(e) => println!("note: AnyStyle gold skipped: {e}"),
        }
    }
    if dataset == "grobid" || dataset == "all" {
        for sub in ["evaluation", "corpus"] {
            match gold::load_grobid(&data.join("grobid-citation"), sub) {
                Ok(set) => {
                    print_gold(&set, show_gold);
                    reports.push(score::evaluate(&set, errors, rules_only));
                }
                Err(e) => println!("note: GROBID {sub} skipped: {e}"),
            }
        }
    }
    if reports.is_empty() {
        println!("note: no dataset could be read under {}", data.display());
        return ExitCode::SUCCESS;
    }
    print!("{}", score::markdown(&reports, errors));
    ExitCode::SUCCESS
}

/// Prints the first `n` gold records of `set` (the loader's reading of the annotations), one per
/// line, for auditing the field mapping.
fn print_gold(set: &gold::Dataset, n: usize) {
    for r in set.records.iter().take(n) {
        println!(
            "{}\n  raw: {}\n  authors: {:?} | title: {:?} | container: {:?} | year: {:?} | \
             volume: {:?} | issue: {:?} | pages: {:?} | doi: {:?}",
            r.source,
            r.raw,
            r.authors,
            r.title,
            r.container,
            r.year,
            r.volume,
            r.issue,
            r.pages,
            r.doi
        );
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}\n{USAGE}");
    ExitCode::from(2)
}
