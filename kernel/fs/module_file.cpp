// Open files backed by a module's file_operations or proc_ops (see module_file.h).
#include "fs/module_file.h"

#include <cerrno>

#include "core/kernel.h"
#include "fs/dentry.h"
#include "uaccess/user_memory.h"

extern "C" bool try_module_get(struct module* module);
extern "C" void module_put(struct module* module);

namespace ksim {

namespace {

constexpr int erestartsys = 512, enoioctlcmd = 515;

// The kernel functions between a system call and a driver, for Oops traces.
#define KSIM_SYSCALL_TAIL "do_syscall_64+0x58/0xc0", "entry_SYSCALL_64_after_hwframe+0x64/0xce"

class ModuleOpenFile : public OpenFile {
public:
    ModuleOpenFile(Kernel& kernel, int flags, const ModuleFileSetup& setup)
        : OpenFile(flags)
        , m_kernel(kernel)
        , m_proc_ops(setup.proc_ops)
        , m_removed(setup.removed)
        , m_inode_owner(setup.inode_owner)
        , m_name(setup.name)
    {
        m_file.f_inode = setup.inode;
        m_file.f_op = setup.fops;
        m_file.f_flags = static_cast<unsigned>(flags);
        m_file.f_mode = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | (readable() ? FMODE_READ : 0U)
            | (writable() ? FMODE_WRITE : 0U);
        m_file.private_data = setup.private_data;
        m_file.f_count = 1;
        fill_dentry(m_dentry, m_name, setup.inode);
        m_file.f_path.dentry = &m_dentry;
        m_owner = setup.fops ? setup.fops->owner : nullptr;
    }

    ErrorOr<void> open_method()
    {
        ModuleFunction method(m_proc_ops ? m_proc_ops->proc_open : m_file.f_op->open);
        if (!method)
            return {};
        auto result = m_kernel.call_module(method,
            {"chrdev_open+0xc9/0x230", "do_dentry_open+0x1e6/0x410", "path_openat+0xb77/0x1050",
                "do_filp_open+0xb2/0x160", "do_sys_openat2+0x9f/0x160", "__x64_sys_openat+0x55/0x90",
                KSIM_SYSCALL_TAIL},
            m_file.f_inode, &m_file);
        if (result.is_error())
            return Errno {result.error()};
        if (result.value() < 0)
            return Errno {-result.value()};
        return {};
    }

    struct module* owner() const { return m_owner; }

    ErrorOr<std::string> read(size_t count) override
    {
        std::string data;
        auto result = call_with_user_buffer(m_proc_ops ? m_proc_ops->proc_read : m_file.f_op->read, count, {}, &data,
            {"vfs_read+0xa8/0x2a0", "ksys_read+0x67/0xf0", "__x64_sys_read+0x19/0x20", KSIM_SYSCALL_TAIL});
        if (result.is_error())
            return Errno {result.error()};
        return data;
    }

    ErrorOr<size_t> write(std::string_view data) override
    {
        auto result = call_with_user_buffer(m_proc_ops ? m_proc_ops->proc_write : m_file.f_op->write, data.size(), data,
            nullptr, {"vfs_write+0xb8/0x3a0", "ksys_write+0x67/0xf0", "__x64_sys_write+0x19/0x20", KSIM_SYSCALL_TAIL});
        if (result.is_error())
            return Errno {result.error()};
        return static_cast<size_t>(result.value());
    }

    ErrorOr<long long> llseek(long long offset, int whence) override
    {
        if (is_removed())
            return Errno {EIO};
        ModuleFunction method(m_proc_ops ? m_proc_ops->proc_lseek : m_file.f_op->llseek);
        if (!method || !(m_file.f_mode & FMODE_LSEEK))
            return Errno {ESPIPE};
        auto result = m_kernel.call_module(
            method, {"ksys_lseek+0x6a/0xb0", "__x64_sys_lseek+0x18/0x20", KSIM_SYSCALL_TAIL}, &m_file, offset, whence);
        if (result.is_error())
            return Errno {result.error()};
        if (result.value() < 0)
            return Errno {static_cast<int>(-result.value())};
        return static_cast<long long>(result.value());
    }

    ErrorOr<long> ioctl(unsigned command, unsigned long arg) override
    {
        if (is_removed())
            return Errno {EIO};
        ModuleFunction method(m_proc_ops ? m_proc_ops->proc_ioctl : m_file.f_op->unlocked_ioctl);
        if (!method)
            return Errno {ENOTTY};
        auto called
            = m_kernel.call_module(method, {"__x64_sys_ioctl+0x8d/0xd0", KSIM_SYSCALL_TAIL}, &m_file, command, arg);
        if (called.is_error())
            return Errno {called.error()};
        long result = called.value();
        if (result == -enoioctlcmd)
            return Errno {ENOTTY};
        if (result < 0)
            return Errno {result == -erestartsys ? EINTR : static_cast<int>(-result)};
        return result;
    }

    ErrorOr<unsigned> poll() override
    {
        if (is_removed())
            return Errno {EIO};
        ModuleFunction method(m_proc_ops ? m_proc_ops->proc_poll : m_file.f_op->poll);
        if (!method)
            return default_poll_mask;
        // No poll_table: nothing in ksim waits, so poll_wait() has nothing to queue on.
        auto mask = m_kernel.call_module(
            method, {"do_sys_poll+0x1ae/0x590", "__x64_sys_poll+0xb0/0x140", KSIM_SYSCALL_TAIL}, &m_file, nullptr);
        if (mask.is_error())
            return Errno {mask.error()};
        return static_cast<unsigned>(mask.value());
    }

    void release() override
    {
        ModuleFunction method(m_proc_ops ? m_proc_ops->proc_release : m_file.f_op->release);
        // close(2) has returned when __fput runs: its result reaches nobody.
        if (method && !is_removed())
            (void)m_kernel.call_module(method,
                {"__fput+0x95/0x260", "task_work_run+0x5c/0x90", "exit_to_user_mode_prepare+0x1a3/0x1b0",
                    "syscall_exit_to_user_mode+0x27/0x50", KSIM_SYSCALL_TAIL},
                m_file.f_inode, &m_file);
        if (m_owner)
            module_put(m_owner);
        m_owner = nullptr;
    }

private:
    bool is_removed() const { return m_removed && *m_removed; }

    // read(2) and write(2): the data passes through a buffer of `count`
    // bytes in the caller's user memory, filled from `input` for a write
    // and copied to `output` after a read.
    template <typename Method>
    ErrorOr<long> call_with_user_buffer(Method method, size_t count, std::string_view input, std::string* output,
        std::initializer_list<const char*> frames)
    {
        if (is_removed())
            return Errno {EIO};
        if (!method)
            return Errno {EINVAL};
        const auto& mm = m_kernel.task().mm;
        if (!mm)
            return Errno {EFAULT};
        size_t mark = mm->mark();
        uintptr_t buffer = output ? mm->allocate(count) : mm->store(input);
        long long position = m_file.f_pos;
        auto called = m_kernel.call_module(
            ModuleFunction(method), frames, &m_file, reinterpret_cast<char*>(buffer), count, &position);
        long result = called.is_error() ? 0 : std::min(static_cast<long>(called.value()), static_cast<long>(count));
        if (result > 0 && output)
            *output = mm->load(buffer, static_cast<size_t>(result));
        mm->release(mark);
        if (called.is_error())
            return Errno {called.error()};
        if (result < 0)
            return Errno {result == -erestartsys ? EINTR : static_cast<int>(-result)};
        m_file.f_pos = position;
        return result;
    }

    Kernel& m_kernel;
    struct file m_file { };
    const struct proc_ops* m_proc_ops;
    std::shared_ptr<const bool> m_removed;
    std::shared_ptr<const void> m_inode_owner;
    std::string m_name; // before m_dentry, which points into it
    struct dentry m_dentry { };
    struct module* m_owner = nullptr;
};

} // namespace

ErrorOr<std::unique_ptr<OpenFile>> open_module_file(Kernel& kernel, int flags, ModuleFileSetup setup)
{
    if (setup.removed && *setup.removed)
        return Errno {ENOENT};
    auto file = std::make_unique<ModuleOpenFile>(kernel, flags, setup);
    // fops_get(): a module whose files are open cannot be removed.
    if (file->owner() && !try_module_get(file->owner()))
        return Errno {ENXIO};
    if (auto opened = file->open_method(); opened.is_error()) {
        if (file->owner())
            module_put(file->owner());
        return Errno {opened.error()};
    }
    return std::unique_ptr<OpenFile>(std::move(file));
}

} // namespace ksim
