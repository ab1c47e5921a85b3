#include "theme.hpp"

#include <array>
#include <string>

#include <nlohmann/json.hpp>

#include "generated/theme_high_contrast.hpp"
#include "generated/theme_standard.hpp"

namespace eqkit::ui {
namespace {

using nlohmann::json;

constexpr float theme_font_pixels = 20.0F;

struct StyleSize {
    const char* name;
    float ImGuiStyle::*member;
};

constexpr std::array style_sizes{
    StyleSize{"WindowRounding", &ImGuiStyle::WindowRounding},
    StyleSize{"WindowBorderSize", &ImGuiStyle::WindowBorderSize},
    StyleSize{"ChildRounding", &ImGuiStyle::ChildRounding},
    StyleSize{"ChildBorderSize", &ImGuiStyle::ChildBorderSize},
    StyleSize{"PopupRounding", &ImGuiStyle::PopupRounding},
    StyleSize{"PopupBorderSize", &ImGuiStyle::PopupBorderSize},
    StyleSize{"FrameRounding", &ImGuiStyle::FrameRounding},
    StyleSize{"FrameBorderSize", &ImGuiStyle::FrameBorderSize},
    StyleSize{"IndentSpacing", &ImGuiStyle::IndentSpacing},
    StyleSize{"ScrollbarSize", &ImGuiStyle::ScrollbarSize},
    StyleSize{"ScrollbarRounding", &ImGuiStyle::ScrollbarRounding},
    StyleSize{"GrabMinSize", &ImGuiStyle::GrabMinSize},
    StyleSize{"GrabRounding", &ImGuiStyle::GrabRounding},
    StyleSize{"TabRounding", &ImGuiStyle::TabRounding},
};

struct StylePair {
    const char* name;
    ImVec2 ImGuiStyle::*member;
};

constexpr std::array style_pairs{
    StylePair{"WindowPadding", &ImGuiStyle::WindowPadding},
    StylePair{"FramePadding", &ImGuiStyle::FramePadding},
    StylePair{"ItemSpacing", &ImGuiStyle::ItemSpacing},
    StylePair{"ItemInnerSpacing", &ImGuiStyle::ItemInnerSpacing},
    StylePair{"CellPadding", &ImGuiStyle::CellPadding},
};

// "#RRGGBB" or "#RRGGBBAA".
bool parse_colour(const json& value, ImVec4& out) {
    if (!value.is_string()) return false;
    const std::string& s = value.get_ref<const std::string&>();
    if ((s.size() != 7 && s.size() != 9) || s[0] != '#') return false;
    std::array<float, 4> rgba{0, 0, 0, 1};
    for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
        int byte = 0;
        for (std::size_t j = 1; j <= 2; ++j) {
            const char c = s[i + j];
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
            if (digit < 0) return false;
            byte = byte * 16 + digit;
        }
        rgba[i / 2] = static_cast<float>(byte) / 255.0F;
    }
    out = ImVec4(rgba[0], rgba[1], rgba[2], rgba[3]);
    return true;
}

int colour_index(std::string_view name) {
    for (int i = 0; i < ImGuiCol_COUNT; ++i) {
        if (name == ImGui::GetStyleColorName(i)) return i;
    }
    return -1;
}

ImVec4* accent(Accents& accents, std::string_view name) {
    if (name == "heading") return &accents.heading;
    if (name == "unconfirmed") return &accents.unconfirmed;
    if (name == "problem") return &accents.problem;
    if (name == "muted") return &accents.muted;
    return nullptr;
}

}  // namespace

std::string_view standard_theme() {
    return theme_data::standard;
}
std::string_view high_contrast_theme() {
    return theme_data::high_contrast;
}

Checked<Accents> apply_theme(std::string_view text, std::string_view label, float font_pixels,
                             ImGuiStyle& style) {
    const std::string file(label);
    ErrorList errors;
    const auto problem = [&](std::string place, std::string reason) {
        errors.push_back(Error{file, std::move(place), std::move(reason)});
    };
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return tl::unexpected(ErrorList{Error{file, "", "not a JSON object"}});
    }
    for (const auto& [key, value] : doc.items()) {
        if (key != "format" && key != "name" && key != "base" && key != "style" &&
            key != "colors" && key != "accents") {
            problem("/" + key, "unknown key");
        }
    }
    if (const auto it = doc.find("format"); it == doc.end() || *it != "eqkit-theme/1") {
        problem("/format", "must be \"eqkit-theme/1\"");
    }

    style = ImGuiStyle();
    const auto base_it = doc.find("base");
    const json base = base_it == doc.end() ? json("dark") : *base_it;
    if (base == "dark") {
        ImGui::StyleColorsDark(&style);
    } else if (base == "light") {
        ImGui::StyleColorsLight(&style);
    } else {
        problem("/base", "must be \"dark\" or \"light\"");
    }

    if (const auto it = doc.find("style"); it != doc.end()) {
        for (const auto& [key, value] : it->items()) {
            bool known = false;
            for (const StyleSize& size : style_sizes) {
                if (key != size.name) continue;
                known = true;
                if (value.is_number()) {
                    style.*size.member = value.get<float>();
                } else {
                    problem("/style/" + key, "must be a number");
                }
            }
            for (const StylePair& pair : style_pairs) {
                if (key != pair.name) continue;
                known = true;
                if (value.is_array() && value.size() == 2 && value.at(0).is_number() &&
                    value.at(1).is_number()) {
                    style.*pair.member = ImVec2(value.at(0).get<float>(), value.at(1).get<float>());
                } else {
                    problem("/style/" + key, "must be two numbers, [x, y]");
                }
            }
            if (!known) problem("/style/" + key, "unknown style size");
        }
    }
    if (const auto it = doc.find("colors"); it != doc.end()) {
        for (const auto& [key, value] : it->items()) {
            const int index = colour_index(key);
            ImVec4 colour;
            if (index < 0) {
                problem("/colors/" + key, "unknown Dear ImGui colour name");
            } else if (!parse_colour(value, colour)) {
                problem("/colors/" + key, "must be \"#RRGGBB\" or \"#RRGGBBAA\"");
            } else {
                style.Colors[index] = colour;
            }
        }
    }
    Accents accents;
    if (const auto it = doc.find("accents"); it != doc.end()) {
        for (const auto& [key, value] : it->items()) {
            ImVec4* target = accent(accents, key);
            if (target == nullptr) {
                problem("/accents/" + key, "unknown accent (heading, unconfirmed, problem, muted)");
            } else if (!parse_colour(value, *target)) {
                problem("/accents/" + key, "must be \"#RRGGBB\" or \"#RRGGBBAA\"");
            }
        }
    }
    style.ScaleAllSizes(font_pixels / theme_font_pixels);
    if (!errors.empty()) return tl::unexpected(std::move(errors));
    return accents;
}

}  // namespace eqkit::ui
