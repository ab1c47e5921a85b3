// The WRES and WDES HTML reports, made by the real eqkit binary, in Debian's headless Chromium
// under axe-core with WCAG 2.2 AA rules (as tests/accessible does), plus what axe cannot see:
// each chart has a text alternative, and the numbers are also in tables.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, launchBrowser, requireEnv } from '../browser/support.mjs';

const EQKIT = requireEnv('EQKIT');
const PLUGINS = requireEnv('EQKIT_PLUGINS');
const DATA = requireEnv('EQKIT_WRES_DATA');
const SYNTH = requireEnv('EQKIT_WRES_SYNTH');
const OUT = requireEnv('EQKIT_REPORT_DIR');
mkdirSync(OUT, { recursive: true });

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// Runs eqkit STANDARD compute ARGS --html OUT/name.html and returns the page's HTML.
function report(name, standard, args, cwd = OUT) {
  const file = join(OUT, `${name}.html`);
  execFileSync(EQKIT, ['--plugins', PLUGINS, standard, 'compute', ...args, '--html', file],
               { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  return readFileSync(file, 'utf8');
}

async function check(name, html) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url()); });
  await page.setContent(html);
  const violations = await axe(page, name);
  assert.deepEqual(violations, [], `${name}: axe-core found WCAG 2.2 AA violations`);
  // Every chart is an image with a name and a description a screen reader reads out.
  const charts = await page.$$eval('svg', (svgs) => svgs.map((s) => ({
    role: s.getAttribute('role'),
    title: s.querySelector('title')?.textContent ?? '',
    desc: s.querySelector('desc')?.textContent ?? '',
    labelled: (s.getAttribute('aria-labelledby') ?? '').split(' ').every((id) => document.getElementById(id)),
  })));
  assert.ok(charts.length > 0, `${name}: has charts`);
  for (const c of charts) {
    assert.equal(c.role, 'img');
    assert.ok(c.title.length > 0 && c.desc.includes('table'), `${name}: chart text alternative`);
    assert.ok(c.labelled, `${name}: aria-labelledby points at the title and description`);
  }
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.$$eval('table', (ts) => ts.filter((t) => !t.querySelector('caption')).length), 0);
  const text = await page.textContent('body');
  assert.match(text, /UNCONFIRMED:/, `${name}: unconfirmed facts are marked in words`);
  assert.match(text, /log method \(Katz\)/);
  assert.deepEqual(requests, [], `${name}: the report loads nothing`);
  // 320 CSS pixels wide (WCAG reflow): the page itself does not scroll sideways.
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 320, `${name}: reflows at 320px (page is ${wide}px wide)`);
  await page.close();
}

test('WRES from counts, suppressed, with last year', async () => {
  await check('wres-counts', report('wres-counts', 'wres', [
    '--counts', join(DATA, 'issue_counts.json'), '--previous', join(DATA, 'previous_counts.json')]));
});

test('WRES from counts, suppression off', async () => {
  const html = report('wres-open', 'wres', ['--counts', join(DATA, 'issue_counts.json'), '--suppress-below', '0']);
  assert.match(html, /Disclosure control is off/);
  await check('wres-open', html);
});

test('WRES from synthetic CSV files, every band row', async () => {
  const dir = join(OUT, 'synth');
  execFileSync(SYNTH, [dir, '3000', '3', '--local'], { stdio: 'ignore' });
  await check('wres-csv', report('wres-csv', 'wres', [
    '--staff', 'staff.csv', '--recruitment', 'recruitment.csv', '--disciplinary', 'disciplinary.csv',
    '--training', 'training.csv', '--board', 'board.csv', '--survey', 'survey.csv',
    '--mapping', 'mapping.json', '--year', '2024-25'], dir));
});

test('WDES from counts', async () => {
  await check('wdes-counts', report('wdes-counts', 'wdes', ['--counts', join(DATA, 'wdes_counts.json')]));
});
