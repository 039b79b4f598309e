//! Output: the JSON of the `citegraph analyze` contract, a Markdown report for people, and
//! graph exports (Graphviz DOT, GraphML).

mod dot;
mod graphml;
mod json;
mod markdown;
mod nodes;

pub use dot::to_dot;
pub use graphml::to_graphml;
pub use json::{
    JsonAlternate, JsonArticle, JsonName, JsonPerson, JsonReference, JsonReport, JsonSource,
    JsonWarning, to_json, write_json,
};
pub use markdown::to_markdown;
