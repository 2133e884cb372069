// The system-call door: how ksim's user space (the shell and its commands) enters the kernel.
//
// Each call is the Linux system call of the same name. It runs for the
// calling task (`current`), makes Linux's checks on the kernel's side, and
// returns what Linux returns: a value, or -errno. A call that ends with the
// task dead (an Oops in module code, or a fatal signal that arrived while
// it slept) returns -died_of_signal(signal) (see core/task.h).
//
// Descriptors are one number space with the host's: paths under /proc,
// /sys and /dev open kernel files, all other paths open host files, and
// calls on a host descriptor go to the host.
#pragma once

#include <cstddef>
#include <string_view>

struct stat;
struct pollfd;
struct timespec;
struct utsname;

namespace ksim::sys {

// The kernel's own file systems are mounted on /proc, /sys and /dev; every
// other (absolute, normalised) path is the host's.
inline bool is_kernel_path(std::string_view path)
{
    for (std::string_view mount : {"/proc", "/sys", "/dev"})
        if (path == mount || (path.starts_with(mount) && path[mount.size()] == '/'))
            return true;
    return false;
}

long open(const char* path, int flags, unsigned mode = 0);
long close(int fd);
long read(int fd, void* buffer, std::size_t count);
long write(int fd, const void* buffer, std::size_t count);
long lseek(int fd, long long offset, int whence);
long ioctl(int fd, unsigned command, unsigned long argument);
long poll(struct pollfd* fds, unsigned long count, int timeout_ms);
long dup(int fd);
long stat(const char* path, struct stat* out);
long lstat(const char* path, struct stat* out);
long getdents64(int fd, void* buffer, std::size_t count);
long mknod(const char* path, unsigned mode, unsigned long dev);
long unlink(const char* path);
long mkdir(const char* path, unsigned mode);
long mount(const char* source, const char* target, const char* type, unsigned long flags, const void* data);
long umount2(const char* target, int flags);

long finit_module(int fd, const char* params, int flags);
long delete_module(const char* name, unsigned flags);

// syslog(2)'s actions, numbered as Linux's include/linux/syslog.h (the C
// library has no names for them; util-linux's dmesg defines its own).
enum SyslogAction : int {
    SYSLOG_ACTION_CLOSE,
    SYSLOG_ACTION_OPEN,
    SYSLOG_ACTION_READ,
    SYSLOG_ACTION_READ_ALL,
    SYSLOG_ACTION_READ_CLEAR,
    SYSLOG_ACTION_CLEAR,
    SYSLOG_ACTION_CONSOLE_OFF,
    SYSLOG_ACTION_CONSOLE_ON,
    SYSLOG_ACTION_CONSOLE_LEVEL,
    SYSLOG_ACTION_SIZE_UNREAD,
    SYSLOG_ACTION_SIZE_BUFFER,
};
// dmesg's way to read and clear the log and to set the console level.
long syslog(int action, char* buffer, int length);

// Processes. ksim's programs are functions of the shell, so a child runs on
// its parent's thread: vfork() makes the child and the calling thread runs
// as it at once (the parent sleeping, S) until exit_group() hands the thread
// back; it returns the child's pid, where Linux's returns twice. execve()
// gives the process the program's name and a fresh address space, and root's
// credentials for a set-user-ID-root program (sudo). wait4() then takes the
// child's status (WIFEXITED/WIFSIGNALED); -ECHILD if there is none.
long vfork();
long execve(const char* program, bool set_user_id_root);
long exit_group(int status);
long wait4(int pid, int* wstatus, int options);

// LINUX_REBOOT_MAGIC1, a MAGIC2 and a LINUX_REBOOT_CMD_* of <linux/reboot.h>.
// Restart, halt and power-off do not return while ksim runs as a program:
// the machine restarts (a fresh kernel) or stops.
long reboot(int magic1, int magic2, unsigned command, void* argument);

long uname(struct utsname* name);
long nanosleep(const struct timespec* request, struct timespec* remaining);
long getpid();
long getppid();
long kill(int pid, int signal);

} // namespace ksim::sys
