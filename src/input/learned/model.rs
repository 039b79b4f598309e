//! The trained weights, Viterbi decoding, and the model's byte format.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::OnceLock;

use std::sync::atomic::{AtomicU64, Ordering};

use super::features::{
    FIRST_TOKEN, Features, IN_PAREN, IN_QUOTE, IN_SEEN, LAST_TOKEN, POSITION_IDS, SENTENCE_IDS,
    State, TokenInfo, YEAR_SEEN, extract, joint_ids, position_bucket,
};
use super::label::FieldLabel;
use super::lexicon::{JointCache, Lexeme, Lexicon, Sums, Weights};
use super::tokens::tokenize;
use crate::error::{Error, Result};

pub(crate) const LABELS: usize = FieldLabel::ALL.len();

/// The model bundled with the crate, trained on AnyStyle's `core.xml` by
/// `cargo run --release --example train_parser`.
static BUNDLED_BYTES: &[u8] = include_bytes!("../../../data/reference-model.bin");

const MAGIC: &[u8; 4] = b"CGSM";
const VERSION: u8 = 1;

/// A linear-chain sequence model that labels the tokens of a reference with the field they
/// belong to (author, title, journal, …).
///
/// It is an averaged structured perceptron (Collins 2002) over hashed token features with
/// first-order label transitions, decoded with Viterbi: the same family of model as the CRFs
/// of AnyStyle and GROBID, trained the same way on their annotated data, but small and fast
/// enough to run beside the rule parser. [`SequenceModel::bundled`] is the model shipped in
/// the crate; [`SequenceModel::train`] builds one from your own annotated references.
///
/// ```
/// use citegraph::{FieldLabel, SequenceModel};
///
/// let model = SequenceModel::bundled();
/// let text = "Smith, J. (2016). A study of things. Journal of Stuff, 12(3), 42-65.";
/// let spans = model.label(text);
/// let title = spans.iter().find(|s| s.label == FieldLabel::Title).map(|s| &text[s.span.clone()]);
/// assert_eq!(title, Some("A study of things."));
/// ```
#[derive(Debug, Clone)]
pub struct SequenceModel {
    /// Feature id → where in `pool` its non-zero weights are.
    index: FeatureIndex,
    /// Each feature's weight for every label, as 16-bit integers times `scale` (the byte
    /// format's quantisation, kept in memory too). A dense row is summed into a token's
    /// scores with a few vector adds, where a sparse list of (label, weight) pairs made a
    /// chain of dependent scattered adds; the integer sum is exact.
    rows: Vec<[i16; LABELS]>,
    scale: f32,
    /// `transitions[prev * LABELS + next]`.
    transitions: Vec<f32>,
    /// How far each label's transitions stay above another's (see [`Slack`]).
    slack: Box<Slack>,
    /// The largest transition score's magnitude, for Viterbi's rounding margin.
    reach: f64,
    start: Vec<f32>,
    /// The summed weights of the features that do not depend on any spelling.
    fixed: Box<FixedSums>,
    /// Tells this model's weights apart in a thread's [`Lexicon`]; a clone shares them.
    id: u64,
}

/// Weight sums of the features fixed by a token's place or the state before it, and of a
/// missing neighbour's, so labelling with a [`Lexicon`] looks none of them up.
#[derive(Debug, Clone)]
struct FixedSums {
    position: [Sums; 10],
    first_token: Sums,
    last_token: Sums,
    in_quote: Sums,
    in_paren: Sums,
    sentence: [Sums; 6],
    year_seen: Sums,
    in_seen: Sums,
    /// The lexeme of no token, for the neighbours of the first and last tokens.
    none: Lexeme,
}

/// A run of consecutive tokens with one label, as a byte range of the labelled text.
///
/// ```
/// use citegraph::{FieldLabel, LabeledSpan};
///
/// let s = LabeledSpan { label: FieldLabel::Date, span: 9..15 };
/// assert_eq!(&"Brown J. (2017) Title"[s.span], "(2017)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabeledSpan {
    /// The field.
    pub label: FieldLabel,
    /// Where it is in the text, from the first token's start to the last token's end.
    pub span: Range<usize>,
}

impl SequenceModel {
    /// The model bundled with the crate (trained on AnyStyle's `core.xml`; see the README
    /// for how to rebuild it). Loaded once, on first use.
    pub fn bundled() -> &'static SequenceModel {
        static MODEL: OnceLock<SequenceModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The bytes are the crate's own and a test reads them, so this cannot fail in a
            // released build; an empty model still labels, it just knows nothing.
            SequenceModel::from_bytes(BUNDLED_BYTES).unwrap_or_else(|_| SequenceModel::empty())
        })
    }

    pub(crate) fn empty() -> SequenceModel {
        SequenceModel::from_quantised(Vec::new(), f32::MIN_POSITIVE, Vec::new(), Vec::new())
    }

    /// A model from trained weights: they are quantised to 16 bits with one scale (the
    /// largest weight becomes 32000), as [`SequenceModel::to_bytes`] writes them, so a
    /// freshly trained model labels exactly as its saved and reloaded copy does.
    pub(crate) fn from_parts(
        rows: Vec<(u32, Vec<(u8, f32)>)>,
        transitions: Vec<f32>,
        start: Vec<f32>,
    ) -> SequenceModel {
        let max = rows
            .iter()
            .flat_map(|(_, ws)| ws.iter().map(|&(_, w)| w.abs()))
            .fold(0.0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        let scale = max / 32000.0;
        let rows = rows
            .into_iter()
            .map(|(id, ws)| {
                let ws = ws
                    .into_iter()
                    .map(|(l, w)| (l, (w / scale).round() as i16))
                    .collect();
                (id, ws)
            })
            .collect();
        SequenceModel::from_quantised(rows, scale, transitions, start)
    }

    /// A model from 16-bit weights and their scale. Zero weights, labels out of range and
    /// features without weight are left out; missing transition or start scores are zero.
    fn from_quantised(
        rows: Vec<(u32, Vec<(u8, i16)>)>,
        scale: f32,
        mut transitions: Vec<f32>,
        mut start: Vec<f32>,
    ) -> SequenceModel {
        transitions.resize(LABELS * LABELS, 0.0);
        start.resize(LABELS, 0.0);
        let mut index = FeatureIndex::with_capacity(rows.len());
        let mut dense = Vec::with_capacity(rows.len());
        for (id, weights) in rows {
            let mut row = [0i16; LABELS];
            for (l, q) in weights {
                if let Some(w) = row.get_mut(usize::from(l)) {
                    *w = q;
                }
            }
            if row.iter().any(|&q| q != 0) && index.insert(id, dense.len()) {
                dense.push(row);
            }
        }
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let fixed = FixedSums::new(&Table {
            index: &index,
            rows: &dense,
        });
        SequenceModel {
            index,
            rows: dense,
            scale,
            slack: Box::new(slack(&transitions)),
            reach: reach(&transitions),
            transitions,
            start,
            fixed: Box::new(fixed),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// How many features carry weight; a measure of the model's size.
    ///
    /// ```
    /// assert!(citegraph::SequenceModel::bundled().feature_count() > 1000);
    /// ```
    pub fn feature_count(&self) -> usize {
        self.index.len()
    }

    /// Labels the whitespace-separated tokens of `text` and returns the runs of equal
    /// labels in order. Pass text normalised by [`crate::text::normalize`], as training
    /// data is.
    pub fn label(&self, text: &str) -> Vec<LabeledSpan> {
        self.label_constrained(text, None)
    }

    /// Labels `text` with the tokens that start within the first `prefix.0` bytes forced to `prefix.1`
    /// and no later token given that label: how the parser hands the model the name list
    /// its rules have already read, so the model decides only the rest.
    pub(crate) fn label_constrained(
        &self,
        text: &str,
        prefix: Option<(usize, FieldLabel)>,
    ) -> Vec<LabeledSpan> {
        // The buffers of one call serve the next: labelling allocates only its answer.
        let reused = SCRATCH.try_with(|s| {
            s.try_borrow_mut()
                .ok()
                .map(|mut s| self.label_in(text, prefix, &mut s))
        });
        match reused {
            Ok(Some(spans)) => spans,
            _ => self.label_in(text, prefix, &mut Scratch::default()),
        }
    }

    fn label_in(
        &self,
        text: &str,
        prefix: Option<(usize, FieldLabel)>,
        s: &mut Scratch,
    ) -> Vec<LabeledSpan> {
        tokenize(text, &mut s.tokens);
        if s.tokens.is_empty() {
            return Vec::new();
        }
        if s.lexicon.prepare(self.id, s.tokens.len()) {
            self.emissions_by_lexeme(text, s);
        } else {
            extract(text, &s.tokens, &mut s.features);
            self.emissions(&s.features, &mut s.found, &mut s.emissions);
        }
        if let Some((end, label)) = prefix {
            for (t, row) in s.tokens.iter().zip(s.emissions.chunks_exact_mut(LABELS)) {
                let inside = t.start < end;
                for (l, e) in row.iter_mut().enumerate() {
                    if (l == label.index()) != inside {
                        *e = f32::NEG_INFINITY;
                    }
                }
            }
        }
        let chain = Chain {
            transitions: &self.transitions,
            slack: &self.slack,
            reach: self.reach,
            start: &self.start,
        };
        viterbi_into(
            s.tokens.len(),
            &s.emissions,
            &chain,
            &mut s.back,
            &mut s.path,
        );
        let mut spans: Vec<LabeledSpan> = Vec::new();
        for (t, &l) in s.tokens.iter().zip(&s.path) {
            let l = FieldLabel::ALL[usize::from(l) % LABELS];
            match spans.last_mut() {
                Some(s) if s.label == l => s.span.end = t.end,
                _ => spans.push(LabeledSpan {
                    label: l,
                    span: t.clone(),
                }),
            }
        }
        s.shrink();
        spans
    }

    /// Every token's score for every label into `out` (`tokens × LABELS`).
    ///
    /// The table lookups of all the reference's features go first, in one loop whose loads
    /// do not depend on each other, so the processor overlaps their cache misses; then each
    /// token's weights are summed. Looking up and summing feature by feature made every
    /// miss wait for the one before.
    fn emissions(&self, features: &Features, found: &mut Vec<u32>, out: &mut Vec<f32>) {
        found.clear();
        found.extend(features.ids.iter().map(|&id| self.index.get(id)));
        out.clear();
        for i in 0..features.len() {
            let mut acc = [0i32; LABELS];
            for &r in found.get(features.range(i)).unwrap_or(&[]) {
                if let Some(row) = self.rows.get((r as usize).wrapping_sub(1)) {
                    for (a, &q) in acc.iter_mut().zip(row) {
                        *a += i32::from(q);
                    }
                }
            }
            out.extend(acc.iter().map(|&q| q as f32 * self.scale));
        }
    }

    /// [`SequenceModel::emissions`] by way of the thread's lexicon (see [`super::lexicon`]):
    /// the same scores, from one probe per token plus the few features that join two
    /// tokens or depend on the place and state.
    fn emissions_by_lexeme(&self, text: &str, s: &mut Scratch) {
        let Scratch {
            tokens,
            lexicon,
            joints,
            lexemes,
            emissions,
            ..
        } = s;
        lexemes.clear();
        for t in tokens.iter() {
            lexemes.push(lexicon.lexeme(text.get(t.clone()).unwrap_or(""), self));
        }
        let fixed = &*self.fixed;
        let lexeme = |i: Option<usize>| {
            i.and_then(|i| lexemes.get(i))
                .and_then(|&k| lexicon.get(k))
                .unwrap_or(&fixed.none)
        };
        joints.follow(lexicon);
        let n = tokens.len();
        let mut state = State::default();
        emissions.clear();
        for (i, t) in tokens.iter().enumerate() {
            let me = lexeme(Some(i));
            let prev = lexeme(i.checked_sub(1));
            let next = lexeme(Some(i + 1).filter(|&j| j < n));
            let sentence = state.sentence();
            let key = JointCache::key(prev.shape, me.shape, next.shape, sentence);
            let mut acc = match key.and_then(|k| joints.get(k)) {
                Some(sums) => *sums,
                None => {
                    let mut sums = [0; LABELS];
                    for id in joint_ids(&prev.info, &me.info, &next.info, sentence) {
                        self.add_row(&mut sums, self.index.get(id));
                    }
                    if let Some(k) = key {
                        joints.put(k, sums);
                    }
                    sums
                }
            };
            let mut add = |sums: &Sums| {
                for (a, &w) in acc.iter_mut().zip(sums) {
                    *a += w;
                }
            };
            add(&me.own);
            add(&prev.as_previous);
            add(&next.as_next);
            add(&fixed.position[position_bucket(i, n).min(9)]);
            add(&fixed.sentence[sentence.min(5) as usize]);
            if i == 0 {
                add(&fixed.first_token);
            }
            if i + 1 == n {
                add(&fixed.last_token);
            }
            if state.in_quote {
                add(&fixed.in_quote);
            }
            if state.in_paren() {
                add(&fixed.in_paren);
            }
            if state.year_seen {
                add(&fixed.year_seen);
            }
            if state.in_seen {
                add(&fixed.in_seen);
            }
            let prev2 = &lexeme(i.checked_sub(2)).as_second_previous;
            let next2 = &lexeme(Some(i + 2).filter(|&j| j < n)).as_second_next;
            for ((a, &p), &x) in acc.iter_mut().zip(prev2).zip(next2) {
                *a += i32::from(p) + i32::from(x);
            }
            emissions.extend(acc.iter().map(|&q| q as f32 * self.scale));
            state.advance(text.get(t.clone()).unwrap_or(""), &me.info);
        }
    }

    /// The model as bytes, for [`SequenceModel::from_bytes`]. Weights are stored as 16-bit
    /// integers with one scale, which keeps the bundled model small at no measurable cost
    /// in accuracy.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.push(VERSION);
        out.push(LABELS as u8);
        for l in FieldLabel::ALL {
            out.push(l.name().len() as u8);
            out.extend_from_slice(l.name().as_bytes());
        }
        for w in self.start.iter().chain(&self.transitions) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        let mut ids: Vec<(u32, u32)> = self.index.iter().collect();
        ids.sort_unstable();
        out.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        for (id, r) in ids {
            let row = self
                .rows
                .get((r as usize).wrapping_sub(1))
                .unwrap_or(&[0; LABELS]);
            out.extend_from_slice(&id.to_le_bytes());
            out.push(row.iter().filter(|&&q| q != 0).count() as u8);
            for (l, &q) in row.iter().enumerate().filter(|&(_, &q)| q != 0) {
                out.push(l as u8);
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`SequenceModel::to_bytes`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidModel`] when the bytes are not a model of this version with this
    /// crate's labels.
    ///
    /// ```
    /// use citegraph::SequenceModel;
    ///
    /// let bytes = SequenceModel::bundled().to_bytes();
    /// let again = SequenceModel::from_bytes(&bytes).unwrap();
    /// assert_eq!(again.feature_count(), SequenceModel::bundled().feature_count());
    /// assert!(SequenceModel::from_bytes(b"not a model").is_err());
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<SequenceModel> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(invalid("not a citegraph sequence model"));
        }
        let version = r.u8()?;
        if version != VERSION {
            return Err(invalid(&format!(
                "model version {version}, expected {VERSION}"
            )));
        }
        if usize::from(r.u8()?) != LABELS {
            return Err(invalid("the model's labels differ from this crate's"));
        }
        for l in FieldLabel::ALL {
            let len = usize::from(r.u8()?);
            if r.take(len)? != l.name().as_bytes() {
                return Err(invalid("the model's labels differ from this crate's"));
            }
        }
        let mut start = Vec::with_capacity(LABELS);
        for _ in 0..LABELS {
            start.push(r.f32()?);
        }
        let mut transitions = Vec::with_capacity(LABELS * LABELS);
        for _ in 0..LABELS * LABELS {
            transitions.push(r.f32()?);
        }
        let scale = r.f32()?;
        let count = r.u32()? as usize;
        let mut rows = Vec::with_capacity(count.min(bytes.len() / 5));
        for _ in 0..count {
            let id = r.u32()?;
            let n = usize::from(r.u8()?);
            let mut ws = Vec::with_capacity(n);
            for _ in 0..n {
                let l = r.u8()?;
                if usize::from(l) >= LABELS {
                    return Err(invalid("a weight names a label out of range"));
                }
                let q = i16::from_le_bytes([r.u8()?, r.u8()?]);
                ws.push((l, q));
            }
            rows.push((id, ws));
        }
        if r.at != bytes.len() {
            return Err(invalid("trailing bytes after the model"));
        }
        if !scale.is_finite() {
            return Err(invalid("the weights' scale is not a number"));
        }
        Ok(SequenceModel::from_quantised(
            rows,
            scale,
            transitions,
            start,
        ))
    }
}

/// Slots per bucket: a bucket is one 64-byte cache line.
const BUCKET: usize = 8;

/// Eight feature ids and where their weights are; `refs[k] == 0` marks an empty slot.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    ids: [u32; BUCKET],
    /// The feature's row in `rows` plus one.
    refs: [u32; BUCKET],
}

/// A hash table from feature id to its weights' place in the pool, in cache-line buckets.
///
/// Feature ids are already well-mixed hashes, so the bucket is the id's low bits. A lookup
/// reads one cache line and compares its eight ids without branching; only when the bucket
/// is full does it go on to the next one (linear probing by bucket, which a few per cent of
/// lookups need at the load this table is built with). Eight bytes a slot at most 5/8 full
/// keep the bundled model's table near 1 MB, inside the L2 cache of common processors.
#[derive(Debug, Clone)]
struct FeatureIndex {
    buckets: Vec<Bucket>,
    len: usize,
}

impl FeatureIndex {
    fn with_capacity(n: usize) -> FeatureIndex {
        // At most 5/8 full, and never full, so every probe sequence ends.
        let size = n.div_ceil(5).max(1).next_power_of_two();
        FeatureIndex {
            buckets: vec![Bucket::default(); size],
            len: 0,
        }
    }

    /// Inserts a feature's row number. Returns false (and inserts nothing) for an id
    /// already present (it keeps its first row), or a table already at capacity.
    fn insert(&mut self, id: u32, row: usize) -> bool {
        let Some(r) = u32::try_from(row).ok().and_then(|r| r.checked_add(1)) else {
            return false;
        };
        if (self.len + 1) * 8 > self.buckets.len() * BUCKET * 5 {
            return false;
        }
        let mask = self.buckets.len() - 1;
        let mut b = id as usize & mask;
        loop {
            let bucket = &mut self.buckets[b];
            for k in 0..BUCKET {
                if bucket.refs[k] == 0 {
                    bucket.ids[k] = id;
                    bucket.refs[k] = r;
                    self.len += 1;
                    return true;
                }
                if bucket.ids[k] == id {
                    return false;
                }
            }
            b = (b + 1) & mask;
        }
    }

    /// The feature's row plus one, 0 when the model does not know it.
    #[inline]
    fn get(&self, id: u32) -> u32 {
        let mask = self.buckets.len() - 1;
        let mut b = id as usize & mask;
        loop {
            let bucket = &self.buckets[b];
            // Ids are unique and an empty slot's ref is 0, so or-ing every match is exact.
            let found = bucket
                .ids
                .iter()
                .zip(&bucket.refs)
                .fold(0, |acc, (&k, &r)| acc | if k == id { r } else { 0 });
            // Slots fill in order, so a bucket with its last slot empty ends the probe.
            if found != 0 || bucket.refs[BUCKET - 1] == 0 {
                return found;
            }
            b = (b + 1) & mask;
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    /// Every stored `(id, ref)`.
    fn iter(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.buckets.iter().flat_map(|b| {
            b.ids
                .iter()
                .zip(&b.refs)
                .filter(|&(_, &r)| r != 0)
                .map(|(&k, &r)| (k, r))
        })
    }
}

/// A model's weight table, apart from the model (which is built from its sums).
struct Table<'a> {
    index: &'a FeatureIndex,
    rows: &'a [[i16; LABELS]],
}

impl Weights for Table<'_> {
    #[inline]
    fn row_of(&self, id: u32) -> u32 {
        self.index.get(id)
    }

    #[inline]
    fn add_row(&self, acc: &mut Sums, r: u32) {
        if let Some(row) = self.rows.get((r as usize).wrapping_sub(1)) {
            for (a, &q) in acc.iter_mut().zip(row) {
                *a += i32::from(q);
            }
        }
    }
}

impl Weights for SequenceModel {
    #[inline]
    fn row_of(&self, id: u32) -> u32 {
        self.index.get(id)
    }

    #[inline]
    fn add_row(&self, acc: &mut Sums, r: u32) {
        Table {
            index: &self.index,
            rows: &self.rows,
        }
        .add_row(acc, r);
    }
}

impl FixedSums {
    fn new(weights: &impl Weights) -> FixedSums {
        let sum = |id: u32| {
            let mut acc = [0; LABELS];
            weights.add_row(&mut acc, weights.row_of(id));
            acc
        };
        FixedSums {
            position: POSITION_IDS.map(sum),
            first_token: sum(FIRST_TOKEN),
            last_token: sum(LAST_TOKEN),
            in_quote: sum(IN_QUOTE),
            in_paren: sum(IN_PAREN),
            sentence: SENTENCE_IDS.map(sum),
            year_seen: sum(YEAR_SEEN),
            in_seen: sum(IN_SEEN),
            none: Lexeme::new(TokenInfo::default(), weights, &mut Vec::new()),
        }
    }
}

/// Buffers one labelling leaves for the next on the same thread.
#[derive(Debug, Default)]
struct Scratch {
    tokens: Vec<Range<usize>>,
    features: Features,
    lexicon: Lexicon,
    joints: JointCache,
    lexemes: Vec<u32>,
    found: Vec<u32>,
    emissions: Vec<f32>,
    back: Vec<([f32; LABELS], u32)>,
    path: Vec<u8>,
}

impl Scratch {
    /// Drops buffers a very long text grew, so one huge input does not pin its memory for
    /// the thread's lifetime.
    fn shrink(&mut self) {
        if self.features.ids.capacity() > 1 << 16 || self.tokens.capacity() > 1 << 12 {
            let lexicon = std::mem::take(&mut self.lexicon);
            *self = Scratch {
                lexicon,
                ..Scratch::default()
            };
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn invalid(why: &str) -> Error {
    Error::InvalidModel(why.to_string())
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| invalid("the model is truncated"))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_bits(self.u32()?))
    }
}

/// For labels `q` and `p`, the least by which a step from `q` outscores the same step
/// from `p`, over every next label: `slack[q][p] = min over l of (T[q][l] - T[p][l])`.
///
/// When `q` is the best label so far and `score[p] - score[q]` is below `slack[q][p]`,
/// no step from `p` can beat the same step from `q`, so Viterbi need not add `p`'s row:
/// an exact pruning that leaves a handful of the twenty previous labels per token.
///
/// Stored as `f32`, each value widened downwards by a relative 2^-20 (far more than the
/// 2^-24 rounding of the conversion), so that [`step`]'s test can run in `f32`: its
/// threshold then never exceeds the exact one, and it keeps a superset of the rows the
/// exact test keeps. An extra row kept changes nothing (see [`step`]).
type Slack = [[f32; LABELS]; LABELS];

/// The relative widening of [`Slack`] and of [`step`]'s rounding margin.
const WIDEN: f64 = 1.0 / (1u32 << 20) as f64;

fn reach(transitions: &[f32]) -> f64 {
    transitions
        .iter()
        .fold(0.0f64, |m, &t| m.max(f64::from(t).abs()))
}

fn slack(transitions: &[f32]) -> Slack {
    let mut out = [[0.0; LABELS]; LABELS];
    let t = |p: usize, l: usize| f64::from(transitions.get(p * LABELS + l).copied().unwrap_or(0.0));
    for (q, row) in out.iter_mut().enumerate() {
        for (p, s) in row.iter_mut().enumerate() {
            let least = (0..LABELS)
                .map(|l| t(q, l) - t(p, l))
                .fold(f64::INFINITY, f64::min);
            // f32 differences are exact in f64, so `least` is the exact least margin; it
            // is lowered before rounding to f32 (see [`Slack`]).
            *s = (least - least.abs() * WIDEN) as f32;
        }
    }
    out
}

/// The best label sequence under per-token `emissions` (`n × LABELS`), `transitions`
/// (`LABELS × LABELS`, previous label first) and `start` scores.
pub(crate) fn viterbi(n: usize, emissions: &[f32], transitions: &[f32], start: &[f32]) -> Vec<u8> {
    let mut back = Vec::new();
    let mut out = Vec::new();
    let slack = slack(transitions);
    let chain = Chain {
        transitions,
        slack: &slack,
        reach: reach(transitions),
        start,
    };
    viterbi_into(n, emissions, &chain, &mut back, &mut out);
    out
}

/// What Viterbi reads of a model besides the emissions.
struct Chain<'a> {
    /// `transitions[prev * LABELS + next]`.
    transitions: &'a [f32],
    slack: &'a Slack,
    /// The largest transition's magnitude.
    reach: f64,
    start: &'a [f32],
}

/// [`viterbi`] into `out`, with `back` (per token, the best score per label and the set
/// of previous labels that can matter) reused.
///
/// The forward pass keeps only the best score per label; the best previous label is found
/// during the backtrack, for the one label per token on the path, among the previous
/// labels [`step`] kept. Ties go to the lowest previous label, as a full scan with `>`
/// gives.
fn viterbi_into(
    n: usize,
    emissions: &[f32],
    chain: &Chain<'_>,
    back: &mut Vec<([f32; LABELS], u32)>,
    out: &mut Vec<u8>,
) {
    let Chain {
        transitions,
        slack,
        reach,
        start,
    } = *chain;
    out.clear();
    back.clear();
    let rows = emissions.as_chunks::<LABELS>().0;
    let Some(trans) = transitions.as_chunks::<LABELS>().0.first_chunk::<LABELS>() else {
        return;
    };
    let n = n.min(rows.len());
    if n == 0 {
        return;
    }
    let mut score = [0.0f32; LABELS];
    for (l, s) in score.iter_mut().enumerate() {
        *s = start.get(l).copied().unwrap_or(0.0) + rows[0][l];
    }
    for e in &rows[1..n] {
        let (best, open) = step(&score, trans, slack, reach);
        back.push((score, open));
        for ((s, &b), &e) in score.iter_mut().zip(&best).zip(e) {
            *s = b + e;
        }
    }
    let mut last = 0usize;
    let mut best = f32::NEG_INFINITY;
    for (l, &s) in score.iter().enumerate() {
        if s > best {
            best = s;
            last = l;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last as u8;
    for i in (1..n).rev() {
        let (score, mut open) = back[i - 1];
        let mut arg = 0usize;
        let mut best = f32::NEG_INFINITY;
        while open != 0 {
            let p = open.trailing_zeros() as usize;
            open &= open - 1;
            let v = score[p] + trans[p][last];
            if v > best {
                best = v;
                arg = p;
            }
        }
        last = arg;
        out[i - 1] = last as u8;
    }
}

/// One Viterbi step: for every next label, the best score of reaching it from `score`
/// (the maximum over previous labels `p` of `score[p] + trans[p][l]`), and the set of
/// previous labels (bit `p`) that can reach any of those maxima.
///
/// It starts from the best previous label and adds only the rows [`Slack`] cannot rule
/// out: a skipped row's every sum is below the best row's by more than rounding can close
/// (`reach` bounds the transitions, for the rounding margin), so it can neither be a
/// maximum nor tie one, and the scores and the labels found among the rows kept are the
/// ones the full scan finds, bit for bit. The test is made in f64, where the difference
/// of two f32 scores is exact.
///
/// Not inlined: inside the token loop the compiler kept the rows as twenty scalars and
/// repacked them into vectors on every previous label, doubling the instructions.
#[inline(never)]
fn step(
    score: &[f32; LABELS],
    trans: &[[f32; LABELS]; LABELS],
    slack: &Slack,
    reach: f64,
) -> ([f32; LABELS], u32) {
    // The best score by four-lane maxima (vector code), then its first place, from a
    // mask rather than a search whose exit the processor cannot predict.
    let mut lanes = [f32::NEG_INFINITY; 4];
    for chunk in score.as_chunks::<4>().0 {
        for (m, &s) in lanes.iter_mut().zip(chunk) {
            *m = if *m > s { *m } else { s };
        }
    }
    let top = lanes
        .into_iter()
        .fold(f32::NEG_INFINITY, |m, s| if m > s { m } else { s });
    let mut at_top = 0u32;
    for (p, &s) in score.iter().enumerate() {
        at_top |= u32::from(s == top) << p;
    }
    let q = (at_top.trailing_zeros() as usize).min(LABELS - 1);
    // Four units in the last place of the largest magnitude two close sums can have: sums
    // further apart than that round to different floats. (A score far below the best is
    // far below it by much more.) A -inf score never passes the test.
    //
    // The test runs in f32 (vector code) with the margin raised and `slack` lowered by a
    // relative 2^-20 (see [`Slack`]): the roundings of `s - top` and of `least - margin`
    // in f32 are each below 2^-24 of magnitudes no larger than `|least| + margin`, and
    // the margin is at least 2^-20 of that, so every row the exact test keeps is kept.
    // Keeping more rows than needed changes neither a maximum nor the lowest label
    // reaching it. A NaN or -inf difference fails the test, as in exact arithmetic.
    let margin = (f64::from(top).abs() + reach + 1.0) * 3.0 * f64::from(f32::EPSILON) * 2.0;
    let margin = (margin * (1.0 + WIDEN)) as f32;
    let mut open = 0u32;
    for (p, (&s, &least)) in score.iter().zip(&slack[q]).enumerate() {
        open |= u32::from(s - top > least - margin) << p;
    }
    open &= !(1 << q);
    let kept = open | 1 << q;
    let max_in = |best: &mut [f32; LABELS], p: usize| {
        let s = score[p];
        for (b, &t) in best.iter_mut().zip(&trans[p]) {
            let v = s + t;
            // Written so it compiles to one `maxps` per four labels.
            *b = if *b > v { *b } else { v };
        }
    };
    let mut best = [0.0; LABELS];
    for (b, &t) in best.iter_mut().zip(&trans[q]) {
        *b = top + t;
    }
    // Most steps keep one row besides `q`, or none: that one is added without a branch
    // (`q` again when there is none, which changes nothing), and the loop is for the rest.
    let first = if open == 0 {
        q
    } else {
        open.trailing_zeros() as usize
    };
    max_in(&mut best, first.min(LABELS - 1));
    open &= open.wrapping_sub(1);
    while open != 0 {
        let p = open.trailing_zeros() as usize;
        open &= open - 1;
        max_in(&mut best, p);
    }
    (best, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_follows_transitions_over_weak_emissions() {
        let mut e = vec![0.0; 3 * LABELS];
        e[0] = 1.0; // token 0 prefers label 0
        e[2 * LABELS + 1] = 1.0; // token 2 prefers label 1
        let mut t = vec![-1.0; LABELS * LABELS];
        t[0] = 0.5; // 0 -> 0
        t[1] = 0.0; // 0 -> 1
        t[LABELS + 1] = 0.5; // 1 -> 1
        let path = viterbi(3, &e, &t, &[0.0; LABELS]);
        assert_eq!(path[0], 0);
        assert_eq!(path[2], 1);
        assert!(viterbi(0, &[], &t, &[0.0; LABELS]).is_empty());
    }

    /// Both ways of scoring every token of `texts`, with one scratch (and lexicon) for all.
    fn both_scorings(model: &SequenceModel, texts: &[&str]) {
        let mut s = Scratch::default();
        for text in texts {
            tokenize(text, &mut s.tokens);
            extract(text, &s.tokens, &mut s.features);
            let mut plain = Vec::new();
            model.emissions(&s.features, &mut s.found, &mut plain);
            assert!(s.lexicon.prepare(model.id, s.tokens.len()));
            model.emissions_by_lexeme(text, &mut s);
            assert_eq!(plain, s.emissions, "{text:?}");
        }
    }

    #[test]
    fn labelling_by_lexeme_scores_exactly_as_by_features() {
        both_scorings(
            SequenceModel::bundled(),
            &[
                "Smith, J. (2016). A study of things. Journal of Stuff, 12(3), 42-65.",
                "[3] A. B. Family, \u{201c}Title,\u{201d} Journal, vol. 3, no. 2, pp. 1\u{2013}10, 2016.",
                "Smith J",
                "Smith",
                "Стрельцов Д.В. Название // Японские исследования. 2016. № 3. С. 42\u{2013}65.",
                "Brown, J. \"Quoted (and [nested] title).\" In: Eds. Proc. 2017) ) ( ((",
                "Smith, J. (2016). A study of things. Journal of Stuff, 12(3), 42-65.",
                "\u{ab}Ёлка\u{bb} \u{201e}x\u{201d} 10.1000/xyz http://x.org/a",
            ],
        );
    }

    proptest::proptest! {
        #[test]
        fn any_token_sequence_scores_the_same_by_lexeme(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Smith,", "J.", "(2016).", "Title", "of", "the", "Journal", "12(3),",
                    "42-65.", "\"Quoted", "title,\"", "In", "In:", "(Eds.),", "[1]", "Vol.",
                    "\u{ab}Ёлка\u{bb}", "С.", "//", "pp.", "2016;", ")", "(", "Press.",
                ]),
                0..40,
            )
        ) {
            let text = words.join(" ");
            both_scorings(
                SequenceModel::bundled(),
                &[&text, &text[..text.floor_char_boundary(text.len() / 2)]],
            );
        }
    }

    /// The maxima over every previous label, without pruning.
    fn best_unpruned(score: &[f32; LABELS], trans: &[[f32; LABELS]; LABELS]) -> [f32; LABELS] {
        let mut best = [f32::NEG_INFINITY; LABELS];
        for (&s, t) in score.iter().zip(trans) {
            for (b, &t) in best.iter_mut().zip(t) {
                *b = b.max(s + t);
            }
        }
        best
    }

    /// Checks one Viterbi step against the full scan: the same maxima, and for each next
    /// label the same lowest previous label reaching it among the rows kept.
    fn step_matches_full_scan(score: &[f32; LABELS], trans: &[[f32; LABELS]; LABELS]) {
        let flat: Vec<f32> = trans.iter().flatten().copied().collect();
        let (best, kept) = step(score, trans, &slack(&flat), reach(&flat));
        assert_eq!(best, best_unpruned(score, trans), "{score:?}");
        for l in 0..LABELS {
            // the lowest previous label reaching each maximum, over all rows and over the
            // rows kept
            let lowest = |rows: u32| {
                let (mut arg, mut top) = (0, f32::NEG_INFINITY);
                for (p, (&s, t)) in score.iter().zip(trans).enumerate() {
                    if rows & 1 << p != 0 && s + t[l] > top {
                        (arg, top) = (p, s + t[l]);
                    }
                }
                arg
            };
            assert_eq!(lowest(kept), lowest(u32::MAX), "label {l} of {score:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_pruned_step_is_the_full_step(
            raw in proptest::collection::vec(-60.0f32..60.0, LABELS),
            ruled_out in proptest::collection::vec(proptest::bool::weighted(0.2), LABELS),
            shift in -5000.0f32..5000.0,
        ) {
            let model = SequenceModel::bundled();
            let trans = model.transitions.as_chunks::<LABELS>().0.first_chunk::<LABELS>().unwrap();
            let mut score = [0.0; LABELS];
            for (l, s) in score.iter_mut().enumerate() {
                *s = if ruled_out[l] { f32::NEG_INFINITY } else { raw[l] + shift };
            }
            step_matches_full_scan(&score, trans);
        }

        #[test]
        fn a_pruned_step_breaks_ties_as_the_full_step(
            raw in proptest::collection::vec(-2i8..2, LABELS),
            cells in proptest::collection::vec(-2i8..2, LABELS * LABELS),
        ) {
            // Small integers: many previous labels reach the same score exactly.
            let mut trans = [[0.0; LABELS]; LABELS];
            for (t, &c) in trans.iter_mut().flatten().zip(&cells) {
                *t = f32::from(c);
            }
            let mut score = [0.0; LABELS];
            for (s, &r) in score.iter_mut().zip(&raw) {
                *s = f32::from(r);
            }
            step_matches_full_scan(&score, &trans);
        }
    }

    #[test]
    fn a_text_too_long_for_the_lexicon_is_labelled_by_features() {
        let text = "Smith, J. (2016). A study. ".repeat(4000); // 20,000 tokens
        let spans = SequenceModel::bundled().label(&text);
        assert_eq!(spans.first().map(|s| s.span.start), Some(0));
        assert_eq!(
            spans.last().map(|s| s.span.end),
            Some(text.trim_end().len())
        );
        // and the next, short, text still goes by the lexicon, with the same answer
        let short = "Smith, J. (2016). A study of things. Journal of Stuff, 12(3), 42-65.";
        both_scorings(SequenceModel::bundled(), &[short]);
    }

    #[test]
    fn bundled_model_loads() {
        assert!(SequenceModel::from_bytes(BUNDLED_BYTES).is_ok());
    }

    #[test]
    fn truncated_or_corrupt_bytes_are_errors_not_panics() {
        let bytes = SequenceModel::bundled().to_bytes();
        for cut in [0, 3, 5, 50, bytes.len() / 2, bytes.len() - 1] {
            assert!(SequenceModel::from_bytes(&bytes[..cut]).is_err());
        }
        let mut bad = bytes.clone();
        bad[4] = 99;
        assert!(SequenceModel::from_bytes(&bad).is_err());
    }
}
