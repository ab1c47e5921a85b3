// Browser tests of the accessible face's evidence pages, against the real web build served by the
// real eqkit-server in Debian's headless Chromium: add a note and a file, attach to an item, see
// it on the item page, export a pack (checked by the real `eqkit pack verify`), check and import
// packs, and axe-core on every new page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { axe, launchBrowser, requireEnv, startServer, watch } from '../browser/support.mjs';

const SERVER = requireEnv('EQKIT_SERVER');
const WEB_ROOT = requireEnv('EQKIT_WEB_ROOT');
const CLI = requireEnv('EQKIT_CLI');
const run = promisify(execFile);

let server;
let browser;
const watched = [];
const scratch = mkdtempSync(join(tmpdir(), 'eqkit-evidence-test-'));

before(async () => {
  server = await startServer(SERVER, WEB_ROOT);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
  rmSync(scratch, { recursive: true, force: true });
  const away = watched.flatMap((seen) => seen.requests)
    .filter((url) => !url.startsWith(server.origin + '/'));
  assert.deepEqual(away, [], 'no request may leave the page origin');
});

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 },
                                             acceptDownloads: true });
  const page = await context.newPage();
  const seen = { requests: [], errors: [] };
  watched.push(seen);
  await watch(page, seen);
  await page.goto(server.url);
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  return { context, page, seen };
}

async function settled(page) {
  await page.waitForFunction(() => document.activeElement &&
    (document.activeElement.id === 'page-heading' ||
     document.activeElement.closest('.nhsuk-error-summary')));
}

async function visit(page, hash) {
  // The same hash again would not re-render the page: leave it first.
  if (page.url().endsWith(hash)) await page.goto(server.url + '#/');
  await page.goto(server.url + hash);
  await settled(page);
}

const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

// The table's cells, without the headings the responsive table repeats for narrow screens.
async function rows(page) {
  return page.$$eval('main table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) =>
    [...td.childNodes].filter((n) => !n.classList?.contains('nhsuk-table-responsive__heading'))
      .map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim())));
}

let packPath = '';  // the pack exported by the first test

test('add a note and a file, attach, see them on the item page, export a pack that verifies',
     async () => {
  const { context, page, seen } = await freshPage();
  const violations = [];
  const check = async (label) => violations.push(...await axe(page, label));

  await page.check('#framework');  // EDS 2022
  await page.click('text=Start assessment');
  await settled(page);
  await page.click('a[href="#/evidence"]');
  await settled(page);
  assert.match(await text(page, '#no-evidence'), /Your library is empty/);
  await check('evidence library (empty)');

  await page.click('text=Add evidence');
  await settled(page);
  await page.click('text=Continue');
  await settled(page);
  assert.match(await text(page, '.nhsuk-error-summary'), /Select what kind of evidence to add/);
  await check('what kind of evidence (with an error)');
  await page.check('#kind-2');  // a written note
  await page.click('text=Continue');
  await settled(page);
  await check('add a note');

  // Invalid input: the core's messages, in an NHS.UK error summary; what was typed stays.
  await page.fill('#text', 'We meet the carers forum monthly. Contact jo@example.org.');
  await page.fill('#expires', '31/01/2020');
  await page.click('button:has-text("Add evidence")');
  await settled(page);
  const summary = await text(page, '.nhsuk-error-summary');
  assert.match(summary, /Title: this must not be empty/);
  assert.match(summary, /Expiry date: /);
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.inputValue('#text'), 'We meet the carers forum monthly. Contact jo@example.org.');
  await check('add a note (with errors)');
  await page.click('.nhsuk-error-summary a[href="#title"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'title');

  await page.fill('#title', "Carers' forum");
  await page.fill('#expires', '2020-01-31');
  await page.fill('#added_by', 'Jo Bloggs');
  assert.equal(await page.getAttribute('#supports', 'value'), 'eds2022:1A');
  await page.check('#supports');
  await page.click('button:has-text("Add evidence")');
  await settled(page);
  assert.match(await text(page, '#edit-message'), /added to your library/);
  await check('evidence details and edit');

  await visit(page, '#/evidence/add/file');
  await page.setInputFiles('#file', { name: 'minutes.txt', mimeType: 'text/plain',
                                      buffer: Buffer.from('Board minutes, 3 March 2025.\n') });
  await page.fill('#title', 'Board minutes');
  await page.fill('#added_by', 'Jo Bloggs');
  await page.click('button:has-text("Add evidence")');
  await settled(page);
  assert.match(await text(page, '.nhsuk-summary-list'), /minutes\.txt \(29 bytes, text\/plain\)/);
  await check('add a file, then its details');

  // A link that is not one; then a change that empties the title, on the details page.
  await visit(page, '#/evidence/add/link');
  await check('add a link');
  await page.fill('#url', 'not a link');
  await page.fill('#title', 'Survey');
  await page.fill('#added_by', 'Jo Bloggs');
  await page.click('button:has-text("Add evidence")');
  await settled(page);
  assert.match(await text(page, '.nhsuk-error-summary'), /Link: /);
  await check('add a link (with errors)');
  await visit(page, '#/evidence/edit/ev2');
  await page.fill('#title', '');
  await page.click('button:has-text("Save changes")');
  await settled(page);
  assert.match(await text(page, '.nhsuk-error-summary'), /Title: this must not be empty/);
  await check('evidence details (with errors)');

  await visit(page, '#/evidence');
  const all = await rows(page);
  assert.equal(all.length, 2);
  assert.equal(all[0][0], "Carers' forum");
  assert.equal(all[0][5], 'Expired');
  assert.equal(all[1][0], 'Board minutes');
  assert.equal(all[1][5], 'Not attached');
  await check('evidence library');
  await page.click('a[href="#/evidence/filter/unattached"]');
  await settled(page);
  assert.deepEqual((await rows(page)).map((r) => r[0]), ['Board minutes']);
  await check('evidence library, not attached');
  await page.setViewportSize({ width: 320, height: 640 });  // 400% zoom: nothing scrolls sideways
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth -
                                         document.documentElement.clientWidth), 0);
  await page.setViewportSize({ width: 1000, height: 800 });

  // The item page shows 1A's evidence (all expired) and attaches more from the library.
  await visit(page, '#/item/1A');
  assert.match(await text(page, '#item-evidence'), /All the evidence attached to this item has expired/);
  assert.match(await text(page, '#item-evidence-list'), /Carers' forum Expired/);
  await page.selectOption('#attach-evidence', 'ev2');
  await page.click('button:has-text("Attach")');
  await page.waitForSelector('#item-evidence-note');
  assert.equal(await text(page, '#item-evidence-note'), 'Evidence ev2 is attached.');
  assert.match(await text(page, '#item-evidence-list'), /Board minutes Current/);
  assert.doesNotMatch(await text(page, '#item-evidence'), /has expired/);
  await check('question page with its evidence');

  // Export: the personal data warning says where; the person decides; the .zip downloads.
  await visit(page, '#/evidence/export');
  assert.match(await text(page, '#personal-data'), /evidence ev1.*an email address/);
  await check('export a pack (personal data warning)');
  const [download] = await Promise.all([page.waitForEvent('download'),
                                        page.click('button:has-text("Export anyway")')]);
  assert.equal(download.suggestedFilename(), 'evidence-pack.zip');
  packPath = join(scratch, 'evidence-pack.zip');
  await download.saveAs(packPath);
  await page.waitForSelector('#export-done');
  assert.match(await text(page, '#export-done'), /1 assessment, 1 evidence file and 1 link or note/);
  assert.equal(await text(page, '#pack-progress-text'), 'Exporting: 100% done');
  await check('export a pack (done)');

  const verified = await run(CLI, ['pack', 'verify', packPath]);  // rejects unless exit 0
  assert.match(verified.stdout, /is intact/);

  // The workspace survives a reload (IndexedDB).
  await page.reload();
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  await visit(page, '#/evidence');
  assert.equal((await rows(page)).length, 2);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(violations, []);
  await context.close();
});

test('check a pack (intact, then tampered) and import it into an empty workspace', async () => {
  assert.ok(packPath, 'the first test exported a pack');
  const { context, page, seen } = await freshPage();
  const violations = [];
  const check = async (label) => violations.push(...await axe(page, label));
  await visit(page, '#/evidence/check');
  await check('check or import a pack');
  await page.click('button:has-text("Check the pack")');
  await settled(page);
  assert.match(await text(page, '.nhsuk-error-summary'), /Select an evidence pack/);
  await check('check or import a pack (with an error)');

  await page.setInputFiles('#pack', packPath);
  await page.click('button:has-text("Check the pack")');
  await page.waitForSelector('#check-result');
  assert.match(await text(page, '#check-result'), /The pack is intact.*evidence-pack\.zip is intact.*Not signed/);
  await check('check result (intact)');

  const bytes = readFileSync(packPath);
  const at = bytes.indexOf('Board minutes, 3 March');
  assert.ok(at > 0);
  bytes[at] = 'b'.charCodeAt(0);
  await visit(page, '#/evidence/check');
  await page.setInputFiles('#pack', { name: 'tampered.zip', mimeType: 'application/zip', buffer: bytes });
  await page.click('button:has-text("Check the pack")');
  await page.waitForSelector('#check-result');
  assert.match(await text(page, '#check-result'), /NOT intact/);
  assert.match(await text(page, '#pack-problems'), /tampered\.zip: .*minutes\.txt/);
  await check('check result (not intact)');

  await visit(page, '#/evidence/check');
  await page.setInputFiles('#pack', packPath);
  await page.click('button:has-text("Import into my workspace")');
  await page.waitForSelector('#check-result');
  assert.match(await text(page, '#check-result'), /Pack imported.*Added 1 assessment and 2 pieces/);
  await check('import result');
  await visit(page, '#/evidence');
  assert.deepEqual((await rows(page)).map((r) => r[0]), ["Carers' forum", 'Board minutes']);

  // The same pack again: nothing is added twice.
  await visit(page, '#/evidence/check');
  await page.setInputFiles('#pack', packPath);
  await page.click('button:has-text("Import into my workspace")');
  await page.waitForSelector('#check-result');
  assert.match(await text(page, '#check-result'), /Added 0 assessments and 0 pieces of evidence; 3 were already in your workspace/);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(violations, []);
  await context.close();
});
