// Tender results in the accessible face, as `eqkit tender results --json` gives them
// (TenderApi::results): rank, weighted total with its working, pass or fail with each threshold
// failure, the bid's pack verification and the assessment summary per bidder; the HTML report and
// the CSV download as the CLI writes them.
import { download, esc } from './html.mjs';
import { tenderNav } from './tender_page.mjs';

const number = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, ''));

function outcome(b) {
  if (!b.complete) return '<strong class="nhsuk-tag nhsuk-tag--grey">Not complete</strong>';
  return b.passed ? '<strong class="nhsuk-tag nhsuk-tag--green">Passed</strong>' :
    '<strong class="nhsuk-tag nhsuk-tag--red">Failed</strong>';
}

function rankingTable(results) {
  const rows = results.bidders.map((b) => `<tr class="nhsuk-table__row">
    <th class="nhsuk-table__header" scope="row">${esc(b.name)}</th>
    <td class="nhsuk-table__cell">${b.rank === null ? 'Not ranked' : b.rank}</td>
    <td class="nhsuk-table__cell eqkit-total">${number(b.total)}</td>
    <td class="nhsuk-table__cell">${outcome(b)}${b.bid && b.bid.flagged ?
      '<br><strong>FLAGGED evidence pack</strong>' : ''}</td></tr>`).join('');
  return `<table class="nhsuk-table" id="ranking"><caption class="nhsuk-table__caption">Ranking</caption>
    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">${['Bidder', 'Rank',
      'Weighted total', 'Outcome'].map((h) => `<th class="nhsuk-table__header" scope="col">${h}</th>`)
      .join('')}</tr></thead><tbody class="nhsuk-table__body">${rows}</tbody></table>`;
}

function bidderSection(b) {
  const failures = b.failures.length ? `<h4 class="nhsuk-heading-xs">Why the bid failed</h4>
    <ul class="nhsuk-list nhsuk-list--bullet">${b.failures.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` : '';
  const rows = b.questions.map((q) => `<tr class="nhsuk-table__row">
    <th class="nhsuk-table__header" scope="row">${esc(q.code)}</th>
    <td class="nhsuk-table__cell">${q.moderated === null ? 'Not moderated' : number(q.moderated)}</td>
    <td class="nhsuk-table__cell">${esc(q.arithmetic || (q.pass_fail ? 'Pass/fail' : ''))}</td>
    <td class="nhsuk-table__cell">${q.failed ? `<strong>Failed:</strong> ${esc(q.failure)}` : 'Met'}</td></tr>`)
    .join('');
  return `<h3 class="nhsuk-heading-s">${esc(b.name)}</h3>
    <p class="nhsuk-body">Total: ${esc(b.arithmetic || number(b.total))}. ${outcome(b)}</p>
    ${b.bid ? `<p class="nhsuk-body">${esc(b.bid.verification)}</p>` : ''}
    ${failures}
    <table class="nhsuk-table"><caption class="nhsuk-table__caption">${esc(b.name)}: each question</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">${['Question', 'Moderated score',
        'Weighted', 'Thresholds'].map((h) => `<th class="nhsuk-table__header" scope="col">${h}</th>`)
        .join('')}</tr></thead><tbody class="nhsuk-table__body">${rows}</tbody></table>
    <h4 class="nhsuk-heading-xs">Assessment summary</h4>
    <p class="nhsuk-body eqkit-narrative">${esc(b.summary || 'Not yet moderated.')}</p>`;
}

export function renderResults(ctx, overview) {
  const { session } = ctx;
  const results = session.results();
  if (!results.ok) {
    ctx.show('Results', `${tenderNav(overview, 'results')}${ctx.heading('Results')}
      <ul class="nhsuk-list nhsuk-list--bullet">${results.errors.map((e) => `<li>${esc(e.message)}</li>`)
        .join('')}</ul>`);
    return;
  }
  const facts = results.unconfirmed.length ? `<h2 class="nhsuk-heading-m">Facts not yet confirmed</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">${results.unconfirmed.map((f) =>
      `<li><strong>UNCONFIRMED:</strong> ${esc(f.what)}. ${esc(f.note)}</li>`).join('')}</ul>` : '';
  ctx.show('Results', `${tenderNav(overview, 'results')}${ctx.heading('Results')}
    <p class="nhsuk-body">Moderation: ${esc(results.method)}. Weighted score = moderated score ÷ the
      scale's maximum × the question's weight; only complete bids that passed are ranked.</p>
    ${rankingTable(results)}
    <h2 class="nhsuk-heading-m">Each bidder</h2>
    ${results.bidders.map(bidderSection).join('')}
    ${facts}
    <h2 class="nhsuk-heading-m">Download</h2>
    <div class="nhsuk-button-group">
      <button class="nhsuk-button nhsuk-button--secondary" type="button" id="download-report">
        Download the report (HTML)</button>
      <button class="nhsuk-button nhsuk-button--secondary" type="button" id="download-csv">
        Download as a spreadsheet (CSV)</button></div>`);
  document.getElementById('download-report').addEventListener('click', () =>
    download(session.reportHtml(), `${results.tender}-results.html`, 'text/html'));
  document.getElementById('download-csv').addEventListener('click', () =>
    download(session.resultsCsv(), `${results.tender}-results.csv`, 'text/csv'));
}
