//! Throughput measurements, ignored by default: run with
//! `cargo test --release --test input_speed -- --ignored --nocapture`.
//! They print figures and assert only generous ceilings that catch quadratic behaviour.

use std::time::Instant;

/// This thread's CPU time in seconds (Linux), so figures hold on a busy machine; wall time
/// elsewhere.
fn cpu_seconds(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64(), |ns| ns as f64 / 1e9)
}

/// CPU seconds used by the whole process so far (all threads; Linux, 10 ms ticks).
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // fields after the command name, which is in parentheses and may hold spaces
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Runs `f` and returns (CPU seconds, wall seconds).
fn timed(f: impl FnOnce()) -> (f64, f64) {
    let t = Instant::now();
    let c0 = cpu_seconds(t);
    f();
    let c1 = cpu_seconds(t);
    (c1 - c0, t.elapsed().as_secs_f64())
}

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
    // the document is dropped outside the timed region: freeing it is not reading
    let mut doc = None;
    let p0 = process_cpu_seconds();
    let (cpu, wall) = timed(|| doc = Some(read_document(&text).unwrap()));
    let p1 = process_cpu_seconds();
    assert_eq!(doc.map_or(0, |d| d.references.len()), n);
    if let (Some(a), Some(b)) = (p0, p1) {
        // all threads together: the figure a shared, busy machine distorts least
        println!(
            "read_document: {:.2} CPU-s over all threads = {:.0} refs per CPU-second",
            b - a,
            n as f64 / (b - a).max(0.01)
        );
    }
    // read_document parses long lists on every core, so its figure is wall time
    println!(
        "read_document: {n} references in {wall:.3} s wall ({cpu:.3} s CPU on the calling thread) = {:.0} refs/s",
        n as f64 / wall
    );
    let (cpu2, _) = timed(|| {
        for i in 0..n {
            let _ = parse_reference(LINES[i % LINES.len()]);
        }
    });
    println!("parse_reference: {:.0} refs/s (CPU)", n as f64 / cpu2);
    let secs = wall;
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

#[test]
#[ignore = "timing; run in release with --ignored"]
fn many_lines_that_all_continue() {
    // every line continues the previous one: the joins must stay linear
    for text in [
        "abcdefghij\n".repeat(200_000),
        format!(
            "1. Brown J. (2017) T. Available\n{}",
            "x,\n".repeat(300_000)
        ),
        (1..200_000)
            .map(|i| format!("{i}. at: x,\n"))
            .collect::<String>(),
    ] {
        let t = Instant::now();
        let _ = read_document(&text);
        let secs = t.elapsed().as_secs_f64();
        println!("{} lines joined: {secs:.3} s", text.lines().count());
        assert!(secs < 5.0);
    }
}
