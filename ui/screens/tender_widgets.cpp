#include "screens/tender_widgets.hpp"

#include <cmath>

#include <imgui.h>

#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui::tn {

using Json = nlohmann::json;

std::string str(const Json& doc, const char* key) {
    if (!doc.is_object()) return "";
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string number(double value) {
    std::string s = std::to_string(std::round(value * 100.0) / 100.0);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string question_line(const Json& q) {
    if (q.value("pass_fail", false)) {
        return fill(text::tn_question_pass_fail, str(q, "code"), str(q, "title"));
    }
    return fill(text::tn_question_weighted, str(q, "code"), str(q, "title"),
                number(q.value("weight", 0.0)));
}

void unconfirmed(const Look& look, const Json& fact, std::string_view what) {
    if (!fact.is_object() || fact.value("confirmed", true)) return;
    widgets::unconfirmed_note(look, what, str(fact, "note"));
}

void question_summary(const Look& look, const Json& q) {
    widgets::paragraph(str(q, "text"));
    if (const std::string guidance = str(q, "guidance"); !guidance.empty())
        widgets::muted(look, fill(text::tn_guidance, guidance));
    if (q.contains("word_limit") && q.at("word_limit").is_number())
        widgets::paragraph(fill(text::tn_word_limit, q.at("word_limit").get<int>()));
    if (q.contains("minimum_score") && q.at("minimum_score").is_number())
        widgets::paragraph(fill(text::tn_minimum, q.at("minimum_score").get<int>()));
    if (q.contains("cites") && !q.at("cites").empty()) {
        std::string cites;
        for (const Json& c : q.at("cites"))
            cites += (cites.empty() ? "" : ", ") + c.get<std::string>();
        widgets::paragraph(fill(text::tn_cites, cites));
    }
    unconfirmed(look, q, str(q, "code"));
}

void pack_verification(const Look& look, const Json& bid) {
    const std::string sentence = str(bid, "verification");
    if (!bid.value("flagged", false)) {
        widgets::paragraph(sentence);
        return;
    }
    widgets::problem(look, sentence);
    const Json& pack = bid.contains("pack") ? bid.at("pack") : Json();
    if (!pack.is_object()) return;
    for (const Json& p : pack.at("problems"))
        widgets::problem(look, fill(text::tn_pack_problem, p.get<std::string>()));
}

bool button(const char* label, bool enabled) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    return pressed && enabled;
}

}  // namespace eqkit::ui::tn
