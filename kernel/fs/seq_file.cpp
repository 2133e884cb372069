// seq_file: records a module produces one at a time, served to read(2) in any chunk size (fs/seq_file.c).
#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <ksim/fs_abi.h>

#include "core/export.h"
#include "core/kernel.h"
#include "lib/vsprintf.h"

extern "C" unsigned long _copy_to_user(void* to, const void* from, unsigned long n);

namespace {

constexpr unsigned long page_size = 4096;
constexpr int seq_skip = 1;
constexpr unsigned long max_error = 4095;

bool is_error_pointer(const void* p)
{
    return reinterpret_cast<uintptr_t>(p) >= static_cast<uintptr_t>(-max_error);
}

bool overflowed(const struct seq_file* m)
{
    return m->count == m->size;
}

// Grows the buffer; false when it cannot.
bool grow(struct seq_file* m)
{
    unsigned long size = m->size ? m->size * 2 : page_size;
    char* buffer = static_cast<char*>(std::malloc(size));
    if (!buffer)
        return false;
    std::free(m->buf);
    m->buf = buffer;
    m->size = size;
    m->count = 0;
    return true;
}

// Positions the iterator at byte `offset` of the output, re-running the
// records before it (seq_file stores no history).
int traverse(struct seq_file* m, long long offset)
{
    long long position = 0;
    int error = 0;
    m->index = 0;
    m->count = m->from = 0;
    if (!offset)
        return 0;
    if (!m->buf && !grow(m))
        return -ENOMEM;
    void* p = m->op->start(m, &m->index);
    while (p) {
        error = is_error_pointer(p) ? static_cast<int>(reinterpret_cast<intptr_t>(p)) : 0;
        if (error)
            break;
        error = m->op->show(m, p);
        if (error < 0)
            break;
        if (error == seq_skip)
            m->count = 0;
        if (overflowed(m)) {
            m->op->stop(m, p);
            if (!grow(m))
                return -ENOMEM;
            m->index = 0;
            position = 0;
            p = m->op->start(m, &m->index);
            continue;
        }
        // The index moves past the record before it is kept: the next
        // read starts with what is left of it, then the record after.
        p = m->op->next(m, p, &m->index);
        if (position + static_cast<long long>(m->count) > offset) {
            m->from = static_cast<unsigned long>(offset - position);
            m->count -= m->from;
            break;
        }
        position += static_cast<long long>(m->count);
        m->count = 0;
        if (position == offset)
            break;
    }
    m->op->stop(m, p);
    return error;
}

void* single_start(struct seq_file*, long long* position)
{
    return *position ? nullptr : reinterpret_cast<void*>(1); // SEQ_START_TOKEN
}

void* single_next(struct seq_file*, void*, long long* position)
{
    ++*position;
    return nullptr;
}

void single_stop(struct seq_file*, void*)
{
}

// Makes the next records into m->buf: at least one whole record (growing
// the buffer until it fits), then more while they fit in `wanted` bytes.
// Returns a negative errno or 0; m->count is 0 at the end of the records.
int produce(struct seq_file* m, unsigned long wanted)
{
    m->from = 0;
    void* p = m->op->start(m, &m->index);
    int error = 0;
    while (true) {
        if (!p || is_error_pointer(p)) {
            m->op->stop(m, p);
            m->count = 0;
            return p ? static_cast<int>(reinterpret_cast<intptr_t>(p)) : 0;
        }
        error = m->op->show(m, p);
        if (error < 0) {
            m->op->stop(m, p);
            m->count = 0;
            return error;
        }
        if (error == seq_skip)
            m->count = 0;
        if (!m->count) {
            p = m->op->next(m, p, &m->index);
            continue;
        }
        if (!overflowed(m))
            break;
        m->op->stop(m, p);
        if (!grow(m))
            return -ENOMEM;
        p = m->op->start(m, &m->index);
    }
    while (true) {
        unsigned long kept = m->count;
        long long before = m->index;
        p = m->op->next(m, p, &m->index);
        if (before == m->index) {
            ksim::Kernel& kernel = ksim::Kernel::current();
            // %ps: the function's name, and for a module's function the module's name after it.
            auto next = reinterpret_cast<uintptr_t>(m->op->next);
            std::string function = kernel.symbolize(next, false);
            if (const ksim::Module* owner = kernel.modules().module_at(next))
                function.append(" [").append(owner->name).append("]");
            kernel.log().log(6, "buggy seq_file .next function " + function + " did not update position index");
            m->index++;
        }
        if (!p || is_error_pointer(p) || m->count >= wanted)
            break;
        error = m->op->show(m, p);
        if (overflowed(m) || error) {
            m->count = kept;
            if (error <= 0)
                break;
        }
    }
    m->op->stop(m, p);
    return 0;
}

} // namespace

KSIM_EXPORT int seq_open(struct file* file, const struct seq_operations* op)
{
    auto* m = static_cast<struct seq_file*>(std::calloc(1, sizeof(struct seq_file)));
    if (!m)
        return -ENOMEM;
    m->op = op;
    m->file = file;
    file->private_data = m;
    file->f_mode &= ~FMODE_PWRITE; // seq_files are written (if at all) at their own position
    return 0;
}

KSIM_EXPORT int seq_release(struct inode*, struct file* file)
{
    auto* m = static_cast<struct seq_file*>(file->private_data);
    if (m) {
        std::free(m->buf);
        std::free(m);
    }
    return 0;
}

KSIM_EXPORT long seq_read(struct file* file, char* user_buffer, unsigned long size, long long* ppos)
{
    auto* m = static_cast<struct seq_file*>(file->private_data);
    if (*ppos == 0) {
        m->index = 0;
        m->count = 0;
        m->from = 0;
        m->read_pos = 0;
    } else if (*ppos != m->read_pos) {
        if (int error = traverse(m, *ppos)) {
            m->read_pos = 0;
            m->index = 0;
            m->count = 0;
            return error;
        }
        m->read_pos = *ppos;
    }
    if (!m->buf && !grow(m))
        return -ENOMEM;

    unsigned long copied = 0;
    int error = 0;
    // What an earlier read left over goes first, then fresh records.
    for (int round = 0; round < 2 && copied < size; ++round) {
        if (round == 1) {
            if (m->count)
                break;
            error = produce(m, size - copied);
        }
        unsigned long n = std::min(m->count, size - copied);
        if (n && _copy_to_user(user_buffer + copied, m->buf + m->from, n))
            return copied ? static_cast<long>(copied) : -EFAULT;
        m->count -= n;
        m->from += n;
        copied += n;
    }
    if (copied == 0)
        return error;
    *ppos += static_cast<long long>(copied);
    m->read_pos += static_cast<long long>(copied);
    return static_cast<long>(copied);
}

KSIM_EXPORT long long seq_lseek(struct file* file, long long offset, int whence)
{
    auto* m = static_cast<struct seq_file*>(file->private_data);
    if (whence == 1)
        offset += file->f_pos;
    else if (whence != 0)
        return -EINVAL;
    if (offset < 0)
        return -EINVAL;
    if (offset != m->read_pos) {
        int error = traverse(m, offset);
        if (error) {
            file->f_pos = 0;
            m->read_pos = 0;
            m->index = 0;
            m->count = 0;
            return error;
        }
        m->read_pos = offset;
    }
    file->f_pos = offset;
    return offset;
}

KSIM_EXPORT int single_open(struct file* file, int (*show)(struct seq_file*, void*), void* data)
{
    auto* op = static_cast<struct seq_operations*>(std::calloc(1, sizeof(struct seq_operations)));
    if (!op)
        return -ENOMEM;
    op->start = single_start;
    op->next = single_next;
    op->stop = single_stop;
    op->show = show;
    int result = seq_open(file, op);
    if (result) {
        std::free(op);
        return result;
    }
    static_cast<struct seq_file*>(file->private_data)->private_ = data;
    return 0;
}

KSIM_EXPORT int single_release(struct inode* inode, struct file* file)
{
    const struct seq_operations* op = static_cast<struct seq_file*>(file->private_data)->op;
    int result = seq_release(inode, file);
    std::free(const_cast<struct seq_operations*>(op));
    return result;
}

KSIM_EXPORT void seq_vprintf(struct seq_file* m, const char* fmt, va_list args)
{
    if (m->count >= m->size)
        return;
    ksim::Kernel& kernel = ksim::Kernel::current();
    std::string text = ksim::kernel_vformat(fmt, args, [&](uintptr_t a, bool o) { return kernel.symbolize(a, o); });
    if (text.size() < m->size - m->count) {
        std::memcpy(m->buf + m->count, text.data(), text.size());
        m->count += text.size();
    } else {
        m->count = m->size; // overflow: seq_read retries with a bigger buffer
    }
}

KSIM_EXPORT void seq_printf(struct seq_file* m, const char* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    seq_vprintf(m, fmt, args);
    va_end(args);
}

KSIM_EXPORT void seq_write(struct seq_file* m, const void* data, unsigned long length)
{
    if (m->count + length < m->size) {
        std::memcpy(m->buf + m->count, data, length);
        m->count += length;
    } else {
        m->count = m->size;
    }
}

KSIM_EXPORT void seq_puts(struct seq_file* m, const char* s)
{
    seq_write(m, s, std::strlen(s));
}

KSIM_EXPORT void seq_putc(struct seq_file* m, char c)
{
    if (m->count < m->size)
        m->buf[m->count++] = c;
}
