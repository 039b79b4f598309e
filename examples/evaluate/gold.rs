//! Loading the public gold data into one shape, [`GoldRecord`].
//!
//! * **AnyStyle** (`anystyle/gold.xml`, BSD-2-Clause): one `<sequence>` per reference, one element
//!   per field with the text as printed. The 209 sequences whose full text also occurs verbatim
//!   in `anystyle/core.xml` (AnyStyle's training set) are dropped. The raw string is the texts of
//!   the sequence's elements (trimmed) joined with one space; the same string decides overlap.
//!   Fields: authors from `<author>`; title from `<title>`; container from `<journal>`, else
//!   `<container-title>`, else `<collection-title>`; year from `<date>`; DOI from `<doi>`, else
//!   from a `doi.org` resolver URL in `<url>`; pages from `<pages>`. AnyStyle has no issue
//!   field: its `<volume>` holds what was printed there ("61,", "12(3):", "vol. 3, no. 2",
//!   "2009;108(2):", "n°46."), so volume, issue and — when the sequence has no `<pages>` — pages
//!   are split out of it by [`split_volume`].
//! * **GROBID** (`grobid-citation/`, CC-BY 4.0): every `<bibl>` of `evaluation/*.xml` (dataset
//!   `grobid-evaluation`, GROBID's held-out sets) and of `corpus/*.xml` (dataset
//!   `grobid-corpus`, its training corpus; TEI `<listBibl>` and the older `<citations>` files
//!   alike), reported apart. The raw string is the text content of `<bibl>` with tags removed
//!   (`<lb/>` as a space) and whitespace collapsed. Fields: authors from every `<author>`
//!   element; title from `<title level="a">`, else `level="m"`; container from `level="j"`, else
//!   `level="m"` when there is also a `level="a"` title, else `level="s"` (a series —
//!   citegraph's `container` covers series); year from the first `<date>`; volume, issue, pages
//!   from the first `<biblScope>` whose `unit` (or older `type`) is `volume`/`vol`, `issue`,
//!   `page`/`pp`/`pages`; DOI from `<idno type="DOI">`, else from a `doi.org` resolver URL in
//!   `<ptr type="web">`. Where a field occurs more than once the first occurrence is gold.
//!
//! Both corpora give the authors of a reference as one printed string ("Bergk, V., Haefeli, W. E.
//! & Martin- Facklam, M."; "F. Berruto, L. Giusti and C. Rebbi"), so the family names are taken
//! out of it by [`family_names`], a rule-based splitter documented there. Its output is the gold
//! for the authors field; it is checked by unit tests in `tests/eval_floor.rs`.
//!
//! Records that cannot be used (no text at all) are counted in [`Dataset::skipped`], files that
//! cannot be read or parsed in [`Dataset::bad_files`]; nothing panics.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::xml::{self, Element, collapse_whitespace};

/// One annotated reference: its raw text and the gold value of each scored field, as printed
/// (normalisation happens at scoring time, see `score`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldRecord {
    /// Where the record comes from ("gold.xml#12", "corpus/x.tei.xml#3"), for error listings.
    pub source: String,
    /// The reference string handed to the parser.
    pub raw: String,
    /// Family names of the authors, as printed, in order.
    pub authors: Vec<String>,
    /// The work's own title.
    pub title: Option<String>,
    /// Journal, book or series the work appeared in.
    pub container: Option<String>,
    /// The year (four digits found in the gold date).
    pub year: Option<i32>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue or number.
    pub issue: Option<String>,
    /// Pages as printed ("327–335.").
    pub pages: Option<String>,
    /// DOI as printed.
    pub doi: Option<String>,
}

/// A loaded gold set.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Short name for the report ("anystyle-gold", "grobid").
    pub name: String,
    /// The usable records.
    pub records: Vec<GoldRecord>,
    /// Records skipped because they had no text.
    pub skipped: usize,
    /// Records dropped on purpose (AnyStyle gold sequences also in core.xml).
    pub dropped_overlap: usize,
    /// Files read.
    pub files: usize,
    /// Files that could not be read or parsed (with the reason), skipped.
    pub bad_files: Vec<String>,
}

/// Loads AnyStyle's `gold.xml` from `dir` (the `anystyle` folder), dropping the sequences whose
/// raw text also occurs in `core.xml` there. Errors only when `gold.xml` cannot be read.
pub fn load_anystyle(dir: &Path) -> Result<Dataset, String> {
    let gold_path = dir.join("gold.xml");
    let gold_text = fs::read_to_string(&gold_path)
        .map_err(|e| format!("cannot read {}: {e}", gold_path.display()))?;
    let mut dataset = Dataset {
        name: "anystyle-gold".to_string(),
        files: 1,
        ..Dataset::default()
    };
    let core: HashSet<String> = match fs::read_to_string(dir.join("core.xml")) {
        Ok(text) => match xml::parse(&text) {
            Ok(root) => root
                .descendants("sequence")
                .into_iter()
                .map(anystyle_raw)
                .collect(),
            Err(e) => {
                dataset.bad_files.push(format!("core.xml: {e}"));
                HashSet::new()
            }
        },
        Err(e) => {
            dataset.bad_files.push(format!("core.xml: {e}"));
            HashSet::new()
        }
    };
    let root = xml::parse(&gold_text).map_err(|e| format!("gold.xml: {e}"))?;
    for (i, sequence) in root.descendants("sequence").into_iter().enumerate() {
        let raw = anystyle_raw(sequence);
        if raw.is_empty() {
            dataset.skipped += 1;
            continue;
        }
        if core.contains(&raw) {
            dataset.dropped_overlap += 1;
            continue;
        }
        let mut record = anystyle_record(sequence);
        record.source = format!("anystyle/gold.xml#{}", i + 1);
        record.raw = raw;
        dataset.records.push(record);
    }
    Ok(dataset)
}

/// The raw string of an AnyStyle sequence: its elements' texts, trimmed, joined with a space.
pub fn anystyle_raw(sequence: &Element) -> String {
    sequence
        .elements()
        .map(|e| e.text().trim().to_string())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_text(parent: &Element, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        parent
            .elements()
            .filter(|e| e.name == *name)
            .map(|e| collapse_whitespace(&e.text()))
            .find(|t| !t.is_empty())
    })
}

/// The gold fields of one AnyStyle sequence (raw and source are left empty).
pub fn anystyle_record(sequence: &Element) -> GoldRecord {
    let authors = sequence
        .elements()
        .filter(|e| e.name == "author")
        .flat_map(|e| family_names(&e.text()))
        .collect();
    let (volume, issue, volume_pages) = match first_text(sequence, &["volume"]) {
        Some(v) => split_volume(&v),
        None => (None, None, None),
    };
    GoldRecord {
        authors,
        title: first_text(sequence, &["title"]),
        container: first_text(
            sequence,
            &["journal", "container-title", "collection-title"],
        ),
        year: first_text(sequence, &["date"]).and_then(|d| year_in(&d)),
        volume,
        issue,
        pages: first_text(sequence, &["pages"]).or(volume_pages),
        doi: first_text(sequence, &["doi"]).or_else(|| {
            sequence
                .elements()
                .filter(|e| e.name == "url")
                .find_map(|e| doi_from_url(&e.text()))
        }),
        ..GoldRecord::default()
    }
}

/// Loads every `<bibl>` of `dir/<sub>/*.xml` (`dir` is the `grobid-citation` folder, `sub`
/// is `evaluation` or `corpus`), files in name order, as dataset `grobid-<sub>`. Errors only when
/// the folder cannot be listed.
///
/// The two are kept apart because a learned parser may train on the corpus (issue 5 allows it):
/// only the `evaluation` sets are then held out.
pub fn load_grobid(dir: &Path, sub: &str) -> Result<Dataset, String> {
    let mut dataset = Dataset {
        name: format!("grobid-{sub}"),
        ..Dataset::default()
    };
    let folder = dir.join(sub);
    let entries =
        fs::read_dir(&folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    for path in files {
        let label = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .display()
            .to_string();
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                dataset.bad_files.push(format!("{label}: {e}"));
                continue;
            }
        };
        let root = match xml::parse(&text) {
            Ok(r) => r,
            Err(e) => {
                dataset.bad_files.push(format!("{label}: {e}"));
                continue;
            }
        };
        dataset.files += 1;
        for (i, bibl) in root.descendants("bibl").into_iter().enumerate() {
            let raw = collapse_whitespace(&bibl.text());
            if raw.is_empty() {
                dataset.skipped += 1;
                continue;
            }
            let mut record = grobid_record(bibl);
            record.source = format!("grobid-citation/{label}#{}", i + 1);
            record.raw = raw;
            dataset.records.push(record);
        }
    }
    Ok(dataset)
}

/// The gold fields of one TEI `<bibl>` (raw and source are left empty).
pub fn grobid_record(bibl: &Element) -> GoldRecord {
    let text_of = |e: &Element| Some(collapse_whitespace(&e.text())).filter(|t| !t.is_empty());
    let titles = bibl.descendants("title");
    let title_at = |level: &str| {
        titles
            .iter()
            .filter(|t| t.attr("level").or_else(|| t.attr("type")) == Some(level))
            .find_map(|t| text_of(t))
    };
    let (a, m, j, s) = (title_at("a"), title_at("m"), title_at("j"), title_at("s"));
    let container = j
        .or_else(|| if a.is_some() { m.clone() } else { None })
        .or(s);
    let title = a.or(m);
    let scopes = bibl.descendants("biblscope");
    let scope = |units: &[&str]| {
        scopes
            .iter()
            .filter(|b| {
                let unit = b
                    .attr("unit")
                    .or_else(|| b.attr("type"))
                    .or_else(|| b.attr("level"))
                    .unwrap_or("");
                units.contains(&unit.to_ascii_lowercase().as_str())
            })
            .find_map(|b| text_of(b))
    };
    let authors = bibl
        .descendants("author")
        .into_iter()
        .flat_map(|e| family_names(&e.text()))
        .collect();
    let doi = bibl
        .descendants("idno")
        .into_iter()
        .filter(|e| {
            e.attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("doi"))
        })
        .find_map(text_of)
        .or_else(|| {
            bibl.descendants("ptr")
                .into_iter()
                .find_map(|e| doi_from_url(&e.text()))
        });
    GoldRecord {
        authors,
        title,
        container,
        year: bibl
            .descendants("date")
            .into_iter()
            .find_map(|d| year_in(&d.text())),
        volume: scope(&["volume", "vol"]),
        issue: scope(&["issue"]),
        pages: scope(&["page", "pp", "pages"]),
        doi,
        ..GoldRecord::default()
    }
}

/// The DOI in a resolver URL ("http://dx.doi.org/10.1021/am303117g", "https: //doi.org/10…"),
/// from its `10.` on; `None` for any other URL. Whitespace inside the URL is ignored.
pub fn doi_from_url(url: &str) -> Option<String> {
    let compact: String = url.chars().filter(|c| !c.is_whitespace()).collect();
    let at = compact.to_ascii_lowercase().find("doi.org/10.")?;
    Some(compact[at + "doi.org/".len()..].to_string())
}

/// The first four-digit year (1400–2099) standing alone in `s` ("2005," "(2000)" "Mar.,2006"
/// "1993a"), if any.
pub fn year_in(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let year: i32 = chars[start..i].iter().collect::<String>().parse().ok()?;
                if (1400..2100).contains(&year) {
                    return Some(year);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

const VOLUME_LABELS: &[&str] = &[
    "volume", "vols", "vol", "bd", "tome", "tom", "t", "v", "т", "том",
];
const ISSUE_LABELS: &[&str] = &[
    "issue", "iss", "nos", "no", "nr", "n°", "nº", "n", "number", "num", "heft", "h", "№", "вып",
];

/// Splits AnyStyle's `<volume>` text into (volume, issue, pages), each trimmed of labels and
/// punctuation:
///
/// * a part before a `;` is a year ("2009;108(2):" → volume 108, issue 2);
/// * text after the first `:` that contains a digit is pages ("36(2):95–112" → pages "95–112");
/// * an issue is the text in parentheses ("12(3)", "12 (3)") or the text after an issue label
///   ("vol. 3, no. 2", "61, n° 4", "No. 7");
/// * the volume is the first token after an optional volume label ("vol.", "v.", "Bd.", "t.");
///   "5 vols." (a count of volumes) is no volume. A bare second number without a label
///   ("36, 3") is ambiguous and ignored.
pub fn split_volume(printed: &str) -> (Option<String>, Option<String>, Option<String>) {
    let text: String = printed.nfkc().collect();
    let text = text.trim();
    let text = match text.rfind(';') {
        Some(i) if text[i + 1..].chars().any(|c| c.is_ascii_digit()) => &text[i + 1..],
        _ => text,
    };
    let (head, pages) = match text.find(':') {
        Some(i) if text[i + 1..].chars().any(|c| c.is_ascii_digit()) => {
            (&text[..i], clean_token(&text[i + 1..]))
        }
        Some(i) => (&text[..i], None),
        None => (text, None),
    };
    let mut issue = None;
    let mut head = head.to_string();
    if let Some(open) = head.find('(') {
        let close = head[open..].find(')').map(|c| open + c);
        let inner = match close {
            Some(c) => &head[open + 1..c],
            None => &head[open + 1..],
        };
        issue = clean_token(inner);
        let after = close.map(|c| head[c + 1..].to_string()).unwrap_or_default();
        let before = head[..open].to_string();
        head = if before.trim().is_empty() {
            after
        } else {
            before
        };
    }
    // Tokens, splitting "vol.36" and "n°46" into label and value.
    let tokens = label_tokens(&head);
    let mut volume = None;
    let mut seen_issue_label = false;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i].as_str();
        let bare = tok.trim_end_matches('.').to_lowercase();
        let next_is_number = tokens
            .get(i + 1)
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        if ISSUE_LABELS.contains(&bare.as_str()) {
            seen_issue_label = true;
            if issue.is_none() {
                issue = tokens.get(i + 1).and_then(|t| clean_token(t));
            }
            i += 2;
            continue;
        }
        if VOLUME_LABELS.contains(&bare.as_str()) && (!is_roman(tok) || next_is_number) {
            i += 1;
            continue;
        }
        let numberish = tok.chars().any(|c| c.is_ascii_digit()) || is_roman(tok);
        if volume.is_none() && !seen_issue_label && numberish {
            let next_is_count = tokens.get(i + 1).is_some_and(|t| {
                let t = t.trim_end_matches(['.', ',']).to_lowercase();
                t == "vols" || t == "vol"
            });
            if next_is_count {
                // "4 vols." counts volumes; whatever follows ("in 5") is no volume either.
                break;
            }
            volume = clean_token(tok);
        }
        i += 1;
    }
    (volume, issue, pages)
}

fn is_roman(tok: &str) -> bool {
    let t = tok.trim_end_matches(['.', ',']);
    !t.is_empty() && t.chars().all(|c| "IVXLC".contains(c))
}

/// Splits on whitespace and commas, and splits a label glued to its value ("vol.36" → "vol.",
/// "36"; "n°46" → "n°", "46"; "№3" → "№", "3").
fn label_tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tok in s.split(|c: char| c.is_whitespace() || c == ',') {
        if tok.is_empty() {
            continue;
        }
        let split_at = tok
            .char_indices()
            .find(|&(i, c)| {
                i > 0 && c.is_ascii_digit() && {
                    let label = &tok[..i];
                    let bare = label.trim_end_matches('.').to_lowercase();
                    VOLUME_LABELS.contains(&bare.as_str()) || ISSUE_LABELS.contains(&bare.as_str())
                }
            })
            .map(|(i, _)| i);
        match split_at {
            Some(i) => {
                out.push(tok[..i].to_string());
                out.push(tok[i..].to_string());
            }
            None => out.push(tok.to_string()),
        }
    }
    out
}

/// Trims whitespace and surrounding punctuation; `None` when nothing is left.
fn clean_token(s: &str) -> Option<String> {
    let t = s.trim_matches(|c: char| !c.is_alphanumeric());
    (!t.is_empty()).then(|| t.to_string())
}

// ---------------------------------------------------------------------------------------------
// Family names out of a printed author string.

const CONJUNCTIONS: &[&str] = &["and", "&", "und", "et", "y", "и", "en"];
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "3d", "4th"];
const PARTICLES: &[&str] = &[
    "van",
    "von",
    "de",
    "der",
    "den",
    "del",
    "della",
    "di",
    "da",
    "du",
    "dos",
    "das",
    "la",
    "le",
    "ten",
    "ter",
    "zu",
    "st",
    "bin",
    "ibn",
    "al",
    "el",
    "'t",
    "\u{2019}t",
];
const CORPORATE: &[&str] = &[
    "organization",
    "organisation",
    "association",
    "institute",
    "institut",
    "society",
    "committee",
    "council",
    "group",
    "agency",
    "department",
    "ministry",
    "university",
    "office",
    "bureau",
    "commission",
    "center",
    "centre",
    "foundation",
    "collaboration",
    "consortium",
    "network",
    "board",
    "service",
    "programme",
    "program",
    "project",
    "team",
    "inc",
    "ltd",
    "corporation",
    "company",
    "academy",
    "federation",
    "union",
    "bank",
    "nations",
    "government",
    "authority",
    "administration",
    "survey",
];

/// Two-letter initials printed with a dot ("Yu.", "Th.", "Ch.").
const DIGRAPHS: &[&str] = &[
    "ch", "th", "sh", "zh", "kh", "yu", "ya", "ye", "ph", "ts", "gy", "st", "ju",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Initial,
    Word,
}

/// The family names in a printed author string, in order.
///
/// Rules (a reference string's authors come in two shapes, "Family, I." and "I. Family", often
/// both in one list):
///
/// 1. NFKC; parenthesised or bracketed asides ("(eds.)", "[et al.]", "(H)") are removed; so are
///    "et al.", "and others", "u.a.", "и др."; a line-break hyphen followed by a space
///    ("Mur- phy") is closed up; "T .Yoshie" is read as "T. Yoshie".
/// 2. The string is cut into segments at ";" and the conjunctions "and", "&", "und", "et", "y",
///    "и", "en", and each segment into chunks at ",".
/// 3. A token is an *initial* when it is one capital letter, dotted letters ("D.V.", "J.-P.",
///    "Yu."), or — after a word, in a chunk without dotted initials — two or three capitals
///    without dots (Vancouver "Smith JA"; also leading, before a plain word: "DA Alexander").
///    "Jr.", "II", "3rd"… are dropped; tokens without letters too.
/// 4. A chunk with initials and words gives one name: the last word after the last initial, with
///    the particles before it ("A. G. Riess", "J. von Neumann", "M Jordan Raddick" → "Raddick"),
///    or, when the initials trail, the words before them ("Streltsov D.V.", "Smith JA"), or,
///    with initials on both sides, the words between ("J Kaplin I").
/// 5. A chunk of words only is a family name waiting for its given names ("Bergk" in
///    "Bergk, V."; "Nichols" in "Nichols, Bill") when it is one word, or when it has two or three
///    words and the next chunk is initials ("Van Dyke, J.") or, for the first chunk, one word
///    ("De Certeau, Michel"); the next chunk, whatever it holds, is then its given names
///    ("Barnard, Chester I.", "Certeau, Michel de"). Otherwise two or three words are a name in
///    direct order ("Michael Renov" → "Renov"; with particles, "Ludwig van Beethoven" →
///    "van Beethoven"); a chunk with a corporate word ("Organization", "Collaboration", …) or of
///    four words or more is one corporate name, kept whole; a chunk in a CJK script is one whole
///    name.
/// 6. A chunk of initials with no name waiting is dropped, unless it reads as an all-capitals
///    family with initials ("LI J").
pub fn family_names(printed: &str) -> Vec<String> {
    let text = preclean(printed);
    let mut names = Vec::new();
    for segment in split_segments(&text) {
        let chunks: Vec<Vec<(String, Tok)>> = segment
            .split(',')
            .map(classify_chunk)
            .filter(|c| !c.is_empty())
            .collect();
        let mut pending: Option<String> = None;
        for (k, chunk) in chunks.iter().enumerate() {
            let words: Vec<&str> = chunk
                .iter()
                .filter(|(_, t)| *t == Tok::Word)
                .map(|(w, _)| w.as_str())
                .collect();
            let has_initials = chunk.iter().any(|(_, t)| *t == Tok::Initial);
            if let Some(family) = pending.take() {
                // Whatever follows a waiting family name is its given names ("Bergk, V.",
                // "Barnard, Chester I.", "Certeau, Michel de").
                names.push(family);
                continue;
            }
            if words.is_empty() {
                if chunk.len() >= 2 && !chunk[0].0.contains('.') && chunk[0].0.len() >= 2 {
                    names.push(chunk[0].0.clone());
                }
                continue;
            }
            if has_initials {
                let last_initial = chunk.iter().rposition(|(_, t)| *t == Tok::Initial);
                let first_initial = chunk.iter().position(|(_, t)| *t == Tok::Initial);
                let after: Vec<&str> = match last_initial {
                    Some(i) => chunk[i + 1..].iter().map(|(w, _)| w.as_str()).collect(),
                    None => Vec::new(),
                };
                let before: Vec<&str> = chunk[..first_initial.unwrap_or(0)]
                    .iter()
                    .map(|(w, _)| w.as_str())
                    .collect();
                let family = if !after.is_empty() {
                    direct_order_family(&after)
                } else if !before.is_empty() {
                    before.join(" ")
                } else {
                    // Initials on both sides ("J Kaplin I"): the words are the family name.
                    words.join(" ")
                };
                if !family.is_empty() {
                    names.push(family);
                }
                continue;
            }
            // Words only.
            let whole = words.join(" ");
            if is_cjk(&whole) || is_corporate(&words) || words.len() >= 4 {
                names.push(whole);
                continue;
            }
            if words.len() == 1 {
                pending = Some(whole);
                continue;
            }
            let next_completes = chunks.get(k + 1).is_some_and(|next| {
                let next_words = next.iter().filter(|(_, t)| *t == Tok::Word).count();
                next_words == 0 || (k == 0 && next_words == 1 && next.len() == 1)
            });
            if next_completes {
                pending = Some(whole);
            } else {
                names.push(direct_order_family(&words));
            }
        }
        if let Some(family) = pending.take() {
            names.push(family);
        }
    }
    names
}

fn preclean(printed: &str) -> String {
    let text: String = printed.nfkc().collect();
    // Drop parenthesised and bracketed asides.
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    // "T .Yoshie" → "T. Yoshie"; "Mur- phy" → "Mur-phy"; "…" → nothing.
    let chars: Vec<char> = out.chars().collect();
    let mut fixed = String::with_capacity(out.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace()
            && chars.get(i + 1) == Some(&'.')
            && chars.get(i + 2).is_some_and(|n| n.is_alphabetic())
            && i > 0
            && chars[i - 1].is_alphabetic()
        {
            fixed.push_str(". ");
            i += 2;
            continue;
        }
        if is_hyphen(c)
            && i > 0
            && chars[i - 1].is_alphabetic()
            && chars.get(i + 1).is_some_and(|n| n.is_whitespace())
            && chars.get(i + 2).is_some_and(|n| n.is_alphabetic())
        {
            fixed.push('-');
            i += 2;
            continue;
        }
        if c == '…' {
            i += 1;
            continue;
        }
        fixed.push(c);
        i += 1;
    }
    // Remove "et al." and friends (word-bounded, case-insensitive).
    let mut words: Vec<&str> = fixed.split_whitespace().collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let mut keep = vec![true; words.len()];
    for i in 0..words.len() {
        let next = lower.get(i + 1).map(String::as_str);
        let pair = (lower[i].as_str(), next);
        if matches!(
            pair,
            ("et", Some("al")) | ("and", Some("others")) | ("и", Some("др")) | ("u", Some("a"))
        ) {
            keep[i] = false;
            keep[i + 1] = false;
        }
        if lower[i] == "etal" || lower[i] == "etc" || words[i] == "u.a." {
            keep[i] = false;
        }
    }
    let mut i = 0;
    words.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    words.join(" ")
}

fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// Cuts at ";" and at conjunction words.
fn split_segments(text: &str) -> Vec<String> {
    let mut segments = Vec::new();
    for part in text.split(';') {
        let mut current: Vec<&str> = Vec::new();
        for word in part.split_whitespace() {
            if CONJUNCTIONS.contains(&word.trim_matches(',')) {
                segments.push(current.join(" "));
                current.clear();
            } else if let Some(stripped) = word.strip_prefix('&') {
                segments.push(current.join(" "));
                current.clear();
                if !stripped.is_empty() {
                    current.push(stripped);
                }
            } else {
                current.push(word);
            }
        }
        segments.push(current.join(" "));
    }
    segments.retain(|s| s.chars().any(char::is_alphabetic));
    segments
}

fn classify_chunk(chunk: &str) -> Vec<(String, Tok)> {
    let mut raw_tokens: Vec<String> = Vec::new();
    for tok in chunk.split_whitespace() {
        // "J.Smith" → "J." "Smith"; "D.V." stays whole.
        let chars: Vec<(usize, char)> = tok.char_indices().collect();
        let mut start = 0;
        for w in 0..chars.len() {
            let (i, c) = chars[w];
            if c == '.'
                && chars
                    .get(w + 1)
                    .is_some_and(|&(_, n)| n.is_uppercase() && n.is_alphabetic())
                && chars.get(w + 2).is_some_and(|&(_, n)| n.is_lowercase())
            {
                raw_tokens.push(tok[start..=i].to_string());
                start = i + 1;
            }
        }
        raw_tokens.push(tok[start..].to_string());
    }
    let mut out: Vec<(String, Tok)> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for tok in raw_tokens {
        let t = tok.trim_matches(|c: char| c == ',' || c == ':' || c == ';' || c == '*');
        if !t.chars().any(char::is_alphabetic) {
            continue;
        }
        let t = t.trim_end_matches(',');
        let bare = t.trim_end_matches('.').to_lowercase();
        if SUFFIXES.contains(&bare.as_str()) {
            continue;
        }
        if is_dotted_initial(t) {
            out.push((t.to_string(), Tok::Initial));
        } else if is_undotted_caps(t.trim_end_matches('.')) {
            candidates.push(out.len());
            let single = t.chars().count() == 1;
            out.push((t.to_string(), if single { Tok::Initial } else { Tok::Word }));
        } else {
            let word = t.trim_end_matches('.').to_string();
            out.push((word, Tok::Word));
        }
    }
    // Two or three capitals without dots are initials only after a word and when the chunk has
    // no dotted initials ("Smith JA", not "D. RAE").
    let has_dotted = out
        .iter()
        .any(|(w, t)| *t == Tok::Initial && w.contains('.'));
    // A leading one ("DA Alexander") is initials when a plain word follows it.
    if !has_dotted {
        for &i in &candidates {
            let after_word = out[..i].iter().any(|(_, t)| *t == Tok::Word);
            // Leading, it must be followed by a mixed-case word ("DA Alexander", not
            // "DA SILVA"); after a word it must not be a particle ("Ben AW DE JONG").
            let leads_word = i == 0
                && out
                    .get(1)
                    .is_some_and(|(w, t)| *t == Tok::Word && w.chars().any(char::is_lowercase));
            let particle = PARTICLES.contains(&out[i].0.to_lowercase().as_str());
            if leads_word || (after_word && !particle) {
                out[i].1 = Tok::Initial;
            }
        }
    }
    out
}

/// "D.", "D.V.", "J.-P.", "Yu.", "Th.", "M.-L.".
fn is_dotted_initial(t: &str) -> bool {
    if !t.contains('.') {
        return false;
    }
    let parts: Vec<&str> = t
        .split(['.', '-', '\u{2010}'])
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts.iter().all(|p| {
            let mut chars = p.chars();
            let first = chars.next();
            let rest: String = chars.collect();
            first.is_some_and(|c| c.is_uppercase())
                && (rest.is_empty() || DIGRAPHS.contains(&p.to_lowercase().as_str()))
        })
}

/// "J", "JA", "JAB" (one to three capitals, no dot).
fn is_undotted_caps(t: &str) -> bool {
    let n = t.chars().count();
    (1..=3).contains(&n) && t.chars().all(|c| c.is_uppercase())
}

fn is_corporate(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        CORPORATE.contains(&w.as_str())
    })
}

fn is_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32,
            0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
    })
}

/// The family name of a name printed given-names-first: the last word with the particles
/// before it.
fn direct_order_family(words: &[&str]) -> String {
    let mut start = words.len() - 1;
    while start > 0 && PARTICLES.contains(&words[start - 1].to_lowercase().as_str()) {
        start -= 1;
    }
    words[start..].join(" ")
}
