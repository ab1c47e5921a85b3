#pragma once
// Impact assessment parts as JSON for the faces (the form model's "impact" and the state's
// "impact"), and the list of versions shared by the JSON API and the CLI.
#include <string_view>

#include "eqkit/assessment.hpp"
#include "eqkit/registry.hpp"
#include "json_reader.hpp"

namespace eqkit::detail {

// The template's parts: fields, rows, the risk matrix with every cell's score and band in words,
// sign-off and review, each with its UNCONFIRMED mark; null when the framework has none.
[[nodiscard]] Json impact_model(const Framework& framework);

// The answers in words: rows with their labels and risk bands, version and sign-off, what still
// stops sign-off, the review status on `today`, and the versions.
[[nodiscard]] Json impact_state(const Framework& framework, const Assessment& assessment,
                                const Registry& registry, std::string_view today);

// {name, role, date}
[[nodiscard]] Json signoff_json(const Signoff& signoff);

// {state: no_date|not_due|due|overdue, label, date, days_left, words} as on today.
[[nodiscard]] Json review_json(const Framework& framework, const Assessment& assessment,
                               std::string_view today);

// [{version, current, signoff?:{name,role,date}, changes:[…]}], oldest first.
[[nodiscard]] Json versions_json(const Framework& framework, const Assessment& assessment,
                                 const Registry& registry);

}  // namespace eqkit::detail
