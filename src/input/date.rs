//! Dates as reference lists print them: "December 11, 2017", "11 December 2017",
//! "31.01.2019", "2019-01-31", "Dec. 2017".

use crate::model::Date;

use super::scan::{first_year, is_alphabetic, is_alphanumeric, number_at, year_at};

/// The month number of an English or Russian month name or abbreviation ("Dec", "Sept",
/// "января", "янв"). Case is ignored; a trailing dot must already be stripped.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    if word.len() < 3 || word.len() > 20 {
        return None;
    }
    // Cheap rejection before allocating: every month name starts with one of these letters.
    let first = word.chars().next()?;
    if !is_month_initial(first) {
        return None;
    }
    if !word.is_ascii() {
        // the first two letters, lower-cased, rule out most words before the whole word is
        // lower-cased into a new string: those of the Russian stems, "février", "märz",
        // "août" and "décembre"
        let mut cs = word.chars().flat_map(char::to_lowercase);
        if !matches!(
            (cs.next(), cs.next()),
            (Some('я'), Some('н'))
                | (Some('ф'), Some('е'))
                | (Some('м'), Some('а'))
                | (Some('а'), Some('п' | 'в'))
                | (Some('и'), Some('ю'))
                | (Some('с'), Some('е'))
                | (Some('о'), Some('к'))
                | (Some('н'), Some('о'))
                | (Some('д'), Some('е'))
                | (Some('f'), Some('é'))
                | (Some('m'), Some('ä'))
                | (Some('a'), Some('o'))
                | (Some('d'), Some('é'))
        ) {
            return None;
        }
        let lower = word.to_lowercase();
        return match lower.as_str() {
            "février" => Some(2),
            "märz" => Some(3),
            "août" => Some(8),
            "décembre" => Some(12),
            _ => russian_month(&lower),
        };
    }
    // no ASCII month name is longer than "september"
    if word.len() > 9 {
        return None;
    }
    let mut buf = [0u8; 9];
    let lower = &mut buf[..word.len()];
    super::scan::lower_into(lower, word.as_bytes());
    // the first two letters rule out most words ("and", "of", "Modern") in one compare,
    // before the name-by-name one
    if !matches!(
        [lower[0], lower[1]],
        [b'j', b'a' | b'u']
            | [b'f', b'e']
            | [b'm', b'a']
            | [b'a', b'p' | b'u' | b'v']
            | [b's', b'e']
            | [b'o', b'c' | b'k']
            | [b'n', b'o']
            | [b'd', b'e']
    ) {
        return None;
    }
    let m = match &*lower {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
        // French and German months, as European lists print them ("mai 2006", "Juni 2010")
        b"janvier" | b"januar" => 1,
        b"fevrier" | b"februar" => 2,
        b"mars" => 3,
        b"avril" => 4,
        b"mai" => 5,
        b"juin" | b"juni" => 6,
        b"juillet" | b"juli" => 7,
        b"septembre" => 9,
        b"octobre" | b"oktober" => 10,
        b"novembre" => 11,
        b"decembre" | b"dezember" => 12,
        _ => return None,
    };
    Some(m)
}

/// Whether a month name (English, French, German, Russian) can start with `c`.
fn is_month_initial(c: char) -> bool {
    matches!(
        c,
        'J' | 'F'
            | 'M'
            | 'A'
            | 'S'
            | 'O'
            | 'N'
            | 'D'
            | 'j'
            | 'f'
            | 'm'
            | 'a'
            | 's'
            | 'o'
            | 'n'
            | 'd'
            | 'Я'
            | 'Ф'
            | 'М'
            | 'А'
            | 'И'
            | 'С'
            | 'О'
            | 'Н'
            | 'Д'
            | 'я'
            | 'ф'
            | 'м'
            | 'а'
            | 'и'
            | 'с'
            | 'о'
            | 'н'
            | 'д'
    )
}

fn russian_month(w: &str) -> Option<u8> {
    const STEMS: [&str; 12] = [
        "янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    ];
    // "май"/"мая" only: the two-letter stem would otherwise catch "март".
    if w == "май" || w == "мая" {
        return Some(5);
    }
    STEMS
        .iter()
        .position(|s| *s != "ма" && w.starts_with(s))
        .and_then(|p| u8::try_from(p + 1).ok())
}

fn valid(day: u32, month: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// A numeric date at the start of `s`: "31.01.2019", "31/01/2019" or "2019-01-31". Returns
/// the date and the number of bytes read.
pub(crate) fn numeric_date(s: &str) -> Option<(Date, usize)> {
    let b = s.as_bytes();
    if let Some(y) = year_at(s, 0) {
        // ISO 8601
        if b.get(4) == Some(&b'-') {
            let (m, ml) = number_at(s, 5)?;
            if b.get(5 + ml) == Some(&b'-') {
                let (d, dl) = number_at(s, 6 + ml)?;
                if ml <= 2 && dl <= 2 && valid(d, m) {
                    return Some((Date::ymd(y, m as u8, d as u8), 6 + ml + dl));
                }
            }
        }
        return None;
    }
    let (d, dl) = number_at(s, 0)?;
    let sep = *b.get(dl)?;
    if dl > 2 || !matches!(sep, b'.' | b'/') {
        return None;
    }
    let (m, ml) = number_at(s, dl + 1)?;
    if ml > 2 || b.get(dl + 1 + ml) != Some(&sep) {
        return None;
    }
    let ys = dl + ml + 2;
    let y = year_at(s, ys)?;
    valid(d, m).then(|| (Date::ymd(y, m as u8, d as u8), ys + 4))
}

/// A date written with a month name at the start of `s`: "December 11, 2017", "Dec. 11,
/// 2017", "11 December 2017", "December 2017". Returns the date and the bytes read.
pub(crate) fn worded_date(s: &str) -> Option<(Date, usize)> {
    worded_date_with_word(s, alphanumeric_run_end(s, 0))
}

/// [`worded_date`] with the end of the alphanumeric run `s` starts with known already.
fn worded_date_with_word(s: &str, first_end: usize) -> Option<(Date, usize)> {
    let first = &s[..first_end];
    if first.is_empty() {
        return None;
    }
    if let Some(m) = month_number(first) {
        // Month D, YYYY | Month YYYY
        let mut i = first_end;
        if s[i..].starts_with('.') {
            i += 1;
        }
        i += s[i..].len() - s[i..].trim_start().len();
        if let Some(y) = year_at(s, i) {
            return Some((
                Date {
                    year: y,
                    month: Some(m),
                    day: None,
                },
                i + 4,
            ));
        }
        let (d, dl) = number_at(s, i)?;
        if dl > 2 || !valid(d, u32::from(m)) {
            return None;
        }
        let mut j = i + dl;
        if s[j..].starts_with(',') {
            j += 1;
        }
        j += s[j..].len() - s[j..].trim_start().len();
        let y = year_at(s, j)?;
        return Some((Date::ymd(y, m, d as u8), j + 4));
    }
    // D Month YYYY
    let (d, dl) = number_at(s, 0)?;
    if dl > 2 || !s[dl..].starts_with(' ') {
        return None;
    }
    let rest = &s[dl + 1..];
    let word_end = rest.find(|c: char| !is_alphabetic(c)).unwrap_or(rest.len());
    let m = month_number(&rest[..word_end])?;
    let mut j = dl + 1 + word_end;
    if s[j..].starts_with('.') {
        j += 1;
    }
    if s[j..].starts_with(',') {
        j += 1;
    }
    j += s[j..].len() - s[j..].trim_start().len();
    let y = year_at(s, j)?;
    valid(d, u32::from(m)).then(|| (Date::ymd(y, m, d as u8), j + 4))
}

/// Any date at the start of `s`.
pub(crate) fn date_at(s: &str) -> Option<(Date, usize)> {
    numeric_date(s).or_else(|| worded_date(s))
}

/// The first worded full date ("Month D, YYYY" or "D Month YYYY") in `s`: its byte span and
/// value. Month-and-year alone is not taken, because "May 2017" inside a title is too common.
pub(crate) fn find_worded_date(s: &str) -> Option<(usize, usize, Date)> {
    // every full date ends in a year: a text with none (a title and source whose year was
    // in the slot, as in most styles) is ruled out by one scan for digits
    first_year(s)?;
    let b = s.as_bytes();
    let mut pos = 0;
    // whether the char before this one is alphanumeric, carried along rather than decoded
    // again at every char
    let mut prev_alnum = false;
    while pos < b.len() {
        let x = b[pos];
        // ASCII (most of every entry) is read as bytes: for it "alphabetic or an ASCII
        // digit" and "alphanumeric" are one test
        if x.is_ascii() {
            if !x.is_ascii_alphanumeric() {
                prev_alnum = false;
                pos += 1;
                continue;
            }
            if prev_alnum {
                pos += 1;
                continue;
            }
        }
        // other chars are decoded
        let c = if x.is_ascii() {
            char::from(x)
        } else {
            s[pos..].chars().next()?
        };
        if !prev_alnum && (is_alphabetic(c) || c.is_ascii_digit()) {
            // skip the rest of this word (all alphanumeric): keeps the scan linear. Its
            // ASCII letters and digits (most words are all of them) are stepped over here,
            // without a call; the general scan goes on from a non-ASCII byte
            let mut end = pos;
            while let Some(&y) = b.get(end)
                && ASCII_ALNUM[usize::from(y)]
            {
                end += 1;
            }
            if b.get(end).is_some_and(|y| !y.is_ascii()) {
                end = alphanumeric_run_end(s, end);
            }
            // a worded date starts with a day of one or two digits followed by a space, or
            // with a month name of 3 to 20 bytes: other words are passed over without the
            // attempt
            let len = end - pos;
            let may_start = if c.is_ascii_digit() {
                len <= 2 && b.get(end) == Some(&b' ')
            } else {
                is_month_initial(c) && (3..=20).contains(&len)
            };
            if may_start
                && let Some((d, len)) = worded_date_with_word(&s[pos..], end - pos)
                && d.day.is_some()
            {
                return Some((pos, pos + len, d));
            }
            pos = end;
            prev_alnum = true;
            continue;
        }
        prev_alnum = is_alphanumeric(c);
        pos += c.len_utf8();
    }
    None
}

/// ASCII letters and digits.
static ASCII_ALNUM: [bool; 256] = super::scan::byte_class(true, b'0');

/// The byte offset of the first char at or after `from` that is not alphanumeric (the
/// text's length when there is none), as `s[from..].find(|c| !is_alphanumeric(c))`.
fn alphanumeric_run_end(s: &str, from: usize) -> usize {
    let b = s.as_bytes();
    let mut i = from;
    while i < b.len() {
        // ASCII letters and digits in one look-up (the bulk of every word)
        if ASCII_ALNUM[usize::from(b[i])] {
            i += 1;
        } else if b[i].is_ascii() {
            return i;
        } else {
            match s[i..].chars().next() {
                Some(c) if is_alphanumeric(c) => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_forms() {
        assert_eq!(
            numeric_date("31.01.2019."),
            Some((Date::ymd(2019, 1, 31), 10))
        );
        assert_eq!(
            numeric_date("2019-01-31"),
            Some((Date::ymd(2019, 1, 31), 10))
        );
        assert_eq!(numeric_date("13.13.2019"), None);
        assert_eq!(numeric_date("61-78"), None);
    }

    #[test]
    fn worded_forms() {
        assert_eq!(
            worded_date("December 11, 2017. Available"),
            Some((Date::ymd(2017, 12, 11), 17))
        );
        assert_eq!(
            worded_date("Dec. 11, 2017").map(|d| d.0),
            Some(Date::ymd(2017, 12, 11))
        );
        assert_eq!(
            worded_date("8 July 2018").map(|d| d.0),
            Some(Date::ymd(2018, 7, 8))
        );
        assert_eq!(
            worded_date("12 марта 2019").map(|d| d.0),
            Some(Date::ymd(2019, 3, 12))
        );
        assert_eq!(worded_date("May 2017").map(|d| d.0.month), Some(Some(5)));
        assert_eq!(worded_date("Mayor 2017"), None);
    }

    #[test]
    fn finds_first_full_date() {
        let s = "The National Interest, July 8, 2018. Available";
        let (a, b, d) = find_worded_date(s).unwrap();
        assert_eq!((&s[a..b], d), ("July 8, 2018", Date::ymd(2018, 7, 8)));
        assert!(find_worded_date("Meeting in May 2017 and after").is_none());
        assert!(find_worded_date("Стрельцов Д.В. 2013").is_none());
    }
}
