//! The critical path: the chain of activities that fixes the plan's end.

use super::{Driver, Span};

/// From the activity that finishes last (the last listed, on a tie), back through what set
/// each start.
pub(super) fn critical_path(spans: &[Span]) -> Vec<usize> {
    let Some(last) = (0..spans.len()).max_by_key(|index| (spans[*index].end, *index)) else {
        return Vec::new();
    };
    let mut path = vec![last];
    while let Driver::Activity(previous) = spans[*path.last().expect("not empty")].driver {
        path.push(previous);
    }
    path.reverse();
    path
}
