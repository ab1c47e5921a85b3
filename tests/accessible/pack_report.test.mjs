// The evidence pack's report.html, as someone who unzipped the pack reads it, passes axe-core
// (WCAG 2.2 AA rules). The pack is made by the real eqkit binary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, launchBrowser, requireEnv } from '../browser/support.mjs';

const EQKIT = requireEnv('EQKIT_CLI');
const PLUGINS = requireEnv('EQKIT_PLUGINS');
let browser;
let dir;

function eqkit(...args) {
  return execFileSync(EQKIT, ['--plugins', PLUGINS, ...args], { encoding: 'utf8' });
}

before(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'eqkit-pack-report-'));
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('an unzipped evidence pack report passes axe-core WCAG 2.2 AA', async () => {
  const ws = join(dir, 'ws');
  eqkit('workspace', 'new', ws);
  eqkit('assess', 'new', '--framework', 'eds2022', '--workspace', ws);
  eqkit('assess', 'set', join(ws, 'assessments', 'eds2022.json'), '1A', '--score', '2',
        '--note', 'Access audit <2025> & ramps');
  writeFileSync(join(dir, 'minutes.txt'), 'Board minutes: equality impacts discussed.\n');
  eqkit('evidence', 'add', ws, join(dir, 'minutes.txt'), '--title', 'Board minutes',
        '--effective', '2025-03-01', '--item', 'eds2022:3B');
  eqkit('evidence', 'add', ws, '--note', 'Monthly carers forum', '--title', 'Carers forum',
        '--item', 'eds2022:1D');
  eqkit('key', 'new', '--out', join(dir, 'signing.key'));
  eqkit('pack', 'export', ws, '--out', join(dir, 'pack.zip'), '--sign', join(dir, 'signing.key'));
  execFileSync('python3', ['-m', 'zipfile', '-e', join(dir, 'pack.zip'), join(dir, 'unzipped')]);

  const page = await browser.newPage();
  await page.goto('file://' + join(dir, 'unzipped', 'report.html'));
  const text = await page.textContent('body');
  assert.match(text, /Board minutes/);
  assert.match(text, /Access audit <2025> & ramps/);
  assert.deepEqual(await axe(page, 'evidence pack report.html'), []);
  await page.close();
});
