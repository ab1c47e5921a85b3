// Impact assessments (EIA/EIRA) in the accessible face: the form's sections, one page per
// protected characteristic or group (relevance, impact and reason, evidence and engagement,
// risk before and after mitigation), the risk matrix as a table with its bands in words,
// sign-off, the versions (earlier ones read-only and downloadable) and the list of assessments
// with their review status. Every rule, label, band and message comes from the WebAssembly core
// (eqkit::JsonApi's impact methods and eqkit::reviews_api_list); this file lays them out.
import { download, esc, fieldError, formGroup } from './html.mjs';
import { workspaceCall } from './actions.mjs';

function unconfirmed(fact) {
  if (!fact || fact.confirmed !== false) return '';
  return ` <span class="eqkit-unconfirmed">(UNCONFIRMED: ${esc(fact.note || '')})</span>`;
}

// The same mark inside an <option>, which holds text only.
function unconfirmedText(fact) {
  return fact && fact.confirmed === false ? ' (UNCONFIRMED)' : '';
}

const errorMessage = fieldError;
const group = formGroup;

function describedBy(ids) {
  const list = ids.filter(Boolean).join(' ');
  return list ? ` aria-describedby="${list}"` : '';
}

function textInput(errors, id, label, hint, value, { long = false, labelClass = 'm' } = {}) {
  const err = errors.some((e) => e.field === id);
  const aria = describedBy([hint ? `${id}-hint` : '', err ? `${id}-error` : '']);
  const control = long ?
    `<textarea class="nhsuk-textarea${err ? ' nhsuk-textarea--error' : ''}" id="${id}"
      name="${id}" rows="4"${aria}>${esc(value)}</textarea>` :
    `<input class="nhsuk-input${err ? ' nhsuk-input--error' : ''}" id="${id}" name="${id}"
      type="text" value="${esc(value)}"${aria}>`;
  return group(errors, id, `<label class="nhsuk-label nhsuk-label--${labelClass}" for="${id}">
      ${esc(label)}</label>
    ${hint ? `<div class="nhsuk-hint" id="${id}-hint">${esc(hint)}</div>` : ''}
    ${errorMessage(errors, id)}${control}`);
}

function radios(errors, id, legend, hint, levels, chosen, size = 'm') {
  const items = levels.map((l, i) => {
    const inputId = i === 0 ? id : `${id}-${i}`;
    return `<div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id="${inputId}" name="${id}" type="radio"
        value="${esc(l.value)}"${l.value === chosen ? ' checked' : ''}${l.description ?
        ` aria-describedby="${inputId}-item-hint"` : ''}>
      <label class="nhsuk-label nhsuk-radios__label" for="${inputId}">${esc(l.label)}</label>
      ${l.description ? `<div class="nhsuk-hint nhsuk-radios__hint" id="${inputId}-item-hint">
        ${esc(l.description)}</div>` : ''}</div>`;
  }).join('');
  const err = errors.some((e) => e.field === id);
  return group(errors, id, `<fieldset class="nhsuk-fieldset"${describedBy(
    [hint ? `${id}-hint` : '', err ? `${id}-error` : ''])}>
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--${size}">${esc(legend)}</legend>
      ${hint ? `<div class="nhsuk-hint" id="${id}-hint">${esc(hint)}</div>` : ''}
      ${errorMessage(errors, id)}
      <div class="nhsuk-radios" data-module="nhsuk-radios">${items}</div></fieldset>`);
}

// ---- where each error is shown ----------------------------------------------------------------

// The page a sign-off gap is fixed on, or the input an error is about.
function target(field) {
  let m;
  if ((m = field.match(/^row-(.+)$/))) return `/row/${m[1]}`;
  if ((m = field.match(/^item-(.+)$/))) return `/item/${m[1]}`;
  if ((m = field.match(/^field-(.+)$/))) return `/field/${m[1]}`;
  if (field === 'risk-before' || field === 'risk-after') return `${field}-likelihood`;
  return field;
}

// ---- the form's sections -------------------------------------------------------------------

function sections(impact) {
  const list = [];
  for (const f of impact.fields) {
    if (!list.length || list[list.length - 1].title !== f.section) {
      list.push({ title: f.section, fields: [] });
    }
    list[list.length - 1].fields.push(f);
  }
  return list;
}

function statusTag(status, label) {
  if (status === 'completed') return 'Completed';
  const colour = status === 'in_progress' ? 'nhsuk-tag--blue' : 'nhsuk-tag--grey';
  return `<strong class="nhsuk-tag ${colour}">${esc(label)}</strong>`;
}

function taskItem(href, text, id, status) {
  return `<li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
    <div class="nhsuk-task-list__name-and-hint"><a class="nhsuk-link nhsuk-task-list__link"
      href="${href}" aria-describedby="status-${id}">${text}</a></div>
    <div class="nhsuk-task-list__status" id="status-${id}">${status}</div></li>`;
}

function sectionStatus(section, fields) {
  const answered = section.fields.filter((f) => fields[f.id]).length;
  if (answered === section.fields.length) return statusTag('completed');
  return answered ? statusTag('in_progress', 'In progress') : statusTag('not_started',
    'Not yet started');
}

function versionLine(impact) {
  const s = impact.signoff;
  return `<p class="nhsuk-body" id="version-line">This is version ${impact.version}, ${s ?
    `signed off by ${esc(s.name)} (${esc(s.role)}) on ${esc(s.date)}. It is locked: a change
    starts version ${impact.version + 1} and keeps this one as it was signed.` :
    'not signed off yet.'} Review: ${esc(impact.review.words)}.</p>`;
}

// The task list's impact parts, above the scored items: sections, rows, risk matrix.
export function impactTasks(m, state) {
  const impact = state.impact;
  if (!m.impact || !impact) return '';
  const list = sections(m.impact).map((s, i) => taskItem(`#/form/${i + 1}`, esc(s.title),
    `form-${i + 1}`, sectionStatus(s, impact.fields))).join('');
  const subjects = new Map((m.impact.rows?.subjects || []).map((s) => [s.id, s]));
  const rows = impact.rows.map((r) => taskItem(`#/row/${esc(r.subject)}`, esc(r.title) +
    unconfirmed(subjects.get(r.subject)), `row-${esc(r.subject)}`,
  statusTag(r.status, r.status_label))).join('');
  return `${versionLine(impact)}
    ${list ? `<h2 class="nhsuk-heading-m">About the proposal</h2>
      <ul class="nhsuk-task-list">${list}</ul>` : ''}
    ${rows ? `<h2 class="nhsuk-heading-m">${esc(m.impact.rows.title)}</h2>
      <ul class="nhsuk-task-list">${rows}</ul>` : ''}
    ${m.impact.risk_matrix ? `<p class="nhsuk-body"><a href="#/risk-matrix">The risk matrix</a>:
      the score and band of each likelihood and impact.</p>` : ''}`;
}

// Links under the scored items: sign-off, versions, the list of assessments.
export function impactLinks(m, state) {
  if (!m.impact || !state.impact) return '';
  return `${m.impact.signoff ? `<p class="nhsuk-body"><a href="#/signoff">${esc(
    m.impact.signoff.title)}</a>: ${state.impact.signoff ? 'signed' : `${
    state.impact.signoff_gaps.length ? `${state.impact.signoff_gaps.length} thing(s) to answer
    first` : 'ready to sign'}`}.</p>` : ''}
    <p class="nhsuk-body"><a href="#/versions">Versions</a>: ${state.impact.versions.length}, the
      earlier ones readable as they were signed.</p>
    <p class="nhsuk-body"><a href="#/assessments">Your assessments and their review dates</a></p>`;
}

function renderSection(ctx, index, errors = [], typed = null) {
  const state = ctx.core.state();
  const m = ctx.model(state.framework);
  const list = sections(m.impact);
  const section = list[index - 1];
  if (!section) return ctx.notFound();
  const values = typed || state.impact.fields;
  const inputs = section.fields.map((f) => {
    const id = `field-${f.id}`;
    const label = f.label + (f.required ? '' : ' (optional)');
    if (f.type === 'choice') {
      return radios(errors, id, label, f.hint, f.choices.map((c) => ({ value: c, label: c })),
        values[f.id]);
    }
    const hint = f.type === 'date' ? [f.hint, 'For example, 2026-03-31'].filter(Boolean).join('. ') :
      f.hint;
    return textInput(errors, id, label, hint, values[f.id] || '',
      { long: f.type === 'long_text' });
  }).join('');
  ctx.show(section.title, `${ctx.backLink('#/tasks', 'Back to the task list')}
    ${ctx.errorSummary(errors.map((e) => ({ ...e, target: e.field })))}
    <span class="nhsuk-caption-l">${esc(m.framework.short_title)}</span>
    ${ctx.heading(esc(section.title))}
    <form id="section-form" novalidate>${inputs}
      <button class="nhsuk-button" type="submit">Save and continue</button></form>`,
  { error: errors.length > 0 });
  document.getElementById('section-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    const entered = Object.fromEntries(section.fields.map((f) =>
      [f.id, String(data.get(`field-${f.id}`) ?? '').trim()]));
    const problems = [];
    for (const f of section.fields) {
      if ((state.impact.fields[f.id] || '') === entered[f.id]) continue;
      const result = await ctx.core.setField(f.id, entered[f.id]);
      if (!result.ok) problems.push(...result.errors);
    }
    if (problems.length) return renderSection(ctx, index, problems, entered);
    location.hash = index < list.length ? `#/form/${index + 1}` : '#/tasks';
    return undefined;
  });
  return undefined;
}

// A field's own address opens the section it is in (the sign-off page links to it).
function renderField(ctx, id) {
  const m = ctx.model(ctx.core.state().framework);
  const index = sections(m.impact).findIndex((s) => s.fields.some((f) => f.id === id));
  return index < 0 ? ctx.notFound() : renderSection(ctx, index + 1);
}

// ---- one row: a characteristic or group ----------------------------------------------------

function riskFields(errors, matrix, which, legend, risk) {
  const select = (axis, key, chosen) => {
    const id = `${which}-${key}`;
    const options = [`<option value="">Not scored</option>`, ...axis.levels.map((l) =>
      `<option value="${l.value}"${l.value === chosen ? ' selected' : ''}>${l.value} – ${
        esc(l.label)}${unconfirmedText(l)}</option>`)].join('');
    return `<div class="nhsuk-form-group eqkit-inline-group">
      <label class="nhsuk-label" for="${id}">${esc(axis.title)}</label>
      <select class="nhsuk-select" id="${id}" name="${id}">${options}</select></div>`;
  };
  const err = errors.some((e) => e.field === which);
  const now = risk ? `<p class="nhsuk-body" id="${which}-now">Scored now: ${esc(risk.words)}${
    unconfirmed(risk.band)}</p>` : '';
  return group(errors, which, `<fieldset class="nhsuk-fieldset"${describedBy(
    [`${which}-hint`, err ? `${which}-error` : ''])}>
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">${esc(legend)}</legend>
      <div class="nhsuk-hint" id="${which}-hint">Only for a negative impact. The score is
        likelihood × impact; <a href="#/risk-matrix">the risk matrix</a> shows each band.</div>
      ${errorMessage(errors, which)}${now}
      ${select(matrix.likelihood, 'likelihood', risk?.likelihood)}
      ${select(matrix.impact, 'impact', risk?.impact)}</fieldset>`);
}

function readRisk(data, which) {
  const likelihood = Number(data.get(`${which}-likelihood`) || 0);
  const impact = Number(data.get(`${which}-impact`) || 0);
  return likelihood || impact ? { likelihood, impact } : null;
}

function readRow(form, spec) {
  const data = new FormData(form);
  return {
    relevance: String(data.get('relevance') || ''),
    impact: String(data.get('impact') || ''),
    reason: String(data.get('reason') || ''),
    texts: Object.fromEntries(spec.texts.map((t) => [t.id, String(data.get(`text-${t.id}`) || '')])),
    risk_before: readRisk(data, 'risk-before'),
    risk_after: readRisk(data, 'risk-after'),
  };
}

function renderRow(ctx, subjectId, errors = [], typed = null) {
  const state = ctx.core.state();
  const m = ctx.model(state.framework);
  const spec = m.impact?.rows;
  const subject = spec?.subjects.find((s) => s.id === subjectId);
  if (!subject) return ctx.notFound();
  const saved = state.impact.rows.find((r) => r.subject === subjectId);
  const row = typed || saved;
  const matrix = m.impact.risk_matrix;
  const index = spec.subjects.indexOf(subject);
  const next = spec.subjects[index + 1];
  const risks = matrix ? riskFields(errors, matrix, 'risk-before', 'Risk before mitigation',
    typed ? null : saved.risk_before) + riskFields(errors, matrix, 'risk-after',
    'Risk after mitigation', typed ? null : saved.risk_after) : '';
  const mitigation = saved.scores_risk ? `<p class="nhsuk-body"><a
    href="#/actions/add?item=${esc(m.framework.id)}:${esc(subjectId)}">Add a mitigation to the
    action plan</a>, with an owner and a due date.</p>` : '';
  ctx.show(subject.title, `${ctx.backLink('#/tasks', 'Back to the task list')}
    ${ctx.errorSummary(errors.map((e) => ({ ...e, target: target(e.field) })))}
    <span class="nhsuk-caption-l">${esc(subject.kind_label)}</span>
    ${ctx.heading(esc(subject.title) + unconfirmed(subject))}
    ${subject.hint ? `<p class="nhsuk-body">${esc(subject.hint)}</p>` : ''}
    ${subject.note_on_duty ? `<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">
      Information: </span><p>${esc(subject.note_on_duty)}</p></div>` : ''}
    <form id="row-form" novalidate>
      ${radios(errors, 'relevance', spec.relevance.label, spec.relevance.hint,
    spec.relevance.levels, row.relevance)}
      ${radios(errors, 'impact', spec.impact.label, spec.impact.hint, spec.impact.levels,
    row.impact)}
      ${textInput(errors, 'reason', spec.reason_label, '', row.reason, { long: true })}
      ${spec.texts.map((t) => textInput(errors, `text-${t.id}`, t.label, t.hint,
    row.texts[t.id] || '', { long: true })).join('')}
      ${risks}
      <button class="nhsuk-button" type="submit">Save and continue</button></form>
    ${mitigation}`, { error: errors.length > 0 });
  document.getElementById('row-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const entered = readRow(event.target, spec);
    const result = await ctx.core.setRow(subjectId, entered);
    if (!result.ok) return renderRow(ctx, subjectId, result.errors, entered);
    location.hash = next ? `#/row/${next.id}` : '#/tasks';
    return undefined;
  });
  return undefined;
}

// ---- the risk matrix -----------------------------------------------------------------------

function renderMatrix(ctx) {
  const m = ctx.model(ctx.core.state().framework);
  const matrix = m.impact?.risk_matrix;
  if (!matrix) return ctx.notFound();
  const head = matrix.impact.levels.map((l) => `<th class="nhsuk-table__header" scope="col">${
    l.value} ${esc(l.label)}${unconfirmed(l)}</th>`).join('');
  const levels = new Map(matrix.likelihood.levels.map((l) => [l.value, l]));
  const body = matrix.grid.map((r) => {
    const l = levels.get(r.likelihood);
    return `<tr class="nhsuk-table__row"><th class="nhsuk-table__header" scope="row">${l.value}
      ${esc(l.label)}${unconfirmed(l)}</th>${r.cells.map((c) => `<td class="nhsuk-table__cell">${
      c.score}${c.band ? `: ${esc(c.band.label)}${c.band.confirmed === false ?
      ' (UNCONFIRMED)' : ''}` : ''}</td>`).join('')}</tr>`;
  }).join('');
  const bands = matrix.bands.map((b) => `<li>${b.min} to ${b.max}: ${esc(b.label)}${
    unconfirmed(b)}</li>`).join('');
  ctx.show('Risk matrix', `${ctx.backLink('#/tasks', 'Back to the task list')}
    ${ctx.heading(esc(matrix.title) + unconfirmed(matrix))}
    <p class="nhsuk-body">${esc(matrix.note)}</p>
    <div class="eqkit-table-scroll" tabindex="0" role="region" aria-labelledby="matrix-caption">
    <table class="nhsuk-table"><caption class="nhsuk-table__caption" id="matrix-caption">Score
      and band for each ${esc(matrix.likelihood.title.toLowerCase())} (rows) and ${
      esc(matrix.impact.title.toLowerCase())} (columns)</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row"><th
        class="nhsuk-table__header" scope="col">${esc(matrix.likelihood.title)}</th>${head}</tr>
      </thead><tbody class="nhsuk-table__body">${body}</tbody></table></div>
    <h2 class="nhsuk-heading-m">Bands</h2><ul class="nhsuk-list nhsuk-list--bullet">${bands}</ul>`);
  return undefined;
}

// ---- sign-off ------------------------------------------------------------------------------

function renderSignoff(ctx, errors = [], typed = {}) {
  const state = ctx.core.state();
  const m = ctx.model(state.framework);
  const spec = m.impact?.signoff;
  if (!spec) return ctx.notFound();
  const impact = state.impact;
  const title = esc(spec.title);
  if (impact.signoff && !errors.length) {
    const s = impact.signoff;
    ctx.show(spec.title, `${ctx.backLink('#/tasks', 'Back to the task list')}
      <div class="nhsuk-panel"><h1 class="nhsuk-panel__title" id="page-heading" tabindex="-1">
        Version ${impact.version} is signed off</h1>
        <div class="nhsuk-panel__body">by ${esc(s.name)} (${esc(s.role)}) on ${esc(s.date)}</div>
      </div>
      <p class="nhsuk-body">${esc(spec.statement)}</p>
      <p class="nhsuk-body">It is locked: any change starts version ${impact.version + 1}, and
        this version stays readable on the <a href="#/versions">versions page</a> exactly as it
        was signed.</p>`);
    return undefined;
  }
  const gaps = impact.signoff_gaps.map((g) => `<li><a href="#${target(g.place.replace(' ', '-'))}">${
    esc(g.message)}</a></li>`).join('');
  const suggestions = spec.role_suggestions.length ? `Such as: ${spec.role_suggestions.join('; ')}` :
    '';
  ctx.show(spec.title, `${ctx.backLink('#/tasks', 'Back to the task list')}
    ${ctx.errorSummary(errors.map((e) => ({ ...e, target: target(e.field) })))}
    ${ctx.heading(title + unconfirmed(spec))}
    <p class="nhsuk-body">Version ${impact.version}. Signing off locks it: a later change starts
      the next version and keeps this one as it was signed.</p>
    ${gaps ? `<div class="nhsuk-warning-callout"><h2 class="nhsuk-warning-callout__label"><span
      role="text"><span class="nhsuk-u-visually-hidden">Important: </span>Answer these
      first</span></h2><ul>${gaps}</ul></div>` : ''}
    <form id="signoff-form" novalidate>
      <div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span>
        <p>${esc(spec.statement)}</p></div>
      ${textInput(errors, 'signoff-name', 'Your name', '', typed.name || '', { labelClass: 's' })}
      ${textInput(errors, 'signoff-role', 'Your role', suggestions, typed.role || '',
    { labelClass: 's' })}
      ${textInput(errors, 'signoff-date', 'Date', 'Leave empty for today. For example, 2026-03-31',
    typed.date || '', { labelClass: 's' })}
      <button class="nhsuk-button" type="submit">Sign off version ${impact.version}</button>
    </form>`, { error: errors.length > 0 });
  document.getElementById('signoff-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    const entered = { name: String(data.get('signoff-name')), role: String(data.get('signoff-role')),
                      date: String(data.get('signoff-date')).trim() };
    const result = await ctx.core.signOff(entered);
    if (!result.ok) return renderSignoff(ctx, result.errors, entered);
    renderSignoff(ctx);
    return undefined;
  });
  return undefined;
}

// ---- versions ------------------------------------------------------------------------------

function bindDownloads(ctx, m) {
  for (const button of document.querySelectorAll('[data-version]')) {
    button.addEventListener('click', () => {
      const n = Number(button.dataset.version);
      const name = `${m.framework.id}-version-${n}`;
      if (button.dataset.format === 'html') {
        download(ctx.core.versionReportHtml(n), `${name}.html`, 'text/html');
      } else {
        download(ctx.core.versionJson(n), `${name}.json`, 'application/json');
      }
    });
  }
}

function downloadButtons(n) {
  return `<div class="nhsuk-button-group">
    <button class="nhsuk-button nhsuk-button--secondary" type="button" data-version="${n}"
      data-format="html">Download version ${n} (HTML)</button>
    <button class="nhsuk-button nhsuk-button--secondary" type="button" data-version="${n}"
      data-format="json">Download version ${n} (JSON)</button></div>`;
}

function renderVersions(ctx) {
  const state = ctx.core.state();
  const m = ctx.model(state.framework);
  if (!state.impact) return ctx.notFound();
  const rows = state.impact.versions.map((v) => `<tr class="nhsuk-table__row">
    <th class="nhsuk-table__header" scope="row"><a href="#/versions/${v.version}">Version ${
      v.version}</a>${v.current ? ' (this version)' : ''}</th>
    <td class="nhsuk-table__cell">${v.signoff ? `Signed off by ${esc(v.signoff.name)} (${
      esc(v.signoff.role)}) on ${esc(v.signoff.date)}` : 'Not signed off'}</td>
    <td class="nhsuk-table__cell">${v.changes.length ? esc(v.changes.join('; ')) :
      'None recorded'}</td></tr>`).join('');
  ctx.show('Versions', `${ctx.backLink('#/tasks', 'Back to the task list')}
    ${ctx.heading('Versions')}
    <p class="nhsuk-body">A signed version is locked. A change after sign-off starts the next
      version; the signed one stays readable here exactly as it was.</p>
    <table class="nhsuk-table"><caption class="nhsuk-table__caption">Versions of this
      assessment</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="col">Version</th>
      <th class="nhsuk-table__header" scope="col">Sign-off</th>
      <th class="nhsuk-table__header" scope="col">What changed since the one before</th></tr>
      </thead><tbody class="nhsuk-table__body">${rows}</tbody></table>`);
  bindDownloads(ctx, m);
  return undefined;
}

// An earlier version, read-only: the core's own report of it, as it was signed.
function renderVersion(ctx, n) {
  const state = ctx.core.state();
  const m = ctx.model(state.framework);
  const html = ctx.core.versionReportHtml(n);
  if (!html) return ctx.notFound();
  // Only the report's <main>: its <style> would break the page's Content Security Policy.
  const body = html.slice(html.indexOf('<main'), html.indexOf('</main>') + '</main>'.length);
  const report = new DOMParser().parseFromString(body, 'text/html').querySelector('main');
  report.querySelector('h1')?.remove();
  for (const el of report.querySelectorAll('[id]')) el.id = `v${n}-${el.id}`;
  for (const el of report.querySelectorAll('[aria-labelledby]')) {
    el.setAttribute('aria-labelledby', `v${n}-${el.getAttribute('aria-labelledby')}`);
  }
  for (const t of report.querySelectorAll('table')) t.classList.add('nhsuk-table');
  ctx.show(`Version ${n}`, `${ctx.backLink('#/versions', 'Back to the versions')}
    <span class="nhsuk-caption-l">${esc(m.framework.short_title)}</span>
    ${ctx.heading(`Version ${n}${n === state.impact.version ? ' (this version)' :
    ' (read-only)'}`)}
    ${downloadButtons(n)}
    <div class="eqkit-report">${report.innerHTML}</div>`);
  bindDownloads(ctx, m);
  return undefined;
}

// ---- every assessment and its review -------------------------------------------------------

function reviewTag(review) {
  const colour = { overdue: 'nhsuk-tag--red', due: 'nhsuk-tag--orange',
                   not_due: 'nhsuk-tag--green' }[review.state] || 'nhsuk-tag--grey';
  return `<strong class="nhsuk-tag ${colour}">${esc(review.label)}</strong>`;
}

function reviewRow(name, a) {
  return `<tr class="nhsuk-table__row"><th class="nhsuk-table__header" scope="row">${name}</th>
    <td class="nhsuk-table__cell">${esc(a.framework_title)}</td>
    <td class="nhsuk-table__cell">${a.version}, ${a.signoff ? `signed off by ${esc(
      a.signoff.name)} on ${esc(a.signoff.date)}` : 'not signed off'}</td>
    <td class="nhsuk-table__cell">${reviewTag(a.review)}<br>${esc(a.review.words)}</td></tr>`;
}

function renderAssessments(ctx) {
  const state = ctx.core.state();
  const listed = JSON.parse(workspaceCall(ctx.core, 'eqkit_reviews_list', ['']));
  const rows = [];
  if (state.open && state.impact) {
    const m = ctx.model(state.framework);
    rows.push(reviewRow(`<a href="#/tasks">${esc(state.assessment.title || 'Untitled')}</a>
      (open in this browser)`, { framework_title: m.framework.short_title,
      version: state.impact.version, signoff: state.impact.signoff,
      review: state.impact.review }));
  }
  for (const a of listed.ok ? listed.assessments : []) {
    rows.push(reviewRow(`${esc(a.title || a.id)} (${esc(a.id)})`, a));
  }
  const due = (listed.ok ? listed.assessments : []).concat(state.impact ? [state.impact] : [])
    .filter((a) => a.review.state === 'due' || a.review.state === 'overdue').length;
  ctx.show('Your assessments', `${ctx.backLink('#/', 'Back')}
    ${ctx.heading('Your assessments and their reviews')}
    <p class="nhsuk-body">${due} due or overdue for review. An assessment is due from the
      template's number of days before its review date, and overdue after it.</p>
    ${listed.ok ? '' : `<p class="nhsuk-body">${esc(listed.errors[0].message)}</p>`}
    ${rows.length ? `<table class="nhsuk-table-responsive"><caption class="nhsuk-table__caption">
      Assessments</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      ${['Assessment', 'Framework', 'Version', 'Review'].map((h) =>
    `<th class="nhsuk-table__header" scope="col">${h}</th>`).join('')}</tr></thead>
      <tbody class="nhsuk-table__body">${rows.join('')}</tbody></table>` :
    '<p class="nhsuk-body">No assessments yet.</p>'}
    <p class="nhsuk-body"><a href="#/actions/next-year">Start next year's assessment</a>,
      carrying this year's open actions across</p>`);
  return undefined;
}

export function routeImpact(hash, ctx) {
  let m;
  if (hash === '#/assessments') return renderAssessments(ctx);
  const state = ctx.core.state();
  if (!state.open || !state.impact) return ctx.notFound();
  if ((m = hash.match(/^#\/form\/([0-9]+)$/))) return renderSection(ctx, Number(m[1]));
  if ((m = hash.match(/^#\/field\/([a-z0-9_]+)$/))) return renderField(ctx, m[1]);
  if ((m = hash.match(/^#\/row\/([a-z0-9_]+)$/))) return renderRow(ctx, m[1]);
  if (hash === '#/risk-matrix') return renderMatrix(ctx);
  if (hash === '#/signoff') return renderSignoff(ctx);
  if (hash === '#/versions') return renderVersions(ctx);
  if ((m = hash.match(/^#\/versions\/([0-9]+)$/))) return renderVersion(ctx, Number(m[1]));
  return ctx.notFound();
}

export const IMPACT_ROUTE = /^#\/(assessments|form\/|field\/|row\/|risk-matrix|signoff|versions)/;
