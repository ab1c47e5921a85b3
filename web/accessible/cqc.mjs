// The accessible face's pages for the assessment-wide choices of frameworks rated by percentages
// (CQC): the scoring method, the items that apply to the service, the rules' questions, the
// judgements the rules leave to the user; and, on an item page, evidence category scores, the
// "needs review" mark of a carried answer and the user's text for the statement report page.
// Every check and every wording of a rule comes from the core (JsonApi::settings and the form
// model); this file only draws forms and sends what the user chose.
import { esc, fieldError, formGroup } from './html.mjs';

function radios(name, options, checked, describedBy = '') {
  return `<div class="nhsuk-radios" data-module="nhsuk-radios">${options.map((o, i) => {
    const id = i === 0 ? name : `${name}-${i}`;
    return `<div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id="${esc(id)}" name="${esc(name)}" type="radio"
        value="${esc(o.value)}" ${o.value === checked ? 'checked' : ''}
        ${describedBy ? `aria-describedby="${esc(describedBy)}"` : ''}>
      <label class="nhsuk-label nhsuk-radios__label" for="${esc(id)}">${esc(o.label)}</label>
      ${o.hint ? `<div class="nhsuk-hint nhsuk-radios__hint">${esc(o.hint)}</div>` : ''}
    </div>`;
  }).join('')}</div>`;
}

const errorFor = fieldError;
const group = (field, errors, inner) => formGroup(errors, field, inner);

// Whether the framework has choices at all: methods to pick between, items rated by percentages.
export function hasChoices(m) { return m.methods.length > 0; }

// ---- the choices page ----------------------------------------------------------------------

function methodField(m, assessment) {
  if (m.methods.length < 2) return '';
  const current = assessment.method || m.methods.filter((x) => x.scores === 'items').at(-1)?.id;
  const options = m.methods.map((x) => ({
    value: x.id,
    label: x.title,
    hint: `${x.applies_from ? `Applies from ${x.applies_from}. ` : ''}${x.scores ===
      'evidence_categories' ? 'You score each evidence category of each statement.' :
      'You score each statement.'}${x.confirmed === false ? ` UNCONFIRMED: ${x.note}` : ''}`,
  }));
  return `<fieldset class="nhsuk-fieldset">
    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
      <h2 class="nhsuk-fieldset__heading">Scoring method</h2></legend>
    ${radios('method', options, current)}</fieldset>`;
}

function applicableField(m, assessment, errors) {
  const chosen = assessment.applicable ? new Set(assessment.applicable) : null;
  const pages = new Map(m.pages.map((p) => [p.item, p]));
  const boxes = m.groups.map((g) => `<h3 class="nhsuk-heading-s">${esc(m.framework.group_label)}
      ${esc(g.code)}: ${esc(g.title)}</h3>
    <div class="nhsuk-checkboxes" data-module="nhsuk-checkboxes">${g.items.map((code) => {
      const id = `applies-${code}`;
      return `<div class="nhsuk-checkboxes__item">
        <input class="nhsuk-checkboxes__input" id="${esc(id)}" name="applies" type="checkbox"
          value="${esc(code)}" ${!chosen || chosen.has(code) ? 'checked' : ''}>
        <label class="nhsuk-label nhsuk-checkboxes__label" for="${esc(id)}">
          ${esc(pages.get(code).heading)}</label></div>`;
    }).join('')}</div>`).join('');
  return group('applicable', errors, `<fieldset class="nhsuk-fieldset"
      aria-describedby="applies-hint">
    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
      <h2 class="nhsuk-fieldset__heading" id="applies">Which ${esc(
        m.framework.item_label.toLowerCase())}s apply to your service?</h2></legend>
    <div class="nhsuk-hint" id="applies-hint">${esc(m.applicability.note)}</div>
    ${errorFor(errors, 'applicable')}
    ${boxes}</fieldset>`);
}

function questionFields(m, assessment) {
  return m.judgement_options.questions.map((q) => {
    const value = assessment.flags?.[q.flag];
    const checked = value === true ? 'yes' : value === false ? 'no' : '';
    return `<fieldset class="nhsuk-fieldset" aria-describedby="flag-${esc(q.flag)}-hint">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h2 class="nhsuk-fieldset__heading">${esc(q.question)}</h2></legend>
      <div class="nhsuk-hint" id="flag-${esc(q.flag)}-hint">${esc(q.rule)}</div>
      ${radios(`flag-${q.flag}`, [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }],
        checked)}</fieldset>`;
  }).join('');
}

export function renderChoices(ui, errors = []) {
  const { core, show, heading, backLink, errorSummary, model } = ui;
  const state = core.state();
  const m = model(state.framework);
  const a = state.assessment;
  show('Your assessment\'s choices', `${backLink('#/tasks')}
    ${errorSummary(errors.map((e) => ({ ...e, target: e.field === 'applicable' ? 'applies' :
      e.field })))}
    ${heading('Your assessment\'s choices')}
    <form id="choices-form" novalidate>
      ${methodField(m, a)}
      ${applicableField(m, a, errors)}
      ${questionFields(m, a)}
      <button class="nhsuk-button" type="submit">Save choices</button>
    </form>`, { error: errors.length > 0 });
  document.getElementById('choices-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(event.target);
    const codes = data.getAll('applies').map(String);
    const all = m.pages.length === codes.length;
    const flags = {};
    for (const q of m.judgement_options.questions) {
      const v = data.get(`flag-${q.flag}`);
      if (v) flags[q.flag] = v === 'yes';
    }
    const changes = { applicable: all ? null : codes, flags };
    if (data.get('method')) changes.method = String(data.get('method'));
    const result = await core.settings(changes);
    if (!result.ok) {
      renderChoices(ui, result.errors || [{ field: 'applicable', message: result.error }]);
      return;
    }
    location.hash = '#/tasks';
  });
}

// The line on the task list: what is filtered out, and where to change it.
export function choicesLine(m, state) {
  if (!hasChoices(m)) return '';
  const a = state.assessment;
  const n = a.applicable ? a.applicable.length : m.pages.length;
  const filtered = a.applicable ? `Showing the ${n} of ${m.pages.length}
    ${esc(m.framework.item_label.toLowerCase())}s you said apply to your service.` :
    `Every ${esc(m.framework.item_label.toLowerCase())} is shown: you have not said which apply
    to your service.`;
  return `<div class="nhsuk-inset-text" id="choices-line"><span class="nhsuk-u-visually-hidden">
    Information: </span><p class="nhsuk-body">${filtered}</p>
    <p class="nhsuk-body"><a href="#/choices">Choose the scoring method, the
      ${esc(m.framework.item_label.toLowerCase())}s that apply and answer the rules'
      questions</a></p></div>`;
}

// ---- on the assessment page: whole key questions in one step -----------------------------------

// Which key questions apply, each as a whole: the core turns each ticked one into its statements
// (applying_items, as `eqkit assess choose --applies KQ` does), and no other statement applies.
export function groupsForm(m, state, errors = []) {
  if (!hasChoices(m)) return '';
  const chosen = state.assessment.applicable ? new Set(state.assessment.applicable) : null;
  const kq = m.framework.group_label.toLowerCase();
  const item = m.framework.item_label.toLowerCase();
  const boxes = m.groups.map((g) => {
    const id = `applies-group-${g.code}`;
    const ticked = !chosen || g.items.some((code) => chosen.has(code));
    return `<div class="nhsuk-checkboxes__item">
      <input class="nhsuk-checkboxes__input" id="${esc(id)}" name="applies-group" type="checkbox"
        value="${esc(g.code)}" ${ticked ? 'checked' : ''}>
      <label class="nhsuk-label nhsuk-checkboxes__label" for="${esc(id)}">${esc(g.title)}</label>
    </div>`;
  }).join('');
  return `<form id="groups-form" novalidate>${group('applicable', errors, `<fieldset
      class="nhsuk-fieldset" aria-describedby="groups-hint">
    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
      <h2 class="nhsuk-fieldset__heading" id="groups">Which ${esc(kq)}s apply to your
        service?</h2></legend>
    <div class="nhsuk-hint" id="groups-hint">Every ${esc(item)} of each ${esc(kq)} you tick
      will apply, and none of the others. You can then change single ${esc(item)}s on the
      choices page.</div>
    ${errorFor(errors, 'applicable')}
    <div class="nhsuk-checkboxes nhsuk-checkboxes--small" data-module="nhsuk-checkboxes">
      ${boxes}</div></fieldset>`)}
    <button class="nhsuk-button nhsuk-button--secondary" type="submit">Show only these
      ${esc(kq)}s</button></form>`;
}

// rerender(errors) draws the assessment page again, with the core's errors when it refused.
export function bindGroupsForm(core, rerender) {
  const form = document.getElementById('groups-form');
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const codes = new FormData(form).getAll('applies-group').map(String);
    const result = await core.settings({ applicable: codes });
    rerender(result.ok ? [] : result.errors || [{ field: 'applicable', message: result.error }]);
  });
}

// ---- judgements on the results page ----------------------------------------------------------

const drafts = new Map();  // what the user chose and typed, kept when the core refuses it

function judgementForm(call, m, rating, errors) {
  const about = call.about;
  const draft = drafts.get(about) || call.made || {};
  const name = about === 'overall' ? 'the overall rating' :
    (rating.groups.find((g) => g.code === about) || { title: about }).title;
  const ratingField = `judgement-${about}-rating`;
  const whyField = `judgement-${about}-rationale`;
  const options = call.options.map((o) => ({ value: o, label: o }));
  return `<form class="eqkit-judgement" data-about="${esc(about)}" novalidate>
    ${group(ratingField, errors, `<fieldset class="nhsuk-fieldset">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Your rating for
        ${esc(name)}</legend>
      ${errorFor(errors, ratingField)}
      ${radios(ratingField, options, draft.rating)}</fieldset>`)}
    ${group(whyField, errors, `<label class="nhsuk-label" for="${esc(whyField)}">Why you chose
        it (your rationale is kept with the assessment)</label>
      ${errorFor(errors, whyField)}
      <textarea class="nhsuk-textarea" id="${esc(whyField)}" name="rationale"
        rows="3">${esc(draft.rationale || '')}</textarea>`)}
    <button class="nhsuk-button nhsuk-button--secondary" type="submit">Record your judgement
      <span class="nhsuk-u-visually-hidden">on ${esc(name)}</span></button>
  </form>`;
}

export function judgementForms(rating, m, errors = []) {
  if (!rating || !rating.judgements.length) return '';
  return `<section id="judge" aria-labelledby="judge-heading">
    <h2 class="nhsuk-heading-m" id="judge-heading">Record your judgements</h2>
    ${rating.judgements.map((j) => judgementForm(j, m, rating, errors)).join('')}</section>`;
}

// Binds the judgement forms; rerender(errors) draws the page again.
export function bindJudgements(core, rerender) {
  for (const form of document.querySelectorAll('form.eqkit-judgement')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const about = form.dataset.about;
      const data = new FormData(form);
      const judgement = { rating: String(data.get(`judgement-${about}-rating`) || ''),
                          rationale: String(data.get('rationale') || '') };
      const result = await core.settings({ judgements: { [about]: judgement } });
      if (result.ok) drafts.delete(about); else drafts.set(about, judgement);
      rerender(result.ok ? [] : result.errors || [{ field: `judgement-${about}-rating`,
                                                      message: result.error }], about);
    });
  }
}

// ---- item page parts -------------------------------------------------------------------------

// The "needs review" mark and where the answer came from, with the button that confirms it.
export function reviewBanner(task) {
  if (!task) return '';
  const sources = task.sources.map((s) => `<li>${esc(s)}</li>`).join('');
  if (!task.needs_review) {
    return sources ? `<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">
      Information: </span><p class="nhsuk-body">Where this answer came from:</p>
      <ul class="nhsuk-list">${sources}</ul></div>` : '';
  }
  return `<div class="nhsuk-warning-callout" id="needs-review">
    <h2 class="nhsuk-warning-callout__label"><span role="text">
      <span class="nhsuk-u-visually-hidden">Important: </span>Needs review</span></h2>
    <p class="nhsuk-body">This answer was carried from elsewhere and you have not confirmed it
      yet. Check it against this item's wording.</p>
    ${sources ? `<ul class="nhsuk-list">${sources}</ul>` : ''}
    <form id="confirm-review" novalidate><button class="nhsuk-button nhsuk-button--secondary"
      type="submit">Confirm this answer</button></form></div>`;
}

export function bindReview(core, code, rerender) {
  document.getElementById('confirm-review')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await core.confirmReview(code);
    rerender(result.ok ? 'Answer confirmed: it no longer needs review.' : result.error);
  });
}

// Evidence category scores, for a method that scores them.
export function categoryFields(m, state, current, errors) {
  const method = m.methods.find((x) => x.id === state.results.rating?.method.id);
  if (!method || method.scores !== 'evidence_categories') return '';
  const scale = m.pages[0].fields.find((f) => f.id === 'score').options;
  return `<h2 class="nhsuk-heading-m">Evidence category scores</h2>
    <p class="nhsuk-body">${esc(method.title)}: score each evidence category that is relevant;
      leave the others blank.</p>
    ${m.evidence_categories.map((c) => {
      const field = `category-${c.code}`;
      const options = [{ value: '', label: 'Not relevant or not scored' },
        ...scale.map((o) => ({ value: String(o.value), label: `${o.value} – ${o.label}` }))];
      const value = current.category_scores?.[c.code];
      return group(field, errors, `<fieldset class="nhsuk-fieldset">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">${esc(c.title)}</legend>
        ${errorFor(errors, field)}
        ${radios(field, options, value === undefined ? '' : String(value))}</fieldset>`);
    }).join('')}`;
}

export function readCategories(m, data) {
  const out = {};
  for (const c of m.evidence_categories) {
    const v = data.get(`category-${c.code}`);
    if (v) out[c.code] = Number(v);
  }
  return out;
}

// The user's own text for the statement report page (I and We statements, headed sections).
export function statementFields(m, current) {
  if (!hasChoices(m)) return '';
  const sections = [...(current.sections || []), { heading: '', text: '' }];
  const textarea = (id, label, value, hint = '') => `<div class="nhsuk-form-group">
      <label class="nhsuk-label" for="${esc(id)}">${esc(label)}</label>
      ${hint ? `<div class="nhsuk-hint" id="${esc(id)}-hint">${esc(hint)}</div>` : ''}
      <textarea class="nhsuk-textarea" id="${esc(id)}" name="${esc(id)}" rows="3"
        ${hint ? `aria-describedby="${esc(id)}-hint"` : ''}>${esc(value || '')}</textarea></div>`;
  return `<details class="nhsuk-details" ${current.i_statement || current.we_statement ||
      (current.sections || []).length ? 'open' : ''}>
    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Report page
      text (yours)</span></summary>
    <div class="nhsuk-details__text">
      <p class="nhsuk-body">EqualityKit's reference does not include CQC's I and We statements,
        so none are filled in for you. What you write here is yours, and the report page says
        so.</p>
      ${textarea('i_statement', 'I statement', current.i_statement)}
      ${textarea('we_statement', 'We statement', current.we_statement)}
      ${sections.map((s, i) => `<h3 class="nhsuk-heading-s">Narrative section ${i + 1}</h3>
        <div class="nhsuk-form-group"><label class="nhsuk-label" for="section-${i}-heading">
          Heading</label><input class="nhsuk-input" id="section-${i}-heading"
          name="section-${i}-heading" type="text" value="${esc(s.heading)}"></div>
        ${textarea(`section-${i}-text`, 'Text', s.text)}`).join('')}
    </div></details>`;
}

export function readStatements(data) {
  const sections = [];
  for (let i = 0; data.has(`section-${i}-heading`); i += 1) {
    const heading = String(data.get(`section-${i}-heading`) || '');
    const text = String(data.get(`section-${i}-text`) || '');
    if (heading.trim() || text.trim()) sections.push({ heading, text });
  }
  return { i_statement: String(data.get('i_statement') || ''),
           we_statement: String(data.get('we_statement') || ''), sections };
}
