// The web build's WRES import timed as a user meets it: the accessible face as built (its page,
// its scripts, eqkit-core.wasm), served over HTTP on 127.0.0.1 and opened in a fresh browser
// context of Chromium (the browser the browser tests use, through playwright-core), so nothing
// is compiled or cached from an earlier page. bench/wres_bench.sh calls it.
//   node wres_web_time.mjs WEB_ROOT DATA_DIR LOADS [THINK_MS]
// For each of LOADS fresh pages: waits until the page is usable, waits THINK_MS more (default
// 2000; a person choosing the standard, picking five files and matching their columns takes far
// longer), then goes through the workforce pages as a user does: WRES, the files of DATA_DIR,
// THINK_MS on the columns as proposed, "Import the files". The time is from the import page
// opening to the import report opening: the files' bytes (read by the page while the columns
// were shown, or read now if that is not done) through the core, with the page's progress bar.
// Then three more imports in the same page (back to the columns, "Import the files" again).
// Prints per page "first later idle" in milliseconds: the first import, the best later one, and
// when the page's idle-time warm-up had finished (ms after the page was usable; -1 if it had
// not, or did not run).
// With EQKIT_NO_WARM_UP=1 the page gets no idle callbacks, so the warm-up never runs: the
// first import as it was before the warm-up, for comparison.
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const [root, data, loads = '3', think = '2000'] = process.argv.slice(2);
const ROLES = ['staff', 'recruitment', 'disciplinary', 'training', 'board'];
const LATER = 3;
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript',
                '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };
const server = createServer((req, res) => {
  const name = normalize(new URL(req.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
  if (name.startsWith('..')) return res.writeHead(404).end();
  const file = createReadStream(join(root, name));
  file.on('error', () => res.writeHead(404).end());
  file.on('open', () => {
    res.writeHead(200, { 'Content-Type': types[extname(name)] ?? 'application/octet-stream' });
    file.pipe(res);
  });
  return undefined;
});

// Before the page's own scripts: notes when each workforce page opens (this listener is
// registered before the page's, so it runs before the page draws) and when the idle callbacks
// (the warm-up's) last ran; or, for the comparison, takes idle callbacks away.
function observe(noWarmUp) {
  window.wfTimes = [];
  addEventListener('hashchange', () => window.wfTimes.push([location.hash, performance.now()]));
  window.lastIdle = -1;
  if (noWarmUp) {
    window.requestIdleCallback = () => 0;
    return;
  }
  const idle = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (run, options) => idle((deadline) => {
    run(deadline);
    window.lastIdle = performance.now();
  }, options);
}

async function importOnce(page, begin) {
  await page.evaluate(() => { window.wfTimes.length = 0; });
  await begin();
  await page.waitForFunction(() => location.hash === '#/workforce/report', null,
                             { timeout: 300000 });
  const times = await page.evaluate(() => window.wfTimes);
  const at = (hash) => times.find(([h]) => h === hash)?.[1];
  const problem = await page.$('.nhsuk-error-summary');
  if (problem) throw new Error(`the import failed: ${await problem.innerText()}`);
  return at('#/workforce/report') - at('#/workforce/import');
}

async function onePage(browser, url, noWarmUp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (err) => { throw err; });
  await page.addInitScript(observe, noWarmUp);
  await page.goto(url);
  await page.waitForFunction(() => window.eqkit_accessible_ready === true, null, { timeout: 60000 });
  const ready = await page.evaluate(() => performance.now());
  await page.waitForTimeout(Number(think));
  const idle = await page.evaluate(() => window.lastIdle);
  await page.evaluate(() => { location.hash = '#/workforce'; });
  await page.check('input[name="standard"][value="wres"]');
  await page.click('#wf-choose button[type="submit"]');
  await page.waitForSelector('#wf-files');
  for (const role of ROLES) await page.setInputFiles(`#file-${role}`, join(data, `${role}.csv`));
  await page.click('#wf-files button[type="submit"]');
  await page.waitForSelector('#wf-columns');
  await page.waitForTimeout(Number(think));  // checking the proposed columns
  const importAgain = () => page.click('#wf-columns button[type="submit"]');
  const first = await importOnce(page, importAgain);
  let later = Infinity;
  for (let i = 0; i < LATER; ++i) {
    const again = await importOnce(page, async () => {
      await page.evaluate(() => { location.hash = '#/workforce/columns'; });
      await page.waitForSelector('#wf-columns');
      await importAgain();
    });
    later = Math.min(later, again);
  }
  await context.close();
  return [first, later, idle < 0 ? -1 : idle - ready];
}

await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/index.html`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
try {
  for (let i = 0; i < Number(loads); i++) {
    const [first, later, idle] = await onePage(browser, url, process.env.EQKIT_NO_WARM_UP === '1');
    console.log(first.toFixed(1), later.toFixed(1), idle.toFixed(0));
  }
} finally {
  await browser.close();
  server.close();
}
