// The item page's linked items: the items other frameworks link to this one (the crosswalk, from
// the core's mapping files), why, whether the link is official, and the evidence given there,
// which one button uses here too. Wording of relationships comes from the core.
import { esc } from './html.mjs';
import { itemEvidence, libraryFor } from './evidence.mjs';

let pageCore = null;  // the core of the page the section was last drawn for

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

function linkEntry(link, ref, lib, hereIds) {
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
  return `<li class="eqkit-linked-item"><h3 class="nhsuk-heading-s">This item
    ${esc(link.relationship_words)} ${esc(link.framework_title)} ${esc(link.code)}:
    ${esc(link.title)}</h3>${ours}${unconfirmed}${why}${given}</li>`;
}

export function linkedItems(core, framework, code, note = '') {
  pageCore = core;
  const walk = core.crosswalk(framework, code);
  if (!walk.links || walk.links.length === 0) return '';
  const lib = libraryFor(core);
  const ref = `${framework}:${code}`;
  const hereIds = new Set(evidenceOf(lib, ref).map((e) => e.id));
  return `<section id="item-links" aria-labelledby="item-links-heading">
    <h2 class="nhsuk-heading-m" id="item-links-heading">Linked items in other frameworks</h2>
    ${note ? `<p class="nhsuk-body" role="status" id="item-links-note">${esc(note)}</p>` : ''}
    <ul class="nhsuk-list">${walk.links.map((l) => linkEntry(l, ref, lib, hereIds)).join('')}</ul>
  </section>`;
}

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
