//! Cyrillic to Latin transliteration by a hand-written table.
//!
//! The table is deliberately *one* system (close to BGN/PCGN without diacritics) because
//! matching does not need a faithful romanisation: it needs every Cyrillic spelling to land on a
//! Latin string that the transliteration skeleton (see `skeleton.rs`) folds together with the
//! Latin spellings printed under the other systems. Unicode decomposition cannot do this job: NFKD
//! turns `й` into `и` plus a breve and `ё` into `е` plus a diaeresis, losing letters that the
//! Latin systems spell out (`y`, `yo`).

/// The Latin spelling of one lower-case Cyrillic letter, or `None` when `c` is not Cyrillic.
///
/// Hard and soft signs map to the empty string, like the apostrophes that some systems print
/// for them, which folding drops too.
///
/// ```
/// use citegraph::names::cyrillic_to_latin;
///
/// assert_eq!(cyrillic_to_latin('щ'), Some("shch"));
/// assert_eq!(cyrillic_to_latin('й'), Some("y"));
/// assert_eq!(cyrillic_to_latin('ь'), Some(""));
/// assert_eq!(cyrillic_to_latin('q'), None);
/// ```
pub fn cyrillic_to_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' => "e",
        // Russian print often drops the diaeresis, so ё must meet е; the skeleton maps the
        // Latin "yo" after a consonant to "e" for the same reason.
        'ё' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",
        // Ukrainian and Belarusian letters that appear in Russian-language reference lists.
        'є' => "ye",
        'і' => "i",
        'ї' => "yi",
        'ґ' => "g",
        'ў' => "u",
        // Serbian and Macedonian letters.
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'ѓ' => "gj",
        'ќ' => "kj",
        'ѕ' => "dz",
        _ => return None,
    })
}

/// Whether `c` is a Cyrillic letter (either case) that the table knows.
pub(crate) fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(s: &str) -> String {
        s.chars()
            .flat_map(char::to_lowercase)
            .map(|c| cyrillic_to_latin(c).map_or_else(|| c.to_string(), str::to_string))
            .collect()
    }

    #[test]
    fn russian_surnames() {
        assert_eq!(tr("Стрельцов"), "streltsov");
        assert_eq!(tr("Федоровский"), "fedorovskiy");
        assert_eq!(tr("Молодяков"), "molodyakov");
        assert_eq!(tr("Щукин"), "shchukin");
        assert_eq!(tr("Хрущёв"), "khrushchev");
    }

    #[test]
    fn short_i_and_yo_are_not_lost() {
        // The NFKD route would give "и" for й; the table keeps it distinct.
        assert_eq!(tr("Йошкар"), "yoshkar");
        assert_ne!(tr("й"), tr("и"));
    }

    #[test]
    fn every_lowercase_russian_letter_is_covered() {
        for c in 'а'..='я' {
            assert!(cyrillic_to_latin(c).is_some(), "{c}");
        }
        assert!(cyrillic_to_latin('ё').is_some());
    }
}
