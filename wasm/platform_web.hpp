#pragma once
// The browser's platform services: the assessment is kept in IndexedDB (IDBFS at /persist) and
// synced after every change, documents leave as downloads, files arrive through the page's
// file chooser. Storage failures are reported to the user, not only to the console.
#include "platform.hpp"

namespace eqkit::web {

inline constexpr const char* persist_dir = "/persist";
inline constexpr const char* kept_file = "/persist/current.json";
inline constexpr const char* kept_state_file = "/persist/state.json";
inline constexpr const char* settings_file = "/persist/settings.json";
// The evidence library, shared with the accessible face.
inline constexpr const char* library_dir = "/persist/workspace";

class WebPlatform final : public ui::Platform {
  public:
    // owner is handed back to eqkit_storage_failed() when a background sync fails.
    explicit WebPlatform(void* owner) : owner_(owner) {}

    [[nodiscard]] bool uses_paths() const override { return false; }
    [[nodiscard]] std::filesystem::path start_folder() const override { return "/"; }
    void choose_file(std::string_view purpose) override;
    [[nodiscard]] Result<void> deliver(const std::filesystem::path& to, std::string_view mime,
                                       std::string_view bytes) override;
    [[nodiscard]] std::optional<std::filesystem::path> kept_copy() const override {
        return std::filesystem::path(kept_file);
    }
    [[nodiscard]] Checked<void> restore(Workspace& ws) override;
    [[nodiscard]] std::vector<std::filesystem::path> kept_earlier_versions() const override;
    [[nodiscard]] Result<void> keep(const Workspace& ws) override;
    [[nodiscard]] std::filesystem::path library_folder() const override { return library_dir; }
    void library_changed() override;
    [[nodiscard]] bool can_quit() const override { return false; }
    [[nodiscard]] std::optional<ui::FontFiles> font_files() const override { return std::nullopt; }
    [[nodiscard]] std::optional<ui::Settings> load_settings() override;
    [[nodiscard]] Result<void> keep_settings(const ui::Settings& settings) override;

  private:
    void* owner_;
};

}  // namespace eqkit::web
