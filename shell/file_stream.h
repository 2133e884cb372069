// A command's output going to a file: written through as the command runs, as write(2) would.
#pragma once

#include <memory>
#include <streambuf>
#include <string>

#include "shell/file_handle.h"

namespace ksim::shell {

// Buffers up to a block, then writes it to the file. After the first failed
// write the stream refuses more output, and error() says why.
class FileStreamBuffer : public std::streambuf {
public:
    static constexpr size_t block = 64 << 10;
    explicit FileStreamBuffer(std::shared_ptr<FileHandle> file)
        : m_file(std::move(file))
    {
    }
    int error() const { return m_error; }

protected:
    int_type overflow(int_type c) override
    {
        if (m_error)
            return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof()))
            m_pending += traits_type::to_char_type(c);
        if (m_pending.size() >= block)
            flush_pending();
        return m_error ? traits_type::eof() : traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
        if (m_error)
            return 0;
        m_pending.append(s, static_cast<size_t>(n));
        if (m_pending.size() >= block)
            flush_pending();
        return m_error ? 0 : n;
    }
    int sync() override
    {
        flush_pending();
        return m_error ? -1 : 0;
    }

private:
    void flush_pending()
    {
        if (m_pending.empty() || m_error)
            return;
        if (auto written = write_all(*m_file, m_pending); written.is_error())
            m_error = written.error();
        m_pending.clear();
    }

    std::shared_ptr<FileHandle> m_file;
    std::string m_pending;
    int m_error = 0;
};

} // namespace ksim::shell
