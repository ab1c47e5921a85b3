// Bid import in the accessible face: a bidder's responses file and, optionally, their evidence
// pack, read in this browser; the core checks the responses, verifies the pack and says plainly
// whether it is verified or FLAGGED (with every reason). A flagged bid is recorded and shown as
// flagged, never silently accepted.
import { esc } from './html.mjs';
import { field, focusErrors, refusal, tenderNav } from './tender_page.mjs';

function bidCard(bid) {
  const pack = bid.pack;
  const tag = bid.flagged ? '<strong class="nhsuk-tag nhsuk-tag--red">FLAGGED</strong>' :
    pack ? '<strong class="nhsuk-tag nhsuk-tag--green">Verified</strong>' :
      '<strong class="nhsuk-tag nhsuk-tag--grey">No evidence pack</strong>';
  const problems = pack && pack.problems.length ? `<p class="nhsuk-body">Why:</p>
    <ul class="nhsuk-list nhsuk-list--bullet">${pack.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : '';
  const linked = pack && pack.linked.length ? `<details class="nhsuk-details"><summary
    class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Evidence in the pack
    for the items the answers cite (${pack.linked.length})</span></summary>
    <div class="nhsuk-details__text"><ul>${pack.linked.map((l) => `<li>${esc(l.question)}, cites
      ${esc(l.cite)}: ${esc(l.title)} (${esc(l.where)})</li>`).join('')}</ul></div></details>` : '';
  const inner = `<p class="nhsuk-body">${tag} ${esc(bid.verification)}</p>${problems}
    <p class="nhsuk-body-s">Received ${esc(bid.received)}${bid.late ?
      ' – <strong>late: after the deadline</strong>' : ''}.</p>${linked}`;
  if (bid.flagged) {
    return `<div class="nhsuk-warning-callout eqkit-bid"><h3 class="nhsuk-warning-callout__label">
      <span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>${esc(bid.bidder)}:
      FLAGGED</span></h3>${inner}</div>`;
  }
  return `<div class="nhsuk-card eqkit-bid"><div class="nhsuk-card__content">
    <h3 class="nhsuk-card__heading nhsuk-heading-s">${esc(bid.bidder)}</h3>${inner}</div></div>`;
}

function errorFor(errors, places) {
  return errors.filter((e) => places.includes(e.place) || places.includes(e.file))
    .map((e) => e.message).join(' ');
}

export function renderBids(ctx, overview, _m, errors = [], values = {}, added = null) {
  const { session } = ctx;
  const bids = overview.bids.length ? overview.bids.map(bidCard).join('') :
    '<p class="nhsuk-body">No bids yet.</p>';
  const result = added ? `<div class="nhsuk-inset-text" id="bid-result" tabindex="-1" role="status">
    <span class="nhsuk-u-visually-hidden">Information: </span>
    <p>Bid from ${esc(added.bidder)} added. ${esc(added.verification)}</p></div>` : '';
  const form = overview.published ? `<h2 class="nhsuk-heading-m">Add a bid</h2>
    <form id="bid-form" novalidate>
      ${field({ id: 'bidder', label: 'Bidder', width: 20, value: values.bidder || '',
                hint: 'The organisation\'s name, as it appears in its responses file',
                error: errorFor(errors, ['bidder', '/bidder']) })}
      ${field({ id: 'responses', label: 'Responses file (.json)', type: 'file',
                accept: '.json,application/json',
                hint: 'The bidder\'s answers (eqkit-tender-responses/1). Read in this browser, not sent anywhere.',
                error: errorFor(errors, ['responses']) || errors.filter((e) => !['bidder', '/bidder', 'pack']
                  .includes(e.place)).map((e) => e.message).join(' ') })}
      ${field({ id: 'pack', label: 'Evidence pack (.zip, optional)', type: 'file',
                accept: '.zip,application/zip',
                hint: 'An EqualityKit evidence pack. It is verified file by file when the bid is added.',
                error: errorFor(errors, ['pack']) })}
      <button class="nhsuk-button" type="submit">Add the bid</button></form>` :
    `<p class="nhsuk-body">Bids can be added once the tender is published
      (<a href="#/tender/setup">set-up</a>).</p>`;
  ctx.show('Bids', `${tenderNav(overview, 'bids')}
    ${refusal(ctx, errors, { '': 'responses', bidder: 'bidder', '/bidder': 'bidder', pack: 'pack' })}
    ${ctx.heading('Bids')}${result}
    ${bids}${form}`, { error: errors.length > 0 });
  if (added) document.getElementById('bid-result')?.focus();
  document.getElementById('bid-form')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const bidder = String(new FormData(event.target).get('bidder') || '');
    const responses = document.getElementById('responses').files[0];
    const pack = document.getElementById('pack').files[0] || null;
    if (!responses) {
      renderBids(ctx, overview, null, [{ place: 'responses', message: 'Select the bidder\'s responses file' }],
                 { bidder });
      return focusErrors();
    }
    const answer = await session.addBid(bidder, responses, pack);
    if (!answer.ok) {
      renderBids(ctx, overview, null, answer.errors, { bidder });
      return focusErrors();
    }
    return renderBids(ctx, session.overview(), null, [], {}, { ...answer.bid, flagged: answer.flagged });
  });
}
