#include "eqkit/manifest.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "eqkit/hash.hpp"
#include "eqkit/text.hpp"
#include "evidence_json.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::Json;
using detail::Need;
using detail::ObjectReader;

constexpr std::string_view reserved_characters = "\\:*?\"<>|";

// Reads the path, size and sha256 of a listed file; nullopt when any is wrong.
std::optional<PackFile> read_file_fields(ObjectReader& obj) {
    PackFile file;
    const auto path = obj.string("path", Need::required);
    const auto size = obj.integer("size", Need::required);
    const auto sha = obj.string("sha256", Need::required);
    if (size && *size < 0) obj.error("size", "a size cannot be negative");
    if (sha && !is_sha256_hex(*sha)) obj.error("sha256", "expected 64 lower-case hex digits");
    bool safe = true;
    if (path) {
        if (const std::string why = unsafe_path_reason(*path); !why.empty()) {
            obj.error("path", why);
            safe = false;
        }
    }
    if (!path || !safe || !size || !sha || *size < 0) return std::nullopt;
    file.path = *path;
    file.size = static_cast<std::uint64_t>(*size);
    file.sha256 = *sha;
    return file;
}

void read_tool(ObjectReader& root, Manifest& m) {
    if (std::optional<ObjectReader> tool = root.object("tool", Need::required)) {
        m.tool_name = tool->string("name", Need::required).value_or("");
        m.tool_version = tool->string("version", Need::required).value_or("");
        tool->finish();
    }
    if (std::optional<ObjectReader> signer = root.object("signer", Need::optional)) {
        m.signer_fingerprint = signer->string("fingerprint", Need::required).value_or("");
        signer->finish();
    }
}

void read_frameworks(ObjectReader& root, Manifest& m) {
    for (ObjectReader& obj : root.objects("frameworks", Need::required)) {
        ManifestFramework fw;
        fw.id = obj.string("id", Need::required).value_or("");
        fw.version = obj.string("version", Need::required).value_or("");
        fw.title = obj.string("title", Need::required).value_or("");
        fw.sha256 = obj.string("sha256", Need::required).value_or("");
        obj.finish();
        if (obj.has("sha256") && !is_sha256_hex(fw.sha256)) {
            obj.error("sha256", "expected 64 lower-case hex digits");
        }
        if (std::any_of(m.frameworks.begin(), m.frameworks.end(),
                        [&](const ManifestFramework& f) { return f.id == fw.id; })) {
            obj.error("id", "framework \"" + fw.id + "\" is listed twice");
        }
        m.frameworks.push_back(std::move(fw));
    }
}

void read_assessments(ObjectReader& root, Manifest& m) {
    for (ObjectReader& obj : root.objects("assessments", Need::required)) {
        ManifestAssessment a;
        a.id = obj.string("id", Need::required).value_or("");
        a.framework = obj.string("framework", Need::required).value_or("");
        a.framework_version = obj.string("framework_version", Need::required).value_or("");
        a.title = obj.string_or("title", "");
        std::optional<PackFile> file = read_file_fields(obj);
        obj.finish();
        if (!is_valid_id(a.id)) {
            obj.error("id", "\"" + a.id + "\" is not an id");
        } else if (file && file->path != "assessments/" + a.id + ".json") {
            obj.error("path", "expected \"assessments/" + a.id + ".json\"");
        }
        if (std::any_of(m.assessments.begin(), m.assessments.end(),
                        [&](const ManifestAssessment& x) { return x.id == a.id; })) {
            obj.error("id", "assessment \"" + a.id + "\" is listed twice");
        }
        const auto fw =
            std::find_if(m.frameworks.begin(), m.frameworks.end(),
                         [&](const ManifestFramework& f) { return f.id == a.framework; });
        if (fw == m.frameworks.end()) {
            obj.error("framework", "framework \"" + a.framework + "\" is not in \"frameworks\"");
        } else if (fw->version != a.framework_version) {
            obj.error("framework_version",
                      "\"frameworks\" lists " + a.framework + " version \"" + fw->version + "\"");
        }
        if (file) a.file = std::move(*file);
        m.assessments.push_back(std::move(a));
    }
}

void read_documents(ObjectReader& root, Manifest& m) {
    static const std::map<std::string, std::string, std::less<>> expected{
        {std::string(report_name), "text/html"}, {std::string(answers_name), "text/csv"}};
    // The action plan is there only when the workspace has actions.
    static const std::map<std::string, std::string, std::less<>> optional{
        {std::string(pack_actions_name), "application/json"},
        {std::string(pack_action_plan_name), "text/html"}};
    for (ObjectReader& obj : root.objects("documents", Need::required)) {
        ManifestDocument d;
        d.media_type = obj.string("media_type", Need::required).value_or("");
        std::optional<PackFile> file = read_file_fields(obj);
        obj.finish();
        if (!file) continue;
        auto it = expected.find(file->path);
        if (it == expected.end()) it = optional.find(file->path);
        if (it == optional.end()) {
            obj.error("path", "\"" + file->path + "\" is not a document of this pack format");
        } else if (it->second != d.media_type) {
            obj.error("media_type", "expected \"" + it->second + "\"");
        }
        d.file = std::move(*file);
        m.documents.push_back(std::move(d));
    }
    for (const auto& document : expected) {
        const std::string& path = document.first;
        if (std::none_of(m.documents.begin(), m.documents.end(),
                         [&](const ManifestDocument& d) { return d.file.path == path; })) {
            root.error("documents", "\"" + path + "\" is not listed");
        }
    }
}

void read_evidence_list(ObjectReader& root, Diagnostics& diag, Manifest& m) {
    for (ObjectReader& obj : root.objects("evidence", Need::required)) {
        std::string path;
        std::optional<Evidence> e = detail::read_evidence(obj, diag, &path);
        if (!e) continue;
        if (std::any_of(m.evidence.begin(), m.evidence.end(),
                        [&](const ManifestEvidence& x) { return x.evidence.id == e->id; })) {
            obj.error("id", "evidence \"" + e->id + "\" is listed twice");
        }
        if (e->kind == EvidenceKind::file) {
            const std::string prefix = "evidence/" + e->id + "/";
            if (const std::string why = unsafe_path_reason(path); !why.empty()) {
                obj.error("path", why);
            } else if (!path.starts_with(prefix) ||
                       path.find('/', prefix.size()) != std::string::npos ||
                       path.size() == prefix.size()) {
                obj.error("path", "expected \"" + prefix + "<file name>\"");
            }
        }
        m.evidence.push_back({std::move(*e), std::move(path)});
    }
}

// Two listed files must never share a path, even one differing only in case.
void check_paths(const Manifest& m, Diagnostics& diag) {
    std::set<std::string> seen;
    for (const PackFile& file : m.files()) {
        if (file.path == manifest_name || file.path == signature_name) {
            diag.add("/", "\"" + file.path + "\" cannot be listed as a file of the pack");
        } else if (!seen.insert(fold_case(file.path)).second) {
            diag.add("/", "\"" + file.path + "\" is listed twice (letter case ignored)");
        }
    }
}

Json file_fields(Json out, const PackFile& file) {
    out["path"] = file.path;
    out["size"] = file.size;
    out["sha256"] = file.sha256;
    return out;
}

}  // namespace

std::vector<PackFile> Manifest::files() const {
    std::vector<PackFile> out;
    for (const ManifestAssessment& a : assessments)
        out.push_back(a.file);
    for (const ManifestDocument& d : documents)
        out.push_back(d.file);
    for (const ManifestEvidence& e : evidence) {
        if (e.evidence.kind == EvidenceKind::file) {
            out.push_back({e.path, e.evidence.size, e.evidence.sha256});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const PackFile& a, const PackFile& b) { return a.path < b.path; });
    return out;
}

std::string unsafe_path_reason(std::string_view path) {
    if (path.empty()) return "the name is empty";
    if (!is_valid_utf8(path)) return "the name is not valid UTF-8";
    if (path.size() > 1024) return "the name is longer than 1024 bytes";
    if (path.front() == '/') return "the name is an absolute path";
    for (const char c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            return "the name holds control characters";
        }
        if (reserved_characters.find(c) != std::string_view::npos) {
            return "the name holds a character that is not allowed (\\ : * ? \" < > |)";
        }
    }
    std::size_t start = 0;
    for (;;) {
        const std::size_t slash = path.find('/', start);
        const std::string_view part = path.substr(
            start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (part.empty()) return "the name has an empty part (\"//\" or a trailing \"/\")";
        if (part == "..") return "the name goes up a folder (\"..\")";
        if (part == ".") return "the name has a \".\" part";
        if (part.size() > 255) return "a part of the name is longer than 255 bytes";
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return "";
}

std::string fold_case(std::string_view path) {
    std::string out(path);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

Checked<Manifest> parse_manifest(std::string_view json, std::string_view label) {
    Result<Json> doc = detail::parse_json(json, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{std::string(label)};
    ObjectReader root(*doc, "", diag);
    Manifest m;
    if (root.is_object()) {
        root.expect_format(pack_format, "pack");
        read_tool(root, m);
        read_frameworks(root, m);
        read_assessments(root, m);
        read_documents(root, m);
        read_evidence_list(root, diag, m);
        root.finish();
        check_paths(m, diag);
    }
    if (!diag.empty()) return tl::unexpected(diag.take());
    return m;
}

std::string manifest_to_json(const Manifest& m) {
    Json out = Json::object();
    out["format"] = pack_format;
    out["tool"] = {{"name", m.tool_name}, {"version", m.tool_version}};
    if (!m.signer_fingerprint.empty()) out["signer"] = {{"fingerprint", m.signer_fingerprint}};
    Json frameworks = Json::array();
    for (const ManifestFramework& fw : m.frameworks) {
        frameworks.push_back(
            {{"id", fw.id}, {"version", fw.version}, {"title", fw.title}, {"sha256", fw.sha256}});
    }
    out["frameworks"] = std::move(frameworks);
    Json assessments = Json::array();
    for (const ManifestAssessment& a : m.assessments) {
        Json entry = {
            {"id", a.id}, {"framework", a.framework}, {"framework_version", a.framework_version}};
        if (!a.title.empty()) entry["title"] = a.title;
        assessments.push_back(file_fields(std::move(entry), a.file));
    }
    out["assessments"] = std::move(assessments);
    Json documents = Json::array();
    for (const ManifestDocument& d : m.documents)
        documents.push_back(file_fields({{"media_type", d.media_type}}, d.file));
    out["documents"] = std::move(documents);
    Json evidence = Json::array();
    for (const ManifestEvidence& e : m.evidence) {
        evidence.push_back(detail::evidence_to_json(
            e.evidence, e.evidence.kind == EvidenceKind::file ? &e.path : nullptr));
    }
    out["evidence"] = std::move(evidence);
    return detail::dump_json(out);
}

}  // namespace eqkit
