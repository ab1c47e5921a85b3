// Tender evaluation in the accessible face (issue #6): the session over eqkit::TenderApi (through
// wasm/tender_exports.cpp), the tender's own navigation, the list of tenders in this browser and
// the routes to each page. Every rule, refusal and figure comes from the WebAssembly core; these
// files only move JSON and files and lay the answers out as NHS.UK pages.
//
// A tender is a folder in the browser's own storage (/persist/tenders/<reference>, IndexedDB);
// an evaluator's own scoresheet is kept beside it (/persist/tender-sheets/<reference>/), and an
// evaluator's copy handed out by the lead in /persist/tender-copies/<name> (opened for scoring
// only; its reference in this page is "copy/<name>"). Uploaded
// files go to a work folder in memory (/tmp/tender-upload) for the core to read and copy.
import { esc } from './html.mjs';
import { CoreSession } from './session.mjs';
import { persist } from './storage.mjs';
import { renderCreate, renderSetup, renderConflicts } from './tender_setup.mjs';
import { renderBids } from './tender_bids.mjs';
import { renderScoring, renderScoreAnswer } from './tender_scoring.mjs';
import { renderModeration, renderModerateAnswer } from './tender_moderation.mjs';
import { renderResults } from './tender_results.mjs';

const TENDERS = '/persist/tenders';
const SHEETS = '/persist/tender-sheets';
const COPIES = '/persist/tender-copies';
const COPY = 'copy/';
const UPLOADS = '/tmp/tender-upload';
const CURRENT_KEY = 'eqkit-tender';

function makeDirs(fs, path) {
  let at = '';
  for (const part of path.split('/').filter(Boolean)) {
    at += '/' + part;
    if (!fs.analyzePath(at).exists) fs.mkdir(at);
  }
}

// The audit log's "when": this computer's clock, in UTC, to the second.
export function now() { return new Date().toISOString().replace(/\.\d+Z$/, 'Z'); }

export class TenderSession extends CoreSession {
  constructor(core) {
    super(core, 'eqkit_tender_create_session');
    this.opened = null;  // the reference of the tender open in the core, if any
    makeDirs(this.module.FS, TENDERS);
    makeDirs(this.module.FS, SHEETS);
    makeDirs(this.module.FS, COPIES);
    makeDirs(this.module.FS, UPLOADS);
  }

  // Flushes the file system to IndexedDB; a failure is shown on every page (core.storageError).
  persist() {
    return persist(this.core, 'to this tender', 'Download the results to keep a copy.');
  }

  // ---- which tender -----------------------------------------------------------------------

  list(dir = TENDERS) {
    return this.module.FS.readdir(dir).filter((n) => n !== '.' && n !== '..').sort();
  }

  copies() { return this.list(COPIES); }

  current() { return localStorage.getItem(CURRENT_KEY) || ''; }

  // Opens the chosen tender in the core (once); answers the overview or the core's refusal.
  overview() {
    const reference = this.current();
    if (!reference) return null;
    if (this.opened !== reference) {
      const opened = reference.startsWith(COPY) ?
        this.json('eqkit_tender_open_copy', ['string'], [`${COPIES}/${reference.slice(COPY.length)}`]) :
        this.json('eqkit_tender_open', ['string'], [`${TENDERS}/${reference}`]);
      if (!opened.ok) return opened;
      this.opened = reference;
      return opened;
    }
    return this.json('eqkit_tender_overview');
  }

  choose(reference) {
    localStorage.setItem(CURRENT_KEY, reference);
    this.opened = null;
  }

  questionSets() { return this.json('eqkit_tender_question_sets'); }

  // An evaluator's copy from the lead: the core checks it where it was uploaded (so a refusal
  // names the file as the user knows it), then it is kept in this browser and opened.
  async openCopy(file) {
    const result = await this.withUploads([file], ([name]) =>
      this.json('eqkit_tender_open_copy', ['string'], [`${UPLOADS}/${name}`]));
    if (!result.ok) {
      this.opened = null;
      return result;
    }
    const name = `${result.tender}-${result.evaluator}`.replace(/[^A-Za-z0-9_-]+/g, '_') + '.json';
    this.module.FS.writeFile(`${COPIES}/${name}`, new Uint8Array(await file.arrayBuffer()));
    await this.persist();
    this.choose(COPY + name);
    return result;
  }

  // The lead hands out an evaluator's copy: {"ok", "copy", "file_name"}.
  evaluatorCopy(evaluator) {
    return this.json('eqkit_tender_evaluator_copy', ['string', 'string'], [evaluator, now()]);
  }

  async create(request) {
    const reference = request.id || '';
    const result = await this.change('eqkit_tender_create', ['string', 'string', 'string'],
                                     [`${TENDERS}/${reference}`, JSON.stringify(request), now()]);
    if (result.ok) {
      localStorage.setItem(CURRENT_KEY, reference);
      this.opened = reference;
    }
    return result;
  }

  // ---- the lead's changes -----------------------------------------------------------------

  setCriteria(request) {
    return this.change('eqkit_tender_set_criteria', ['string', 'string'],
                       [JSON.stringify(request), now()]);
  }
  publish() { return this.change('eqkit_tender_publish', ['string', 'string'], ['lead', now()]); }
  addEvaluator(name) {
    return this.change('eqkit_tender_add_evaluator', ['string', 'string', 'string'],
                       [name, 'lead', now()]);
  }
  declare(request) {
    return this.change('eqkit_tender_declare', ['string', 'string'], [JSON.stringify(request), now()]);
  }

  // Writes the uploaded files into the work folder under their own names (so the core's messages
  // name them as the user knows them) and runs call there; answers what call answers.
  async withUploads(files, call) {
    const fs = this.module.FS;
    for (const name of fs.readdir(UPLOADS)) {
      if (name !== '.' && name !== '..') fs.unlink(`${UPLOADS}/${name}`);
    }
    const names = [];
    for (const file of files) {
      let name = file.name.replace(/[/\n]/g, '_') || 'file';
      while (names.includes(name)) name = '2-' + name;
      fs.writeFile(`${UPLOADS}/${name}`, new Uint8Array(await file.arrayBuffer()));
      names.push(name);
    }
    fs.chdir(UPLOADS);
    let result;
    try {
      result = call(names);
    } finally {
      fs.chdir('/');
    }
    if (result.ok) await this.persist();
    return result;
  }

  addBid(bidder, responses, pack) {
    return this.withUploads(pack ? [responses, pack] : [responses], ([file, zip]) =>
      this.json('eqkit_tender_add_bid', ['string', 'string'],
                [JSON.stringify({ bidder, who: 'lead', responses: file, pack: zip || null }), now()]));
  }

  importScoresheets(files) {
    return this.withUploads([...files], (names) =>
      this.json('eqkit_tender_import', ['string', 'string'], [names.join('\n'), now()]));
  }

  moderation(bidder, question) {
    return this.json('eqkit_tender_moderation', ['string', 'string'], [bidder, question]);
  }
  moderate(request) {
    return this.change('eqkit_tender_moderate', ['string', 'string'],
                       [JSON.stringify({ ...request, who: 'lead' }), now()]);
  }
  results() { return this.json('eqkit_tender_results'); }
  reportHtml() { return this.call('eqkit_tender_report_html'); }
  resultsCsv() { return this.call('eqkit_tender_results_csv'); }

  // ---- an evaluator's own scoresheet, kept in this browser ---------------------------------

  sheetPath(evaluator) {
    makeDirs(this.module.FS, `${SHEETS}/${this.current()}`);
    return `${SHEETS}/${this.current()}/${encodeURIComponent(evaluator)}.json`;
  }

  sheet(evaluator) {
    const path = this.sheetPath(evaluator);
    return this.module.FS.analyzePath(path).exists ?
      this.module.FS.readFile(path, { encoding: 'utf8' }) : '';
  }

  async keepSheet(evaluator, text) {
    this.module.FS.writeFile(this.sheetPath(evaluator), text);
    await this.persist();
  }

  scoringView(evaluator) {
    return this.json('eqkit_tender_scoring_view', ['string', 'string'],
                     [evaluator, this.sheet(evaluator)]);
  }

  async score(evaluator, request) {
    const result = this.json('eqkit_tender_score', ['string', 'string'],
                             [this.sheet(evaluator) || this.scoringView(evaluator).scoresheet,
                              JSON.stringify(request)]);
    if (result.ok) await this.keepSheet(evaluator, result.scoresheet);
    return result;
  }

  newKey() { return this.json('eqkit_tender_new_key'); }

  async submit(evaluator, secretKey) {
    const sheet = this.sheet(evaluator) || this.scoringView(evaluator).scoresheet;
    const result = this.json('eqkit_tender_submit', ['string', 'string'], [sheet, secretKey]);
    if (result.ok) await this.keepSheet(evaluator, result.scoresheet);
    return result;
  }
}

function renderProblem(ctx, errors) {
  ctx.show('Tender', `${ctx.backLink('#/tender', 'Back to your tenders')}
    ${ctx.heading('This tender could not be opened')}
    <ul class="nhsuk-list nhsuk-list--bullet">${errors.map((e) => `<li>${esc(e.message)}</li>`)
      .join('')}</ul>`);
}

const ROUTES = [
  [/^#\/tender\/setup$/, (c, o) => renderSetup(c, o)],
  [/^#\/tender\/bids$/, (c, o) => renderBids(c, o)],
  [/^#\/tender\/conflicts$/, (c, o) => renderConflicts(c, o)],
  [/^#\/tender\/score$/, (c, o) => renderScoring(c, o, '')],
  [/^#\/tender\/score\/([^/]+)$/, (c, o, m) => renderScoring(c, o, m[1])],
  [/^#\/tender\/score\/([^/]+)\/([^/]+)\/([^/]+)$/, (c, o, m) =>
    renderScoreAnswer(c, o, m[1], m[2], m[3])],
  [/^#\/tender\/moderate$/, (c, o) => renderModeration(c, o)],
  [/^#\/tender\/moderate\/([^/]+)\/([^/]+)$/, (c, o, m) => renderModerateAnswer(c, o, m[1], m[2])],
  [/^#\/tender\/results$/, (c, o) => renderResults(c, o)],
];

let session = null;

export function routeTender(hash, ctx) {
  if (!session) session = new TenderSession(ctx.core);
  const c = { ...ctx, session };
  const open = hash.match(/^#\/tender\/open\/([a-z][a-z0-9_]*)$/);
  if (open) {
    session.choose(open[1]);
    location.hash = '#/tender/setup';
    return undefined;
  }
  const copy = hash.match(/^#\/tender\/copy\/([A-Za-z0-9_-]+\.json)$/);
  if (copy) {
    session.choose(`copy/${copy[1]}`);
    location.hash = '#/tender/score';
    return undefined;
  }
  if (hash === '#/tender' || hash === '#/tender/new') return renderCreate(c);
  for (const [pattern, render] of ROUTES) {
    const m = hash.match(pattern);
    if (!m) continue;
    const overview = session.overview();
    if (!overview) return renderCreate(c);
    if (!overview.ok) return renderProblem(c, overview.errors);
    // An evaluator's copy is for scoring only: every page is that evaluator's scoresheet.
    if (overview.mode === 'evaluator_copy' && !hash.startsWith('#/tender/score/')) {
      location.hash = '#/tender/score/' + encodeURIComponent(overview.evaluator);
      return undefined;
    }
    return render(c, overview, [...m].map((part) => decodeURIComponent(part)));
  }
  return ctx.notFound();
}
