// The rating on the results page, for frameworks rated by percentages (CQC): exactly what the
// core's results JSON says (state.results.rating), in NHS.UK patterns. Nothing here works a
// rating out: every number, rule and judgement comes from the WebAssembly core.
import { esc } from './html.mjs';

function tag(fact) {
  return `<strong class="nhsuk-tag nhsuk-tag--yellow">UNCONFIRMED</strong> ${esc(fact.what)}${
    fact.note ? `: ${esc(fact.note)}` : ''}`;
}

function bandNote(band) {
  if (!band || band.confirmed !== false) return '';
  return `<p class="nhsuk-body">${tag({ what: `the ${band.label} band`, note: band.note })}</p>`;
}

function groupResult(g) {
  if (g.percent === null) {
    return g.items === 0 && g.not_applying > 0 ? 'None of it applies to your service (your choice)' :
      'Nothing scored yet';
  }
  return `${g.percent}%: ${g.rating ? esc(g.rating) : 'needs your judgement'}`;
}

function overall(o) {
  const rating = o.rating ? `Overall rating: <strong>${esc(o.rating)}</strong>` :
    o.needs_judgement ? 'Overall rating: <strong>needs your judgement</strong>' :
      'Overall rating: not worked out yet';
  return `<div class="nhsuk-inset-text" id="rating-overall">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      <p class="nhsuk-body-l">${rating}${o.percent !== null ? ` (${o.percent}%)` : ''}</p>
      ${o.rule ? `<p class="nhsuk-body">Rule that gave it: ${esc(o.rule)}</p>` : ''}
      ${o.working ? `<p class="nhsuk-body">Working: ${esc(o.working)}</p>` : ''}
      ${o.unanswered.length ? `<p class="nhsuk-body">Not answered, so taken as no:
        ${esc(o.unanswered.join(', '))}</p>` : ''}
      ${bandNote(o.band)}
    </div>`;
}

function groupTable(g, groupLabel, codes, items, scoreLabels) {
  const rows = codes.map((code) => items.get(code)).filter(Boolean).map((i) => `
      <tr class="nhsuk-table__row">
        <th class="nhsuk-table__header" scope="row">${esc(i.code)}: ${esc(i.title)}</th>
        <td class="nhsuk-table__cell">${i.score === null ? 'Not scored' :
          `${i.score}${scoreLabels.get(i.code) ? ` – ${esc(scoreLabels.get(i.code))}` : ''}`}</td>
      </tr>`).join('');
  return `<table class="nhsuk-table" id="rating-${esc(g.code)}">
      <caption class="nhsuk-table__caption">${esc(groupLabel)} ${esc(g.code)}: ${esc(g.title)} –
        ${groupResult(g)}</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
        <th class="nhsuk-table__header" scope="col">Item</th>
        <th class="nhsuk-table__header" scope="col">Score</th></tr></thead>
      <tbody class="nhsuk-table__body">${rows}</tbody>
      <tfoot><tr class="nhsuk-table__row">
        <th class="nhsuk-table__header" scope="row">Percentage and rating</th>
        <td class="nhsuk-table__cell">${groupResult(g)}</td></tr></tfoot>
    </table>
    ${g.working ? `<p class="nhsuk-body">Working: ${esc(g.working)}</p>` : ''}
    ${bandNote(g.band)}`;
}

function judgements(rating) {
  if (!rating.judgements.length) return '';
  const name = (about) => about === 'overall' ? 'Overall rating' :
    (rating.groups.find((g) => g.code === about) || { title: about }).title;
  const calls = rating.judgements.map((j) => `<li>
      <p class="nhsuk-body"><strong>${esc(name(j.about))}</strong>: ${esc(j.reason)}</p>
      ${j.note ? `<p class="nhsuk-body">Why it is not worked out for you: ${esc(j.note)}</p>` : ''}
      <p class="nhsuk-body">Options: ${esc(j.options.join(', '))}</p>
      ${j.made ? `<p class="nhsuk-body">Your call: ${esc(j.made.rating)}, because
        ${esc(j.made.rationale)}</p>` : ''}
    </li>`).join('');
  const allMade = rating.judgements.every((j) => j.made);
  return `<div class="nhsuk-warning-callout" id="rating-judgements">
      <h3 class="nhsuk-warning-callout__label"><span role="text">
        <span class="nhsuk-u-visually-hidden">Important: </span>${allMade ?
          'Your judgements, as recorded' : 'Needs your judgement'}</span></h3>
      <ul class="nhsuk-list">${calls}</ul>
    </div>`;
}

// The rating section of the results page. m is the framework's form model; tasks the results'
// tasks (for each score's wording).
export function ratingSection(rating, m, tasks) {
  if (!rating) return '';
  const items = new Map(rating.items.map((i) => [i.code, i]));
  const scoreLabels = new Map((tasks || []).map((t) => [t.item, t.score_label]));
  const groupCodes = new Map(m.groups.map((g) => [g.code, g.items]));
  const method = rating.method;
  return `<section id="rating" aria-labelledby="rating-heading">
    <h2 class="nhsuk-heading-m" id="rating-heading">Rating</h2>
    <p class="nhsuk-body">Method: ${esc(method.title)} (${method.applies_from ?
      `applies from ${esc(method.applies_from)}` : 'no applies-from date given'})</p>
    ${overall(rating.overall)}
    ${rating.groups.map((g) => groupTable(g, m.framework.group_label, groupCodes.get(g.code) || [],
      items, scoreLabels)).join('')}
    ${method.steps.length ? `<h3 class="nhsuk-heading-s">How this method works</h3>
      <ol class="nhsuk-list nhsuk-list--number">${method.steps.map((s) =>
        `<li>${esc(s)}</li>`).join('')}</ol>` : ''}
    ${rating.rounding ? `<p class="nhsuk-body">Rounding: ${esc(rating.rounding)}</p>` : ''}
    ${rating.rules_applied.length ? `<h3 class="nhsuk-heading-s">Rules applied, in order</h3>
      <ol class="nhsuk-list nhsuk-list--number">${rating.rules_applied.map((s) =>
        `<li>${esc(s)}</li>`).join('')}</ol>` : ''}
    ${judgements(rating)}
    ${rating.unconfirmed.length ? `<h3 class="nhsuk-heading-s">Facts this rating rests on that
      are unconfirmed</h3>
      <ul class="nhsuk-list" id="rating-unconfirmed">${rating.unconfirmed.map((f) =>
        `<li>${tag(f)}</li>`).join('')}</ul>` : ''}
  </section>`;
}
