//! Shows how the bundled sequence model labels a reference, span by span, beside what the
//! parser makes of it.
//!
//! ```text
//! cargo run --release --example label_reference -- "Smith, J. (2016). Title. Journal, 1(2), 3-4."
//! ```
//!
//! With no argument it labels a few built-in examples.

use citegraph::{SequenceModel, parse_reference, text::normalize};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs = if args.is_empty() {
        vec![
            "Smith, J. (2016). A study of things. Journal of Stuff, 12(3), 42-65.".to_string(),
            "[3] A. B. Family, \"Title of the paper,\" IEEE Trans. Foo, vol. 3, no. 2, pp. 1-10, 2016.".to_string(),
        ]
    } else {
        args
    };
    let model = SequenceModel::bundled();
    for raw in inputs {
        let text = normalize(&raw);
        println!("{raw}");
        for span in model.label(&text) {
            println!("  {:<16} {}", span.label.name(), &text[span.span]);
        }
        let (r, _) = parse_reference(&raw);
        println!(
            "  => title {:?}; container {:?}; authors {:?}; year {:?}; style {:?}\n",
            r.title,
            r.container,
            r.authors.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
            r.year,
            r.style
        );
    }
}
