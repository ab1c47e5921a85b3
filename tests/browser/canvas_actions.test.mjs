// Browser test of the canvas app's impact assessment and Actions section in the web build (the
// Dear ImGui canvas, real build and server, headless Chromium), driven by the keyboard as a user
// would, reading what happened from the app's state hook: an EIRA made by the CLI with a
// negative impact is uploaded and opened; Ctrl+5 opens Actions and reviews; the arrow keys and
// Space reach "Add an action", which starts linked to the item open in the assessment; the text,
// owner and due date are typed (Enter into a field and out of it, arrows between fields); Space
// adds it and the list shows it. Screenshots go to
// $EQKIT_SCREENSHOTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hold, requireEnv, sleep, useWebFace, waitForState, watch } from './support.mjs';

const SHOTS = requireEnv('EQKIT_SCREENSHOTS');
const CLI = requireEnv('EQKIT_CLI');
mkdirSync(SHOTS, { recursive: true });
const face = useWebFace();
const { seen } = face;

// "Closing the Tuesday walk-in clinic", race rated negative with a reason, made by the CLI.
function eira() {
  const dir = mkdtempSync(join(tmpdir(), 'eqkit-canvas-actions-'));
  try {
    const file = join(dir, 'eira.json');
    const run = (args) => execFileSync(CLI, args, { cwd: dir });
    run(['assess', 'new', '--framework', 'eira_nhs', '--title',
         'Closing the Tuesday walk-in clinic', '--out', file]);
    run(['assess', 'row', file, 'race', '--relevance', 'yes', '--impact',
         'negative', '--reason', 'Fewer evening appointments for people who work shifts']);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function type(page, text) {
  await page.keyboard.type(text, { delay: 30 });
  await sleep(150);
}

test('canvas: an EIRA opened, then an action added in Actions and reviews by keyboard',
     async () => {
  const context = await face.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await watch(page, seen);
  await page.goto(face.server.url + 'app.html');
  await page.waitForFunction(() => window.eqkit_ready === true, null, { timeout: 30000 });
  await page.setInputFiles('#eqkit-upload', {
    name: 'eira.json', mimeType: 'application/json', buffer: eira(),
  });
  let state = await waitForState(page, (s) => s.open && s.framework === 'eira_nhs', 'the EIRA');
  assert.deepEqual(state.problems, []);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-actions-1-eira.png') });

  await page.focus('#canvas');
  await hold(page, 'Control+5');
  state = await waitForState(page, (s) => s.actions?.page === 0 && s.actions.listed?.ok,
                             'the action plan');
  assert.equal(state.actions.listed.actions.length, 0);

  // The keyboard starts on the page's radio button: right to "Add an action", Space.
  await hold(page, 'ArrowRight');
  await hold(page, 'Space');
  state = await waitForState(page, (s) => s.actions.page === 1 && s.actions.form_item,
                             'the add form');
  assert.match(state.actions.form_item, /^eira_nhs:/, 'linked to the item open in the EIRA');

  // Down from the page's radio button past the framework, item and assessment to the text;
  // Enter types into a field and ends the typing (Ctrl+Enter in the text of several lines: Tab
  // leaves the canvas, so there is no keyboard trap); down to the owner, the due date and
  // "Add the action"; Space adds it.
  for (let i = 0; i < 4; ++i) await hold(page, 'ArrowDown');
  await hold(page, 'Enter');
  await type(page, 'Open on Thursday evenings');
  await hold(page, 'Control+Enter');
  for (const value of ['Sam Patel', '2099-03-31']) {
    await hold(page, 'ArrowDown');
    await hold(page, 'Enter');
    await type(page, value);
    await hold(page, 'Enter');
  }
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-actions-2-add.png') });
  await hold(page, 'ArrowDown');
  await hold(page, 'Space');
  state = await waitForState(page, (s) => s.actions.page === 0 &&
                             s.actions.listed.actions.length === 1, 'the action added');
  const added = state.actions.listed.actions[0];
  assert.equal(added.text, 'Open on Thursday evenings');
  assert.equal(added.owner, 'Sam Patel');
  assert.equal(added.due, '2099-03-31');
  assert.match(added.item, /^eira_nhs:/);
  assert.equal(state.actions.status, 'Action a1 added.');
  assert.deepEqual(state.actions.errors, []);
  await page.locator('#canvas').screenshot({ path: join(SHOTS, 'web-actions-3-list.png') });

  assert.deepEqual(seen.errors, []);
  await context.close();
});
