#pragma once
// knotwork_crash_writer as a child process: started with its standard output (and optionally its
// standard input) on pipes, killed or waited for, and the "committed <tag> <k> …" lines it wrote
// read back.
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace knotwork::test {

class WriterProcess {
  public:
    explicit WriterProcess(std::vector<std::string> arguments) {
        std::vector<char*> argv;
        argv.push_back(const_cast<char*>(KNOTWORK_CRASH_WRITER));
        for (auto& a : arguments)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        int out[2], in[2];
        if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(in, O_CLOEXEC) != 0)
            throw std::runtime_error("pipe failed");
        m_pid = ::fork();
        if (m_pid < 0) throw std::runtime_error("fork failed");
        if (m_pid == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::dup2(in[0], STDIN_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            ::close(in[0]);
            ::close(in[1]);
            ::execv(KNOTWORK_CRASH_WRITER, argv.data());
            ::_exit(127);
        }
        ::close(out[1]);
        ::close(in[0]);
        m_out = out[0];
        m_in = in[1];
    }
    ~WriterProcess() {
        if (m_pid > 0 && !m_reaped) {
            ::kill(m_pid, SIGKILL);
            wait();
        }
        if (m_out >= 0) ::close(m_out);
        if (m_in >= 0) ::close(m_in);
    }
    WriterProcess(const WriterProcess&) = delete;
    WriterProcess& operator=(const WriterProcess&) = delete;

    // Waits for the next line ("ready"); empty when the writer ended first.
    std::string read_line() {
        for (;;) {
            const auto eol = m_buffer.find('\n', m_consumed);
            if (eol != std::string::npos) {
                std::string line = m_buffer.substr(m_consumed, eol - m_consumed);
                m_consumed = eol + 1;
                return line;
            }
            if (!fill()) return {};
        }
    }
    void send_line(const std::string& line) {
        const std::string text = line + "\n";
        if (::write(m_in, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
            throw std::runtime_error("cannot write to the writer");
    }

    void kill_now() { ::kill(m_pid, SIGKILL); }

    // Reaps the process; its wait status.
    int wait() {
        if (!m_reaped) {
            while (::waitpid(m_pid, &m_status, 0) < 0 && errno == EINTR) {
            }
            m_reaped = true;
        }
        return m_status;
    }
    bool exited_cleanly() { return WIFEXITED(wait()) && WEXITSTATUS(m_status) == 0; }
    bool was_killed() { return WIFSIGNALED(wait()) && WTERMSIG(m_status) == SIGKILL; }

    // Every "committed" line the writer wrote, read to the end of its output (call after wait()).
    std::vector<int> committed() {
        while (fill()) {
        }
        std::vector<int> numbers;
        std::size_t start = 0;
        for (auto eol = m_buffer.find('\n'); eol != std::string::npos; eol = m_buffer.find('\n', start)) {
            const std::string line = m_buffer.substr(start, eol - start);
            start = eol + 1;
            if (line.rfind("committed ", 0) != 0) continue;
            const auto number_at = line.find(' ', 10) + 1;
            numbers.push_back(std::stoi(line.substr(number_at)));
        }
        return numbers;
    }

  private:
    bool fill() {
        char chunk[4096];
        for (;;) {
            const ssize_t n = ::read(m_out, chunk, sizeof chunk);
            if (n > 0) {
                m_buffer.append(chunk, static_cast<std::size_t>(n));
                return true;
            }
            if (n < 0 && errno == EINTR) continue;
            return false;
        }
    }

    pid_t m_pid = -1;
    int m_out = -1;
    int m_in = -1;
    int m_status = 0;
    bool m_reaped = false;
    std::string m_buffer;
    std::size_t m_consumed = 0;
};

} // namespace knotwork::test
