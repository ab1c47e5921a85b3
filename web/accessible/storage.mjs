// The browser's own storage for the accessible face's files: Emscripten's IDBFS keeps the
// in-memory file system in IndexedDB, flushed after each change.
export function syncfs(module, populate) {
  return new Promise((resolve, reject) => {
    module.FS.syncfs(populate, (err) => (err ? reject(err) : resolve()));
  });
}

// Flushes the file system to IndexedDB; a failure is kept in core.storageError, which every page
// shows, saying what was not saved (`what`) and how to keep a copy (`then`).
export async function persist(core, what, then) {
  try {
    await syncfs(core.module, false);
    core.storageError = null;
  } catch (err) {
    core.storageError = `Your browser did not save the latest change ${what} (${err}). ${then}`;
  }
}
