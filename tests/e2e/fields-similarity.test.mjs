// End-to-end: the number fields of the Similarity, Discounts (the articles' user formula) and
// Item discounts views refuse what they cannot use, say why beside the field, and keep the
// value in use: the figures on the page stay as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRefused, serveApp } from './app-page.mjs';

const { open } = serveApp();

/** Types `typed` into the field `id` as a person does, key by key when it is not a number (a number
 * field keeps nothing of 'abc': its value is then empty). */
async function type(page, id, typed) {
  if (typed === '' || !Number.isNaN(Number(typed))) return page.fill(`#${id}`, typed);
  await page.fill(`#${id}`, '');
  return page.locator(`#${id}`).pressSequentially(typed);
}

/** Types `typed` into the field `id` and leaves it; the field must refuse it with a message matching
 * `said`, and show `kept`, the value in use, again. */
async function refused(page, id, typed, said, kept) {
  await type(page, id, typed);
  await page.locator(`#${id}`).blur();
  await assertRefused(page, id, said, kept);
}

/** Types a good value into `id`: the message goes and the field is valid again. */
async function accepted(page, id, typed) {
  await page.fill(`#${id}`, typed);
  await page.locator(`#${id}`).blur();
  await page.waitForSelector(`#${id}-error`, { state: 'detached' });
  assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), null);
  assert.equal(await page.inputValue(`#${id}`), typed);
}

const heatmapPixels = (page) => page.evaluate(() => document.getElementById('heatmap-canvas').toDataURL());
const tableText = (page, id) => page.locator(`#${id} tbody`).textContent();

test('the similarity fields refuse a negative shrinkage and a fractional min_support, and keep the map', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.selectOption('#sim-measure', 'pearson_baseline');
  await page.waitForSelector('#sim-shrinkage');
  assert.equal(await page.inputValue('#sim-shrinkage'), '100');
  assert.equal(await page.inputValue('#sim-min-support'), '1');
  const box = await page.locator('#heatmap-canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
  await page.waitForSelector('#explain');
  const [pixels, explain] = [await heatmapPixels(page), await page.locator('#explain').textContent()];

  await refused(page, 'sim-shrinkage', '-1', /-1 is not between 0 and 1000000/, '100');
  await refused(page, 'sim-min-support', '2.5', /2.5 is not a whole number/, '1');
  await refused(page, 'sim-min-support', 'abc', /A number is needed/, '1');
  assert.equal(await heatmapPixels(page), pixels, 'the map in use stays');
  assert.equal(await page.locator('#explain').textContent(), explain, 'the step-through in use stays');

  // A good value clears the message and is used: the shrinkage changes the map.
  await accepted(page, 'sim-shrinkage', '0');
  await page.waitForFunction((before) => document.getElementById('heatmap-canvas').toDataURL() !== before, pixels);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the articles\' user formula refuses a K that is not a number and a minimum above the maximum', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  await page.selectOption('#strategy', 'seed-user');
  await page.waitForSelector('#discount-table tbody tr');
  assert.equal(await page.inputValue('#disc-k'), '5');
  const before = await tableText(page, 'discount-table');

  await refused(page, 'disc-k', 'abc', /A number is needed/, '5');
  await refused(page, 'disc-k', '0', /0 is not between 1 and 1000/, '5');
  await refused(page, 'disc-min', '30', /30 is not between 0 and 25/, '0');
  assert.equal(await tableText(page, 'discount-table'), before, 'the offers in use stay');

  await accepted(page, 'disc-k', '2');
  await page.waitForFunction((b) => document.querySelector('#discount-table tbody').textContent !== b, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the item discounts refuse a fractional K and a maximum over 100%, and keep their offers', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-items');
  await page.waitForSelector('#item-table tbody tr');
  assert.equal(await page.inputValue('#item-k'), '3');
  assert.equal(await page.inputValue('#item-max'), '25');
  const before = await tableText(page, 'item-table');

  await refused(page, 'item-k', '2.5', /2.5 is not a whole number/, '3');
  await refused(page, 'item-max', '101', /101 is not between 0 and 100/, '25');
  await refused(page, 'item-max', '', /A number is needed/, '25');
  assert.equal(await tableText(page, 'item-table'), before, 'the offers in use stay');

  // A good maximum is the one maximum: the strategy bar shows it too.
  await accepted(page, 'item-max', '12');
  await page.click('#tab-discounts');
  await page.waitForSelector('#guard-max');
  assert.equal(await page.inputValue('#guard-max'), '12');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the sample size refuses a sample of one row and keeps the sample drawn', async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-data');
  await page.fill('#shop-customers', '3100');
  await page.locator('#shop-customers').dispatchEvent('change');
  await page.click('#sample-shop');
  await page.waitForFunction(() => document.getElementById('data-summary').textContent.startsWith('3100 users'));
  await page.click('#tab-similarity');
  await page.click('#sim-sample');
  await page.waitForFunction(() => document.getElementById('heatmap-canvas')?.width === 1000);
  await refused(page, 'sim-sample-size', '1', /1 is not between 2 and 3000/, '1000');
  await refused(page, 'sim-sample-size', '12.5', /12.5 is not a whole number/, '1000');
  assert.equal(await page.evaluate(() => document.getElementById('heatmap-canvas').width), 1000);
  await accepted(page, 'sim-sample-size', '200');
  await page.waitForFunction(() => document.getElementById('heatmap-canvas')?.width === 200);
  assert.deepEqual(errors, []);
  await context.close();
});
