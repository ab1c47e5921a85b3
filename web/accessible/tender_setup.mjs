// Tender set-up in the accessible face: a new tender from a question set, the questions as the
// core lists them (scale and descriptors, word limits, weights, minimum scores, cited items,
// UNCONFIRMED marks), weights and moderation before publication (refused after it, in the core's
// words), evaluators, publication; and the conflict-of-interest declarations.
import { download, esc, plural } from './html.mjs';
import { field, focusErrors, refusal, tenderNav, unconfirmedMark } from './tender_page.mjs';

function radios(name, options, chosen, error = '') {
  return `<div class="nhsuk-radios" data-module="nhsuk-radios">${options.map((o, i) => {
    const id = i === 0 ? name : `${name}-${i}`;
    return `<div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id="${id}" name="${name}" type="radio"
        value="${esc(o.value)}"${o.value === chosen ? ' checked' : ''}${o.hint ?
        ` aria-describedby="${id}-item-hint"` : ''}>
      <label class="nhsuk-label nhsuk-radios__label" for="${id}">${o.label}</label>
      ${o.hint ? `<div class="nhsuk-hint nhsuk-radios__hint" id="${id}-item-hint">${o.hint}</div>` : ''}
    </div>`;
  }).join('')}</div>${error}`;
}

function fieldset(legend, body, { error = '', id = '' } = {}) {
  return `<div class="nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}">
    <fieldset class="nhsuk-fieldset"${error ? ` aria-describedby="${id}-error"` : ''}>
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">${legend}</legend>
      ${error ? `<span class="nhsuk-error-message" id="${id}-error"><span
        class="nhsuk-u-visually-hidden">Error:</span> ${esc(error)}</span>` : ''}
      ${body}</fieldset></div>`;
}

const METHODS = [
  { value: 'consensus', label: 'Consensus', hint: 'The lead records the agreed score and its rationale for every answer.' },
  { value: 'mean', label: 'Mean of the evaluators\' scores', hint: 'Unless the lead records a score, the moderated score is the mean.' },
];

function errorFor(errors, place) {
  return (errors.find((e) => e.place === place) || {}).message || '';
}

// ---- a new tender --------------------------------------------------------------------------

// An evaluator scores on their own copy from the lead, in any browser.
function copySection(session, errors) {
  const copies = session.copies();
  const kept = copies.length ? `<ul class="nhsuk-list nhsuk-list--bullet">${copies.map((c) => `<li><a
    href="#/tender/copy/${esc(c)}">Go on scoring ${esc(c.replace(/\.json$/, ''))}</a></li>`).join('')}</ul>` : '';
  return `<h2 class="nhsuk-heading-m">Score as an evaluator</h2>
    <p class="nhsuk-body">If the lead sent you an evaluator's copy of a tender, open it here to score
      the bids on this computer. It is checked, kept in this browser and not sent anywhere.</p>${kept}
    <form id="copy-form" novalidate>
      ${field({ id: 'copy', label: 'Open an evaluator\'s copy', type: 'file', accept: '.json,application/json',
                hint: 'The file the lead gave you, such as ward-7-ann-evaluator-copy.json',
                error: errors.map((e) => e.message).join(' ') })}
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Open the copy</button>
    </form>`;
}

export function renderCreate(ctx, errors = [], values = {}, copyErrors = []) {
  const { session } = ctx;
  const sets = session.questionSets();
  const tenders = session.list();
  const existing = tenders.length ? `<h2 class="nhsuk-heading-m">Your tenders in this browser</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">${tenders.map((t) => `<li><a
      href="#/tender/open/${esc(t)}">Open tender ${esc(t)}</a></li>`).join('')}</ul>` : '';
  const setOptions = sets.question_sets.map((s) => ({
    value: s.id, label: esc(s.title),
    hint: `${esc(plural(s.questions.length, 'question'))}, version ${esc(s.version)}.
      ${s.official ? 'Published by ' : ''}${esc(s.publisher)}${unconfirmedMark(s)}
      ${s.unconfirmed.length ? `<br>${esc(plural(s.unconfirmed.length, 'fact'))} UNCONFIRMED (listed on
      the set-up page).` : ''}`,
  }));
  const failures = sets.failures.length ? `<h2 class="nhsuk-heading-m">Question sets that could not be
    loaded</h2><ul class="nhsuk-list nhsuk-list--bullet">${sets.failures.map((f) =>
    `<li>${esc(f)}</li>`).join('')}</ul>` : '';
  ctx.show('Tender evaluation', `${ctx.backLink('#/')}
    ${refusal(ctx, [...errors, ...copyErrors.map((e) => ({ ...e, target: 'copy' }))],
              { question_set: 'question_set', id: 'id', '': 'id', 'disagreement threshold': 'threshold' })}
    ${ctx.heading('Tender evaluation')}
    <p class="nhsuk-body">Score bidders' answers to your equality questions independently, moderate
      them and get weighted results. The tender is kept in this browser and not sent anywhere.</p>
    ${existing}
    ${copySection(session, copyErrors)}
    <h2 class="nhsuk-heading-m">Create a tender</h2>
    <form id="create-form" novalidate>
      ${fieldset('Question set', radios('question_set', setOptions, values.question_set),
                 { error: errorFor(errors, 'question_set'), id: 'question_set' })}
      ${field({ id: 'id', label: 'Tender reference', value: values.id || '', width: 20,
                hint: 'Lowercase letters, digits and _, starting with a letter, such as ward_7_2026',
                error: errorFor(errors, 'id') || errorFor(errors, '') })}
      ${fieldset('Moderation method', radios('method', METHODS, values.method || 'consensus'))}
      ${field({ id: 'threshold', label: 'Disagreement threshold', value: values.threshold ?? '1',
                width: 3, type: 'text',
                hint: 'Evaluators\' scores that differ by more than this are flagged for discussion',
                error: errorFor(errors, 'disagreement threshold') })}
      ${field({ id: 'deadline', label: 'Deadline for bids (optional)', value: values.deadline || '',
                width: 20, hint: 'A date such as 2026-05-01; a bid received after that day is marked late' })}
      <button class="nhsuk-button" type="submit">Create the tender</button>
    </form>${failures}`, { error: errors.length + copyErrors.length > 0 });
  document.getElementById('copy-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('copy').files[0];
    if (!file) {
      renderCreate(ctx, [], values, [{ place: '', message: 'Choose the evaluator\'s copy file' }]);
      return focusErrors();
    }
    const result = await session.openCopy(file);
    if (!result.ok) {
      renderCreate(ctx, [], values, result.errors);
      return focusErrors();
    }
    location.hash = '#/tender/score/' + encodeURIComponent(result.evaluator);
    return undefined;
  });
  document.getElementById('create-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.target));
    if (!form.question_set) {
      renderCreate(ctx, [{ place: 'question_set', message: 'Select a question set' }], form);
      return focusErrors();
    }
    const threshold = Number(form.threshold);
    const result = await session.create({
      question_set: form.question_set, id: form.id, method: form.method,
      disagreement_threshold: Number.isInteger(threshold) ? threshold : -1,
      deadline: form.deadline, who: 'lead' });
    if (!result.ok) {
      renderCreate(ctx, result.errors, form);
      return focusErrors();
    }
    location.hash = '#/tender/setup';
    return undefined;
  });
}

// ---- the questions -------------------------------------------------------------------------

function scaleList(scale) {
  return `<p class="nhsuk-body-s">Scale: ${esc(scale.title)} (${scale.min} to ${scale.max})</p>
    <ul class="nhsuk-list nhsuk-list--bullet">${scale.levels.map((l) => `<li><strong>${l.value} –
      ${esc(l.label)}</strong>${l.description ? `: ${esc(l.description)}` : ''}${unconfirmedMark(l)}</li>`)
      .join('')}</ul>`;
}

function questionCard(q, locked) {
  const rows = [
    ['Question', esc(q.text)],
    ['Guidance for bidders', esc(q.guidance || 'None')],
    ['Word limit', q.word_limit ? `${q.word_limit} words` : 'No limit'],
    ['Weight', q.pass_fail ? 'Pass/fail: carries no weight; a fail excludes the bid' :
      `${q.weight}${locked ? ' (locked)' : ''}`],
    ['Minimum score', q.minimum_score === null ? 'None' : String(q.minimum_score)],
    ['Framework items a good answer cites', q.cites.length ? esc(q.cites.join(', ')) : 'None'],
    ['Scale', scaleList(q.scale)],
  ].map(([key, value]) => `<div class="nhsuk-summary-list__row">
    <dt class="nhsuk-summary-list__key">${key}</dt>
    <dd class="nhsuk-summary-list__value">${value}</dd></div>`).join('');
  return `<h3 class="nhsuk-heading-s">${esc(q.code)}: ${esc(q.title)}${unconfirmedMark(q)}</h3>
    <dl class="nhsuk-summary-list">${rows}</dl>`;
}

function criteriaForm(overview, errors, values) {
  const scored = overview.questions.filter((q) => !q.pass_fail);
  const weights = scored.map((q) => field({
    id: `weight-${q.code}`, label: `Weight of ${esc(q.code)}: ${esc(q.title)}`, width: 4,
    value: values[`weight-${q.code}`] ?? String(q.weight),
    error: errors.filter((e) => e.place.startsWith(`question "${q.code}"`)).map((e) => e.message).join(' ') }))
    .join('');
  const lockedNote = overview.published ? `<div class="nhsuk-inset-text"><span
    class="nhsuk-u-visually-hidden">Information: </span><p><strong class="nhsuk-tag nhsuk-tag--grey">Locked</strong>
    The tender is published, so its questions, weights, scales and moderation method are locked.
    A change will be refused.</p></div>` :
    '<p class="nhsuk-body">You can change these until you publish the tender.</p>';
  return `<h2 class="nhsuk-heading-m" id="criteria">Weights and moderation</h2>${lockedNote}
    <form id="criteria-form" novalidate>
      ${weights}
      ${fieldset('Moderation method', radios('method', METHODS, values.method || overview.method))}
      ${field({ id: 'threshold', label: 'Disagreement threshold', width: 3,
                value: values.threshold ?? String(overview.disagreement_threshold),
                error: errorFor(errors, 'disagreement_threshold') })}
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Save weights and moderation</button>
    </form>`;
}

// Once published, each evaluator who has not submitted can be handed their own copy to score.
function copyButton(overview, e) {
  if (!overview.published || e.submitted) return '';
  return ` <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0 eqkit-copy-button"
    type="button" data-evaluator="${esc(e.name)}">Download ${esc(e.name)}'s copy to score</button>`;
}

function evaluatorsSection(overview, errors) {
  const list = overview.evaluators.length ? `<ul class="nhsuk-list nhsuk-list--bullet">${
    overview.evaluators.map((e) => `<li>${esc(e.name)}${e.submitted ? ' (scoresheet submitted)' : ''}${
      e.fingerprint ? `, signing key ${esc(e.fingerprint)}` : ''}${copyButton(overview, e)}</li>`).join('')}</ul>` :
    '<p class="nhsuk-body">No evaluators yet.</p>';
  const copies = overview.published ? `<p class="nhsuk-body">Give each evaluator their own copy: it
    holds the questions and the bids they may score, and nobody else's scores. They open it in
    EqualityKit on their own computer and send you back their signed scoresheet.</p>` : '';
  return `<h2 class="nhsuk-heading-m">Evaluators</h2>${copies}${list}
    <form id="evaluator-form" novalidate>
      ${field({ id: 'evaluator', label: 'Add an evaluator', width: 20, hint: 'Their full name',
                error: errors.length ? errors.map((e) => e.message).join(' ') : '' })}
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Add evaluator</button>
    </form>`;
}

function factsSection(overview) {
  if (!overview.unconfirmed.length) return '';
  return `<h2 class="nhsuk-heading-m">Facts not yet confirmed</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">${overview.unconfirmed.map((f) =>
      `<li><strong>UNCONFIRMED:</strong> ${esc(f.what)}. ${esc(f.note)}</li>`).join('')}</ul>`;
}

function auditSection(overview) {
  return `<details class="nhsuk-details"><summary class="nhsuk-details__summary">
    <span class="nhsuk-details__summary-text">Audit log (${overview.audit.length} entries)</span></summary>
    <div class="nhsuk-details__text"><ol>${overview.audit.map((a) =>
      `<li>${esc(a.at)}, ${esc(a.who)}: ${esc(a.what)}</li>`).join('')}</ol></div></details>`;
}

export function renderSetup(ctx, overview, _m, errors = { criteria: [], evaluator: [], publish: [] },
                            values = {}) {
  const { session } = ctx;
  const target = { criteria: 'criteria', evaluator: 'evaluator', publish: 'page-heading' };
  // A weight's refusal names its question ('question "PSR4-ACCESS", weight'): link to that field.
  const weightOf = (e) => overview.questions.find((q) => e.place.startsWith(`question "${q.code}"`));
  const all = Object.entries(errors).flatMap(([key, list]) => list.map((e) => ({
    ...e, target: key === 'criteria' && weightOf(e) ? `weight-${weightOf(e).code}` : target[key] })));
  const set = overview.question_set;
  ctx.show('Tender set-up', `${tenderNav(overview, 'setup')}
    ${refusal(ctx, all, { '': 'criteria', 'disagreement_threshold': 'threshold' })}
    ${ctx.heading('Set-up')}
    <p class="nhsuk-body">Question set: ${esc(set.title)}, version ${esc(set.version)}${
      set.official ? '' : ' (not an official question set)'}${unconfirmedMark(set)}.
      ${overview.deadline ? `Deadline for bids: ${esc(overview.deadline)}.` : 'No deadline set.'}</p>
    <p class="nhsuk-body">Status: ${overview.published ?
      '<strong class="nhsuk-tag nhsuk-tag--green">Published</strong> the criteria are locked.' :
      '<strong class="nhsuk-tag nhsuk-tag--blue">Draft</strong> not yet published.'}</p>
    ${criteriaForm(overview, errors.criteria, values)}
    ${evaluatorsSection(overview, errors.evaluator)}
    ${overview.published ? '' : `<h2 class="nhsuk-heading-m">Publish</h2>
      <p class="nhsuk-body">Publishing locks the questions, weights, scales and moderation method.
        Bids can be added once the tender is published.</p>
      <form id="publish-form" novalidate><button class="nhsuk-button" type="submit">Publish the
        tender</button></form>`}
    <h2 class="nhsuk-heading-m">Questions</h2>
    ${overview.questions.map((q) => questionCard(q, overview.published)).join('')}
    ${factsSection(overview)}
    ${auditSection(overview)}`, { error: all.length > 0 });
  const again = (result, key, typed = {}) => {
    if (result.ok) return renderSetup(ctx, result, null, undefined, {});
    renderSetup(ctx, session.overview(), null,
                { criteria: [], evaluator: [], publish: [], [key]: result.errors }, typed);
    return focusErrors();
  };
  document.getElementById('criteria-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.target));
    const weights = {};
    for (const q of overview.questions.filter((x) => !x.pass_fail)) {
      weights[q.code] = Number(form[`weight-${q.code}`]);
    }
    const threshold = Number(form.threshold);
    again(await session.setCriteria({ weights, method: form.method, who: 'lead',
      disagreement_threshold: Number.isInteger(threshold) ? threshold : -1 }), 'criteria', form);
  });
  for (const button of document.querySelectorAll('.eqkit-copy-button')) {
    button.addEventListener('click', () => {
      const result = session.evaluatorCopy(button.dataset.evaluator);
      if (!result.ok) return again(result, 'evaluator');
      download(result.copy, result.file_name, 'application/json');
      return undefined;
    });
  }
  document.getElementById('evaluator-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = new FormData(event.target).get('evaluator');
    again(await session.addEvaluator(String(name || '')), 'evaluator');
  });
  document.getElementById('publish-form')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    again(await session.publish(), 'publish');
  });
}

// ---- conflicts of interest -----------------------------------------------------------------

function declarationOf(overview, evaluator, bidder) {
  const conflict = overview.conflicts.find((c) => c.evaluator === evaluator && c.bidder === bidder);
  if (conflict) return `<strong>Conflict:</strong> ${esc(conflict.declaration)}`;
  const none = overview.no_conflicts.some((c) => c.evaluator === evaluator && c.bidder === bidder);
  return none ? 'No conflict declared' : 'Not yet declared';
}

function declarationsTable(overview) {
  const bidders = overview.bids.map((b) => b.bidder);
  if (!bidders.length || !overview.evaluators.length) {
    return '<p class="nhsuk-body">Declarations are made per evaluator and bidder: add evaluators on the set-up page and bids on the bids page first.</p>';
  }
  const rows = overview.evaluators.map((e) => `<tr class="nhsuk-table__row">
    <th class="nhsuk-table__header" scope="row">${esc(e.name)}</th>${bidders.map((b) =>
      `<td class="nhsuk-table__cell">${declarationOf(overview, e.name, b)}</td>`).join('')}</tr>`).join('');
  return `<table class="nhsuk-table"><caption class="nhsuk-table__caption">Declarations by evaluator
    and bidder</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
    <th class="nhsuk-table__header" scope="col">Evaluator</th>${bidders.map((b) =>
      `<th class="nhsuk-table__header" scope="col">${esc(b)}</th>`).join('')}</tr></thead>
    <tbody class="nhsuk-table__body">${rows}</tbody></table>`;
}

function selectField(id, label, names, chosen) {
  return `<div class="nhsuk-form-group"><label class="nhsuk-label" for="${id}">${label}</label>
    <select class="nhsuk-select" id="${id}" name="${id}">${names.map((n) => `<option
      value="${esc(n)}"${n === chosen ? ' selected' : ''}>${esc(n)}</option>`).join('')}</select></div>`;
}

export function renderConflicts(ctx, overview, _m, errors = [], values = {}) {
  const { session } = ctx;
  const ready = overview.evaluators.length && overview.bids.length;
  const form = ready ? `<h2 class="nhsuk-heading-m">Record a declaration</h2>
    <form id="coi-form" novalidate>
      ${selectField('evaluator', 'Evaluator', overview.evaluators.map((e) => e.name), values.evaluator)}
      ${selectField('bidder', 'Bidder', overview.bids.map((b) => b.bidder), values.bidder)}
      ${fieldset('Does the evaluator have a conflict of interest with this bidder?', radios('kind', [
        { value: 'none', label: 'No conflict' },
        { value: 'conflict', label: 'Yes, a conflict of interest',
          hint: 'The evaluator will not score this bidder' }], values.kind || 'none'))}
      ${field({ id: 'declaration', label: 'What the evaluator declares', tag: 'textarea',
                hint: 'Needed for a conflict, such as "Former employee of this bidder, until 2024"',
                value: values.declaration || '' })}
      <button class="nhsuk-button" type="submit">Record the declaration</button></form>` : '';
  ctx.show('Conflicts of interest', `${tenderNav(overview, 'conflicts')}
    ${refusal(ctx, errors, { '': 'evaluator' })}
    ${ctx.heading('Conflicts of interest')}
    <p class="nhsuk-body">Each evaluator declares, for each bidder, a conflict of interest or none.
      A declared conflict blocks that evaluator from scoring that bidder.</p>
    ${declarationsTable(overview)}${form}`, { error: errors.length > 0 });
  document.getElementById('coi-form')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const typed = Object.fromEntries(new FormData(event.target));
    const result = await session.declare({
      evaluator: typed.evaluator, bidder: typed.bidder, who: 'lead',
      declaration: typed.kind === 'conflict' ? typed.declaration : null });
    if (result.ok) return renderConflicts(ctx, result);
    renderConflicts(ctx, overview, null, result.errors, typed);
    return focusErrors();
  });
}
