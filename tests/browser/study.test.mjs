// The study tools in headless Chromium: a student saves a term from its
// popup and from its entry page, finds it on study.html ("my terms"), marks
// terms known and reads the report with them unmarked, goes through the
// flashcards with the keyboard alone, and downloads the saved terms for Anki
// and as CSV, each file equal to the lines `glossa export` writes for the
// same entries; from disk and over http, with no console error, no policy
// violation and no request to the network. Screenshots of study.html and of
// a flashcard, in German and English, go to $GLOSSA_ARTIFACTS.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/study.test.mjs

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  ARTIFACTS, assertClean, buildSite, fileUrl, glossa, hasHorizontalScroll, launchBrowser, newContext, open,
  removeSite, serve, squash,
} from './harness.mjs';

const TEST_TIMEOUT = { timeout: 60000 };
const STORE = 'glossa-study';

let browser;
let site;
let server;

before(async () => {
  site = buildSite();
  server = await serve(site);
  browser = await launchBrowser();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  removeSite(site);
});

const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORE);

// Sets what the reader saved and knows, then reloads the page.
async function seed(page, value) {
  await page.evaluate(([key, json]) => localStorage.setItem(key, json), [STORE, JSON.stringify(value)]);
  await page.reload();
}

// The study buttons in `scope` as the reader meets them: label and state.
const actions = (scope) => scope.locator('.study-actions button').evaluateAll((buttons) =>
  buttons.map((b) => `${b.textContent} ${b.getAttribute('aria-pressed')}`));

// What the "my terms" list shows, item by item.
const listed = (page) => page.locator('#study-list > li').evaluateAll((items) =>
  items.map((li) => li.innerText.split('\n').map((line) => line.trim()).filter(Boolean)));

describe('saving a term', () => {
  it('from the popup: hover „Dateninseln“, Save, and study.html lists 信息孤岛', TEST_TIMEOUT, async () => {
    const context = await newContext(browser);
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    const term = page.locator('a.term[data-entry="xinxi-gudao"]', { hasText: 'Dateninseln' }).first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    const popup = page.locator('#glossa-popup');
    await popup.waitFor({ state: 'visible' });
    assert.deepEqual(await actions(popup), ['Speichern false', 'Bekannt false']);
    await popup.locator('button[data-list="saved"]').click();
    assert.deepEqual(await actions(popup), ['Speichern true', 'Bekannt false']);
    assert.deepEqual(await stored(page), { saved: ['xinxi-gudao'], known: [], hideKnown: false });
    await assertClean('index.html', page, log);

    await Promise.all([page.waitForURL(/study\.html$/), page.locator('.bar nav a[href="study.html"]').click()]);
    assert.deepEqual(await listed(page), [[
      '信息孤岛 信息孤島 xìnxī gūdǎo',
      'Dateninsel · information islands',
      'Datenbestände oder Informationssysteme – meist einzelner Behörden –, die nicht miteinander ' +
        'verbunden sind und keine Daten austauschen, sodass Informationen dort liegen bleiben, wo sie ' +
        'erhoben wurden.',
      'Speichern',
      'Bekannt',
    ]]);
    assert.equal(await page.locator('.study-empty').isVisible(), false);
    await assertClean('study.html', page, log);
    await context.close();
  });

  it('from an entry page, by keyboard, in either language', TEST_TIMEOUT, async () => {
    const context = await newContext(browser);
    const { page, log } = await open(context, fileUrl(site, 'entries/zhengxin.html'));
    const buttons = page.locator('article.entry[data-entry="zhengxin"]');
    // Under the heading, before the meaning.
    assert.equal(await buttons.locator(':scope > h1 + .study-actions').count(), 1);
    assert.deepEqual(await actions(buttons), ['Speichern false', 'Bekannt false']);
    await buttons.locator('button[data-list="saved"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.deepEqual(await actions(buttons), ['Speichern true', 'Bekannt true']);
    await page.locator('#ui-switch').click();
    assert.deepEqual(await actions(buttons), ['Save true', 'Known true']);
    await page.reload();
    assert.deepEqual(await actions(buttons), ['Save true', 'Known true']);
    assert.deepEqual(await stored(page), { saved: ['zhengxin'], known: ['zhengxin'], hideKnown: false });
    await buttons.locator('button[data-list="known"]').click();
    assert.deepEqual(await stored(page), { saved: ['zhengxin'], known: [], hideKnown: false });
    await assertClean('entries/zhengxin.html', page, log);
    await context.close();
  });
});

describe('study.html', () => {
  it('tells a reader with nothing saved how to save a term', TEST_TIMEOUT, async () => {
    const context = await newContext(browser);
    const { page, log } = await open(context, fileUrl(site, 'study.html'));
    assert.equal(squash(await page.locator('.study-empty').innerText()),
        'Noch keine Begriffe gespeichert. Zeigen Sie im Bericht auf einen unterstrichenen Begriff ' +
        '(mit der Maus, mit der Tabulatortaste oder durch Antippen) und wählen Sie „Speichern“ – ' +
        'oder auf der Seite eines Eintrags, oben. Mit „Bekannt“ markieren Sie einen Begriff, den ' +
        'Sie schon können.');
    assert.equal(await page.locator('.card-status').innerText(),
        'Noch keine Karten: speichern Sie zuerst Begriffe.');
    assert.equal(await page.locator('#study-card').isVisible(), false);
    assert.equal(squash(await page.locator('#study-downloads').innerText()), 'Noch nichts zu exportieren.');
    assert.equal(await page.locator('.study-nojs').isVisible(), false);
    await page.locator('#ui-switch').click();
    assert.equal(squash(await page.locator('.study-empty').innerText()),
        'No terms saved yet. In the report, point at an underlined term (with the mouse, the Tab ' +
        'key or a tap) and choose “Save” – or choose it at the top of an entry\'s page. “Known” ' +
        'marks a term you have already learnt.');
    assert.equal(squash(await page.locator('#study-downloads').innerText()), 'Nothing to export yet.');
    await assertClean('study.html', page, log);
    await context.close();
  });

  it('lists the saved terms in the order saved; unsaving one takes it out and keeps the focus',
      TEST_TIMEOUT, async () => {
    const context = await newContext(browser);
    const { page, log } = await open(context, fileUrl(site, 'study.html'));
    await seed(page, { saved: ['zhengxin', 'no-such-entry', 'xinxi-gudao'], known: ['xinxi-gudao'] });
    const names = () => page.locator('#study-list > li .study-term').allInnerTexts();
    assert.deepEqual(await names(), ['征信 徵信 zhēngxìn', '信息孤岛 信息孤島 xìnxī gūdǎo']);
    assert.deepEqual(await actions(page.locator('#study-list > li').nth(1)), ['Speichern true', 'Bekannt true']);
    const unsave = page.locator('#study-list > li[data-entry="zhengxin"] button[data-list="saved"]');
    await unsave.focus();
    await page.keyboard.press('Enter');
    assert.deepEqual(await names(), ['信息孤岛 信息孤島 xìnxī gūdǎo']);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'study-saved-heading');
    // The id the glossary does not have stays stored, unseen.
    assert.deepEqual((await stored(page)).saved, ['no-such-entry', 'xinxi-gudao']);
    await assertClean('study.html', page, log);
    await context.close();
  });

  it('fits a 390px phone, with saved terms and a card turned over', TEST_TIMEOUT, async () => {
    const context = await newContext(browser,
        { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const { page, log } = await open(context, fileUrl(site, 'study.html'));
    await seed(page, { saved: ['guihua-gangyao', 'zhengxin', 'shehui-xinyong-tixi'] });
    await page.locator('.card-flip').click();
    assert.equal(await page.locator('#study-card-back').isVisible(), true);
    assert.equal(await hasHorizontalScroll(page), '');
    await assertClean('study.html on a phone', page, log);
    await context.close();
  });

  for (const lang of ['de', 'en']) {
    it(`screenshot of study.html with three saved terms (${lang})`, TEST_TIMEOUT, async () => {
      const context = await newContext(browser, { viewport: { width: 900, height: 1400 } });
      const { page, log } = await open(context, fileUrl(site, 'study.html'));
      await seed(page, { saved: ['zhengxin', 'xinxi-gudao', 'shehui-xinyong-tixi'], known: ['xinxi-gudao'] });
      if (lang === 'en') await page.locator('#ui-switch').click();
      await page.screenshot({ path: path.join(ARTIFACTS, `study-${lang}.png`), fullPage: true });
      await assertClean(`study.html (${lang})`, page, log);
      await context.close();
    });
  }
});

describe('known terms unmarked', () => {
  it('the switch takes the underline off the known terms only, and stays on', TEST_TIMEOUT, async () => {
    const context = await newContext(browser);
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    const toggle = page.locator('main > .study-known-line > #study-hide-known');
    assert.equal(await toggle.isVisible(), false, 'the switch shows while no term is known');
    await seed(page, { saved: [], known: ['xinxi-gudao'] });
    const underline = (id) => page.locator(`a.term[data-entry="${id}"]`).first()
        .evaluate((a) => getComputedStyle(a).textDecorationLine);
    assert.equal(await underline('xinxi-gudao'), 'underline');
    assert.equal(await toggle.innerText(), 'Bekannte Begriffe unmarkiert');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await underline('xinxi-gudao'), 'none');
    assert.equal(await underline('zhengxin'), 'underline');
    const counts = await page.evaluate(() => ({
      known: document.querySelectorAll('a.term.known').length,
      links: document.querySelectorAll('a.term[data-entry="xinxi-gudao"]').length,
    }));
    assert.equal(counts.known, counts.links);
    await page.reload();
    assert.equal(await underline('xinxi-gudao'), 'none');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('study-hide-known')), true);
    // Marking a term known from its popup unmarks it at once.
    const term = page.locator('a.term[data-entry="zhengxin"]').first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    await page.locator('#glossa-popup button[data-list="known"]').click();
    await page.mouse.move(0, 0);
    assert.equal(await underline('zhengxin'), 'none');
    await assertClean('index.html', page, log);
    await context.close();
  });
});

describe('flashcards', () => {
  it('a session by keyboard: Space turns, ← again, → known, one card at a time', TEST_TIMEOUT, async () => {
    const context = await newContext(browser, { viewport: { width: 900, height: 900 } });
    const { page, log } = await open(context, fileUrl(site, 'study.html'));
    await seed(page, { saved: ['zhengxin', 'xinxi-gudao', 'chengxin'], known: ['chengxin'] });
    const card = page.locator('#study-card');
    const seen = () => page.evaluate(() => ({
      status: document.querySelector('.card-status').textContent,
      front: document.querySelector('.card-front .card-term')?.innerText,
      back: document.getElementById('study-card-back').hidden
        ? null : document.getElementById('study-card-back').innerText.split('\n').filter(Boolean),
      cards: document.querySelectorAll('#study-card').length,
    }));
    await page.locator('#study-cards-heading').scrollIntoViewIfNeeded();
    await card.focus();
    assert.deepEqual(await seen(), { status: 'Noch 2 Karten', front: '征信 徵信', back: null, cards: 1 });
    assert.equal(await page.locator('.card-cue').innerText(),
        'Die Pläne beziehen sich also nicht nur auf finanzielle Kreditinformationen (征信), sondern ' +
        'auch auf moralische Bezugsgrößen wie „Integrität“ – oder moralisch konnotierte ' +
        'Vertrauenswürdigkeit (诚信). §2.1, p. 5');
    assert.equal(await page.locator('.card-cue a').getAttribute('href'), 'index.html#s2.1.p2');
    await card.screenshot({ path: path.join(ARTIFACTS, 'flashcard-front-de.png') });
    await page.keyboard.press('Space');
    assert.deepEqual((await seen()).back, [
      'zhēngxìn',
      'Kreditauskunft · credit reporting',
      'Das Sammeln, Ordnen, Speichern und Aufbereiten von Kreditinformationen über Unternehmen und ' +
        'Einzelpersonen und ihre Weitergabe an Nutzer wie Kreditgeber; im heutigen Chinesisch meist ' +
        'auf finanzielle Kredite beschränkt.',
      'Zum Eintrag',
    ]);
    await card.screenshot({ path: path.join(ARTIFACTS, 'flashcard-de.png') });
    await page.keyboard.press('ArrowLeft');  // again: 征信 goes last
    assert.deepEqual(await seen(), { status: 'Noch 2 Karten', front: '信息孤岛 信息孤島', back: null, cards: 1 });
    // Space on a focused button turns the card instead of pressing the button.
    await page.locator('.card-again').focus();
    await page.keyboard.press('Space');
    assert.equal((await seen()).front, '信息孤岛 信息孤島');
    assert.equal((await seen()).back?.[0], 'xìnxī gūdǎo');
    await page.keyboard.press('ArrowRight');  // known
    assert.deepEqual(await seen(), { status: 'Noch 1 Karte', front: '征信 徵信', back: null, cards: 1 });
    assert.deepEqual((await stored(page)).known, ['chengxin', 'xinxi-gudao']);
    await page.locator('#ui-switch').click();
    await card.focus();
    await page.keyboard.press('Space');
    assert.deepEqual(await seen(), {
      status: '1 card left',
      front: '征信 徵信',
      back: [
        'zhēngxìn',
        'credit reporting · Kreditauskunft',
        'The business of gathering, sorting, storing and processing credit information about companies ' +
          'and individuals and supplying it to those who use it, such as lenders; in Chinese usage the ' +
          'word is now mostly confined to financial credit.',
        'To the entry',
      ],
      cards: 1,
    });
    await card.screenshot({ path: path.join(ARTIFACTS, 'flashcard-en.png') });
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.locator('.card-status').innerText(), 'Done: 2 known.');
    assert.equal(await card.isVisible(), false);
    // The focus moved to "review all", and Enter starts over with every saved term.
    assert.equal(await page.evaluate(() => document.activeElement.className), 'card-restart');
    await page.keyboard.press('Enter');
    assert.deepEqual(await seen(), { status: '3 cards left', front: '征信 徵信', back: null, cards: 1 });
    assert.deepEqual(await stored(page), {
      saved: ['zhengxin', 'xinxi-gudao', 'chengxin'],
      known: ['chengxin', 'xinxi-gudao', 'zhengxin'],
      hideKnown: false,
    });
    await assertClean('study.html', page, log);
    await context.close();
  });
});

// The fields of one CSV line (RFC 4180; glossa's rows hold no line break).
function csvFields(line) {
  const out = [];
  for (let at = 0; at <= line.length;) {
    if (line[at] === '"') {
      let field = '';
      for (at += 1; at < line.length; at += 1) {
        if (line[at] === '"' && line[at + 1] === '"') {
          field += '"';
          at += 1;
        } else if (line[at] === '"') {
          break;
        } else {
          field += line[at];
        }
      }
      out.push(field);
      at += 2;  // the quote and the comma
    } else {
      const comma = line.indexOf(',', at);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(at, end));
      at = end + 1;
    }
  }
  return out;
}

// What `glossa export` writes, kept to the entries whose Chinese term is in
// `chinese`: for Anki, the headers and the notes whose Front starts with
// one; for CSV, the header row and each of those entries' row with the rows
// of terms to avoid after it.
function cliFile(format, args, chinese) {
  const text = glossa(['export', '--format', format, ...args]);
  if (format === 'anki') {
    const lines = text.split('\n').slice(0, -1);
    const wanted = lines.filter((line) => line.startsWith('#') ||
        chinese.some((zh) => line.split('\t')[0].split(' ')[0] === zh));
    return wanted.map((line) => line + '\n').join('');
  }
  const rows = text.split('\r\n').slice(0, -1);
  const zhColumn = csvFields(rows[0].replace(/^\uFEFF/, '')).indexOf('zh-CN');
  const out = [rows[0]];
  let keep = false;
  for (const row of rows.slice(1)) {
    const fields = csvFields(row);
    if (fields[0] === 'FALSE') keep = chinese.includes(fields[zhColumn]);
    if (keep) out.push(row);
  }
  return out.map((row) => row + '\r\n').join('');
}

describe('export', () => {
  for (const where of ['file', 'http']) {
    it(`downloads the saved terms as the CLI writes them, from ${where === 'file' ? 'disk' : 'a server'}`,
        TEST_TIMEOUT, async () => {
      const context = await newContext(browser, { acceptDownloads: true });
      const url = where === 'file' ? fileUrl(site, 'study.html') : server.url + 'study.html';
      // Each download is a blob: URL the page made.
      const { page, log } = await open(context, url,
          { allowed: [where === 'file' ? 'file:' : server.url, 'blob:'] });
      // Saved out of the glossary's order, and an entry with terms to avoid.
      await seed(page, { saved: ['zhengxin', 'xinxi-gudao', 'shehui-xinyong'] });
      const links = page.locator('#study-downloads a[download]');
      assert.deepEqual(await links.evaluateAll((as) => as.map((a) => [a.textContent, a.download])), [
        ['Anki: Chinesisch → Deutsch', 'glossa-anki-zh-de.txt'],
        ['Anki: Chinesisch → Englisch', 'glossa-anki-zh-en.txt'],
        ['Tabelle (CSV)', 'glossa-terms.csv'],
      ]);
      // The export's lines (assets/export-data.js) are loaded on the first
      // download only.
      const exportScripts = () => page.evaluate(() => [typeof window.GLOSSA_EXPORT,
        [...document.scripts].filter((s) => s.src.endsWith('assets/export-data.js')).length]);
      assert.deepEqual(await exportScripts(), ['undefined', 0]);
      const chinese = ['征信', '信息孤岛', '社会信用'];
      const expected = [
        cliFile('anki', ['--source', 'zh', '--target', 'de'], chinese),
        cliFile('anki', ['--source', 'zh', '--target', 'en'], chinese),
        cliFile('csv', [], chinese),
      ];
      for (let i = 0; i < 3; i += 1) {
        const [download] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
        const bytes = fs.readFileSync(await download.path());
        const name = download.suggestedFilename();
        assert.equal(bytes.toString('utf8'), expected[i], name);
        // Three notes or entries, plus the headers.
        const lines = expected[i].split(/\r?\n/).filter(Boolean);
        assert.ok(lines.length >= (i < 2 ? 8 : 4), `${name}: ${lines.length} lines`);
        if (i === 2) assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf', `${name}: no byte order mark`);
      }
      assert.deepEqual(await exportScripts(), ['object', 1]);
      await assertClean(`study.html (${where})`, page, log);
      await context.close();
    });
  }
});
