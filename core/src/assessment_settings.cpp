// The assessment-wide choices: the scoring method, the items that apply, the judgements the
// rating rules leave to the user and the answers to the rules' questions, checked against the
// framework so that a file and an edit fail the same way.
#include <algorithm>
#include <set>

#include "eqkit/assessment.hpp"
#include "eqkit/text.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

constexpr std::size_t max_rationale_length = 10000;

bool has_band(const std::vector<Band>& bands, std::string_view label) {
    return std::any_of(bands.begin(), bands.end(),
                       [label](const Band& b) { return b.label == label; });
}

bool is_group(const Framework& fw, std::string_view code) {
    return std::any_of(fw.groups.begin(), fw.groups.end(),
                       [code](const Group& g) { return g.code == code; });
}

void check_method(const Framework& fw, const Assessment& a, ErrorList& out) {
    if (a.method.empty()) return;
    const std::vector<ScoringMethod>& methods = fw.aggregation.methods;
    const bool known = std::any_of(methods.begin(), methods.end(),
                                   [&a](const ScoringMethod& m) { return m.id == a.method; });
    if (!known) {
        out.push_back(
            {"", "/method", "no scoring method " + detail::in_quotes(a.method) + " in " + fw.id});
    }
}

void check_applicable(const Framework& fw, const Assessment& a, ErrorList& out) {
    if (!a.applicable) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < a.applicable->size(); ++i) {
        const std::string& code = (*a.applicable)[i];
        const std::string place = detail::pointer_append("/applicable", i);
        if (fw.find_item(code) == nullptr) {
            out.push_back({"", place, detail::in_quotes(code) + " is not an item of " + fw.id});
        } else if (!seen.insert(code).second) {
            out.push_back({"", place, detail::in_quotes(code) + " is listed twice"});
        }
    }
}

void check_judgements(const Framework& fw, const Assessment& a, ErrorList& out) {
    for (const auto& [about, j] : a.judgements) {
        const std::string place = detail::pointer_append("/judgements", about);
        if (about != "overall" && !is_group(fw, about)) {
            out.push_back(
                {"", place,
                 detail::in_quotes(about) + " is neither \"overall\" nor a " + fw.group_label});
            continue;
        }
        if (!has_band(fw.aggregation.group_bands, j.rating) &&
            !has_band(fw.aggregation.overall_bands, j.rating)) {
            out.push_back({"", place + "/rating",
                           detail::in_quotes(j.rating) + " is not one of the ratings"});
        }
        if (is_blank(j.rationale)) {
            out.push_back({"", place + "/rationale", "a judgement needs a rationale saying why"});
        } else if (!is_valid_utf8(j.rationale) ||
                   utf16_length(j.rationale) > max_rationale_length) {
            out.push_back({"", place + "/rationale",
                           "the rationale must be text of at most " +
                               std::to_string(max_rationale_length) + " characters"});
        }
    }
}

void check_flags(const Framework& fw, const Assessment& a, ErrorList& out) {
    for (const auto& [flag, value] : a.flags) {
        const std::string& wanted = flag;  // clang 14 cannot capture a binding
        const bool known = fw.aggregation.overall_rules &&
                           std::any_of(fw.aggregation.overall_rules->caps.begin(),
                                       fw.aggregation.overall_rules->caps.end(),
                                       [&wanted](const RatingCap& c) { return c.flag == wanted; });
        if (!known) {
            out.push_back({"", detail::pointer_append("/flags", flag),
                           "no rule of " + fw.id + " asks about " + detail::in_quotes(flag)});
        }
    }
}

}  // namespace

std::vector<std::string> applying_items(const Framework& fw,
                                        const std::vector<std::string>& codes) {
    std::vector<std::string> items;
    const auto add = [&items](const std::string& code) {
        if (std::find(items.begin(), items.end(), code) == items.end()) items.push_back(code);
    };
    for (const std::string& code : codes) {
        const auto group = std::find_if(fw.groups.begin(), fw.groups.end(),
                                        [&code](const Group& g) { return g.code == code; });
        if (fw.find_item(code) != nullptr || group == fw.groups.end()) {
            add(code);
            continue;
        }
        for (const Item& item : group->items)
            add(item.code);
    }
    return items;
}

ErrorList check_settings(const Framework& framework, const Assessment& assessment) {
    ErrorList out;
    check_method(framework, assessment, out);
    check_applicable(framework, assessment, out);
    check_judgements(framework, assessment, out);
    check_flags(framework, assessment, out);
    return out;
}

}  // namespace eqkit
