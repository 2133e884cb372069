// Module parameters (see params.h); the grammar is lib/cmdline.c's next_arg().
#include "loader/params.h"

#include <cctype>
#include <cerrno>
#include <cstring>

#include "core/kernel.h"

namespace ksim {

namespace {

char* skip_spaces(char* s)
{
    while (std::isspace(static_cast<unsigned char>(*s)))
        ++s;
    return s;
}

// Splits off one "param[=value]"; double quotes group, with no escapes.
char* next_arg(char* args, char** param, char** val)
{
    unsigned i, equals = 0;
    bool in_quote = false, quoted = false;
    if (*args == '"') {
        ++args;
        in_quote = quoted = true;
    }
    for (i = 0; args[i]; ++i) {
        if (std::isspace(static_cast<unsigned char>(args[i])) && !in_quote)
            break;
        if (equals == 0 && args[i] == '=')
            equals = i;
        if (args[i] == '"')
            in_quote = !in_quote;
    }
    *param = args;
    if (!equals) {
        *val = nullptr;
    } else {
        args[equals] = '\0';
        *val = args + equals + 1;
        if (**val == '"') {
            ++*val;
            if (args[i - 1] == '"')
                args[i - 1] = '\0';
        }
    }
    if (quoted && i > 0 && args[i - 1] == '"')
        args[i - 1] = '\0';
    if (args[i]) {
        args[i] = '\0';
        args += i + 1;
    } else {
        args += i;
    }
    return skip_spaces(args);
}

// '-' and '_' are the same in parameter names.
bool parameq(const char* a, const char* b)
{
    for (;; ++a, ++b) {
        char x = *a == '-' ? '_' : *a;
        char y = *b == '-' ? '_' : *b;
        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

} // namespace

ErrorOr<int> parse_module_args(
    Kernel& kernel, const std::string& module_name, std::string args, std::span<const kernel_param> params)
{
    KernelLog& log = kernel.log();
    args.push_back('\0');
    char* cursor = skip_spaces(args.data());
    int result = 0;
    while (*cursor) {
        char *param, *val;
        cursor = next_arg(cursor, &param, &val);
        if (!val && std::strcmp(param, "--") == 0) {
            if (*cursor)
                log.log(4, module_name + ": parameters '" + cursor + "' after `--' ignored");
            return result;
        }
        const kernel_param* match = nullptr;
        for (const kernel_param& kp : params) {
            if (parameq(param, kp.name)) {
                match = &kp;
                break;
            }
        }
        int ret;
        if (!match) {
            // Every module accepts these two (dynamic debug, async probing).
            if (std::strcmp(param, "dyndbg") != 0 && std::strcmp(param, "async_probe") != 0)
                log.log(4, module_name + ": unknown parameter '" + param + "' ignored");
            ret = 0;
        } else if (!val && !(match->ops->flags & KERNEL_PARAM_OPS_FL_NOARG)) {
            ret = -EINVAL;
        } else {
            auto set = kernel.call_module(ModuleFunction(match->ops->set),
                {"parse_args+0x1a4/0x3a0", "load_module+0x1b6b/0x2140", "__do_sys_finit_module+0x93/0xf0",
                    "do_syscall_64+0x58/0xc0", "entry_SYSCALL_64_after_hwframe+0x64/0xce"},
                val, match);
            if (set.is_error())
                return Errno {set.error()};
            ret = set.value();
        }
        if (ret == 0)
            continue;
        std::string shown = val ? val : "";
        if (ret == -ENOSPC)
            log.log(3, module_name + ": `" + shown + "' too large for parameter `" + param + "'");
        else
            log.log(3, module_name + ": `" + shown + "' invalid for parameter `" + param + "'");
        result = ret;
    }
    return result;
}

void free_module_params(Kernel& kernel, std::span<const kernel_param> params)
{
    // The module is going whatever happens: an Oops here is reported and the rest are still freed.
    for (const kernel_param& kp : params)
        if (ModuleFunction free(kp.ops->free); free)
            (void)kernel.call_module(free,
                {"destroy_params+0x2d/0x50", "free_module+0x2f/0x1c0", "__do_sys_delete_module.constprop.0+0x178/0x280",
                    "do_syscall_64+0x58/0xc0", "entry_SYSCALL_64_after_hwframe+0x64/0xce"},
                kp.arg);
}

} // namespace ksim
