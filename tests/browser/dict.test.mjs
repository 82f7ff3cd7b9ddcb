// The general dictionaries on the site (issues 15 and 16) in headless
// Chromium, from disk (file://) and over HTTP: any word of the report that
// is not a term opens a popup from Ding or CC-CEDICT, labelled and with its
// licence; a term keeps its own popup, which gets a line per character of
// its Chinese headword, as its entry page has under the heading (in its
// markup, from the same data).
//
// The site is built with the installed dictionaries (`--dict cedict --dict
// ding`); without them the tests are skipped, saying so.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/dict.test.mjs

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';

import {
  ARTIFACTS, assertClean, buildSite, fileUrl, launchBrowser, newContext, open,
  removeSite, serve, squash,
} from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TEST_TIMEOUT = { timeout: 30000 };

let browser;
let site = null;
let skip = false;  // why the tests cannot run, or false

before(async () => {
  try {
    site = buildSite({ dicts: ['cedict', 'ding'] });
  } catch (error) {
    if (!/no dictionary '\w+' installed/.test(error.message)) throw error;
    skip = 'CC-CEDICT or Ding is not installed (scripts/install-deps): ' +
        error.message.split('\n').find((line) => line.includes('no dictionary'));
    return;
  }
  browser = await launchBrowser();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  removeSite(site);
});

const it = (name, fn) => test(name, TEST_TIMEOUT, async (t) => {
  if (skip) {
    t.skip(skip);
    return;
  }
  await fn(t);
});

const dictPopup = (page) => page.locator('#glossa-dict-popup');
const termPopup = (page) => page.locator('#glossa-popup');

// The middle of `part` where it stands in the report's text node that
// holds `needle` (the first such node), scrolled into view: where a
// reader's pointer rests on it.
async function pointOf(page, needle, part = needle) {
  const point = await page.evaluate(([needle, part]) => {
    const walker = document.createTreeWalker(
        document.querySelector('article.report'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const start = at + needle.indexOf(part);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + part.length);
      node.parentElement.scrollIntoView({ block: 'center' });
      const box = range.getClientRects()[0];
      return [box.left + box.width / 2, box.top + box.height / 2];
    }
    return null;
  }, [needle, part]);
  assert.ok(point, `no text node in the report holds „${needle}“`);
  return point;
}

async function hoverText(page, needle, part) {
  const [x, y] = await pointOf(page, needle, part);
  await page.mouse.move(x, y);
}

// What the dictionary popup shows: its lines, in order, as text, and every
// element in it without a lang.
function readDictPopup(page) {
  return dictPopup(page).evaluate((box) => ({
    lang: box.getAttribute('lang'),
    role: box.getAttribute('role'),
    label: box.querySelector('.dict-label')?.textContent,
    lines: [...box.querySelectorAll('.dict-label, .dict-entry > p, .dict-licence')]
        .map((line) => line.textContent.replace(/\s+/g, ' ').trim()),
    unmarked: [...box.querySelectorAll('*')].filter((el) => !el.hasAttribute('lang'))
        .map((el) => el.outerHTML),
  }));
}

describe('a word that is not a term, from file:// and over http', () => {
  for (const where of ['file', 'http']) {
    it(`${where}: hovering „Ampel“ in §3.2 shows Ding's traffic light, labelled, with its licence`,
        async () => {
      const server = where === 'http' ? await serve(site) : null;
      const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
      const url = server ? server.url + 'index.html' : fileUrl(site, 'index.html');
      const { page, log } = await open(context, url, server ? { allowed: [server.url] } : undefined);
      assert.equal(await page.evaluate(() => Boolean(window.GLOSSA_DICT_DATA)), false,
          'dict-data.js is loaded before any word is pointed at');
      await hoverText(page, 'über die Ampel geht', 'Ampel');
      await dictPopup(page).waitFor({ state: 'visible' });
      const seen = await readDictPopup(page);
      assert.equal(seen.role, 'tooltip');
      assert.equal(seen.lang, 'de');
      assert.deepEqual(seen.lines, [
        'Allgemeines Wörterbuch: Ding',
        'Ampel {f} — hanging lamp (+1 weitere im Wörterbuch)',
        'Ampel {f}; Verkehrsampel {f}; Lichtsignalanlage {f} — traffic light; traffic lights; ' +
            'robot [South Africa] (+5 weitere im Wörterbuch)',
        'Ding, Frank Richter, TU Chemnitz · GPL-2.0-or-later · https://dict.tu-chemnitz.de/',
      ]);
      assert.deepEqual(seen.unmarked, []);
      assert.equal(await termPopup(page).isVisible(), false);
      // Never over the word.
      const [x, y] = await pointOf(page, 'über die Ampel geht', 'Ampel');
      const box = await dictPopup(page).boundingBox();
      assert.ok(y < box.y || y > box.y + box.height, 'the popup covers the word');
      assert.ok(x >= 0);
      await dictPopup(page).screenshot({ path: path.join(ARTIFACTS, `dict-ampel-${where}.png`) });

      // In English, the label says so.
      await page.locator('#ui-switch').click();
      await hoverText(page, 'bei Rot über', 'Rot');
      await dictPopup(page).waitFor({ state: 'visible' });
      const red = await readDictPopup(page);
      assert.equal(red.label, 'General dictionary: Ding');
      assert.equal(red.lines[1], 'Rot {n} (Farbe) — red (colour) (+5 more in the dictionary)');

      // Off the word, it closes.
      await page.mouse.move(5, 890);
      await dictPopup(page).waitFor({ state: 'hidden' });
      await assertClean(url, page, log);
      await context.close();
      await server?.close();
    });
  }
});

it('a Chinese word in a footnote title (fn. 14, 29) shows CC-CEDICT, whichever character is pointed at',
    async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const { page, log } = await open(context, fileUrl(site, 'index.html'));
  // 地方协会引入: pointing at 会 finds 协会, as the site segmented it.
  await hoverText(page, '地方协会引入', '会');
  await dictPopup(page).waitFor({ state: 'visible' });
  let seen = await readDictPopup(page);
  assert.deepEqual(seen.lines, [
    'Allgemeines Wörterbuch: CC-CEDICT',
    '协会 協會 xié huì',
    'an association; a society; CL:個|个[ge4],家[jia1]',
    'CC-CEDICT, MDBG and the CC-CEDICT contributors · CC BY-SA 4.0 · https://cc-cedict.org/',
  ]);
  assert.deepEqual(seen.unmarked, []);
  const langs = await dictPopup(page).evaluate((box) =>
    [...box.querySelectorAll('.popup-zh span')].map((span) => span.getAttribute('lang')));
  assert.deepEqual(langs, ['zh-Hans', 'zh-Hant', 'zh-Latn-pinyin']);
  await dictPopup(page).screenshot({ path: path.join(ARTIFACTS, 'dict-xiehui.png') });
  // Fn. 29: 专属彩铃让老赖…
  await hoverText(page, '专属彩铃让', '铃');
  await page.waitForFunction(() =>
    document.querySelector('#glossa-dict-popup .popup-zh')?.textContent.startsWith('彩铃'));
  seen = await readDictPopup(page);
  assert.equal(seen.lines[1], '彩铃 彩鈴 cǎi líng');
  // 区块链 in fn. 14 is a term of the glossary: its own popup, not the dictionary's.
  const blockchain = page.locator('li#fn14 a.term[data-entry="qukuailian"]');
  await blockchain.hover();
  await termPopup(page).waitFor({ state: 'visible' });
  await dictPopup(page).waitFor({ state: 'hidden' });
  await assertClean('fn. 14', page, log);
  await context.close();
});

it('a term keeps its own popup, which has a line per character of its headword (信用)',
    async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const { page, log } = await open(context, fileUrl(site, 'index.html'));
  const term = page.locator('a.term[data-entry="xinyong"]').first();
  await term.scrollIntoViewIfNeeded();
  await term.hover();
  await termPopup(page).waitFor({ state: 'visible' });
  await page.locator('#glossa-popup .popup-chars').waitFor({ state: 'visible' });
  assert.equal(await dictPopup(page).isVisible(), false);
  const lines = await page.locator('#glossa-popup .popup-chars p')
      .evaluateAll((ps) => ps.map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
  assert.equal(lines.length, 3, lines.join('\n'));
  assert.match(lines[0], /^信 xìn letter; mail; /);
  assert.match(lines[1], /^用 yòng to use; /);
  assert.equal(lines[2],
      'Zeichen: CC-CEDICT, MDBG and the CC-CEDICT contributors · CC BY-SA 4.0 · https://cc-cedict.org/');
  // Before the link to the entry page; every element marked with its language.
  const order = await page.locator('#glossa-popup').evaluate((box) =>
    [...box.children].map((child) => child.className).filter(Boolean));
  assert.ok(order.indexOf('popup-chars') < order.indexOf('popup-link'), order.join(' '));
  const unmarked = await page.locator('#glossa-popup .popup-chars').evaluate((part) =>
    [...part.querySelectorAll('*')].filter((el) => !el.hasAttribute('lang')).length);
  assert.equal(unmarked, 0);
  // (Its listen button, hidden without a voice, is speech.test.mjs's.)
  const spans = await page.locator('#glossa-popup .popup-chars p').first().evaluate((p) =>
    [...p.querySelectorAll(':scope > span')].map((span) => `${span.getAttribute('lang')} ${span.textContent}`));
  assert.equal(spans[0], 'zh-Hans 信');
  assert.equal(spans[1], 'zh-Latn-pinyin xìn');
  assert.match(spans[2], /^en letter; mail; /);
  // The popup, grown by the lines, does not cover its term.
  const termBox = await term.boundingBox();
  const box = await termPopup(page).boundingBox();
  assert.ok(box.y >= termBox.y + termBox.height || box.y + box.height <= termBox.y);
  await termPopup(page).screenshot({ path: path.join(ARTIFACTS, 'dict-xinyong-popup.png') });
  await assertClean('term popup', page, log);
  await context.close();
});

it('an entry page shows its headword character by character under the heading', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const { page, log } = await open(context, fileUrl(site, 'entries/xinyong-fen.html'));
  const lines = page.locator('article.entry > h1 + .entry-chars li');
  await lines.first().waitFor({ state: 'visible' });
  const texts = await lines.evaluateAll((items) => items.map((li) => li.textContent));
  assert.deepEqual(texts.map((text) => [...text][0]), ['信', '用', '评', '分']);
  assert.match(texts[0], /^信 xìn /);
  assert.match(texts[2], /^评 評 píng /);
  assert.equal(squash(await page.locator('.entry-chars .dict-licence').innerText()),
      'Zeichen: CC-CEDICT, MDBG and the CC-CEDICT contributors · CC BY-SA 4.0 · https://cc-cedict.org/');
  await page.locator('#ui-switch').click();
  assert.equal(squash(await page.locator('.entry-chars .dict-licence').innerText()),
      'Characters: CC-CEDICT, MDBG and the CC-CEDICT contributors · CC BY-SA 4.0 · https://cc-cedict.org/');
  assert.equal(await page.locator('.entry-chars').count(), 1);
  await page.locator('article.entry').screenshot({ path: path.join(ARTIFACTS, 'dict-entry-chars.png') });
  await assertClean('entry page', page, log);
  await context.close();
});

// A line of a character as a reader and a screen reader get it: each
// part's text, class and language.
const lineParts = (lines) => lines.evaluateAll((items) => items.map((line) =>
  [...line.childNodes].map((node) => (node.nodeType === Node.TEXT_NODE ? node.data
    : `${node.className}:${node.closest('[lang]').lang}:${node.textContent}`))));

it('the entry page of 信用 has the very lines its popup shows', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const { page, log } = await open(context, fileUrl(site, 'index.html'));
  const term = page.locator('a.term[data-entry="xinyong"]').first();
  await term.scrollIntoViewIfNeeded();
  await term.hover();
  await page.locator('#glossa-popup .popup-chars').waitFor({ state: 'visible' });
  const inPopup = await lineParts(page.locator('#glossa-popup .char-line'));
  await page.goto(fileUrl(site, 'entries/xinyong.html'));
  const onPage = await lineParts(page.locator('.entry-chars .char-line'));
  // Apart from their listen buttons (hidden here: headless Chromium has no
  // voice; speech.test.mjs checks them).
  const spoken = (lines) => lines.map((parts) => parts.filter((part) => !part.startsWith('listen:')));
  assert.equal(onPage.length, 2);
  assert.deepEqual(spoken(onPage)[0].slice(0, 3), ['hans:zh-Hans:信', ' ', 'pinyin:zh-Latn-pinyin:xìn']);
  assert.deepEqual(spoken(inPopup), spoken(onPage));
  await assertClean('xinyong', page, log);
  await context.close();
});

it('a tap on a word opens its popup on a phone; a tap elsewhere closes it', async () => {
  const context = await newContext(browser, {
    viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  });
  const { page, log } = await open(context, fileUrl(site, 'index.html'));
  const [x, y] = await pointOf(page, 'über die Ampel geht', 'Ampel');
  await page.touchscreen.tap(x, y);
  await dictPopup(page).waitFor({ state: 'visible' });
  assert.equal((await readDictPopup(page)).lines[0], 'Allgemeines Wörterbuch: Ding');
  const box = await dictPopup(page).boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the popup leaves the screen');
  await page.screenshot({ path: path.join(ARTIFACTS, 'dict-ampel-phone.png') });
  // Beside the text, in the page's margin.
  await page.touchscreen.tap(2, y);
  await dictPopup(page).waitFor({ state: 'hidden' });
  await assertClean('tap', page, log);
  await context.close();
});

it('a word selected with the keyboard opens its popup; Escape closes it', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  const { page, log } = await open(context, fileUrl(site, 'index.html'));
  await pointOf(page, 'über die Ampel geht', 'Ampel');
  // As caret browsing (F7) does it: the keyboard moves the selection.
  await page.keyboard.down('Shift');
  await page.evaluate(() => {
    const walker = document.createTreeWalker(
        document.querySelector('article.report'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf('die Ampel geht');
      if (at >= 0) {
        document.getSelection().setBaseAndExtent(node, at + 4, node, at + 9);
        return;
      }
    }
  });
  await page.keyboard.up('Shift');
  await dictPopup(page).waitFor({ state: 'visible' });
  assert.equal((await readDictPopup(page)).lines[0], 'Allgemeines Wörterbuch: Ding');
  // A word has no element to describe: the polite live region says it.
  const spoken = () => page.evaluate(() => {
    const status = document.getElementById('glossa-dict-spoken');
    return {
      role: status.getAttribute('role'),
      text: status.textContent,
      langs: [...status.children].map((part) => part.lang),
    };
  });
  assert.deepEqual(await spoken(), {
    role: 'status',
    text: 'Allgemeines Wörterbuch: Ding. Ampel {f} — hanging lamp (+1 weitere im Wörterbuch). ' +
        'Ampel {f}; Verkehrsampel {f}; Lichtsignalanlage {f} — traffic light; traffic lights; ' +
        'robot [South Africa] (+5 weitere im Wörterbuch)',
    langs: ['de', 'de', 'de'],
  });
  await page.keyboard.press('Escape');
  await dictPopup(page).waitFor({ state: 'hidden' });
  assert.equal((await spoken()).text, '', 'the live region still speaks after Escape');
  // Pointing with the mouse shows the popup and says nothing.
  await hoverText(page, 'über die Ampel geht', 'Ampel');
  await dictPopup(page).waitFor({ state: 'visible' });
  assert.equal((await spoken()).text, '');
  await assertClean('keyboard', page, log);
  await context.close();
});

it('axe-core finds no violation with the dictionary popup open, light and dark', async () => {
  const found = [];
  for (const scheme of ['light', 'dark']) {
    const context = await newContext(browser, {
      viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true,
    });
    const { page } = await open(context, fileUrl(site, 'index.html'));
    await hoverText(page, 'über die Ampel geht', 'Ampel');
    await dictPopup(page).waitFor({ state: 'visible' });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
    });
    found.push(...violations.map((line) => `${scheme}: ${line}`));
    // And a term's popup with its character lines.
    const term = page.locator('a.term[data-entry="xinyong"]').first();
    await term.scrollIntoViewIfNeeded();
    await term.hover();
    await page.locator('#glossa-popup .popup-chars').waitFor({ state: 'visible' });
    const more = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`));
    });
    found.push(...more.map((line) => `${scheme}, term popup: ${line}`));
    await context.close();
  }
  assert.deepEqual(found, []);
});
