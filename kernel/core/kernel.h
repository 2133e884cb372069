// The kernel: owns every subsystem and offers the system calls the shell makes.
#pragma once

#include <cstddef>
#include <memory>
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

// Flags of finit_module and delete_module.
constexpr unsigned module_init_ignore_modversions = 1;
constexpr unsigned module_init_ignore_vermagic = 2;
constexpr unsigned delete_module_force = 01000; // O_TRUNC, rmmod -f

class Kernel {
public:
    // Boots a kernel and makes it the one the module API reaches.
    Kernel();
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
    // Runs the timers, work and tasklets that are due: the kernel has the CPU.
    void run_deferred_work();

    // Warns about what a module leaves registered as it goes (devices,
    // /proc, /sys and debugfs entries) and fences those entries off.
    void report_leftovers(const std::string& module_name, OwnerId owner);

    const Task& task() const { return m_task; }
    void set_task(Task task);
    // What `current` points to in module code.
    struct task_struct* current_task_struct() { return &m_task_struct; }

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
    // How the task `pid` died in an Oops (task_killed, task_segfaulted), or
    // 0; the record is cleared. For deaths no system call reports, such as
    // one in a driver's release() as the file is closed.
    int take_death_of(int pid);

    // module.sig_enforce=1: unsigned modules are refused. Once on, it stays on.
    void enforce_module_signatures() { m_sig_enforce = true; }
    bool module_signatures_enforced() const { return m_sig_enforce; }

private:
    ErrorOr<void> run_module_code(
        const void* function, const std::function<void()>& code, std::initializer_list<const char*> syscall_frames);
    // `rip_text` names the faulting code when it is not module code.
    void report_oops(
        const Fault& fault, std::initializer_list<const char*> syscall_frames, const std::string& rip_text = "");
    std::string modules_linked_in() const;
    void boot_devices();

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
    std::unique_ptr<DeferredWork> m_deferred_work;
    Task m_task;
    struct task_struct m_task_struct { };
    int m_oops_count = 0;
    int m_dead_pid = -1; // the last task that died in an Oops, until take_death_of()
    int m_death = 0;
    bool m_sig_enforce = false;
};

} // namespace ksim
