#include "screens/impact_panel.hpp"

#include <imgui_stdlib.h>

#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

// ---- the form's fields ------------------------------------------------------------------------

// Tries the field's new value on a copy through the core: accepted, it becomes one undo step;
// refused, the core's reason is kept beside the field with what was typed.
void commit_field(const Workspace& ws, const FormField& f, const std::string& value,
                  ImpactPanelState& st, CommandQueue& out) {
    Assessment after = ws.assessment();
    if (Result<void> ok = set_field(ws.framework(), after, f.id, value); !ok) {
        st.field_refusals[f.id] = ok.error().message();
        return;
    }
    st.field_refusals.erase(f.id);
    if (after != ws.assessment())
        out.push(EditAssessment{std::move(after), fill(text::ia_undo_field, f.label)});
}

void draw_choice_field(const Workspace& ws, const FormField& f, const std::string& saved,
                       ImpactPanelState& st, CommandQueue& out) {
    for (const std::string& choice : f.choices) {
        if (ImGui::RadioButton(choice.c_str(), saved == choice) && saved != choice)
            commit_field(ws, f, choice, st, out);
        remember_id(st, "field/" + f.id + "/" + choice, choice.c_str());
    }
}

void draw_text_field(const Workspace& ws, const FormField& f, const std::string& saved,
                     ImpactPanelState& st, CommandQueue& out) {
    std::string& draft = st.field_drafts[f.id];
    if (!st.active_fields.contains(f.id) && !st.field_refusals.contains(f.id)) draft = saved;
    ImGui::SetNextItemWidth(-1.0F);
    if (f.type == FieldType::long_text) {
        ImGui::InputTextMultiline("##value", &draft,
                                  ImVec2(-1.0F, ImGui::GetTextLineHeight() * 4.0F));
    } else {
        ImGui::InputTextWithHint("##value", f.type == FieldType::date ? text::ia_date_hint : "",
                                 &draft);
    }
    remember_id(st, "field/" + f.id, "##value");
    // Each field keeps its own mark: the next field's activation must not reset this draft
    // before its end is seen.
    if (ImGui::IsItemActive()) {
        st.active_fields.insert(f.id);
    } else {
        st.active_fields.erase(f.id);
    }
    if (ImGui::IsItemDeactivatedAfterEdit()) commit_field(ws, f, draft, st, out);
}

void draw_section(const Workspace& ws, const ImpactEntry& entry, ImpactPanelState& st,
                  CommandQueue& out, const Look& look, std::string_view today) {
    const Framework& fw = ws.framework();
    const std::vector<FieldSection> sections = field_sections(fw);
    const std::size_t index = std::stoul(entry.id) - 1;
    if (index >= sections.size()) return;
    widgets::heading(look, sections[index].title);
    draw_locked_notice(ws.assessment(), look);
    for (const FormField* f : sections[index].fields) {
        ImGui::PushID(f->id.c_str());
        ImGui::Spacing();
        widgets::subheading(look, f->required ? f->label : fill(text::ia_optional, f->label));
        if (!f->hint.empty()) widgets::muted(look, f->hint);
        const auto it = ws.assessment().form.fields.find(f->id);
        const std::string saved = it == ws.assessment().form.fields.end() ? "" : it->second;
        if (f->type == FieldType::choice) {
            draw_choice_field(ws, *f, saved, st, out);
        } else {
            draw_text_field(ws, *f, saved, st, out);
        }
        if (const auto refused = st.field_refusals.find(f->id); refused != st.field_refusals.end())
            widgets::problem(look, fill(text::ia_not_saved, refused->second));
        if (fw.review && fw.review->field == f->id) {
            widgets::paragraph(
                fill(text::ia_review_line, review_words(fw, ws.assessment(), today)));
            widgets::unconfirmed_marker(look, fw.review->provenance);
        }
        ImGui::PopID();
    }
}

// ---- a characteristic or group --------------------------------------------------------------

RowAnswer saved_row(const Assessment& a, const std::string& subject) {
    const auto it = a.form.rows.find(subject);
    return it == a.form.rows.end() ? RowAnswer{} : it->second;
}

void commit_row(const Workspace& ws, const RowSubject& s, ImpactPanelState& st, CommandQueue& out,
                std::string_view input) {
    Assessment after = ws.assessment();
    st.refusal_at = input;
    if (Result<void> ok = set_row(ws.framework(), after, s.id, st.row); !ok) {
        st.row_refusal = ok.error().message();
        return;
    }
    st.row_refusal.clear();
    if (after != ws.assessment())
        out.push(EditAssessment{std::move(after), fill(text::ia_undo_row, s.title)});
}

void draw_refusal(const ImpactPanelState& st, std::string_view input, const Look& look) {
    if (!st.row_refusal.empty() && st.refusal_at == input)
        widgets::problem(look, fill(text::ia_not_saved, st.row_refusal));
}

// Radio buttons for relevance or impact; returns whether the draft changed.
bool draw_levels(const RowScale& scale, const char* name, std::string& value, ImpactPanelState& st,
                 const Look& look) {
    widgets::subheading(look, scale.label);
    if (!scale.hint.empty()) widgets::muted(look, scale.hint);
    bool changed = false;
    ImGui::PushID(name);
    for (const RowLevel& level : scale.levels) {
        if (ImGui::RadioButton(level.label.c_str(), value == level.value) && value != level.value) {
            value = level.value;
            changed = true;
        }
        remember_id(st, std::string(name) + "/" + level.value, level.label.c_str());
        if (!level.description.empty()) {
            ImGui::Indent();
            widgets::muted(look, level.description);
            ImGui::Unindent();
        }
    }
    ImGui::PopID();
    return changed;
}

// A multi-line text of the row; returns true when an edit of it ended.
bool draw_row_text(const char* label, const std::string& hint, std::string& value, const char* id,
                   ImpactPanelState& st, const Look& look) {
    widgets::subheading(look, label);
    if (!hint.empty()) widgets::muted(look, hint);
    ImGui::InputTextMultiline(id, &value, ImVec2(-1.0F, ImGui::GetTextLineHeight() * 3.0F));
    remember_id(st, id + 2, id);  // without the "##"
    return ImGui::IsItemDeactivatedAfterEdit();
}

// One axis of a risk rating; 0 is "not scored". Returns whether the value changed.
bool axis_combo(const RiskAxis& axis, int& value, const std::string& name, ImpactPanelState& st) {
    const AxisLevel* chosen = axis.level(value);
    const std::string preview =
        chosen ? axis_level_words(*chosen) : std::string(text::ia_not_scored);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 13.0F);
    const bool open = ImGui::BeginCombo(axis.title.c_str(), preview.c_str());
    remember_id(st, name, axis.title.c_str());
    if (!open) return false;
    bool changed = false;
    if (ImGui::Selectable(text::ia_not_scored, value == 0) && value != 0) {
        value = 0;
        changed = true;
    }
    remember_id(st, name + "/0", text::ia_not_scored);
    for (const AxisLevel& level : axis.levels) {
        const std::string option = axis_level_words(level);
        if (ImGui::Selectable(option.c_str(), value == level.value) && value != level.value) {
            value = level.value;
            changed = true;
        }
        remember_id(st, name + "/" + std::to_string(level.value), option.c_str());
    }
    ImGui::EndCombo();
    return changed;
}

// Risk before or after mitigation: likelihood and impact on the template's matrix, then its
// score and band in words (with the band's UNCONFIRMED mark). Returns whether the draft changed.
bool draw_risk(const RiskMatrix& matrix, std::optional<RiskRating>& risk, const char* name,
               const char* heading, ImpactPanelState& st, const Look& look) {
    widgets::subheading(look, heading);
    RiskRating at = risk.value_or(RiskRating{});
    ImGui::PushID(name);
    bool changed =
        axis_combo(matrix.likelihood, at.likelihood, std::string(name) + "/likelihood", st);
    changed = axis_combo(matrix.impact, at.impact, std::string(name) + "/impact", st) || changed;
    ImGui::PopID();
    if (changed) {
        risk = at.likelihood == 0 && at.impact == 0 ? std::nullopt : std::optional<RiskRating>(at);
    }
    if (risk && risk->likelihood != 0 && risk->impact != 0) {
        const std::string words = risk_words(matrix, *risk);
        widgets::paragraph(fill(text::ia_risk_now, words));
        st.risk_shown[name] = words;
        if (const Band* band = risk_band(matrix, *risk); band && !band->provenance.confirmed) {
            widgets::unconfirmed_note(look, fill(text::ia_band_what, band->label),
                                      band->provenance.note);
            st.unconfirmed_bands.insert(band->label);
        }
    }
    return changed;
}

void draw_row_risks(const Framework& fw, const RowSubject& s, ImpactPanelState& st,
                    CommandQueue& out, const Workspace& ws, const Look& look) {
    const RowLevel* impact = fw.rows->impact.level(st.row.impact);
    if (!fw.risk_matrix) return;
    if (impact == nullptr || !impact->scores_risk) {
        widgets::muted(look, text::ia_risk_only_negative);
        return;
    }
    widgets::muted(look, text::ia_risk_hint);
    if (draw_risk(*fw.risk_matrix, st.row.risk_before, "risk_before", text::ia_risk_before, st,
                  look)) {
        commit_row(ws, s, st, out, "risk_before");
    }
    draw_refusal(st, "risk_before", look);
    if (draw_risk(*fw.risk_matrix, st.row.risk_after, "risk_after", text::ia_risk_after, st,
                  look)) {
        commit_row(ws, s, st, out, "risk_after");
    }
    draw_refusal(st, "risk_after", look);
    // A negative impact's mitigation becomes an action in the workspace's plan, linked here.
    remember_id(st, "mitigation", text::ia_add_mitigation);
    if (ImGui::Button(text::ia_add_mitigation)) out.push(AddMitigation{fw.id + ":" + s.id});
}

// The draft follows the saved row when the saved one changed (undo, an accepted edit); a
// refused draft stays until then, so nothing typed is lost.
void sync_row(const Workspace& ws, const ImpactEntry& entry, ImpactPanelState& st) {
    RowAnswer saved = saved_row(ws.assessment(), entry.id);
    if (saved == st.row_saved) return;
    st.row = saved;
    st.row_saved = std::move(saved);
    st.row_refusal.clear();
}

void draw_row(const Workspace& ws, const ImpactEntry& entry, ImpactPanelState& st,
              CommandQueue& out, const Look& look) {
    const Framework& fw = ws.framework();
    const RowsSpec& spec = *fw.rows;
    const RowSubject* s = spec.subject(entry.id);
    if (s == nullptr) return;
    sync_row(ws, entry, st);
    widgets::muted(
        look, s->kind == SubjectKind::added_group ? text::ia_kind_added : text::ia_kind_protected);
    widgets::heading(look, s->title);
    if (!s->provenance.confirmed) widgets::unconfirmed_note(look, s->title, s->provenance.note);
    if (!s->hint.empty()) widgets::paragraph(s->hint);
    if (!s->note_on_duty.empty()) widgets::muted(look, s->note_on_duty);
    draw_locked_notice(ws.assessment(), look);
    ImGui::Separator();
    if (draw_levels(spec.relevance, "relevance", st.row.relevance, st, look))
        commit_row(ws, *s, st, out, "relevance");
    draw_refusal(st, "relevance", look);
    if (draw_levels(spec.impact, "impact", st.row.impact, st, look))
        commit_row(ws, *s, st, out, "impact");
    draw_refusal(st, "impact", look);
    if (draw_row_text(spec.reason_label.c_str(), "", st.row.reason, "##reason", st, look))
        commit_row(ws, *s, st, out, "reason");
    draw_refusal(st, "reason", look);
    for (const RowText& t : spec.texts) {
        const std::string id = "##text/" + t.id;
        std::string value = st.row.texts[t.id];
        const bool ended = draw_row_text(t.label.c_str(), t.hint, value, id.c_str(), st, look);
        if (value.empty()) {
            st.row.texts.erase(t.id);
        } else {
            st.row.texts[t.id] = value;
        }
        if (ended) commit_row(ws, *s, st, out, id);
        draw_refusal(st, id, look);
    }
    ImGui::Separator();
    draw_row_risks(fw, *s, st, out, ws, look);
}

}  // namespace

void remember_id(ImpactPanelState& st, const std::string& name, const char* label) {
    st.ids[name] = ImGui::GetID(label);
}

void draw_locked_notice(const Assessment& a, const Look& look) {
    if (!a.trail.signoff) return;
    widgets::problem(look, fill(text::ia_locked, version_words(a), a.trail.version + 1));
}

void draw_impact_panel(const Workspace& ws, const ImpactEntry& entry, ImpactPanelState& st,
                       CommandQueue& out, const Look& look, std::string_view today) {
    if (st.entry != entry.key) {  // drafts belong to one entry; who signs stays
        Signoff signer = std::move(st.signer);
        st = ImpactPanelState{};
        st.entry = entry.key;
        st.signer = std::move(signer);
        if (entry.page == ImpactPage::row)
            st.row = st.row_saved = saved_row(ws.assessment(), entry.id);
    }
    ImGui::PushID(entry.key.c_str());
    switch (entry.page) {
        case ImpactPage::section:
            draw_section(ws, entry, st, out, look, today);
            break;
        case ImpactPage::row:
            draw_row(ws, entry, st, out, look);
            break;
        case ImpactPage::matrix:
            draw_matrix_page(*ws.framework().risk_matrix, look);
            break;
        case ImpactPage::signoff:
            draw_signoff_page(ws, st, out, look, today);
            break;
        case ImpactPage::versions:
            draw_versions_page(ws, st, out, look);
            break;
    }
    ImGui::PopID();
}

}  // namespace eqkit::ui
