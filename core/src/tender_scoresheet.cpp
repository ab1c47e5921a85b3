// One evaluator's scoresheet: scores set until it is submitted, checked against its scope.
#include <algorithm>
#include <string>

#include "eqkit/tender.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"

namespace eqkit {
namespace {

std::string in_q(std::string_view text) {
    return detail::in_quotes(text);
}

std::string entry_place(const ScoreEntry& entry) {
    return "bidder " + in_q(entry.bidder) + ", question " + in_q(entry.question);
}

// "0, 1, 2 or 3"
std::string list_values(const std::vector<int>& values) {
    std::vector<std::string> words;
    for (int v : values)
        words.push_back(std::to_string(v));
    return join_or(words);
}

// Why an entry falls outside the scope, or "" when it is within it.
std::string outside_scope(const ScoresheetScope& scope, const ScoreEntry& entry) {
    if (std::find(scope.bidders.begin(), scope.bidders.end(), entry.bidder) ==
        scope.bidders.end()) {
        return "this scoresheet does not score " + entry.bidder + "; it scores " +
               (scope.bidders.empty() ? "no one" : join(scope.bidders, "; ")) +
               " (a bidder you declared a conflict of interest with is left out; for a bid that "
               "came after this sheet was made, ask the lead for a new sheet)";
    }
    const auto question =
        std::find_if(scope.questions.begin(), scope.questions.end(),
                     [&](const ScoresheetScope::Question& q) { return q.code == entry.question; });
    if (question == scope.questions.end()) {
        return "there is no question " + in_q(entry.question) + " in this tender";
    }
    const std::vector<int>& values = question->values;
    if (std::find(values.begin(), values.end(), entry.score) == values.end()) {
        return std::to_string(entry.score) + " is not a value of question " + entry.question +
               "'s scale: choose " + list_values(values);
    }
    if (is_blank(entry.rationale)) return "every score needs a rationale";
    return {};
}

}  // namespace

const ScoreEntry* Scoresheet::find(std::string_view bidder, std::string_view question) const {
    for (const ScoreEntry& e : entries_) {
        if (e.bidder == bidder && e.question == question) return &e;
    }
    return nullptr;
}

Result<void> Scoresheet::set(ScoreEntry entry) {
    const std::string sheet = evaluator_ + "'s scoresheet";
    if (submitted_) {
        return fail(sheet, entry_place(entry),
                    "this scoresheet has been submitted and can no longer be changed");
    }
    if (scope_) {
        if (std::string why = outside_scope(*scope_, entry); !why.empty()) {
            return fail(sheet, entry_place(entry), std::move(why));
        }
    }
    for (ScoreEntry& e : entries_) {
        if (e.bidder == entry.bidder && e.question == entry.question) {
            e = std::move(entry);
            return {};
        }
    }
    entries_.push_back(std::move(entry));
    return {};
}

Result<void> Scoresheet::check_finished(const std::string& file) const {
    if (!scope_) return {};
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (std::string why = outside_scope(*scope_, entries_[i]); !why.empty()) {
            return fail(file, "/scores/" + std::to_string(i), std::move(why));
        }
    }
    for (const std::string& bidder : scope_->bidders) {
        for (const ScoresheetScope::Question& q : scope_->questions) {
            if (find(bidder, q.code) == nullptr) {
                return fail(file, "/scores",
                            "question " + q.code + " for bidder " + bidder +
                                " has no score; score every question before submitting");
            }
        }
    }
    return {};
}

}  // namespace eqkit
