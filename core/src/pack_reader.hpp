#pragma once
// Reading a pack for verify and import alike: the ZIP directory's safety checks, the manifest,
// the signature, the list of files against the entries, and every file's size and SHA-256.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "eqkit/pack.hpp"

namespace eqkit::detail {

// What import does with each listed file besides checking it (verify does nothing more).
class PackFileSink {
  public:
    virtual ~PackFileSink() = default;
    [[nodiscard]] virtual Result<void> begin(const PackFile& file) = 0;
    [[nodiscard]] virtual Result<void> write(std::string_view chunk) = 0;
    // The file was read completely and matched the manifest.
    [[nodiscard]] virtual Result<void> end(const PackFile& file) = 0;
};

struct PackReading {
    ErrorList problems;
    std::optional<Manifest> manifest;
    std::optional<PackSignature> signature;
    std::uint64_t files_checked = 0;
    std::uint64_t bytes_checked = 0;
};

// Reads a pack a step at a time: the first step checks the directory and reads the manifest
// and the signature; each later one checks about `budget` bytes of the listed files.
class PackReader {
  public:
    // sink may be null; limits, progress and sink must outlive the reader.
    PackReader(std::filesystem::path pack, const PackLimits& limits, const PackProgress& progress,
               PackFileSink* sink);
    ~PackReader();
    PackReader(const PackReader&) = delete;
    PackReader& operator=(const PackReader&) = delete;
    // True once the reading has ended (every file checked, or a problem that stops it).
    [[nodiscard]] bool step(std::uint64_t budget);
    [[nodiscard]] PackReading take();  // once step has returned true

  private:
    class Reader;
    std::unique_ptr<Reader> reader_;
};

// The same, to the end.
[[nodiscard]] PackReading read_pack(const std::filesystem::path& pack, const PackLimits& limits,
                                    const PackProgress& progress, PackFileSink* sink);

}  // namespace eqkit::detail
