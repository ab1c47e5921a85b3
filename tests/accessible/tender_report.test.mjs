// The tender results report made by the real eqkit binary, for a small tender run through the
// CLI (signed scoresheets, a conflict of interest, consensus moderation, a failed minimum-free
// question set), passes axe-core (WCAG 2.2 AA rules) and says in words what it must.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, useCliExports } from '../browser/support.mjs';

const cli = useCliExports('eqkit-tender-report-');
const { eqkit } = cli;
const QUESTIONS = ['PSR4-ACCESS', 'PSR4-INEQUALITIES', 'PSR4-CHOICE'];

test('a tender results report passes axe-core WCAG 2.2 AA and shows its working', async () => {
  eqkit('key', 'new', '--out', 'ann.key');
  eqkit('key', 'new', '--out', 'bob.key');
  eqkit('tender', 'new', '--questions', 'tender_psr_access', '--out', 't', '--id', 'ward_7');
  eqkit('tender', 'evaluator', 'add', 't', 'Ann');
  eqkit('tender', 'evaluator', 'add', 't', 'Bob');
  eqkit('tender', 'publish', 't');
  for (const bidder of ['Acme <Care> & Co', 'Beacon']) {
    const answers = QUESTIONS.map((q) => ({ question: q, text: `Our plan for ${q}.` }));
    writeFileSync(join(cli.dir, `${bidder.length}.json`),
      JSON.stringify({ format: 'eqkit-tender-responses/1', bidder, answers }));
    eqkit('tender', 'bid', 'add', 't', '--bidder', bidder, '--responses', `${bidder.length}.json`);
  }
  eqkit('tender', 'coi', 't', '--evaluator', 'Bob', '--bidder', 'Beacon', '--declare', 'former employee');
  for (const [who, marks] of [['Ann', { 'Acme <Care> & Co': 3, Beacon: 4 }], ['Bob', { 'Acme <Care> & Co': 1 }]]) {
    const sheet = `${who}.json`;
    eqkit('tender', 'scoresheet', 'new', 't', '--evaluator', who, '--out', sheet);
    for (const [bidder, score] of Object.entries(marks)) {
      for (const q of QUESTIONS) {
        eqkit('tender', 'score', sheet, '--bidder', bidder, '--question', q, '--score', String(score),
          '--rationale', `${who}: evidence of ${q}`);
      }
    }
    eqkit('tender', 'submit', sheet, '--key', `${who.toLowerCase()}.key`);
  }
  eqkit('tender', 'import', 't', 'Ann.json', 'Bob.json');
  for (const q of QUESTIONS) {
    eqkit('tender', 'moderate', 't', '--bidder', 'Acme <Care> & Co', '--question', q, '--score', '2',
      '--rationale', 'Agreed: a partial plan without monitoring.');
    eqkit('tender', 'moderate', 't', '--bidder', 'Beacon', '--question', q, '--score', '4',
      '--rationale', 'Agreed: a full plan.');
  }
  const out = join(cli.dir, 'report.html');
  eqkit('tender', 'results', 't', '--html', out);

  const page = await cli.browser.newPage();
  await page.goto('file://' + out);
  const text = await page.textContent('body');
  assert.match(text, /Acme <Care> & Co/);
  assert.match(text, /2 ÷ 4 × 40 = 20/);
  assert.match(text, /20 \+ 20 \+ 10 = 50/);
  assert.match(text, /Yes: the scores differ by 2, more than 1/);
  assert.match(text, /Agreed: a partial plan without monitoring\./);
  assert.match(text, /UNCONFIRMED:/);
  assert.match(text, /published the tender/);
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.$$eval('table', (ts) => ts.filter((t) => !t.querySelector('caption')).length), 0);
  assert.deepEqual(await axe(page, 'tender report.html'), []);
  await page.close();
});
