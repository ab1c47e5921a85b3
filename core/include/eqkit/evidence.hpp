#pragma once
// Evidence: a file, a link or a written note, with the dates it covers, who added it, and the
// framework items it supports ("eds2022:1A"). Kept in a workspace folder's evidence library.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eqkit/error.hpp"

namespace eqkit {

class Registry;

enum class EvidenceKind { file, link, note };

[[nodiscard]] std::string_view kind_name(EvidenceKind kind);  // "file", "link", "note"
[[nodiscard]] std::optional<EvidenceKind> kind_from_name(std::string_view name);

// A framework item, written "framework:code" ("eds2022:1A").
struct ItemRef {
    std::string framework;
    std::string code;

    [[nodiscard]] std::string text() const { return framework + ":" + code; }
    // No defaulted <=>: Emscripten 3.1.6's libc++ has no operator<=> for std::string.
    friend bool operator==(const ItemRef&, const ItemRef&) = default;
    friend bool operator<(const ItemRef& a, const ItemRef& b) {
        return a.framework != b.framework ? a.framework < b.framework : a.code < b.code;
    }
};

// Splits "eds2022:1A"; only the shape is checked here.
[[nodiscard]] Result<ItemRef> parse_item_ref(std::string_view text);
// The shape, and that the registry holds the framework and the item; place is left empty.
[[nodiscard]] Result<ItemRef> check_item_ref(std::string_view text, const Registry& registry);

struct Evidence {
    std::string id;  // "ev1"
    EvidenceKind kind = EvidenceKind::note;
    std::string title;
    std::string description;
    std::string effective_from;  // YYYY-MM-DD: the date, or the start of the period covered
    std::string effective_to;    // "" or the end of the period covered
    std::string expires;         // "" or the date the evidence stops being current
    std::string added_by;
    std::string added_on;  // YYYY-MM-DD
    // kind == file
    std::string sha256;  // of the content; also its name in evidence/sha256/
    std::uint64_t size = 0;
    std::string media_type;
    std::string original_name;
    // The content's CRC-32 (the ZIP format's check), taken when it was added so export need not
    // read the file twice; kept in workspace.json only. Absent in libraries made before.
    std::optional<std::uint32_t> crc32;
    // kind == link
    std::string url;
    // kind == note
    std::string text;
    std::vector<std::string> supports;  // "framework:code", sorted, no repeats

    // Expired once the expiry date has passed: evidence expiring today is still current.
    [[nodiscard]] bool expired(std::string_view today) const {
        return !expires.empty() && expires < today;
    }
    [[nodiscard]] bool supports_item(std::string_view ref) const;
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

// What a person types when adding evidence; the rest comes from the file, link or note.
struct EvidenceDetails {
    std::string title;
    std::string description;
    std::string effective_from;  // "" means "the day it was added"
    std::string effective_to;
    std::string expires;
    std::string added_by;
    std::vector<std::string> supports;
};

// Limits, shared by the faces for their hints.
inline constexpr std::size_t max_evidence_title = 300;
inline constexpr std::size_t max_evidence_description = 5000;
inline constexpr std::size_t max_note_text = 100000;
inline constexpr std::size_t max_added_by = 200;
inline constexpr std::size_t max_url = 2000;
inline constexpr std::size_t max_original_name = 255;
inline constexpr std::size_t max_supports = 500;

// Every problem with one piece of evidence, each at a JSON Pointer below `pointer` ("/evidence/3")
// in `file`. Checks the fields' shapes only; supports are checked against a registry separately.
[[nodiscard]] ErrorList check_evidence(const Evidence& evidence, std::string_view file,
                                       std::string_view pointer);

// Sorted, without repeats: the order EqualityKit keeps "supports" in.
void normalise_supports(std::vector<std::string>& supports);

// "ev1", "ev2", …: the first of that form not in `taken`.
[[nodiscard]] std::string next_evidence_id(const std::vector<Evidence>& taken);
// Lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters.
[[nodiscard]] bool is_valid_id(std::string_view id);

}  // namespace eqkit
