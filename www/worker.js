// The evaluation worker: runs cross-validation off the main thread with the same
// WebAssembly engine as the JS API (dist/pkg), posting progress after every fold.
// Messages in:  { id, ratings: "user,item,rating CSV text", options: {...} }
// Messages out: { id, progress: { done, total } } … then { id, report } or { id, error }
// Cancel by terminating the worker (the app starts a fresh one).
import init, { crossValidate } from './pkg/discount_lab.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, ratings, options } = event.data;
  try {
    await ready;
    const report = crossValidate(ratings, options, (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, report });
  } catch (err) {
    self.postMessage({ id, error: String(err?.message ?? err) });
  }
};
