// The kernel: owns every subsystem and offers the system calls the shell makes.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/error_or.h"
#include "core/oops_guard.h"
#include "core/task.h"
#include "core/taint.h"
#include "loader/module_registry.h"
#include "mm/slab.h"
#include "printk/kernel_log.h"
#include "symbols/symbol_table.h"

namespace ksim {

class VirtualFs;

// Flags of finit_module and delete_module.
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

    const Task& task() const { return m_task; }
    void set_task(Task task) { m_task = std::move(task); }

    // finit_module(2): `path` is what the module's file is called (for the
    // loader's own records); the image is its bytes.
    ErrorOr<void> init_module(
        std::span<const std::byte> image, const std::string& path, const std::string& args, unsigned flags = 0);
    // delete_module(2).
    ErrorOr<void> delete_module(std::string_view name, unsigned flags = 0);

    // Runs module code under the fault guard; on a crash, prints the Oops,
    // taints the kernel and returns false. `syscall_frames` names the kernel
    // functions that called into the module, innermost first.
    bool call_module(const std::function<void()>& code, std::initializer_list<const char*> syscall_frames);

    // "sym+0x1f/0x40 [mod]" for %pS and Oops traces; "" if unknown.
    std::string symbolize(uintptr_t address, bool with_offset);

    int oops_count() const { return m_oops_count; }

private:
    void report_oops(const Fault& fault, std::initializer_list<const char*> syscall_frames);
    std::string modules_linked_in() const;

    KernelLog m_log;
    SlabAllocator m_slab;
    SymbolTable m_symbols;
    ModuleRegistry m_modules;
    Taint m_taint;
    std::unique_ptr<VirtualFs> m_vfs;
    Task m_task;
    int m_oops_count = 0;
};

} // namespace ksim
