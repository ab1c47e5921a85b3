// Shared by the browser tests: the real eqkit-server on a free port, Debian's Chromium through
// playwright-core, a record of every request, and axe-core with WCAG 2.2 AA rules.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function requireEnv(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (ctest sets it)`);
  return value;
}

// Starts eqkit-server with --port 0 and resolves with its URL (from its first line of output).
export async function startServer(binary, root) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}: the web build is missing (build it with: cmake --preset wasm && cmake --build build-wasm)`);
  }
  const child = spawn(binary, ['--port', '0', '--root', root, '--quiet'],
                      { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`eqkit-server exited with ${code}`)));
    lines.once('line', (line) => {
      const match = line.match(/^EqualityKit is serving at (http:\/\/127\.0\.0\.1:\d+\/)$/);
      if (match) resolve(match[1]); else reject(new Error(`unexpected first line: ${line}`));
    });
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--enable-unsafe-swiftshader'],
  });
}

// Records every request the page makes, and every console error, for later assertions.
export function watch(page) {
  const seen = { requests: [], errors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (msg) => { if (msg.type() === 'error') seen.errors.push(msg.text()); });
  page.on('pageerror', (err) => seen.errors.push(err.message));
  return seen;
}

export function offOrigin(requests, origin) {
  return requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') &&
                                  !url.startsWith('data:'));
}

// Runs axe-core on the page; prints incomplete results, returns violations.
export async function axe(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.evaluate(axeSource);
  }
  const result = await page.evaluate(async (tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    rules: { 'target-size': { enabled: true } },
  }), AXE_TAGS);
  for (const item of result.incomplete) {
    console.log(`# axe incomplete on ${label}: ${item.id} (${item.nodes.length} nodes): ${item.help}`);
  }
  return result.violations.map((v) => `${label}: ${v.id}: ${v.help} – ` +
    v.nodes.map((n) => n.target.join(' ')).join(', '));
}
