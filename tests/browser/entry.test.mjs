// The entry pages of `glossa site`: meaning first (the definition in the
// reader's language and the passages, then related entries with their
// rendering, the terminologist's detail below), on a desktop and on a phone
// (390 px wide), where none scrolls sideways, however long the URLs in its
// sources and notes, and a URL in a source is a link whose text is the URL.
// Nothing under the heading moves once the page is drawn (layout shift),
// with the study buttons and, on a site with CC-CEDICT, the characters'
// lines, which are in the page itself.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/entry.test.mjs

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ARTIFACTS, assertClean, buildSite, fileUrl, hasHorizontalScroll, launchBrowser, newContext,
  open, pngSize, removeSite, serve, squash, visit,
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

// ---- nothing moves ---------------------------------------------------------------
// What moved on `url` as a phone loads it: the layout-shift entries a
// PerformanceObserver records from the start (buffered), summed, once the
// page has loaded, `ready` stands in it and two more frames are drawn (a
// shift is reported with the frame that shows it). Over http, as Lighthouse
// loads a page: from disk Chromium mostly parses the whole page before it
// first draws it, and what the scripts add then moves nothing on screen.
// Every entry counts, hadRecentInput or not: there was no input.
async function layoutShift(url, ready) {
  const context = await newContext(browser, PHONE);
  try {
    await context.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__shifts.push({
            value: entry.value,
            moved: entry.sources.map((source) =>
              source.node?.className || source.node?.nodeName || '?').join(', '),
          });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const { page, log } = await open(context, url, { allowed: [new URL(url).origin] });
    await page.locator(ready).first().waitFor();
    await page.evaluate(() => new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await assertClean(url, page, log);
    const shifts = await page.evaluate(() => window.__shifts);
    return {
      total: shifts.reduce((sum, shift) => sum + shift.value, 0),
      moved: shifts.map((shift) => `${shift.value.toFixed(4)}: ${shift.moved}`).join('; '),
    };
  } finally {
    await context.close();
  }
}

// What a reader without JavaScript sees under the heading of `file`: the
// elements drawn between the heading and the definition, and the lines of
// the characters.
async function withoutScript(dir, file) {
  const context = await newContext(browser, { ...PHONE, javaScriptEnabled: false });
  try {
    const { page, log } = await open(context, fileUrl(dir, file));
    const seen = await page.evaluate(() => {
      const article = document.querySelector('article.entry');
      const drawn = [...article.children].filter((child) => child.getClientRects().length > 0);
      return {
        under: drawn.slice(1, drawn.findIndex((child) => child.matches('section'))).map(
            (child) => child.className),
        chars: [...article.querySelectorAll('.entry-chars li')].map(
            (li) => li.textContent.replace(/\s+/g, ' ').trim()),
      };
    });
    await assertClean(`${file} without script`, page, log);
    return seen;
  } finally {
    await context.close();
  }
}

describe('nothing under the heading moves once an entry page is drawn', () => {
  test('征信 on a 390px phone, with the study buttons: layout shift below 0.01', async () => {
    const server = await serve(site);
    try {
      const { total, moved } = await layoutShift(
          server.url + 'entries/zhengxin.html', 'article.entry > .study-actions button');
      assert.ok(total < 0.01, `layout shift ${total.toFixed(4)} (${moved})`);
    } finally {
      await server.close();
    }
  });

  test('without the script and without CC-CEDICT, no empty box stands under the heading', async () => {
    const seen = await withoutScript(site, 'entries/zhengxin.html');
    assert.deepEqual(seen, { under: ['gloss'], chars: [] });
    // With it, the buttons fill the place kept for them.
    const { page, log } = await visit(shared, fileUrl(site, 'entries/zhengxin.html'));
    const box = page.locator('article.entry > h1 + .study-actions');
    assert.deepEqual(await box.locator('button').allTextContents(), ['Speichern', 'Bekannt']);
    // The place kept is as tall as a button: emptied, the box keeps its
    // height, and a button alone (outside the box, not stretched) is as tall.
    const heights = await box.evaluate((kept) => {
      const filled = kept.getBoundingClientRect().height;
      const alone = kept.querySelector('button').cloneNode(true);
      document.body.append(alone);
      const button = alone.getBoundingClientRect().height;
      alone.remove();
      const buttons = [...kept.children];
      kept.replaceChildren();
      const empty = kept.getBoundingClientRect().height;
      kept.append(...buttons);
      return { filled, button, empty };
    });
    assert.ok(heights.button > 20, JSON.stringify(heights));
    assert.deepEqual(heights, { filled: heights.button, button: heights.button, empty: heights.button });
    await assertClean('zhengxin', page, log);
  });
});

describe('an entry page of a site with CC-CEDICT', () => {
  let cedictSite = null;
  let skip = false;
  before(() => {
    try {
      cedictSite = buildSite({ dicts: ['cedict'] });
    } catch (error) {
      if (!/no dictionary '\w+' installed/.test(error.message)) throw error;
      skip = 'CC-CEDICT is not installed (scripts/install-deps)';
    }
  });
  after(() => removeSite(cedictSite));

  test('征信 on a 390px phone, with the characters and the study buttons: layout shift below 0.01',
      async (t) => {
    if (skip) return t.skip(skip);
    const server = await serve(cedictSite);
    try {
      const { total, moved } = await layoutShift(server.url + 'entries/zhengxin.html',
          'article.entry > .entry-chars + .study-actions button');
      assert.ok(total < 0.01, `layout shift ${total.toFixed(4)} (${moved})`);
    } finally {
      await server.close();
    }
  });

  test('the characters are in the page: a reader without the script sees them too', async (t) => {
    if (skip) return t.skip(skip);
    const seen = await withoutScript(cedictSite, 'entries/zhengxin.html');
    assert.deepEqual(seen.under, ['entry-chars', 'gloss']);
    assert.equal(seen.chars.length, 2);
    assert.equal(seen.chars[0], '征 zhēng journey; trip; expedition · 徵 zhēng to invite; to recruit; to levy (taxes)');
    assert.match(seen.chars[1], /^信 xìn letter; mail; to trust$/);
    // The page does not load the popups' character data.
    const html = fs.readFileSync(path.join(cedictSite, 'entries/zhengxin.html'), 'utf8');
    assert.equal(html.includes('chars-data.js'), false);
    const { page, log } = await visit(shared, fileUrl(cedictSite, 'entries/zhengxin.html'));
    assert.equal(squash(await page.locator('.entry-chars .dict-licence').innerText()),
        'Zeichen: CC-CEDICT, MDBG and the CC-CEDICT contributors · CC BY-SA 4.0 · https://cc-cedict.org/');
    assert.equal(await page.getByRole('list', { name: 'Schriftzeichen' }).count(), 1);
    await page.locator('#ui-switch').click();
    assert.equal(squash(await page.locator('.entry-chars .dict-licence').innerText()),
        'Characters: CC-CEDICT, MDBG and the CC-CEDICT contributors · CC BY-SA 4.0 · https://cc-cedict.org/');
    assert.equal(await page.getByRole('list', { name: 'Characters' }).count(), 1);
    await page.locator('#ui-switch').click();
    await assertClean('zhengxin with CC-CEDICT', page, log);
  });
});
