// Search in the bar of every page, in headless Chromium, from disk
// (file://) and over HTTP: entries found with typos, umlauts written out,
// the report's inflected forms and pinyin without tones, then the report's
// sentences that hold a word; meanings in the rows, deprecated terms
// marked; the ARIA combobox and its live region; and the search index
// (assets/search-data.js) loaded only once the reader searches.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/search.test.mjs

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import {
  ARTIFACTS, GLOSSA_BIN, assertClean, buildSite, fileUrl, hasHorizontalScroll, launchBrowser,
  newContext, open, pngSize, removeSite, serve, squash,
} from './harness.mjs';

const execFileAsync = promisify(execFile);
const TEST_TIMEOUT = { timeout: 30000 };
const it = (name, fn) => test(name, TEST_TIMEOUT, fn);

let browser;
let site;

before(async () => {
  site = buildSite();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  removeSite(site);
});

// Every request a page makes, by URL (file: ones too).
function recordRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

// Whether the search index is in the page: its script element, its
// request, its data.
function indexState(page, requests) {
  return page.evaluate(() => ({
    scripts: [...document.scripts].map((s) => s.getAttribute('src')).filter((src) => src?.includes('search')),
    data: typeof window.GLOSSA_SEARCH_DATA,
  })).then((state) => ({ ...state, requested: requests.filter((url) => url.includes('search-data')).length }));
}

// What the list shows, row by row, as a reader sees it.
function rows(page) {
  return page.locator('#search-results').evaluate((list) => [...list.children].map((li) => {
    const a = li.querySelector('[role="option"]');
    const text = (node) => (node ? node.innerText.replace(/\s+/g, ' ').trim() : null);
    if (!a) return { heading: text(li) };
    return {
      entry: a.dataset.entry ?? null,
      unit: a.dataset.unit ?? null,
      href: a.href,
      text: text(a),
      meaning: text(a.querySelector('.result-meaning')),
      meaningLang: a.querySelector('.result-meaning')?.lang ?? null,
      gloss: text(a.querySelector('.result-gloss')),
      glossLang: a.querySelector('.result-gloss')?.lang ?? null,
      deprecated: text(a.querySelector('.result-deprecated')),
      where: text(a.querySelector('.result-where')),
      mark: text(a.querySelector('mark')),
    };
  }));
}

// The rows of entries (not headings, not sentences).
const entryRows = async (page) => (await rows(page)).filter((row) => row.entry);

// Types a query into an empty field and waits for its results (or for
// "nothing found").
async function type(page, query) {
  const search = page.locator('#search');
  await search.fill('');
  await page.waitForFunction(() => document.getElementById('search-results').hidden);
  await search.pressSequentially(query, { delay: 10 });
  await page.waitForFunction(() => {
    const list = document.getElementById('search-results');
    return !list.hidden || document.getElementById('search-status').classList.contains('shown');
  });
}

// The live region's text once it has settled (it speaks when typing pauses).
async function status(page, expected) {
  await page.waitForFunction((text) => document.getElementById('search-status').textContent === text,
      expected, { timeout: 3000 }).catch(() => {});
  return page.locator('#search-status').evaluate((p) => p.textContent);
}

describe('search', () => {
  let context;
  let page;
  let log;

  before(async () => {
    context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    ({ page, log } = await open(context, 'about:blank'));
  });
  after(async () => context?.close());

  // Loads a page in German, whatever an earlier test left in localStorage.
  const visit = async (relative) => {
    log.clear();
    await page.goto(fileUrl(site, relative));
    await page.evaluate(() => window.GLOSSA.setUi('de'));
  };

  it('loads its index only when the reader starts searching', async () => {
    const fresh = await context.newPage();
    const requests = recordRequests(fresh);
    await fresh.goto(fileUrl(site, 'index.html'));
    await fresh.waitForTimeout(300);
    assert.deepEqual(await indexState(fresh, requests), { scripts: [], data: 'undefined', requested: 0 });
    // Reading: hovering a term, opening its popup, does not load it.
    await fresh.locator('a.term[data-entry="xinxi-gudao"]').first().hover();
    await fresh.waitForTimeout(200);
    assert.deepEqual(await indexState(fresh, requests), { scripts: [], data: 'undefined', requested: 0 });
    await fresh.locator('#search').focus();
    await fresh.waitForFunction(() => typeof window.GLOSSA_SEARCH_DATA === 'object');
    assert.deepEqual(await indexState(fresh, requests),
        { scripts: ['assets/search-data.js'], data: 'object', requested: 1 });
    // Typing does not load it again.
    await fresh.locator('#search').pressSequentially('Ampel', { delay: 10 });
    await fresh.locator('#search-results [role="option"]').first().waitFor();
    assert.equal((await indexState(fresh, requests)).requested, 1);
    await fresh.close();
  });

  it('Bonitet (a typo) and Bonitaet (ä written out) find 信用 by „Bonität“', async () => {
    await visit('index.html');
    for (const query of ['Bonitet', 'Bonitaet', 'bonitat', 'Bonität']) {
      await type(page, query);
      const [first] = await entryRows(page);
      assert.equal(first.entry, 'xinyong', `${query}: ${JSON.stringify(first)}`);
      assert.equal(first.text.startsWith('信用 xìnyòng Bonität'), true, `${query}: ${first.text}`);
    }
    await assertClean('Bonitet', page, log);
  });

  it('Schwarze Listen and schwarzen Listen, as the report prints them, find 黑名单 first', async () => {
    await visit('index.html');
    for (const query of ['Schwarze Listen', 'schwarzen Listen', 'SCHWARZE LISTEN', 'schwarze Liste']) {
      await type(page, query);
      const found = await entryRows(page);
      assert.equal(found[0].entry, 'heimingdan', `${query}: ${JSON.stringify(found[0])}`);
    }
    await type(page, 'Schwarze Listen');
    const found = await rows(page);
    assert.deepEqual(found[0], { heading: 'Glossar' });
    assert.equal(found[1].text.split(' schwarze Liste ')[0], '黑名单 黑名單 hēimíngdān Schwarze Listen (im Bericht)');
    assert.equal(found[1].href, fileUrl(site, 'entries/heimingdan.html'));
    // The report's sentences come after the entries, under their heading.
    const headings = found.filter((row) => row.heading).map((row) => row.heading);
    assert.deepEqual(headings, ['Glossar', 'Im Bericht']);
    const sentences = found.slice(found.findIndex((row) => row.heading === 'Im Bericht') + 1);
    assert.equal(sentences[0].mark, 'SCHWARZE LISTEN');
    assert.ok(sentences.every((row) => /^schwarzen? listen$/i.test(row.mark)), JSON.stringify(sentences));
    await assertClean('Schwarze Listen', page, log);
  });

  it('Ampel, no term, finds its sentence of the report, which links to its paragraph', async () => {
    await visit('entries/zhengxin.html');
    await type(page, 'Ampel');
    const found = await rows(page);
    assert.deepEqual(found, [{ heading: 'Im Bericht' }, {
      entry: null,
      unit: 's3.2.p6.s2',
      href: fileUrl(site, 'index.html#s3.2.p6'),
      text: '§3.2, S. 14 · s3.2.p6.s2 Wer zum Beispiel bei Rot über die Ampel geht, bekommt Punkte ' +
          'abgezogen; für „gutes“ Verhalten wie ehrenamtliches Engagement gibt es Pluspunkte.',
      meaning: null, meaningLang: null, gloss: null, glossLang: null, deprecated: null,
      where: '§3.2, S. 14 · s3.2.p6.s2',
      mark: 'Ampel',
    }]);
    assert.equal(await status(page, '1 Satz im Bericht'), '1 Satz im Bericht');
    await Promise.all([
      page.waitForURL(fileUrl(site, 'index.html#s3.2.p6')),
      page.locator('#search-results [data-unit="s3.2.p6.s2"]').click(),
    ]);
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 's3.2.p6');
    await assertClean('Ampel', page, log);
  });

  it('hei mingdan, zhēngxìn and 徵信 find their entries first', async () => {
    await visit('index.html');
    for (const [query, entry] of [['hei mingdan', 'heimingdan'], ['heimingdan', 'heimingdan'],
      ['zhēngxìn', 'zhengxin'], ['zheng1 xin4', 'zhengxin'], ['徵信', 'zhengxin'], ['征信', 'zhengxin']]) {
      await type(page, query);
      const [first] = await entryRows(page);
      assert.equal(first.entry, entry, `${query}: ${JSON.stringify(first)}`);
    }
    // 徵信 is folded to 征信 in the report's sentences too.
    await type(page, '徵信');
    assert.ok((await rows(page)).some((row) => row.mark === '征信'));
    await assertClean('pinyin and characters', page, log);
  });

  it('rows show the meaning in the interface language, German and English', async () => {
    await visit('index.html');
    await type(page, 'hei mingdan');
    let [first] = await entryRows(page);
    assert.deepEqual([first.meaning, first.meaningLang, first.glossLang], ['schwarze Liste', 'de', 'de']);
    assert.match(first.gloss, /^Von einer Behörde oder einem Gericht geführte .*…$/);
    // The switch takes the focus, which closes the list; back in the
    // field, the list is in English.
    await page.locator('#ui-switch').click();
    await page.locator('#search').focus();
    await page.locator('#search-results').waitFor();
    [first] = await entryRows(page);
    assert.deepEqual([first.meaning, first.meaningLang, first.glossLang], ['blacklist', 'en', 'en']);
    assert.match(first.gloss, /^A list, kept and usually published by a government authority or a court/);
    assert.equal(await status(page, '1 entry'), '1 entry');
    await page.locator('#ui-switch').click();
    await assertClean('meanings', page, log);
  });

  it('a deprecated term is marked with a sign and a word', async () => {
    await visit('index.html');
    await type(page, 'Sozialpunktesystem');
    const found = await rows(page);
    const row = found.find((r) => r.entry === 'shehui-xinyong-tixi');
    assert.ok(row, JSON.stringify(found));
    assert.equal(row.deprecated, '⚠ abgelehnt');
    assert.match(row.text, /Sozialpunktesystem ⚠ abgelehnt/);
    await page.locator('#ui-switch').click();
    await page.locator('#search').focus();
    await page.locator('#search-results').waitFor();
    assert.equal((await rows(page)).find((r) => r.entry === 'shehui-xinyong-tixi').deprecated, '⚠ deprecated');
    await page.locator('#ui-switch').click();
    // „Bonitätssystem“ is deprecated for 个人征信 and fine for 社会信用体系.
    await type(page, 'Bonitätssystem');
    const marks = Object.fromEntries((await rows(page)).filter((r) => r.entry).map((r) => [r.entry, r.deprecated]));
    assert.equal(marks['geren-zhengxin'], '⚠ abgelehnt');
    assert.equal(marks['shehui-xinyong-tixi'], null);
    await assertClean('deprecated', page, log);
  });

  it('is an ARIA combobox: listbox, options, the active option and a polite live region', async () => {
    await visit('index.html');
    const input = page.locator('#search');
    const aria = () => page.evaluate(() => {
      const field = document.getElementById('search');
      const list = document.getElementById(field.getAttribute('aria-controls'));
      const status = document.getElementById('search-status');
      return {
        role: field.getAttribute('role'),
        expanded: field.getAttribute('aria-expanded'),
        autocomplete: field.getAttribute('aria-autocomplete'),
        active: field.getAttribute('aria-activedescendant'),
        listRole: list.getAttribute('role'),
        listName: document.getElementById(list.getAttribute('aria-labelledby'))?.innerText.trim(),
        options: [...list.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('aria-selected')),
        items: [...list.children].map((li) => li.getAttribute('role')),
        statusRole: status.getAttribute('role'),
        live: status.getAttribute('aria-live'),
        unlabelled: [...list.querySelectorAll('*')].filter((e) => !e.hasAttribute('lang')).map((e) => e.outerHTML),
        focused: document.activeElement.id,
      };
    });
    assert.deepEqual(await aria(), {
      role: 'combobox', expanded: 'false', autocomplete: 'list', active: null, listRole: 'listbox',
      listName: 'Suche', options: [], items: [], statusRole: 'status', live: 'polite', unlabelled: [],
      focused: '',
    });
    await type(page, 'Bonität');
    let state = await aria();
    assert.equal(state.expanded, 'true');
    assert.ok(state.options.length >= 2, JSON.stringify(state));
    assert.ok(state.options.every((selected) => selected === 'false'));
    assert.ok(state.items.every((role) => role === 'presentation'));
    assert.deepEqual(state.unlabelled, [], 'elements in the list without a lang');
    // Ten entries and ten of the 96 sentences of the report that hold
    // „Bonität“ (alone or in a compound: `grep -c`).
    assert.deepEqual([(await entryRows(page)).length, (await rows(page)).filter((r) => r.unit).length], [10, 10]);
    const said = '10 Einträge, 96 Sätze im Bericht (die ersten 10 gezeigt)';
    assert.equal(await status(page, said), said);
    assert.equal(await page.locator('#search-status').getAttribute('lang'), 'de');

    await input.press('ArrowDown');
    state = await aria();
    assert.equal(state.active, 'search-option-0');
    assert.deepEqual(state.options.slice(0, 2), ['true', 'false']);
    assert.equal(state.focused, 'search', 'focus left the field');
    await input.press('ArrowDown');
    assert.equal((await aria()).active, 'search-option-1');
    await input.press('ArrowUp');
    assert.equal((await aria()).active, 'search-option-0');
    const chosen = await page.locator('#search-option-0').evaluate((a) => a.href);

    // Escape closes the list; a second Escape empties the field.
    await input.press('Escape');
    state = await aria();
    assert.deepEqual([state.expanded, state.active], ['false', null]);
    assert.equal(await input.inputValue(), 'Bonität');
    assert.equal(await page.locator('#search-results').isHidden(), true);
    await input.press('Escape');
    assert.equal(await input.inputValue(), '');

    // Enter follows the active option.
    await type(page, 'Bonität');
    await input.press('ArrowDown');
    await Promise.all([page.waitForURL(chosen), input.press('Enter')]);

    // Nothing found: said, and shown, with the list closed.
    await visit('index.html');
    await type(page, 'xqzvw');
    state = await aria();
    assert.equal(state.expanded, 'false');
    assert.equal(await page.locator('#search-status').innerText(), 'Nichts gefunden für „xqzvw“');
    assert.equal(await page.locator('#search-status').isVisible(), true);
    await input.fill('');
    await page.waitForFunction(() => !document.getElementById('search-status').classList.contains('shown'));
    await assertClean('combobox', page, log);
  });

  it('folds every term as glossa does, and finds first what `glossa lookup` finds first', async () => {
    await visit('index.html');
    await page.evaluate(() => window.GLOSSA_SEARCH.load());
    // Each term and report form typed as written gets the key glossa gave it.
    const differing = await page.evaluate(() => [
      ...window.GLOSSA_SEARCH_DATA.terms.map(([text, , id, key]) => [text, id, key]),
      ...window.GLOSSA_SEARCH_DATA.forms.map(([text, id, key]) => [text, id, key]),
    ].filter(([text, , key]) => window.GLOSSA_SEARCH.looseKey(text) !== key)
        .map(([text, id, key]) => `${id} ${text} -> ${window.GLOSSA_SEARCH.looseKey(text)} != ${key}`));
    assert.deepEqual(differing, []);
    const queries = ['zhengxin', 'zhēngxìn', 'zheng1 xin4', 'ZHENG1XIN4', '徵信', '誠信', 'DATENINSELN',
      'bonitat', 'information islands', 'Sozialkreditsystem', 'Sesame Credit', 'xinxi-gudao',
      'ｃｒｅｄｉｔ ｒｅｐｏｒｔｉｎｇ', 'Schwarze Liste', 'Schwarze Listen', 'schwarzen Listen'];
    const lookups = await Promise.all(queries.map(async (query) => {
      const { stdout } = await execFileAsync(GLOSSA_BIN, ['lookup', '--dict', 'none', '--json', query]);
      return JSON.parse(stdout).entries.map((entry) => entry.id);
    }));
    for (const [i, query] of queries.entries()) {
      const lookup = lookups[i];
      const found = await page.evaluate((q) => window.GLOSSA_SEARCH.search(q).map((r) => r.id), query);
      assert.ok(lookup.length > 0, `glossa lookup finds nothing for ${query}`);
      assert.deepEqual(found.slice(0, lookup.length), lookup,
          `search for ${query} lists ${found.join(', ')}; glossa lookup ${lookup.join(', ')}`);
    }
    await assertClean('search agrees with lookup', page, log);
  });

  it('finds as you type: a prefix shows results, clearing the field hides them', async () => {
    await visit('index.html');
    const url = page.url();
    await type(page, 'zhen');
    assert.ok((await rows(page)).some((r) => r.entry === 'zhengxin'), JSON.stringify(await rows(page)));
    assert.equal(page.url(), url, 'typing in the search field navigated');
    await page.locator('#search').fill('');
    await page.locator('#search-results').waitFor({ state: 'hidden' });
    await assertClean('as you type', page, log);
  });

  it('on an entry page, results link to the right files and can be followed', async () => {
    await visit('entries/zhengxin.html');
    await type(page, 'Dateninseln');
    const result = page.locator('#search-results > li > a[data-entry="xinxi-gudao"]').first();
    assert.equal(await result.evaluate((a) => a.href), fileUrl(site, 'entries/xinxi-gudao.html'));
    await Promise.all([page.waitForURL(fileUrl(site, 'entries/xinxi-gudao.html')), result.click()]);
    await assertClean('search on an entry page', page, log);
  });

  it(`search-de-390.png in ${ARTIFACTS}: results on a phone, in German`, async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const phone = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const { page: tab, log: phoneLog } = await open(phone, fileUrl(site, 'index.html'));
      await type(tab, 'Schwarze Listen');
      assert.equal(await hasHorizontalScroll(tab), '');
      const box = await tab.locator('#search-results').boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `the list sticks out: ${JSON.stringify(box)}`);
      const file = path.join(ARTIFACTS, 'search-de-390.png');
      await tab.screenshot({ path: file });
      assert.equal(pngSize(file).width, 390);
      await assertClean('phone', tab, phoneLog);
    } finally {
      await phone.close();
    }
  });
});

describe('search over HTTP', () => {
  it('loads its index on first use, and finds Bonitet and Ampel', async () => {
    const server = await serve(site);
    const context = await newContext(browser);
    try {
      const { page, log } = await open(context, server.url + 'glossary.html', { allowed: [server.url] });
      const requests = recordRequests(page);
      await page.waitForTimeout(200);
      assert.deepEqual(await indexState(page, requests), { scripts: [], data: 'undefined', requested: 0 });
      await type(page, 'Bonitet');
      assert.equal((await entryRows(page))[0].entry, 'xinyong');
      assert.deepEqual(await indexState(page, requests),
          { scripts: ['assets/search-data.js'], data: 'object', requested: 1 });
      await type(page, 'Ampel');
      const [, row] = await rows(page);
      assert.equal(row.href, server.url + 'index.html#s3.2.p6');
      assert.equal(squash(row.mark), 'Ampel');
      await assertClean('http', page, log);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
