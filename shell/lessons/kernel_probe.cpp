// The checked process (see kernel_probe.h).
#include "shell/lessons/kernel_probe.h"

#include <unistd.h>

#include <sstream>

#include <ksim/abi.h>

#include "core/kernel.h"
#include "printk/kernel_log.h"
#include "shell/input_source.h"
#include "shell/lessons/observation.h"
#include "shell/lessons/syscall_filter.h"
#include "shell/shell.h"

namespace ksim::lessons {

namespace {

bool read_exactly(int fd, std::string& into, size_t size)
{
    into.resize(size);
    for (size_t done = 0; done < size;) {
        ssize_t n = ::read(fd, into.data() + done, size - done);
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

bool write_all(int fd, const std::string& data)
{
    for (size_t done = 0; done < data.size();) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

class Probe {
public:
    Probe(const Lesson& lesson, const std::filesystem::path& ko)
        : m_module(lesson.module)
        , m_shell(m_kernel)
    {
        m_kernel.log().set_console([](std::string_view) {});
        // The scratch folder is /lib/modules/<release> too, so depmod and
        // modprobe work on the learner's modules.
        std::filesystem::path folder = ko.parent_path();
        std::filesystem::create_directories(folder / "sysroot/lib/modules");
        std::filesystem::create_directories(folder / "sysroot/etc/modprobe.d");
        std::error_code ec;
        std::filesystem::create_directory_symlink(folder, folder / "sysroot/lib/modules" / KSIM_UTS_RELEASE, ec);
        m_shell.set_sysroot(folder / "sysroot");
    }

    Observation perform(const Request& request)
    {
        Observation o;
        if (request.fail_kmalloc)
            m_kernel.slab().fail_nth(*request.fail_kmalloc);
        if (!request.shell_line.empty()) {
            std::ostringstream out, err;
            shell::EmptyInput none;
            o.status = m_shell.run_child(request.shell_line, request.as_root, {none, out, err});
            o.out = out.str();
            o.err = err.str();
        }
        RingBuffer& ring = m_kernel.log().ring();
        for (const LogRecord& r : ring.read_from(std::max(m_next_seq, ring.first_seq())))
            o.log.push_back({r.seq, r.level, r.text});
        if (!o.log.empty())
            m_next_seq = o.log.back().seq + 1;
        o.oopses = static_cast<unsigned>(m_kernel.oops_count());
        const auto* module = m_kernel.modules().find(m_module);
        o.module_loaded = module != nullptr;
        o.module_without_exit = module && !module->has_exit();
        o.taint = m_kernel.taint().mask();
        return o;
    }

private:
    std::string m_module;
    Kernel m_kernel;
    shell::Shell m_shell;
    uint64_t m_next_seq = 0;
};

} // namespace

void serve_probe(const Lesson& lesson, const std::filesystem::path& ko, int channel)
{
    Probe probe(lesson, ko);
    confine_checked_process();
    std::string header, payload;
    while (read_exactly(channel, header, frame_header_size)) {
        auto nonce = frame_nonce(header);
        auto length = frame_length(header, nonce);
        if (!length || !read_exactly(channel, payload, *length))
            _exit(2);
        auto request = decode_request(payload);
        if (!std::holds_alternative<Request>(request))
            _exit(2);
        if (!write_all(channel, encode_observation(probe.perform(std::get<Request>(request)), *nonce)))
            _exit(2);
    }
    _exit(0);
}

} // namespace ksim::lessons
