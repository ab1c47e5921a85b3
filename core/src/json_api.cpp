#include "eqkit/json_api.hpp"

#include "eqkit/files.hpp"
#include "eqkit/form.hpp"
#include "eqkit/report.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;
using detail::Need;
using detail::ObjectReader;

std::string ok() {
    return detail::dump_json({{"ok", true}});
}

std::string failed(const std::string& message) {
    return detail::dump_json({{"ok", false}, {"error", message}});
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
    obj.finish();
    if (!diag.empty()) return tl::unexpected(diag.take());
    return answer;
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
    if (!workspace_->is_open())
        return detail::dump_json({{"open", false}, {"problems", problems_}});
    const Framework& fw = workspace_->framework();
    const Assessment& a = workspace_->assessment();
    Json out = {{"open", true},
                {"framework", fw.id},
                {"dirty", workspace_->dirty()},
                {"assessment", Json::parse(assessment_to_json(fw, a), nullptr, false)},
                {"results", Json::parse(results_json(fw, a), nullptr, false)},
                {"problems", problems_}};
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

std::string JsonApi::open_text(std::string_view json, std::string_view label) {
    if (auto opened = workspace_->open_text(json, label); !opened) {
        Json messages = Json::array();
        for (const Error& e : opened.error())
            messages.push_back(e.message());
        return detail::dump_json({{"ok", false}, {"errors", std::move(messages)}});
    }
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

void JsonApi::restore(const std::filesystem::path& store_file) {
    std::error_code ec;
    if (!std::filesystem::exists(store_file, ec)) return;
    Checked<void> opened = workspace_->open(store_file);
    if (opened) return;
    std::filesystem::path aside = store_file;
    aside.replace_extension(".unreadable.json");
    std::filesystem::rename(store_file, aside, ec);
    for (const Error& e : opened.error())
        problems_.push_back(e.message());
    problems_.push_back("The assessment stored earlier could not be opened, so it was kept as " +
                        aside.generic_string() + " and not changed.");
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
