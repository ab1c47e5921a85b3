#include "eqkit/evidence.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "eqkit/dates.hpp"
#include "eqkit/hash.hpp"
#include "eqkit/registry.hpp"
#include "eqkit/text.hpp"

namespace eqkit {
namespace {

bool is_media_type_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' ||
           c == '_';
}

bool is_media_type(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size() ||
        text.size() > 127) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i != slash && !is_media_type_char(text[i])) return false;
    }
    return true;
}

// Links open in a browser from the report: only web addresses, never "javascript:" or "file:".
bool is_web_address(std::string_view url) {
    if (!url.starts_with("https://") && !url.starts_with("http://")) return false;
    const std::size_t host = url.find("://") + 3;
    if (host >= url.size() || url[host] == '/') return false;
    return std::none_of(url.begin(), url.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\';
    });
}

bool is_safe_file_name(std::string_view name) {
    if (name.empty() || name == "." || name == ".." || name.size() > max_original_name) {
        return false;
    }
    return std::none_of(name.begin(), name.end(), [](char c) {
        return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
    });
}

class Checker {
  public:
    Checker(std::string_view file, std::string_view pointer) : file_(file), pointer_(pointer) {}

    void add(std::string_view key, std::string reason) {
        errors_.push_back(Error{std::string(file_), std::string(pointer_) + "/" + std::string(key),
                                std::move(reason)});
    }
    // Valid UTF-8 of at most `limit` characters; blank is allowed only when `may_be_blank`.
    void text(std::string_view key, std::string_view value, std::size_t limit, bool may_be_blank) {
        if (!is_valid_utf8(value)) {
            add(key, "this is not valid UTF-8 text");
        } else if (!may_be_blank && is_blank(value)) {
            add(key, "this must not be empty");
        } else if (const std::size_t length = utf16_length(value); length > limit) {
            add(key, "this is " + std::to_string(length) + " characters; the limit is " +
                         std::to_string(limit));
        }
    }
    void date(std::string_view key, std::string_view value, bool may_be_empty) {
        if (value.empty() && may_be_empty) return;
        if (!is_iso_date(value)) {
            add(key, "\"" + std::string(value) +
                         "\" is not a date written YYYY-MM-DD (for example 2024-03-31)");
        }
    }
    void empty(std::string_view key, std::string_view value, EvidenceKind kind) {
        if (!value.empty()) {
            add(key,
                "a " + std::string(kind_name(kind)) + " cannot have \"" + std::string(key) + "\"");
        }
    }
    ErrorList take() { return std::move(errors_); }

  private:
    std::string_view file_;
    std::string_view pointer_;
    ErrorList errors_;
};

void check_kind_fields(const Evidence& e, Checker& check) {
    switch (e.kind) {
        case EvidenceKind::file:
            if (!is_sha256_hex(e.sha256)) check.add("sha256", "expected 64 lower-case hex digits");
            if (!is_media_type(e.media_type)) {
                check.add("media_type",
                          "\"" + e.media_type + "\" is not a media type such as application/pdf");
            }
            if (!is_valid_utf8(e.original_name) || !is_safe_file_name(e.original_name)) {
                check.add("original_name",
                          "a file name must be 1 to 255 bytes, without '/', '\\' or control "
                          "characters");
            }
            check.empty("url", e.url, e.kind);
            check.empty("text", e.text, e.kind);
            break;
        case EvidenceKind::link:
            if (e.url.size() > max_url || !is_valid_utf8(e.url) || !is_web_address(e.url)) {
                check.add("url",
                          "a link must be a web address starting https:// or http://, of "
                          "at most " +
                              std::to_string(max_url) + " characters, without spaces");
            }
            check.empty("text", e.text, e.kind);
            break;
        case EvidenceKind::note:
            check.text("text", e.text, max_note_text, false);
            check.empty("url", e.url, e.kind);
            break;
    }
    if (e.kind != EvidenceKind::file) {
        check.empty("sha256", e.sha256, e.kind);
        check.empty("media_type", e.media_type, e.kind);
        check.empty("original_name", e.original_name, e.kind);
    }
}

}  // namespace

std::string_view kind_name(EvidenceKind kind) {
    switch (kind) {
        case EvidenceKind::file:
            return "file";
        case EvidenceKind::link:
            return "link";
        case EvidenceKind::note:
            return "note";
    }
    return "note";
}

std::optional<EvidenceKind> kind_from_name(std::string_view name) {
    for (const EvidenceKind k : {EvidenceKind::file, EvidenceKind::link, EvidenceKind::note}) {
        if (kind_name(k) == name) return k;
    }
    return std::nullopt;
}

Result<ItemRef> parse_item_ref(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size() ||
        text.find(':', colon + 1) != std::string_view::npos || text.size() > 200 ||
        !is_valid_utf8(text) || std::any_of(text.begin(), text.end(), [](char c) {
            return static_cast<unsigned char>(c) <= 0x20;
        })) {
        return fail("", "",
                    "\"" + std::string(text) +
                        "\" is not an item written framework:code (for example eds2022:1A)");
    }
    return ItemRef{std::string(text.substr(0, colon)), std::string(text.substr(colon + 1))};
}

Result<ItemRef> check_item_ref(std::string_view text, const Registry& registry) {
    Result<ItemRef> ref = parse_item_ref(text);
    if (!ref) return ref;
    const Framework* fw = registry.find(ref->framework);
    if (fw == nullptr) {
        return fail("", "",
                    "\"" + std::string(text) + "\" names framework \"" + ref->framework +
                        "\", which is not loaded");
    }
    if (fw->find_item(ref->code) == nullptr) {
        return fail(
            "", "",
            "\"" + std::string(text) + "\": " + fw->id + " has no item \"" + ref->code + "\"");
    }
    return ref;
}

bool Evidence::supports_item(std::string_view ref) const {
    return std::find(supports.begin(), supports.end(), ref) != supports.end();
}

ErrorList check_evidence(const Evidence& e, std::string_view file, std::string_view pointer) {
    Checker check(file, pointer);
    if (!is_valid_id(e.id)) {
        check.add("id",
                  "\"" + e.id + "\" is not an id (lower-case letters, digits and '-', at most 64)");
    }
    check.text("title", e.title, max_evidence_title, false);
    check.text("description", e.description, max_evidence_description, true);
    check.text("added_by", e.added_by, max_added_by, false);
    check.date("effective_from", e.effective_from, false);
    check.date("effective_to", e.effective_to, true);
    check.date("expires", e.expires, true);
    check.date("added_on", e.added_on, false);
    if (!e.effective_to.empty() && is_iso_date(e.effective_to) && is_iso_date(e.effective_from) &&
        e.effective_to < e.effective_from) {
        check.add("effective_to", "the period ends (" + e.effective_to + ") before it starts (" +
                                      e.effective_from + ")");
    }
    check_kind_fields(e, check);
    if (e.supports.size() > max_supports) {
        check.add("supports", "at most " + std::to_string(max_supports) + " items can be listed");
    }
    for (std::size_t i = 0; i < e.supports.size(); ++i) {
        const std::string key = "supports/" + std::to_string(i);
        if (!parse_item_ref(e.supports[i])) {
            check.add(key, parse_item_ref(e.supports[i]).error().reason);
        } else if (std::find(e.supports.begin(), e.supports.begin() + static_cast<long>(i),
                             e.supports[i]) != e.supports.begin() + static_cast<long>(i)) {
            check.add(key, "\"" + e.supports[i] + "\" is listed twice");
        }
    }
    return check.take();
}

void normalise_supports(std::vector<std::string>& supports) {
    std::sort(supports.begin(), supports.end());
    supports.erase(std::unique(supports.begin(), supports.end()), supports.end());
}

std::string next_evidence_id(const std::vector<Evidence>& taken) {
    std::uint64_t highest = 0;
    for (const Evidence& e : taken) {
        if (!e.id.starts_with("ev")) continue;
        std::uint64_t n = 0;
        const char* first = e.id.data() + 2;
        const char* last = e.id.data() + e.id.size();
        if (auto [end, ec] = std::from_chars(first, last, n); ec == std::errc{} && end == last) {
            highest = std::max(highest, n);
        }
    }
    if (highest < std::numeric_limits<std::uint64_t>::max())
        return "ev" + std::to_string(highest + 1);
    // Someone wrote "ev18446744073709551615": take the first free number instead.
    for (std::uint64_t n = 1;; ++n) {
        const std::string id = "ev" + std::to_string(n);
        if (std::none_of(taken.begin(), taken.end(), [&](const Evidence& e) { return e.id == id; }))
            return id;
    }
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

}  // namespace eqkit
