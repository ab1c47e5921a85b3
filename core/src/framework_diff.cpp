#include "eqkit/framework_diff.hpp"

#include <algorithm>

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
                             const Framework& new_fw) {
    Migration m;
    m.assessment = new_assessment(new_fw);
    m.assessment.title = assessment.title;
    for (const Item* item : items_of(old_fw)) {
        const auto it = assessment.answers.find(item->code);
        if (it == assessment.answers.end()) continue;
        if (new_fw.find_item(item->code) == nullptr) {
            m.not_carried.push_back(
                {item->code, "the new version " + new_fw.version + " has no item " + item->code});
            continue;
        }
        Answer answer = it->second;
        if (answer.score && new_fw.scale.level(*answer.score) == nullptr) {
            m.not_carried.push_back({item->code, "score " + std::to_string(*answer.score) +
                                                     " is not on the new scale; the rest was "
                                                     "carried"});
            answer.score.reset();
        }
        if (answer.empty()) continue;
        m.assessment.answers[item->code] = std::move(answer);
        m.needs_review.push_back(item->code);
    }
    return m;
}

}  // namespace eqkit
