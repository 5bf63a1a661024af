// Usage: node tests/e2e/screenshot.mjs OUT.png [tab] [width] — a screenshot of the built app (dist/).
// LANG=zh for the Chinese interface; CLICK_CELL=1 opens one heatmap cell's explanation;
// STRATEGY=name and BUDGET=1 set up the Discounts view; FULL=1 takes the whole page.
import { launch } from './browser.mjs';
import { startServer } from '../../www/serve.mjs';

const [out = 'screenshot.png', tab = 'similarity', width = '1280'] = process.argv.slice(2);
const server = await startServer('dist');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('console', (m) => console.log('console:', m.text()));
await page.goto(server.url + '/');
await page.waitForSelector('#heatmap-canvas');
if (process.env.LANG === 'zh') await page.selectOption('.lang select', 'zh');
if (tab !== 'similarity') await page.click(`#tab-${tab}`);
if (process.env.CLICK_CELL) {
  const box = await page.locator('#heatmap-canvas').boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.6);
}
if (process.env.STRATEGY) {
  await page.waitForSelector('#strategy-table tbody tr');
  await page.selectOption('#strategy', process.env.STRATEGY);
  await page.waitForSelector('#strategy-table tbody tr');
}
if (process.env.BUDGET) {
  await page.check('#budget-on');
  await page.waitForSelector('#budget-slider');
}
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
await browser.close();
await server.close();
