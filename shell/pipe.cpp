// Pipes between concurrent commands (see pipe.h).
#include "shell/pipe.h"

#include <cerrno>
#include <chrono>

#include "shell/interrupt.h"

namespace ksim::shell {

ErrorOr<void> Pipe::wait_for(std::unique_lock<std::mutex>& lock, const std::function<bool()>& ready)
{
    // A process with a fatal signal pending dies at its next system call, waiting or not.
    while (true) {
        if (int death = pending_death())
            return Errno {death};
        if (ready())
            return {};
        m_changed.wait_for(lock, std::chrono::milliseconds(50));
    }
}

ErrorOr<size_t> Pipe::write(std::string_view data)
{
    std::unique_lock lock(m_lock);
    size_t written = 0;
    while (written < data.size()) {
        auto waited = wait_for(lock, [&] { return !m_reader_open || m_data.size() < capacity; });
        if (waited.is_error())
            return written ? ErrorOr<size_t>(written) : Errno {waited.error()};
        if (!m_reader_open)
            return Errno {EPIPE};
        size_t room = std::min(capacity - m_data.size(), data.size() - written);
        m_data.append(data.substr(written, room));
        written += room;
        m_changed.notify_all();
    }
    return written;
}

ErrorOr<std::string> Pipe::read(size_t count)
{
    std::unique_lock lock(m_lock);
    auto waited = wait_for(lock, [&] { return !m_data.empty() || !m_writer_open; });
    if (waited.is_error())
        return Errno {waited.error()};
    std::string chunk = m_data.substr(0, count);
    m_data.erase(0, chunk.size());
    m_changed.notify_all();
    return chunk;
}

void Pipe::close_writer()
{
    std::lock_guard lock(m_lock);
    m_writer_open = false;
    m_changed.notify_all();
}

void Pipe::close_reader()
{
    std::lock_guard lock(m_lock);
    m_reader_open = false;
    m_data.clear();
    m_changed.notify_all();
}

PipeOutput::int_type PipeOutput::overflow(int_type c)
{
    if (traits_type::eq_int_type(c, traits_type::eof()))
        return traits_type::not_eof(c);
    char byte = traits_type::to_char_type(c);
    return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
}

std::streamsize PipeOutput::xsputn(const char* s, std::streamsize n)
{
    auto written = m_pipe->write(std::string_view(s, static_cast<size_t>(n)));
    return written.is_error() ? 0 : static_cast<std::streamsize>(written.value());
}

} // namespace ksim::shell
