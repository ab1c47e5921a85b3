// Browser test of the accessible pages for a CQC assessment's choices, against the real web build
// and server in headless Chromium: the quality statements that apply (the user's choice, said
// so), a judgement the rules leave to the user recorded with its rationale (refused without
// one), an answer marked "needs review" confirmed, evidence category scores under the earlier
// method, and the coverage page; axe-core finds nothing on any of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, settled, useWebFace, visit as visitRoute }
  from '../browser/support.mjs';

const face = useWebFace();
const { seen } = face;

const visit = (page, hash) => visitRoute(page, face.server.url, hash);
const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

async function score(page, code, value) {
  await visit(page, `#/item/${code}`);
  await page.check(`input[name="score"][value="${value}"]`);
  await page.click('text=Save and continue');
  await settled(page);
}

test('CQC choices, judgements, needs review, evidence categories and coverage', async () => {
  const { context, page } = await face.openAccessible({ width: 1000, height: 800 });
  const violations = [];

  await visit(page, '#/new');
  await page.check('input[name="framework"][value="cqc_saf"]');
  await page.click('text=Start assessment');
  await settled(page);
  assert.match(await text(page, '#choices-line'), /Every quality statement is shown: you have not said/);

  // The statements that apply: the page says the choice is the user's, and why.
  await visit(page, '#/choices');
  assert.match(await text(page, '#applies-hint'), /says nothing about which quality statements apply/);
  violations.push(...await axe(page, 'CQC choices'));
  await page.uncheck('#applies-SAFE-1');
  await page.click('text=Save choices');
  await settled(page);
  assert.match(await text(page, '#choices-line'), /Showing the 33 of 34 quality statements/);
  assert.equal(await page.locator('a[href="#/item/SAFE-1"]').count(), 0);
  assert.equal(await page.locator('a[href="#/item/SAFE-2"]').count(), 1);

  // Safe: 4 + 4 + 4 + 1 → 81%, with a statement scored 1: the user decides.
  for (const code of ['SAFE-2', 'SAFE-3', 'SAFE-4']) await score(page, code, 4);
  await score(page, 'SAFE-5', 1);
  await visit(page, '#/results');
  assert.match(await text(page, '#rating-SAFE caption'), /81%: needs your judgement/);
  await page.check('#judgement-SAFE-rating-1');  // Good
  await page.click('form.eqkit-judgement button');
  await page.waitForSelector('.nhsuk-error-summary');
  assert.match(await text(page, '.nhsuk-error-summary'), /a judgement needs a rationale saying why/);
  violations.push(...await axe(page, 'CQC results, judgement refused'));
  await page.fill('#judgement-SAFE-rationale', 'One fall, reviewed and acted on');
  await page.click('form.eqkit-judgement button');
  await page.waitForFunction(() => document.getElementById('rating-judgements')?.textContent
    .includes('Your judgements, as recorded'));
  assert.match(await text(page, '#rating-judgements'), /Your call: Good, because One fall, reviewed and acted on/);
  assert.match(await text(page, '#rating-SAFE caption'), /81%: Good/);
  violations.push(...await axe(page, 'CQC results, judgement recorded'));

  // An assessment whose answer was carried from elsewhere: marked until confirmed.
  const carried = {
    format: 'eqkit-assessment/1', framework: { id: 'cqc_saf', version: '1' },
    answers: [{ item: 'CAR-1', score: 3, needs_review: true,
                sources: [{ item: 'eds2022:2A', from: 'EDS 2022 2A (assessment eds2022)',
                            accepted_by: 'Jo Bloggs', accepted_on: '2025-01-31' }] }],
  };
  await visit(page, '#/new');
  await page.setInputFiles('#upload', { name: 'carried.json', mimeType: 'application/json',
                                        buffer: Buffer.from(JSON.stringify(carried)) });
  await page.click('text=Open assessment');
  await settled(page);
  assert.match(await text(page, '#status-CAR-1'), /Needs review/);
  await visit(page, '#/item/CAR-1');
  assert.match(await text(page, '#needs-review'),
    /From EDS 2022 2A \(assessment eds2022\), accepted by Jo Bloggs on 2025-01-31/);
  violations.push(...await axe(page, 'item page, needs review'));
  await page.click('text=Confirm this answer');
  await page.waitForSelector('#item-note');
  assert.match(await text(page, '#item-note'), /no longer needs review/);
  assert.equal(await page.$('#needs-review'), null);

  // The earlier method scores evidence categories on the item page.
  await visit(page, '#/choices');
  await page.check('input[name="method"][value="evidence_categories"]');
  await page.click('text=Save choices');
  await settled(page);
  await visit(page, '#/item/SAFE-1');
  await page.check('input[name="category-people"][value="3"]');
  await page.check('input[name="category-processes"][value="2"]');
  violations.push(...await axe(page, 'item page, evidence categories'));
  await page.click('text=Save and continue');
  await settled(page);
  await visit(page, '#/results');
  assert.match(await text(page, '#rating'), /before December 2024/);
  // SAFE-1: 3 + 2 = 5 of 8 = 62.5% → 63% → score 3; Safe: 3 of 4 = 75% → Good.
  assert.match(await text(page, '#rating-SAFE caption'), /75%: Good/);

  await visit(page, '#/coverage/cqc_saf');
  assert.match(await text(page, '#coverage-counts'), /with evidence here, .* through the crosswalk only, .* with none/);
  violations.push(...await axe(page, 'coverage'));

  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a care home says which key questions apply, each whole, in one step on the assessment page',
     async () => {
  const { context, page } = await face.openAccessible({ width: 1000, height: 800 });
  await visit(page, '#/new');
  await page.check('input[name="framework"][value="cqc_saf"]');
  await page.click('text=Start assessment');
  await settled(page);
  // Every key question is ticked while nothing is chosen; the hint says what ticking does.
  assert.equal(await page.locator('input[name="applies-group"]:checked').count(), 5);
  assert.match(await text(page, '#groups-hint'),
    /Every quality statement of each key question you tick will apply, and none of the others/);
  const violations = await axe(page, 'assessment page, key questions form');

  // By keyboard: untick Effective, Responsive and Well-led, then the button.
  for (const code of ['EFFECTIVE', 'RESPONSIVE', 'WELL-LED']) {
    await page.focus(`#applies-group-${code}`);
    await page.keyboard.press('Space');
  }
  await page.focus('#groups-form button');
  await page.keyboard.press('Enter');
  await settled(page);
  // Safe (8) + Caring (5) = 13 of the 34 statements, through the core's applying_items.
  assert.match(await text(page, '#choices-line'), /Showing the 13 of 34 quality statements/);
  assert.equal(await page.locator('a[href="#/item/SAFE-8"]').count(), 1);
  assert.equal(await page.locator('a[href="#/item/CAR-5"]').count(), 1);
  assert.equal(await page.locator('a[href^="#/item/EFF-"]').count(), 0);
  assert.deepEqual(await page.locator('input[name="applies-group"]:checked')
    .evaluateAll((boxes) => boxes.map((b) => b.value)), ['SAFE', 'CARING']);
  violations.push(...await axe(page, 'assessment page, two key questions apply'));
  await visit(page, '#/results');
  assert.match(await text(page, '#rating-EFFECTIVE caption'),
    /None of it applies to your service \(your choice\)/);
  assert.match(await text(page, '#rating'),
    /Working: none of its quality statements apply to your service/);
  assert.match(await text(page, '#rating-SAFE caption'), /Nothing scored yet/);
  await visit(page, '#/tasks');

  // A key question ticked again applies whole; the choices page agrees, statement by statement.
  await page.check('#applies-group-EFFECTIVE');
  await page.click('#groups-form button');
  await settled(page);
  assert.match(await text(page, '#choices-line'), /Showing the 19 of 34 quality statements/);
  await visit(page, '#/choices');
  assert.equal(await page.isChecked('#applies-EFF-6'), true);
  assert.equal(await page.isChecked('#applies-RES-1'), false);

  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
