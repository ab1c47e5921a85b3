// The evidence pack's report.html, as someone who unzipped the pack reads it, passes axe-core
// (WCAG 2.2 AA rules). The pack is made by the real eqkit binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, useCliExports } from '../browser/support.mjs';

const cli = useCliExports('eqkit-pack-report-');
const { eqkit } = cli;

test('an unzipped evidence pack report passes axe-core WCAG 2.2 AA', async () => {
  const ws = join(cli.dir, 'ws');
  eqkit('workspace', 'new', ws);
  eqkit('assess', 'new', '--framework', 'eds2022', '--workspace', ws);
  eqkit('assess', 'set', join(ws, 'assessments', 'eds2022.json'), '1A', '--score', '2',
        '--note', 'Access audit <2025> & ramps');
  writeFileSync(join(cli.dir, 'minutes.txt'), 'Board minutes: equality impacts discussed.\n');
  eqkit('evidence', 'add', ws, join(cli.dir, 'minutes.txt'), '--title', 'Board minutes',
        '--effective', '2025-03-01', '--item', 'eds2022:3B');
  eqkit('evidence', 'add', ws, '--note', 'Monthly carers forum', '--title', 'Carers forum',
        '--item', 'eds2022:1D');
  eqkit('key', 'new', '--out', join(cli.dir, 'signing.key'));
  eqkit('pack', 'export', ws, '--out', join(cli.dir, 'pack.zip'), '--sign', join(cli.dir, 'signing.key'));
  execFileSync('python3', ['-m', 'zipfile', '-e', join(cli.dir, 'pack.zip'), join(cli.dir, 'unzipped')]);

  const page = await cli.browser.newPage();
  await page.goto('file://' + join(cli.dir, 'unzipped', 'report.html'));
  const text = await page.textContent('body');
  assert.match(text, /Board minutes/);
  assert.match(text, /Access audit <2025> & ramps/);
  assert.deepEqual(await axe(page, 'evidence pack report.html'), []);
  await page.close();
});
