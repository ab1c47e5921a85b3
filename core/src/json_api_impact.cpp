// eqkit::JsonApi for impact assessments: form fields, rows with their risk, sign-off and
// versions. Every check is the core's (eqkit/impact.hpp); this file maps its errors to the
// input a face shows them at.
#include "eqkit/dates.hpp"
#include "eqkit/impact.hpp"
#include "eqkit/json_api.hpp"
#include "eqkit/report.hpp"
#include "form_answers_json.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

std::string refused(const std::vector<std::pair<std::string, std::string>>& errors) {
    Json list = Json::array();
    for (const auto& [field, message] : errors)
        list.push_back({{"field", field}, {"message", message}});
    return detail::dump_json({{"ok", false}, {"errors", std::move(list)}});
}

std::string refused(std::string field, std::string message) {
    return refused({{std::move(field), std::move(message)}});
}

// "field lead" -> "field-lead", "signoff name" -> "signoff-name": the input it is about.
std::string field_of_place(std::string place) {
    for (char& c : place) {
        if (c == ' ') c = '-';
    }
    return place;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// A row's problem (eqkit::check_row's reason) is about one of the row's inputs.
std::string row_input(const Framework& fw, std::string_view reason) {
    if (starts_with(reason, "relevance")) return "relevance";
    if (starts_with(reason, "reason") || reason.find("no reason") != std::string_view::npos)
        return "reason";
    if (starts_with(reason, "after mitigation")) return "risk-after";
    if (starts_with(reason, "before mitigation") || starts_with(reason, "score the risk"))
        return "risk-before";
    if (fw.rows) {
        for (const RowText& t : fw.rows->texts) {
            if (starts_with(reason, t.id + ":")) return "text-" + t.id;
        }
    }
    return "impact";
}

// Null values and empty texts mean "not given", as the assessment file leaves them out.
Json without_empty(Json doc) {
    for (auto it = doc.begin(); it != doc.end();) {
        it = it->is_null() ? doc.erase(it) : std::next(it);
    }
    if (doc.contains("texts") && doc["texts"].is_object()) {
        Json& texts = doc["texts"];
        for (auto it = texts.begin(); it != texts.end();) {
            it =
                it->is_string() && it->get<std::string>().empty() ? texts.erase(it) : std::next(it);
        }
    }
    return doc;
}

Checked<RowAnswer> parse_row(std::string_view text) {
    Result<Json> doc = detail::parse_json(text, "row");
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    if (!doc->is_object())
        return tl::unexpected(ErrorList{{"row", "", "the row is not an object"}});
    const Json cleaned = without_empty(std::move(*doc));
    detail::Diagnostics diag("row");
    detail::ObjectReader obj(cleaned, "", diag);
    RowAnswer row = detail::read_row_answer(obj);
    obj.finish();
    if (!diag.empty()) return tl::unexpected(diag.take());
    return row;
}

}  // namespace

std::string JsonApi::set_field(std::string_view field_id, std::string_view value) {
    if (!workspace_->is_open())
        return refused("field-" + std::string(field_id), "no assessment is open");
    Assessment after = workspace_->assessment();
    if (auto ok = eqkit::set_field(workspace_->framework(), after, field_id, std::string(value));
        !ok) {
        return refused(field_of_place(ok.error().place), ok.error().reason);
    }
    if (auto edited = workspace_->edit_whole(std::move(after), "answer " + std::string(field_id));
        !edited) {
        return refused("field-" + std::string(field_id), edited.error().reason);
    }
    return persist_result();
}

std::string JsonApi::set_row(std::string_view subject_id, std::string_view row_json) {
    if (!workspace_->is_open()) return refused("impact", "no assessment is open");
    const Framework& fw = workspace_->framework();
    Checked<RowAnswer> row = parse_row(row_json);
    if (!row) return refused("impact", row.error().front().message());
    Assessment after = workspace_->assessment();
    if (auto ok = eqkit::set_row(fw, after, subject_id, std::move(*row)); !ok) {
        return refused(row_input(fw, ok.error().reason), ok.error().reason);
    }
    if (auto edited = workspace_->edit_whole(std::move(after), "rate " + std::string(subject_id));
        !edited) {
        return refused("impact", edited.error().reason);
    }
    return persist_result();
}

std::string JsonApi::sign_off(std::string_view signoff_json) {
    if (!workspace_->is_open()) return refused("signoff", "no assessment is open");
    Result<Json> doc = detail::parse_json(signoff_json, "sign-off");
    if (!doc || !doc->is_object()) return refused("signoff", "the sign-off is not a JSON object");
    Signoff s{doc->value("name", ""), doc->value("role", ""), doc->value("date", "")};
    if (s.date.empty()) s.date = today_iso();
    Assessment after = workspace_->assessment();
    if (Checked<void> ok = eqkit::sign_off(workspace_->framework(), after, s); !ok) {
        std::vector<std::pair<std::string, std::string>> errors;
        for (const Error& e : ok.error())
            errors.emplace_back(field_of_place(e.place), e.reason);
        return refused(errors);
    }
    if (auto edited = workspace_->edit_whole(std::move(after), "sign off"); !edited)
        return refused("signoff", edited.error().reason);
    return persist_result();
}

std::string JsonApi::version_json(int version) const {
    if (!workspace_->is_open()) return "";
    Result<std::string> text =
        version_text(workspace_->framework(), workspace_->assessment(), version);
    return text ? *text : std::string();
}

std::string JsonApi::version_report_html(int version) const {
    const std::string text = version_json(version);
    if (text.empty()) return "";
    Checked<Assessment> a = parse_assessment(text, "version", workspace_->registry());
    return a ? render_report_html(workspace_->framework(), *a) : std::string();
}

}  // namespace eqkit
