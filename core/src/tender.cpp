// The tender engine: locked criteria, conflicts, independent scoresheets, moderation, results.
#include "eqkit/tender.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "tender_format.hpp"

namespace eqkit {
namespace detail {

std::string format_number(double value) {
    if (std::abs(value) < 0.005) return "0";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text = buffer;
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

}  // namespace detail

namespace {

using detail::format_number;

std::string in_q(std::string_view text) {
    return detail::in_quotes(text);
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string_view method_name(ModerationMethod method) {
    return method == ModerationMethod::mean ? "mean" : "consensus";
}

int count_words(std::string_view text) {
    int words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space =
            c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

// ---- Tender: criteria -------------------------------------------------------------------------

Tender::Tender(std::string id, QuestionSet questions, TenderSettings settings)
    : id_(std::move(id)), questions_(std::move(questions)), settings_(settings) {}

void Tender::log(const std::string& at, const std::string& who, std::string what) {
    audit_.push_back(AuditEntry{at, who, std::move(what)});
}

Result<void> Tender::check_unlocked(std::string_view what) const {
    if (!published_) return {};
    return fail(id_, std::string(what),
                "the tender has been published, so its questions, weights, scales and "
                "moderation method are locked and cannot be changed");
}

Result<void> Tender::set_weight(std::string_view question, double weight, const std::string& who,
                                const std::string& at) {
    if (auto locked = check_unlocked("question " + in_q(question) + ", weight"); !locked) {
        return locked;
    }
    for (TenderQuestion& q : questions_.questions) {
        if (q.code != question) continue;
        if (q.pass_fail) {
            return fail(id_, "question " + in_q(question),
                        "a pass/fail question carries no weight");
        }
        if (!(weight > 0) || weight > 1000) {
            return fail(id_, "question " + in_q(question),
                        "a weight must be more than 0 and at most 1000");
        }
        const double before = q.weight;
        q.weight = weight;
        log(at, who,
            "set the weight of " + q.code + " from " + format_number(before) + " to " +
                format_number(weight));
        return {};
    }
    return fail(id_, "question " + in_q(question), "there is no such question in this tender");
}

Result<void> Tender::set_settings(TenderSettings settings, const std::string& who,
                                  const std::string& at) {
    if (auto locked = check_unlocked("moderation method"); !locked) return locked;
    if (settings.disagreement_threshold < 0) {
        return fail(id_, "disagreement threshold", "the threshold cannot be negative");
    }
    settings_ = settings;
    log(at, who,
        "set moderation to " + std::string(method_name(settings.method)) +
            ", disagreement threshold " + std::to_string(settings.disagreement_threshold));
    return {};
}

Result<void> Tender::replace_questions(QuestionSet questions, const std::string& who,
                                       const std::string& at) {
    if (auto locked = check_unlocked("questions"); !locked) return locked;
    log(at, who,
        "replaced the question set with " + questions.id + " version " + questions.version);
    questions_ = std::move(questions);
    return {};
}

Result<void> Tender::publish(const std::string& who, const std::string& at) {
    if (published_) return fail(id_, "", "the tender is already published");
    double sum = 0;
    for (const TenderQuestion& q : questions_.questions)
        sum += q.weight;
    if (std::abs(sum - questions_.total_weight) > 1e-9) {
        return fail(id_, "weights",
                    "the weights of the scored questions add up to " + format_number(sum) +
                        ", not " + format_number(questions_.total_weight) +
                        "; correct them before publishing");
    }
    published_ = true;
    log(at, who,
        "published the tender (question set " + questions_.id + " version " + questions_.version +
            ", moderation " + std::string(method_name(settings_.method)) + ")");
    return {};
}

// ---- Tender: people ---------------------------------------------------------------------------

Result<void> Tender::add_bidder(const std::string& name, const std::string& who,
                                const std::string& at) {
    if (is_blank(name)) return fail(id_, "bidders", "a bidder needs a name");
    if (contains(bidders_, name)) {
        return fail(id_, "bidder " + in_q(name), "this bidder has already been added");
    }
    if (!scoresheets_.empty()) {
        return fail(id_, "bidder " + in_q(name),
                    "scoresheets have already been submitted without this bidder, so no bidder "
                    "can be added now");
    }
    bidders_.push_back(name);
    log(at, who, "added bidder " + name);
    return {};
}

Result<void> Tender::add_evaluator(const std::string& name, const std::string& who,
                                   const std::string& at) {
    if (is_blank(name)) return fail(id_, "evaluators", "an evaluator needs a name");
    if (contains(evaluators_, name)) {
        return fail(id_, "evaluator " + in_q(name), "this evaluator has already been added");
    }
    evaluators_.push_back(name);
    log(at, who, "added evaluator " + name);
    return {};
}

Result<void> Tender::declare_conflict(ConflictDeclaration conflict, const std::string& who,
                                      const std::string& at) {
    const std::string place =
        "evaluator " + in_q(conflict.evaluator) + ", bidder " + in_q(conflict.bidder);
    if (!contains(evaluators_, conflict.evaluator)) {
        return fail(id_, place, "there is no such evaluator in this tender");
    }
    if (!contains(bidders_, conflict.bidder)) {
        return fail(id_, place, "there is no such bidder in this tender");
    }
    if (is_blank(conflict.declaration)) {
        return fail(id_, place, "a conflict of interest needs a declaration saying what it is");
    }
    if (conflicted(conflict.evaluator, conflict.bidder)) {
        return fail(id_, place, "this conflict has already been declared");
    }
    for (const Scoresheet& s : scoresheets_) {
        if (s.evaluator() == conflict.evaluator) {
            return fail(id_, place,
                        "this evaluator has already submitted a scoresheet; a conflict declared "
                        "now needs the lead to decide what to do with those scores");
        }
    }
    log(at, who,
        "recorded a conflict of interest: " + conflict.evaluator + " with " + conflict.bidder +
            " (" + conflict.declaration + ")");
    conflicts_.push_back(std::move(conflict));
    return {};
}

bool Tender::conflicted(std::string_view evaluator, std::string_view bidder) const {
    return std::any_of(conflicts_.begin(), conflicts_.end(), [&](const ConflictDeclaration& c) {
        return c.evaluator == evaluator && c.bidder == bidder;
    });
}

// ---- Tender: scoring --------------------------------------------------------------------------

Result<Scoresheet> Tender::new_scoresheet(const std::string& evaluator) const {
    if (!contains(evaluators_, evaluator)) {
        return fail(id_, "evaluator " + in_q(evaluator),
                    "there is no such evaluator in this tender");
    }
    Scoresheet sheet(id_, evaluator);
    sheet.set_scope(scope_for(evaluator));
    return sheet;
}

ScoresheetScope Tender::scope_for(const std::string& evaluator) const {
    ScoresheetScope scope;
    for (const std::string& bidder : bidders_) {
        if (!conflicted(evaluator, bidder)) scope.bidders.push_back(bidder);
    }
    for (const TenderQuestion& q : questions_.questions) {
        ScoresheetScope::Question& question = scope.questions.emplace_back();
        question.code = q.code;
        for (const TenderScaleLevel& level : questions_.scale_of(q).levels) {
            question.values.push_back(level.value);
        }
    }
    return scope;
}

Result<void> Tender::submit(Scoresheet sheet, const std::string& file, const std::string& at) {
    if (!published_) {
        return fail(file, "", "the tender is not published yet, so no scoresheet can be submitted");
    }
    if (sheet.tender_id() != id_) {
        return fail(
            file, "/tender",
            "this scoresheet is for tender " + in_q(sheet.tender_id()) + ", not " + in_q(id_));
    }
    if (!contains(evaluators_, sheet.evaluator())) {
        return fail(file, "/evaluator",
                    in_q(sheet.evaluator()) + " is not an evaluator of this tender");
    }
    for (const Scoresheet& s : scoresheets_) {
        if (s.evaluator() == sheet.evaluator()) {
            return fail(file, "/evaluator",
                        sheet.evaluator() +
                            " has already submitted a scoresheet, and a "
                            "submitted scoresheet cannot be replaced");
        }
    }
    const auto& entries = sheet.entries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const ScoreEntry& e = entries[i];
        const std::string place = "/scores/" + std::to_string(i);
        if (!contains(bidders_, e.bidder)) {
            return fail(file, place + "/bidder", "there is no bidder " + in_q(e.bidder));
        }
        if (conflicted(sheet.evaluator(), e.bidder)) {
            return fail(file, place + "/bidder",
                        sheet.evaluator() + " declared a conflict of interest with " + e.bidder +
                            " and cannot score this bidder");
        }
        const TenderQuestion* q = questions_.find_question(e.question);
        if (q == nullptr) {
            return fail(file, place + "/question", "there is no question " + in_q(e.question));
        }
        const TenderScale& scale = questions_.scale_of(*q);
        if (scale.level(e.score) == nullptr) {
            return fail(file, place + "/score",
                        std::to_string(e.score) + " is not a value of the scale " +
                            in_q(scale.title) + " used by question " + q->code);
        }
        if (is_blank(e.rationale)) {
            return fail(file, place + "/rationale", "every score needs a rationale");
        }
    }
    for (const std::string& bidder : bidders_) {
        if (conflicted(sheet.evaluator(), bidder)) continue;
        for (const TenderQuestion& q : questions_.questions) {
            if (sheet.find(bidder, q.code) == nullptr) {
                return fail(file, "/scores",
                            "question " + q.code + " for bidder " + bidder +
                                " has no score; score every question before submitting");
            }
        }
    }
    sheet.mark_submitted();
    log(at, sheet.evaluator(),
        "submitted a scoresheet with " + std::to_string(entries.size()) + " scores");
    scoresheets_.push_back(std::move(sheet));
    return {};
}

// ---- Tender: moderation -----------------------------------------------------------------------

Result<ModerationView> Tender::moderation_view(std::string_view bidder,
                                               std::string_view question) const {
    const std::string place = "bidder " + in_q(bidder) + ", question " + in_q(question);
    if (!contains(bidders_, bidder)) return fail(id_, place, "there is no such bidder");
    if (questions_.find_question(question) == nullptr) {
        return fail(id_, place, "there is no such question");
    }
    ModerationView view;
    for (const std::string& evaluator : evaluators_) {
        if (conflicted(evaluator, bidder)) continue;
        const auto sheet =
            std::find_if(scoresheets_.begin(), scoresheets_.end(),
                         [&](const Scoresheet& s) { return s.evaluator() == evaluator; });
        if (sheet == scoresheets_.end()) {
            view.waiting_for.push_back(evaluator);
            continue;
        }
        if (const ScoreEntry* e = sheet->find(bidder, question)) {
            view.scores.push_back(EvaluatorScore{evaluator, e->score, e->rationale});
        }
    }
    if (!view.scores.empty()) {
        const auto [low, high] = std::minmax_element(
            view.scores.begin(), view.scores.end(),
            [](const EvaluatorScore& a, const EvaluatorScore& b) { return a.score < b.score; });
        view.spread = high->score - low->score;
        view.disagreement = view.spread > settings_.disagreement_threshold;
    }
    for (const Moderation& m : moderations_) {
        if (m.bidder == bidder && m.question == question) view.moderated = m;
    }
    return view;
}

Result<void> Tender::moderate(Moderation moderation, const std::string& who,
                              const std::string& at) {
    auto view = moderation_view(moderation.bidder, moderation.question);
    if (!view) return tl::unexpected(view.error());
    const std::string place =
        "bidder " + in_q(moderation.bidder) + ", question " + in_q(moderation.question);
    if (!view->waiting_for.empty()) {
        std::string names;
        for (const std::string& n : view->waiting_for)
            names += (names.empty() ? "" : ", ") + n;
        return fail(id_, place,
                    "cannot moderate until every evaluator without a conflict has submitted "
                    "(waiting for " +
                        names + ")");
    }
    if (view->scores.empty()) {
        return fail(id_, place,
                    "no evaluator could score this bidder, so there is nothing to moderate");
    }
    const TenderQuestion& q = *questions_.find_question(moderation.question);
    const TenderScale& scale = questions_.scale_of(q);
    if (scale.level(moderation.score) == nullptr) {
        return fail(
            id_, place,
            std::to_string(moderation.score) + " is not a value of the scale " + in_q(scale.title));
    }
    if (is_blank(moderation.rationale)) {
        return fail(id_, place, "a moderated score needs a rationale");
    }
    log(at, who,
        "moderated " + moderation.bidder + " " + moderation.question + " to " +
            std::to_string(moderation.score) +
            (view->moderated ? " (was " + std::to_string(view->moderated->score) + ")" : ""));
    auto existing =
        std::find_if(moderations_.begin(), moderations_.end(), [&](const Moderation& m) {
            return m.bidder == moderation.bidder && m.question == moderation.question;
        });
    if (existing != moderations_.end()) {
        *existing = std::move(moderation);
    } else {
        moderations_.push_back(std::move(moderation));
    }
    return {};
}

// ---- Tender: results --------------------------------------------------------------------------

namespace {

// The moderated score of one question: recorded, or (method "mean") the average once everyone
// has submitted. Empty when not yet known.
void settle(QuestionResult& r, const ModerationView& view, ModerationMethod method) {
    if (view.moderated) {
        r.moderated = view.moderated->score;
        r.rationale = view.moderated->rationale;
        return;
    }
    if (method != ModerationMethod::mean || !view.ready()) return;
    if (r.pass_fail && view.disagreement) return;  // a pass/fail split needs a decision
    if (r.pass_fail && view.spread != 0) return;
    double sum = 0;
    std::string terms;
    for (const EvaluatorScore& s : view.scores) {
        sum += s.score;
        terms += (terms.empty() ? "" : " + ") + std::to_string(s.score);
    }
    const double mean = sum / static_cast<double>(view.scores.size());
    r.moderated = mean;
    r.rationale = "mean of the evaluators' scores: (" + terms + ") ÷ " +
                  std::to_string(view.scores.size()) + " = " + format_number(mean);
}

}  // namespace

TenderResults Tender::results() const {
    TenderResults results;
    for (const std::string& bidder : bidders_) {
        BidderResult b;
        b.name = bidder;
        b.complete = true;
        bool failed = false;
        for (const TenderQuestion& q : questions_.questions) {
            QuestionResult r;
            r.code = q.code;
            r.pass_fail = q.pass_fail;
            r.weight = q.weight;
            const TenderScale& scale = questions_.scale_of(q);
            r.max = scale.max();
            const ModerationView view = *moderation_view(bidder, q.code);
            r.scores = view.scores;
            settle(r, view, settings_.method);
            if (!r.moderated) {
                b.complete = false;
                b.summary += q.code + ": not moderated yet\n";
                b.questions.push_back(std::move(r));
                continue;
            }
            const double score = *r.moderated;
            if (q.pass_fail) {
                r.failed = score < r.max;
                r.arithmetic = r.failed ? "fail" : "pass";
                if (r.failed) r.failure = q.code + " is a pass/fail question and was failed";
            } else {
                r.weighted = score / r.max * r.weight;
                r.arithmetic = format_number(score) + " ÷ " + format_number(r.max) + " × " +
                               format_number(r.weight) + " = " + format_number(r.weighted);
                b.total += r.weighted;
                b.arithmetic += (b.arithmetic.empty() ? "" : " + ") + format_number(r.weighted);
                if (q.minimum_score && score < *q.minimum_score) {
                    r.failed = true;
                    r.failure = q.code + " scored " + format_number(score) +
                                ", below the minimum acceptable score of " +
                                std::to_string(*q.minimum_score);
                }
            }
            failed = failed || r.failed;
            b.summary += q.code + " (" + r.arithmetic + "): " + r.rationale + "\n";
            b.questions.push_back(std::move(r));
        }
        b.arithmetic = (b.arithmetic.empty() ? "0" : b.arithmetic) + " = " + format_number(b.total);
        b.passed = b.complete && !failed;
        results.bidders.push_back(std::move(b));
    }
    // Rank the bidders who passed by total, highest first; equal totals (to 1e-9) share a rank.
    std::vector<BidderResult*> ranked;
    for (BidderResult& b : results.bidders) {
        if (b.passed) ranked.push_back(&b);
    }
    std::stable_sort(
        ranked.begin(), ranked.end(),
        [](const BidderResult* a, const BidderResult* b) { return a->total > b->total; });
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        if (i > 0 && std::abs(ranked[i]->total - ranked[i - 1]->total) < 1e-9) {
            ranked[i]->rank = ranked[i - 1]->rank;
        } else {
            ranked[i]->rank = static_cast<int>(i) + 1;
        }
    }
    return results;
}

}  // namespace eqkit
