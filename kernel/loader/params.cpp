// Module parameters (see params.h); the grammar is lib/cmdline.c's next_arg().
#include "loader/params.h"

#include <cctype>
#include <cerrno>
#include <cstring>

#include "printk/kernel_log.h"

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

int parse_module_args(
    KernelLog& log, const std::string& module_name, std::string args, std::span<const kernel_param> params)
{
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
            ret = match->ops->set(val, match);
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

void free_module_params(std::span<const kernel_param> params)
{
    for (const kernel_param& kp : params)
        if (kp.ops->free)
            kp.ops->free(kp.arg);
}

} // namespace ksim
