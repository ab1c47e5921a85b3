#include "eqkit/pack.hpp"
#include "pack_reader.hpp"

namespace eqkit {

VerifyResult verify_pack(const std::filesystem::path& pack, const PackLimits& limits,
                         const PackProgress& progress) {
    detail::PackReading reading = detail::read_pack(pack, limits, progress, nullptr);
    VerifyResult out;
    out.problems = std::move(reading.problems);
    out.manifest = std::move(reading.manifest);
    out.signature = std::move(reading.signature);
    out.files_checked = reading.files_checked;
    out.bytes_checked = reading.bytes_checked;
    return out;
}

}  // namespace eqkit
