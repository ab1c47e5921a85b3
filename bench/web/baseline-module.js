// Emscripten's GLFW draws into the canvas named here.
var Module = { canvas: document.getElementById('canvas') };
