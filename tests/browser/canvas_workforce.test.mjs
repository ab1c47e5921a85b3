// Browser test of the canvas app's Workforce tab (the Dear ImGui web build) in headless
// Chromium: files uploaded, their columns taken as proposed, and a large import that goes on
// while the tab is hidden. A hidden tab draws no frames (requestAnimationFrame stops), and the
// app reads an import a slice per frame; app.js then steps it from tasks of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appState, hold, requireEnv, sleep, useWebFace, waitForState, watch } from './support.mjs';

const SHOTS = requireEnv('EQKIT_SCREENSHOTS');
const STEP = { files: 1, mapping: 2, importing: 3, report: 4 };

const face = useWebFace();
const { seen } = face;

// The files for either standard, in our own column names (so the mapping step proposes every
// column). The staff file is large (about 60 MB): many slices, so many frames, to read.
function writeFiles(standard) {
  const dir = mkdtempSync(join(tmpdir(), 'eqkit-canvas-wf-'));
  const group = standard === 'wres' ? 'ethnic_category' : 'disability';
  const value = (i) => (standard === 'wres' ? (i % 5 === 0 ? 'H' : 'A') : (i % 5 === 0 ? 'Yes' : 'No'));
  const staff = [`person_id,${group},afc_band,clinical,note`];
  for (let i = 0; i < 1000000; ++i) staff.push(`P${i},${value(i)},5,Y,${'x'.repeat(40)}`);
  const files = {
    staff: staff.join('\n') + '\n',
    recruitment: `${group},shortlisted,appointed\n${value(0)},200,60\n${value(1)},100,20\n`,
    board: `${group},voting\n${value(1)},Y\n${value(0)},Y\n`,
  };
  files[standard === 'wres' ? 'disciplinary' : 'capability'] = 'person_id\nP0\nP1\n';
  if (standard === 'wres') files.training = 'person_id,accessed_non_mandatory\nP0,Y\nP1,N\n';
  for (const [role, text] of Object.entries(files)) writeFileSync(join(dir, `${role}.csv`), text);
  return { dir, roles: Object.keys(files) };
}

test('a large import goes on while the tab is hidden and draws no frames', async () => {
  const context = await face.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await watch(page, seen);
  await page.goto(face.server.url + 'app.html');
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  await page.focus('#canvas');
  await hold(page, 'Control+3');
  await waitForState(page, (s) => s.section === 2, 'the Workforce tab');
  // The keyboard starts on the first standard's button.
  await hold(page, 'Space');
  let state = await waitForState(page, (s) => s.workforce.step === STEP.files, 'the files step');
  const standard = state.workforce.standard;
  const { dir, roles } = writeFiles(standard);
  for (const role of roles) {
    await page.evaluate((purpose) => {
      document.getElementById('eqkit-upload').dataset.purpose = purpose;
    }, `workforce:${role}`);
    await page.setInputFiles('#eqkit-upload', join(dir, `${role}.csv`));
    await waitForState(page, (s) => s.workforce.files.includes(role), `the ${role} file`, 30000);
  }
  // Down past each file's button to "Continue to the columns".
  for (let i = 0; i < roles.length; ++i) await hold(page, 'ArrowDown');
  await hold(page, 'Space');
  await waitForState(page, (s) => s.workforce.step === STEP.mapping, 'the mapping step');
  // Every column was proposed; down to the last button, "Import the files".
  for (let i = 0; i < 40; ++i) await page.keyboard.press('ArrowDown');
  await sleep(300);
  await hold(page, 'Space');
  await waitForState(page, (s) => s.workforce.step === STEP.importing, 'the import under way');

  // The tab is hidden: the browser stops animation frames (here: they are held back).
  const before = await page.evaluate(() => {
    window.heldFrames = [];
    window.realFrame = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => window.heldFrames.push(callback);
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    return JSON.parse(window.Module.UTF8ToString(
      window.Module.ccall('eqkit_state_json', 'number', ['number'], [window.Module.eqkitContext])));
  });
  assert.equal(before.workforce.step, STEP.importing, 'still importing when hidden');
  assert.ok(before.workforce.progress < 0.5, `only part read when hidden (${before.workforce.progress})`);
  state = await waitForState(page, (s) => s.workforce.step === STEP.report,
                             'the import to finish while hidden', 120000);
  assert.deepEqual(state.workforce.problems, []);
  assert.ok(state.workforce.counts, 'the files were read to the end');
  assert.ok(await page.evaluate(() => window.heldFrames.length <= 1), 'no frame was drawn');

  // Visible again: frames resume, and the report is drawn.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    window.requestAnimationFrame = window.realFrame;
    for (const frame of window.heldFrames) window.requestAnimationFrame(frame);
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await sleep(500);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-workforce-report.png') });
  assert.equal((await appState(page)).workforce.step, STEP.report);
  await context.close();
});

test('the console had no errors', () => {
  assert.deepEqual(seen.errors, []);
});
