// What a shell command receives, and the table of commands.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/kernel.h"
#include "shell/input_source.h"

namespace ksim::shell {

class Shell;

struct CommandContext {
    Shell& shell;
    Kernel& kernel;
    std::vector<std::string> args; // args[0] is the command's name
    InputSource& in;
    std::ostream& out;
    std::ostream& err;
    bool root; // running under sudo (or as root)
};

struct Command {
    const char* name;
    int (*run)(CommandContext&);
    const char* usage;
    const char* summary;
};

const std::vector<Command>& command_table();
const Command* find_command(const std::string& name);

// The commands, one file each under shell/commands/.
int cmd_insmod(CommandContext&);
int cmd_rmmod(CommandContext&);
int cmd_lsmod(CommandContext&);
int cmd_modinfo(CommandContext&);
int cmd_modprobe(CommandContext&);
int cmd_depmod(CommandContext&);
int cmd_dmesg(CommandContext&);
int cmd_cat(CommandContext&);
int cmd_head(CommandContext&);
int cmd_tail(CommandContext&);
int cmd_wc(CommandContext&);
int cmd_cut(CommandContext&);
int cmd_grep(CommandContext&);
int cmd_tee(CommandContext&);
int cmd_sh(CommandContext&);
int cmd_dd(CommandContext&);
int cmd_stat(CommandContext&);
int cmd_mknod(CommandContext&);
int cmd_rm(CommandContext&);
int cmd_mkdir(CommandContext&);
int cmd_cp(CommandContext&);
int cmd_mount(CommandContext&);
int cmd_umount(CommandContext&);
int cmd_ioctl(CommandContext&);
int cmd_poll(CommandContext&);
int cmd_sleep(CommandContext&);
int cmd_jobs(CommandContext&);
int cmd_wait(CommandContext&);
int cmd_fg(CommandContext&);
int cmd_kill(CommandContext&);
int cmd_echo(CommandContext&);
int cmd_ls(CommandContext&);
int cmd_help(CommandContext&);
int cmd_basics_true(CommandContext&);
int cmd_basics_false(CommandContext&);
int cmd_whoami(CommandContext&);
int cmd_id(CommandContext&);
int cmd_uname(CommandContext&);
int cmd_cd(CommandContext&);
int cmd_pwd(CommandContext&);
int cmd_exit(CommandContext&);
int cmd_ps(CommandContext&);
int cmd_nproc(CommandContext&);
int cmd_reboot(CommandContext&); // also halt and poweroff

// kmod's wording for an errno from finit_module (insmod's mod_strerror).
std::string insmod_strerror(int error);
// Reads a whole host file; false with errno set when it cannot.
bool read_host_file(const std::string& path, std::string& contents);

// A file name as coreutils shows it in messages (quotef): '' when empty, quoted
// when a shell would need it, control bytes as $'\ooo'.
std::string quote_name(const std::string& name);
// A file to read, or standard input for "-": what cat, head, wc... read.
ErrorOr<std::unique_ptr<InputSource>> open_input(CommandContext& c, const std::string& path);
// All of a file or standard input; nothing, after reporting the error as
// "prog: LABEL: strerror" and setting `status`, when it cannot be read.
std::optional<std::string> read_whole_input(CommandContext& c, const std::string& path, int& status,
    const std::string& open_label = "", const std::string& read_label = "");
// Prints "prog: what: strerror", or "Killed" / "Segmentation fault" when the
// process died in an Oops; returns the exit status for that (1, or 137 / 139).
int report_error(CommandContext& c, const std::string& what, int error);

} // namespace ksim::shell
