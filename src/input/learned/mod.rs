//! A learned sequence labeller for references: tokens in, field labels out.
//!
//! The rule parser reads structure (punctuation, numbering, the position of the year) and is
//! fast and exact on the styles it knows; it is weakest where a style's cues are implicit —
//! where a title ends and a container begins, whether "Oxford: Clarendon" is a publisher or a
//! journal. Those are the decisions a model trained on annotated references makes well, so
//! [`SequenceModel`] labels each token, and the reference parser takes the fields the
//! measurements say the model gets right more often (see the README's "Parsing accuracy").
//!
//! Files: [`tokens`] (whitespace tokens), [`features`] (hashed token features), [`label`]
//! (the field labels), [`model`] (weights, Viterbi, byte format), [`train`] (averaged
//! perceptron), [`fields`] (labelled spans → field values).

mod features;
pub(crate) mod fields;
mod label;
mod lexicon;
mod model;
mod tokens;
mod train;

pub use label::FieldLabel;
pub use model::{LabeledSpan, SequenceModel};
pub use train::{TrainOptions, TrainingExample};
