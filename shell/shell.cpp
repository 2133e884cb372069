// The ksim shell (see shell.h).
#include "shell/shell.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "fs/vfs.h"
#include "shell/command.h"
#include "shell/file_stream.h"
#include "shell/interrupt.h"
#include "shell/pipe_buffer.h"
#include "uaccess/user_memory.h"

namespace ksim::shell {

namespace {

// "" stays "", a name no file has: open("") is ENOENT, not the current directory.
std::string absolute(const std::string& path)
{
    if (path.empty())
        return path;
    std::error_code ec;
    std::filesystem::path full = std::filesystem::absolute(path, ec);
    return (ec ? std::filesystem::path(path) : full).lexically_normal().string();
}

// bash reports write errors of its builtins itself; other commands report their own.
bool is_builtin(const std::string& name)
{
    return name == "echo" || name == "pwd" || name == "help";
}

} // namespace

// One descriptor of a command being set up: an inherited standard stream, a file, or closed.
struct Shell::Slot {
    enum class Kind { StandardIn, StandardOut, StandardErr, File, Closed } kind;
    std::shared_ptr<FileHandle> file;
};

Shell::Shell(Kernel& kernel, unsigned uid)
    : m_kernel(kernel)
    , m_uid(uid)
    , m_pid(static_cast<int>(getpid()))
    , m_memory(UserMemory::create(1 << 20))
{
}

Shell::~Shell()
{
    become_shell();
    m_held.clear(); // closing them may call into drivers
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

ErrorOr<std::shared_ptr<FileHandle>> Shell::open(const std::string& path, int flags)
{
    std::string full = host_path(path);
    const Task& task = m_kernel.task();
    if (VirtualFs::is_kernel_path(full)) {
        auto file = m_kernel.vfs().open(task, full, flags);
        if (file.is_error())
            return Errno {file.error()};
        return std::shared_ptr<FileHandle>(std::make_shared<KernelFileHandle>(file.release_value()));
    }
    if (is_system_file(full) && !task.is_root() && (flags & open_access_mask) != open_read_only)
        return Errno {EACCES};
    int fd = ::open(full.c_str(), flags | O_CLOEXEC, 0644);
    if (fd < 0)
        return Errno {errno};
    return std::shared_ptr<FileHandle>(std::make_shared<HostFileHandle>(fd));
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
    EmptyInput none;
    return run_line(line, {none, std::cout, std::cerr});
}

int Shell::run_line(const std::string& line, Streams streams)
{
    auto parsed = parse_line(line, Expansions {m_pid});
    if (auto* error = std::get_if<SyntaxError>(&parsed)) {
        streams.err << "ksim: " << error->message << "\n";
        return m_last_status = 2;
    }
    const ParsedLine& program = std::get<ParsedLine>(parsed);
    for (const ListItem& item : program.items) {
        if (m_exit_status)
            break;
        if (item.before == Connector::And && m_last_status != 0)
            continue;
        if (item.before == Connector::Or && m_last_status == 0)
            continue;
        m_last_status = run_pipeline(item.pipeline, program, streams);
    }
    return m_last_status;
}

int Shell::run_child(const std::string& line, bool root, Streams streams)
{
    // Each child shell is a nested call here, where bash forks: bound the depth so the stack cannot run out.
    if (m_child_depth >= max_child_depth) {
        streams.err << "ksim: maximum shell nesting level exceeded (" << max_child_depth << ")\n";
        return 2;
    }
    ++m_child_depth;
    unsigned saved_uid = m_uid;
    std::optional<int> saved_exit = m_exit_status;
    // The child's own descriptors close when it exits.
    std::map<int, std::shared_ptr<FileHandle>> saved_held = m_held;
    m_exit_status.reset();
    if (root)
        m_uid = 0;
    int status = run_line(line, streams);
    if (m_exit_status)
        status = *m_exit_status; // `exit` ends the child shell only
    m_held = std::move(saved_held);
    m_uid = saved_uid;
    m_exit_status = saved_exit;
    --m_child_depth;
    return status;
}

int Shell::run_pipeline(const Pipeline& pipeline, const ParsedLine& parsed, Streams streams)
{
    // The commands run one after the other, each reading what the previous one wrote.
    std::string carried;
    int status = 0;
    for (size_t i = 0; i < pipeline.commands.size(); ++i) {
        bool last = i + 1 == pipeline.commands.size();
        StringInput from_pipe(std::move(carried));
        PipeBuffer to_pipe;
        std::ostream pipe_out(&to_pipe);
        status = run_simple(pipeline.commands[i], parsed,
            {i == 0 ? streams.in : from_pipe, last ? streams.out : pipe_out, streams.err});
        if (!last)
            carried = to_pipe.take();
    }
    return status;
}

std::vector<std::string> Shell::expand(const std::vector<Word>& words, const ParsedLine& parsed, std::ostream& err)
{
    return expand_words(
        words, m_last_status, [&](size_t index) { return substitute(parsed.substitutions.at(index), err); });
}

std::string Shell::substitute(const std::string& command, std::ostream& err)
{
    std::ostringstream captured;
    EmptyInput none;
    int saved_status = m_last_status;
    run_child(command, false, {none, captured, err});
    m_last_status = saved_status;
    std::string output = captured.str();
    while (!output.empty() && output.back() == '\n')
        output.pop_back();
    return output;
}

void Shell::become_shell()
{
    m_kernel.set_task(Task {m_pid, "ksim", m_uid, m_memory});
}

void Shell::start_process(const std::string& comm, bool root)
{
    m_kernel.set_task(Task {m_next_pid++, comm.substr(0, 15), root ? 0U : m_uid, UserMemory::create()});
}

bool Shell::apply_redirections(
    const SimpleCommand& command, const ParsedLine& parsed, std::array<Slot, 10>& slots, std::ostream& err)
{
    for (const Redirection& r : command.redirections) {
        if (r.kind == RedirectKind::Close) {
            slots[r.fd] = {Slot::Kind::Closed, nullptr};
            continue;
        }
        if (r.kind == RedirectKind::Duplicate) {
            // The lexer took only digits. A number too big for an int is a word to bash, and its
            // dup2() fails with EBADF blamed on the word for 0<& and 1>&, else on the descriptor.
            std::string source_text = r.target.literal();
            int source = -1;
            std::errc error = std::from_chars(source_text.data(), source_text.data() + source_text.size(), source).ec;
            if (error != std::errc {} || source > 9 || slots[source].kind == Slot::Kind::Closed) {
                bool word = error != std::errc {} && r.fd > 1;
                err << "ksim: " << (word ? std::to_string(r.fd) : r.typed) << ": Bad file descriptor\n";
                return false;
            }
            slots[r.fd] = slots[source];
            continue;
        }
        std::vector<std::string> targets = expand({r.target}, parsed, err);
        if (targets.size() != 1) {
            err << "ksim: " << r.typed << ": ambiguous redirect\n";
            return false;
        }
        const std::string& target = targets.front();
        int flags = r.kind == RedirectKind::Read ? open_read_only
            : r.kind == RedirectKind::ReadWrite  ? open_read_write | open_create
            : r.kind == RedirectKind::Append     ? open_write_only | open_create | open_append
                                                 : open_write_only | open_create | open_truncate;
        auto file = open(target, flags);
        if (file.is_error()) {
            if (task_died(file.error()))
                err << task_death_message(file.error()) << "\n";
            else
                err << "ksim: " << target << ": " << std::strerror(file.error()) << "\n";
            return false;
        }
        slots[r.fd] = {Slot::Kind::File, file.release_value()};
    }
    return true;
}

int Shell::run_simple(const SimpleCommand& command, const ParsedLine& parsed, Streams streams)
{
    // Redirections are set up by the shell itself, as the learner: in
    // `sudo echo 1 > /proc/...` the file is opened without root, as in bash.
    become_shell();
    std::array<Slot, 10> slots
        = {{{Slot::Kind::StandardIn, nullptr}, {Slot::Kind::StandardOut, nullptr}, {Slot::Kind::StandardErr, nullptr}}};
    for (int fd = 3; fd < 10; ++fd)
        slots[fd] = m_held.contains(fd) ? Slot {Slot::Kind::File, m_held[fd]} : Slot {Slot::Kind::Closed, nullptr};
    if (!apply_redirections(command, parsed, slots, streams.err)) {
        int death = m_kernel.take_death_of(m_kernel.task().pid);
        return death ? task_death_status(death) : 1;
    }
    std::vector<std::string> words = expand(command.words, parsed, streams.err);
    if (words.empty())
        return 0;
    if (words == std::vector<std::string> {"exec"}) {
        // exec with only redirections changes the shell's own descriptors.
        for (int fd = 3; fd < 10; ++fd) {
            if (slots[fd].kind == Slot::Kind::File)
                m_held[fd] = slots[fd].file;
            else
                m_held.erase(fd);
        }
        return 0;
    }

    std::unique_ptr<InputSource> file_input;
    InputSource* in = &streams.in;
    if (slots[0].kind == Slot::Kind::File)
        in = (file_input = std::make_unique<FileInput>(slots[0].file)).get();
    // Output to a file goes through as the command writes it; both
    // descriptors share one stream when they name the same file (2>&1).
    std::unique_ptr<FileStreamBuffer> file_buffers[2];
    std::unique_ptr<std::ostream> file_streams[2];
    std::ostringstream discarded;
    std::ostream* outs[2];
    for (int fd : {1, 2}) {
        Slot& slot = slots[fd];
        if (slot.kind == Slot::Kind::File) {
            if (fd == 2 && slots[1].kind == Slot::Kind::File && slot.file == slots[1].file) {
                outs[1] = outs[0];
                continue;
            }
            file_buffers[fd - 1] = std::make_unique<FileStreamBuffer>(slot.file);
            file_streams[fd - 1] = std::make_unique<std::ostream>(file_buffers[fd - 1].get());
            outs[fd - 1] = file_streams[fd - 1].get();
            continue;
        }
        outs[fd - 1] = slot.kind == Slot::Kind::StandardOut ? &streams.out
            : slot.kind == Slot::Kind::StandardErr          ? &streams.err
                                                            : &discarded;
    }
    std::string name = words[0] == "sudo" && words.size() > 1 ? words[1] : words[0];
    int status = dispatch(std::move(words), {*in, *outs[0], *outs[1]});
    for (int fd : {1, 2}) {
        if (!file_buffers[fd - 1])
            continue;
        file_buffers[fd - 1]->pubsync();
        int error = file_buffers[fd - 1]->error();
        if (!error)
            continue;
        if (task_died(error) || error == interrupted_error) {
            streams.err << (task_died(error) ? std::string(task_death_message(error)) + "\n" : "\n");
            status = task_died(error) ? task_death_status(error) : 130;
            continue;
        }
        streams.err << (is_builtin(name) ? "ksim: " + name : name) << ": write error: " << std::strerror(error) << "\n";
        status = 1;
    }
    return status;
}

// A command that fails in a way it did not foresee ends as a process would, never taking the shell with it.
int Shell::run_guarded(const Command& command, CommandContext& context)
{
    try {
        return command.run(context);
    } catch (const std::bad_alloc&) {
        context.err << context.args[0] << ": memory exhausted\n"; // coreutils' xalloc_die()
    } catch (const std::exception& e) {
        context.err << context.args[0] << ": internal error: " << e.what() << "\n";
    }
    return 1;
}

int Shell::dispatch(std::vector<std::string> words, Streams streams)
{
    bool root = m_uid == 0;
    if (words[0] == "sudo") {
        words.erase(words.begin());
        if (words.empty()) {
            streams.err << "usage: sudo COMMAND [ARG ...]\n";
            return 1;
        }
        root = true;
    }
    const Command* command = find_command(words[0]);
    if (!command || !command->run) {
        streams.err << "ksim: " << words[0] << ": command not found\n";
        return 127;
    }
    // Between commands the kernel has the CPU: timers, work and tasklets that are due run.
    m_kernel.run_deferred_work();
    start_process(words[0], root);
    const int pid = m_kernel.task().pid;
    CommandContext context {*this, m_kernel, std::move(words), streams.in, streams.out, streams.err, root};
    int status = run_guarded(*command, context);
    // A process can die where no system call returns to say so (in a
    // driver's release() as it closes a file): its parent sees the signal.
    if (int death = m_kernel.take_death_of(pid); death && status != task_death_status(death)) {
        streams.err << task_death_message(death) << "\n";
        status = task_death_status(death);
    }
    streams.out.flush();
    m_kernel.run_deferred_work();
    return status;
}

} // namespace ksim::shell
