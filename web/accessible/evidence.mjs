// Evidence in the accessible face: the evidence library (with expired and unattached filters),
// adding a file, link or note, editing and attaching, the evidence on each item's page, and
// evidence packs (export with the personal data warning, check, import). Every status, date
// rule and message comes from the WebAssembly core through library.mjs.
import { download, esc, fieldError, formGroup, plural } from './html.mjs';
import { Library } from './library.mjs';

let library = null;  // opened on first use, over the page's core

export function libraryFor(core) {
  if (!library) library = new Library(core);
  return library;
}

// ---- shared bits -------------------------------------------------------------------------

const TAG = { Expired: 'nhsuk-tag--red', 'Not attached': 'nhsuk-tag--yellow', Current: 'nhsuk-tag--green' };

function statusTag(evidence) {
  return `<strong class="nhsuk-tag ${TAG[evidence.status] || ''}">${esc(evidence.status)}</strong>`;
}

const KIND = { file: 'File', link: 'Link', note: 'Note' };

function dates(e) {
  const covered = e.effective_to ? `${e.effective_from} to ${e.effective_to}` : e.effective_from;
  return esc(covered);
}

const group = formGroup;

function describedBy(errors, field, hint) {
  const ids = [hint ? `${field}-hint` : '', errors.some((e) => e.field === field) ? `${field}-error` : '']
    .filter(Boolean).join(' ');
  return ids ? ` aria-describedby="${ids}"` : '';
}

function textField(errors, field, label, value, { hint = '', width = '', type = 'text' } = {}) {
  const err = errors.some((e) => e.field === field);
  return group(errors, field, `<label class="nhsuk-label" for="${field}">${esc(label)}</label>
    ${hint ? `<div class="nhsuk-hint" id="${field}-hint">${esc(hint)}</div>` : ''}
    ${fieldError(errors, field)}
    <input class="nhsuk-input${width ? ' nhsuk-input--width-' + width : ''}${err ? ' nhsuk-input--error' : ''}"
      id="${field}" name="${field}" type="${type}" value="${esc(value)}"
      ${describedBy(errors, field, hint)}>`);
}

function textArea(errors, field, label, value, hint = '') {
  const err = errors.some((e) => e.field === field);
  return group(errors, field, `<label class="nhsuk-label" for="${field}">${esc(label)}</label>
    ${hint ? `<div class="nhsuk-hint" id="${field}-hint">${esc(hint)}</div>` : ''}
    ${fieldError(errors, field)}
    <textarea class="nhsuk-textarea${err ? ' nhsuk-textarea--error' : ''}" id="${field}"
      name="${field}" rows="4"${describedBy(errors, field, hint)}>${esc(value)}</textarea>`);
}

const DATE_HINT = 'Year, month and day, for example 2025-03-31';

// The items evidence can support: those of the assessment open in this browser, plus any the
// evidence already supports (so editing never drops them).
function supportOptions(ctx, chosen) {
  const state = ctx.core.state();
  const options = [];
  if (state.open) {
    for (const page of ctx.core.formModel(state.framework).pages) {
      options.push({ ref: `${state.framework}:${page.item}`, label: page.heading });
    }
  }
  for (const ref of chosen) {
    if (!options.some((o) => o.ref === ref)) options.push({ ref, label: ref });
  }
  return options;
}

function supportsField(ctx, errors, chosen) {
  const options = supportOptions(ctx, chosen);
  const boxes = options.map((o, i) => `<div class="nhsuk-checkboxes__item">
      <input class="nhsuk-checkboxes__input" id="supports${i ? '-' + i : ''}" name="supports"
        type="checkbox" value="${esc(o.ref)}" ${chosen.includes(o.ref) ? 'checked' : ''}>
      <label class="nhsuk-label nhsuk-checkboxes__label" for="supports${i ? '-' + i : ''}">
        ${esc(o.label)}</label></div>`).join('');
  const none = options.length ? '' : `<p class="nhsuk-body">Start or open an assessment to choose
    its items here, or type them below.</p>`;
  return group(errors, 'supports', `<fieldset class="nhsuk-fieldset"
      aria-describedby="supports-hint${errors.some((e) => e.field === 'supports') ? ' supports-error' : ''}">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Items it supports</legend>
      <div class="nhsuk-hint" id="supports-hint">Select all that apply. You can attach it to
        more items later.</div>
      ${fieldError(errors, 'supports')}
      ${none}
      ${boxes ? `<div class="nhsuk-checkboxes" data-module="nhsuk-checkboxes">${boxes}</div>` : ''}
      <div class="nhsuk-form-group nhsuk-u-margin-top-3">
        <label class="nhsuk-label" for="supports-other">Other items, written framework:code
          (one per line)</label>
        <textarea class="nhsuk-textarea" id="supports-other" name="supports-other" rows="2"></textarea>
      </div></fieldset>`);
}

function detailFields(ctx, errors, v) {
  return `${textField(errors, 'title', 'Title', v.title || '')}
    ${textArea(errors, 'description', 'Description (optional)', v.description || '')}
    ${textField(errors, 'effective_from', 'Effective date (optional)', v.effective_from || '', {
      hint: 'The date it applies to, or the first day of the period it covers. ' +
            'Leave empty for today. ' + DATE_HINT, width: 10 })}
    ${textField(errors, 'effective_to', 'End of the period covered (optional)', v.effective_to || '',
      { hint: DATE_HINT, width: 10 })}
    ${textField(errors, 'expires', 'Expiry date (optional)', v.expires || '', {
      hint: 'When it stops being current. ' + DATE_HINT, width: 10 })}
    ${textField(errors, 'added_by', 'Added by', v.added_by || '', {
      hint: 'Your name or role' })}
    ${supportsField(ctx, errors, v.supports || [])}`;
}

function readDetails(form) {
  const data = new FormData(form);
  const text = (name) => String(data.get(name) || '').trim();
  const others = text('supports-other').split('\n').map((s) => s.trim()).filter(Boolean);
  return {
    title: text('title'), description: text('description'),
    effective_from: text('effective_from'), effective_to: text('effective_to'),
    expires: text('expires'), added_by: text('added_by'),
    supports: [...data.getAll('supports').map(String), ...others],
  };
}

// Error summary entries: each links to its field (a problem without one, to the first field).
function summaryOf(errors, first) {
  const targets = { path: 'file', supports: 'supports' };
  return errors.map((e) => ({ ...e, target: e.field ? (targets[e.field] || e.field) : first }));
}

function progressArea() {
  return `<div class="nhsuk-form-group" id="pack-progress-area" hidden>
      <label class="nhsuk-label" for="pack-progress">Progress</label>
      <progress class="eqkit-progress" id="pack-progress" max="100" value="0">0%</progress>
      <p class="nhsuk-body" id="pack-progress-text" role="status"></p>
    </div>`;
}

// Shows progress; the status text (read out by screen readers) changes every 10%.
function progressReporter(verb) {
  const area = document.getElementById('pack-progress-area');
  const bar = document.getElementById('pack-progress');
  const text = document.getElementById('pack-progress-text');
  area.hidden = false;
  text.textContent = `${verb}…`;
  let said = -1;
  return (done, total) => {
    const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
    bar.value = percent;
    bar.textContent = `${percent}%`;
    if (Math.floor(percent / 10) !== said) {
      said = Math.floor(percent / 10);
      text.textContent = `${verb}: ${percent}% done`;
    }
  };
}

function busy(form, on) {
  for (const button of form.querySelectorAll('button')) button.disabled = on;
}

// ---- the library ---------------------------------------------------------------------------

const FILTERS = [['all', 'All evidence'], ['expired', 'Expired'], ['unattached', 'Not attached']];

function renderLibrary(ctx, filter = 'all') {
  const lib = libraryFor(ctx.core);
  if (!lib.opened.ok) return renderProblem(ctx, lib.opened.errors);
  const listed = lib.list(filter);
  if (!listed.ok) return renderProblem(ctx, listed.errors);
  const counts = listed.counts;
  const nav = FILTERS.map(([id, label]) => `<li>${id === filter ?
    `<a href="#/evidence/filter/${id}" aria-current="page"><strong>${label} (${counts[id]})</strong></a>` :
    `<a href="#/evidence/filter/${id}">${label} (${counts[id]})</a>`}</li>`).join('');
  // NHS.UK's responsive table: on a narrow screen each row becomes a list headed by the columns.
  const cell = (heading, value) => `<td class="nhsuk-table__cell"><span
    class="nhsuk-table-responsive__heading" aria-hidden="true">${heading} </span>${value}</td>`;
  const rows = listed.evidence.map((e) => `<tr class="nhsuk-table__row">
      ${cell('Title', `<a href="#/evidence/edit/${esc(e.id)}">${esc(e.title)}</a>`)}
      ${cell('Kind', KIND[e.kind])}
      ${cell('Covers', dates(e))}
      ${cell('Expires', esc(e.expires || 'Does not expire'))}
      ${cell('Supports', e.supports.length ? esc(e.supports.join(', ')) : 'None')}
      ${cell('Status', statusTag(e))}</tr>`).join('');
  const table = listed.evidence.length ? `<table class="nhsuk-table-responsive">
      <caption class="nhsuk-table__caption">${esc(FILTERS.find(([id]) => id === filter)[1])}</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
        <th class="nhsuk-table__header" scope="col">Title</th>
        <th class="nhsuk-table__header" scope="col">Kind</th>
        <th class="nhsuk-table__header" scope="col">Covers</th>
        <th class="nhsuk-table__header" scope="col">Expires</th>
        <th class="nhsuk-table__header" scope="col">Supports</th>
        <th class="nhsuk-table__header" scope="col">Status</th></tr></thead>
      <tbody class="nhsuk-table__body">${rows}</tbody></table>` :
    `<p class="nhsuk-body" id="no-evidence">${counts.all ? 'No evidence matches this filter.' :
      'Your library is empty. Add a file, a link or a note to start it.'}</p>`;
  ctx.show('Evidence library', `${ctx.backLink('#/')}
    ${ctx.heading('Evidence library')}
    <p class="nhsuk-body">Files, links and notes that show what you do, kept in this browser.
      ${esc(plural(counts.all, 'piece'))} of evidence.</p>
    <nav aria-label="Filter evidence"><ul class="nhsuk-list eqkit-filters">${nav}</ul></nav>
    ${table}
    <div class="nhsuk-button-group">
      <a class="nhsuk-button" href="#/evidence/add" role="button" draggable="false">Add evidence</a>
      <a class="nhsuk-button nhsuk-button--secondary" href="#/evidence/export" role="button"
        draggable="false">Export evidence pack</a>
      <a class="nhsuk-button nhsuk-button--secondary" href="#/evidence/check" role="button"
        draggable="false">Check or import a pack</a>
    </div>`);
  return undefined;
}

function renderProblem(ctx, errors) {
  ctx.show('Evidence library', `${ctx.backLink('#/')}
    ${ctx.heading('Your evidence library could not be opened')}
    <ul class="nhsuk-list nhsuk-list--bullet">${errors.map((e) => `<li>${esc(e.message)}</li>`)
      .join('')}</ul>`);
  return undefined;
}

// ---- adding ---------------------------------------------------------------------------------

function renderChooseKind(ctx, errors = []) {
  const options = [['file', 'A file', 'A policy, minutes, survey results, a photo'],
                   ['link', 'A link', 'A web page'],
                   ['note', 'A written note', 'Something you write here']];
  const radios = options.map(([id, label, hint], i) => `<div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id="kind${i ? '-' + i : ''}" name="kind" type="radio"
        value="${id}" aria-describedby="kind-${i}-hint">
      <label class="nhsuk-label nhsuk-radios__label" for="kind${i ? '-' + i : ''}">${label}</label>
      <div class="nhsuk-hint nhsuk-radios__hint" id="kind-${i}-hint">${hint}</div></div>`);
  ctx.show('What kind of evidence?', `${ctx.backLink('#/evidence', 'Back to the evidence library')}
    ${ctx.errorSummary(errors.map((e) => ({ ...e, target: 'kind' })))}
    <form id="kind-form" novalidate>
      ${group(errors, 'kind', `<fieldset class="nhsuk-fieldset"${errors.length ?
        ' aria-describedby="kind-error"' : ''}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
          <h1 class="nhsuk-fieldset__heading" id="page-heading" tabindex="-1">
            What kind of evidence do you want to add?</h1></legend>
        ${fieldError(errors, 'kind')}
        <div class="nhsuk-radios" data-module="nhsuk-radios">${radios.join('')}</div>
      </fieldset>`)}
      <button class="nhsuk-button" type="submit">Continue</button>
    </form>`, { error: errors.length > 0 });
  document.getElementById('kind-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const kind = new FormData(event.target).get('kind');
    if (!kind) {
      renderChooseKind(ctx, [{ field: 'kind', message: 'Select what kind of evidence to add' }]);
      return;
    }
    location.hash = `#/evidence/add/${kind}`;
  });
}

const ADD_TITLE = { file: 'Add a file', link: 'Add a link', note: 'Add a written note' };

function contentField(kind, errors, typed) {
  if (kind === 'file') {
    const err = errors.some((e) => e.field === 'path');
    return `<div class="nhsuk-form-group${err ? ' nhsuk-form-group--error' : ''}">
      <label class="nhsuk-label" for="file">File</label>
      <div class="nhsuk-hint" id="file-hint">It is copied into your library in this browser and
        not sent anywhere.</div>
      ${err ? `<span class="nhsuk-error-message" id="file-error"><span
        class="nhsuk-u-visually-hidden">Error:</span> ${esc(errors.find((e) => e.field === 'path').message)}</span>` : ''}
      <input class="nhsuk-file-upload" id="file" name="file" type="file"
        aria-describedby="file-hint${err ? ' file-error' : ''}"></div>`;
  }
  if (kind === 'link') {
    return textField(errors, 'url', 'Link', typed.url || '', {
      hint: 'The full address, for example https://www.example.org/report', type: 'url' });
  }
  return textArea(errors, 'text', 'Note', typed.text || '');
}

function renderAdd(ctx, kind, typed = {}, errors = []) {
  if (!ADD_TITLE[kind]) return ctx.notFound();
  const first = { file: 'file', link: 'url', note: 'text' }[kind];
  ctx.show(ADD_TITLE[kind], `${ctx.backLink('#/evidence/add')}
    ${ctx.errorSummary(summaryOf(errors, first))}
    ${ctx.heading(esc(ADD_TITLE[kind]))}
    <form id="add-form" novalidate>
      ${contentField(kind, errors, typed)}
      ${detailFields(ctx, errors, typed)}
      <button class="nhsuk-button" type="submit">Add evidence</button>
    </form>`, { error: errors.length > 0 });
  document.getElementById('add-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const details = readDetails(form);
    const data = new FormData(form);
    const request = { kind, ...details };
    if (kind === 'link') request.url = String(data.get('url') || '').trim();
    if (kind === 'note') request.text = String(data.get('text') || '');
    const file = kind === 'file' ? document.getElementById('file').files[0] || null : null;
    busy(form, true);
    const result = await libraryFor(ctx.core).add(request, file);
    if (!result.ok) {
      renderAdd(ctx, kind, { ...request, supports: details.supports }, result.errors);
      return;
    }
    location.hash = `#/evidence/edit/${result.id}/added`;
  });
  return undefined;
}

// A document EqualityKit made (say, WRES results) kept as file evidence: the add form with its
// title and the items it supports filled in; the user says who they are and saves.
export function renderAddDocument(ctx, doc, typed = null, errors = []) {
  const v = typed || { title: doc.title, supports: doc.supports };
  ctx.show('Add to your evidence library', `${ctx.backLink(doc.back)}
    ${ctx.errorSummary(summaryOf(errors, 'title'))}
    ${ctx.heading('Add to your evidence library')}
    <p class="nhsuk-body" id="document-file">File: ${esc(doc.name)}
      (${esc(plural(doc.text.length, 'character'))}, made by EqualityKit in this browser)</p>
    <form id="add-document-form" novalidate>
      ${detailFields(ctx, errors, v)}
      <button class="nhsuk-button" type="submit">Add evidence</button>
    </form>`, { error: errors.length > 0 });
  document.getElementById('add-document-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const details = readDetails(event.target);
    busy(event.target, true);
    const file = new File([doc.text], doc.name, { type: doc.mime });
    const result = await libraryFor(ctx.core).add({ kind: 'file', ...details }, file);
    if (!result.ok) {
      renderAddDocument(ctx, doc, details, result.errors);
      return;
    }
    location.hash = `#/evidence/edit/${result.id}/added`;
  });
}

// ---- one piece: details, edit, attach -------------------------------------------------------

function contentRows(e) {
  const row = (key, value) => `<div class="nhsuk-summary-list__row">
    <dt class="nhsuk-summary-list__key">${key}</dt>
    <dd class="nhsuk-summary-list__value">${value}</dd></div>`;
  const content = e.kind === 'file' ?
    row('File', `${esc(e.original_name)} (${esc(plural(e.size, 'byte'))}, ${esc(e.media_type)})`) :
    e.kind === 'link' ? row('Link', esc(e.url)) :
    row('Note', `<p class="eqkit-narrative">${esc(e.text)}</p>`);
  return `<dl class="nhsuk-summary-list">
    ${row('Kind', KIND[e.kind])}${content}
    ${row('Added on', esc(e.added_on))}
    ${row('Status', statusTag(e))}</dl>`;
}

function renderEdit(ctx, id, { typed = null, errors = [], note = '' } = {}) {
  const got = libraryFor(ctx.core).get(id);
  if (!got.ok) return ctx.notFound();
  const e = got.evidence;
  const v = typed || e;
  const message = note ? `<div class="nhsuk-inset-text" id="edit-message"><span
    class="nhsuk-u-visually-hidden">Information: </span><p role="status">${esc(note)}</p></div>` : '';
  ctx.show(`${e.title} – evidence`, `${ctx.backLink('#/evidence', 'Back to the evidence library')}
    ${ctx.errorSummary(summaryOf(errors, 'title'))}
    <span class="nhsuk-caption-l">Evidence ${esc(e.id)}</span>
    ${ctx.heading(esc(e.title))}
    ${message}
    ${contentRows(e)}
    <h2 class="nhsuk-heading-m">Change its details and the items it supports</h2>
    <form id="edit-form" novalidate>
      ${detailFields(ctx, errors, v)}
      <button class="nhsuk-button" type="submit">Save changes</button>
    </form>`, { error: errors.length > 0 });
  document.getElementById('edit-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const details = readDetails(event.target);
    busy(event.target, true);
    const result = await libraryFor(ctx.core).edit(id, details);
    if (!result.ok) {
      renderEdit(ctx, id, { typed: details, errors: result.errors });
      return;
    }
    renderEdit(ctx, id, { note: 'Your changes are saved.' });
  });
  return undefined;
}

// ---- the evidence on an item's page ----------------------------------------------------------

// The "Evidence for this item" section of the item page (#/item/CODE), outside its form.
export function itemEvidence(core, framework, code, note = '') {
  const lib = libraryFor(core);
  if (!lib.opened.ok) return '';
  const ref = `${framework}:${code}`;
  const item = lib.item(ref);
  if (!item.ok) return '';
  const status = item.missing ? 'No evidence is attached to this item yet.' :
    item.only_expired ? 'All the evidence attached to this item has expired.' : '';
  const list = item.evidence.map((e) => `<li><a href="#/evidence/edit/${esc(e.id)}">${esc(e.title)}</a>
    ${statusTag(e)}</li>`).join('');
  const others = lib.list('all').evidence.filter((e) => !e.supports.includes(ref));
  const attach = others.length ? `<form id="item-attach-form" data-ref="${esc(ref)}" novalidate>
      <div class="nhsuk-form-group">
        <label class="nhsuk-label" for="attach-evidence">Attach evidence from your library</label>
        <select class="nhsuk-select" id="attach-evidence" name="evidence">
          ${others.map((e) => `<option value="${esc(e.id)}">${esc(e.title)} (${esc(e.id)})</option>`).join('')}
        </select></div>
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Attach</button>
    </form>` : '';
  return `<section id="item-evidence" aria-labelledby="item-evidence-heading">
    <h2 class="nhsuk-heading-m" id="item-evidence-heading">Evidence for this item</h2>
    ${note ? `<p class="nhsuk-body" role="status" id="item-evidence-note">${esc(note)}</p>` : ''}
    ${status ? `<div class="nhsuk-inset-text"><p>${status}</p></div>` : ''}
    ${list ? `<ul class="nhsuk-list nhsuk-list--bullet" id="item-evidence-list">${list}</ul>` : ''}
    ${attach}
    <p class="nhsuk-body"><a href="#/evidence/add">Add new evidence</a> or
      <a href="#/evidence">open the evidence library</a>.</p>
  </section>`;
}

// The item page's attach form, handled here so the page keeps what was typed in its own form.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (form.id !== 'item-attach-form' || !library) return;
  event.preventDefault();
  const ref = form.dataset.ref;
  const id = new FormData(form).get('evidence');
  const result = await library.attach(id, ref);
  const note = result.ok ? `Evidence ${id} is attached.` : result.errors.map((e) => e.message).join(' ');
  const [framework, code] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
  document.getElementById('item-evidence').outerHTML =
    itemEvidence(library.core, framework, code, note);
  document.getElementById('item-evidence-note')?.setAttribute('tabindex', '-1');
  document.getElementById('item-evidence-note')?.focus();
});

// ---- export ---------------------------------------------------------------------------------

// What the personal data scan found (it runs in the worker: it reads every text file).
function personalDataWarning(scan) {
  const findings = scan.ok ? scan.findings : [];
  if (findings.length) {
    return `<div class="nhsuk-warning-callout" id="personal-data">
      <h2 class="nhsuk-warning-callout__label"><span role="text"><span
        class="nhsuk-u-visually-hidden">Important: </span>It may hold personal data</span></h2>
      <p>${esc(scan.message)}</p>
      <ul class="nhsuk-list nhsuk-list--bullet">${findings.map((f) =>
        `<li>${esc(f.where)}: ${esc(f.what)}</li>`).join('')}</ul></div>`;
  }
  return scan.ok ? `<p class="nhsuk-body" id="personal-data-none">${esc(scan.message)}</p>` :
    `<p class="nhsuk-body">${esc(scan.errors.map((e) => e.message).join(' '))}</p>`;
}

function renderExport(ctx) {
  const lib = libraryFor(ctx.core);
  if (!lib.opened.ok) return renderProblem(ctx, lib.opened.errors);
  const state = ctx.core.state();
  const assessment = state.open ? `<p class="nhsuk-body">Your ${esc(ctx.core.formModel(state.framework)
    .framework.short_title)} assessment in this browser goes into the pack with its answers.</p>` : '';
  ctx.show('Export an evidence pack', `${ctx.backLink('#/evidence', 'Back to the evidence library')}
    ${ctx.heading('Export an evidence pack')}
    <p class="nhsuk-body">One .zip file that anyone can open: a report to read in a browser,
      every evidence file, and a manifest that <code>eqkit pack verify</code> checks.</p>
    ${assessment}
    <div id="personal-data-area"><p class="nhsuk-body" role="status">Checking your evidence for
      personal data…</p></div>
    <form id="export-form" novalidate>
      ${progressArea()}
      <button class="nhsuk-button" id="export-button" type="submit" disabled>
        Export evidence pack</button>
    </form>
    <div id="export-result"></div>`);
  lib.personalData().then((scan) => {
    const area = document.getElementById('personal-data-area');
    const button = document.getElementById('export-button');
    if (!area || !button) return;  // the person has moved on
    area.innerHTML = personalDataWarning(scan);
    if (scan.ok && scan.findings.length) {
      button.classList.add('nhsuk-button--warning');
      button.textContent = 'Export anyway';
    }
    button.disabled = false;
  });
  document.getElementById('export-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    busy(event.target, true);
    const resultArea = document.getElementById('export-result');
    const stored = ctx.core.state().open ? await lib.storeAssessment() : { ok: true };
    const { result, bytes } = stored.ok ? await lib.exportPack(progressReporter('Exporting')) :
      { result: stored };
    busy(event.target, false);
    if (!result.ok) {
      resultArea.innerHTML = `${ctx.errorSummary(result.errors.map((e) => ({ ...e,
        target: 'page-heading' })))}`;
      resultArea.querySelector('.nhsuk-error-summary')?.setAttribute('tabindex', '-1');
      resultArea.querySelector('.nhsuk-error-summary')?.focus();
      return;
    }
    download(bytes, 'evidence-pack.zip', 'application/zip');
    resultArea.innerHTML = `<div class="nhsuk-panel" id="export-done" tabindex="-1">
      <h2 class="nhsuk-panel__title">Evidence pack exported</h2>
      <div class="nhsuk-panel__body">${esc(result.message)} Your browser saved it as
        evidence-pack.zip.</div></div>`;
    document.getElementById('export-done').focus();
  });
  return undefined;
}

// ---- check and import ------------------------------------------------------------------------

function verifyResult(result) {
  const problems = result.problems.length ? `<ul class="nhsuk-list nhsuk-list--bullet" id="pack-problems">
    ${result.problems.map((p) => `<li>${esc(p.message)}</li>`).join('')}</ul>` : '';
  const signature = result.signature_message ? `<p>${esc(result.signature_message)}</p>` : '';
  if (result.intact) {
    return `<div class="nhsuk-panel" id="check-result" tabindex="-1">
      <h2 class="nhsuk-panel__title">The pack is intact</h2>
      <div class="nhsuk-panel__body"><p>${esc(result.message)}</p>${signature}</div></div>`;
  }
  return `<div class="nhsuk-warning-callout" id="check-result" tabindex="-1">
    <h2 class="nhsuk-warning-callout__label"><span role="text"><span
      class="nhsuk-u-visually-hidden">Important: </span>The pack is NOT intact</span></h2>
    <p>${esc(result.message)}</p>${problems}${signature}</div>`;
}

function importResult(result) {
  const list = (title, items) => items.length ? `<h3 class="nhsuk-heading-s">${title}</h3>
    <ul class="nhsuk-list nhsuk-list--bullet">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '';
  return `<div class="nhsuk-panel" id="check-result" tabindex="-1">
    <h2 class="nhsuk-panel__title">Pack imported</h2>
    <div class="nhsuk-panel__body"><p>${esc(result.message)}</p></div></div>
    ${list('Assessments added', result.added_assessments)}
    ${list('Evidence added', result.added_evidence)}
    ${list('Given new ids (an id was already in use)', result.renamed.map((r) => `${r.from} is now ${r.to}`))}
    ${list('Already in your workspace, so not added again', result.already_present)}
    ${list('Notes', result.notes)}
    <p class="nhsuk-body"><a href="#/evidence">Open the evidence library</a></p>`;
}

function renderCheck(ctx, errors = []) {
  ctx.show('Check or import an evidence pack', `${ctx.backLink('#/evidence',
    'Back to the evidence library')}
    ${ctx.errorSummary(errors.map((e) => ({ ...e, target: 'pack' })))}
    ${ctx.heading('Check or import an evidence pack')}
    <form id="check-form" novalidate>
      ${group(errors.map((e) => ({ ...e, field: 'pack' })), 'pack', `
        <label class="nhsuk-label" for="pack">Evidence pack (.zip)</label>
        <div class="nhsuk-hint" id="pack-hint">Checking reads every file against the pack's
          manifest and changes nothing. Importing adds what the pack holds to your workspace
          without overwriting anything. The pack is read in your browser and not sent anywhere.</div>
        ${errors.length ? `<span class="nhsuk-error-message" id="pack-error"><span
          class="nhsuk-u-visually-hidden">Error:</span> ${esc(errors.map((e) => e.message).join(' '))}</span>` : ''}
        <input class="nhsuk-file-upload" id="pack" name="pack" type="file" accept=".zip,application/zip"
          aria-describedby="pack-hint${errors.length ? ' pack-error' : ''}">`)}
      ${progressArea()}
      <div class="nhsuk-button-group">
        <button class="nhsuk-button" type="submit" name="action" value="verify">Check the pack</button>
        <button class="nhsuk-button nhsuk-button--secondary" type="submit" name="action"
          value="import">Import into my workspace</button>
      </div>
    </form>
    <div id="check-area"></div>`, { error: errors.length > 0 });
  document.getElementById('check-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('pack').files[0];
    if (!file) {
      renderCheck(ctx, [{ message: 'Select an evidence pack (.zip) to check or import' }]);
      return;
    }
    const importing = event.submitter && event.submitter.value === 'import';
    const lib = libraryFor(ctx.core);
    busy(event.target, true);
    const report = progressReporter(importing ? 'Importing' : 'Checking');
    const result = importing ? await lib.importPack(file, report) : await lib.verifyPack(file, report);
    busy(event.target, false);
    if (!result.ok) {
      renderCheck(ctx, result.errors);
      return;
    }
    document.getElementById('check-area').innerHTML = importing ? importResult(result) :
      verifyResult(result);
    document.getElementById('check-result').focus();
  });
}

// ---- routes -----------------------------------------------------------------------------------

// #/evidence…; ctx: { core, show, heading, backLink, errorSummary, notFound }.
export function routeEvidence(hash, ctx) {
  let m;
  if (hash === '#/evidence') return renderLibrary(ctx);
  if ((m = hash.match(/^#\/evidence\/filter\/(all|expired|unattached)$/))) return renderLibrary(ctx, m[1]);
  if (hash === '#/evidence/add') return renderChooseKind(ctx);
  if ((m = hash.match(/^#\/evidence\/add\/([a-z]+)$/))) return renderAdd(ctx, m[1]);
  if ((m = hash.match(/^#\/evidence\/edit\/([a-z0-9-]+)(\/added)?$/))) {
    return renderEdit(ctx, m[1], { note: m[2] ? 'The evidence is added to your library.' : '' });
  }
  if (hash === '#/evidence/export') return renderExport(ctx);
  if (hash === '#/evidence/check') return renderCheck(ctx);
  return ctx.notFound();
}
