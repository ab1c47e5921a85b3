#include "form_answers_json.hpp"

#include "eqkit/dates.hpp"
#include "eqkit/text.hpp"

namespace eqkit::detail {
namespace {

constexpr const char* form_keys[] = {"fields",  "rows",    "version",
                                     "signoff", "changes", "earlier_versions"};
constexpr int version_limit = 10000;

Json risk_json(const RiskRating& r) {
    return Json{{"likelihood", r.likelihood}, {"impact", r.impact}};
}

Json row_json(const std::string& subject, const RowAnswer& row) {
    Json out = Json::object();
    out["subject"] = subject;
    if (!row.relevance.empty()) out["relevance"] = row.relevance;
    if (!row.impact.empty()) out["impact"] = row.impact;
    if (!row.reason.empty()) out["reason"] = row.reason;
    if (!row.texts.empty()) out["texts"] = row.texts;
    if (row.risk_before) out["risk_before"] = risk_json(*row.risk_before);
    if (row.risk_after) out["risk_after"] = risk_json(*row.risk_after);
    return out;
}

std::optional<RiskRating> read_risk(ObjectReader& row, std::string_view key) {
    std::optional<ObjectReader> obj = row.object(key, Need::optional);
    if (!obj) return std::nullopt;
    RiskRating r;
    const auto small = [](std::optional<std::int64_t> v) {
        return v && *v >= 0 && *v <= 100 ? static_cast<int>(*v) : 0;
    };
    r.likelihood = small(obj->integer("likelihood", Need::required));
    r.impact = small(obj->integer("impact", Need::required));
    obj->finish();
    return r;
}

// Calls on_text(reader, id, text) for each entry of an object of ids and text; problems are
// placed at the entry ("/fields/lead").
template <class OnText>
void read_text_map(ObjectReader& parent, std::string_view key, OnText&& on_text) {
    const Json* raw = parent.raw(key, Need::optional);
    if (raw == nullptr) return;
    std::optional<ObjectReader> obj = parent.object(key, Need::optional);
    if (!obj) return;
    for (const auto& entry : raw->items()) {
        if (std::optional<std::string> text = obj->string(entry.key(), Need::required))
            on_text(*obj, entry.key(), std::move(*text));
    }
}

}  // namespace

RowAnswer read_row_answer(ObjectReader& obj) {
    RowAnswer row;
    row.relevance = obj.string_or("relevance", "");
    row.impact = obj.string_or("impact", "");
    row.reason = obj.string_or("reason", "");
    read_text_map(obj, "texts", [&row](ObjectReader&, const std::string& id, std::string text) {
        row.texts[id] = std::move(text);
    });
    row.risk_before = read_risk(obj, "risk_before");
    row.risk_after = read_risk(obj, "risk_after");
    return row;
}

namespace {

void read_rows(ObjectReader& root, const Framework& fw, Assessment& a) {
    for (ObjectReader& obj : root.objects("rows", Need::optional)) {
        const std::string subject = obj.string("subject", Need::required).value_or("");
        RowAnswer row = read_row_answer(obj);
        obj.finish();
        if (subject.empty()) continue;
        if (a.form.rows.count(subject) != 0) {
            obj.error("subject", "the row \"" + subject + "\" is given twice");
        } else if (Result<void> ok = check_row(fw, subject, row); !ok) {
            obj.error_here(ok.error().place + ": " + ok.error().reason);
        } else if (!row.empty()) {
            a.form.rows[subject] = std::move(row);
        }
    }
}

void read_fields(ObjectReader& root, const Framework& fw, Assessment& a) {
    read_text_map(root, "fields", [&](ObjectReader& obj, const std::string& id, std::string value) {
        if (Result<void> ok = check_field(fw, id, value); !ok) {
            obj.error(id, ok.error().reason);
        } else if (!value.empty()) {
            a.form.fields[id] = std::move(value);
        }
    });
}

void read_signoff(ObjectReader& root, Assessment& a) {
    std::optional<ObjectReader> obj = root.object("signoff", Need::optional);
    if (!obj) return;
    Signoff s;
    s.name = obj->string("name", Need::required).value_or("");
    s.role = obj->string("role", Need::required).value_or("");
    s.date = obj->string("date", Need::required).value_or("");
    if (is_blank(s.name)) obj->error("name", "the name of who signed it off is missing");
    if (is_blank(s.role)) obj->error("role", "the role of who signed it off is missing");
    if (!is_iso_date(s.date)) obj->error("date", "write the date as YYYY-MM-DD");
    obj->finish();
    a.trail.signoff = std::move(s);
}

void read_changes(ObjectReader& root, Assessment& a) {
    for (ObjectReader& obj : root.objects("changes", Need::optional)) {
        VersionChange c;
        const auto v = obj.integer("version", Need::required);
        c.version = v && *v >= 2 && *v <= a.trail.version ? static_cast<int>(*v) : 0;
        if (v && c.version == 0) obj.error("version", "not a version after the first one");
        c.change = obj.string("change", Need::required).value_or("");
        obj.finish();
        a.trail.changes.push_back(std::move(c));
    }
}

// Each earlier version is a whole assessment of the same framework, without versions of its own.
void read_earlier(ObjectReader& root, Assessment& a, const Registry& registry) {
    const Json* list = root.raw("earlier_versions", Need::optional);
    if (list == nullptr) return;
    if (!list->is_array()) {
        root.error("earlier_versions", "must be a list of assessments");
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string text = dump_json((*list)[i]);
        Checked<Assessment> old = parse_assessment(text, "version", registry);
        if (!old) {
            root.error_here("earlier version " + std::to_string(i + 1) + ": " +
                            old.error().front().place + ": " + old.error().front().reason);
        } else if (old->framework_id != a.framework_id || !old->trail.earlier_versions.empty() ||
                   !old->trail.signoff || old->trail.version != static_cast<int>(i) + 1) {
            root.error_here("earlier version " + std::to_string(i + 1) +
                            " must be the signed version " + std::to_string(i + 1) +
                            " of the same framework");
        } else {
            a.trail.earlier_versions.push_back(text);
        }
    }
}

}  // namespace

void form_to_json(const Framework& fw, const Assessment& a, Json& out) {
    if (!a.form.fields.empty()) out["fields"] = a.form.fields;
    if (!a.form.rows.empty() && fw.rows) {
        Json rows = Json::array();
        for (const RowSubject& s : fw.rows->subjects) {
            const auto it = a.form.rows.find(s.id);
            if (it != a.form.rows.end()) rows.push_back(row_json(s.id, it->second));
        }
        out["rows"] = std::move(rows);
    }
    if (a.trail.version != 1) out["version"] = a.trail.version;
    if (a.trail.signoff) {
        const Signoff& s = *a.trail.signoff;
        out["signoff"] = {{"name", s.name}, {"role", s.role}, {"date", s.date}};
    }
    if (!a.trail.changes.empty()) {
        Json changes = Json::array();
        for (const VersionChange& c : a.trail.changes)
            changes.push_back({{"version", c.version}, {"change", c.change}});
        out["changes"] = std::move(changes);
    }
    if (!a.trail.earlier_versions.empty()) {
        Json earlier = Json::array();
        for (const std::string& text : a.trail.earlier_versions) {
            Result<Json> doc = parse_json(text, "version");
            earlier.push_back(doc ? *doc : Json::object());
        }
        out["earlier_versions"] = std::move(earlier);
    }
}

void read_form(ObjectReader& root, const Framework& fw, Assessment& a, const Registry& registry) {
    read_fields(root, fw, a);
    read_rows(root, fw, a);
    if (auto v = root.integer("version", Need::optional)) {
        if (*v < 1 || *v > version_limit) {
            root.error("version", "must be a whole number from 1");
        } else {
            a.trail.version = static_cast<int>(*v);
        }
    }
    read_signoff(root, a);
    read_changes(root, a);
    read_earlier(root, a, registry);
    if (a.trail.earlier_versions.size() + 1 != static_cast<std::size_t>(a.trail.version)) {
        root.error("version", "version " + std::to_string(a.trail.version) + " needs " +
                                  std::to_string(a.trail.version - 1) +
                                  " earlier signed versions in \"earlier_versions\"");
    }
}

void mark_form_keys_read(ObjectReader& root) {
    for (const char* key : form_keys)
        (void)root.raw(key, Need::optional);
}

}  // namespace eqkit::detail
