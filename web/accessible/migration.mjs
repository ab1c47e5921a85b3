// The migration review pages: an assessment file made with an earlier version of its framework
// shows what changed and what carrying it across gives (#/migrate), then each carried answer is
// reviewed in turn (#/review). An assessment kept in this browser that was made with an earlier
// version is set aside by the core when the page loads and offered the same way
// (#/migrate-kept/<n>). The offer, the carrying and the "needs review" marks all come from the
// core (eqkit::JsonApi::migration_offer, migrate, kept_migration_offer, migrate_kept,
// confirm_review); this file draws them.
import { download, esc, plural } from './html.mjs';

// { bytes, label, offer } for a file the user opened, { file, label, offer } for one kept in
// this browser: until carried across or not.
let pending = null;
let outcome = null;  // what the last migration left behind, shown above the review

// Called when an opened file did not open: true when it goes to the migration page instead.
export function offerMigration(core, bytes, label) {
  const offer = core.migrationOffer(bytes, label);
  if (!offer.ok) return false;
  pending = { bytes, label, offer };
  return true;
}

function itemList(items, text) {
  if (!items.length) return '<p class="nhsuk-body">None.</p>';
  return `<ul class="nhsuk-list nhsuk-list--bullet">${items.map((i) =>
    `<li>${esc(i.code)}: ${esc(text(i))}</li>`).join('')}</ul>`;
}

function scaleWords(scale) {
  return scale.map((l) => `${l.value} ${l.label}`).join('; ');
}

function changes(o) {
  const retitled = o.retitled.length ? `<table class="nhsuk-table">
    <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Items retitled</caption>
    <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="col">Item</th>
      <th class="nhsuk-table__header" scope="col">Was</th>
      <th class="nhsuk-table__header" scope="col">Now</th></tr></thead>
    <tbody class="nhsuk-table__body">${o.retitled.map((r) => `<tr class="nhsuk-table__row">
      <th class="nhsuk-table__header" scope="row">${esc(r.code)}</th>
      <td class="nhsuk-table__cell">${esc(r.old_title)}</td>
      <td class="nhsuk-table__cell">${esc(r.new_title)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="nhsuk-body">None.</p>';
  return `<h2 class="nhsuk-heading-m">What changed</h2>
    <h3 class="nhsuk-heading-s">Added (${o.added.length})</h3>${itemList(o.added, (i) => i.title)}
    <h3 class="nhsuk-heading-s">Removed (${o.removed.length})</h3>
    ${itemList(o.removed, (i) => i.title)}
    <h3 class="nhsuk-heading-s">Retitled (${o.retitled.length})</h3>${retitled}
    <h3 class="nhsuk-heading-s">Scale</h3>
    <p class="nhsuk-body" id="scale-change">${o.rescaled ? `Changed: was
      ${esc(scaleWords(o.old_scale))}; now ${esc(scaleWords(o.new_scale))}.` : 'The same.'}</p>`;
}

function notCarried(list) {
  if (!list.length) return '';
  return `<div class="nhsuk-warning-callout" id="not-carried">
    <h3 class="nhsuk-warning-callout__label"><span role="text">
      <span class="nhsuk-u-visually-hidden">Important: </span>Not carried
      (${list.length})</span></h3>
    <ul class="nhsuk-list nhsuk-list--bullet">${list.map((n) =>
      `<li>${esc(n.code)}: ${esc(n.reason)}</li>`).join('')}</ul></div>`;
}

// On the start page: each assessment kept in this browser that was made with an earlier version
// of its framework, with a link to its offer.
export function keptOffers(state) {
  const kept = state.earlier_versions || [];
  if (!kept.length) return '';
  return `<div class="nhsuk-warning-callout" id="kept-earlier">
    <h2 class="nhsuk-warning-callout__label"><span role="text">
      <span class="nhsuk-u-visually-hidden">Important: </span>${kept.length === 1 ?
      'An assessment kept in this browser needs carrying across' :
      `${kept.length} assessments kept in this browser need carrying across`}</span></h2>
    <p>It was made with an earlier version of its framework, so it was set aside, unchanged,
      rather than opened.</p>
    <ul class="nhsuk-list">${kept.map((k, i) => `<li><a href="#/migrate-kept/${i}">See what
      changed and carry ${kept.length === 1 ? 'it' : `assessment ${i + 1}`} across</a></li>`)
      .join('')}</ul></div>`;
}

// Carrying it across replaces the assessment open in this browser: say so first.
function replaces(ui) {
  const state = ui.core.state();
  if (!state.open) return '';
  const title = ui.model(state.framework).framework.short_title;
  return `<div class="nhsuk-warning-callout"><h2 class="nhsuk-warning-callout__label">
    <span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>You have an
    assessment in progress</span></h2><p>Carrying this one across replaces your
    ${esc(title)} assessment in this browser. <a href="#/results">Download it first</a> to
    keep a copy.</p></div>`;
}

function offerIntro(o) {
  const kept = pending.file !== undefined;
  return `<p class="nhsuk-body">${esc(pending.label)} was made with version
      ${esc(o.from.version)}. This browser has version ${esc(o.to.version)}. Carrying your
      answers across marks each one "needs review" until you confirm it, and nothing is left
      behind without being listed here. ${kept ?
      'The copy kept in this browser is not changed, and stays kept there.' :
      'The file you opened is not changed.'}</p>${kept ? `
    <button class="nhsuk-button nhsuk-button--secondary" type="button" id="download-kept">
      Download it as it is (version ${esc(o.from.version)})</button>` : ''}`;
}

function renderOffer(ui) {
  const { core, show, heading, backLink } = ui;
  if (!pending) {
    location.hash = '#/';
    return;
  }
  const o = pending.offer;
  show(`A new version of ${o.to.title} is available`, `${backLink('#/', 'Cancel')}
    ${heading(`A new version of ${esc(o.to.title)} is available`)}
    ${offerIntro(o)}
    ${changes(o)}
    <h2 class="nhsuk-heading-m">Your answers</h2>
    <p class="nhsuk-body">Answers go to the item with the same code, or to the item a mapping
      says is the same.</p>
    <h3 class="nhsuk-heading-s">Carried, to review (${o.carried.length})</h3>
    ${itemList(o.carried, (c) => (c.by === 'mapping' ?
      `${c.title} (from ${c.from_code}, by mapping ${c.mapping})` : c.title))}
    ${notCarried(o.not_carried)}
    ${replaces(ui)}
    <form id="migrate-form" novalidate>
      <button class="nhsuk-button" type="submit">Carry it across</button>
    </form>`);
  const file = pending.file;
  document.getElementById('download-kept')?.addEventListener('click', () => {
    download(core.keptBytes(file), `assessment-version-${o.from.version}.json`,
             'application/json');
  });
  document.getElementById('migrate-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = file !== undefined ? await core.migrateKept(file) :
      await core.migrate(pending.bytes, pending.label);
    if (!result.ok) {
      show('There is a problem', `${heading('There is a problem')}
        <p class="nhsuk-body">${esc(result.errors.join(' '))}</p>`, { error: true });
      return;
    }
    outcome = { label: pending.label, carried: result.needs_review.length,
                not_carried: result.not_carried };
    pending = null;
    location.hash = '#/review';
  });
}

function answerRows(task, saved) {
  const rows = [['Score', task.score === null ? 'Not scored' :
    `${task.score} – ${task.score_label}`], ['Narrative', saved.narrative || 'None']];
  return `<dl class="nhsuk-summary-list">${rows.map(([k, v]) => `<div class="nhsuk-summary-list__row">
    <dt class="nhsuk-summary-list__key">${esc(k)}</dt>
    <dd class="nhsuk-summary-list__value">${esc(v)}</dd></div>`).join('')}</dl>`;
}

function renderReview(ui, code) {
  const { core, show, heading, backLink, model } = ui;
  const state = core.state();
  if (!state.open) {
    location.hash = '#/';
    return;
  }
  const m = model(state.framework);
  const left = state.results.tasks.filter((t) => t.needs_review);
  const done = outcome ? `<div class="nhsuk-inset-text" role="status">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      <p class="nhsuk-body">${esc(outcome.label)}: ${esc(plural(outcome.carried, 'answer'))}
        carried across. It is saved in this browser; download it from the results page to keep
        a copy.</p></div>${notCarried(outcome.not_carried)}` : '';
  if (!left.length) {
    show('Carried answers reviewed', `${backLink('#/tasks', 'Back to all items')}
      ${heading('Every carried answer is reviewed')}${done}
      <p class="nhsuk-body"><a href="#/tasks">Go to your assessment</a></p>`);
    return;
  }
  const task = left.find((t) => t.item === code) || left[0];
  const at = left.indexOf(task);
  const next = left[(at + 1) % left.length];
  const page = m.pages.find((p) => p.item === task.item);
  const saved = state.assessment.answers.find((a) => a.item === task.item) || {};
  show(`Review ${page.heading}`, `${backLink('#/tasks', 'Back to all items')}
    ${done}
    <span class="nhsuk-caption-l">Carried answer ${at + 1} of ${left.length} to review</span>
    ${heading(esc(page.heading))}
    <p class="nhsuk-body">Check this answer against the item's wording in the new version.</p>
    ${answerRows(task, saved)}
    <form id="review-form" novalidate>
      <div class="nhsuk-button-group">
        <button class="nhsuk-button" type="submit">Confirm and go to the next</button>
        <a class="nhsuk-link" href="#/item/${esc(task.item)}">Change this answer</a>
        ${left.length > 1 ? `<a class="nhsuk-link" href="#/review/${esc(next.item)}">Skip
          for now</a>` : ''}
      </div>
    </form>`);
  document.getElementById('review-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await core.confirmReview(task.item);
    if (!result.ok) {
      show('There is a problem', `${heading('There is a problem')}
        <p class="nhsuk-body">${esc(result.error)}</p>`, { error: true });
      return;
    }
    outcome = null;
    const target = left.length > 1 ? `#/review/${next.item}` : '#/review/done';
    if (location.hash === target) renderReview(ui, next.item); else location.hash = target;
  });
}

// The offer for the n-th assessment kept from an earlier version (state's earlier_versions).
function renderKeptOffer(ui, n) {
  const { core, show, heading, backLink } = ui;
  const kept = (core.state().earlier_versions || [])[n];
  if (!kept) {
    location.hash = '#/';
    return;
  }
  const offer = core.keptMigrationOffer(kept.file);
  if (!offer.ok) {
    show('There is a problem', `${backLink('#/')}${heading('There is a problem')}
      <p class="nhsuk-body">The assessment kept in this browser cannot be carried across:</p>
      <ul class="nhsuk-list nhsuk-list--bullet">${offer.errors.map((e) =>
        `<li>${esc(e)}</li>`).join('')}</ul>`, { error: true });
    return;
  }
  pending = { file: kept.file, label: 'The assessment kept in this browser', offer };
  renderOffer(ui);
}

export function routeMigration(hash, ui) {
  if (hash === '#/migrate') return renderOffer(ui);
  const kept = hash.match(/^#\/migrate-kept\/(\d+)$/);
  if (kept) return renderKeptOffer(ui, Number(kept[1]));
  const review = hash.match(/^#\/review(?:\/([A-Za-z0-9._-]+))?$/);
  if (review) return renderReview(ui, review[1] || '');
  return undefined;
}
