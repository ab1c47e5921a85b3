#include "eqkit/json_api.hpp"

#include <algorithm>

#include "eqkit/carry.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/files.hpp"
#include "eqkit/form.hpp"
#include "eqkit/migration_offer.hpp"
#include "eqkit/report.hpp"
#include "eqkit/text.hpp"
#include "impact_json.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;
using detail::Need;
using detail::ObjectReader;

std::string ok() {
    return detail::dump_json({{"ok", true}});
}

// [{"file"}]: the assessments set aside to offer for migration.
Json kept_json(const std::vector<std::filesystem::path>& kept) {
    Json list = Json::array();
    for (const std::filesystem::path& file : kept)
        list.push_back({{"file", file.generic_string()}});
    return list;
}

std::string failed(const std::string& message) {
    return detail::dump_json({{"ok", false}, {"error", message}});
}

std::string errors_json(const ErrorList& errors) {
    Json messages = Json::array();
    for (const Error& e : errors)
        messages.push_back(e.message());
    return detail::dump_json({{"ok", false}, {"errors", std::move(messages)}});
}

Json error_json(const Error& e) {
    return {{"file", e.file}, {"place", e.place}, {"reason", e.reason}, {"message", e.message()}};
}

// Reads {"score","narrative","raters"} sent by a face; problems become messages.
Checked<Answer> parse_answer(std::string_view text) {
    Result<Json> doc = detail::parse_json(text, "answer");
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    detail::Diagnostics diag("answer");
    ObjectReader obj(*doc, "", diag);
    Answer answer;
    if (obj.has("score") && !obj.raw("score", Need::optional)->is_null()) {
        if (auto score = obj.integer("score", Need::optional)) {
            if (*score > -100000 && *score < 100000)
                answer.score = static_cast<int>(*score);
            else
                obj.error("score", "score is out of range");
        }
    }
    answer.narrative = obj.string_or("narrative", "");
    answer.raters = obj.strings("raters", Need::optional);
    if (const Json* cats = obj.raw("category_scores", Need::optional); cats && cats->is_object()) {
        for (const auto& [code, value] : cats->items()) {
            if (value.is_number_integer() && value.get<long long>() > -1000 &&
                value.get<long long>() < 1000) {
                answer.category_scores[code] = static_cast<int>(value.get<long long>());
            }
        }
    }
    answer.i_statement = obj.string_or("i_statement", "");
    answer.we_statement = obj.string_or("we_statement", "");
    for (ObjectReader& section : obj.objects("sections", Need::optional)) {
        answer.sections.push_back(
            {section.string_or("heading", ""), section.string_or("text", "")});
        section.finish();
    }
    obj.finish();
    if (!diag.empty()) return tl::unexpected(diag.take());
    return answer;
}

// A suggested answer as the library lists it, with the crosswalk link that makes it one.
std::optional<Suggestion> read_suggestion(const Registry& registry, const Framework& fw,
                                          std::string_view code, const Json& entry) {
    if (!entry.is_object() || entry.value("kind", "") != "answer") return std::nullopt;
    const std::string item = entry.value("item", "");
    for (const CrosswalkLink& link : linked_items(registry, fw.id, code)) {
        if (link.ref() != item) continue;
        Suggestion s;
        s.kind = SuggestionKind::answer;
        s.link = link;
        s.assessment_id = entry.value("assessment_id", "");
        if (entry.contains("score") && entry["score"].is_number_integer())
            s.answer.score = entry["score"].get<int>();
        s.answer.narrative = entry.value("narrative", "");
        return s;
    }
    return std::nullopt;
}

// "/judgements/CAR/rationale" -> "judgement-CAR-rationale": the field a face shows it at.
std::string settings_field(const std::string& place) {
    std::string field = place.substr(1);
    if (field.rfind("judgements/", 0) == 0) field = "judgement-" + field.substr(11);
    for (char& c : field) {
        if (c == '/') c = '-';
    }
    return field.rfind("applicable", 0) == 0 ? "applicable" : field;
}

// Applies the keys given; a null removes that judgement or answer. In "applicable" a group's
// code stands for every item in it, as in the CLI's assess choose --applies.
void apply_settings(const Framework& fw, const Json& doc, Assessment& a) {
    if (doc.contains("method") && doc["method"].is_string()) a.method = doc["method"];
    if (doc.contains("applicable")) {
        if (doc["applicable"].is_null()) a.applicable.reset();
        if (doc["applicable"].is_array()) {
            std::vector<std::string> codes;
            for (const Json& code : doc["applicable"]) {
                if (code.is_string()) codes.push_back(code);
            }
            a.applicable = applying_items(fw, codes);
        }
    }
    if (doc.contains("judgements") && doc["judgements"].is_object()) {
        for (const auto& [about, j] : doc["judgements"].items()) {
            if (!j.is_object()) {
                a.judgements.erase(about);
                continue;
            }
            a.judgements[about] = {j.value("rating", ""), j.value("rationale", "")};
        }
    }
    if (doc.contains("flags") && doc["flags"].is_object()) {
        for (const auto& [flag, value] : doc["flags"].items()) {
            if (value.is_boolean()) {
                a.flags[flag] = value.get<bool>();
            } else {
                a.flags.erase(flag);
            }
        }
    }
}

}  // namespace

JsonApi::JsonApi(Workspace& workspace, Persist persist)
    : workspace_(&workspace), persist_(std::move(persist)) {}

std::string JsonApi::frameworks() const {
    const Registry& registry = workspace_->registry();
    Json list = Json::array();
    for (const Framework& fw : registry.frameworks()) {
        list.push_back({{"id", fw.id},
                        {"version", fw.version},
                        {"title", fw.title},
                        {"short_title", std::string(fw.display_title())},
                        {"description", fw.description},
                        {"items", fw.item_count()}});
    }
    Json failures = Json::array();
    for (const LoadFailure& f : registry.failures()) {
        Json errors = Json::array();
        for (const Error& e : f.errors)
            errors.push_back(error_json(e));
        failures.push_back({{"file", f.file}, {"errors", std::move(errors)}});
    }
    return detail::dump_json({{"frameworks", std::move(list)}, {"failures", std::move(failures)}});
}

std::string JsonApi::state() const {
    return state_on(today_iso());
}

std::string JsonApi::state_on(std::string_view today) const {
    if (!workspace_->is_open())
        return detail::dump_json({{"open", false},
                                  {"problems", problems_},
                                  {"earlier_versions", kept_json(kept_earlier_)}});
    const Framework& fw = workspace_->framework();
    const Assessment& a = workspace_->assessment();
    Json out = {{"open", true},
                {"framework", fw.id},
                {"dirty", workspace_->dirty()},
                {"assessment", Json::parse(assessment_to_json(fw, a), nullptr, false)},
                {"results", Json::parse(results_json(fw, a), nullptr, false)},
                {"problems", problems_},
                {"earlier_versions", kept_json(kept_earlier_)},
                {"impact", nullptr}};
    if (!detail::impact_model(fw).is_null() || a.trail.version > 1 || a.trail.signoff)
        out["impact"] = detail::impact_state(fw, a, workspace_->registry(), today);
    return detail::dump_json(out);
}

std::string JsonApi::form_model(std::string_view framework_id) const {
    const Framework* fw = workspace_->registry().find(framework_id);
    if (fw == nullptr) {
        return detail::dump_json(
            {{"error", "no framework with id \"" + std::string(framework_id) + "\" is loaded"}});
    }
    return form_model_json(*fw);
}

std::string JsonApi::start(std::string_view framework_id) {
    if (auto started = workspace_->start(framework_id); !started) {
        return failed(started.error().message());
    }
    return persist_result();
}

std::string JsonApi::submit_item(std::string_view item_code, std::string_view answer_json,
                                 bool draft) {
    if (!workspace_->is_open()) return failed("no assessment is open");
    const Framework& fw = workspace_->framework();
    if (fw.find_item(item_code) == nullptr) {
        return failed("there is no item \"" + std::string(item_code) + "\" in " + fw.id);
    }
    Checked<Answer> answer = parse_answer(answer_json);
    if (!answer) return failed(answer.error().front().message());
    const Answer& before = workspace_->assessment().answer(item_code);
    answer->needs_review = before.needs_review;
    answer->sources = before.sources;
    const std::vector<FieldError> errors =
        validate_item_page(fw, item_code, *answer, draft ? Submit::draft : Submit::save);
    if (!errors.empty()) {
        Json list = Json::array();
        for (const FieldError& e : errors) {
            list.push_back({{"field", e.field}, {"message", e.message}});
        }
        return detail::dump_json({{"ok", false}, {"errors", std::move(list)}});
    }
    if (auto edited = workspace_->edit(item_code, std::move(*answer)); !edited) {
        return failed(edited.error().message());
    }
    return persist_result();
}

std::string JsonApi::settings(std::string_view settings_json) {
    if (!workspace_->is_open()) return failed("no assessment is open");
    Result<Json> doc = detail::parse_json(settings_json, "settings");
    if (!doc || !doc->is_object()) return failed("the settings are not a JSON object");
    Assessment after = workspace_->assessment();
    apply_settings(workspace_->framework(), *doc, after);
    const ErrorList problems = check_settings(workspace_->framework(), after);
    if (!problems.empty()) {
        Json list = Json::array();
        for (const Error& e : problems)
            list.push_back({{"field", settings_field(e.place)}, {"message", e.reason}});
        return detail::dump_json({{"ok", false}, {"errors", std::move(list)}});
    }
    std::string what = "change the assessment's choices";
    if (doc->contains("judgements")) what = "record a judgement";
    if (doc->contains("applicable")) what = "choose the items that apply";
    if (doc->contains("method")) what = "choose the scoring method";
    if (auto edited = workspace_->edit_settings(after, what); !edited) {
        return failed(edited.error().message());
    }
    return persist_result();
}

std::string JsonApi::confirm_review(std::string_view item_code) {
    if (!workspace_->is_open()) return failed("no assessment is open");
    Answer answer = workspace_->assessment().answer(item_code);
    answer.needs_review = false;
    if (auto edited = workspace_->edit(item_code, std::move(answer)); !edited) {
        return failed(edited.error().message());
    }
    return persist_result();
}

std::string JsonApi::answer_suggestions(std::string_view item_code,
                                        std::string_view suggestions_json) const {
    Json out = Json::array();
    Result<Json> doc = detail::parse_json(suggestions_json, "suggestions");
    if (!workspace_->is_open() || !doc || !doc->is_object() || !doc->contains("suggestions"))
        return detail::dump_json({{"suggestions", out}});
    const Registry& registry = workspace_->registry();
    const Answer& here = workspace_->assessment().answer(item_code);
    for (const Json& entry : (*doc)["suggestions"]) {
        const std::optional<Suggestion> s =
            read_suggestion(registry, workspace_->framework(), item_code, entry);
        if (!s) continue;
        Json shown = entry;
        shown["from"] = carried_from(registry, *s);
        shown["carried"] = already_carried(registry, here, *s);
        out.push_back(std::move(shown));
    }
    return detail::dump_json({{"suggestions", std::move(out)}});
}

std::string JsonApi::accept_answer(std::string_view item_code, std::string_view suggestion_json,
                                   std::string_view accepted_by, std::string_view date) {
    if (!workspace_->is_open()) return failed("no assessment is open");
    if (is_blank(accepted_by)) return failed("Say who you are: the answer records who accepted it");
    const std::string day = date.empty() ? today_iso() : std::string(date);
    Result<Json> doc = detail::parse_json(suggestion_json, "suggestion");
    const Framework& fw = workspace_->framework();
    const Registry& registry = workspace_->registry();
    const std::optional<Suggestion> s =
        doc ? read_suggestion(registry, fw, item_code, *doc) : std::nullopt;
    if (!s) return failed("that answer is not from an item the crosswalk links to this one");
    const Answer& here = workspace_->assessment().answer(item_code);
    if (already_carried(registry, here, *s)) return failed("this answer was accepted already");
    Answer after = accepted_answer(registry, fw, here, *s, accepted_by, day);
    if (auto edited = workspace_->edit(item_code, std::move(after)); !edited) {
        return failed(edited.error().message());
    }
    return persist_result();
}

std::string JsonApi::statement_pages_html() const {
    if (!workspace_->is_open()) return "";
    return render_statement_pages_html(workspace_->framework(), workspace_->assessment());
}

std::string JsonApi::open_text(std::string_view json, std::string_view label) {
    if (auto opened = workspace_->open_text(json, label); !opened)
        return errors_json(opened.error());
    return persist_result();
}

std::string JsonApi::open_file(const std::filesystem::path& file, std::string_view label) {
    Result<std::string> text = read_text_file(file);
    if (!text) {
        return detail::dump_json(
            {{"ok", false}, {"errors", {std::string(label) + ": " + text.error().reason}}});
    }
    return open_text(*text, label);
}

std::string JsonApi::migration_offer(std::string_view json, std::string_view label) const {
    Checked<MigrationOffer> offer = offer_migration(json, label, workspace_->registry());
    if (!offer) return errors_json(offer.error());
    Json out = Json::parse(migration_offer_json(*offer), nullptr, false);
    out["ok"] = true;
    return detail::dump_json(out);
}

std::string JsonApi::migrate(std::string_view json, std::string_view label) {
    Checked<Migration> m = open_migrated(*workspace_, json, label);
    if (!m) return errors_json(m.error());
    Json not_carried = Json::array();
    for (const NotCarried& n : m->not_carried)
        not_carried.push_back({{"code", n.code}, {"reason", n.reason}});
    Json out = Json::parse(persist_result(), nullptr, false);
    out["needs_review"] = m->needs_review;
    out["not_carried"] = std::move(not_carried);
    return detail::dump_json(out);
}

void JsonApi::restore(const std::filesystem::path& store_file) {
    std::error_code ec;
    if (std::filesystem::exists(store_file, ec)) set_aside_if_unopened(store_file);
    kept_earlier_ = kept_earlier_versions(store_file);
}

void JsonApi::set_aside_if_unopened(const std::filesystem::path& store_file) {
    Checked<void> opened = workspace_->open(store_file);
    if (opened) return;
    const SetAside aside = set_aside_kept(store_file, workspace_->registry());
    if (aside.earlier_version) return;  // offered through state()'s "earlier_versions"
    for (const Error& e : opened.error())
        problems_.push_back(e.message());
    problems_.push_back("The assessment stored earlier could not be opened, so it was kept as " +
                        aside.file.generic_string() + " and not changed.");
}

std::string JsonApi::kept_migration_offer(std::string_view file) const {
    const Result<std::string> text = read_kept(file);
    if (!text) return errors_json({text.error()});
    return migration_offer(*text, kept_assessment_label);
}

std::string JsonApi::migrate_kept(std::string_view file) {
    const Result<std::string> text = read_kept(file);
    if (!text) return errors_json({text.error()});
    std::string result = migrate(*text, kept_assessment_label);
    if (!Json::parse(result, nullptr, false).value("ok", false)) return result;
    // Kept, not deleted: it is the user's own answers as they gave them.
    const std::filesystem::path from(file);
    keep_as_carried(from);
    std::erase(kept_earlier_, from);
    return result;
}

Result<std::string> JsonApi::read_kept(std::string_view file) const {
    const auto it =
        std::find(kept_earlier_.begin(), kept_earlier_.end(), std::filesystem::path(file));
    if (it == kept_earlier_.end())
        return fail(std::string(file), "", "this is not an assessment kept in this browser");
    return read_text_file(*it);
}

std::string JsonApi::assessment_json() const {
    if (!workspace_->is_open()) return "";
    return assessment_to_json(workspace_->framework(), workspace_->assessment());
}

std::string JsonApi::report_html() const {
    if (!workspace_->is_open()) return "";
    return render_report_html(workspace_->framework(), workspace_->assessment());
}

// A change that could not be stored is reported, never silently lost.
std::string JsonApi::persist_result() const {
    if (!persist_) return ok();
    if (auto saved = persist_(*workspace_); !saved) {
        return detail::dump_json(
            {{"ok", true}, {"saved", false}, {"warning", saved.error().message()}});
    }
    return ok();
}

}  // namespace eqkit
