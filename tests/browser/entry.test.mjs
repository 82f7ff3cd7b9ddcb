// The entry pages of `glossa site` on a phone (390 px wide): none scrolls
// sideways, however long the URLs in its sources and notes, and a URL in a
// source is a link whose text is the URL.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/entry.test.mjs

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  assertClean, buildSite, fileUrl, hasHorizontalScroll, launchBrowser, newContext, open,
  removeSite, visit,
} from './harness.mjs';

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

let browser;
let site;  // the site of the built-in glossary and report
let shared;  // { page, log } of one phone-sized tab

before(async () => {
  site = buildSite();
  browser = await launchBrowser();
  shared = await open(await newContext(browser, PHONE), 'about:blank');
});
after(async () => {
  await browser?.close();
  removeSite(site);
});

describe('entry pages on a 390px phone', () => {
  test('no entry page scrolls sideways', { timeout: 120000 }, async () => {
    const files = fs.readdirSync(path.join(site, 'entries'))
        .filter((file) => file.endsWith('.html')).sort();
    assert.ok(files.length > 100, `only ${files.length} entry pages`);
    const wide = [];
    for (const file of files) {
      const { page, log } = await visit(shared, fileUrl(site, `entries/${file}`));
      const scroll = await hasHorizontalScroll(page);
      if (scroll) wide.push(`${file}: ${scroll}`);
      await assertClean(file, page, log);
    }
    assert.deepEqual(wide, [], `${wide.length} of ${files.length} entry pages scroll sideways`);
  });

  test('a URL in a source is a link whose text is the URL', async () => {
    const url = 'https://en.m.wikipedia.org/wiki/Wuxi';
    const { page, log } = await visit(shared, fileUrl(site, 'entries/wuxi.html'));
    const link = page.locator(`td.sources p.source a[href^="https://"]`, { hasText: url });
    assert.equal(await link.count(), 1);
    assert.equal(await link.getAttribute('href'), url);
    assert.equal(await link.textContent(), url);
    assert.equal(await link.evaluate((a) => a.parentElement.textContent), url);
    await assertClean('wuxi', page, log);
  });

  test('the longest URL in a note wraps inside the window', async () => {
    const { page, log } = await visit(shared, fileUrl(site, 'entries/guihua-gangyao.html'));
    const links = await page.locator('section.notes p.note a[href^="http"]').evaluateAll(
        (anchors) => anchors.map((a) => ({
          url: a.href,
          right: Math.max(...[...a.getClientRects()].map((rect) => rect.right)),
          lines: a.getClientRects().length,
        })));
    const longest = links.reduce((a, b) => (b.url.length > a.url.length ? b : a));
    assert.ok(longest.url.length > 150, `the longest link is ${longest.url}`);
    assert.ok(longest.lines > 1, `${longest.url} is on one line`);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    for (const { url, right } of links) {
      assert.ok(right <= width, `${url} ends at ${right}px in a ${width}px window`);
    }
    await assertClean('guihua-gangyao', page, log);
  });
});
