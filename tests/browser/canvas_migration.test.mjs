// Browser test of the canvas app's migration review screen in the web build (the Dear ImGui
// canvas, real build and server, headless Chromium), driven by the keyboard as a user would:
// an AIS assessment made with the 2016 version, uploaded, shows what changed and what carrying
// it across gives; Space on "Carry it across" opens it with each carried answer marked "needs
// review"; F6, an arrow and Space confirm the first; what is left to review survives a reload.
// Screenshots go to $EQKIT_SCREENSHOTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AIS_2016, appState, hold, requireEnv, sleep, useWebFace, waitForState, waitForStorage,
         watch } from './support.mjs';

const SHOTS = requireEnv('EQKIT_SCREENSHOTS');
mkdirSync(SHOTS, { recursive: true });
const face = useWebFace();
const { seen } = face;

test('an assessment from an earlier version: what changed, carried across, reviewed by keyboard',
     async () => {
  const context = await face.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await watch(page, seen);
  await page.goto(face.server.url + 'app.html');
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  await sleep(300);
  await page.setInputFiles('#eqkit-upload', {
    name: 'ais-2016.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(AIS_2016)),
  });
  let state = await waitForState(page, (s) => s.migration !== null, 'the migration offer');
  assert.equal(state.open, false, 'nothing is opened before the user agrees');
  assert.deepEqual(state.problems, []);
  assert.equal(state.migration.from.version, '2016');
  assert.deepEqual(state.migration.added.map((i) => i.code), ['6', 'G3']);
  assert.deepEqual(state.migration.carried.map((c) => c.code), ['1', 'G1']);
  assert.deepEqual(state.migration.not_carried, []);
  await sleep(200);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-migration-offer.png') });

  // The screen starts the keyboard on "Carry it across": Space carries, nothing else needed.
  await page.focus('#canvas');
  await hold(page, 'Space');
  state = await waitForState(page, (s) => s.open, 'the carried assessment open');
  assert.equal(state.migration, null);
  assert.equal(state.framework, 'ais');
  assert.deepEqual(state.needs_review, ['1', 'G1']);
  assert.equal(state.selected, '1', 'the first answer to review is selected');
  assert.equal(state.answers['1'].narrative, 'Asked at registration');
  assert.equal(state.dirty, true, 'the 2016 file is not written over: Save asks where');
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-migration-carried.png') });

  // F6 moves to the item's editor; the arrow reaches "Confirm this answer"; Space confirms it.
  await hold(page, 'F6');
  await hold(page, 'ArrowDown');
  await hold(page, 'Space');
  state = await waitForState(page, (s) => s.needs_review.length === 1, 'item 1 confirmed');
  assert.deepEqual(state.needs_review, ['G1']);
  assert.equal(state.answers['1'].score, 2, 'confirming keeps the carried answer');

  // What is left to review survives a reload (IndexedDB).
  await waitForStorage(page);
  await page.reload();
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  state = await appState(page);
  assert.equal(state.open, true);
  assert.deepEqual(state.needs_review, ['G1']);
  assert.deepEqual(state.problems, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
