// Real-browser tests of translation.html, the page `glossa site --translation`
// adds: the report and a translation side by side, built from
// tests/data/translation/report-sample.en.xlf (the key findings and §2.1 in
// English, with a deprecated rendering planted in s2.1.p1.s2 and a missing
// term in kf.5.s2). tests/site_translation_test.cc checks the same page as
// HTML.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  ARTIFACTS, assertClean, buildSite, fileUrl, hasHorizontalScroll, launchBrowser,
  newContext, open, pngSize, readSiteData, removeSite, squash, visit,
} from './harness.mjs';

const FIXTURE = fileURLToPath(
    new URL('../data/translation/report-sample.en.xlf', import.meta.url));
const TEST_TIMEOUT = { timeout: 30000 };
const it = (name, fn) => test(name, TEST_TIMEOUT, fn);

// The blocks the fixture translates, in report order.
const ROWS = ['kf', 'kf.1', 'kf.2', 'kf.3', 'kf.4', 'kf.5', 'kf.6', 'kf.7', 'kf.8',
  's2.1', 's2.1.p1', 's2.1.p2', 's2.1.p3', 's2.1.p4', 's2.1.q1'];

let browser;
let site;
let data;

// Each row's id with the boxes of its German and its translated side.
function rowBoxes(page) {
  return page.evaluate(() => [...document.querySelectorAll('div.pair')].map((row) => {
    const box = (element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
    };
    return {
      id: row.id,
      row: box(row),
      source: box(row.querySelector(':scope > .side.source')),
      target: box(row.querySelector(':scope > .side.target')),
    };
  }));
}

// The WCAG contrast ratio of an element's text against the background it
// stands on (the first ancestor with an opaque background).
function contrastOf(locator) {
  return locator.evaluate((element) => {
    const rgb = (value) => value.match(/[\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
      const channel = (c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let back = element;
    while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) {
      back = back.parentElement;
    }
    const fore = luminance(rgb(getComputedStyle(element).color));
    const ground = luminance(rgb(getComputedStyle(back ?? document.body).backgroundColor));
    return (Math.max(fore, ground) + 0.05) / (Math.min(fore, ground) + 0.05);
  });
}

function sharedTab(options) {
  const shared = { context: null, tab: null };
  before(async () => {
    shared.context = await newContext(browser, options);
    shared.tab = await open(shared.context, 'about:blank');
  });
  after(async () => shared.context?.close());
  return shared;
}

describe('glossa site --translation in a browser', () => {
  before(async () => {
    site = buildSite({ translation: FIXTURE });
    data = readSiteData(site);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    removeSite(site);
  });

  describe('on a wide screen (1280px)', () => {
    const shared = sharedTab({ viewport: { width: 1280, height: 900 } });

    it('each block\'s German and its translation sit side by side, starting at the same height', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'translation.html'));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.page), 'translation');
      const rows = await rowBoxes(page);
      assert.deepEqual(rows.map((row) => row.id), ROWS);
      for (const [i, { id, source, target }] of rows.entries()) {
        assert.ok(Math.abs(source.top - target.top) < 1,
            `${id}: the German starts at ${source.top}px, the translation at ${target.top}px`);
        assert.ok(target.left >= source.right,
            `${id}: the translation (${target.left}px) does not start right of the German ` +
            `(${source.right}px)`);
        assert.ok(target.right <= 1280, `${id}: the translation ends at ${target.right}px`);
        const next = rows[i + 1];
        if (next) {
          const bottom = Math.max(source.bottom, target.bottom);
          assert.ok(next.row.top >= bottom - 0.5,
              `${next.id} starts at ${next.row.top}px, above the end of ${id} (${bottom}px)`);
        }
      }
      // Each side says its language.
      const tags = await page.locator('#kf\\.1 .side-lang').evaluateAll(
          (elements) => elements.map((e) => e.checkVisibility() && e.textContent));
      assert.deepEqual(tags, ['de', 'en']);
      assert.equal(await hasHorizontalScroll(page), '');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const shot = path.join(ARTIFACTS, 'translation.png');
      await page.locator('#s2\\.1\\.p1').scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot });
      assert.equal(pngSize(shot).width, 1280);
      await assertClean('translation.html, wide', page, log);
    });

    it('the report links to translation.html, and the bar leads back', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'index.html'));
      const link = page.locator('a[href="translation.html"]');
      assert.equal(await link.count(), 1);
      assert.equal(squash(await link.innerText()), 'Der Bericht neben seiner Übersetzung (en)');
      await Promise.all([page.waitForURL(fileUrl(site, 'translation.html')), link.click()]);
      await Promise.all([
        page.waitForURL(fileUrl(site, 'index.html')),
        page.locator('.site-nav a[href="index.html"]').click(),
      ]);
      await assertClean('report link', page, log);
    });

    it('hovering a term of the translation shows its entry\'s popup; clicking opens the entry', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'translation.html'));
      const id = 'shehui-xinyong-tixi';
      const term = page.locator(`#kf\\.1 .side.target a.term[data-entry="${id}"]`);
      assert.equal(await term.innerText(), 'Social Credit System');
      await term.hover();
      const popup = page.locator('#glossa-popup');
      await popup.waitFor({ state: 'visible' });
      assert.equal(await popup.getAttribute('aria-label'), data.entries[id].headline);
      assert.equal(await popup.locator('a.popup-link').evaluate((a) => a.href),
          fileUrl(site, `entries/${id}.html`));
      await Promise.all([page.waitForURL(fileUrl(site, `entries/${id}.html`)), term.click()]);
      assert.equal(await page.locator('article.entry').getAttribute('data-entry'), id);
      await assertClean('target term', page, log);
    });

    it('the planted deprecated rendering is marked and the missing term noted, not by colour alone', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'translation.html'));
      const mark = page.locator('mark.qa-deprecated');
      assert.equal(await mark.count(), 1);
      assert.ok(await mark.isVisible(), 'the mark is not visible');
      assert.equal(await mark.innerText(), 'social credit score');
      assert.equal(await mark.evaluate((e) => e.closest('.unit').id), 'u-s2.1.p1.s2');
      const style = await mark.evaluate((e) => ({
        line: getComputedStyle(e).textDecorationLine,
        wavy: getComputedStyle(e).textDecorationStyle,
        sign: getComputedStyle(e, '::after').content,
      }));
      assert.deepEqual(style, { line: 'underline', wavy: 'wavy', sign: '"\u00a0⚠" / ""' });
      const contrast = await contrastOf(mark);
      assert.ok(contrast >= 4.5, `the marked text has a contrast of ${contrast.toFixed(2)}`);
      // Described by the note after its sentence, which a reader sees.
      const noteId = await mark.getAttribute('aria-describedby');
      const note = page.locator(`[id="${noteId}"]`);
      assert.ok(await note.isVisible(), 'the deprecated rendering\'s note is not visible');
      assert.match(squash(await note.innerText()),
          /^⚠ Zu vermeiden: segment s2\.1\.p1\.s2: \[deprecated\] "social credit score" \(/);
      assert.equal(await mark.getAttribute('title'),
          (await note.locator('.qa-message').innerText()).trim());

      const missing = page.locator('#kf\\.5 .finding-missing');
      assert.equal(await missing.count(), 1);
      assert.ok(await missing.isVisible(), 'the missing term\'s note is not visible');
      assert.equal(squash(await missing.innerText()),
          '⚠ Begriff fehlt: segment kf.5.s2: [missing] Datenaustausch → expected ' +
          '"information sharing" (or: "data exchange"); target has none');
      assert.equal(await missing.evaluate((e) => e.previousElementSibling.id), 'u-kf.5.s2');
      for (const label of [missing, note]) {
        const ratio = await contrastOf(label.locator('.qa-message'));
        assert.ok(ratio >= 4.5, `a note's text has a contrast of ${ratio.toFixed(2)}`);
      }
      await assertClean('findings', page, log);
    });

    it('a finding across the file leads to the sentence where it is first seen', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'translation.html'));
      const links = page.locator('.file-findings li a');
      assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
          ['#u-s2.1.p2.s3']);
      await links.last().click();
      await page.waitForURL(/#u-s2\.1\.p2\.s3$/);
      const shown = await page.evaluate(() => {
        const rect = document.getElementById('u-s2.1.p2.s3').getBoundingClientRect();
        const bar = document.querySelector('.bar').getBoundingClientRect();
        return rect.top >= bar.bottom - 1 && rect.top < window.innerHeight;
      });
      assert.ok(shown, 'the sentence is not in view below the bar');
      await assertClean('file findings', page, log);
    });

    it('opens where the reader left it, apart from the report\'s own place', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'translation.html'));
      const key = (file) => 'glossa-position:' + new URL(fileUrl(site, file)).pathname;
      await page.evaluate(() => localStorage.clear());
      await page.evaluate(() => document.getElementById('s2.1.p3').scrollIntoView({ block: 'start' }));
      await page.waitForFunction((key) => localStorage.getItem(key) === 's2.1.p3',
          key('translation.html'));
      // Where the pair stands below the bar, before and after the reload.
      const below = () => page.evaluate(() =>
        document.getElementById('s2.1.p3').getBoundingClientRect().top -
        document.querySelector('.bar').getBoundingClientRect().bottom);
      const before = await below();
      await page.reload();
      const after = await below();
      assert.ok(Math.abs(after - before) < 24,
          `s2.1.p3 stood ${before}px below the bar, after the reload ${after}px`);
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), key('index.html')), null,
          'the translation page moved the report\'s place');
      // The address names a place of its own: it wins.
      await page.goto(fileUrl(site, 'translation.html#kf.5'));
      const named = await page.evaluate(() =>
        document.getElementById('kf.5').getBoundingClientRect().top -
        document.querySelector('.bar').getBoundingClientRect().bottom);
      assert.ok(Math.abs(named) < 24, `#kf.5 is ${named}px below the bar`);
      await assertClean('reading position', page, log);
    });
  });

  describe('on a phone (390px)', () => {
    const shared = sharedTab({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    it('the translation stands below the German, and nothing scrolls sideways', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'translation.html'));
      const rows = await rowBoxes(page);
      assert.deepEqual(rows.map((row) => row.id), ROWS);
      for (const { id, source, target } of rows) {
        assert.ok(target.top >= source.bottom - 0.5,
            `${id}: the translation starts at ${target.top}px, above the German's end ` +
            `(${source.bottom}px)`);
        assert.ok(Math.abs(target.left - source.left) < 1,
            `${id}: the sides start at ${source.left}px and ${target.left}px`);
      }
      assert.equal(await hasHorizontalScroll(page), '', 'translation.html scrolls sideways');
      assert.ok(await page.locator('mark.qa-deprecated').isVisible());
      assert.ok(await page.locator('.finding-missing').isVisible());
      await assertClean('translation.html, phone', page, log);
    });

    it('a first tap on a term of the translation opens its popup', async () => {
      const url = fileUrl(site, 'translation.html');
      const { page, log } = await visit(shared.tab, url);
      const term = page.locator('#s2\\.1\\.q1 .side.target a.term').first();
      const id = await term.getAttribute('data-entry');
      assert.equal(id, 'shehui-xinyong');
      await term.tap();
      const popup = page.locator('#glossa-popup');
      await popup.waitFor({ state: 'visible' });
      assert.equal(await popup.getAttribute('aria-label'), data.entries[id].headline);
      assert.equal(page.url(), url);
      assert.equal(await hasHorizontalScroll(page), '', 'the popup widens the page');
      await assertClean('tap', page, log);
    });
  });
});
