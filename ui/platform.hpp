#pragma once
// What differs between the desktop and the browser, behind one interface (one implementation in
// native/, one in wasm/), so the App itself has no #ifdef.
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"
#include "eqkit/workspace.hpp"
#include "settings.hpp"

namespace eqkit::ui {

// Fonts to use instead of Dear ImGui's built-in one (Proggy Clean, ASCII only).
struct FontFiles {
    std::filesystem::path regular;
    std::filesystem::path bold;  // may be empty: headings then use the regular face
};

class Platform {
  public:
    Platform() = default;
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;
    virtual ~Platform() = default;

    // True on the desktop, where the user names files by typing a path; false in the browser,
    // where files arrive through the page's file chooser and leave as downloads.
    [[nodiscard]] virtual bool uses_paths() const = 0;
    // Desktop: the folder that path prompts start in.
    [[nodiscard]] virtual std::filesystem::path start_folder() const = 0;
    // Browser: shows the page's file chooser; the chosen file arrives later through
    // App::receive_file() with the same purpose (an Upload name: "assessment", "evidence"…).
    virtual void choose_file(std::string_view purpose) = 0;
    // Hands a finished document to the user: written to `to` on the desktop, downloaded under
    // to.filename() in the browser.
    [[nodiscard]] virtual Result<void> deliver(const std::filesystem::path& to,
                                               std::string_view mime, std::string_view bytes) = 0;
    // Browser: the file the assessment is kept in, which "Save" marks as saved once the user has
    // downloaded a copy. Desktop: none.
    [[nodiscard]] virtual std::optional<std::filesystem::path> kept_copy() const = 0;
    // Puts back the assessment kept from the last session, if any (browser storage).
    [[nodiscard]] virtual Checked<void> restore(Workspace& ws) = 0;
    // Browser: assessments kept from an earlier session that were made with an earlier version
    // of their framework, set aside by restore() to be offered for migration (desktop: none).
    [[nodiscard]] virtual std::vector<std::filesystem::path> kept_earlier_versions() const {
        return {};
    }
    // Called after every command that may have changed the workspace (browser: autosave).
    [[nodiscard]] virtual Result<void> keep(const Workspace& ws) = 0;
    // The workspace folder that holds the evidence library (made on first use): desktop, in the
    // user's data folder; browser, in the kept /persist folder.
    [[nodiscard]] virtual std::filesystem::path library_folder() const = 0;
    // Called after every change to the library (browser: keeps it in IndexedDB).
    virtual void library_changed() = 0;
    // Whether the app can end itself (not in a browser tab).
    [[nodiscard]] virtual bool can_quit() const = 0;
    [[nodiscard]] virtual std::optional<FontFiles> font_files() const = 0;
    // Display settings from the last session, and keeping them for the next.
    [[nodiscard]] virtual std::optional<Settings> load_settings() = 0;
    [[nodiscard]] virtual Result<void> keep_settings(const Settings& settings) = 0;
};

}  // namespace eqkit::ui
