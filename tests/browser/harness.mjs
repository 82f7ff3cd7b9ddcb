// Shared machinery for the browser tests of `glossa site`: building sites,
// one headless Chromium, pages that record what a user would not want to
// see (console errors, uncaught exceptions, dialogs, requests to the
// network), a tiny static HTTP server, and the data the site embeds.
//
// Environment:
//   GLOSSA_BIN        the glossa binary (required)
//   GLOSSA_ARTIFACTS  where screenshots go (default: $TMPDIR/glossa-screenshots)
//   GLOSSA_CHROMIUM   the browser (default: /usr/bin/chromium)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { after, before } from 'node:test';

import { chromium } from 'playwright-core';

export const GLOSSA_BIN = process.env.GLOSSA_BIN;
if (!GLOSSA_BIN) {
  throw new Error(
      'GLOSSA_BIN is not set: run these tests as ' +
      '`GLOSSA_BIN=/path/to/glossa node --test tests/browser/` (ctest sets it)');
}
if (!fs.existsSync(GLOSSA_BIN)) {
  throw new Error(`GLOSSA_BIN=${GLOSSA_BIN}: no such file`);
}

export const ARTIFACTS = process.env.GLOSSA_ARTIFACTS ||
    path.join(os.tmpdir(), 'glossa-screenshots');

const CHROMIUM = process.env.GLOSSA_CHROMIUM || '/usr/bin/chromium';

// Short timeouts: every wait in these tests is for something that happens
// at once in a working site, and a failure should not cost half a minute.
export const TIMEOUT = 5000;

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-background-networking',
      '--disable-component-update', '--no-first-run',
      '--disable-default-apps', '--disable-sync',
    ],
  });
}

// Runs glossa; returns stdout, or throws with its stderr.
export function glossa(args) {
  try {
    return execFileSync(GLOSSA_BIN, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    throw new Error(
        `${GLOSSA_BIN} ${args.join(' ')} failed (exit ${error.status}):\n` +
        `${error.stderr || error.message}`);
  }
}

// Builds a site into a fresh temporary folder and returns its path; with
// `translation` (an XLIFF file), the site has translation.html. `dicts`
// names the general dictionaries it carries (`--dict`, e.g. ['cedict',
// 'ding'], which must be installed); without, none (`--dict none`), so
// that a test sees the same site wherever it runs.
export function buildSite({ glossary, translation, dicts } = {}) {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-site-test-'));
  const out = path.join(parent, 'site');
  glossa([
    ...(glossary ? ['--glossary', glossary] : []),
    ...(dicts ?? ['none']).flatMap((name) => ['--dict', name]), 'site',
    ...(translation ? ['--translation', translation] : []), '-o', out,
  ]);
  return out;
}

export function removeSite(dir) {
  if (dir) fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

// The set-up most test files share, as before/after hooks of the calling
// file (or describe): a site built with buildSite(options), one browser,
// and the folder for screenshots; the site and browser go afterwards.
// Returns { site, browser }, filled in once the hooks have run.
export function siteAndBrowser(options) {
  const shared = { site: null, browser: null };
  before(async () => {
    shared.site = buildSite(options);
    shared.browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await shared.browser?.close();
    removeSite(shared.site);
  });
  return shared;
}

export function fileUrl(dir, relative) {
  const [file, hash] = relative.split('#');
  return pathToFileURL(path.join(dir, file)).href + (hash ? '#' + hash : '');
}

// window.GLOSSA_DATA as assets/data.js defines it.
export function readSiteData(dir) {
  const source = fs.readFileSync(path.join(dir, 'assets', 'data.js'), 'utf8');
  const sandbox = { window: {} };
  vm.runInNewContext(source, sandbox);
  if (!sandbox.window.GLOSSA_DATA) {
    throw new Error(`${dir}/assets/data.js does not define window.GLOSSA_DATA`);
  }
  // Into this realm's objects, so that assert.deepStrictEqual compares them.
  return JSON.parse(JSON.stringify(sandbox.window.GLOSSA_DATA));
}

// Records, for one page, everything that should not happen.
//   errors:     console.error messages and uncaught exceptions
//   requests:   any request to something other than the allowed origins
//   failed:     requests that failed (a missing asset), except aborted ones
//   dialogs:    alert/confirm/prompt (dismissed at once)
// log.clear() empties them (before the next page in the same tab).
//
// Over HTTP, Chromium asks for /favicon.ico on its own (the site names no
// icon); the 404 of a plain static server for it is not counted.
export function watch(page, { allowed = ['file:'] } = {}) {
  const log = { errors: [], requests: [], failed: [], dialogs: [] };
  Object.defineProperty(log, 'clear', {
    value: () => { for (const list of Object.values(log)) list.length = 0; },
  });
  const isAllowed = (url) =>
    url.startsWith('data:') || url.startsWith('about:') ||
    allowed.some((prefix) => url.startsWith(prefix));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location();
      if (/^https?:.*\/favicon\.ico$/.test(where?.url ?? '') &&
          /status of 404/.test(message.text())) {
        return;
      }
      log.errors.push(`console.error: ${message.text()}` +
          (where?.url ? ` (${where.url}:${where.lineNumber})` : ''));
    }
  });
  page.on('pageerror', (error) => log.errors.push(`uncaught: ${error.stack || error}`));
  page.on('request', (request) => {
    if (!isAllowed(request.url())) log.requests.push(request.url());
  });
  page.on('websocket', (socket) => log.requests.push(socket.url()));
  page.on('requestfailed', (request) => {
    if (/^https?:.*\/favicon\.ico$/.test(request.url())) return;
    const failure = request.failure()?.errorText || '';
    if (!failure.includes('ERR_ABORTED')) {
      log.failed.push(`${request.url()}: ${failure}`);
    }
  });
  page.on('dialog', (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return log;
}

// A new browser context with short timeouts, recording CSP violations in
// window.__cspViolations of every page.
export async function newContext(browser, options = {}) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(2 * TIMEOUT);
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(
          `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}` +
          ` (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return context;
}

// Fails when the page (after load) had anything a user should not see
// happen: console errors, uncaught exceptions, Content-Security-Policy
// violations (newContext records them), requests, failed loads, dialogs.
export async function assertClean(where, page, log) {
  const csp = await page.evaluate(() => window.__cspViolations ?? []);
  assert.deepEqual(log.errors, [], `${where}: console errors or uncaught exceptions`);
  assert.deepEqual(csp, [], `${where}: Content-Security-Policy violations`);
  assert.deepEqual(log.requests, [], `${where}: requests to the network`);
  assert.deepEqual(log.failed, [], `${where}: failed requests`);
  assert.deepEqual(log.dialogs, [], `${where}: dialogs`);
}

// '' when the page fits the width of the window, else how wide it is.
// With isMobile, Chromium widens window.innerWidth to the content when it
// overflows (the layout viewport stays put), so the window's width is taken
// from the root element's clientWidth as well.
export function hasHorizontalScroll(page) {
  return page.evaluate(() => {
    const width = document.scrollingElement.scrollWidth;
    const window_ = Math.min(window.innerWidth, document.documentElement.clientWidth);
    return width > window_ + 1 ? `${width}px wide in a ${window_}px window` : '';
  });
}

// Opens url in a new page of context; returns { page, log }.
export async function open(context, url, watchOptions) {
  const page = await context.newPage();
  const log = watch(page, watchOptions);
  await page.goto(url);
  return { page, log };
}

// Loads url in an open page, with its log emptied first.
export async function visit({ page, log }, url) {
  log.clear();
  await page.goto(url);
  return { page, log };
}

// Serves dir on 127.0.0.1 at a random port. Returns { url, close }.
export async function serve(dir) {
  const types = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
    '.json': 'application/json',
  };
  const root = path.resolve(dir);
  const server = http.createServer((request, response) => {
    let file;
    try {
      const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      file = path.join(root, pathname.endsWith('/') ? pathname + 'index.html' : pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) ||
        !fs.statSync(file).isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': types[path.extname(file)] || 'application/octet-stream',
    });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(resolve);
    }),
  };
}

// Whitespace collapsed and trimmed, as a reader sees text.
export function squash(text) {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

// Whether two DOMRect-like boxes {x, y, width, height} share any area.
export function intersects(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width &&
         a.y < b.y + b.height && b.y < a.y + a.height;
}

// Width and height of a PNG file, from its IHDR chunk.
export function pngSize(file) {
  const bytes = fs.readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature) {
    throw new Error(`${file} is not a PNG file`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length };
}
