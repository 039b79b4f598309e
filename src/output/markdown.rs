use std::fmt::Write;

use crate::analysis::Analysis;
use crate::model::{PersonName, Style};

/// The analysis as a Markdown report for a person to read: the citing article, the references
/// as parsed, the persons with their spellings and why they were merged, the sources, the
/// metrics and the warnings.
///
/// ```
/// let analysis = citegraph::analyze("1. Brown J. (2017) Title. The Diplomat.\n").unwrap();
/// let md = citegraph::to_markdown(&analysis);
/// assert!(md.contains("## References"));
/// assert!(md.contains("Brown J."));
/// ```
pub fn to_markdown(a: &Analysis) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write_report(&mut out, a);
    out
}

fn names(list: &[PersonName]) -> String {
    list.iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn write_report(out: &mut String, a: &Analysis) -> std::fmt::Result {
    let doc = &a.document;
    let art = &doc.article;
    let res = &a.resolution;
    let m = &a.metrics;
    writeln!(
        out,
        "# {}\n",
        art.title.as_deref().unwrap_or("Reference list analysis")
    )?;
    if !art.authors.is_empty() {
        writeln!(out, "- **Authors:** {}", names(&art.authors))?;
    }
    if let Some(source) = &art.source {
        writeln!(out, "- **Source:** {source}")?;
    }
    if let Some(year) = art.year {
        writeln!(out, "- **Year:** {year}")?;
    }
    writeln!(out, "- **References:** {}", m.references)?;
    if let Some((style, n)) = Style::dominant(&doc.references) {
        writeln!(
            out,
            "- **Style:** {} ({n} of {} references)",
            style.as_str(),
            doc.references.len()
        )?;
    }
    writeln!(out)?;

    writeln!(out, "## References\n")?;
    writeln!(
        out,
        "| # | No. | Authors / editors | Year | Title | Source | Kind | Style | Lang |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|---|---|---|")?;
    for (r, source) in doc.references.iter().zip(&res.reference_source) {
        let mut people = names(&r.authors);
        if !r.editors.is_empty() {
            if !people.is_empty() {
                people.push_str("; ");
            }
            people.push_str(&format!("{} (eds.)", names(&r.editors)));
        }
        let source = source
            .and_then(|s| res.sources.get(s.0))
            .map(|s| s.name.as_str())
            .unwrap_or("");
        let title = if r.parsed {
            r.title.clone().unwrap_or_default()
        } else {
            format!("*unparsed:* {}", r.raw)
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            r.index,
            r.number.map(|n| n.to_string()).unwrap_or_default(),
            cell(&people),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            cell(&title),
            cell(source),
            r.kind.as_str(),
            r.style.map(Style::as_str).unwrap_or(""),
            r.language.as_deref().unwrap_or(""),
        )?;
    }

    // A bilingual page's other list (the Cyrillic entries) is folded into the references
    // above; the entries as printed there are kept here, so the report loses none of them.
    if doc.references.iter().any(|r| r.alternate.is_some()) {
        writeln!(out, "\n## The same works in the other list\n")?;
        writeln!(out, "| # | No. | As printed |")?;
        writeln!(out, "|---|---|---|")?;
        for r in &doc.references {
            if let Some(alt) = &r.alternate {
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    r.index,
                    alt.number.map(|n| n.to_string()).unwrap_or_default(),
                    cell(&alt.raw),
                )?;
            }
        }
    }

    writeln!(out, "\n## Persons\n")?;
    for p in &res.persons {
        let refs: Vec<String> = p
            .mentions
            .iter()
            .filter_map(|&i| res.mentions.get(i))
            .filter(|m| !m.alternate)
            .map(|m| {
                m.work
                    .map_or_else(|| "article".to_string(), |w| w.to_string())
            })
            .collect();
        write!(
            out,
            "- **{}** ({}) — references: {}",
            p.name,
            p.id,
            refs.join(", ")
        )?;
        if p.variants.len() > 1 {
            write!(out, "; spellings: {}", p.variants.join(", "))?;
        }
        writeln!(out)?;
        for e in p.evidence.iter().filter(|e| e.a != e.b) {
            writeln!(
                out,
                "  - merged '{}' with '{}': {}",
                e.b, e.a, e.explanation
            )?;
        }
    }

    writeln!(out, "\n## Sources\n")?;
    for s in &res.sources {
        let refs: Vec<String> = s.references.iter().map(|r| r.to_string()).collect();
        write!(
            out,
            "- **{}** ({}) — references: {}",
            s.name,
            s.id,
            if refs.is_empty() {
                "none (the citing article's source)".into()
            } else {
                refs.join(", ")
            }
        )?;
        if s.variants.len() > 1 || s.variants.first().is_some_and(|v| *v != s.name) {
            write!(out, "; printed as: {}", s.variants.join(" / "))?;
        }
        writeln!(out)?;
    }

    writeln!(out, "\n## Metrics\n")?;
    let sc = &m.self_citation;
    writeln!(out, "| Metric | Value |\n|---|---|")?;
    writeln!(
        out,
        "| Author self-citations | {} ({:.1}%) {:?} |",
        sc.author.count,
        sc.author.share * 100.0,
        sc.author.references
    )?;
    writeln!(
        out,
        "| Journal self-citations | {} ({:.1}%) |",
        sc.journal.count,
        sc.journal.share * 100.0
    )?;
    let d = &m.source_diversity;
    writeln!(
        out,
        "| Distinct sources | {} of {} |",
        d.distinct_sources, d.sources
    )?;
    writeln!(out, "| Shannon entropy (nats) | {:.4} |", d.shannon)?;
    if let Some(j) = d.pielou_evenness {
        writeln!(out, "| Pielou evenness | {j:.4} |")?;
    }
    writeln!(out, "| Simpson Σp² | {:.4} |", d.simpson_sum_p2)?;
    writeln!(out, "| Gini–Simpson | {:.4} |", d.gini_simpson)?;
    writeln!(
        out,
        "| Hill numbers (q = 0, 1, 2) | {:.0}, {:.3}, {:.3} |",
        d.hill_0, d.hill_1_effective_sources, d.hill_2_effective_sources
    )?;
    writeln!(out, "| Top source share | {:.4} |", d.top_source_share)?;
    for (lang, share) in &m.language_share {
        writeln!(out, "| Language {lang} | {:.1}% |", share * 100.0)?;
    }
    for (kind, n) in &m.kind_counts {
        writeln!(out, "| Kind {kind} | {n} |")?;
    }
    if let Some(age) = &m.reference_age {
        writeln!(
            out,
            "| Median reference age (years, citing year {}) | {} |",
            age.citing_year, age.median_age_years
        )?;
        writeln!(
            out,
            "| Price index (≤ 5 years) | {:.4} |",
            age.price_index_5y
        )?;
    }

    writeln!(out, "\n## Warnings\n")?;
    if a.warnings.is_empty() {
        writeln!(out, "None.")?;
    }
    for w in &a.warnings {
        let at = w
            .reference
            .map_or_else(|| "document".to_string(), |r| format!("reference {r}"));
        writeln!(out, "- `{}` ({at}): {}", w.code, w.message)?;
    }
    Ok(())
}
