// The listen button (src/assets/js/speech.js) in headless Chromium, from
// disk: headless Chromium has no voices, so there is no button; with a fake
// speechSynthesis put in before the page's script (addInitScript) that has
// one Chinese voice on the device and records what it is asked to say, the
// button stands beside the headword in the popup and on the entry page, is
// reached by Tab, and says the simplified form with lang zh-CN. On a site
// with CC-CEDICT each line of a character has its own button, which says
// that character alone.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/speech.test.mjs

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  ARTIFACTS, assertClean, buildSite, fileUrl, newContext, open, removeSite, siteAndBrowser,
} from './harness.mjs';

const TEST_TIMEOUT = { timeout: 30000 };
const it = (name, fn) => test(name, TEST_TIMEOUT, fn);
const env = siteAndBrowser();

// Replaces speechSynthesis (and SpeechSynthesisUtterance, whose voice must
// be a real SpeechSynthesisVoice) in every page of `context`. `voices`: the
// voices it has; with `late`, it has none until window.__loadVoices() fires
// 'voiceschanged', as Chromium does. What the page asks it to say goes to
// window.__spoken.
async function fakeSpeech(context, voices, { late = false } = {}) {
  await context.addInitScript(({ voices, late }) => {
    window.__spoken = [];
    let list = late ? [] : voices;
    const listeners = [];
    window.SpeechSynthesisUtterance = class {
      constructor(text) {
        this.text = text;
        this.lang = '';
        this.voice = null;
      }
    };
    const fake = {
      getVoices: () => list.slice(),
      speak: (utterance) => window.__spoken.push({
        text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? null,
      }),
      cancel: () => {},
      addEventListener: (type, listener) => {
        if (type === 'voiceschanged') listeners.push(listener);
      },
      removeEventListener: () => {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
    window.__loadVoices = () => {
      list = voices;
      for (const listener of listeners) listener(new Event('voiceschanged'));
    };
  }, { voices, late });
}

const MANDARIN = { name: 'Test Mandarin', lang: 'zh-CN', localService: true, default: false };
const ENGLISH = { name: 'Test English', lang: 'en-US', localService: true, default: true };
const REMOTE = { name: 'Test Mandarin online', lang: 'zh-CN', localService: false, default: false };

// The report's first link to 信用, scrolled into view.
async function xinyong(page) {
  const term = page.locator('a.term[data-entry="xinyong"]').first();
  await term.scrollIntoViewIfNeeded();
  return term;
}

const popup = (page) => page.locator('#glossa-popup');
const focusedName = (page) => page.evaluate(() =>
  document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

describe('without a Chinese voice', () => {
  it('headless Chromium has no voices, and neither the popup nor the entry page shows the button', async () => {
    const context = await newContext(env.browser);
    const { page, log } = await open(context, fileUrl(env.site, 'index.html'));
    assert.deepEqual(await page.evaluate(() => speechSynthesis.getVoices().length), 0,
        'this Chromium has voices: the test assumes none');
    const term = await xinyong(page);
    await term.focus();
    await popup(page).waitFor({ state: 'visible' });
    assert.equal(await popup(page).locator('button.listen').isVisible(), false);
    // Hidden, not disabled: out of the tab order, not a dead stop in it.
    assert.deepEqual(await popup(page).locator('button.listen').evaluate(
        (button) => ({ hidden: button.hidden, disabled: button.disabled })),
    { hidden: true, disabled: false });
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Speichern');
    await page.goto(fileUrl(env.site, 'entries/xinyong.html'));
    assert.equal(await page.locator('h1 button.listen').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Aussprache anhören' }).count(), 0);
    await assertClean('no voice', page, log);
    await context.close();
  });

  it('a voice in another language, or a Chinese one on a server, shows no button', async () => {
    const context = await newContext(env.browser);
    await fakeSpeech(context, [ENGLISH, REMOTE]);
    const { page, log } = await open(context, fileUrl(env.site, 'entries/xinyong.html'));
    assert.equal(await page.evaluate(() => speechSynthesis.getVoices().length), 2);
    assert.equal(await page.locator('h1 button.listen').isVisible(), false);
    await assertClean('no Chinese voice', page, log);
    await context.close();
  });
});

describe('with a Chinese voice', () => {
  it('the popup of 信用 has the button after the headword; Tab reaches it and Enter says 信用 in zh-CN', async () => {
    const context = await newContext(env.browser);
    await fakeSpeech(context, [ENGLISH, MANDARIN]);
    const { page, log } = await open(context, fileUrl(env.site, 'index.html'));
    const term = await xinyong(page);
    await term.focus();
    await popup(page).waitFor({ state: 'visible' });
    const listen = popup(page).getByRole('button', { name: 'Aussprache anhören' });
    assert.equal(await listen.isVisible(), true);
    // Beside the headword: in its line, after the simplified form and pinyin.
    assert.deepEqual(await listen.evaluate((button) => [...button.parentElement.children].map(
        (child) => child.className || child.getAttribute('lang'))), ['hans', 'pinyin', 'listen']);
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Aussprache anhören');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => window.__spoken),
        [{ text: '信用', lang: 'zh-CN', voice: 'Test Mandarin' }]);
    await popup(page).screenshot({ path: path.join(ARTIFACTS, 'popup-listen.png') });
    await assertClean('popup', page, log);
    await context.close();
  });

  it('the entry page of 信用 has the button in its heading, by Tab, named in either language', async () => {
    const context = await newContext(env.browser);
    await fakeSpeech(context, [MANDARIN]);
    const { page, log } = await open(context, fileUrl(env.site, 'entries/xinyong.html'));
    const listen = page.locator('article.entry h1 button.listen');
    assert.equal(await listen.isVisible(), true);
    // The heading is named by the term alone, not by the button's label too.
    const text = (await page.locator('article.entry h1').textContent()).trim();
    assert.equal(text, '信用 xìnyòng');
    assert.equal(await page.getByRole('heading', { level: 1, name: text, exact: true }).count(), 1);
    assert.equal(await page.getByRole('heading', { name: 'Aussprache' }).count(), 0);
    // Tab from the skip link's target onwards reaches it before the study buttons.
    await page.locator('h1').evaluate((h1) => {
      h1.tabIndex = -1;
      h1.focus();
    });
    await page.keyboard.press('Tab');
    assert.equal(await focusedName(page), 'Aussprache anhören');
    await page.keyboard.press('Space');
    assert.deepEqual(await page.evaluate(() => window.__spoken),
        [{ text: '信用', lang: 'zh-CN', voice: 'Test Mandarin' }]);
    await page.locator('#ui-switch').click();
    assert.equal(await page.getByRole('button', { name: 'Listen to the pronunciation' }).count(), 1);
    await listen.click();
    assert.equal(await page.evaluate(() => window.__spoken.length), 2);
    await page.locator('article.entry h1').screenshot({ path: path.join(ARTIFACTS, 'entry-listen.png') });
    await assertClean('entry page', page, log);
    await context.close();
  });

  it('a voice that arrives late (voiceschanged) shows the buttons then', async () => {
    const context = await newContext(env.browser);
    await fakeSpeech(context, [MANDARIN], { late: true });
    const { page, log } = await open(context, fileUrl(env.site, 'entries/xinyong.html'));
    const listen = page.locator('article.entry h1 button.listen');
    assert.equal(await listen.isVisible(), false);
    await page.evaluate(() => window.__loadVoices());
    assert.equal(await listen.isVisible(), true);
    await listen.click();
    assert.deepEqual(await page.evaluate(() => window.__spoken),
        [{ text: '信用', lang: 'zh-CN', voice: 'Test Mandarin' }]);
    await assertClean('late voices', page, log);
    await context.close();
  });
});

describe('a listen button per character (a site with CC-CEDICT)', () => {
  let site = null;
  let skip = false;
  before(() => {
    try {
      site = buildSite({ dicts: ['cedict'] });
    } catch (error) {
      if (!/no dictionary '\w+' installed/.test(error.message)) throw error;
      skip = 'CC-CEDICT is not installed (scripts/install-deps)';
    }
  });
  after(() => removeSite(site));
  const itWith = (name, fn) => it(name, async (t) => (skip ? t.skip(skip) : fn()));

  // The listen buttons of the character lines under `scope`, by name, and
  // whether each is shown.
  const lineButtons = (scope) => scope.locator('.char-line button.listen').evaluateAll(
      (buttons) => buttons.map((button) => [button.getAttribute('aria-label'), !button.hidden]));

  itWith('征信\'s entry page: the button of 征 says exactly 征 in zh-CN; Tab reaches each after the headword\'s', async () => {
    const context = await newContext(env.browser);
    await fakeSpeech(context, [ENGLISH, MANDARIN]);
    const { page, log } = await open(context, fileUrl(site, 'entries/zhengxin.html'));
    assert.deepEqual(await lineButtons(page), [['征 anhören', true], ['信 anhören', true]]);
    // In its line, right after the character; each traditional form stands
    // with its own reading (征 "journey", 徵 "to invite").
    const line = page.locator('.entry-chars .char-line').first();
    assert.deepEqual(await line.evaluate((li) => [...li.children].map((child) => child.className)),
        ['hans', 'listen', 'pinyin', 'char-meaning', 'hant', 'pinyin', 'char-meaning']);
    await page.getByRole('button', { name: '征 anhören', exact: true }).click();
    assert.deepEqual(await page.evaluate(() => window.__spoken),
        [{ text: '征', lang: 'zh-CN', voice: 'Test Mandarin' }]);
    await page.locator('h1').evaluate((h1) => {
      h1.tabIndex = -1;
      h1.focus();
    });
    const order = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await focusedName(page));
    }
    assert.deepEqual(order, ['Aussprache anhören', '征 anhören', '信 anhören', 'Speichern']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => window.__spoken.map((said) => said.text)), ['征', '信']);
    await page.locator('#ui-switch').click();
    assert.deepEqual(await lineButtons(page), [['Listen to 征', true], ['Listen to 信', true]]);
    assert.equal(await page.locator('.char-line button.listen[lang="en"]').count(), 2);
    await page.locator('article.entry').screenshot({ path: path.join(ARTIFACTS, 'entry-chars-listen.png') });
    await assertClean('zhengxin', page, log);
    await context.close();
  });

  itWith('without a Chinese voice no character has a button shown; a late voice shows them', async () => {
    const context = await newContext(env.browser);
    await fakeSpeech(context, [MANDARIN], { late: true });
    const { page, log } = await open(context, fileUrl(site, 'entries/zhengxin.html'));
    assert.deepEqual(await lineButtons(page), [['征 anhören', false], ['信 anhören', false]]);
    assert.equal(await page.locator('.char-line button.listen:visible').count(), 0);
    assert.equal(await page.locator('.char-line button.listen:disabled').count(), 0);
    await page.evaluate(() => window.__loadVoices());
    assert.deepEqual(await lineButtons(page), [['征 anhören', true], ['信 anhören', true]]);
    await assertClean('late voice', page, log);
    await context.close();
    // Headless Chromium's own speechSynthesis: no voice, no button.
    const plain = await newContext(env.browser);
    const bare = await open(plain, fileUrl(site, 'entries/zhengxin.html'));
    assert.deepEqual(await lineButtons(bare.page), [['征 anhören', false], ['信 anhören', false]]);
    await assertClean('no voice', bare.page, bare.log);
    await plain.close();
  });

  itWith('the popup of 信用: a button per character line, in the popup\'s tab order', async () => {
    const context = await newContext(env.browser);
    await fakeSpeech(context, [MANDARIN]);
    const { page, log } = await open(context, fileUrl(site, 'index.html'));
    const term = await xinyong(page);
    await term.focus();
    await popup(page).locator('.popup-chars').waitFor({ state: 'visible' });
    assert.deepEqual(await lineButtons(popup(page)), [['信 anhören', true], ['用 anhören', true]]);
    const order = [];
    for (let i = 0; i < 4; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await focusedName(page));
    }
    assert.deepEqual(order, ['Aussprache anhören', '信 anhören', '用 anhören', 'Speichern']);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => window.__spoken),
        [{ text: '用', lang: 'zh-CN', voice: 'Test Mandarin' }]);
    // Two buttons never overlap: each line is at least as tall as its button.
    const boxes = await popup(page).locator('.char-line button.listen').evaluateAll(
        (buttons) => buttons.map((button) => button.getBoundingClientRect().toJSON()));
    assert.ok(boxes[0].bottom <= boxes[1].top, JSON.stringify(boxes));
    await popup(page).screenshot({ path: path.join(ARTIFACTS, 'popup-chars-listen.png') });
    await assertClean('popup', page, log);
    await context.close();
  });
});
