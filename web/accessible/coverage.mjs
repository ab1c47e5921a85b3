// The coverage page: for a chosen framework, which items have evidence (or an answer) in the
// workspace directly, only through the crosswalk, or none. The core works it out
// (eqkit::coverage, through the library's JSON call); this file draws the table.
import { esc } from './html.mjs';
import { libraryFor } from './evidence.mjs';

function rows(items) {
  return items.map((i) => `<tr class="nhsuk-table__row">
    <th class="nhsuk-table__header" scope="row">${esc(i.code)}: ${esc(i.title)}</th>
    <td class="nhsuk-table__cell">${i.kind === 'none' ?
      '<strong class="nhsuk-tag nhsuk-tag--red">None</strong>' : esc(i.kind_words)}</td>
    <td class="nhsuk-table__cell">${[
      ...i.evidence.map((t) => `Evidence: ${esc(t)}`),
      i.answered ? 'Answered in an assessment of this framework' : '',
      ...i.through.map((t) => `Linked: ${esc(t)}`)].filter(Boolean).join('<br>') || '–'}</td>
  </tr>`).join('');
}

export function renderCoverage(ui, framework = '') {
  const { core, show, heading, backLink } = ui;
  const frameworks = core.frameworks().frameworks;
  const chosen = framework || (core.state().open ? core.state().framework : frameworks[0].id);
  const lib = libraryFor(core);
  const c = lib.opened.ok ? lib.json('eqkit_library_coverage', ['string'], [chosen]) : null;
  const options = frameworks.map((f) => `<option value="${esc(f.id)}"
    ${f.id === chosen ? 'selected' : ''}>${esc(f.title)}</option>`).join('');
  const table = !c ? '<p class="nhsuk-body">Your evidence library could not be opened.</p>' :
    !c.ok ? `<p class="nhsuk-body">${esc(c.errors.map((e) => e.message).join(' '))}</p>` : `
    <p class="nhsuk-body" id="coverage-counts">${c.counts.direct} with evidence here,
      ${c.counts.crosswalk} through the crosswalk only, ${c.counts.none} with none.</p>
    <table class="nhsuk-table" id="coverage-table">
      <caption class="nhsuk-table__caption">Coverage of ${esc(c.framework_title)}</caption>
      <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
        <th class="nhsuk-table__header" scope="col">Item</th>
        <th class="nhsuk-table__header" scope="col">Coverage</th>
        <th class="nhsuk-table__header" scope="col">Where</th></tr></thead>
      <tbody class="nhsuk-table__body">${rows(c.items)}</tbody></table>`;
  show('Coverage', `${backLink('#/evidence', 'Back to your evidence library')}
    ${heading('Coverage')}
    <p class="nhsuk-body">For a framework: the items with evidence or an answer here, those with
      some only through items the crosswalk links them to, and those with none. Nothing is
      copied.</p>
    <form id="coverage-form" novalidate><div class="nhsuk-form-group">
      <label class="nhsuk-label" for="coverage-framework">Framework</label>
      <select class="nhsuk-select" id="coverage-framework" name="framework">${options}</select>
    </div><button class="nhsuk-button nhsuk-button--secondary" type="submit">Show
      coverage</button></form>
    ${table}`);
  document.getElementById('coverage-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = new FormData(event.target).get('framework');
    location.hash = `#/coverage/${encodeURIComponent(picked)}`;
  });
}
