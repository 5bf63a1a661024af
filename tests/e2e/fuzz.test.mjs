// Seeded random interaction: on every view, some hundreds of random actions a person could take —
// tab and language switches, every select and input changed by mouse or keyboard, hovers and
// clicks on canvases and charts, keys on whatever has focus, uploads of small random and broken
// files — and the test fails on any panic, page error or console error, printing the seed and
// the actions that led there. `make test` runs a fixed seed; a longer run with another seed:
//   FUZZ_SEED=7 FUZZ_ACTIONS=5000 node --test tests/e2e/fuzz.test.mjs   (or `make test-fuzz`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveApp } from './app-page.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const ACTIONS = Number(process.env.FUZZ_ACTIONS ?? 1000);
const VIEWS = ['data', 'similarity', 'discounts', 'items', 'evaluate'];

const app = serveApp();

/** mulberry32: a small seeded generator, the same sequence on every machine. */
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (xs) => xs[int(xs.length)];
  return { next, int, pick };
}

const NUMBERS = ['', '0', '1', '-1', '2', '3', '4', '5', '7', '10', '25', '40', '99', '100', '101', '250', '1000', '2500',
  '0.5', '-0.5', '1e9', '-1e9', '1e400', '99999999999999999999', '0.0001'];
const TEXTS = [...NUMBERS, 'abc', 'NaN', 'Infinity', 'u1', 'i1', 'c001', 'p01', 'c999', '2026-06-30', '2026-13-45',
  ' 7 ', '中文', '<b>x</b>', '=1+1', '10,20,30', 'k=5', ''];
const KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Enter', ' ',
  'Tab', 'Shift+Tab', 'Escape', 'Backspace', 'Delete', '5', '-'];

/** A small file: valid or broken ratings, items, purchases or users, random text or bytes. */
function randomFile(r) {
  const ids = (p, n) => Array.from({ length: n }, (_, k) => p + k);
  const users = ids(r.pick(['u', 'c', '<img src=x>', '中', '=']), 1 + r.int(6));
  const items = ids(r.pick(['i', 'p', 'x,']), 1 + r.int(5));
  const rows = (n, f) => Array.from({ length: n }, f).join('\n');
  const rating = () => r.pick(['1', '2', '3', '4', '5', '0', '4.5', '-1', '99', 'abc', '', 'NaN', '1e999']);
  const kinds = {
    ratings: () => (r.next() < 0.5 ? 'user,item,rating\n' : '') +
      rows(1 + r.int(20), () => `${r.pick(users)},${r.pick(items)},${rating()}`),
    tabbed: () => rows(1 + r.int(20), () => `${r.pick(users)}\t${r.pick(items)}\t${rating()}\t${r.int(1e9)}`),
    colons: () => rows(1 + r.int(20), () => `${r.pick(users)}::${r.pick(items)}::${rating()}::${r.int(1e9)}`),
    items: () => 'item,category,list_price,unit_cost,attributes,discount_rates\n' +
      rows(1 + r.int(8), () => `${r.pick(items)},${r.pick(['a', 'b', ''])},${r.pick(['10', '0', '-3', 'x', ''])},` +
        `${r.pick(['4', '12', '', 'y'])},${r.pick(['a|b', 'c', ''])},${r.pick(['0.2|0.4', '0.9', '1.5', ''])}`),
    purchases: () => `user,item,list_price,price_paid,quantity,timestamp${r.next() < 0.5 ? ',event' : ''}\n` +
      rows(1 + r.int(12), () => `${r.pick(users)},${r.pick(items)},${r.pick(['10', '20', 'x'])},` +
        `${r.pick(['8', '20', '25', '-1'])},${r.pick(['0', '1', '2', '-1'])},${r.pick(['2026-01-02', '1700000000', 'never'])}` +
        `,${r.pick(['view', 'cart', 'purchase', 'steal'])}`),
    users: () => 'user,age,gender\n' + rows(1 + r.int(8), () => `${r.pick(users)},${r.pick(['20', '61', 'old', ''])},${r.pick(['F', 'M', ''])}`),
    empty: () => '',
    header: () => 'user,item,rating\n',
    quote: () => 'u1,"i1,4\nu2,i2,3',
    noise: () => Array.from({ length: 1 + r.int(200) }, () => String.fromCharCode(r.int(0x3000))).join(''),
  };
  const kind = r.pick([...Object.keys(kinds), 'bytes']);
  if (kind === 'bytes') return { name: 'blob.bin', buffer: Buffer.from(Array.from({ length: 1 + r.int(300) }, () => r.int(256))) };
  return { name: `${kind}.csv`, buffer: Buffer.from(kinds[kind]()) };
}

/** Tags every visible, enabled control of the app with data-fz and describes it. */
const survey = () => {
  const found = [];
  const all = document.querySelectorAll('.dl-app select, .dl-app input, .dl-app textarea, .dl-app button, .dl-app canvas, ' +
    '.dl-app svg, .dl-app summary, .dl-app [tabindex], .dl-app th[aria-sort], .dl-app th button');
  all.forEach((el, i) => {
    el.setAttribute('data-fz', String(i));
    const visible = el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    if (!visible || el.disabled) return;
    found.push({ i, tag: el.tagName.toLowerCase(), type: el.type ?? '', id: el.id, options: el.options?.length ?? 0 });
  });
  return found;
};

async function act(page, r, log) {
  const roll = r.next();
  if (roll < 0.05) {
    const view = r.pick(VIEWS);
    log.push(`tab ${view}`);
    return page.click(`#tab-${view}`);
  }
  if (roll < 0.07) {
    const lang = r.pick(['en', 'zh']);
    log.push(`language ${lang}`);
    return page.selectOption('.lang select', lang);
  }
  const controls = await page.evaluate(survey);
  if (!controls.length) return;
  const c = r.pick(controls);
  const el = page.locator(`[data-fz="${c.i}"]`).first();
  const name = `${c.tag}${c.type ? `[${c.type}]` : ''}${c.id ? '#' + c.id : ''}`;
  if (c.tag === 'select' && c.options > 0) {
    if (r.next() < 0.5) {
      const index = r.int(c.options);
      log.push(`${name} option ${index}`);
      return el.selectOption({ index });
    }
    const key = r.pick(['ArrowDown', 'ArrowUp', 'Home', 'End']);
    log.push(`${name} focus + ${key}`);
    await el.focus();
    return page.keyboard.press(key);
  }
  if (c.tag === 'input' && c.type === 'file') {
    const file = randomFile(r);
    log.push(`${name} upload ${file.name} (${file.buffer.length} bytes)`);
    return el.setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.buffer });
  }
  if (c.tag === 'input' && (c.type === 'checkbox' || c.type === 'radio')) {
    log.push(`${name} click`);
    return el.click();
  }
  if (c.tag === 'input' && c.type === 'range') {
    const key = r.pick(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);
    log.push(`${name} ${key}`);
    await el.focus();
    return page.keyboard.press(key);
  }
  if (c.tag === 'input' || c.tag === 'textarea') {
    const value = c.type === 'number' ? r.pick(NUMBERS) : c.tag === 'textarea' ? randomFile(r).buffer.toString() : r.pick(TEXTS);
    const commit = r.pick(['Enter', 'blur']);
    log.push(`${name} fill ${JSON.stringify(value.slice(0, 60))} + ${commit}`);
    await el.fill(value);
    return commit === 'Enter' ? el.press('Enter') : el.blur();
  }
  if (c.tag === 'canvas' || c.tag === 'svg') {
    const box = await el.boundingBox();
    if (!box) return;
    const [x, y] = [box.x + r.next() * box.width, box.y + r.next() * box.height];
    const how = r.pick(['move', 'move', 'click', 'leave']);
    log.push(`${name} ${how} at ${Math.round(x - box.x)},${Math.round(y - box.y)}`);
    if (how === 'leave') return page.mouse.move(0, 0);
    await page.mouse.move(x, y);
    return how === 'click' ? page.mouse.click(x, y) : undefined;
  }
  if (r.next() < 0.6) {
    log.push(`${name} click`);
    return el.click();
  }
  const key = r.pick(KEYS);
  log.push(`${name} focus + ${key}`);
  await el.focus();
  return page.keyboard.press(key);
}

test(`${ACTIONS} random actions over every view (seed ${SEED}) raise no panic, page error or console error`, async () => {
  const context = await app.browser().newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(4000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console error: ${m.text()}`); });
  page.on('dialog', (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  page.on('download', (d) => d.cancel().catch(() => {}));
  await page.goto(app.url() + '/');
  await page.waitForSelector('#heatmap-canvas');
  const r = generator(SEED);
  const log = [];
  let skipped = 0;
  for (let k = 0; k < ACTIONS; k++) {
    // Every view gets its share of the actions, in turn; the random actions may wander off.
    if (k % Math.ceil(ACTIONS / VIEWS.length) === 0) {
      const view = VIEWS[Math.floor(k / Math.ceil(ACTIONS / VIEWS.length))];
      log.push(`tab ${view} (its turn)`);
      await page.click(`#tab-${view}`);
    }
    try {
      await act(page, r, log);
    } catch (e) {
      // A control that moved or vanished under the action is the page's right, not a failure.
      if (!/Timeout|detached|not visible|not an? |outside of the viewport|Element is not|intercepts pointer|Cannot type|Malformed value/.test(e.message)) throw e;
      skipped++;
    }
    if (errors.length) break;
  }
  // Still alive: every tab answers.
  if (!errors.length) {
    for (const view of VIEWS) await page.click(`#tab-${view}`, { timeout: 30000 });
  }
  const trail = log.slice(-25).map((line, k) => `  ${log.length - Math.min(25, log.length) + k + 1}. ${line}`).join('\n');
  assert.deepEqual(errors, [], `seed ${SEED}, after action ${log.length}:\n${trail}`);
  console.log(`# fuzz: seed ${SEED}, ${ACTIONS} actions (${skipped} on controls that moved away)`);
  await context.close();
});
