#pragma once
// The desktop's platform services: files named by path (the App's path prompt), written with
// eqkit::save_atomically; system fonts where installed.
#include "platform.hpp"

namespace eqkit::native {

class NativePlatform final : public ui::Platform {
  public:
    [[nodiscard]] bool uses_paths() const override { return true; }
    [[nodiscard]] std::filesystem::path start_folder() const override;
    void choose_file(std::string_view /*purpose*/) override {}
    [[nodiscard]] Result<void> deliver(const std::filesystem::path& to, std::string_view mime,
                                       std::string_view bytes) override;
    [[nodiscard]] std::optional<std::filesystem::path> kept_copy() const override {
        return std::nullopt;
    }
    [[nodiscard]] Checked<void> restore(Workspace&) override { return {}; }
    [[nodiscard]] Result<void> keep(const Workspace&) override { return {}; }
    // --library DIR, else $XDG_DATA_HOME/eqkit/library, else ~/.local/share/eqkit/library.
    [[nodiscard]] std::filesystem::path library_folder() const override;
    void library_changed() override {}
    void set_library_folder(std::filesystem::path dir) { library_ = std::move(dir); }
    [[nodiscard]] bool can_quit() const override { return true; }
    [[nodiscard]] std::optional<ui::FontFiles> font_files() const override;
    // $XDG_CONFIG_HOME/eqkit/settings.json, else ~/.config/eqkit/settings.json.
    [[nodiscard]] std::optional<ui::Settings> load_settings() override;
    [[nodiscard]] Result<void> keep_settings(const ui::Settings& settings) override;

  private:
    std::filesystem::path library_;
};

}  // namespace eqkit::native
