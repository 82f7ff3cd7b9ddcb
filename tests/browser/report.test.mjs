// The report's figures and the site's NOTICE.txt in headless Chromium, from
// disk (file://): a figure the text edition has no image of says so in the
// reader's language, and NOTICE.txt opens as text.
//
//   GLOSSA_BIN=build/default/glossa node --test tests/browser/report.test.mjs

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import {
  ARTIFACTS, assertClean, fileUrl, newContext, open, siteAndBrowser,
} from './harness.mjs';

const TEST_TIMEOUT = { timeout: 30000 };
const env = siteAndBrowser();

// What a reader sees in figure `id`, line by line.
const seen = (page, id) => page.locator(`figure#${id}`).evaluate(
    (figure) => figure.innerText.split('\n').map((line) => line.trim()).filter(Boolean));

test('figures 1 and 5 say in words, in either language, that the text edition lacks them',
    TEST_TIMEOUT, async () => {
  const context = await newContext(env.browser);
  const { page, log } = await open(context, fileUrl(env.site, 'index.html#fig1'));
  assert.deepEqual(await seen(page, 'fig1'), [
    'Abbildung 1',
    'Abbildung 1 ist im Textauszug nicht enthalten; siehe die PDF-Fassung des Berichts, S. 5.',
  ]);
  assert.deepEqual(await seen(page, 'fig5'), [
    'Abbildung 5',
    'Abbildung 5 ist im Textauszug nicht enthalten; siehe die PDF-Fassung des Berichts, S. 13.',
  ]);
  await page.locator('figure#fig1').screenshot({ path: path.join(ARTIFACTS, 'figure-1-de.png') });
  await page.locator('#ui-switch').click();
  assert.deepEqual(await seen(page, 'fig1'), [
    'Abbildung 1', "Figure 1 is not in the text edition; see the report's PDF, p. 5.",
  ]);
  await page.locator('figure#fig1').screenshot({ path: path.join(ARTIFACTS, 'figure-1-en.png') });
  await assertClean('index.html', page, log);
  await context.close();
});

test('NOTICE.txt opens from disk as text', TEST_TIMEOUT, async () => {
  const context = await newContext(env.browser);
  const { page } = await open(context, fileUrl(env.site, 'NOTICE.txt'));
  const text = await page.evaluate(() => document.body.innerText);
  assert.equal(text.split('\n')[0], "glossa's built-in data");
  await context.close();
});
