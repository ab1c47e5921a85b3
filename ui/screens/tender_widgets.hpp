#pragma once
// Small pieces the Tender section's pages share, drawn from TenderApi's JSON answers.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "look.hpp"

namespace eqkit::ui::tn {

// doc[key] as text; "" when missing or not text.
[[nodiscard]] std::string str(const nlohmann::json& doc, const char* key);
// A figure as people write it: 50, 12.5, 33.33 (two decimals at most).
[[nodiscard]] std::string number(double value);
// "Q1 Access: weight 60" / "PF1 Policy: pass or fail".
[[nodiscard]] std::string question_line(const nlohmann::json& question);
// "UNCONFIRMED: <what>: <note>" in words when the fact carries "confirmed": false.
void unconfirmed(const Look& look, const nlohmann::json& fact, std::string_view what);
// A question's text, guidance, word limit, weight or pass/fail, minimum and cited items.
void question_summary(const Look& look, const nlohmann::json& question);
// A bid's evidence pack check in the core's words (verified, FLAGGED or no pack), and each
// reason a FLAGGED pack failed.
void pack_verification(const Look& look, const nlohmann::json& bid);
// A button that does nothing (and looks it) while `enabled` is false.
[[nodiscard]] bool button(const char* label, bool enabled = true);

}  // namespace eqkit::ui::tn
