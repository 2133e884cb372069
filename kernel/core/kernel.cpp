// The kernel object (see kernel.h).
#include "core/kernel.h"
#include "core/uts.h"

#include <cxxabi.h>
#include <dlfcn.h>
#include <link.h>
#include <ucontext.h>

#include <csignal>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "drivers/char_dev.h"
#include "drivers/device_model.h"
#include "drivers/misc_device.h"
#include "fs/debugfs.h"
#include "fs/devtmpfs.h"
#include "fs/proc_entries.h"
#include "fs/sysfs_kobjects.h"
#include "fs/vfs.h"
#include "sched/hung_task.h"
#include "sched/kthread.h"
#include "sched/scheduler.h"
#include "sched/watchdog.h"
#include "time/deferred_work.h"
#include "uaccess/user_memory.h"
#include "loader/module_loader.h"
#include "locking/lockdep.h"
#include "loader/module_unloader.h"
#include "symbols/kernel_exports.h"

namespace ksim {

namespace {
Kernel* g_current_kernel = nullptr; // the one kernel instance

// Where the executable holding the kernel is mapped.
void* dladdr_base_of_kernel()
{
    static void* base = [] {
        Dl_info info {};
        dladdr(reinterpret_cast<void*>(&dladdr_base_of_kernel), &info);
        return info.dli_fbase;
    }();
    return base;
}
} // namespace

Kernel::Kernel(int cpus)
{
    if (g_current_kernel)
        throw std::logic_error("one ksim kernel per process");
    g_current_kernel = this;
    auto missing = register_kernel_exports(m_symbols);
    if (!missing.empty())
        throw std::logic_error("kernel export not found in the executable: " + missing.front());
    m_scheduler = std::make_unique<Scheduler>(cpus);
    m_lockdep = std::make_unique<Lockdep>(*this);
    m_kthreads = std::make_unique<Kthreads>(*this);
    // The booting thread becomes init (pid 1), until the shell names its own task.
    m_boot_task = m_scheduler->create_task(Task {}, 0, &m_scheduler->init_task());
    Scheduler::set_current(m_boot_task.get());
    m_vfs = make_kernel_vfs(*this);
    boot_devices();
    m_hung_task = std::make_unique<HungTaskDetector>(*this);
    m_watchdog = std::make_unique<SoftLockupWatchdog>(*this);
    m_scheduler->start_user_pids_at(100);
    m_log.log(5, uts::banner());
    m_log.log(6, "Command line: console=tty0 quiet");
}

void Kernel::boot_devices()
{
    Directory& root = m_vfs->root();
    m_chrdevs = std::make_unique<CharDeviceRegistry>();
    m_misc_devices = std::make_unique<MiscDevices>();
    m_device_model = std::make_unique<DeviceModel>();
    m_proc_entries = std::make_unique<ProcEntries>(*this, root.subdirectory("proc"));
    m_sysfs_objects = std::make_unique<SysfsObjects>(*this, root.subdirectory("sys"));
    publish_builtin_kobjects(*m_sysfs_objects);
    m_deferred_work = std::make_unique<DeferredWork>(*this);
    m_debugfs
        = std::make_unique<Debugfs>(*this, root.subdirectory("sys").subdirectory("kernel").subdirectory("debug", 0700));

    (void)m_chrdevs->register_region(1, 0, 256, "mem", kernel_owner, m_log);
    (void)m_chrdevs->register_region(misc_major, 0, 256, "misc", kernel_owner, m_log);
    auto mem = m_device_model->create_class(*this, "mem", nullptr, kernel_owner);
    for (auto [name, minor, mode] :
        {std::tuple {"null", 3U, 0666U}, {"zero", 5U, 0666U}, {"full", 7U, 0666U}, {"kmsg", 11U, 0644U}})
        (void)m_device_model->create_device(
            *this, mem.value(), nullptr, make_dev(1, minor), nullptr, name, kernel_owner, mode);
    m_misc_class = m_device_model->create_class(*this, "misc", nullptr, kernel_owner).value();

    // The parameter of the built-in "module" code: like bool_enable_only, it can only be turned on.
    root.subdirectory("sys")
        .subdirectory("module")
        .subdirectory("module")
        .subdirectory("parameters")
        .add("sig_enforce",
            std::make_shared<TextFile>(
                0644,
                [this](const Task&) -> ErrorOr<std::string> { return std::string(m_sig_enforce ? "Y\n" : "N\n"); },
                [this](const Task&, std::string_view text) -> ErrorOr<void> {
                    bool on = text.starts_with('1') || text.starts_with('Y') || text.starts_with('y');
                    bool off = text.starts_with('0') || text.starts_with('N') || text.starts_with('n');
                    if (!on && !off)
                        return Errno {EINVAL};
                    if (off && m_sig_enforce)
                        return Errno {EROFS};
                    m_sig_enforce = m_sig_enforce || on;
                    return {};
                },
                4096));
}

void Kernel::report_leftovers(const std::string& module_name, OwnerId owner)
{
    std::vector<std::string> left;
    for (auto part : {m_chrdevs->abandon(owner), m_misc_devices->abandon(owner), m_device_model->abandon(owner),
             m_proc_entries->abandon(owner), m_sysfs_objects->abandon(owner), m_debugfs->abandon(owner),
             m_deferred_work->abandon(owner), m_kthreads->abandon(owner)})
        left.insert(left.end(), part.begin(), part.end());
    for (const std::string& what : left)
        m_log.log(4, module_name + ": " + what + " still registered after unload; the next use oopses");
}

Kernel::~Kernel()
{
    // No module code may run once modules go: their threads stop first.
    m_kthreads->stop_module_threads_for_shutdown();
    // Unload in reverse load order while every kernel service still works:
    // exit functions may printk or kfree.
    while (!m_modules.all().empty()) {
        Module& newest = *m_modules.all().front();
        release_module(*this, newest.id);
    }
    // The kernel's own threads stop while every service they use still works.
    m_watchdog.reset();
    m_hung_task.reset();
    m_deferred_work.reset();
    m_kthreads.reset();
    Scheduler::set_current(nullptr);
    g_current_kernel = nullptr;
}

Kernel& Kernel::current()
{
    return *g_current_kernel;
}

ErrorOr<void> Kernel::init_module(
    std::span<const std::byte> image, const std::string& path, const std::string& args, unsigned flags)
{
    return load_module(*this, image, path, args, flags);
}

ErrorOr<void> Kernel::delete_module(std::string_view name, unsigned flags)
{
    return unload_module(*this, name, flags);
}

const Task& Kernel::task() const
{
    KernelTask* task = Scheduler::current();
    return task ? task->identity() : m_boot_task->identity();
}

void Kernel::set_task(Task task)
{
    KernelTask* current = Scheduler::current();
    if (!current) {
        // A thread the kernel has not seen (a test's) becomes a task of its own.
        auto created = m_scheduler->create_task(std::move(task), 0, m_boot_task.get());
        Scheduler::set_current(created.get());
        std::lock_guard lock(m_report_lock);
        m_adopted_tasks.push_back(std::move(created));
        return;
    }
    current->set_identity(std::move(task));
}

bool Kernel::in_kernel_image(uintptr_t address) const
{
    Dl_info info;
    return dladdr(reinterpret_cast<void*>(address), &info) && info.dli_fbase == dladdr_base_of_kernel();
}

void Kernel::record_death(int death)
{
    KernelTask& task = *Scheduler::current();
    task.dead_pid = task.identity().pid;
    task.death = death;
}

ErrorOr<void> Kernel::run_module_code(
    const void* function, const std::function<void()>& code, std::initializer_list<const char*> syscall_frames)
{
    auto address = reinterpret_cast<uintptr_t>(function);
    if (!in_kernel_image(address) && !m_modules.module_at(address)) {
        oops_on_freed_memory(address, true, syscall_frames);
        return Errno {task_killed};
    }
    ModuleCodeScope in_module(*Scheduler::current(), syscall_frames);
    auto fault = run_guarded(code);
    if (!fault)
        return {};
    report_oops(*fault, syscall_frames);
    int death = fault->is_die_class() ? task_segfaulted : task_killed;
    record_death(death);
    return Errno {death};
}

int Kernel::take_death_of(int pid)
{
    KernelTask* task = Scheduler::current();
    if (!task || pid != task->dead_pid)
        return 0;
    task->dead_pid = -1;
    return std::exchange(task->death, 0);
}

void Kernel::oops_on_freed_memory(
    uintptr_t address, bool instruction_fetch, std::initializer_list<const char*> syscall_frames)
{
    Fault fault;
    fault.signal = SIGSEGV;
    fault.trap = 14;
    fault.address = address;
    fault.error_code = instruction_fetch ? 0x10 : 0; // a page that is not present
    fault.registers[REG_RIP] = instruction_fetch ? address : 0;
    // A data read faults in the kernel function that followed the pointer.
    report_oops(fault, syscall_frames, instruction_fetch ? "" : *syscall_frames.begin());
    record_death(task_killed);
}

void Kernel::warn(const std::string& message, const std::string& location)
{
    std::lock_guard lock(m_report_lock);
    m_log.log(4, "------------[ cut here ]------------");
    m_log.log(4, message);
    m_log.log(4,
        "WARNING: CPU: " + std::to_string(Scheduler::current() ? Scheduler::current()->abi().cpu : 0)
            + " PID: " + std::to_string(task().pid) + " at " + location);
    m_log.log(4, modules_linked_in());
    m_log.log(4, "---[ end trace 0000000000000000 ]---");
    m_taint.add(TaintFlag::Warn, true, m_log);
}

namespace {
// A C++ function by its own name: "_ZN6SensorC2Ev+0x1f/0x40 [m]" becomes "Sensor::Sensor()+0x1f/0x40 [m]".
std::string demangled(std::string symbol)
{
    if (!symbol.starts_with("_Z"))
        return symbol;
    size_t end = symbol.find_first_of("+ ");
    int status = 0;
    std::unique_ptr<char, decltype(&std::free)> name(
        abi::__cxa_demangle(symbol.substr(0, end).c_str(), nullptr, nullptr, &status), &std::free);
    if (status != 0 || !name)
        return symbol;
    return name.get() + (end == std::string::npos ? "" : symbol.substr(end));
}
} // namespace

std::string Kernel::symbolize(uintptr_t address, bool with_offset)
{
    if (Module* m = m_modules.module_at(address))
        return demangled(m->symbolize(address, with_offset));
    Dl_info info;
    void* entry = nullptr; // the ElfW(Sym) dladdr1() found
    if (dladdr1(reinterpret_cast<void*>(address), &info, &entry, RTLD_DL_SYMENT) && info.dli_sname && entry) {
        const auto* symbol = static_cast<const ElfW(Sym)*>(entry);
        if (!with_offset)
            return info.dli_sname;
        // "+offset/size", the size being the function's own from the symbol table.
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "+0x%lx/0x%lx",
            static_cast<unsigned long>(address - reinterpret_cast<uintptr_t>(info.dli_saddr)),
            static_cast<unsigned long>(symbol->st_size));
        return info.dli_sname + std::string(buffer);
    }
    return "";
}

std::string Kernel::modules_linked_in() const
{
    std::string out = "Modules linked in:";
    for (const auto& m : m_modules.all()) {
        std::string flags = module_taint_letters(m->taints);
        if (m->state == ModuleState::Coming)
            flags += '+';
        else if (m->state == ModuleState::Going)
            flags += '-';
        out += " " + m->name + (flags.empty() ? "" : "(" + flags + ")");
    }
    return out;
}

} // namespace ksim
