// End-to-end: the strategy bar's number fields (dist/, headless Chromium) refuse what they
// cannot use, say why beside the field, and keep the value and the figures in use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRefused, serveApp } from './app-page.mjs';

const { open } = serveApp();

// The figures of the plan shown: its totals and its first rows of offers, once they have
// stopped changing (no note up, the same twice in a row).
async function figures(page) {
  let last = null;
  for (let k = 0; k < 50; k++) {
    await page.waitForSelector('#strategy-table tbody tr');
    await page.waitForSelector('#strategy-busy', { state: 'detached' });
    const now = await page.evaluate(() => document.getElementById('strategy-summary').textContent + '|'
      + [...document.querySelectorAll('#strategy-table tbody tr')].slice(0, 20).map((r) => r.textContent).join('|'));
    if (now === last) return now;
    last = now;
    await page.waitForTimeout(150);
  }
  return last;
}

// Types `typed` into the field `id` as a person would set it (a number field keeps letters
// as an empty value) and leaves it.
async function enter(page, id, typed) {
  await page.locator(`#${id}`).evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, typed);
}

// The field `id` refused what was typed: the message beside it says `said`, the field is
// marked invalid and shows `kept` again, and the plan's figures are still `shown`.
async function refused(page, id, said, kept, shown) {
  await assertRefused(page, id, said, kept);
  assert.equal(await figures(page), shown, `the figures in use stay after ${id} refused a value`);
}

async function discounts(page, strategy) {
  await page.waitForSelector('#heatmap-canvas');
  await page.click('#tab-discounts');
  await page.waitForSelector('#strategy-table tbody tr');
  await page.selectOption('#strategy', strategy);
  return figures(page);
}

test('the item formula\'s K refuses letters and a K beyond the most neighbours, and keeps its figures', async () => {
  const { page, context, errors } = await open();
  const shown = await discounts(page, 'seed-item');
  assert.equal(await page.inputValue('#strategy-k'), '3');
  await enter(page, 'strategy-k', 'abc');
  await refused(page, 'strategy-k', /A number is needed/, '3', shown);
  await enter(page, 'strategy-k', '1e9');
  await refused(page, 'strategy-k', /1e9 is not between 1 and 1000/, '3', shown);
  // A good value clears the message and is used.
  await enter(page, 'strategy-k', '5');
  await page.waitForSelector('#strategy-k-error', { state: 'detached' });
  assert.equal(await page.getAttribute('#strategy-k', 'aria-invalid'), null);
  assert.equal(await page.inputValue('#strategy-k'), '5');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the number of segments refuses a fraction and more than twelve, and keeps its figures', async () => {
  const { page, context, errors } = await open();
  const shown = await discounts(page, 'segment');
  assert.equal(await page.inputValue('#segment-k'), '4');
  await enter(page, 'segment-k', '2.5');
  await refused(page, 'segment-k', /2.5 is not a whole number/, '4', shown);
  await enter(page, 'segment-k', '13');
  await refused(page, 'segment-k', /13 is not between 1 and 12/, '4', shown);
  await enter(page, 'segment-seed', '-1');
  await refused(page, 'segment-seed', /-1 is not between 0 and/, '42', shown);
  // The segment table's offers refuse a percentage over 100 too.
  await page.check('#segment-table');
  const tabled = await figures(page);
  await enter(page, 'segment-offer-0', '101');
  await refused(page, 'segment-offer-0', /101 is not between 0 and 100/, '10', tabled);
  assert.equal(await page.locator('#segment-offer-0').getAttribute('class'), 'narrow segment-offer');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a coupon of 150% is refused, not cut to 100%, and the coupons\' figures stay', async () => {
  const { page, context, errors } = await open();
  const shown = await discounts(page, 'coupon');
  assert.equal(await page.inputValue('#coupon-pct-1'), '10');
  await enter(page, 'coupon-pct-1', '150');
  await refused(page, 'coupon-pct-1', /150 is not between 0 and 100/, '10', shown);
  assert.equal(await page.locator('#strategy-table tbody tr td.num').first().textContent(), '10');
  await enter(page, 'coupon-max-1', '-5');
  await refused(page, 'coupon-max-1', /-5 is not between 0 and/, '', shown);
  // Stacked coupons: the cap refuses more than 100% as well.
  await page.selectOption('#coupon-combine', 'stacked');
  const stacked = await figures(page);
  assert.equal(await page.inputValue('#coupon-cap'), '25');
  await enter(page, 'coupon-cap', '120');
  await refused(page, 'coupon-cap', /120 is not between 0 and 100/, '25', stacked);
  // An empty cap is no cap; a good percentage clears the message and is used.
  await enter(page, 'coupon-max-1', '');
  await page.waitForSelector('#coupon-max-1-error', { state: 'detached' });
  await enter(page, 'coupon-pct-1', '15');
  await page.waitForSelector('#coupon-pct-1-error', { state: 'detached' });
  await page.waitForFunction(() => document.querySelector('#strategy-table tbody tr td.num')?.textContent === '15');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the guardrails and the purchase model\'s C refuse what they cannot use; an empty C is no penalty', async () => {
  const { page, context, errors } = await open();
  const shown = await discounts(page, 'propensity');
  assert.equal(await page.inputValue('#guard-max'), '25');
  await enter(page, 'guard-max', '150');
  await refused(page, 'guard-max', /150 is not between 0 and 100/, '25', shown);
  await enter(page, 'guard-margin', '-1');
  await refused(page, 'guard-margin', /-1 is not between 0 and 1000/, '10', shown);
  await enter(page, 'guard-cap', '-2');
  await refused(page, 'guard-cap', /-2 is not between 0 and/, '', shown);
  assert.equal(await page.inputValue('#propensity-c'), '1');
  await enter(page, 'propensity-c', '0');
  await refused(page, 'propensity-c', /0 is not between 0.0001 and 1000000/, '1', shown);
  // Empty: the model is fitted without a penalty, and the field stays empty.
  await enter(page, 'propensity-c', '');
  await page.waitForSelector('#propensity-c-error', { state: 'detached' });
  await figures(page);
  assert.equal(await page.inputValue('#propensity-c'), '');
  assert.equal(await page.getAttribute('#propensity-c', 'placeholder'), '∞');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a value left typed in a field does not undo choosing another strategy', async () => {
  const { page, context, errors } = await open();
  await discounts(page, 'coupon');
  // Typed and applied, and the field still has the focus when another strategy is chosen:
  // Chromium sends the field's change again as it goes.
  await page.locator('#coupon-pct-1').fill('20');
  await page.locator('#coupon-pct-1').dispatchEvent('change');
  await page.waitForFunction(() => document.querySelector('#strategy-table tbody tr td.num')?.textContent === '20');
  await page.selectOption('#strategy', 'elasticity');
  await page.waitForSelector('#coupon-table', { state: 'detached' });
  await figures(page);
  assert.equal(await page.inputValue('#strategy'), 'elasticity');
  assert.equal(await page.locator('#segment-k').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
