// The accessible face's link to the shared WebAssembly core. Every rule (validation, statuses,
// totals, bands) is computed there; this file only moves JSON across and keeps storage in sync.
import createEqkitCore from '../eqkit-core.js';

const STORE = '/persist';

function syncfs(module, populate) {
  return new Promise((resolve, reject) => {
    module.FS.syncfs(populate, (err) => (err ? reject(err) : resolve()));
  });
}

export class Core {
  static async load() {
    const module = await createEqkitCore();
    module.FS.mkdir(STORE);
    module.FS.mount(module.FS.filesystems.IDBFS, {}, STORE);
    await syncfs(module, true);
    const core = new Core(module);
    core.handle = module.ccall('eqkit_api_create', 'number', ['string', 'string'],
                               ['/plugins', STORE + '/current.json']);
    return core;
  }

  constructor(module) {
    this.module = module;
    this.handle = 0;
    this.storageError = null;
  }

  // Calls a C function returning a malloc'd UTF-8 string, and frees it.
  call(name, types = [], args = []) {
    const ptr = this.module.ccall(name, 'number', ['number', ...types], [this.handle, ...args]);
    const text = this.module.UTF8ToString(ptr);
    this.module._free(ptr);
    return text;
  }

  json(name, types, args) {
    return JSON.parse(this.call(name, types, args));
  }

  // Changes are written to the virtual file system by the core, then flushed to IndexedDB.
  async change(name, types, args) {
    const result = this.json(name, types, args);
    try {
      await syncfs(this.module, false);
      this.storageError = null;
    } catch (err) {
      this.storageError = 'Your browser did not save the latest change (' + err +
        '). Download your assessment to keep a copy.';
    }
    if (result.saved === false) this.storageError = result.warning;
    return result;
  }

  frameworks() { return this.json('eqkit_api_frameworks'); }
  state() { return this.json('eqkit_api_state'); }
  formModel(id) { return this.json('eqkit_api_form_model', ['string'], [id]); }
  start(id) { return this.change('eqkit_api_start', ['string'], [id]); }
  submit(item, answer, draft) {
    return this.change('eqkit_api_submit_item', ['string', 'string', 'number'],
                       [item, JSON.stringify(answer), draft ? 1 : 0]);
  }
  // Uploads go through the file system: a large file would not fit on the C stack.
  open(bytes, label) {
    this.module.FS.writeFile('/tmp/upload.json', bytes);
    return this.change('eqkit_api_open_file', ['string', 'string'], ['/tmp/upload.json', label]);
  }
  // A file made with an earlier framework version: what changed and what carrying it gives,
  // then carrying it across (opened, every carried answer marked "needs review").
  migrationOffer(bytes, label) {
    this.module.FS.writeFile('/tmp/upload.json', bytes);
    return this.json('eqkit_api_migration_offer', ['string', 'string'], ['/tmp/upload.json', label]);
  }
  migrate(bytes, label) {
    this.module.FS.writeFile('/tmp/upload.json', bytes);
    return this.change('eqkit_api_migrate', ['string', 'string'], ['/tmp/upload.json', label]);
  }
  // An assessment kept in this browser from an earlier framework version (state's
  // earlier_versions, set aside by the core): the same offer and carrying, and its bytes.
  keptMigrationOffer(file) {
    return this.json('eqkit_api_kept_migration_offer', ['string'], [file]);
  }
  migrateKept(file) { return this.change('eqkit_api_migrate_kept', ['string'], [file]); }
  keptBytes(file) { return this.module.FS.readFile(file); }
  assessmentJson() { return this.call('eqkit_api_assessment_json'); }
  linkedToFramework(framework) {
    return this.json('eqkit_api_linked_to_framework', ['string'], [framework]);
  }
  crosswalk(framework, code) {
    return this.json('eqkit_api_crosswalk', ['string', 'string'], [framework, code]);
  }
  reportHtml() { return this.call('eqkit_api_report_html'); }
  // The assessment-wide choices: method, the items that apply, judgements, the rules' questions.
  settings(changes) {
    return this.change('eqkit_api_settings', ['string'], [JSON.stringify(changes)]);
  }
  confirmReview(item) { return this.change('eqkit_api_confirm_review', ['string'], [item]); }
  // Answers given for linked items (the library's suggestions), marked by the core; accepting
  // one copies it with its source and a "needs review" mark.
  answerSuggestions(item, suggestions) {
    return this.json('eqkit_api_answer_suggestions', ['string', 'string'],
                     [item, JSON.stringify(suggestions)]);
  }
  acceptAnswer(item, suggestion, by) {
    return this.change('eqkit_api_accept_answer', ['string', 'string', 'string'],
                       [item, JSON.stringify(suggestion), by]);
  }
  // Impact assessments: fields, rows with their risk, sign-off and versions.
  setField(id, value) {
    return this.change('eqkit_api_set_field', ['string', 'string'], [id, value]);
  }
  setRow(subject, row) {
    return this.change('eqkit_api_set_row', ['string', 'string'], [subject, JSON.stringify(row)]);
  }
  signOff(signer) { return this.change('eqkit_api_sign_off', ['string'], [JSON.stringify(signer)]); }
  versionJson(n) { return this.call('eqkit_api_version_json', ['number'], [n]); }
  versionReportHtml(n) { return this.call('eqkit_api_version_report_html', ['number'], [n]); }
  statementPagesHtml() { return this.call('eqkit_api_statement_pages_html'); }
}
