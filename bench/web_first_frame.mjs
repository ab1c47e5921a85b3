// Measures each web page's payload (every response body, raw and gzip -9) and its time to first
// frame in headless Chromium: median of RUNS fresh loads, from navigation start until the page
// sets its ready flag after drawing its first frame.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.RUNS || 7);
const pages = JSON.parse(process.argv[2]);  // [{name, url, ready}]

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         '--enable-unsafe-swiftshader'],
});

async function loadOnce({ url, ready }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', async (r) => { try { bodies.push(await r.body()); } catch { /* redirects */ } });
  await page.goto(url);
  await page.waitForFunction((flag) => window[flag] === true, ready, { polling: 'raf', timeout: 60000 });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  const raw = bodies.reduce((n, b) => n + b.length, 0);
  const gzip = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  return { ms, raw, gzip };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (const p of pages) await loadOnce(p);            // warm the OS file cache once
for (const p of pages) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(p));
  results.push({ name: p.name, ms: median(runs.map((r) => r.ms)), raw: runs[0].raw, gzip: runs[0].gzip });
}
await browser.close();

const base = results[0];
const kib = (n) => (n / 1024).toFixed(0).padStart(6) + ' KiB';
console.log(`page${' '.repeat(26)}payload raw     gzip     first frame   (ratios against ${base.name})`);
for (const r of results) {
  console.log(`${r.name.padEnd(30)}${kib(r.raw)} ${kib(r.gzip)} ${r.ms.toFixed(0).padStart(7)} ms` +
              `   raw ×${(r.raw / base.raw).toFixed(2)}  gzip ×${(r.gzip / base.gzip).toFixed(2)}` +
              `  time ×${(r.ms / base.ms).toFixed(2)}`);
}
