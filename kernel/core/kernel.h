// The kernel: owns every subsystem and offers the system calls the shell makes.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include <ksim/fs_abi.h>

#include "core/error_or.h"
#include "core/module_function.h"
#include "core/oops_guard.h"
#include "core/task.h"
#include "core/taint.h"
#include "loader/module_registry.h"
#include "mm/slab.h"
#include "printk/kernel_log.h"
#include "symbols/symbol_table.h"

namespace ksim {

class VirtualFs;
class CharDeviceRegistry;
class MiscDevices;
class DeviceModel;
class ProcEntries;
class SysfsObjects;
class Debugfs;
class DeferredWork;
class Scheduler;
class Kthreads;
class KernelTask;
class Lockdep;
class HungTaskDetector;
class SoftLockupWatchdog;

// Flags of finit_module and delete_module.
constexpr unsigned module_init_ignore_modversions = 1;
constexpr unsigned module_init_ignore_vermagic = 2;
constexpr unsigned delete_module_force = 01000; // O_TRUNC, rmmod -f

class Kernel {
public:
    // Boots a kernel with `cpus` CPUs and makes it the one the module API reaches.
    explicit Kernel(int cpus = 2);
    ~Kernel();
    Kernel(const Kernel&) = delete;
    Kernel& operator=(const Kernel&) = delete;

    // The running kernel, for the C entry points modules call.
    static Kernel& current();

    KernelLog& log() { return m_log; }
    SlabAllocator& slab() { return m_slab; }
    SymbolTable& symbols() { return m_symbols; }
    ModuleRegistry& modules() { return m_modules; }
    Taint& taint() { return m_taint; }
    VirtualFs& vfs() { return *m_vfs; }
    CharDeviceRegistry& chrdevs() { return *m_chrdevs; }
    MiscDevices& misc_devices() { return *m_misc_devices; }
    DeviceModel& device_model() { return *m_device_model; }
    struct ksim_class* misc_class() { return m_misc_class; }
    ProcEntries& proc_entries() { return *m_proc_entries; }
    SysfsObjects& sysfs_objects() { return *m_sysfs_objects; }
    Debugfs& debugfs() { return *m_debugfs; }
    DeferredWork& deferred_work() { return *m_deferred_work; }
    Scheduler& scheduler() { return *m_scheduler; }
    Kthreads& kthreads() { return *m_kthreads; }
    // The task the shell and its foreground commands run in: the terminal's foreground process group.
    KernelTask& boot_task() const { return *m_boot_task; }
    Lockdep& lockdep() { return *m_lockdep; }

    // Warns about what a module leaves registered as it goes (devices,
    // /proc, /sys and debugfs entries) and fences those entries off.
    void report_leftovers(const std::string& module_name, OwnerId owner);

    // The task the calling thread runs: who a system call is made for.
    const Task& task() const;
    // Makes the calling thread's task a new process: its pid, comm and
    // credentials (the shell runs each command so).
    void set_task(Task task);
    // Whether `address` is inside the ksim executable (the kernel's own code).
    bool in_kernel_image(uintptr_t address) const;

    // finit_module(2): `path` is what the module's file is called (for the
    // loader's own records); the image is its bytes.
    ErrorOr<void> init_module(
        std::span<const std::byte> image, const std::string& path, const std::string& args, unsigned flags = 0);
    // delete_module(2).
    ErrorOr<void> delete_module(std::string_view name, unsigned flags = 0);

    // The only way the kernel calls into a module: `function` runs under
    // the fault guard. On a crash the kernel prints the Oops, taints itself
    // and the result is the calling task's death (task_killed, or
    // task_segfaulted for a die()-class fault). `syscall_frames` names the
    // kernel functions that called into the module, innermost first. A
    // pointer into a module that is gone (one unloaded without unregistering)
    // is not followed: the kernel reports the Oops Linux would print for the
    // jump into freed memory.
    template <typename R, typename... Args>
    ErrorOr<R> call_module(ModuleFunction<R(Args...)> function, std::initializer_list<const char*> syscall_frames,
        std::type_identity_t<Args>... args)
    {
        if constexpr (std::is_void_v<R>) {
            return run_module_code(
                function.address(), [&] { function.m_pointer(args...); }, syscall_frames);
        } else {
            R result {};
            auto ran = run_module_code(
                function.address(), [&] { result = function.m_pointer(args...); }, syscall_frames);
            if (ran.is_error())
                return Errno {ran.error()};
            return result;
        }
    }

    // The Oops for a kernel access to memory that is gone (a module's,
    // after its unload); the calling task dies (task_killed).
    void oops_on_freed_memory(
        uintptr_t address, bool instruction_fetch, std::initializer_list<const char*> syscall_frames);

    // WARN(1, message) from kernel code at `location` ("fs/proc/generic.c:382
    // proc_register"): the report, and taint W.
    void warn(const std::string& message, const std::string& location);

    // "sym+0x1f/0x40 [mod]" for %pS and Oops traces; "" if unknown.
    std::string symbolize(uintptr_t address, bool with_offset);

    int oops_count() const { return m_oops_count; }
    // print_modules(): "Modules linked in: hello(OE) ...".
    std::string modules_linked_in() const;
    // die_lock: one Oops, warning or lockup report at a time.
    std::recursive_mutex& report_lock() { return m_report_lock; }
    // How the task `pid` died in an Oops (task_killed, task_segfaulted), or
    // 0; the record is cleared. For deaths no system call reports, such as
    // one in a driver's release() as the file is closed.
    int take_death_of(int pid);

    // What the machine does once the kernel has shut down (machine_restart(),
    // machine_halt(), machine_power_off()): the program that runs ksim decides
    // (a fresh process for a restart, say). Without one, the call returns.
    enum class MachineAction { restart, halt, power_off };
    void set_machine(std::function<void(MachineAction)> machine) { m_machine = std::move(machine); }
    void machine(MachineAction action) const
    {
        if (m_machine)
            m_machine(action);
    }

    // module.sig_enforce=1: unsigned modules are refused. Once on, it stays on.
    void enforce_module_signatures() { m_sig_enforce = true; }
    bool module_signatures_enforced() const { return m_sig_enforce; }

private:
    ErrorOr<void> run_module_code(
        const void* function, const std::function<void()>& code, std::initializer_list<const char*> syscall_frames);
    // `rip_text` names the faulting code when it is not module code.
    void report_oops(
        const Fault& fault, std::initializer_list<const char*> syscall_frames, const std::string& rip_text = "");
    void boot_devices();
    void record_death(int death);

    KernelLog m_log;
    SlabAllocator m_slab;
    SymbolTable m_symbols;
    ModuleRegistry m_modules;
    Taint m_taint;
    std::unique_ptr<VirtualFs> m_vfs;
    std::unique_ptr<CharDeviceRegistry> m_chrdevs;
    std::unique_ptr<MiscDevices> m_misc_devices;
    std::unique_ptr<DeviceModel> m_device_model;
    struct ksim_class* m_misc_class = nullptr;
    std::unique_ptr<ProcEntries> m_proc_entries;
    std::unique_ptr<SysfsObjects> m_sysfs_objects;
    std::unique_ptr<Debugfs> m_debugfs;
    std::unique_ptr<Scheduler> m_scheduler;
    std::unique_ptr<Kthreads> m_kthreads;
    std::unique_ptr<Lockdep> m_lockdep;
    std::unique_ptr<HungTaskDetector> m_hung_task;
    std::unique_ptr<SoftLockupWatchdog> m_watchdog;
    std::unique_ptr<DeferredWork> m_deferred_work;
    // The task of the thread that booted the kernel (the shell's).
    std::shared_ptr<KernelTask> m_boot_task;
    std::vector<std::shared_ptr<KernelTask>> m_adopted_tasks; // tasks of threads set_task() met first
    std::recursive_mutex m_report_lock; // one Oops or warning report at a time (die_lock)
    int m_oops_count = 0;
    bool m_sig_enforce = false;
    std::function<void(MachineAction)> m_machine;
};

} // namespace ksim
