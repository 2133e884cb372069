// /proc: modules, kallsyms, version, cpuinfo, loadavg and the sysctls of /proc/sys/kernel.
#include <cerrno>
#include <cstdio>
#include <sstream>

#include "core/kernel.h"
#include "core/uts.h"
#include "drivers/char_dev.h"
#include "drivers/misc_device.h"
#include "fs/kernel_vfs.h"
#include "fs/mounts.h"
#include "fs/vfs.h"
#include "sched/scheduler.h"
#include "sched/sysctl_integer.h"

namespace ksim {

namespace {

// Addresses are shown only to readers with CAP_SYSLOG (kptr_restrict).
std::string address_for(const Task& task, uintptr_t address)
{
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%016lx", task.is_root() ? static_cast<unsigned long>(address) : 0UL);
    return buffer;
}

std::string proc_modules(Kernel& kernel, const Task& task)
{
    std::string out;
    for (const auto& m : kernel.modules().all()) {
        if (m->state == ModuleState::Unformed)
            continue;
        out += m->name + " " + std::to_string(m->core_size) + " " + std::to_string(m->refcount) + " ";
        bool printed = false;
        for (const Module* holder : kernel.modules().holders_of(m->id)) {
            out += holder->name + ",";
            printed = true;
        }
        if (m->has_init() && !m->has_exit()) {
            out += "[permanent],";
            printed = true;
        }
        if (!printed)
            out += "-";
        out += std::string(" ") + proc_state_name(m->state) + " 0x" + address_for(task, m->base);
        if (m->taints || m->state != ModuleState::Live) {
            out += " (" + module_taint_letters(m->taints);
            if (m->state == ModuleState::Going)
                out += '-';
            if (m->state == ModuleState::Coming)
                out += '+';
            out += ")";
        }
        out += "\n";
    }
    return out;
}

bool hidden_linker_symbol(const std::string& name)
{
    return name.starts_with("_GLOBAL_OFFSET_TABLE_") || name == "_DYNAMIC" || name.starts_with("__GNU_EH_FRAME_HDR")
        || name.starts_with("__start_") || name.starts_with("__stop_") || name.starts_with("__dso_handle")
        || name.starts_with("__TMC_END__") || name.starts_with('.');
}

std::string proc_kallsyms(Kernel& kernel, const Task& task)
{
    std::string out;
    for (const ExportedSymbol& s : kernel.symbols().all()) {
        if (s.owner != kernel_owner)
            continue;
        out += address_for(task, s.address) + (s.is_data ? " D " : " T ") + s.name + "\n";
    }
    // Modules in list order (newest first), each in its symbol-table order;
    // what the module exports with EXPORT_SYMBOL in upper case (is_exported()
    // looks in the module's plain exports only, so EXPORT_SYMBOL_GPL ones stay lower).
    for (const auto& m : kernel.modules().all()) {
        for (const ElfSymbol& sym : m->symbols) {
            if ((sym.in_init && m->init_done) || hidden_linker_symbol(sym.name))
                continue;
            const ExportedSymbol* e = kernel.symbols().find(sym.name);
            char type = sym.type;
            if (e && e->owner == m->id && !e->gpl_only)
                type = static_cast<char>(std::toupper(type));
            out += address_for(task, m->base + sym.value) + " " + type + " " + sym.name + "\t[" + m->name + "]\n";
        }
    }
    return out;
}

ErrorOr<int> parse_int(std::string_view text)
{
    std::string s(text);
    char* end = nullptr;
    errno = 0;
    long value = std::strtol(s.c_str(), &end, 10);
    while (end && (*end == '\n' || *end == ' '))
        ++end;
    if (end == s.c_str() || (end && *end) || errno)
        return Errno {EINVAL};
    return static_cast<int>(value);
}

// The machine ksim pretends to be has 2 GiB; the slab figures are the real
// kmalloc usage of the kernel and its modules.
std::string proc_meminfo(Kernel& kernel)
{
    constexpr unsigned long total_kb = 2UL << 20;
    unsigned long slab_kb = (kernel.slab().total().object_bytes + 1023) / 1024;
    std::string out;
    auto line = [&out](const char* name, unsigned long kb) {
        char text[64];
        std::snprintf(text, sizeof text, "%-16s%8lu kB\n", name, kb);
        out += text;
    };
    line("MemTotal:", total_kb);
    line("MemFree:", total_kb - slab_kb);
    line("MemAvailable:", total_kb - slab_kb);
    line("Buffers:", 0);
    line("Cached:", 0);
    line("SwapCached:", 0);
    line("SwapTotal:", 0);
    line("SwapFree:", 0);
    line("Slab:", slab_kb);
    line("SReclaimable:", 0);
    line("SUnreclaim:", slab_kb);
    return out;
}

// One block per CPU, in x86's layout; ksim's CPUs are all the same made-up model.
std::string proc_cpuinfo(int cpus)
{
    std::string out;
    for (int cpu = 0; cpu < cpus; ++cpu) {
        char block[1024];
        std::snprintf(block, sizeof block,
            "processor\t: %d\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\n"
            "model name\t: ksim virtual CPU\nstepping\t: 7\ncpu MHz\t\t: 2500.000\ncache size\t: 36608 KB\n"
            "physical id\t: 0\nsiblings\t: %d\ncore id\t\t: %d\ncpu cores\t: %d\napicid\t\t: %d\n"
            "initial apicid\t: %d\nfpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: 13\nwp\t\t: yes\n"
            "flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse "
            "sse2 ht syscall nx lm constant_tsc rep_good nopl cpuid pni ssse3 cx16 sse4_1 sse4_2 popcnt hypervisor\n"
            "bugs\t\t: \nbogomips\t: 5000.00\nclflush size\t: 64\ncache_alignment\t: 64\n"
            "address sizes\t: 46 bits physical, 48 bits virtual\npower management:\n\n",
            cpu, cpus, cpu, cpus, cpu, cpu);
        out += block;
    }
    return out;
}

// Load averages ksim does not compute (0.00), then running/all tasks and the newest pid.
std::string proc_loadavg(const Scheduler& scheduler)
{
    int running = 0, newest = 0;
    auto tasks = scheduler.tasks();
    for (const auto& task : tasks) {
        running += task->read_state() == KSIM_TASK_RUNNING;
        newest = std::max(newest, task->abi().pid);
    }
    char text[64];
    std::snprintf(text, sizeof text, "0.00 0.00 0.00 %d/%zu %d\n", running, tasks.size(), newest);
    return text;
}

} // namespace

void populate_procfs(Directory& proc, Kernel& kernel)
{
    populate_proc_pids(proc, kernel);
    proc.add("cpuinfo", std::make_shared<TextFile>(0444, [&kernel](const Task&) -> ErrorOr<std::string> {
        return proc_cpuinfo(kernel.scheduler().cpus());
    }));
    proc.add("loadavg", std::make_shared<TextFile>(0444, [&kernel](const Task&) -> ErrorOr<std::string> {
        return proc_loadavg(kernel.scheduler());
    }));
    proc.add("modules", std::make_shared<TextFile>(0444, [&kernel](const Task& t) -> ErrorOr<std::string> {
        return proc_modules(kernel, t);
    }));
    proc.add("kallsyms", std::make_shared<TextFile>(0444, [&kernel](const Task& t) -> ErrorOr<std::string> {
        return proc_kallsyms(kernel, t);
    }));
    proc.add("version", std::make_shared<TextFile>(0444, [](const Task&) -> ErrorOr<std::string> {
        return uts::banner() + "\n";
    }));
    proc.add("devices", std::make_shared<TextFile>(0444, [&kernel](const Task&) -> ErrorOr<std::string> {
        return kernel.chrdevs().proc_devices() + "\nBlock devices:\n";
    }));
    proc.add("misc", std::make_shared<TextFile>(0444, [&kernel](const Task&) -> ErrorOr<std::string> {
        return kernel.misc_devices().proc_misc();
    }));
    proc.add("cmdline", std::make_shared<TextFile>(0444, [&kernel](const Task&) -> ErrorOr<std::string> {
        return std::string("BOOT_IMAGE=/boot/vmlinuz-6.1.0-ksim console=tty0 quiet")
            + (kernel.module_signatures_enforced() ? " module.sig_enforce=1" : "") + "\n";
    }));
    proc.add("uptime", std::make_shared<TextFile>(0444, [&kernel](const Task&) -> ErrorOr<std::string> {
        // Seconds up, then seconds idle summed over CPUs: ksim's one CPU is never idle.
        char text[64];
        double up = static_cast<double>(kernel.log().now_ns()) / 1e9;
        std::snprintf(text, sizeof text, "%.2f %.2f\n", up, 0.0);
        return std::string(text);
    }));
    // A symbolic link to self/mounts on Linux; every ksim task shares the one mount namespace.
    proc.add("mounts", std::make_shared<TextFile>(0444, [&kernel](const Task&) -> ErrorOr<std::string> {
        return proc_mounts(kernel);
    }));
    proc.add("meminfo", std::make_shared<TextFile>(0444, [&kernel](const Task&) -> ErrorOr<std::string> {
        return proc_meminfo(kernel);
    }));

    Directory& sys_kernel = proc.subdirectory("sys").subdirectory("kernel");
    sys_kernel.add("tainted",
        std::make_shared<TextFile>(
            0644,
            [&kernel](const Task&) -> ErrorOr<std::string> { return std::to_string(kernel.taint().mask()) + "\n"; },
            // Writing adds taint bits; none can be cleared, as on Linux.
            [&kernel](const Task&, std::string_view data) -> ErrorOr<void> {
                auto value = parse_int(data);
                if (value.is_error() || value.value() < 0)
                    return Errno {EINVAL};
                kernel.taint().set_mask(kernel.taint().mask() | static_cast<unsigned long>(value.value()));
                return {};
            }));
    for (auto [name, value] : {std::pair {"ostype", uts::sysname}, {"osrelease", uts::release}, {"version", uts::version}})
        sys_kernel.add(name, std::make_shared<TextFile>(0444, [text = std::string(value) + "\n"](const Task&) -> ErrorOr<std::string> {
            return text;
        }));
    sys_kernel.add("dmesg_restrict",
        std::make_shared<TextFile>(
            0644,
            [&kernel](const Task&) -> ErrorOr<std::string> {
                return std::string(kernel.log().dmesg_restrict() ? "1\n" : "0\n");
            },
            // proc_dointvec_minmax_sysadmin(): 0 or 1, and only for CAP_SYS_ADMIN.
            [&kernel](const Task& writer, std::string_view data) -> ErrorOr<void> {
                if (!writer.is_root())
                    return Errno {EPERM};
                auto value = parse_sysctl_integer(data, 0, 1);
                if (value.is_error())
                    return Errno {value.error()};
                kernel.log().set_dmesg_restrict(value.value() == 1);
                return {};
            }));
    sys_kernel.add("printk",
        std::make_shared<TextFile>(
            0644,
            [&kernel](const Task&) -> ErrorOr<std::string> {
                const PrintkLevels& l = kernel.log().levels();
                return std::to_string(l.console_loglevel) + "\t" + std::to_string(l.default_message_loglevel) + "\t"
                    + std::to_string(l.minimum_console_loglevel) + "\t" + std::to_string(l.default_console_loglevel)
                    + "\n";
            },
            // One to four numbers; those given replace the first ones.
            [&kernel](const Task&, std::string_view data) -> ErrorOr<void> {
                std::istringstream in {std::string(data)};
                PrintkLevels& l = kernel.log().levels();
                int* fields[] = {&l.console_loglevel, &l.default_message_loglevel, &l.minimum_console_loglevel,
                    &l.default_console_loglevel};
                int value;
                size_t i = 0;
                while (i < 4 && in >> value)
                    *fields[i++] = value;
                if (i == 0)
                    return Errno {EINVAL};
                return {};
            }));
}

} // namespace ksim
