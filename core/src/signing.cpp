#include "eqkit/signing.hpp"

#include <sodium.h>

#include "eqkit/hash.hpp"
#include "json_reader.hpp"

namespace eqkit {
namespace {

using detail::Diagnostics;
using detail::Json;
using detail::Need;
using detail::ObjectReader;

bool sodium_ready() {
    return sodium_init() >= 0;  // safe to call repeatedly, from any thread
}

const unsigned char* bytes_of(std::string_view message) {
    return reinterpret_cast<const unsigned char*>(message.data());
}

// Reads "public_key" (and checks "algorithm") from a key file's top-level object.
std::optional<PublicKey> read_public_key(ObjectReader& root) {
    if (auto algorithm = root.string("algorithm", Need::required);
        algorithm && *algorithm != "ed25519") {
        root.error("algorithm",
                   "EqualityKit only knows \"ed25519\" keys, not \"" + *algorithm + "\"");
    }
    (void)root.string("fingerprint", Need::optional);  // for people; recomputed, never trusted
    const auto hex = root.string("public_key", Need::required);
    PublicKey key;
    if (hex && !from_hex(*hex, key.bytes)) {
        root.error("public_key", "expected 64 hex digits");
        return std::nullopt;
    }
    if (!hex) return std::nullopt;
    return key;
}

Result<Json> parse_key_file(std::string_view text, std::string_view label,
                            std::string_view format) {
    Result<Json> doc = detail::parse_json(text, label);
    if (!doc) return doc;
    const auto found = doc->is_object() ? doc->find("format") : doc->end();
    if (found == doc->end() || !found->is_string() ||
        found->get_ref<const std::string&>() != format) {
        const std::string kind = format == secret_key_format ? "secret" : "public";
        return fail(std::string(label), "",
                    "this is not an EqualityKit " + kind + " key file (format \"" +
                        std::string(format) + "\")");
    }
    return doc;
}

}  // namespace

Result<KeyPair> generate_key_pair() {
    KeyPair pair;
    if (!sodium_ready() ||
        crypto_sign_keypair(pair.public_key.bytes.data(), pair.secret_key.bytes.data()) != 0) {
        return fail("", "", "a signing key could not be made (the libsodium library failed)");
    }
    return pair;
}

Result<Signature> sign(const SecretKey& key, std::string_view message) {
    Signature signature{};
    if (!sodium_ready() || crypto_sign_detached(signature.data(), nullptr, bytes_of(message),
                                                message.size(), key.bytes.data()) != 0) {
        return fail("", "", "the signature could not be made (the libsodium library failed)");
    }
    return signature;
}

bool verify_signature(const PublicKey& key, std::string_view message, const Signature& signature) {
    return sodium_ready() && crypto_sign_verify_detached(signature.data(), bytes_of(message),
                                                         message.size(), key.bytes.data()) == 0;
}

std::string key_fingerprint(const PublicKey& key) {
    Sha256 hasher;
    hasher.update(
        std::string_view(reinterpret_cast<const char*>(key.bytes.data()), key.bytes.size()));
    const Result<Sha256Digest> digest = hasher.finish();
    if (!digest) return "unknown";
    const std::string hex = to_hex(std::span(digest->data(), 16));
    std::string out;
    for (std::size_t i = 0; i < hex.size(); i += 4) {
        if (!out.empty()) out += '-';
        out += hex.substr(i, 4);
    }
    return out;
}

std::string secret_key_file_text(const KeyPair& pair) {
    Json out = Json::object();
    out["format"] = secret_key_format;
    out["algorithm"] = "ed25519";
    out["fingerprint"] = key_fingerprint(pair.public_key);
    out["public_key"] = to_hex(pair.public_key.bytes);
    out["secret_key"] = to_hex(pair.secret_key.bytes);
    out["note"] = "Keep this file private: anyone who has it can sign evidence packs as you.";
    return detail::dump_json(out);
}

std::string public_key_file_text(const PublicKey& key) {
    Json out = Json::object();
    out["format"] = public_key_format;
    out["algorithm"] = "ed25519";
    out["fingerprint"] = key_fingerprint(key);
    out["public_key"] = to_hex(key.bytes);
    return detail::dump_json(out);
}

Result<KeyPair> parse_secret_key_file(std::string_view text, std::string_view label) {
    Result<Json> doc = parse_key_file(text, label, secret_key_format);
    if (!doc) return tl::unexpected(doc.error());
    Diagnostics diag{std::string(label)};
    ObjectReader root(*doc, "", diag);
    (void)root.string("format", Need::required);
    (void)root.string("note", Need::optional);
    const std::optional<PublicKey> public_key = read_public_key(root);
    const auto secret_hex = root.string("secret_key", Need::required);
    KeyPair pair;
    if (secret_hex && !from_hex(*secret_hex, pair.secret_key.bytes)) {
        root.error("secret_key", "expected 128 hex digits");
    }
    root.finish();
    if (!diag.empty()) return tl::unexpected(diag.take().front());
    pair.public_key = *public_key;
    PublicKey derived;
    if (!sodium_ready() ||
        crypto_sign_ed25519_sk_to_pk(derived.bytes.data(), pair.secret_key.bytes.data()) != 0 ||
        !(derived == pair.public_key)) {
        return fail(std::string(label), "/secret_key",
                    "the secret key does not belong to the public key in the same file");
    }
    return pair;
}

Result<PublicKey> parse_public_key_file(std::string_view text, std::string_view label) {
    Result<Json> doc = parse_key_file(text, label, public_key_format);
    if (!doc) return tl::unexpected(doc.error());
    Diagnostics diag{std::string(label)};
    ObjectReader root(*doc, "", diag);
    (void)root.string("format", Need::required);
    const std::optional<PublicKey> key = read_public_key(root);
    root.finish();
    if (!diag.empty()) return tl::unexpected(diag.take().front());
    return *key;
}

}  // namespace eqkit
