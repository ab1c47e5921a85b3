#include "run_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace eqkit::test {
namespace {

// A pipe whose ends close themselves; both ends are close-on-exec, and posix_spawn's dup2
// gives the child an inheritable copy.
class Pipe {
  public:
    Pipe() {
        if (::pipe2(fds_.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    ~Pipe() {
        close_read();
        close_write();
    }
    [[nodiscard]] int read_end() const { return fds_[0]; }
    [[nodiscard]] int write_end() const { return fds_[1]; }
    void close_read() { close_fd(fds_[0]); }
    void close_write() { close_fd(fds_[1]); }

  private:
    static void close_fd(int& fd) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
    std::array<int, 2> fds_{-1, -1};
};

class FileActions {
  public:
    FileActions() { ::posix_spawn_file_actions_init(&actions_); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    ~FileActions() { ::posix_spawn_file_actions_destroy(&actions_); }
    posix_spawn_file_actions_t* get() { return &actions_; }

  private:
    posix_spawn_file_actions_t actions_{};
};

std::string name_of(const std::string& assignment) {
    return assignment.substr(0, assignment.find('='));
}

// Our environment with the overrides applied.
std::vector<std::string> child_environment(const std::vector<std::string>& overrides) {
    std::vector<std::string> env;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        bool overridden = false;
        for (const std::string& o : overrides)
            overridden = overridden || name_of(o) == name_of(entry);
        if (!overridden) env.push_back(entry);
    }
    env.insert(env.end(), overrides.begin(), overrides.end());
    return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (std::string& s : strings)
        out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// Reads both pipes until both are closed; poll keeps a full stderr from blocking stdout.
void drain(Pipe& out_pipe, Pipe& err_pipe, ProcessResult& result) {
    std::array<pollfd, 2> fds{pollfd{out_pipe.read_end(), POLLIN, 0},
                              pollfd{err_pipe.read_end(), POLLIN, 0}};
    std::array<std::string*, 2> sinks{&result.out, &result.err};
    std::array<char, 4096> buffer{};
    int open = 2;
    while (open > 0) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            throw std::runtime_error("poll failed");
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
            if (n > 0) {
                sinks[i]->append(buffer.data(), static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                fds[i].fd = -1;  // closed (or broken): poll ignores negative descriptors
                --open;
            }
        }
    }
}

int wait_for(pid_t pid) {
    int raw = 0;
    while (::waitpid(pid, &raw, 0) < 0) {
        if (errno != EINTR) throw std::runtime_error("waitpid failed");
    }
    if (WIFEXITED(raw)) return WEXITSTATUS(raw);
    if (WIFSIGNALED(raw)) return 128 + WTERMSIG(raw);
    return -1;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    if (argv.empty()) throw std::runtime_error("run_process: no program given");
    Pipe out_pipe;
    Pipe err_pipe;
    FileActions actions;
    ::posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
    ::posix_spawn_file_actions_adddup2(actions.get(), out_pipe.write_end(), 1);
    ::posix_spawn_file_actions_adddup2(actions.get(), err_pipe.write_end(), 2);
    if (!options.cwd.empty())
        ::posix_spawn_file_actions_addchdir_np(actions.get(), options.cwd.c_str());

    std::vector<std::string> args = argv;
    std::vector<std::string> env = child_environment(options.environment);
    std::vector<char*> c_args = c_strings(args);
    std::vector<char*> c_env = c_strings(env);
    pid_t pid = 0;
    if (const int err = ::posix_spawn(&pid, args.front().c_str(), actions.get(), nullptr,
                                      c_args.data(), c_env.data());
        err != 0) {
        throw std::runtime_error("cannot start " + args.front() + ": " + std::strerror(err));
    }
    // Only the child may hold the write ends, or the reads below would never see the end.
    out_pipe.close_write();
    err_pipe.close_write();
    ProcessResult result;
    drain(out_pipe, err_pipe, result);
    result.status = wait_for(pid);
    return result;
}

}  // namespace eqkit::test
