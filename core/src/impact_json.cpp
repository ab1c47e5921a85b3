// Impact assessment parts as JSON for both faces: every label, band and rule comes from the
// framework's data, so the faces only lay it out.
#include "impact_json.hpp"

#include "eqkit/form.hpp"
#include "eqkit/framework.hpp"
#include "eqkit/impact.hpp"

namespace eqkit::detail {
namespace {

Json with_provenance(Json out, const Provenance& p) {
    out["confirmed"] = p.confirmed;
    if (!p.note.empty()) out["note"] = p.note;
    return out;
}

Json field_json(const FormField& f) {
    Json out = {{"id", f.id},
                {"section", f.section},
                {"label", f.label},
                {"hint", f.hint},
                {"type", std::string(field_type_name(f.type))},
                {"required", f.required}};
    if (f.type == FieldType::choice) out["choices"] = f.choices;
    if (f.type == FieldType::text) out["max_length"] = 300;
    if (f.type == FieldType::long_text) out["max_length"] = 10000;
    return out;
}

Json scale_json(const RowScale& scale) {
    Json levels = Json::array();
    for (const RowLevel& l : scale.levels) {
        levels.push_back({{"value", l.value},
                          {"label", l.label},
                          {"description", l.description},
                          {"reason_required", l.reason_required},
                          {"scores_risk", l.scores_risk}});
    }
    return {{"label", scale.label}, {"hint", scale.hint}, {"levels", std::move(levels)}};
}

Json rows_json(const RowsSpec& spec) {
    Json texts = Json::array();
    for (const RowText& t : spec.texts)
        texts.push_back({{"id", t.id}, {"label", t.label}, {"hint", t.hint}});
    Json subjects = Json::array();
    for (const RowSubject& s : spec.subjects) {
        const bool added = s.kind == SubjectKind::added_group;
        subjects.push_back(with_provenance(
            {{"id", s.id},
             {"title", s.title},
             {"kind", added ? "added" : "protected"},
             {"kind_label", added ? "Group added by the template" : "Protected characteristic"},
             {"hint", s.hint},
             {"note_on_duty", s.note_on_duty}},
            s.provenance));
    }
    return {{"title", spec.title},
            {"label", spec.label},
            {"relevance", scale_json(spec.relevance)},
            {"impact", scale_json(spec.impact)},
            {"reason_label", spec.reason_label},
            {"texts", std::move(texts)},
            {"subjects", std::move(subjects)}};
}

Json axis_json(const RiskAxis& axis) {
    Json levels = Json::array();
    for (const AxisLevel& l : axis.levels) {
        levels.push_back(with_provenance(
            {{"value", l.value}, {"label", l.label}, {"description", l.description}},
            l.provenance));
    }
    return {{"title", axis.title}, {"levels", std::move(levels)}};
}

Json band_json(const Band* band) {
    if (band == nullptr) return nullptr;
    return with_provenance({{"label", band->label}, {"min", band->min}, {"max", band->max}},
                           band->provenance);
}

// Rows of likelihood, highest first (as printed matrices are), each cell with its band in words.
Json grid_json(const RiskMatrix& m) {
    Json rows = Json::array();
    for (auto l = m.likelihood.levels.rbegin(); l != m.likelihood.levels.rend(); ++l) {
        Json cells = Json::array();
        for (const AxisLevel& i : m.impact.levels) {
            const int score = l->value * i.value;
            cells.push_back({{"impact", i.value},
                             {"score", score},
                             {"band", band_json(band_for(m.bands, score))}});
        }
        rows.push_back({{"likelihood", l->value}, {"cells", std::move(cells)}});
    }
    return rows;
}

Json matrix_json(const RiskMatrix& m) {
    Json bands = Json::array();
    for (const Band& b : m.bands)
        bands.push_back(band_json(&b));
    return with_provenance({{"title", m.title},
                            {"note", m.note},
                            {"likelihood", axis_json(m.likelihood)},
                            {"impact", axis_json(m.impact)},
                            {"bands", std::move(bands)},
                            {"grid", grid_json(m)}},
                           m.provenance);
}

Json risk_json(const Framework& fw, const std::optional<RiskRating>& at) {
    if (!at || !fw.risk_matrix) return nullptr;
    Json out = {{"likelihood", at->likelihood}, {"impact", at->impact}};
    Result<RiskResult> r = assess_risk(*fw.risk_matrix, *at);
    if (!r) {
        out["words"] = r.error().reason;
        return out;
    }
    out["score"] = r->score;
    out["band"] = band_json(r->band);
    out["words"] = "Likelihood " + std::to_string(at->likelihood) + " × impact " +
                   std::to_string(at->impact) + " = " + std::to_string(r->score) +
                   (r->band == nullptr ? std::string() : ": " + r->band->label);
    return out;
}

std::string level_label(const RowScale& scale, const std::string& value) {
    const RowLevel* l = scale.level(value);
    return l == nullptr ? std::string() : l->label;
}

// Completed once the impact is rated and, for an impact that scores risk, the risk before
// mitigation is scored; in progress when anything else was saved.
TaskStatus row_status(const RowsSpec& spec, const RowAnswer& row) {
    const RowLevel* impact = spec.impact.level(row.impact);
    if (impact != nullptr && (!impact->scores_risk || row.risk_before))
        return TaskStatus::completed;
    return row.empty() ? TaskStatus::not_started : TaskStatus::in_progress;
}

Json row_state(const Framework& fw, const RowSubject& s, const RowAnswer& row) {
    const RowsSpec& spec = *fw.rows;
    const TaskStatus status = row_status(spec, row);
    const RowLevel* impact = spec.impact.level(row.impact);
    return {{"subject", s.id},
            {"title", s.title},
            {"relevance", row.relevance},
            {"relevance_label", level_label(spec.relevance, row.relevance)},
            {"impact", row.impact},
            {"impact_label", level_label(spec.impact, row.impact)},
            {"scores_risk", impact != nullptr && impact->scores_risk},
            {"reason", row.reason},
            {"texts", row.texts},
            {"risk_before", risk_json(fw, row.risk_before)},
            {"risk_after", risk_json(fw, row.risk_after)},
            {"status", status == TaskStatus::completed     ? "completed"
                       : status == TaskStatus::in_progress ? "in_progress"
                                                           : "not_started"},
            {"status_label", task_status_label(status)}};
}

// What stops sign-off now, whoever signs: the assessment's own gaps.
Json signoff_gaps(const Framework& fw, const Assessment& a) {
    Json out = Json::array();
    if (!fw.signoff) return out;
    for (const Error& e : signoff_problems(fw, a, {"signer", "role", "2000-01-01"}))
        out.push_back({{"place", e.place}, {"message", e.reason}});
    return out;
}

}  // namespace

Json signoff_json(const Signoff& s) {
    return {{"name", s.name}, {"role", s.role}, {"date", s.date}};
}

Json impact_model(const Framework& fw) {
    if (fw.fields.empty() && !fw.rows && !fw.risk_matrix && !fw.signoff && !fw.review)
        return nullptr;
    Json fields = Json::array();
    for (const FormField& f : fw.fields)
        fields.push_back(field_json(f));
    Json out = {{"fields", std::move(fields)},
                {"rows", fw.rows ? rows_json(*fw.rows) : Json(nullptr)},
                {"risk_matrix", fw.risk_matrix ? matrix_json(*fw.risk_matrix) : Json(nullptr)},
                {"signoff", nullptr},
                {"review", nullptr}};
    if (fw.signoff) {
        out["signoff"] = with_provenance({{"title", fw.signoff->title},
                                          {"statement", fw.signoff->statement},
                                          {"role_suggestions", fw.signoff->role_suggestions}},
                                         fw.signoff->provenance);
    }
    if (fw.review) {
        out["review"] = with_provenance(
            {{"field", fw.review->field}, {"due_within_days", fw.review->due_within_days}},
            fw.review->provenance);
    }
    return out;
}

Json review_json(const Framework& fw, const Assessment& a, std::string_view today) {
    const ReviewStatus st = review_status(fw, a, today);
    const char* state = st.state == ReviewState::overdue   ? "overdue"
                        : st.state == ReviewState::due     ? "due"
                        : st.state == ReviewState::not_due ? "not_due"
                                                           : "no_date";
    return {{"state", state},
            {"label", std::string(review_state_label(st.state))},
            {"date", st.date},
            {"days_left", st.days_left},
            {"words", review_words(st)}};
}

Json versions_json(const Framework& fw, const Assessment& assessment, const Registry& registry) {
    Json list = Json::array();
    const VersionTrail& trail = assessment.trail;
    for (int v = 1; v <= trail.version; ++v) {
        Result<std::string> text = version_text(fw, assessment, v);
        Json item = {{"version", v}, {"current", v == trail.version}};
        if (text) {
            Checked<Assessment> a = parse_assessment(*text, "version", registry);
            if (a && a->trail.signoff) item["signoff"] = signoff_json(*a->trail.signoff);
        }
        Json changes = Json::array();
        for (const VersionChange& c : trail.changes) {
            if (c.version == v) changes.push_back(c.change);
        }
        item["changes"] = std::move(changes);
        list.push_back(std::move(item));
    }
    return list;
}

Json impact_state(const Framework& fw, const Assessment& a, const Registry& registry,
                  std::string_view today) {
    Json rows = Json::array();
    if (fw.rows) {
        for (const RowSubject& s : fw.rows->subjects) {
            const auto it = a.form.rows.find(s.id);
            rows.push_back(row_state(fw, s, it == a.form.rows.end() ? RowAnswer{} : it->second));
        }
    }
    return {{"fields", a.form.fields},
            {"rows", std::move(rows)},
            {"version", a.trail.version},
            {"signoff", a.trail.signoff ? signoff_json(*a.trail.signoff) : Json(nullptr)},
            {"signoff_gaps", signoff_gaps(fw, a)},
            {"review", review_json(fw, a, today)},
            {"versions", versions_json(fw, a, registry)}};
}

}  // namespace eqkit::detail
