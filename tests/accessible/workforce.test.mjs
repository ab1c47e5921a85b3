// Browser test of the WRES pages of the accessible face: the real web build served by the real
// eqkit-server, in Debian's headless Chromium. CSV files made here are uploaded, their columns
// mapped, imported, and the indicators checked against figures worked out by hand below; every
// page passes axe-core (WCAG 2.2 AA).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { axe, useWebFace, watch }
  from '../browser/support.mjs';

const face = useWebFace();
const { seen } = face;

// ---- the files, with counts worked out by hand ------------------------------------------------

function lines(header, rows) {
  return Buffer.from([header, ...rows].join('\r\n') + '\r\n');
}
const range = (n) => Array.from({ length: n }, (_, i) => i + 1);

// 40 White staff (A) and 20 BME staff (H); headings are the organisation's own.
const staff = lines('Person ID,Ethnic Category,AfC Band,Clinical,Bank Flag', [
  ...range(40).map((i) => `W${i},A,5,Y,N`), ...range(20).map((i) => `B${i},H,6,N,N`)]);
// Indicator 2 = (White 60 appointed / 200 shortlisted) / (BME 20 / 100) = 0.30 / 0.20 = 1.50.
// "Ethnicity" is not our name for ethnic_category, so the mapping step must be used.
const recruitment = lines('Ethnicity,Shortlisted,Appointed', ['A,200,60', 'H,100,20']);
// Indicator 3 = (BME 10 / 20) / (White 10 / 40) = 0.50 / 0.25 = 2.00.
const disciplinary = lines('person_id', range(10).flatMap((i) => [`W${i}`, `B${i}`]));
// Indicator 4 = (White 30 / 40) / (BME 12 / 20) = 0.75 / 0.60 = 1.25.
const training = lines('person_id,accessed_non_mandatory', [
  ...range(40).map((i) => `W${i},${i <= 30 ? 'Y' : 'N'}`),
  ...range(20).map((i) => `B${i},${i <= 12 ? 'Y' : 'N'}`)]);
const board = lines('ethnic_category,voting', [...range(12).map(() => 'A,Y'), 'H,Y']);
// Staff Survey figures as published, for indicators 5 and 7.
const survey = lines('indicator,group,percentage', ['5,White,25.1', '5,BME,28', '7,BME,44.9']);
// Last year's counts: indicator 3 was (BME 10 / 20) / (White 12 / 40) = 0.50 / 0.30 = 1.67;
// pooled with this year, (10 + 10) / (20 + 20) over (10 + 12) / (40 + 40) = 0.50 / 0.275 = 1.82.
const lastYear = Buffer.from(JSON.stringify({ format: 'eqkit-wres-counts/1', year: '2023-24',
  headcount: { white: 40, bme: 20, unknown: 0 }, disciplinary: { white: 12, bme: 10 } }));

// ---- helpers ------------------------------------------------------------------------------------

const violations = [];

async function settled(page, heading) {
  await page.waitForFunction((text) => {
    const h = document.getElementById('page-heading');
    return h && h.textContent.replace(/\s+/g, ' ').trim().startsWith(text);
  }, heading);
}

// Counts the files read as streams (window.streamsRead); limit lowers the size read ahead.
function countStreams(limit) {
  if (limit !== null) globalThis.eqkitReadAheadBytes = limit;
  const stream = Blob.prototype.stream;
  window.streamsRead = 0;
  Blob.prototype.stream = function counted() {
    window.streamsRead += 1;
    return stream.call(this);
  };
}

async function check(page, label) {
  violations.push(...await axe(page, label));
}

test('WRES from CSV files: upload, map columns, import, survey figures, results, download',
     async () => {
  const context = await face.browser.newContext({ viewport: { width: 1000, height: 800 },
                                             acceptDownloads: true });
  const page = await context.newPage();
  await watch(page, seen);
  await page.addInitScript(countStreams, null);
  await page.goto(face.server.url);
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);

  // The start page links to the workforce pages.
  await page.getByRole('link', { name: /Compute the WRES or WDES/ }).click();
  await settled(page, 'Which workforce standard');
  await check(page, 'choose a standard');
  await page.getByRole('button', { name: 'Continue' }).click();  // nothing chosen: an error
  await page.waitForSelector('.nhsuk-error-summary');
  assert.match(await page.textContent('.nhsuk-error-summary'), /Select the standard to compute/);
  await check(page, 'choose a standard, with an error');
  await page.getByLabel('NHS Workforce Race Equality Standard (WRES)').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await settled(page, 'Upload your WRES data');
  await check(page, 'upload');
  await page.setInputFiles('#file-staff', { name: 'staff.csv', mimeType: 'text/csv', buffer: staff });
  await page.setInputFiles('#file-recruitment',
                           { name: 'recruitment.csv', mimeType: 'text/csv', buffer: recruitment });
  await page.setInputFiles('#file-disciplinary',
                           { name: 'disciplinary.csv', mimeType: 'text/csv', buffer: disciplinary });
  await page.setInputFiles('#file-training',
                           { name: 'training.csv', mimeType: 'text/csv', buffer: training });
  await page.setInputFiles('#file-board', { name: 'board.csv', mimeType: 'text/csv', buffer: board });
  await page.getByRole('button', { name: 'Continue to the columns' }).click();

  // The core proposed a heading for each field it could match; "Ethnicity" it could not.
  await settled(page, 'Match your columns to ours');
  await check(page, 'columns');
  assert.equal(await page.inputValue('#map-staff-afc_band'), 'AfC Band');
  assert.equal(await page.inputValue('#map-recruitment-ethnic_category'), '');
  await page.getByRole('button', { name: 'Import the files' }).click();
  await page.waitForSelector('.nhsuk-error-summary');
  assert.match(await page.textContent('.nhsuk-error-summary'),
               /Select the column that holds ethnic category \(it is needed\)/);
  await check(page, 'columns, with an error');
  // The summary's link takes the keyboard to the select it names.
  await page.click('.nhsuk-error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement.id),
               'map-recruitment-ethnic_category');
  await page.selectOption('#map-recruitment-ethnic_category', 'Ethnicity');
  await page.selectOption('#map-staff-is_bank', 'Bank Flag');
  await page.getByRole('button', { name: 'Import the files' }).click();

  await settled(page, 'Import report');
  await check(page, 'import report');
  const report = await page.textContent('main');
  assert.match(report, /staff: staff\.csv\s*60\s*60/);
  assert.doesNotMatch(report, /The import stopped/);
  // The files were read whole while the columns were checked, none during the import.
  assert.equal(await page.evaluate(() => window.streamsRead), 0);
  await page.getByRole('button', { name: 'Continue to the Staff Survey figures' }).click();

  await settled(page, 'Staff Survey figures');
  await check(page, 'survey figures');
  // The figures come from a Staff Survey CSV file into the form, to be checked.
  await page.getByRole('button', { name: 'Import the survey figures' }).click();
  await page.waitForSelector('.nhsuk-error-summary');
  assert.match(await page.textContent('.nhsuk-error-summary'), /Select the Staff Survey CSV file/);
  await page.setInputFiles('#survey-file', { name: 'survey.csv', mimeType: 'text/csv',
                                             buffer: survey });
  await page.getByRole('button', { name: 'Import the survey figures' }).click();
  await page.waitForFunction(() => document.getElementById('survey-7-bme')?.value === '44.9');
  assert.equal(await page.inputValue('#survey-5-white'), '25.1');
  assert.match(await page.textContent('main'), /survey\.csv has been read/);
  await check(page, 'survey figures imported');
  // Last year's counts file, to be shown beside this year; then the year of these figures.
  await page.setInputFiles('#previous-file', { name: 'wres-counts-2023-24.json',
                                               mimeType: 'application/json', buffer: lastYear });
  await page.getByRole('button', { name: "Use last year's counts" }).click();
  await page.waitForFunction(() => /Last year: the counts file wres-counts-2023-24\.json \(2023-24\)/
    .test(document.querySelector('main').textContent));
  await check(page, "last year's counts given");
  await page.fill('#wf-year', '2024-25');
  await page.fill('#survey-5-bme', 'lots');
  await page.getByRole('button', { name: 'See the indicators' }).click();
  await page.waitForSelector('.nhsuk-error-summary');
  assert.match(await page.textContent('.nhsuk-error-summary'), /as a number, like 25\.1/);
  await check(page, 'survey figures, with an error');
  await page.fill('#survey-5-bme', '28%');
  await page.getByRole('button', { name: 'See the indicators' }).click();

  await settled(page, 'WRES results, 2024-25');
  await check(page, 'results');
  const value = async (n) => (await page.textContent(`section[aria-labelledby="ind-${n}-heading"]`))
    .replace(/\s+/g, ' ');
  assert.match(await value(2), /Value: 1\.50/);
  assert.match(await value(3), /Value: 2\.00/);
  assert.match(await value(3), /Last year: 1\.67/);
  assert.match(await value(3), /Two-year pooled[^:]*: 1\.82, 95% interval/);
  assert.match(await value(3), /UNCONFIRMED/);
  assert.match(await value(5), /28\.0%/);
  assert.match(await value(7), /44\.9%/);
  assert.match(await value(4), /Value: 1\.25/);
  assert.match(await value(2), /UNCONFIRMED/);
  // The board's one BME member is a count under 10: suppressed, and said so in words.
  assert.match(await value(9), /suppressed/);
  // Each chart has a text alternative carrying its numbers.
  assert.match(await page.textContent('#ind-2-title'), /Ratio 1\.50, 95% interval 0\.96 to 2\.34/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download results (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'wres-results.csv');
  const csv = await readFile(await download.path(), 'utf8');
  assert.match(csv, /^standard,period,indicator,part,measure,group,value,unit,state,note\r\n/);
  assert.match(csv, /^wres,[^,]*,2,,value,,1\.5,ratio,shown,/m);
  // This year's counts, kept for next year's comparison.
  const [counts] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download counts for next year (JSON)' }).click(),
  ]);
  assert.equal(counts.suggestedFilename(), 'wres-counts-2024-25.json');
  const saved = JSON.parse(await readFile(await counts.path(), 'utf8'));
  assert.equal(saved.year, '2024-25');
  assert.equal(saved.disciplinary.bme, 10);

  // The report becomes evidence, for the items the crosswalk links to WRES (EDS 2022 2B among
  // them); the user adds who they are.
  await page.getByRole('button', { name: 'Add the report to your evidence library' }).click();
  await settled(page, 'Add to your evidence library');
  assert.match(await page.textContent('#document-file'), /wres-results\.html/);
  assert.equal(await page.isChecked('input[name="supports"][value="eds2022:2B"]'), true);
  await check(page, 'results as evidence');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.waitForSelector('.nhsuk-error-summary');
  assert.match(await page.textContent('.nhsuk-error-summary'), /Added by/);
  await page.fill('#added_by', 'Jo Bloggs');
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await page.waitForSelector('#edit-message');
  assert.match(await page.textContent('#edit-message'), /added to your library/);
  assert.match(await page.textContent('main'), /eds2022:2B/);
  await check(page, 'the results kept as evidence');

  // The mapping is kept in the browser for next year: a fresh visit proposes "Ethnicity".
  await page.goto(face.server.url + '#/workforce');
  await page.reload();
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  await page.getByLabel('NHS Workforce Race Equality Standard (WRES)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, 'Upload your WRES data');
  for (const [id, name, buffer] of [['staff', 'staff.csv', staff],
    ['recruitment', 'recruitment.csv', recruitment], ['disciplinary', 'd.csv', disciplinary],
    ['training', 't.csv', training], ['board', 'b.csv', board]]) {
    await page.setInputFiles(`#file-${id}`, { name, mimeType: 'text/csv', buffer });
  }
  await page.getByRole('button', { name: 'Continue to the columns' }).click();
  await settled(page, 'Match your columns to ours');
  assert.equal(await page.inputValue('#map-recruitment-ethnic_category'), 'Ethnicity');

  assert.deepEqual(violations, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

// Files over the size the page reads ahead (a national workforce) are read a slice at a time
// during the import instead: the same report. Here the limit is lowered to 0 bytes.
test('WRES files read during the import, not ahead: the same import report', async () => {
  const context = await face.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await watch(page, seen);
  await page.addInitScript(countStreams, 0);
  await page.goto(face.server.url + '#/workforce');
  await page.waitForFunction(() => window.eqkit_accessible_ready === true);
  await page.getByLabel('NHS Workforce Race Equality Standard (WRES)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await settled(page, 'Upload your WRES data');
  // Training with a row whose flag is neither Y nor N: rejected with its line, whichever way the
  // file was read.
  const badTraining = Buffer.concat([training, Buffer.from('W1,maybe\r\n')]);
  for (const [id, buffer] of [['staff', staff], ['disciplinary', disciplinary],
    ['training', badTraining], ['board', board]]) {
    await page.setInputFiles(`#file-${id}`, { name: `${id}.csv`, mimeType: 'text/csv', buffer });
  }
  await page.setInputFiles('#file-recruitment',
                           { name: 'recruitment.csv', mimeType: 'text/csv', buffer: recruitment });
  await page.getByRole('button', { name: 'Continue to the columns' }).click();
  await settled(page, 'Match your columns to ours');
  await page.selectOption('#map-recruitment-ethnic_category', 'Ethnicity');
  await page.getByRole('button', { name: 'Import the files' }).click();
  await settled(page, 'Import report');
  const report = (await page.textContent('main')).replace(/\s+/g, ' ');
  assert.match(report, /staff: staff\.csv 60 60/);
  assert.match(report, /training: training\.csv 61 /);
  assert.match(report, /training\.csv: line 62, column 2 \("accessed_non_mandatory"\): "maybe"/);
  assert.doesNotMatch(report, /The import stopped/);
  assert.equal(await page.evaluate(() => window.streamsRead), 5);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
