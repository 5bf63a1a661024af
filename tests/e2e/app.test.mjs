// End-to-end: what a person does with the built app (dist/), in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { assertRefused, serveApp } from './app-page.mjs';

const app = serveApp();
const { open } = app;

async function upload(page, selector, name, text) {
  await page.setInputFiles(selector, { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

const summary = (page) => page.locator('#data-summary').textContent();

/** Rows of a CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; }
    else if (c === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); }
    else if (c !== '\r') field += c;
  }
  if (field !== '' || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 1 || (r.length === 1 && r[0] !== ''));
}
const canvasSize = (page) => page.evaluate(() => {
  const c = document.getElementById('heatmap-canvas');
  return [c.width, c.height];
});

test('opens on the synthetic shop heatmap and makes no request after load', async () => {
  const { page, context, outside, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  assert.deepEqual(await canvasSize(page), [300, 300]);
  const afterLoad = [];
  page.on('request', (r) => { if (!r.url().startsWith('blob:') && !r.url().startsWith('data:')) afterLoad.push(r.url()); });
  // Use every view.
  for (const tab of ['data', 'discounts', 'items', 'similarity']) await page.click(`#tab-${tab}`);
  const box = await page.locator('#heatmap-canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.75);
  await page.waitForSelector('#explain');
  assert.deepEqual(afterLoad, [], 'no request after load');
  assert.deepEqual(outside, [], 'no request leaves the local server');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering the heatmap, then switching to item-item by keyboard, does not panic', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  // Rest the mouse low on the 300-user map: the hovered row is past the 80 items.
  const box = await page.locator('#heatmap-canvas').boundingBox();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.8);
  await page.focus('#sim-kind');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => document.getElementById('heatmap-canvas')?.width === 80, null, { timeout: 10000 })
    .catch(() => assert.fail('the item-item map never came: ' + errors.join('; ')));
  // Still alive: the tabs answer.
  await page.click('#tab-data');
  await page.waitForSelector('#data-summary');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the synthetic shop is generated at the chosen size and seed', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  for (const [id, value] of [['#shop-customers', '120'], ['#shop-products', '30'], ['#shop-seed', '7']]) {
    await page.fill(id, value);
    await page.locator(id).dispatchEvent('change');
  }
  await page.click('#sample-shop');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('120 users · 30 items'));
  const seven = await summary(page);
  await page.click('#tab-similarity');
  assert.deepEqual(await canvasSize(page), [120, 120]);
  // Another seed, another shop of the same size; seed 7 again, the same shop.
  await page.click('#tab-data');
  await page.fill('#shop-seed', '8');
  await page.locator('#shop-seed').dispatchEvent('change');
  await page.click('#sample-shop');
  await page.waitForFunction((s) => document.getElementById('data-summary').textContent !== s, seven);
  assert.match(await summary(page), /^120 users · 30 items/);
  await page.fill('#shop-seed', '7');
  await page.locator('#shop-seed').dispatchEvent('change');
  await page.click('#sample-shop');
  await page.waitForFunction((s) => document.getElementById('data-summary').textContent === s, seven);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a large shop first says it is computing, then shows every strategy', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await page.fill('#shop-customers', '2500');
  await page.locator('#shop-customers').dispatchEvent('change');
  await page.fill('#shop-products', '40');
  await page.locator('#shop-products').dispatchEvent('change');
  await page.click('#sample-shop');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('2500 users'));
  // The note is painted before the seconds of work, so watch for it from the start.
  await page.evaluate(() => {
    window.sawBusy = false;
    new MutationObserver(() => { if (document.getElementById('strategy-busy')) window.sawBusy = true; })
      .observe(document.body, { childList: true, subtree: true });
  });
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr', { timeout: 60000 });
  assert.ok(await page.evaluate(() => window.sawBusy));
  assert.equal(await page.locator('#compare-table tbody tr').count(), 6);
  assert.equal(await page.locator('#strategy-busy').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the default shop, a fifth of a second of work and more, also says it is computing first', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.evaluate(() => {
    window.sawBusy = false;
    new MutationObserver(() => { if (document.getElementById('strategy-busy')) window.sawBusy = true; })
      .observe(document.body, { childList: true, subtree: true });
  });
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  assert.ok(await page.evaluate(() => window.sawBusy), 'the note came before the work');
  // The worked example's five users are computed at once, without a note.
  await page.click('#tab-data');
  await page.click('#sample-worked');
  await page.evaluate(() => { window.sawBusy = false; });
  await page.click('#tab-discounts');
  await page.waitForSelector('#discount-table tbody tr');
  assert.equal(await page.evaluate(() => window.sawBusy), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a similarity matrix too large to show offers item-item or a sample of users', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await page.fill('#shop-customers', '5000');
  await page.locator('#shop-customers').dispatchEvent('change');
  await page.click('#sample-shop');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('5000 users'));
  await page.click('#tab-similarity');
  await page.waitForSelector('#sim-way-out');
  assert.match(await page.locator('#sim-way-out').textContent(), /5000 × 5000 similarity matrix needs 287 MB/);
  await page.click('#sim-sample');
  await page.waitForFunction(() => document.getElementById('heatmap-canvas')?.width === 1000);
  assert.match(await page.locator('#sim-sample-note').textContent(), /A random sample of 1000 of the 5000 users \(seed 0\)/);
  const box = await page.locator('#heatmap-canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
  await page.waitForSelector('#explain');
  await page.fill('#sim-sample-size', '300');
  await page.locator('#sim-sample-size').dispatchEvent('change');
  await page.waitForFunction(() => document.getElementById('heatmap-canvas')?.width === 300);
  await page.click('#sim-sample-all');
  await page.waitForSelector('#sim-way-out');
  await page.click('#sim-switch-kind');
  await page.waitForFunction(() => document.getElementById('heatmap-canvas')?.width === 80);
  assert.equal(await page.locator('#sim-kind').inputValue(), 'item');
  assert.deepEqual(errors, []);
  await context.close();
});

test('uploading a CSV updates the heatmap and the discount table', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await upload(page, '#ratings-file', 'small.csv', 'user,item,rating\na,x,5\na,y,1\nb,x,4\nb,y,2\nb,z,3\nc,x,1\nc,y,5\nd,z,4\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('4 users'));
  assert.match(await summary(page), /^4 users · 3 items · 8 ratings/);
  await page.click('#tab-similarity');
  await page.waitForFunction(() => document.getElementById('heatmap-canvas').width === 4);
  await page.click('#tab-discounts');
  assert.equal(await page.locator('#discount-table tbody tr').count(), 4);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a broken CSV shows a line-numbered error and the previous data stays', async () => {
  const { page, context } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  const before = await summary(page);
  await upload(page, '#ratings-file', 'broken.csv', 'u1,i1,4\nu2,i1,3\nu3,i1,abc\n');
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /line 3, column 3: rating 'abc' is not a number/);
  assert.equal(await summary(page), before);
  // A binary file and an empty file are refused the same way.
  await upload(page, '#ratings-file', 'image.png', '\x89PNG\r\n\x1a\n\x00\x00');
  await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent.includes('binary'));
  assert.equal(await summary(page), before);
  await page.click('#tab-similarity');
  assert.deepEqual(await canvasSize(page), [300, 300]);
  await context.close();
});

test('the discount CSV downloads, escaped against formulas', async () => {
  const { page, context } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await upload(page, '#ratings-file', 'f.csv', '=HYPERLINK("x"),i1,4\n=HYPERLINK("x"),i2,2\nb,i1,5\nb,i2,1\n+c,i1,2\n+c,i2,4\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('3 users'));
  await page.click('#tab-discounts');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-discounts')]);
  assert.equal(download.suggestedFilename(), 'discounts.csv');
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'user,neighbours,neighbour_mean,strength,percent_off,zhe,why');
  assert.equal(lines.length, 4);
  assert.ok(csv.includes(`"'=HYPERLINK(""x"")"`), csv);
  assert.ok(csv.includes("'+c"), csv);
  assert.ok(!/^[=+@-]/m.test(csv), 'no line starts with a formula character');
  await context.close();
});

test('ids render as text, never as HTML', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  const evil = '<img src=x onerror=alert(1)>';
  await upload(page, '#ratings-file', 'x.csv', `"${evil}",i1,4\n"${evil}",i2,2\nb,i1,5\nb,i2,1\n`);
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('2 users'));
  await page.click('#tab-discounts');
  const cell = page.locator('#discount-table tbody th', { hasText: evil });
  assert.equal(await cell.count(), 1);
  assert.equal(await page.locator('img').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the worked example explains the article arithmetic, by keyboard too', async () => {
  const { page, context } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await page.click('#sample-worked');
  await page.click('#tab-similarity');
  // It opens on the articles' own setting: zero-filled cosine, users in order.
  assert.equal(await page.locator('#sim-measure').inputValue(), 'cosine');
  assert.ok(await page.locator('#sim-zero-fill').isChecked());
  assert.equal(await page.locator('#sim-order').inputValue(), 'original');
  // Large cells carry their values.
  assert.deepEqual(await page.locator('.cell-values span').allTextContents(), ['1.00', '0.58', '0.58', '1.00']);
  await page.focus('#heatmap-canvas');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const explain = page.locator('#explain');
  await explain.waitFor();
  const text = await explain.textContent();
  assert.match(text, /u1 · u2 = 0\.5816/);
  assert.match(text, /35 \/ √3621/);
  assert.match(await page.locator('#article-note').textContent(), /√71, not √81/);
  await context.close();
});

test('editing the grid updates every view', async () => {
  const { page, context } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await page.click('#sample-worked');
  assert.match(await summary(page), /10 ratings/);
  const cell = page.locator('input.cell[data-user="0"][data-item="3"]');
  await cell.fill('');
  await cell.press('Enter');
  await cell.blur();
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.includes('9 ratings'));
  // An invalid rating is refused and nothing changes.
  const other = page.locator('input.cell[data-user="1"][data-item="0"]');
  await other.fill('9');
  await other.blur();
  await page.locator('[role=alert]').waitFor();
  assert.match(await summary(page), /9 ratings/);
  await context.close();
});

test('Chinese interface is remembered across reloads', async () => {
  const { page, context } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.selectOption('.lang select', 'zh');
  assert.equal(await page.locator('#tab-discounts').textContent(), '折扣');
  await page.reload();
  await page.waitForSelector('#heatmap-canvas');
  assert.equal(await page.locator('#tab-discounts').textContent(), '折扣');
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  assert.match(await page.locator('#strategy-table').textContent(), /折/);
  await context.close();
});

test('Chinese is drawn with glyphs from the shipped font, not as empty boxes', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.selectOption('.lang select', 'zh');
  await page.evaluate(() => document.fonts.ready);
  const widths = await page.evaluate(async () => {
    await document.fonts.load('16px "Discount Lab CJK"', '折扣实验室');
    const span = (text, family) => {
      const s = document.createElement('span');
      Object.assign(s.style, { fontFamily: family, fontSize: '16px', whiteSpace: 'nowrap', position: 'absolute' });
      s.textContent = text;
      document.body.append(s);
      const w = s.getBoundingClientRect().width;
      s.remove();
      return w;
    };
    // U+E000 is a private-use code point no font here has: it is drawn as a box.
    return {
      title: document.querySelector('.dl-header h1').getBoundingClientRect().width,
      cjk: span('折扣实验室', '"Discount Lab CJK", sans-serif'),
      tofu: span('\uE000'.repeat(5), '"Discount Lab CJK", sans-serif'),
      loaded: document.fonts.check('16px "Discount Lab CJK"', '折扣实验室'),
      face: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Discount Lab CJK' && f.status === 'loaded'),
    };
  });
  assert.ok(widths.loaded && widths.face, JSON.stringify(widths));
  // Noto Sans CJK's ideographs are one em wide: five of them at 16 px are 80 px; boxes are not.
  assert.ok(Math.abs(widths.cjk - 80) < 1, JSON.stringify(widths));
  assert.ok(Math.abs(widths.tofu - widths.cjk) > 5, JSON.stringify(widths));
  assert.equal(await page.locator('.dl-header h1').textContent(), '折扣实验室');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the embedding example mounts two instances and calls the engine', async () => {
  const { page, context, outside, errors } = await open('/embed.html');
  await page.waitForSelector('#demo-heatmap canvas');
  await page.waitForSelector('#demo-discounts #strategy-table');
  const json = JSON.parse(await page.locator('#demo-result').textContent());
  assert.equal(json.ids.length, 2);
  assert.equal(json.measure, 'cosine');
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an uploaded item table drives item discounts; a broken one changes nothing', async () => {
  const { page, context } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await upload(page, '#ratings-file', 'r.csv', 'u1,i1,4\nu1,i2,3\nu2,i1,5\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.includes('No item table'));
  await upload(page, '#items-file', 'items.csv', 'item,attributes,discount_rates\ni1,a|b|c,0.2|0.3|0.4\ni2,a|b|c|d,0.4|0.2|0.5\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.includes('Item table: 2 items'));
  // A table of other items is refused, saying so; the good one stays.
  await upload(page, '#items-file', 'other.csv', 'foo,bar\n1,2\n');
  await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent.includes('is it the right file?'));
  assert.match(await summary(page), /Item table: 2 items/);
  await upload(page, '#items-file', 'bad.csv', 'item,attributes,price\ni1,a,cheap\n');
  // The upload is read asynchronously: wait for its message to replace the previous one.
  await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent.includes("'cheap'"));
  assert.match(await page.locator('[role=alert]').textContent(), /line 2, column 3: price 'cheap' is not a number/);
  assert.match(await summary(page), /Item table: 2 items/);
  await page.click('#tab-items');
  const first = page.locator('#item-table tbody tr').first();
  assert.match(await first.textContent(), /i1.*i2 \(0\.75\).*0\.2.*0\.25.*25%/);
  await context.close();
});

test('tabs follow the keyboard', async () => {
  const { page, context } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.focus('#tab-similarity');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#strategy');
  assert.equal(await page.getAttribute('#tab-discounts', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-discounts');
  await page.keyboard.press('Home');
  await page.waitForSelector('#ratings-file');
  await context.close();
});

test('cross-validation runs in a worker, shows the table and chart, and can be cancelled', async () => {
  const { page, context, outside, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  const afterLoad = [];
  page.on('request', (r) => { if (!r.url().startsWith('blob:') && !r.url().startsWith('data:')) afterLoad.push(r.url()); });
  await page.click('#tab-evaluate');
  await page.click('#eval-run');
  await page.waitForSelector('#eval-table tbody tr');
  // The worker is the one thing fetched after load: its script and the engine, from this origin.
  assert.deepEqual([...new Set(afterLoad)].map((u) => u.slice(app.url().length)).sort(),
    ['/pkg/discount_lab.js', '/pkg/discount_lab_bg.wasm', '/worker.js']);
  const row = await page.locator('#eval-table tbody tr').first().textContent();
  assert.match(row, /knn-means \(user, pearson, k=40\)/);
  const rmse = Number(await page.locator('#eval-table tbody tr td').first().textContent());
  assert.ok(rmse > 0.3 && rmse < 2, `rmse ${rmse}`);
  assert.equal(await page.locator('#eval-chart rect').count(), 1);
  // Recommendations for the first user, and why the first one is predicted as it is.
  assert.equal(await page.locator('#recs li').count(), 10);
  await page.locator('#recs li button').first().click();
  await page.waitForSelector('#why-prediction');
  assert.match(await page.locator('#why-formula').textContent(), /=/);
  assert.ok(await page.locator('#why-neighbours tbody tr').count() >= 1);
  // Any item can be asked about, including a rated one (its actual rating is shown).
  await page.fill('#eval-user', 'c002');
  await page.locator('#eval-user').blur();
  await page.fill('#eval-item', 'p01');
  await page.locator('#eval-item').blur();
  await page.waitForFunction(() => document.querySelector('#why-prediction h3')?.textContent.includes('c002 · p01'));
  // A long SVD run, cancelled after it starts: no new row.
  await page.selectOption('#eval-algo', 'svd');
  await page.fill('#eval-epochs', '400');
  await page.locator('#eval-epochs').blur();
  await page.click('#eval-run');
  await page.waitForSelector('#eval-progress');
  await page.click('#eval-cancel');
  await page.waitForSelector('#eval-cancelled');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#eval-table tbody tr').count(), 1);
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a number field refuses what it cannot use, says why beside it, and keeps the value in use', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-evaluate');
  assert.equal(await page.inputValue('#eval-k'), '40');
  for (const [typed, said] of [['0', /0 is not between 1 and 1000/], ['2.5', /2.5 is not a whole number/], ['', /A number is needed/]]) {
    await page.fill('#eval-k', typed);
    await page.locator('#eval-k').blur();
    await assertRefused(page, 'eval-k', said, '40');
  }
  // A good value clears the message and is used by the next run.
  await page.fill('#eval-k', '7');
  await page.locator('#eval-k').blur();
  await page.waitForSelector('#eval-k-error', { state: 'detached' });
  await page.click('#eval-run');
  await page.waitForSelector('#eval-table tbody tr');
  assert.match(await page.locator('#eval-table tbody tr').first().textContent(), /k=7\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('grid search and uploaded MovieLens fold files', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-evaluate');
  await page.check('#eval-grid');
  await page.fill('#grid-k', '5, 20');
  await page.locator('#grid-k').blur();
  await page.fill('#grid-measures', 'msd');
  await page.locator('#grid-measures').blur();
  await page.click('#eval-run');
  await page.waitForFunction(() => document.querySelectorAll('#eval-table tbody tr').length === 2);
  const labels = await page.locator('#eval-table tbody th').allTextContents();
  assert.deepEqual(labels.map((l) => l.replace(/.*k=/, 'k=')).sort(), ['k=20)', 'k=5)']);
  // The RMSE bars start at zero: their lengths are in the ratio of the RMSEs.
  const rmse = (await page.locator('#eval-table tbody tr td:nth-child(2)').allTextContents()).map(Number);
  const widths = await page.locator('#eval-chart rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  assert.ok(Math.abs(widths[0] / widths[1] - rmse[0] / rmse[1]) < 0.01, `${widths} for ${rmse}`);
  await page.uncheck('#eval-grid');
  // Two predefined folds in u.data's tab-separated format.
  const rows = [];
  for (let u = 0; u < 20; u++) for (let i = 0; i < 10; i++) if ((u + 2 * i) % 3) rows.push([u, i, 1 + ((u * i) % 5)]);
  const fold = (k, test) => rows.filter(([u, i]) => ((u + i) % 2 === k) === test).map((r) => r.join('\t') + '\t0').join('\n') + '\n';
  const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.setInputFiles('#eval-fold-files', [
    file('u1.base', fold(0, false)), file('u1.test', fold(0, true)),
    file('u2.base', fold(1, false)), file('u2.test', fold(1, true)),
  ]);
  await page.waitForSelector('#fold-files-status');
  assert.match(await page.locator('#fold-files-status').textContent(), /2 predefined folds from files: u1, u2/);
  await page.click('#eval-run');
  await page.waitForFunction(() => document.querySelectorAll('#eval-table tbody tr').length === 3);
  // A .base without its .test is refused, saying which.
  await page.setInputFiles('#eval-fold-files', [file('u3.base', fold(0, false))]);
  assert.match(await page.locator('.evaluate-view [role=alert]').textContent(), /unmatched: u3\.base/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('strategies: switch them, move the budget slider, download the CSV', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  assert.equal(await page.locator('#compare-table tbody tr').count(), 6);
  // Elasticity: every reason names ε; the fairness audit flags the shop's age-linked segments.
  await page.selectOption('#strategy', 'elasticity');
  await page.waitForFunction(() => document.querySelector('#strategy-table tbody tr .why')?.textContent.includes('ε ='));
  const reasons = await page.locator('#strategy-table tbody tr .why').allTextContents();
  assert.equal(reasons.length, 300);
  assert.deepEqual(reasons.filter((w) => !/ε = [−-]?\d/.test(w)), [], 'every reason names ε');
  assert.match(await page.locator('#fairness').textContent(), /age/);
  // The elasticities behind it, per segment and category, and help choosing k.
  assert.ok((await page.locator('#elasticity-table tbody tr').count()) >= 4 + 7);
  await page.click('#choose-k');
  await page.waitForSelector('#choose-k-table');
  assert.equal(await page.locator('#choose-k-table tbody tr').count(), 8);
  // Propensity: each row has its purchase curve.
  await page.selectOption('#strategy', 'propensity');
  await page.waitForSelector('#strategy-table svg.sparkline');
  await page.click('#model-check');
  await page.waitForSelector('#model-check-table');
  assert.equal(await page.locator('#model-check-table tbody tr').count(), 5);
  assert.match(await page.locator('#model-check-table').textContent(), /best/);
  // Segment table: the offer per segment comes from the inputs.
  await page.selectOption('#strategy', 'segment');
  await page.check('#segment-table');
  await page.locator('.segment-offer').first().fill('7');
  await page.locator('.segment-offer').first().dispatchEvent('change');
  await page.waitForFunction(() => [...document.querySelectorAll('#strategy-table tbody tr')].some((r) => r.textContent.includes('(segment table)')));
  // Coupons: a site-wide 15% coupon gives every priced user 15% (within the guardrails).
  await page.selectOption('#strategy', 'coupon');
  const change = async (locator, value) => {
    await locator.fill(value);
    await locator.dispatchEvent('change');
  };
  await change(page.locator('.coupon-pct').first(), '15');
  await page.waitForFunction(() => document.querySelector('#strategy-table tbody tr td.num')?.textContent === '15');
  // A second coupon, 25% on books in June 2026 only: it applies when the offers are made in
  // June, and not in July.
  await page.click('#coupon-add');
  await change(page.locator('.coupon-pct').nth(1), '25');
  await page.locator('.coupon-scope').nth(1).selectOption('category:books');
  await change(page.locator('.coupon-from').nth(1), '2026-06-01');
  await change(page.locator('.coupon-until').nth(1), '2026-06-30');
  await change(page.locator('#coupon-at'), '2026-06-30');
  await page.waitForFunction(() => [...document.querySelectorAll('#strategy-table tbody .why')].some((w) => /#2/.test(w.textContent)));
  await change(page.locator('#coupon-at'), '2026-07-01');
  await page.waitForFunction(() => ![...document.querySelectorAll('#strategy-table tbody .why')].some((w) => /#2/.test(w.textContent)));
  // A window that would end before it starts is refused and said where; the rest stays.
  const changeOnce = (locator, value) => locator.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
  await changeOnce(page.locator('.coupon-from').first(), '2026-07-10');
  await changeOnce(page.locator('.coupon-until').first(), '2026-07-01');
  await page.waitForSelector('#coupon-refused');
  // The refused date is taken back in the field.
  assert.equal(await page.locator('.coupon-until').first().inputValue(), '');
  assert.match(await page.locator('#coupon-refused').textContent(), /Coupon #1/);
  assert.equal(await page.locator('#strategy-error').count(), 0);
  assert.equal(await page.locator('#compare-table tbody tr').count(), 6);
  assert.equal(await page.locator('.coupon-remove').count(), 2);
  await page.locator('.coupon-remove').nth(1).click();
  assert.equal(await page.locator('.coupon-pct').count(), 1);
  // Budget: turn it on, slide it, and the spend stays within it; flips are reported.
  await page.selectOption('#strategy', 'elasticity');
  await page.check('#budget-on');
  await page.waitForSelector('#budget-slider');
  const max = Number(await page.locator('#budget-slider').getAttribute('max'));
  await page.locator('#budget-slider').evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, String(max * 0.2));
  await page.waitForFunction(() => /λ = [0-9.]+/.test(document.getElementById('budget-status').textContent));
  // From half the unconstrained spend down to a fifth: some users lose their offer, by name.
  assert.match(await page.locator('#budget-out').textContent(), /lost: c\d+/);
  // The slider also moves by keyboard.
  const before = await page.locator('#budget-status').textContent();
  await page.locator('#budget-slider').focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((b) => document.getElementById('budget-status').textContent !== b, before);
  const status = await page.locator('#budget-status').textContent();
  const [, budget, spend] = status.match(/([0-9.]+): λ = [0-9.]+, expected spend ([0-9.]+)/).map(Number);
  assert.ok(spend <= budget + 0.01, status);
  assert.match(await page.locator('#budget-flips').textContent(), /lost one/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-strategy')]);
  assert.equal(download.suggestedFilename(), 'discounts-elasticity.csv');
  const csv = parseCsv(await readFile(await download.path(), 'utf8'));
  assert.ok(csv[0].join(',').startsWith('user,percent_off,zhe,expected_cost,segment,why'), csv[0].join(','));
  assert.equal(csv.length, 301);
  // The file is the budgeted plan on screen: the same users offered, the spend within the budget.
  const [col, body] = [(name) => csv[0].indexOf(name), csv.slice(1)];
  const offered = body.filter((r) => Number(r[col('percent_off')]) > 0).length;
  assert.equal(`${offered} / 300`, await page.locator('#total-offered').textContent());
  const spent = body.reduce((sum, r) => sum + Number(r[col('expected_cost')] || 0), 0);
  assert.ok(spent <= budget + 0.05, `${spent} > ${budget}`);
  assert.ok(body.every((r) => Number(r[col('percent_off')]) <= 30 + 1e-9));
  assert.ok(body.some((r) => /budget λ = /.test(r[col('why')])));
  // Spent on profit instead of extra purchases, only offers that pay for themselves remain.
  await page.selectOption('#budget-goal', 'profit');
  await page.waitForFunction(() => Number(document.getElementById('total-profit').textContent) >= 0);
  assert.match(await page.locator('.budget .formula').textContent(), /incremental profit − λ × cost/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('one maximum discount: the strategy bar, the articles\' table and the item discounts agree', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  const offers = (table, column) => page.locator(`${table} tbody tr`).evaluateAll(
    (rows, column) => rows.map((r) => parseFloat(r.children[column].textContent)), column);
  assert.equal(await page.locator('#guard-max').inputValue(), '25');
  // The articles' user formula shows its step-by-step table below the strategy bar.
  await page.selectOption('#strategy', 'seed-user');
  await page.waitForSelector('#discount-table tbody tr');
  assert.equal(await page.locator('#disc-max').count(), 0, 'no second maximum');
  // The articles' formula: offer = strength × the maximum, with the one maximum.
  const formulaHolds = async (max) => {
    const [strength, off] = [await offers('#discount-table', 3), await offers('#discount-table', 4)];
    return strength.every((s, k) => Math.abs(off[k] - Math.max(0, Math.min(1, s)) * max) < 0.06);
  };
  assert.ok(await formulaHolds(25));
  await page.fill('#guard-max', '12');
  await page.locator('#guard-max').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('#discount-table tbody tr td:nth-child(5)'));
  for (let k = 0; k < 50 && !(await formulaHolds(12)); k++) await page.waitForTimeout(100);
  assert.ok(await formulaHolds(12), 'the articles\' table follows the strategy bar\'s maximum');
  assert.ok((await offers('#strategy-table', 2)).every((x) => x <= 12), 'strategy offers within the maximum');
  await page.click('#tab-items');
  assert.equal(await page.locator('#item-max').inputValue(), '12');
  assert.ok((await offers('#item-table', 4)).every((x) => x <= 12));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Discounts view opens on the profit-seeking strategy and says why a strategy loses money', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  assert.equal(await page.locator('#strategy').inputValue(), 'propensity');
  assert.ok(Number(await page.locator('#total-profit').textContent()) > 0);
  assert.equal(await page.locator('#loss-reason').count(), 0);
  await page.selectOption('#strategy', 'seed-user');
  await page.waitForSelector('#loss-reason');
  assert.ok(Number(await page.locator('#total-profit').textContent()) < 0);
  assert.match(await page.locator('#loss-reason').textContent(),
    /extra purchases it brings earn -?[0-9.]+ of margin, but [0-9.]+ of its [0-9.]+ discount cost \(\d+%\) goes to customers who would have bought anyway/);
  // A chosen strategy stays chosen when new data comes.
  await page.click('#tab-data');
  await page.click('#sample-shop');
  await page.click('#tab-discounts');
  assert.equal(await page.locator('#strategy').inputValue(), 'seed-user');
  assert.deepEqual(errors, []);
  await context.close();
});

test('editing by keyboard keeps the focus and every value typed, in the strategy bar and the rating grid', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  const typeInto = async (id, value) => {
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value, { delay: 60 });
    await page.keyboard.press('Tab');
  };
  const active = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  await page.focus('#guard-max');
  await typeInto('#guard-max', '20');
  assert.equal(await active(), 'guard-margin');
  await typeInto('#guard-margin', '30');
  assert.equal(await active(), 'guard-cap');
  await typeInto('#guard-cap', '2');
  await page.waitForSelector('#strategy-table tbody tr');
  assert.deepEqual([await page.locator('#guard-max').inputValue(), await page.locator('#guard-margin').inputValue(),
    await page.locator('#guard-cap').inputValue()], ['20', '30', '2']);
  // The grid: Enter commits a cell and the cell keeps the focus.
  await page.click('#tab-data');
  await page.click('#sample-worked');
  const cell = page.locator('input.cell[data-user="0"][data-item="3"]');
  await cell.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.includes('10 ratings'));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.item), '3');
  assert.equal(await cell.inputValue(), '2');
  // A refused value is taken back in the cell, and the cell keeps the focus.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('9');
  await page.keyboard.press('Enter');
  await page.locator('[role=alert]').waitFor();
  assert.equal(await cell.inputValue(), '2');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.item), '3');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a purchase log drives the strategies; a broken one changes nothing', async () => {
  const { page, context } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await upload(page, '#ratings-file', 'r.csv', 'a,i1,4\na,i2,3\nb,i1,5\nb,i2,1\nc,i1,2\nc,i2,2\nd,i2,5\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.includes('no purchase log'));
  await upload(page, '#purchases-file', 'bad.csv', 'user,item,list_price,price_paid,quantity,timestamp\na,i1,10,8,1,2026-01-02\nb,i1,0,8,1,2026-01-02\n');
  assert.match(await page.locator('[role=alert]').textContent(), /line 3, column 3: list_price 0 must be greater than 0/);
  assert.match(await summary(page), /no purchase log/);
  const rows = ['user,item,list_price,price_paid,quantity,timestamp'];
  const users = ['a', 'b', 'c', 'd'];
  for (let k = 0; k < 80; k++) {
    const u = users[k % 4];
    const d = [0, 0.1, 0.2, 0.3][(k >> 2) % 4];
    const q = (k * 7) % 5 < (u === 'a' ? 4 : 2) + d * 10 ? 1 : 0;
    rows.push(`${u},i${1 + (k % 2)},20,${(20 * (1 - d)).toFixed(2)},${q},2026-0${1 + (k % 6)}-1${k % 9}`);
  }
  await upload(page, '#purchases-file', 'p.csv', rows.join('\n') + '\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.includes('purchase log: 80 rows, 4 of its 4 customers in the ratings'));
  await page.click('#tab-discounts');
  await page.selectOption('#strategy', 'propensity');
  await page.waitForSelector('#strategy-table svg.sparkline');
  assert.match(await page.locator('#strategy-summary').textContent(), /Expected purchases/);
  await context.close();
});

test('every strategy runs on uploaded ratings, items, purchases and users', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  // A small shop written out by hand: 40 customers, 12 products in 3 categories; customers of
  // the second half are more price-sensitive, and every offer seen is a row (0 = not bought).
  const users = Array.from({ length: 40 }, (_, k) => `u${k + 1}`);
  const items = Array.from({ length: 12 }, (_, k) => `p${k + 1}`);
  const ratings = ['user,item,rating'];
  const purchases = ['user,item,list_price,price_paid,quantity,timestamp,event'];
  users.forEach((u, k) => items.forEach((it, j) => {
    if ((k * 7 + j * 3) % 4 === 0) return;
    ratings.push(`${u},${it},${1 + ((k + 2 * j) % 5)}`);
    const d = [0, 0.1, 0.2, 0.3][(k + j) % 4];
    const list = 10 + 5 * (j % 3);
    const bought = ((k * 13 + j * 5) % 10) < (k < 20 ? 4 : 2 + 20 * d) ? 1 : 0;
    const event = bought ? 'purchase' : (j % 2 ? 'view' : 'cart');
    purchases.push(`${u},${it},${list},${(list * (1 - d)).toFixed(2)},${bought},2026-05-${10 + (j % 19)},${event}`);
  }));
  const table = ['item,category,list_price,unit_cost,attributes,discount_rates', ...items.map((it, j) =>
    `${it},${['books', 'home', 'toys'][j % 3]},${10 + 5 * (j % 3)},${4 + 2 * (j % 3)},${['a|b', 'b|c', 'a|c|d'][j % 3]},0.1|0.2|0.3`)];
  const people = ['user,age,gender', ...users.map((u, k) => `${u},${20 + k},${k % 2 ? 'F' : 'M'}`)];
  await upload(page, '#ratings-file', 'ratings.csv', ratings.join('\n') + '\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('40 users · 12 items'));
  await upload(page, '#items-file', 'items.csv', table.join('\n') + '\n');
  await upload(page, '#purchases-file', 'purchases.csv', purchases.join('\n') + '\n');
  await upload(page, '#users-file', 'users.csv', people.join('\n') + '\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.includes('user table: 40 users (40 in the ratings)'));
  await page.click('#tab-discounts');
  for (const strategy of ['seed-user', 'seed-item', 'segment', 'elasticity', 'propensity', 'coupon']) {
    await page.selectOption('#strategy', strategy);
    await page.waitForFunction((s) => document.querySelector('#compare-table tr.current th')?.textContent.includes(`(${s})`), strategy);
    assert.equal(await page.locator('#strategy-error').count(), 0, strategy);
    assert.equal(await page.locator('#strategy-table tbody tr').count(), 40, strategy);
  }
  // The fairness audit reads the uploaded user table.
  await page.selectOption('#strategy', 'segment');
  assert.match(await page.locator('#fairness').textContent(), /gender/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('moving the budget stores only the budget: a new purchase log still sets the coupon day', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-discounts');
  await page.selectOption('#strategy', 'coupon');
  // Coupons are evaluated on the last day of the shop's log (late June 2026) unless one is chosen.
  assert.match(await page.locator('#coupon-at').inputValue(), /^2026-06-/);
  await page.check('#budget-on');
  await page.waitForSelector('#budget-slider');
  await page.click('#tab-data');
  await upload(page, '#purchases-file', 'log.csv',
    'user,item,list_price,price_paid,quantity,timestamp\nc001,p01,10,9,1,2026-03-15\nc002,p02,10,10,0,2026-03-01\n');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.includes('purchase log: 2 rows'));
  await page.click('#tab-discounts');
  await page.selectOption('#strategy', 'coupon');
  assert.equal(await page.locator('#coupon-at').inputValue(), '2026-03-15');
  assert.deepEqual(errors, []);
  await context.close();
});
