// The kernel object (see kernel.h).
#include "core/kernel.h"

#include <cxxabi.h>
#include <dlfcn.h>
#include <ucontext.h>

#include <csignal>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "core/fault_address.h"
#include "drivers/char_dev.h"
#include "drivers/device_model.h"
#include "drivers/misc_device.h"
#include "fs/debugfs.h"
#include "fs/devtmpfs.h"
#include "fs/proc_entries.h"
#include "fs/sysfs_kobjects.h"
#include "fs/vfs.h"
#include "time/deferred_work.h"
#include "uaccess/user_memory.h"
#include "loader/module_loader.h"
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

Kernel::Kernel()
{
    if (g_current_kernel)
        throw std::logic_error("one ksim kernel per process");
    g_current_kernel = this;
    auto missing = register_kernel_exports(m_symbols);
    if (!missing.empty())
        throw std::logic_error("kernel export not found in the executable: " + missing.front());
    m_vfs = make_kernel_vfs(*this);
    set_task(m_task);
    boot_devices();
    m_log.log(5, "Linux version 6.1.0-ksim (ksim@ksim) (gcc) #1 SMP PREEMPT_DYNAMIC ksim educational kernel");
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
    m_deferred_work = std::make_unique<DeferredWork>();
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

void Kernel::run_deferred_work()
{
    m_deferred_work->run_due(*this);
}

void Kernel::report_leftovers(const std::string& module_name, OwnerId owner)
{
    std::vector<std::string> left;
    for (auto part : {m_chrdevs->abandon(owner), m_misc_devices->abandon(owner), m_device_model->abandon(owner),
             m_proc_entries->abandon(owner), m_sysfs_objects->abandon(owner), m_debugfs->abandon(owner),
             m_deferred_work->abandon(owner)})
        left.insert(left.end(), part.begin(), part.end());
    for (const std::string& what : left)
        m_log.log(4, module_name + ": " + what + " still registered after unload; the next use oopses");
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

void Kernel::set_task(Task task)
{
    m_task = std::move(task);
    m_task_struct.pid = m_task.pid;
    m_task_struct.tgid = m_task.pid;
    std::snprintf(m_task_struct.comm, sizeof m_task_struct.comm, "%s", m_task.comm.c_str());
    m_task_struct.uid = m_task.uid;
    m_task_struct.euid = m_task.uid;
}

ErrorOr<void> Kernel::run_module_code(
    const void* function, const std::function<void()>& code, std::initializer_list<const char*> syscall_frames)
{
    auto address = reinterpret_cast<uintptr_t>(function);
    Dl_info info;
    bool in_kernel = dladdr(function, &info) && info.dli_fbase == dladdr_base_of_kernel();
    if (!in_kernel && !m_modules.module_at(address)) {
        oops_on_freed_memory(address, true, syscall_frames);
        return Errno {task_killed};
    }
    auto fault = run_guarded(code);
    if (!fault)
        return {};
    report_oops(*fault, syscall_frames);
    m_dead_pid = m_task.pid;
    m_death = fault->is_die_class() ? task_segfaulted : task_killed;
    return Errno {m_death};
}

int Kernel::take_death_of(int pid)
{
    if (pid != m_dead_pid)
        return 0;
    m_dead_pid = -1;
    return std::exchange(m_death, 0);
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
    m_dead_pid = m_task.pid;
    m_death = task_killed;
}

void Kernel::warn(const std::string& message, const std::string& location)
{
    m_log.log(4, "------------[ cut here ]------------");
    m_log.log(4, message);
    m_log.log(4, "WARNING: CPU: 0 PID: " + std::to_string(m_task.pid) + " at " + location);
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

void Kernel::report_oops(
    const Fault& fault, std::initializer_list<const char*> syscall_frames, const std::string& rip_text)
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
    if (fault.stack_guard_hit) {
        // %p prints hashed pointers: 32 bits of the value stand in for the hash.
        auto hashed = [&](uintptr_t v) { return hex16(v & 0xffffffff); };
        alert("BUG: TASK stack guard page was hit at " + hashed(fault.address) + " (stack is " + hashed(fault.stack_low)
            + ".." + hashed(fault.stack_high) + ")");
        header = "stack guard page: 0000" + count;
    } else if (fault.signal == SIGSEGV && fault.trap == 14) {
        // User memory is mapped with no access for the kernel, as SMAP makes
        // it on x86: the page is there, the access is what is refused.
        uintptr_t error_code = fault.error_code;
        if (m_task.mm && m_task.mm->accessible(fault.address, 1))
            error_code |= 1;
        bool not_present = !(error_code & 1);
        alert(fault.address < 4096 ? "BUG: kernel NULL pointer dereference, address: " + hex16(fault.address)
                                   : "BUG: unable to handle page fault for address: " + hex16(fault.address));
        std::string access = (error_code & 0x10) ? "instruction fetch"
            : (error_code & 2)                   ? "write access"
                                                 : "read access";
        alert("#PF: supervisor " + access + " in kernel mode");
        char code[64];
        std::snprintf(code, sizeof code, "#PF: error_code(0x%04lx) - %s", static_cast<unsigned long>(error_code),
            not_present ? "not-present page" : "permissions violation");
        alert(code);
        if (not_present)
            line("PGD 0 P4D 0 ");
        char oops[32];
        std::snprintf(oops, sizeof oops, "Oops: %04lx", static_cast<unsigned long>(error_code));
        header = oops + count;
    } else if (fault.signal == SIGILL) {
        header = "invalid opcode: 0000" + count;
    } else if (fault.signal == SIGFPE) {
        header = "divide error: 0000" + count;
    } else {
        // The CPU reports no address for a general-protection fault: it is
        // decoded from the instruction, as die_addr() does.
        std::optional<uintptr_t> target;
        if (m_modules.module_at(r[REG_RIP]))
            target = memory_operand_address(reinterpret_cast<const uint8_t*>(r[REG_RIP]), r);
        header = target && !is_canonical(*target)
            ? "general protection fault, probably for non-canonical address 0x" + hex16(*target) + ": 0000" + count
            : "general protection fault: 0000" + count;
    }
    line(header);
    line("CPU: 0 PID: " + std::to_string(m_task.pid) + " Comm: " + m_task.comm.substr(0, 20) + " " + m_taint.describe()
        + " 6.1.0-ksim #1");
    line("Hardware name: ksim educational kernel (one user process), BIOS none");

    std::string rip = rip_text.empty() ? symbolize(r[REG_RIP], true) : rip_text;
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
    for (size_t i = 0; i < fault.frame_count; ++i) {
        uintptr_t frame = fault.frames[i];
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
