#[test]
fn probe() {
    let text = std::fs::read_to_string("/tmp/probe/in.txt").unwrap();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (r, w) = citegraph::parse_reference(line);
        println!("== {line}");
        println!(
            "   parsed={} authors={:?} editors={:?} year={:?} title={:?}",
            r.parsed,
            r.authors.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
            r.editors.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
            r.year,
            r.title
        );
        println!(
            "   container={:?} publisher={:?} place={:?} vol={:?} iss={:?} pages={:?}",
            r.container, r.publisher, r.place, r.volume, r.issue, r.pages
        );
        println!(
            "   url={:?} doi={:?} acc={:?} date={:?} lang={:?} kind={:?} style={:?} warn={:?}",
            r.url,
            r.doi,
            r.accessed.map(|d| d.to_string()),
            r.date.map(|d| d.to_string()),
            r.language,
            r.kind,
            r.style,
            w.iter().map(|w| w.code.as_str()).collect::<Vec<_>>()
        );
    }
}
