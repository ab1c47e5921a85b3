// eqkit evidence add | list | attach | detach: the workspace's evidence library.
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/evidence_index.hpp"

namespace eqkit::cli {
namespace {

struct AddOptions {
    std::string workspace;
    std::string file;
    std::string link;
    std::string note;
    EvidenceDetails details;
    std::string effective;  // one date, or …
    std::string today;      // "" = the computer's date
};

struct ListOptions {
    std::string workspace;
    std::string today;
    bool json = false;
};

struct AttachOptions {
    std::string workspace;
    std::string id;
    std::vector<std::string> items;
};

// The core names a field ("effective_from"); people typed an option ("--effective-from").
std::string option_for(std::string_view field, bool single_effective) {
    if (field == "effective_from" && single_effective) return "--effective";
    if (field == "text") return "--note";
    if (field == "url") return "--link";
    if (field == "supports") return "--item";
    if (field == "original_name") return "FILE";
    std::string option = "--";
    for (const char c : field)
        option += c == '_' ? '-' : c;
    return option;
}

// Who is adding evidence when --added-by is not given: the login name.
std::string login_name() {
    if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') return user;
    if (const passwd* entry = ::getpwuid(::getuid()); entry != nullptr) return entry->pw_name;
    return "";
}

std::string today_or(const std::string& given) {
    return given.empty() ? today_iso() : given;
}

bool check_today(const std::string& today) {
    if (today.empty() || is_iso_date(today)) return true;
    print_message("--today: \"" + today + "\" is not a date written YYYY-MM-DD");
    return false;
}

// ---- add ----------------------------------------------------------------------------------

std::string describe_source(const Evidence& e) {
    switch (e.kind) {
        case EvidenceKind::file:
            return "the file " + e.original_name + " (" + with_commas(e.size) + " bytes, " +
                   e.media_type + "), stored as evidence/sha256/" + e.sha256.substr(0, 12) + "…";
        case EvidenceKind::link:
            return "a link to " + e.url;
        case EvidenceKind::note:
            return "a note of " + std::to_string(e.text.size()) + " bytes";
    }
    return "";
}

int run_add(AddOptions options, const GlobalOptions& globals) {
    const int sources =
        !options.file.empty() + !options.link.empty() + static_cast<int>(!options.note.empty());
    if (sources != 1) {
        print_message("evidence add: give exactly one of FILE, --link URL or --note TEXT");
        return exit_usage;
    }
    if (!check_today(options.today)) return exit_usage;
    const bool single = !options.effective.empty();
    if (single) options.details.effective_from = options.effective;
    if (options.details.added_by.empty()) options.details.added_by = login_name();
    if (options.details.added_by.empty()) {
        print_message("evidence add: say who is adding it with --added-by NAME");
        return exit_usage;
    }
    std::optional<OpenWorkspace> open = open_workspace(options.workspace, globals);
    if (!open) return exit_bad_input;
    WorkspaceFolder& ws = open->folder;
    const std::string today = today_or(options.today);
    Checked<std::string> added =
        !options.file.empty()   ? ws.add_file(options.file, std::move(options.details), today)
        : !options.link.empty() ? ws.add_link(options.link, std::move(options.details), today)
                                : ws.add_note(options.note, std::move(options.details), today);
    if (!added) {
        for (const Error& e : added.error()) {
            // Field problems are about what was typed; others name their file already.
            if (e.file.empty()) {
                print_message(option_for(e.place, single) + ": " + e.reason);
            } else {
                print_error(e);
            }
        }
        return exit_bad_input;
    }
    const Evidence& e = *ws.find_evidence(*added);
    std::cout << "Added " << e.id << " \"" << e.title << "\" to " << options.workspace << ": "
              << describe_source(e) << ".\n";
    if (e.supports.empty()) {
        std::cout << "It supports no item yet: eqkit evidence attach " << options.workspace << " "
                  << e.id << " FRAMEWORK:CODE\n";
    } else {
        std::cout << "Supports:";
        for (const std::string& ref : e.supports)
            std::cout << ' ' << ref;
        std::cout << '\n';
    }
    return exit_ok;
}

// ---- list ---------------------------------------------------------------------------------

std::string dates_text(const Evidence& e, std::string_view today) {
    std::string text = e.effective_to.empty()
                           ? "effective " + e.effective_from
                           : "covers " + e.effective_from + " to " + e.effective_to;
    if (!e.expires.empty()) {
        text += (e.expired(today) ? "; EXPIRED on " : "; expires ") + e.expires;
    }
    return text;
}

std::string source_text(const Evidence& e) {
    switch (e.kind) {
        case EvidenceKind::file:
            return e.original_name + ", " + with_commas(e.size) + " bytes";
        case EvidenceKind::link:
            return e.url;
        case EvidenceKind::note:
            return "note";
    }
    return "";
}

void print_list_text(const ListOptions& options, const WorkspaceFolder& ws,
                     const std::vector<ItemEvidence>& items, std::string_view today) {
    std::cout << "Evidence in " << options.workspace << " ("
              << count_of(ws.evidence().size(), "piece") << ", as of " << today << "):\n";
    if (ws.evidence().empty()) std::cout << "  none yet: eqkit evidence add\n";
    for (const Evidence& e : ws.evidence()) {
        std::cout << "  " << e.id << "  " << kind_name(e.kind) << "  " << e.title << " ("
                  << source_text(e) << ")\n      " << dates_text(e, today) << "; added "
                  << e.added_on << " by " << e.added_by << '\n';
        std::cout << "      supports: ";
        if (e.supports.empty()) std::cout << "no item yet";
        for (std::size_t i = 0; i < e.supports.size(); ++i)
            std::cout << (i == 0 ? "" : ", ") << e.supports[i];
        std::cout << '\n';
    }
    const Framework* current = nullptr;
    for (const ItemEvidence& item : items) {
        if (item.framework != current) {
            current = item.framework;
            std::cout << '\n'
                      << current->title << " (" << current->id << " version " << current->version
                      << "), evidence by " << current->item_label << ":\n";
        }
        std::cout << "  " << item.item->code << "  ";
        if (item.missing()) {
            std::cout << "MISSING: no evidence";
        } else {
            for (std::size_t i = 0; i < item.evidence.size(); ++i) {
                const Evidence* e = item.evidence[i];
                std::cout << (i == 0 ? "" : ", ") << e->id
                          << (e->expired(today) ? " (EXPIRED)" : "");
            }
            if (item.only_expired()) std::cout << "  ONLY EXPIRED EVIDENCE";
        }
        std::cout << "  " << item.item->title << '\n';
    }
}

nlohmann::json list_json(const ListOptions& options, const WorkspaceFolder& ws,
                         const std::vector<ItemEvidence>& items, const std::string& today) {
    nlohmann::json evidence = nlohmann::json::array();
    for (const Evidence& e : ws.evidence()) {
        nlohmann::json entry = {
            {"id", e.id},
            {"kind", kind_name(e.kind)},
            {"title", e.title},
            {"description", e.description},
            {"effective_from", e.effective_from},
            {"effective_to",
             e.effective_to.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.effective_to)},
            {"expires", e.expires.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.expires)},
            {"expired", e.expired(today)},
            {"added_by", e.added_by},
            {"added_on", e.added_on},
            {"supports", e.supports}};
        if (e.kind == EvidenceKind::file) {
            entry["original_name"] = e.original_name;
            entry["size"] = e.size;
            entry["sha256"] = e.sha256;
            entry["media_type"] = e.media_type;
        } else if (e.kind == EvidenceKind::link) {
            entry["url"] = e.url;
        } else {
            entry["text"] = e.text;
        }
        evidence.push_back(std::move(entry));
    }
    nlohmann::json by_item = nlohmann::json::array();
    for (const ItemEvidence& item : items) {
        nlohmann::json ids = nlohmann::json::array();
        nlohmann::json expired = nlohmann::json::array();
        for (const Evidence* e : item.evidence) {
            ids.push_back(e->id);
            if (e->expired(today)) expired.push_back(e->id);
        }
        by_item.push_back({{"framework", item.framework->id},
                           {"item", item.item->code},
                           {"title", item.item->title},
                           {"evidence", std::move(ids)},
                           {"expired", std::move(expired)},
                           {"missing", item.missing()},
                           {"only_expired", item.only_expired()}});
    }
    return {{"workspace", options.workspace},
            {"today", today},
            {"evidence", std::move(evidence)},
            {"items", std::move(by_item)}};
}

int run_list(const ListOptions& options, const GlobalOptions& globals) {
    if (!check_today(options.today)) return exit_usage;
    std::optional<OpenWorkspace> open = open_workspace(options.workspace, globals);
    if (!open) return exit_bad_input;
    const std::string today = today_or(options.today);
    const std::vector<ItemEvidence> items = evidence_by_item(open->folder, today);
    if (options.json) {
        print_json(list_json(options, open->folder, items, today));
    } else {
        print_list_text(options, open->folder, items, today);
    }
    return exit_ok;
}

// ---- attach, detach -----------------------------------------------------------------------

int run_attach(const AttachOptions& options, const GlobalOptions& globals, bool attach) {
    std::optional<OpenWorkspace> open = open_workspace(options.workspace, globals);
    if (!open) return exit_bad_input;
    for (const std::string& item : options.items) {
        Result<void> done =
            attach ? open->folder.attach(options.id, item) : open->folder.detach(options.id, item);
        if (!done) {
            if (done.error().file.empty()) {
                print_message("--item: " + done.error().reason);
            } else {
                print_error(done.error());
            }
            return exit_bad_input;
        }
    }
    const Evidence& e = *open->folder.find_evidence(options.id);
    std::cout << e.id << " \"" << e.title << "\" now supports: ";
    if (e.supports.empty()) std::cout << "no item";
    for (std::size_t i = 0; i < e.supports.size(); ++i)
        std::cout << (i == 0 ? "" : ", ") << e.supports[i];
    std::cout << '\n';
    return exit_ok;
}

// ---- command line -------------------------------------------------------------------------

void setup_add(CLI::App& evidence, Context& context) {
    auto o = std::make_shared<AddOptions>();
    CLI::App* sub = evidence.add_subcommand(
        "add", "Add a file, a link or a note to the workspace's evidence library");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("FILE", o->file, "A file to add (copied into the workspace)");
    sub->add_option("--link", o->link, "Or: a web address (https://…)");
    sub->add_option("--note", o->note, "Or: a written note");
    sub->add_option("--title", o->details.title, "What it is, in a few words")->required();
    sub->add_option("--description", o->details.description, "More about it");
    CLI::Option* effective = sub->add_option("--effective", o->effective,
                                             "The date it applies to, YYYY-MM-DD (default: today)");
    CLI::Option* from = sub->add_option("--effective-from", o->details.effective_from,
                                        "Or: the start of the period it covers");
    CLI::Option* to =
        sub->add_option("--effective-to", o->details.effective_to, "… and the end of that period");
    effective->excludes(from)->excludes(to);
    to->needs(from);
    sub->add_option("--expires", o->details.expires, "When it stops being current, YYYY-MM-DD");
    sub->add_option("--added-by", o->details.added_by, "Who is adding it (default: your login)");
    sub->add_option("--item", o->details.supports,
                    "An item it supports, FRAMEWORK:CODE such as eds2022:1A (repeat for more)");
    sub->add_option("--today", o->today, "The date to record it as added (default: today)");
    sub->callback([o, &context] { context.status = run_add(*o, context.globals); });
}

void setup_list(CLI::App& evidence, Context& context) {
    auto o = std::make_shared<ListOptions>();
    CLI::App* sub = evidence.add_subcommand(
        "list", "List the evidence, and each item's evidence: missing or expired");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("--today", o->today, "The date to judge expiry by (default: today)");
    sub->add_flag("--json", o->json, "Print JSON instead of text");
    sub->callback([o, &context] { context.status = run_list(*o, context.globals); });
}

void setup_attach(CLI::App& evidence, Context& context, bool attach) {
    auto o = std::make_shared<AttachOptions>();
    CLI::App* sub =
        evidence.add_subcommand(attach ? "attach" : "detach",
                                attach ? "Say which items a piece of evidence supports"
                                       : "Say a piece of evidence no longer supports an item");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("ID", o->id, "The evidence id, such as ev3")->required();
    sub->add_option("ITEM", o->items, "FRAMEWORK:CODE, such as eds2022:1A (one or more)")
        ->required();
    sub->callback(
        [o, attach, &context] { context.status = run_attach(*o, context.globals, attach); });
}

}  // namespace

void setup_evidence(CLI::App& app, Context& context) {
    CLI::App* evidence = app.add_subcommand("evidence", "Add and list the evidence in a workspace");
    evidence->require_subcommand(1);
    setup_add(*evidence, context);
    setup_list(*evidence, context);
    setup_attach(*evidence, context, true);
    setup_attach(*evidence, context, false);
}

}  // namespace eqkit::cli
