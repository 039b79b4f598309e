//! What sort of work a parsed reference points to, decided from the evidence the parser
//! found (locators, imprint, URL, keywords) rather than from any one marker.

use crate::model::Kind;

use super::scan::find_ci;

/// The evidence [`classify`] weighs.
#[derive(Debug, Default)]
pub(crate) struct Evidence<'a> {
    pub title: &'a str,
    pub container: Option<&'a str>,
    pub has_volume_or_issue: bool,
    pub has_pages: bool,
    pub page_count: bool,
    pub has_imprint: bool,
    pub has_url: bool,
    pub has_date: bool,
    pub has_editors: bool,
    pub in_marker: bool,
}

fn any_ci(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| find_ci(s, w).is_some())
}

/// Decides the kind; the order matters: the strongest evidence is looked at first.
pub(crate) fn classify(e: &Evidence<'_>) -> Kind {
    let named =
        |words: &[&str]| any_ci(e.title, words) || e.container.is_some_and(|c| any_ci(c, words));
    if named(&["dissertation", "thesis", "дис.", "диссертац", "автореф"]) {
        return Kind::Thesis;
    }
    if named(&[
        "proceedings",
        "conference",
        "symposium",
        "workshop",
        "congress",
        "конференц",
        "proc.",
    ]) {
        return Kind::ConferencePaper;
    }
    if e.in_marker {
        return Kind::Chapter;
    }
    if e.has_volume_or_issue {
        return Kind::JournalArticle;
    }
    let report_word = e.title.len() >= 6
        && e.title
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("report"))
        || named(&[
            "working paper",
            "policy brief",
            "discussion paper",
            "white paper",
            "technical report",
            "доклад",
            " report",
        ]);
    if report_word {
        return Kind::Report;
    }
    if e.container.is_some() && e.has_pages && !e.page_count {
        return Kind::Chapter;
    }
    if e.has_editors && e.container.is_some() && e.has_url && !e.has_date {
        return Kind::Report;
    }
    if e.has_url {
        return Kind::Web;
    }
    if e.page_count || (e.has_imprint && e.container.is_none()) {
        return Kind::Book;
    }
    if e.has_imprint {
        // an imprint with a container and no pages: an edited volume or series book
        return Kind::Book;
    }
    Kind::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_evidence() {
        let web = Evidence {
            title: "T",
            container: Some("The Diplomat"),
            has_url: true,
            has_date: true,
            ..Default::default()
        };
        assert_eq!(classify(&web), Kind::Web);
        let journal = Evidence {
            has_volume_or_issue: true,
            has_url: true,
            container: Some("J"),
            ..Default::default()
        };
        assert_eq!(classify(&journal), Kind::JournalArticle);
        let chapter = Evidence {
            container: Some("Japan 2016. Yearbook"),
            has_pages: true,
            has_imprint: true,
            ..Default::default()
        };
        assert_eq!(classify(&chapter), Kind::Chapter);
        let book = Evidence {
            has_imprint: true,
            ..Default::default()
        };
        assert_eq!(classify(&book), Kind::Book);
        let report = Evidence {
            title: "Report: Crisis",
            container: Some("IMEMO RAN"),
            has_url: true,
            has_editors: true,
            ..Default::default()
        };
        assert_eq!(classify(&report), Kind::Report);
        let report = Evidence {
            title: "Crisis",
            container: Some("IMEMO RAN"),
            has_url: true,
            has_editors: true,
            ..Default::default()
        };
        assert_eq!(classify(&report), Kind::Report);
        let thesis = Evidence {
            title: "PhD thesis",
            ..Default::default()
        };
        assert_eq!(classify(&thesis), Kind::Thesis);
        assert_eq!(classify(&Evidence::default()), Kind::Other);
    }
}
