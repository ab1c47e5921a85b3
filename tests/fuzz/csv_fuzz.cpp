// Fuzz target: the CSV reader and the import behind it must never crash, whatever the bytes and
// however they are split into chunks; every error names a line and column.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "eqkit/csv_reader.hpp"
#include "eqkit/workforce_definitions.hpp"
#include "eqkit/workforce_import.hpp"

namespace {

// Every record and the error, as text: fed whole, whole lines take the reader's fast path; fed a
// byte at a time, none can. Both must read the same.
std::string read_all(std::string_view text, std::size_t chunk) {
    std::string out;
    eqkit::CsvReader reader("fuzz.csv", [&out](const eqkit::CsvRecord& r) {
        out += std::to_string(r.line) + (r.blank ? "b" : "") + ":";
        for (std::size_t i = 0; i < r.size(); ++i)
            out += std::to_string(r[i].size()) + "=" + std::string(r[i]) + "|";
        out += "\n";
        return true;
    });
    for (std::size_t at = 0; at < text.size(); at += chunk) {
        if (auto ok = reader.feed(text.substr(at, chunk)); !ok) return out + ok.error().message();
    }
    if (auto ok = reader.finish(); !ok) return out + ok.error().message();
    return out;
}

const eqkit::workforce::Definitions& wres() {
    static const eqkit::workforce::Definitions defs =
        *eqkit::workforce::load_definitions(EQKIT_PLUGINS_DIR "/wres/indicators.json");
    return defs;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The first byte picks where the input is split, so chunk boundaries get fuzzed too.
    const std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
    std::size_t records = 0;
    eqkit::CsvReader reader("fuzz.csv", [&records](const eqkit::CsvRecord& r) {
        if (r.size() == 0 || r.line == 0) std::abort();
        ++records;
        return true;
    });
    auto fed = reader.feed(text.substr(0, split));
    if (fed) fed = reader.feed(text.substr(split));
    if (fed) fed = reader.finish();
    if (!fed && (fed.error().place.rfind("line ", 0) != 0 || fed.error().reason.empty())) {
        std::abort();  // a failure must say where and why
    }
    if (read_all(text, text.size() + 1) != read_all(text, 1)) std::abort();
    for (const char* role : {"staff", "recruitment", "training", "board", "survey"}) {
        eqkit::workforce::Import import(wres(), nullptr);
        if (!import.begin(role, "fuzz.csv")) std::abort();
        auto ok = import.feed(text.substr(0, split));
        if (ok) ok = import.feed(text.substr(split));
        if (ok) ok = import.end();
        const eqkit::workforce::ImportReport& report = import.report();
        for (const eqkit::workforce::FileReport& f : report.files) {
            std::uint64_t accounted = f.used;
            for (const auto& [why, n] : f.excluded)
                accounted += n;
            for (const auto& [why, n] : f.rejected)
                accounted += n;
            if (ok && accounted != f.rows) std::abort();  // nothing silently dropped
        }
        (void)import.counts();
    }
    return 0;
}
