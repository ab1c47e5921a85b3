#include "screens/impact_entries.hpp"

#include "text.hpp"

namespace eqkit::ui {
namespace {

constexpr std::string_view section_prefix = "@section:";
constexpr std::string_view row_prefix = "@row:";

// What stops sign-off whoever signs: the assessment's own gaps (as the JSON API counts them).
std::size_t signoff_gap_count(const Framework& fw, const Assessment& a) {
    return signoff_problems(fw, a, {"signer", "role", "2000-01-01"}).size();
}

std::string section_label(const FieldSection& section, const Assessment& a) {
    std::size_t answered = 0;
    for (const FormField* f : section.fields) {
        if (a.form.fields.contains(f->id)) ++answered;
    }
    return fill(text::ia_entry_section, section.title, answered, section.fields.size());
}

std::string row_label(const RowsSpec& spec, const RowSubject& s, const Assessment& a) {
    const auto it = a.form.rows.find(s.id);
    const RowLevel* impact =
        it == a.form.rows.end() ? nullptr : spec.impact.level(it->second.impact);
    return fill(text::ia_entry_row, s.title,
                impact == nullptr ? std::string(text::ia_not_rated) : impact->label);
}

std::string signoff_label(const Framework& fw, const Assessment& a) {
    if (a.trail.signoff) return fill(text::ia_entry_signed, fw.signoff->title);
    const std::size_t gaps = signoff_gap_count(fw, a);
    return gaps == 0 ? fill(text::ia_entry_ready, fw.signoff->title)
                     : fill(text::ia_entry_gaps, fw.signoff->title, gaps);
}

}  // namespace

bool has_impact_parts(const Framework& fw) {
    return !fw.fields.empty() || fw.rows || fw.risk_matrix || fw.signoff;
}

std::vector<FieldSection> field_sections(const Framework& fw) {
    std::vector<FieldSection> out;
    for (const FormField& f : fw.fields) {
        if (out.empty() || out.back().title != f.section) out.push_back({f.section, {}});
        out.back().fields.push_back(&f);
    }
    return out;
}

std::vector<ImpactEntry> impact_entries(const Framework& fw, const Assessment& a) {
    std::vector<ImpactEntry> out;
    if (!has_impact_parts(fw)) return out;
    const std::vector<FieldSection> sections = field_sections(fw);
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        out.push_back({ImpactPage::section,
                       std::string(section_prefix) + n,
                       n,
                       section_label(sections[i], a),
                       {}});
    }
    if (fw.rows) {
        for (const RowSubject& s : fw.rows->subjects) {
            out.push_back({ImpactPage::row, std::string(row_prefix) + s.id, s.id,
                           row_label(*fw.rows, s, a), s.provenance});
        }
    }
    if (fw.risk_matrix) {
        out.push_back(
            {ImpactPage::matrix, "@matrix", "", fw.risk_matrix->title, fw.risk_matrix->provenance});
    }
    if (fw.signoff) {
        out.push_back({ImpactPage::signoff, "@signoff", "", signoff_label(fw, a), {}});
        out.push_back({ImpactPage::versions,
                       "@versions",
                       "",
                       fill(text::ia_entry_versions, a.trail.version),
                       {}});
    }
    return out;
}

std::optional<ImpactEntry> find_impact_entry(const Framework& fw, const Assessment& a,
                                             std::string_view key) {
    if (!key.starts_with('@')) return std::nullopt;
    for (ImpactEntry& e : impact_entries(fw, a)) {
        if (e.key == key) return std::move(e);
    }
    return std::nullopt;
}

Checked<Assessment> version_as_signed(const Registry& registry, const Framework& fw,
                                      const Assessment& a, int version) {
    Result<std::string> signed_text = version_text(fw, a, version);
    if (!signed_text) return tl::unexpected(ErrorList{signed_text.error()});
    return parse_assessment(*signed_text, fill(text::ia_version_label, version), registry);
}

std::string risk_words(const RiskMatrix& matrix, const RiskRating& at) {
    Result<RiskResult> r = assess_risk(matrix, at);
    if (!r) return r.error().reason;
    return r->band == nullptr
               ? fill(text::ia_risk_words, at.likelihood, at.impact, r->score)
               : fill(text::ia_risk_words_band, at.likelihood, at.impact, r->score, r->band->label);
}

std::string axis_level_words(const AxisLevel& level) {
    return level.provenance.confirmed
               ? fill(text::ia_axis_level, level.value, level.label)
               : fill(text::ia_axis_level_unconfirmed, level.value, level.label);
}

const Band* risk_band(const RiskMatrix& matrix, const RiskRating& at) {
    Result<RiskResult> r = assess_risk(matrix, at);
    return r ? r->band : nullptr;
}

std::string action_item(const Framework& fw, std::string_view selected) {
    if (selected.starts_with(row_prefix)) return fw.id + ":" + std::string(selected.substr(5));
    if (selected.empty() || selected.starts_with("@")) return "";
    return fw.id + ":" + std::string(selected);
}

// The core's words, so both faces and the CLI say the same.
std::string review_words(const Framework& fw, const Assessment& a, std::string_view today) {
    return eqkit::review_words(review_status(fw, a, today));
}

std::string version_words(const Assessment& a) {
    const VersionTrail& t = a.trail;
    if (!t.signoff) return fill(text::ia_version_unsigned, t.version);
    return fill(text::ia_version_signed, t.version, t.signoff->name, t.signoff->role,
                t.signoff->date);
}

}  // namespace eqkit::ui
