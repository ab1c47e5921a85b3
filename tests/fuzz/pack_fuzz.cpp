// Fuzz target: the pack reader. Any bytes must give a verdict, never a crash; a failure must
// say why; a pack that verifies must import into an empty workspace that then loads, with every
// file written inside that workspace.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "eqkit/pack.hpp"
#include "eqkit/plugins.hpp"

namespace fs = std::filesystem;

namespace {

const eqkit::Registry& shipped() {
    static const eqkit::Registry registry = eqkit::load_registry(EQKIT_PLUGINS_DIR);
    return registry;
}

const fs::path& scratch() {
    static const fs::path dir =
        fs::temp_directory_path() / ("eqkit-pack-fuzz-" + std::to_string(::getpid()));
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::error_code ec;
    fs::remove_all(scratch(), ec);
    fs::create_directories(scratch());
    const fs::path pack = scratch() / "pack.zip";
    {
        std::ofstream out(pack, std::ios::binary);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const eqkit::VerifyResult verified = eqkit::verify_pack(pack);
    if (!verified.intact()) {
        for (const eqkit::Error& e : verified.problems) {
            if (e.reason.empty()) std::abort();
        }
        fs::remove_all(scratch(), ec);
        return 0;
    }
    auto ws = eqkit::WorkspaceFolder::create(scratch() / "ws", shipped());
    if (!ws) std::abort();
    auto imported = eqkit::import_pack(pack, *ws);
    if (imported) {
        if (!eqkit::WorkspaceFolder::open(scratch() / "ws", shipped())) std::abort();
    }
    // Nothing beside the pack and the workspace: no entry escaped.
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(scratch())) {
        (void)entry;
        ++entries;
    }
    if (entries != 2) std::abort();
    fs::remove_all(scratch(), ec);
    return 0;
}
