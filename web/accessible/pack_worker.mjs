// Runs the work that reads every byte of the evidence off the page's thread, over its own copy
// of the core (see library.mjs for why): pack export, verify and import, the personal data
// scan, and adding a file (which hashes it). Messages in: {id, op: 'export'|'verify'|'import'|
// 'personal_data'|'add', name, bytes, request}. Messages out: {id, type: 'progress', done,
// total} while working, then {id, type: 'done', result, bytes?}. The workspace is read from,
// and an import or an added file written to, IndexedDB.
import createEqkitCore from '../eqkit-core.js';

const STORE = '/persist';
const WORKSPACE = '/persist/workspace';
let current = 0;  // the job whose progress is being reported
let started = null;

function syncfs(module, populate) {
  return new Promise((resolve, reject) => {
    module.FS.syncfs(populate, (err) => (err ? reject(err) : resolve()));
  });
}

async function start() {
  const module = await createEqkitCore({
    // The module's files sit beside eqkit-core.js, one folder up from this worker (the preloaded
    // frameworks would otherwise be looked for beside the worker).
    locateFile: (file) => new URL(`../${file}`, import.meta.url).href,
    onPackProgress: (done, total) => postMessage({ id: current, type: 'progress', done, total }),
  });
  module.FS.mkdir(STORE);
  module.FS.mount(module.FS.filesystems.IDBFS, {}, STORE);
  const handle = module.ccall('eqkit_library_create', 'number', ['string'], ['/plugins']);
  const call = (name, types, args) => {
    const ptr = module.ccall(name, 'number', types, args);
    const text = module.UTF8ToString(ptr);
    module._free(ptr);
    return JSON.parse(text);
  };
  // The workspace as the page last saved it.
  const openWorkspace = async () => {
    await syncfs(module, true);
    return call('eqkit_library_open', ['number', 'string'], [handle, WORKSPACE]);
  };
  return { module, handle, call, openWorkspace };
}

// Puts an uploaded pack in the worker's memory file system under the name it was chosen by, so
// messages name it as the person knows it; removes it afterwards.
function withUpload(module, name, bytes, use) {
  const dir = `/tmp/pack-${current}`;
  module.FS.mkdirTree(dir);
  const path = `${dir}/${String(name).replace(/\//g, '_') || 'pack.zip'}`;
  module.FS.writeFile(path, new Uint8Array(bytes));
  try {
    return use(path);
  } finally {
    module.FS.unlink(path);
    module.FS.rmdir(dir);
  }
}

async function perform(message) {
  const core = await (started ??= start());
  const { module, handle, call } = core;
  if (message.op === 'verify') {
    return { result: withUpload(module, message.name, message.bytes,
                                (path) => call('eqkit_library_verify', ['string'], [path])) };
  }
  const opened = await core.openWorkspace();
  if (!opened.ok) return { result: opened };
  if (message.op === 'personal_data') {
    return { result: call('eqkit_library_personal_data', ['number'], [handle]) };
  }
  if (message.op === 'add') {
    const result = withUpload(module, message.name, message.bytes, (path) =>
      call('eqkit_library_add', ['number', 'string', 'string'],
           [handle, JSON.stringify({ ...message.request, path }), '']));
    if (result.ok) await syncfs(module, false);
    return { result };
  }
  if (message.op === 'export') {
    const out = `/tmp/pack-${current}.zip`;
    const result = call('eqkit_library_export', ['number', 'string'], [handle, out]);
    if (!result.ok) return { result };
    const bytes = module.FS.readFile(out);
    module.FS.unlink(out);
    return { result, bytes };
  }
  if (message.op === 'import') {
    const result = withUpload(module, message.name, message.bytes,
                              (path) => call('eqkit_library_import', ['number', 'string'],
                                             [handle, path]));
    if (result.ok) await syncfs(module, false);
    return { result };
  }
  return { result: { ok: false, errors: [{ message: `unknown operation ${message.op}` }] } };
}

// One job at a time, in order: each waits for the one before.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const message = event.data;
  queue = queue.then(async () => {
    current = message.id;
    let reply;
    try {
      reply = await perform(message);
    } catch (err) {
      reply = { result: { ok: false, errors: [{ message: String(err) }] } };
    }
    const transfer = reply.bytes ? [reply.bytes.buffer] : [];
    postMessage({ id: message.id, type: 'done', ...reply }, transfer);
  });
};
