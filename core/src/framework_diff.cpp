#include "eqkit/framework_diff.hpp"

#include <algorithm>

#include "eqkit/registry.hpp"

namespace eqkit {
namespace {

std::vector<const Item*> items_of(const Framework& fw) {
    std::vector<const Item*> out;
    for (const Group& g : fw.groups) {
        for (const Item& i : g.items)
            out.push_back(&i);
    }
    return out;
}

bool same_levels(const Scale& a, const Scale& b) {
    return std::equal(a.levels.begin(), a.levels.end(), b.levels.begin(), b.levels.end(),
                      [](const ScaleLevel& x, const ScaleLevel& y) {
                          return x.value == y.value && x.label == y.label;
                      });
}

// Each choice is tried on its own; what the new version cannot take is listed, never dropped
// silently.
void carry_settings(const Assessment& from, const Framework& new_fw, Migration& m) {
    Assessment& to = m.assessment;
    const auto fits = [&new_fw, &m](const Assessment& one, const std::string& what) {
        const ErrorList problems = check_settings(new_fw, one);
        for (const Error& e : problems)
            m.not_carried.push_back({what, e.reason});
        return problems.empty();
    };
    Assessment one = new_assessment(new_fw);
    one.method = from.method;
    if (fits(one, "scoring method")) to.method = from.method;
    for (const auto& [about, judgement] : from.judgements) {
        one = new_assessment(new_fw);
        one.judgements[about] = judgement;
        if (fits(one, "judgement on " + about)) to.judgements[about] = judgement;
    }
    for (const auto& [flag, value] : from.flags) {
        one = new_assessment(new_fw);
        one.flags[flag] = value;
        if (fits(one, "answer to " + flag)) to.flags[flag] = value;
    }
    if (!from.applicable) return;
    to.applicable.emplace();
    for (const std::string& code : *from.applicable) {
        if (new_fw.find_item(code) != nullptr) {
            to.applicable->push_back(code);
        } else {
            m.not_carried.push_back({code, "marked as applying, but the new version " +
                                               new_fw.version + " has no item " + code});
        }
    }
}

// The item of the new framework a loaded mapping says is the same as the old item, and not
// answered yet; null when there is none.
const CrosswalkLink* equal_link(const std::vector<CrosswalkLink>& links, const Framework& new_fw,
                                const Assessment& carried) {
    for (const CrosswalkLink& link : links) {
        if (link.framework == new_fw.id && link.relationship == Relationship::equal &&
            new_fw.find_item(link.code) != nullptr && !carried.answers.contains(link.code))
            return &link;
    }
    return nullptr;
}

void carry_answer(const std::string& from_code, const std::string& to_code, Answer answer,
                  const Framework& new_fw, Migration& m) {
    if (answer.score && new_fw.scale.level(*answer.score) == nullptr) {
        m.not_carried.push_back({from_code, "score " + std::to_string(*answer.score) +
                                                " is not on the new scale; the rest was "
                                                "carried"});
        answer.score.reset();
    }
    if (answer.empty()) return;
    answer.needs_review = true;  // until the user confirms it against the new wording
    m.assessment.answers[to_code] = std::move(answer);
    m.needs_review.push_back(to_code);
}

}  // namespace

FrameworkDiff diff_frameworks(const Framework& old_fw, const Framework& new_fw) {
    FrameworkDiff diff;
    diff.old_version = old_fw.version;
    diff.new_version = new_fw.version;
    for (const Item* item : items_of(new_fw)) {
        const Item* before = old_fw.find_item(item->code);
        if (before == nullptr) {
            diff.added.push_back(item->code);
        } else if (before->title != item->title) {
            diff.retitled.push_back({item->code, before->title, item->title});
        }
    }
    for (const Item* item : items_of(old_fw)) {
        if (new_fw.find_item(item->code) == nullptr) diff.removed.push_back(item->code);
    }
    diff.rescaled = !same_levels(old_fw.scale, new_fw.scale);
    return diff;
}

Migration migrate_assessment(const Assessment& assessment, const Framework& old_fw,
                             const Framework& new_fw, const Registry* registry) {
    Migration m;
    m.assessment = new_assessment(new_fw);
    m.assessment.title = assessment.title;
    // The assessment-wide choices go too, where the new version still has what they name.
    carry_settings(assessment, new_fw, m);
    for (const Item* item : items_of(old_fw)) {
        const auto it = assessment.answers.find(item->code);
        if (it == assessment.answers.end()) continue;
        if (new_fw.find_item(item->code) != nullptr) {
            carry_answer(item->code, item->code, it->second, new_fw, m);
            continue;
        }
        const std::vector<CrosswalkLink> links =
            registry != nullptr ? linked_items(*registry, old_fw.id, item->code)
                                : std::vector<CrosswalkLink>{};
        if (const CrosswalkLink* link = equal_link(links, new_fw, m.assessment)) {
            m.mapped.push_back({link->code, item->code, link->mapping});
            carry_answer(item->code, link->code, it->second, new_fw, m);
            continue;
        }
        const bool linked = std::any_of(links.begin(), links.end(), [&new_fw](const auto& l) {
            return l.framework == new_fw.id;
        });
        m.not_carried.push_back(
            {item->code, "the new version " + new_fw.version + " has no item " + item->code +
                             (linked ? ", and no mapping says another is the same" : "")});
    }
    return m;
}

}  // namespace eqkit
