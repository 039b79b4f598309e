//! Training: the averaged structured perceptron.
//!
//! Each epoch walks the examples in a fixed pseudo-random order, decodes each with the
//! current weights and, where the predicted labels differ from the gold ones, moves the
//! weights toward the gold features and transitions. The returned weights are the average
//! over every step (computed with the usual running-sum trick), which generalises much
//! better than the last weights (Collins 2002; Freund and Schapire 1999).

use super::features::{Features, extract};
use super::label::FieldLabel;
use super::model::{LABELS, SequenceModel, viterbi};
use super::tokens::tokenize;
use crate::hash::FnvMap;
use crate::text::normalize;

/// The largest weight over the smallest one kept; see the pruning in `train`.
const PRUNE_BELOW: f32 = 128.0;

/// One annotated reference: its text as consecutive labelled segments.
///
/// ```
/// use citegraph::{FieldLabel, TrainingExample};
///
/// let ex = TrainingExample {
///     segments: vec![
///         (FieldLabel::Author, "Brown J.".into()),
///         (FieldLabel::Date, "(2017)".into()),
///         (FieldLabel::Title, "Japan Woos Russia.".into()),
///     ],
/// };
/// assert_eq!(ex.text(), "Brown J. (2017) Japan Woos Russia.");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TrainingExample {
    /// The reference's text in order, each piece with its field.
    pub segments: Vec<(FieldLabel, String)>,
}

impl TrainingExample {
    /// The reference's text: the segments joined by single spaces.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (_, s) in &self.segments {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(s.trim());
        }
        out
    }

    /// The normalised tokens' features and gold labels.
    fn prepare(&self, features: &mut Features) -> Vec<u8> {
        let mut words = String::new();
        let mut gold = Vec::new();
        for (label, s) in &self.segments {
            for w in normalize(s).split_whitespace() {
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(w);
                gold.push(label.index() as u8);
            }
        }
        let mut tokens = Vec::new();
        tokenize(&words, &mut tokens);
        extract(&words, &tokens, features);
        gold
    }
}

/// How [`SequenceModel::train`] trains.
///
/// ```
/// let options = citegraph::TrainOptions { epochs: 5, ..Default::default() };
/// assert_eq!(options.min_count, 2);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the examples.
    pub epochs: usize,
    /// A feature seen fewer times than this in the examples gets no weight: rare features
    /// mostly memorise single examples and would bloat the model.
    pub min_count: u32,
    /// Seed of the example order, so training is reproducible.
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 12,
            min_count: 2,
            seed: 0x5eed,
        }
    }
}

/// Weights and their running sums for averaging.
struct Averaged {
    w: Vec<f32>,
    sum: Vec<f32>,
}

impl Averaged {
    fn new(n: usize) -> Averaged {
        Averaged {
            w: vec![0.0; n],
            sum: vec![0.0; n],
        }
    }

    fn add(&mut self, i: usize, delta: f32, step: f32) {
        self.w[i] += delta;
        self.sum[i] += delta * step;
    }

    /// w − sum / steps: the average of the weights over all steps.
    fn average(&self, steps: f32) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.sum)
            .map(|(w, s)| w - s / steps)
            .collect()
    }
}

impl SequenceModel {
    /// Trains a model on annotated references.
    ///
    /// Deterministic for the same examples and options. A thousand references train in a
    /// few seconds.
    ///
    /// ```
    /// use citegraph::{FieldLabel, SequenceModel, TrainOptions, TrainingExample};
    ///
    /// let ex = |a: &str, y: &str, t: &str| TrainingExample {
    ///     segments: vec![
    ///         (FieldLabel::Author, a.into()),
    ///         (FieldLabel::Date, y.into()),
    ///         (FieldLabel::Title, t.into()),
    ///     ],
    /// };
    /// let data = vec![
    ///     ex("Brown J.", "(2017)", "Japan woos Russia."),
    ///     ex("Kraus E.", "(2018)", "A treaty at last."),
    ///     ex("Ito K.", "(2016)", "Islands and fish."),
    /// ];
    /// let model = SequenceModel::train(&data, &TrainOptions { min_count: 1, ..Default::default() });
    /// let spans = model.label("Sato T. (2015) Oil and gas.");
    /// assert_eq!(spans[0].label, FieldLabel::Author);
    /// assert_eq!(spans.last().map(|s| s.label), Some(FieldLabel::Title));
    /// ```
    pub fn train(examples: &[TrainingExample], options: &TrainOptions) -> SequenceModel {
        let mut prepared = Vec::with_capacity(examples.len());
        let mut counts: FnvMap<u32, u32> = FnvMap::default();
        for ex in examples {
            let mut f = Features::default();
            let gold = ex.prepare(&mut f);
            if gold.is_empty() {
                continue;
            }
            for &id in &f.ids {
                *counts.entry(id).or_default() += 1;
            }
            prepared.push((f, gold));
        }
        let mut rows: FnvMap<u32, u32> = FnvMap::default();
        let mut kept: Vec<u32> = counts
            .iter()
            .filter(|&(_, &c)| c >= options.min_count)
            .map(|(&id, _)| id)
            .collect();
        kept.sort_unstable();
        for (row, id) in kept.iter().enumerate() {
            rows.insert(*id, row as u32);
        }
        let mut weights = Averaged::new(kept.len() * LABELS);
        let mut transitions = Averaged::new(LABELS * LABELS);
        let mut start = Averaged::new(LABELS);
        let mut order: Vec<usize> = (0..prepared.len()).collect();
        let mut rng = options.seed | 1;
        let mut step = 1.0f32;
        let mut emissions = Vec::new();
        for _ in 0..options.epochs {
            // Fisher–Yates with xorshift: a fixed, seedable order without a dependency.
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            for &e in &order {
                let (f, gold) = &prepared[e];
                let n = gold.len();
                emissions.clear();
                emissions.resize(n * LABELS, 0.0);
                for i in 0..n {
                    for id in f.of(i) {
                        if let Some(&r) = rows.get(id) {
                            let r = r as usize * LABELS;
                            for l in 0..LABELS {
                                emissions[i * LABELS + l] += weights.w[r + l];
                            }
                        }
                    }
                }
                let predicted = viterbi(n, &emissions, &transitions.w, &start.w);
                if predicted != *gold {
                    for i in 0..n {
                        let (g, p) = (usize::from(gold[i]), usize::from(predicted[i]));
                        if g != p {
                            for id in f.of(i) {
                                if let Some(&r) = rows.get(id) {
                                    let r = r as usize * LABELS;
                                    weights.add(r + g, 1.0, step);
                                    weights.add(r + p, -1.0, step);
                                }
                            }
                        }
                        if i == 0 {
                            start.add(g, 1.0, step);
                            start.add(p, -1.0, step);
                        } else {
                            let (gp, pp) =
                                (usize::from(gold[i - 1]), usize::from(predicted[i - 1]));
                            transitions.add(gp * LABELS + g, 1.0, step);
                            transitions.add(pp * LABELS + p, -1.0, step);
                        }
                    }
                }
                step += 1.0;
            }
        }
        let w = weights.average(step);
        // Weights under 1/128 of the largest are dropped. On the bundled model's data that
        // is under about one perceptron update: such weights decide next to nothing
        // (AnyStyle gold F1 moved by at most +0.003), and dropping them takes the model
        // from 72,707 features to 54,828 (1.3 MB to 0.8 MB): a smaller crate, a faster
        // load and less cache taken from the rule parser. (Labelling alone was not
        // measurably faster for it; 1/64 cost title F1 0.006.)
        let floor = w.iter().fold(0.0f32, |m, x| m.max(x.abs())) / PRUNE_BELOW;
        let model_rows = kept
            .iter()
            .enumerate()
            .map(|(row, &id)| {
                let ws: Vec<(u8, f32)> = (0..LABELS)
                    .map(|l| (l as u8, w[row * LABELS + l]))
                    .filter(|&(_, x)| x.abs() > 1e-6 && x.abs() >= floor)
                    .collect();
                (id, ws)
            })
            .filter(|(_, ws)| !ws.is_empty())
            .collect();
        SequenceModel::from_parts(model_rows, transitions.average(step), start.average(step))
    }
}
