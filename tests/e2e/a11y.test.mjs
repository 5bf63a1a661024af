// Accessibility, measured: axe-core (from npm, a test dependency like playwright-core) run on
// every view of the built app, in English and in Chinese, finds no violation of any rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serveApp } from './app-page.mjs';

const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const app = serveApp();

/** axe-core's violations on the page as it is, one line each. */
async function violations(page) {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
      first: v.nodes[0]?.target.join(' ') + ': ' + (v.nodes[0]?.failureSummary ?? '').split('\n').slice(1, 3).join(' ') }));
  });
  return found.map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes): ${v.help} — e.g. ${v.first}`);
}

// Each view, opened as a user would: with its main content shown.
const VIEWS = {
  data: async () => {},
  similarity: async (page) => {
    const box = await page.locator('#heatmap-canvas').boundingBox();
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.waitForSelector('#explain');
  },
  discounts: async (page) => page.waitForSelector('#strategy-table tbody tr'),
  items: async (page) => page.waitForSelector('#item-table tbody tr'),
  evaluate: async (page) => {
    await page.click('#eval-run');
    await page.waitForSelector('#eval-table tbody tr');
    await page.locator('#recs li button').first().click();
    await page.waitForSelector('#why-prediction');
  },
};

for (const lang of ['en', 'zh']) {
  for (const [view, show] of Object.entries(VIEWS)) {
    test(`axe-core finds no violation on the ${view} view (${lang})`, async () => {
      const page = await app.browser().newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(app.url() + '/');
      await page.waitForSelector('#heatmap-canvas');
      if (lang === 'zh') await page.selectOption('.lang select', 'zh');
      await page.click(`#tab-${view}`);
      await show(page);
      assert.deepEqual(await violations(page), []);
      await page.close();
    });
  }
}

test('axe-core finds no violation on the embedding example, nor with an error notice shown', async () => {
  const page = await app.browser().newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url() + '/embed.html');
  await page.waitForSelector('#demo-discounts #strategy-table tbody tr');
  assert.deepEqual(await violations(page), []);
  await page.goto(app.url() + '/');
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await page.setInputFiles('#ratings-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('u1,i1,abc\n') });
  await page.waitForSelector('[role=alert]');
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('axe-core finds no violation with a strategy\'s details open and the budget on', async () => {
  const page = await app.browser().newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(app.url() + '/');
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  await page.selectOption('#strategy', 'seed-user');
  await page.waitForSelector('#discount-table tbody tr');
  await page.check('#budget-on');
  await page.waitForSelector('#budget-slider');
  assert.deepEqual(await violations(page), []);
  await page.selectOption('#strategy', 'elasticity');
  await page.waitForSelector('#elasticity-table');
  await page.click('#choose-k');
  await page.waitForSelector('#choose-k-table');
  assert.deepEqual(await violations(page), []);
  await page.close();
});
