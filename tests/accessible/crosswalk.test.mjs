// Browser test of the item page's linked items (the crosswalk) in the accessible face, against
// the real web build and server in headless Chromium: evidence given for an EDS 2022 outcome is
// offered on the CQC quality statement the shipped mapping links to it, one button uses it there
// too, and axe-core finds nothing on either page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, settled, useWebFace, visit as visitRoute }
  from '../browser/support.mjs';

const face = useWebFace();
const { seen } = face;


const visit = (page, hash) => visitRoute(page, face.server.url, hash);

async function start(page, framework) {
  await visit(page, '#/new');
  await page.check(`input[name="framework"][value="${framework}"]`);
  await page.click('text=Start assessment');
  await settled(page);
}

const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

test('evidence for EDS 2022 1A is offered on the linked CQC quality statement and used there',
     async () => {
  const { context, page } = await face.openAccessible({ width: 1000, height: 800 });
  const violations = [];

  await start(page, 'eds2022');
  await visit(page, '#/item/1A');
  const links = await text(page, '#item-links');
  assert.match(links, /Linked items in other frameworks/);
  assert.match(links, /RES-5/);
  assert.match(links, /EqualityKit's own mapping, not an official one/);
  violations.push(...await axe(page, 'EDS 2022 1A with its linked items'));

  await visit(page, '#/evidence/add/note');
  await page.fill('#text', 'Step-free entrance and hearing loop checked in March.');
  await page.fill('#title', 'Access audit');
  await page.fill('#added_by', 'Jo Bloggs');
  assert.equal(await page.getAttribute('#supports', 'value'), 'eds2022:1A');
  await page.check('#supports');
  await page.click('button:has-text("Add evidence")');
  await settled(page);

  await start(page, 'cqc_saf');
  await visit(page, '#/item/RES-5');
  assert.match(await text(page, '#item-links'), /Evidence given there: Access audit/);
  violations.push(...await axe(page, 'CQC RES-5 with evidence offered from EDS 2022 1A'));
  await page.click('#item-links form.crosswalk-use button');
  await page.waitForSelector('#item-links-note');
  assert.match(await text(page, '#item-links-note'), /attached to this item too/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'item-links-note');
  assert.match(await text(page, '#item-evidence'), /Access audit/);
  assert.equal(await page.$('#item-links form.crosswalk-use'), null, 'no longer offered');
  violations.push(...await axe(page, 'CQC RES-5 after using the evidence'));

  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
