#include "platform_web.hpp"

#include <emscripten.h>

#include <system_error>

#include "eqkit/files.hpp"
#include "eqkit/migration_offer.hpp"

// JavaScript run by the page. clang-format would split "=>" and reflow the objects.
// clang-format off

// Downloads a document: a Blob and a temporary <a download>.
EM_JS(void, eqkit_js_download,
      (const char* name, const char* mime, const char* data, unsigned long size), {
  const blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(mime) });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = UTF8ToString(name);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
});

// Opens the page's hidden file chooser for a purpose; app.js hands the file and the purpose to
// eqkit_open_upload().
EM_JS(void, eqkit_js_choose_file, (const char* purpose), {
  const input = document.getElementById('eqkit-upload');
  if (input) {
    input.value = "";
    input.dataset.purpose = UTF8ToString(purpose);
    input.click();
  }
});

// Writes /persist to IndexedDB. Syncs never overlap: a request during one runs after it.
// Failures go back to C++ (eqkit_storage_failed) so the Problems panel shows them.
EM_JS(void, eqkit_js_sync, (void* owner), {
  const sync = Module.eqkitSync || (Module.eqkitSync = { running: false, again: false, done: 0 });
  if (sync.running) {
    sync.again = true;
    return;
  }
  sync.running = true;
  const run = () => FS.syncfs(false, (error) => {
    if (error) {
      Module.ccall('eqkit_storage_failed', null, ['number', 'string'],
                   [owner, String(error.message || error)]);
    }
    if (sync.again) {
      sync.again = false;
      run();
    } else {
      sync.running = false;
      sync.done += 1;
    }
  });
  run();
});

// clang-format on

namespace eqkit::web {
namespace {

constexpr const char* storage_label = "browser storage";

bool exists(const char* file) {
    std::error_code ec;
    return std::filesystem::exists(file, ec);
}

}  // namespace

void WebPlatform::choose_file(std::string_view purpose) {
    const std::string name(purpose);
    eqkit_js_choose_file(name.c_str());
}

Result<void> WebPlatform::deliver(const std::filesystem::path& to, std::string_view mime,
                                  std::string_view bytes) {
    const std::string name = to.filename().string();
    const std::string type(mime);
    eqkit_js_download(name.c_str(), type.c_str(), bytes.data(), bytes.size());
    return {};
}

Checked<void> WebPlatform::restore(Workspace& ws) {
    if (!exists(kept_file)) return {};
    // state.json says whether the kept copy has changes the user has not downloaded yet.
    const Result<std::string> state = read_text_file(kept_state_file);
    const bool unsaved = state && state->find("\"unsaved\": true") != std::string::npos;
    Checked<void> opened = ws.open(kept_file);
    if (opened && unsaved) {
        if (const Result<std::string> text = read_text_file(kept_file)) {
            opened = ws.open_text(*text, "the assessment kept in this browser");
        }
    }
    if (opened) return {};
    // Never overwrite an assessment that no longer opens: move it aside, as the accessible face
    // does. One made with an earlier version of its framework is offered for migration (the App
    // asks kept_earlier_versions()); of any other, say so.
    const SetAside aside = set_aside_kept(kept_file, ws.registry());
    if (aside.earlier_version) return {};
    ErrorList errors = std::move(opened.error());
    errors.push_back(Error{storage_label, "",
                           "the assessment kept earlier could not be opened, so it was kept as " +
                               aside.file.generic_string() + " and not changed"});
    return tl::unexpected(std::move(errors));
}

std::vector<std::filesystem::path> WebPlatform::kept_earlier_versions() const {
    return eqkit::kept_earlier_versions(kept_file);
}

Result<void> WebPlatform::keep(const Workspace& ws) {
    Result<void> saved;
    if (ws.is_open()) {
        saved = save_atomically(kept_file, assessment_to_json(ws.framework(), ws.assessment()));
        if (saved) {
            saved = save_atomically(
                kept_state_file, ws.dirty() ? "{\"unsaved\": true}\n" : "{\"unsaved\": false}\n");
        }
    } else {
        std::error_code ec;
        std::filesystem::remove(kept_file, ec);
        std::filesystem::remove(kept_state_file, ec);
    }
    eqkit_js_sync(owner_);
    if (!saved) {
        return fail(storage_label, saved.error().file, saved.error().reason);
    }
    return {};
}

void WebPlatform::library_changed() {
    eqkit_js_sync(owner_);
}

std::optional<ui::Settings> WebPlatform::load_settings() {
    const Result<std::string> text = read_text_file(settings_file);
    return text ? ui::settings_from_json(*text) : std::nullopt;
}

Result<void> WebPlatform::keep_settings(const ui::Settings& settings) {
    Result<void> saved = save_atomically(settings_file, ui::settings_to_json(settings));
    eqkit_js_sync(owner_);
    if (!saved) return fail(storage_label, saved.error().file, saved.error().reason);
    return {};
}

}  // namespace eqkit::web
