// Browser test of the migration review pages of the accessible face, against the real web build
// and server in headless Chromium: an AIS assessment made with the 2016 version (which the web
// build keeps as an earlier version) opens as an offer showing what changed and what carrying it
// gives, is carried across, and each carried answer is reviewed in turn; axe-core finds nothing
// on any page, and nothing leaves the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, settled, useWebFace, visit as visitRoute }
  from '../browser/support.mjs';

const face = useWebFace();
const { seen } = face;

const visit = (page, hash) => visitRoute(page, face.server.url, hash);
const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

const ais2016 = {
  format: 'eqkit-assessment/1', framework: { id: 'ais', version: '2016' },
  answers: [{ item: '1', score: 2, narrative: 'Asked at registration' },
            { item: 'G1', score: 1 }],
};

test('an assessment from an earlier version is carried across and reviewed one by one',
     async () => {
  const { context, page } = await face.openAccessible({ width: 1000, height: 800 });
  const violations = [];

  await visit(page, '#/new');
  await page.setInputFiles('#upload', { name: 'ais-2016.json', mimeType: 'application/json',
                                        buffer: Buffer.from(JSON.stringify(ais2016)) });
  await page.click('text=Open assessment');
  await page.waitForFunction(() => location.hash === '#/migrate');
  await settled(page);
  const offer = await text(page, '#maincontent');
  assert.match(offer, /A new version of .* is available/);
  assert.match(offer, /ais-2016\.json was made with version 2016/);
  assert.match(offer, /Added \(2\)\s*6: Review/);
  assert.match(offer, /Removed \(0\)\s*None/);
  assert.match(offer, /Carried, to review \(2\)\s*1: Identify \(Ask\)\s*G1:/);
  assert.equal(await page.$('#not-carried'), null, 'nothing left behind');
  violations.push(...await axe(page, 'migration offer'));
  await page.screenshot({ path: `${process.env.EQKIT_SCREENSHOTS || '/tmp'}/migration-offer.png`,
                          fullPage: true });

  await page.click('text=Carry it across');
  await page.waitForFunction(() => location.hash === '#/review');
  await settled(page);
  assert.match(await text(page, '#maincontent'), /2 answers carried across/);
  assert.match(await text(page, '#maincontent'), /Carried answer 1 of 2 to review/);
  assert.match(await text(page, '.nhsuk-summary-list'), /Asked at registration/);
  violations.push(...await axe(page, 'review, first carried answer'));
  await page.click('text=Confirm and go to the next');
  await page.waitForFunction(() => location.hash === '#/review/G1');
  await settled(page);
  assert.match(await text(page, '#maincontent'), /Carried answer 1 of 1 to review/);
  await page.click('text=Confirm and go to the next');
  await page.waitForFunction(() => location.hash === '#/review/done');
  await settled(page);
  assert.match(await text(page, '#page-heading'), /Every carried answer is reviewed/);
  violations.push(...await axe(page, 'review done'));

  await visit(page, '#/tasks');
  assert.equal(await page.locator('a[href="#/review"]').count(), 0, 'nothing left to review');
  assert.doesNotMatch(await text(page, '#maincontent'), /Needs review/);

  // A file that is simply broken is an error on the upload form, not an offer.
  await visit(page, '#/new');
  await page.setInputFiles('#upload', { name: 'broken.json', mimeType: 'application/json',
                                        buffer: Buffer.from('{') });
  await page.click('text=Open assessment');
  await page.waitForSelector('.nhsuk-error-summary');
  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
