// Navigation and reading comfort in headless Chromium, from disk (file://):
// the report's table of contents on a phone and beside the text on a wide
// screen, each section's terms, the skip link, the reading position, dark
// mode, the font-size control, 200% text on a 390px phone on every page,
// and search within reach on a phone. Screenshots go to $GLOSSA_ARTIFACTS.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/nav.test.mjs

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  ARTIFACTS, assertClean, buildSite, fileUrl, hasHorizontalScroll, intersects, launchBrowser,
  newContext, open, removeSite, squash, visit,
} from './harness.mjs';

const TEST_TIMEOUT = { timeout: 30000 };
const it = (name, fn) => test(name, TEST_TIMEOUT, fn);
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const TRANSLATION = fileURLToPath(
    new URL('../data/translation/report-sample.en.xlf', import.meta.url));

let browser;
let site;  // the built-in glossary and report, with a translation page

before(async () => {
  site = buildSite({ translation: TRANSLATION });
  browser = await launchBrowser();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  removeSite(site);
});

const shot = (page, name) => page.screenshot({ path: path.join(ARTIFACTS, name) });

// Where an element is in the window: { top, bottom, left, right, visible }.
const boxOf = (page, selector) => page.locator(selector).first().evaluate((element) => {
  const rect = element.getBoundingClientRect();
  return {
    top: Math.round(rect.top), bottom: Math.round(rect.bottom),
    left: Math.round(rect.left), right: Math.round(rect.right),
    visible: rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden',
  };
});
const barBottom = (page) => page.evaluate(() =>
  document.querySelector('header.bar').getBoundingClientRect().bottom);

describe('the table of contents', () => {
  it('on a phone: one closed line above the text; a link leads to its section below the bar', async () => {
    const context = await newContext(browser, PHONE);
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    const details = page.locator('nav.toc details');
    assert.equal(await details.evaluate((d) => d.open), false);
    assert.equal(squash(await page.locator('nav.toc summary').innerText()), 'Inhalt');
    const summary = await boxOf(page, 'nav.toc summary');
    assert.ok(summary.bottom - summary.top < 40, `the closed contents are ${summary.bottom - summary.top}px high`);
    // The key findings' heading follows within the first screen.
    const findings = await boxOf(page, '#kf h2');
    assert.ok(findings.top < 844, `the key findings start at ${findings.top}px`);
    await shot(page, 'nav-toc-390.png');

    await page.locator('nav.toc summary').click();
    const titles = await page.locator('nav.toc > details > ol > li > a').allInnerTexts();
    assert.deepEqual(titles.map(squash), [
      'ZENTRALE BEFUNDE UND SCHLUSSFOLGERUNGEN',
      '1 Das gesellschaftliche Bonitätssystem als vielseitiges Werkzeug zur Verhaltenssteuerung',
      '2 „Bonitätsprüfung Plus“: China geht viel weiter als andere Länder',
      '3 Stand der Implementierung: Neue Gesetze und Experimente mit Pilotprojekten',
      '4 Das gesellschaftliche Bonitätssystem wird China grundlegend verändern',
      'Anmerkungen',
    ]);
    await shot(page, 'nav-toc-390-open.png');
    await page.locator('nav.toc a[href="#s2.1"]').click();
    await page.waitForFunction(() => location.hash === '#s2.1');
    assert.equal(await details.evaluate((d) => d.open), false, 'the contents stay open after a jump');
    const heading = await boxOf(page, '#s2\\.1 > h3');
    const bar = await barBottom(page);
    assert.ok(heading.top >= bar && heading.top < bar + 60,
        `§2.1's heading is at ${heading.top}px, the bar ends at ${bar}px`);
    await assertClean('index.html (phone)', page, log);
    await context.close();
  });

  it('on a wide screen: open beside the text, never over it, and marking the section read', async () => {
    const context = await newContext(browser, DESKTOP);
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('toc-side')), true);
    assert.equal(await page.locator('nav.toc details').evaluate((d) => d.open), true);
    const toc = await boxOf(page, 'nav.toc');
    const text = await boxOf(page, 'main');
    assert.ok(toc.left >= text.right, `the contents start at ${toc.left}px, the text column ends at ${text.right}px`);
    await shot(page, 'nav-toc-1280.png');
    await page.locator('#s3\\.1\\.d2').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('s3.1.d2').scrollIntoView({ block: 'start' }));
    await page.waitForFunction(() =>
      document.querySelector('nav.toc a[aria-current="location"]')?.getAttribute('href') === '#s3.1.d2');
    // The contents keep the current section's line in their box.
    const after = await boxOf(page, 'nav.toc a[href="#s3.1.d2"]');
    const box = await boxOf(page, 'nav.toc');
    assert.ok(after.visible && after.top >= box.top && after.bottom <= box.bottom,
        `the line is at ${after.top}-${after.bottom}px, the contents at ${box.top}-${box.bottom}px`);
    // Narrower: the contents go back above the text, closed.
    await page.setViewportSize({ width: 900, height: 900 });
    await page.waitForFunction(() => !document.documentElement.classList.contains('toc-side'));
    assert.equal(await page.locator('nav.toc details').evaluate((d) => d.open), false);
    await assertClean('index.html (wide)', page, log);
    await context.close();
  });
});

describe('the terms of each section', () => {
  it('§2.1 lists its terms with counts; a term leads to its entry', async () => {
    const context = await newContext(browser, DESKTOP);
    const { page, log } = await open(context, fileUrl(site, 'index.html#s2.1'));
    const terms = page.locator('#s2\\.1 > details.section-terms');
    const summary = squash(await terms.locator('summary').innerText());
    const n = Number(/^(\d+) Begriffe in Abschnitt 2\.1$/.exec(summary)?.[1]);
    assert.ok(n > 5, `summary: ${summary}`);
    await terms.locator('summary').click();
    const items = await terms.locator('li').evaluateAll((lis) => lis.map((li) => ({
      text: li.innerText.replace(/\s+/g, ' ').trim(),
      href: li.querySelector('a').getAttribute('href'),
      count: Number(li.querySelector('.n').textContent.replace('×', '')),
    })));
    assert.equal(items.length, n);
    const counts = items.map((item) => item.count);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'not most frequent first');
    // The count is the entry page's number of passages in §2.1.
    const first = items[0];
    await page.locator('#s2\\.1 > details.section-terms li a').first().click();
    await page.waitForURL(new RegExp(first.href.replace('.', '\\.') + '$'));
    const locators = await page.locator('ol.kwic .locator').allInnerTexts();
    assert.equal(locators.filter((text) => /^§2\.1,/.test(text.trim())).length, first.count,
        `${first.text}: ${locators.join(' | ')}`);
    await assertClean('index.html', page, log);
    await context.close();
  });

  it('the English interface says the same in English', async () => {
    const context = await newContext(browser, DESKTOP);
    await context.addInitScript(() => localStorage.setItem('glossa-ui', 'en'));
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    assert.match(squash(await page.locator('#s2 > details.section-terms summary').innerText()),
        /^\d+ terms in section 2 before 2\.1$/);
    assert.equal(squash(await page.locator('nav.toc summary').innerText()), 'Contents');
    await assertClean('index.html (en)', page, log);
    await context.close();
  });
});

describe('the skip link', () => {
  for (const file of ['index.html', 'glossary.html', 'entries/zhengxin.html', 'translation.html']) {
    it(`${file}: the first Tab shows „Zum Text“; Enter, Tab reach the text`, async () => {
      const context = await newContext(browser, DESKTOP);
      const { page, log } = await open(context, fileUrl(site, file));
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        className: document.activeElement.className,
        text: document.activeElement.innerText.trim(),
      }));
      assert.deepEqual(focused, { className: 'skip', text: 'Zum Text' });
      const box = await boxOf(page, 'a.skip');
      assert.ok(box.visible && box.top >= 0 && box.bottom < 200, `the skip link is at ${box.top}px`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('main'))), true,
          'the Tab after the skip link is not in the text');
      await assertClean(file, page, log);
      await context.close();
    });
  }
});

describe('the reading position', () => {
  it('the report opens where the reader left it, unless the address names a place', async () => {
    const context = await newContext(browser, PHONE);
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    await page.evaluate(() => document.getElementById('s3.2.p3').scrollIntoView({ block: 'start' }));
    await page.waitForFunction(() =>
      localStorage.getItem('glossa-position:' + location.pathname) === 's3.2.p3');
    await visit({ page, log }, 'about:blank');
    await visit({ page, log }, fileUrl(site, 'index.html'));
    const top = (await boxOf(page, '#s3\\.2\\.p3')).top;
    const bar = await barBottom(page);
    assert.ok(Math.abs(top - bar) < 24, `s3.2.p3 is at ${top}px, the bar ends at ${bar}px`);
    await visit({ page, log }, fileUrl(site, 'index.html#s2.1'));
    const target = (await boxOf(page, '#s2\\.1')).top;
    assert.ok(Math.abs(target - await barBottom(page)) < 24, `#s2.1 is at ${target}px`);
    // Back at the top, nothing is remembered.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => localStorage.getItem('glossa-position:' + location.pathname) === null);
    await assertClean('index.html', page, log);
    await context.close();
  });
});

describe('dark mode and the font size', () => {
  it('a dark screen gets dark colours on every page kind', async () => {
    const context = await newContext(browser, { ...DESKTOP, colorScheme: 'dark' });
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    const colours = () => page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      bar: getComputedStyle(document.querySelector('header.bar')).backgroundColor,
    }));
    assert.deepEqual(await colours(), {
      body: 'rgb(22, 23, 26)', text: 'rgb(230, 228, 223)', bar: 'rgb(31, 33, 37)',
    });
    await shot(page, 'nav-dark-1280.png');
    await page.emulateMedia({ colorScheme: 'light' });
    assert.deepEqual(await colours(), {
      body: 'rgb(255, 254, 250)', text: 'rgb(29, 29, 31)', bar: 'rgb(246, 243, 234)',
    });
    await page.emulateMedia({ colorScheme: 'dark' });
    for (const file of ['glossary.html', 'entries/zhengxin.html']) {
      await visit({ page, log }, fileUrl(site, file));
      assert.equal((await colours()).body, 'rgb(22, 23, 26)', file);
      await shot(page, `nav-dark-${path.basename(file, '.html')}.png`);
      await assertClean(file, page, log);
    }
    const phone = await newContext(browser, { ...PHONE, colorScheme: 'dark' });
    const small = await open(phone, fileUrl(site, 'index.html'));
    await shot(small.page, 'nav-dark-390.png');
    await phone.close();
    await context.close();
  });

  it('A+ and A− change the text size in steps, on every page, and are remembered', async () => {
    const context = await newContext(browser, DESKTOP);
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    const sizes = () => page.evaluate(() => ({
      root: getComputedStyle(document.documentElement).fontSize,
      body: getComputedStyle(document.body).fontSize,
      label: document.querySelector('.font-size').getAttribute('aria-label'),
    }));
    assert.deepEqual(await sizes(), { root: '16px', body: '17px', label: 'Schriftgröße 100 %' });
    const larger = page.getByRole('button', { name: 'Schrift größer' });
    const smaller = page.getByRole('button', { name: 'Schrift kleiner' });
    await larger.click();
    assert.deepEqual(await sizes(), { root: '18px', body: '19.125px', label: 'Schriftgröße 112.5 %' });
    await larger.click();
    await visit({ page, log }, fileUrl(site, 'glossary.html'));
    assert.deepEqual(await sizes(), { root: '20px', body: '21.25px', label: 'Schriftgröße 125 %' });
    for (let i = 0; i < 3; i++) await smaller.click();
    assert.equal((await sizes()).root, '14px');
    assert.equal(await smaller.isDisabled(), true, 'A− at the smallest size');
    for (let i = 0; i < 6; i++) await larger.click();
    assert.equal((await sizes()).root, '32px');
    assert.equal(await larger.isDisabled(), true, 'A+ at the largest size');
    await page.locator('#ui-switch').click();
    assert.equal(await page.locator('.font-size').getAttribute('aria-label'), 'Text size 200 %');
    assert.equal(await page.getByRole('button', { name: 'Smaller text' }).count(), 1);
    await assertClean('glossary.html', page, log);
    await context.close();
  });
});

describe('a 390px phone at 200% text', () => {
  it('no page scrolls sideways', { timeout: 180000 }, async () => {
    const context = await newContext(browser, PHONE);
    await context.addInitScript(() => localStorage.setItem('glossa-font-size', '200'));
    const shared = await open(context, 'about:blank');
    const files = ['index.html', 'glossary.html', 'translation.html',
      ...fs.readdirSync(path.join(site, 'entries')).filter((f) => f.endsWith('.html')).sort()
          .map((f) => `entries/${f}`)];
    assert.ok(files.length > 150, `only ${files.length} pages`);
    const wide = [];
    for (const file of files) {
      const { page, log } = await visit(shared, fileUrl(site, file));
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize),
          '32px', file);
      const scroll = await hasHorizontalScroll(page);
      if (scroll) wide.push(`${file}: ${scroll}`);
      await assertClean(file, page, log);
    }
    await visit(shared, fileUrl(site, 'index.html'));
    await shot(shared.page, 'nav-200-390.png');
    assert.deepEqual(wide, [], `${wide.length} of ${files.length} pages scroll sideways`);
    await context.close();
  });
});

describe('search on a phone', () => {
  it('halfway down the report, the search field is in the window and finds', async () => {
    const context = await newContext(browser, PHONE);
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    await page.evaluate(() => document.getElementById('s3.1').scrollIntoView());
    assert.ok(await page.evaluate(() => window.scrollY) > 5000);
    const field = await boxOf(page, '#search');
    assert.ok(field.visible && field.top >= 0 && field.bottom < 200, `the search field is at ${field.top}px`);
    const bar = await boxOf(page, 'header.bar');
    assert.ok(bar.bottom - bar.top < 90, `the bar is ${bar.bottom - bar.top}px high`);
    await page.locator('#search').tap();
    await page.keyboard.type('zhengxin');
    await page.locator('#search-results a').first().waitFor({ state: 'visible' });
    const results = await boxOf(page, '#search-results');
    assert.ok(intersects({ x: results.left, y: results.top, width: results.right - results.left,
      height: results.bottom - results.top }, { x: 0, y: 0, width: 390, height: 844 }),
    'the results are outside the window');
    await shot(page, 'nav-search-390.png');
    await assertClean('index.html', page, log);
    await context.close();
  });
});
