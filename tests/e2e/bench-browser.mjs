// Browser benchmark (not a test): user-user pearson on MovieLens-100k u.data inside headless
// Chromium, through the JS API of the built app (dist/pkg). Run with `make bench-browser`.
import { readFile } from 'node:fs/promises';
import { launch } from './browser.mjs';
import { startServer } from './server.mjs';

const root = new URL('../..', import.meta.url).pathname;
let text;
try {
  text = await readFile(root + '../shared/data/ml-100k/u.data', 'utf8');
} catch {
  console.log('skipped: ../shared/data/ml-100k/u.data not found');
  process.exit(0);
}
const server = await startServer(root + 'dist');
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url + '/embed.html');
await page.waitForFunction(() => window.discountLab);
const results = await page.evaluate(async (text) => {
  const { RatingSet, default: init } = await import('/pkg/discount_lab.js');
  await init();
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (f, runs = 15) => {
    f();
    const t = [];
    for (let k = 0; k < runs; k++) { const s = performance.now(); f(); t.push(performance.now() - s); }
    return { median: median(t), best: Math.min(...t) };
  };
  const out = {};
  out.parse = time(() => new RatingSet(text).free(), 5);
  const set = new RatingSet(text);
  for (const [name, opts] of [
    ['user-user pearson (943 x 943)', { kind: 'user', measure: 'pearson' }],
    ['user-user cosine', { kind: 'user', measure: 'cosine' }],
    ['item-item pearson (1682 x 1682)', { kind: 'item', measure: 'pearson' }],
  ]) out[name] = time(() => set.similarityValues(opts));
  // The full 5-fold cross-validation of KNNWithMeans (user pearson, k=40), as the worker runs it.
  const { evaluate: crossValidate } = await import('/pkg/discount_lab.js');
  const cvOptions = { algo: 'knn-means', measure: 'pearson', k: 40, folds: 5 };
  out['5-fold CV knn-means (pearson, k=40)'] = time(() => crossValidate(text, cvOptions), 3);
  out['  of which fit + predict per fold (ms)'] = (() => { const r = crossValidate(text, cvOptions); return { median: r.fitMs + r.testMs, best: r.fitMs + r.testMs }; })();
  return out;
}, text);
console.log(`Chromium ${browser.version()} (headless), wasm32 release build, median of 15 runs`);
for (const [name, r] of Object.entries(results)) {
  const ratio = name.startsWith('user-user pearson') ? `  scikit-surprise 690 ms → ${(690 / r.median).toFixed(0)}x faster` : '';
  console.log(`${name.padEnd(34)} median ${r.median.toFixed(2).padStart(8)} ms  best ${r.best.toFixed(2).padStart(8)} ms${ratio}`);
}
await browser.close();
await server.close();
