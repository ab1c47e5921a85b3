#pragma once
// A child process with its stdout and stderr on pipes, for tests that run a real binary.
// (A small local copy: tests/cli has its own; they may be merged later.)
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace eqkit::test {

class ChildProcess {
  public:
    // Starts `program` with `args` (argv[0] is added), the test's environment plus `env`
    // ("NAME=value" entries replace or add) and the default signal dispositions and mask.
    // Throws std::runtime_error if it cannot start.
    ChildProcess(const std::string& program, const std::vector<std::string>& args,
                 const std::vector<std::string>& env = {});
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();  // kills and reaps the child if it is still running

    // The next line on stdout without its newline, or nullopt on timeout or end of output.
    [[nodiscard]] std::optional<std::string> read_stdout_line(std::chrono::milliseconds timeout);

    void send_signal(int signal_number) const;

    // Waits for the child to end: its exit status, 128 + N if signal N killed it, nullopt on
    // timeout (the child is left running). Afterwards all its output has been collected.
    [[nodiscard]] std::optional<int> wait(std::chrono::milliseconds timeout);

    // Output not yet returned by read_stdout_line / everything on stderr, so far.
    [[nodiscard]] const std::string& stdout_text() const { return out_; }
    [[nodiscard]] const std::string& stderr_text() const { return err_; }

  private:
    // Moves whatever the pipes hold into out_ / err_, waiting up to `timeout` for some.
    void pump(std::chrono::milliseconds timeout);

    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    std::string out_;
    std::string err_;
    std::optional<int> status_;
};

}  // namespace eqkit::test
