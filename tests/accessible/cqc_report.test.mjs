// The HTML report of a CQC quality statements assessment (with its rating, the rules in words,
// the judgements left to the user and every UNCONFIRMED fact), made by the real eqkit binary,
// passes axe-core (WCAG 2.2 AA rules) and says what it must in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { axe, useCliExports } from '../browser/support.mjs';

const cli = useCliExports('eqkit-cqc-report-');
const { eqkit, plugins: PLUGINS } = cli;

test('a CQC assessment report with its rating passes axe-core WCAG 2.2 AA', async () => {
  const file = join(cli.dir, 'cqc.json');
  eqkit('assess', 'new', '--framework', 'cqc_saf', '--out', file, '--title', 'Oak <House> & Co');
  const fw = JSON.parse(readFileSync(join(PLUGINS, 'cqc_saf', 'framework.json'), 'utf8'));
  for (const group of fw.groups) {
    for (const item of group.items) {
      eqkit('assess', 'set', file, item.code, '--score', item.code === 'SAFE-1' ? '1' : '4');
    }
  }
  const open = join(cli.dir, 'open.html');
  eqkit('report', file, '--out', open);
  // Safe waits for the user's judgement (the limit for a statement scored 1 is unconfirmed).
  const page = await cli.browser.newPage();
  await page.goto('file://' + open);
  assert.match(await page.textContent('body'), /Needs your judgement/);
  assert.match(await page.textContent('body'), /Your judgement: not recorded yet/);
  assert.deepEqual(await axe(page, 'CQC assessment report.html, a judgement open'), []);

  eqkit('assess', 'judge', file, 'SAFE', '--rating', 'Good', '--rationale', 'One fall, acted on');
  const out = join(cli.dir, 'report.html');
  eqkit('report', file, '--out', out);
  await page.goto('file://' + out);
  const text = await page.textContent('body');
  assert.match(text, /Oak <House> & Co/);
  assert.match(text, /applies from 2024-12/);
  assert.match(text, /Overall rating: Outstanding/);
  assert.match(text, /Your judgements, as recorded/);
  assert.match(text, /Your judgement: Good \(One fall, acted on\)/);
  assert.match(text, /Options: Requires improvement, Good, Outstanding/);
  assert.match(text, /UNCONFIRMED:/);
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.$$eval('table', (ts) => ts.filter((t) => !t.querySelector('caption')).length), 0);
  assert.deepEqual(await axe(page, 'CQC assessment report.html'), []);
  await page.close();
});

test('the CQC local authority report pages (score wording, your I and We statements, sections) pass axe-core', async () => {
  const file = join(cli.dir, 'la.json');
  eqkit('assess', 'new', '--framework', 'cqc_la', '--out', file, '--title', 'Northshire Council');
  eqkit('assess', 'set', file, '1', '--score', '2', '--i-statement',
    'I have care and support that is co-ordinated, and everyone works well together.',
    '--section', 'Assessments: Waiting times were long.', '--section', 'Carers: Carers felt heard.');
  eqkit('assess', 'set', file, '4', '--score', '3');
  const out = join(cli.dir, 'pages.html');
  eqkit('report', file, '--out', out, '--pages');
  const page = await cli.browser.newPage();
  await page.goto('file://' + out);
  const text = (await page.textContent('body')).replace(/\s+/g, ' ');
  assert.match(text, /Score: 2 – Evidence shows some shortfalls/);
  assert.match(text, /Your text \(entered by you, not taken from CQC\): I have care and support/);
  // No We statement was entered, and the reference has none: it is left for the user, in words.
  assert.match(text, /EqualityKit's reference does not include CQC's We statement for this statement/);
  assert.equal(await page.locator('h4', { hasText: 'Assessments' }).count(), 1);
  assert.equal(await page.locator('h4', { hasText: 'Carers' }).count(), 1);
  assert.match(text, /Overall rating: Good/);  // (2 + 3) of 8 = 62.5% → 63%
  assert.equal(await page.locator('h1').count(), 1);
  assert.deepEqual(await axe(page, 'CQC LA report pages'), []);
  await page.close();
});
