// Browser benchmark (not a test): user-user pearson on MovieLens-100k u.data inside headless
// Chromium, through the JS API of the built app (dist/pkg), then every discount strategy on a
// synthetic shop of 10,000 customers, through the JS API and in the mounted app. Run with
// `make bench-browser` (CUSTOMERS=N to resize the shop).
import { readFile } from 'node:fs/promises';
import { launch } from './browser.mjs';
import { startServer } from '../../www/serve.mjs';

const root = new URL('../..', import.meta.url).pathname;
let text;
try {
  text = await readFile(root + '../shared/data/ml-100k/u.data', 'utf8');
} catch {
  console.log('skipped: ../shared/data/ml-100k/u.data not found (the strategy figures below do not need it)');
}
const server = await startServer(root + 'dist');
const browser = await launch();
const page = await browser.newPage();
await page.goto(server.url + '/embed.html');
await page.waitForFunction(() => window.discountLab);
const results = !text ? {} : await page.evaluate(async (text) => {
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
// scikit-surprise timed in this run when SURPRISE_PYTHON names a Python that has it (a same-run
// ratio is the one that means something on these noisy machines); else the data README's figure.
let surprise = { ms: 690, when: '../shared/data/README.md, another run' };
if (text && process.env.SURPRISE_PYTHON) {
  const { execFileSync } = await import('node:child_process');
  const ms = Number(execFileSync(process.env.SURPRISE_PYTHON,
    [root + 'benches/surprise_similarity.py', root + '../shared/data/ml-100k/u.data', 'pearson', '5']).toString());
  surprise = { ms, when: 'this run' };
}
console.log(`Chromium ${browser.version()} (headless), wasm32 release build; median of 15 runs (parse: 5, cross-validation: 3)`);
for (const [name, r] of Object.entries(results)) {
  const ratio = name.startsWith('user-user pearson')
    ? `  scikit-surprise ${surprise.ms.toFixed(0)} ms (${surprise.when}) → ${(surprise.ms / r.median).toFixed(0)}x faster` : '';
  console.log(`${name.padEnd(34)} median ${r.median.toFixed(2).padStart(8)} ms  best ${r.best.toFixed(2).padStart(8)} ms${ratio}`);
}

// Every strategy on the synthetic shop of 10,000 customers and 200 products (seed 42), as
// `make bench` times it natively: the JS API call (generating the shop, the shared models and
// the strategy), then the app itself (first view of the Discounts tab, switching strategy,
// moving the budget).
const customers = Number(process.env.CUSTOMERS || 10000);
const strategies = await page.evaluate(async (customers) => {
  const { discounts, default: init } = await import('/pkg/discount_lab.js');
  await init();
  const data = { sample: 'shop', seed: 42, customers, products: 200 };
  const out = {};
  for (const strategy of ['seed-user', 'seed-item', 'segment', 'elasticity', 'propensity', 'coupon']) {
    const t = [];
    for (let k = 0; k < 2; k++) {
      const s = performance.now();
      discounts(data, { strategy, budget: customers * 0.5 });
      t.push(performance.now() - s);
    }
    out[`discounts(${strategy})`] = Math.min(...t);
  }
  return out;
}, customers);
console.log(`\nStrategies on a shop of ${customers} customers, JS API (best of 2; each call generates the shop and fits the shared models):`);
for (const [name, ms] of Object.entries(strategies)) console.log(`${name.padEnd(34)} ${ms.toFixed(0).padStart(8)} ms`);

// The app: frames are polled, so a figure is the time until the page could paint the result.
const app = await page.evaluate(async (customers) => {
  const host = document.createElement('div');
  document.body.append(host);
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const until = async (test) => { const s = performance.now(); while (!test()) await frame(); return performance.now() - s; };
  // The Long Tasks API: every main-thread task over 50 ms, to name the longest one of each step
  // (the page's responsiveness, which the time to the result does not show).
  const tasks = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const steps = [];
  const out = {};
  const step = (name, from) => { out[name] = performance.now() - from; steps.push([name, from, performance.now()]); };
  let s = performance.now();
  window.discountLab.mount(host, { view: 'discounts', customers, products: 200, seed: 42 });
  await until(() => host.querySelector('#strategy-table tbody tr') && host.querySelectorAll('#compare-table tbody tr').length === 6);
  step('first view (shop, models, all six strategies)', s);
  const select = host.querySelector('#strategy');
  for (const strategy of ['elasticity', 'propensity', 'seed-user']) {
    s = performance.now();
    select.value = strategy;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => host.querySelector('#compare-table tr.current th')?.textContent.includes(`(${strategy})`));
    step(`switch to ${strategy}`, s);
  }
  // A coupon edit redoes only the coupon strategy's proposals.
  select.value = 'coupon';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => host.querySelector('.coupon-pct'));
  const pct = host.querySelector('.coupon-pct');
  const firstOffer = () => host.querySelector('#strategy-table tbody tr td.num')?.textContent;
  s = performance.now();
  pct.value = '12';
  pct.dispatchEvent(new Event('change', { bubbles: true }));
  await until(() => firstOffer() === '12');
  step('edit the coupon (coupon strategy)', s);
  const box = host.querySelector('#budget-on');
  s = performance.now();
  box.click();
  await until(() => host.querySelector('#budget-slider'));
  step('budget on', s);
  const slider = host.querySelector('#budget-slider');
  const before = host.querySelector('#budget-status').textContent;
  s = performance.now();
  slider.value = String(Number(slider.max) * 0.2);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  await until(() => host.querySelector('#budget-status').textContent !== before);
  step('move the budget slider', s);
  await frame();
  await frame();
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const longest = {};
  for (const [name, from, to] of steps) {
    longest[name] = Math.max(0, ...tasks.filter((t) => t.startTime >= from - 1 && t.startTime <= to).map((t) => t.duration));
  }
  return { out, longest };
}, customers);
console.log(`\nThe app (Discounts view) on the same shop: time to the result, and the longest main-thread task (Long Tasks API; 0: none over 50 ms):`);
for (const [name, ms] of Object.entries(app.out)) {
  console.log(`${name.padEnd(46)} ${ms.toFixed(0).padStart(8)} ms   longest task ${app.longest[name].toFixed(0).padStart(6)} ms`);
}
await browser.close();
await server.close();
