// The made-up files follow the definitions (their group codes, bands and flags, in our own
// column names), so the warm-up takes the same paths through the import as real files do:
// every kind of row, quoted fields, events looked up by person_id.
#include "eqkit/workforce_warm_up.hpp"

#include <algorithm>
#include <chrono>
#include <string_view>

#include "eqkit/workforce_indicators.hpp"
#include "eqkit/workforce_report.hpp"

namespace eqkit::workforce {
namespace {

constexpr std::size_t slice_bytes = 32 * 1024;  // fed per step: a few milliseconds
constexpr std::size_t board_members = 20;

const char* yes_no(bool yes) {
    return yes ? "Y" : "N";
}

// A value as a CSV field: quoted when it holds a comma or a quote ("Other, not on Agenda for
// Change").
std::string field(const std::string& value) {
    if (value.find_first_of(",\"") == std::string::npos) return value;
    std::string quoted = "\"";
    for (const char c : value)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + '"';
}

// The group column's values in turn: each code (or name), and now and then a blank.
std::string group_value(const Definitions& defs, std::size_t i) {
    const auto& values = defs.classification.values;
    if (values.empty() || i % 17 == 16) return {};
    const ClassValue& v = values[i % values.size()];
    return field(v.code.empty() ? v.label : v.code);
}

std::string staff_file(const Definitions& defs, std::size_t staff) {
    std::string out = "person_id," + defs.classification.field +
                      ",afc_band,medical_subgroup,clinical,is_bank,staff_group\n";
    const auto& afc = defs.rows.afc;
    const auto& medical = defs.rows.medical;
    for (std::size_t i = 0; i < staff; ++i) {
        const bool is_medical = !medical.empty() && i % 8 == 7;
        out += "W" + std::to_string(i) + ',' + group_value(defs, i) + ',';
        if (!is_medical && !afc.empty()) out += field(afc[i % afc.size()].label);
        out += ',';
        if (is_medical) out += field(medical[i % medical.size()].label);
        out += std::string(",") + yes_no(is_medical || i % 3 != 0) + ',' + yes_no(i % 20 == 19) +
               ",\"Additional Clinical Services, \"\"Support\"\"\"\n";
    }
    return out;
}

std::string applicants_file(const Definitions& defs, std::size_t staff) {
    std::string out = defs.classification.field + ",shortlisted,appointed\n";
    for (std::size_t i = 0; i < staff / 2; ++i) {
        const bool shortlisted = i % 3 != 0;
        out += group_value(defs, i) + ',' + yes_no(shortlisted) + ',' +
               yes_no(shortlisted && i % 4 == 0) + '\n';
    }
    return out;
}

// Two rows for every third member of staff, one counted by the flags and one not, as training
// files list each course a person took.
std::string events_file(const InputDef& input, std::size_t staff) {
    std::string out = "person_id";
    for (const EventFlag& flag : input.flags)
        out += ',' + flag.field;
    out += '\n';
    for (std::size_t i = 0; i < staff; i += 3) {
        for (const bool counted : {true, false}) {
            out += "W" + std::to_string(i);
            for (const EventFlag& flag : input.flags)
                out += std::string(",") + yes_no(counted == flag.counts_when);
            out += '\n';
        }
    }
    return out;
}

std::string board_file(const Definitions& defs) {
    std::string out = defs.classification.field + ",voting,executive\n";
    for (std::size_t i = 0; i < board_members; ++i)
        out += group_value(defs, i) + ",Y," + yes_no(i % 2 == 0) + '\n';
    return out;
}

std::string made_up_file(const Definitions& defs, const InputDef& input, std::size_t staff) {
    switch (input.kind) {
        case InputKind::staff:
            return staff_file(defs, staff);
        case InputKind::applicants:
            return applicants_file(defs, staff);
        case InputKind::events:
            return events_file(input, staff);
        case InputKind::board:
            return board_file(defs);
        case InputKind::survey:
            break;  // a handful of rows in any real file: nothing to warm up
    }
    return {};
}

}  // namespace

double steady_clock_ms() {
    using ms = std::chrono::duration<double, std::milli>;
    return ms(std::chrono::steady_clock::now().time_since_epoch()).count();
}

WarmUp::WarmUp(const Definitions& defs, WarmUpPlan plan) : defs_(&defs), plan_(std::move(plan)) {
    for (const InputDef& input : defs.inputs) {
        std::string text = made_up_file(defs, input, plan_.staff);
        if (text.empty()) continue;
        files_.emplace_back(input.role, std::move(text));
    }
    // The staff file first: the events files find each person in it.
    std::stable_partition(files_.begin(), files_.end(), [&](const auto& file) {
        const InputDef* input = defs.input(file.first);
        return input != nullptr && input->kind == InputKind::staff;
    });
    import_.emplace(defs, &mapping_, ImportOptions{});
}

bool WarmUp::step() {
    if (done_) return false;
    if (files_.empty()) {
        finish();
        return false;
    }
    const double start = plan_.clock_ms();
    const Result<void> fed = next_piece();
    pass_ms_ += plan_.clock_ms() - start;
    if (!fed) done_ = true;  // cannot happen with these files; the warm-up just stops
    if (!done_ && file_ == files_.size()) end_pass();
    return !done_;
}

// The next slice of the current file, or the start or end of a file.
Result<void> WarmUp::next_piece() {
    const auto& [role, text] = files_[file_];
    if (!begun_) {
        begun_ = true;
        const std::size_t room =
            std::max(text.size(), plan_.room_for_staff * short_staff_row_bytes);
        return import_->begin(role, "warm-up " + role + ".csv", room);
    }
    if (at_ < text.size()) {
        const std::size_t n = std::min(slice_bytes, text.size() - at_);
        const std::string_view piece = std::string_view(text).substr(at_, n);
        at_ += n;
        return import_->feed(piece);
    }
    ++file_;
    at_ = 0;
    begun_ = false;
    return import_->end();
}

// Another pass, unless this one was hardly faster than the one before (or enough were made).
void WarmUp::end_pass() {
    pass_times_.push_back(pass_ms_);
    pass_ms_ = 0;
    const std::size_t passes = pass_times_.size();
    const bool steady =
        passes >= 2 && pass_times_[passes - 1] > plan_.steady * pass_times_[passes - 2];
    if (passes >= plan_.max_passes || (passes >= plan_.min_passes && steady)) {
        finish();
        return;
    }
    file_ = 0;
    import_.emplace(*defs_, &mapping_, ImportOptions{});
}

void WarmUp::finish() {
    const Results results = compute(*defs_, import_->counts(), nullptr, {0});
    static_cast<void>(results_json(results, {}));
    done_ = true;
}

}  // namespace eqkit::workforce
