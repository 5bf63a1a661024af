// The built app (dist/) served and opened in headless Chromium, shared by the end-to-end test
// files, and the assertion every number-field test makes.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';
import { startServer } from '../../www/serve.mjs';

/** Serves dist/ and launches Chromium for this test file (closed after it); `url()` and
 * `browser()` give them to tests that open pages their own way. `open(path)` gives a
 * fresh page on the app: `errors` collects page errors, console errors and dialogs, `outside`
 * every request that leaves the local server. */
export function serveApp() {
  let server, browser;
  before(async () => {
    server = await startServer(new URL('../../dist', import.meta.url).pathname);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  async function open(path = '/') {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const outside = [];
    const errors = [];
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
    await page.goto(server.url + path);
    return { page, context, outside, errors };
  }
  return { open, url: () => server.url, browser: () => browser };
}

/** The field `id` refused what was typed: the message beside it matches `said` and is an alert
 * that describes the field, the field is marked invalid and shows `kept`, the value in use, again. */
export async function assertRefused(page, id, said, kept) {
  await page.waitForSelector(`#${id}-error`);
  assert.match(await page.locator(`#${id}-error`).textContent(), said);
  assert.equal(await page.getAttribute(`#${id}-error`, 'role'), 'alert');
  assert.equal(await page.getAttribute(`#${id}`, 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute(`#${id}`, 'aria-describedby'), `${id}-error`);
  assert.equal(await page.inputValue(`#${id}`), kept, `${id} shows the value in use again`);
}
