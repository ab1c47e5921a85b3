// Fields, rows and risk of an impact assessment; sign-off, versions and review for any
// assessment. Every rule comes from the framework's data.
#include "eqkit/impact.hpp"

#include <chrono>

#include "eqkit/assessment.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/text.hpp"

namespace eqkit {
namespace {

constexpr std::size_t short_text_limit = 300;
constexpr std::size_t long_text_limit = 10000;

std::string in_q(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

std::string level_values(const RowScale& scale) {
    std::string out;
    for (const RowLevel& l : scale.levels)
        out += (out.empty() ? "" : ", ") + l.value;
    return out;
}

std::optional<std::string> text_problem(std::string_view text, std::size_t limit) {
    if (!is_valid_utf8(text)) return "the text is not valid UTF-8";
    if (utf16_length(text) > limit) {
        return "the text is " + std::to_string(utf16_length(text)) + " characters; the limit is " +
               std::to_string(limit);
    }
    return std::nullopt;
}

std::optional<std::string> field_problem(const FormField& field, std::string_view value) {
    if (value.empty()) return std::nullopt;
    switch (field.type) {
        case FieldType::date:
            if (!is_iso_date(value)) return "write the date as YYYY-MM-DD, such as 2026-03-31";
            return std::nullopt;
        case FieldType::choice:
            for (const std::string& c : field.choices) {
                if (c == value) return std::nullopt;
            }
            return in_q(value) + " is not one of the choices";
        case FieldType::text:
            return text_problem(value, short_text_limit);
        case FieldType::long_text:
            return text_problem(value, long_text_limit);
    }
    return std::nullopt;
}

std::optional<std::string> risk_problem(const RiskMatrix& m, const RiskRating& r) {
    if (m.likelihood.level(r.likelihood) == nullptr) {
        return "likelihood " + std::to_string(r.likelihood) + " is not on the matrix (1 to " +
               std::to_string(m.likelihood.highest()) + ")";
    }
    if (m.impact.level(r.impact) == nullptr) {
        return "impact " + std::to_string(r.impact) + " is not on the matrix (1 to " +
               std::to_string(m.impact.highest()) + ")";
    }
    return std::nullopt;
}

std::optional<std::string> risk_problems(const Framework& fw, const RowAnswer& row,
                                         const RowLevel* impact) {
    if (!row.risk_before && !row.risk_after) return std::nullopt;
    if (!fw.risk_matrix) return "this framework does not score risk";
    if (impact == nullptr || !impact->scores_risk) {
        return impact == nullptr ? std::string("rate the impact before scoring its risk")
                                 : "risk is not scored for an impact rated " + in_q(impact->label);
    }
    if (!row.risk_before) return "score the risk before mitigation first";
    if (auto p = risk_problem(*fw.risk_matrix, *row.risk_before)) return "before mitigation: " + *p;
    if (row.risk_after) {
        if (auto p = risk_problem(*fw.risk_matrix, *row.risk_after))
            return "after mitigation: " + *p;
    }
    return std::nullopt;
}

std::optional<std::string> row_problem(const Framework& fw, const RowAnswer& row) {
    const RowsSpec& spec = *fw.rows;
    if (!row.relevance.empty() && spec.relevance.level(row.relevance) == nullptr) {
        return "relevance " + in_q(row.relevance) + " is not one of " +
               level_values(spec.relevance);
    }
    const RowLevel* impact = nullptr;
    if (!row.impact.empty()) {
        impact = spec.impact.level(row.impact);
        if (impact == nullptr) {
            return "impact " + in_q(row.impact) + " is not one of " + level_values(spec.impact);
        }
        if (impact->reason_required && is_blank(row.reason)) {
            return "the impact is rated " + in_q(impact->label) + " but no reason is given";
        }
    }
    if (auto p = text_problem(row.reason, long_text_limit)) return "reason: " + *p;
    for (const auto& [id, text] : row.texts) {
        if (spec.text(id) == nullptr) return "there is no column " + in_q(id) + " in a row";
        if (auto p = text_problem(text, long_text_limit)) return id + ": " + *p;
    }
    return risk_problems(fw, row, impact);
}

std::string row_change(const RowAnswer& before, const RowAnswer& after) {
    std::string parts;
    const auto add = [&parts](bool changed, const char* what) {
        if (changed) parts += (parts.empty() ? "" : ", ") + std::string(what);
    };
    add(before.relevance != after.relevance, "relevance");
    add(before.impact != after.impact, "impact");
    add(before.reason != after.reason, "reason");
    add(before.texts != after.texts, "text");
    add(before.risk_before != after.risk_before, "risk before mitigation");
    add(before.risk_after != after.risk_after, "risk after mitigation");
    return parts;
}

std::chrono::sys_days as_days(std::string_view iso) {
    const auto num = [iso](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i)
            v = v * 10 + (iso[i] - '0');
        return v;
    };
    return std::chrono::sys_days{std::chrono::year{num(0, 4)} /
                                 std::chrono::month{static_cast<unsigned>(num(5, 2))} /
                                 std::chrono::day{static_cast<unsigned>(num(8, 2))}};
}

void required_parts(const Framework& fw, const Assessment& a, ErrorList& out) {
    for (const FormField& f : fw.fields) {
        if (f.required && a.form.fields.count(f.id) == 0) {
            out.push_back({"", "field " + f.id, in_q(f.label) + " must be answered first"});
        }
    }
    if (fw.rows && fw.signoff->require_rows) {
        for (const RowSubject& s : fw.rows->subjects) {
            const auto it = a.form.rows.find(s.id);
            if (it == a.form.rows.end() || it->second.impact.empty()) {
                out.push_back({"", "row " + s.id, "the impact on " + s.title + " is not rated"});
            }
        }
    }
    if (!fw.signoff->require_items) return;
    for (const Group& g : fw.groups) {
        for (const Item& item : g.items) {
            if (!a.answer(item.code).score) {
                out.push_back({"", "item " + item.code, in_q(item.title) + " is not answered"});
            }
        }
    }
}

}  // namespace

Result<void> check_field(const Framework& fw, std::string_view field_id, std::string_view value) {
    const std::string place = "field " + std::string(field_id);
    const FormField* field = fw.find_field(field_id);
    if (field == nullptr) {
        return fail("", place, "there is no field " + in_q(field_id) + " in " + fw.id);
    }
    if (auto p = field_problem(*field, value)) return fail("", place, *p);
    return {};
}

Result<void> check_row(const Framework& fw, std::string_view subject_id, const RowAnswer& row) {
    const std::string place = "row " + std::string(subject_id);
    if (!fw.rows || fw.rows->subject(subject_id) == nullptr) {
        return fail("", place,
                    "there is no characteristic or group " + in_q(subject_id) + " in " + fw.id);
    }
    if (auto p = row_problem(fw, row)) return fail("", place, *p);
    return {};
}

void record_change(const Framework& fw, Assessment& a, std::string change) {
    if (a.trail.signoff) {
        Assessment signed_version = a;
        signed_version.trail.earlier_versions.clear();
        a.trail.earlier_versions.push_back(assessment_to_json(fw, signed_version));
        a.trail.signoff.reset();
        ++a.trail.version;
    }
    if (a.trail.version > 1) a.trail.changes.push_back({a.trail.version, std::move(change)});
}

Result<void> set_field(const Framework& fw, Assessment& a, std::string_view field_id,
                       std::string value) {
    if (auto ok = check_field(fw, field_id, value); !ok) return ok;
    const std::string id(field_id);
    const auto it = a.form.fields.find(id);
    if ((it == a.form.fields.end() ? std::string() : it->second) == value) return {};
    record_change(fw, a, "field " + id);
    if (value.empty()) {
        a.form.fields.erase(id);
    } else {
        a.form.fields[id] = std::move(value);
    }
    return {};
}

Result<void> set_row(const Framework& fw, Assessment& a, std::string_view subject_id,
                     RowAnswer row) {
    if (auto ok = check_row(fw, subject_id, row); !ok) return ok;
    const std::string id(subject_id);
    const auto it = a.form.rows.find(id);
    const RowAnswer before = it == a.form.rows.end() ? RowAnswer{} : it->second;
    if (before == row) return {};
    record_change(fw, a, "row " + id + ": " + row_change(before, row));
    if (row.empty()) {
        a.form.rows.erase(id);
    } else {
        a.form.rows[id] = std::move(row);
    }
    return {};
}

Result<RiskResult> assess_risk(const RiskMatrix& m, RiskRating at) {
    if (auto p = risk_problem(m, at)) return fail("", "risk", *p);
    RiskResult r;
    r.at = at;
    r.score = at.likelihood * at.impact;
    r.band = band_for(m.bands, r.score);
    return r;
}

ErrorList signoff_problems(const Framework& fw, const Assessment& a, const Signoff& s) {
    ErrorList out;
    if (!fw.signoff) {
        out.push_back({"", "signoff", fw.id + " assessments are not signed off"});
        return out;
    }
    if (a.trail.signoff) {
        out.push_back({"", "signoff",
                       "version " + std::to_string(a.trail.version) + " is already signed off by " +
                           a.trail.signoff->name + " on " + a.trail.signoff->date +
                           "; a change starts the next version"});
    }
    if (is_blank(s.name) || text_problem(s.name, short_text_limit)) {
        out.push_back({"", "signoff name", "give the name of who signs it off"});
    }
    if (is_blank(s.role) || text_problem(s.role, short_text_limit)) {
        out.push_back({"", "signoff role", "give the role of who signs it off"});
    }
    if (!is_iso_date(s.date)) out.push_back({"", "signoff date", "write the date as YYYY-MM-DD"});
    required_parts(fw, a, out);
    return out;
}

Checked<void> sign_off(const Framework& fw, Assessment& a, Signoff s) {
    ErrorList problems = signoff_problems(fw, a, s);
    if (!problems.empty()) return tl::unexpected(std::move(problems));
    a.trail.signoff = std::move(s);
    return {};
}

Result<std::string> version_text(const Framework& fw, const Assessment& a, int version) {
    if (version == a.trail.version) {
        Assessment current = a;
        current.trail.earlier_versions.clear();
        return assessment_to_json(fw, current);
    }
    if (version < 1 || version > static_cast<int>(a.trail.earlier_versions.size())) {
        return fail("", "version",
                    "there is no version " + std::to_string(version) + " (this is version " +
                        std::to_string(a.trail.version) + ")");
    }
    return a.trail.earlier_versions[static_cast<std::size_t>(version - 1)];
}

int days_between(std::string_view from, std::string_view to) {
    return static_cast<int>((as_days(to) - as_days(from)).count());
}

ReviewStatus review_status(const Framework& fw, const Assessment& a, std::string_view today) {
    ReviewStatus st;
    if (!fw.review) return st;
    const auto it = a.form.fields.find(fw.review->field);
    if (it == a.form.fields.end() || !is_iso_date(it->second) || !is_iso_date(today)) return st;
    st.date = it->second;
    st.days_left = days_between(today, st.date);
    st.state = st.days_left < 0                             ? ReviewState::overdue
               : st.days_left <= fw.review->due_within_days ? ReviewState::due
                                                            : ReviewState::not_due;
    return st;
}

std::string_view review_state_label(ReviewState state) {
    switch (state) {
        case ReviewState::no_date:
            return "Not set";
        case ReviewState::not_due:
            return "Not due";
        case ReviewState::due:
            return "Due";
        case ReviewState::overdue:
            return "Overdue";
    }
    return "Not set";
}

std::string review_words(const ReviewStatus& st) {
    std::string words(review_state_label(st.state));
    if (st.state == ReviewState::overdue) {
        words += ": the review was due on " + st.date + ", " + std::to_string(-st.days_left) +
                 " day(s) ago";
    } else if (st.state != ReviewState::no_date) {
        words += ": review by " + st.date + " (" + std::to_string(st.days_left) + " day(s) left)";
    }
    return words;
}

}  // namespace eqkit
