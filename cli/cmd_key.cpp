// eqkit key new --out KEY: an Ed25519 key pair for signing evidence packs.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/files.hpp"
#include "eqkit/signing.hpp"

namespace eqkit::cli {
namespace {

struct NewOptions {
    std::string out;
};

int run_new(const NewOptions& options) {
    const std::string pub = options.out + ".pub";
    Result<KeyPair> key = generate_key_pair();
    if (!key) {
        print_error(key.error());
        return exit_bad_input;
    }
    // Never replace a key: packs signed with it could no longer be matched to anyone.
    if (Result<void> made = create_file_atomically(options.out, secret_key_file_text(*key), 0600);
        !made) {
        print_error(made.error());
        if (made.error().reason == "the file already exists") {
            print_message("a key is never replaced; choose another name for the new one");
        }
        return exit_bad_input;
    }
    if (Result<void> made = create_file_atomically(pub, public_key_file_text(key->public_key));
        !made) {
        print_error(made.error());
        std::error_code ec;
        std::filesystem::remove(options.out,
                                ec);  // a secret key without its public half helps nobody
        return exit_bad_input;
    }
    std::cout << "Made a signing key.\n"
              << "  secret key: " << options.out
              << " (only you can read it: keep it private and backed up)\n"
              << "  public key: " << pub << " (share it)\n"
              << "  fingerprint: " << key_fingerprint(key->public_key) << '\n'
              << "Tell the people you send packs to this fingerprint, by a different route (phone, "
                 "letter), so they can check it.\n"
              << "Next: eqkit pack export WORKSPACE --out PACK.zip --sign " << options.out << '\n';
    return exit_ok;
}

}  // namespace

void setup_key(CLI::App& app, Context& context) {
    CLI::App* key = app.add_subcommand("key", "Make a key for signing evidence packs");
    key->require_subcommand(1);
    auto options = std::make_shared<NewOptions>();
    CLI::App* sub = key->add_subcommand(
        "new", "Make a key pair: KEY (secret, readable only by you) and KEY.pub (public)");
    sub->add_option("--out", options->out, "The secret key file to create; never replaced")
        ->required();
    sub->callback([options, &context] { context.status = run_new(*options); });
}

}  // namespace eqkit::cli
