//! Writes every parse and analysis of a fixed corpus, so a refactor can be checked to change
//! nothing: run it before and after, and compare the two files byte for byte.
//!
//! ```text
//! cargo run --release --example dump_parses -- before.txt
//! # … change the code …
//! cargo run --release --example dump_parses -- after.txt
//! cmp before.txt after.txt
//! ```
//!
//! The corpus: 21,000 generated mixed-style and 9,000 seed-style references
//! (`tests/common/generate.rs`), every line of the files in `tests/data`, the bundled seed
//! page, and — when `../shared/data` is present — the raw strings of AnyStyle's `gold.xml` and
//! `core.xml` and of GROBID's citation corpus and evaluation sets. Each reference is written
//! with both parsers' results (`parse_reference_rules`, `parse_reference`); each document in
//! `tests/data` and the seed page with `read_document`, and its analysis as JSON and Markdown.
//! Without a file argument it writes nothing and only counts, so CI can run it.
//!
//! Performance work on the parsers used this check at every step (44,000 references, the
//! AnyStyle and GROBID strings included).

#[path = "../tests/common/generate.rs"]
mod generate;
#[allow(dead_code)]
#[path = "evaluate/gold.rs"]
mod gold;
#[allow(dead_code)]
#[path = "evaluate/xml.rs"]
mod xml;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The raw reference strings of the public data under `dir`, in a fixed order.
fn public_strings(dir: &Path) -> Vec<String> {
    let mut raws = Vec::new();
    for file in ["anystyle/gold.xml", "anystyle/core.xml"] {
        let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
            continue;
        };
        if let Ok(root) = xml::parse(&text) {
            raws.extend(
                root.descendants("sequence")
                    .into_iter()
                    .map(gold::anystyle_raw),
            );
        }
    }
    for sub in ["corpus", "evaluation"] {
        let Ok(entries) = std::fs::read_dir(dir.join("grobid-citation").join(sub)) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if let Ok(root) = xml::parse(&text) {
                raws.extend(
                    root.descendants("bibl")
                        .into_iter()
                        .map(|b| gold::grobid_record(b).raw),
                );
            }
        }
    }
    raws
}

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut raws = Vec::new();
    for seed in [13u64, 1, 2, 3, 7, 42, 99] {
        let mut rng = generate::Rng::new(seed);
        raws.extend((0..3000).map(|_| generate::mixed_reference(&mut rng)));
    }
    for seed in [11u64, 5, 17] {
        let mut rng = generate::Rng::new(seed);
        raws.extend((0..3000).map(|_| generate::reference(&mut rng)));
    }
    raws.extend(public_strings(&root.join("../shared/data")));
    let mut documents = vec![citegraph::SEED_ARTICLE.to_string()];
    if let Ok(entries) = std::fs::read_dir(root.join("tests/data")) {
        let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        documents.extend(files.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    for d in &documents {
        raws.extend(
            d.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }

    let Some(path) = std::env::args().nth(1) else {
        println!(
            "{} references and {} documents; pass a file to write their parses to",
            raws.len(),
            documents.len()
        );
        return ExitCode::SUCCESS;
    };
    let file = match std::fs::File::create(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::BufWriter::new(file);
    let written = (|| -> std::io::Result<()> {
        for r in &raws {
            writeln!(out, "RAW {r:?}")?;
            writeln!(out, "R {:?}", citegraph::parse_reference_rules(r))?;
            writeln!(out, "H {:?}", citegraph::parse_reference(r))?;
        }
        for d in &documents {
            writeln!(out, "DOC {:?}", citegraph::read_document(d))?;
            match citegraph::analyze(d) {
                Ok(a) => {
                    writeln!(out, "{}", citegraph::to_json(&a))?;
                    writeln!(out, "{}", citegraph::to_markdown(&a))?;
                }
                Err(e) => writeln!(out, "ERR {e}")?,
            }
        }
        out.flush()
    })();
    match written {
        Ok(()) => {
            println!(
                "{} references, {} documents -> {path}",
                raws.len(),
                documents.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
