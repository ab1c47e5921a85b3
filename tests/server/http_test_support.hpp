#pragma once
// Helpers for talking to a server on 127.0.0.1 without httplib's client, so a test can send
// exactly the bytes it means (raw "..", "%2e%2e", odd Host headers).
#include <filesystem>
#include <map>
#include <string>

namespace eqkit::test {

struct RawResponse {
    int status = 0;                              // 0 if no status line came back
    std::map<std::string, std::string> headers;  // names lower-cased; the last value wins
    std::string body;

    [[nodiscard]] std::string header(const std::string& lower_case_name) const {
        const auto it = headers.find(lower_case_name);
        return it == headers.end() ? std::string() : it->second;
    }
};

// Sends `request` (a whole HTTP/1.1 request, "\r\n" line ends) to 127.0.0.1:port and reads
// one reply: until Content-Length bytes of body have come, or the server closes.
// (Don't half-close the socket: httplib then takes the client for gone and never answers.)
[[nodiscard]] RawResponse raw_http(int port, const std::string& request);

// GET `target` exactly as written, with Host 127.0.0.1:port and Connection: close.
[[nodiscard]] RawResponse raw_get(int port, const std::string& target);

// A socket listening on 127.0.0.1, on a free port; closed when the object dies.
class OccupiedPort {
  public:
    OccupiedPort();
    OccupiedPort(const OccupiedPort&) = delete;
    OccupiedPort& operator=(const OccupiedPort&) = delete;
    ~OccupiedPort();
    [[nodiscard]] int port() const { return port_; }

  private:
    int fd_ = -1;
    int port_ = 0;
};

// Writes a small web build into `root`: index.html, app.js, app.wasm (the 8-byte wasm
// header), app.data, data.json, style.css, and sub/page.html.
void write_sample_web_build(const std::filesystem::path& root);

// The bytes write_sample_web_build puts in app.wasm.
[[nodiscard]] std::string sample_wasm_bytes();

}  // namespace eqkit::test
