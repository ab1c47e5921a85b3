#include "fonts.hpp"

#include <array>
#include <string>
#include <system_error>

namespace eqkit::ui {
namespace {

// Latin, Latin-1, general punctuation (dashes, quotes, ellipsis), the euro sign and arrows.
constexpr std::array<ImWchar, 11> glyph_ranges{0x0020, 0x00FF, 0x2010, 0x205E, 0x20AC, 0x20AC,
                                               0x2190, 0x2193, 0x2713, 0x2713, 0};

constexpr float heading_scale = 1.3F;

bool readable(const std::filesystem::path& file) {
    std::error_code ec;
    return !file.empty() && std::filesystem::is_regular_file(file, ec);
}

ImFont* add_file(ImFontAtlas& atlas, const std::filesystem::path& file, float pixels) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    return atlas.AddFontFromFileTTF(file.string().c_str(), pixels, &config, glyph_ranges.data());
}

ImFont* add_built_in(ImFontAtlas& atlas, float pixels) {
    ImFontConfig config;
    config.SizePixels = pixels;
    return atlas.AddFontDefault(&config);
}

}  // namespace

Fonts add_fonts(ImFontAtlas& atlas, float pixels, const std::optional<FontFiles>& files) {
    atlas.Clear();
    Fonts fonts;
    if (files && readable(files->regular)) {
        fonts.body = add_file(atlas, files->regular, pixels);
        const std::filesystem::path& bold = readable(files->bold) ? files->bold : files->regular;
        fonts.heading = add_file(atlas, bold, pixels * heading_scale);
    }
    if (fonts.body == nullptr || fonts.heading == nullptr) {
        atlas.Clear();
        fonts.body = add_built_in(atlas, pixels);
        fonts.heading = add_built_in(atlas, pixels * heading_scale);
        fonts.built_in = true;
    } else {
        fonts.built_in = false;
    }
    return fonts;
}

void remap_missing_punctuation(const Fonts& fonts) {
    if (!fonts.built_in) return;
    struct Remap {
        ImWchar from;
        ImWchar to;
    };
    constexpr std::array remaps{Remap{0x2010, '-'},  Remap{0x2011, '-'}, Remap{0x2012, '-'},
                                Remap{0x2013, '-'},  Remap{0x2014, '-'}, Remap{0x2018, '\''},
                                Remap{0x2019, '\''}, Remap{0x201C, '"'}, Remap{0x201D, '"'},
                                Remap{0x2022, '*'}};
    for (ImFont* font : {fonts.body, fonts.heading}) {
        if (font == nullptr || !font->IsLoaded()) continue;
        for (const Remap& r : remaps)
            font->AddRemapChar(r.from, r.to);
        // AddRemapChar grows the index with unset (negative) widths; give the characters it
        // skipped the fallback glyph's width, as BuildLookupTable() does.
        for (float& advance : font->IndexAdvanceX) {
            if (advance < 0.0F) advance = font->FallbackAdvanceX;
        }
    }
}

}  // namespace eqkit::ui
