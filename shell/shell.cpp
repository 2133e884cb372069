// The ksim shell (see shell.h).
#include "shell/shell.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "fs/vfs.h"
#include "sched/scheduler.h"
#include "shell/command.h"
#include "shell/file_stream.h"
#include "shell/interrupt.h"
#include "shell/pipe.h"
#include "syscalls/syscalls.h"
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
// bash's builtins among ksim's commands: they run in the shell's own process.
bool is_builtin(const std::string& name)
{
    static const std::set<std::string, std::less<>> builtins
        = {"echo", "pwd", "help", "cd", "exit", "kill", "jobs", "wait", "fg", "true", "false", ":"};
    return builtins.contains(name);
}

} // namespace

// One descriptor of a command being set up: an inherited standard stream, a file, or closed.
struct Shell::Slot {
    enum class Kind { StandardIn, StandardOut, StandardErr, File, Closed } kind;
    std::shared_ptr<FileHandle> file;
};

Shell::Shell(Kernel& kernel, unsigned uid, bool forked)
    : m_kernel(kernel)
    , m_uid(uid)
    , m_pid(forked ? 0 : kernel.scheduler().allocate_pid())
    , m_shell_pid(m_pid)
    , m_memory(UserMemory::create(1 << 20))
    , m_terminal_out(&std::cout)
    , m_terminal_err(&std::cerr)
{
    if (forked)
        return;
    // The login shell leads its own process group, the terminal's foreground
    // group: the commands it runs join it.
    become_shell();
    if (KernelTask* task = Scheduler::current())
        task->pgid = m_pid;
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
    if (is_system_file(full) && !m_kernel.task().is_root() && (flags & O_ACCMODE) != O_RDONLY)
        return Errno {EACCES};
    long fd = sys::open(full.c_str(), flags, 0644);
    if (fd < 0)
        return Errno {static_cast<int>(-fd)};
    return std::make_shared<FileHandle>(static_cast<int>(fd));
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
    return run_line(line, {none, *m_terminal_out, *m_terminal_err});
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
        if (item.background) {
            start_job(item.pipeline, program, streams.err);
            m_last_status = 0; // as bash: starting a job succeeds
            continue;
        }
        m_last_status = run_pipeline(item.pipeline, program, streams, fork_stages(item.pipeline, Scheduler::current()));
    }
    return m_last_status;
}

namespace {

// A job's command as `jobs` shows it: its words as typed, quoting aside.
std::string describe(const Pipeline& pipeline, const ParsedLine& parsed)
{
    std::string text;
    for (const SimpleCommand& command : pipeline.commands) {
        if (!text.empty())
            text += " | ";
        std::string words;
        for (const Word& word : command.words) {
            if (!words.empty())
                words += ' ';
            for (const WordPart& part : word.parts) {
                if (const auto* literal = std::get_if<Literal>(&part))
                    words += literal->text;
                else if (std::holds_alternative<LastStatus>(part))
                    words += "$?";
                else
                    words += "$(" + parsed.substitutions[std::get<Substitution>(part).index] + ")";
            }
        }
        text += words;
    }
    return text;
}

} // namespace

Shell::Child Shell::fork_child(KernelTask* parent)
{
    Scheduler& scheduler = m_kernel.scheduler();
    int pid = scheduler.allocate_pid();
    auto task = scheduler.create_task(Task {pid, "sh", m_uid, UserMemory::create()}, 0, parent);
    task->pgid = parent ? parent->pgid.load() : 0; // its parent's process group
    auto child = std::make_shared<Shell>(m_kernel, m_uid, true);
    child->m_sysroot = m_sysroot;
    child->m_terminal_out = m_terminal_out;
    child->m_terminal_err = m_terminal_err;
    child->m_held = m_held;
    child->m_pid = m_pid;
    child->m_last_status = m_last_status;
    child->m_exec_in_place = true;
    child->m_shell_pid = pid;
    child->m_in_job = true; // the parent says how its processes died
    return {std::move(child), std::move(task), pid};
}

int Shell::run_as(Child child, const std::function<int(Shell&)>& body)
{
    Scheduler::set_current(child.task.get());
    int status = body(*child.shell);
    Kernel& kernel = child.shell->m_kernel;
    child.shell.reset(); // its descriptors close in its own task
    child.task->abi().flags |= KSIM_PF_EXITING;
    kernel.scheduler().release_task(*child.task);
    Scheduler::set_current(nullptr);
    return status;
}

void Shell::start_job(const Pipeline& pipeline, const ParsedLine& parsed, std::ostream& err)
{
    Child child = fork_child(Scheduler::current());
    int pid = child.pid;
    auto task = child.task;
    task->pgid = pid; // a job is a process group of its own
    // All its processes exist before the next command runs, as bash forks
    // them: `kill %1` right after reaches every one.
    auto stages = std::make_shared<std::vector<Child>>(child.shell->fork_stages(pipeline, task.get()));
    int id = m_jobs.start(
        pid, describe(pipeline, parsed), task, [child = std::move(child), stages, pipeline, parsed]() mutable {
            return run_as(std::move(child), [&](Shell& shell) {
                EmptyInput none; // a job's standard input is /dev/null, as in a script
                int status = shell.run_pipeline(
                    pipeline, parsed, {none, *shell.m_terminal_out, *shell.m_terminal_err}, std::move(*stages));
                shell.m_terminal_out->flush();
                return status;
            });
        });
    if (m_interactive)
        err << "[" << id << "] " << pid << "\n";
}

int Shell::run_child(const std::string& line, bool root, Streams streams)
{
    // Each child shell is a nested call here, where bash forks: bound the depth so the stack cannot run out.
    if (m_child_depth >= max_child_depth) {
        streams.err << "ksim: maximum shell nesting level exceeded (" << max_child_depth << ")\n";
        return 2;
    }
    // A root shell asked for by a learner's (a lesson's check): what
    // `sudo sh -c LINE` runs, a child process with root's credentials.
    if (root && !m_kernel.task().is_root())
        return in_child_process(
            [&] {
                sys::execve("sh", true);
                return run_child(line, true, streams);
            },
            streams.err);
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

std::vector<Shell::Child> Shell::fork_stages(const Pipeline& pipeline, KernelTask* parent)
{
    std::vector<Child> stages;
    for (size_t i = 0; i + 1 < pipeline.commands.size(); ++i)
        stages.push_back(fork_child(parent));
    return stages;
}

int Shell::run_pipeline(const Pipeline& pipeline, const ParsedLine& parsed, Streams streams, std::vector<Child> stages)
{
    size_t count = pipeline.commands.size();
    if (count == 1)
        return run_simple(pipeline.commands[0], parsed, streams);
    // The commands run at once, each a process of its own, joined by pipes;
    // the status is the last one's. The last runs here, as bash waits for it.
    std::vector<std::shared_ptr<Pipe>> pipes;
    for (size_t i = 0; i + 1 < count; ++i)
        pipes.push_back(std::make_shared<Pipe>());
    auto start = std::make_shared<std::latch>(static_cast<std::ptrdiff_t>(count));
    m_pipeline_start = start;
    std::vector<std::thread> threads;
    for (size_t i = 0; i + 1 < count; ++i) {
        Child child = std::move(stages[i]);
        child.shell->m_pipeline_start = start;
        threads.emplace_back([&, i, child = std::move(child)]() mutable {
            std::shared_ptr<KernelTask> task = child.task; // outlives the foreground mark
            ForegroundTask foreground(*task);
            run_as(std::move(child), [&](Shell& shell) {
                PipeInput from_pipe(i ? pipes[i - 1] : nullptr);
                PipeOutput to_pipe(pipes[i]);
                std::ostream pipe_out(&to_pipe);
                return shell.run_simple(
                    pipeline.commands[i], parsed, {i ? from_pipe : streams.in, pipe_out, streams.err});
            });
            pipes[i]->close_writer();
            if (i > 0)
                pipes[i - 1]->close_reader();
        });
    }
    PipeInput from_pipe(pipes.back());
    int status = run_simple(pipeline.commands.back(), parsed, {from_pipe, streams.out, streams.err});
    pipes.back()->close_reader();
    for (std::thread& thread : threads)
        thread.join();
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
    m_kernel.set_task(Task {m_shell_pid, m_in_job ? "sh" : "ksim", m_uid, m_memory});
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
        int flags = r.kind == RedirectKind::Read ? O_RDONLY
            : r.kind == RedirectKind::ReadWrite  ? O_RDWR | O_CREAT
            : r.kind == RedirectKind::Append     ? O_WRONLY | O_CREAT | O_APPEND
                                                 : O_WRONLY | O_CREAT | O_TRUNC;
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
    // A pipeline's command that ends before it runs a program (a failed
    // redirection, no words) must not hold the others back.
    struct StartAnyway {
        Shell& shell;
        ~StartAnyway()
        {
            if (auto start = std::exchange(shell.m_pipeline_start, nullptr))
                start->count_down();
        }
    } start_anyway {*this};
    // Each command is a child process, as bash forks one (a job's first
    // command is the job's own process, exec'd). The child sets up the
    // redirections as the learner: in `sudo echo 1 > /proc/...` the file is
    // opened without root, as in bash.
    if (std::exchange(m_exec_in_place, false))
        return run_in_process(command, parsed, streams);
    return in_child_process([&] { return run_in_process(command, parsed, streams); }, streams.err);
}

int Shell::in_child_process(const std::function<int()>& body, std::ostream& err)
{
    long child = sys::vfork();
    int status = body();
    sys::exit_group(status);
    int wait_status = 0;
    sys::wait4(static_cast<int>(child), &wait_status, 0);
    if (!WIFSIGNALED(wait_status))
        return WEXITSTATUS(wait_status);
    // A death no system call reported (in a driver's release() as a file
    // closed, say) is bash's to tell: "Killed", "Segmentation fault".
    int death = died_of_signal(WTERMSIG(wait_status));
    if (status != task_death_status(death) && !m_in_job)
        err << task_death_message(death) << "\n";
    return task_death_status(death);
}

int Shell::run_in_process(const SimpleCommand& command, const ParsedLine& parsed, Streams streams)
{
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
        if (task_died(error)) {
            if (!m_in_job)
                streams.err << task_death_message(error) << "\n";
            status = task_death_status(error);
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
    bool sudo = words[0] == "sudo";
    if (sudo) {
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
    // Builtins run in the shell's process (comm ksim, or sh in a child
    // shell); a program is exec'd, sudo's command with root's credentials.
    if (sudo || !is_builtin(words[0]))
        sys::execve(words[0].c_str(), sudo);
    if (auto start = std::exchange(m_pipeline_start, nullptr))
        start->arrive_and_wait();
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
    return status;
}

} // namespace ksim::shell
