// cp: copy files (GNU coreutils' messages); kernel files and devices are read and written through the door.
#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "shell/command.h"
#include "shell/file_handle.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

namespace ksim::shell {

namespace {

// coreutils' IO_BUFSIZE: a driver's write() sees the data in pieces this big.
constexpr size_t copy_buffer = 128 << 10;

std::string in_quotes(const std::string& name)
{
    return std::string("'").append(name).append("'");
}

int fail(CommandContext& c, const std::string& message, int error)
{
    if (task_died(error))
        return report_error(c, "", error);
    c.err << "cp: " << message << ": " << std::strerror(error) << "\n";
    return 1;
}

// copy_reg(): open both, then read and write until end of file.
int copy_file(CommandContext& c, const std::string& source, const std::string& dest, const struct stat& from)
{
    struct stat to;
    std::string full_dest = c.shell.host_path(dest);
    bool exists = sys::stat(full_dest.c_str(), &to) == 0;
    if (exists && !sys::is_kernel_path(full_dest) && to.st_dev == from.st_dev && to.st_ino == from.st_ino) {
        c.err << "cp: " << in_quotes(source) << " and " << in_quotes(dest) << " are the same file\n";
        return 1;
    }
    auto in = c.shell.open(source, O_RDONLY);
    if (in.is_error())
        return fail(c, std::string("cannot open ").append(in_quotes(source)).append(" for reading"), in.error());
    auto out = c.shell.open(dest, O_WRONLY | O_TRUNC | (exists ? 0 : O_CREAT));
    if (out.is_error())
        return fail(c,
            exists ? std::string("cannot open ").append(in_quotes(dest)).append(" for writing")
                   : std::string("cannot create regular file ").append(in_quotes(dest)),
            out.error());
    for (;;) {
        auto chunk = in.value()->read(copy_buffer);
        if (chunk.is_error())
            return fail(c, std::string("error reading ").append(in_quotes(source)), chunk.error());
        if (chunk.value().empty())
            return 0;
        if (auto written = write_all(*out.value(), chunk.value()); written.is_error())
            return fail(c, std::string("error writing ").append(in_quotes(dest)), written.error());
    }
}

int usage(CommandContext& c, const std::string& message)
{
    c.err << "cp: " << message << "\nTry 'cp --help' for more information.\n";
    return 1;
}

} // namespace

int cmd_cp(CommandContext& c)
{
    std::vector<std::string> operands(c.args.begin() + 1, c.args.end());
    if (operands.empty())
        return usage(c, "missing file operand");
    if (operands.size() == 1)
        return usage(c, std::string("missing destination file operand after ").append(in_quotes(operands[0])));
    std::string target = operands.back();
    operands.pop_back();
    struct stat st;
    bool into_directory = sys::stat(c.shell.host_path(target).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    if (operands.size() > 1 && !into_directory) {
        c.err << "cp: target " << in_quotes(target) << " is not a directory\n";
        return 1;
    }
    int status = 0;
    for (const std::string& source : operands) {
        struct stat from;
        if (long error = sys::stat(c.shell.host_path(source).c_str(), &from); error < 0) {
            status = fail(c, std::string("cannot stat ").append(in_quotes(source)), static_cast<int>(-error));
            continue;
        }
        if (S_ISDIR(from.st_mode)) {
            c.err << "cp: -r not specified; omitting directory " << in_quotes(source) << "\n";
            status = 1;
            continue;
        }
        std::string dest = into_directory
            ? (std::filesystem::path(target) / std::filesystem::path(source).filename()).string()
            : target;
        if (int result = copy_file(c, source, dest, from))
            status = result;
    }
    return status;
}

} // namespace ksim::shell
