// The web build's WRES import timed where it runs: in Chromium (the browser the browser tests use,
// through playwright-core), from a page served over HTTP on 127.0.0.1, as a user's page would
// load it. bench/wres_bench.sh builds the page (wres_import_time compiled by em++ with the
// files preloaded) and calls this.
//   node wres_web_time.mjs PAGE_DIR ROUNDS LOADS
// For each of LOADS fresh pages prints "cold warm": round 0's milliseconds (the engine is
// still compiling the code) and the best of the later rounds (a second import in the same page).
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

const [dir, rounds = '5', loads = '3'] = process.argv.slice(2);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const name = new URL(req.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html';
  if (name.includes('..')) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': types[extname(name)] ?? 'application/octet-stream' });
  createReadStream(join(dir, name)).on('error', () => res.end()).pipe(res);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/index.html?rounds=${rounds}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
try {
  for (let i = 0; i < Number(loads); i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.finished, null, { timeout: 300000 });
    const lines = await page.evaluate(() => window.lines);
    const ms = lines.map((line) => Number(/: ([\d.]+) ms/.exec(line)?.[1]));
    if (ms.length !== Number(rounds) || ms.some(Number.isNaN)) throw new Error(lines.join('\n'));
    console.log(ms[0], Math.min(...ms.slice(1)));
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
