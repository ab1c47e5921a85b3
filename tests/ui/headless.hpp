#pragma once
// Runs the App without a window: an ImGui context with a display size, a font atlas built by
// hand (no renderer), and key/mouse input fed straight into ImGuiIO.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "app.hpp"
#include "platform.hpp"
#include "test_support.hpp"

namespace eqkit::test {

// Backend key codes the headless driver uses; ImGui's named keys sit at 256 + ImGuiKey_*.
inline constexpr ui::KeyCodes headless_keys{400, 'N', 'O', 'Q', 'S', '1', '2', '3', '4', '5'};
[[nodiscard]] inline int key(ImGuiKey named) {
    return 256 + named;
}

struct Delivery {
    std::filesystem::path to;
    std::string mime;
    std::string bytes;
};

// A platform that records what the App asks of it.
class RecordingPlatform final : public ui::Platform {
  public:
    bool paths = true;
    std::filesystem::path folder = std::filesystem::temp_directory_path();
    std::optional<std::filesystem::path> kept;
    std::vector<Delivery> deliveries;
    TempDir library_dir;
    int library_changes = 0;
    int chooser_shown = 0;
    std::string chooser_purpose;
    int kept_calls = 0;
    std::optional<ui::Settings> settings;
    int settings_kept = 0;

    [[nodiscard]] bool uses_paths() const override { return paths; }
    [[nodiscard]] std::filesystem::path start_folder() const override { return folder; }
    void choose_file(std::string_view purpose) override {
        ++chooser_shown;
        chooser_purpose = purpose;
    }
    [[nodiscard]] Result<void> deliver(const std::filesystem::path& to, std::string_view mime,
                                       std::string_view bytes) override {
        deliveries.push_back({to, std::string(mime), std::string(bytes)});
        return {};
    }
    [[nodiscard]] std::optional<std::filesystem::path> kept_copy() const override { return kept; }
    [[nodiscard]] Checked<void> restore(Workspace&) override { return {}; }
    std::vector<std::filesystem::path> earlier;  // what kept_earlier_versions() answers
    [[nodiscard]] std::vector<std::filesystem::path> kept_earlier_versions() const override {
        return earlier;
    }
    [[nodiscard]] Result<void> keep(const Workspace&) override {
        ++kept_calls;
        return {};
    }
    [[nodiscard]] std::filesystem::path library_folder() const override {
        return library_dir.path() / "library";
    }
    void library_changed() override { ++library_changes; }
    [[nodiscard]] bool can_quit() const override { return paths; }
    [[nodiscard]] std::optional<ui::FontFiles> font_files() const override { return std::nullopt; }
    [[nodiscard]] std::optional<ui::Settings> load_settings() override { return settings; }
    [[nodiscard]] Result<void> keep_settings(const ui::Settings& chosen) override {
        settings = chosen;
        ++settings_kept;
        return {};
    }
};

class Headless {
  public:
    Headless();
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;
    ~Headless();

    void build_fonts();
    void frame(ui::App& app);
    void frames(ui::App& app, int count);
    // Holds the key down for one frame, then releases it for one frame.
    void press(ui::App& app, int key_index, bool ctrl = false, bool shift = false);
    void type(ui::App& app, const char* utf8);
    void click(ui::App& app, ImVec2 at);
    // Draws one frame and returns the text drawn in it, as Dear ImGui logs it (to the
    // "clipboard", caught here).
    [[nodiscard]] std::string logged_frame(ui::App& app);

  private:
    ImGuiContext* context_;
};

// The App with everything it needs, built in the right order (ImGui context first), drawn twice.
struct AppFixture {
    Headless headless;
    Workspace ws{shipped_registry()};
    RecordingPlatform platform;
    std::optional<ui::App> app;

    explicit AppFixture(bool paths = true) {
        platform.paths = paths;
        app.emplace(ws, platform, headless_keys, EQKIT_PLUGINS_DIR);
        headless.frames(*app, 2);
    }
    void run(ui::Command command, int frames = 1) {
        app->commands().push(std::move(command));
        headless.frames(*app, frames);
    }
    void frames(int count) { headless.frames(*app, count); }
    void press(int key_index, bool ctrl = false, bool shift = false) {
        headless.press(*app, key_index, ctrl, shift);
    }
};

}  // namespace eqkit::test
