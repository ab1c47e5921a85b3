// The accessible HTML face: NHS.UK design-system pages rendered from the core's form model.
// Nothing about a framework is written here; every rule comes from the WebAssembly core.
import { CharacterCount, Checkboxes, ErrorSummary, Radios, SkipLink, createAll }
  from './nhsuk-frontend.min.js';
import { Core } from './core.mjs';
import { download, esc, plural } from './html.mjs';
import { itemEvidence, routeEvidence } from './evidence.mjs';
import { linkedItems } from './crosswalk.mjs';
import { ratingSection } from './rating.mjs';
import { renderCoverage } from './coverage.mjs';
import { bindGroupsForm, bindJudgements, bindReview, categoryFields, choicesLine, groupsForm,
         judgementForms, readCategories, readStatements, renderChoices, reviewBanner,
         statementFields } from './cqc.mjs';
import { routeWorkforce, warmUpWhenIdle } from './workforce.mjs';
import { routeActions } from './actions.mjs';
import { keptOffers, offerMigration, routeMigration } from './migration.mjs';
import { routeTender } from './tender.mjs';
import { IMPACT_ROUTE, impactLinks, impactTasks, routeImpact } from './impact.mjs';

const main = document.getElementById('maincontent');
const EASY_READ_KEY = 'eqkit-easy-read';

let core = null;
const models = new Map();  // framework id -> form model

function model(id) {
  if (!models.has(id)) models.set(id, core.formModel(id));
  return models.get(id);
}

function easyRead() { return localStorage.getItem(EASY_READ_KEY) === 'on'; }

// ---- page furniture ------------------------------------------------------------------------

function unconfirmed(fact) {
  if (!fact || fact.confirmed !== false) return '';
  return ` <span class="eqkit-unconfirmed">(UNCONFIRMED: ${esc(fact.note || '')})</span>`;
}

function backLink(href, text = 'Back') {
  return `<a class="nhsuk-back-link" href="${href}">${esc(text)}</a>`;
}

function storageWarning() {
  if (!core.storageError) return '';
  return `<div class="nhsuk-warning-callout"><h2 class="nhsuk-warning-callout__label">
    <span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>Not saved</span></h2>
    <p>${esc(core.storageError)}</p></div>`;
}

function errorSummary(errors) {
  if (!errors.length) return '';
  const items = errors.map((e) => `<li><a href="#${esc(e.target)}">${esc(e.message)}</a></li>`);
  return `<div class="nhsuk-error-summary" data-module="nhsuk-error-summary"><div role="alert">
    <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
    <div class="nhsuk-error-summary__body"><ul class="nhsuk-list nhsuk-error-summary__list">
    ${items.join('')}</ul></div></div></div>`;
}

function show(title, html, { error = false } = {}) {
  document.title = `${error ? 'Error: ' : ''}${title} – EqualityKit`;
  main.innerHTML = storageWarning() + html;
  createAll(ErrorSummary, undefined, main);
  createAll(Radios, undefined, main);
  createAll(Checkboxes, undefined, main);
  createAll(CharacterCount, undefined, main);
  if (!error) document.getElementById('page-heading')?.focus();
}

function heading(text, size = 'l') {
  return `<h1 class="nhsuk-heading-${size}" id="page-heading" tabindex="-1">${text}</h1>`;
}

function statusTag(task) {
  if (task.needs_review) return '<strong class="nhsuk-tag nhsuk-tag--orange">Needs review</strong>';
  if (task.status === 'completed') return 'Completed';
  const colour = task.status === 'in_progress' ? 'nhsuk-tag--blue' : 'nhsuk-tag--grey';
  return `<strong class="nhsuk-tag ${colour}">${esc(task.status_label)}</strong>`;
}

// ---- start: pick a framework, or carry on -------------------------------------------------

function renderStart(errors = []) {
  const state = core.state();
  const { frameworks, failures } = core.frameworks();
  const current = state.open ? model(state.framework).framework : null;
  const options = frameworks.map((f, i) => `<div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id="framework${i ? '-' + i : ''}" name="framework"
        type="radio" value="${esc(f.id)}" aria-describedby="framework-${i}-hint">
      <label class="nhsuk-label nhsuk-radios__label" for="framework${i ? '-' + i : ''}">
        ${esc(f.title)}</label>
      <div class="nhsuk-hint nhsuk-radios__hint" id="framework-${i}-hint">
        ${esc(plural(f.items, 'item'))}, version ${esc(f.version)}</div></div>`);
  const error = errors.find((e) => e.field === 'framework');
  const replace = current ? `<div class="nhsuk-warning-callout">
      <h2 class="nhsuk-warning-callout__label"><span role="text">
      <span class="nhsuk-u-visually-hidden">Important: </span>You have an assessment in progress
      </span></h2><p>Starting a new assessment replaces your ${esc(current.short_title)}
      assessment in this browser. <a href="#/results">Download it first</a> to keep a copy.</p>
      </div>` : '';
  const problems = (failures.length ? `<h2 class="nhsuk-heading-m">Frameworks that could not be
      loaded</h2><ul class="nhsuk-list nhsuk-list--bullet">${failures.map((f) =>
      f.errors.map((e) => `<li>${esc(e.message)}</li>`).join('')).join('')}</ul>` : '') +
    (state.problems.length ? `<h2 class="nhsuk-heading-m">The assessment kept in this browser
      could not be opened</h2><ul class="nhsuk-list nhsuk-list--bullet">${state.problems.map((p) =>
      `<li>${esc(p)}</li>`).join('')}</ul>` : '');
  const carryOn = current ? `<p class="nhsuk-body"><a href="#/tasks">Continue your
      ${esc(current.short_title)} assessment</a></p>` : '';
  show('Choose a framework', `${errorSummary(errors)}
    ${keptOffers(state)}
    ${carryOn}
    <form id="start-form" novalidate>
      <div class="nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}">
        <fieldset class="nhsuk-fieldset"${error ? ' aria-describedby="framework-error"' : ''}>
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
            <h1 class="nhsuk-fieldset__heading" id="page-heading" tabindex="-1">
              Which framework do you want to assess against?</h1></legend>
          ${error ? `<span class="nhsuk-error-message" id="framework-error">
            <span class="nhsuk-u-visually-hidden">Error:</span> ${esc(error.message)}</span>` : ''}
          <div class="nhsuk-radios" data-module="nhsuk-radios">${options.join('')}</div>
        </fieldset>
      </div>
      ${replace}
      <button class="nhsuk-button" type="submit">Start assessment</button>
    </form>
    ${uploadForm()}
    <p class="nhsuk-body"><a href="#/workforce">Compute the WRES or WDES from your workforce
      data</a></p>
    <p class="nhsuk-body"><a href="#/tender">Evaluate tenders</a>: bidders' answers to your equality
      questions scored independently, moderated and ranked.</p>
    <p class="nhsuk-body"><a href="#/actions">Your action plan</a>: actions from every assessment,
      with owners, due dates and what is overdue.</p>
    <p class="nhsuk-body"><a href="#/assessments">Your assessments</a>: which are due or overdue
      for review.</p>
    ${problems}`, { error: errors.length > 0 });
  document.getElementById('start-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = new FormData(event.target).get('framework');
    if (!picked) {
      renderStart([{ field: 'framework', target: 'framework',
                     message: 'Select the framework you want to assess against' }]);
      return;
    }
    const result = await core.start(picked);
    if (!result.ok) {
      renderStart([{ field: 'framework', target: 'framework', message: result.error }]);
      return;
    }
    location.hash = '#/tasks';
  });
  bindUpload();
}

function uploadForm(error = '') {
  return `<form id="upload-form" novalidate>
    <div class="nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}">
      <h2 class="nhsuk-label-wrapper"><label class="nhsuk-label nhsuk-label--m" for="upload">
        Open a saved assessment</label></h2>
      <div class="nhsuk-hint" id="upload-hint">An assessment file (.json) downloaded from
        EqualityKit. It is read in your browser and not sent anywhere.</div>
      ${error ? `<span class="nhsuk-error-message" id="upload-error">
        <span class="nhsuk-u-visually-hidden">Error:</span> ${esc(error)}</span>` : ''}
      <input class="nhsuk-file-upload" id="upload" name="upload" type="file" accept=".json,application/json"
        aria-describedby="upload-hint${error ? ' upload-error' : ''}">
    </div>
    <button class="nhsuk-button nhsuk-button--secondary" type="submit">Open assessment</button>
  </form>`;
}

function bindUpload() {
  document.getElementById('upload-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('upload').files[0];
    const fail = (message) => renderUploadError(message);
    if (!file) return fail('Select an assessment file to open');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await core.open(bytes, file.name);
    if (!result.ok && offerMigration(core, bytes, file.name)) {
      location.hash = '#/migrate';
      return undefined;
    }
    if (!result.ok) return fail(result.errors.join(' '));
    location.hash = '#/tasks';
    return undefined;
  });
}

function renderUploadError(message) {
  show('Open a saved assessment', `${backLink('#/')}
    ${errorSummary([{ target: 'upload', message }])}
    ${heading('Open a saved assessment')}
    ${uploadForm(message)}`, { error: true });
  bindUpload();
}

// ---- task list -------------------------------------------------------------------------------

function easyReadSwitch() {
  const on = easyRead();
  return `<form id="easy-read-form" class="nhsuk-u-margin-bottom-4" novalidate>
    <div class="nhsuk-checkboxes nhsuk-checkboxes--small" data-module="nhsuk-checkboxes">
      <div class="nhsuk-checkboxes__item">
        <input class="nhsuk-checkboxes__input" id="easy-read" name="easy-read" type="checkbox"
          ${on ? 'checked' : ''}>
        <label class="nhsuk-label nhsuk-checkboxes__label" for="easy-read">Show Easy Read text
          (plain words, written by EqualityKit)</label>
      </div></div></form>`;
}

function bindEasyRead(rerender) {
  document.getElementById('easy-read').addEventListener('change', (event) => {
    localStorage.setItem(EASY_READ_KEY, event.target.checked ? 'on' : 'off');
    rerender();
    document.getElementById('easy-read').focus();
  });
}

function renderTasks(errors = []) {
  const state = core.state();
  if (!state.open) return renderStart();
  const m = model(state.framework);
  const tasks = new Map(state.results.tasks.map((t) => [t.item, t]));
  const pages = new Map(m.pages.map((p) => [p.item, p]));
  const groups = m.groups.map((g) => `<h2 class="nhsuk-heading-m">${esc(m.framework.group_label)}
      ${esc(g.code)}: ${esc(g.title)}${unconfirmed(g)}</h2>
    ${easyRead() && g.easy_read ? `<p class="eqkit-easy-read">${esc(g.easy_read)}</p>` : ''}
    <ul class="nhsuk-task-list">${g.items.filter((code) => tasks.get(code).applies).map((code) => {
      const task = tasks.get(code);
      const page = pages.get(code);
      return `<li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
        <div class="nhsuk-task-list__name-and-hint">
          <a class="nhsuk-link nhsuk-task-list__link" href="#/item/${esc(code)}"
            aria-describedby="status-${esc(code)}">${esc(page.heading)}</a>
          ${easyRead() && page.easy_read ? `<div class="nhsuk-task-list__hint">
            ${esc(page.easy_read)}</div>` : ''}
        </div>
        <div class="nhsuk-task-list__status" id="status-${esc(code)}">${statusTag(task)}</div>
      </li>`;
    }).join('')}</ul>`);
  const r = state.results;
  show(m.framework.title, `${backLink('#/new', 'Choose another framework')}
    ${errorSummary(errors.map((e) => ({ ...e, target: 'groups' })))}
    ${heading(esc(m.framework.title))}
    <p class="nhsuk-body">You have completed ${r.answered} of ${esc(plural(r.items, lower(m.framework.item_label)))}.
      Answers are saved in this browser as you go.</p>
    ${choicesLine(m, state)}
    ${groupsForm(m, state, errors)}
    ${reviewLine(state)}
    ${impactTasks(m, state)}
    ${easyReadSwitch()}
    ${groups.join('')}
    ${impactLinks(m, state)}
    <a class="nhsuk-button" href="#/check" role="button" draggable="false">Check your answers</a>
    <p class="nhsuk-body"><a href="#/evidence">Your evidence library</a>: files, links and notes
      for these items, and evidence packs.</p>
    <p class="nhsuk-body"><a href="#/actions">Your action plan</a>: actions from every assessment,
      with owners, due dates and what is overdue.</p>
    <p class="nhsuk-body"><a href="#/coverage">Coverage</a>: which items have evidence here,
      through the crosswalk, or none.</p>`, { error: errors.length > 0 });
  bindEasyRead(renderTasks);
  bindGroupsForm(core, renderTasks);
  return undefined;
}

// Carried answers not yet confirmed (after a migration or an accepted link), reviewed in turn.
function reviewLine(state) {
  const left = state.results.tasks.filter((t) => t.needs_review).length;
  if (!left) return '';
  return `<p class="nhsuk-body"><a href="#/review">Review the carried answers</a>:
    ${esc(plural(left, 'answer'))} still marked "needs review".</p>`;
}

function lower(text) { return text.charAt(0).toLowerCase() + text.slice(1); }

// ---- question page ---------------------------------------------------------------------------

function fieldError(errors, field) {
  const e = errors.find((x) => x.field === field);
  return e ? `<span class="nhsuk-error-message" id="${field}-error">
    <span class="nhsuk-u-visually-hidden">Error:</span> ${esc(e.message)}</span>` : '';
}

function scoreField(page, field, answer, errors, byCategories = false) {
  if (byCategories) {
    return `<span class="nhsuk-caption-l">${esc(page.caption)}</span>
      ${heading(`${esc(page.heading)}${unconfirmed(page)}`)}
      <p class="nhsuk-body">${esc(page.guidance)}</p>`;
  }
  const err = errors.some((e) => e.field === 'score');
  const radios = field.options.map((o, i) => {
    const id = i === 0 ? 'score' : `score-${i}`;
    const hint = easyRead() && o.easy_read ? o.easy_read : o.hint;
    return `<div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id="${id}" name="score" type="radio" value="${o.value}"
        ${answer.score === o.value ? 'checked' : ''} aria-describedby="${id}-item-hint">
      <label class="nhsuk-label nhsuk-radios__label" for="${id}">${o.value} – ${esc(o.label)}</label>
      <div class="nhsuk-hint nhsuk-radios__hint" id="${id}-item-hint">${esc(hint)}${unconfirmed(o)}</div>
    </div>`;
  });
  const describedBy = ['score-hint', err ? 'score-error' : ''].filter(Boolean).join(' ');
  const guidance = easyRead() && page.easy_read ? page.easy_read : page.guidance;
  return `<div class="nhsuk-form-group${err ? ' nhsuk-form-group--error' : ''}">
    <fieldset class="nhsuk-fieldset" aria-describedby="${describedBy}">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
        <span class="nhsuk-caption-l">${esc(page.caption)}</span>
        <h1 class="nhsuk-fieldset__heading" id="page-heading" tabindex="-1">
          ${esc(page.heading)}${unconfirmed(page)}</h1></legend>
      <div class="nhsuk-hint${easyRead() && page.easy_read ? ' eqkit-easy-read' : ''}" id="score-hint">
        ${esc(guidance)}</div>
      ${fieldError(errors, 'score')}
      <div class="nhsuk-radios" data-module="nhsuk-radios">${radios.join('')}</div>
    </fieldset></div>`;
}

function narrativeField(field, answer, errors) {
  const err = errors.some((e) => e.field === 'narrative');
  return `<div class="nhsuk-form-group nhsuk-character-count${err ? ' nhsuk-form-group--error' : ''}"
      data-module="nhsuk-character-count" data-maxlength="${field.max_length}">
    <h2 class="nhsuk-label-wrapper"><label class="nhsuk-label nhsuk-label--m" for="narrative">
      ${esc(field.label)}</label></h2>
    <div class="nhsuk-hint" id="narrative-hint">${esc(field.hint || '')}</div>
    ${fieldError(errors, 'narrative')}
    <textarea class="nhsuk-textarea nhsuk-js-character-count${err ? ' nhsuk-textarea--error' : ''}"
      id="narrative" name="narrative" rows="6"
      aria-describedby="narrative-info narrative-hint${err ? ' narrative-error' : ''}">${esc(answer.narrative || '')}</textarea>
    <div class="nhsuk-hint nhsuk-character-count__message" id="narrative-info">
      You can enter up to ${field.max_length} characters</div>
  </div>`;
}

function ratersField(field, answer, errors) {
  const err = errors.some((e) => e.field === 'raters');
  const chosen = new Set(answer.raters || []);
  const boxes = field.options.map((name, i) => {
    const id = i === 0 ? 'raters' : `raters-${i}`;
    return `<div class="nhsuk-checkboxes__item">
      <input class="nhsuk-checkboxes__input" id="${id}" name="raters" type="checkbox"
        value="${esc(name)}" ${chosen.has(name) ? 'checked' : ''}>
      <label class="nhsuk-label nhsuk-checkboxes__label" for="${id}">${esc(name)}</label></div>`;
  });
  const others = (answer.raters || []).filter((r) => !field.options.includes(r));
  return `<div class="nhsuk-form-group${err ? ' nhsuk-form-group--error' : ''}">
    <fieldset class="nhsuk-fieldset" aria-describedby="raters-hint${err ? ' raters-error' : ''}">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h2 class="nhsuk-fieldset__heading">${esc(field.label)}</h2></legend>
      <div class="nhsuk-hint" id="raters-hint">${esc(field.hint || 'Select all that apply')}
        ${unconfirmed(field)}</div>
      ${fieldError(errors, 'raters')}
      <div class="nhsuk-checkboxes" data-module="nhsuk-checkboxes">${boxes.join('')}</div>
      <div class="nhsuk-form-group nhsuk-u-margin-top-3">
        <label class="nhsuk-label" for="raters-other">Anyone else (one per line)</label>
        <textarea class="nhsuk-textarea" id="raters-other" name="raters-other" rows="2">${esc(others.join('\n'))}</textarea>
      </div>
    </fieldset></div>`;
}

function evidencePrompts(page) {
  if (!page.evidence_prompts.length && !page.links.length) return '';
  const prompts = page.evidence_prompts.map((p) => `<li>${esc(p)}</li>`).join('');
  const links = page.links.map((l) => `<li>${esc(l.label)}${unconfirmed(l)}</li>`).join('');
  return `<details class="nhsuk-details"><summary class="nhsuk-details__summary">
      <span class="nhsuk-details__summary-text">What evidence could you use?</span></summary>
    <div class="nhsuk-details__text">
      ${prompts ? `<ul>${prompts}</ul>${page.evidence_prompts_official ? '' :
        '<p>These prompts were written by EqualityKit; they are not official.</p>'}` : ''}
      ${links ? `<p>Related rights:</p><ul>${links}</ul>` : ''}
    </div></details>`;
}

function readAnswer(form, m) {
  const data = new FormData(form);
  const score = data.get('score');
  const others = String(data.get('raters-other') || '').split('\n').map((s) => s.trim())
    .filter(Boolean);
  return {
    score: score === null ? null : Number(score),
    narrative: String(data.get('narrative') || ''),
    raters: [...data.getAll('raters').map(String), ...others],
    category_scores: readCategories(m, data),
    ...readStatements(data),
  };
}

// Where each field's error summary link lands: the first input of that field.
const FIELD_TARGET = { score: 'score', narrative: 'narrative', raters: 'raters' };

function renderItem(code, answer = null, errors = [], note = '') {
  const state = core.state();
  if (!state.open) return renderStart();
  const m = model(state.framework);
  const index = m.pages.findIndex((p) => p.item === code);
  if (index < 0) return renderNotFound();
  const page = m.pages[index];
  const saved = state.assessment.answers.find((a) => a.item === code) || {};
  const current = answer || { score: saved.score ?? null, narrative: saved.narrative || '',
                              raters: saved.raters || [],
                              category_scores: saved.category_scores || {},
                              i_statement: saved.i_statement, we_statement: saved.we_statement,
                              sections: saved.sections || [] };
  const categories = categoryFields(m, state, current, errors);
  const task = state.results.tasks.find((t) => t.item === code);
  const fields = new Map(page.fields.map((f) => [f.id, f]));
  const summary = errors.map((e) => ({ ...e, target: FIELD_TARGET[e.field] || e.field }));
  show(page.heading, `${backLink('#/tasks', 'Back to all ' + lower(m.framework.item_label) + 's')}
    ${errorSummary(summary)}
    ${note ? `<p class="nhsuk-body" role="status" id="item-note">${esc(note)}</p>` : ''}
    ${reviewBanner(task)}
    <form id="item-form" novalidate>
      ${scoreField(page, fields.get('score'), current, errors, categories !== '')}
      ${categories}
      ${evidencePrompts(page)}
      ${narrativeField(fields.get('narrative'), current, errors)}
      ${fields.has('raters') ? ratersField(fields.get('raters'), current, errors) : ''}
      ${statementFields(m, current)}
      <div class="nhsuk-button-group">
        <button class="nhsuk-button" type="submit" name="action" value="save">Save and continue</button>
        <button class="nhsuk-button nhsuk-button--secondary" type="submit" name="action"
          value="draft">Save as draft</button>
      </div>
      ${easyReadSwitchInline()}
    </form>
    ${itemEvidence(core, state.framework, code)}
    ${linkedItems(core, state.framework, code)}`, { error: errors.length > 0 });
  const form = document.getElementById('item-form');
  bindReview(core, code, (message) => {
    renderItem(code, null, [], message);
    document.getElementById('item-note')?.setAttribute('tabindex', '-1');
    document.getElementById('item-note')?.focus();
  });
  document.getElementById('easy-read').addEventListener('change', (event) => {
    localStorage.setItem(EASY_READ_KEY, event.target.checked ? 'on' : 'off');
    renderItem(code, readAnswer(form, m), errors);
    document.getElementById('easy-read').focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const draft = event.submitter && event.submitter.value === 'draft';
    const typed = readAnswer(form, m);
    const result = await core.submit(code, typed, draft);
    if (!result.ok) {
      const problems = result.errors || [{ field: 'score', message: result.error }];
      renderItem(code, typed, problems);
      return;
    }
    const next = m.pages[index + 1];
    location.hash = draft ? '#/tasks' : next ? `#/item/${next.item}` : '#/check';
  });
  return undefined;
}

function easyReadSwitchInline() {
  return `<div class="nhsuk-checkboxes nhsuk-checkboxes--small nhsuk-u-margin-bottom-4">
      <div class="nhsuk-checkboxes__item">
        <input class="nhsuk-checkboxes__input" id="easy-read" type="checkbox" ${easyRead() ? 'checked' : ''}>
        <label class="nhsuk-label nhsuk-checkboxes__label" for="easy-read">Show Easy Read text
          (plain words, written by EqualityKit)</label>
      </div></div>`;
}

// ---- check your answers ----------------------------------------------------------------------

function renderCheck() {
  const state = core.state();
  if (!state.open) return renderStart();
  const m = model(state.framework);
  const answers = new Map(state.assessment.answers.map((a) => [a.item, a]));
  const tasks = new Map(state.results.tasks.map((t) => [t.item, t]));
  const rows = (code) => {
    const page = m.pages.find((p) => p.item === code);
    const a = answers.get(code) || {};
    const task = tasks.get(code);
    const value = [
      `<p>${a.score === undefined ? 'Not rated' : `${a.score} – ${esc(task.score_label)}`}</p>`,
      a.narrative ? `<p class="eqkit-narrative">${esc(a.narrative)}</p>` : '',
      a.raters && a.raters.length ? `<p>Rated by: ${esc(a.raters.join(', '))}</p>` : '',
    ].join('');
    return `<div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">${esc(page.heading)}</dt>
      <dd class="nhsuk-summary-list__value">${value}</dd>
      <dd class="nhsuk-summary-list__actions"><a href="#/item/${esc(code)}">Change<span
        class="nhsuk-u-visually-hidden"> your answer for ${esc(page.heading)}</span></a></dd>
    </div>`;
  };
  const groups = m.groups.map((g) => `<h2 class="nhsuk-heading-m">${esc(m.framework.group_label)}
      ${esc(g.code)}: ${esc(g.title)}</h2>
    <dl class="nhsuk-summary-list">${g.items.map(rows).join('')}</dl>`);
  show('Check your answers', `${backLink('#/tasks')}
    ${heading('Check your answers')}
    ${groups.join('')}
    <a class="nhsuk-button" href="#/results" role="button" draggable="false">See your results</a>`);
  return undefined;
}

// ---- results ---------------------------------------------------------------------------------

function renderResults(judgementErrors = []) {
  const state = core.state();
  if (!state.open) return renderStart();
  const m = model(state.framework);
  const r = state.results;
  const of = (total, max) => `${total} of ${max}`;
  const rows = r.groups.map((g) => `<tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="row">${esc(m.framework.group_label)} ${esc(g.code)}:
        ${esc(g.title)}</th>
      <td class="nhsuk-table__cell">${of(g.answered, g.items)}</td>
      <td class="nhsuk-table__cell">${r.aggregated ? of(g.total, g.max) : 'Not added up'}</td>
    </tr>`).join('');
  const bandMark = r.band && r.band.confirmed === false ?
    ' <span class="eqkit-unconfirmed">(UNCONFIRMED: see "Facts not yet confirmed")</span>' : '';
  const band = r.band ? `<p class="nhsuk-body-l">Overall rating: <strong>${esc(r.band.label)}</strong>
      (${r.band.min}–${r.band.max})${bandMark}${r.band.provisional ?
      ' – provisional: not every item is rated yet' : ''}</p>` : '';
  const facts = r.unconfirmed.length ? `<h2 class="nhsuk-heading-m">Facts not yet confirmed</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">${r.unconfirmed.map((f) =>
      `<li><strong>UNCONFIRMED:</strong> ${esc(f.what)}. ${esc(f.note)}</li>`).join('')}</ul>` : '';
  show('Your results', `${backLink('#/check')}
    ${errorSummary(judgementErrors.map((e) => ({ ...e, target: e.field })))}
    ${heading('Your results')}
    <p class="nhsuk-body">${esc(m.framework.title)}: ${of(r.answered, r.items)} rated.</p>
    <table class="nhsuk-table">
      <caption class="nhsuk-table__caption">Totals by ${esc(lower(m.framework.group_label))}</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
        <th class="nhsuk-table__header" scope="col">${esc(m.framework.group_label)}</th>
        <th class="nhsuk-table__header" scope="col">Rated</th>
        <th class="nhsuk-table__header" scope="col">Total</th></tr></thead>
      <tbody class="nhsuk-table__body">${rows}</tbody>
      <tfoot><tr class="nhsuk-table__row"><th class="nhsuk-table__header" scope="row">Overall</th>
        <td class="nhsuk-table__cell">${of(r.answered, r.items)}</td>
        <td class="nhsuk-table__cell">${r.aggregated ? of(r.total, r.max) : 'Not added up'}</td>
      </tr></tfoot>
    </table>
    ${band}
    ${r.aggregated ? '' : itemRatings(m, r.tasks)}
    ${ratingSection(r.rating, m, r.tasks)}
    ${judgementForms(r.rating, m, judgementErrors)}
    ${r.aggregation_note ? `<p class="nhsuk-body">${esc(r.aggregation_note)}</p>` : ''}
    ${facts}
    <h2 class="nhsuk-heading-m">Download</h2>
    <div class="nhsuk-button-group">
      <button class="nhsuk-button nhsuk-button--secondary" type="button" id="download-json">
        Download assessment (JSON)</button>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" id="download-report">
        Download report (HTML)</button>
      ${r.rating ? `<button class="nhsuk-button nhsuk-button--secondary" type="button"
        id="download-pages">Download report pages (HTML)</button>` : ''}
    </div>`, { error: judgementErrors.length > 0 });
  bindJudgements(core, (errors) => {
    renderResults(errors);
    const target = errors.length ? document.querySelector('.nhsuk-error-summary') :
      document.getElementById('rating-judgements');
    target?.setAttribute('tabindex', '-1');
    target?.focus();
  });

  const name = m.framework.id + '-assessment';
  document.getElementById('download-pages')?.addEventListener('click', () =>
    download(core.statementPagesHtml(), name + '-pages.html', 'text/html'));
  document.getElementById('download-json').addEventListener('click', () =>
    download(core.assessmentJson(), name + '.json', 'application/json'));
  document.getElementById('download-report').addEventListener('click', () =>
    download(core.reportHtml(), name + '.html', 'text/html'));
  return undefined;
}

// Where scores are not added up (the AIS's maturity levels), the result is each item's rating.
function itemRatings(m, tasks) {
  const pages = new Map(m.pages.map((p) => [p.item, p]));
  const rows = tasks.filter((t) => t.applies).map((t) => `<tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="row">${esc(pages.get(t.item).heading)}</th>
      <td class="nhsuk-table__cell">${t.score === null ? 'Not rated' :
        `${t.score} – ${esc(t.score_label)}`}</td></tr>`).join('');
  return `<table class="nhsuk-table">
    <caption class="nhsuk-table__caption">${esc(m.scale.title)}: each ${
      esc(lower(m.framework.item_label))}</caption>
    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="col">${esc(m.framework.item_label)}</th>
      <th class="nhsuk-table__header" scope="col">Rating</th></tr></thead>
    <tbody class="nhsuk-table__body">${rows}</tbody></table>`;
}

function renderNotFound() {
  show('Page not found', `${heading('Page not found')}
    <p class="nhsuk-body"><a href="#/">Go to the start</a></p>`);
}

// ---- routing ---------------------------------------------------------------------------------

function route() {
  const hash = location.hash || '#/';
  if (!hash.startsWith('#/') && hash !== '#') return undefined;  // in-page links: skip link, errors
  const item = hash.match(/^#\/item\/([A-Za-z0-9._-]+)$/);
  if (item) return renderItem(item[1]);
  const cover = hash.match(/^#\/coverage(?:\/([A-Za-z0-9._-]+))?$/);
  if (cover) return renderCoverage({ core, show, heading, backLink }, cover[1]);
  if (hash.startsWith('#/evidence')) {
    return routeEvidence(hash, { core, show, heading, backLink, errorSummary,
                                 notFound: renderNotFound });
  }
  if (hash.startsWith('#/actions')) {
    return routeActions(hash, { core, show, heading, backLink, errorSummary,
                                notFound: renderNotFound });
  }
  if (IMPACT_ROUTE.test(hash)) {
    return routeImpact(hash, { core, show, heading, backLink, errorSummary, model,
                               notFound: renderNotFound });
  }
  if (hash.startsWith('#/tender')) {
    return routeTender(hash, { core, show, heading, backLink, errorSummary,
                               notFound: renderNotFound });
  }
  if (hash.startsWith('#/workforce')) {
    return routeWorkforce(hash, { core, show, heading, backLink, errorSummary });
  }
  if (hash.startsWith('#/migrate') || hash.startsWith('#/review')) {
    return routeMigration(hash, { core, show, heading, backLink, model });
  }
  switch (hash) {
    case '#/': case '#': return core.state().open ? renderTasks() : renderStart();
    case '#/new': return renderStart();
    case '#/tasks': return renderTasks();
    case '#/check': return renderCheck();
    case '#/results': return renderResults();
    case '#/choices': return core.state().open ? renderChoices({ core, show, heading, backLink,
      errorSummary, model }) : renderStart();
    default: return renderNotFound();
  }
}

async function boot() {
  document.body.classList.add('nhsuk-frontend-supported');
  createAll(SkipLink);
  try {
    core = await Core.load();
  } catch (err) {
    document.getElementById('loading').textContent =
      'EqualityKit could not start in this browser (' + err + '). It needs WebAssembly.';
    return;
  }
  window.addEventListener('hashchange', route);
  // An answer accepted from a linked item changes this item's answer: draw the page again.
  document.addEventListener('eqkit-answer-accepted', (event) => {
    renderItem(event.detail.code, null, [], event.detail.note);
    document.getElementById('item-note')?.setAttribute('tabindex', '-1');
    document.getElementById('item-note')?.focus();
  });
  route();
  window.eqkit_accessible_ready = true;
  warmUpWhenIdle(core);
}

boot();
