#include "screens/tender_screen.hpp"

#include <imgui.h>

#include "eqkit/dates.hpp"
#include "eqkit/files.hpp"
#include "eqkit/text.hpp"
#include "hand_over.hpp"
#include "screens/tender_widgets.hpp"
#include "text.hpp"
#include "widgets/focus.hpp"
#include "widgets/typography.hpp"

namespace eqkit::ui {
namespace {

using Json = nlohmann::json;

// The item of a list at i, or null when the list is shorter (the tender changed under it).
const Json& item_at(const Json& doc, const char* key, std::size_t i) {
    static const Json none;  // immutable: an empty answer for any missing item
    const auto it = doc.is_object() ? doc.find(key) : doc.end();
    return it != doc.end() && it->is_array() && i < it->size() ? (*it)[i] : none;
}

Json optional_int(const std::optional<int>& v) {
    return v ? Json(*v) : Json(nullptr);
}

}  // namespace

TenderScreen::TenderScreen(const Registry& registry, std::filesystem::path plugins_dir,
                           Platform& platform, FileChooser choose_file, Clock clock)
    : platform_(&platform),
      choose_file_(std::move(choose_file)),
      clock_(clock ? std::move(clock) : Clock(now_utc_iso)),
      api_(registry, std::move(plugins_dir)) {
    st_.sets = take(api_.question_sets());
    st_.folder = (platform.start_folder() / "tender").string();
    st_.export_folder = platform.start_folder().string();
    // No deadline until the lead sets one: a default date would mark bids late that the lead
    // never meant to (today's date makes every bid from tomorrow late).
}

// ---- answers and files ------------------------------------------------------------------------

Json TenderScreen::take(const std::string& answer) {
    Json doc = Json::parse(answer, nullptr, false);
    if (doc.is_object() && doc.value("ok", false)) return doc;
    if (doc.is_object() && doc.contains("errors")) {
        for (const Json& e : doc.at("errors"))
            st_.problems.push_back({tn::str(e, "file"), tn::str(e, "place"), tn::str(e, "reason")});
    }
    return nullptr;
}

// Problems go to the page as well as to the caller.
Result<std::filesystem::path> TenderScreen::path_of(std::string_view role) {
    const auto found = st_.files.find(role);
    const bool given =
        found != st_.files.end() &&
        (found->second.uploaded ? !found->second.name.empty() : !is_blank(found->second.path));
    if (!given) {
        st_.problems.push_back({std::string(role), "", text::tn_file_missing});
        return fail(std::string(role), "", text::tn_file_missing);
    }
    const TenderFile& f = found->second;
    if (!f.uploaded) return std::filesystem::path(f.path);
    // The core reads files by path: an upload is written to a work folder first.
    const std::filesystem::path to = std::filesystem::temp_directory_path() /
                                     "eqkit-tender-uploads" / std::string(role) /
                                     std::filesystem::path(f.name).filename();
    std::error_code ec;
    std::filesystem::create_directories(to.parent_path(), ec);
    if (Result<void> saved = save_atomically(to, f.bytes); !saved) {
        st_.problems.push_back(saved.error());
        return tl::unexpected(saved.error());
    }
    return to;
}

void TenderScreen::hand_over(const std::filesystem::path& name, std::string_view mime,
                             std::string_view bytes) {
    Result<std::string> sent = ui::hand_over(*platform_, st_.export_folder, name, mime, bytes);
    if (!sent) {
        st_.problems.push_back(sent.error());
        return;
    }
    st_.status = std::move(*sent);
}

bool TenderScreen::receive_file(std::string_view purpose, std::string bytes, std::string name) {
    if (!purpose.starts_with(tender_upload_prefix)) return false;
    const std::string role(purpose.substr(tender_upload_prefix.size()));
    st_.files[role] = TenderFile{"", std::move(name), std::move(bytes), true};
    // Choosing an evaluator's copy is asking to open it: no second step in the browser.
    if (role == tender_file::copy) queue_.push_back(tn_action::OpenCopy{});
    return true;
}

void TenderScreen::refresh() {
    if (!st_.overview.is_object()) return;
    if (Json now = take(api_.overview()); now.is_object()) st_.overview = std::move(now);
    if (copy_open()) return;  // no results or moderation in an evaluator's copy
    st_.results = take(api_.results());
    const Json& bid = item_at(st_.overview, "bids", st_.mod_bidder);
    const Json& q = item_at(st_.overview, "questions", st_.mod_question);
    if (bid.is_object() && q.is_object()) {
        st_.moderation = take(api_.moderation(tn::str(bid, "bidder"), tn::str(q, "code")));
    }
}

void TenderScreen::changed() {
    platform_->library_changed();  // browser: the tender folder is kept in IndexedDB
    refresh();
}

const Json* TenderScreen::question(const std::string& code) const {
    if (!st_.overview.is_object()) return nullptr;
    for (const Json& q : st_.overview.at("questions"))
        if (tn::str(q, "code") == code) return &q;
    return nullptr;
}

std::string TenderScreen::evaluator_name(std::size_t i) const {
    return tn::str(item_at(st_.overview, "evaluators", i), "name");
}

std::string TenderScreen::evaluator_name() const {
    return evaluator_name(st_.evaluator_index);
}

bool TenderScreen::copy_open() const {
    return st_.overview.is_object() && tn::str(st_.overview, "mode") == "evaluator_copy";
}

void TenderScreen::state_json(Json& into) const {
    Json out = Json::object();
    out["page"] = static_cast<int>(st_.page);
    out["open"] = st_.overview.is_object();
    out["overview"] = st_.overview;
    out["scoring"] = st_.scoring;
    out["moderation"] = st_.moderation;
    out["results"] = st_.results;
    Json problems = Json::array();
    for (const Error& e : st_.problems)
        problems.push_back(e.message());
    out["problems"] = std::move(problems);
    out["status"] = st_.status;
    into["tender"] = std::move(out);
}

// ---- actions ----------------------------------------------------------------------------------

void TenderScreen::act(const TenderAction& action) {
    std::visit([this](const auto& a) { apply(a); }, action);
}

void TenderScreen::apply(const tn_action::Go& a) {
    st_.problems.clear();
    if (copy_open() && a.page != TenderPage::setup && a.page != TenderPage::scoring) return;
    st_.page = a.page;
    refresh();
}

void TenderScreen::apply(const tn_action::Create&) {
    st_.problems.clear();
    const Json& set = item_at(st_.sets, "question_sets", st_.set_index);
    const std::filesystem::path dir =
        platform_->uses_paths()
            ? std::filesystem::path(st_.folder)
            : platform_->library_folder().parent_path() / "tenders" / st_.tender_id;
    const Json request = {{"question_set", tn::str(set, "id")},
                          {"id", st_.tender_id},
                          {"method", st_.mean ? "mean" : "consensus"},
                          {"disagreement_threshold", st_.threshold},
                          {"deadline", st_.deadline},
                          {"who", st_.who}};
    Json made = take(api_.create(dir, request.dump(), clock_()));
    if (!made.is_object()) return;
    st_.overview = std::move(made);
    st_.status = fill(text::tn_created, dir.string());
    changed();
}

void TenderScreen::apply(const tn_action::Open&) {
    st_.problems.clear();
    const std::filesystem::path dir =
        platform_->uses_paths()
            ? std::filesystem::path(st_.folder)
            : platform_->library_folder().parent_path() / "tenders" / st_.tender_id;
    Json opened = take(api_.open(dir));
    if (!opened.is_object()) return;
    st_.overview = std::move(opened);
    st_.scoring = nullptr;
    st_.status = fill(text::tn_opened, dir.string());
    refresh();
}

void TenderScreen::apply(const tn_action::OpenCopy&) {
    st_.problems.clear();
    Result<std::filesystem::path> path = path_of(tender_file::copy);
    if (!path) return;
    Json opened = take(api_.open_copy(*path));
    if (!opened.is_object()) return;
    st_.overview = std::move(opened);
    st_.results = nullptr;
    st_.moderation = nullptr;
    st_.evaluator_index = 0;  // the copy's only evaluator
    st_.page = TenderPage::scoring;
    apply(tn_action::StartScoring{});
    st_.status = fill(text::tn_copy_opened, path->filename().string());
}

void TenderScreen::apply(const tn_action::HandOutCopy& a) {
    st_.problems.clear();
    const Json copy = take(api_.evaluator_copy(evaluator_name(a.evaluator), clock_()));
    if (copy.is_object())
        hand_over(tn::str(copy, "file_name"), "application/json", tn::str(copy, "copy"));
}

void TenderScreen::apply(const tn_action::Publish&) {
    st_.problems.clear();
    if (take(api_.publish(st_.who, clock_())).is_object()) {
        st_.status = text::tn_published_status;
        changed();
    }
}

void TenderScreen::apply(const tn_action::SetWeight& a) {
    st_.problems.clear();
    const Json request = {{"weights", {{a.question, a.weight}}}, {"who", st_.who}};
    if (take(api_.set_criteria(request.dump(), clock_())).is_object()) changed();
}

void TenderScreen::apply(const tn_action::AddEvaluator&) {
    st_.problems.clear();
    if (take(api_.add_evaluator(st_.new_evaluator, st_.who, clock_())).is_object()) {
        st_.status = fill(text::tn_evaluator_added, st_.new_evaluator);
        st_.new_evaluator.clear();
        changed();
    }
}

void TenderScreen::apply(const tn_action::AddBid&) {
    st_.problems.clear();
    Result<std::filesystem::path> responses = path_of(tender_file::responses);
    if (!responses) return;
    Json pack = nullptr;
    if (const auto p = st_.files.find(tender_file::pack);
        p != st_.files.end() && (p->second.uploaded || !is_blank(p->second.path))) {
        Result<std::filesystem::path> pack_path = path_of(tender_file::pack);
        if (!pack_path) return;
        pack = pack_path->string();
    }
    const Json request = {{"bidder", st_.bidder},
                          {"responses", responses->string()},
                          {"pack", pack},
                          {"who", st_.who}};
    const Json added = take(api_.add_bid(request.dump(), clock_()));
    if (!added.is_object()) return;
    const bool flagged = added.contains("bid") && added.at("bid").value("flagged", false);
    st_.status = fill(flagged ? text::tn_bid_flagged : text::tn_bid_added, st_.bidder);
    st_.bidder.clear();
    st_.files.erase(std::string(tender_file::responses));
    st_.files.erase(std::string(tender_file::pack));
    changed();
}

void TenderScreen::apply(const tn_action::Declare& a) {
    st_.problems.clear();
    const Json request = {
        {"evaluator", evaluator_name(st_.coi_evaluator)},
        {"bidder", tn::str(item_at(st_.overview, "bids", st_.coi_bidder), "bidder")},
        {"declaration", a.conflict ? Json(st_.declaration) : Json(nullptr)},
        {"who", st_.who}};
    if (take(api_.declare(request.dump(), clock_())).is_object()) {
        st_.status = a.conflict ? text::tn_conflict_recorded : text::tn_no_conflict_recorded;
        st_.declaration.clear();
        changed();
    }
}

void TenderScreen::apply(const tn_action::PickFile& a) {
    if (choose_file_) choose_file_(std::string(tender_upload_prefix) + a.role);
}

void TenderScreen::apply(const tn_action::StartScoring&) {
    st_.problems.clear();
    std::string sheet;
    if (const auto f = st_.files.find(tender_file::scoresheet);
        f != st_.files.end() && (f->second.uploaded || !is_blank(f->second.path))) {
        if (f->second.uploaded) {
            sheet = f->second.bytes;
        } else {
            Result<std::string> read = read_text_file(f->second.path);
            if (!read) {
                st_.problems.push_back(read.error());
                return;
            }
            sheet = std::move(*read);
        }
    }
    Json view = take(api_.scoring_view(evaluator_name(), sheet));
    if (!view.is_object()) return;
    st_.scoring = std::move(view);
    st_.scoresheet = tn::str(st_.scoring, "scoresheet");
    st_.signer.clear();
    apply(tn_action::SelectAnswer{0, 0});
}

void TenderScreen::apply(const tn_action::SelectAnswer& a) {
    st_.bidder_at = a.bidder;
    st_.question_at = a.question;
    const Json& answer = item_at(item_at(st_.scoring, "bidders", a.bidder), "answers", a.question);
    st_.score_draft.reset();
    if (answer.is_object() && answer.at("score").is_number_integer())
        st_.score_draft = answer.at("score").get<int>();
    st_.rationale_draft = tn::str(answer, "rationale");
}

void TenderScreen::apply(const tn_action::Score&) {
    st_.problems.clear();
    // Copies: the scoring view they come from is replaced below.
    const Json& bidder = item_at(st_.scoring, "bidders", st_.bidder_at);
    const std::string bidder_name = tn::str(bidder, "name");
    const std::string question = tn::str(item_at(bidder, "answers", st_.question_at), "question");
    const Json request = {{"bidder", bidder_name},
                          {"question", question},
                          {"score", optional_int(st_.score_draft)},
                          {"rationale", st_.rationale_draft}};
    const Json scored = take(api_.score(st_.scoresheet, request.dump()));
    if (!scored.is_object()) return;
    st_.scoresheet = tn::str(scored, "scoresheet");
    if (Json view = take(api_.scoring_view(evaluator_name(), st_.scoresheet)); view.is_object())
        st_.scoring = std::move(view);
    st_.status = fill(text::tn_score_recorded, question, bidder_name);
}

void TenderScreen::apply(const tn_action::NewKey&) {
    st_.problems.clear();
    const Json key = take(TenderApi::new_key());
    if (!key.is_object()) return;
    const std::string name = evaluator_name() + "-signing-key.json";
    hand_over(name, "application/json", tn::str(key, "secret_key"));
    // The new key is the one to sign with: kept as this session's key file.
    TenderFile& f = st_.files[std::string(tender_file::key)];
    f = platform_->uses_paths()
            ? TenderFile{(std::filesystem::path(st_.export_folder) / name).string(), name, "",
                         false}
            : TenderFile{"", name, tn::str(key, "secret_key"), true};
    st_.status += fill(text::tn_key_made, tn::str(key, "fingerprint"));
}

void TenderScreen::apply(const tn_action::SaveScoresheet&) {
    st_.problems.clear();
    hand_over(evaluator_name() + "-scoresheet.json", "application/json", st_.scoresheet);
}

void TenderScreen::apply(const tn_action::Submit&) {
    st_.problems.clear();
    std::string key;
    if (const auto f = st_.files.find(tender_file::key);
        f != st_.files.end() && f->second.uploaded) {
        key = f->second.bytes;
    } else {
        Result<std::filesystem::path> path = path_of(tender_file::key);
        if (!path) return;
        Result<std::string> read = read_text_file(*path);
        if (!read) {
            st_.problems.push_back(read.error());
            return;
        }
        key = std::move(*read);
    }
    const Json signed_sheet = take(api_.submit(st_.scoresheet, key));
    if (!signed_sheet.is_object()) return;
    st_.scoresheet = tn::str(signed_sheet, "scoresheet");
    st_.signer = tn::str(signed_sheet, "fingerprint");
    hand_over(evaluator_name() + "-scoresheet.json", "application/json", st_.scoresheet);
    if (Json view = take(api_.scoring_view(evaluator_name(), st_.scoresheet)); view.is_object())
        st_.scoring = std::move(view);
}

void TenderScreen::apply(const tn_action::ImportScoresheets&) {
    st_.problems.clear();
    Result<std::filesystem::path> path = path_of(tender_file::to_import);
    if (!path) return;
    if (take(api_.import_scoresheets({*path}, clock_())).is_object()) {
        st_.status = fill(text::tn_imported, path->filename().string());
        st_.files.erase(std::string(tender_file::to_import));
        changed();
    }
}

void TenderScreen::apply(const tn_action::SelectModeration& a) {
    st_.mod_bidder = a.bidder;
    st_.mod_question = a.question;
    refresh();
    st_.moderated_draft.reset();
    st_.moderated_rationale.clear();
    if (st_.moderation.is_object() && st_.moderation.at("moderated").is_object()) {
        const Json& m = st_.moderation.at("moderated");
        if (m.at("score").is_number_integer()) st_.moderated_draft = m.at("score").get<int>();
        st_.moderated_rationale = tn::str(m, "rationale");
    }
}

void TenderScreen::apply(const tn_action::Moderate&) {
    st_.problems.clear();
    const Json request = {
        {"bidder", tn::str(item_at(st_.overview, "bids", st_.mod_bidder), "bidder")},
        {"question", tn::str(item_at(st_.overview, "questions", st_.mod_question), "code")},
        {"score", optional_int(st_.moderated_draft)},
        {"rationale", st_.moderated_rationale},
        {"who", st_.who}};
    if (take(api_.moderate(request.dump(), clock_())).is_object()) {
        st_.status = text::tn_moderated;
        changed();
    }
}

void TenderScreen::apply(const tn_action::Export& a) {
    st_.problems.clear();
    const std::string id = tn::str(st_.overview, "tender");
    if (a.html) {
        hand_over(id + "-results.html", "text/html", api_.report_html());
    } else {
        hand_over(id + "-results.csv", "text/csv", api_.results_csv());
    }
}

// ---- drawing ----------------------------------------------------------------------------------

void TenderScreen::focus_here() {
    if (!take_focus_) return;
    widgets::focus_last_item(true);
    take_focus_ = false;
}

void TenderScreen::draw(const Look& look, float height) {
    if (st_.page != drawn_page_ || ImGui::GetFrameCount() != drawn_frame_ + 1) take_focus_ = true;
    drawn_frame_ = ImGui::GetFrameCount();
    const float top = ImGui::GetCursorPosY();
    ImGui::PushID("tender");
    struct Page {
        TenderPage page;
        const char* label;
    };
    static constexpr Page pages[] = {
        {TenderPage::setup, text::tn_page_setup},
        {TenderPage::bids, text::tn_page_bids},
        {TenderPage::conflicts, text::tn_page_conflicts},
        {TenderPage::scoring, text::tn_page_scoring},
        {TenderPage::moderation, text::tn_page_moderation},
        {TenderPage::results, text::tn_page_results},
    };
    const bool open = st_.overview.is_object();
    const bool copy = copy_open();
    // The pages as radio buttons on one line: each reachable by Tab and arrows, the chosen one
    // said in words by its filled mark. An evaluator's copy scores only.
    for (const Page& p : pages) {
        ImGui::BeginDisabled((!open || copy) && p.page != TenderPage::setup &&
                             !(copy && p.page == TenderPage::scoring));
        if (ImGui::RadioButton(p.label, st_.page == p.page))
            queue_.push_back(tn_action::Go{p.page});
        ImGui::EndDisabled();
        if (p.page == st_.page) focus_here();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    if (copy) {
        widgets::muted(look, fill(text::tn_copy_caption, tn::str(st_.overview, "evaluator"),
                                  tn::str(st_.overview, "tender")));
    }
    ImGui::Separator();
    drawn_page_ = st_.page;
    ImGui::BeginChild("page",
                      ImVec2(0.0F, height > 0.0F ? height - (ImGui::GetCursorPosY() - top) : 0.0F),
                      false, ImGuiWindowFlags_NavFlattened);
    draw_problems(look);
    switch (open ? st_.page : TenderPage::setup) {
        case TenderPage::setup:
            draw_setup(look);
            break;
        case TenderPage::bids:
            draw_bids(look);
            break;
        case TenderPage::conflicts:
            draw_conflicts(look);
            break;
        case TenderPage::scoring:
            draw_scoring(look);
            break;
        case TenderPage::moderation:
            draw_moderation(look);
            break;
        case TenderPage::results:
            draw_results(look);
            break;
    }
    ImGui::EndChild();
    ImGui::PopID();
    for (const TenderAction& a : std::exchange(queue_, {}))
        act(a);
}

void TenderScreen::draw_problems(const Look& look) {
    if (!st_.status.empty()) widgets::muted(look, st_.status);
    for (const Error& e : st_.problems)
        widgets::problem(look, fill(text::tn_refused, e.message()));
}

}  // namespace eqkit::ui
