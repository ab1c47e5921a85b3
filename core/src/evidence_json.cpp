#include "evidence_json.hpp"

namespace eqkit::detail {

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
