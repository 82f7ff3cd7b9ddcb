// The term popup by keyboard, in headless Chromium from disk: every control
// in it (the study buttons, and the listen button where there is a voice)
// is reached by Tab from its term, in the order it is seen, and Tab goes on
// to what follows the term in the page; Shift+Tab walks back; Escape closes
// the popup and puts the focus back on the term, which keeps it closed.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/popup.test.mjs

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import {
  assertClean, fileUrl, newContext, open, siteAndBrowser,
} from './harness.mjs';

const TEST_TIMEOUT = { timeout: 30000 };
const it = (name, fn) => test(name, TEST_TIMEOUT, fn);
const env = siteAndBrowser();

// What has the focus, as a reader would name it: "term Dateninseln",
// "button Speichern", "link …" (the test marks the term and its successor).
const focused = (page) => page.evaluate(() => {
  const node = document.activeElement;
  if (!node || node === document.body) return 'nothing';
  if (node.hasAttribute('data-test')) return node.dataset.test;
  const name = node.getAttribute('aria-label') || node.textContent.trim();
  const where = node.closest('#glossa-popup') ? 'popup ' : '';
  return `${where}${node.localName} ${name}`;
});

// Marks „Dateninseln“'s first link and the element Tab reaches after it
// when no popup is open; focuses the term.
async function focusTerm(page) {
  const term = page.locator('a.term[data-entry="xinxi-gudao"]', { hasText: 'Dateninseln' }).first();
  await term.scrollIntoViewIfNeeded();
  await term.evaluate((target) => {
    const focusable = [...document.querySelectorAll('a[href], button, input, [tabindex]')]
        .filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0 && !e.closest('#glossa-popup'));
    target.dataset.test = 'term';
    focusable[focusable.indexOf(target) + 1].dataset.test = 'after the term';
  });
  await term.focus();
  await page.locator('#glossa-popup').waitFor({ state: 'visible' });
  return term;
}

async function tabs(page, keys) {
  const seen = [];
  for (const key of keys) {
    await page.keyboard.press(key);
    seen.push(await focused(page));
  }
  return seen;
}

describe('the popup by keyboard', () => {
  it('Tab from the term reaches Save and Known, then what follows the term; Shift+Tab walks back', async () => {
    const context = await newContext(env.browser);
    const { page, log } = await open(context, fileUrl(env.site, 'index.html'));
    await focusTerm(page);
    assert.deepEqual(await tabs(page, ['Tab']), ['popup button Speichern']);
    // Space on Save saves, and the popup stays open with the focus in it.
    await page.keyboard.press('Space');
    assert.equal(await page.locator('#glossa-popup button[data-list="saved"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#glossa-popup').isVisible(), true);
    assert.deepEqual(await tabs(page, ['Tab']), ['popup button Bekannt']);
    assert.deepEqual(await tabs(page, ['Shift+Tab', 'Shift+Tab', 'Tab', 'Tab', 'Tab']), [
      'popup button Speichern', 'term', 'popup button Speichern', 'popup button Bekannt',
      'after the term',
    ]);
    // The term's popup closed (what follows may be a term with one of its own).
    assert.equal(await page.locator('[data-test="term"]').getAttribute('aria-describedby'), null);
    // Shift+Tab from there lands on the term (the browser's own order).
    assert.deepEqual(await tabs(page, ['Shift+Tab']), ['term']);
    await assertClean('Tab through the popup', page, log);
    await context.close();
  });

  it('Escape in the popup closes it and puts the focus back on the term, with the popup closed', async () => {
    const context = await newContext(env.browser);
    const { page, log } = await open(context, fileUrl(env.site, 'index.html'));
    const term = await focusTerm(page);
    assert.deepEqual(await tabs(page, ['Tab', 'Tab']), ['popup button Speichern', 'popup button Bekannt']);
    await page.keyboard.press('Escape');
    assert.equal(await focused(page), 'term');
    assert.equal(await page.locator('#glossa-popup').isVisible(), false);
    assert.equal(await term.getAttribute('aria-describedby'), null);
    // Closed, Tab passes over it as if it were not there.
    assert.deepEqual(await tabs(page, ['Tab']), ['after the term']);
    await assertClean('Escape', page, log);
    await context.close();
  });

  it('in English, the buttons are named in English and come in the same order', async () => {
    const context = await newContext(env.browser);
    const { page, log } = await open(context, fileUrl(env.site, 'index.html'));
    await page.locator('#ui-switch').click();
    await focusTerm(page);
    assert.deepEqual(await tabs(page, ['Tab', 'Tab', 'Tab']),
        ['popup button Save', 'popup button Known', 'after the term']);
    await assertClean('English', page, log);
    await context.close();
  });
});
