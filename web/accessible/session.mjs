// A handle on one of the core's C++ sessions (eqkit::LibraryApi, eqkit::TenderApi) in the
// WebAssembly module: calls its exported functions, which answer malloc'd UTF-8 text, and frees
// that text. A subclass says how a change is kept (persist) and what goes wrong if it is not.
export class CoreSession {
  constructor(core, create) {
    this.core = core;
    this.module = core.module;
    this.handle = this.module.ccall(create, 'number', ['string'], ['/plugins']);
  }

  call(name, types = [], args = []) {
    const ptr = this.module.ccall(name, 'number', ['number', ...types], [this.handle, ...args]);
    const text = this.module.UTF8ToString(ptr);
    this.module._free(ptr);
    return text;
  }

  json(name, types, args) { return JSON.parse(this.call(name, types, args)); }

  async change(name, types, args) {
    const result = this.json(name, types, args);
    if (result.ok) await this.persist();
    return result;
  }
}
