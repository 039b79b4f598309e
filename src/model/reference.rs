use serde::{Deserialize, Serialize};

use super::{Date, PersonName};

/// One entry of a reference list, as read and parsed.
///
/// Every entry of the input becomes a `Reference`, parsed or not: when the parser cannot make
/// sense of an entry, `parsed` is `false`, the fields stay empty and `raw` still carries the
/// text, so nothing the input said is lost.
///
/// `container` is where the work appeared as printed (a journal, a book or yearbook, a website,
/// a series); `publisher` and `place` are kept apart from it. Which of them names the work's
/// *source* is decided when sources are resolved (a book's publisher is its source when it has
/// no container); see [`Reference::source_name`].
///
/// ```
/// use citegraph::{Kind, Reference};
///
/// let mut r = Reference::unparsed(1, Some(1), 12, "Streltsov D.V. (2013) Japan. Moscow: AIRO-XXI");
/// assert!(!r.parsed);
/// r.publisher = Some("AIRO-XXI".into());
/// r.kind = Kind::Book;
/// assert_eq!(r.source_name(), Some("AIRO-XXI"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    /// 1-based position in the repaired list.
    pub index: usize,
    /// The label printed in the input ("15." gives 15), when the list is numbered.
    pub number: Option<u32>,
    /// 1-based line of the input on which the entry starts.
    pub line: usize,
    /// The full text of the entry after repairs (joined continuation lines).
    pub raw: String,
    /// Whether the parser recognised the entry's structure.
    pub parsed: bool,
    /// Authors in printed order.
    pub authors: Vec<PersonName>,
    /// Editors in printed order ("(eds.)", "ed. by").
    pub editors: Vec<PersonName>,
    /// The publication year (the year slot of the reference).
    pub year: Option<i32>,
    /// A more precise publication date printed in the entry ("July 8, 2018").
    pub date: Option<Date>,
    /// The work's own title.
    pub title: Option<String>,
    /// The journal, book, yearbook, website or series the work appeared in, as printed.
    pub container: Option<String>,
    /// The publisher or issuing body.
    pub publisher: Option<String>,
    /// The place of publication.
    pub place: Option<String>,
    /// Volume.
    pub volume: Option<String>,
    /// Issue or number.
    pub issue: Option<String>,
    /// Page range with an ASCII hyphen ("72-95"), or a page count for books.
    pub pages: Option<String>,
    /// The URL, when printed.
    pub url: Option<String>,
    /// When the URL was accessed ("accessed 31.01.2019").
    pub accessed: Option<Date>,
    /// The DOI without resolver prefix, e.g. `10.24411/2500-2872-2016-00021`.
    pub doi: Option<String>,
    /// ISO 639-1 language code of the work ("ru", "en"), when it can be told.
    pub language: Option<String>,
    /// What sort of work this is.
    pub kind: Kind,
    /// The citation style the entry is printed in, when recognised.
    pub style: Option<Style>,
    /// The same work as printed in the page's other reference list, when the page prints two
    /// (a Russian journal's Cyrillic "Список литературы" beside its Latin "References"),
    /// parsed on its own: its `raw` text, authors and venue in the other script. The entry
    /// itself is the Latin one; the two lists' entries are aligned so that each work is one
    /// reference and counted once. `None` for single-list input.
    ///
    /// ```
    /// let page = "Title\nСписок литературы\n1. Панов А.Н. Приоритеты // Япония 2016. Ежегодник. М.: АИРО-XXI, 2016. С. 7–43.\n\
    ///             References\n1. Panov A.N. (2016) Priorities. Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 7–43 (in Russian).\n";
    /// let doc = citegraph::read_document(page).unwrap();
    /// assert_eq!(doc.references.len(), 1);
    /// let other = doc.references[0].alternate.as_deref().unwrap();
    /// assert_eq!(other.authors[0].family, "Панов");
    /// assert!(other.raw.contains("Ежегодник"));
    /// ```
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate: Option<Box<Reference>>,
}

impl Reference {
    /// An entry with only its raw text and position; every parsed field empty.
    pub fn unparsed(
        index: usize,
        number: Option<u32>,
        line: usize,
        raw: impl Into<String>,
    ) -> Reference {
        Reference {
            index,
            number,
            line,
            raw: raw.into(),
            parsed: false,
            authors: Vec::new(),
            editors: Vec::new(),
            year: None,
            date: None,
            title: None,
            container: None,
            publisher: None,
            place: None,
            volume: None,
            issue: None,
            pages: None,
            url: None,
            accessed: None,
            doi: None,
            language: None,
            kind: Kind::Other,
            style: None,
            alternate: None,
        }
    }

    /// The name that identifies where this work comes from: its container when it has one,
    /// otherwise its publisher or issuing body.
    pub fn source_name(&self) -> Option<&str> {
        self.container.as_deref().or(self.publisher.as_deref())
    }
}

/// What sort of work a reference points to. Serialised in kebab-case, as in the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An article in a journal or periodical.
    JournalArticle,
    /// A chapter or contribution in a book, yearbook or collection.
    Chapter,
    /// A monograph or edited book.
    Book,
    /// A report, working paper or policy paper by an organisation.
    Report,
    /// A web page, news item or online commentary.
    Web,
    /// A dissertation or thesis.
    Thesis,
    /// A paper in conference proceedings.
    ConferencePaper,
    /// Anything else, including entries that could not be parsed.
    Other,
}

impl Kind {
    /// Every kind, in the order reports list them.
    pub const ALL: [Kind; 8] = [
        Kind::JournalArticle,
        Kind::Chapter,
        Kind::Book,
        Kind::Report,
        Kind::Web,
        Kind::Thesis,
        Kind::ConferencePaper,
        Kind::Other,
    ];

    /// The kebab-case name used in JSON and reports.
    ///
    /// ```
    /// assert_eq!(citegraph::Kind::JournalArticle.as_str(), "journal-article");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::JournalArticle => "journal-article",
            Kind::Chapter => "chapter",
            Kind::Book => "book",
            Kind::Report => "report",
            Kind::Web => "web",
            Kind::Thesis => "thesis",
            Kind::ConferencePaper => "conference-paper",
            Kind::Other => "other",
        }
    }
}

/// A citation style a reference can be printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Style {
    /// The Latin-alphabet "References" of Russian journals: "Family I.I. (Year) Title. Source…".
    RussianLatin,
    /// GOST 7.0.5 / 7.1 in Cyrillic: "Фамилия И.О. Название // Журнал. 2016. № 3. С. 42–65."
    Gost,
    /// APA 6th or 7th edition: "Family, I. I. (Year). Title. Source, 3(2), 1–10."
    Apa,
    /// Harvard author-date.
    Harvard,
    /// Chicago, author-date or notes-bibliography.
    Chicago,
    /// MLA.
    Mla,
    /// Vancouver / AMA: "Family AB. Title. Journal. 2016;12(3):42-65."
    Vancouver,
    /// IEEE: "A. B. Family, \"Title,\" Journal, vol. 3, no. 2, pp. 1–10, 2016."
    Ieee,
}

impl Style {
    /// Every style, in the order reports list them.
    pub const ALL: [Style; 8] = [
        Style::RussianLatin,
        Style::Gost,
        Style::Apa,
        Style::Harvard,
        Style::Chicago,
        Style::Mla,
        Style::Vancouver,
        Style::Ieee,
    ];

    /// The kebab-case name used in JSON and reports.
    ///
    /// ```
    /// assert_eq!(citegraph::Style::RussianLatin.as_str(), "russian-latin");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Style::RussianLatin => "russian-latin",
            Style::Gost => "gost",
            Style::Apa => "apa",
            Style::Harvard => "harvard",
            Style::Chicago => "chicago",
            Style::Mla => "mla",
            Style::Vancouver => "vancouver",
            Style::Ieee => "ieee",
        }
    }

    /// The most frequent style among `refs` with how many references have it; on a tie, the
    /// style met first. `None` when no reference has a style.
    ///
    /// ```
    /// use citegraph::{Reference, Style};
    ///
    /// let mut a = Reference::unparsed(1, None, 1, "x");
    /// a.style = Some(Style::Apa);
    /// let b = Reference::unparsed(2, None, 2, "y");
    /// assert_eq!(Style::dominant(&[a, b]), Some((Style::Apa, 1)));
    /// ```
    pub fn dominant(refs: &[Reference]) -> Option<(Style, usize)> {
        let mut counts = [0usize; 8];
        let mut first = [usize::MAX; 8];
        for (i, s) in refs
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((i, r.style?)))
        {
            let k = Style::ALL.iter().position(|&a| a == s).unwrap_or(0);
            counts[k] += 1;
            first[k] = first[k].min(i);
        }
        let mut best: Option<(Style, usize)> = None;
        let mut best_first = usize::MAX;
        for (k, &n) in counts.iter().enumerate() {
            let better = best.is_none_or(|(_, m)| n > m || (n == m && first[k] < best_first));
            if n > 0 && better {
                best = Some((Style::ALL[k], n));
                best_first = first[k];
            }
        }
        best
    }
}
