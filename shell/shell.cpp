// The ksim shell (see shell.h).
#include "shell/shell.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "fs/vfs.h"
#include "shell/command.h"

namespace ksim::shell {

namespace {

// Where one redirected stream ends up once the command has run.
struct Sink {
    std::string path;
    bool append = false;
    std::ostringstream buffer;
};

std::string absolute(const std::string& path)
{
    return std::filesystem::absolute(path).lexically_normal().string();
}

} // namespace

Shell::Shell(Kernel& kernel, unsigned uid)
    : m_kernel(kernel)
    , m_uid(uid)
{
}

std::string Shell::host_path(const std::string& path) const
{
    std::string full = absolute(path);
    for (std::string_view system_dir : {"/lib/modules", "/etc/modprobe.d", "/etc/modprobe.conf"})
        if (!m_sysroot.empty() && full.starts_with(system_dir)
            && (full.size() == system_dir.size() || full[system_dir.size()] == '/'))
            return (m_sysroot.string() + full);
    return full;
}

bool Shell::is_system_file(const std::string& host_path) const
{
    return !m_sysroot.empty() && host_path.starts_with(m_sysroot.string() + "/");
}

std::string Shell::shown_path(const std::filesystem::path& host_path) const
{
    std::string text = host_path.lexically_normal().string();
    if (is_system_file(text))
        return text.substr(m_sysroot.string().size());
    return text;
}

int Shell::run_script(std::istream& in)
{
    std::string line;
    while (!m_exit_status && std::getline(in, line))
        run_line(line);
    return m_exit_status.value_or(m_last_status);
}

int Shell::run_line(const std::string& line)
{
    auto parsed = parse_line(line, Expansions {static_cast<int>(getpid())});
    if (auto* error = std::get_if<SyntaxError>(&parsed)) {
        std::cerr << "ksim: " << error->message << "\n";
        return m_last_status = 2;
    }
    for (const ListItem& item : std::get<std::vector<ListItem>>(parsed)) {
        if (m_exit_status)
            break;
        if (item.before == Connector::And && m_last_status != 0)
            continue;
        if (item.before == Connector::Or && m_last_status == 0)
            continue;
        m_last_status = run_command(item.command);
    }
    return m_last_status;
}

int Shell::run_command(const SimpleCommand& command)
{
    // Redirections are set up by the shell itself, as the learner: in
    // `sudo echo 1 > /proc/...` the file is opened without root, as in bash.
    Task shell_task {static_cast<int>(getpid()), "ksim", m_uid};
    std::ostream* streams[3] = {nullptr, &std::cout, &std::cerr};
    Sink sinks[3];
    for (const Redirection& r : command.redirections) {
        if (r.target == "&1" || r.target == "&2") {
            streams[r.fd] = streams[r.target[1] - '0'];
            continue;
        }
        Sink& sink = sinks[r.fd];
        sink.path = host_path(r.target);
        sink.append = r.append;
        if (VirtualFs::is_kernel_path(sink.path)) {
            auto node = m_kernel.vfs().resolve(sink.path);
            int error = node.is_error()                                ? node.error()
                : node.value()->is_directory()                         ? EISDIR
                : !(node.value()->mode() & (m_uid == 0 ? 0222 : 0002)) ? EACCES
                                                                       : 0;
            if (error) {
                std::cerr << "ksim: " << r.target << ": " << std::strerror(error) << "\n";
                return 1;
            }
        } else {
            if (is_system_file(sink.path) && m_uid != 0) {
                std::cerr << "ksim: " << r.target << ": " << std::strerror(EACCES) << "\n";
                return 1;
            }
            std::ofstream probe(sink.path, std::ios::app); // create it, or fail as bash would
            if (!probe) {
                std::cerr << "ksim: " << r.target << ": " << std::strerror(errno ? errno : EACCES) << "\n";
                return 1;
            }
            if (!r.append)
                std::ofstream(sink.path, std::ios::trunc);
        }
        streams[r.fd] = &sink.buffer;
    }
    if (command.words.empty())
        return 0;

    std::vector<std::string> words = command.words;
    for (std::string& word : words)
        for (size_t at; (at = word.find(status_marker)) != std::string::npos;)
            word.replace(at, 1, std::to_string(m_last_status));
    int status = dispatch(std::move(words), *streams[1], *streams[2]);

    for (int fd : {1, 2}) {
        Sink& sink = sinks[fd];
        if (sink.path.empty())
            continue;
        std::string data = sink.buffer.str();
        if (VirtualFs::is_kernel_path(sink.path)) {
            if (data.empty())
                continue;
            auto written = m_kernel.vfs().write(shell_task, sink.path, data);
            if (written.is_error()) {
                std::cerr << "ksim: " << command.words[0] << ": write error: " << std::strerror(written.error())
                          << "\n";
                status = 1;
            }
        } else {
            std::ofstream(sink.path, std::ios::app | std::ios::binary) << data;
        }
    }
    return status;
}

int Shell::dispatch(std::vector<std::string> words, std::ostream& out, std::ostream& err)
{
    bool root = m_uid == 0;
    if (words[0] == "sudo") {
        words.erase(words.begin());
        if (words.empty()) {
            err << "usage: sudo COMMAND [ARG ...]\n";
            return 1;
        }
        root = true;
    }
    const Command* command = find_command(words[0]);
    if (!command || !command->run) {
        err << "ksim: " << words[0] << ": command not found\n";
        return 127;
    }
    m_kernel.set_task(Task {m_next_pid++, words[0].substr(0, 15), root ? 0u : m_uid});
    CommandContext context {*this, m_kernel, std::move(words), out, err, root};
    int status = command->run(context);
    out.flush();
    return status;
}

} // namespace ksim::shell
