#include <doctest/doctest.h>

#include <imgui.h>

#include "text.hpp"
#include "theme.hpp"

using namespace eqkit;

namespace {

// apply_theme needs an ImGui context only for the colour names; keep one per test.
struct Context {
    ImGuiContext* context = ImGui::CreateContext();
    ~Context() { ImGui::DestroyContext(context); }
    Context() = default;
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
};

}  // namespace

TEST_CASE("theme: the built-in themes are valid") {
    Context context;
    ImGuiStyle style;
    CHECK(ui::apply_theme(ui::standard_theme(), "standard.json", 20.0F, style).has_value());
    const Checked<ui::Accents> high =
        ui::apply_theme(ui::high_contrast_theme(), "high_contrast.json", 20.0F, style);
    REQUIRE(high.has_value());
    CHECK(style.FrameBorderSize >= 1.0F);
}

TEST_CASE("theme: every problem in a theme is reported with its place") {
    Context context;
    ImGuiStyle style;
    const Checked<ui::Accents> result = ui::apply_theme(
        R"({"format": "eqkit-theme/1", "base": "sepia", "colors": {"Txet": "#FFFFFF",
            "Text": "white"}, "style": {"FrameRounding": "round"}, "accents": {"glow": "#FFF"},
            "extra": 1})",
        "mine.json", 20.0F, style);
    REQUIRE_FALSE(result.has_value());
    std::vector<std::string> messages;
    for (const Error& e : result.error())
        messages.push_back(e.message());
    CHECK(messages ==
          std::vector<std::string>{
              "mine.json: /extra: unknown key", "mine.json: /base: must be \"dark\" or \"light\"",
              "mine.json: /style/FrameRounding: must be a number",
              "mine.json: /colors/Text: must be \"#RRGGBB\" or \"#RRGGBBAA\"",
              "mine.json: /colors/Txet: unknown Dear ImGui colour name",
              "mine.json: /accents/glow: unknown accent (heading, unconfirmed, problem, muted)"});
}

TEST_CASE("text: fill() replaces each {} in order") {
    CHECK(ui::fill("{} of {} characters", 12, 2000) == "12 of 2000 characters");
    CHECK(ui::fill("Saved {}", std::string("a.json")) == "Saved a.json");
    CHECK(ui::fill("no placeholders", 1) == "no placeholders");
    CHECK(ui::fill("{} and {}", "one") == "one and {}");
}
