// Shared by the browser tests of both web faces: the real eqkit-server on a free port, Debian's
// Chromium through playwright-core, a record of every request and console error, axe-core
// with the WCAG 2.2 AA rule set, and the app's test hooks.
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export { sleep };

export function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (ctest sets it)`);
  return value;
}

// Starts the server with --port 0 and resolves with its URL, read from its first line.
export async function startServer(binary, root) {
  if (!existsSync(join(root, 'app.html')) || !existsSync(join(root, 'eqkit.wasm'))) {
    throw new Error(`${root}: the web build is missing (build it: cmake --preset wasm && ` +
                    'cmake --build build-wasm)');
  }
  if (!existsSync(binary)) throw new Error(`${binary}: eqkit-server is not built`);
  const child = spawn(binary, ['--port', '0', '--root', root, '--quiet'],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`eqkit-server exited with ${code}`)));
    lines.once('line', (line) => {
      const match = line.match(/^EqualityKit is serving at (http:\/\/127\.0\.0\.1:\d+\/)$/);
      if (match) resolve(match[1]);
      else reject(new Error(`unexpected first line from eqkit-server: ${line}`));
    });
  });
  return { url, origin: url.replace(/\/$/, ''), stop: () => child.kill('SIGTERM') };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--enable-unsafe-swiftshader'],
  });
}

// Routes every request through a recorder (so none can slip past), and records console errors.
export async function watch(page, seen) {
  await page.route('**/*', (route) => {
    seen.requests.push(route.request().url());
    return route.continue();
  });
  page.on('console', (msg) => { if (msg.type() === 'error') seen.errors.push(msg.text()); });
  page.on('pageerror', (err) => seen.errors.push(err.message));
}

// Runs axe-core on the page; prints what it could not decide, returns the violations.
export async function axe(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(axeSource);  // through DevTools, so the page's CSP still holds for it
  }
  // target-size (WCAG 2.2 2.5.8) is off by default in axe-core; the project requires it.
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    rules: { 'target-size': { enabled: true } },
  }), AXE_TAGS);
  for (const item of result.incomplete) {
    console.log(`# axe incomplete on ${label}: ${item.id} (${item.nodes.length} nodes): ` +
                item.help);
  }
  return result.violations.map((v) => `${label}: ${v.id}: ${v.help}: ` +
    v.nodes.map((n) => n.target.join(' ')).join(', '));
}

// The app's state as its test hook reports it (answers, what is open, problems).
export function appState(page) {
  return page.evaluate(() => JSON.parse(
    window.Module.ccall('eqkit_state_json', 'string', ['number'], [window.Module.eqkitContext])));
}

export async function waitForState(page, predicate, what, timeout = 10000) {
  const deadline = Date.now() + timeout;
  let state;
  while (Date.now() < deadline) {
    state = await appState(page);
    if (predicate(state)) return state;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify(state)}`);
}

// Dear ImGui 1.86 samples keys once a frame, so a key is held across a few frames.
// Chords such as "Control+s" hold the modifiers around the key.
export async function hold(page, chord) {
  const keys = chord.split('+');
  for (const key of keys) await page.keyboard.down(key);
  await sleep(120);
  for (const key of keys.reverse()) await page.keyboard.up(key);
  await sleep(120);
}

// Waits until no IndexedDB sync is running or queued.
export function waitForStorage(page) {
  return page.waitForFunction(() => {
    const sync = window.Module.eqkitSync;
    return sync !== undefined && !sync.running && sync.done > 0;
  });
}

// Mean and standard deviation of the grey levels of a PNG, computed in a blank page.
export async function greyStats(browser, png) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (b64) => {
      const image = new Image();
      image.src = 'data:image/png;base64,' + b64;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let sum = 0;
      let squares = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const grey = (data[i] + data[i + 1] + data[i + 2]) / 3;
        sum += grey;
        squares += grey * grey;
      }
      const mean = sum / n;
      return { mean, sd: Math.sqrt(squares / n - mean * mean) };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

// The accessible face has drawn a page: the keyboard focus is on its heading or error summary.
export async function settled(page) {
  await page.waitForFunction(() => document.activeElement &&
    (document.activeElement.id === 'page-heading' ||
     document.activeElement.closest('.nhsuk-error-summary')));
}

// Opens a hash route of the accessible face and waits for it (the same hash again would not
// re-render, so it leaves it first).
export async function visit(page, origin, hash) {
  if (page.url().endsWith(hash)) await page.goto(origin + '#/');
  await page.goto(origin + hash);
  await settled(page);
}

// An AIS assessment made with the 2016 version, which the web builds keep as an earlier version:
// what the migration tests of both faces carry across.
export const AIS_2016 = {
  format: 'eqkit-assessment/1', framework: { id: 'ais', version: '2016' },
  answers: [{ item: '1', score: 2, narrative: 'Asked at registration' },
            { item: 'G1', score: 1 }],
};

// One server and one browser for a test file's tests: started before them, closed after, then
// every request any page made is checked to have stayed on the page's origin. Pages record
// into `face.seen` through watch(page, face.seen).
export function useWebFace() {
  const serverBinary = requireEnv('EQKIT_SERVER');
  const root = requireEnv('EQKIT_WEB_ROOT');
  const face = { seen: { requests: [], errors: [] } };
  before(async () => {
    face.server = await startServer(serverBinary, root);
    face.browser = await launchBrowser();
  });
  after(async () => {
    await face.browser?.close();
    face.server?.stop();
    const away = face.seen.requests.filter((url) => !url.startsWith(face.server.origin + '/'));
    assert.deepEqual(away, [], 'no request may leave the page origin');
  });
  face.visit = (page, hash) => visit(page, face.server.url, hash);
  // A new browser context on the accessible face's first page, once the core is ready.
  face.openAccessible = async (viewport) => {
    const context = await face.browser.newContext({ viewport });
    const page = await context.newPage();
    await watch(page, face.seen);
    await page.goto(face.server.url);
    await page.waitForFunction(() => window.eqkit_accessible_ready === true);
    return { context, page };
  };
  return face;
}

// For the tests of exported files: the real eqkit binary (run in a temporary folder, removed
// afterwards) and a browser to open what it writes.
export function useCliExports(prefix) {
  const binary = requireEnv('EQKIT_CLI');
  const ctx = { plugins: requireEnv('EQKIT_PLUGINS') };
  ctx.eqkit = (...args) => execFileSync(binary, ['--plugins', ctx.plugins, ...args],
                                        { encoding: 'utf8', cwd: ctx.dir });
  before(async () => {
    ctx.browser = await launchBrowser();
    ctx.dir = mkdtempSync(join(tmpdir(), prefix));
  });
  after(async () => {
    await ctx.browser?.close();
    if (ctx.dir) rmSync(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}
