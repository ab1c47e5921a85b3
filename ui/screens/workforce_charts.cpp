#include "screens/workforce_charts.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>

#include "eqkit/workforce_api.hpp"
#include "eqkit/workforce_report.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

namespace wf = eqkit::workforce;

constexpr double scale_low = 0.25;  // the ratio chart's log scale, 1/4 to 4
constexpr double scale_high = 4.0;

ImU32 colour(ImGuiCol which, float alpha = 1.0F) {
    return ImGui::GetColorU32(which, alpha);
}

std::string figure_words(const wf::IndicatorResult& ind, const wf::Figure& f) {
    if (f.state == wf::State::shown) return wf::describe_value(ind, f);
    if (f.state == wf::State::suppressed) return fill(text::wf_suppressed, wf::suppressed_mark);
    return wf::state_text(f.state);
}

}  // namespace

void draw_band_chart(const wf::Results& results, const wf::IndicatorResult& ind, const Look& look) {
    const wf::Definitions& defs = *results.defs;
    const std::size_t focus = defs.focus_group;
    widgets::subheading(look, fill(text::wf_chart_bands, defs.group_label(focus)));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeightWithSpacing() * 1.2F;
    const float label_width = ImGui::GetFontSize() * 20.0F;
    const float bar_room =
        std::max(ImGui::GetContentRegionAvail().x - label_width - ImGui::GetFontSize() * 10.0F,
                 ImGui::GetFontSize() * 5.0F);
    for (const wf::RowResult& row : ind.current.representation.rows) {
        if (row.key == "total" || focus >= row.percents.size()) continue;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const wf::Figure& p = row.percents[focus];
        const std::string section = wf::section_label(defs, row.section);
        const std::string label = section.empty() ? row.label : section + ": " + row.label;
        draw->AddText(at, colour(ImGuiCol_Text), label.c_str());
        const float width =
            p.state == wf::State::shown ? bar_room * static_cast<float>(p.value / 100.0) : 0.0F;
        const ImVec2 bar(at.x + label_width, at.y + line * 0.1F);
        draw->AddRectFilled(bar, ImVec2(bar.x + width, bar.y + line * 0.7F),
                            colour(ImGuiCol_PlotHistogram));
        draw->AddRect(bar, ImVec2(bar.x + bar_room, bar.y + line * 0.7F), colour(ImGuiCol_Border));
        const std::string words = figure_words(ind, p);
        draw->AddText(ImVec2(bar.x + bar_room + ImGui::GetFontSize() * 0.5F, at.y),
                      colour(ImGuiCol_Text), words.c_str());
        ImGui::Dummy(ImVec2(label_width + bar_room, line));
    }
}

void draw_ratio_chart(const wf::Results& results, const wf::IndicatorResult& ind,
                      const Look& look) {
    const wf::Definitions& defs = *results.defs;
    const wf::Likelihood& l = *ind.current.likelihood;
    const float font = ImGui::GetFontSize();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x - font * 2.0F, font * 10.0F);
    const float height = font * 3.0F;
    auto x = [&](double v) {
        const double clamped = std::clamp(v, scale_low, scale_high);
        return at.x + font +
               width * static_cast<float>((std::log(clamped) - std::log(scale_low)) /
                                          (std::log(scale_high) - std::log(scale_low)));
    };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(x(defs.guide.lower), at.y),
                        ImVec2(x(defs.guide.upper), at.y + height), colour(ImGuiCol_FrameBg));
    for (const double tick : {0.25, 0.5, 1.0, 2.0, 4.0}) {
        draw->AddLine(ImVec2(x(tick), at.y), ImVec2(x(tick), at.y + height),
                      colour(ImGuiCol_Border), tick == 1.0 ? 2.0F : 1.0F);
        const std::string label = wf::format_ratio(tick);
        draw->AddText(ImVec2(x(tick) - ImGui::CalcTextSize(label.c_str()).x / 2.0F, at.y + height),
                      colour(ImGuiCol_Text), label.c_str());
    }
    const float mid = at.y + height / 2.0F;
    if (l.lower.state == wf::State::shown) {
        draw->AddLine(ImVec2(x(l.lower.value), mid), ImVec2(x(l.upper.value), mid),
                      colour(ImGuiCol_PlotLines), font * 0.2F);
    }
    if (l.ratio.state == wf::State::shown) {
        draw->AddCircleFilled(ImVec2(x(l.ratio.value), mid), font * 0.4F,
                              colour(ImGuiCol_PlotHistogram));
    }
    ImGui::Dummy(ImVec2(width + font * 2.0F, height + ImGui::GetTextLineHeightWithSpacing()));
    const std::string interval = l.lower.state == wf::State::shown
                                     ? fill(text::wf_interval, wf::format_ratio(l.lower.value),
                                            wf::format_ratio(l.upper.value))
                                     : figure_words(ind, l.lower);
    widgets::paragraph(fill(text::wf_chart_ratio, figure_words(ind, l.ratio), interval));
    widgets::paragraph(fill(text::wf_chart_guide, defs.guide.label));
    widgets::unconfirmed_marker(look, defs.guide.provenance, false);
}

}  // namespace eqkit::ui
