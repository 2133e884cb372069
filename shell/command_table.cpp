// The table of shell commands, as `help` lists them.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "shell/command.h"

namespace ksim::shell {

const std::vector<Command>& command_table()
{
    static const std::vector<Command> table = {
        {"insmod", cmd_insmod, "insmod [-f] FILE.ko [param=value ...]", "insert a module into the kernel"},
        {"rmmod", cmd_rmmod, "rmmod [-f] NAME ...", "remove modules from the kernel"},
        {"lsmod", cmd_lsmod, "lsmod", "show the loaded modules (from /proc/modules)"},
        {"modinfo", cmd_modinfo, "modinfo [-F FIELD] [-0] [-a|-d|-l|-p|-n] FILE.ko ...",
            "show a module file's information"},
        {"modprobe", cmd_modprobe,
            "modprobe [-r] [-a] [-v] [-n] [-q] [--show-depends] [--first-time] [-f] NAME [param=value ...]",
            "load (or, with -r, remove) a module and its dependencies by name"},
        {"depmod", cmd_depmod, "depmod [-a] [-A] [-e] [-n] [-b DIR] [VERSION]",
            "write modules.dep and the other indexes of /lib/modules/<release>"},
        {"dmesg", cmd_dmesg, "dmesg [-c|-C] [-r] [-t] [-x] [-k|-u] [-l LEVELS] [-n LEVEL]",
            "print or control the kernel log"},
        {"cat", cmd_cat, "cat [FILE ...]", "print files (host files, /proc, /sys, /dev) or standard input"},
        {"echo", cmd_echo, "echo [-n] [-e] TEXT ...", "print text; with > FILE, write it to a file"},
        {"head", cmd_head, "head [-n LINES|-c BYTES] [FILE ...]", "print the first lines or bytes"},
        {"tail", cmd_tail, "tail [-n LINES|-c BYTES] [FILE ...]", "print the last lines or bytes"},
        {"cut", cmd_cut, "cut -d DELIM -f LIST | -c LIST [FILE ...]", "print selected fields or characters of lines"},
        {"wc", cmd_wc, "wc [-l] [-w] [-c] [FILE ...]", "count lines, words and bytes"},
        {"grep", cmd_grep, "grep [-i] [-v] [-c] [-n] [-o] [-q] [-w] [-E|-F] PATTERN [FILE ...]",
            "print the lines that match a pattern"},
        {"tee", cmd_tee, "tee [-a] FILE ...", "copy standard input to standard output and to files"},
        {"dd", cmd_dd, "dd [if=FILE] [of=FILE] [bs=N] [count=N] [skip=N] [seek=N] [status=none]",
            "copy blocks between files and devices"},
        {"ls", cmd_ls, "ls [-l] [PATH ...]", "list a directory (host, /proc, /sys, /dev)"},
        {"stat", cmd_stat, "stat PATH ...", "show a file's type, mode, owner and device numbers"},
        {"mknod", cmd_mknod, "mknod [-m MODE] /dev/NAME c MAJOR MINOR", "make a char device node (root)"},
        {"rm", cmd_rm, "rm [-f] PATH ...", "remove files, or device nodes under /dev (root)"},
        {"mkdir", cmd_mkdir, "mkdir [-p] DIR ...", "make directories (host folders; /proc and /sys refuse)"},
        {"cp", cmd_cp, "cp SOURCE DEST | cp SOURCE ... DIR", "copy files (host files, /proc, /sys, /dev)"},
        {"mount", cmd_mount, "mount [-l] [-t TYPE] | mount -t TYPE [-o OPTIONS] SOURCE DIR",
            "list what is mounted, or mount a file system (root; debugfs on /sys/kernel/debug)"},
        {"umount", cmd_umount, "umount DIR ...", "unmount a file system (root)"},
        {"ioctl", cmd_ioctl, "ioctl PATH COMMAND [ARG]",
            "call a device's ioctl; for _IOW/_IOR commands ARG goes through user memory"},
        {"poll", cmd_poll, "poll PATH ...", "show what a file is ready for (a driver's poll method)"},
        {"sleep", cmd_sleep, "sleep SECONDS", "let time pass"},
        {"ps", cmd_ps, "ps [-e|-A] [-f] [aux] [-o FORMAT] [-p PID]", "report a snapshot of the processes (from /proc)"},
        {"reboot", cmd_reboot, "reboot [-f]", "restart the machine: a fresh kernel, in the same terminal (root)"},
        {"poweroff", cmd_reboot, "poweroff [-f]", "stop the machine and end ksim (root)"},
        {"halt", cmd_reboot, "halt [-f]", "stop the machine and end ksim (root)"},
        {"nproc", cmd_nproc, "nproc [--all] [--ignore=N]", "print the number of processing units available"},
        {"sh", cmd_sh, "sh -c COMMAND | sh FILE", "run a command line in a child shell (sudo sh -c ...)"},
        {"exec", nullptr, "exec N<FILE | N>FILE | N<>FILE | N>&-", "open (or close) a descriptor the shell keeps"},
        {"jobs", cmd_jobs, "jobs", "list the background jobs (started with `command &`)"},
        {"wait", cmd_wait, "wait [%JOB|PID ...]", "wait for background jobs to end"},
        {"fg", cmd_fg, "fg [%JOB]", "bring a background job to the foreground and wait for it"},
        {"kill", cmd_kill, "kill [-s SIGNAL | -SIGNAL] PID|%JOB ...", "send a signal to processes or jobs"},
        {"sudo", nullptr, "sudo COMMAND ...", "run a command as root"},
        {"help", cmd_help, "help [COMMAND]", "list the commands, or show one command's usage"},
        {"whoami", cmd_whoami, "whoami", "print the current user"},
        {"id", cmd_id, "id", "print the current user and group ids"},
        {"uname", cmd_uname, "uname [-r|-a]", "print the kernel's name and release"},
        {"cd", cmd_cd, "cd [DIR]", "change the working directory"},
        {"pwd", cmd_pwd, "pwd", "print the working directory"},
        {":", cmd_basics_true, ":", "do nothing and succeed (`: > FILE` empties FILE)"},
        {"true", cmd_basics_true, "true", "succeed"},
        {"false", cmd_basics_false, "false", "fail"},
        {"exit", cmd_exit, "exit [STATUS]", "leave the shell"},
    };
    return table;
}

const Command* find_command(const std::string& name)
{
    for (const Command& c : command_table())
        if (name == c.name)
            return &c;
    return nullptr;
}

std::string insmod_strerror(int error)
{
    switch (error) {
    case ENOEXEC:
        return "Invalid module format";
    case ENOENT:
        return "Unknown symbol in module";
    case ESRCH:
        return "Module has wrong symbol version";
    case EINVAL:
        return "Invalid parameters";
    default:
        return std::strerror(error);
    }
}

bool read_host_file(const std::string& path, std::string& contents)
{
    struct stat st;
    if (::stat(path.c_str(), &st) != 0)
        return false;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        errno = EACCES;
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    contents = buffer.str();
    return true;
}

} // namespace ksim::shell
