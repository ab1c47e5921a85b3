#include "screens/migration_screen.hpp"

#include <algorithm>

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "text.hpp"
#include "widgets/focus.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

void draw_items(const Look& look, const char* heading, const nlohmann::json& list) {
    widgets::subheading(look, fill(heading, list.size()));
    if (list.empty()) widgets::muted(look, text::migrate_none);
    for (const nlohmann::json& item : list) {
        ImGui::Bullet();
        widgets::paragraph(fill(text::migrate_item, item.at("code").get<std::string>(),
                                item.at("title").get<std::string>()));
    }
}

std::string scale_words(const Scale& scale) {
    std::string out;
    for (const ScaleLevel& level : scale.levels)
        out += (out.empty() ? "" : "; ") + std::to_string(level.value) + " " + level.label;
    return out;
}

void draw_changes(const MigrationOffer& offer, const nlohmann::json& doc, const Look& look) {
    draw_items(look, text::migrate_added, doc.at("added"));
    draw_items(look, text::migrate_removed, doc.at("removed"));
    widgets::subheading(look, fill(text::migrate_retitled, offer.diff.retitled.size()));
    if (offer.diff.retitled.empty()) widgets::muted(look, text::migrate_none);
    for (const RetitledItem& r : offer.diff.retitled) {
        ImGui::Bullet();
        widgets::paragraph(fill(text::migrate_retitled_item, r.code, r.old_title, r.new_title));
    }
    widgets::subheading(look, text::migrate_scale);
    if (offer.diff.rescaled) {
        widgets::problem(look, fill(text::migrate_rescaled, scale_words(offer.from->scale),
                                    scale_words(offer.to->scale)));
    } else {
        widgets::muted(look, text::migrate_same_scale);
    }
}

void draw_result(const nlohmann::json& doc, const Look& look) {
    const nlohmann::json& carried = doc.at("carried");
    widgets::subheading(look, fill(text::migrate_carried, carried.size()));
    if (carried.empty()) widgets::muted(look, text::migrate_none);
    for (const nlohmann::json& c : carried) {
        ImGui::Bullet();
        const std::string code = c.at("code");
        widgets::paragraph(
            c.at("by") == "mapping"
                ? fill(text::migrate_by_mapping, code, c.at("title").get<std::string>(),
                       c.at("from_code").get<std::string>(), c.at("mapping").get<std::string>())
                : fill(text::migrate_item, code, c.at("title").get<std::string>()));
    }
    const nlohmann::json& left = doc.at("not_carried");
    widgets::subheading(look, fill(text::migrate_not_carried, left.size()));
    if (left.empty()) widgets::muted(look, text::migrate_none);
    for (const nlohmann::json& n : left) {
        ImGui::Bullet();
        widgets::problem(look, fill(text::migrate_item, n.at("code").get<std::string>(),
                                    n.at("reason").get<std::string>()));
    }
}

}  // namespace

void draw_migration_screen(MigrationScreenState& st, CommandQueue& out, const Look& look) {
    const MigrationOffer& offer = st.offer;
    const nlohmann::json doc = nlohmann::json::parse(migration_offer_json(offer));
    widgets::heading(look, fill(text::migrate_heading, offer.to->display_title()));
    widgets::paragraph(fill(st.kept ? text::migrate_intro_kept : text::migrate_intro, st.label,
                            offer.from->version, offer.to->version));
    if (ImGui::Button(text::migrate_carry)) out.push(CarryAcross{});
    // The keyboard starts on the screen's answer, so Space carries across and arrows reach Cancel.
    if (st.ids.empty()) widgets::focus_last_item(true);
    st.ids["carry"] = ImGui::GetItemID();
    ImGui::SameLine();
    if (ImGui::Button(text::migrate_cancel)) out.push(CancelMigration{});
    st.ids["cancel"] = ImGui::GetItemID();
    ImGui::Separator();
    ImGui::BeginChild("migration", ImVec2(0.0F, 0.0F), false);
    widgets::heading(look, text::migrate_changes_heading);
    draw_changes(offer, doc, look);
    ImGui::Separator();
    widgets::heading(look, text::migrate_result_heading);
    widgets::muted(look, text::migrate_result_hint);
    draw_result(doc, look);
    ImGui::EndChild();
}

std::vector<std::string> answers_to_review(const Workspace& ws) {
    std::vector<std::string> codes;
    if (!ws.is_open()) return codes;
    for (const Group& g : ws.framework().groups) {
        for (const Item& item : g.items) {
            if (ws.assessment().answer(item.code).needs_review) codes.push_back(item.code);
        }
    }
    return codes;
}

void draw_review_strip(const Workspace& ws, const std::string& selected, CommandQueue& out,
                       const Look& look, std::map<std::string, unsigned int>& ids) {
    ids.erase("next");
    ids.erase("confirm");
    const std::vector<std::string> codes = answers_to_review(ws);
    if (codes.empty()) return;
    // The next one after the selected item, in framework order, wrapping round.
    std::string next = codes.front();
    std::vector<std::string> order;
    for (const Group& g : ws.framework().groups) {
        for (const Item& item : g.items)
            order.push_back(item.code);
    }
    const auto here_at = std::find(order.begin(), order.end(), selected);
    for (auto it = here_at == order.end() ? order.end() : here_at + 1; it != order.end(); ++it) {
        if (ws.assessment().answer(*it).needs_review) {
            next = *it;
            break;
        }
    }
    widgets::problem(look, fill(text::review_strip, codes.size()));
    ImGui::SameLine();
    if (ImGui::SmallButton(text::review_next)) out.push(SelectItem{next});
    ids["next"] = ImGui::GetItemID();
    const Answer& here = ws.assessment().answer(selected);
    if (!here.needs_review) return;
    ImGui::SameLine();
    if (ImGui::SmallButton(text::review_confirm_next)) {
        Answer confirmed = here;
        confirmed.needs_review = false;
        out.push(SetAnswer{selected, std::move(confirmed)});
        if (codes.size() > 1) out.push(SelectItem{next});
    }
    ids["confirm"] = ImGui::GetItemID();
}

}  // namespace eqkit::ui
