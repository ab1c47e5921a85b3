// Browser test of the canvas app's migration review screen in the web build (the Dear ImGui
// canvas, real build and server, headless Chromium), driven by the keyboard as a user would:
// an AIS assessment made with the 2016 version, uploaded, shows what changed and what carrying
// it across gives; Space on "Carry it across" opens it with each carried answer marked "needs
// review"; F6, an arrow and Space confirm the first; what is left to review survives a reload.
// The same assessment kept in the browser's storage from an earlier session is offered the same
// way at start-up, set aside unchanged until the user carries it across. Screenshots go to
// $EQKIT_SCREENSHOTS.
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

// The 2016 AIS assessment offered, nothing opened yet; a screenshot of the offer.
async function expectOffer(page, shot) {
  const state = await waitForState(page, (s) => s.migration !== null, 'the migration offer');
  assert.equal(state.open, false, 'nothing is opened before the user agrees');
  assert.deepEqual(state.problems, [], 'an offer, not an error');
  assert.equal(state.migration.from.version, '2016');
  assert.deepEqual(state.migration.added.map((i) => i.code), ['6', 'G3']);
  assert.deepEqual(state.migration.carried.map((c) => c.code), ['1', 'G1']);
  assert.deepEqual(state.migration.not_carried, []);
  await sleep(200);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, shot) });
}

// The screen starts the keyboard on "Carry it across": Space carries, nothing else needed. The
// result is open with every carried answer marked "needs review"; a screenshot of it.
async function carryAcross(page, shot) {
  await page.focus('#canvas');
  await hold(page, 'Space');
  const state = await waitForState(page, (s) => s.open, 'the carried assessment open');
  assert.equal(state.migration, null);
  assert.equal(state.framework, 'ais');
  assert.deepEqual(state.needs_review, ['1', 'G1']);
  assert.equal(state.selected, '1', 'the first answer to review is selected');
  assert.equal(state.answers['1'].narrative, 'Asked at registration');
  await page.locator('#canvas').screenshot({ path: join(SHOTS, shot) });
  return state;
}

// A fresh browser profile on the canvas app, ready for keys.
async function openApp() {
  const context = await face.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await watch(page, seen);
  await page.goto(face.server.url + 'app.html');
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  return { context, page };
}

test('an assessment from an earlier version: what changed, carried across, reviewed by keyboard',
     async () => {
  const { context, page } = await openApp();
  await sleep(300);
  await page.setInputFiles('#eqkit-upload', {
    name: 'ais-2016.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(AIS_2016)),
  });
  await expectOffer(page, 'web-migration-offer.png');
  let state = await carryAcross(page, 'web-migration-carried.png');
  assert.equal(state.dirty, true, 'the 2016 file is not written over: Save asks where');

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

// The files in browser storage (IDBFS at /persist), by name.
const storedNames = (page) => page.evaluate(() => window.Module.FS.readdir('/persist')
  .filter((name) => name.endsWith('.json')).sort());

test('an assessment kept in browser storage from an earlier version is offered at start-up',
     async () => {
  const { context, page } = await openApp();
  // Seed the storage as an earlier session with the 2016 version would have left it.
  await page.evaluate((text) => new Promise((resolve, reject) => {
    window.Module.FS.writeFile('/persist/current.json', text);
    window.Module.FS.writeFile('/persist/state.json', '{"unsaved": false}\n');
    window.Module.FS.syncfs(false, (error) => (error ? reject(error) : resolve()));
  }), JSON.stringify(AIS_2016));

  await page.reload();
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  await expectOffer(page, 'web-migration-kept-offer.png');
  // Set aside under a name of its own, as it was; not as unreadable.
  const aside = await storedNames(page);
  assert.ok(aside.includes('current.earlier-version.json'), aside);
  assert.ok(!aside.includes('current.json') && !aside.includes('current.unreadable.json'), aside);
  const original = await page.evaluate(() =>
    window.Module.FS.readFile('/persist/current.earlier-version.json', { encoding: 'utf8' }));
  assert.deepEqual(JSON.parse(original), AIS_2016);

  // Space on "Carry it across": opened, every carried answer marked "needs review".
  await carryAcross(page, 'web-migration-kept-carried.png');

  // Kept: the carried one as the current assessment, the original as it was beside it.
  await waitForStorage(page);
  const names = await storedNames(page);
  assert.ok(names.includes('current.json') && names.includes('current.carried.json'), names);
  assert.ok(!names.includes('current.earlier-version.json'), names);
  assert.equal(await page.evaluate(() =>
    window.Module.FS.readFile('/persist/current.carried.json', { encoding: 'utf8' })), original);

  // Next start-up: the carried assessment, still to review, and no offer.
  await page.reload();
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  const state = await appState(page);
  assert.equal(state.open, true);
  assert.equal(state.migration, null);
  assert.deepEqual(state.needs_review, ['1', 'G1']);
  assert.deepEqual(state.problems, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
