// Page furniture shared by the tender pages of the accessible face (tender*.mjs): the tender's
// own navigation, UNCONFIRMED marks, the core's refusals as an NHS.UK error summary, form fields.
import { esc } from './html.mjs';


const PAGES = [
  ['setup', 'Set-up'], ['bids', 'Bids'], ['conflicts', 'Conflicts of interest'],
  ['score', 'Scoring'], ['moderate', 'Moderation'], ['results', 'Results'],
];

// The tender's own navigation, on every page of an open tender.
export function tenderNav(overview, page) {
  if (overview.mode === 'evaluator_copy') {
    return `<p class="nhsuk-caption-m">Tender ${esc(overview.tender)}: ${esc(overview.question_set.title)}
      (${esc(overview.evaluator)}'s copy, for scoring only).
      <a href="#/tender">Your tenders and copies</a></p>`;
  }
  const links = PAGES.map(([id, label]) => `<li class="eqkit-tender-nav__item"><a
    href="#/tender/${id}"${id === page ? ' aria-current="page"' : ''}>${label}</a></li>`).join('');
  return `<p class="nhsuk-caption-m">Tender ${esc(overview.tender)}: ${esc(overview.question_set.title)}
    ${overview.published ? '(published)' : '(draft)'}</p>
    <nav class="eqkit-tender-nav" aria-label="Tender pages"><ul class="eqkit-tender-nav__list">
    ${links}</ul></nav>`;
}

export function unconfirmedMark(fact) {
  if (!fact || fact.confirmed !== false) return '';
  return ` <strong class="eqkit-unconfirmed">(UNCONFIRMED${fact.note ? `: ${esc(fact.note)}` : ''})</strong>`;
}

// The core's refusals as an NHS.UK error summary; each links to the field it names, if shown.
export function refusal(ctx, errors, targets = {}) {
  return ctx.errorSummary(errors.map((e) => ({
    message: e.message, target: e.target || targets[e.place] || targets[''] || 'page-heading' })));
}

// A text or number field in the NHS.UK pattern, with its error message.
export function field({ id, label, hint = '', value = '', error = '', type = 'text',
                        width = '', tag = 'input', accept = '', multiple = false }) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const base = tag !== 'input' ? 'nhsuk-textarea' : type === 'file' ? 'nhsuk-file-upload' : 'nhsuk-input';
  const cls = `${base}${width ? ` nhsuk-input--width-${width}` : ''}`;
  const attrs = `class="${cls}${error && base !== 'nhsuk-file-upload' ? ` ${base}--error` : ''}" id="${id}"
    name="${id}"${described ? ` aria-describedby="${described}"` : ''}`;
  return `<div class="nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}">
    <label class="nhsuk-label" for="${id}">${label}</label>
    ${hint ? `<div class="nhsuk-hint" id="${id}-hint">${hint}</div>` : ''}
    ${error ? `<span class="nhsuk-error-message" id="${id}-error"><span
      class="nhsuk-u-visually-hidden">Error:</span> ${esc(error)}</span>` : ''}
    ${tag === 'input' ? `<input ${attrs} type="${type}"${type === 'file' ?
      `${accept ? ` accept="${accept}"` : ''}${multiple ? ' multiple' : ''}` : ` value="${esc(value)}"`}>` :
      `<textarea ${attrs} rows="4">${esc(value)}</textarea>`}</div>`;
}

// Moves the keyboard focus to the error summary after a refusal, as the NHS.UK pattern asks.
export function focusErrors() {
  const summary = document.querySelector('.nhsuk-error-summary');
  if (summary) {
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }
}

