// The page's glue to the app, kept small: it configures Emscripten before eqkit.js loads (both
// scripts are deferred, so they run in order), keeps keys away from the app unless its canvas
// has the focus (so Tab always leaves it), and hands uploaded files to the app.
(() => {
  'use strict';

  const canvas = document.getElementById('canvas');
  const statusLine = document.getElementById('status');
  const upload = document.getElementById('eqkit-upload');

  function showStatus(text) {
    statusLine.textContent = text;
  }

  const Module = {
    canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => showStatus('The app stopped: ' + what + '. Reload the page to try again.'),
    onEqkitReady: () => showStatus('Ready. Your answers are kept in this browser.'),
    onEqkitFailed: (why) => showStatus('The app could not start: ' + why),
  };
  window.Module = Module;

  // Keys reach the app only while its canvas has the focus, and Tab is never taken from the
  // browser, so keyboard users can always move on from the app. Listeners registered earlier run
  // first, and this one is registered before the app's own.
  for (const type of ['keydown', 'keypress', 'keyup']) {
    window.addEventListener(type, (event) => {
      if (document.activeElement !== canvas || event.key === 'Tab') {
        event.stopImmediatePropagation();
        return;
      }
      // The app's own shortcuts: keep the browser from saving or opening pages instead.
      if (type === 'keydown' && (event.ctrlKey || event.metaKey) &&
          ['s', 'o', 'n'].includes(event.key.toLowerCase())) {
        event.preventDefault();
      }
    }, true);
  }

  canvas.addEventListener('click', () => canvas.focus());

  // While the tab is hidden the browser draws no frames, so an import (read a slice per frame)
  // would stop. Then the reading goes on in tasks of its own: message tasks, which browsers do
  // not slow down in hidden tabs as they do timers. Each task reads for a tenth of a second.
  const steps = new MessageChannel();
  let stepping = false;
  steps.port1.onmessage = () => {
    stepping = document.hidden && Module.eqkitContext !== undefined &&
      Module.ccall('eqkit_background_step', 'number', ['number'], [Module.eqkitContext]) === 1;
    if (stepping) steps.port2.postMessage(null);
  };
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && !stepping) {
      stepping = true;
      steps.port2.postMessage(null);
    }
  });

  upload.addEventListener('change', async () => {
    const file = upload.files[0];
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const pointer = Module._malloc(bytes.length + 1);
    Module.HEAPU8.set(bytes, pointer);
    Module.HEAPU8[pointer + bytes.length] = 0;
    Module.ccall('eqkit_open_upload', null, ['number', 'string', 'number', 'number', 'string'],
                 [Module.eqkitContext, upload.dataset.purpose || 'assessment', pointer,
                  bytes.length, file.name]);
    Module._free(pointer);
    canvas.focus();
  });
})();
