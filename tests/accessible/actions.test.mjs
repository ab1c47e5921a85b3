// Browser test of the action plan in the accessible face, against the real web build and server
// in headless Chromium: an action added with a mistake is refused with the core's message, then
// added; the list filters by owner and overdue; a status change is kept; axe-core finds nothing
// on any page, and no request leaves the page's origin; evidence of the library is chosen when an
// action is added and changed later.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, settled, useWebFace, visit as visitRoute }
  from '../browser/support.mjs';

const face = useWebFace();
const { seen } = face;

const visit = (page, hash) => visitRoute(page, face.server.url, hash);
const text = async (page, selector) => (await page.textContent(selector)).replace(/\s+/g, ' ').trim();

async function add(page, item, action, owner, due) {
  await visit(page, '#/actions/add');
  await page.fill('#item', item);
  await page.fill('#text', action);
  await page.fill('#owner', owner);
  await page.fill('#due', due);
  await page.click('button:has-text("Add the action")');
  await settled(page);
}

test('actions are added, listed, filtered and closed, every page passing axe-core', async () => {
  const { context, page } = await face.openAccessible({ width: 1000, height: 800 });
  const violations = [];

  await visit(page, '#/actions');
  assert.match(await text(page, 'main'), /No actions match/);
  violations.push(...await axe(page, 'empty action plan'));

  await add(page, 'eds2022:9Z', 'Publish the survey', 'Jo Bloggs', '31/03/2026');
  const summary = await text(page, '.nhsuk-error-summary');
  assert.match(summary, /Due date: write the due date as YYYY-MM-DD/);
  assert.match(summary, /Item: "9Z" is not an item or row of eds2022/);
  violations.push(...await axe(page, 'add an action, with errors'));

  await add(page, 'eds2022:1A', 'Publish the survey by ethnicity', 'Jo Bloggs', '2020-03-31');
  await add(page, 'eira_nhs:race', 'Open on Thursday evenings', 'Sam Patel', '2099-12-31');
  assert.match(await text(page, 'main'), /2 shown, 1 overdue/);
  assert.match(await text(page, 'table'), /Overdue by/);
  violations.push(...await axe(page, 'action plan with two actions'));

  await page.selectOption('#owner', 'Sam Patel');
  await page.click('button:has-text("Apply filters")');
  await settled(page);
  assert.match(await text(page, 'main'), /1 shown, 0 overdue/);
  assert.match(await text(page, 'table'), /Open on Thursday evenings/);

  await visit(page, '#/actions/set/a1');
  await page.check('input[name="status"][value="dropped"]');
  await page.click('button:has-text("Save")');
  await settled(page);
  assert.match(await text(page, '.nhsuk-error-summary'), /Reason: a dropped action needs/);
  violations.push(...await axe(page, 'change an action, with an error'));
  await page.check('input[name="status"][value="done"]');
  await page.click('button:has-text("Save")');
  await settled(page);
  await visit(page, '#/actions?overdue=1');
  assert.match(await text(page, 'main'), /No actions match/);

  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

async function addNote(page, title) {
  await visit(page, '#/evidence/add/note');
  await page.fill('#text', `${title}: what it found.`);
  await page.fill('#title', title);
  await page.fill('#added_by', 'Jo Bloggs');
  await page.click('button:has-text("Add evidence")');
  await settled(page);
}

test('an action rests on evidence chosen when added and changed later, shown in the list',
  async () => {
    const { context, page } = await face.openAccessible({ width: 1000, height: 800 });
    const violations = [];
    await visit(page, '#/actions/add');
    assert.match(await text(page, '#no-evidence'), /evidence library in this browser is empty/);
    await addNote(page, 'Staff survey 2025');
    await addNote(page, 'Board minutes');

    await visit(page, '#/actions/add');
    await page.fill('#item', 'eds2022:1A');
    await page.fill('#text', 'Publish the survey by ethnicity');
    await page.fill('#owner', 'Jo Bloggs');
    await page.fill('#due', '2099-03-31');
    assert.equal(await text(page, 'label[for="evidence"]'), 'ev1: Staff survey 2025');
    await page.check('#evidence');
    violations.push(...await axe(page, 'add an action with evidence to choose'));
    await page.click('button:has-text("Add the action")');
    await settled(page);
    assert.match(await text(page, 'table'), /ev1: Staff survey 2025/);
    violations.push(...await axe(page, 'action plan with an action resting on evidence'));

    await visit(page, '#/actions/set/a1');
    assert.equal(await page.isChecked('#evidence'), true);
    await page.uncheck('#evidence');
    await page.check('#evidence-2');
    violations.push(...await axe(page, 'change an action, with its evidence'));
    await page.click('button:has-text("Save")');
    await settled(page);
    const table = await text(page, 'table');
    assert.match(table, /ev2: Board minutes/);
    assert.doesNotMatch(table, /Staff survey/);
    await visit(page, '#/actions/set/a1');
    assert.match(await text(page, 'main'), /evidence linked: ev2; evidence unlinked: ev1/);

    assert.deepEqual(violations, []);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

test("next year's assessment carries the open actions across, marked as carried over",
  async () => {
    const { context, page } = await face.openAccessible({ width: 1000, height: 800 });
    const violations = [];
    await visit(page, '#/new');
    await page.check('input[name="framework"][value="eds2022"]');
    await page.click('text=Start assessment');
    await settled(page);
    await add(page, 'eds2022:1A', 'Still to do', 'Jo Bloggs', '2099-03-31');
    await add(page, 'eds2022:1B', 'Finished', 'Jo Bloggs', '2099-03-31');
    await visit(page, '#/actions/set/a2');
    await page.check('input[name="status"][value="done"]');
    await page.click('button:has-text("Save")');
    await settled(page);

    await visit(page, '#/assessments');
    await page.click("text=Start next year's assessment");
    await settled(page);
    await page.fill('#title', '2026');
    violations.push(...await axe(page, "start next year's assessment"));
    await page.click('button:has-text("Start next year\'s assessment")');
    await settled(page);
    assert.match(await text(page, '#started'),
      /^Started eds2022-next: 1 open action\(s\) carried over, each marked as carried over/);
    violations.push(...await axe(page, "next year's assessment started"));
    await visit(page, '#/actions');
    const table = await text(page, 'table');
    assert.match(table, /Still to do/);
    assert.match(table, /Carried over from a1/);
    assert.match(table, /Finished/);  // the done one stays listed, not carried

    assert.deepEqual(violations, []);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
