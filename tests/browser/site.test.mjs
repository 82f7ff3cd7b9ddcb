// Real-browser tests of `glossa site`: the report, the glossary index and the
// entry pages in headless Chromium, from disk (file://) and from a static
// HTTP server.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/
//
// See harness.mjs for the environment; fixture.mjs for the XSS fixture.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ARTIFACTS, GLOSSA_BIN, assertClean, buildSite, fileUrl, glossa, hasHorizontalScroll,
  intersects, launchBrowser, newContext, open, pngSize, readSiteData, removeSite, serve,
  squash, visit,
} from './harness.mjs';
import { EVIL_ID, writeEvilGlossary } from './fixture.mjs';

const TEST_TIMEOUT = { timeout: 30000 };
const it = (name, fn) => test(name, TEST_TIMEOUT, fn);

let browser;
let site;        // the site of the built-in glossary and report
let data;        // its window.GLOSSA_DATA

// The report's „Dateninseln“, linked to 信息孤岛.
const dateninseln = (page) => page.locator('a.term[data-entry="xinxi-gudao"]')
    .filter({ hasText: /^Dateninseln$/ }).first();
const popup = (page) => page.locator('#glossa-popup');

// The report's „Bonitätswerte“, linked to 信用评分, whose popup has other
// forms in three languages and a deprecated English one.
const bonitaetswerte = (page) => page.locator('a.term[data-entry="xinyong-fen"]')
    .filter({ hasText: /^Bonitätswerte$/ }).first();

// What the popup shows, as text: its lines in order ("class: text"), the
// terms in it with their lang, and every element without a lang.
function readPopup(page) {
  return popup(page).evaluate((element) => {
    const text = (node) => (node ? node.innerText.replace(/\s+/g, ' ').trim() : null);
    const link = element.querySelector('a.popup-link');
    const definition = element.querySelector('.popup-definition');
    const term = document.querySelector('a.term[aria-describedby]');
    const described = term && document.getElementById(term.getAttribute('aria-describedby'));
    return {
      hidden: element.hidden,
      classes: [...element.classList],
      role: element.getAttribute('role'),
      lang: element.getAttribute('lang'),
      lines: [...element.children].filter((child) => child.checkVisibility())
          .map((child) => `${child.classList[0]}: ${text(child)}`),
      zh: text(element.querySelector('.popup-zh')),
      zhRaw: element.querySelector('.popup-zh')?.textContent ?? null,
      terms: [...element.querySelectorAll('.popup-term')].map((span) => ({
        lang: span.getAttribute('lang'),
        text: text(span),
        raw: span.textContent,
      })),
      statuses: [...element.querySelectorAll('.status')].map((span) => span.classList[1]),
      unmarked: [...element.querySelectorAll('*')].filter((e) => !e.hasAttribute('lang'))
          .map((e) => e.outerHTML.slice(0, 80)),
      langs: [...new Set([...element.querySelectorAll('[lang]')].map((e) => e.getAttribute('lang')))].sort(),
      definition: text(definition),
      definitionLang: definition?.getAttribute('lang') ?? null,
      definitionRaw: definition?.textContent ?? null,
      link: link ? { text: text(link), href: link.href, tabindex: link.getAttribute('tabindex') } : null,
      describedBy: term?.getAttribute('aria-describedby') ?? null,
      description: described ? described.textContent : null,
    };
  });
}

// The role, name and description Chromium gives screen readers for the
// element `selector` finds.
async function accessibleText(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree',
        { nodeId, fetchRelatives: false });
    return {
      role: nodes[0].role?.value, name: nodes[0].name?.value, description: nodes[0].description?.value,
    };
  } finally {
    await cdp.detach();
  }
}

// Moves the mouse to a point of the window over neither a term nor the popup.
async function moveAway(page) {
  const point = await page.evaluate(() => {
    for (const [x, y] of [[5, innerHeight - 5], [innerWidth - 5, innerHeight - 5], [5, 5],
      [innerWidth / 2, innerHeight - 5], [innerWidth - 5, innerHeight / 2]]) {
      const element = document.elementFromPoint(x, y);
      if (!element?.closest('a, #glossa-popup')) return [x, y];
    }
    return null;
  });
  assert.ok(point, 'no place in the window to move the mouse to');
  await page.mouse.move(point[0], point[1]);
}

async function waitPopupShown(page) {
  await popup(page).waitFor({ state: 'visible' });
  assert.equal(await popup(page).evaluate((element) => element.hidden), false,
      '#glossa-popup is visible but has the hidden attribute');
}

// Bounding boxes of the popup and a term, in viewport coordinates, with the
// window's size (see hasHorizontalScroll for clientWidth).
function geometry(page, term) {
  return term.evaluate((anchor) => {
    const box = (rect) => ({ x: rect.x, y: rect.y, width: rect.width, height: rect.height });
    return {
      term: box(anchor.getBoundingClientRect()),
      lines: [...anchor.getClientRects()].map(box),
      popup: box(document.getElementById('glossa-popup').getBoundingClientRect()),
      viewport: {
        width: Math.min(window.innerWidth, document.documentElement.clientWidth),
        height: window.innerHeight,
      },
    };
  });
}

function assertPopupClear(where, g) {
  for (const line of [g.term, ...g.lines]) {
    assert.ok(!intersects(g.popup, line),
        `${where}: the popup ${JSON.stringify(g.popup)} overlaps the term ` +
        `${JSON.stringify(line)}`);
  }
  assert.ok(g.popup.x >= -0.5 && g.popup.x + g.popup.width <= g.viewport.width + 0.5,
      `${where}: the popup ${JSON.stringify(g.popup)} sticks out of the ` +
      `${g.viewport.width}px wide viewport`);
}

// One browser context and tab for a group of tests (a new tab costs more
// than loading a page into an open one).
function sharedTab(options = {}) {
  const shared = { context: null, tab: null };
  before(async () => {
    shared.context = await newContext(browser, options);
    shared.tab = await open(shared.context, 'about:blank');
  });
  after(async () => shared.context?.close());
  return shared;
}

// '' when the element with this id stands in the window with its top line
// showing (not under the header, which may stick to the top), else where it is.
function whereShown(page, id) {
  return page.evaluate((id) => {
    const rect = document.getElementById(id).getBoundingClientRect();
    const bar = document.querySelector('.bar')?.getBoundingClientRect();
    const covered = bar && bar.bottom > 0 ? bar.bottom : 0;
    if (rect.top >= covered - 1 && rect.top < window.innerHeight) return '';
    return `its top is at ${rect.top.toFixed(1)}px, the window shows ${covered.toFixed(1)}` +
        `–${window.innerHeight}px below the header`;
  }, id);
}

describe('glossa site in a browser', () => {
  before(async () => {
    site = buildSite();
    data = readSiteData(site);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    removeSite(site);
  });

  describe('1. pages load cleanly, with no network', () => {
    const shared = sharedTab();
    for (const [name, page, kind] of [
      ['report', 'index.html', 'report'],
      ['glossary index', 'glossary.html', 'glossary'],
      ['entry 征信', 'entries/zhengxin.html', 'entry'],
    ]) {
      it(`${name} (${page})`, async () => {
        const { page: tab, log } = await visit(shared.tab, fileUrl(site, page));
        const state = await tab.evaluate(() => ({
          page: document.documentElement.dataset.page,
          ui: document.documentElement.dataset.ui,
          csp: !!document.querySelector('meta[http-equiv="Content-Security-Policy"]'),
          data: typeof window.GLOSSA_DATA === 'object' && window.GLOSSA_DATA !== null,
          terms: document.querySelectorAll('a.term').length,
          // The style sheet shows the labels of one interface language only.
          style: [...document.styleSheets].some((sheet) => sheet.href?.endsWith('assets/glossa.css')),
          labels: [...document.querySelectorAll('.bar [data-ui]')]
              .filter((e) => e.checkVisibility()).map((e) => e.textContent),
          search: !!document.querySelector('#search'),
          resultsHidden: document.querySelector('#search-results')?.hidden,
        }));
        assert.equal(state.page, kind);
        assert.equal(state.ui, 'de');
        assert.ok(state.csp, 'no Content-Security-Policy meta element');
        // The popups' data is loaded where there are popups only (the report).
        assert.equal(state.data, kind === 'report', `window.GLOSSA_DATA on the ${kind} page`);
        assert.equal(state.terms > 0, kind === 'report', `term links on the ${kind} page`);
        assert.ok(state.style, 'assets/glossa.css is not loaded');
        assert.deepEqual(state.labels, ['Bericht', 'Glossar', 'Meine Begriffe', 'Suche', 'English'],
            'the header does not show the German labels only');
        assert.ok(state.search, 'no #search');
        assert.equal(state.resultsHidden, true, '#search-results is shown while empty');
        // Give timers started at load a moment to fail.
        await tab.waitForTimeout(100);
        await assertClean(page, tab, log);
      });
    }
  });

  describe('2. the popup of a term (mouse and keyboard)', () => {
    const shared = sharedTab({ viewport: { width: 1280, height: 900 } });

    it('hovering „Dateninseln“ shows 信息孤岛, then the German rendering and definition, then the English', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'index.html'));
      const term = dateninseln(page);
      assert.equal(await term.getAttribute('href'), 'entries/xinxi-gudao.html');
      assert.equal(await popup(page).isVisible(), false, 'the popup is shown before any hover');
      await term.hover();
      await waitPopupShown(page);
      const shown = await readPopup(page);
      const entry = data.entries['xinxi-gudao'];
      assert.ok(shown.classes.includes('popup'), `#glossa-popup has classes ${shown.classes}`);
      assert.equal(shown.role, 'group');
      assert.deepEqual(shown.lines, [
        'popup-zh: 信息孤岛 信息孤島 xìnxī gūdǎo',
        'popup-rendering: DE Dateninsel',
        `popup-definition: ${squash(entry.definition.de)}`,
        'popup-rendering: EN information islands',
        'popup-also: auch: Dateninseln · EN information silos',
        `popup-link: ${entry.passages} Stellen`,
        'study-actions: Speichern Bekannt',
      ]);
      assert.equal(shown.definitionLang, 'de');
      assert.deepEqual(shown.statuses, [], 'a status that does not warn is shown');
      assert.deepEqual(shown.terms.map((t) => `${t.lang} ${t.text}`),
          ['de Dateninsel', 'en information islands', 'de Dateninseln', 'en information silos']);
      assert.deepEqual(shown.unmarked, [], 'elements of the popup without lang');
      assert.equal(shown.lang, 'de');
      assert.equal(shown.link?.href, fileUrl(site, 'entries/xinxi-gudao.html'));
      await assertClean('hover', page, log);
    });

    it('the popup of 信用评分 puts the meaning after two lines, the other forms on one, and warns only of the deprecated', async () => {
      const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
      try {
        const { page, log } = await open(context, fileUrl(site, 'index.html'));
        const entry = data.entries['xinyong-fen'];
        await bonitaetswerte(page).hover();
        await waitPopupShown(page);
        let shown = await readPopup(page);
        assert.deepEqual(shown.lines, [
          'popup-zh: 信用评分 信用評分 xìnyòng píngfēn',
          'popup-rendering: DE Bonitätswert',
          `popup-definition: ${squash(entry.definition.de)}`,
          'popup-rendering: EN credit score',
          'popup-also: auch: Punkt, Basispunktzahl, Score, Bürgerscore · EN score · 信用分 xìnyòngfēn',
          'popup-warn: abgelehnt EN social credit score',
          'popup-link: 9 Stellen',
          'study-actions: Speichern Bekannt',
        ]);
        assert.equal(shown.lines.findIndex((line) => line.startsWith('popup-definition')), 2,
            'the definition is not the third line (it was the ninth, after eight rows of terms)');
        assert.deepEqual(shown.statuses, ['deprecated']);
        // Every element carries its language: the terms theirs, the labels the interface's.
        assert.deepEqual(shown.unmarked, [], 'elements of the popup without lang');
        assert.deepEqual(shown.terms.map((t) => `${t.lang} ${t.text}`), [
          'de Bonitätswert', 'en credit score', 'de Punkt', 'de Basispunktzahl', 'de Score',
          'de Bürgerscore', 'en score', 'zh-Hans 信用分', 'en social credit score',
        ]);
        assert.deepEqual(shown.langs, ['de', 'en', 'zh-Hans', 'zh-Hant', 'zh-Latn-pinyin']);
        const marked = await popup(page).evaluate((box) => ({
          hant: box.querySelector('.popup-zh .hant').getAttribute('lang'),
          pinyin: [...box.querySelectorAll('.pinyin')].map((e) => `${e.getAttribute('lang')} ${e.textContent}`),
          labels: [...box.querySelectorAll('.lang-tag, .label, .status, .popup-link')]
              .map((e) => `${e.getAttribute('lang')} ${e.textContent}`),
        }));
        assert.deepEqual(marked, {
          hant: 'zh-Hant',
          pinyin: ['zh-Latn-pinyin xìnyòng píngfēn', 'zh-Latn-pinyin xìnyòngfēn'],
          labels: ['de DE', 'de EN', 'de auch:', 'de EN', 'de abgelehnt', 'de EN', 'de 9 Stellen'],
        });

        // In English: the English rendering and definition first, the labels English.
        await moveAway(page);
        await popup(page).waitFor({ state: 'hidden', timeout: 3000 });
        await page.locator('#ui-switch').click();
        await bonitaetswerte(page).hover();
        await waitPopupShown(page);
        shown = await readPopup(page);
        assert.deepEqual(shown.lines, [
          'popup-zh: 信用评分 信用評分 xìnyòng píngfēn',
          'popup-rendering: EN credit score',
          `popup-definition: ${squash(entry.definition.en)}`,
          'popup-rendering: DE Bonitätswert',
          'popup-also: also: score · DE Punkt, Basispunktzahl, Score, Bürgerscore · 信用分 xìnyòngfēn',
          'popup-warn: deprecated social credit score',
          'popup-link: 9 passages',
          'study-actions: Save Known',
        ]);
        assert.equal(shown.lang, 'en');
        assert.equal(shown.definitionLang, 'en');
        assert.deepEqual(shown.unmarked, []);
        assert.equal(shown.description,
            `信用评分 xìnyòng píngfēn – credit score: ${squash(entry.definition.en)}`);
        await assertClean('popup of 信用评分', page, log);
      } finally {
        await context.close();
      }
    });

    it('the term is described by a short text, headword, rendering and definition, not the whole tooltip', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'index.html'));
      const term = dateninseln(page);
      await term.evaluate((a) => { a.dataset.testTarget = ''; });
      assert.equal(await term.getAttribute('aria-describedby'), null, 'described before the popup opens');
      await term.focus();
      await waitPopupShown(page);
      const entry = data.entries['xinxi-gudao'];
      const short = `信息孤岛 xìnxī gūdǎo – Dateninsel: ${squash(entry.definition.de)}`;
      const shown = await readPopup(page);
      assert.equal(shown.describedBy, 'glossa-popup-description');
      assert.equal(shown.description, short);
      assert.deepEqual(await accessibleText(page, 'a.term[data-test-target]'),
          { role: 'link', name: 'Dateninseln', description: short });
      // The short text is the tooltip; the box around it holds controls
      // (a tooltip may not), so it is a group named by the headword.
      assert.equal(await page.getAttribute('#glossa-popup-description', 'role'), 'tooltip');
      const box = await accessibleText(page, '#glossa-popup');
      assert.equal(box.role, 'group');
      assert.equal(box.name, entry.headline);
      // The tooltip never takes focus; its link is for mouse and touch (the
      // term itself links to the entry page).
      assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-test-target')), true);
      assert.equal(shown.link?.tabindex, '-1');
      await page.keyboard.press('Escape');
      await popup(page).waitFor({ state: 'hidden', timeout: 2000 });
      assert.equal(await term.getAttribute('aria-describedby'), null, 'still described after Escape');
      await assertClean('description', page, log);
    });

    it('the popup is below the term, above it at the bottom of the window, and never covers it', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'index.html'));
      const term = dateninseln(page);
      await term.scrollIntoViewIfNeeded();

      // Room below: the term 150 px from the top.
      await term.evaluate((a) => window.scrollBy(0, a.getBoundingClientRect().top - 150));
      await term.hover();
      await waitPopupShown(page);
      let g = await geometry(page, term);
      assertPopupClear('term near the top', g);
      assert.ok(g.popup.y >= g.term.y + g.term.height - 0.5,
          `term near the top: the popup ${JSON.stringify(g.popup)} is not below the term ` +
          `${JSON.stringify(g.term)}`);

      // Mouse away: hidden after a short delay.
      await moveAway(page);
      await popup(page).waitFor({ state: 'hidden', timeout: 3000 });

      // No room below: the term at the bottom of the window.
      await term.evaluate((a) => a.scrollIntoView({ block: 'end' }));
      await term.hover();
      await waitPopupShown(page);
      g = await geometry(page, term);
      assertPopupClear('term at the bottom', g);
      assert.ok(g.popup.y + g.popup.height <= g.term.y + 0.5,
          `term at the bottom: the popup ${JSON.stringify(g.popup)} is not above the term ` +
          `${JSON.stringify(g.term)}`);
      assert.ok(g.popup.y >= -0.5, `term at the bottom: the popup's top is off screen (${g.popup.y})`);
      await assertClean('positions', page, log);
    });

    it('Tab onto the term shows the popup, Escape hides it, Enter follows the link', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'index.html'));
      const term = dateninseln(page);
      await term.scrollIntoViewIfNeeded();
      // Focus the focusable element before the term, then Tab.
      const previous = await term.evaluate((target) => {
        const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
            .filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0 && !e.closest('#glossa-popup'));
        const index = focusable.indexOf(target);
        target.dataset.testTarget = '';
        focusable[index - 1].focus();
        return focusable[index - 1].outerHTML.slice(0, 120);
      });
      // When that is a term, Tab would go into its popup (popup.test.mjs):
      // Escape closes it first.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-test-target')), true,
          `Tab from ${previous} did not focus „Dateninseln“`);
      await waitPopupShown(page);
      const shown = await readPopup(page);
      assert.match(shown.zh, /^信息孤岛/, `.popup-zh after Tab: ${shown.zh}`);
      assertPopupClear('focused term', await geometry(page, term));

      await page.keyboard.press('Escape');
      await popup(page).waitFor({ state: 'hidden', timeout: 2000 });

      // focus() from script works as well as Tab.
      await term.evaluate((a) => { a.blur(); a.focus(); });
      await waitPopupShown(page);
      assert.match((await readPopup(page)).zh, /^信息孤岛/);

      // Blur hides it.
      await term.evaluate((a) => a.blur());
      await popup(page).waitFor({ state: 'hidden', timeout: 3000 });

      await term.focus();
      await Promise.all([
        page.waitForURL(fileUrl(site, 'entries/xinxi-gudao.html')),
        page.keyboard.press('Enter'),
      ]);
      assert.equal(squash(await page.locator('h1').innerText()), '信息孤岛 信息孤島 xìnxī gūdǎo');
      await assertClean('keyboard', page, log);
    });

    it('clicking the popup\'s link opens entries/xinxi-gudao.html', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'index.html'));
      await dateninseln(page).hover();
      await waitPopupShown(page);
      await Promise.all([
        page.waitForURL(fileUrl(site, 'entries/xinxi-gudao.html')),
        popup(page).locator('a.popup-link').click(),
      ]);
      assert.equal(await page.locator('article.entry').getAttribute('data-entry'), 'xinxi-gudao');
      assert.equal(squash(await page.locator('h1').innerText()), '信息孤岛 信息孤島 xìnxī gūdǎo');
      await assertClean('popup link', page, log);
    });
  });

  describe('3. touch, on a phone-sized screen', () => {
    const shared = sharedTab({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

    it('the first tap on a term opens its popup instead of following its link; the second follows it', async () => {
      const url = fileUrl(site, 'index.html');
      const { page, log } = await visit(shared.tab, url);
      const term = dateninseln(page);
      await term.tap();
      await page.waitForTimeout(400);  // a navigation would have started by now
      assert.equal(page.url(), url, 'the first tap on the term followed its link');
      await waitPopupShown(page);
      assert.match((await readPopup(page)).zh, /^信息孤岛/);
      assertPopupClear('touch', await geometry(page, term));

      // A second tap on the term follows its link.
      await Promise.all([
        page.waitForURL(fileUrl(site, 'entries/xinxi-gudao.html')),
        term.tap(),
      ]);

      // The popup's link works by touch.
      await page.goto(url);
      await dateninseln(page).tap();
      await waitPopupShown(page);
      await Promise.all([
        page.waitForURL(fileUrl(site, 'entries/xinxi-gudao.html')),
        popup(page).locator('a.popup-link').tap(),
      ]);
      await assertClean('touch', page, log);
    });

    it('index.html has no horizontal scroll, with or without a popup', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'index.html'));
      const without = await hasHorizontalScroll(page);
      const term = dateninseln(page);
      await term.focus();
      await waitPopupShown(page);
      // For a look at the phone layout (see 10. for the others).
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'report-phone.png') });
      const g = await geometry(page, term);
      const withPopup = await hasHorizontalScroll(page);
      assert.equal(without, '', 'the report scrolls sideways');
      assert.equal(withPopup, '', 'with a popup open, the report scrolls sideways');
      assertPopupClear('popup on a phone', g);
      await assertClean('phone', page, log);
    });

    for (const file of ['entries/zhengxin.html', 'glossary.html']) {
      it(`${file} has no horizontal scroll`, async () => {
        const { page, log } = await visit(shared.tab, fileUrl(site, file));
        assert.equal(await hasHorizontalScroll(page), '', `${file} scrolls sideways`);
        await assertClean(file, page, log);
      });
    }
  });

  describe('4. the passages of 征信', () => {
    const shared = sharedTab();

    it('the entry page lists exactly the passages of `glossa passages 征信 --json`, in order', async () => {
      const expected = JSON.parse(glossa(['passages', '征信', '--json']));
      assert.equal(expected.entry.id, 'zhengxin');
      assert.ok(expected.passages.length > 0);
      const { page, log } = await visit(shared.tab, fileUrl(site, 'entries/zhengxin.html'));
      assert.equal(await page.locator('article.entry').getAttribute('data-entry'), 'zhengxin');
      assert.equal(squash(await page.locator('article.entry h1').innerText()), '征信 徵信 zhēngxìn');
      const listed = await page.locator('section.passages ol.kwic > li').evaluateAll((items) =>
        items.map((li) => {
          const a = li.querySelector(':scope > a');
          return {
            node: a && new URL(a.href).hash.slice(1),
            href: a?.getAttribute('href'),
            match: li.querySelector('mark')?.textContent.replace(/\s+/g, ' ').trim(),
            locator: li.querySelector('span.locator')?.textContent.trim(),
            parts: a?.querySelectorAll(':scope > mark').length === 1,
          };
        }));
      assert.deepEqual(listed, expected.passages.map((p) => ({
        node: p.paragraph,
        href: `../index.html#${p.paragraph}`,
        match: squash(p.match),
        locator: p.locator,
        parts: true,
      })));
      assert.equal(squash(await page.locator('section.passages h2').innerText()),
          `${expected.passages.length} Stellen`);
      assert.ok(await page.locator('section.passages svg.dispersion').isVisible(),
          'no dispersion plot');
      await assertClean('entry', page, log);
    });

    for (const node of ['fn9', 's2.1.p2']) {
      it(`clicking the passage in ${node} lands on index.html#${node}, highlighted`, async () => {
        const { page, log } = await visit(shared.tab, fileUrl(site, 'entries/zhengxin.html'));
        await Promise.all([
          page.waitForURL(fileUrl(site, `index.html#${node}`)),
          page.locator(`ol.kwic a[href="../index.html#${node}"]`).first().click(),
        ]);
        await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('highlight'),
            node, { timeout: 3000 }).catch(() => {});
        const block = await page.evaluate((id) => {
          const element = document.getElementById(id);
          return {
            target: element.matches(':target'),
            highlight: element.classList.contains('highlight'),
            background: getComputedStyle(element).backgroundColor,
          };
        }, node);
        assert.equal(block.target, true, `#${node} is not :target`);
        assert.equal(block.highlight, true, `#${node} has no class highlight`);
        assert.ok(!['transparent', 'rgba(0, 0, 0, 0)'].includes(block.background),
            `#${node} has no background (${block.background})`);
        assert.equal(await whereShown(page, node), '', `#${node} does not show`);
        await assertClean('passage link', page, log);
      });
    }
  });

  describe('5. the glossary index', () => {
    const shared = sharedTab();

    const visibleOrders = (page) => page.locator('section.order').evaluateAll((sections) =>
      sections.filter((s) => getComputedStyle(s).display !== 'none' && s.getClientRects().length > 0)
          .map((s) => s.id));

    // [letter, link text, entry id, whether the line is "other name → name"
    // (li.see)] in the order the section lists them.
    const listing = (page, id) => page.locator(`section#${id}`).evaluate((section) => {
      const rows = [];
      let letter = null;
      for (const element of section.querySelectorAll('h3, ul.entries > li')) {
        if (element.tagName === 'H3') letter = element.textContent.trim();
        else rows.push([letter, element.querySelector('a').textContent.trim(), element.dataset.entry,
          element.classList.contains('see')]);
      }
      return rows;
    });
    const entryLines = (rows) => rows.filter((row) => !row[3]);

    it('German order first; the nav switches to pinyin (诚信 before 征信); a letter link shows its heading', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'glossary.html'));
      assert.deepEqual(await visibleOrders(page), ['order-de']);
      await page.locator('nav.orders a[data-order="pinyin"]').click();
      assert.deepEqual(await visibleOrders(page), ['order-pinyin'],
          'after clicking Pinyin, exactly #order-pinyin should be visible');
      assert.equal(await page.locator('#order-de').evaluate((s) => getComputedStyle(s).display), 'none');
      const rows = entryLines(await listing(page, 'order-pinyin'));
      const ids = rows.map((row) => row[2]);
      assert.equal(ids.length, Object.keys(data.entries).length, 'not every entry is listed in pinyin order');
      assert.ok(ids.indexOf('chengxin') >= 0 && ids.indexOf('zhengxin') >= 0);
      assert.ok(ids.indexOf('chengxin') < ids.indexOf('zhengxin'), '诚信 is not before 征信');
      assert.deepEqual(rows.find((row) => row[2] === 'zhengxin').slice(0, 2), ['Z', 'zhēngxìn']);
      assert.deepEqual(rows.find((row) => row[2] === 'chengxin').slice(0, 2), ['C', 'chéngxìn']);

      // A letter link keeps the pinyin order and shows the letter.
      await page.locator('#order-pinyin p.letters a', { hasText: /^Z$/ }).click();
      assert.deepEqual(await visibleOrders(page), ['order-pinyin'],
          'clicking the letter Z in pinyin order switched the order');
      assert.equal(await whereShown(page, 'pinyin-Z'), '', 'after clicking the letter Z, the heading Z does not show');

      await page.locator('nav.orders a[data-order="de"]').click();
      assert.deepEqual(await visibleOrders(page), ['order-de']);
      await assertClean('glossary', page, log);
    });

    it('glossary.html#order-pinyin opens in pinyin order, #order-en in English, #pinyin-Z at Z', async () => {
      for (const order of ['pinyin', 'en']) {
        const { page, log } = await visit(shared.tab, fileUrl(site, `glossary.html#order-${order}`));
        assert.deepEqual(await visibleOrders(page), [`order-${order}`]);
        await assertClean(`glossary.html#order-${order}`, page, log);
      }
      // A link to a letter of an order (as the letter links make) opens that order there.
      const { page, log } = await visit(shared.tab, fileUrl(site, 'glossary.html#pinyin-Z'));
      assert.deepEqual(await visibleOrders(page), ['order-pinyin'], 'glossary.html#pinyin-Z');
      assert.equal(await whereShown(page, 'pinyin-Z'), '', 'glossary.html#pinyin-Z does not show the heading Z');
      await assertClean('glossary.html#pinyin-Z', page, log);
    });

    it('German order files umlauts with their base letters and sorts them so', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'glossary.html'));
      const rows = await listing(page, 'order-de');
      assert.equal(entryLines(rows).length, Object.keys(data.entries).length, 'not every entry is listed in German order');
      // Every entry stands under the letter it begins with, umlauts folded
      // (Ä → A); a name that begins with a digit under # ("43 Städte und Bezirke").
      const base = (text) => {
        const first = text.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
        return /[0-9]/.test(first) ? '#' : first;
      };
      const misfiled = rows.filter(([letter, text]) => base(text) !== letter);
      assert.deepEqual(misfiled, [], 'entries under the wrong letter');
      const at = (text) => {
        const index = rows.findIndex((row) => row[1] === text);
        assert.ok(index >= 0, `„${text}“ is not in the German index`);
        return index;
      };
      // ü sorts as u: Führungsgruppe before Fuzhou; ä as a: Staatsrat, Stärkung …, Suifenhe.
      assert.equal(rows[at('Führungsgruppe')][0], 'F');
      assert.ok(at('Führungsgruppe') < at('Fuzhou'), 'Führungsgruppe is not before Fuzhou');
      const strengthening = 'Stärkung des Integritätsbewusstseins und der Kreditwürdigkeit in der ganzen Gesellschaft';
      assert.equal(rows[at(strengthening)][0], 'S');
      assert.ok(at('Staatsrat') < at(strengthening) && at(strengthening) < at('Suifenhe'),
          '„Stärkung …“ is not between Staatsrat and Suifenhe');
      assert.ok(at('Bonitätsinformation') < at('Bonitätsreparatur') && at('Bonitätsreparatur') < at('Bonitätswert'),
          '„Bonitätsreparatur“ is not between Bonitätsinformation and Bonitätswert');
      // Letters link to their headings.
      const letters = await page.locator('#order-de p.letters a').evaluateAll((links) =>
        links.map((a) => [a.textContent.trim(), !!document.querySelector(`#order-de ${a.getAttribute('href')}`)]));
      const headings = [...new Set(rows.map((row) => row[0]))];
      assert.deepEqual(letters.map((l) => l[0]), headings);
      assert.deepEqual(letters.filter((l) => !l[1]), [], 'letter links without a heading');
      await assertClean('German order', page, log);
    });
  });

  // 6. search: tests/browser/search.test.mjs.

  describe('7. interface language', () => {
    it('#ui-switch turns the interface English, and it stays English after reload', async () => {
      const context = await newContext(browser);
      try {
        const { page, log } = await open(context, fileUrl(site, 'index.html'));
        const state = () => page.evaluate(() => ({
          ui: document.documentElement.dataset.ui,
          stored: localStorage.getItem('glossa-ui'),
          button: document.getElementById('ui-switch').innerText.trim(),
          nav: [...document.querySelectorAll('.bar nav a')].map((a) => a.innerText.trim()),
          label: document.querySelector('label[for="search"]')?.innerText.trim(),
          wrong: [...document.querySelectorAll('body [data-ui]')]
              .filter((e) => e.dataset.ui !== document.documentElement.dataset.ui && e.checkVisibility())
              .map((e) => e.outerHTML.slice(0, 80)),
        }));
        assert.deepEqual(await state(), {
          ui: 'de', stored: null, button: 'English', nav: ['Bericht', 'Glossar', 'Meine Begriffe'], label: 'Suche', wrong: [],
        });
        await page.locator('#ui-switch').click();
        const english = {
          ui: 'en', stored: 'en', button: 'Deutsch', nav: ['Report', 'Glossary', 'My terms'], label: 'Search', wrong: [],
        };
        assert.deepEqual(await state(), english);

        // The popup follows: the English rendering and definition, "n passages".
        await dateninseln(page).hover();
        await waitPopupShown(page);
        const shown = await readPopup(page);
        const entry = data.entries['xinxi-gudao'];
        assert.equal(shown.definition, squash(entry.definition.en));
        assert.equal(shown.link?.text, `${entry.passages} passages`);
        assert.equal(shown.lines[1], 'popup-rendering: EN information islands');

        await page.reload();
        assert.deepEqual(await state(), english, 'after reload');
        await page.goto(fileUrl(site, 'glossary.html'));
        assert.deepEqual(await state(), english, 'on the glossary page');

        await page.locator('#ui-switch').click();
        assert.equal((await state()).ui, 'de');
        assert.equal((await state()).stored, 'de');
        await assertClean('interface language', page, log);
      } finally {
        await context.close();
      }
    });
  });

  describe('8. footnotes', () => {
    it('the call of footnote 9 opens its text in place, and closes it again', async () => {
      const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
      try {
        const { page, log } = await open(context, fileUrl(site, 'index.html'));
        const call = page.locator('sup.fn-call > a[data-note="fn9"][href="#fn9"]');
        assert.equal(await call.count(), 1);
        assert.equal(await call.getAttribute('aria-expanded'), 'false');
        const note = await page.locator('section#notes ol > li#fn9').evaluate((li) => {
          const copy = li.cloneNode(true);
          copy.querySelectorAll('.fn-back').forEach((e) => e.remove());
          const whole = copy.textContent;
          copy.querySelectorAll('.fn-number').forEach((e) => e.remove());
          return [whole, copy.textContent].map((t) => t.replace(/\s+/g, ' ').trim());
        });
        assert.match(note[1], /^Zhengxin 征信 wird für die systematische Auswertung/);

        const inline = () => call.evaluate((a) => {
          const sup = a.closest('sup.fn-call');
          const next = sup.nextElementSibling;
          const element = next?.matches('.fn-inline') ? next : sup.querySelector('.fn-inline');
          const rect = a.getBoundingClientRect();
          // The note's text; a link to the note in the list (#fn9) may stand
          // beside it, as the back link stands beside it there.
          let text = null;
          if (element && element.checkVisibility()) {
            const copy = element.cloneNode(true);
            copy.querySelectorAll(`a[href="#${a.dataset.note}"]`).forEach((e) => e.remove());
            text = copy.textContent.replace(/\s+/g, ' ').trim();
          }
          return {
            text,
            anywhere: [...document.querySelectorAll('.fn-inline')].filter((e) => e.checkVisibility()).length,
            expanded: a.getAttribute('aria-expanded'),
            callInView: rect.top >= 0 && rect.bottom <= window.innerHeight,
          };
        });

        await call.click();
        let state = await inline();
        assert.equal(state.expanded, 'true');
        assert.ok(state.text !== null,
            `no visible .fn-inline right after the call (${state.anywhere} visible elsewhere)`);
        assert.ok(note.includes(state.text),
            `the inline text ${JSON.stringify(state.text)} is not the note ${JSON.stringify(note[1])}`);
        assert.equal(state.callInView, true, 'clicking the call scrolled the text away');

        await call.click();
        state = await inline();
        assert.equal(state.expanded, 'false');
        assert.equal(state.text, null, 'the footnote stays open after the second click');
        assert.equal(state.anywhere, 0);

        // By keyboard.
        await call.focus();
        await page.keyboard.press('Enter');
        state = await inline();
        assert.equal(state.expanded, 'true', 'Enter on the call did not open the note');
        assert.ok(note.includes(state.text));
        await assertClean('footnote', page, log);
      } finally {
        await context.close();
      }
    });
  });

  describe('10. screenshots', () => {
    it(`report.png, the popup of 信用评分 in German and English, entry pages at 1280 and 390 px in ${ARTIFACTS}`, async () => {
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
      try {
        const { page, log } = await open(context, fileUrl(site, 'index.html'));
        const report = path.join(ARTIFACTS, 'report.png');
        await page.screenshot({ path: report });
        assert.deepEqual(pngSize(report).width, 1280);
        assert.deepEqual(pngSize(report).height, 900);

        // The popup, in each interface language.
        for (const lang of ['de', 'en']) {
          if (lang === 'en') await page.locator('#ui-switch').click();
          const term = bonitaetswerte(page);
          await term.evaluate((a) => window.scrollBy(0, a.getBoundingClientRect().top - 200));
          await term.hover();
          await waitPopupShown(page);
          assert.equal(await popup(page).getAttribute('lang'), lang);
          const shot = path.join(ARTIFACTS, `report-popup-${lang}.png`);
          await page.screenshot({ path: shot });
          assert.equal(pngSize(shot).width, 1280);
          await moveAway(page);
          await popup(page).waitFor({ state: 'hidden', timeout: 3000 });
        }
        await page.locator('#ui-switch').click();

        for (const [width, name] of [[1280, 'entry-zhengxin.png'], [390, 'entry-zhengxin-phone.png']]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(fileUrl(site, 'entries/zhengxin.html'));
          const entry = path.join(ARTIFACTS, name);
          await page.screenshot({ path: entry, fullPage: true });
          const size = pngSize(entry);
          assert.equal(size.width, width);
          assert.ok(size.height >= 900);
          assert.ok(size.bytes > 20000, `${name} is only ${size.bytes} bytes`);
        }
        await assertClean('screenshots', page, log);
      } finally {
        await context.close();
      }
    });
  });

  describe('12. print', () => {
    const shared = sharedTab({ viewport: { width: 1280, height: 900 } });

    it('the report prints without the bar, the popup or link underlines, and without empty pages', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(site, 'index.html'));
      await page.locator('a.term[data-entry="xinxi-gudao"]').first().hover();
      await page.emulateMedia({ media: 'print' });
      const state = await page.evaluate(() => ({
        bar: getComputedStyle(document.querySelector('.bar')).display,
        popup: getComputedStyle(document.querySelector('#glossa-popup')).display,
        underline: getComputedStyle(document.querySelector('a.term')).textDecorationLine,
      }));
      assert.deepEqual(state, { bar: 'none', popup: 'none', underline: 'none' });
      // About 20 A4 pages. When sections were kept whole (break-inside:
      // avoid), each long one started a new page and left the one before
      // it nearly empty: 29 pages, the first with the title alone.
      const pdf = await page.pdf({ format: 'A4' });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
      assert.ok(pages >= 12 && pages <= 24, `${pages} printed pages`);
      await page.emulateMedia({ media: 'screen' });
      await assertClean('print', page, log);
    });
  });

  describe('11. served over HTTP', () => {
    let server;
    before(async () => { server = await serve(site); });
    after(async () => server?.close());

    it('the report loads from a static server with no errors, and its popup works', async () => {
      const context = await newContext(browser);
      try {
        const { page, log } = await open(context, server.url + 'index.html', { allowed: [server.url] });
        await page.waitForTimeout(200);
        await assertClean('http report', page, log);
        await dateninseln(page).hover();
        await waitPopupShown(page);
        assert.match((await readPopup(page)).zh, /^信息孤岛/);
        await Promise.all([
          page.waitForURL(server.url + 'entries/xinxi-gudao.html'),
          popup(page).locator('a.popup-link').click(),
        ]);
        await page.locator('#search').pressSequentially('zhengxin', { delay: 15 });
        const result = page.locator('#search-results > li > a[data-entry="zhengxin"]').first();
        await result.waitFor({ state: 'visible' });
        assert.equal(await result.evaluate((a) => a.href), server.url + 'entries/zhengxin.html');
        await assertClean('http', page, log);
      } finally {
        await context.close();
      }
    });
  });

  describe('links', () => {
    it('every relative link and asset of every page exists, with its anchor', () => {
      const pages = ['index.html', 'glossary.html',
        ...fs.readdirSync(path.join(site, 'entries')).map((f) => `entries/${f}`)];
      const ids = new Map();
      const idsOf = (file) => {
        if (!ids.has(file)) {
          const html = fs.readFileSync(path.join(site, file), 'utf8');
          ids.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
        }
        return ids.get(file);
      };
      const broken = [];
      for (const file of pages) {
        const html = fs.readFileSync(path.join(site, file), 'utf8');
        for (const [, attribute] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
          const link = attribute.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
          if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;  // http(s), mailto
          const [target, anchor] = link.split('#');
          const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
          if (!fs.existsSync(path.join(site, resolved))) {
            broken.push(`${file}: ${link} (no file)`);
          } else if (anchor !== undefined && resolved.endsWith('.html') &&
                     !idsOf(resolved).has(decodeURIComponent(anchor))) {
            broken.push(`${file}: ${link} (no id ${anchor})`);
          }
        }
      }
      for (const [id, entry] of Object.entries(data.entries)) {
        if (!fs.existsSync(path.join(site, entry.url))) broken.push(`data.js: ${id} → ${entry.url}`);
      }
      assert.deepEqual(broken, []);
    });
  });

  describe('9. XSS: a glossary full of markup is shown as text, never run', () => {
    let dir;
    let evil;
    const pages = [];

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-xss-test-'));
      const fixture = writeEvilGlossary(dir);
      evil = buildSite({ glossary: fixture });
      pages.push('index.html', 'glossary.html',
          ...fs.readdirSync(path.join(evil, 'entries')).sort().map((f) => `entries/${f}`));
    });

    const shared = sharedTab({ viewport: { width: 1280, height: 900 } });

    after(async () => {
      removeSite(evil);
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('the fixture is valid TBX apart from its javascript:/data: link targets', () => {
      const check = spawnSync(GLOSSA_BIN, ['check', path.join(dir, 'evil.tbx')], { encoding: 'utf8' });
      const output = `${check.stdout}\n${check.stderr}`;
      assert.match(output, /evil\.tbx: 3 entries, /, `glossa check says:\n${output}`);
      const problems = output.split('\n').filter((line) => /: (error|warning): /.test(line));
      const other = problems.filter((line) =>
        !/: error: target '(javascript|JaVaScRiPt|java\tscript|data):/.test(line));
      assert.deepEqual(other, [], 'the fixture has problems besides its evil link targets');
    });

    // Anything the page should not contain or have done.
    async function inspect(page) {
      return page.evaluate(() => ({
        xss: window.__xss,
        csp: window.__cspViolations,
        badLinks: [...document.querySelectorAll('a[href], area[href]')]
            .filter((a) => !['file:', 'http:', 'https:', 'mailto:'].includes(new URL(a.href, location.href).protocol))
            .map((a) => a.outerHTML),
        javascriptLinks: [...document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]')]
            .map((e) => e.outerHTML),
        injected: [...document.querySelectorAll(
            'img, iframe, object, embed, body script, [onerror], [onload], [onmouseover], [onclick], [onfocus]')]
            .map((e) => e.outerHTML.slice(0, 120)),
        scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      }));
    }

    async function assertSafe(where, page, log) {
      const found = await inspect(page);
      assert.equal(found.xss, undefined, `${where}: a payload ran (window.__xss = ${found.xss})`);
      assert.deepEqual(log.dialogs, [], `${where}: dialogs`);
      assert.deepEqual(found.injected, [], `${where}: markup from the glossary became elements`);
      assert.deepEqual(found.badLinks, [], `${where}: links with a dangerous scheme`);
      assert.deepEqual(found.javascriptLinks, [], `${where}: javascript: links`);
      // glossa.js, and data.js where the page has term popups; search-data.js
      // too once the reader has searched.
      const names = found.scripts.map((src) => /(?:^|\/)assets\/([a-z-]+\.js)$/.exec(src ?? '')?.[1]);
      assert.ok(['glossa.js', 'glossa.js,data.js', 'glossa.js,search-data.js',
        'glossa.js,data.js,search-data.js'].includes(names.join()),
          `${where}: scripts ${found.scripts}`);
      assert.deepEqual(found.csp, [], `${where}: Content-Security-Policy violations (something was injected)`);
      assert.deepEqual(log.errors, [], `${where}: console errors`);
      assert.deepEqual(log.requests, [], `${where}: requests to the network`);
    }

    it('every page: nothing runs, nothing is injected, no javascript: links', async () => {
      assert.ok(pages.length >= 5, `pages: ${pages}`);
      for (const file of pages) {
        const { page, log } = await visit(shared.tab, fileUrl(evil, file));
        await page.waitForTimeout(50);
        await assertSafe(file, page, log);
      }
    });

    it('the entry pages show the markup as literal text', async () => {
      let { page, log } = await visit(shared.tab, fileUrl(evil, 'entries/evil-island.html'));
      const island = await page.evaluate(() => ({
        h1: document.querySelector('h1').textContent,
        definition: document.querySelector('.definition[lang="de"]')?.textContent,
        notes: document.querySelector('section.notes')?.textContent,
        related: document.querySelector('section.related')?.textContent,
      }));
      assert.ok(island.h1.includes('信息孤島"><img src=x onerror=window.__xss=1>'), island.h1);
      assert.ok(island.h1.includes('xìnxī gūdǎo<svg onload=window.__xss=1>'), island.h1);
      assert.ok(island.definition?.includes('<script>window.__xss=1</script> "><img src=x onerror="window.__xss=1">'),
          `definition: ${island.definition}`);
      assert.ok(island.notes?.includes('</p><script>window.__xss=1</script> note'), `notes: ${island.notes}`);
      assert.ok(island.related?.includes('<svg onload=window.__xss=1>'), `related: ${island.related}`);
      await assertSafe('evil-island', page, log);

      ({ page, log } = await visit(shared.tab, fileUrl(evil, 'entries/entry-3.html')));
      assert.equal(await page.title(), '</title><script>window.__xss=1</script>');
      assert.equal(await page.locator('article.entry').getAttribute('data-entry'), EVIL_ID);
      await assertSafe('entry-3', page, log);

      ({ page, log } = await visit(shared.tab, fileUrl(evil, 'glossary.html')));
      const listed = await page.locator('ul.entries > li').evaluateAll((items, id) =>
        items.filter((li) => li.dataset.entry === id).map((li) => li.textContent), EVIL_ID);
      assert.ok(listed.some((text) => text.includes('Mondkalb<img src=x onerror=window.__xss=1>')),
          `glossary: ${JSON.stringify(listed)}`);
      await assertSafe('glossary', page, log);
    });

    it('the popups and the search show the markup as literal text', async () => {
      const { page, log } = await visit(shared.tab, fileUrl(evil, 'index.html'));
      await page.locator('a.term[data-entry="evil-island"]').filter({ hasText: /^Dateninseln$/ }).first().hover();
      await waitPopupShown(page);
      let shown = await readPopup(page);
      assert.ok(shown.zhRaw?.includes('<svg onload=window.__xss=1>'), `.popup-zh: ${shown.zhRaw}`);
      assert.ok(shown.zhRaw?.includes('信息孤島"><img src=x onerror=window.__xss=1>'), `.popup-zh: ${shown.zhRaw}`);
      assert.ok(shown.definitionRaw?.includes('<script>window.__xss=1</script>'),
          `.popup-definition: ${shown.definitionRaw}`);
      assert.ok(shown.terms.some((t) => t.lang === 'en' && t.raw.includes('"><img src=x onerror="window.__xss=1">')),
          `.popup-terms: ${JSON.stringify(shown.terms)}`);
      await assertSafe('popup of Dateninseln', page, log);

      await moveAway(page);
      await popup(page).waitFor({ state: 'hidden', timeout: 3000 });
      await page.locator('a.term[data-entry="evil-two"]').first().hover();
      await waitPopupShown(page);
      shown = await readPopup(page);
      assert.ok(shown.terms.some((t) => t.raw.includes('</title></script><svg onload=window.__xss=1>')),
          `.popup-terms of 征信: ${JSON.stringify(shown.terms)}`);
      await assertSafe('popup of 征信', page, log);

      // Search for the evil entry by its whole German term.
      const search = page.locator('#search');
      await search.pressSequentially('Mondkalb<img src=x onerror=window.__xss=1>', { delay: 5 });
      const result = page.locator('#search-results > li > a');
      await page.waitForFunction((id) => [...document.querySelectorAll('#search-results > li > a')]
          .some((a) => a.dataset.entry === id), EVIL_ID, { timeout: 3000 }).catch(() => {});
      const hits = await result.evaluateAll((links) => links.map((a) => ({
        entry: a.dataset.entry, href: a.href, text: a.textContent,
      })));
      const hit = hits.find((h) => h.entry === EVIL_ID);
      assert.ok(hit, `searching the evil term finds nothing: ${JSON.stringify(hits)}`);
      assert.equal(hit.href, fileUrl(evil, 'entries/entry-3.html'));
      assert.ok(hit.text.includes('<'), `the result shows no markup as text: ${hit.text}`);
      await assertSafe('search for Mondkalb<img…>', page, log);

      await search.fill('');
      await search.pressSequentially('Dateninseln', { delay: 5 });
      await page.locator('#search-results > li > a[data-entry="evil-island"]').first().waitFor({ state: 'visible' });
      await page.locator('#search-results > li > a[data-entry="evil-island"]').first().hover();
      await assertSafe('search for Dateninseln', page, log);
    });
  });
});
