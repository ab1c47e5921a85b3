// The evaluator's scoring pages in the accessible face. An evaluator sees only their own
// scoresheet (kept in this browser) through TenderApi::scoring_view: per bidder and question the
// answer beside the scale's descriptors, its word count against the limit, the items it cites and
// the bidder's pack evidence for them. Submitting checks the sheet and signs it with the
// evaluator's key (TenderApi::submit), then downloads the signed scoresheet for the lead.
import { download, esc, plural } from './html.mjs';
import { field, focusErrors, refusal, tenderNav } from './tender_page.mjs';

const madeKeys = new Map();  // evaluator -> a key made in this page, kept only until reload

const link = (...parts) => '#/tender/score/' + parts.map(encodeURIComponent).join('/');

function conflictsOf(overview, evaluator) {
  return overview.conflicts.filter((c) => c.evaluator === evaluator);
}

function blockedList(overview, evaluator) {
  const blocked = conflictsOf(overview, evaluator);
  if (!blocked.length) return '';
  return `<h2 class="nhsuk-heading-m">Bids you cannot score</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">${blocked.map((c) => `<li><strong>${esc(c.bidder)}:
      blocked.</strong> You declared a conflict of interest: ${esc(c.declaration)}</li>`).join('')}</ul>`;
}

function chooseEvaluator(ctx, overview) {
  const list = overview.evaluators.length ? `<ul class="nhsuk-list nhsuk-list--bullet">${
    overview.evaluators.map((e) => `<li><a href="${link(e.name)}">Score as ${esc(e.name)}</a>${
      e.submitted ? ' (submitted)' : ''}</li>`).join('')}</ul>` :
    '<p class="nhsuk-body">No evaluators yet: add them on the <a href="#/tender/setup">set-up page</a>.</p>';
  ctx.show('Scoring', `${tenderNav(overview, 'score')}${ctx.heading('Scoring')}
    <p class="nhsuk-body">Each evaluator scores every answer on their own. You see only your own
      scores, never another evaluator's, and your scoresheet is kept in this browser until you
      submit it.</p>${list}`);
}

function questionOf(overview, code) { return overview.questions.find((q) => q.code === code); }

function taskList(overview, evaluator, bidder) {
  return `<h2 class="nhsuk-heading-m">${esc(bidder.name)}${bidder.flagged ?
    ' <strong class="nhsuk-tag nhsuk-tag--red">FLAGGED evidence pack</strong>' : ''}</h2>
    <ul class="nhsuk-task-list">${bidder.answers.map((a) => {
      const q = questionOf(overview, a.question);
      const id = `status-${esc(bidder.name)}-${esc(a.question)}`.replace(/[^A-Za-z0-9_-]/g, '_');
      return `<li class="nhsuk-task-list__item nhsuk-task-list__item--with-link">
        <div class="nhsuk-task-list__name-and-hint"><a class="nhsuk-link nhsuk-task-list__link"
          href="${link(evaluator, bidder.name, a.question)}" aria-describedby="${id}">${esc(a.question)}:
          ${esc(q.title)}</a></div>
        <div class="nhsuk-task-list__status" id="${id}">${a.score === null ?
          '<strong class="nhsuk-tag nhsuk-tag--blue">Not scored</strong>' : `Scored ${a.score}`}</div></li>`;
    }).join('')}</ul>`;
}

function submitSection(view, evaluator, errors, note) {
  if (view.submitted) {
    return `<h2 class="nhsuk-heading-m">Submitted</h2>
      <p class="nhsuk-body">Your scoresheet is submitted and signed: it can no longer be changed.
        Send the signed file to the lead.</p>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" id="download-sheet">
        Download your signed scoresheet</button>`;
  }
  return `<h2 class="nhsuk-heading-m">Submit your scoresheet</h2>
    <p class="nhsuk-body">Submitting signs your scoresheet with your signing key, so the lead can
      tell it is yours and unaltered. After that it cannot be changed.</p>
    ${note ? `<div class="nhsuk-inset-text" role="status" id="key-note"><span
      class="nhsuk-u-visually-hidden">Information: </span><p>${esc(note)}</p></div>` : ''}
    <form id="submit-form" novalidate>
      ${field({ id: 'key', label: 'Your signing key file (optional if you made one below)',
                type: 'file', hint: 'A key from "eqkit key new", or one made on this page. It stays in this browser.',
                error: errors.map((e) => e.message).join(' ') })}
      <div class="nhsuk-button-group">
        <button class="nhsuk-button" type="submit">Submit and sign</button>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" id="make-key">
          Make a new signing key</button></div></form>`;
}

function renderSheet(ctx, overview, evaluator, errors = [], note = '') {
  const { session } = ctx;
  const view = session.scoringView(evaluator);
  if (!view.ok) {
    ctx.show('Scoring', `${tenderNav(overview, 'score')}${refusal(ctx, view.errors)}
      ${ctx.heading(`Scoring as ${esc(evaluator)}`)}`, { error: true });
    return undefined;
  }
  const scored = view.bidders.flatMap((b) => b.answers).filter((a) => a.score !== null).length;
  const total = view.bidders.flatMap((b) => b.answers).length;
  ctx.show(`Scoring as ${evaluator}`, `${tenderNav(overview, 'score')}
    ${refusal(ctx, errors, { '': 'key' })}
    ${ctx.heading(`Scoring as ${esc(evaluator)}`)}
    ${overview.mode === 'evaluator_copy' ? `<p class="nhsuk-body">This is your own copy of the
      tender from the lead${overview.made ? `, made ${esc(overview.made)}` : ''}: it holds only the
      bids you may score and nobody else's scores. Your scores are kept in this browser; nothing is
      sent anywhere.</p>` : ''}
    <p class="nhsuk-body">You have scored ${scored} of ${esc(plural(total, 'answer'))}. Only your own
      scores are shown.</p>
    ${blockedList(overview, evaluator)}
    ${view.bidders.map((b) => taskList(overview, evaluator, b)).join('')}
    ${submitSection(view, evaluator, errors, note)}`, { error: errors.length > 0 });
  const file = `${overview.tender}-${evaluator.replace(/[^A-Za-z0-9_-]+/g, '_')}`;
  document.getElementById('download-sheet')?.addEventListener('click', () =>
    download(session.sheet(evaluator), `${file}-scoresheet.json`, 'application/json'));
  document.getElementById('make-key')?.addEventListener('click', () => {
    const key = session.newKey();
    if (!key.ok) return renderSheet(ctx, overview, evaluator, key.errors);
    madeKeys.set(evaluator, key.secret_key);
    download(key.secret_key, `${file}.key`, 'application/json');
    renderSheet(ctx, overview, evaluator, [], `A new signing key was made and downloaded
      (fingerprint ${key.fingerprint}). Keep the file safe: it signs as you.`);
    document.getElementById('key-note')?.setAttribute('tabindex', '-1');
    document.getElementById('key-note')?.focus();
    return undefined;
  });
  document.getElementById('submit-form')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = document.getElementById('key').files[0];
    const key = chosen ? await chosen.text() : madeKeys.get(evaluator);
    if (!key) {
      renderSheet(ctx, overview, evaluator,
                  [{ place: '', message: 'Choose your signing key file, or make a new signing key' }]);
      return focusErrors();
    }
    const result = await session.submit(evaluator, key);
    if (!result.ok) {
      renderSheet(ctx, overview, evaluator, result.errors);
      return focusErrors();
    }
    download(result.scoresheet, `${file}-scoresheet.json`, 'application/json');
    return renderSheet(ctx, overview, evaluator);
  });
  return undefined;
}

export function renderScoring(ctx, overview, evaluator) {
  if (!evaluator && overview.mode === 'evaluator_copy') {
    location.hash = link(overview.evaluator);
    return undefined;
  }
  if (!evaluator) return chooseEvaluator(ctx, overview);
  if (!overview.evaluators.some((e) => e.name === evaluator)) return ctx.notFound();
  return renderSheet(ctx, overview, evaluator);
}

// ---- one answer --------------------------------------------------------------------------

function wordsLine(a) {
  if (!a.word_limit) return `${esc(plural(a.words, 'word'))} (no word limit).`;
  return a.over_limit ?
    `<strong>Over the word limit:</strong> ${esc(plural(a.words, 'word'))}, more than the limit of ${a.word_limit}.` :
    `${esc(plural(a.words, 'word'))}, within the limit of ${a.word_limit}.`;
}

function evidenceSection(a, flagged) {
  const cites = a.cites.length ? `<p class="nhsuk-body">The answer cites: ${esc(a.cites.join(', '))}.</p>` :
    '<p class="nhsuk-body">The answer cites no framework items.</p>';
  const items = a.evidence.length ? `<ul class="nhsuk-list nhsuk-list--bullet">${a.evidence.map((e) =>
    `<li>${esc(e.cite)}: ${esc(e.title)} (${esc(e.where)})</li>`).join('')}</ul>` :
    '<p class="nhsuk-body">No evidence in the bidder\'s pack for these items.</p>';
  const warning = flagged ? `<p class="nhsuk-body"><strong>FLAGGED:</strong> this bidder's evidence
    pack failed verification, so its evidence cannot be relied on.</p>` : '';
  return `<h2 class="nhsuk-heading-s">Cited evidence from the bidder's pack</h2>${warning}${cites}${items}`;
}

function scoreRadios(q, chosen, error, disabled) {
  const options = q.scale.levels.map((l, i) => {
    const id = i === 0 ? 'score' : `score-${i}`;
    const hint = [l.description, l.confirmed === false ? `UNCONFIRMED: ${l.note || ''}` : '']
      .filter(Boolean).join(' ');
    return `<div class="nhsuk-radios__item">
      <input class="nhsuk-radios__input" id="${id}" name="score" type="radio" value="${l.value}"
        ${chosen === l.value ? 'checked' : ''}${disabled ? ' disabled' : ''}${hint ?
        ` aria-describedby="${id}-item-hint"` : ''}>
      <label class="nhsuk-label nhsuk-radios__label" for="${id}">${l.value} – ${esc(l.label)}</label>
      ${hint ? `<div class="nhsuk-hint nhsuk-radios__hint" id="${id}-item-hint">${esc(hint)}</div>` : ''}
    </div>`;
  }).join('');
  return `<div class="nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}">
    <fieldset class="nhsuk-fieldset"${error ? ' aria-describedby="score-error"' : ''}>
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Your score, on the scale
        ${esc(q.scale.title)}</legend>
      ${error ? `<span class="nhsuk-error-message" id="score-error"><span
        class="nhsuk-u-visually-hidden">Error:</span> ${esc(error)}</span>` : ''}
      <div class="nhsuk-radios" data-module="nhsuk-radios">${options}</div></fieldset></div>`;
}

function nextAnswer(view, bidder, code) {
  const all = view.bidders.flatMap((b) => b.answers.map((a) => [b.name, a.question]));
  const at = all.findIndex(([b, q]) => b === bidder && q === code);
  return all.slice(at + 1).find(([b, q]) => view.bidders.find((x) => x.name === b).answers
    .find((a) => a.question === q).score === null);
}

export function renderScoreAnswer(ctx, overview, evaluator, bidderName, code, errors = [],
                                  typed = null) {
  const { session } = ctx;
  const view = session.scoringView(evaluator);
  const blocked = conflictsOf(overview, evaluator).find((c) => c.bidder === bidderName);
  const back = ctx.backLink(link(evaluator), 'Back to your scoresheet');
  if (blocked) {
    ctx.show('Blocked', `${tenderNav(overview, 'score')}${back}${ctx.heading(`You cannot score ${esc(bidderName)}`)}
      <p class="nhsuk-body">You declared a conflict of interest: ${esc(blocked.declaration)}</p>`);
    return undefined;
  }
  const bidder = view.ok && view.bidders.find((b) => b.name === bidderName);
  const a = bidder && bidder.answers.find((x) => x.question === code);
  const q = questionOf(overview, code);
  if (!a || !q) return ctx.notFound();
  const values = typed || { score: a.score, rationale: a.rationale };
  const errorAt = (place) => errors.filter((e) => e.place === place).map((e) => e.message).join(' ');
  const other = errors.filter((e) => !['score', 'rationale'].includes(e.place));
  ctx.show(`${bidderName}: ${code}`, `${tenderNav(overview, 'score')}${back}
    ${refusal(ctx, errors, { score: 'score', rationale: 'rationale' })}
    <span class="nhsuk-caption-l">${esc(bidderName)}, scored by ${esc(evaluator)}</span>
    ${ctx.heading(`${esc(code)}: ${esc(q.title)}`)}
    <p class="nhsuk-body">${esc(q.text)}</p>
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-one-half">
        <h2 class="nhsuk-heading-s">The bidder's answer</h2>
        <div class="nhsuk-inset-text">${a.answered ? `<p class="eqkit-narrative">${esc(a.text)}</p>` :
          '<p>The bidder did not answer this question.</p>'}</div>
        <p class="nhsuk-body">${wordsLine(a)}</p>
        ${evidenceSection(a, bidder.flagged)}
      </div>
      <div class="nhsuk-grid-column-one-half">
        ${view.submitted ? '<p class="nhsuk-body"><strong>Submitted:</strong> your scoresheet can no longer be changed.</p>' : ''}
        <form id="score-form" novalidate>
          ${scoreRadios(q, values.score, errorAt('score'), view.submitted)}
          ${field({ id: 'rationale', label: 'Your rationale', tag: 'textarea', value: values.rationale,
                    hint: 'Why this score, against the descriptors', error: errorAt('rationale') ||
                      other.map((e) => e.message).join(' ') })}
          ${view.submitted ? '' : '<button class="nhsuk-button" type="submit">Save and continue</button>'}
        </form>
      </div></div>`, { error: errors.length > 0 });
  document.getElementById('score-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const score = form.get('score');
    const request = { bidder: bidderName, question: code, score: score === null ? null : Number(score),
                      rationale: String(form.get('rationale') || '') };
    const result = await session.score(evaluator, request);
    if (!result.ok) {
      renderScoreAnswer(ctx, overview, evaluator, bidderName, code, result.errors, request);
      return focusErrors();
    }
    const next = nextAnswer(session.scoringView(evaluator), bidderName, code);
    location.hash = next ? link(evaluator, ...next) : link(evaluator);
    return undefined;
  });
  return undefined;
}
