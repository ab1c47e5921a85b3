// The action plan in the accessible face: one list of actions from every assessment in this
// browser's workspace, filtered by owner, status and overdue; adding an action with the evidence
// it rests on; changing its status and evidence. Every rule (validation, overdue, messages, the CSV and HTML exports) is computed by the
// WebAssembly core (eqkit/actions_api.hpp through wasm/actions_exports.cpp); this file moves JSON.
import { esc, download } from './html.mjs';
import { Library, WORKSPACE } from './library.mjs';

let library = null;  // opens (or makes) the workspace folder the actions belong to

function workspace(core) {
  if (!library) library = new Library(core);
  return library;
}

// Calls a C function over this browser's workspace folder (wasm/actions_exports.cpp).
export function workspaceCall(core, name, args) {
  return call(core, name, args);
}

function call(core, name, args) {
  workspace(core);  // the folder exists before the first call
  const types = args.map(() => 'string');
  const ptr = core.module.ccall(name, 'number', ['string', 'string', ...types],
                                ['/plugins', WORKSPACE, ...args]);
  const text = core.module.UTF8ToString(ptr);
  core.module._free(ptr);
  return text;
}

// today is left to the core (this computer's date): no date rule lives here.
const list = (core, filter) => JSON.parse(call(core, 'eqkit_actions_list', [JSON.stringify(filter), '']));

async function change(core, name, args) {
  const result = JSON.parse(call(core, name, args));
  if (result.ok) await workspace(core).persist();
  return result;
}

function filterFrom(hash) {
  const query = new URLSearchParams(hash.split('?')[1] || '');
  return { owner: query.get('owner') || '', status: query.get('status') || '',
           overdue: query.get('overdue') === '1' };
}

function hashFor(filter) {
  const query = new URLSearchParams();
  if (filter.owner) query.set('owner', filter.owner);
  if (filter.status) query.set('status', filter.status);
  if (filter.overdue) query.set('overdue', '1');
  const text = query.toString();
  return '#/actions' + (text ? '?' + text : '');
}

function options(values, chosen, allLabel) {
  return [`<option value="">${allLabel}</option>`, ...values.map(([value, label]) =>
    `<option value="${esc(value)}"${value === chosen ? ' selected' : ''}>${esc(label)}</option>`)]
    .join('');
}

function filterForm(listed, filter) {
  return `<form id="filter-form" class="eqkit-filters" novalidate>
    <div class="nhsuk-form-group"><label class="nhsuk-label" for="owner">Owner</label>
      <select class="nhsuk-select" id="owner" name="owner">${options(
        listed.owners.map((o) => [o, o]), filter.owner, 'Everyone')}</select></div>
    <div class="nhsuk-form-group"><label class="nhsuk-label" for="status">Status</label>
      <select class="nhsuk-select" id="status" name="status">${options(
        listed.statuses.map((s) => [s.value, s.label]), filter.status, 'Any status')}</select></div>
    <div class="nhsuk-form-group"><div class="nhsuk-checkboxes"><div class="nhsuk-checkboxes__item">
      <input class="nhsuk-checkboxes__input" id="overdue" name="overdue" type="checkbox" value="1"
        ${filter.overdue ? 'checked' : ''}>
      <label class="nhsuk-label nhsuk-checkboxes__label" for="overdue">Only overdue actions</label>
    </div></div></div>
    <button class="nhsuk-button nhsuk-button--secondary" type="submit">Apply filters</button>
  </form>`;
}

function table(actions) {
  const cell = (heading, value) => `<td class="nhsuk-table__cell"><span
    class="nhsuk-table-responsive__heading" aria-hidden="true">${heading} </span>${value}</td>`;
  const rows = actions.map((a) => `<tr class="nhsuk-table__row">
    ${cell('ID', `<a href="#/actions/set/${esc(a.id)}">${esc(a.id)}<span
      class="nhsuk-u-visually-hidden">: change its status</span></a>`)}
    ${cell('Action', esc(a.text))}
    ${cell('Owner', esc(a.owner))}
    ${cell('Due', esc(a.due) + (a.due_words ? `<br><strong>${esc(a.due_words)}</strong>` : ''))}
    ${cell('Status', esc(a.status_label) + (a.reason ? ` (${esc(a.reason)})` : '') +
      (a.carried_over_from ? `<br>Carried over from ${esc(a.carried_over_from)}` : ''))}
    ${cell('Item', esc(a.item) + (a.assessment ? ` (${esc(a.assessment)})` : ''))}
    ${cell('Evidence', evidenceWords(a))}</tr>`).join('');
  return `<table class="nhsuk-table-responsive"><caption class="nhsuk-table__caption">Actions</caption>
    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">${['ID', 'Action', 'Owner', 'Due',
      'Status', 'Item', 'Evidence'].map((h) => `<th class="nhsuk-table__header" scope="col">${h}</th>`)
      .join('')}
    </tr></thead><tbody class="nhsuk-table__body">${rows}</tbody></table>`;
}

// The evidence an action rests on, in the core's words ("ev2: Board minutes").
function evidenceWords(action) {
  const words = action.evidence_words || [];
  return words.length ? `<ul class="nhsuk-list">${words.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`
    : 'None';
}

// Checkboxes for the library's evidence; the first box carries the id an error links to.
function evidenceChoice(errors, choices, chosen) {
  const error = errors.find((e) => e.field === 'evidence');
  const legend = `<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Evidence it
    rests on (optional)</legend>`;
  if (!choices.length) {
    return `<div class="nhsuk-form-group"><fieldset class="nhsuk-fieldset">${legend}
      <p class="nhsuk-body" id="no-evidence">Your <a href="#/evidence">evidence library</a> in this
        browser is empty: add evidence there first to link it here.</p></fieldset></div>`;
  }
  const boxes = choices.map((c, i) => {
    const id = i ? `evidence-${i + 1}` : 'evidence';
    return `<div class="nhsuk-checkboxes__item"><input class="nhsuk-checkboxes__input" id="${id}"
      name="evidence" type="checkbox" value="${esc(c.id)}"${chosen.includes(c.id) ? ' checked' : ''}>
      <label class="nhsuk-label nhsuk-checkboxes__label" for="${id}">${esc(c.label)}</label></div>`;
  }).join('');
  return `<div class="nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}">
    <fieldset class="nhsuk-fieldset" aria-describedby="evidence-hint${error ? ' evidence-error' : ''}">
    ${legend}<div class="nhsuk-hint" id="evidence-hint">Tick each piece of evidence from your
      library that this action rests on.</div>
    ${error ? `<span class="nhsuk-error-message" id="evidence-error"><span
      class="nhsuk-u-visually-hidden">Error:</span> ${esc(error.message)}</span>` : ''}
    <div class="nhsuk-checkboxes">${boxes}</div></fieldset></div>`;
}

function formValues(form) {
  const data = new FormData(form);
  return { ...Object.fromEntries(data), evidence: data.getAll('evidence') };
}

function renderProblem(ctx, errors) {
  ctx.show('Action plan', `${ctx.backLink('#/')}${ctx.heading('The action plan could not be opened')}
    <ul class="nhsuk-list nhsuk-list--bullet">${errors.map((e) => `<li>${esc(e.message)}</li>`)
      .join('')}</ul>`);
}

function renderList(ctx, filter) {
  const listed = list(ctx.core, filter);
  if (!listed.ok) return renderProblem(ctx, listed.errors);
  const body = listed.actions.length ? table(listed.actions) :
    '<p class="nhsuk-body" id="no-actions">No actions match.</p>';
  ctx.show('Action plan', `${ctx.backLink('#/')}${ctx.heading('Action plan')}
    <p class="nhsuk-body">Actions from every assessment in this browser: ${listed.counts.shown}
      shown, ${listed.counts.overdue} overdue.</p>
    ${filterForm(listed, filter)}${body}
    <div class="nhsuk-button-group">
      <a class="nhsuk-button" href="#/actions/add" role="button" draggable="false">Add an action</a>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" id="download-csv">Download
        as a spreadsheet (CSV)</button>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" id="download-html">Download
        as a web page</button></div>`);
  document.getElementById('filter-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    location.hash = hashFor({ owner: form.get('owner'), status: form.get('status'),
                              overdue: form.get('overdue') === '1' });
  });
  const exported = (format) => call(ctx.core, 'eqkit_actions_export',
                                    [JSON.stringify(filter), format, '']);
  document.getElementById('download-csv').addEventListener('click', () =>
    download(exported('csv'), 'action-plan.csv', 'text/csv'));
  document.getElementById('download-html').addEventListener('click', () =>
    download(exported('html'), 'action-plan.html', 'text/html'));
  return undefined;
}

function input(errors, id, label, hint, value, tag = 'input') {
  const error = errors.find((e) => e.field === id);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const attrs = `class="nhsuk-${tag === 'input' ? 'input' : 'textarea'}${error ?
    ` nhsuk-${tag === 'input' ? 'input' : 'textarea'}--error` : ''}" id="${id}" name="${id}"${
    described ? ` aria-describedby="${described}"` : ''}`;
  return `<div class="nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}">
    <label class="nhsuk-label" for="${id}">${label}</label>
    ${hint ? `<div class="nhsuk-hint" id="${id}-hint">${hint}</div>` : ''}
    ${error ? `<span class="nhsuk-error-message" id="${id}-error"><span
      class="nhsuk-u-visually-hidden">Error:</span> ${esc(error.message)}</span>` : ''}
    ${tag === 'input' ? `<input ${attrs} type="text" value="${esc(value)}">` :
      `<textarea ${attrs} rows="4">${esc(value)}</textarea>`}</div>`;
}

function summary(ctx, errors) {
  return ctx.errorSummary(errors.map((e) => ({ ...e, target: e.field || 'page-heading' })));
}

function renderAdd(ctx, errors = [], values = {}) {
  const listed = list(ctx.core, {});
  const choices = listed.ok ? listed.evidence : [];
  ctx.show('Add an action', `${ctx.backLink('#/actions', 'Back to the action plan')}
    ${summary(ctx, errors)}${ctx.heading('Add an action')}
    <form id="add-form" novalidate>
      ${input(errors, 'item', 'Item', 'The framework and the item or row it is for, such as ' +
        'eds2022:1A or eira_nhs:race', values.item)}
      ${input(errors, 'text', 'What will be done', '', values.text, 'textarea')}
      ${input(errors, 'owner', 'Owner', 'The person responsible', values.owner)}
      ${input(errors, 'due', 'Due date', 'For example, 2026-03-31', values.due)}
      ${evidenceChoice(errors, choices, values.evidence || [])}
      <button class="nhsuk-button" type="submit">Add the action</button></form>`,
  { error: errors.length > 0 });
  document.getElementById('add-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = formValues(event.target);
    const result = await change(ctx.core, 'eqkit_actions_add', [JSON.stringify(form), '']);
    if (result.ok) location.hash = '#/actions';
    else renderAdd(ctx, result.errors, form);
  });
  if (errors.length) document.querySelector('.nhsuk-error-summary')?.focus();
}

function renderSet(ctx, id, errors = []) {
  const listed = list(ctx.core, { all: true });
  const action = listed.ok && listed.actions.find((a) => a.id === id);
  if (!action) return ctx.notFound();
  const radios = listed.statuses.map((s, i) => `<div class="nhsuk-radios__item">
    <input class="nhsuk-radios__input" id="status${i ? '-' + i : ''}" name="status" type="radio"
      value="${esc(s.value)}"${s.value === action.status ? ' checked' : ''}>
    <label class="nhsuk-label nhsuk-radios__label" for="status${i ? '-' + i : ''}">${esc(s.label)}</label>
    </div>`).join('');
  ctx.show(`Action ${id}`, `${ctx.backLink('#/actions', 'Back to the action plan')}
    ${summary(ctx, errors)}${ctx.heading(`Action ${esc(id)}: ${esc(action.text)}`)}
    <p class="nhsuk-body">Owned by ${esc(action.owner)}, due ${esc(action.due)}.</p>
    <form id="set-form" novalidate>
      <div class="nhsuk-form-group"><fieldset class="nhsuk-fieldset">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Status</legend>
        <div class="nhsuk-radios">${radios}</div></fieldset></div>
      ${input(errors, 'reason', 'Reason', 'Needed when an action is dropped', action.reason || '',
        'textarea')}
      ${evidenceChoice(errors, listed.evidence, action.evidence || [])}
      <button class="nhsuk-button" type="submit">Save</button></form>
    <h2 class="nhsuk-heading-m">History</h2><ul class="nhsuk-list nhsuk-list--bullet">${
      action.history.map((h) => `<li>${esc(h.on)}: ${esc(h.change)}</li>`).join('')}</ul>`,
  { error: errors.length > 0 });
  document.getElementById('set-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const { evidence, ...form } = formValues(event.target);
    // What changed, as the core takes it: boxes newly ticked are linked, those cleared unlinked.
    const linked = action.evidence || [];
    form.link_evidence = evidence.filter((e) => !linked.includes(e));
    form.unlink_evidence = linked.filter((e) => !evidence.includes(e));
    const result = await change(ctx.core, 'eqkit_actions_set', [id, JSON.stringify(form), '']);
    if (result.ok) location.hash = '#/actions';
    else renderSet(ctx, id, result.errors);
  });
  return undefined;
}

// Next year's assessment of a framework this browser has one of: the core starts it and carries
// the open actions across, each marked as carried over.
function renderNextYear(ctx, errors = [], values = {}) {
  const reviews = JSON.parse(call(ctx.core, 'eqkit_reviews_list', ['']));
  const state = ctx.core.state();
  const frameworks = new Map();
  if (state.open) {
    frameworks.set(state.framework, ctx.core.formModel(state.framework).framework.short_title);
  }
  for (const a of reviews.ok ? reviews.assessments : []) frameworks.set(a.framework, a.framework_title);
  const chosen = values.framework || [...frameworks.keys()][0];
  const radios = [...frameworks].map(([id, title], i) => `<div class="nhsuk-radios__item">
    <input class="nhsuk-radios__input" id="framework${i ? '-' + (i + 1) : ''}" name="framework"
      type="radio" value="${esc(id)}"${id === chosen ? ' checked' : ''}>
    <label class="nhsuk-label nhsuk-radios__label" for="framework${i ? '-' + (i + 1) : ''}">${
      esc(title)}</label></div>`).join('');
  ctx.show("Start next year's assessment", `${ctx.backLink('#/assessments', 'Back to your assessments')}
    ${summary(ctx, errors)}${ctx.heading("Start next year's assessment")}
    <p class="nhsuk-body">A new assessment of the framework starts in this browser's workspace, and
      every open or in-progress action of its latest assessment is carried across, each marked as
      carried over. Done and dropped actions stay with last year's.</p>
    ${frameworks.size ? `<form id="next-form" novalidate>
      <div class="nhsuk-form-group"><fieldset class="nhsuk-fieldset">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Framework</legend>
        <div class="nhsuk-radios">${radios}</div></fieldset></div>
      ${input(errors, 'title', 'Title of the new assessment', '', values.title || '')}
      <button class="nhsuk-button" type="submit">Start next year's assessment</button></form>` :
    `<p class="nhsuk-body" id="no-frameworks"><a href="#/new">Start an assessment</a>
      first.</p>`}`,
  { error: errors.length > 0 });
  document.getElementById('next-form')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.target));
    const result = await change(ctx.core, 'eqkit_actions_start', [JSON.stringify(form), '']);
    if (!result.ok) return renderNextYear(ctx, result.errors, form);
    ctx.show("Next year's assessment started", `${ctx.heading("Next year's assessment started")}
      <div class="nhsuk-inset-text"><p id="started">${esc(result.message)}</p></div>
      <p class="nhsuk-body"><a href="#/actions">See the action plan</a></p>`);
    return undefined;
  });
}

export function routeActions(hash, ctx) {
  let m;
  if (hash === '#/actions' || hash.startsWith('#/actions?')) return renderList(ctx, filterFrom(hash));
  if (hash === '#/actions/add') return renderAdd(ctx);
  if (hash === '#/actions/next-year') return renderNextYear(ctx);
  // From an impact assessment's row: a mitigation for that row.
  if ((m = hash.match(/^#\/actions\/add\?item=([A-Za-z0-9_.:-]+)$/))) {
    return renderAdd(ctx, [], { item: m[1] });
  }
  if ((m = hash.match(/^#\/actions\/set\/(a[0-9]+)$/))) return renderSet(ctx, m[1]);
  return ctx.notFound();
}
