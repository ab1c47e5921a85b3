// The impact panel's risk matrix, sign-off and versions pages (screens/impact_panel.hpp).
#include "screens/impact_panel.hpp"

#include <imgui_stdlib.h>

#include "eqkit/text.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

void wrapped(const std::string& line) {
    ImGui::PushTextWrapPos(0.0F);
    ImGui::TextUnformatted(line.c_str());
    ImGui::PopTextWrapPos();
}

// "12\nHigh", with a "*" for a band the template's source does not confirm (the legend says so).
std::string cell_words(const RiskMatrix& m, int likelihood, int impact) {
    const int score = likelihood * impact;
    const Band* band = band_for(m.bands, score);
    if (band == nullptr) return std::to_string(score);
    return band->provenance.confirmed ? fill(text::ia_cell, score, band->label)
                                      : fill(text::ia_cell_unconfirmed, score, band->label);
}

// "Consequence: 1 Insignificant; 2 Minor (UNCONFIRMED); …": the levels the table numbers.
std::string axis_legend(const RiskAxis& axis) {
    std::string levels;
    for (const AxisLevel& level : axis.levels)
        levels += (levels.empty() ? "" : "; ") + axis_level_words(level);
    return fill(text::ia_view_value, axis.title, levels);
}

// Keeps the next button on this line when it fits, so none is cut off at the panel's edge.
void same_line_if_fits(const char* label) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2.0F;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

// ---- an earlier version, read-only ----------------------------------------------------------

std::string level_label(const RowScale& scale, const std::string& value) {
    const RowLevel* level = scale.level(value);
    return level == nullptr ? std::string(text::ia_not_answered) : level->label;
}

void draw_version_rows(const Framework& fw, const Assessment& a) {
    const RowsSpec& spec = *fw.rows;
    for (const RowSubject& s : spec.subjects) {
        const auto it = a.form.rows.find(s.id);
        if (it == a.form.rows.end()) {
            wrapped(fill(text::ia_view_row_empty, s.title));
            continue;
        }
        const RowAnswer& row = it->second;
        wrapped(fill(text::ia_view_row, s.title, level_label(spec.relevance, row.relevance),
                     level_label(spec.impact, row.impact)));
        ImGui::Indent();
        if (!row.reason.empty()) wrapped(fill(text::ia_view_value, spec.reason_label, row.reason));
        for (const RowText& t : spec.texts) {
            if (const auto found = row.texts.find(t.id); found != row.texts.end())
                wrapped(fill(text::ia_view_value, t.label, found->second));
        }
        if (fw.risk_matrix && row.risk_before)
            wrapped(ui::fill(text::ia_view_value, text::ia_risk_before,
                             risk_words(*fw.risk_matrix, *row.risk_before)));
        if (fw.risk_matrix && row.risk_after)
            wrapped(ui::fill(text::ia_view_value, text::ia_risk_after,
                             risk_words(*fw.risk_matrix, *row.risk_after)));
        ImGui::Unindent();
    }
}

void draw_version_items(const Framework& fw, const Assessment& a) {
    for (const Group& group : fw.groups) {
        for (const Item& item : group.items) {
            const Answer& answer = a.answer(item.code);
            const ScaleLevel* level = answer.score ? fw.scale.level(*answer.score) : nullptr;
            wrapped(fill(text::ia_view_item, item.code, item.title,
                         level == nullptr ? std::string(text::ia_not_answered) : level->label));
            if (!answer.narrative.empty()) {
                ImGui::Indent();
                wrapped(answer.narrative);
                ImGui::Unindent();
            }
        }
    }
}

// Each part under a heading the keyboard can reach, so a long version can be walked through.
void draw_version_view(const Framework& fw, const Assessment& a, const Look& look) {
    widgets::paragraph(version_words(a));
    widgets::muted(look, text::ia_view_read_only);
    for (const FieldSection& section : field_sections(fw)) {
        if (!ImGui::TreeNodeEx(section.title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) continue;
        for (const FormField* f : section.fields) {
            const auto it = a.form.fields.find(f->id);
            wrapped(
                fill(text::ia_view_value, f->label,
                     it == a.form.fields.end() ? std::string(text::ia_not_answered) : it->second));
        }
        ImGui::TreePop();
    }
    if (fw.rows && ImGui::TreeNodeEx(fw.rows->title.c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        draw_version_rows(fw, a);
        ImGui::TreePop();
    }
    if (ImGui::TreeNodeEx(text::ia_view_items, ImGuiTreeNodeFlags_DefaultOpen)) {
        draw_version_items(fw, a);
        ImGui::TreePop();
    }
}

void draw_version(const Workspace& ws, int v, ImpactPanelState& st, CommandQueue& out,
                  const Look& look) {
    const Assessment& a = ws.assessment();
    ImGui::PushID(v);
    const bool current = v == a.trail.version;
    widgets::subheading(look, fill(current ? text::ia_this_version : text::ia_earlier_version, v));
    const Checked<Assessment> then = version_as_signed(ws.registry(), ws.framework(), a, v);
    if (!then) {
        widgets::problem(look, then.error().front().message());
        ImGui::PopID();
        return;
    }
    widgets::paragraph(version_words(*then));
    for (const VersionChange& c : a.trail.changes) {
        if (c.version == v) widgets::muted(look, fill(text::ia_version_change, c.change));
    }
    const char* read = st.reading == v ? text::ia_close_version : text::ia_read_version;
    if (ImGui::Button(read)) st.reading = st.reading == v ? 0 : v;
    remember_id(st, "version/" + std::to_string(v) + "/read", read);
    same_line_if_fits(text::ia_export_html);
    if (ImGui::Button(text::ia_export_html)) out.push(Download{Document::html_report, v});
    remember_id(st, "version/" + std::to_string(v) + "/html", text::ia_export_html);
    same_line_if_fits(text::ia_export_json);
    if (ImGui::Button(text::ia_export_json)) out.push(Download{Document::assessment_json, v});
    remember_id(st, "version/" + std::to_string(v) + "/json", text::ia_export_json);
    if (st.reading == v) {
        ImGui::Indent();
        draw_version_view(ws.framework(), *then, look);
        ImGui::Unindent();
    }
    ImGui::PopID();
    ImGui::Separator();
}

// ---- sign-off --------------------------------------------------------------------------------

void sign(const Workspace& ws, ImpactPanelState& st, CommandQueue& out, std::string_view today) {
    Signoff signer = st.signer;
    if (is_blank(signer.date)) signer.date = today;
    Assessment after = ws.assessment();
    st.signoff_refusals.clear();
    if (Checked<void> ok = sign_off(ws.framework(), after, signer); !ok) {
        for (const Error& e : ok.error())
            st.signoff_refusals.push_back(e.message());
        return;
    }
    std::string what = fill(text::ia_undo_signoff, after.trail.version);
    out.push(EditAssessment{std::move(after), std::move(what)});
}

void draw_signer_fields(const SignoffSpec& spec, ImpactPanelState& st) {
    ImGui::InputText(text::ia_signer_name, &st.signer.name);
    remember_id(st, "signoff/name", text::ia_signer_name);
    ImGui::InputText(text::ia_signer_role, &st.signer.role);
    remember_id(st, "signoff/role", text::ia_signer_role);
    if (!spec.role_suggestions.empty()) {
        ImGui::TextUnformatted(text::ia_role_such_as);
        for (const std::string& role : spec.role_suggestions) {
            same_line_if_fits(role.c_str());
            if (ImGui::SmallButton(role.c_str())) st.signer.role = role;
        }
    }
    ImGui::InputTextWithHint(text::ia_signer_date, text::ia_signer_date_hint, &st.signer.date);
    remember_id(st, "signoff/date", text::ia_signer_date);
}

}  // namespace

void draw_matrix_page(const RiskMatrix& m, const Look& look) {
    widgets::heading(look, m.title);
    if (!m.provenance.confirmed) widgets::unconfirmed_note(look, m.title, m.provenance.note);
    if (!m.note.empty()) widgets::paragraph(m.note);
    // The table numbers the levels and names the bands (short words, so narrow columns never
    // break a word); the levels' names and every mark are in words above and below it.
    widgets::paragraph(axis_legend(m.likelihood));
    widgets::paragraph(axis_legend(m.impact));
    widgets::muted(look, fill(text::ia_matrix_caption, m.likelihood.title, m.impact.title));
    widgets::muted(look, text::ia_matrix_legend);
    const int columns = static_cast<int>(m.impact.levels.size()) + 1;
    constexpr ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (ImGui::BeginTable("matrix", columns, flags)) {
        ImGui::TableSetupColumn("likelihood", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        ImGui::TableNextColumn();
        for (const AxisLevel& i : m.impact.levels) {
            ImGui::TableNextColumn();
            wrapped(std::to_string(i.value));
        }
        for (auto l = m.likelihood.levels.rbegin(); l != m.likelihood.levels.rend(); ++l) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            wrapped(std::to_string(l->value));
            for (const AxisLevel& i : m.impact.levels) {
                ImGui::TableNextColumn();
                wrapped(cell_words(m, l->value, i.value));
            }
        }
        ImGui::EndTable();
    }
    widgets::subheading(look, text::ia_bands);
    for (const Band& b : m.bands) {
        ImGui::Bullet();
        widgets::paragraph(fill(text::ia_band_line, b.min, b.max, b.label));
        if (!b.provenance.confirmed)
            widgets::unconfirmed_note(look, fill(text::ia_band_what, b.label), b.provenance.note);
    }
}

void draw_signoff_page(const Workspace& ws, ImpactPanelState& st, CommandQueue& out,
                       const Look& look, std::string_view today) {
    const Framework& fw = ws.framework();
    const Assessment& a = ws.assessment();
    const SignoffSpec& spec = *fw.signoff;
    widgets::heading(look, spec.title);
    if (!spec.provenance.confirmed || !spec.provenance.note.empty())
        widgets::muted(look, spec.provenance.note);
    widgets::paragraph(version_words(a));
    if (a.trail.signoff) {
        draw_locked_notice(a, look);
        widgets::paragraph(spec.statement);
        return;
    }
    widgets::paragraph(fill(text::ia_signing_locks, a.trail.version));
    const ErrorList gaps = signoff_problems(fw, a, {"signer", "role", "2000-01-01"});
    if (!gaps.empty()) {
        widgets::subheading(look, fill(text::ia_gaps_heading, gaps.size()));
        for (const Error& gap : gaps) {
            ImGui::Bullet();
            widgets::paragraph(gap.message());
        }
    }
    ImGui::Separator();
    widgets::paragraph(spec.statement);
    draw_signer_fields(spec, st);
    const std::string sign_label = fill(text::ia_sign, a.trail.version);
    if (ImGui::Button(sign_label.c_str())) sign(ws, st, out, today);
    remember_id(st, "sign", sign_label.c_str());
    if (!st.signoff_refusals.empty()) {
        widgets::problem(look, text::ia_not_signed);
        for (const std::string& refusal : st.signoff_refusals) {
            ImGui::Bullet();
            widgets::problem(look, refusal);
        }
    }
}

void draw_versions_page(const Workspace& ws, ImpactPanelState& st, CommandQueue& out,
                        const Look& look) {
    widgets::heading(look, text::ia_versions_heading);
    widgets::paragraph(text::ia_versions_hint);
    draw_locked_notice(ws.assessment(), look);
    ImGui::Separator();
    for (int v = ws.assessment().trail.version; v >= 1; --v)
        draw_version(ws, v, st, out, look);
}

}  // namespace eqkit::ui
