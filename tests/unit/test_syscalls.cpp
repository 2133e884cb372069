// The system-call door: descriptors, Linux's errors and checks on the kernel's side.
#include <doctest/doctest.h>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "sched/scheduler.h"
#include "syscalls/syscalls.h"
#include "uaccess/user_memory.h"

using namespace ksim;

namespace {

void become(Kernel& kernel, unsigned uid)
{
    kernel.set_task(Task {uid ? 200 : 201, uid ? "learner" : "root", uid, UserMemory::create()});
}

std::string read_all(int fd)
{
    std::string text;
    char buffer[100];
    for (long got; (got = sys::read(fd, buffer, sizeof buffer)) > 0;)
        text.append(buffer, static_cast<size_t>(got));
    return text;
}

std::vector<std::pair<std::string, unsigned char>> entries(int fd, size_t buffer_size)
{
    std::vector<std::pair<std::string, unsigned char>> all;
    std::vector<char> buffer(buffer_size);
    for (long got; (got = sys::getdents64(fd, buffer.data(), buffer.size())) > 0;) {
        for (long at = 0; at < got;) {
            unsigned short length;
            std::memcpy(&length, buffer.data() + at + 16, sizeof length);
            all.emplace_back(buffer.data() + at + 19, static_cast<unsigned char>(buffer[static_cast<size_t>(at) + 18]));
            at += length;
        }
    }
    return all;
}

} // namespace

TEST_CASE("kernel descriptors share the host's numbers: the lowest free one, never a host file's")
{
    Kernel kernel;
    become(kernel, 1000);
    long kernel_fd = sys::open("/proc/version", O_RDONLY);
    REQUIRE(kernel_fd >= 3);
    int host_fd = ::open("/dev/null", O_RDONLY);
    CHECK(host_fd != kernel_fd);
    CHECK(read_all(static_cast<int>(kernel_fd)).starts_with("Linux version 6.1"));
    // A host descriptor goes to the host.
    char byte;
    CHECK(sys::read(host_fd, &byte, 1) == 0);
    CHECK(sys::close(static_cast<int>(kernel_fd)) == 0);
    CHECK(sys::close(static_cast<int>(kernel_fd)) == -EBADF);
    CHECK(sys::read(static_cast<int>(kernel_fd), &byte, 1) == -EBADF);
    // The freed number is the lowest again, as on Linux.
    long again = sys::open("/proc/version", O_RDONLY);
    CHECK(again == kernel_fd);
    sys::close(static_cast<int>(again));
    ::close(host_fd);
}

TEST_CASE("open, read, write and dup keep Linux's errors")
{
    Kernel kernel;
    become(kernel, 1000);
    CHECK(sys::open("/proc/no-such-file", O_RDONLY) == -ENOENT);
    CHECK(sys::open("/proc", O_WRONLY) == -EISDIR);
    CHECK(sys::open("/proc/version", O_RDONLY | O_DIRECTORY) == -ENOTDIR);
    CHECK(sys::open("/proc/sys/kernel/printk", O_WRONLY) == -EACCES); // root's, mode 0644
    long fd = sys::open("/proc/version", O_RDONLY);
    REQUIRE(fd >= 0);
    CHECK(sys::write(static_cast<int>(fd), "x", 1) == -EBADF); // not open for writing
    long copy = sys::dup(static_cast<int>(fd));
    REQUIRE(copy >= 0);
    CHECK(copy != fd);
    // The copy shares the file position: what one reads, the other does not.
    std::string all = read_all(static_cast<int>(fd));
    char byte;
    CHECK(sys::read(static_cast<int>(copy), &byte, 1) == 0);
    CHECK(sys::lseek(static_cast<int>(copy), 0, SEEK_SET) == 0);
    CHECK(read_all(static_cast<int>(fd)) == all);
    sys::close(static_cast<int>(fd));
    sys::close(static_cast<int>(copy));
}

TEST_CASE("getdents64 lists a kernel folder with . and .. and d_type, across small buffers")
{
    Kernel kernel;
    become(kernel, 1000);
    long fd = sys::open("/proc/sys/kernel", O_RDONLY | O_DIRECTORY);
    REQUIRE(fd >= 0);
    auto listed = entries(static_cast<int>(fd), 64); // two or three records a call
    REQUIRE(listed.size() > 3);
    CHECK(listed[0] == std::pair<std::string, unsigned char> {".", DT_DIR});
    CHECK(listed[1] == std::pair<std::string, unsigned char> {"..", DT_DIR});
    bool found = false;
    for (const auto& [name, type] : listed)
        if (name == "printk")
            found = type == DT_REG;
    CHECK(found);
    char tiny[16];
    CHECK(sys::lseek(static_cast<int>(fd), 0, SEEK_SET) == 0);
    CHECK(sys::getdents64(static_cast<int>(fd), tiny, sizeof tiny) == -EINVAL); // no room for one record
    sys::close(static_cast<int>(fd));
    long file = sys::open("/proc/version", O_RDONLY);
    CHECK(sys::getdents64(static_cast<int>(file), tiny, sizeof tiny) == -ENOTDIR);
    sys::close(static_cast<int>(file));
}

TEST_CASE("mkdir: EEXIST first, then write permission; procfs and sysfs have no mkdir, devtmpfs has")
{
    Kernel kernel;
    become(kernel, 1000);
    CHECK(sys::mkdir("/proc/modules", 0755) == -EEXIST);
    CHECK(sys::mkdir("/sys/module/mine", 0755) == -EACCES);
    CHECK(sys::mkdir("/dev/mine", 0755) == -EACCES);
    CHECK(sys::mkdir("/sys/nofolder/mine", 0755) == -ENOENT);
    become(kernel, 0);
    CHECK(sys::mkdir("/sys/module/mine", 0755) == -EPERM);
    CHECK(sys::mkdir("/proc/mine", 0755) == -EPERM);
    CHECK(sys::mkdir("/proc/version/mine", 0755) == -ENOTDIR);
    REQUIRE(sys::mkdir("/dev/mine", 0750) == 0);
    struct stat st;
    REQUIRE(sys::stat("/dev/mine", &st) == 0);
    CHECK(S_ISDIR(st.st_mode));
    CHECK((st.st_mode & 07777) == 0750);
    CHECK(st.st_nlink == 2);
}

TEST_CASE("mount and umount2: CAP_SYS_ADMIN after the lookup; debugfs leaves and comes back")
{
    Kernel kernel;
    auto mounts = [] {
        long fd = sys::open("/proc/mounts", O_RDONLY);
        std::string text = read_all(static_cast<int>(fd));
        sys::close(static_cast<int>(fd));
        return text;
    };
    CHECK(
        mounts().find("debugfs /sys/kernel/debug debugfs rw,nosuid,nodev,noexec,relatime 0 0\n") != std::string::npos);
    become(kernel, 1000);
    CHECK(sys::umount2("/nosuch", 0) == -ENOENT);
    CHECK(sys::umount2("/sys/kernel/debug", 0) == -EPERM);
    CHECK(sys::mount("none", "/sys/kernel/debug", "debugfs", 0, nullptr) == -EPERM);
    become(kernel, 0);
    CHECK(sys::mount("none", "/sys/kernel/debug", "debugfs", 0, nullptr) == -EBUSY);
    CHECK(sys::mount("none", "/sys/kernel/debug", "nosuchfs", 0, nullptr) == -ENODEV);
    CHECK(sys::mount("none", "/sys/kernel/debug", nullptr, 0, nullptr) == -EINVAL);
    CHECK(sys::umount2("/proc", 0) == -EBUSY);
    CHECK(sys::umount2("/sys/kernel", 0) == -EINVAL);
    REQUIRE(sys::umount2("/sys/kernel/debug", 0) == 0);
    CHECK(mounts().find("debugfs") == std::string::npos);
    CHECK(sys::umount2("/sys/kernel/debug", 0) == -EINVAL);
    // The empty mount point sysfs leaves is open to everyone.
    struct stat st;
    REQUIRE(sys::stat("/sys/kernel/debug", &st) == 0);
    CHECK((st.st_mode & 07777) == 0755);
    REQUIRE(sys::mount("none", "/sys/kernel/debug", "debugfs", MS_NOEXEC, nullptr) == 0);
    CHECK(mounts().find("none /sys/kernel/debug debugfs rw,noexec,relatime 0 0\n") != std::string::npos);
    REQUIRE(sys::stat("/sys/kernel/debug", &st) == 0);
    CHECK((st.st_mode & 07777) == 0700);
}

TEST_CASE("mknod and unlink: CAP_MKNOD first, then the path; device nodes only in /dev")
{
    Kernel kernel;
    become(kernel, 1000);
    CHECK(sys::mknod("/dev/mine", S_IFCHR | 0600, makedev(240, 0)) == -EPERM);
    become(kernel, 0);
    CHECK(sys::mknod("/dev/null/mine", S_IFCHR | 0600, makedev(240, 0)) == -ENOTDIR);
    CHECK(sys::mknod("/dev/nofolder/mine", S_IFCHR | 0600, makedev(240, 0)) == -ENOENT);
    CHECK(sys::mknod("/tmp/mine", S_IFCHR | 0600, makedev(240, 0)) == -EPERM);
    REQUIRE(sys::mknod("/dev/mine", S_IFCHR | 0640, makedev(240, 3)) == 0);
    struct stat st;
    REQUIRE(sys::stat("/dev/mine", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK((st.st_mode & 07777) == 0640);
    CHECK(major(st.st_rdev) == 240);
    CHECK(minor(st.st_rdev) == 3);
    // No driver behind it: open says ENXIO, as for any unclaimed device number.
    CHECK(sys::open("/dev/mine", O_RDONLY) == -ENXIO);
    become(kernel, 1000);
    CHECK(sys::unlink("/dev/mine") == -EACCES);
    CHECK(sys::unlink("/proc/version") == -EPERM);
    become(kernel, 0);
    CHECK(sys::unlink("/proc/sys") == -EISDIR);
    CHECK(sys::unlink("/dev/mine") == 0);
    CHECK(sys::stat("/dev/mine", &st) == -ENOENT);
}

TEST_CASE("finit_module reads the module through the descriptor it is given")
{
    Kernel kernel;
    std::string path = std::string(KSIM_TEST_MODULES_DIR) + "/hello.ko";
    int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    become(kernel, 1000);
    CHECK(sys::finit_module(fd, "", 0) == -EPERM); // may_init_module() comes first
    become(kernel, 0);
    CHECK(sys::finit_module(fd, "", 0x80) == -EINVAL); // an unknown flag
    CHECK(sys::finit_module(-1, "", 0) == -EBADF);
    long folder = sys::open("/proc", O_RDONLY);
    CHECK(sys::finit_module(static_cast<int>(folder), "", 0) == -EINVAL); // not a regular file
    sys::close(static_cast<int>(folder));
    CHECK(sys::finit_module(fd, "", 0) == 0);
    CHECK(kernel.modules().find("hello") != nullptr);
    CHECK(sys::finit_module(fd, "", 0) == -EEXIST);
    ::close(fd);
    CHECK(sys::delete_module("hello", 0) == 0);
    CHECK(sys::delete_module("hello", 0) == -ENOENT);
}

TEST_CASE("poll reports what a file is ready for, and a timeout that runs out returns 0")
{
    Kernel kernel;
    become(kernel, 1000);
    long fd = sys::open("/proc/version", O_RDONLY);
    REQUIRE(fd >= 0);
    struct pollfd entry = {static_cast<int>(fd), POLLIN, 0};
    CHECK(sys::poll(&entry, 1, 0) == 1);
    CHECK(entry.revents == POLLIN);
    struct pollfd none = {-1, POLLIN, 0};
    CHECK(sys::poll(&none, 1, 10) == 0); // a negative descriptor is skipped; nothing is ever ready
    sys::close(static_cast<int>(fd));
}

TEST_CASE("kill: ESRCH for no such process, EINVAL for no such signal")
{
    Kernel kernel;
    become(kernel, 1000);
    CHECK(sys::kill(99999, 15) == -ESRCH);
    CHECK(sys::kill(-99999, 15) == -ESRCH);
    CHECK(sys::kill(99999, 65) == -EINVAL);
    CHECK(sys::getpid() == 200);
}

TEST_CASE("syslog: dmesg's actions, Linux's format and errors, CAP_SYSLOG beyond reading")
{
    Kernel kernel;
    become(kernel, 0);
    char buffer[256] = {};
    // What boot logged: READ_ALL starts after a clear, READ after what it read.
    REQUIRE(sys::syslog(sys::SYSLOG_ACTION_CLEAR, nullptr, 0) == 0);
    while (sys::syslog(sys::SYSLOG_ACTION_SIZE_UNREAD, nullptr, 0) > 0)
        REQUIRE(sys::syslog(sys::SYSLOG_ACTION_READ, buffer, sizeof buffer) > 0);
    kernel.log().log(6, "first\nsecond line");
    kernel.log().log(3, "oops");
    CHECK(sys::syslog(sys::SYSLOG_ACTION_SIZE_BUFFER, nullptr, 0) == 131072);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ_ALL, nullptr, 10) == -EINVAL);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ_ALL, buffer, 0) == 0);
    long got = sys::syslog(sys::SYSLOG_ACTION_READ_ALL, buffer, sizeof buffer);
    REQUIRE(got > 0);
    // Every line of a record carries the prefix: "<6>[    0.000123] first".
    std::string text(buffer, static_cast<size_t>(got));
    std::vector<std::string> lines;
    for (size_t at = 0; at < text.size();) {
        size_t end = text.find('\n', at);
        REQUIRE(end != std::string::npos);
        lines.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].starts_with("<6>["));
    CHECK(lines[0].ends_with("] first"));
    CHECK(lines[1].ends_with("] second line"));
    CHECK(lines[1].substr(0, lines[1].find(']')) == lines[0].substr(0, lines[0].find(']')));
    CHECK(lines[2].starts_with("<3>["));
    // Too small a buffer gets the newest records that fit whole.
    size_t last = lines[2].size() + 1;
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ_ALL, buffer, static_cast<int>(last)) == static_cast<long>(last));
    CHECK(std::string(buffer, last) == lines[2] + "\n");
    // SYSLOG_ACTION_READ consumes what it returns; the rest stays unread.
    CHECK(sys::syslog(sys::SYSLOG_ACTION_SIZE_UNREAD, nullptr, 0) == got);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ, buffer, 5) == 5);
    CHECK(std::string(buffer, 5) == "<6>[ ");
    CHECK(sys::syslog(sys::SYSLOG_ACTION_SIZE_UNREAD, nullptr, 0) == got - 5);
    // READ_CLEAR returns the log and moves the mark READ_ALL starts from.
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ_CLEAR, buffer, sizeof buffer) == got);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ_ALL, buffer, sizeof buffer) == 0);
    // The console level: 1..8, raised to the minimum; OFF and ON restore it.
    CHECK(sys::syslog(sys::SYSLOG_ACTION_CONSOLE_LEVEL, nullptr, 0) == -EINVAL);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_CONSOLE_LEVEL, nullptr, 9) == -EINVAL);
    kernel.log().levels().minimum_console_loglevel = 2;
    CHECK(sys::syslog(sys::SYSLOG_ACTION_CONSOLE_LEVEL, nullptr, 1) == 0);
    CHECK(kernel.log().levels().console_loglevel == 2);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_CONSOLE_LEVEL, nullptr, 6) == 0);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_CONSOLE_OFF, nullptr, 0) == 0);
    CHECK(kernel.log().levels().console_loglevel == 2);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_CONSOLE_ON, nullptr, 0) == 0);
    CHECK(kernel.log().levels().console_loglevel == 6);
    CHECK(sys::syslog(11, nullptr, 0) == -EINVAL);
    // A user may read the whole log and ask its size, and nothing more;
    // with kernel.dmesg_restrict not even that, nor open /dev/kmsg to read.
    become(kernel, 1000);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ_ALL, buffer, sizeof buffer) == 0);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_CLEAR, nullptr, 0) == -EPERM);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ, buffer, sizeof buffer) == -EPERM);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_CONSOLE_LEVEL, nullptr, 0) == -EPERM);
    kernel.log().set_dmesg_restrict(true);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_READ_ALL, buffer, sizeof buffer) == -EPERM);
    CHECK(sys::syslog(sys::SYSLOG_ACTION_SIZE_BUFFER, nullptr, 0) == -EPERM);
    CHECK(sys::open("/dev/kmsg", O_RDONLY) == -EPERM);
    CHECK(sys::open("/dev/kmsg", O_WRONLY) == -EACCES); // crw-r--r-- root: the mode, not syslog, refuses
}

TEST_CASE("vfork, execve, exit_group and wait4: a child on its parent's thread, its status for the parent")
{
    Kernel kernel;
    become(kernel, 1000);
    int parent = static_cast<int>(sys::getpid());
    CHECK(sys::exit_group(0) == -EINVAL); // only a vfork child ends on its parent's thread
    CHECK(sys::wait4(-1, nullptr, 0) == -ECHILD);
    long child = sys::vfork();
    REQUIRE(child > 0);
    CHECK(child != parent);
    CHECK(sys::getpid() == child);
    CHECK(sys::getppid() == parent);
    // The parent sleeps in wait while its thread runs the child.
    CHECK(kernel.scheduler().find(parent)->read_state() == KSIM_TASK_INTERRUPTIBLE);
    CHECK(kernel.scheduler().running_on_thread_of(parent)->identity().pid == child);
    CHECK(kernel.task().comm == "learner"); // the parent's name until exec
    CHECK(sys::execve("/usr/bin/sudo", true) == 0);
    CHECK(kernel.task().comm == "sudo");
    CHECK(kernel.task().is_root());
    CHECK(sys::exit_group(3) == 0);
    CHECK(sys::getpid() == parent);
    CHECK(kernel.scheduler().find(parent)->read_state() == KSIM_TASK_RUNNING);
    CHECK(kernel.scheduler().find(static_cast<int>(child)) == nullptr);
    CHECK(sys::wait4(-1, nullptr, WNOHANG << 8) == -EINVAL);
    int status = 0;
    CHECK(sys::wait4(static_cast<int>(child), &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 3);
    CHECK(sys::wait4(static_cast<int>(child), &status, 0) == -ECHILD);

    // A child that a fatal signal reached ends by it, whatever it returns.
    child = sys::vfork();
    CHECK(sys::kill(static_cast<int>(child), SIGTERM) == 0);
    CHECK(sys::exit_group(0) == 0);
    CHECK(sys::wait4(-1, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
    // Children of children: the thread runs the innermost.
    child = sys::vfork();
    long grandchild = sys::vfork();
    CHECK(kernel.scheduler().running_on_thread_of(parent)->identity().pid == grandchild);
    CHECK(sys::getppid() == child);
    CHECK(sys::exit_group(0) == 0);
    CHECK(sys::wait4(static_cast<int>(grandchild), &status, 0) == grandchild);
    CHECK(sys::exit_group(0) == 0);
    CHECK(sys::getpid() == parent);
}

TEST_CASE("uname: init_uts_ns's names, as /proc/version has them")
{
    Kernel kernel;
    become(kernel, 1000);
    struct utsname name;
    REQUIRE(sys::uname(&name) == 0);
    CHECK(std::string(name.sysname) == "Linux");
    CHECK(std::string(name.release) == KSIM_UTS_RELEASE);
    CHECK(std::string(name.machine) == "x86_64");
    CHECK(sys::uname(nullptr) == -EFAULT);
    long fd = sys::open("/proc/version", O_RDONLY);
    REQUIRE(fd >= 0);
    std::string version = read_all(static_cast<int>(fd));
    sys::close(static_cast<int>(fd));
    CHECK(version.starts_with(std::string("Linux version ") + name.release + " "));
    CHECK(version.ends_with(std::string(name.version) + "\n"));
}
