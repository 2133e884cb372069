// The Oops report and its register blocks (see oops_report.h).
#include "core/oops_report.h"

#include <dlfcn.h>
#include <pthread.h>
#include <ucontext.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <iterator>
#include <optional>
#include <string_view>

#include "core/fault_address.h"
#include "core/kernel.h"
#include "core/stack_dump.h"
#include "lib/nofault.h"
#include "sched/scheduler.h"
#include "uaccess/user_memory.h"

namespace ksim {

namespace {

std::string hex16(uintptr_t value)
{
    char text[24];
    std::snprintf(text, sizeof text, "%016lx", static_cast<unsigned long>(value));
    return text;
}

// show_opcodes(): the 42 bytes before the instruction, its first byte in <>,
// and the 21 after, read all or none. `readable` says which it was.
std::string code_line(uintptr_t ip, bool& readable)
{
    constexpr size_t prologue = 42, epilogue = 21;
    std::array<uint8_t, prologue + 1 + epilogue> bytes {};
    uintptr_t start = ip - prologue;
    readable = copy_all_nofault(bytes.data(), reinterpret_cast<const void*>(start), bytes.size());
    char text[24];
    if (!readable) {
        std::snprintf(text, sizeof text, "0x%lx.", static_cast<unsigned long>(start));
        return std::string("Code: Unable to access opcode bytes at ") + text;
    }
    std::string line = "Code:";
    for (size_t i = 0; i < bytes.size(); ++i) {
        std::snprintf(text, sizeof text, i == prologue ? " <%02x>" : " %02x", bytes[i]);
        line += text;
    }
    return line;
}

// The five lines of general registers both kinds of block print.
void add_general_registers(std::vector<std::string>& lines, const std::array<uintptr_t, 15>& values)
{
    constexpr const char* names[]
        = {"RAX", "RBX", "RCX", "RDX", "RSI", "RDI", "RBP", "R08", "R09", "R10", "R11", "R12", "R13", "R14", "R15"};
    for (size_t i = 0; i < values.size(); i += 3)
        lines.push_back(std::string(names[i]) + ": " + hex16(values[i]) + " " + names[i + 1] + ": "
            + hex16(values[i + 1]) + " " + names[i + 2] + ": " + hex16(values[i + 2]));
}

// The system call a task is in, known by the kernel function its entry frames name.
int syscall_number(std::initializer_list<const char*> frames)
{
    constexpr std::pair<std::string_view, int> calls[] = {{"ksys_read", 0}, {"__x64_sys_read", 0}, {"ksys_write", 1},
        {"__x64_sys_write", 1}, {"__fput", 3}, {"__x64_sys_poll", 7}, {"__x64_sys_lseek", 8}, {"__x64_sys_ioctl", 16},
        {"__do_sys_delete_module.constprop.0", 176}, {"__x64_sys_openat", 257}, {"__do_sys_finit_module", 313}};
    for (std::string_view frame : frames) {
        frame = frame.substr(0, frame.find('+'));
        for (auto [name, number] : calls)
            if (frame == name)
                return number;
    }
    return -1;
}

// Where user space stopped: just past the `syscall` instruction of the C
// library's syscall() (the shell's commands are the user space, and its C
// library is the host's), so the Code line shows real bytes.
uintptr_t user_syscall_return_address()
{
    void* wrapper = dlsym(RTLD_DEFAULT, "syscall");
    std::array<uint8_t, 64> bytes {};
    if (!wrapper || !copy_all_nofault(bytes.data(), wrapper, bytes.size()))
        return 0;
    for (size_t i = 0; i + 1 < bytes.size(); ++i)
        if (bytes[i] == 0x0f && bytes[i + 1] == 0x05)
            return reinterpret_cast<uintptr_t>(wrapper) + i + 2;
    return 0;
}

} // namespace

KernelRegisters task_registers(int pid, int cpu, const uintptr_t* gregs, uintptr_t cr2, uintptr_t fs_base)
{
    KernelRegisters regs;
    regs.gregs = gregs;
    regs.cr2 = cr2;
    regs.fs_base = fs_base;
    // ksim has no page tables: a page-aligned number per process stands in for the PGD's address.
    regs.cr3 = 0x1000000 + (static_cast<uintptr_t>(pid) << 13);
    regs.cpu = cpu;
    return regs;
}

KernelRegisters current_registers(Kernel& kernel, const uintptr_t* gregs, uintptr_t cr2)
{
    const Task& task = kernel.task();
    KernelTask* current = Scheduler::current();
    // A task's thread pointer is its host thread's (pthread_self() is the TCB FS points at).
    uintptr_t fs_base = task.mm ? reinterpret_cast<uintptr_t>(reinterpret_cast<void*>(pthread_self())) : 0;
    return task_registers(task.pid, current ? current->abi().cpu : 0, gregs, cr2, fs_base);
}

std::vector<std::string> kernel_register_lines(Kernel& kernel, const KernelRegisters& regs)
{
    const uintptr_t* r = regs.gregs;
    std::vector<std::string> lines;
    char text[160];
    std::string rip = regs.rip_text.empty() ? kernel.symbolize(r[REG_RIP], true) : regs.rip_text;
    if (rip.empty()) {
        std::snprintf(text, sizeof text, "0x%lx", static_cast<unsigned long>(r[REG_RIP])); // %pS of no symbol
        rip = text;
    }
    lines.push_back("RIP: 0010:" + rip);
    bool readable = false;
    lines.push_back(code_line(r[REG_RIP], readable));
    std::snprintf(text, sizeof text, "RSP: 0018:%016lx EFLAGS: %08lx", static_cast<unsigned long>(r[REG_RSP]),
        static_cast<unsigned long>(r[REG_EFL]) & 0xffffffffUL);
    lines.emplace_back(text);
    add_general_registers(lines,
        {r[REG_RAX], r[REG_RBX], r[REG_RCX], r[REG_RDX], r[REG_RSI], r[REG_RDI], r[REG_RBP], r[REG_R8], r[REG_R9],
            r[REG_R10], r[REG_R11], r[REG_R12], r[REG_R13], r[REG_R14], r[REG_R15]});
    // ksim has no per-CPU areas: GS shows where Linux's would be, in the direct map.
    constexpr uintptr_t per_cpu_base = 0xffff88803ec00000, per_cpu_stride = 0x40000;
    lines.push_back("FS:  " + hex16(regs.fs_base) + "(0000) GS:"
        + hex16(per_cpu_base + static_cast<uintptr_t>(regs.cpu) * per_cpu_stride) + "(0000) knlGS:" + hex16(0));
    lines.push_back("CS:  0010 DS: 0000 ES: 0000 CR0: " + hex16(0x80050033)); // PG WP NE ET MP PE
    // CR2 is read when the block is printed: a Code line that faulted left its own address there.
    uintptr_t cr2 = readable ? regs.cr2 : r[REG_RIP] - 42;
    // CR4 with SMEP and SMAP, which keep the kernel out of user memory.
    lines.push_back("CR2: " + hex16(cr2) + " CR3: " + hex16(regs.cr3) + " CR4: " + hex16(0x3506f0));
    return lines;
}

std::vector<std::string> syscall_entry_lines(Kernel& kernel, std::initializer_list<const char*> frames)
{
    const auto& mm = kernel.task().mm;
    int number = syscall_number(frames);
    if (!mm || number < 0 || !std::string_view(*std::prev(frames.end())).starts_with("entry_SYSCALL_64"))
        return {};
    uintptr_t ip = user_syscall_return_address();
    constexpr uintptr_t user_flags = 0x246; // IF ZF PF, as R11 keeps them across `syscall`
    std::vector<std::string> lines;
    char text[160];
    std::snprintf(text, sizeof text, "RIP: 0033:0x%lx", static_cast<unsigned long>(ip));
    lines.emplace_back(text);
    bool readable = false;
    lines.push_back(code_line(ip, readable));
    // The user stack: near the top of the task's address space.
    uintptr_t sp = mm->base() + mm->size() - 0x888;
    std::snprintf(text, sizeof text, "RSP: 002b:%016lx EFLAGS: %08lx ORIG_RAX: %016lx", static_cast<unsigned long>(sp),
        static_cast<unsigned long>(user_flags), static_cast<unsigned long>(number));
    lines.emplace_back(text);
    // At entry RAX holds -ENOSYS, RCX the return address and R11 the flags;
    // ksim does not keep the arguments' registers.
    add_general_registers(lines, {static_cast<uintptr_t>(-38), 0, ip, 0, 0, 0, 0, 0, 0, 0, user_flags, 0, 0, 0, 0});
    return lines;
}

void Kernel::report_oops(
    const Fault& fault, std::initializer_list<const char*> syscall_frames, const std::string& rip_text)
{
    std::lock_guard lock(m_report_lock);
    auto line = [this](const std::string& text) { m_log.log(4, text); };
    // The lines that say what happened are KERN_ALERT, so a console shows them.
    auto alert = [this](const std::string& text) { m_log.log(1, text); };
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
        if (task().mm && task().mm->accessible(fault.address, 1))
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
    line(task_header_line(*this));
    line(hardware_name_line);

    KernelRegisters regs = current_registers(*this, r, fault.address);
    regs.rip_text = rip_text;
    std::vector<std::string> register_block = kernel_register_lines(*this, regs);
    for (const std::string& text : register_block)
        line(text);
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
    for (const std::string& text : syscall_entry_lines(*this, syscall_frames))
        line(text);
    line(" </TASK>");
    line(modules_linked_in());
    line("CR2: " + hex16(fault.address));
    line("---[ end trace 0000000000000000 ]---");
    // The summary, in case the report scrolled away.
    for (const std::string& text : register_block)
        line(text);
    m_taint.add(TaintFlag::Die, false, m_log);
}

} // namespace ksim
