// Browser test of the migration review pages of the accessible face, against the real web build
// and server in headless Chromium: an AIS assessment made with the 2016 version (which the web
// build keeps as an earlier version) opens as an offer showing what changed and what carrying it
// gives, is carried across, and each carried answer is reviewed in turn; one kept in the
// browser's storage is offered the same way after a reload, with nothing lost; axe-core finds
// nothing on any page, and nothing leaves the origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AIS_2016 as ais2016, axe, settled, useWebFace, visit as visitRoute }
  from '../browser/support.mjs';

const face = useWebFace();
const { seen } = face;

const visit = (page, hash) => visitRoute(page, face.server.url, hash);
const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

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

// Writes a file into the face's IndexedDB-backed storage (IDBFS keeps one record per path), as
// an earlier version of EqualityKit would have left it; the face reads it on the next load.
function keepInBrowser(page, path, text) {
  return page.evaluate(([key, body]) => new Promise((resolve, reject) => {
    const open = indexedDB.open('/persist');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('FILE_DATA', 'readwrite');
      tx.objectStore('FILE_DATA').put({ timestamp: new Date(), mode: 0o100644,
                                        contents: new TextEncoder().encode(body) }, key);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  }), [path, text]);
}

test('an assessment kept in this browser from an earlier version is offered, not set aside',
     async () => {
  const { context, page } = await face.openAccessible({ width: 1000, height: 800 });
  const violations = [];
  await keepInBrowser(page, '/persist/current.json', JSON.stringify(ais2016));
  await page.reload();
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  await visit(page, '#/');
  const start = await text(page, '#kept-earlier');
  assert.match(start, /An assessment kept in this browser needs carrying across/);
  assert.match(start, /earlier version of its framework, so it was set aside, unchanged/);
  assert.doesNotMatch(await text(page, '#maincontent'), /could not be opened/);
  violations.push(...await axe(page, 'start page with a kept earlier version'));

  await page.click('text=See what changed and carry it across');
  await settled(page);
  const offer = await text(page, '#maincontent');
  assert.match(offer, /The assessment kept in this browser was made with version 2016/);
  assert.match(offer, /The copy kept in this browser is not changed/);
  assert.match(offer, /Carried, to review \(2\)\s*1: Identify \(Ask\)\s*G1:/);
  violations.push(...await axe(page, 'offer for the kept assessment'));
  await page.screenshot({ path: `${process.env.EQKIT_SCREENSHOTS || '/tmp'}/migration-kept.png`,
                          fullPage: true });
  // Its answers as they are can be downloaded before anything changes.
  const [saved] = await Promise.all([page.waitForEvent('download'),
                                     page.click('text=Download it as it is (version 2016)')]);
  assert.deepEqual(JSON.parse(readFileSync(await saved.path(), 'utf8')), ais2016);

  await page.click('text=Carry it across');
  await page.waitForFunction(() => location.hash === '#/review');
  await settled(page);
  assert.match(await text(page, '#maincontent'), /2 answers carried across/);
  assert.match(await text(page, '.nhsuk-summary-list'), /Asked at registration/);

  // After a reload the carried assessment opens, marked for review, and nothing is offered.
  await page.reload();
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  await visit(page, '#/tasks');
  assert.match(await text(page, '#maincontent'), /Needs review/);
  await visit(page, '#/new');
  assert.equal(await page.$('#kept-earlier'), null, 'carried across, so no longer offered');
  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
