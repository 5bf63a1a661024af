// The shipped CJK font covers every CJK character the interface can show: each one in src/**/*.rs
// (the message catalogue and the views), index.html and www/*.html must have a glyph in
// www/fonts/lab-cjk.woff2, and the stylesheet's unicode-range must name the same blocks the
// subsetting script collects. Rerun `bash www/fonts/make-subset.sh` when this fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';

const root = new URL('../..', import.meta.url).pathname;
// The blocks the script subsets and the @font-face serves (keep in step with make-subset.sh and style.css).
const BLOCKS = [[0x2e80, 0x2fdf], [0x3000, 0x30ff], [0x3100, 0x312f], [0x31c0, 0x31ef], [0x3200, 0x9fff],
  [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xffef]];
const isCjk = (cp) => BLOCKS.some(([a, b]) => cp >= a && cp <= b);

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.rs') ? [path] : [];
  });
}

function usedCharacters() {
  const files = [...sources(join(root, 'src')), join(root, 'index.html'),
    ...readdirSync(join(root, 'www')).filter((n) => n.endsWith('.html')).map((n) => join(root, 'www', n))];
  const used = new Map();
  for (const file of files) {
    for (const ch of readFileSync(file, 'utf8')) {
      if (isCjk(ch.codePointAt(0)) && !used.has(ch)) used.set(ch, file.slice(root.length));
    }
  }
  return used;
}

test('every CJK character of the interface has a glyph in the shipped font', () => {
  const font = fontkit.openSync(join(root, 'www/fonts/lab-cjk.woff2'));
  const used = usedCharacters();
  assert.ok(used.size > 300, `only ${used.size} CJK characters found: is the catalogue still in src/?`);
  const missing = [...used].filter(([ch]) => !font.hasGlyphForCodePoint(ch.codePointAt(0)));
  assert.deepEqual(missing.map(([ch, file]) => `${ch} (${file})`), []);
  // Not a whole CJK font: a subset of about what is used.
  assert.ok(font.characterSet.length < used.size + 50, `${font.characterSet.length} glyphs for ${used.size} characters`);
});

test('the stylesheet serves the font for the blocks the script subsets', () => {
  const css = readFileSync(join(root, 'www/style.css'), 'utf8');
  const range = css.match(/unicode-range:\s*([^;]+);/)[1];
  const blocks = range.split(',').map((r) => r.trim().replace(/^U\+/, '').split('-').map((x) => parseInt(x, 16)));
  assert.deepEqual(blocks, BLOCKS);
  const script = readFileSync(join(root, 'www/fonts/make-subset.sh'), 'utf8');
  const pattern = script.match(/CJK = re\.compile\('\[([^\]]+)\]'\)/)[1];
  const scripted = [...pattern.matchAll(/\\u([0-9a-f]{4})-\\u([0-9a-f]{4})/g)].map((m) => [parseInt(m[1], 16), parseInt(m[2], 16)]);
  assert.deepEqual(scripted, BLOCKS);
});
