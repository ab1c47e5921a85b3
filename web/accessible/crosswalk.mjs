// The item page's linked items: the items other frameworks link to this one (the crosswalk, from
// the core's mapping files), why, whether the link is official, and the evidence given there,
// which one button uses here too. Wording of relationships comes from the core.
import { esc } from './html.mjs';
import { itemEvidence, libraryFor } from './evidence.mjs';

let pageCore = null;  // the core of the page the section was last drawn for
const rejected = new Set();  // answers the user turned down on this visit: "item|assessment"
const NAME_KEY = 'eqkit-accepted-by';

function evidenceOf(lib, ref) {
  const item = lib.opened.ok ? lib.item(ref) : null;
  return item && item.ok ? item.evidence : [];
}

function useButton(ref, evidence) {
  return `<li>${esc(evidence.title)}
    <form class="crosswalk-use" data-ref="${esc(ref)}" data-evidence="${esc(evidence.id)}" novalidate>
      <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">Use
        <span class="nhsuk-u-visually-hidden">"${esc(evidence.title)}"</span> here too</button>
    </form></li>`;
}

// Answers given for the linked item in the workspace, each with Accept and Reject: nothing is
// copied until the user accepts (A), and a rejected one (R) is not shown again on this visit.
function answerEntries(answers, ref) {
  const open = answers.filter((a) => !a.carried && !rejected.has(`${a.item}|${a.assessment_id}`));
  if (!open.length) return '';
  return `<p class="nhsuk-body-s">Answers given there:</p><ul class="nhsuk-list">${open.map((a) => `
    <li class="crosswalk-answer" data-ref="${esc(ref)}" data-key="${esc(`${a.item}|${a.assessment_id}`)}"
      data-suggestion="${esc(JSON.stringify(a))}">
      <p class="nhsuk-body-s">From ${esc(a.from)}: ${a.score === null ? 'no score' :
        `score ${a.score}`}${a.narrative ? ` – ${esc(a.narrative)}` : ''}</p>
      <div class="nhsuk-button-group">
        <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button"
          data-action="accept" aria-keyshortcuts="A">Accept<span class="nhsuk-u-visually-hidden">
          the answer from ${esc(a.from)}</span></button>
        <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button"
          data-action="reject" aria-keyshortcuts="R">Reject<span class="nhsuk-u-visually-hidden">
          the answer from ${esc(a.from)}</span></button></div></li>`).join('')}</ul>`;
}

function linkEntry(link, ref, lib, hereIds, answers = []) {
  const there = evidenceOf(lib, `${link.framework}:${link.code}`)
    .filter((e) => !hereIds.has(e.id));
  const ours = link.official ? '' :
    '<p class="nhsuk-body-s">This link is EqualityKit\'s own mapping, not an official one.</p>';
  const unconfirmed = link.confirmed ? '' : `<p class="nhsuk-body-s"><strong
    class="nhsuk-tag nhsuk-tag--yellow">Unconfirmed</strong> ${esc(link.note)}</p>`;
  const why = link.rationale ?
    `<p class="nhsuk-body-s">Why they are linked: ${esc(link.rationale)}</p>` : '';
  const given = there.length ? `<p class="nhsuk-body-s">Evidence given there:</p>
    <ul class="nhsuk-list nhsuk-list--bullet">${there.map((e) => useButton(ref, e)).join('')}</ul>` : '';
  const theirs = answerEntries(answers.filter((a) => a.item === `${link.framework}:${link.code}`),
    ref);
  return `<li class="eqkit-linked-item"><h3 class="nhsuk-heading-s">This item
    ${esc(link.relationship_words)} ${esc(link.framework_title)} ${esc(link.code)}:
    ${esc(link.title)}</h3>${ours}${unconfirmed}${why}${given}${theirs}</li>`;
}

export function linkedItems(core, framework, code, note = '') {
  pageCore = core;
  const walk = core.crosswalk(framework, code);
  if (!walk.links || walk.links.length === 0) return '';
  const lib = libraryFor(core);
  const ref = `${framework}:${code}`;
  const hereIds = new Set(evidenceOf(lib, ref).map((e) => e.id));
  const listed = lib.opened.ok ? lib.json('eqkit_library_suggestions', ['string'], [ref]) : null;
  const answers = listed && listed.ok ? core.answerSuggestions(code, listed).suggestions : [];
  const nameField = answers.length ? `<div class="nhsuk-form-group">
      <label class="nhsuk-label" for="accepted-by">Your name</label>
      <div class="nhsuk-hint" id="accepted-by-hint">Recorded with each answer you accept, with
        today's date and where it came from. On an answer, press A to accept it or R to reject
        it.</div>
      <input class="nhsuk-input nhsuk-u-width-two-thirds" id="accepted-by" type="text"
        autocomplete="name" aria-describedby="accepted-by-hint"
        value="${esc(localStorage.getItem(NAME_KEY) || '')}"></div>` : '';
  return `<section id="item-links" aria-labelledby="item-links-heading">
    <h2 class="nhsuk-heading-m" id="item-links-heading">Linked items in other frameworks</h2>
    ${note ? `<p class="nhsuk-body" role="status" id="item-links-note">${esc(note)}</p>` : ''}
    ${nameField}
    <ul class="nhsuk-list">${walk.links.map((l) => linkEntry(l, ref, lib, hereIds, answers))
      .join('')}</ul>
  </section>`;
}

// Accept or reject a suggested answer: a button, or one key (A or R) on the answer.
async function decide(li, action) {
  const ref = li.dataset.ref;
  const code = ref.slice(ref.indexOf(':') + 1);
  let note;
  if (action === 'accept') {
    const by = document.getElementById('accepted-by')?.value || '';
    localStorage.setItem(NAME_KEY, by);
    const result = await pageCore.acceptAnswer(code, JSON.parse(li.dataset.suggestion), by);
    note = result.ok ? 'Answer accepted: it is copied into this item with where it came from, ' +
      'and marked "needs review" until you confirm it.' : result.error;
    if (result.ok) {
      document.dispatchEvent(new CustomEvent('eqkit-answer-accepted', { detail: { code, note } }));
      return;
    }
  } else {
    rejected.add(li.dataset.key);
    note = 'Answer rejected: nothing was copied.';
  }
  const framework = ref.slice(0, ref.indexOf(':'));
  document.getElementById('item-links').outerHTML = linkedItems(pageCore, framework, code, note);
  const shown = document.getElementById('item-links-note');
  shown?.setAttribute('tabindex', '-1');
  shown?.focus();
}

document.addEventListener('click', (event) => {
  const button = event.target.closest?.('.crosswalk-answer button[data-action]');
  if (button && pageCore) decide(button.closest('.crosswalk-answer'), button.dataset.action);
});

document.addEventListener('keydown', (event) => {
  const li = event.target.closest?.('.crosswalk-answer');
  if (!li || !pageCore || event.ctrlKey || event.altKey || event.metaKey) return;
  const key = event.key.toLowerCase();
  if (key !== 'a' && key !== 'r') return;
  event.preventDefault();
  decide(li, key === 'a' ? 'accept' : 'reject');
});

// "Use here too": attaches the evidence to this item, then redraws both sections.
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!form.classList?.contains('crosswalk-use') || !pageCore) return;
  event.preventDefault();
  const ref = form.dataset.ref;
  const result = await libraryFor(pageCore).attach(form.dataset.evidence, ref);
  const note = result.ok ? 'The evidence is attached to this item too.' :
    result.errors.map((e) => e.message).join(' ');
  const [framework, code] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
  document.getElementById('item-evidence').outerHTML = itemEvidence(pageCore, framework, code);
  document.getElementById('item-links').outerHTML = linkedItems(pageCore, framework, code, note);
  const shown = document.getElementById('item-links-note');
  shown?.setAttribute('tabindex', '-1');
  shown?.focus();
});
