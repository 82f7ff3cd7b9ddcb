// The entry pages of `glossa site`: meaning first (the definition in the
// reader's language and the passages, then related entries with their
// rendering, the terminologist's detail below), on a desktop and on a phone
// (390 px wide), where none scrolls sideways, however long the URLs in its
// sources and notes, and a URL in a source is a link whose text is the URL.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/entry.test.mjs

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ARTIFACTS, assertClean, buildSite, fileUrl, hasHorizontalScroll, launchBrowser, newContext,
  open, pngSize, removeSite, visit,
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

// What the reader sees of an entry page, top to bottom: the headings, the
// definition, the renderings under the heading and the first related entry.
function readEntry(page) {
  return page.evaluate(() => {
    const text = (node) => node.innerText.replace(/\s+/g, ' ').trim();
    const shown = (selector) => [...document.querySelectorAll(selector)]
        .filter((e) => e.checkVisibility());
    return {
      headings: shown('article h1, article h2, article h3').map((h) => `${h.localName} ${text(h)}`),
      tops: shown('article h1, article h2, article h3').map((h) => h.getBoundingClientRect().top),
      definitions: shown('section.definitions p.definition').map((p) => p.getAttribute('lang')),
      // In reading order: by line, then from the left.
      gloss: shown('article > p.gloss > span')
          .map((span) => [span, span.getBoundingClientRect()])
          .sort(([, a], [, b]) => Math.round(a.top - b.top) || a.left - b.left)
          .map(([span]) => span)
          .map((span) => `${span.getAttribute('lang')} ${text(span)}`),
      related: shown('section.related .relation, section.related li').slice(0, 2).map(text),
    };
  });
}

for (const [width, options] of [[1280, {}], [390, PHONE]]) {
  describe(`the entry page of 信用评分 at ${width}px`, () => {
    test('the definition and the passages come first, the terminologist\'s detail below', async () => {
      const context = await newContext(browser, { ...options, viewport: { width, height: 900 } });
      try {
        const { page, log } = await open(context, fileUrl(site, 'entries/xinyong-fen.html'));
        const german = await readEntry(page);
        assert.deepEqual(german.headings, [
          'h1 信用评分 信用評分 xìnyòng píngfēn',
          'h2 Definition',
          'h2 Schlüsselstellen',
          'h2 9 Stellen',
          'h2 Verwandte Einträge',
          'h2 Für Terminologen und Übersetzer',
          'h3 Quellen der Definition',
          'h3 Benennungen',
          'h3 Hinweise für Übersetzer',
        ]);
        const sorted = [...german.tops].sort((a, b) => a - b);
        assert.deepEqual(german.tops, sorted, 'the headings do not stand in this order on screen');
        assert.deepEqual(german.definitions, ['de']);
        assert.deepEqual(german.gloss, ['de Bonitätswert', 'en credit score']);
        assert.deepEqual(german.related, ['verwandt', '信用评价 Kreditwürdigkeitsbewertung']);
        const shot = path.join(ARTIFACTS, `entry-xinyong-fen-${width}.png`);
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: shot, fullPage: true });
        assert.equal(pngSize(shot).width, width);
        assert.equal(await hasHorizontalScroll(page), '');

        await page.locator('#ui-switch').click();
        const english = await readEntry(page);
        assert.deepEqual(english.headings.slice(0, 6), [
          'h1 信用评分 信用評分 xìnyòng píngfēn',
          'h2 Definition',
          'h2 Key passages',
          'h2 9 passages',
          'h2 Related entries',
          'h2 For terminologists and translators',
        ]);
        assert.deepEqual(english.definitions, ['en']);
        assert.deepEqual(english.gloss, ['en credit score', 'de Bonitätswert']);
        assert.deepEqual(english.related, ['related', '信用评价 credit evaluation']);
        await assertClean(`xinyong-fen at ${width}px`, page, log);
      } finally {
        await context.close();
      }
    });
  });
}
