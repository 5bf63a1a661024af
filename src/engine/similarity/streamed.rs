//! Every row's K most similar rows without the dense matrix: O(rows × K) memory besides the
//! ratings, where MovieLens-10M's 10,000 items would need 1.2 GB as a matrix.
//!
//! The rows are cut into blocks of [`BLOCK_ROWS`]. For each row x of a block, every rating
//! (y, v) of x is paired with the later rows of column y (found by bisection, so any block can
//! start anywhere), adding into a buffer of running sums indexed by the other row: the upper
//! triangle, each pair once, each sum added in the order the matrix adds it, so every
//! similarity equals the matrix's bit for bit. A finished pair is offered to both rows'
//! bounded lists. The neighbour order (most similar first, then the lower index) is strict,
//! so the K best of a row are the same whichever way its pairs arrive.
//!
//! Natively, with the `parallel` feature (on by default; rayon is never built for wasm32),
//! one worker per thread takes the next block until none is left, each with its own sums and
//! lists, and the lists are merged at the end; the browser runs the same blocks in one worker.
//! `RAYON_NUM_THREADS` sets the number of threads.

use std::ops::Range;

use super::accumulate::{Accumulate, Count, Moments, Products};
use super::bounded::{Bounded, Candidate};
use super::measure::Measure;
use super::prepared::Prepared;

/// Rows a worker takes at a time: small enough that the first blocks, whose rows pair with
/// the most later rows, do not leave one thread working alone at the end.
pub(crate) const BLOCK_ROWS: usize = 16;

/// The `k` most similar rows of every row (positive similarity, at least one common rating),
/// best first: the lists [`top_k`](super::neighbours::top_k) finds in the dense matrix.
pub(crate) fn similar_lists(prepared: &Prepared, k: usize) -> Vec<Vec<Candidate>> {
    let n = prepared.ratings.rows(prepared.params.kind).n_rows();
    if k == 0 {
        return vec![Vec::new(); n];
    }
    let lists = match prepared.params.measure {
        Measure::Jaccard => run::<Count>(prepared, n, k),
        Measure::Pearson => run::<Moments>(prepared, n, k),
        _ => run::<Products>(prepared, n, k),
    };
    lists.into_iter().map(Bounded::into_sorted).collect()
}

/// Threads the lists are computed on: rayon's (`RAYON_NUM_THREADS`, else one per core)
/// natively, one in the browser or without the `parallel` feature.
pub(crate) fn threads() -> usize {
    #[cfg(all(feature = "parallel", not(target_arch = "wasm32")))]
    return rayon::current_num_threads();
    #[cfg(not(all(feature = "parallel", not(target_arch = "wasm32"))))]
    return 1;
}

/// The blocks' rows.
fn block(b: usize, n: usize) -> Range<usize> {
    b * BLOCK_ROWS..((b + 1) * BLOCK_ROWS).min(n)
}

/// Every block on every thread: one worker per thread, taking the next block until none is left.
#[cfg(all(feature = "parallel", not(target_arch = "wasm32")))]
fn run<A: Accumulate + Send>(prepared: &Prepared, n: usize, k: usize) -> Vec<Bounded> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let blocks = n.div_ceil(BLOCK_ROWS);
    let next = AtomicUsize::new(0);
    let threads = rayon::current_num_threads().clamp(1, blocks.max(1));
    let workers: Vec<Worker<A>> = (0..threads)
        .into_par_iter()
        .map(|_| {
            let mut w = Worker::new(n, k);
            loop {
                let b = next.fetch_add(1, Ordering::Relaxed);
                if b >= blocks {
                    return w;
                }
                w.rows(prepared, block(b, n));
            }
        })
        .collect();
    merge(workers)
}

/// Every block in turn (wasm32, or without the `parallel` feature).
#[cfg(not(all(feature = "parallel", not(target_arch = "wasm32"))))]
fn run<A: Accumulate>(prepared: &Prepared, n: usize, k: usize) -> Vec<Bounded> {
    let mut w = Worker::<A>::new(n, k);
    for b in 0..n.div_ceil(BLOCK_ROWS) {
        w.rows(prepared, block(b, n));
    }
    merge(vec![w])
}

/// One list per row from the workers' lists.
fn merge<A>(workers: Vec<Worker<A>>) -> Vec<Bounded> {
    let mut workers = workers.into_iter();
    let Some(first) = workers.next() else { return Vec::new() };
    let mut lists = first.lists;
    for w in workers {
        for (into, from) in lists.iter_mut().zip(w.lists) {
            into.absorb(from);
        }
    }
    lists
}

/// One thread's running sums and the lists of the pairs it has finished.
struct Worker<A> {
    /// Sums of the current row with each other row.
    acc: Vec<A>,
    /// Every row's best candidates among the pairs this worker finished.
    lists: Vec<Bounded>,
}

impl<A: Accumulate> Worker<A> {
    fn new(n: usize, k: usize) -> Worker<A> {
        Worker { acc: vec![A::default(); n], lists: (0..n).map(|_| Bounded::new(k)).collect() }
    }

    /// Pairs every row of `rows` with the later rows.
    fn rows(&mut self, prepared: &Prepared, rows: Range<usize>) {
        for x in rows {
            self.row(prepared, x);
        }
    }

    /// Pairs row `x` with every later row it shares a column with, and offers each positively
    /// similar pair to both rows' lists.
    fn row(&mut self, prepared: &Prepared, x: usize) {
        let kind = prepared.params.kind;
        let (rows, cols) = (prepared.ratings.rows(kind), prepared.ratings.cols(kind));
        let (ys, _) = rows.row(x);
        let xv = &prepared.row_values[rows.span(x)];
        let Worker { acc, lists } = self;
        // The last row touched: the scan below stops there (a running maximum costs no branch,
        // where a list of touched rows would cost one on every addition).
        let mut last = x;
        for (&y, &vx) in ys.iter().zip(xv) {
            let y = y as usize;
            let col = cols.row(y).0;
            // Column y lists its rows in ascending order, x among them.
            let start = col.partition_point(|&r| r as usize <= x);
            let ov = &prepared.col_values[cols.span(y)][start..];
            for (&o, &vo) in col[start..].iter().zip(ov) {
                acc[o as usize].add(vx, vo);
            }
            last = last.max(col.last().map_or(0, |&r| r as usize));
        }
        for (k, slot) in acc[x + 1..=last].iter_mut().enumerate() {
            if slot.count() == 0 {
                continue;
            }
            let o = x + 1 + k;
            let sums = std::mem::take(slot);
            let similarity = prepared.finish(x, o, &sums.sums());
            if similarity > 0.0 {
                let support = sums.count();
                lists[x].offer(Candidate { index: o, similarity, support });
                lists[o].offer(Candidate { index: x, similarity, support });
            }
        }
    }
}
