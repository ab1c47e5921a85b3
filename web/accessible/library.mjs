// The accessible face's link to the workspace folder and its evidence library in the shared
// WebAssembly core (eqkit::LibraryApi, exported by wasm/library_api_exports.cpp). Every rule
// (validation, statuses, expiry, messages) is computed there; this file moves JSON and bytes.
//
// The workspace folder lives in the same IndexedDB-backed file system as the assessment
// (/persist/workspace), so it survives reloads. Pack export, verify and import, the personal
// data scan and adding a file (which hashes it) run in a Web Worker (pack_worker.mjs) over its
// own copy of the core: each reads every byte of the evidence, which takes seconds for large
// files, and Emscripten 3.1.6 cannot yield to the page in the middle of one C++ call without
// Asyncify (which would slow every call and grow the module), so the page would freeze. The
// worker reads the workspace from IndexedDB itself, and the page reloads it after the worker
// changed it.
import { CoreSession } from './session.mjs';
import { persist, syncfs } from './storage.mjs';

export const WORKSPACE = '/persist/workspace';

export class Library extends CoreSession {
  constructor(core) {
    super(core, 'eqkit_library_create');
    this.opened = this.json('eqkit_library_open', ['string'], [WORKSPACE]);
    this.worker = null;
    this.jobs = new Map();
    this.nextJob = 1;
  }

  // Flushes the file system to IndexedDB; a failure is shown on every page (core.storageError).
  persist() {
    return persist(this.core, 'to your evidence', 'Export an evidence pack to keep a copy.');
  }

  // today is left to the core (this computer's date), so no date rule lives here.
  list(filter) { return this.json('eqkit_library_list', ['string', 'string'], [filter, '']); }
  get(id) { return this.json('eqkit_library_get', ['string', 'string'], [id, '']); }
  items() { return this.json('eqkit_library_items', ['string'], ['']); }
  item(ref) { return this.json('eqkit_library_item', ['string', 'string'], [ref, '']); }
  async personalData() { return (await this.run({ op: 'personal_data' })).result; }
  edit(id, details) {
    return this.change('eqkit_library_edit', ['string', 'string'], [id, JSON.stringify(details)]);
  }
  attach(id, ref) { return this.change('eqkit_library_attach', ['string', 'string'], [id, ref]); }
  detach(id, ref) { return this.change('eqkit_library_detach', ['string', 'string'], [id, ref]); }

  // A file is added by the worker, which hashes it there; a link or a note here.
  async add(request, file = null) {
    if (!file) return this.change('eqkit_library_add', ['string', 'string'],
                                  [JSON.stringify(request), '']);
    const bytes = await file.arrayBuffer();
    const { result } = await this.run({ op: 'add', name: file.name, bytes, request }, null,
                                      [bytes]);
    if (result.ok) await this.reload();
    return result;
  }

  // The workspace as the worker left it in IndexedDB.
  async reload() {
    await syncfs(this.module, true);
    this.opened = this.json('eqkit_library_open', ['string'], [WORKSPACE]);
  }

  // The assessment open in this browser goes into the workspace (and so into packs).
  storeAssessment() {
    return this.change('eqkit_library_store_assessment', ['string'], ['/persist/current.json']);
  }

  // ---- packs, in the worker --------------------------------------------------------------

  run(message, onProgress, transfer = []) {
    if (!this.worker) {
      this.worker = new Worker(new URL('./pack_worker.mjs', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event) => {
        const job = this.jobs.get(event.data.id);
        if (!job) return;
        if (event.data.type === 'progress') {
          job.onProgress?.(event.data.done, event.data.total);
        } else {
          this.jobs.delete(event.data.id);
          job.resolve(event.data);
        }
      };
      this.worker.onerror = (event) => {
        for (const job of this.jobs.values()) {
          job.resolve({ result: { ok: false, errors: [{ message: 'The pack worker stopped (' +
            (event.message || 'unknown error') + ').' }] } });
        }
        this.jobs.clear();
      };
    }
    const id = this.nextJob++;
    return new Promise((resolve) => {
      this.jobs.set(id, { resolve, onProgress });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  // -> { result, bytes } (bytes: the pack, a Uint8Array, when result.ok)
  exportPack(onProgress) { return this.run({ op: 'export' }, onProgress); }

  async verifyPack(file, onProgress) {
    const bytes = await file.arrayBuffer();
    return (await this.run({ op: 'verify', name: file.name, bytes }, onProgress, [bytes])).result;
  }

  // The worker imports into the workspace in IndexedDB; the page then reloads it from there.
  async importPack(file, onProgress) {
    const bytes = await file.arrayBuffer();
    const { result } = await this.run({ op: 'import', name: file.name, bytes }, onProgress,
                                      [bytes]);
    if (result.ok) await this.reload();
    return result;
  }
}
