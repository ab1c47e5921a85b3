// Browser tests of the accessible HTML face, against the real web build served by the real
// eqkit-server, in Debian's headless Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appState, axe, launchBrowser, requireEnv, startServer, waitForState, waitForStorage, watch }
  from '../browser/support.mjs';

const SERVER = requireEnv('EQKIT_SERVER');
const WEB_ROOT = requireEnv('EQKIT_WEB_ROOT');
const SHOTS = requireEnv('EQKIT_SCREENSHOTS');
mkdirSync(SHOTS, { recursive: true });

let server;
let browser;
const watched = [];  // what every page requested and logged

before(async () => {
  server = await startServer(SERVER, WEB_ROOT);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
  const requests = watched.flatMap((seen) => seen.requests);
  assert.ok(requests.length > 0);
  const away = requests.filter((url) => !url.startsWith(server.origin + '/'));
  assert.deepEqual(away, [], 'no request may leave the page origin');
});

// A fresh browser profile (empty storage) with the accessible face loaded.
async function freshPage(viewport = { width: 1000, height: 800 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const seen = { requests: [], errors: [] };
  watched.push(seen);
  await watch(page, seen);
  await page.goto(server.url);
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  return { context, page, seen };
}

async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, tag: el.tagName, text: el.textContent.trim().slice(0, 80),
             value: 'value' in el ? el.value : undefined,
             inErrorSummary: !!el.closest('.nhsuk-error-summary') };
  });
}

// Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would.
async function tabTo(page, matches, { back = false, limit = 80 } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`could not reach the element by ${back ? 'Shift+Tab' : 'Tab'}`);
}

const isButton = (text) => (f) => f.text === text;

async function pageSettled(page) {
  await page.waitForFunction(() => document.activeElement &&
    (document.activeElement.id === 'page-heading' ||
     document.activeElement.closest('.nhsuk-error-summary')));
}

test('a keyboard-only user completes an EDS 2022 assessment, errors included', async () => {
  const { context, page, seen } = await freshPage();
  await tabTo(page, (f) => f.id === 'framework');
  await page.keyboard.press('Space');                       // EDS 2022 is listed first
  await tabTo(page, isButton('Start assessment'));
  await page.keyboard.press('Enter');
  await pageSettled(page);
  assert.match(await page.title(), /^NHS Equality Delivery System 2022 – EqualityKit$/);

  await tabTo(page, (f) => f.text.startsWith('1A:'));
  await page.keyboard.press('Enter');
  await pageSettled(page);

  // Submit without a rating: the error summary takes focus and the typed text survives.
  await tabTo(page, (f) => f.id === 'narrative');
  await page.keyboard.type('Access audit, March 2025 ✓');
  await tabTo(page, isButton('Save and continue'));
  await page.keyboard.press('Enter');
  await pageSettled(page);
  assert.equal((await focused(page)).inErrorSummary, true, 'focus moves to the error summary');
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.inputValue('#narrative'), 'Access audit, March 2025 ✓');
  assert.equal(await page.textContent('#score-error'), '\n    Error: Select a rating for outcome 1A');

  // The summary's link leads to the field; pick level 2 with Space and the arrow keys.
  await tabTo(page, (f) => f.text === 'Select a rating for outcome 1A');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'score');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, isButton('Save and continue'));
  await page.keyboard.press('Enter');
  await pageSettled(page);

  for (const code of ['1B', '1C', '1D', '2A', '2B', '2C', '2D', '3A', '3B', '3C']) {
    assert.match(await page.title(), new RegExp(`^${code}: `));
    await tabTo(page, (f) => f.id === 'score');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    if (code === '2A') {
      // Back up with Shift+Tab from the button to the narrative, then carry on.
      await tabTo(page, isButton('Save and continue'));
      await tabTo(page, (f) => f.id === 'narrative', { back: true });
      await page.keyboard.type('Occupational health offer reviewed');
    }
    await tabTo(page, isButton('Save and continue'));
    await page.keyboard.press('Enter');
    await pageSettled(page);
  }

  assert.match(await page.title(), /^Check your answers/);
  await tabTo(page, isButton('See your results'));
  await page.keyboard.press('Enter');
  await pageSettled(page);
  const overall = await page.textContent('tfoot');
  assert.match(overall, /11 of 11/);
  assert.match(overall, /22 of 33/);
  const results = (await page.textContent('main')).replace(/\s+/g, ' ');
  assert.match(results, /Overall rating: Achieving \(22–32\) \(UNCONFIRMED:/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// Visits every kind of page (and its error state) and hands each to check().
async function everyPage(page, check) {
  await check('start');
  await page.click('text=Start assessment');
  await check('start with an error');
  await page.check('#framework');
  await page.click('text=Start assessment');
  await pageSettled(page);
  await check('task list');
  await page.click('#easy-read');
  await check('task list in Easy Read');
  await page.click('a[href="#/item/1A"]');
  await pageSettled(page);
  await check('question page');
  await page.fill('#narrative', 'x'.repeat(2001));
  await page.click('text=Save and continue');
  await pageSettled(page);
  await check('question page with errors');
  await page.fill('#narrative', 'Ramp and hearing loop installed');
  await page.check('#score-2');
  await page.click('text=Save and continue');
  await pageSettled(page);
  await page.goto(server.url + '#/check');
  await pageSettled(page);
  await check('check your answers');
  await page.goto(server.url + '#/results');
  await pageSettled(page);
  await check('results');
}

test('every page of the accessible face passes axe-core WCAG 2.2 AA, errors included', async () => {
  const { context, page, seen } = await freshPage();
  const violations = [];
  await everyPage(page, async (label) => violations.push(...await axe(page, label)));

  const [report] = await Promise.all([page.waitForEvent('download'),
                                      page.click('#download-report')]);
  const reportPage = await context.newPage();
  await reportPage.setContent(await readFile(await report.path(), 'utf8'));
  violations.push(...await axe(reportPage, 'downloaded HTML report'));
  assert.match(await reportPage.textContent('h1'), /self-assessment/);
  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('at 320 CSS pixels wide (400% zoom) no page scrolls sideways', async () => {
  const { context, page } = await freshPage({ width: 320, height: 640 });
  const wide = [];
  await everyPage(page, async (label) => {
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) wide.push(`${label}: ${overflow}px too wide`);
    await page.screenshot({ path: join(SHOTS, `320-${label.replaceAll(' ', '-')}.png`),
                            fullPage: true });
  });
  assert.deepEqual(wide, []);
  await context.close();
});

test('in forced colours the focus ring and the selected radio stay visible', async () => {
  const { context, page } = await freshPage();
  await page.emulateMedia({ forcedColors: 'active' });
  await page.check('#framework');
  await page.click('text=Start assessment');
  await pageSettled(page);
  await page.click('a[href="#/item/1B"]');
  await pageSettled(page);
  const item = page.locator('.nhsuk-radios__item').nth(2);
  const plain = await item.screenshot();
  await page.focus('#score-2');
  const focusedShot = await item.screenshot({ path: join(SHOTS, 'forced-colours-focus.png') });
  await page.keyboard.press('Space');
  await page.focus('#narrative');
  const selected = await item.screenshot({ path: join(SHOTS, 'forced-colours-selected.png') });
  assert.equal(await page.isChecked('#score-2'), true);
  assert.notDeepEqual(focusedShot, plain, 'focus must change what is drawn');
  assert.notDeepEqual(selected, plain, 'selection must change what is drawn');
  await page.screenshot({ path: join(SHOTS, 'forced-colours-question.png'), fullPage: true });
  await context.close();
});

test('the character count counts like the core and is announced', async () => {
  const { context, page } = await freshPage();
  await page.check('#framework');
  await page.click('text=Start assessment');
  await page.click('a[href="#/item/1C"]');
  await pageSettled(page);
  await page.fill('#narrative', '😀'.repeat(999) + 'ab');   // 2000 UTF-16 units: at the limit
  await page.waitForTimeout(1200);                              // the count speaks after a pause
  const status = await page.textContent('.nhsuk-character-count__sr-status');
  assert.match(status, /You have 0 characters remaining/);
  await page.check('#score');
  await page.click('text=Save and continue');
  await pageSettled(page);
  assert.match(await page.title(), /^1D: /, 'the core accepts exactly the limit');
  await page.goto(server.url + '#/item/1C');
  await pageSettled(page);
  await page.fill('#narrative', '😀'.repeat(1000) + 'a');    // 2001 units: over
  await page.click('text=Save and continue');
  await pageSettled(page);
  assert.match(await page.textContent('.nhsuk-error-summary'),
               /Evidence and narrative must be 2000 characters or fewer/);
  await context.close();
});

test('answers survive a reload, and downloads hold them', async () => {
  const { context, page } = await freshPage();
  await page.check('#framework-1');                              // FREDA
  await page.click('text=Start assessment');
  await page.click('a[href="#/item/D"]');
  await pageSettled(page);
  await page.check('#score-3');
  await page.fill('#narrative', 'Privacy screens on every ward');
  await page.click('text=Save and continue');
  await pageSettled(page);
  await page.reload();
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  await page.goto(server.url + '#/item/D');
  await pageSettled(page);
  assert.equal(await page.isChecked('#score-3'), true);
  assert.equal(await page.inputValue('#narrative'), 'Privacy screens on every ward');
  await page.goto(server.url + '#/results');
  await pageSettled(page);
  const [json] = await Promise.all([page.waitForEvent('download'),
                                    page.click('#download-json')]);
  const saved = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(saved.framework.id, 'freda');
  assert.deepEqual(saved.answers, [{ item: 'D', score: 3, narrative: 'Privacy screens on every ward' }]);
  await context.close();
});

test('answers made in either face show in the other after a reload', async () => {
  const { context, page, seen } = await freshPage();
  await page.check('#framework');
  await page.click('text=Start assessment');
  await page.click('a[href="#/item/1A"]');
  await pageSettled(page);
  await page.check('#score-2');
  await page.fill('#narrative', 'Written in the accessible face');
  await page.click('text=Save and continue');
  await pageSettled(page);

  await page.goto(server.url + 'app.html');
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  let state = await appState(page);
  assert.equal(state.framework, 'eds2022');
  assert.equal(state.answers['1A'].score, 2);
  assert.equal(state.answers['1A'].narrative, 'Written in the accessible face');

  // In the canvas: the key 1 scores the selected item 1 (Developing).
  await page.focus('#canvas');
  await page.keyboard.press('1');
  state = await waitForState(page, (s) => Object.values(s.answers).some((a) => a.score === 1),
                             'an item scored 1 in the canvas');
  const [changed] = Object.entries(state.answers).find(([, a]) => a.score === 1);
  await waitForStorage(page);

  await page.goto(server.url + `#/item/${changed}`);
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  await pageSettled(page);
  assert.equal(await page.isChecked('#score-1'), true, 'the canvas answer shows here');
  await page.goto(server.url + '#/check');
  await pageSettled(page);
  assert.match(await page.textContent('main'), /Written in the accessible face/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
