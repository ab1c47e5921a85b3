#include "screens/item_editor.hpp"

#include <algorithm>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "eqkit/carry.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/form.hpp"
#include "eqkit/rating.hpp"
#include "eqkit/text.hpp"
#include "text.hpp"
#include "widgets/score_picker.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

void draw_guidance(const Framework& fw, const Item& item, const Look& look) {
    if (const Group* group = fw.group_of(item.code)) {
        widgets::muted(look,
                       fill(text::editor_group_line, fw.group_label, group->code, group->title));
    }
    widgets::heading(look, fill(text::editor_item_heading, fw.item_label, item.code, item.title));
    if (!item.provenance.confirmed) {
        widgets::unconfirmed_note(look, fill(text::editor_item_what, fw.item_label, item.code),
                                  item.provenance.note);
    }
    if (!item.guidance.empty()) widgets::paragraph(item.guidance);
    if (!item.evidence_prompts.empty() && ImGui::TreeNode(text::editor_evidence_prompts)) {
        if (!item.evidence_prompts_official) {
            widgets::muted(look, text::editor_evidence_not_official);
        }
        for (const std::string& prompt : item.evidence_prompts) {
            ImGui::Bullet();
            widgets::paragraph(prompt);
        }
        ImGui::TreePop();
    }
}

void draw_score(const Framework& fw, Answer& working, const Look& look) {
    widgets::subheading(look, fw.scale.title);
    if (!fw.scale.official) {
        widgets::unconfirmed_note(look, fill(text::picker_scale_not_official, fw.scale.title),
                                  fw.scale.rationale);
    }
    std::optional<int> score = working.score;
    if (widgets::score_picker(look, fw.scale, score)) working.score = score;
}

// The method the rating uses for this assessment, when it scores evidence categories.
const ScoringMethod* category_method(const Framework& fw, const Assessment& assessment) {
    const std::string id = rating_input(fw, assessment).method;
    for (const ScoringMethod& m : fw.aggregation.methods) {
        if (m.id == id && m.item_scores == ItemScores::evidence_categories) return &m;
    }
    return nullptr;
}

void draw_categories(const Framework& fw, const ScoringMethod& method, Answer& working,
                     const Look& look) {
    widgets::subheading(look, fill(text::editor_categories_heading, method.title));
    widgets::muted(look, text::editor_categories_hint);
    for (const EvidenceCategory& c : fw.evidence_categories) {
        ImGui::PushID(c.code.c_str());
        widgets::paragraph(c.title);
        const auto it = working.category_scores.find(c.code);
        std::optional<int> score =
            it == working.category_scores.end() ? std::nullopt : std::optional<int>(it->second);
        if (widgets::score_picker(look, fw.scale, score)) {
            if (score) {
                working.category_scores[c.code] = *score;
            } else {
                working.category_scores.erase(c.code);
            }
        }
        ImGui::PopID();
    }
}

// The mark of a carried answer and its sources; confirming clears the mark (one undo step).
void draw_review(const Answer& answer, Answer& working, ItemEditorState& st, const Look& look) {
    st.confirm_id = 0;
    if (answer.needs_review) {
        widgets::problem(look, text::editor_needs_review);
        if (ImGui::Button(text::editor_confirm_review)) working.needs_review = false;
        st.confirm_id = ImGui::GetItemID();
    }
    for (const AnswerSource& source : answer.sources)
        widgets::muted(look, fill(text::editor_source, source_text(source)));
}

// A multi-line draft that becomes part of the answer when the edit ends.
void draft_field(const char* label, const char* id, const std::string& saved, std::string& draft,
                 bool& active, std::string& target) {
    ImGui::TextUnformatted(label);
    if (!active) draft = saved;
    ImGui::InputTextMultiline(id, &draft, ImVec2(-1.0F, ImGui::GetTextLineHeight() * 3.0F));
    active = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivatedAfterEdit()) target = draft;
}

void draw_statements(const Answer& answer, Answer& working, ItemEditorState& st, const Look& look) {
    if (!ImGui::TreeNode(text::editor_statements_heading)) return;
    widgets::muted(look, text::editor_statements_note);
    draft_field(text::editor_i_statement, "##i_statement", answer.i_statement, st.i_statement,
                st.i_active, working.i_statement);
    draft_field(text::editor_we_statement, "##we_statement", answer.we_statement, st.we_statement,
                st.we_active, working.we_statement);
    ImGui::TreePop();
}

void draw_narrative(const Framework& fw, const Answer& answer, Answer& working, ItemEditorState& st,
                    const Look& look) {
    widgets::subheading(look, fw.narrative.label);
    if (!fw.narrative.hint.empty()) widgets::muted(look, fw.narrative.hint);
    if (!st.narrative_active) st.narrative = answer.narrative;  // follow undo, redo, open
    const float height = ImGui::GetTextLineHeight() * 8.0F;
    ImGui::InputTextMultiline("##narrative", &st.narrative, ImVec2(-1.0F, height));
    st.narrative_id = ImGui::GetItemID();
    st.narrative_active = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivatedAfterEdit()) working.narrative = st.narrative;
    const std::size_t length = utf16_length(st.narrative);
    const std::size_t limit = fw.narrative.max_length;
    if (length > limit) {
        widgets::problem(look, fill(text::editor_characters_over, length, limit, length - limit));
    } else {
        widgets::muted(look, fill(text::editor_characters, length, limit));
    }
}

void draw_raters(const RatersSpec& spec, const Answer& answer, Answer& working, ItemEditorState& st,
                 const Look& look) {
    widgets::subheading(look, spec.label);
    widgets::unconfirmed_marker(look, spec.provenance);
    if (!spec.hint.empty()) widgets::muted(look, spec.hint);
    if (!spec.provenance.confirmed) {
        widgets::unconfirmed_note(look, spec.label, spec.provenance.note);
    }
    // Suggestions first, then anyone the user added.
    std::vector<std::string> names = spec.suggestions;
    for (const std::string& rater : answer.raters) {
        if (std::find(names.begin(), names.end(), rater) == names.end()) names.push_back(rater);
    }
    for (const std::string& name : names) {
        const auto it = std::find(answer.raters.begin(), answer.raters.end(), name);
        bool checked = it != answer.raters.end();
        if (ImGui::Checkbox(name.c_str(), &checked)) {
            const auto at = std::find(working.raters.begin(), working.raters.end(), name);
            if (checked && at == working.raters.end()) working.raters.push_back(name);
            if (!checked && at != working.raters.end()) working.raters.erase(at);
        }
    }
    ImGui::TextUnformatted(text::editor_add_rater_label);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6F);
    const bool entered =
        ImGui::InputText("##new_rater", &st.new_rater, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    const bool added = ImGui::Button(text::editor_add_rater);
    if ((entered || added) && !is_blank(st.new_rater)) {
        if (std::find(working.raters.begin(), working.raters.end(), st.new_rater) ==
            working.raters.end()) {
            working.raters.push_back(st.new_rater);
        }
        st.new_rater.clear();
    }
}

void draw_evidence(const std::vector<EvidenceLine>& evidence, const Look& look) {
    widgets::subheading(look, fill(text::editor_evidence_heading, evidence.size()));
    if (evidence.empty()) widgets::muted(look, text::editor_evidence_missing);
    for (const EvidenceLine& line : evidence) {
        ImGui::Bullet();
        if (line.expired) {
            ImGui::TextColored(look.accents.problem, "%s",
                               fill(text::editor_evidence_expired, line.title).c_str());
        } else {
            widgets::paragraph(line.title);
        }
    }
    widgets::muted(look, text::editor_evidence_how);
}

void draw_links(const ItemContext& context, CommandQueue& out, const Look& look) {
    const std::string heading = fill(text::editor_links_heading, context.links.size());
    if (!ImGui::TreeNodeEx(heading.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (const LinkedItemLine& link : context.links) {
        ImGui::PushID(link.ref.c_str());
        widgets::paragraph(link.heading);
        if (!link.official) widgets::muted(look, text::editor_link_ours);
        if (!link.provenance.confirmed) {
            widgets::unconfirmed_note(look, text::editor_link_what, link.provenance.note);
        }
        if (!link.rationale.empty())
            widgets::muted(look, fill(text::editor_link_why, link.rationale));
        for (const EvidenceLine& line : link.evidence) {
            ImGui::PushID(line.id.c_str());
            ImGui::Bullet();
            widgets::paragraph(
                fill(line.expired ? text::editor_link_evidence_expired : text::editor_link_evidence,
                     line.title));
            if (ImGui::SmallButton(text::editor_link_use_here)) {
                out.push(AttachEvidence{line.id, context.ref});
            }
            ImGui::PopID();
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
    ImGui::TreePop();
}

// Whether the user typed this letter (either case) in this frame.
bool typed(char letter) {
    const ImGuiIO& io = ImGui::GetIO();
    const auto upper = static_cast<ImWchar>(letter - 'a' + 'A');
    return std::any_of(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(),
                       [letter, upper](ImWchar c) { return c == letter || c == upper; });
}

std::string answer_key(const Suggestion& s) {
    return s.link.ref() + "|" + s.assessment_id;
}

std::string answer_line(const Registry& registry, const Suggestion& s) {
    std::string narrative = s.answer.narrative.substr(0, 200);
    if (narrative.size() < s.answer.narrative.size()) narrative += "...";
    return fill(text::editor_answer_line, carried_from(registry, s),
                s.answer.score ? std::to_string(*s.answer.score) : std::string("-"),
                narrative.empty() ? std::string("-") : narrative);
}

// Answers given for linked items, each accepted (copied with its source, "needs review") or
// rejected by a button or one key on its row; the same core call as the accessible face.
void draw_linked_answers(const Workspace& ws, const ItemContext& context, const Answer& answer,
                         Answer& working, ItemEditorState& st, const Look& look) {
    const Registry& registry = ws.registry();
    std::vector<const Suggestion*> open;
    for (const Suggestion& s : context.answers) {
        if (!already_carried(registry, answer, s) && !st.rejected.contains(answer_key(s)))
            open.push_back(&s);
    }
    st.answer_ids.clear();
    if (open.empty() && st.answers_note.empty()) return;
    ImGui::Separator();
    widgets::subheading(look, fill(text::editor_answers_heading, open.size()));
    widgets::muted(look, text::editor_answers_hint);
    ImGui::InputText(text::editor_accepted_by, &st.accepted_by);
    st.accepted_by_id = ImGui::GetItemID();
    if (!st.answers_note.empty()) widgets::muted(look, st.answers_note);
    for (const Suggestion* s : open) {
        const std::string key = answer_key(*s);
        ImGui::PushID(key.c_str());
        ImGui::Selectable(answer_line(registry, *s).c_str(), false);
        st.answer_ids[key] = ImGui::GetItemID();
        const bool focused = ImGui::IsItemFocused();
        bool accept = focused && typed('a');
        bool reject = focused && typed('r');
        accept = ImGui::SmallButton(text::editor_answer_accept) || accept;
        ImGui::SameLine();
        reject = ImGui::SmallButton(text::editor_answer_reject) || reject;
        if (accept && is_blank(st.accepted_by)) {
            st.answers_note = text::editor_answer_who;
        } else if (accept) {
            working =
                accepted_answer(registry, ws.framework(), working, *s, st.accepted_by, today_iso());
            st.answers_note = text::editor_answer_accepted;
        } else if (reject) {
            st.rejected.insert(key);
            st.answers_note = text::editor_answer_rejected;
        }
        ImGui::PopID();
    }
}

}  // namespace

void draw_item_editor(const Workspace& ws, const Item& item, ItemEditorState& st, CommandQueue& out,
                      const Look& look, const ItemContext& context) {
    const Framework& fw = ws.framework();
    const Answer& answer = ws.assessment().answer(item.code);
    if (st.item != item.code) {
        std::string accepted_by = std::move(st.accepted_by);
        st = ItemEditorState{};
        st.item = item.code;
        st.accepted_by = std::move(accepted_by);
    }
    // Every widget edits one working copy, so a score picked in the same frame as a narrative
    // edit ends (one click does both) is one command, and neither change overwrites the other.
    Answer working = answer;
    ImGui::PushID(item.code.c_str());
    draw_guidance(fw, item, look);
    if (!ws.assessment().applies(item.code)) widgets::muted(look, text::editor_not_applicable);
    draw_review(answer, working, st, look);
    ImGui::Separator();
    if (const ScoringMethod* method = category_method(fw, ws.assessment())) {
        draw_categories(fw, *method, working, look);
    } else {
        draw_score(fw, working, look);
    }
    ImGui::Separator();
    draw_narrative(fw, answer, working, st, look);
    if (fw.raters) {
        ImGui::Separator();
        draw_raters(*fw.raters, answer, working, st, look);
    }
    if (!fw.aggregation.methods.empty()) {
        ImGui::Separator();
        draw_statements(answer, working, st, look);
    }
    ImGui::Separator();
    draw_evidence(context.evidence, look);
    if (!context.links.empty()) {
        ImGui::Separator();
        draw_links(context, out, look);
    }
    draw_linked_answers(ws, context, answer, working, st, look);
    ImGui::PopID();
    if (working != answer) out.push(SetAnswer{item.code, std::move(working)});
}

}  // namespace eqkit::ui
