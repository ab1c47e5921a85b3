// The Tender section's evaluator scoring page: the evaluator's own scoresheet only, each answer
// beside the scale's descriptors and the cited evidence from the bidder's pack, the word count
// against the limit, score and rationale, then submission signed with their key.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "screens/tender_screen.hpp"
#include "screens/tender_widgets.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

using Json = nlohmann::json;

std::string answer_label(const Json& answer) {
    const Json& score = answer.at("score");
    return score.is_number()
               ? fill(text::tn_answer_scored, tn::str(answer, "question"), score.get<int>())
               : fill(text::tn_answer_unscored, tn::str(answer, "question"));
}

void word_count(const Look& look, const Json& answer) {
    const int words = answer.value("words", 0);
    const Json& limit = answer.at("word_limit");
    if (!limit.is_number()) {
        widgets::muted(look, fill(text::tn_words_no_limit, words));
    } else if (answer.value("over_limit", false)) {
        widgets::problem(
            look, fill(text::tn_words_over, words, limit.get<int>(), words - limit.get<int>()));
    } else {
        widgets::muted(look, fill(text::tn_words, words, limit.get<int>()));
    }
}

void evidence(const Look& look, const Json& bidder, const Json& answer) {
    if (!answer.at("cites").empty()) {
        std::string cites;
        for (const Json& c : answer.at("cites"))
            cites += (cites.empty() ? "" : ", ") + c.get<std::string>();
        widgets::paragraph(fill(text::tn_answer_cites, cites));
    }
    if (bidder.value("flagged", false)) widgets::problem(look, text::tn_evidence_flagged);
    if (answer.at("evidence").empty()) {
        widgets::muted(look, text::tn_no_evidence);
        return;
    }
    for (const Json& e : answer.at("evidence")) {
        widgets::paragraph(fill(text::tn_evidence_line, tn::str(e, "cite"), tn::str(e, "title"),
                                tn::str(e, "where")));
    }
}

}  // namespace

void TenderScreen::draw_scoring(const Look& look) {
    if (!st_.scoring.is_object()) {
        widgets::heading(look, text::tn_scoring_heading);
        widgets::paragraph(text::tn_scoring_hint);
        widgets::paragraph(text::tn_you_are);
        const Json& evaluators = st_.overview.at("evaluators");
        const std::string preview = evaluator_name();
        ImGui::SetNextItemWidth(
            std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 20));
        if (ImGui::BeginCombo("##evaluator", preview.c_str())) {
            for (std::size_t i = 0; i < evaluators.size(); ++i) {
                ImGui::PushID(static_cast<int>(i));
                if (ImGui::Selectable(evaluator_name(i).c_str(), i == st_.evaluator_index))
                    st_.evaluator_index = i;
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        focus_here();
        draw_file_row(look, tender_file::scoresheet, text::tn_scoresheet_file);
        if (tn::button(text::tn_start_scoring, !evaluators.empty()))
            queue_.push_back(tn_action::StartScoring{});
        return;
    }
    const std::string name = tn::str(st_.scoring, "evaluator");
    widgets::heading(look, fill(text::tn_scoring_as, name));
    widgets::muted(look, text::tn_own_scores_only);
    for (const Json& c : st_.overview.at("conflicts")) {
        if (tn::str(c, "evaluator") != name) continue;
        widgets::problem(look,
                         fill(text::tn_blocked, tn::str(c, "bidder"), tn::str(c, "declaration")));
    }
    const Json& bidders = st_.scoring.at("bidders");
    if (bidders.empty()) {
        widgets::muted(look, text::tn_nothing_to_score);
        draw_submit(look);
        return;
    }
    // The two panes take what the submit section (measured last frame) leaves, so at 1280×800
    // the page itself never scrolls; each pane scrolls on its own.
    const float line = ImGui::GetFrameHeightWithSpacing();
    const float reserve = submit_height_ > 0.0F ? submit_height_ : line * 7.0F;
    const float height = std::max(ImGui::GetContentRegionAvail().y - reserve, line * 6.0F);
    ImGui::BeginChild("answers", ImVec2(ImGui::GetContentRegionAvail().x * 0.28F, height), true,
                      ImGuiWindowFlags_NavFlattened);
    for (std::size_t b = 0; b < bidders.size(); ++b) {
        const Json& bidder = bidders[b];
        ImGui::PushID(static_cast<int>(b));
        widgets::subheading(look, bidder.value("flagged", false)
                                      ? fill(text::tn_bidder_flagged, tn::str(bidder, "name"))
                                      : tn::str(bidder, "name"));
        const Json& answers = bidder.at("answers");
        for (std::size_t q = 0; q < answers.size(); ++q) {
            ImGui::PushID(static_cast<int>(q));
            const bool chosen = b == st_.bidder_at && q == st_.question_at;
            if (ImGui::Selectable(answer_label(answers[q]).c_str(), chosen))
                queue_.push_back(tn_action::SelectAnswer{b, q});
            if (chosen) focus_here();
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("answer", ImVec2(0.0F, height), true, ImGuiWindowFlags_NavFlattened);
    const Json& bidder = st_.bidder_at < bidders.size() ? bidders[st_.bidder_at] : bidders[0];
    const Json& answers = bidder.at("answers");
    if (st_.question_at < answers.size()) draw_answer(look, bidder, answers[st_.question_at]);
    ImGui::EndChild();
    const float before = ImGui::GetCursorPosY();
    draw_submit(look);
    submit_height_ = ImGui::GetCursorPosY() - before;
}

void TenderScreen::draw_answer(const Look& look, const Json& bidder, const Json& answer) {
    const Json* q = question(tn::str(answer, "question"));
    if (q == nullptr) return;
    widgets::subheading(
        look, fill(text::tn_answer_heading, tn::str(bidder, "name"), tn::question_line(*q)));
    tn::question_summary(look, *q);
    ImGui::Separator();
    widgets::subheading(look, text::tn_their_answer);
    if (answer.value("answered", true)) {
        widgets::paragraph(tn::str(answer, "text"));
    } else {
        widgets::problem(look, text::tn_not_answered);
    }
    word_count(look, answer);
    evidence(look, bidder, answer);
    ImGui::Separator();
    const bool submitted = st_.scoring.value("submitted", false);
    widgets::subheading(look, text::tn_your_score);
    ImGui::BeginDisabled(submitted);
    for (const Json& level : q->at("scale").at("levels")) {
        const int value = level.at("value").get<int>();
        ImGui::PushID(value);
        const std::string label =
            fill(text::tn_level, value, tn::str(level, "label"), tn::str(level, "description"));
        if (ImGui::RadioButton(label.c_str(), st_.score_draft == value)) st_.score_draft = value;
        ImGui::PopID();
        tn::unconfirmed(look, level, tn::str(level, "label"));
    }
    widgets::paragraph(text::tn_rationale);
    ImGui::InputTextMultiline("##rationale", &st_.rationale_draft,
                              ImVec2(-1.0F, ImGui::GetTextLineHeight() * 4.5F));
    if (ImGui::Button(text::tn_record_score)) queue_.push_back(tn_action::Score{});
    ImGui::EndDisabled();
}

void TenderScreen::draw_submit(const Look& look) {
    if (st_.scoring.value("submitted", false)) {
        widgets::subheading(look, st_.signer.empty() ? std::string(text::tn_submitted)
                                                     : fill(text::tn_submitted_signed, st_.signer));
        if (ImGui::Button(text::tn_save_scoresheet)) queue_.push_back(tn_action::SaveScoresheet{});
        return;
    }
    widgets::subheading(look, text::tn_submit_heading);
    widgets::muted(look, text::tn_submit_hint);
    draw_file_row(look, tender_file::key, text::tn_key_file);
    if (ImGui::Button(text::tn_new_key)) queue_.push_back(tn_action::NewKey{});
    ImGui::SameLine();
    if (ImGui::Button(text::tn_save_scoresheet)) queue_.push_back(tn_action::SaveScoresheet{});
    ImGui::SameLine();
    if (ImGui::Button(text::tn_submit)) queue_.push_back(tn_action::Submit{});
}

}  // namespace eqkit::ui
