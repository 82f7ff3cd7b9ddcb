// axe-core (from npm, pinned in package-lock.json) on the site in headless
// Chromium: the report, the glossary, an entry page, the report with a
// term's popup open and with search results open, each in light and dark
// mode, on a wide screen and on a phone; and, on a site with CC-CEDICT, an
// entry page and a popup with their characters' lines and listen buttons.
//
// The pages forbid inline scripts (their Content-Security-Policy), so the
// context bypasses the policy and axe is added as a file after the page
// has loaded.
//
// Goal: no violation. KNOWN lists, exactly, the violations left in parts
// this test's owner could not change (the popup, the search results, the
// entry pages); the test fails when one of them is fixed as well as when a
// new one appears, so that the list stays true.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/a11y.test.mjs

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRequire } from 'node:module';

import {
  ARTIFACTS, buildSite, fileUrl, newContext, open, removeSite, siteAndBrowser,
} from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TEST_TIMEOUT = { timeout: 60000 };
const it = (name, fn) => test(name, TEST_TIMEOUT, fn);

// The violations left in other parts than navigation's, by check (name and
// colour scheme): [rule, the part they stand in (a selector)]. Each must
// still be found, and every violation found must be one of them.
//   popup.css sets the popup's background to #fff (not var(--surface)), so
//   in dark mode its text, light on white, fails color-contrast;
//   base.css's .search-results rules do the same for the result list.
const KNOWN = {};

const env = siteAndBrowser();
// The site with CC-CEDICT, when it is installed (else its pages are skipped).
const cedict = { site: null, skip: false };
before(() => {
  try {
    cedict.site = buildSite({ dicts: ['cedict'] });
  } catch (error) {
    if (!/no dictionary '\w+' installed/.test(error.message)) throw error;
    cedict.skip = 'CC-CEDICT is not installed (scripts/install-deps)';
  }
});
after(() => removeSite(cedict.site));
const report = [];  // what each check found, written to $GLOSSA_ARTIFACTS

after(() => {
  fs.writeFileSync(path.join(ARTIFACTS, 'axe.txt'), report.join('\n') + '\n');
});

// Runs axe on the page as it stands; returns ["rule: target (part)", ...],
// part: the first of `parts` the element stands in, if any.
async function axe(page, parts) {
  if (!await page.evaluate(() => Boolean(window.axe))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (parts) => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.flatMap((violation) => violation.nodes.map((node) => {
      const element = document.querySelector(node.target[0]);
      const part = parts.find((selector) => element?.closest(selector));
      return `${violation.id}: ${node.target.join(' ')}` + (part ? ` (${part})` : '');
    }));
  }, parts);
  return violations.sort();
}

const PAGES = [
  ['report', 'index.html', null],
  ['glossary', 'glossary.html', null],
  ['entry page', 'entries/zhengxin.html', null],
  ['popup', 'index.html', async (page) => {
    const term = page.locator('a.term[data-entry="xinxi-gudao"]').first();
    await term.scrollIntoViewIfNeeded();
    await term.focus();
    await page.locator('#glossa-popup').waitFor({ state: 'visible' });
  }],
  // Headless Chromium has no voice, so the listen buttons are shown by hand
  // (speech.test.mjs checks when they show themselves).
  ['entry page with the listen button', 'entries/xinyong.html', async (page) => {
    await page.locator('h1 button.listen').evaluate((button) => { button.hidden = false; });
  }],
  ['popup with the listen button', 'index.html', async (page) => {
    const term = page.locator('a.term[data-entry="xinyong"]').first();
    await term.scrollIntoViewIfNeeded();
    await term.focus();
    await page.locator('#glossa-popup').waitFor({ state: 'visible' });
    await page.locator('#glossa-popup button.listen').evaluate((button) => { button.hidden = false; });
  }],
  ['search results', 'index.html', async (page) => {
    await page.locator('#search').fill('xinyong');
    await page.locator('#search-results a').first().waitFor({ state: 'visible' });
  }],
  // On the site with CC-CEDICT: the characters' lines, and their buttons.
  ['entry page with its characters and their listen buttons', 'cedict:entries/zhengxin.html',
    async (page) => {
      await page.locator('button.listen').evaluateAll((buttons) => {
        for (const button of buttons) button.hidden = false;
      });
    }],
  ['popup with its characters and their listen buttons', 'cedict:index.html', async (page) => {
    const term = page.locator('a.term[data-entry="xinyong"]').first();
    await term.scrollIntoViewIfNeeded();
    await term.focus();
    await page.locator('#glossa-popup .popup-chars').waitFor({ state: 'visible' });
    await page.locator('#glossa-popup button.listen').evaluateAll((buttons) => {
      for (const button of buttons) button.hidden = false;
    });
  }],
];

for (const [viewport, size] of [['wide', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }]]) {
  for (const scheme of ['light', 'dark']) {
    describe(`axe-core, ${scheme}, ${viewport}`, () => {
      for (const [name, file, prepare] of PAGES) {
        it(`${name}: no violations`, async (t) => {
          const onCedict = file.startsWith('cedict:');
          if (onCedict && cedict.skip) return t.skip(cedict.skip);
          const context = await newContext(env.browser, {
            viewport: size, colorScheme: scheme, bypassCSP: true,
            ...(viewport === 'phone' ? { isMobile: true, hasTouch: true } : {}),
          });
          const { page } = await open(context, onCedict
            ? fileUrl(cedict.site, file.slice('cedict:'.length)) : fileUrl(env.site, file));
          if (prepare) await prepare(page);
          const known = KNOWN[`${name}, ${scheme}`] ?? [];
          const found = await axe(page, known.map(([, part]) => part));
          const check = `${name}, ${scheme}, ${viewport}`;
          report.push(`${check}: ${found.length} violations`, ...found.map((v) => `  ${v}`));
          const isKnown = (line) => known.some(([rule, part]) =>
            line.startsWith(rule + ': ') && line.endsWith(` (${part})`));
          assert.deepEqual(found.filter((line) => !isKnown(line)), [], `${check}: new violations`);
          for (const [rule, part] of known) {
            assert.ok(found.some((line) => line.startsWith(rule + ': ') && line.endsWith(` (${part})`)),
                `${check}: ${rule} in ${part} is fixed; take it off KNOWN`);
          }
          await context.close();
        });
      }
    });
  }
}
