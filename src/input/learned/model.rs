//! The trained weights, Viterbi decoding, and the model's byte format.

use std::ops::Range;
use std::sync::OnceLock;

use super::features::{Features, extract};
use super::label::FieldLabel;
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
    /// Feature id → range of `pool` holding its non-zero weights.
    index: FeatureIndex,
    pool: Vec<(u8, f32)>,
    /// `transitions[prev * LABELS + next]`.
    transitions: Vec<f32>,
    start: Vec<f32>,
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
        SequenceModel {
            index: FeatureIndex::with_capacity(0),
            pool: Vec::new(),
            transitions: vec![0.0; LABELS * LABELS],
            start: vec![0.0; LABELS],
        }
    }

    pub(crate) fn from_parts(
        rows: Vec<(u32, Vec<(u8, f32)>)>,
        transitions: Vec<f32>,
        start: Vec<f32>,
    ) -> SequenceModel {
        let mut index = FeatureIndex::with_capacity(rows.len());
        let mut pool = Vec::new();
        for (id, weights) in rows {
            let a = pool.len() as u32;
            pool.extend(weights);
            index.insert(id, a, pool.len() as u32);
        }
        SequenceModel {
            index,
            pool,
            transitions,
            start,
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
        let tokens = tokenize(text);
        if tokens.is_empty() {
            return Vec::new();
        }
        let mut features = Features::default();
        extract(&tokens, &mut features);
        let mut emissions = self.emissions(&features);
        if let Some((end, label)) = prefix {
            for (i, t) in tokens.iter().enumerate() {
                let row = &mut emissions[i * LABELS..(i + 1) * LABELS];
                let inside = t.span.start < end;
                for (l, e) in row.iter_mut().enumerate() {
                    if (l == label.index()) != inside {
                        *e = f32::NEG_INFINITY;
                    }
                }
            }
        }
        let labels = viterbi(tokens.len(), &emissions, &self.transitions, &self.start)
            .into_iter()
            .map(|l| FieldLabel::ALL[usize::from(l)]);
        let mut spans: Vec<LabeledSpan> = Vec::new();
        for (t, l) in tokens.iter().zip(labels) {
            match spans.last_mut() {
                Some(s) if s.label == l => s.span.end = t.span.end,
                _ => spans.push(LabeledSpan {
                    label: l,
                    span: t.span.clone(),
                }),
            }
        }
        spans
    }

    fn emissions(&self, features: &Features) -> Vec<f32> {
        let n = features.len();
        let mut emissions = vec![0.0f32; n * LABELS];
        for i in 0..n {
            let row = &mut emissions[i * LABELS..(i + 1) * LABELS];
            for id in features.of(i) {
                if let Some((a, b)) = self.index.get(*id) {
                    for &(l, w) in &self.pool[a as usize..b as usize] {
                        row[usize::from(l)] += w;
                    }
                }
            }
        }
        emissions
    }

    /// The model as bytes, for [`SequenceModel::from_bytes`]. Weights are stored as 16-bit
    /// integers with one scale, which keeps the bundled model small at no measurable cost
    /// in accuracy.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .pool
            .iter()
            .map(|&(_, w)| w.abs())
            .fold(0.0f32, f32::max)
            .max(f32::MIN_POSITIVE);
        let scale = max / 32000.0;
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
        out.extend_from_slice(&scale.to_le_bytes());
        let mut ids: Vec<(u32, (u32, u32))> = self.index.iter().collect();
        ids.sort_unstable();
        let rows: Vec<(u32, Vec<(u8, i16)>)> = ids
            .into_iter()
            .map(|(id, (a, b))| {
                let ws = self.pool[a as usize..b as usize]
                    .iter()
                    .map(|&(l, w)| (l, (w / scale).round() as i16))
                    .filter(|&(_, q)| q != 0)
                    .collect();
                (id, ws)
            })
            .filter(|(_, ws): &(u32, Vec<(u8, i16)>)| !ws.is_empty())
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (id, ws) in rows {
            out.extend_from_slice(&id.to_le_bytes());
            out.push(ws.len() as u8);
            for (l, q) in ws {
                out.push(l);
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
                ws.push((l, f32::from(q) * scale));
            }
            rows.push((id, ws));
        }
        if r.at != bytes.len() {
            return Err(invalid("trailing bytes after the model"));
        }
        Ok(SequenceModel::from_parts(rows, transitions, start))
    }
}

/// An open-addressing table from feature id to its weights' range in the pool.
///
/// Feature ids are already well-mixed hashes, so the slot is the id's low bits and a lookup
/// costs one probe or two — the model's hottest loop, a few hundred lookups per reference.
#[derive(Debug, Clone)]
struct FeatureIndex {
    /// `(id, start, end)`; `end == 0` marks an empty slot (a stored range is never empty).
    slots: Vec<(u32, u32, u32)>,
    len: usize,
}

impl FeatureIndex {
    fn with_capacity(n: usize) -> FeatureIndex {
        // At most half full, so probes stay short.
        let size = (n * 2).next_power_of_two().max(16);
        FeatureIndex {
            slots: vec![(0, 0, 0); size],
            len: 0,
        }
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Inserts a non-empty range; an id already present keeps its first range.
    fn insert(&mut self, id: u32, start: u32, end: u32) {
        if end <= start {
            return;
        }
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            *self = FeatureIndex::with_capacity(self.len + 1);
            for (id, a, b) in old.into_iter().filter(|s| s.2 != 0) {
                self.insert(id, a, b);
            }
        }
        let mask = self.mask();
        let mut i = id as usize & mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.2 == 0 {
                *slot = (id, start, end);
                self.len += 1;
                return;
            }
            if slot.0 == id {
                return;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn get(&self, id: u32) -> Option<(u32, u32)> {
        let mask = self.mask();
        let mut i = id as usize & mask;
        loop {
            let (k, a, b) = self.slots[i];
            if b == 0 {
                return None;
            }
            if k == id {
                return Some((a, b));
            }
            i = (i + 1) & mask;
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn iter(&self) -> impl Iterator<Item = (u32, (u32, u32))> + '_ {
        self.slots
            .iter()
            .filter(|s| s.2 != 0)
            .map(|&(k, a, b)| (k, (a, b)))
    }
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

/// The best label sequence under per-token `emissions` (`n × LABELS`), `transitions`
/// (`LABELS × LABELS`, previous label first) and `start` scores.
pub(crate) fn viterbi(n: usize, emissions: &[f32], transitions: &[f32], start: &[f32]) -> Vec<u8> {
    if n == 0 {
        return Vec::new();
    }
    let mut score = [0.0f32; LABELS];
    let mut next = [0.0f32; LABELS];
    let mut back = vec![0u8; n * LABELS];
    for l in 0..LABELS {
        score[l] = start[l] + emissions[l];
    }
    for i in 1..n {
        let e = &emissions[i * LABELS..(i + 1) * LABELS];
        for l in 0..LABELS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for (p, s) in score.iter().enumerate() {
                let v = s + transitions[p * LABELS + l];
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            next[l] = best + e[l];
            back[i * LABELS + l] = arg;
        }
        score = next;
    }
    let mut last = 0u8;
    let mut best = f32::NEG_INFINITY;
    for (l, &s) in score.iter().enumerate() {
        if s > best {
            best = s;
            last = l as u8;
        }
    }
    let mut out = vec![0u8; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        last = back[i * LABELS + usize::from(last)];
        out[i - 1] = last;
    }
    out
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
