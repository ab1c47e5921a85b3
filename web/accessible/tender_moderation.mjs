// Moderation in the accessible face: the lead imports the evaluators' signed scoresheets (the
// core refuses an altered, unsigned, second or foreign one, and says why); for each bidder and
// question every evaluator's score and rationale side by side, the spread, the disagreement flag
// in words, the distribution as a small chart with the same numbers in a table; and the moderated
// score with its rationale, refused by the core until every non-conflicted evaluator submitted.
import { esc, plural } from './html.mjs';
import { field, focusErrors, refusal, tenderNav } from './tender_page.mjs';

const link = (bidder, code) => `#/tender/moderate/${encodeURIComponent(bidder)}/${encodeURIComponent(code)}`;

function flagText(view) {
  if (!view.scores.length) return 'No scores yet';
  return view.disagreement ?
    `<strong>Disagreement:</strong> the scores differ by ${view.spread}, more than the threshold of ${view.threshold}` :
    `Spread ${view.spread}: within the threshold of ${view.threshold}`;
}

function moderatedText(view) {
  if (view.moderated) return `${view.moderated.score}`;
  if (!view.ready) return view.waiting_for.length ?
    `Waiting for ${esc(view.waiting_for.join(', '))}` : 'Waiting for scores';
  return '<strong class="nhsuk-tag nhsuk-tag--blue">To moderate</strong>';
}

function importForm(errors) {
  return `<h2 class="nhsuk-heading-m">Import scoresheets</h2>
    <form id="import-form" novalidate>
      ${field({ id: 'sheets', label: 'Signed scoresheets (.json)', type: 'file', multiple: true,
                accept: '.json,application/json',
                hint: 'Choose one or more files the evaluators sent you. All are checked; if one is refused none is imported.',
                error: errors.map((e) => e.message).join(' ') })}
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Import</button></form>`;
}

function overviewTable(ctx, overview) {
  const { session } = ctx;
  const rows = overview.bids.flatMap((b) => overview.questions.map((q) => {
    const view = session.moderation(b.bidder, q.code);
    if (!view.ok) return '';
    const scores = view.scores.map((s) => `${esc(s.evaluator)}: ${s.score}`).join('<br>') || 'None yet';
    return `<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell">${esc(b.bidder)}</td>
      <td class="nhsuk-table__cell"><a href="${link(b.bidder, q.code)}">${esc(q.code)}<span
        class="nhsuk-u-visually-hidden"> for ${esc(b.bidder)}: moderate</span></a></td>
      <td class="nhsuk-table__cell">${scores}</td>
      <td class="nhsuk-table__cell">${flagText(view)}</td>
      <td class="nhsuk-table__cell">${moderatedText(view)}</td></tr>`;
  })).join('');
  if (!rows) return '<p class="nhsuk-body">No bids yet.</p>';
  return `<table class="nhsuk-table"><caption class="nhsuk-table__caption">Scores by bidder and
    question</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row">${['Bidder',
    'Question', 'Evaluators\' scores', 'Spread', 'Moderated'].map((h) =>
    `<th class="nhsuk-table__header" scope="col">${h}</th>`).join('')}</tr></thead>
    <tbody class="nhsuk-table__body">${rows}</tbody></table>`;
}

export function renderModeration(ctx, overview, _m, errors = [], note = '') {
  const { session } = ctx;
  const submitted = overview.evaluators.filter((e) => e.submitted).map((e) => e.name);
  const waiting = overview.evaluators.filter((e) => !e.submitted).map((e) => e.name);
  ctx.show('Moderation', `${tenderNav(overview, 'moderate')}
    ${refusal(ctx, errors, { '': 'sheets' })}
    ${ctx.heading('Moderation')}
    ${note ? `<div class="nhsuk-inset-text" role="status" id="import-note"><span
      class="nhsuk-u-visually-hidden">Information: </span><p>${esc(note)}</p></div>` : ''}
    <p class="nhsuk-body">Scoresheets submitted: ${submitted.length ? esc(submitted.join(', ')) : 'none'}.
      ${waiting.length ? `Still to submit: ${esc(waiting.join(', '))}.` : ''}</p>
    ${importForm(errors)}
    ${overviewTable(ctx, overview)}`, { error: errors.length > 0 });
  document.getElementById('import-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = document.getElementById('sheets').files;
    if (!files.length) {
      renderModeration(ctx, overview, null, [{ place: '', message: 'Choose the scoresheet files to import' }]);
      return focusErrors();
    }
    const result = await session.importScoresheets(files);
    if (!result.ok) {
      renderModeration(ctx, overview, null, result.errors);
      return focusErrors();
    }
    renderModeration(ctx, result, null, [], `Imported ${plural(files.length, 'scoresheet')}.`);
    document.getElementById('import-note')?.setAttribute('tabindex', '-1');
    document.getElementById('import-note')?.focus();
    return undefined;
  });
}

// ---- one bidder and question ----------------------------------------------------------------

// A bar per scale value; the same numbers are in the table beside it.
function chart(view, title) {
  const most = Math.max(1, ...view.distribution.map((d) => d.count));
  const barWidth = 48;
  const height = 120;
  const bars = view.distribution.map((d, i) => {
    const h = Math.round((d.count / most) * (height - 40));
    const x = 10 + i * (barWidth + 12);
    return `<rect x="${x}" y="${height - 20 - h}" width="${barWidth}" height="${h}" class="eqkit-chart__bar"></rect>
      <text x="${x + barWidth / 2}" y="${height - 4}" text-anchor="middle">${d.value}</text>
      <text x="${x + barWidth / 2}" y="${height - 24 - h}" text-anchor="middle">${d.count}</text>`;
  }).join('');
  const words = view.distribution.map((d) => `${d.value} (${d.label}): ${d.count}`).join('; ');
  const width = 20 + view.distribution.length * (barWidth + 12);
  return `<svg class="eqkit-chart" role="img" aria-labelledby="chart-title chart-desc"
    viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
    <title id="chart-title">${esc(title)}</title><desc id="chart-desc">Number of evaluators
    giving each score: ${esc(words)}</desc>${bars}</svg>`;
}

function distributionTable(view) {
  return `<table class="nhsuk-table"><caption class="nhsuk-table__caption">Score distribution</caption>
    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="col">Score</th>
      <th class="nhsuk-table__header" scope="col">Evaluators</th></tr></thead>
    <tbody class="nhsuk-table__body">${view.distribution.map((d) => `<tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell">${d.value} – ${esc(d.label)}</td>
      <td class="nhsuk-table__cell">${d.count}</td></tr>`).join('')}</tbody></table>`;
}

function scoresTable(view) {
  if (!view.scores.length) return '<p class="nhsuk-body">No evaluator has submitted a score yet.</p>';
  return `<table class="nhsuk-table"><caption class="nhsuk-table__caption">Evaluators' scores side by
    side</caption><thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="col">Evaluator</th>
      <th class="nhsuk-table__header" scope="col">Score</th>
      <th class="nhsuk-table__header" scope="col">Rationale</th></tr></thead>
    <tbody class="nhsuk-table__body">${view.scores.map((s) => `<tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="row">${esc(s.evaluator)}</th>
      <td class="nhsuk-table__cell">${s.score}</td>
      <td class="nhsuk-table__cell eqkit-narrative">${esc(s.rationale)}</td></tr>`).join('')}
    </tbody></table>`;
}

function moderateForm(q, view, errors, typed) {
  const chosen = typed ? typed.score : view.moderated ? view.moderated.score : null;
  const errorAt = (place) => errors.filter((e) => e.place === place).map((e) => e.message).join(' ');
  const rest = errors.filter((e) => e.place !== 'score').map((e) => e.message).join(' ');
  const options = q.scale.levels.map((l, i) => `<div class="nhsuk-radios__item">
    <input class="nhsuk-radios__input" id="moderated${i ? '-' + i : ''}" name="score" type="radio"
      value="${l.value}"${chosen === l.value ? ' checked' : ''}>
    <label class="nhsuk-label nhsuk-radios__label" for="moderated${i ? '-' + i : ''}">${l.value} –
      ${esc(l.label)}</label></div>`).join('');
  const scoreError = errorAt('score');
  return `<h2 class="nhsuk-heading-m">Moderated score</h2>
    <form id="moderate-form" novalidate>
      <div class="nhsuk-form-group${scoreError ? ' nhsuk-form-group--error' : ''}">
        <fieldset class="nhsuk-fieldset"${scoreError ? ' aria-describedby="moderated-error"' : ''}>
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">The agreed score</legend>
          ${scoreError ? `<span class="nhsuk-error-message" id="moderated-error"><span
            class="nhsuk-u-visually-hidden">Error:</span> ${esc(scoreError)}</span>` : ''}
          <div class="nhsuk-radios" data-module="nhsuk-radios">${options}</div></fieldset></div>
      ${field({ id: 'moderation-rationale', label: 'Rationale', tag: 'textarea',
                hint: 'The reason for the agreed score; it goes into the bidder\'s assessment summary',
                value: typed ? typed.rationale : view.moderated ? view.moderated.rationale : '',
                error: rest })}
      <button class="nhsuk-button" type="submit">Record the moderated score</button></form>`;
}

export function renderModerateAnswer(ctx, overview, bidder, code, errors = [], typed = null,
                                     note = '') {
  const { session } = ctx;
  const q = overview.questions.find((x) => x.code === code);
  const view = session.moderation(bidder, code);
  if (!q || !view.ok) return ctx.notFound();
  const title = `${bidder}, ${code}: how many evaluators gave each score`;
  ctx.show(`Moderate ${bidder}: ${code}`, `${tenderNav(overview, 'moderate')}
    ${ctx.backLink('#/tender/moderate', 'Back to moderation')}
    ${refusal(ctx, errors, { score: 'moderated', '': 'moderation-rationale' })}
    <span class="nhsuk-caption-l">${esc(bidder)}</span>
    ${ctx.heading(`${esc(code)}: ${esc(q.title)}`)}
    ${note ? `<div class="nhsuk-inset-text" role="status" id="moderate-note"><span
      class="nhsuk-u-visually-hidden">Information: </span><p>${esc(note)}</p></div>` : ''}
    ${view.waiting_for.length ? `<p class="nhsuk-body"><strong>Waiting for:</strong>
      ${esc(view.waiting_for.join(', '))} (not yet submitted).</p>` : ''}
    ${scoresTable(view)}
    <p class="nhsuk-body">${flagText(view)}.</p>
    <h2 class="nhsuk-heading-m">Distribution</h2>
    <div class="nhsuk-grid-row"><div class="nhsuk-grid-column-one-half">${chart(view, title)}</div>
      <div class="nhsuk-grid-column-one-half">${distributionTable(view)}</div></div>
    ${view.moderated ? `<p class="nhsuk-body">Moderated so far: ${view.moderated.score}
      (${esc(view.moderated.rationale)}).</p>` : ''}
    ${moderateForm(q, view, errors, typed)}`, { error: errors.length > 0 });
  document.getElementById('moderate-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const score = form.get('score');
    const request = { bidder, question: code, score: score === null ? null : Number(score),
                      rationale: String(form.get('moderation-rationale') || '') };
    const result = await session.moderate(request);
    if (!result.ok) {
      renderModerateAnswer(ctx, overview, bidder, code, result.errors, request);
      return focusErrors();
    }
    renderModerateAnswer(ctx, overview, bidder, code, [], null,
                         `Recorded: ${result.moderated.score} for ${bidder}, ${code}.`);
    document.getElementById('moderate-note')?.setAttribute('tabindex', '-1');
    document.getElementById('moderate-note')?.focus();
    return undefined;
  });
  return undefined;
}
