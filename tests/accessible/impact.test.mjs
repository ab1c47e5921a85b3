// Browser test of impact assessments in the accessible face, walked as a user in headless
// Chromium against the real web build and server: an EIRA for "Closing the Tuesday walk-in
// clinic" is started, a negative impact without a reason is refused with the core's message,
// its risk is scored and shown in words, the risk matrix is a table with its bands in words,
// sign-off is refused with each gap named and then given, an edit starts version 2 while
// version 1 stays readable and downloadable, the review shows as overdue in the list of
// assessments, a mitigation goes to the action plan, and the AIS shows a maturity level per
// step. axe-core (WCAG 2.2 AA) runs on every page; no request leaves the page's origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, settled, useWebFace, visit as visitRoute, watch } from '../browser/support.mjs';

const face = useWebFace();
const { seen } = face;

const visit = (page, hash) => visitRoute(page, face.server.url, hash);
const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

async function submit(page, label) {
  await page.click(`button:has-text("${label}")`);
  await settled(page);
}

async function start(page, framework) {
  await visit(page, '#/new');
  await page.check(`input[name="framework"][value="${framework}"]`);
  await submit(page, 'Start assessment');
}

// Answers every input of a form section page: dates, the first choice, text elsewhere.
async function fillSection(page) {
  for (const input of await page.$$('#section-form input[type="text"], #section-form textarea')) {
    const id = await input.getAttribute('id');
    await input.fill(id.endsWith('_date') ? '2026-06-30' : 'Written down');
  }
  const names = await page.$$eval('#section-form input[type="radio"]',
    (radios) => [...new Set(radios.map((r) => r.name))]);
  for (const name of names) await page.check(`input[name="${name}"] >> nth=0`);
  await submit(page, 'Save and continue');
}

test('an EIRA is screened, scored, signed off, versioned and reviewed in the accessible face',
  async () => {
    const context = await face.browser.newContext({ viewport: { width: 1280, height: 900 },
                                                    acceptDownloads: true });
    const page = await context.newPage();
    await watch(page, seen);
    await page.goto(face.server.url);
    await page.waitForFunction(() => window.eqkit_accessible_ready === true);
    const violations = [];

    await start(page, 'eira_nhs');
    assert.match(await text(page, 'main'), /This is version 1, not signed off yet/);
    assert.match(await text(page, 'main'), /Carers.*UNCONFIRMED/);
    violations.push(...await axe(page, 'EIRA task list'));

    // A negative impact needs a reason; its risk is scored on the template's matrix.
    await visit(page, '#/row/race');
    await page.check('input[name="relevance"][value="yes"]');
    await page.check('input[name="impact"][value="negative"]');
    await submit(page, 'Save and continue');
    assert.match(await text(page, '.nhsuk-error-summary'),
      /the impact is rated "Negative \(adverse\)" but no reason is given/);
    violations.push(...await axe(page, 'row with an error'));
    await page.fill('#reason', 'Fewer appointments outside working hours');
    await page.fill('#text-evidence', 'Clinic attendance by ethnicity, 2025');
    await page.selectOption('#risk-before-likelihood', '4');
    await page.selectOption('#risk-before-impact', '3');
    await page.selectOption('#risk-after-likelihood', '2');
    await page.selectOption('#risk-after-impact', '1');
    await submit(page, 'Save and continue');
    await visit(page, '#/row/race');
    assert.match(await text(page, '#risk-before-now'), /Likelihood 4 × impact 3 = 12: High.*UNCONFIRMED/);
    assert.match(await text(page, '#risk-after-now'), /= 2: Low/);
    violations.push(...await axe(page, 'row with its risk'));

    // The mitigation goes to the action plan, linked to the row.
    await page.click('a:has-text("Add a mitigation to the action plan")');
    await settled(page);
    assert.equal(await page.inputValue('#item'), 'eira_nhs:race');
    await page.fill('#text', 'Open on Thursday evenings');
    await page.fill('#owner', 'Sam Patel');
    await page.fill('#due', '2099-12-31');
    await submit(page, 'Add the action');
    assert.match(await text(page, 'table'), /Open on Thursday evenings.*eira_nhs:race/);

    await visit(page, '#/risk-matrix');
    const matrix = await text(page, 'table');
    assert.match(matrix, /5 Almost certain.*25: Extreme \(UNCONFIRMED\)/);
    assert.match(matrix, /1 Rare ?1: Low ?2: Low ?3: Low ?4: Moderate/);
    violations.push(...await axe(page, 'risk matrix'));

    // Sign-off is refused while anything is unanswered, each gap named.
    await visit(page, '#/signoff');
    violations.push(...await axe(page, 'sign-off with gaps'));
    await submit(page, 'Sign off version 1');
    const refused = await text(page, '.nhsuk-error-summary');
    assert.match(refused, /give the name of who signs it off/);
    assert.match(refused, /"Lead assessor" must be answered first/);
    assert.match(refused, /the impact on Age is not rated/);
    violations.push(...await axe(page, 'sign-off refused'));

    // Answer everything, as a user would, page by page.
    await visit(page, '#/form/1');
    while (await page.$('#section-form')) await fillSection(page);
    const rows = await page.$$eval('a[href^="#/row/"]', (links) => links.map((a) => a.hash));
    for (const row of rows.filter((r) => r !== '#/row/race')) {
      await visit(page, row);
      await page.check('input[name="relevance"][value="no"]');
      await page.check('input[name="impact"][value="neutral"]');
      await submit(page, 'Save and continue');
    }
    const items = await page.$$eval('a[href^="#/item/"]', (links) => links.map((a) => a.hash));
    for (const item of items) {
      await visit(page, item);
      await page.check('input[name="score"] >> nth=2');
      await submit(page, 'Save and continue');
    }

    await visit(page, '#/signoff');
    await page.fill('#signoff-name', 'Jo Bloggs');
    await page.fill('#signoff-role', 'Equality and diversity lead');
    await page.fill('#signoff-date', '2026-01-15');
    await submit(page, 'Sign off version 1');
    assert.match(await text(page, 'main'),
      /Version 1 is signed off by Jo Bloggs \(Equality and diversity lead\) on 2026-01-15/);
    violations.push(...await axe(page, 'signed off'));

    // A change after sign-off starts version 2; version 1 stays as it was signed.
    await visit(page, '#/form/1');
    await page.fill('#field-reference', 'EIRA-2026-07');
    await submit(page, 'Save and continue');
    await visit(page, '#/tasks');
    assert.match(await text(page, '#version-line'), /version 2, not signed off/);
    await visit(page, '#/versions');
    const versions = await text(page, 'table');
    assert.match(versions, /Version 1 Signed off by Jo Bloggs/);
    assert.match(versions, /Version 2 \(this version\) Not signed off field reference/);
    violations.push(...await axe(page, 'versions'));
    await page.click('a:has-text("Version 1")');
    await settled(page);
    assert.match(await text(page, 'main'), /Version 1 \(read-only\)/);
    assert.match(await text(page, 'main'), /version 1, signed off by Jo Bloggs/);
    assert.doesNotMatch(await text(page, 'main'), /EIRA-2026-07/);
    violations.push(...await axe(page, 'version 1, read-only'));
    const [file] = await Promise.all([page.waitForEvent('download'),
      page.click('button:has-text("Download version 1 (JSON)")')]);
    assert.equal(file.suggestedFilename(), 'eira_nhs-version-1.json');

    // The review date has passed: the list of assessments says so.
    await visit(page, '#/field/review_date');
    await page.fill('#field-review_date', '2020-01-31');
    await submit(page, 'Save and continue');
    await visit(page, '#/assessments');
    assert.match(await text(page, 'table'), /Overdue: the review was due on 2020-01-31/);
    violations.push(...await axe(page, 'assessments and reviews'));

    // The AIS: a maturity level per step on the results page.
    await start(page, 'ais');
    await visit(page, '#/item/1');
    assert.match(await text(page, 'main'), /Intermediate/);
    await page.check('input[name="score"][value="2"]');
    await submit(page, 'Save and continue');
    await visit(page, '#/results');
    assert.match(await text(page, 'main'), /1: .* 2 – Intermediate/);
    assert.match(await text(page, 'main'), /Not rated/);
    violations.push(...await axe(page, 'AIS results'));

    assert.deepEqual(violations, []);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
