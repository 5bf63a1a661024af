// End-to-end: the Data view's number fields (the shop's seed and size, the scale's ends) refuse
// what they cannot use, say why beside the field, and keep the data in use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRefused, serveApp } from './app-page.mjs';

const { open } = serveApp();

// A fresh page on the app's Data view.
async function openData() {
  const opened = await open();
  const { page } = opened;
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await page.waitForSelector('#data-summary');
  return opened;
}

const summary = (page) => page.locator('#data-summary').textContent();

// Types `typed` into the field `id` as a person would (select all, type, leave the field).
async function typeInto(page, id, typed) {
  await page.click(`#${id}`, { clickCount: 3 });
  await page.keyboard.press('Backspace');
  await page.keyboard.type(typed);
  await page.locator(`#${id}`).blur();
}

test('the shop\'s fields refuse letters and a size out of range, and the shop made keeps the sizes in use', async () => {
  const { page, context, errors } = await openData();
  const before = await summary(page);
  assert.match(before, /^300 users · 80 items/);
  // Letters are no number (the browser's number field holds nothing for them).
  await typeInto(page, 'shop-customers', 'abc');
  await assertRefused(page, 'shop-customers', /A number is needed here; the value in use stays/, '300');
  // Beyond the shop's limits.
  await typeInto(page, 'shop-products', '5000');
  await assertRefused(page, 'shop-products', /5000 is not between 7 and 2000; the value in use stays/, '80');
  await typeInto(page, 'shop-customers', '0');
  await assertRefused(page, 'shop-customers', /0 is not between 1 and 20000/, '300');
  await typeInto(page, 'shop-seed', '-1');
  await assertRefused(page, 'shop-seed', /-1 is not between 0 and/, '42');
  // The shop made now is the one in use: same seed and size, the same data.
  await page.click('#sample-worked');
  await page.waitForFunction((s) => document.getElementById('data-summary').textContent !== s, before);
  await page.click('#sample-shop');
  await page.waitForFunction((s) => document.getElementById('data-summary').textContent === s, before);
  // A good value clears the message and is used; the refused ones stayed out.
  await typeInto(page, 'shop-products', '30');
  await page.waitForSelector('#shop-products-error', { state: 'detached' });
  assert.equal(await page.getAttribute('#shop-products', 'aria-invalid'), null);
  await page.click('#sample-shop');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('300 users · 30 items'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the scale\'s ends refuse a value past the other end, and the ratings keep their scale', async () => {
  const { page, context, errors } = await openData();
  await page.selectOption('#scale-mode', 'custom');
  await page.waitForSelector('#scale-lo');
  assert.equal(await page.inputValue('#scale-lo'), '1');
  assert.equal(await page.inputValue('#scale-hi'), '5');
  const before = await summary(page);
  assert.match(before, /scale 1–5/);
  await typeInto(page, 'scale-lo', '9');
  await assertRefused(page, 'scale-lo', /9 is not between -1000000 and 5; the value in use stays/, '1');
  await typeInto(page, 'scale-hi', '2000000');
  await assertRefused(page, 'scale-hi', /2000000 is not between 1 and 1000000/, '5');
  await typeInto(page, 'scale-hi', 'abc');
  await assertRefused(page, 'scale-hi', /A number is needed here/, '5');
  assert.equal(await summary(page), before);
  // Both ends the same is no scale: the engine says so above, and the field shows the end in use.
  await typeInto(page, 'scale-lo', '5');
  await page.waitForSelector('.notice-bar');
  assert.match(await page.locator('.notice-bar').textContent(), /lowest 5 must be below highest 5/);
  assert.equal(await page.inputValue('#scale-lo'), '1');
  assert.equal(await summary(page), before);
  // A good end is used at once.
  await typeInto(page, 'scale-hi', '10');
  await page.waitForFunction(() => /scale 1–10/.test(document.getElementById('data-summary').textContent));
  await page.waitForSelector('#scale-hi-error', { state: 'detached' });
  assert.equal(await page.inputValue('#scale-hi'), '10');
  assert.deepEqual(errors, []);
  await context.close();
});
