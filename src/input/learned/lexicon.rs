//! A per-thread cache of what the model makes of each distinct token spelling.
//!
//! Most of a token's features depend on its spelling alone: its own (word, shape, affixes,
//! class, flags) and the ones it gives its neighbours (the next token's "previous word is
//! …", the previous token's "next word is …"). Their weights can be summed once per
//! spelling and reused wherever the spelling recurs, and reference lists repeat their
//! words: "Journal", "of", "pp.", "and", "(2016).", initials, the names of journals and
//! publishers. A token then costs one hash-map probe and a few vector adds instead of
//! analysing its characters and looking up some thirty features.
//!
//! The few features that join two tokens (shape bigram and trigram, shape within its
//! sentence) read only the tokens' shapes, of which references use a few hundred: their sums
//! are kept by shape triple in a small [`JointCache`].
//!
//! The sums are exact integers (the model's 16-bit weights summed in 32 bits), so labelling
//! with the caches gives bit for bit the scores labelling without them gives; tests check it.
//!
//! Memory: a lexicon keeps at most 16,384 spellings (384 bytes each, about 7 MB with its
//! index) and starts afresh when full; the joint cache is 4,096 slots (360 KB). Both are per
//! thread. Tokens that rarely recur (page ranges, DOIs, glued locators, long URLs) are
//! labelled without being kept.

use std::hash::Hasher;

use crate::hash::{WordHash, WordMap};

use super::features::{
    BIAS, TokenInfo, analyse, as_next_ids, as_previous_ids, as_second_next_id,
    as_second_previous_id, own_ids,
};
use super::model::LABELS;

/// Weight sums for one label each, exact.
pub(crate) type Sums = [i32; LABELS];

/// What one spelling contributes wherever it stands.
#[derive(Debug, Clone)]
pub(crate) struct Lexeme {
    /// The analysis the position-dependent features still need.
    pub info: TokenInfo,
    /// Its own features' weights, and the bias's.
    pub own: Sums,
    /// The weights of the features it gives the token after it.
    pub as_previous: Sums,
    /// The weights of the features it gives the token before it.
    pub as_next: Sums,
    /// The weights of the one feature it gives the token two after it, and of the one it
    /// gives the token two before it: copies of the model's rows, kept here so a token's
    /// sums read nothing outside the lexemes around it.
    pub as_second_previous: [i16; LABELS],
    pub as_second_next: [i16; LABELS],
    /// The lexicon's number for the token's shape ([`NO_SHAPE`] when it has none), the
    /// part of the token the joint features read; 0 is the shape of no token.
    pub shape: u16,
}

/// The shape number of a lexeme whose shape the lexicon had no room to number.
pub(crate) const NO_SHAPE: u16 = u16::MAX;

/// Looks a feature id up in a model: its row plus one, 0 when unknown.
pub(crate) trait Weights {
    /// The row of `id` plus one, or 0.
    fn row_of(&self, id: u32) -> u32;
    /// Adds row `r` (plus one; 0 adds nothing) to `acc`.
    fn add_row(&self, acc: &mut Sums, r: u32);
}

impl Lexeme {
    /// The lexeme of an analysed token.
    pub fn new(info: TokenInfo, weights: &impl Weights, ids: &mut Vec<u32>) -> Lexeme {
        let sum = |ids: &[u32]| {
            let mut acc = [0; LABELS];
            for &id in ids {
                weights.add_row(&mut acc, weights.row_of(id));
            }
            acc
        };
        // Every token has the bias feature, so it is summed with each token's own.
        ids.clear();
        ids.push(BIAS);
        own_ids(&info, ids);
        Lexeme {
            own: sum(ids),
            as_previous: sum(&as_previous_ids(&info)),
            as_next: sum(&as_next_ids(&info)),
            // one row each, so every sum is a 16-bit weight
            as_second_previous: sum(&[as_second_previous_id(&info)]).map(|w| w as i16),
            as_second_next: sum(&[as_second_next_id(&info)]).map(|w| w as i16),
            shape: 0,
            info,
        }
    }
}

/// Spellings already seen on this thread, for one model.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// The model the sums were made with (see `SequenceModel::id`).
    model: u64,
    index: SpellingIndex,
    lexemes: Vec<Lexeme>,
    /// The lexemes of the current tokens that are not kept (see [`passing`]), numbered
    /// from [`PASSING`].
    passing: Vec<Lexeme>,
    /// Shape hashes → shape numbers, from 1 (0 is the shape of no token).
    shapes: WordMap<u64, u16>,
    /// Counts the times the lexicon started afresh, so a [`JointCache`] knows when its
    /// shape numbers went stale.
    generation: u64,
    lower: String,
    ids: Vec<u32>,
}

/// How many spellings a lexicon keeps before it starts afresh: about 7 MB with the index,
/// enough for the working vocabulary of a large reference list.
const CAPACITY: usize = 1 << 14;

/// Kept spellings → lexeme numbers, by open addressing over (tag, number) pairs, with the
/// spellings themselves in one string. A probe reads an 8-byte slot and, where the tag
/// matches, the spelling from that string: a standard map's boxed keys cost a pointer chase
/// into scattered allocations and a `memcmp` call on every hit. Twice as many slots as
/// spellings keep the probes short and always leave an empty slot to end them.
#[derive(Debug, Default)]
struct SpellingIndex {
    /// `(tag, lexeme)`, tag 0 for an empty slot.
    slots: Vec<(u32, u32)>,
    text: String,
    /// Each lexeme's spelling in `text`: start and length.
    spans: Vec<(u32, u32)>,
}

/// An empty slot's place and the tag a spelling stored there gets.
#[derive(Debug, Clone, Copy)]
struct Vacancy {
    at: usize,
    tag: u32,
}

impl SpellingIndex {
    fn clear(&mut self) {
        self.slots.fill((0, 0));
        self.text.clear();
        self.spans.clear();
    }

    /// The lexeme of `word`, or where to put it.
    fn find(&mut self, word: &str) -> Result<u32, Vacancy> {
        if self.slots.is_empty() {
            self.slots = vec![(0, 0); 2 * CAPACITY];
        }
        let mut hasher = WordHash::default();
        hasher.write(word.as_bytes());
        let h = hasher.finish();
        let tag = (h >> 32) as u32 | 1;
        let mask = self.slots.len() - 1;
        let mut at = h as usize & mask;
        loop {
            let (t, lexeme) = self.slots[at];
            if t == 0 {
                return Err(Vacancy { at, tag });
            }
            if t == tag && self.spelling(lexeme) == Some(word.as_bytes()) {
                return Ok(lexeme);
            }
            at = (at + 1) & mask;
        }
    }

    fn spelling(&self, lexeme: u32) -> Option<&[u8]> {
        let &(start, len) = self.spans.get(lexeme as usize)?;
        self.text
            .as_bytes()
            .get(start as usize..start as usize + len as usize)
    }

    /// Stores `word` as lexeme `lexeme` at the place [`SpellingIndex::find`] gave.
    fn insert(&mut self, vacancy: Vacancy, word: &str, lexeme: u32) {
        if let Some(slot) = self.slots.get_mut(vacancy.at) {
            *slot = (vacancy.tag, lexeme);
            self.spans.push((self.text.len() as u32, word.len() as u32));
            self.text.push_str(word);
        }
    }
}

/// The bit that marks a lexeme number as one of the current tokens' passing lexemes.
const PASSING: u32 = 1 << 31;

/// Whether a token is unlikely to recur, so keeping its lexeme would only take room from
/// words that do: page ranges, DOIs, glued locators ("2016;12(3):42-65."), long URLs.
/// Years, volumes and issues ("(2016).", "12(3),") recur and are kept.
fn passing(word: &str) -> bool {
    let b = word.as_bytes();
    let digits = b.iter().filter(|b| b.is_ascii_digit()).count();
    b.len() > 32 || digits > 4 || (digits > 0 && b.iter().any(|&c| c == b'-' || c == b'/'))
}

impl Lexicon {
    /// Prepares for labelling `tokens` more tokens with `model`'s weights: forgets
    /// everything when the model differs or the tokens might not fit. Returns false when
    /// they cannot fit even in an empty lexicon (the caller labels without it).
    pub fn prepare(&mut self, model: u64, tokens: usize) -> bool {
        if tokens > CAPACITY {
            return false;
        }
        if self.model != model || self.lexemes.len() + tokens > CAPACITY {
            self.index.clear();
            self.lexemes.clear();
            self.shapes.clear();
            self.generation += 1;
            self.model = model;
        }
        self.passing.clear();
        true
    }

    /// The lexeme of `word`, made now if it is new. After [`Lexicon::prepare`] accepted
    /// the tokens, their lexemes' numbers stay valid until the next `prepare`.
    pub fn lexeme(&mut self, word: &str, weights: &impl Weights) -> u32 {
        if passing(word) {
            let lexeme = self.make(word, weights);
            self.passing.push(lexeme);
            return (self.passing.len() - 1) as u32 | PASSING;
        }
        let slot = match self.index.find(word) {
            Ok(i) => return i,
            Err(slot) => slot,
        };
        let lexeme = self.make(word, weights);
        let i = self.lexemes.len() as u32;
        self.lexemes.push(lexeme);
        self.index.insert(slot, word, i);
        i
    }

    fn make(&mut self, word: &str, weights: &impl Weights) -> Lexeme {
        let info = analyse(word, &mut self.lower);
        let mut lexeme = Lexeme::new(info, weights, &mut self.ids);
        let shape = info.shape();
        lexeme.shape = if shape == 0 {
            0
        } else {
            let next = self.shapes.len() + 1;
            match self.shapes.get(&shape) {
                Some(&id) => id,
                None if next < usize::from(NO_SHAPE) => {
                    self.shapes.insert(shape, next as u16);
                    next as u16
                }
                None => NO_SHAPE,
            }
        };
        lexeme
    }

    /// Counts the times the lexicon started afresh (and renumbered its shapes).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Lexeme number `i`.
    pub fn get(&self, i: u32) -> Option<&Lexeme> {
        if i & PASSING != 0 {
            self.passing.get((i & !PASSING) as usize)
        } else {
            self.lexemes.get(i as usize)
        }
    }
}

/// The summed weights of the joint features (see [`super::features::joint_ids`]) by the
/// shapes of a token and its neighbours and the sentences before it.
///
/// Those features read nothing else, and references repeat a few hundred shapes ("Xx,"
/// "X." "(dddd)." "dd(d),"), so the three hashed lookups per token, the ones most likely to
/// miss the processor's caches, are mostly a probe of this small table instead. A slot holds
/// one key (direct-mapped); a collision only replaces it.
#[derive(Debug, Default)]
pub(crate) struct JointCache {
    generation: u64,
    slots: Vec<(u64, Sums)>,
}

const JOINT_SLOTS: usize = 1 << 12;

impl JointCache {
    /// The key of a token's joint features, None when a shape has no number.
    pub fn key(previous: u16, me: u16, next: u16, sentence: u64) -> Option<u64> {
        if previous == NO_SHAPE || me == NO_SHAPE || next == NO_SHAPE {
            return None;
        }
        // The top bit marks a key, so an empty slot (key 0) never matches.
        Some(
            1 << 63
                | sentence.min(0xff) << 48
                | u64::from(next) << 32
                | u64::from(me) << 16
                | u64::from(previous),
        )
    }

    fn slot(key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - 12)) as usize
    }

    /// Forgets everything when `lexicon` renumbered its shapes since the last call.
    pub fn follow(&mut self, lexicon: &Lexicon) {
        if self.slots.is_empty() {
            self.slots = vec![(0, [0; LABELS]); JOINT_SLOTS];
        } else if self.generation != lexicon.generation() {
            self.slots.fill((0, [0; LABELS]));
        }
        self.generation = lexicon.generation();
    }

    /// The sums stored under `key`.
    pub fn get(&self, key: u64) -> Option<&Sums> {
        self.slots
            .get(Self::slot(key))
            .filter(|(k, _)| *k == key)
            .map(|(_, sums)| sums)
    }

    /// Stores `sums` under `key`.
    pub fn put(&mut self, key: u64, sums: Sums) {
        if let Some(slot) = self.slots.get_mut(Self::slot(key)) {
            *slot = (key, sums);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spelling_index_finds_what_it_stored_and_nothing_else() {
        let mut index = SpellingIndex::default();
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            let Err(vacancy) = index.find(w) else {
                panic!("{w} found before it was stored");
            };
            index.insert(vacancy, w, i as u32);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(index.find(w).ok(), Some(i as u32), "{w}");
        }
        assert!(index.find("w5000").is_err());
        assert!(index.find("").is_err());
        index.clear();
        assert!(index.find("w1").is_err());
    }

    #[test]
    fn joint_sums_are_kept_per_shape_triple_until_the_shapes_are_renumbered() {
        let mut lex = Lexicon::default();
        let mut joints = JointCache::default();
        assert!(lex.prepare(1, 1));
        joints.follow(&lex);
        let key = JointCache::key(1, 2, 3, 0).unwrap();
        assert_ne!(Some(key), JointCache::key(3, 2, 1, 0));
        assert_ne!(Some(key), JointCache::key(1, 2, 3, 1));
        assert_eq!(JointCache::key(1, NO_SHAPE, 3, 0), None);
        assert!(joints.get(key).is_none());
        joints.put(key, [7; LABELS]);
        assert_eq!(joints.get(key), Some(&[7; LABELS]));
        assert!(lex.prepare(1, 1));
        joints.follow(&lex);
        assert_eq!(joints.get(key), Some(&[7; LABELS]), "same numbering");
        assert!(lex.prepare(2, 1));
        joints.follow(&lex);
        assert!(
            joints.get(key).is_none(),
            "a new model renumbers the shapes"
        );
    }

    #[test]
    fn a_full_lexicon_starts_afresh_and_a_new_model_too() {
        struct Nothing;
        impl Weights for Nothing {
            fn row_of(&self, _: u32) -> u32 {
                0
            }
            fn add_row(&self, _: &mut Sums, _: u32) {}
        }
        let mut lex = Lexicon::default();
        assert!(lex.prepare(1, 2));
        let a = lex.lexeme("Brown", &Nothing);
        assert_eq!(lex.lexeme("Brown", &Nothing), a);
        assert_ne!(lex.lexeme("J.", &Nothing), a);
        // a page range is labelled but not kept
        let pages = lex.lexeme("42-65.", &Nothing);
        assert!(lex.get(pages).is_some());
        assert_eq!(lex.lexemes.len(), 2);
        assert!(lex.prepare(1, 5));
        assert_eq!(lex.lexemes.len(), 2);
        assert!(lex.get(pages).is_none());
        assert!(lex.prepare(2, 5));
        assert!(lex.lexemes.is_empty());
        assert!(!lex.prepare(2, CAPACITY + 1));
        assert!(lex.prepare(2, CAPACITY));
    }
}
