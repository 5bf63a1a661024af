// The evaluation worker: runs cross-validation and grid searches off the main thread with
// the same WebAssembly engine as the JS API (dist/pkg), posting progress after every fit.
// Messages in:  { id, kind: 'evaluate' | 'grid', ratings: "user,item,rating CSV text", options: {...} }
// Messages out: { id, progress: { done, total } } … then { id, report } (grid: an array) or { id, error }
// Cancel by terminating the worker (the app starts a fresh one).
import init, { evaluate, gridSearch } from './pkg/discount_lab.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, kind, ratings, options } = event.data;
  try {
    await ready;
    const run = kind === 'grid' ? gridSearch : evaluate;
    const report = run(ratings, options, (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, report });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
