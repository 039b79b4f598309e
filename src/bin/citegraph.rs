//! The `citegraph` command: a thin shell over the library.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

// The analysis allocates many small strings; mimalloc serves them faster than the system
// allocator (measured on the 100k-reference benchmark, see the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use citegraph::names::{NameKey, NameMatcher, cluster_names, parse_name};
use citegraph::{Analysis, Analyzer, JsonReport, to_dot, to_graphml, to_markdown, write_json};

#[derive(Parser)]
#[command(
    name = "citegraph",
    version,
    about = "Citation-graph analysis of scholarly reference lists"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse article pages or reference lists (the bundled seed article when no FILE is given
    /// and nothing is piped in).
    Analyze(AnalyzeArgs),
    /// Persons and name-matching decisions.
    Names(NamesArgs),
}

#[derive(clap::Args, Default)]
struct AnalyzeArgs {
    /// Input files; `-` reads standard input.
    files: Vec<PathBuf>,
    /// Output format (default: markdown on a terminal, json when piped).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// An author of the citing work ("Family I.I."), repeatable; overrides the file.
    #[arg(long = "author", value_name = "NAME")]
    authors: Vec<String>,
    /// The citing work's year, where the file has none.
    #[arg(long)]
    year: Option<i32>,
    /// JSON on one line instead of indented (about half the size for long lists).
    #[arg(long)]
    compact: bool,
    /// How references are read: `hybrid` (rules, then the learned model where their reading
    /// is not clean) or `rules` (up to twice as fast, weaker on unusual entries).
    #[arg(long, value_enum, default_value_t = ParserChoice::Hybrid)]
    parser: ParserChoice,
}

#[derive(Clone, Copy, Default, ValueEnum)]
enum ParserChoice {
    #[default]
    Hybrid,
    Rules,
}

impl From<ParserChoice> for citegraph::Parser {
    fn from(p: ParserChoice) -> citegraph::Parser {
        match p {
            ParserChoice::Hybrid => citegraph::Parser::Hybrid,
            ParserChoice::Rules => citegraph::Parser::Rules,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
    Dot,
    Graphml,
}

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
struct NamesArgs {
    #[command(subcommand)]
    command: Option<NamesCommand>,
    /// Explain the decision for one pair of names.
    #[arg(long, num_args = 2, value_names = ["NAME", "NAME"])]
    pair: Option<Vec<String>>,
    /// An analysed input whose persons to list, with their spellings and evidence.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum NamesCommand {
    /// Decide `name<TAB>name` lines: writes `same|different<TAB>score<TAB>rule` per line.
    Pairs {
        /// The pairs file; `-` reads standard input.
        file: PathBuf,
    },
    /// Cluster one name per line: writes `cluster_id<TAB>name` per line, in input order.
    Cluster {
        /// The names file; `-` reads standard input.
        file: PathBuf,
    },
}

/// A failure that ends the command with exit status 2 and one line on standard error.
struct Failure(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        // A bare `citegraph` (`cargo run --release`) always shows the bundled seed: it never
        // waits on standard input, which a harness may hold open without writing to it.
        None => analyze(AnalyzeArgs {
            files: vec![PathBuf::from(SEED)],
            ..AnalyzeArgs::default()
        }),
        Some(Command::Analyze(args)) => analyze(args),
        Some(Command::Names(args)) => names(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("citegraph: {message}");
            ExitCode::from(2)
        }
    }
}

/// The name under which the bundled seed article is read in place of a file.
const SEED: &str = "<bundled seed article>";

fn read_input(path: &Path) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    if path == Path::new(SEED) {
        bytes.extend_from_slice(citegraph::SEED_ARTICLE.as_bytes());
    } else if path == Path::new("-") {
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Failure(format!("standard input: {e}")))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    }
    Ok(bytes)
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".into()
    } else {
        path.display().to_string()
    }
}

/// A spinner on standard error that appears only on a terminal and only after a second.
fn delayed_spinner() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    if io::stderr().is_terminal() {
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
            bar.set_style(style);
        }
        let later = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(1));
            if !later.is_finished() {
                later.set_draw_target(ProgressDrawTarget::stderr());
                later.enable_steady_tick(Duration::from_millis(120));
            }
        });
    }
    bar
}

fn analyze(args: AnalyzeArgs) -> Result<(), Failure> {
    let format = args.format.unwrap_or(if io::stdout().is_terminal() {
        Format::Markdown
    } else {
        Format::Json
    });
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    if args.files.is_empty() {
        if io::stdin().is_terminal() {
            inputs.push((
                "bundled seed article".into(),
                citegraph::SEED_ARTICLE.as_bytes().to_vec(),
            ));
        } else {
            let bytes = read_input(Path::new("-"))?;
            if bytes.is_empty() {
                inputs.push((
                    "bundled seed article".into(),
                    citegraph::SEED_ARTICLE.as_bytes().to_vec(),
                ));
            } else {
                inputs.push(("standard input".into(), bytes));
            }
        }
    } else {
        for path in &args.files {
            inputs.push((display_name(path), read_input(path)?));
        }
    }
    let mut analyses: Vec<Analysis> = Vec::with_capacity(inputs.len());
    for (name, bytes) in &inputs {
        let spinner = delayed_spinner();
        spinner.set_message(format!("{name}: reading"));
        let mut analyzer = Analyzer::new()
            .parser(args.parser.into())
            .on_progress(|p| spinner.set_message(format!("{name}: {} done", p.stage)));
        for author in &args.authors {
            analyzer = analyzer
                .author(author)
                .map_err(|e| Failure(format!("--author: {e}")))?;
        }
        if let Some(year) = args.year {
            analyzer = analyzer.year(year);
        }
        let analysis = analyzer
            .analyze_bytes(bytes)
            .map_err(|e| Failure(format!("{name}: {e}")))?;
        spinner.finish_and_clear();
        analyses.push(analysis);
    }
    let text = match format {
        Format::Json => return write_json_out(&analyses, args.compact),
        Format::Markdown => analyses
            .iter()
            .map(to_markdown)
            .collect::<Vec<_>>()
            .join("\n---\n\n"),
        Format::Dot => analyses.iter().map(to_dot).collect::<Vec<_>>().join("\n"),
        Format::Graphml => analyses
            .iter()
            .map(to_graphml)
            .collect::<Vec<_>>()
            .join("\n"),
    };
    write_out(&text)
}

/// JSON goes straight to standard output: one object, or an array for several inputs.
fn write_json_out(analyses: &[Analysis], compact: bool) -> Result<(), Failure> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let result = match (analyses, compact) {
        ([one], false) => write_json(one, &mut out),
        ([one], true) => {
            serde_json::to_writer(&mut out, &JsonReport::from(one)).map_err(io::Error::from)
        }
        (many, compact) => {
            let reports: Vec<JsonReport> = many.iter().map(JsonReport::from).collect();
            if compact {
                serde_json::to_writer(&mut out, &reports).map_err(io::Error::from)
            } else {
                serde_json::to_writer_pretty(&mut out, &reports).map_err(io::Error::from)
            }
        }
    };
    finish_output(
        result
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush()),
    )
}

fn finish_output(result: io::Result<()>) -> Result<(), Failure> {
    match result {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure(format!("standard output: {e}"))),
    }
}

fn write_out(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    let result = out.write_all(text.as_bytes()).and_then(|()| {
        if text.ends_with('\n') {
            Ok(())
        } else {
            out.write_all(b"\n")
        }
    });
    finish_output(result)
}

fn parse_or_fail(name: &str, at: &str) -> Result<NameKey, Failure> {
    parse_name(name)
        .map(|n| NameKey::new(&n))
        .ok_or_else(|| Failure(format!("{at}: cannot read {name:?} as a person's name")))
}

fn names(args: NamesArgs) -> Result<(), Failure> {
    let matcher = NameMatcher::default();
    if let Some(pair) = args.pair {
        let (a, b) = (
            parse_or_fail(&pair[0], "--pair")?,
            parse_or_fail(&pair[1], "--pair")?,
        );
        let d = matcher.compare(&a, &b);
        let verdict = if d.same { "same" } else { "different" };
        return write_out(&format!(
            "{verdict}\t{:.4}\t{}\n{}\n",
            d.score,
            d.rule.as_str(),
            d.explain(&a, &b)
        ));
    }
    match args.command {
        Some(NamesCommand::Pairs { file }) => {
            let bytes = read_input(&file)?;
            let text = String::from_utf8_lossy(&bytes);
            let mut out = String::new();
            for (n, line) in text.lines().enumerate() {
                let at = format!("{}: line {}", display_name(&file), n + 1);
                let Some((a, b)) = line.split_once('\t') else {
                    return Err(Failure(format!("{at}: expected name<TAB>name")));
                };
                let b = b.split('\t').next().unwrap_or(b);
                let d = matcher.compare(&parse_or_fail(a, &at)?, &parse_or_fail(b, &at)?);
                out.push_str(&format!(
                    "{}\t{:.4}\t{}\n",
                    if d.same { "same" } else { "different" },
                    d.score,
                    d.rule.as_str()
                ));
            }
            write_out(&out)
        }
        Some(NamesCommand::Cluster { file }) => {
            let bytes = read_input(&file)?;
            let text = String::from_utf8_lossy(&bytes);
            let spinner = delayed_spinner();
            spinner.set_message("clustering names");
            let mut kept = Vec::new();
            let mut lines = Vec::new();
            for (n, line) in text.lines().enumerate() {
                let name = parse_name(line).ok_or_else(|| {
                    Failure(format!(
                        "{}: line {}: cannot read {line:?} as a person's name",
                        display_name(&file),
                        n + 1
                    ))
                })?;
                kept.push(name);
                lines.push(line);
            }
            let clusters = cluster_names(&kept, &matcher);
            spinner.finish_and_clear();
            let mut out = String::with_capacity(text.len() + lines.len() * 8);
            for (line, c) in lines.iter().zip(&clusters.assignment) {
                out.push_str(&format!("{c}\t{line}\n"));
            }
            write_out(&out)
        }
        None => {
            let Some(file) = args.file else {
                return Err(Failure(
                    "names: give FILE, --pair NAME NAME, `pairs FILE` or `cluster FILE`".into(),
                ));
            };
            let bytes = read_input(&file)?;
            let analysis = Analyzer::new()
                .analyze_bytes(&bytes)
                .map_err(|e| Failure(format!("{}: {e}", display_name(&file))))?;
            let mut out = String::new();
            let res = &analysis.resolution;
            for p in &res.persons {
                let refs: Vec<String> = p
                    .mentions
                    .iter()
                    .filter_map(|&m| res.mentions.get(m))
                    .filter(|m| !m.alternate)
                    .map(|m| m.work.map_or_else(|| "article".into(), |w| w.to_string()))
                    .collect();
                out.push_str(&format!(
                    "{}\t{}\t{}\t[{}]\n",
                    p.id,
                    p.name,
                    p.variants.join(" | "),
                    refs.join(", ")
                ));
                for e in p.evidence.iter().filter(|e| e.a != e.b) {
                    out.push_str(&format!("\t{} ~ {}\t{}\n", e.a, e.b, e.explanation));
                }
            }
            write_out(&out)
        }
    }
}
