// The kernel_param_ops for every parameter type (kernel/params.c), exported to modules.
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <ksim/abi.h>

#include "core/export.h"

extern "C" {
int _printk(const char* fmt, ...);
void* __kmalloc(size_t size, unsigned flags);
void kfree(const void* pointer);
size_t ksize(const void* pointer);
int kstrtou8(const char* s, unsigned base, uint8_t* res);
int kstrtos16(const char* s, unsigned base, int16_t* res);
int kstrtou16(const char* s, unsigned base, uint16_t* res);
int kstrtoint(const char* s, unsigned base, int* res);
int kstrtouint(const char* s, unsigned base, unsigned* res);
int kstrtol(const char* s, unsigned base, long* res);
int kstrtoul(const char* s, unsigned base, unsigned long* res);
int kstrtoull(const char* s, unsigned base, unsigned long long* res);
int kstrtobool(const char* s, bool* res);
}

namespace {
constexpr size_t page_size = 4096;
constexpr unsigned gfp_kernel = 0xcc0;

// A sysfs read of a parameter: the value and a newline, at most one page.
template <typename T> int show(char* buffer, const char* format, T value)
{
    int n = std::snprintf(buffer, page_size, format, value);
    return n < static_cast<int>(page_size) ? n : static_cast<int>(page_size) - 1;
}
} // namespace

#define KSIM_STANDARD_PARAM(name, type, format, parse)                                                                 \
    KSIM_EXPORT int param_set_##name(const char* val, const kernel_param* kp)                                          \
    {                                                                                                                  \
        return parse(val, 0, static_cast<type*>(kp->arg));                                                             \
    }                                                                                                                  \
    KSIM_EXPORT int param_get_##name(char* buffer, const kernel_param* kp)                                             \
    {                                                                                                                  \
        return show(buffer, format "\n", *static_cast<type*>(kp->arg));                                                \
    }                                                                                                                  \
    KSIM_EXPORT const kernel_param_ops param_ops_##name = {0, param_set_##name, param_get_##name, nullptr};

KSIM_STANDARD_PARAM(byte, uint8_t, "%hhu", kstrtou8)
KSIM_STANDARD_PARAM(short, int16_t, "%hi", kstrtos16)
KSIM_STANDARD_PARAM(ushort, uint16_t, "%hu", kstrtou16)
KSIM_STANDARD_PARAM(int, int, "%i", kstrtoint)
KSIM_STANDARD_PARAM(uint, unsigned, "%u", kstrtouint)
KSIM_STANDARD_PARAM(long, long, "%li", kstrtol)
KSIM_STANDARD_PARAM(ulong, unsigned long, "%lu", kstrtoul)
KSIM_STANDARD_PARAM(ullong, unsigned long long, "%llu", kstrtoull)
KSIM_STANDARD_PARAM(hexint, unsigned, "%#08x", kstrtouint)

namespace {
// Strings set at load time are kmalloc'd copies; a string baked into the
// module (the variable's initial value) is not, and must never be freed.
void maybe_kfree_parameter(char* s)
{
    if (s && ksize(s))
        kfree(s);
}
} // namespace

KSIM_EXPORT int param_set_charp(const char* val, const kernel_param* kp)
{
    size_t length = std::strlen(val);
    if (length > 1024) {
        _printk("\0013%s: string parameter too long\n", kp->name);
        return -ENOSPC;
    }
    char** target = static_cast<char**>(kp->arg);
    maybe_kfree_parameter(*target);
    char* copy = static_cast<char*>(__kmalloc(length + 1, gfp_kernel));
    if (!copy)
        return -ENOMEM;
    std::memcpy(copy, val, length + 1);
    *target = copy;
    return 0;
}

KSIM_EXPORT int param_get_charp(char* buffer, const kernel_param* kp)
{
    const char* value = *static_cast<char**>(kp->arg);
    return show(buffer, "%s\n", value ? value : "(null)");
}

static void param_free_charp(void* arg)
{
    char** target = static_cast<char**>(arg);
    maybe_kfree_parameter(*target);
    *target = nullptr;
}

KSIM_EXPORT const kernel_param_ops param_ops_charp = {0, param_set_charp, param_get_charp, param_free_charp};

KSIM_EXPORT int param_set_bool(const char* val, const kernel_param* kp)
{
    // No "=value" means "set".
    return kstrtobool(val ? val : "1", static_cast<bool*>(kp->arg));
}

KSIM_EXPORT int param_get_bool(char* buffer, const kernel_param* kp)
{
    return show(buffer, "%c\n", *static_cast<bool*>(kp->arg) ? 'Y' : 'N');
}

KSIM_EXPORT const kernel_param_ops param_ops_bool
    = {KERNEL_PARAM_OPS_FL_NOARG, param_set_bool, param_get_bool, nullptr};

KSIM_EXPORT int param_set_invbool(const char* val, const kernel_param* kp)
{
    bool value;
    int ret = kstrtobool(val, &value);
    if (ret == 0)
        *static_cast<bool*>(kp->arg) = !value;
    return ret;
}

KSIM_EXPORT int param_get_invbool(char* buffer, const kernel_param* kp)
{
    return show(buffer, "%c\n", *static_cast<bool*>(kp->arg) ? 'N' : 'Y');
}

KSIM_EXPORT const kernel_param_ops param_ops_invbool = {0, param_set_invbool, param_get_invbool, nullptr};

static int param_set_copystring(const char* val, const kernel_param* kp)
{
    const kparam_string* kps = kp->str;
    if (std::strlen(val) + 1 > kps->maxlen) {
        _printk("\0013%s: string doesn't fit in %u chars.\n", kp->name, kps->maxlen - 1);
        return -ENOSPC;
    }
    std::strcpy(kps->string, val);
    return 0;
}

static int param_get_string(char* buffer, const kernel_param* kp)
{
    return show(buffer, "%s\n", kp->str->string);
}

KSIM_EXPORT const kernel_param_ops param_ops_string = {0, param_set_copystring, param_get_string, nullptr};

// Arrays: comma-separated values, each set by the element type's ops. The
// comma is overwritten while parsing, so errors quote only the first element.
static int param_array_set(const char* val, const kernel_param* kp)
{
    const kparam_array* arr = kp->arr;
    unsigned temp_num;
    unsigned* num = arr->num ? arr->num : &temp_num;
    kernel_param element {kp->name, kp->mod, arr->ops, kp->perm, kp->level, kp->flags, {arr->elem}};
    *num = 0;
    char save;
    do {
        if (*num == arr->max) {
            _printk("\0013%s: can only take %i arguments\n", kp->name, arr->max);
            return -EINVAL;
        }
        size_t len = std::strcspn(val, ",");
        save = val[len];
        const_cast<char*>(val)[len] = '\0';
        int ret = arr->ops->set(val, &element);
        if (ret != 0)
            return ret;
        element.arg = static_cast<char*>(element.arg) + arr->elemsize;
        val += len + 1;
        ++*num;
    } while (save == ',');
    return 0;
}

static int param_array_get(char* buffer, const kernel_param* kp)
{
    const kparam_array* arr = kp->arr;
    kernel_param element {kp->name, kp->mod, arr->ops, kp->perm, kp->level, kp->flags, {arr->elem}};
    int off = 0;
    unsigned count = arr->num ? *arr->num : arr->max;
    for (unsigned i = 0; i < count; ++i) {
        // Each element ends in a newline; all but the last become commas.
        if (i)
            buffer[off - 1] = ',';
        element.arg = static_cast<char*>(arr->elem) + arr->elemsize * i;
        int ret = arr->ops->get(buffer + off, &element);
        if (ret < 0)
            return ret;
        off += ret;
    }
    buffer[off] = '\0';
    return off;
}

static void param_array_free(void* arg)
{
    const kparam_array* arr = static_cast<const kparam_array*>(arg);
    if (!arr->ops->free)
        return;
    for (unsigned i = 0; i < (arr->num ? *arr->num : arr->max); ++i)
        arr->ops->free(static_cast<char*>(arr->elem) + arr->elemsize * i);
}

KSIM_EXPORT const kernel_param_ops param_array_ops = {0, param_array_set, param_array_get, param_array_free};
