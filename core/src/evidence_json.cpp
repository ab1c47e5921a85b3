#include "evidence_json.hpp"

namespace eqkit::detail {
namespace {

// "crc32" (workspace.json only): a file's CRC-32, 0 to 4294967295. With an unknown kind only
// the kind is reported.
void read_crc32(ObjectReader& obj, std::optional<EvidenceKind> kind, Evidence& e) {
    if (kind != EvidenceKind::file) {
        if (obj.raw("crc32", Need::optional) != nullptr && kind) {
            obj.error("crc32", "only a file has a CRC-32");
        }
        return;
    }
    const std::optional<std::int64_t> crc = obj.integer("crc32", Need::optional);
    if (!crc) return;
    if (*crc < 0 || *crc > 0xffffffffLL) {
        obj.error("crc32", "a CRC-32 is a whole number from 0 to 4294967295");
        return;
    }
    e.crc32 = static_cast<std::uint32_t>(*crc);
}

}  // namespace

std::optional<Evidence> read_evidence(ObjectReader& obj, Diagnostics& diag, std::string* path) {
    const std::size_t errors_before = diag.count();
    Evidence e;
    bool complete = true;
    // A required field that is missing (or not text) is reported by the reader.
    const auto need_if = [&](std::string_view key, bool required) {
        auto value = obj.string(key, required ? Need::required : Need::optional);
        if (!value && (required || obj.has(key))) complete = false;
        return value.value_or("");
    };
    const auto need = [&](std::string_view key) { return need_if(key, true); };
    e.id = need("id");
    const std::string kind = need("kind");
    const std::optional<EvidenceKind> known = kind_from_name(kind);
    if (known) {
        e.kind = *known;
    } else if (!kind.empty()) {
        obj.error("kind", "\"" + kind + "\" is not a kind of evidence (file, link or note)");
        complete = false;
    }
    e.title = need("title");
    e.description = obj.string_or("description", "");
    e.effective_from = need("effective_from");
    e.effective_to = obj.string_or("effective_to", "");
    e.expires = obj.string_or("expires", "");
    e.added_by = need("added_by");
    e.added_on = need("added_on");
    // With an unknown kind, which fields it needs is unknown too: only the kind is reported.
    const bool is_file = known && e.kind == EvidenceKind::file;
    e.sha256 = need_if("sha256", is_file);
    if (e.kind == EvidenceKind::file) {
        if (auto size = obj.integer("size", Need::required); !size) {
            complete = false;
        } else if (*size < 0) {
            obj.error("size", "a size cannot be negative");
        } else {
            e.size = static_cast<std::uint64_t>(*size);
        }
    } else if (obj.raw("size", Need::optional) != nullptr && known) {
        obj.error("size", "a " + std::string(kind_name(e.kind)) + " cannot have \"size\"");
    }
    if (path == nullptr) read_crc32(obj, known, e);
    e.media_type = need_if("media_type", is_file);
    e.original_name = need_if("original_name", is_file);
    e.url = need_if("url", known && e.kind == EvidenceKind::link);
    e.text = need_if("text", known && e.kind == EvidenceKind::note);
    if (path != nullptr) {
        *path = need_if("path", is_file);
        if (known && e.kind != EvidenceKind::file && obj.has("path")) {
            obj.error("path", "only a file has a path in the pack");
        }
    }
    e.supports = obj.strings("supports", Need::required);
    obj.finish();
    // Shapes are checked once every required field is there (a missing one is reported once).
    if (complete) {
        for (Error& error : check_evidence(e, diag.file(), obj.pointer()))
            diag.add(std::move(error.place), std::move(error.reason));
    }
    if (!complete || diag.count() != errors_before) return std::nullopt;
    return e;
}

Json evidence_to_json(const Evidence& e, const std::string* path) {
    Json out = Json::object();
    out["id"] = e.id;
    out["kind"] = kind_name(e.kind);
    out["title"] = e.title;
    if (!e.description.empty()) out["description"] = e.description;
    out["effective_from"] = e.effective_from;
    if (!e.effective_to.empty()) out["effective_to"] = e.effective_to;
    if (!e.expires.empty()) out["expires"] = e.expires;
    out["added_by"] = e.added_by;
    out["added_on"] = e.added_on;
    switch (e.kind) {
        case EvidenceKind::file:
            out["sha256"] = e.sha256;
            out["size"] = e.size;
            out["media_type"] = e.media_type;
            out["original_name"] = e.original_name;
            if (path != nullptr) out["path"] = *path;
            if (path == nullptr && e.crc32) out["crc32"] = *e.crc32;
            break;
        case EvidenceKind::link:
            out["url"] = e.url;
            break;
        case EvidenceKind::note:
            out["text"] = e.text;
            break;
    }
    out["supports"] = e.supports;
    return out;
}

}  // namespace eqkit::detail
