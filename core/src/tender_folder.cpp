// The tender folder: changes made on a copy and saved atomically, and opening with every hash,
// signature and audit-log link checked.
#include "eqkit/tender_folder.hpp"

#include <algorithm>

#include "eqkit/files.hpp"
#include "eqkit/hash.hpp"
#include "eqkit/manifest.hpp"
#include "eqkit/pack.hpp"
#include "field_readers.hpp"
#include "json_reader.hpp"
#include "tender_folder_json.hpp"
#include "tender_store.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::in_quotes;
using detail::Json;
using detail::Need;
using detail::ObjectReader;
using detail::required_text;

namespace fs = std::filesystem;

// Canonical bytes for hashing: compact, keys sorted, invalid UTF-8 replaced (never thrown on).
std::string canonical(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Files written for a change that has not been committed yet: removed unless kept.
class NewFiles {
  public:
    NewFiles() = default;
    NewFiles(const NewFiles&) = delete;
    NewFiles& operator=(const NewFiles&) = delete;
    ~NewFiles() {
        std::error_code ec;
        for (const fs::path& p : paths_)
            fs::remove_all(p, ec);
    }
    void add(fs::path path) { paths_.push_back(std::move(path)); }
    void keep() { paths_.clear(); }

  private:
    std::vector<fs::path> paths_;
};

Json stored_json(const StoredFile& f) {
    return {{"file", f.file}, {"sha256", f.sha256}};
}

}  // namespace

namespace detail {

Json pack_check_json(const PackCheck& p) {
    Json linked = Json::array();
    for (const LinkedEvidence& l : p.linked) {
        linked.push_back({{"question", l.question},
                          {"cite", l.cite},
                          {"evidence", l.evidence},
                          {"title", l.title},
                          {"where", l.where}});
    }
    return {{"stored", stored_json(p.stored)},
            {"intact", p.intact},
            {"problems", p.problems},
            {"signer", p.signer},
            {"signature_valid", p.signature_valid},
            {"files_checked", p.files_checked},
            {"linked", std::move(linked)}};
}

}  // namespace detail

namespace {

using detail::pack_check_json;

Json entry_fields(const ChainedAuditEntry& e) {
    return {{"at", e.entry.at},
            {"who", e.entry.who},
            {"what", e.entry.what},
            {"previous", e.previous},
            {"state_sha256", e.state_sha256}};
}

// The SHA-256 of an entry: of its fields (all but "sha256") as canonical JSON.
Result<std::string> entry_hash(const ChainedAuditEntry& e) {
    return sha256_hex(canonical(entry_fields(e)));
}

}  // namespace

namespace detail {

StoredFile read_stored(ObjectReader& obj) {
    StoredFile f{required_text(obj, "file"), required_text(obj, "sha256")};
    if (!f.file.empty() && !unsafe_path_reason(f.file).empty()) {
        obj.error("file", "a stored file must be a plain relative path inside the folder");
        f.file.clear();
    }
    obj.finish();
    return f;
}

PackCheck read_pack(ObjectReader& obj) {
    PackCheck p;
    if (auto stored = obj.object("stored", Need::required)) p.stored = read_stored(*stored);
    p.intact = obj.boolean("intact", Need::required).value_or(false);
    p.problems = obj.strings("problems", Need::required);
    p.signer = obj.string("signer", Need::required).value_or("");
    p.signature_valid = obj.boolean("signature_valid", Need::required).value_or(false);
    p.files_checked = static_cast<std::uint64_t>(
        std::max<std::int64_t>(0, obj.integer("files_checked", Need::required).value_or(0)));
    for (ObjectReader& l : obj.objects("linked", Need::required)) {
        p.linked.push_back({required_text(l, "question"), required_text(l, "cite"),
                            required_text(l, "evidence"), l.string_or("title", ""),
                            l.string_or("where", "")});
        l.finish();
    }
    obj.finish();
    return p;
}

}  // namespace detail

namespace {

using detail::read_pack;
using detail::read_stored;

// The state a change leaves: tender.json without its audit log.
Result<std::string> state_hash(Json doc) {
    doc.erase("audit");
    return sha256_hex(canonical(doc));
}

// A deadline is a date ("2026-05-01": late from the next day) or a time in the same form as
// received, so comparing the same number of characters compares the moments.
bool received_late(const std::string& deadline, const std::string& received) {
    return !deadline.empty() && received.substr(0, deadline.size()) > deadline;
}

// Evidence in the pack that supports an item the answers cite.
std::vector<LinkedEvidence> link_evidence(const Manifest& manifest,
                                          const TenderResponses& responses) {
    std::vector<LinkedEvidence> linked;
    for (const TenderAnswer& answer : responses.answers) {
        for (const std::string& cite : answer.cites) {
            for (const ManifestEvidence& m : manifest.evidence) {
                if (!m.evidence.supports_item(cite)) continue;
                std::string where = !m.path.empty()           ? m.path
                                    : !m.evidence.url.empty() ? m.evidence.url
                                                              : std::string("note");
                linked.push_back(
                    {answer.question, cite, m.evidence.id, m.evidence.title, std::move(where)});
            }
        }
    }
    return linked;
}

Result<void> copy_into(const fs::path& from, const fs::path& to, const std::string& label) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    fs::remove(to, ec);  // an unreferenced leftover of a change that never completed
    if (!fs::copy_file(from, to, ec) || ec) {
        return fail(
            from.generic_string(), "",
            "could not be copied into the tender folder as " + label + " (" + ec.message() + ")");
    }
    return {};
}

}  // namespace

// ---- writing ----------------------------------------------------------------------------------

std::string TenderFolder::label(std::string_view relative) const {
    return (dir_ / relative).generic_string();
}

const TenderBid* TenderFolder::find_bid(std::string_view bidder) const {
    for (const TenderBid& b : bids_) {
        if (b.bidder == bidder) return &b;
    }
    return nullptr;
}

Result<void> TenderFolder::save() {
    Json doc = detail::tender_common_json(tender_);
    doc["format"] = tender_folder_format;
    doc["deadline"] = deadline_;
    Json bids = Json::array();
    for (const TenderBid& b : bids_) {
        bids.push_back({{"bidder", b.bidder},
                        {"received", b.received},
                        {"late", b.late},
                        {"responses", stored_json(b.responses)},
                        {"pack", b.pack ? pack_check_json(*b.pack) : Json(nullptr)}});
    }
    doc["bids"] = std::move(bids);
    Json evaluators = Json::array();
    for (const TenderEvaluator& e : evaluators_)
        evaluators.push_back({{"name", e.name}, {"public_key", e.public_key}});
    doc["evaluators"] = std::move(evaluators);
    Json none = Json::array();
    for (const NoConflict& n : no_conflicts_)
        none.push_back({{"evaluator", n.evaluator}, {"bidder", n.bidder}});
    doc["no_conflicts"] = std::move(none);
    Json sheets = Json::array();
    for (const ImportedScoresheet& s : scoresheets_) {
        sheets.push_back(
            {{"evaluator", s.evaluator}, {"stored", stored_json(s.stored)}, {"signer", s.signer}});
    }
    doc["scoresheets"] = std::move(sheets);

    // Chain the engine's new entries; the change's last entry is anchored to the state it
    // leaves, so that removing it (or the whole change) is detected too.
    Result<std::string> state = state_hash(doc);
    if (!state) return tl::unexpected(state.error());
    const auto& plain = tender_.audit();
    for (std::size_t i = audit_.size(); i < plain.size(); ++i) {
        ChainedAuditEntry e{plain[i], audit_.empty() ? "" : audit_.back().sha256,
                            i + 1 == plain.size() ? *state : "", ""};
        Result<std::string> hash = entry_hash(e);
        if (!hash) return tl::unexpected(hash.error());
        e.sha256 = *hash;
        audit_.push_back(std::move(e));
    }
    Json audit = Json::array();
    for (const ChainedAuditEntry& e : audit_) {
        Json obj = entry_fields(e);
        obj["sha256"] = e.sha256;
        audit.push_back(std::move(obj));
    }
    doc["audit"] = std::move(audit);
    return save_atomically(index_path(), detail::dump_json(doc));
}

template <class Change>
Result<void> TenderFolder::change(Change&& apply) {
    TenderFolder next = *this;
    if (Result<void> changed = apply(next); !changed) return changed;
    if (Result<void> saved = next.save(); !saved) return saved;
    *this = std::move(next);
    return {};
}

Result<TenderFolder> TenderFolder::create(const fs::path& dir, Tender tender, std::string deadline,
                                          const std::string& who, const std::string& at) {
    if (!detail::valid_id(tender.id())) {
        return fail(dir.generic_string(), "id",
                    "a tender id uses lowercase letters, digits and \"_\", starting with a "
                    "letter (at most 64), not " +
                        in_quotes(tender.id()));
    }
    if (const int t = tender.settings().disagreement_threshold; t < 0 || t > 1000) {
        return fail(dir.generic_string(), "disagreement threshold",
                    "the threshold must be from 0 to 1000");
    }
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
        return fail(dir.generic_string(), "",
                    "the folder is not empty; a new tender needs a new or empty folder");
    }
    fs::create_directories(dir, ec);
    if (ec) {
        return fail(dir.generic_string(), "", "could not be created (" + ec.message() + ")");
    }
    TenderFolder folder(dir, std::move(tender));
    folder.deadline_ = std::move(deadline);
    folder.tender_.log(at, who,
                       "made tender " + folder.tender_.id() + " from question set " +
                           folder.tender_.questions().id + " version " +
                           folder.tender_.questions().version +
                           (folder.deadline_.empty() ? "" : ", deadline " + folder.deadline_));
    if (Result<void> saved = folder.save(); !saved) return tl::unexpected(saved.error());
    return folder;
}

Result<void> TenderFolder::publish(const std::string& who, const std::string& at) {
    return change([&](TenderFolder& t) { return t.tender_.publish(who, at); });
}

Result<void> TenderFolder::set_criteria(const CriteriaChange& criteria, const std::string& who,
                                        const std::string& at) {
    return change([&](TenderFolder& t) -> Result<void> {
        for (const auto& [code, weight] : criteria.weights) {
            const TenderQuestion* q = t.tender_.questions().find_question(code);
            if (q != nullptr && !q->pass_fail && q->weight == weight) continue;
            if (auto set = t.tender_.set_weight(code, weight, who, at); !set) return set;
        }
        const TenderSettings& now = t.tender_.settings();
        if (const auto& s = criteria.settings;
            s &&
            (s->method != now.method || s->disagreement_threshold != now.disagreement_threshold)) {
            return t.tender_.set_settings(*s, who, at);
        }
        return {};
    });
}

Result<void> TenderFolder::add_evaluator(const std::string& name,
                                         const std::optional<PublicKey>& key,
                                         const std::string& who, const std::string& at) {
    return change([&](TenderFolder& t) -> Result<void> {
        if (auto added = t.tender_.add_evaluator(name, who, at); !added) return added;
        t.evaluators_.push_back({name, key ? to_hex(key->bytes) : ""});
        if (key) t.tender_.log(at, who, name + "'s signing key is " + key_fingerprint(*key));
        return {};
    });
}

Result<void> TenderFolder::declare(const std::string& evaluator, const std::string& bidder,
                                   const std::optional<std::string>& conflict,
                                   const std::string& who, const std::string& at) {
    if (conflict) {
        return change([&](TenderFolder& t) {
            return t.tender_.declare_conflict({evaluator, bidder, *conflict}, who, at);
        });
    }
    return change([&](TenderFolder& t) -> Result<void> {
        const auto& ev = t.tender_.evaluators();
        const auto& bs = t.tender_.bidders();
        const std::string place =
            "evaluator " + in_quotes(evaluator) + ", bidder " + in_quotes(bidder);
        if (std::find(ev.begin(), ev.end(), evaluator) == ev.end()) {
            return fail(t.tender_.id(), place, "there is no such evaluator in this tender");
        }
        if (std::find(bs.begin(), bs.end(), bidder) == bs.end()) {
            return fail(t.tender_.id(), place, "there is no such bidder in this tender");
        }
        if (t.tender_.conflicted(evaluator, bidder)) {
            return fail(t.tender_.id(), place,
                        "a conflict of interest has already been declared for this pair");
        }
        t.no_conflicts_.push_back({evaluator, bidder});
        t.tender_.log(
            at, who,
            "recorded a declaration of no conflict of interest: " + evaluator + " with " + bidder);
        return {};
    });
}

Result<const TenderBid*> TenderFolder::add_bid(const std::string& bidder, const fs::path& responses,
                                               const std::optional<fs::path>& pack,
                                               const std::string& who, const std::string& at) {
    if (!tender_.published()) {
        return fail(tender_.id(), "bidder " + in_quotes(bidder),
                    "bids are received once the tender is published (eqkit tender publish)");
    }
    const std::string folder = "bids/" + std::to_string(bids_.size() + 1);
    NewFiles written;
    std::error_code ec;
    if (!fs::exists(dir_ / "bids", ec)) written.add(dir_ / "bids");
    fs::remove_all(dir_ / folder, ec);  // an unreferenced leftover of a change never completed
    written.add(dir_ / folder);

    TenderBid bid{
        bidder, at, received_late(deadline_, at), {folder + "/responses.json", ""}, std::nullopt};
    if (Result<void> copied = copy_into(responses, dir_ / bid.responses.file, bid.responses.file);
        !copied) {
        return tl::unexpected(copied.error());
    }
    Result<std::string> text = read_text_file(dir_ / bid.responses.file);
    if (!text) return tl::unexpected(text.error());
    Checked<TenderResponses> answers =
        parse_tender_responses(*text, responses.generic_string(), tender_.questions());
    if (!answers) return tl::unexpected(answers.error().front());
    if (answers->bidder != bidder) {
        return fail(responses.generic_string(), "/bidder",
                    "these responses are from " + in_quotes(answers->bidder) + ", not " +
                        in_quotes(bidder));
    }
    Result<std::string> hash = sha256_hex(*text);
    if (!hash) return tl::unexpected(hash.error());
    bid.responses.sha256 = *hash;

    if (pack) {
        PackCheck check;
        check.stored.file = folder + "/pack.zip";
        if (Result<void> copied = copy_into(*pack, dir_ / check.stored.file, check.stored.file);
            !copied) {
            return tl::unexpected(copied.error());
        }
        Result<FileDigest> digest = sha256_file(dir_ / check.stored.file);
        if (!digest) return tl::unexpected(digest.error());
        check.stored.sha256 = digest->sha256;
        // Verify the copy the folder keeps, so what was checked is what the evaluators see.
        VerifyResult verified = verify_pack(dir_ / check.stored.file);
        check.intact = verified.intact();
        for (Error& e : verified.problems) {
            if (e.file == (dir_ / check.stored.file).string()) e.file = pack->generic_string();
            check.problems.push_back(e.message());
        }
        check.files_checked = verified.files_checked;
        if (verified.signature) {
            check.signer = verified.signature->fingerprint;
            check.signature_valid = verified.signature->valid;
        }
        if (verified.manifest) check.linked = link_evidence(*verified.manifest, *answers);
        bid.pack = std::move(check);
    }

    Result<void> changed = change([&](TenderFolder& t) -> Result<void> {
        if (auto added = t.tender_.add_bidder(bidder, who, at); !added) return added;
        std::string what = "received the bid of " + bidder;
        if (bid.late) what += " after the deadline (" + t.deadline_ + ")";
        if (!bid.pack) {
            what += ", without an evidence pack";
        } else if (bid.pack->intact) {
            what +=
                ", evidence pack verified (" + std::to_string(bid.pack->files_checked) + " files" +
                (bid.pack->signer.empty() ? ", not signed" : ", signed by " + bid.pack->signer) +
                ")";
        } else {
            what += ", FLAGGED: its evidence pack failed verification (" +
                    std::to_string(bid.pack->problems.size()) + " problems)";
        }
        t.tender_.log(at, who, std::move(what));
        t.bids_.push_back(bid);
        return {};
    });
    if (!changed) return tl::unexpected(changed.error());
    written.keep();
    return &bids_.back();
}

Result<void> TenderFolder::import_scoresheets(const std::vector<fs::path>& files,
                                              const std::string& at) {
    struct Incoming {
        Scoresheet sheet;
        std::string file;
        std::string text;
        std::string signer;
    };
    std::vector<Incoming> incoming;
    for (const fs::path& file : files) {
        const std::string name = file.generic_string();
        Result<std::string> text = read_text_file(file);
        if (!text) return tl::unexpected(text.error());
        Checked<Scoresheet> sheet = parse_scoresheet(*text, name);
        if (!sheet) return tl::unexpected(sheet.error().front());
        Result<PublicKey> signer = check_scoresheet_signature(*sheet, name);
        if (!signer) return tl::unexpected(signer.error());
        for (const TenderEvaluator& e : evaluators_) {
            if (e.name == sheet->evaluator() && !e.public_key.empty() &&
                e.public_key != to_hex(signer->bytes)) {
                return fail(name, "/signature",
                            "signed by key " + key_fingerprint(*signer) + ", not by " + e.name +
                                "'s registered key");
            }
        }
        incoming.push_back({std::move(*sheet), name, std::move(*text), key_fingerprint(*signer)});
    }
    NewFiles written;
    std::error_code ec;
    if (!fs::exists(dir_ / "scoresheets", ec)) written.add(dir_ / "scoresheets");
    fs::create_directories(dir_ / "scoresheets", ec);
    std::vector<ImportedScoresheet> imported;
    for (const Incoming& in : incoming) {
        const std::string relative =
            "scoresheets/" + std::to_string(scoresheets_.size() + imported.size() + 1) + ".json";
        fs::remove(dir_ / relative, ec);  // an unreferenced leftover
        if (Result<void> made = create_file_atomically(dir_ / relative, in.text); !made) {
            return made;
        }
        written.add(dir_ / relative);
        Result<std::string> hash = sha256_hex(in.text);
        if (!hash) return tl::unexpected(hash.error());
        imported.push_back({in.sheet.evaluator(), {relative, *hash}, in.signer});
    }
    Result<void> changed = change([&](TenderFolder& t) -> Result<void> {
        for (std::size_t i = 0; i < incoming.size(); ++i) {
            if (auto ok = t.tender_.submit(incoming[i].sheet, incoming[i].file, at); !ok) {
                return ok;
            }
            for (TenderEvaluator& e : t.evaluators_) {
                if (e.name == incoming[i].sheet.evaluator() && e.public_key.empty()) {
                    // The first signature is trusted from now on; its fingerprint is logged so
                    // the lead can check it with the evaluator.
                    Result<PublicKey> key =
                        check_scoresheet_signature(incoming[i].sheet, incoming[i].file);
                    if (key) e.public_key = to_hex(key->bytes);
                }
            }
            t.tender_.log(at, incoming[i].sheet.evaluator(),
                          "scoresheet signed by key " + incoming[i].signer + " imported");
            t.scoresheets_.push_back(imported[i]);
        }
        return {};
    });
    if (!changed) return changed;
    written.keep();
    return {};
}

Result<void> TenderFolder::moderate(Moderation moderation, const std::string& who,
                                    const std::string& at) {
    return change(
        [&](TenderFolder& t) { return t.tender_.moderate(std::move(moderation), who, at); });
}

Result<void> TenderFolder::moderate_all(std::vector<Moderation> moderations, const std::string& who,
                                        const std::string& at) {
    return change([&](TenderFolder& t) -> Result<void> {
        for (Moderation& m : moderations) {
            if (auto done = t.tender_.moderate(std::move(m), who, at); !done) return done;
        }
        return {};
    });
}

Checked<TenderResponses> TenderFolder::responses_of(std::string_view bidder) const {
    const TenderBid* bid = find_bid(bidder);
    if (bid == nullptr) {
        return tl::unexpected(ErrorList{
            Error{tender_.id(), "bidder " + in_quotes(bidder), "there is no such bidder"}});
    }
    Result<std::string> text = read_text_file(dir_ / bid->responses.file);
    if (!text) return tl::unexpected(ErrorList{text.error()});
    return parse_tender_responses(*text, label(bid->responses.file), tender_.questions());
}

// ---- signing ----------------------------------------------------------------------------------

Result<void> sign_scoresheet(Scoresheet& sheet, const KeyPair& key, const std::string& file) {
    if (sheet.submitted()) {
        return fail(file, "/submitted",
                    "this scoresheet has already been submitted and signed; it cannot be changed "
                    "or signed again");
    }
    if (Result<void> finished = sheet.check_finished(file); !finished) return finished;
    Result<Signature> signature = sign(key.secret_key, scoresheet_signed_bytes(sheet));
    if (!signature) return tl::unexpected(signature.error());
    sheet.mark_submitted();
    sheet.set_signature({to_hex(key.public_key.bytes), to_hex(*signature)});
    return {};
}

Result<PublicKey> check_scoresheet_signature(const Scoresheet& sheet, const std::string& file) {
    const auto& sig = sheet.signature();
    if (!sheet.submitted() || !sig) {
        return fail(file, "/signature",
                    "this scoresheet has not been submitted: the evaluator signs it with "
                    "\"eqkit tender submit FILE --key KEY\" before sending it");
    }
    PublicKey key;
    Signature value{};
    if (!from_hex(sig->public_key, key.bytes) || !from_hex(sig->value, value)) {
        return fail(file, "/signature", "the signature is not in EqualityKit's form");
    }
    if (!verify_signature(key, scoresheet_signed_bytes(sheet), value)) {
        return fail(file, "/signature",
                    "the signature does not match the scores: this scoresheet has been altered "
                    "since " +
                        sheet.evaluator() + " signed it");
    }
    return key;
}

// ---- reading ----------------------------------------------------------------------------------

namespace {

// Every stored file must still hold the bytes the index recorded.
void check_stored(const fs::path& dir, const StoredFile& f, const std::string& place,
                  Diagnostics& diag) {
    if (f.file.empty()) return;
    Result<FileDigest> digest = sha256_file(dir / f.file);
    if (!digest) {
        diag.add(place, f.file + " is missing or unreadable: " + digest.error().reason);
    } else if (digest->sha256 != f.sha256) {
        diag.add(place, f.file +
                            " has been changed since it was added to the tender (its SHA-256 no "
                            "longer matches)");
    }
}

std::vector<ChainedAuditEntry> read_audit(ObjectReader& root, const Json& doc, Diagnostics& diag) {
    std::vector<ChainedAuditEntry> chain;
    std::vector<ObjectReader> entries = root.objects("audit", Need::required, 1);
    for (ObjectReader& a : entries) {
        ChainedAuditEntry e;
        e.entry = {required_text(a, "at"), required_text(a, "who"), required_text(a, "what")};
        e.previous = a.string("previous", Need::required).value_or("");
        e.state_sha256 = a.string("state_sha256", Need::required).value_or("");
        e.sha256 = required_text(a, "sha256");
        a.finish();
        chain.push_back(std::move(e));
    }
    if (!diag.empty()) return chain;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const std::string place = "/audit/" + std::to_string(i);
        const std::string n = "audit entry " + std::to_string(i + 1);
        const std::string expected_previous = i == 0 ? "" : chain[i - 1].sha256;
        if (chain[i].previous != expected_previous) {
            diag.add(place + "/previous",
                     n + " does not follow the entry before it: an entry has been removed, "
                         "inserted or altered");
            return chain;
        }
        Result<std::string> hash = entry_hash(chain[i]);
        if (hash && *hash != chain[i].sha256) {
            diag.add(place, n + " (" + chain[i].entry.what +
                                ") has been altered: its SHA-256 does not match its content");
            return chain;
        }
    }
    Result<std::string> state = state_hash(doc);
    if (state && *state != chain.back().state_sha256) {
        diag.add("/audit/" + std::to_string(chain.size() - 1),
                 "the tender does not match the state its last audit entry recorded: an entry "
                 "has been removed, or the file was changed outside EqualityKit");
    }
    return chain;
}

}  // namespace

Checked<TenderFolder> TenderFolder::open(const fs::path& dir) {
    const std::string label = (dir / tender_index_name).generic_string();
    Result<std::string> text = read_text_file(dir / tender_index_name);
    if (!text) return tl::unexpected(ErrorList{text.error()});
    Result<Json> doc = detail::parse_json(*text, label);
    if (!doc) return tl::unexpected(ErrorList{doc.error()});
    Diagnostics diag{label};
    ObjectReader root(*doc, "", diag);
    if (!root.is_object()) return tl::unexpected(diag.take());
    if (auto format = root.string("format", Need::required);
        format && *format != tender_folder_format) {
        root.error("format", "expected \"" + std::string(tender_folder_format) + "\", found " +
                                 in_quotes(*format));
    }
    detail::TenderRecord record;
    detail::read_tender_common(root, diag, record);
    const std::string deadline = root.string("deadline", Need::required).value_or("");
    std::vector<TenderBid> bids;
    for (ObjectReader& b : root.objects("bids", Need::required)) {
        TenderBid bid;
        bid.bidder = required_text(b, "bidder");
        bid.received = required_text(b, "received");
        bid.late = b.boolean("late", Need::required).value_or(false);
        if (auto r = b.object("responses", Need::required)) bid.responses = read_stored(*r);
        if (b.has("pack") && b.raw("pack", Need::required)->is_null()) {
            // no pack
        } else if (auto p = b.object("pack", Need::required)) {
            bid.pack = read_pack(*p);
        }
        record.bidder_places.push_back(detail::pointer_append(b.pointer(), "bidder"));
        record.bidders.push_back(bid.bidder);
        b.finish();
        bids.push_back(std::move(bid));
    }
    std::vector<TenderEvaluator> evaluators;
    for (ObjectReader& e : root.objects("evaluators", Need::required)) {
        TenderEvaluator ev{required_text(e, "name"), e.string_or("public_key", "")};
        record.evaluator_places.push_back(detail::pointer_append(e.pointer(), "name"));
        record.evaluators.push_back(ev.name);
        e.finish();
        evaluators.push_back(std::move(ev));
    }
    std::vector<NoConflict> none;
    for (ObjectReader& n : root.objects("no_conflicts", Need::required)) {
        none.push_back({required_text(n, "evaluator"), required_text(n, "bidder")});
        n.finish();
    }
    std::vector<ImportedScoresheet> sheets;
    for (ObjectReader& s : root.objects("scoresheets", Need::required)) {
        ImportedScoresheet sheet;
        sheet.evaluator = required_text(s, "evaluator");
        if (auto stored = s.object("stored", Need::required)) sheet.stored = read_stored(*stored);
        sheet.signer = s.string_or("signer", "");
        s.finish();
        sheets.push_back(std::move(sheet));
    }
    std::vector<ChainedAuditEntry> audit = read_audit(root, *doc, diag);
    root.finish();
    if (!diag.empty() || !record.questions) return tl::unexpected(diag.take());

    // Every file the index names, then every scoresheet's signature.
    for (std::size_t i = 0; i < bids.size(); ++i) {
        const std::string place = "/bids/" + std::to_string(i);
        check_stored(dir, bids[i].responses, place + "/responses", diag);
        if (bids[i].pack) check_stored(dir, bids[i].pack->stored, place + "/pack/stored", diag);
    }
    for (std::size_t i = 0; i < sheets.size(); ++i) {
        check_stored(dir, sheets[i].stored, "/scoresheets/" + std::to_string(i) + "/stored", diag);
    }
    if (!diag.empty()) return tl::unexpected(diag.take());
    for (const ImportedScoresheet& s : sheets) {
        const std::string file = (dir / s.stored.file).generic_string();
        Result<std::string> bytes = read_text_file(dir / s.stored.file);
        if (!bytes) return tl::unexpected(ErrorList{bytes.error()});
        Checked<Scoresheet> sheet = parse_scoresheet(*bytes, file);
        if (!sheet) return tl::unexpected(sheet.error());
        if (Result<PublicKey> key = check_scoresheet_signature(*sheet, file); !key) {
            return tl::unexpected(ErrorList{key.error()});
        }
        record.sheets.push_back(std::move(*sheet));
        record.sheet_files.push_back(file);
        record.sheet_places.push_back("");
    }
    for (const ChainedAuditEntry& e : audit)
        record.audit.push_back(e.entry);
    Checked<Tender> tender = detail::replay_tender(std::move(record), label);
    if (!tender) return tl::unexpected(tender.error());
    TenderFolder folder(dir, std::move(*tender));
    folder.deadline_ = deadline;
    folder.bids_ = std::move(bids);
    folder.evaluators_ = std::move(evaluators);
    folder.no_conflicts_ = std::move(none);
    folder.scoresheets_ = std::move(sheets);
    folder.audit_ = std::move(audit);
    return folder;
}

}  // namespace eqkit
