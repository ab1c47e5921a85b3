// Browser test of the tender pages of the accessible face (issue #6), against the real web build
// and server in headless Chromium, walked as a lead and two evaluators would: create a tender and
// publish it (a later change is refused in an error summary), import a bid with a good evidence
// pack and one with a tampered pack (FLAGGED), declare a conflict, score as two evaluators (the
// conflicted bidder is blocked), sign and download both scoresheets, import them (moderating early
// and importing twice are refused), moderate, and see the results, whose totals match
// `eqkit tender results --json` over the same folder. axe-core runs on every page; no request
// leaves the page's origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { axe, requireEnv, settled, useWebFace } from '../browser/support.mjs';

const EQKIT = requireEnv('EQKIT_CLI');
const PLUGINS = requireEnv('EQKIT_PLUGINS');
const QUESTIONS = ['PSR4-ACCESS', 'PSR4-INEQUALITIES', 'PSR4-CHOICE'];
const SHOTS = process.env.EQKIT_SCREENSHOTS;  // where to keep a screenshot of each page, if set
const face = useWebFace();
let dir;

const eqkit = (...args) => execFileSync(EQKIT, ['--plugins', PLUGINS, ...args],
                                        { encoding: 'utf8', cwd: dir });

function responses(bidder, long) {
  const answers = QUESTIONS.map((q) => ({
    question: q, cites: q === 'PSR4-ACCESS' ? ['eds2022:1A'] : [],
    text: q === 'PSR4-CHOICE' && long ? 'word '.repeat(510).trim() : `${bidder}'s plan for ${q}.` }));
  writeFileSync(join(dir, `${bidder}.json`),
                JSON.stringify({ format: 'eqkit-tender-responses/1', bidder, answers }));
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'eqkit-tender-face-'));
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  eqkit('workspace', 'new', 'ws');
  writeFileSync(join(dir, 'policy.txt'), 'Interpreters, easy read letters and step-free clinics.');
  eqkit('evidence', 'add', 'ws', 'policy.txt', '--title', 'Access policy', '--item', 'eds2022:1A');
  eqkit('pack', 'export', 'ws', '--out', 'good.zip');
  const bytes = readFileSync(join(dir, 'good.zip'));
  const at = bytes.indexOf('step-free clinics');
  assert.ok(at > 0, 'the evidence file is stored uncompressed in the pack');
  bytes[at] = 'S'.charCodeAt(0);
  writeFileSync(join(dir, 'tampered.zip'), bytes);
  responses('Acme', true);
  responses('Beacon', false);
});

after(() => rmSync(dir, { recursive: true, force: true }));

const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

async function go(page, hash) {
  await page.goto(face.server.url + '#/');
  await page.goto(face.server.url + hash);
  await settled(page);
}

async function submit(page, button) {
  await page.click(`button:has-text("${button}")`);
  await settled(page);
}

// For an action whose result is a note that takes the keyboard focus.
async function submitToNote(page, button, note) {
  await page.click(`button:has-text("${button}")`);
  await page.waitForFunction((id) => document.activeElement?.id === id, note);
  return text(page, '#' + note);
}

async function addBid(page, bidder, pack) {
  await go(page, '#/tender/bids');
  await page.fill('#bidder', bidder);
  await page.setInputFiles('#responses', join(dir, `${bidder}.json`));
  await page.setInputFiles('#pack', join(dir, pack));
  return submitToNote(page, 'Add the bid', 'bid-result');
}

// Every file of the tender folder as the page stored it in IndexedDB (IDBFS), written to disk.
async function copyFolder(page, reference, to) {
  const files = await page.evaluate((prefix) => new Promise((resolve, reject) => {
    const open = indexedDB.open('/persist');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const out = {};
      const cursor = open.result.transaction('FILE_DATA').objectStore('FILE_DATA').openCursor();
      cursor.onerror = () => reject(cursor.error);
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return resolve(out);
        if (c.key.startsWith(prefix) && c.value.contents) {
          let binary = '';
          // IDBFS keeps contents as an Int8Array: bytes above 127 come back negative.
          for (const byte of c.value.contents) binary += String.fromCharCode(byte & 0xff);
          out[c.key.slice(prefix.length)] = btoa(binary);
        }
        return c.continue();
      };
    };
  }), `/persist/tenders/${reference}/`);
  for (const [name, b64] of Object.entries(files)) {
    mkdirSync(dirname(join(to, name)), { recursive: true });
    writeFileSync(join(to, name), Buffer.from(b64, 'base64'));
  }
}

// axe-core on the page (its violations gathered), and a screenshot when SHOTS is set.
function checker(page, violations) {
  return async (label) => {
    violations.push(...await axe(page, label));
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `${label.replace(/\W+/g, '-')}.png`), fullPage: true });
  };
}

async function scoreAll(page, evaluator, marks) {
  for (const [bidder, score] of Object.entries(marks)) {
    for (const q of QUESTIONS) {
      await go(page, `#/tender/score/${encodeURIComponent(evaluator)}/${bidder}/${q}`);
      await page.check(`input[name="score"][value="${score}"]`);
      await page.fill('#rationale', `${evaluator}: ${bidder} on ${q}`);
      await submit(page, 'Save and continue');
    }
  }
}

// Submits and signs with a key made in the page; answers the path of the downloaded sheet.
async function signAndDownload(page, evaluator) {
  await go(page, `#/tender/score/${evaluator}`);
  const key = page.waitForEvent('download');
  await page.click('button:has-text("Make a new signing key")');
  assert.match((await key).suggestedFilename(), /\.key$/);
  assert.match(await text(page, '#key-note'), /fingerprint [0-9a-f-]+/);
  const sheet = page.waitForEvent('download');
  await submit(page, 'Submit and sign');
  const path = join(dir, `${evaluator}-sheet.json`);
  await (await sheet).saveAs(path);
  assert.match(await text(page, 'main'), /submitted and signed: it can no longer be changed/);
  return path;
}

test('a tender run through the accessible pages, every page passing axe-core', async () => {
  const { context, page } = await face.openAccessible({ width: 1100, height: 900 });
  const violations = [];
  const check = checker(page, violations);

  // Set-up: create, add evaluators, publish; a change after publication is refused.
  await go(page, '#/tender');
  await check('tender start');
  await page.check('input[name="question_set"][value="tender_psr_access"]');
  await page.fill('#id', 'ward_7');
  await submit(page, 'Create the tender');
  assert.match(await text(page, 'main'), /UNCONFIRMED/);
  assert.match(await text(page, 'main'), /Word limit 750 words/);
  for (const name of ['Ann', 'Bob']) {
    await page.fill('#evaluator', name);
    await submit(page, 'Add evaluator');
  }
  await check('tender set-up (draft)');
  await submit(page, 'Publish the tender');
  assert.match(await text(page, 'main'), /Published/);
  await page.fill('#weight-PSR4-ACCESS', '50');
  await submit(page, 'Save weights and moderation');
  assert.match(await text(page, '.nhsuk-error-summary'), /published.*locked/);
  assert.equal(await page.getAttribute('.nhsuk-error-summary a', 'href'), '#weight-PSR4-ACCESS');
  await check('tender set-up (refused change)');

  // Bids: a good pack is verified, a tampered one FLAGGED with the reason.
  assert.match(await addBid(page, 'Acme', 'good.zip'), /Bid from Acme added\. Verified/);
  assert.match(await addBid(page, 'Beacon', 'tampered.zip'),
               /FLAGGED: the evidence pack failed verification/);
  assert.match(await text(page, '.nhsuk-warning-callout'), /Beacon: FLAGGED.*policy\.txt/);
  await check('tender bids');

  // Conflicts: Bob declares one with Beacon.
  await go(page, '#/tender/conflicts');
  await page.selectOption('#evaluator', 'Bob');
  await page.selectOption('#bidder', 'Beacon');
  await page.check('input[name="kind"][value="conflict"]');
  await page.fill('#declaration', 'Former employee of Beacon');
  await submit(page, 'Record the declaration');
  await page.selectOption('#evaluator', 'Ann');
  await page.selectOption('#bidder', 'Acme');
  await submit(page, 'Record the declaration');
  assert.match(await text(page, 'table'), /Conflict: Former employee of Beacon/);
  assert.match(await text(page, 'table'), /No conflict declared/);
  await check('tender conflicts');

  // The lead hands Bob his own copy to score elsewhere; the CLI reads it.
  await go(page, '#/tender/setup');
  const handed = page.waitForEvent('download');
  await page.click('button:has-text("Download Bob\'s copy to score")');
  assert.equal((await handed).suggestedFilename(), 'ward-7-bob-evaluator-copy.json');
  await (await handed).saveAs(join(dir, 'bob-copy.json'));
  const bobCopy = JSON.parse(readFileSync(join(dir, 'bob-copy.json'), 'utf8'));
  assert.deepEqual(bobCopy.bids.map((b) => b.bidder), ['Acme']);
  assert.match(eqkit('tender', 'score', 'bob-copy.json', '--bidder', 'Acme', '--question',
                     'PSR4-ACCESS', '--score', '2', '--rationale', 'read it'), /Scored Acme/);

  // Scoring: each evaluator sees only their own scores; Bob is blocked from Beacon.
  await go(page, '#/tender/score/Ann/Acme/PSR4-CHOICE');
  assert.match(await text(page, 'main'), /Over the word limit: 510 words, more than the limit of 500/);
  await go(page, '#/tender/score/Ann/Acme/PSR4-ACCESS');
  assert.match(await text(page, 'main'), /eds2022:1A: Access policy/);
  await check('tender scoring one answer');
  await page.check('input[name="score"][value="3"]');
  await submit(page, 'Save and continue');
  assert.match(await text(page, '.nhsuk-error-summary'), /rationale/);
  await scoreAll(page, 'Ann', { Acme: 3, Beacon: 4 });
  await go(page, '#/tender/score/Bob');
  assert.match(await text(page, 'main'), /Beacon: blocked\. You declared a conflict of interest: Former employee/);
  assert.doesNotMatch(await text(page, 'main'), /Scored|Ann/);  // nobody else's scores
  await check('tender scoresheet');
  await go(page, '#/tender/score/Bob/Beacon/PSR4-ACCESS');
  assert.match(await text(page, 'h1'), /You cannot score Beacon/);
  await scoreAll(page, 'Bob', { Acme: 1 });
  const annSheet = await signAndDownload(page, 'Ann');
  const bobSheet = await signAndDownload(page, 'Bob');
  await check('tender scoresheet submitted');

  // Moderation: refused before Bob's sheet is in, and a second sheet from Ann is refused.
  await go(page, '#/tender/moderate');
  await page.setInputFiles('#sheets', annSheet);
  assert.match(await submitToNote(page, 'Import', 'import-note'), /Imported 1 scoresheet/);
  await go(page, '#/tender/moderate/Acme/PSR4-ACCESS');
  assert.match(await text(page, 'main'), /Waiting for: Bob/);
  await page.check('input[name="score"][value="2"]');
  await page.fill('#moderation-rationale', 'Agreed: partial plan');
  await submit(page, 'Record the moderated score');
  assert.match(await text(page, '.nhsuk-error-summary'), /Bob/);
  await check('tender moderation refused');
  await go(page, '#/tender/moderate');
  await page.setInputFiles('#sheets', [annSheet, bobSheet]);
  await submit(page, 'Import');
  assert.match(await text(page, '.nhsuk-error-summary'), /Ann has already submitted/);
  await page.setInputFiles('#sheets', bobSheet);
  await submitToNote(page, 'Import', 'import-note');
  assert.match(await text(page, 'table'), /Disagreement: the scores differ by 2, more than the threshold of 1/);
  await check('tender moderation');
  for (const [bidder, score] of [['Acme', 2], ['Beacon', 4]]) {
    for (const q of QUESTIONS) {
      await go(page, `#/tender/moderate/${bidder}/${q}`);
      await page.check(`input[name="score"][value="${score}"]`);
      await page.fill('#moderation-rationale', `Agreed for ${bidder}`);
      assert.match(await submitToNote(page, 'Record the moderated score', 'moderate-note'),
                   new RegExp(`Recorded: ${score}`));
    }
  }
  await go(page, '#/tender/moderate/Acme/PSR4-ACCESS');
  assert.match(await text(page, 'table'), /Ann 3 Ann: Acme on PSR4-ACCESS Bob 1/);
  assert.equal(await page.locator('svg[role="img"] title').textContent(),
               'Acme, PSR4-ACCESS: how many evaluators gave each score');
  await check('tender moderate one answer');

  // Results: the same totals as the CLI over the same folder.
  await go(page, '#/tender/results');
  await check('tender results');
  const shown = await page.$$eval('#ranking tbody tr', (rows) => rows.map((r) =>
    [r.querySelector('th').textContent.trim(), Number(r.querySelector('.eqkit-total').textContent)]));
  const folder = join(dir, 'copy');
  await copyFolder(page, 'ward_7', folder);
  const cli = JSON.parse(eqkit('tender', 'results', folder, '--json'));
  assert.deepEqual(shown, cli.bidders.map((b) => [b.name, b.total]));
  assert.deepEqual(shown, [['Acme', 50], ['Beacon', 100]]);
  assert.match(await text(page, 'main'), /20 \+ 20 \+ 10 = 50/);
  const report = page.waitForEvent('download');
  await page.click('button:has-text("Download the report (HTML)")');
  assert.equal((await report).suggestedFilename(), 'ward_7-results.html');

  assert.deepEqual(violations, []);
  assert.deepEqual(face.seen.errors, []);
  await context.close();
});

test('an evaluator opens their own copy in an empty browser, scores, signs, and the lead imports it', async () => {
  eqkit('tender', 'new', '--questions', 'tender_psr_access', '--out', 'lead', '--id', 'ward_9');
  eqkit('tender', 'evaluator', 'add', 'lead', 'Cy Evans');
  eqkit('tender', 'publish', 'lead');
  eqkit('tender', 'bid', 'add', 'lead', '--bidder', 'Acme', '--responses', 'Acme.json', '--pack', 'good.zip');
  eqkit('tender', 'bid', 'add', 'lead', '--bidder', 'Beacon', '--responses', 'Beacon.json');
  eqkit('tender', 'coi', 'lead', '--evaluator', 'Cy Evans', '--bidder', 'Beacon', '--declare', 'Sister works at Beacon');
  eqkit('tender', 'evaluator-copy', 'lead', '--evaluator', 'Cy Evans', '--out', 'cy-copy.json');
  const altered = readFileSync(join(dir, 'cy-copy.json'), 'utf8').replace("Acme's plan for", "Acme's PLAN for");
  writeFileSync(join(dir, 'altered-copy.json'), altered);

  // A second browser context: nothing of the lead's tender in its storage.
  const { context, page } = await face.openAccessible({ width: 1100, height: 900 });
  const violations = [];
  const check = checker(page, violations);
  await go(page, '#/tender');
  assert.doesNotMatch(await text(page, 'main'), /Open tender/);
  await page.setInputFiles('#copy', join(dir, 'altered-copy.json'));
  await submit(page, 'Open the copy');
  assert.match(await text(page, '.nhsuk-error-summary'),
               /altered-copy\.json: \/sha256: this evaluator's copy has been altered since the lead made it/);
  assert.equal(await page.getAttribute('.nhsuk-error-summary a', 'href'), '#copy');
  await check('tender copy refused');

  await page.setInputFiles('#copy', join(dir, 'cy-copy.json'));
  await submit(page, 'Open the copy');
  const sheetPage = await text(page, 'main');
  assert.match(sheetPage, /Scoring as Cy Evans/);
  assert.match(sheetPage, /Cy Evans's copy, for scoring only/);
  assert.match(sheetPage, /Beacon: blocked\. You declared a conflict of interest: Sister works at Beacon/);
  assert.doesNotMatch(sheetPage, /Set-up|Moderation|Results/);
  await check('tender copy scoresheet');
  // The lead's pages are not there: any other tender page is this evaluator's scoresheet.
  await page.goto(face.server.url + '#/tender/results');
  await settled(page);
  assert.match(await text(page, 'h1'), /Scoring as Cy Evans/);

  await go(page, '#/tender/score/Cy%20Evans/Acme/PSR4-ACCESS');
  assert.match(await text(page, 'main'), /eds2022:1A: Access policy/);
  await check('tender copy one answer');
  await scoreAll(page, 'Cy Evans', { Acme: 3 });
  const sheet = await signAndDownload(page, 'Cy%20Evans');

  // The lead imports the signed sheet into the tender folder with the CLI.
  assert.match(eqkit('tender', 'import', 'lead', sheet), /Imported 1 scoresheet/);
  const results = JSON.parse(eqkit('tender', 'results', 'lead', '--json'));
  assert.deepEqual(results.bidders[0].questions.map((q) => q.scores['Cy Evans']), [3, 3, 3]);
  assert.deepEqual(results.bidders[1].questions.map((q) => q.scores['Cy Evans']), [undefined, undefined, undefined]);

  assert.deepEqual(violations, []);
  assert.deepEqual(face.seen.errors, []);
  await context.close();
});
