// The evidence library section's drawing; what its buttons do is in evidence_section.cpp.
#include <algorithm>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "screens/evidence_section.hpp"
#include "text.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

std::string_view kind_label(EvidenceKind kind) {
    switch (kind) {
        case EvidenceKind::file:
            return text::evidence_kind_file;
        case EvidenceKind::link:
            return text::evidence_kind_link;
        case EvidenceKind::note:
            return text::evidence_kind_note;
    }
    return text::evidence_kind_note;
}

std::string period(const Evidence& evidence) {
    if (evidence.effective_to.empty()) return evidence.effective_from;
    return fill(text::evidence_period, evidence.effective_from, evidence.effective_to);
}

// A labelled single-line field; labels sit above fields so they stay readable at large sizes.
void field(const char* label, const char* id, std::string& value) {
    widgets::paragraph(label);
    ImGui::SetNextItemWidth(-1.0F);
    ImGui::InputText(id, &value);
}

}  // namespace

void EvidenceSection::draw(const Workspace& open, const Look& look, float height,
                           ErrorList& problems) {
    if (!library_) {
        widgets::problem(look, text::evidence_not_open);
        return;
    }
    if (job_.running()) {
        widgets::subheading(look, text::evidence_pack_working);
        ImGui::ProgressBar(job_.fraction(), ImVec2(-1.0F, 0.0F));
        if (ImGui::Button(text::evidence_cancel)) job_.cancel();
        return;
    }
    draw_toolbar(open, look);
    const float width = ImGui::GetContentRegionAvail().x;
    const float rest = std::max(height - ImGui::GetFrameHeightWithSpacing() * 2.0F,
                                ImGui::GetFrameHeightWithSpacing() * 4.0F);
    ImGui::BeginChild("evidence_list", ImVec2(width * 0.5F, rest), true);
    draw_list(look, rest);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("evidence_detail", ImVec2(0.0F, rest), true);
    if (form_) {
        draw_form(look);
    } else if (const Evidence* evidence = library_->find_evidence(selected_)) {
        widgets::heading(look, evidence->title);
        if (ImGui::Button(text::evidence_edit)) {
            actions_.push_back([this, id = evidence->id](ErrorList&) { start_edit(id); });
        }
        draw_attachments(*evidence, look);
    }
    ImGui::Separator();
    draw_packs(open, look);
    ImGui::Separator();
    draw_coverage_panel(*library_, open, coverage_, look);
    ImGui::EndChild();

    for (Action& action : std::exchange(actions_, {}))
        action(problems);
}

void EvidenceSection::draw_toolbar(const Workspace& /*open*/, const Look& /*look*/) {
    if (ImGui::Button(platform_->uses_paths() ? text::evidence_add_file
                                              : text::evidence_add_file_upload)) {
        actions_.push_back([this](ErrorList&) {
            start_add(EvidenceKind::file);
            if (!platform_->uses_paths()) platform_->choose_file(upload_evidence);
        });
    }
    ImGui::SameLine();
    if (ImGui::Button(text::evidence_add_link)) {
        actions_.push_back([this](ErrorList&) { start_add(EvidenceKind::link); });
    }
    ImGui::SameLine();
    if (ImGui::Button(text::evidence_add_note)) {
        actions_.push_back([this](ErrorList&) { start_add(EvidenceKind::note); });
    }
    ImGui::TextUnformatted(text::evidence_show);
    int filter = static_cast<int>(filter_);
    ImGui::SameLine();
    ImGui::RadioButton(text::evidence_filter_all, &filter, 0);
    ImGui::SameLine();
    ImGui::RadioButton(text::evidence_filter_expired, &filter, 1);
    ImGui::SameLine();
    ImGui::RadioButton(text::evidence_filter_unattached, &filter, 2);
    filter_ = static_cast<EvidenceFilter>(filter);
}

void EvidenceSection::draw_list(const Look& look, float /*height*/) {
    const std::vector<std::string> ids = visible_ids();
    if (ids.empty()) {
        widgets::muted(
            look, library_->evidence().empty() ? text::evidence_none : text::evidence_none_match);
        return;
    }
    constexpr ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("evidence", 4, flags)) return;
    ImGui::TableSetupColumn(text::evidence_column_title, ImGuiTableColumnFlags_WidthStretch, 3.0F);
    ImGui::TableSetupColumn(text::evidence_column_kind, ImGuiTableColumnFlags_WidthStretch, 1.0F);
    ImGui::TableSetupColumn(text::evidence_column_effective, ImGuiTableColumnFlags_WidthStretch,
                            2.0F);
    ImGui::TableSetupColumn(text::evidence_column_status, ImGuiTableColumnFlags_WidthStretch, 2.0F);
    ImGui::TableHeadersRow();
    const std::string now = today();
    for (const std::string& id : ids) {
        const Evidence& evidence = *library_->find_evidence(id);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(id.c_str());
        if (ImGui::Selectable(evidence.title.c_str(), selected_ == id,
                              ImGuiSelectableFlags_SpanAllColumns)) {
            selected_ = id;
            form_.reset();
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kind_label(evidence.kind).data());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(period(evidence).c_str());
        ImGui::TableNextColumn();
        if (evidence.expired(now)) {
            ImGui::TextColored(look.accents.problem, "%s",
                               fill(text::evidence_expired_on, evidence.expires).c_str());
        } else if (evidence.supports.empty()) {
            ImGui::TextColored(look.accents.unconfirmed, "%s", text::evidence_unattached);
        } else {
            ImGui::TextUnformatted(fill(text::evidence_supports, evidence.supports.size()).c_str());
        }
    }
    ImGui::EndTable();
}

void EvidenceSection::draw_form(const Look& look) {
    EvidenceForm& f = *form_;
    widgets::heading(look, f.editing.empty() ? fill(text::evidence_form_add, kind_label(f.kind))
                                             : fill(text::evidence_form_edit, f.details.title));
    for (const Error& error : form_errors_) {
        widgets::problem(look, error.place.empty()
                                   ? error.reason
                                   : fill(text::evidence_form_error, error.place, error.reason));
    }
    if (f.editing.empty()) {
        if (f.kind == EvidenceKind::file && platform_->uses_paths() && upload_bytes_.empty()) {
            field(text::evidence_field_file, "##file", f.source);
        } else if (f.kind == EvidenceKind::file) {
            ImGui::TextUnformatted(f.source.empty() ? text::evidence_no_file_chosen
                                                    : f.source.c_str());
            if (!platform_->uses_paths() && ImGui::Button(text::evidence_choose_file)) {
                platform_->choose_file(upload_evidence);
            }
        } else if (f.kind == EvidenceKind::link) {
            field(text::evidence_field_url, "##url", f.url);
        } else {
            widgets::paragraph(text::evidence_field_note);
            ImGui::InputTextMultiline("##note", &f.note,
                                      ImVec2(-1.0F, ImGui::GetTextLineHeight() * 5.0F));
        }
    }
    field(text::evidence_field_title, "##title", f.details.title);
    widgets::paragraph(text::evidence_field_description);
    ImGui::InputTextMultiline("##description", &f.details.description,
                              ImVec2(-1.0F, ImGui::GetTextLineHeight() * 3.0F));
    field(text::evidence_field_effective_from, "##from", f.details.effective_from);
    field(text::evidence_field_effective_to, "##to", f.details.effective_to);
    field(text::evidence_field_expires, "##expires", f.details.expires);
    field(text::evidence_field_added_by, "##by", f.details.added_by);
    if (!f.details.supports.empty()) {
        std::string items;
        for (const std::string& ref : f.details.supports)
            items += (items.empty() ? "" : ", ") + ref;
        widgets::paragraph(fill(text::evidence_form_supports, items));
    }
    if (ImGui::Button(text::evidence_save)) {
        actions_.push_back([this](ErrorList& problems) { (void)save_form(problems); });
    }
    ImGui::SameLine();
    if (ImGui::Button(text::evidence_cancel)) {
        actions_.push_back([this](ErrorList&) { form_.reset(); });
    }
}

void EvidenceSection::draw_attachments(const Evidence& evidence, const Look& look) {
    widgets::subheading(look, text::evidence_items_heading);
    if (evidence.supports.empty()) widgets::muted(look, text::evidence_unattached);
    for (const std::string& ref : evidence.supports) {
        ImGui::PushID(ref.c_str());
        ImGui::Bullet();
        ImGui::TextUnformatted(ref.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton(text::evidence_detach)) {
            actions_.push_back(
                [this, id = evidence.id, ref](ErrorList& problems) { detach(id, ref, problems); });
        }
        ImGui::PopID();
    }
    std::vector<const Framework*> frameworks;
    for (const Framework& framework : registry_->frameworks())
        frameworks.push_back(&framework);
    if (frameworks.empty()) return;
    attach_framework_ = std::clamp(attach_framework_, 0, static_cast<int>(frameworks.size()) - 1);
    const Framework& fw = *frameworks[static_cast<std::size_t>(attach_framework_)];
    widgets::paragraph(text::evidence_attach_to);
    ImGui::SetNextItemWidth(-1.0F);
    if (ImGui::BeginCombo("##framework", std::string(fw.display_title()).c_str())) {
        for (std::size_t i = 0; i < frameworks.size(); ++i) {
            if (ImGui::Selectable(std::string(frameworks[i]->display_title()).c_str(),
                                  static_cast<int>(i) == attach_framework_)) {
                attach_framework_ = static_cast<int>(i);
                attach_item_ = 0;
            }
        }
        ImGui::EndCombo();
    }
    std::vector<const Item*> items;
    for (const Group& group : fw.groups) {
        for (const Item& item : group.items)
            items.push_back(&item);
    }
    if (items.empty()) return;
    attach_item_ = std::clamp(attach_item_, 0, static_cast<int>(items.size()) - 1);
    const Item& chosen = *items[static_cast<std::size_t>(attach_item_)];
    ImGui::SetNextItemWidth(-1.0F);
    const std::string shown = fill(text::evidence_item_choice, chosen.code, chosen.title);
    if (ImGui::BeginCombo("##item", shown.c_str())) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string label =
                fill(text::evidence_item_choice, items[i]->code, items[i]->title);
            if (ImGui::Selectable(label.c_str(), static_cast<int>(i) == attach_item_)) {
                attach_item_ = static_cast<int>(i);
            }
        }
        ImGui::EndCombo();
    }
    if (ImGui::Button(text::evidence_attach)) {
        actions_.push_back([this, id = evidence.id, ref = fw.id + ":" + chosen.code](
                               ErrorList& problems) { attach(id, ref, problems); });
    }
}

void EvidenceSection::draw_packs(const Workspace& open, const Look& look) {
    widgets::subheading(look, text::evidence_pack);
    widgets::muted(look, text::evidence_pack_explained);
    if (!outcome_.empty()) widgets::paragraph(outcome_);
    if (!findings_.empty()) {
        draw_findings(look);
        return;
    }
    if (platform_->uses_paths()) {
        if (export_path_.empty())
            export_path_ = (platform_->start_folder() / pack_download_name).string();
        field(text::evidence_pack_save_as, "##pack_out", export_path_);
        field(text::evidence_pack_key, "##pack_key", key_path_);
    }
    if (ImGui::Button(platform_->uses_paths() ? text::evidence_pack_export
                                              : text::evidence_pack_download)) {
        actions_.push_back([this, &open](ErrorList& problems) { export_pack(open, problems); });
    }
    ImGui::Spacing();
    if (platform_->uses_paths()) {
        field(text::evidence_pack_to_check, "##pack_in", pack_path_);
        if (ImGui::Button(text::evidence_pack_verify)) {
            actions_.push_back([this](ErrorList&) { verify_pack(pack_path_); });
        }
        ImGui::SameLine();
    } else if (ImGui::Button(text::evidence_pack_choose)) {
        platform_->choose_file(upload_pack);
    }
    if (!pack_path_.empty() && (platform_->uses_paths() || verified_)) {
        if (!platform_->uses_paths()) ImGui::SameLine();
        if (ImGui::Button(text::evidence_pack_import)) {
            actions_.push_back([this](ErrorList& problems) { import_pack(pack_path_, problems); });
        }
    }
    draw_verify_result(look);
}

void EvidenceSection::draw_findings(const Look& look) {
    widgets::problem(look, fill(text::evidence_findings_heading, findings_.size()));
    for (const PersonalDataFinding& finding : findings_) {
        ImGui::Bullet();
        widgets::paragraph(fill(text::evidence_finding, finding.where, finding.what));
    }
    if (ImGui::Button(text::evidence_findings_go_on)) {
        actions_.push_back([this](ErrorList& problems) {
            findings_.clear();
            go_on_despite_findings_ = true;
            write_pack(problems);
            go_on_despite_findings_ = false;
        });
    }
    ImGui::SameLine();
    if (ImGui::Button(text::evidence_cancel)) {
        actions_.push_back([this](ErrorList&) { findings_.clear(); });
    }
}

void EvidenceSection::draw_verify_result(const Look& look) {
    if (!verified_) return;
    if (verified_->signature) {
        const PackSignature& signature = *verified_->signature;
        widgets::paragraph(
            fill(signature.valid ? text::evidence_signed_by : text::evidence_signature_invalid,
                 signature.fingerprint));
    } else {
        widgets::muted(look, text::evidence_unsigned);
    }
    for (const Error& problem : verified_->problems)
        widgets::problem(look, problem.message());
}

}  // namespace eqkit::ui
