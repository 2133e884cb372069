// The pipe between two commands of a pipeline, which ksim runs one after the other.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace ksim::shell {

// Collects a command's output for the next one. Past `capacity` bytes the
// writer fails as if the reader had gone (SIGPIPE), so `cat /dev/zero | head`
// ends instead of filling memory.
class PipeBuffer : public std::streambuf {
public:
    static constexpr size_t default_capacity = 16 << 20;
    explicit PipeBuffer(size_t capacity = default_capacity)
        : m_capacity(capacity)
    {
    }
    std::string take() { return std::move(m_data); }

protected:
    int_type overflow(int_type c) override
    {
        if (traits_type::eq_int_type(c, traits_type::eof()))
            return traits_type::not_eof(c);
        if (m_data.size() >= m_capacity)
            return traits_type::eof();
        m_data += traits_type::to_char_type(c);
        return c;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
        size_t room = m_capacity - std::min(m_capacity, m_data.size());
        size_t taken = std::min(room, static_cast<size_t>(n));
        m_data.append(s, taken);
        return static_cast<std::streamsize>(taken);
    }

private:
    size_t m_capacity;
    std::string m_data;
};

} // namespace ksim::shell
