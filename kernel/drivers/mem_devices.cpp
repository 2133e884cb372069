// The devices of major 1 (drivers/char/mem.c): /dev/null, /dev/zero, /dev/full, /dev/kmsg.
#include <cerrno>
#include <cstdio>

#include "core/kernel.h"
#include "drivers/char_dev_open.h"
#include "sched/kernel_task.h"
#include "sched/scheduler.h"
#include "syscalls/syscalls.h"

namespace ksim {

namespace {

class NullFile : public OpenFile {
public:
    using OpenFile::OpenFile;
    ErrorOr<std::string> read(size_t) override { return std::string(); }
    ErrorOr<size_t> write(std::string_view data) override { return data.size(); }
    ErrorOr<long long> llseek(long long, int) override { return 0; }
};

class ZeroFile : public OpenFile {
public:
    ZeroFile(int flags, bool full)
        : OpenFile(flags)
        , m_full(full)
    {
    }
    ErrorOr<std::string> read(size_t count) override { return std::string(count, '\0'); }
    ErrorOr<size_t> write(std::string_view data) override
    {
        if (m_full)
            return Errno {ENOSPC};
        return data.size();
    }
    ErrorOr<long long> llseek(long long, int) override { return 0; }

private:
    bool m_full;
};

// /dev/kmsg: one log record per read, in the format of Linux's devkmsg_read().
class KmsgFile : public OpenFile {
public:
    KmsgFile(Kernel& kernel, int flags)
        : OpenFile(flags)
        , m_kernel(kernel)
        , m_next(kernel.log().ring().first_seq())
    {
    }

    ErrorOr<std::string> read(size_t count) override
    {
        auto records = m_kernel.log().ring().read_from(m_next);
        while (records.empty()) {
            // devkmsg_read(): sleep until the next record, unless the file is non-blocking.
            if (flags() & open_nonblock)
                return Errno {EAGAIN};
            if (auto waited = m_kernel.log().wait_for_record(m_next); waited.is_error())
                return Errno {waited.error()};
            records = m_kernel.log().ring().read_from(m_next);
        }
        const LogRecord& r = records.front();
        char header[80];
        std::snprintf(header, sizeof header, "%d,%llu,%llu,-;", r.facility << 3 | r.level,
            static_cast<unsigned long long>(r.seq), static_cast<unsigned long long>(r.timestamp_ns / 1000));
        std::string line = header;
        for (unsigned char c : r.text) {
            if (c < ' ' || c >= 127 || c == '\\') {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
                line += escaped;
            } else {
                line += static_cast<char>(c);
            }
        }
        line += '\n';
        if (line.size() > count)
            return Errno {EINVAL};
        m_next = r.seq + 1;
        return line;
    }

    // Each write is one record; a leading "<N>" sets level and facility.
    ErrorOr<size_t> write(std::string_view data) override
    {
        std::string_view text = data;
        int facility = 1, level = 4;
        if (text.size() >= 3 && text[0] == '<') {
            size_t close = text.find('>');
            int prefix = 0;
            bool numeric = close != std::string_view::npos && close > 1;
            for (size_t i = 1; numeric && i < close; ++i) {
                numeric = text[i] >= '0' && text[i] <= '9';
                prefix = prefix * 10 + (text[i] - '0');
            }
            if (numeric) {
                level = prefix & 7;
                facility = prefix >> 3 ? prefix >> 3 : 1; // user space may not pose as the kernel
                text.remove_prefix(close + 1);
            }
        }
        // As printk, only one trailing newline ends the record; others stay in it.
        if (text.ends_with('\n'))
            text.remove_suffix(1);
        m_kernel.log().log_user(facility, level, text);
        return data.size();
    }

    ErrorOr<long long> llseek(long long offset, int whence) override
    {
        if (offset != 0)
            return Errno {ESPIPE};
        constexpr int seek_set = 0, seek_end = 2, seek_data = 3;
        if (whence == seek_set)
            m_next = m_kernel.log().ring().first_seq();
        else if (whence == seek_data)
            m_next = std::max(m_kernel.log().clear_seq(), m_kernel.log().ring().first_seq());
        else if (whence == seek_end)
            m_next = m_kernel.log().ring().next_seq();
        else
            return Errno {EINVAL};
        return 0;
    }

private:
    Kernel& m_kernel;
    uint64_t m_next;
};

} // namespace

ErrorOr<std::unique_ptr<OpenFile>> open_memory_device(Kernel& kernel, unsigned minor, int flags)
{
    switch (minor) {
    case 3:
        return std::unique_ptr<OpenFile>(std::make_unique<NullFile>(flags));
    case 5:
        return std::unique_ptr<OpenFile>(std::make_unique<ZeroFile>(flags, false));
    case 7:
        return std::unique_ptr<OpenFile>(std::make_unique<ZeroFile>(flags, true));
    case 11: {
        // devkmsg_open(): readers need what syslog(sys::SYSLOG_ACTION_READ_ALL) needs.
        const KernelTask* opener = Scheduler::current();
        bool cap_syslog = !opener || opener->identity().is_root();
        if ((flags & open_access_mask) != open_write_only && !kernel.log().syslog_permitted(sys::SYSLOG_ACTION_READ_ALL, cap_syslog))
            return Errno {EPERM};
        return std::unique_ptr<OpenFile>(std::make_unique<KmsgFile>(kernel, flags));
    }
    default:
        return Errno {ENXIO};
    }
}

} // namespace ksim
