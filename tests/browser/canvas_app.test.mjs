// Browser tests of the canvas app (the Dear ImGui web build): the real build, served by the
// real eqkit-server, in Debian's headless Chromium. Screenshots go to $EQKIT_SCREENSHOTS.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appState, axe, greyStats, hold, launchBrowser, requireEnv, sleep, startServer,
         waitForState, waitForStorage, watch } from './support.mjs';

const SERVER = requireEnv('EQKIT_SERVER');
const WEB_ROOT = requireEnv('EQKIT_WEB_ROOT');
const SHOTS = requireEnv('EQKIT_SCREENSHOTS');
const CLI = requireEnv('EQKIT_CLI');
mkdirSync(SHOTS, { recursive: true });

let server;
let browser;
const seen = { requests: [], errors: [] };

before(async () => {
  server = await startServer(SERVER, WEB_ROOT);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

// A fresh profile (empty IndexedDB) with the app loaded and ready.
async function openApp(context) {
  const page = await context.newPage();
  await watch(page, seen);
  await page.goto(server.url + 'app.html');
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  await sleep(300);  // a few frames
  return page;
}

async function newContext() {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('the page is a strict-CSP shell: no inline script or style', () => {
  const html = readFileSync(join(WEB_ROOT, 'app.html'), 'utf8');
  assert.match(html, /<html lang="en-GB">/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every <script> has a src');
  assert.doesNotMatch(html, /<style|\sstyle=/, 'no inline styles');
  assert.match(html, /<noscript>/);
});

test('loads, says it is ready, and draws a non-blank canvas', async () => {
  const context = await newContext();
  const page = await openApp(context);
  assert.match(await page.title(), /^EqualityKit/);
  assert.match(await page.textContent('#status'), /Ready/);
  const state = await appState(page);
  assert.equal(state.open, false);
  assert.ok(state.font_pixels >= 18, 'text is at least 18 px');
  const png = await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-1-picker.png') });
  const { mean, sd } = await greyStats(browser, png);
  console.log(`# canvas grey mean ${mean.toFixed(1)}, sd ${sd.toFixed(1)}`);
  assert.ok(sd > 10, `the canvas looks blank (grey sd ${sd})`);
  await page.screenshot({ path: join(SHOTS, 'web-1-page.png') });
  await context.close();
});

test('keyboard: Enter starts EDS 2022, keys score items, and scores survive a reload', async () => {
  const context = await newContext();
  const page = await openApp(context);
  await page.focus('#canvas');
  await hold(page, 'Enter');
  let state = await waitForState(page, (s) => s.open, 'an open assessment');
  assert.equal(state.framework, 'eds2022');
  assert.equal(state.selected, '1A');
  await page.keyboard.press('2');
  await hold(page, 'ArrowDown');
  state = await waitForState(page, (s) => s.selected === '1B', 'item 1B selected');
  await page.keyboard.press('3');
  state = await waitForState(page, (s) => s.answers['1B']?.score === 3, '1B scored 3');
  assert.equal(state.answers['1A'].score, 2);
  assert.equal(state.dirty, true);
  assert.equal(await page.title(), 'EDS 2022 assessment – EqualityKit (unsaved changes)');
  await waitForStorage(page);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-2-assess.png') });

  await page.reload();
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  state = await appState(page);
  assert.equal(state.open, true, 'the assessment came back from IndexedDB');
  assert.equal(state.framework, 'eds2022');
  assert.equal(state.answers['1A'].score, 2);
  assert.equal(state.answers['1B'].score, 3);
  assert.equal(state.dirty, true, 'still not downloaded');
  assert.deepEqual(state.problems, []);

  // Tab leaves the canvas: no keyboard trap.
  await page.focus('#canvas');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'canvas');
  await context.close();
});

test('downloads: Ctrl+S saves a copy of the JSON; the menu downloads the HTML report', async () => {
  const context = await newContext();
  const page = await openApp(context);
  await page.focus('#canvas');
  await hold(page, 'Enter');
  await waitForState(page, (s) => s.open, 'an open assessment');
  await page.keyboard.press('1');
  await waitForState(page, (s) => s.answers['1A']?.score === 1, '1A scored 1');

  const json = await download(page, () => hold(page, 'Control+s'));
  assert.equal(json.name, 'eds2022-assessment.json');
  const saved = JSON.parse(json.text);
  assert.equal(saved.framework.id ?? saved.framework, 'eds2022');
  assert.match(json.text, /"1A"/);
  await waitForState(page, (s) => !s.dirty, 'saved (not dirty) after the download');

  // The menu by keyboard: Alt moves to the menu bar, Space opens File, Up wraps to its last
  // item, "Download HTML report".
  const report = await download(page, async () => {
    await hold(page, 'Alt');
    await hold(page, 'Space');
    await hold(page, 'ArrowUp');
    await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-3-file-menu.png') });
    await hold(page, 'Space');
  });
  assert.equal(report.name, 'eds2022-report.html');
  assert.match(report.text, /<html[^>]*lang="en-GB"/);
  writeFileSync(join(SHOTS, 'web-report.html'), report.text);

  // The report itself passes axe.
  const reportPage = await context.newPage();
  await reportPage.setContent(report.text);
  const violations = await axe(reportPage, 'HTML report');
  assert.deepEqual(violations, []);
  await reportPage.screenshot({ path: join(SHOTS, 'web-report.png'), fullPage: true });
  await context.close();
});

test('uploading an assessment file opens it', async () => {
  const context = await newContext();
  const page = await openApp(context);
  // Make a real FREDA file with the app itself, in a throwaway profile, then upload it here.
  const maker = await openApp(await newContext());
  await maker.focus('#canvas');
  await hold(maker, 'ArrowDown');
  await hold(maker, 'Enter');
  await waitForState(maker, (s) => s.open && s.framework === 'freda', 'FREDA open');
  await maker.keyboard.press('3');
  await waitForState(maker, (s) => s.answers.F?.score === 3, 'F scored 3');
  const made = await download(maker, () => hold(maker, 'Control+s'));
  await maker.context().close();

  await page.setInputFiles('#eqkit-upload', {
    name: 'freda-assessment.json', mimeType: 'application/json', buffer: Buffer.from(made.text),
  });
  const state = await waitForState(page, (s) => s.open, 'the uploaded assessment open');
  assert.equal(state.framework, 'freda');
  assert.equal(state.answers.F.score, 3);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-4-uploaded.png') });

  // Another upload would replace unsaved work, so the app asks first; Discard goes on. A file
  // that is not an assessment then becomes a problem in the app, not a crash.
  await page.setInputFiles('#eqkit-upload', {
    name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}'),
  });
  await waitForState(page, (s) => s.asking_to_save, '"Save changes?"');
  await sleep(200);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-5-save-changes.png') });
  await hold(page, 'ArrowRight');
  await hold(page, 'Space');
  await waitForState(page, (s) => s.problems.some((p) => p.startsWith('notes.json: ')),
                     'a problem naming notes.json');
  await context.close();
});

test('the evidence library tab opens a library in browser storage and takes an uploaded file',
     async () => {
  const context = await newContext();
  const page = await openApp(context);
  await page.focus('#canvas');
  await hold(page, 'Control+2');
  const state = await waitForState(page, (s) => s.section === 1, 'the evidence library tab');
  assert.equal(state.evidence.open, true, 'the library was made in /persist/workspace');
  assert.equal(state.evidence.evidence, 0);
  assert.deepEqual(state.problems, []);
  // What the "Add a file from this computer..." button asks the page for.
  await page.evaluate(() => { document.getElementById('eqkit-upload').dataset.purpose = 'evidence'; });
  await page.setInputFiles('#eqkit-upload', {
    name: 'policy 2024.txt', mimeType: 'text/plain', buffer: Buffer.from('Our equality policy.\n'),
  });
  await waitForState(page, (s) => s.evidence.form === true, 'the add-a-file form');
  await sleep(200);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-7-evidence.png') });
  assert.deepEqual((await appState(page)).problems, []);
  await context.close();
});

// An evaluator opens their own copy of a tender from the lead in the canvas (Ctrl+4, the file
// chooser), in a profile with no tender in its storage: the copy's bids only, scoring only.
test('the tender section opens an evaluator\'s copy chosen as a file, for scoring only', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eqkit-canvas-tender-'));
  const cli = (...args) => execFileSync(CLI, args, { cwd: dir });
  cli('tender', 'new', '--questions', 'tender_psr_access', '--out', 't', '--id', 'ward_7');
  cli('tender', 'evaluator', 'add', 't', 'Ann');
  cli('tender', 'publish', 't');
  for (const bidder of ['Acme', 'Beacon']) {
    writeFileSync(join(dir, `${bidder}.json`), JSON.stringify({
      format: 'eqkit-tender-responses/1', bidder,
      answers: [{ question: 'PSR4-ACCESS', text: `${bidder} meets people where they are.` }] }));
    cli('tender', 'bid', 'add', 't', '--bidder', bidder, '--responses', `${bidder}.json`);
  }
  cli('tender', 'coi', 't', '--evaluator', 'Ann', '--bidder', 'Beacon', '--declare', 'Former employee');
  cli('tender', 'evaluator-copy', 't', '--evaluator', 'Ann', '--out', 'ann-copy.json');
  const copy = readFileSync(join(dir, 'ann-copy.json'));
  rmSync(dir, { recursive: true, force: true });

  const context = await newContext();
  const page = await openApp(context);
  await page.focus('#canvas');
  await hold(page, 'Control+4');
  await waitForState(page, (s) => s.section === 3, 'the tender section');
  await page.evaluate(() => { document.getElementById('eqkit-upload').dataset.purpose = 'tender:copy'; });
  await page.setInputFiles('#eqkit-upload', {
    name: 'ann-copy.json', mimeType: 'application/json', buffer: copy,
  });
  const state = await waitForState(page, (s) => s.tender.overview?.mode === 'evaluator_copy',
                                   'the copy opened');
  assert.deepEqual(state.problems, []);
  assert.deepEqual(state.tender.problems, []);
  assert.equal(state.tender.page, 3, 'the scoring page');
  assert.deepEqual(state.tender.scoring.bidders.map((b) => b.name), ['Acme']);
  assert.equal(state.tender.scoring.evaluator, 'Ann');
  await sleep(200);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-8-tender-copy.png') });
  await context.close();
});

// A pack is checked a step at a time between frames (ui/jobs/stepped_job.hpp): the canvas keeps
// drawing its progress bar instead of freezing until the check is done. Counts frames, not time.
test('the canvas keeps drawing frames while it checks a large pack', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eqkit-canvas-pack-'));
  const cli = (...args) => execFileSync(CLI, args, { cwd: dir });
  cli('workspace', 'new', 'ws');
  writeFileSync(join(dir, 'photos.bin'), randomBytes(48 << 20));
  cli('evidence', 'add', 'ws', 'photos.bin', '--title', 'Photos', '--added-by', 'Jo Bloggs');
  cli('pack', 'export', 'ws', '--out', 'pack.zip');
  const pack = readFileSync(join(dir, 'pack.zip'));
  rmSync(dir, { recursive: true, force: true });

  const context = await newContext();
  const page = await openApp(context);
  await page.focus('#canvas');
  await hold(page, 'Control+2');
  await waitForState(page, (s) => s.section === 1, 'the evidence library tab');
  // Once a frame, alongside the app's own frames, note whether the check is still going on.
  await page.evaluate(() => {
    window.eqkitBusyFrames = 0;
    const tick = () => {
      const state = JSON.parse(window.Module.ccall('eqkit_state_json', 'string', ['number'],
                                                   [window.Module.eqkitContext]));
      if (state.evidence.busy) window.eqkitBusyFrames += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.evaluate(() => { document.getElementById('eqkit-upload').dataset.purpose = 'pack'; });
  await page.setInputFiles('#eqkit-upload', {
    name: 'evidence-pack.zip', mimeType: 'application/zip', buffer: pack,
  });
  const state = await waitForState(page, (s) => s.evidence.verified !== null, 'the check',
                                   120000);
  assert.equal(state.evidence.verified, true, state.evidence.outcome);
  const frames = await page.evaluate(() => window.eqkitBusyFrames);
  console.log(`# ${frames} frames drawn while checking a ${pack.length}-byte pack`);
  assert.ok(frames >= 3, `the canvas drew ${frames} frames during the check`);
  await context.close();
});

test('high contrast is a View setting kept for next time', async () => {
  const context = await newContext();
  const page = await openApp(context);
  await page.focus('#canvas');
  await hold(page, 'Enter');
  await waitForState(page, (s) => s.open, 'an open assessment');
  // View menu by keyboard: Alt, Right past Edit and Go to View, Space, Down (to High contrast),
  // Space.
  await hold(page, 'Alt');
  await hold(page, 'ArrowRight');
  await hold(page, 'ArrowRight');
  await hold(page, 'ArrowRight');
  await hold(page, 'Space');
  await hold(page, 'ArrowDown');
  await hold(page, 'Space');
  const state = await waitForState(page, (s) => s.high_contrast, 'high contrast on');
  assert.ok(state.font_pixels >= 18);
  await hold(page, 'Escape');
  await sleep(300);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-6-high-contrast.png') });
  // The setting is kept in this browser for next time.
  await waitForStorage(page);
  await page.reload();
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  assert.equal((await appState(page)).high_contrast, true);
  await context.close();
});

test('the page passes axe (WCAG 2.2 AA rules)', async () => {
  const context = await newContext();
  const page = await openApp(context);
  const violations = await axe(page, 'app.html');
  assert.deepEqual(violations, []);
  await context.close();
});

test('no request left the server origin, and the console had no errors', () => {
  assert.ok(seen.requests.length > 0);
  const off = seen.requests.filter((url) => !url.startsWith(server.origin + '/'));
  assert.deepEqual(off, [], 'every request goes to the server that served the page');
  assert.deepEqual(seen.errors, []);
});
