// The impact assessment parts of a framework file: readers (strict, every problem with its JSON
// Pointer) and the checks that tie them together (risk bands over every possible product, the
// review date naming a date field).
#include "impact_spec_reader.hpp"

#include <algorithm>
#include <set>

#include "eqkit/framework.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"

namespace eqkit {

std::string_view field_type_name(FieldType type) {
    switch (type) {
        case FieldType::text:
            return "text";
        case FieldType::long_text:
            return "long_text";
        case FieldType::date:
            return "date";
        case FieldType::choice:
            return "choice";
    }
    return "text";
}

const RowLevel* RowScale::level(std::string_view value) const {
    for (const RowLevel& l : levels) {
        if (l.value == value) return &l;
    }
    return nullptr;
}

const RowSubject* RowsSpec::subject(std::string_view id) const {
    for (const RowSubject& s : subjects) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

const RowText* RowsSpec::text(std::string_view id) const {
    for (const RowText& t : texts) {
        if (t.id == id) return &t;
    }
    return nullptr;
}

const AxisLevel* RiskAxis::level(int value) const {
    for (const AxisLevel& l : levels) {
        if (l.value == value) return &l;
    }
    return nullptr;
}

const FormField* Framework::find_field(std::string_view field_id) const {
    for (const FormField& f : fields) {
        if (f.id == field_id) return &f;
    }
    return nullptr;
}

namespace detail {
namespace {

constexpr int axis_limit = 10;

bool valid_part_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() < 'a' || id.front() > 'z') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::string read_id(ObjectReader& obj, std::string_view key, std::set<std::string>& seen) {
    std::string id = required_text(obj, key);
    if (id.empty()) return id;
    if (!valid_part_id(id)) {
        obj.error(key, "an id must start with a–z and use only a–z, 0–9 and '_'");
    } else if (!seen.insert(id).second) {
        obj.error(key, "id " + in_quotes(id) + " is used twice");
    }
    return id;
}

FieldType read_field_type(ObjectReader& obj) {
    const std::string type = obj.string("type", Need::required).value_or("text");
    for (FieldType t :
         {FieldType::text, FieldType::long_text, FieldType::date, FieldType::choice}) {
        if (type == field_type_name(t)) return t;
    }
    obj.error("type", "unknown type " + in_quotes(type) +
                          " (use \"text\", \"long_text\", \"date\" or \"choice\")");
    return FieldType::text;
}

FormField read_field(ObjectReader& obj, std::set<std::string>& ids) {
    FormField f;
    f.id = read_id(obj, "id", ids);
    f.section = required_text(obj, "section");
    f.label = required_text(obj, "label");
    f.hint = obj.string_or("hint", "");
    f.type = read_field_type(obj);
    f.choices = obj.strings("choices", Need::optional);
    if ((f.type == FieldType::choice) != !f.choices.empty()) {
        obj.error("choices", "a \"choice\" field needs \"choices\", and only it may have them");
    }
    f.required = obj.boolean_or("required", false);
    obj.finish();
    return f;
}

RowLevel read_row_level(ObjectReader& obj, std::set<std::string>& values, bool impact) {
    RowLevel l;
    l.value = read_id(obj, "value", values);
    l.label = required_text(obj, "label");
    l.description = obj.string_or("description", "");
    if (impact) {
        l.reason_required = obj.boolean_or("reason_required", false);
        l.scores_risk = obj.boolean_or("scores_risk", false);
    }
    obj.finish();
    return l;
}

RowScale read_row_scale(ObjectReader& obj, bool impact) {
    RowScale scale;
    scale.label = required_text(obj, "label");
    scale.hint = obj.string_or("hint", "");
    std::set<std::string> values;
    for (ObjectReader& level : obj.objects("levels", Need::required, 2))
        scale.levels.push_back(read_row_level(level, values, impact));
    obj.finish();
    return scale;
}

RowSubject read_subject(ObjectReader& obj, std::set<std::string>& ids) {
    RowSubject s;
    s.id = read_id(obj, "id", ids);
    s.title = required_text(obj, "title");
    const std::string kind = obj.string("kind", Need::required).value_or("protected");
    if (kind == "added") {
        s.kind = SubjectKind::added_group;
    } else if (kind != "protected") {
        obj.error("kind", "unknown kind " + in_quotes(kind) + " (use \"protected\" or \"added\")");
    }
    s.hint = obj.string_or("hint", "");
    s.note_on_duty = obj.string_or("note_on_duty", "");
    s.provenance = read_provenance(obj);
    obj.finish();
    return s;
}

RowsSpec read_rows(ObjectReader& obj) {
    RowsSpec rows;
    rows.title = required_text(obj, "title");
    rows.label = required_text(obj, "label");
    if (auto r = obj.object("relevance", Need::required))
        rows.relevance = read_row_scale(*r, false);
    if (auto i = obj.object("impact", Need::required)) rows.impact = read_row_scale(*i, true);
    rows.reason_label = obj.string_or("reason_label", rows.reason_label);
    std::set<std::string> text_ids{"relevance", "impact", "reason"};  // a row's own keys
    for (ObjectReader& t : obj.objects("texts", Need::optional)) {
        RowText text;
        text.id = read_id(t, "id", text_ids);
        text.label = required_text(t, "label");
        text.hint = t.string_or("hint", "");
        t.finish();
        rows.texts.push_back(std::move(text));
    }
    std::set<std::string> ids;
    for (ObjectReader& s : obj.objects("subjects", Need::required, 1))
        rows.subjects.push_back(read_subject(s, ids));
    obj.finish();
    return rows;
}

RiskAxis read_axis(ObjectReader& obj) {
    RiskAxis axis;
    axis.title = required_text(obj, "title");
    std::vector<ObjectReader> levels = obj.objects("levels", Need::required, 2);
    for (std::size_t i = 0; i < levels.size(); ++i) {
        AxisLevel level;
        const auto value = levels[i].integer("value", Need::required);
        if (value && *value != static_cast<std::int64_t>(i + 1)) {
            levels[i].error("value", "levels are numbered 1, 2, 3 … in order; expected " +
                                         std::to_string(i + 1));
        }
        level.value = static_cast<int>(i + 1);
        level.label = required_text(levels[i], "label");
        level.description = levels[i].string_or("description", "");
        level.provenance = read_provenance(levels[i]);
        levels[i].finish();
        axis.levels.push_back(std::move(level));
    }
    if (axis.levels.size() > axis_limit) obj.error("levels", "at most 10 levels");
    obj.finish();
    return axis;
}

Band read_risk_band(ObjectReader& obj) {
    Band band;
    band.label = required_text(obj, "label");
    const auto min = obj.integer("min", Need::required);
    const auto max = obj.integer("max", Need::required);
    if (min && *min >= 0 && *min <= axis_limit * axis_limit) band.min = static_cast<int>(*min);
    if (max && *max >= 0 && *max <= axis_limit * axis_limit) band.max = static_cast<int>(*max);
    if (band.min > band.max) obj.error("max", "\"max\" is less than \"min\"");
    band.provenance = read_provenance(obj);
    obj.finish();
    return band;
}

// Every product likelihood × impact the grid can give, in increasing order.
std::vector<int> possible_products(const RiskMatrix& m) {
    std::set<int> products;
    for (const AxisLevel& l : m.likelihood.levels) {
        for (const AxisLevel& i : m.impact.levels)
            products.insert(l.value * i.value);
    }
    return {products.begin(), products.end()};
}

// Bands in increasing order, none overlapping, each possible product in exactly one.
void check_risk_bands(const RiskMatrix& m, const std::string& where, Diagnostics& diag) {
    if (m.likelihood.levels.size() < 2 || m.impact.levels.size() < 2) return;
    for (std::size_t i = 1; i < m.bands.size(); ++i) {
        if (m.bands[i].min <= m.bands[i - 1].max) {
            diag.add(pointer_append(where, i) + "/min",
                     "overlaps or comes before the band before it (which ends at " +
                         std::to_string(m.bands[i - 1].max) + ")");
        }
    }
    const int top = m.likelihood.highest() * m.impact.highest();
    if (!m.bands.empty() && m.bands.back().max > top) {
        diag.add(pointer_append(where, m.bands.size() - 1) + "/max",
                 "ends at " + std::to_string(m.bands.back().max) +
                     " but the highest possible score is " + std::to_string(top));
    }
    for (int p : possible_products(m)) {
        if (band_for(m.bands, p) == nullptr) {
            diag.add(where, "the score " + std::to_string(p) + " falls in no band");
        }
    }
}

RiskMatrix read_risk_matrix(ObjectReader& obj, Diagnostics& diag) {
    RiskMatrix m;
    m.title = required_text(obj, "title");
    if (auto l = obj.object("likelihood", Need::required)) m.likelihood = read_axis(*l);
    if (auto i = obj.object("impact", Need::required)) m.impact = read_axis(*i);
    for (ObjectReader& band : obj.objects("bands", Need::required, 1))
        m.bands.push_back(read_risk_band(band));
    m.note = obj.string_or("note", "");
    m.provenance = read_provenance(obj);
    check_risk_bands(m, pointer_append(obj.pointer(), "bands"), diag);
    obj.finish();
    return m;
}

SignoffSpec read_signoff(ObjectReader& obj) {
    SignoffSpec s;
    s.title = required_text(obj, "title");
    s.statement = required_text(obj, "statement");
    s.role_suggestions = obj.strings("role_suggestions", Need::optional);
    s.require_items = obj.boolean_or("require_items", true);
    s.require_rows = obj.boolean_or("require_rows", true);
    s.provenance = read_provenance(obj);
    obj.finish();
    return s;
}

ReviewSpec read_review(ObjectReader& obj, const Framework& fw) {
    ReviewSpec r;
    r.field = required_text(obj, "field");
    const FormField* field = fw.find_field(r.field);
    if (!r.field.empty() && (field == nullptr || field->type != FieldType::date)) {
        obj.error("field", in_quotes(r.field) + " is not a date field of this framework");
    }
    if (auto days = obj.integer("due_within_days", Need::required)) {
        if (*days < 0 || *days > 366) {
            obj.error("due_within_days", "must be a whole number from 0 to 366");
        } else {
            r.due_within_days = static_cast<int>(*days);
        }
    }
    r.provenance = read_provenance(obj);
    obj.finish();
    return r;
}

}  // namespace

void read_impact_parts(ObjectReader& root, Framework& fw, Diagnostics& diag) {
    std::set<std::string> field_ids;
    for (ObjectReader& f : root.objects("fields", Need::optional))
        fw.fields.push_back(read_field(f, field_ids));
    if (auto rows = root.object("rows", Need::optional)) fw.rows = read_rows(*rows);
    if (auto m = root.object("risk_matrix", Need::optional))
        fw.risk_matrix = read_risk_matrix(*m, diag);
    if (auto s = root.object("signoff", Need::optional)) fw.signoff = read_signoff(*s);
    if (auto r = root.object("review", Need::optional)) fw.review = read_review(*r, fw);
    if (fw.risk_matrix && fw.rows &&
        std::none_of(fw.rows->impact.levels.begin(), fw.rows->impact.levels.end(),
                     [](const RowLevel& l) { return l.scores_risk; })) {
        root.error("risk_matrix",
                   "no impact level has \"scores_risk\": true, so no risk is scored");
    }
    if (fw.risk_matrix && !fw.rows) root.error("risk_matrix", "a risk matrix needs \"rows\"");
}

}  // namespace detail
}  // namespace eqkit
