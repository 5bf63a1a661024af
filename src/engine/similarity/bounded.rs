//! A bounded list of the best neighbour candidates of one row, in the neighbour order: most
//! similar first, then the lower index. That order is strict (no two candidates of a row share
//! an index), so the `k` best of a set are the same whatever order they are offered in.

use std::collections::BinaryHeap;

/// A candidate neighbour of some row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub(crate) index: usize,
    pub(crate) similarity: f64,
    pub(crate) support: u32,
}

impl Candidate {
    /// The neighbour order: most similar first, then the lower index.
    pub(crate) fn rank(&self, other: &Candidate) -> std::cmp::Ordering {
        other.similarity.total_cmp(&self.similarity).then(self.index.cmp(&other.index))
    }
}

/// The worst candidate of a bounded list sits on top of its heap.
struct Worst(Candidate);

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Worst {}
impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Worst {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.rank(&other.0)
    }
}

/// The `k` best candidates offered so far (its heap grows as they come, never past `k`).
pub(crate) struct Bounded {
    k: usize,
    heap: BinaryHeap<Worst>,
}

impl Bounded {
    /// An empty list keeping `k`.
    pub(crate) fn new(k: usize) -> Bounded {
        Bounded { k, heap: BinaryHeap::new() }
    }
    /// Keeps `c` if it is among the `k` best so far.
    #[inline]
    pub(crate) fn offer(&mut self, c: Candidate) {
        if self.heap.len() < self.k {
            self.heap.push(Worst(c));
        } else if self.heap.peek().is_some_and(|w| c.rank(&w.0).is_lt()) {
            self.heap.pop();
            self.heap.push(Worst(c));
        }
    }
    /// Offers every candidate of `other`.
    pub(crate) fn absorb(&mut self, other: Bounded) {
        for w in other.heap {
            self.offer(w.0);
        }
    }
    /// The kept candidates, best first.
    pub(crate) fn into_sorted(self) -> Vec<Candidate> {
        let mut v: Vec<Candidate> = self.heap.into_iter().map(|w| w.0).collect();
        v.sort_by(Candidate::rank);
        v
    }
}
