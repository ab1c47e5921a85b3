#include "eqkit/migration_offer.hpp"

#include <algorithm>
#include <system_error>

#include "eqkit/files.hpp"

#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Json;

Json framework_json(const Framework& fw) {
    return {{"id", fw.id}, {"version", fw.version}, {"title", fw.title}};
}

Json items_json(const std::vector<std::string>& codes, const Framework& fw) {
    Json out = Json::array();
    for (const std::string& code : codes)
        out.push_back({{"code", code}, {"title", fw.find_item(code)->title}});
    return out;
}

Json scale_json(const Scale& scale) {
    Json out = Json::array();
    for (const ScaleLevel& level : scale.levels)
        out.push_back({{"value", level.value}, {"label", level.label}});
    return out;
}

Json carried_json(const MigrationOffer& offer) {
    Json out = Json::array();
    for (const std::string& code : offer.migration.needs_review) {
        Json one = {{"code", code},
                    {"title", offer.to->find_item(code)->title},
                    {"from_code", code},
                    {"by", "code"},
                    {"mapping", ""}};
        for (const MappedAnswer& m : offer.migration.mapped) {
            if (m.code != code) continue;
            one["from_code"] = m.from_code;
            one["by"] = "mapping";
            one["mapping"] = m.mapping;
        }
        out.push_back(std::move(one));
    }
    return out;
}

}  // namespace

Checked<MigrationOffer> offer_migration(std::string_view json, std::string_view label,
                                        const Registry& registry) {
    Checked<Assessment> read = parse_assessment(json, label, registry, EarlierVersions::read);
    if (!read) return tl::unexpected(std::move(read.error()));
    MigrationOffer offer;
    offer.to = registry.find(read->framework_id);
    offer.from = registry.find_version(read->framework_id, read->framework_version);
    if (offer.from == offer.to) {
        return tl::unexpected(ErrorList{
            {std::string(label), "/framework/version",
             "this assessment is for the loaded version \"" + offer.to->version + "\" already"}});
    }
    offer.diff = diff_frameworks(*offer.from, *offer.to);
    offer.migration = migrate_assessment(*read, *offer.from, *offer.to, &registry);
    return offer;
}

Checked<Migration> open_migrated(Workspace& workspace, std::string_view json,
                                 std::string_view label) {
    Checked<MigrationOffer> offer = offer_migration(json, label, workspace.registry());
    if (!offer) return tl::unexpected(std::move(offer.error()));
    const std::string bytes = assessment_to_json(*offer->to, offer->migration.assessment);
    if (Checked<void> opened = workspace.open_text(bytes, label); !opened)
        return tl::unexpected(std::move(opened.error()));
    return std::move(offer->migration);
}

std::string migration_offer_json(const MigrationOffer& offer) {
    Json retitled = Json::array();
    for (const RetitledItem& r : offer.diff.retitled)
        retitled.push_back(
            {{"code", r.code}, {"old_title", r.old_title}, {"new_title", r.new_title}});
    Json not_carried = Json::array();
    for (const NotCarried& n : offer.migration.not_carried)
        not_carried.push_back({{"code", n.code}, {"reason", n.reason}});
    return detail::dump_json({{"from", framework_json(*offer.from)},
                              {"to", framework_json(*offer.to)},
                              {"added", items_json(offer.diff.added, *offer.to)},
                              {"removed", items_json(offer.diff.removed, *offer.from)},
                              {"retitled", std::move(retitled)},
                              {"rescaled", offer.diff.rescaled},
                              {"old_scale", scale_json(offer.from->scale)},
                              {"new_scale", scale_json(offer.to->scale)},
                              {"carried", carried_json(offer)},
                              {"not_carried", std::move(not_carried)}});
}

namespace {
constexpr std::string_view earlier_suffix = ".earlier-version";
}  // namespace

SetAside set_aside_kept(const std::filesystem::path& store_file, const Registry& registry) {
    const Result<std::string> text = read_text_file(store_file);
    const bool earlier =
        text && offer_migration(*text, kept_assessment_label, registry).has_value();
    SetAside aside{unused_name(store_file, earlier ? earlier_suffix : ".unreadable"), earlier};
    std::error_code ec;
    std::filesystem::rename(store_file, aside.file, ec);
    return aside;
}

std::vector<std::filesystem::path> kept_earlier_versions(const std::filesystem::path& store_file) {
    std::vector<std::filesystem::path> kept;
    const std::string prefix = store_file.stem().string() + std::string(earlier_suffix);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(store_file.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && entry.path().extension() == ".json")
            kept.push_back(entry.path());
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

std::filesystem::path keep_as_carried(const std::filesystem::path& earlier_file) {
    const std::string name = earlier_file.filename().string();
    const std::filesystem::path store =
        earlier_file.parent_path() / (name.substr(0, name.find(earlier_suffix)) + ".json");
    const std::filesystem::path carried = unused_name(store, ".carried");
    std::error_code ec;
    std::filesystem::rename(earlier_file, carried, ec);
    return carried;
}

}  // namespace eqkit
