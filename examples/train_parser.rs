//! Trains citegraph's reference-field model and writes it where the crate bundles it.
//!
//! ```text
//! cargo run --release --example train_parser [-- --data DIR] [--out FILE] [--epochs N]
//!     [--min-count N] [--anystyle-only] [--check]
//! ```
//!
//! Reads AnyStyle's annotated training set `core.xml` from `DIR/anystyle` (default
//! `../shared/data` beside the crate) and GROBID's citation training corpus from
//! `DIR/grobid-citation/corpus` (left out with `--anystyle-only`), trains a [`citegraph::SequenceModel`] with the default
//! [`citegraph::TrainOptions`] (deterministic: the same data gives the same bytes) and writes
//! it to `data/reference-model.bin` (or `--out`), the file `SequenceModel::bundled` includes.
//! Rebuild the crate afterwards to ship it. AnyStyle's `gold.xml` is the test set and is never
//! read here. `--check` trains in memory and only reports whether the bundled model is what
//! this data and code produce (exit 1 when it is not). When the data is absent it prints a note and exits 0, so CI can
//! run every example on a bare checkout.

#[path = "evaluate/xml.rs"]
mod xml;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use citegraph::{FieldLabel, SequenceModel, TrainOptions, TrainingExample};

const DEFAULT_DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");
const DEFAULT_OUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/reference-model.bin");

fn main() -> ExitCode {
    let mut data = PathBuf::from(DEFAULT_DATA);
    let mut out = PathBuf::from(DEFAULT_OUT);
    let mut options = TrainOptions::default();
    let mut check = false;
    let mut with_grobid = true;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => match args.next() {
                Some(d) => data = PathBuf::from(d),
                None => return usage("--data takes a folder"),
            },
            "--out" => match args.next() {
                Some(f) => out = PathBuf::from(f),
                None => return usage("--out takes a file"),
            },
            "--min-count" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => options.min_count = n,
                None => return usage("--min-count takes a number"),
            },
            "--epochs" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => options.epochs = n,
                None => return usage("--epochs takes a number"),
            },
            "--check" => check = true,
            "--anystyle-only" => with_grobid = false,
            _ => return usage(&format!("unknown argument {arg:?}")),
        }
    }
    let core = data.join("anystyle/core.xml");
    let text = match std::fs::read_to_string(&core) {
        Ok(t) => t,
        Err(e) => {
            println!("{}: {e}; nothing to train on (skipped)", core.display());
            return ExitCode::SUCCESS;
        }
    };
    let root = match xml::parse(&text) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}: {e}", core.display());
            return ExitCode::from(2);
        }
    };
    let mut examples = anystyle_examples(&root);
    if with_grobid {
        let before = examples.len();
        examples.extend(grobid_examples(&data.join("grobid-citation/corpus")));
        println!(
            "+ {} references from the GROBID corpus",
            examples.len() - before
        );
    }
    let started = Instant::now();
    let model = SequenceModel::train(&examples, &options);
    let bytes = model.to_bytes();
    println!(
        "trained on {} references in {:.1} s: {} features, {} bytes",
        examples.len(),
        started.elapsed().as_secs_f64(),
        model.feature_count(),
        bytes.len()
    );
    if check {
        // Fails when the feature code or the data changed without a retrain, so CI notices a
        // bundled model that no longer matches what the documented command builds.
        if SequenceModel::bundled().to_bytes() == bytes {
            println!("the bundled model is what this data and code train");
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "the bundled model differs from what this data and code train: \
             run `cargo run --release --example train_parser` and commit data/reference-model.bin"
        );
        return ExitCode::FAILURE;
    }
    match std::fs::write(&out, &bytes) {
        Ok(()) => {
            println!("wrote {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

/// One training example per `<sequence>`: each child element is a segment labelled by its
/// name; unknown elements are skipped.
fn anystyle_examples(root: &xml::Element) -> Vec<TrainingExample> {
    root.descendants("sequence")
        .into_iter()
        .map(|seq| TrainingExample {
            segments: seq
                .elements()
                .filter_map(|e| {
                    let label = FieldLabel::from_name(&e.name)?;
                    let text = xml::collapse_whitespace(&e.text());
                    (!text.is_empty()).then_some((label, text))
                })
                .collect(),
        })
        .filter(|ex| !ex.segments.is_empty())
        .collect()
}

fn usage(why: &str) -> ExitCode {
    eprintln!("train_parser: {why}");
    eprintln!(
        "usage: train_parser [--data DIR] [--out FILE] [--epochs N] [--min-count N] [--anystyle-only] [--check]"
    );
    ExitCode::from(2)
}

/// One training example per TEI `<bibl>` of GROBID's training corpus. Elements map to labels
/// (`title` by its level, `biblScope` by its unit); text between elements is GROBID's
/// unlabelled glue: its leading punctuation joins the field before it, as AnyStyle annotates,
/// and its words ("Vol.", "pp.", "In") join the field after it.
fn grobid_examples(folder: &std::path::Path) -> Vec<TrainingExample> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(root) = xml::parse(&text) else {
            continue;
        };
        for bibl in root.descendants("bibl") {
            let has_analytic = bibl
                .elements()
                .any(|e| e.name == "title" && e.attr("level") == Some("a"));
            let mut segments: Vec<(Option<FieldLabel>, String)> = Vec::new();
            for node in &bibl.children {
                match node {
                    xml::Node::Text(t) => segments.push((None, t.clone())),
                    xml::Node::Element(e) if e.name == "lb" => {}
                    xml::Node::Element(e) => {
                        segments.push((Some(grobid_label(e, has_analytic)), e.text()))
                    }
                }
            }
            let mut example = TrainingExample::default();
            for i in 0..segments.len() {
                let (label, text) = &segments[i];
                match label {
                    Some(l) => push_words(&mut example, *l, text),
                    None => {
                        let before = segments[..i].iter().rev().find_map(|s| s.0);
                        let after = segments[i + 1..].iter().find_map(|s| s.0);
                        for w in text.split_whitespace() {
                            let glue = !w.chars().any(char::is_alphanumeric);
                            let l = match (glue, before, after) {
                                (true, Some(b), _) | (false, Some(b), None) => b,
                                (_, _, Some(a)) => a,
                                (_, None, None) => FieldLabel::Note,
                            };
                            push_words(&mut example, l, w);
                        }
                    }
                }
            }
            if !example.segments.is_empty() {
                out.push(example);
            }
        }
    }
    out
}

fn push_words(example: &mut TrainingExample, label: FieldLabel, text: &str) {
    let text = xml::collapse_whitespace(text);
    if text.is_empty() {
        return;
    }
    match example.segments.last_mut() {
        Some((l, s)) if *l == label => {
            s.push(' ');
            s.push_str(&text);
        }
        _ => example.segments.push((label, text)),
    }
}

fn grobid_label(e: &xml::Element, has_analytic: bool) -> FieldLabel {
    let unit = e.attr("unit").or_else(|| e.attr("type")).unwrap_or("");
    match (e.name.as_str(), e.attr("level").unwrap_or("")) {
        ("title", "a") => FieldLabel::Title,
        ("title", "j") => FieldLabel::Journal,
        ("title", "m") if has_analytic => FieldLabel::ContainerTitle,
        ("title", "s") => FieldLabel::CollectionTitle,
        ("title", _) => FieldLabel::Title,
        ("author", _) => FieldLabel::Author,
        ("editor", _) => FieldLabel::Editor,
        ("date", _) => FieldLabel::Date,
        ("biblscope", _) if matches!(unit, "page" | "pp") => FieldLabel::Pages,
        ("biblscope", _) => FieldLabel::Volume,
        ("publisher", _) | ("orgname", _) | ("institution", _) => FieldLabel::Publisher,
        ("pubplace", _) => FieldLabel::Location,
        ("idno", _) if unit.eq_ignore_ascii_case("doi") => FieldLabel::Doi,
        ("ptr", _) | ("ref", _) => FieldLabel::Url,
        ("note", _) => FieldLabel::Note,
        _ => FieldLabel::Other,
    }
}
