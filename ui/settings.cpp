#include "settings.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace eqkit::ui {

std::string settings_to_json(const Settings& settings) {
    nlohmann::json doc = nlohmann::json::object();
    doc["font_pixels"] = settings.font_pixels;
    doc["high_contrast"] = settings.high_contrast;
    return doc.dump(2) + "\n";
}

std::optional<Settings> settings_from_json(std::string_view json) {
    const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return std::nullopt;
    Settings settings;
    if (const auto it = doc.find("font_pixels"); it != doc.end() && it->is_number()) {
        const float pixels = it->get<float>();
        if (std::isfinite(pixels)) {
            settings.font_pixels = std::clamp(std::round(pixels), min_font_pixels, max_font_pixels);
        }
    }
    if (const auto it = doc.find("high_contrast"); it != doc.end() && it->is_boolean()) {
        settings.high_contrast = it->get<bool>();
    }
    return settings;
}

}  // namespace eqkit::ui
