// WRES and WDES in the accessible face: choose the standard, upload the CSV files (or a counts
// file), map their columns, import them a slice at a time with a progress bar, read the import
// report, type the Staff Survey figures, then see the indicators and download them. Every rule,
// message and figure comes from the WebAssembly core (eqkit::workforce::WorkforceApi, exported by
// wasm/workforce_exports.cpp); this file only moves bytes and JSON and builds the pages.
import { download, esc, plural } from './html.mjs';
import { renderAddDocument } from './evidence.mjs';

const MAPPING_FILE = '/persist/column-mapping.json';  // reused next year, in IndexedDB
const HEADER_BYTES = 64 * 1024;  // enough for any header line
// A file up to this size is read whole while the user checks its columns, so pressing "Import"
// only parses it; a larger one (a national workforce) is read a slice at a time during the import.
// A page may set a lower limit before this module loads (the browser tests do, to cover both).
const READ_AHEAD_BYTES = globalThis.eqkitReadAheadBytes ?? 64 * 1024 * 1024;
const FEED_BYTES = 1024 * 1024;  // handed to the core at a time from a file read whole

// ---- the core ---------------------------------------------------------------------------------

class WorkforceCore {
  constructor(module) {
    this.module = module;
    this.handle = module.ccall('eqkit_wf_create', 'number', ['string'], ['/plugins']);
  }

  call(name, types = [], args = []) {
    const ptr = this.module.ccall(name, 'number', ['number', ...types], [this.handle, ...args]);
    const text = this.module.UTF8ToString(ptr);
    this.module._free(ptr);
    return JSON.parse(text);
  }

  // Bytes go through the module's heap, not the C stack (a slice can be a megabyte).
  withBytes(bytes, use) {
    const ptr = this.module._malloc(Math.max(bytes.length, 1));
    try {
      this.module.HEAPU8.set(bytes, ptr);
      return use(ptr, bytes.length);
    } finally {
      this.module._free(ptr);
    }
  }

  standards() { return this.call('eqkit_wf_standards'); }
  state() { return this.call('eqkit_wf_state'); }
  choose(id) { return this.call('eqkit_wf_choose', ['string'], [id]); }
  propose(role, bytes, file) {
    return this.withBytes(bytes, (ptr, n) => this.call('eqkit_wf_propose',
      ['string', 'number', 'number', 'string'], [role, ptr, n, file]));
  }
  setColumns(role, columns) {
    return this.call('eqkit_wf_set_columns', ['string', 'string'], [role, JSON.stringify(columns)]);
  }
  openMappingFile(path) { return this.call('eqkit_wf_open_mapping_file', ['string'], [path]); }
  saveMapping(path) { return this.call('eqkit_wf_save_mapping', ['string'], [path]); }
  begin(role, file, size) {
    return this.call('eqkit_wf_begin', ['string', 'string', 'number'], [role, file, size]);
  }
  feed(bytes) {
    return this.withBytes(bytes, (ptr, n) => this.call('eqkit_wf_feed', ['number', 'number'],
                                                       [ptr, n]));
  }
  end() { return this.call('eqkit_wf_end'); }
  restart() { return this.call('eqkit_wf_restart'); }
  report() { return this.call('eqkit_wf_report'); }
  openCounts(bytes, label) {
    return this.withBytes(bytes, (ptr, n) => this.call('eqkit_wf_open_counts',
      ['number', 'number', 'string'], [ptr, n, label]));
  }
  openPrevious(bytes, label) {
    return this.withBytes(bytes, (ptr, n) => this.call('eqkit_wf_open_previous',
      ['number', 'number', 'string'], [ptr, n, label]));
  }
  openSurveyCsv(bytes, label) {
    return this.withBytes(bytes, (ptr, n) => this.call('eqkit_wf_open_survey_csv',
      ['number', 'number', 'string'], [ptr, n, label]));
  }
  setSurvey(typed) { return this.call('eqkit_wf_set_survey', ['string'], [JSON.stringify(typed)]); }
  compute(options) { return this.call('eqkit_wf_compute', ['string'], [JSON.stringify(options)]); }
  results() { return this.call('eqkit_wf_results'); }
  // One step of the idle-time warm-up (WorkforceApi::warm_up_step): true while there is more.
  warmUpStep() {
    return this.module.ccall('eqkit_wf_warm_up', 'number', ['number'], [this.handle]) === 1;
  }
  exportFile(format) { return this.call('eqkit_wf_export', ['string'], [format]); }
}

// What the pages remember between steps: the chosen files (File objects stay in the page) and
// the proposals the core made for their columns.
const session = {
  wf: null,
  files: new Map(),      // role -> File
  contents: new Map(),   // role -> promise of the file's bytes read ahead (null: not read ahead)
  proposals: new Map(),  // role -> proposal from the core
  survey: null,          // part code -> column -> text as typed (null: take the core's)
  year: null,            // as typed (null: take the core's)
  importError: null,
};

function forgetFiles() {
  session.files.clear();
  session.contents.clear();
  session.proposals.clear();
}

// Starts reading a chosen file whole, in the browser's own time, unless it is large.
function readAhead(file) {
  if (file.size > READ_AHEAD_BYTES) return Promise.resolve(null);
  // A file that cannot be read now is read again during the import, which reports why.
  return file.arrayBuffer().then((bytes) => new Uint8Array(bytes), () => null);
}

function wf(ui) {
  if (!session.wf) {
    session.wf = new WorkforceCore(ui.core.module);
    // Last year's mapping, if one was saved in this browser.
    if (ui.core.module.FS.analyzePath(MAPPING_FILE).exists) {
      session.wf.openMappingFile(MAPPING_FILE);
    }
  }
  return session.wf;
}

function standardOf(ui) {
  const state = wf(ui).state();
  if (!state.standard) return null;
  return wf(ui).standards().standards.find((s) => s.id === state.standard) || null;
}

// The browser runs new WebAssembly in a baseline compiler and optimises a function only after it
// has run a while, so a first import of a large file would run some three times slower than the
// native app. Once the page is usable, its idle time imports a made-up workforce (never the
// user's files), a step of a few milliseconds at a time and again until it is no faster, so the
// import is optimised before the user's first real file (eqkit/workforce_warm_up.hpp). A real
// import started meanwhile stops it (the core does nothing then).
export function warmUpWhenIdle(core) {
  // The timeout: a page that is never idle (busy drawing) still gets a step now and then.
  const idle = window.requestIdleCallback || ((run) => setTimeout(() => run({
    timeRemaining: () => 0,
  }), 50));
  const work = (deadline) => {
    // Idle time left, or a few milliseconds when the timeout called (no idle time given).
    const until = performance.now() + Math.max(deadline.timeRemaining() - 2, 4);
    do {
      if (!wf({ core }).warmUpStep()) return;
    } while (performance.now() < until);
    idle(work, { timeout: 200 });
  };
  idle(work, { timeout: 200 });
}

// ---- page pieces ------------------------------------------------------------------------------

function fieldError(id, message) {
  return message ? `<span class="nhsuk-error-message" id="${id}-error">
    <span class="nhsuk-u-visually-hidden">Error:</span> ${esc(message)}</span>` : '';
}

function inputsInOrder(standard) {
  return standard.inputs.filter((i) => i.kind !== 'survey');
}

function idFor(...parts) {
  return parts.join('-').replace(/[^A-Za-z0-9_-]/g, '_');
}

function syncStorage(module) {
  return new Promise((resolve) => { module.FS.syncfs(false, (err) => resolve(err)); });
}

// ---- choose the standard ---------------------------------------------------------------------

function renderChoose(ui, errors = []) {
  const { standards, problems } = wf(ui).standards();
  const current = wf(ui).state().standard;
  const error = errors[0];
  const radios = standards.map((s, i) => {
    const id = i === 0 ? 'standard' : `standard-${i}`;
    return `<div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id="${id}" name="standard" type="radio"
        value="${esc(s.id)}" ${s.id === current ? 'checked' : ''} aria-describedby="${id}-hint">
      <label class="nhsuk-label nhsuk-radios__label" for="${id}">${esc(s.title)}</label>
      <div class="nhsuk-hint nhsuk-radios__hint" id="${id}-hint">Compares staff by
        ${esc(s.characteristic)}, from ${esc(plural(inputsInOrder(s).length, 'file'))} of your
        workforce data or a counts file</div></div>`;
  });
  const failed = problems.length ? `<h2 class="nhsuk-heading-m">Standards that could not be
    loaded</h2><ul class="nhsuk-list nhsuk-list--bullet">${problems.map((p) =>
    `<li>${esc(p)}</li>`).join('')}</ul>` : '';
  ui.show('Workforce equality standards', `${ui.backLink('#/')}
    ${ui.errorSummary(errors)}
    <form id="wf-choose" novalidate>
      <div class="nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}">
        <fieldset class="nhsuk-fieldset"${error ? ' aria-describedby="standard-error"' : ''}>
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
            <h1 class="nhsuk-fieldset__heading" id="page-heading" tabindex="-1">
              Which workforce standard do you want to compute?</h1></legend>
          <div class="nhsuk-hint">Your files are read in this browser and are not sent
            anywhere.</div>
          ${fieldError('standard', error && error.message)}
          <div class="nhsuk-radios" data-module="nhsuk-radios">${radios.join('')}</div>
        </fieldset>
      </div>
      <button class="nhsuk-button" type="submit">Continue</button>
    </form>${failed}`, { error: errors.length > 0 });
  document.getElementById('wf-choose').addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = new FormData(event.target).get('standard');
    if (!picked) {
      renderChoose(ui, [{ target: 'standard', message: 'Select the standard to compute' }]);
      return;
    }
    const result = wf(ui).choose(picked);
    if (!result.ok) {
      renderChoose(ui, [{ target: 'standard', message: result.error.message }]);
      return;
    }
    if (picked !== current) {
      forgetFiles();
      session.survey = null;
      session.year = null;
    }
    location.hash = '#/workforce/files';
  });
}

// ---- upload the files ------------------------------------------------------------------------

function renderFiles(ui, errors = []) {
  const standard = standardOf(ui);
  if (!standard) return renderChoose(ui);
  const byTarget = new Map(errors.map((e) => [e.target, e.message]));
  const fileField = (input) => {
    const id = idFor('file', input.role);
    const message = byTarget.get(id);
    return `<div class="nhsuk-form-group${message ? ' nhsuk-form-group--error' : ''}">
      <label class="nhsuk-label nhsuk-label--s" for="${id}">${esc(input.title)}
        (CSV)${input.optional ? ' (optional)' : ''}</label>
      <div class="nhsuk-hint" id="${id}-hint">Columns read: ${esc(input.fields.map((f) =>
        f.label + (f.required ? '' : ' (if you have it)')).join('; '))}</div>
      ${fieldError(id, message)}
      <input class="nhsuk-file-upload" id="${id}" name="${esc(input.role)}" type="file"
        accept=".csv,text/csv" aria-describedby="${id}-hint${message ? ` ${id}-error` : ''}">
    </div>`;
  };
  const countsError = byTarget.get('counts-file');
  ui.show(`Upload your ${standard.short_title} data`, `${ui.backLink('#/workforce')}
    ${ui.errorSummary(errors)}
    ${ui.heading(`Upload your ${esc(standard.short_title)} data`)}
    <p class="nhsuk-body">Export each file from your HR systems as CSV. The first line must hold
      the column headings; you will match them to ours next. Read the staff file first: the
      other files find each person in it.</p>
    <form id="wf-files" novalidate>
      ${inputsInOrder(standard).map(fileField).join('')}
      <button class="nhsuk-button" type="submit">Continue to the columns</button>
    </form>
    <h2 class="nhsuk-heading-m">Or use a counts file</h2>
    <form id="wf-counts" novalidate>
      <div class="nhsuk-form-group${countsError ? ' nhsuk-form-group--error' : ''}">
        <label class="nhsuk-label" for="counts-file">A counts file (${esc(standard.counts_format)},
          JSON) if you only have totals</label>
        ${fieldError('counts-file', countsError)}
        <input class="nhsuk-file-upload" id="counts-file" name="counts" type="file"
          accept=".json,application/json"${countsError ? ' aria-describedby="counts-file-error"' : ''}>
      </div>
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Use the counts
        file</button>
    </form>`, { error: errors.length > 0 });
  document.getElementById('wf-files').addEventListener('submit', async (event) => {
    event.preventDefault();
    const problems = [];
    forgetFiles();
    for (const input of inputsInOrder(standard)) {
      const id = idFor('file', input.role);
      const file = document.getElementById(id).files[0];
      if (!file) {
        if (!input.optional) {
          problems.push({ target: id, message: `Select the ${input.title.toLowerCase()} file` });
        }
        continue;
      }
      const head = new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer());
      const proposal = wf(ui).propose(input.role, head, file.name);
      if (!proposal.ok) {
        problems.push({ target: id, message: proposal.error.message });
        continue;
      }
      session.files.set(input.role, file);
      session.contents.set(input.role, readAhead(file));
      session.proposals.set(input.role, proposal);
    }
    if (problems.length) {
      renderFiles(ui, problems);
      return;
    }
    location.hash = '#/workforce/columns';
  });
  document.getElementById('wf-counts').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('counts-file').files[0];
    if (!file) {
      renderFiles(ui, [{ target: 'counts-file', message: 'Select a counts file' }]);
      return;
    }
    const result = wf(ui).openCounts(new Uint8Array(await file.arrayBuffer()), file.name);
    if (!result.ok) {
      renderFiles(ui, [{ target: 'counts-file',
                         message: result.errors.map((e) => e.message).join(' ') }]);
      return;
    }
    forgetFiles();
    location.hash = '#/workforce/report';
  });
  return undefined;
}

// ---- the column mapping ----------------------------------------------------------------------

function renderColumns(ui, errors = new Map()) {
  const standard = standardOf(ui);
  if (!standard) return renderChoose(ui);
  if (!session.proposals.size) return renderFiles(ui);
  const summary = [];
  const sections = inputsInOrder(standard).filter((i) => session.proposals.has(i.role))
    .map((input) => {
      const p = session.proposals.get(input.role);
      const roleErrors = errors.get(input.role) || [];
      const selects = p.columns.map((c) => {
        const id = idFor('map', input.role, c.field);
        const e = roleErrors.find((x) => x.field === c.field);
        if (e) summary.push({ target: id, message: `${input.title}: ${e.message}` });
        const options = [`<option value="">Not in this file</option>`, ...p.headings.map((h) =>
          `<option value="${esc(h)}" ${h === c.heading ? 'selected' : ''}>${esc(h)}</option>`)];
        return `<div class="nhsuk-form-group${e ? ' nhsuk-form-group--error' : ''}">
          <label class="nhsuk-label" for="${id}">${esc(c.label)}${c.required ? '' :
            ' (optional)'}</label>
          ${fieldError(id, e && e.message)}
          <select class="nhsuk-select${e ? ' nhsuk-select--error' : ''}" id="${id}"
            name="${esc(c.field)}" data-role="${esc(input.role)}"
            ${e ? `aria-describedby="${id}-error"` : ''}>${options.join('')}</select>
        </div>`;
      });
      // Errors that name no field of this page (a whole-file problem) still reach the summary.
      for (const e of roleErrors.filter((x) => !p.columns.some((c) => c.field === x.field))) {
        summary.push({ target: idFor('map', input.role, p.columns[0].field),
                       message: `${input.title}: ${e.message}` });
      }
      const unmatched = p.unmatched.length ? `<p class="nhsuk-body-s">Columns not used:
        ${esc(p.unmatched.join(', '))}</p>` : '';
      return `<fieldset class="nhsuk-fieldset nhsuk-u-margin-bottom-6">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 class="nhsuk-fieldset__heading">${esc(input.title)}:
            ${esc(session.files.get(input.role).name)}</h2></legend>
        ${selects.join('')}${unmatched}</fieldset>`;
    });
  ui.show('Match your columns', `${ui.backLink('#/workforce/files')}
    ${ui.errorSummary(summary)}
    ${ui.heading('Match your columns to ours')}
    <p class="nhsuk-body">For each of our fields, choose the column of your file that holds it.
      Your choices are kept in this browser and offered again next year.</p>
    <form id="wf-columns" novalidate>${sections.join('')}
      <button class="nhsuk-button" type="submit">Import the files</button>
    </form>`, { error: summary.length > 0 });
  document.getElementById('wf-columns').addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = new Map();
    for (const select of event.target.querySelectorAll('select')) {
      const role = select.dataset.role;
      if (!chosen.has(role)) chosen.set(role, {});
      chosen.get(role)[select.name] = select.value;
    }
    const problems = new Map();
    for (const [role, columns] of chosen) {
      const result = wf(ui).setColumns(role, columns);
      if (!result.ok) problems.set(role, result.errors);
      // Keep what was chosen when the page is drawn again.
      const p = session.proposals.get(role);
      p.columns = p.columns.map((c) => ({ ...c, heading: columns[c.field] || null }));
    }
    if (problems.size) {
      renderColumns(ui, problems);
      return;
    }
    wf(ui).saveMapping(MAPPING_FILE);
    await syncStorage(ui.core.module);
    location.hash = '#/workforce/import';
  });
  return undefined;
}

// ---- the import, a slice at a time ------------------------------------------------------------

// Lets the page handle input and draw between pieces of work. A message task, not a timer:
// browsers slow timers down in hidden tabs, and a large import should go on while hidden.
const yieldChannel = new MessageChannel();
const yieldWaiting = [];
yieldChannel.port1.onmessage = () => yieldWaiting.shift()?.();
function yieldToPage() {
  return new Promise((resolve) => {
    yieldWaiting.push(resolve);
    yieldChannel.port2.postMessage(null);
  });
}
const STEP_MS = 50;  // work between yields: the page answers within about this

// A file's bytes in pieces: from what was read ahead, or else streamed from the file (the
// browser reads the next piece while the core reads this one).
async function* slicesOf(file, whole) {
  if (whole) {
    for (let at = 0; at < whole.length; at += FEED_BYTES) yield whole.subarray(at, at + FEED_BYTES);
    return;
  }
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.cancel();
  }
}

async function runImport(ui, standard) {
  const core = wf(ui);
  core.restart();
  const files = inputsInOrder(standard).filter((i) => session.files.has(i.role))
    .map((i) => ({ input: i, file: session.files.get(i.role) }));
  const total = files.reduce((sum, f) => sum + f.file.size, 0) || 1;
  const bar = document.getElementById('wf-progress');
  const words = document.getElementById('wf-progress-text');
  let done = 0;
  let since = performance.now();
  for (const { input, file } of files) {
    let result = core.begin(input.role, file.name, file.size);
    const slices = result.ok ? slicesOf(file, await session.contents.get(input.role)) : [];
    for await (const slice of slices) {
      result = core.feed(slice);
      if (!result.ok) break;
      done += slice.length;
      if (performance.now() - since >= STEP_MS) {
        const percent = Math.floor((100 * done) / total);
        bar.value = percent;
        words.textContent = `Reading ${input.title.toLowerCase()} (${file.name}): ${percent}%`;
        await yieldToPage();
        since = performance.now();
      }
    }
    if (result.ok) result = core.end();
    if (!result.ok) return result.error.message;
  }
  return null;
}

function renderImport(ui) {
  const standard = standardOf(ui);
  if (!standard) return renderChoose(ui);
  if (!session.files.size) return renderFiles(ui);
  ui.show('Importing your files', `${ui.heading('Importing your files')}
    <p class="nhsuk-body">Your files are read in this browser. This page stays usable while
      they are read.</p>
    <label class="nhsuk-label" for="wf-progress">Progress</label>
    <progress id="wf-progress" max="100" value="0" aria-describedby="wf-progress-text">0%</progress>
    <p class="nhsuk-body" id="wf-progress-text" role="status">Starting…</p>`);
  runImport(ui, standard).then((error) => {
    session.importError = error;
    location.hash = '#/workforce/report';
  });
  return undefined;
}

// ---- the import report -----------------------------------------------------------------------

function reasonsList(reasons) {
  const entries = Object.entries(reasons);
  if (!entries.length) return 'none';
  return `<ul class="nhsuk-list">${entries.map(([why, n]) =>
    `<li>${n} ${esc(why)}</li>`).join('')}</ul>`;
}

function renderReport(ui) {
  const standard = standardOf(ui);
  if (!standard) return renderChoose(ui);
  const report = wf(ui).report();
  const failed = session.importError ? `<div class="nhsuk-error-summary" tabindex="-1">
      <div role="alert"><h2 class="nhsuk-error-summary__heading">The import stopped</h2>
      <div class="nhsuk-error-summary__body"><p>${esc(session.importError)}</p>
      <p><a href="#/workforce/files">Fix the file and upload it again</a></p></div></div></div>` : '';
  const rows = report.files.map((f) => `<tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="row">${esc(f.role)}: ${esc(f.file)}</th>
      <td class="nhsuk-table__cell">${f.rows}</td>
      <td class="nhsuk-table__cell">${f.used}</td>
      <td class="nhsuk-table__cell">${reasonsList(f.excluded)}</td>
      <td class="nhsuk-table__cell">${reasonsList(f.rejected)}</td></tr>`).join('');
  const table = report.files.length ? `<table class="nhsuk-table">
      <caption class="nhsuk-table__caption">What happened to each row</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
        <th class="nhsuk-table__header" scope="col">File</th>
        <th class="nhsuk-table__header" scope="col">Rows</th>
        <th class="nhsuk-table__header" scope="col">Used</th>
        <th class="nhsuk-table__header" scope="col">Left out by a rule</th>
        <th class="nhsuk-table__header" scope="col">Rejected</th></tr></thead>
      <tbody class="nhsuk-table__body">${rows}</tbody></table>` : '';
  const shown = report.problems.slice(0, 100);
  const problems = report.problem_count ? `<h2 class="nhsuk-heading-m">${esc(
      plural(report.problem_count, 'problem'))} in the data</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">${shown.map((p) =>
      `<li>${esc(p.message)}</li>`).join('')}</ul>
    ${report.problem_count > shown.length ? `<p class="nhsuk-body">and
      ${report.problem_count - shown.length} more like these.</p>` : ''}` : '';
  const notes = report.notes.length ? `<h2 class="nhsuk-heading-m">Notes</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">${report.notes.map((n) =>
      `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  ui.show('Import report', `${ui.backLink('#/workforce/files')}
    ${failed}
    ${ui.heading('Import report')}
    <p class="nhsuk-body">Source: ${esc(report.source)}.</p>
    ${table}${problems}${notes}
    ${session.importError ? '' : `<a class="nhsuk-button" href="#/workforce/survey" role="button"
      draggable="false">Continue to the Staff Survey figures</a>`}`);
  return undefined;
}

// ---- Staff Survey figures, the year, last year -----------------------------------------------

// A form with one file upload and a button, as the survey page has two of.
function uploadForm({ id, formId, label, hint, accept, button, message }) {
  return `<form id="${formId}" novalidate>
    <div class="nhsuk-form-group${message ? ' nhsuk-form-group--error' : ''}">
      <label class="nhsuk-label" for="${id}">${esc(label)}</label>
      <div class="nhsuk-hint" id="${id}-hint">${esc(hint)}</div>
      ${fieldError(id, message)}
      <input class="nhsuk-file-upload" id="${id}" type="file" accept="${accept}"
        aria-describedby="${id}-hint${message ? ` ${id}-error` : ''}">
    </div>
    <button class="nhsuk-button nhsuk-button--secondary" type="submit">${esc(button)}</button>
  </form>`;
}

// Opens the chosen file of an upload form with the core; the page is drawn again either way.
function onUpload(ui, formId, inputId, missing, open) {
  document.getElementById(formId).addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById(inputId).files[0];
    if (!file) {
      renderSurvey(ui, [], [{ target: inputId, message: missing }]);
      return;
    }
    const result = open(new Uint8Array(await file.arrayBuffer()), file.name);
    const errors = result.errors.map((e) => ({ target: inputId, message: e.message }));
    renderSurvey(ui, [], errors, errors.length ? '' : `${file.name} has been read.`);
  });
}

function renderSurvey(ui, errors = [], fileErrors = [], done = '') {
  const standard = standardOf(ui);
  if (!standard) return renderChoose(ui);
  const state = wf(ui).state();
  // The form starts from what the core holds: figures read from a survey file, the counts' year.
  const typed = session.survey || state.survey_text;
  const year = session.year ?? state.year;
  const byField = new Map(errors.map((e) => [e.field, e.message]));
  const summary = [...errors.map((e) => ({ target: idFor('survey', ...e.field.split('/')),
                                           message: e.message })), ...fileErrors];
  const byTarget = new Map(fileErrors.map((e) => [e.target, e.message]));
  const parts = standard.survey.map((part) => {
    const inputs = part.columns.map((c) => {
      const id = idFor('survey', part.code, c.key);
      const message = byField.get(`${part.code}/${c.key}`);
      const value = (typed[part.code] || {})[c.key] || '';
      return `<div class="nhsuk-form-group${message ? ' nhsuk-form-group--error' : ''}">
        <label class="nhsuk-label" for="${id}">${esc(c.label)}${part.unit === 'percent' ?
          ' (%)' : ''}</label>
        ${fieldError(id, message)}
        <input class="nhsuk-input nhsuk-input--width-5${message ? ' nhsuk-input--error' : ''}"
          id="${id}" name="${esc(c.key)}" data-part="${esc(part.code)}" type="text"
          inputmode="decimal" spellcheck="false" value="${esc(value)}"
          ${message ? `aria-describedby="${id}-error"` : ''}></div>`;
    });
    return `<fieldset class="nhsuk-fieldset nhsuk-u-margin-bottom-5">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">${esc(part.code)}:
        ${esc(part.title)}</legend>${inputs.join('')}</fieldset>`;
  });
  const status = done ? `<div class="nhsuk-inset-text" role="status"><p>${esc(done)}</p></div>` : '';
  const previous = state.previous ? `<p class="nhsuk-body">Last year: ${esc(state.previous_text)},
    shown beside this year.</p>` : '';
  ui.show('Staff Survey figures', `${ui.backLink('#/workforce/report')}
    ${ui.errorSummary(summary)}${status}
    ${ui.heading('Staff Survey figures and the year')}
    <form id="wf-survey" novalidate>
      <div class="nhsuk-form-group">
        <label class="nhsuk-label" for="wf-year">The year these figures are for</label>
        <div class="nhsuk-hint" id="wf-year-hint">For example, 2024-25. The results are labelled
          with it.</div>
        <input class="nhsuk-input nhsuk-input--width-10" id="wf-year" name="year" type="text"
          spellcheck="false" value="${esc(year)}" aria-describedby="wf-year-hint">
      </div>
      <h2 class="nhsuk-heading-m">Staff Survey figures</h2>
      <p class="nhsuk-body">Type the percentages published in your NHS Staff Survey results, or
        import them from a CSV file below. Leave a box empty if you do not have the figure.</p>
      ${parts.join('')}
      <button class="nhsuk-button" type="submit">See the indicators</button>
    </form>
    <h2 class="nhsuk-heading-m">Import the survey figures from a file</h2>
    ${uploadForm({ id: 'survey-file', formId: 'wf-survey-file', accept: '.csv,text/csv',
                   label: 'A Staff Survey CSV file',
                   hint: 'One row per figure, with the columns indicator, group and percentage ' +
                     '(and, if you have them, survey_year and question_id).',
                   button: 'Import the survey figures', message: byTarget.get('survey-file') })}
    <h2 class="nhsuk-heading-m">Last year</h2>
    <p class="nhsuk-body">To see last year beside this year, give last year's counts file: the
      one downloaded from last year's results with "Download counts for next year".</p>
    ${previous}
    ${uploadForm({ id: 'previous-file', formId: 'wf-previous', accept: '.json,application/json',
                   label: "Last year's counts file (JSON)",
                   hint: `A counts file (${standard.counts_format}).`,
                   button: "Use last year's counts", message: byTarget.get('previous-file') })}`,
  { error: summary.length > 0 });
  document.getElementById('wf-survey').addEventListener('submit', (event) => {
    event.preventDefault();
    const entered = {};
    for (const input of event.target.querySelectorAll('input[data-part]')) {
      entered[input.dataset.part] = entered[input.dataset.part] || {};
      entered[input.dataset.part][input.name] = input.value;
    }
    session.survey = entered;
    session.year = document.getElementById('wf-year').value;
    const result = wf(ui).setSurvey(entered);
    if (!result.ok) {
      renderSurvey(ui, result.errors);
      return;
    }
    const computed = wf(ui).compute({ year: session.year });
    if (!computed.ok) {
      renderSurvey(ui, [{ field: 'survey', message: computed.error.message }]);
      return;
    }
    location.hash = '#/workforce/results';
  });
  onUpload(ui, 'wf-survey-file', 'survey-file', 'Select the Staff Survey CSV file',
           (bytes, name) => {
             const result = wf(ui).openSurveyCsv(bytes, name);
             // The file's figures replace those typed for the same parts.
             session.survey = { ...(session.survey || {}), ...result.survey };
             return result;
           });
  onUpload(ui, 'wf-previous', 'previous-file', "Select last year's counts file",
           (bytes, name) => wf(ui).openPrevious(bytes, name));
  return undefined;
}

// ---- results -----------------------------------------------------------------------------------

function countText(cell) {
  if (!cell) return '';
  if (cell.state === 'shown') return String(cell.count);
  if (cell.state === 'suppressed') {
    return `${esc(cell.mark)} suppressed${cell.secondary ? ' (to protect another count)' : ''}`;
  }
  return esc(cell.state);
}

function groupTable(results, ind, caption) {
  const groups = results.groups;
  const row = (label, cells) => `<tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="row">${esc(label)}</th>
      ${groups.map((g) => `<td class="nhsuk-table__cell">${countText(cells[g.key])}</td>`).join('')}
      <td class="nhsuk-table__cell">${countText(cells.total)}</td></tr>`;
  return `<table class="nhsuk-table"><caption class="nhsuk-table__caption nhsuk-table__caption--s">
      ${esc(caption)}</caption>
    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="col">Count</th>
      ${groups.map((g) => `<th class="nhsuk-table__header" scope="col">${esc(g.label)}</th>`)
        .join('')}<th class="nhsuk-table__header" scope="col">Total</th></tr></thead>
    <tbody class="nhsuk-table__body">${row('Numerators', ind.numerators)}
      ${row('Denominators', ind.denominators)}</tbody></table>`;
}

// A ratio with its interval on a log scale, with the labelled, unconfirmed guide band.
function ratioChart(ind, id) {
  const guide = ind.four_fifths_guide;
  const lo = 0.25;
  const hi = 4;
  const x = (v) => 40 + (520 * (Math.log(Math.min(Math.max(v, lo), hi)) - Math.log(lo))) /
    (Math.log(hi) - Math.log(lo));
  const ticks = [0.25, 0.5, 1, 2, 4].map((t) => `<line x1="${x(t)}" x2="${x(t)}" y1="20"
      y2="80" stroke="currentColor" stroke-width="1"/><text x="${x(t)}" y="98"
      text-anchor="middle" font-size="13" fill="currentColor">${t}</text>`).join('');
  const value = ind.value;
  const interval = ind.interval && ind.interval.lower !== null ? `<line x1="${x(ind.interval.lower)}"
      x2="${x(ind.interval.upper)}" y1="50" y2="50" stroke="currentColor" stroke-width="3"/>` : '';
  const point = value !== null ? `<circle cx="${x(value)}" cy="50" r="7" fill="currentColor"/>` : '';
  const guideText = guide.label + (guide.confirmed === false ? ' (UNCONFIRMED)' : '');
  const words = value === null ? `No ratio to draw: ${ind.display.value}.` :
    `Ratio ${ind.display.value}, 95% interval ${ind.display.interval}, drawn on a scale from ` +
    `${lo} to ${hi}; shaded: ${guideText}.`;
  return `<figure class="nhsuk-u-margin-bottom-4">
    <svg role="img" aria-labelledby="${id}-title" viewBox="0 0 600 110" width="100%"
      focusable="false"><title id="${id}-title">${esc(words)}</title>
      <rect x="${x(guide.lower)}" y="20" width="${x(guide.upper) - x(guide.lower)}" height="60"
        fill="currentColor" fill-opacity="0.15"/>
      ${ticks}${interval}${point}</svg>
    <figcaption class="nhsuk-body-s">Shaded band: ${esc(guideText)}. It is a guide, not an
      official threshold.</figcaption></figure>`;
}

function rowLabel(r) {
  return r.section_label ? `${r.section_label}: ${r.label}` : r.label;
}

// Indicator 1: the focus group's share of each row, as bars, with the numbers in a table.
function bandChart(results, ind, id) {
  const focus = results.groups.find((g) => g.key === results.focus_group);
  const rows = (ind.rows || []).filter((r) => r.row !== 'total');
  const bars = rows.map((r, i) => {
    const p = r.percents[focus.key];
    const width = p && p.value !== null ? (400 * p.value) / 100 : 0;
    const y = 10 + i * 26;
    const label = p && p.value !== null ? r.display[focus.key] : (p ? `${p.mark || ''} ${p.state}` : '');
    return `<text x="240" y="${y + 16}" text-anchor="end" font-size="13"
        fill="currentColor">${esc(rowLabel(r))}</text>
      <rect x="250" y="${y + 3}" width="${width}" height="18" fill="currentColor"/>
      <text x="${255 + width}" y="${y + 16}" font-size="13" fill="currentColor">${esc(label)}</text>`;
  });
  const tableRows = rows.map((r) => `<tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="row">${esc(rowLabel(r))}</th>
      ${results.groups.map((g) => `<td class="nhsuk-table__cell">${countText(r.counts[g.key])}
        </td>`).join('')}
      <td class="nhsuk-table__cell">${esc(r.display[focus.key])}</td></tr>`).join('');
  return `<figure class="nhsuk-u-margin-bottom-4">
    <svg role="img" aria-labelledby="${id}-title" viewBox="0 0 780 ${20 + rows.length * 26}"
      width="100%" focusable="false"><title id="${id}-title">Bar chart: ${esc(focus.label)}
      share of each row; the same figures are in the table below.</title>${bars.join('')}</svg>
    </figure>
    <table class="nhsuk-table"><caption class="nhsuk-table__caption nhsuk-table__caption--s">
      Staff by row</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="col">Row</th>
      ${results.groups.map((g) => `<th class="nhsuk-table__header" scope="col">${esc(g.label)}</th>`)
        .join('')}<th class="nhsuk-table__header" scope="col">${esc(focus.label)} share</th>
      </tr></thead><tbody class="nhsuk-table__body">${tableRows}</tbody></table>`;
}

function surveyTable(results, ind) {
  return (ind.parts || []).filter((p) => p.values).map((p) => `<table class="nhsuk-table">
    <caption class="nhsuk-table__caption nhsuk-table__caption--s">${esc(p.code)}${p.title ?
      ': ' + esc(p.title) : ''}</caption><tbody class="nhsuk-table__body">
    ${Object.keys(p.values).map((key) => `<tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="row">${esc(columnLabel(results, key))}</th>
      <td class="nhsuk-table__cell">${esc(p.display[key])}</td></tr>`).join('')}
    </tbody></table>`).join('');
}

function columnLabel(results, key) {
  const group = results.groups.find((g) => g.key === key);
  return group ? group.label : key;
}

function flagsText(ind) {
  const flags = ind.display.flags || [];
  return flags.length ? `<p class="nhsuk-body">Flags: ${esc(flags.join('; '))}.</p>` : '';
}

// Indicator 3 over two years, when last year's counts were given (the label says UNCONFIRMED).
function pooledText(ind) {
  const pooled = ind.pooled_two_year;
  if (!pooled || !ind.display.pooled) return '';
  return `<p class="nhsuk-body">${esc(pooled.label)}: <strong>${esc(ind.display.pooled)}</strong>,
    95% interval ${esc(ind.display.pooled_interval)}.${pooled.confirmed === false ?
    ` <strong>UNCONFIRMED:</strong> ${esc(pooled.note || '')}` : ''}</p>`;
}

function indicatorSection(results, ind) {
  const id = `ind-${ind.number}`;
  const unconfirmed = ind.unconfirmed.length ? `<details class="nhsuk-details">
      <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">
      UNCONFIRMED facts this figure rests on (${ind.unconfirmed.length})</span></summary>
      <div class="nhsuk-details__text"><ul>${ind.unconfirmed.map((u) =>
      `<li><strong>UNCONFIRMED:</strong> ${esc(u.what)}. ${esc(u.note)}</li>`).join('')}</ul>
      </div></details>` : '';
  let body = '';
  if (ind.kind === 'relative_likelihood') {
    body = `${ratioChart(ind, id)}${groupTable(results, ind, `${ind.code}: numerators and
      denominators`)}<p class="nhsuk-body">95% interval: ${esc(ind.display.interval || '')}
      (${esc(ind.interval ? ind.interval.method : '')}).</p>${pooledText(ind)}`;
  } else if (ind.kind === 'representation') {
    body = bandChart(results, ind, id);
  } else if (ind.kind === 'survey') {
    body = surveyTable(results, ind);
  } else {
    body = `<p class="nhsuk-body">Sign convention: ${esc(ind.sign_convention || '')}</p>`;
  }
  return `<section aria-labelledby="${id}-heading">
    <h2 class="nhsuk-heading-m" id="${id}-heading">${esc(ind.code)}: ${esc(ind.short_title)}</h2>
    <p class="nhsuk-body-l">Value: <strong>${esc(ind.display.value)}</strong></p>
    ${ind.display.sentence ? `<p class="nhsuk-body">${esc(ind.display.sentence)}</p>` : ''}
    ${ind.display.previous ? `<p class="nhsuk-body">Last year: ${esc(ind.display.previous)}</p>` : ''}
    ${flagsText(ind)}${body}
    <p class="nhsuk-body-s">${esc(ind.interpretation)}</p>${unconfirmed}</section>`;
}

function renderResults(ui) {
  const standard = standardOf(ui);
  if (!standard) return renderChoose(ui);
  const results = wf(ui).results();
  if (!results.computed) return renderSurvey(ui);
  const s = results.suppression;
  ui.show(`${standard.short_title} results`, `${ui.backLink('#/workforce/survey')}
    ${ui.heading(`${esc(standard.short_title)} results${results.year ? ', ' + esc(results.year) : ''}`)}
    <p class="nhsuk-body">${s.active ? `Counts below ${s.threshold} are suppressed and shown as
      ${esc(s.mark)} (${esc(plural(s.suppressed_cells, 'count'))}, ${s.secondary_cells} of them to
      protect another).` : 'Disclosure control is off: small numbers are shown. Do not publish.'}
    </p>
    ${results.indicators.map((ind) => indicatorSection(results, ind)).join('')}
    <h2 class="nhsuk-heading-m">Download</h2>
    <div class="nhsuk-button-group">
      <button class="nhsuk-button nhsuk-button--secondary" type="button" data-format="csv">
        Download results (CSV)</button>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" data-format="json">
        Download results (JSON)</button>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" data-format="html">
        Download report (HTML)</button>
    </div>
    <p class="nhsuk-body">Keep this year's counts to compare with next year. The counts file is
      not suppressed: do not publish it.</p>
    <button class="nhsuk-button nhsuk-button--secondary" type="button" data-format="counts">
      Download counts for next year (JSON)</button>
    <h2 class="nhsuk-heading-m">Use as evidence</h2>
    <p class="nhsuk-body">Keep the report in your evidence library, for the items it supports
      (for example EDS 2022 outcomes 2A to 2D).</p>
    <button class="nhsuk-button" type="button" id="keep-as-evidence">Add the report to your
      evidence library</button>`);
  document.getElementById('keep-as-evidence').addEventListener('click', () => {
    const file = wf(ui).exportFile('html');
    if (!file.ok) return;
    renderAddDocument(ui, { name: file.name, mime: file.mime, text: file.text,
                            title: `${standard.short_title} results${results.year ? ' ' + results.year : ''}`,
                            supports: ui.core.linkedToFramework(standard.id),
                            back: '#/workforce/results' });
  });
  for (const button of main().querySelectorAll('button[data-format]')) {
    button.addEventListener('click', () => {
      const file = wf(ui).exportFile(button.dataset.format);
      if (file.ok) download(file.text, file.name, file.mime);
    });
  }
  return undefined;
}

function main() { return document.getElementById('maincontent'); }

// ---- routing -----------------------------------------------------------------------------------

// ui: {core, show, heading, backLink, errorSummary} from app.mjs.
export function routeWorkforce(hash, ui) {
  switch (hash) {
    case '#/workforce': return renderChoose(ui);
    case '#/workforce/files': return renderFiles(ui);
    case '#/workforce/columns': return renderColumns(ui);
    case '#/workforce/import': return renderImport(ui);
    case '#/workforce/report': return renderReport(ui);
    case '#/workforce/survey': return renderSurvey(ui);
    case '#/workforce/results': return renderResults(ui);
    default: return renderChoose(ui);
  }
}
