// The kernel object (see kernel.h).
#include "core/kernel.h"

#include <dlfcn.h>
#include <ucontext.h>

#include <csignal>

#include <cstdio>
#include <stdexcept>

#include "fs/vfs.h"
#include "loader/module_loader.h"
#include "loader/module_unloader.h"
#include "symbols/kernel_exports.h"

namespace ksim {

namespace {
Kernel* g_current_kernel = nullptr; // the one kernel instance
}

Kernel::Kernel()
{
    if (g_current_kernel)
        throw std::logic_error("one ksim kernel per process");
    g_current_kernel = this;
    auto missing = register_kernel_exports(m_symbols);
    if (!missing.empty())
        throw std::logic_error("kernel export not found in the executable: " + missing.front());
    m_vfs = make_kernel_vfs(*this);
    m_log.log(5, "Linux version 6.1.0-ksim (ksim@ksim) (gcc) #1 SMP PREEMPT_DYNAMIC ksim educational kernel");
    m_log.log(6, "Command line: console=tty0 quiet");
}

Kernel::~Kernel()
{
    // Unload in reverse load order while every kernel service still works:
    // exit functions may printk or kfree.
    while (!m_modules.all().empty()) {
        Module& newest = *m_modules.all().front();
        release_module(*this, newest.id);
    }
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

bool Kernel::call_module(const std::function<void()>& code, std::initializer_list<const char*> syscall_frames)
{
    auto fault = run_guarded(code);
    if (!fault)
        return true;
    report_oops(*fault, syscall_frames);
    return false;
}

std::string Kernel::symbolize(uintptr_t address, bool with_offset)
{
    if (Module* m = m_modules.module_at(address))
        return m->symbolize(address, with_offset);
    Dl_info info;
    if (dladdr(reinterpret_cast<void*>(address), &info) && info.dli_sname) {
        if (!with_offset)
            return info.dli_sname;
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "+0x%lx",
            static_cast<unsigned long>(address - reinterpret_cast<uintptr_t>(info.dli_saddr)));
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

void Kernel::report_oops(const Fault& fault, std::initializer_list<const char*> syscall_frames)
{
    auto line = [this](const std::string& text) { m_log.log(4, text); };
    // The lines that say what happened are KERN_ALERT, so a console shows them.
    auto alert = [this](const std::string& text) { m_log.log(1, text); };
    auto hex16 = [](uintptr_t v) {
        char b[24];
        std::snprintf(b, sizeof b, "%016lx", static_cast<unsigned long>(v));
        return std::string(b);
    };
    const uintptr_t* r = fault.registers;
    ++m_oops_count;
    std::string count = " [#" + std::to_string(m_oops_count) + "] PREEMPT SMP NOPTI";

    // The header names the kind of fault, as x86's handlers do.
    std::string header;
    if (fault.signal == SIGSEGV && fault.trap == 14) {
        bool not_present = !(fault.error_code & 1);
        alert(fault.address < 4096 ? "BUG: kernel NULL pointer dereference, address: " + hex16(fault.address)
                                   : "BUG: unable to handle page fault for address: " + hex16(fault.address));
        std::string access = (fault.error_code & 0x10) ? "instruction fetch"
            : (fault.error_code & 2)                   ? "write access"
                                                       : "read access";
        alert("#PF: supervisor " + access + " in kernel mode");
        char code[64];
        std::snprintf(code, sizeof code, "#PF: error_code(0x%04lx) - %s", static_cast<unsigned long>(fault.error_code),
            not_present ? "not-present page" : "permissions violation");
        alert(code);
        if (not_present)
            line("PGD 0 P4D 0 ");
        char oops[32];
        std::snprintf(oops, sizeof oops, "Oops: %04lx", static_cast<unsigned long>(fault.error_code));
        header = oops + count;
    } else if (fault.signal == SIGILL) {
        header = "invalid opcode: 0000" + count;
    } else if (fault.signal == SIGFPE) {
        header = "divide error: 0000" + count;
    } else {
        header = "general protection fault, probably for non-canonical address 0x" + hex16(fault.address) + ": 0000"
            + count;
    }
    line(header);
    line("CPU: 0 PID: " + std::to_string(m_task.pid) + " Comm: " + m_task.comm.substr(0, 20) + " " + m_taint.describe()
        + " 6.1.0-ksim #1");
    line("Hardware name: ksim educational kernel (one user process), BIOS none");

    std::string rip = symbolize(r[REG_RIP], true);
    auto register_dump = [&] {
        line("RIP: 0010:" + (rip.empty() ? "0x" + hex16(r[REG_RIP]) : rip));
        char b[160];
        std::snprintf(b, sizeof b, "RSP: 0018:%016lx EFLAGS: %08lx", static_cast<unsigned long>(r[REG_RSP]),
            static_cast<unsigned long>(r[REG_EFL]) & 0xffffffffUL);
        line(b);
        auto trio = [&](const char* a, int ia, const char* b2, int ib, const char* c, int ic) {
            char t[160];
            std::snprintf(t, sizeof t, "%s: %016lx %s: %016lx %s: %016lx", a, static_cast<unsigned long>(r[ia]), b2,
                static_cast<unsigned long>(r[ib]), c, static_cast<unsigned long>(r[ic]));
            line(t);
        };
        trio("RAX", REG_RAX, "RBX", REG_RBX, "RCX", REG_RCX);
        trio("RDX", REG_RDX, "RSI", REG_RSI, "RDI", REG_RDI);
        trio("RBP", REG_RBP, "R08", REG_R8, "R09", REG_R9);
        trio("R10", REG_R10, "R11", REG_R11, "R12", REG_R12);
        trio("R13", REG_R13, "R14", REG_R14, "R15", REG_R15);
        line("CR2: " + hex16(fault.address));
    };
    register_dump();
    line("Call Trace:");
    line(" <TASK>");
    for (uintptr_t frame : fault.frames) {
        std::string name = symbolize(frame, true);
        if (name.empty() || !m_modules.module_at(frame))
            break; // leaving module code: the kernel frames follow
        line(" " + name);
    }
    for (const char* frame : syscall_frames)
        line(std::string(" ") + frame);
    line(" </TASK>");
    line(modules_linked_in());
    line("CR2: " + hex16(fault.address));
    line("---[ end trace 0000000000000000 ]---");
    register_dump();
    m_taint.add(TaintFlag::Die, false, m_log);
}

} // namespace ksim
