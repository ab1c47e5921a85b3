#include "eqkit/pack.hpp"
#include "pack_reader.hpp"

namespace eqkit {
namespace {

VerifyResult verify_result(detail::PackReading reading) {
    VerifyResult out;
    out.problems = std::move(reading.problems);
    out.manifest = std::move(reading.manifest);
    out.signature = std::move(reading.signature);
    out.files_checked = reading.files_checked;
    out.bytes_checked = reading.bytes_checked;
    return out;
}

}  // namespace

VerifyResult verify_pack(const std::filesystem::path& pack, const PackLimits& limits,
                         const PackProgress& progress) {
    return verify_result(detail::read_pack(pack, limits, progress, nullptr));
}

struct PackVerifyTask::State {
    PackLimits limits;
    PackProgress progress;
    detail::PackReader reader;

    State(std::filesystem::path pack, PackLimits l, PackProgress p)
        : limits(l), progress(std::move(p)), reader(std::move(pack), limits, progress, nullptr) {}
};

PackVerifyTask::PackVerifyTask(std::filesystem::path pack, PackLimits limits, PackProgress progress)
    : state_(std::make_unique<State>(std::move(pack), limits, std::move(progress))) {}

PackVerifyTask::~PackVerifyTask() = default;

bool PackVerifyTask::step(std::uint64_t budget) {
    return state_->reader.step(budget);
}

VerifyResult PackVerifyTask::result() {
    return verify_result(state_->reader.take());
}

}  // namespace eqkit
