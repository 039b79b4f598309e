//! Throughput measurements, ignored by default: run with
//! `cargo test --release --test input_speed -- --ignored --nocapture`.
//! They print figures and assert only generous ceilings that catch quadratic behaviour.

use std::time::Instant;

use citegraph::{parse_reference, read_document};

const LINES: [&str; 6] = [
    "Brown J. (2017) Japan Woos Russia for Its Own Security. Nikkei Asian Review, December 11, 2017. Available at: https://asia.nikkei.com/Politics/Japan-woos-Russiafor-its-own-security, accessed 31.01.2019.",
    "Dobrinskaya O.A. (2016) Japan’s Legislation for Peace and Security: Its Global, Regional and National Significance. Japan 2016. Yearbook, Moscow: AIRO-XXI, pp. 61–78 (in Russian).",
    "Mikheev V.V., Fedorovskii A.N. (eds.) (2018) Report: Crisis And New Agenda for the Korean Peninsula and Regional Powers. IMEMO RAN. Available at: https://www.imemo.ru/files/File/ru/publ/2018/2018_01.pdf, accessed 31.01.2019 (in Russian).",
    "Paramonov O.G. (2016) The Output of Japan to Global Arms Markets: the Political Aspect. Yaponskie issledovaniya, no 3, pp. 42–65 (in Russian). DOI: 10.24411/2500-2872-2016-00021",
    "Streltsov D.V. (2013) Japan: Political Modernization of the Heisei Era, Moscow: AIRO-XXI (in Russian).",
    "Стрельцов Д.В. Японская модернизация // Японские исследования. 2016. № 3. С. 42–65.",
];

#[test]
#[ignore = "timing; run in release with --ignored"]
fn hundred_thousand_references() {
    let n = 100_000;
    let mut text = String::from("Title\nReferences\n");
    for i in 0..n {
        text.push_str(&format!("{}. {}\n", i + 1, LINES[i % LINES.len()]));
    }
    let t = Instant::now();
    let doc = read_document(&text).unwrap();
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(doc.references.len(), n);
    println!(
        "read_document: {n} references in {secs:.3} s = {:.0} refs/s",
        n as f64 / secs
    );
    let t = Instant::now();
    for i in 0..n {
        let _ = parse_reference(LINES[i % LINES.len()]);
    }
    let secs2 = t.elapsed().as_secs_f64();
    println!("parse_reference: {:.0} refs/s", n as f64 / secs2);
    assert!(secs < 30.0);
}

#[test]
#[ignore = "timing; run in release with --ignored"]
fn ten_megabyte_line() {
    let unit =
        "Brown J. (2017) Japan, Woos. Russia: for (in Its) Own. http://x.y/z, accessed 31.01.2019 ";
    let line: String = unit.repeat(10_000_000 / unit.len());
    for text in [
        line.clone(),
        "x".repeat(10_000_000),
        "1. ".repeat(3_000_000),
        "(in ".repeat(2_500_000),
        "1".repeat(10_000_000),
    ] {
        let t = Instant::now();
        let _ = read_document(&text);
        let _ = parse_reference(&text);
        let secs = t.elapsed().as_secs_f64();
        println!("{} MB line: {secs:.3} s", text.len() / 1_000_000);
        assert!(secs < 5.0);
    }
}
